"""Word lists and patterns for the boilerplate detector, kept apart from its logic.

Each table says why it exists. Patterns describe *families* of page furniture (a call to
follow, a photo credit, a widget label), written to match the grammar of the family rather than
any one outlet's wording. Everything here is matched case-insensitively against one stripped
line (a paragraph of scraped text) unless a comment says otherwise.
"""

from __future__ import annotations

import re

from quality.bounded import BoundedDict
from quality.fast_start import fast_start
from quality.spans import CURRENCY_SIGNS

_I = re.IGNORECASE

# --------------------------------------------------------------------------------------------
# Shared vocabularies
# --------------------------------------------------------------------------------------------

# Social networks and messaging apps: calls to follow, share and join name them.
NETWORKS = (
    r"facebook|twitter|x\.com|instagram|telegram|whatsapp|youtube|tiktok|linkedin|reddit|"
    r"pinterest|snapchat|mastodon|bluesky|flipboard|tumblr|weibo|wechat|vkontakte|viber|"
    r"google\s?\+|google news|apple news|messenger|koo|gettr|truth social|rumble|odnoklassniki"
)
# What share widgets print one per line: the networks plus the generic share targets. Only
# matched as a whole short line, so "print" or "line" in a sentence is never touched.
SHARE_TARGETS = NETWORKS + (
    r"|x|vk|line|signal|threads|pocket|mix|rss|blogger|digg|email|e-mail|mail|print|sms|copy|"
    r"copy link|copy url|link|url copied|copied|permalink|share|tweet|whatsapp it|save|bookmark"
)

# Photo and news agencies that appear in credits ("Photo: AFP via Getty", "(Reuters)").
AGENCIES = (
    r"getty(?:\s+images)?|afp|ap|associated press|reuters|epa(?:-efe)?|efe|shutterstock|istock(?:photo)?|"
    r"xinhua|alamy|pa(?: images| wire| media)?|bloomberg|wikimedia(?: commons)?|wikipedia|unsplash|"
    r"pexels|pixabay|flickr|dpa|ansa|anadolu(?: agency)?|tass|sputnik|ria novosti|pool|"
    r"nurphoto|sopa images|zuma(?: press| wire)?|imago|corbis|rex(?: features)?|sipa|"
    r"kyodo|yonhap|cnsphoto|vcg|imaginechina|handout|courtesy|file photo|file|twitter|"
    r"instagram|facebook|youtube|weibo|screenshot|screengrab|supplied|ians|pti|ani|bernama"
)

# Month names and abbreviations (English plus the most common Romance/Germanic spellings):
# datelines and bylines are mostly dates.
MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|"
    r"enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|"
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    r"januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|"
    r"juillet|août|septembre|octobre|novembre|décembre"
)
WEEKDAYS = (
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|"
    r"sun(?:day)?|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|sábado|domingo|"
    r"lunes|martes|miércoles|jueves|viernes|lunedì|martedì|mercoledì|giovedì|venerdì|sabato"
)

# Dates and times in the shapes that datelines use. Removing every match and finding little
# left is how a date-only line is recognised.
DATE_OR_TIME = re.compile(
    rf"""
    \b\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}(?:[T ]\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?\b
  | \b\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}\b
  | \b\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{{2,4}}T|UTC|GMT|ET|PT|CT|IST|CET|MSK|HKT|SGT|BST)\b)?
  | \b\d{{1,2}}\s*[ap]\.?m\.?\b
  | \b(?:{WEEKDAYS})\b\.?,?
  | \b(?:{MONTHS})\b\.?\s*\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s*\d{{4}})?
  | \b\d{{1,2}}(?:st|nd|rd|th)?\.?\s*(?:de\s+)?(?:{MONTHS})\b\.?,?(?:\s*(?:de\s+)?\d{{4}})?
  | \b(?:{MONTHS})\b\.?\s+\d{{4}}
  | \b(?:19|20)\d{{2}}\b
  | \b\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|seconds?|secs?)\s+(?:ago|read)\b
  | \b(?:yesterday|today|just now)\b
    """,
    _I | re.VERBOSE,
)

# The cheap screen before DATE_OR_TIME, which tries its eleven branches at every position of
# every short line: every branch needs a digit, or a word (between non-letters) that begins with
# a weekday or month name, "yesterday", "today" or "just" (of "just now"). Hyphenated weekdays
# ("segunda-feira") are split at the hyphen, so their first halves are listed as well.
_DATE_DIGIT = re.compile(r"\d")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_DATE_WORD_START = fast_start(re.compile(rf"(?:{WEEKDAYS}|{MONTHS}|yesterday|today|just|segunda|terça|quarta|quinta|sexta)", _I))
# letter run → begins with a date word; news vocabulary repeats. Emptied beyond CACHED_RUNS runs
# (about 5 MB full: benchmarks/cache_ceiling.py); a run is worked out again by one short match.
CACHED_RUNS = 50_000
_DATE_WORDS: BoundedDict[str, bool] = BoundedDict(CACHED_RUNS)


def may_hold_date_or_time(text: str) -> bool:
    """False only when ``DATE_OR_TIME`` cannot match ``text`` (see above); ten times cheaper."""
    if _DATE_DIGIT.search(text):
        return True
    for run in _LETTER_RUN.findall(text):
        known = _DATE_WORDS.get(run)
        if known is None:
            known = _DATE_WORDS.put(run, _DATE_WORD_START.match(run) is not None)
        if known:
            return True
    return False


# Words that label a dateline or byline field and carry no content of their own.
DATELINE_LABELS = fast_start(re.compile(
    r"\b(?:date|dated|published|publicado|publié|posted|updated|actualizado|atualizado|"
    r"last updated|first published|modified|created|on|at|às|a las|le|el|em|in|by|por|par|von|di|"
    r"written by|words by|story by|text by|reporting by|edited by|editing by|writing by|"
    r"additional reporting by|compiled by|staff writer|staff reporter|correspondent|"
    r"contributor|columnist|editor|senior editor|reporter|author|autor|bureau|desk|"
    r"news desk|web desk|agencies|agency|min read|read time|reading time|views?|comments?|"
    r"et|est|edt|pst|pdt|gmt|utc|ist|cet|msk|sgt|am|pm)\b"
    r"|[|•·—–\-/,:()\[\]@]",
    _I,
))

# --------------------------------------------------------------------------------------------
# Families of boilerplate, one per rule. Each entry is (pattern, max_chars): the pattern fires
# only on lines no longer than max_chars, because the longer a line is, the likelier it is a real
# paragraph that merely uses the words (a story about a Telegram channel, a photo exhibition).
# --------------------------------------------------------------------------------------------

# BPL001: calls to follow, like, share, subscribe or join, and share-widget residue.
SOCIAL_CALL: tuple[tuple[re.Pattern[str], int], ...] = (
    # "Follow us on Telegram ...", "Join our WhatsApp channel", "Like us on Facebook": the verb
    # addresses the reader, so it opens a clause ("The governor would like us to know" does not)
    (re.compile(r"(?:^|[.!?:;,(—–-]\s*|\b(?:and|or|please|to|also)\s+)"
                r"(?:follow|like|join|find|add|friend|connect with|catch|reach)\s+us\b", _I), 300),
    (re.compile(r"^\W*(?:please\s+)?(?:follow|join|subscribe|sign\s*up|signup|register|download|install|get|"
                r"stay (?:up to date|updated|informed|connected|tuned)|don'?t miss|never miss|keep up)\b"
                r".{0,120}\b(?:our|the)\s+(?:\w+\s+){0,3}(?:channel|newsletters?|app|group|page|account|"
                r"podcast|feed|alerts?|updates|bulletin|digest|notifications)\b", _I), 300),
    (re.compile(rf"^\W*(?:please\s+)?(?:follow|join|subscribe(?:\s+to)?|get|check out)\s+"
                rf"(?:\w+\s+){{0,3}}(?:on|via|in)\s+(?:{NETWORKS})\b", _I), 250),
    # "If you like what you read, follow us ...", "Enjoyed this article? Share it"
    (re.compile(r"\bif you (?:like|liked|enjoy(?:ed)?|found|appreciate|value)\b.{0,80}"
                r"\b(?:follow|share|subscribe|support|donate|sign up|join)\b", _I), 400),
    (re.compile(r"^\W*(?:enjoy(?:ed)?|like|liked|love|loved)\b.{0,40}\?\s*(?:follow|share|subscribe|sign up|join)\b", _I), 300),
    # Newsletter and alert prompts
    (re.compile(r"\b(?:sign\s*up|subscribe|register)\b.{0,60}\b(?:newsletters?|alerts?|digest|briefing|updates|inbox)\b", _I), 220),
    (re.compile(r"\b(?:newsletters?|inbox)\b.{0,60}\b(?:sign\s*up|subscribe|delivered|unsubscribe)\b", _I), 220),
    (re.compile(r"^\W*(?:subscribe|sign\s*up|sign in to|log in to|register)\b", _I), 90),
    (re.compile(r"\bunsubscribe\b|\bopt[- ]in\b|\bprivacy (?:notice|policy).{0,40}\bsubscri", _I), 300),
    # Share widgets: "Share this:", "Share on Facebook", "0 shares", "Sharing is caring!"
    (re.compile(rf"^\W*(?:share|sharing|tweet|pin it|email|e-mail)\b(?:\s+(?:this|it|the|on|via|to|"
                rf"article|story|post|page|link|options?|all|sharing|now|with|your|friends|{SHARE_TARGETS}))*"
                rf"\s*(?::.{{0,80}})?\W*$", _I), 120),
    (re.compile(r"^\W*\d+\s*(?:shares?|comments?|likes?|views?|reactions?)\W*$", _I), 40),
    (re.compile(r"\bsharing is caring\b|\bcopy link\b|\bclick to share\b|\bshare (?:this|the) (?:article|story|post)\b", _I), 160),
    (re.compile(rf"^\W*(?:(?:{SHARE_TARGETS})\b\W*)+$", _I), 60),
    # App-store prompts and deep links to channels
    (re.compile(r"\b(?:download|get|install)\s+(?:our|the)\s+(?:\w+\s+){0,2}app\b", _I), 220),
    (re.compile(r"(?:https?://)?(?:t\.me|chat\.whatsapp\.com|whatsapp\.com/channel|wa\.me)/", _I), 300),
)

# A call to the reader told by its structure (``boilerplate.call_to_reader``), for the wordings
# SOCIAL_CALL does not know: the line asks the reader to act (an imperative of what a reader
# does with an outlet, or "you") through a channel it names (a network, an address, a number or
# a medium of the outlet's). These are the two vocabularies of that structure, not wordings.
READER_ACTIONS = frozenset(
    """
    add allow become bookmark call catch chat check chip click comment connect consider contact contribute
    dm donate download drop email e-mail enable find follow get gift give grab help hit install
    join keep leave listen make message pitch pledge read reach register scan send share sign stay submit
    subscribe support switch tap tell text tip try tune turn unlock update upgrade visit watch
    whatsapp write
    """.split()
)
# The outlet's own media and the ways readers reach or pay it: its reporting is what a gift
# supports ("Chip in what you can to keep our reporting free", "Make a gift to local news").
READER_CHANNELS = re.compile(
    rf"\b(?:{NETWORKS}|signal|kakaotalk|kakao|zalo|dzen|threads|vk|line app)\b"
    r"|\b(?:channels?|newsletters?|apps?|podcasts?|notifications?|alerts|feeds?|inbox|memberships?|"
    r"subscriptions?|subscribers?|donations?|donate|tipline|tip line|(?:news|story) tips?|securedrop|"
    r"comments|comment section|comments? below|newsroom|editors|journalism|reporting|coverage|"
    r"bulletins?|briefings?|digest|push|(?:becom(?:e|ing)|be) an? (?:[\w-]+ )?(?:member|subscriber|supporter|patron|insider)"
    r"|(?:tax[- ]deductible )?(?:gift|donation|contribution) to|(?:give|donate|contribute|chip in|pitch in) what(?:ever)? you can"
    r"|tune in (?:to|on))\b"  # what one tunes in to is a broadcast: "Tune in to BMR Sports Live"
    r"|[\U0001F514\U0001F4F2\U0001F4F1\U0001F4E9\U0001F4E7\u2709]",  # 🔔 📲 📱 📩 📧 ✉: a bell, a phone, a letter
    _I,
)
# The outlet's newsroom and its own products as what a reader writes to, reads or joins: "Tell our
# city desk how your commute has changed", "Our district reporters want to hear from you",
# "through the tips form on our contact page", "our match-day live blog". A channel, not the
# outlet's voice: "our correspondent says" in a story addresses no reader, and a line is a call
# only with an address or an imperative beside it. ("team" after one word: "our science team",
# not a coach's "our team".)
OUTLET_NEWSROOM = re.compile(
    r"\bour\s+(?:[\w'’-]+\s+){0,2}?(?:desk|newsdesk|reporters?|correspondents?|editors?|critics|producers|"
    r"journalists|contact page|contact form|tips? form|events? page|live blog|weekly letter|reader gallery)\b"
    r"|\bour\s+[\w'’-]+\s+team\b",
    _I,
)
# The reader as the outlet's funder: "funded by its readers", "paid for by the people who read it",
# "gifts of any size", "a contribution from readers" (not "paying subscribers", who may be another
# outlet's). It names the reader and what the reader gives, so it is an address and a channel at once.
READER_FUNDING = re.compile(
    r"\b(?:funded|paid for|supported|made possible|kept going)\s+by\s+(?:(?:its|our)\s+readers|readers|you|the people who read (?:it|us))\b"
    r"|\b(?:gifts?|contributions?|donations?)\s+(?:of any (?:size|amount)|however small|from (?:readers|you))\b"
    r"|\breader[- ](?:funded|supported)\b",
    _I,
)
# The outlet as the one the reader sends something to: "Send us your photos", "write to us",
# "reply by email". Not "tell us", which a letter or a column asks rhetorically ("Now tell us
# this isn't a witch hunt").
OUTLET_RECIPIENT = re.compile(r"\b(?:send|write|email|e-mail|message|contact)\s+(?:to\s+)?us\b|\b(?:by|via)\s+e-?mail\b", _I)
# The people of the outlet's newsroom: after "our", the outlet speaks of itself as it does before
# a channel ("our investigations desk", "our reporters"). Not "team" or "staff": a coach's or a
# company's "our team" beside "on Twitter" is not the outlet's.
NEWSROOM_PEOPLE = fast_start(re.compile(r"\b(?:desk|newsdesk|reporters|journalists|correspondents|producers)\b", _I))
CURRENCY = f"[{re.escape(CURRENCY_SIGNS)}]"
# The price of supporting the outlet: "$2 a week", "₩1,000 for your first month".
READER_PRICE = re.compile(
    rf"{CURRENCY}\s?\d+(?:[.,]\d+)*\s*(?:a|an|per|/|for (?:your|the) first)\s*(?:day|week|month|year)\b", _I
)
# Money as the object of a reader's gift: "Chip in $10", "donate just £5".
READER_GIFT = re.compile(rf"\b(?:chip in|donate|give|pledge|contribute)\s+(?:just |only |as little as )?{CURRENCY}\s?\d", _I)
# Tried only from the start of a run of address characters, which it takes whole (possessive):
# from every position of a long run without "@" it would rescan the run, quadratic in its length.
EMAIL_ADDRESS = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]+\.[\w.-]+")
# An SMS short code with its keyword: "Text NEWS to 78070", "text ALERTS to 56512".
SHORT_CODE = fast_start(re.compile(r"\b(?i:text)\s+[\"'“‘]?[A-Z][A-Z0-9]{1,15}[\"'”’]?\s+(?i:to)\s+\d{4,6}\b"))  # the keyword in capitals
TELEPHONE = re.compile(r"\+?\d[\d ().-]{6,}\d")  # the outlet's only beside its "us": police appeals give one too
SECOND_PERSON = fast_start(re.compile(r"\b(?:you|your|yours|yourself|you're|you’re|you'll|you’ll|you've|you’ve)\b", _I))
# A condition on the reader before a call's imperative ("If you value our reporting, please ...").
READER_CONDITION = re.compile(r"if you\b[^,.!?]{0,80},\s*", re.IGNORECASE)
# A question to the reader with "you" left out ("Got a story?", "Seen something?", "Know more?"):
# the outlet's tip lines open so, and a story's sentences do not.
READER_QUESTION = re.compile(r"^\W*(?:got|seen|spotted|heard|know|want|need)\b[^.!?\n]{0,60}\?", re.IGNORECASE)
# The page's own controls, which only a reader of the page can use: "tap the green button below",
# "click here", "the link above", where the place word ends the phrase (a button "below the
# balance" is on a screen a story describes). A story names no button of its page.
PAGE_CONTROLS = fast_start(re.compile(
    r"\b(?:(?:button|link|icon|banner|form|box)\s+(?:below|above|here)|(?:click|tap|press)\s+(?:here|below|above))"
    r"(?=\s*(?:[.!,;:)–—-]|$|and\b|to\b|for\b))", _I
))
# The outlet speaks of itself as the object of the reader's act ("follow us") or as the owner of
# the channel ("our app": see boilerplate.call_to_reader); a "we" that is the subject of a
# sentence, or "our own", is as often a columnist's or a nation's.
OUTLET_OBJECT = fast_start(re.compile(r"\bus\b"))  # "US" is a country
OUTLET_POSSESSIVE = fast_start(re.compile(r"\bour((?:\s+[\w'’-]+){1,3})", _I))  # and the three words after it
# The outlet speaking of its audience in the third person: "Readers can reach the newsdesk at ...",
# "Readers with information about the case can contact ...", "Viewers are invited to send their
# videos", "Harbour Times readers can now follow ..." (the outlet's name before them, words of
# at most 31 characters, so that a run of letters is never rescanned from each of its positions).
# Matched at the start of a sentence.
READERS_ADDRESSED = re.compile(
    r"[\W_]{0,3}(?:our\s+|(?:[A-Z][\w'’&.-]{0,30}\s+){1,4})?(?:readers|viewers|listeners)(?:\s+(?:wishing|wanting|interested)\b"
    r"|(?:\s+[\w'’-]+){0,8}?\s+(?:can|may|should|are\s+(?:invited|encouraged|welcome))\b)",
    _I,
)
# What may stand before the verb of an imperative: "Please join", "→ Join", "Now, download".
IMPERATIVE_LEAD = re.compile(r"^[\W_]*(?:(?:please|now|also|and|or|just|simply|so|why not|don't forget to)\b[\W_]*)*", _I)
# "Like" opens many a news sentence ("Like many cities, ..."); it is the reader's act only with
# its object, the outlet ("us" or a name), on a network, ending the clause: "like the Courier on
# Facebook".
LIKE_ON_NETWORK = re.compile(
    rf"(?i:like)\s+(?:(?i:us)|(?:(?i:the)\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){{0,4}})"
    rf"\s+(?i:on\s+(?:{NETWORKS}))\b\W*(?:$|[.!]|\s+(?i:and|for|to)\b)"
)
# What may open a sentence before its imperative: "For more news, follow ...", "To reach us, write ...",
# "If this reporting helped you, chip in ...".
INTRODUCTORY = re.compile(r"(?:for|to|if)\s[^,.;:!?]{1,60},\s*", _I)
# Quoted stretches are someone's speech ("'Join us in the streets,' she said"), not the outlet's.
# A quotation ends before the next opening mark, so an unclosed mark is not scanned past another.
QUOTED = re.compile(r"\"[^\"]*\"|“[^“”]*”|«[^«»]*»|„[^„“”]*[“”]")

# BPL002: image and video credits, captions' residue, gallery widgets and icon ligatures.
MEDIA_CREDIT: tuple[tuple[re.Pattern[str], int], ...] = (
    # "Top image via ...", "Photo: ...", "Image credit: ...", "Foto: ..."
    (re.compile(r"^\W*(?:(?:top|featured|feature|header|cover|lead|main|hero|banner|inset|above|below|left|right)\s+)?"
                r"(?:images?|photos?|photographs?|pictures?|pics?|videos?|graphics?|illustrations?|"
                r"fotos?|imagen|imagem|bild|credits?|source|fonte|fuente|picture credit|photo credit)s?"
                r"\s*(?:credits?|courtesy|source)?\s*(?:via|by|from|:|courtesy of|credit|©|—|–|-)\s*\S", _I), 200),
    # Icon-font ligatures left in place of an icon ("photo_camera XINHUA/LI TAO")
    (re.compile(r"^\W*(?:photo_camera|camera_alt|photo_library|play_arrow|play_circle(?:_filled|_outline)?|"
                r"videocam|image|collections|zoom_in|open_in_new|fullscreen|volume_up)\b", _I), 400),
    # Credit at the end of a caption: "... (Getty Images)", "... Photograph: AFP via Getty"
    (re.compile(rf"\((?:[^()]{{0,60}}[/,;:]\s*)?(?:(?:photo|image|picture|foto|file|credit)s?\s*:?\s*)?"
                rf"(?:{AGENCIES})(?:\s*/\s*[^()]{{1,40}})?\)\W*$", _I), 400),
    (re.compile(rf"(?:photograph|photo|image|picture|credit|foto|imagen|video)s?\s*(?::|\.\.\.|…|by|via)\s*"
                rf"[^.!?]{{0,60}}\b(?:{AGENCIES})\b[^.!?]{{0,40}}$", _I), 400),
    (re.compile(rf"\b(?:{AGENCIES})\s+(?:via|vía|/)\s+(?:{AGENCIES})\b", _I), 300),
    (re.compile(rf"^[^.!?]{{0,60}}/\s*(?:{AGENCIES})\s*$", _I), 80),
    (re.compile(rf"^\W*©\s*(?:{AGENCIES})\b", _I), 120),
    (re.compile(r"\b(?:credit|courtesy)\s*(?::|\.\.\.|…|of)\s*\S", _I), 160),
    # Gallery widgets: "Image 1 of 23", "1 / 23", "Back to Gallery", "Enlarge this image"
    (re.compile(r"^\W*(?:(?:image|photo|picture|slide|video)\s+)?\d+\s*(?:of|/)\s*\d*\s*$", _I), 30),
    (re.compile(r"^\W*(?:back to gallery|view gallery|open gallery|see gallery|enlarge this image|"
                r"expand image|view (?:image|photo)s?|view (?:full|larger) image|toggle caption|"
                r"hide caption|show caption|caption|(?:watch|play) video|\d+\s+(?:photos|images|videos))\W*$", _I), 40),
    (re.compile(r"\bembed from getty images\b|\bgetty images\b.{0,20}$", _I), 120),
)

# BPL003: navigation, related links, tag lists and widget labels.
NAVIGATION: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"^\W*(?:more|latest|top|other|recent)\s+(?:in|from|on|about|news|stories|articles|videos|"
                r"posts|headlines)\b.{0,50}$", _I), 70),
    (re.compile(r"^\W*(?:read|see|watch|listen)\s+(?:more|also|next|full story|the full story|our)\b", _I), 160),
    (re.compile(r"^\W*(?:also read|also see|also watch|see also|related(?:\s+(?:articles?|stories|posts|news|"
                r"content|topics|tags|coverage|reading|links|items|video))?|recommended(?:\s+for you)?|"
                r"suggested(?:\s+(?:reading|articles|stories))?|most (?:read|popular|viewed|shared|emailed|"
                r"commented|recent)|trending(?:\s+(?:now|stories|news|topics))?|top stories|editor'?s picks?|"
                r"don'?t miss|in case you missed it|ICYMI|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|"
                r"more stories|more news|further reading|what to read next|up next|next up|"
                # "Next"/"Previous" as a link's whole label ("Previous Post Next Post »", "Newer Story →"),
                # not a sentence's first word ("Next, I will show ...", "Next fixtures, Saturday")
                r"(?:(?:next|previous|prev|older|newer)(?:\s+(?:playlist\s+)?(?:articles?|stor(?:y|ies)|posts?|pages?|items?))?[ \t]*){1,2}"
                r"(?=[ \t]*(?:$|[:»›>|\-–—→]))|continue reading|"
                r"keep reading|read next|from (?:around|across) the web|around the web|leia (?:também|mais)|"
                r"veja também|lea también|leggi anche|lesen sie auch|lire aussi|"
                r"tags?|topics?|filed under|categories|category|sections?|breadcrumbs?)\b\s*[:»›>|\-–—]?", _I), 60),
    (re.compile(r"^\W*(?:also read|read also|see also|related|read more|more|recommended|watch|listen|"
                r"tags?|topics?|filed under)\s*[:»›>|]\s*\S", _I), 300),
    (re.compile(r"^\W*(?:home|menu|search|skip to (?:main )?content|skip navigation|skip to navigation|"
                r"back to top|go to top|scroll to top|top of page|close|open|toggle navigation|"
                r"main menu|navigation|sitemap|site index|site map|load more|show more|view more|see more|"
                r"see all|view all|show all|click here|tap here|more|less|expand|collapse|"
                r"log ?in|log ?out|sign ?in|sign ?out|my account|account|register|"
                r"comments?|leave a (?:comment|reply)|add a comment|post a comment|view comments|"
                r"(?:\d+\s+)?comments?|reply|previous|next|prev|older posts|newer posts)\W*$", _I), 40),
    # Breadcrumbs: "Home » World » Asia", "News / Politics / Europe"
    # (a slash between figures is a score or a fraction: "Lefèvre 1/2-1/2 Li Wen")
    (re.compile(r"^\W*[\w'&.-]+(?:\s+[\w'&.-]+){0,3}(?:(?:\s*[»›>|]|\s*(?<!\d)/(?!\d))\s*[\w'&.-]+(?:\s+[\w'&.-]+){0,3}){2,}\s*$", _I), 120),
    # a control of the page the reader is told to use, whatever the device ("click here", "Tap
    # here to enable video playback", "press here")
    (re.compile(r"\b(?:click|tap|press) here\b|\bfor more (?:news|stories|updates|information),? (?:visit|go to|click|tap)\b", _I), 160),
    (re.compile(r"^\W*(?:you are (?:at|here)|you're here)\s*:?", _I), 120),
    # A teaser's label before the headline it links to: "More from our education desk: ...",
    # "Also from our weather desk: ...", "Related from our county desk: ...", "Coming on Sunday: ..."
    # (a day: "Coming next:" heads a part of the article in a series).
    (re.compile(r"^\W*(?:(?:more|also|related|elsewhere)\s+(?:from|on|in|at)\s+[^:.!?→»›]{1,50}"
                r"|coming\s+(?:on\s+\w+day|tomorrow|this\s+weekend|next\s+week))\s*(?::|→|»|›)\s*\S", _I), 300),
    # A short label of capitalised words and one arrow before the headline it links to ("ALSO
    # ON THE COURIER → Why lenders are nervous ..."): arrows point at links. A how-to's path
    # ("tap Settings → Privacy") has a verb in lower case before its arrow, or more arrows, or a
    # few words after it. (Case-sensitive on purpose.)
    (re.compile(r"^\W*[A-Z][\w'’&.-]{0,30}(?:\s+(?:[A-Z][\w'’&.-]{0,30}|on|of|the|in|from|at|for|and)){0,5}\s+(?:→|»|›)\s+"
                r"(?=(?:[^\s→»›]+\s+){3}[^\s→»›])[^→»›\n]*$"), 300),
    # The comment widget's state: "Comments are closed for this article."
    (re.compile(r"^\W*(?:comments?|commenting|replies|discussion)\s+(?:are|is|has been|have been)\s+(?:now\s+)?"
                r"(?:closed|disabled|turned off|switched off)(?:\s+(?:for|on)\s+this\s+(?:article|story|post|page|thread))?\W*$", _I), 80),
)

# BPL004: dateline, category and byline residue. Most of it is found by logic (a line that is
# only dates, labels and a few capitalised words); these catch the explicit shapes.
BYLINE: tuple[tuple[re.Pattern[str], int], ...] = (
    # "By Jane Doe | Reuters", "por María Pérez, Madrid": the name must be capitalised, so that
    # "By the end of 2023, ..." is not a byline (case-sensitive on purpose).
    (re.compile(r"^\W*(?i:by|por|par|von|di|de|от|автор)\s+(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w.'’-]*\s*){1,5}"
                r"(?:$|[|,•·—–\-/(@]|\b(?:and|y|e|et|und)\b)"), 90),
    (re.compile(r"^\W*\(?(?:reporting|writing|editing|edited|additional reporting|compiled|"
                r"research|translated|translation|graphics?|produced|story|text|words)\s+by\b", _I), 400),
    (re.compile(r"^\W*(?:written|posted|published|updated|submitted|filed|contributed)\s+(?:by|on|at)\b", _I), 120),
    (re.compile(r"^\W*(?:date|published|posted|updated|last updated|first published|modified|"
                r"publicado|atualizado|actualizado|publié|mis à jour)\s*(?::|on|at)?\s*\d", _I), 120),
    (re.compile(r"^\W*\d+\s*(?:min(?:ute)?s?)\s+read\b|\bread time\b|\breading time\b", _I), 60),
    (re.compile(r"^\W*(?:staff writer|staff reporter|contributor|correspondent|senior (?:writer|editor|reporter)|"
                r"news desk|web desk|editorial (?:staff|board|team)|special correspondent)\W*$", _I), 60),
    (re.compile(r"^[\w.'’-]+(?:\s+[\w.'’-]+){0,3}\s+@\w{2,15}\s*(?:[/|•·—–-].{0,40})?$", _I), 80),
    (re.compile(r"^\W*@\w{2,15}\W*$", _I), 20),
    (re.compile(r"^[\w.+-]+@[\w-]+\.[\w.-]+\W*$", _I), 60),
    # The writer's bio: a paragraph that opens with a name and makes it "our" or an outlet's
    # reporter ("Ellie Garside is the Chronicle's money and consumer affairs reporter. She joined
    # ..."). (Names case-sensitive.)
    (re.compile(r"^[A-Z][\w.'’-]{0,30}(?:\s+[A-Z][\w.'’-]{0,30}){1,3}\s+(?:is|was|has been)\s+(?:our|the\s+[A-Z][\w-]{0,30}(?:\s+[A-Z][\w-]{0,30}){0,2}['’]s)"
                r"\s+(?:[\w-]{1,30}\s+){0,5}?(?i:reporter|correspondent|editor|writer|columnist|journalist|critic)\b"), 400),
)

# A dateline or category label glued to the front of a real paragraph (" date 2023-01-31 Text"):
# the prefix alone is residue.
DATELINE_PREFIX = re.compile(
    r"^\s*(?:date|dated|published|posted|updated|last updated|first published|publicado|atualizado|"
    r"actualizado|publié)\s*:?\s*(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?\s+(?=\S)",
    _I,
)

# BPL005: what an embedded post leaves behind: the signature line of an embedded tweet, the
# "A post shared by" line of an Instagram embed, player and embed prompts.
EMBED: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(rf"^[—–-]\s*[^\n]{{1,80}}\(@\w{{1,30}}\)\s*(?:(?:{MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{MONTHS})\.?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\W*$", _I), 200),
    (re.compile(r"^\W*a (?:post|video|photo) shared by\b", _I), 200),
    (re.compile(r"^\W*view (?:this|more) (?:post|video|photo)s? on (?:instagram|facebook|tiktok|twitter|x)\b", _I), 80),
    (re.compile(r"^\W*(?:watch|view|see) (?:on|this (?:video|post) on) (?:youtube|instagram|tiktok|facebook|twitter|x|vimeo)\W*$", _I), 60),
    (re.compile(r"^\W*pic\.twitter\.com/\w+\W*$", _I), 60),
    (re.compile(r"^\W*(?:this (?:content|embed|video|tweet|post) (?:is not available|cannot be (?:displayed|shown))|"
                r"(?:your )?browser does not support (?:the )?(?:video|audio|iframe)s?|"
                r"please enable javascript|javascript is (?:disabled|required)|loading (?:tweet|video|player)|"
                r"embedded (?:content|video|tweet)|the following (?:tweet|post|video) (?:was|is) embedded|"
                r"video player is loading|play video|watch now)\b", _I), 200),
)

# The embedded-tweet signature at the end of a line that also holds the tweet's text:
# "... pic.twitter.com/x — Name (@handle) March 17, 2023". Only this suffix is residue.
EMBED_SUFFIX = re.compile(  # (?<!\s): a search starts at the first space of a run, never inside it
    rf"(?<!\s)\s*(?:pic\.twitter\.com/\w+\s*)?[—–]\s*[^—–\n]{{1,80}}\(@\w{{1,30}}\)\s*"
    rf"(?:(?:{MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{MONTHS})\.?,?\s+\d{{4}})\W*$",
    _I,
)

# BPL006: cookie and consent notices, copyright and legal lines.
LEGAL: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\bcookies?\b.{0,80}\b(?:use|uses|accept|consent|policy|settings|preferences|experience|"
                r"browsing|continu)|\b(?:accept|allow|manage|reject)\s+(?:all\s+)?cookies\b", _I), 500),
    # a copyright *notice* ("© 2023 X", "Copyright 2023 X", "All rights reserved"), not a story
    # about copyright; a © glued to a letter is a character's mojibake ("CafÃ©"), not a notice
    (re.compile(r"(?<![^\W\d_])©|ⓒ|\(c\)\s*\d{4}|^\W*copyright\b|\bcopyright\s*(?:\d{4}|\(c\))|\ball rights reserved\b|\btodos os direitos\b|"
                r"\btodos los derechos\b|\btutti i diritti\b|\balle rechte\b|\bdroits réservés\b", _I), 250),
    (re.compile(r"\bmay not be (?:published|reproduced|copied|redistributed|broadcast)|"
                r"\b(?:re)?published, broadcast, rewritten\b|\bwithout (?:the )?(?:prior )?(?:written )?permission\b", _I), 400),
    (re.compile(r"^\W*(?:privacy policy|privacy notice|terms (?:of|and) (?:use|service|conditions)|"
                r"terms & conditions|cookie (?:policy|settings|preferences)|do not sell my (?:personal )?info\w*|"
                r"your privacy choices|accessibility|contact us|about us|advertise with us|careers|"
                r"imprint|impressum|disclaimer|ethics policy|corrections policy)\W*$", _I), 60),
    (re.compile(r"\b(?:by (?:using|continuing|clicking)|by signing up)\b.{0,80}\b(?:agree|accept|consent)\b", _I), 400),
    (re.compile(r"\bterms of (?:use|service)\b.{0,60}\bprivacy\b|\bprivacy policy\b.{0,60}\bterms\b", _I), 400),
    # a republishing licence the outlet grants: "You may republish this article ...", "Non-profit
    # outlets may reproduce our articles ...", "under our Creative Commons licence"
    (re.compile(r"\b(?:you|outlets|publishers|others) (?:may|can|are free to) (?:republish|reproduce|reprint)\b"
                r"|\b(?:republish|reproduce|reprint) (?:this|our) (?:article|story|report|piece|content|journalism)"
                r"|\bunder (?:our|a) creative commons licen[cs]e\b|\bfor (?:commercial )?(?:licensing|syndication)\b", _I), 400),
)

# BPL007: advertising markers, sponsorship and affiliate disclosures. "Sponsored by" counts on a
# line it opens or ends (a widget's label, "Market Update sponsored by", the sponsor a logo), or
# about the text itself ("this post is sponsored by", "This week's podcast is sponsored by"): in
# a sentence of the article it reports who paid for something else ("the debate sponsored by
# CNN").
_AD_LABEL = (
    r"advertisements?|advertising|advertorial|adverts?|ads?|sponsored(?: content| post| links?| stories)?|"
    r"paid (?:content|post|partnership)|partner content|promoted(?: content| stories)?|ad choices|adchoices|"
    r"report (?:this )?ad|close ad|skip ad|remove ads|ad-free|(?:story|article|text|content) continues (?:below|after)|"
    r"continue reading(?: the main story| below)?|scroll (?:down )?to continue(?: reading)?|ad feedback"
)
AD_MARKER: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"^\W*(?:advertisements?|advertising|advertorial|adverts?|ads?|anúncio|publicidade|publicidad|"
                r"pubblicità|werbung|publicité|реклама|sponsored|sponsored (?:content|post|links?|stories|by .{1,40})|"
                r"paid (?:content|post|partnership|for by .{1,40})|partner content|promoted(?: content| stories| by .{1,40})?|"
                r"presented by .{1,40}|supported by|brought to you by .{1,40}|ad choices|adchoices|"
                r"report (?:this )?ad|close ad|skip ad|remove ads|ad-free|(?:story|article|text|content) continues "
                r"(?:below|after)(?: (?:the )?(?:advertisement|ad|this ad))?|continue reading (?:the main story|below)|"
                r"scroll (?:down )?to continue(?: reading)?|ad feedback)\W*$", _I), 80),
    # two or more of the slot's labels on one line, in any order ("ADVERTISEMENT · Continue reading
    # below", "Ad Feedback | Advertisement"); the labels are fixed words, so no label can swallow
    # the separator of the next one
    (re.compile(r"^\W*(?:" + _AD_LABEL + r")(?:\W+(?:" + _AD_LABEL + r"))+\W*$", _I), 80),
    # an affiliate link disclosed to the reader ("This post may contain affiliate links", "we use
    # referral links"), not one a story tells of ("sold $4,000 of machines through a referral link")
    (re.compile(r"^(?=[^\n]*\b(?:we|our|us|you|your|this (?:post|page|article|story|site))\b)[^\n]*"
                r"\b(?:affiliate|referral) (?:links?|commission|partner|program)", _I), 400),
    (re.compile(r"\bwe (?:may )?(?:earn|receive) "
                r"(?:a )?(?:small )?(?:commission|compensation|fee)|\bat no (?:extra|additional) cost to you\b|"
                r"\b(?:this|the) (?:post|article|content|story) (?:is|was|may be) (?:sponsored|paid for)|"
                r"\b(?:podcast|episode|newsletter|giveaway|video) (?:is|was) sponsored by\b|"
                r"\bhas been compensated\b|^\W*sponsored by\b|\bsponsored by\W*$|#(?:ad|sponsored)\b", _I), 400),
    # an affiliate notice in the outlet's own words, whoever it names as earning: money received
    # ("may receive a small fee", "earns a commission") for the reader's purchase through links
    # ("when readers buy through links", "if you buy a product through retailer links"), with the
    # reader or the text itself in the sentence (a story on influencers' links names neither)
    (re.compile(r"^(?=[^\n]*\b(?:you|your|readers?|this (?:article|page|post|story|site|review|guide))\b)"
                r"(?=[^\n]*\b(?:buy|buys|purchase|purchases|shop|shops|order|orders|click|clicks)\b[^.\n]{0,60}\b(?:links?|retailers?)\b)"
                r"[^\n]*\b(?:earns?|receives?|gets?|collects?|be paid)\s+(?:an?\s+)?(?:small\s+|modest\s+)?"
                r"(?:commissions?|fees?|share|cut|percentage|payments?|compensation)\b", _I), 400),
    # who paid for the reporting itself: "This article was produced in partnership with ...",
    # "Reporting for this story was supported by ...", "This report is part of our series ...,
    # made possible by a grant from ..." (a study "funded by a grant" in the story is not about the text)
    (re.compile(r"^\W*this (?:[\w'’-]{1,30} ){0,4}?(?:article|story|report|piece|series|investigation|briefing|newsletter|podcast|"
                r"coverage|section|guide|feature) (?:is part of|was produced|was made possible|is made possible|"
                r"was supported|is supported|was funded|is funded|is sponsored|was sponsored|was co-published|is published in partnership)"
                r"|\bour sponsors? (?:has|have) no (?:input|say|influence|control)\b"
                r"|\breporting for this (?:article|story|report|piece|series) was (?:supported|funded|made possible|paid for)\b", _I), 400),
)

# BPL009 spares a transcript's own lines: a stage direction (an audience's reaction or a sound,
# in brackets, on a line of its own: "(Applause)", "[Laughter and cheers]") recurs in every talk
# of a transcript site without being page furniture, and so do the short sentences of speech
# around it ("Thank you.").
_REACTION = r"(?:applause|laughter|laughs|cheers|cheering|music|inaudible|crosstalk|silence|booing|boos|video|audio)"
STAGE_DIRECTION = re.compile(rf"[(\[]{_REACTION}(?:(?: and |, ){_REACTION})*[)\]]\.?", _I)
TRANSCRIPT_SPEECH_WORDS = 4  # a sentence of at most this many words, in a transcript, is speech

# --------------------------------------------------------------------------------------------
# Line classifier vocabulary
# --------------------------------------------------------------------------------------------

# Function words of the languages most common in news text. A real sentence is made of them,
# a menu entry, a name list or a credit has almost none; jusText uses the same signal.
FUNCTION_WORDS = frozenset(
    """
    a about above after again against all also although am an and any are as at be because been
    before being below between both but by can could did do does doing down during each either
    few for from further had has have having he her here hers him his how i if in into is it its
    itself just may me might more most much must my no nor not now of off on once only or other
    our out over own said same says she should since so some such than that the their them then
    there these they this those though through to too under until up upon us very was we were
    what when where which while who whom whose why will with within without would you your
    de la el en y que los las del se por con para una un es al lo como más pero sus le ya o este
    ha sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos
    do da em os as no na um uma com não mais ao dos das é à seu sua ou quando muito nos já também
    só pelo pela até isso ela entre depois sem mesmo aos ter seus quem nas esse eles está foi
    il di che è per non sono gli della nel alla dei delle anche come ma si ha lo questo da cui
    der die und den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an
    werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum
    et les des est pour qui dans une sur au par ce pas ne plus ou mais avec son sa aux été
    и в не на что с по как это он она к из у за от то же для а о так его но да ее бы
    yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada oleh
    """.split()
)

# Function characters of Chinese and Japanese, which are written without spaces, so that
# FUNCTION_WORDS cannot see them: Chinese structural and aspect particles, common prepositions,
# conjunctions and demonstratives; Japanese case and binding particles (hiragana). A sentence in
# these scripts almost always has one; a menu entry, a name or a credit rarely does.
UNSPACED_FUNCTION_CHARS = frozenset("的了着过在是和与及或将于被把对从向也都就而但这那之其" "はがをにでへとのもや")

# Characters that separate items in menus, breadcrumbs and widget rows.
SEPARATORS = frozenset("|•·»›>/«‹<")
