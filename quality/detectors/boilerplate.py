"""Boilerplate: page furniture that a scraper left in the article text.

Scraped news keeps one paragraph per line, and the furniture around an article (calls to
follow, share widgets, photo credits, "More in Politics", datelines, cookie notices, "Advertisement")
also lands on lines of its own. So the unit here is the line, and the question for each line is
"would an editor cut this from the story?". Three kinds of evidence answer it:

1. **Families of wording** (``_boilerplate_tables``). Each family is one kind of furniture and
   one rule code: a call to follow or share (BPL001), a media credit or caption residue (BPL002),
   navigation and related links (BPL003), dateline and byline residue (BPL004), what an embedded
   post leaves behind (BPL005), legal and cookie notices (BPL006), advertising markers (BPL007).
   Patterns describe the grammar of a family ("follow us on <network>", "<credit word>: <agency>")
   and only fire on lines short enough to be furniture, so a real paragraph that mentions
   Telegram or a photograph is left alone. A call to the reader in a wording no pattern knows is
   told by its structure (:func:`call_to_reader`: an imperative or an address to the reader, a
   channel of the outlet's, a place at the article's edge). A line that is nothing but dates, field labels and a
   few capitalised words is a dateline (" date 2023-01-31 Politics"), found by subtraction rather
   than by pattern.
2. **The shape of the line in its context**, for furniture that no family names (menu entries,
   related headlines, short widget labels): a logistic model over general features (length,
   sentence punctuation, share of function words, capitalisation, digits, separators, links and
   handles, the families above) and the line's place relative to the article's prose (before the
   first or after the last real paragraph, squeezed between paragraphs, among other short lines).
   Its weights live in ``_boilerplate_model.py``, fitted by ``benchmarks/fit_boilerplate.py`` on
   half of the sites of a public benchmark and checked on the other half. Lines it flags that no
   family explains are BPL008. A line that is neither a paragraph nor near the bulk of the
   article's prose (less than ``edge_share`` of it above or below) is BPL008 too: that is how
   whole pages' menus and footers are caught.
3. **What recurs within a source** (the corpus pass, BPL009). A line that recurs, after
   normalising case, digits and links, in at least ``min_articles`` articles and ``min_share`` of a
   source's articles is that source's template even when nothing above knows it. A line that also
   appears in another source is a shared quote or wire copy, not a template, when it has at least
   ``quote_min_words`` words; short shared lines ("Share this:") can still be learned. A
   recurring subheading between two paragraphs ("Background") is house style and is not learned,
   nor is a transcript's stage direction ("(Applause)") or, in a transcript, a short sentence of
   speech ("Thank you."). Template lines in a row (a note the page breaks over five lines) are
   one finding.

Headlines, subheadings and short paragraphs are not boilerplate, whatever the model says: the
headline-shaped lines a text opens with (headline, standfirst), a short line without closing
punctuation between two paragraphs (a subheading), and a short sentence with function words (a
one-line paragraph) are never BPL008. Only a family's wording can flag them.

The cleanliness score is the share of the text that is article, with furniture charged by kind:

    cleanliness = C / (C + sum_i w(kind_i) * max(len_i, MIN_CHARGE))

where C is the number of characters on lines that are not boilerplate, len_i the characters of
boilerplate span i, w the ``weight`` of its rule (what a reader must wade through costs more:
calls to follow, legal notices, ads, navigation and learned templates weigh 1, credits, bylines
and embed residue 0.5, unexplained fragments 0.6), and MIN_CHARGE = 40 so that a short "More in Politics" still costs something. A
clean article scores 1; an article that is all furniture scores 0.

Lengths and word counts are script-aware. Chinese and Japanese are written without spaces, so a
line's words are its spaced words plus its Han and kana characters over 1.6 (the characters per
word of segmented Chinese), and its length is counted in Latin-equivalent characters (such a
character stands for 6 / 1.6 of them, 6 being the characters per word, space included, of the
benchmark's English content lines). A one-sentence Chinese paragraph is then as long as its
English translation, not as short as a menu entry, and Chinese and Japanese function characters
(的, 了, は, を ...) count as the function words that mark a sentence.

**What is flagged is a fixed point, and so stripping is idempotent.** Cutting lines changes the
context of the lines left (a subheading whose neighbour was a menu entry is left dangling), so
one pass over the text is not the whole answer: a second run on the stripped text could find
more. :func:`classify` therefore repeats the pass on the text without what earlier passes
flagged, until a pass finds nothing (at most ``MAX_PASSES`` passes; the benchmark's pages need at
most 6). Findings of a later pass carry offsets in the original text and say that they showed once
the furniture around them was cut. The guarantees, for any text and the same options:

* ``strip_boilerplate(strip_boilerplate(t)) == strip_boilerplate(t)`` (also with ``codes``);
* ``strip_findings(t, findings) == strip_boilerplate(t, source=s)`` for the detector's findings
  on an article of text ``t`` and source ``s``: lint, the score and ``quality fix
  --strip-boilerplate`` cut exactly the same stretches (a text file has no source: ``s`` is
  empty, and a call is then never told by the outlet's name);
* the detector finds no boilerplate in ``strip_boilerplate(t)``.

They hold whenever the fixed point is reached within ``MAX_PASSES`` passes; a text that needs more
is returned as cut so far. ``strip_boilerplate(text)`` removes the flagged lines (and the
separator lines that belonged to them) and leaves every other character exactly as it was.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import math
import operator
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Callable, ClassVar, Iterable, Mapping, NamedTuple, Sequence

from quality.bounded import BoundedDict
from quality.detectors import _boilerplate_tables as T
from quality.detectors._boilerplate_model import BIAS, FEATURES, WEIGHTS
from quality.detectors._boilerplate_store import StoredLines
from quality.detectors._outlets import key_words, outlet_key, words_spell
from quality.detectors._prefilter import LiteralScreen
from quality.detectors._records import HELD_RECORDS
from quality.detectors.base import Detector, check_option
from quality.fast_start import fast_start
from quality.model import Article, DetectorResult, Finding, Severity
from quality.rules import RULES, CorpusExample, Rule
from quality.spans import UNSPACED, UNSPACED_CHARS_PER_WORD, OffsetMap, Span, is_table_row, paragraphs, word_count

# --------------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------------

SOCIAL_CALL = Rule(
    code="BPL001",
    name="call-to-follow-or-share",
    severity=Severity.WARNING,
    summary="A call to the reader to follow, share, subscribe, join, send tips or pay (social footer, newsletter "
    "or app prompt, share widget, membership or donation appeal).",
    why="It is addressed to the site's visitors, not part of the story; left in, it shows the text was "
    "scraped or pasted without being read, and it pollutes quotes, summaries and word counts. Known wordings "
    "are matched as such; any other is told by its structure: an imperative of what readers do with an outlet "
    "or an address to the reader, with a channel of the outlet's (a network, a link, an address, its app, "
    "newsletter or newsroom), anywhere when it has both, at the article's edge when it has one.",
    known_problems="A call in the middle of the article that only names a channel (\"Support independent journalism\") "
    "is left alone: the story's own closing lines may say as much.",
    example="Follow us on Telegram for the latest updates: https://t.me/example",
    instead="Cut the line; keep calls to action in the page template, outside the article body.",
    fires=(
        "Follow us on Telegram for the latest updates: https://t.me/example\nThe minister arrived in Beijing on Monday for two days of talks.",
        "The minister arrived in Beijing on Monday for two days of talks with his counterpart.\n"
        "If you enjoyed this story, share it with your friends and follow us on Instagram.",
        "The port reopened on Tuesday after a week of strikes, officials said.\nSign up for our morning newsletter",
        "The port reopened on Tuesday after a week of strikes, officials said.\nGot a story? WhatsApp our newsroom on +44 7700 900123.",
        "The port reopened on Tuesday after a week of strikes.\nJoin the Harbour Post crew on WhatsApp and be the "
        "first to know - just tap the green button below!\nDockers voted to accept the offer on Monday night, union leaders said.",
        "The port reopened on Tuesday after a week of strikes.\nThe Harbour Post is funded by its readers. If you value "
        "local reporting, please consider a monthly donation.\nDockers voted to accept the offer on Monday night.",
        "The port reopened on Tuesday after a week of strikes.\nGot a story? Email tips@harbourpost.example\n"
        "Dockers voted to accept the offer on Monday night, union leaders said.",
    ),
    passes=(
        "The ministry announced the visit on Telegram, where it has more than a million followers.",
        "Protesters shared videos of the march on Twitter and Facebook before the accounts were blocked by the authorities on Sunday.",
        "Two men were arrested after the fire on Main Street, police said.\nIf you have information, call Crime Stoppers at 1-800-222-8477.",
        "The rail strike goes on until Friday, the union said on Sunday after talks broke down.\n"
        "Trains will run on two of the five lines, and buses will replace the rest.\n"
        "Commuters in the north of the city face the longest delays, the operator said.\n"
        "If you travel on Monday, please check the operator's app before leaving, the company said.\n"
        "Union leaders will meet the company on Wednesday to discuss pay and rosters.\n"
        "The last strike, in March, lasted four days and cost the city an estimated 12 million euros.\n"
        "Shops in the centre reported fewer customers during that strike, a trade group said.",
        "The bank's new app asks customers to tap the green button below the balance to approve a payment on WhatsApp, "
        "a design that security researchers said on Monday could be abused by fraudsters.\nThe bank said it would change it.",
        "Readers answered our question about the new bridge, which opened on Monday after four years of works.\n\nFACEBOOK.\n\n"
        "I drove over it twice on the first day and it cut my commute by twenty minutes each way, which is a big change for us.",
    ),
    fix="safe",
    message="call to follow, share or subscribe",
    weight=1.0,
)

MEDIA_CREDIT = Rule(
    code="BPL002",
    name="media-credit-residue",
    severity=Severity.INFO,
    summary="An image or video credit, a gallery widget or an icon name left where a picture was.",
    why="Credits and captions belong to pictures the text no longer has; in the running text they read as "
    "garbled sentences and show the page was scraped without cleaning.",
    example="photo_camera XINHUA/LI TAO vía AP - Xi Jinping poses for photos with Vladimir Putin",
    instead="Cut the line, or keep the caption with its picture in your own layout.",
    fires=(
        "The talks ended without agreement on Friday.\nTop image via the embassy's official account",
        "Photo: Jane Doe/AFP via Getty Images\nThe talks ended without agreement on Friday after three days.",
        "Image 3 of 12\nThe talks ended without agreement on Friday after three days of meetings in Geneva.",
    ),
    passes=(
        "The photograph, taken by a local resident, shows the bridge moments before it collapsed into the river.",
        "An exhibition of his photos opens at the city museum on Saturday and runs until the end of May.",
    ),
    fix="safe",
    message="image or video credit residue",
    weight=0.5,
)

NAVIGATION = Rule(
    code="BPL003",
    name="navigation-residue",
    severity=Severity.WARNING,
    summary="Navigation or widget text: 'More in Politics', 'Read more:', 'Related:', tag lists, breadcrumbs.",
    why="Links to other pages are not part of this story; in plain text they become stray headlines that "
    "readers and summarisers mistake for content.",
    example="More in Politics",
    instead="Cut the line.",
    fires=(
        "The central bank raised rates by half a point on Thursday, its third rise this year.\nMore in Politics",
        "Related: Oil prices climb after OPEC cuts output\nThe central bank raised rates by half a point on Thursday, its third rise this year.",
        "Home » World » Asia\nThe central bank raised rates by half a point on Thursday, its third rise this year.",
        "The central bank raised rates by half a point on Thursday, its third rise this year.\nALSO ON THE COURIER → "
        "Why lenders are nervous about the housing market\nAnalysts expect another rise in March.",
        "Fire crews worked through the night at the warehouse.\nVideo unavailable. Tap here to enable video playback on "
        "your device.\nThe cause of the fire is not yet known.",
    ),
    passes=(
        "More than 200 people were evacuated from the building, the fire service said on Sunday evening.",
        "Also on Tuesday, the central bank raised rates by half a point, its third rise this year.",
        "Next fixtures, Saturday 19 December\nRedmere Athletic v Stanmoor Wanderers\nFennick Town v Calverley United",
        "Key results, round 11:\nWierzbicki 1-0 Seitkali\nLefèvre 1/2-1/2 Li Wen\nKravets 1/2-1/2 Gray",
        "Read the full statement, the ministry said, and you will see that nothing has changed in its position.",
    ),
    fix="safe",
    message="navigation or related-links residue",
    weight=1.0,
)

DATELINE = Rule(
    code="BPL004",
    name="dateline-byline-residue",
    severity=Severity.INFO,
    summary="Dateline, category or byline residue on a line of its own ('date 2023-01-31 Politics', 'By Jane Doe | Reuters'), "
    "or the writer's bio ('Jane Doe is our health correspondent.').",
    why="Page metadata printed into the text is noise for readers and tools, and a date left at the top of "
    "a copied article often betrays where it was taken from.",
    example=" date 2023-01-31 Politics",
    instead="Keep dates and authors as metadata fields, not in the body.",
    fires=(
        " date 2023-01-31 Politics\nThe central bank raised rates by half a point on Thursday, its third rise this year.",
        "By Jane Doe | Reuters\nThe central bank raised rates by half a point on Thursday, its third rise this year.",
        "Updated 1:39 am EST, Wednesday, November 20, 2019\nThe central bank raised rates by half a point on Thursday.",
        "The central bank raised rates by half a point on Thursday.\nEllie Garside is the Chronicle's money and consumer "
        "affairs reporter. She joined the paper in 2019.",
    ),
    passes=(
        "On January 31, 2023, the central bank raised rates by half a point, its third rise in a year.",
        "Evan Gershkovich is a reporter for the Wall Street Journal who was detained in March.",
        "By the end of 2023, the bank had raised rates four times, officials said on Thursday.",
    ),
    fix="safe",
    message="dateline, category or byline residue",
    weight=0.5,
)

EMBED = Rule(
    code="BPL005",
    name="embedded-post-residue",
    severity=Severity.INFO,
    summary="What an embedded post leaves behind: a tweet's signature line, 'A post shared by', player prompts.",
    why="The signature of an embedded post is markup residue; the post's own words may be the story, "
    "its '— Name (@handle) date' line is not.",
    example="— Hua Chunying 华春莹 (@SpokespersonCHN) March 17, 2023",
    instead="Attribute the post in a sentence ('the spokeswoman wrote on Twitter on March 17') and cut the residue.",
    fires=(
        "The spokeswoman confirmed the dates on Twitter.\n— Jane Doe (@janedoe) March 17, 2023",
        "A post shared by The Museum (@themuseum)\nThe museum reopened on Saturday after two years of repairs.",
    ),
    passes=(
        "The spokeswoman confirmed the dates on Twitter, writing that the visit would be one of friendship.",
        "“We will not back down,” she wrote in a post shared by thousands of supporters within an hour.",
    ),
    fix="safe",
    message="embedded-post residue",
    weight=0.5,
)

LEGAL = Rule(
    code="BPL006",
    name="legal-or-cookie-notice",
    severity=Severity.WARNING,
    summary="A cookie or consent notice, a copyright line or other legal boilerplate.",
    why="Site-wide legal text is not part of the article and can make two unrelated articles look alike.",
    example="© 2023 Example Media. All rights reserved.",
    instead="Cut the line.",
    fires=(
        "The festival drew a record crowd this year, organisers said on Sunday.\n© 2023 Example Media. All rights reserved.",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.\nThe festival drew a record crowd.",
    ),
    passes=(
        "The court ruled that the copyright on the song had expired in 2015, ending a decade-long dispute between the heirs.",
        "Bakers in the town sold more than ten thousand cookies at the annual fair, a record for the event.",
    ),
    fix="safe",
    message="legal, copyright or cookie notice",
    weight=1.0,
)

AD_MARKER = Rule(
    code="BPL007",
    name="advertising-marker",
    severity=Severity.WARNING,
    summary="An advertising marker ('Advertisement', 'Story continues below'), a sponsorship or affiliate notice.",
    why="Ad slots and disclosures are page furniture; in the text they interrupt paragraphs, and an "
    "affiliate notice changes how a reader should weigh the story.",
    example="Advertisement",
    instead="Cut the marker; keep a required disclosure as metadata or at the top in your own words.",
    fires=(
        "The festival drew a record crowd this year.\nAdvertisement\nOrganisers said the next edition would be longer.",
        "The festival drew a record crowd this year.\nADVERTISEMENT · Continue reading below\nOrganisers said the next edition would be longer.",
        "This post may contain affiliate links. We may earn a commission at no extra cost to you.\nThe festival drew a record crowd.",
        "The festival drew a record crowd.\nThe Evening Courier may receive a small fee from retailers when readers buy "
        "through links in this article.",
        "This Aviation Finance briefing is supported by Corbel Aero Analytics. Our sponsor has no input into editorial decisions.\n"
        "Regional airlines are running out of cash.",
    ),
    passes=(
        "Influencers may earn a commission when their followers buy through the links they post, the study found.",
        "The advertisement, which ran on national television for a week, was withdrawn after complaints.",
        "Sponsors of the festival included two banks and a brewery, the organisers said in a statement.",
    ),
    fix="safe",
    message="advertising marker or sponsorship notice",
    weight=1.0,
)

PAGE_FRAGMENT = Rule(
    code="BPL008",
    name="page-fragment",
    severity=Severity.INFO,
    summary="A line that reads like page furniture (menu entry, related headline, widget label) by its shape and place.",
    why="Short lines outside the article's prose, or clustered with other short lines, are almost always "
    "menus and link lists a scraper kept; they are flagged with lower certainty than the named families.",
    example="Most Popular Videos\nVolker Saw No Harm in Investigating Unfounded Theories",
    instead="Cut the lines if they are not part of the story; ignore BPL008 if your text has many short subheads.",
    fires=(
        "World\nBusiness\nMarkets\nTech\nThe central bank raised rates by half a point on Thursday, its third rise this year, "
        "and signalled that more increases could follow if inflation stays high.",
    ),
    passes=(
        "The central bank raised rates by half a point on Thursday, its third rise this year.\nBackground\n"
        "Inflation has stayed above the bank's target for eighteen months, officials said on Thursday.",
    ),
    known_problems="Trained on English-heavy data; image captions that are full sentences and short "
    "real paragraphs at the very end of an article can be misjudged.",
    fix="safe",
    message="line reads like page furniture (menu, related headline, widget)",
    weight=0.6,
)

_TEMPLATE_LINE = "Metropolis Morning Edition, your city at breakfast"
_TEMPLATE_ARTICLES = tuple(
    ("daily-planet", f"{story}\n{_TEMPLATE_LINE}")
    for story in (
        "The mayor opened the new bridge on Monday after three years of work on the river crossing.",
        "Schools will stay closed on Friday because of the storm, the education department said.",
        "The city council approved the budget by seven votes to two after a long debate on Tuesday.",
    )
)
SOURCE_TEMPLATE = Rule(
    code="BPL009",
    name="source-template-line",
    severity=Severity.WARNING,
    summary="A line that recurs across many articles of one source (learned in the corpus pass).",
    why="Text repeated verbatim in most of an outlet's articles is its page template (slogans, boxes, "
    "footers), whatever its wording; a line shared by several outlets for one story is a quote and is not flagged.",
    example="Metropolis Morning Edition, your city at breakfast   (in 3 of 3 articles of one source)",
    instead="Cut the line; set `min_articles`/`min_share` in [tool.quality.detectors.boilerplate] to tune.",
    fires=(CorpusExample(articles=_TEMPLATE_ARTICLES),),
    passes=(
        CorpusExample(articles=_TEMPLATE_ARTICLES[:2]),
        CorpusExample(
            articles=(
                ("outlet-a", "The minister spoke on Monday.\n“We will not accept any delay to the project,” the minister said."),
                ("outlet-b", "The minister spoke in parliament.\n“We will not accept any delay to the project,” the minister said."),
                ("outlet-c", "Talks resumed on Monday.\n“We will not accept any delay to the project,” the minister said."),
                ("outlet-a", "Markets fell on Tuesday.\n“We will not accept any delay to the project,” the minister said."),
                ("outlet-a", "The port reopened on Wednesday.\n“We will not accept any delay to the project,” the minister said."),
            )
        ),
    ),
    corpus=True,
    fix="safe",
    message="line recurs in {count} of {total} articles of this source",
    variants=(("block", "{lines} lines in a row recur in {count} of {total} articles of this source"),),
    weight=1.0,
)

ALL_RULES = (SOCIAL_CALL, MEDIA_CREDIT, NAVIGATION, DATELINE, EMBED, LEGAL, AD_MARKER, PAGE_FRAGMENT, SOURCE_TEMPLATE)
RULES.register(*ALL_RULES)

# Which family table backs which rule, in the order a line is tried: the first family that
# matches names the kind (an ad marker that also says "share" is an ad marker).
FAMILIES: tuple[tuple[Rule, tuple[tuple[re.Pattern[str], int], ...]], ...] = (
    (EMBED, T.EMBED),
    (AD_MARKER, T.AD_MARKER),
    (SOCIAL_CALL, T.SOCIAL_CALL),
    (MEDIA_CREDIT, T.MEDIA_CREDIT),
    (LEGAL, T.LEGAL),
    (DATELINE, T.BYLINE),
    (NAVIGATION, T.NAVIGATION),
)
# The line model's feature for each family: the names its weights were fitted under.
FAMILY_FEATURES: tuple[tuple[Rule, str], ...] = (
    (EMBED, "family_embed"), (AD_MARKER, "family_ad"), (SOCIAL_CALL, "family_social"), (MEDIA_CREDIT, "family_credit"),
    (LEGAL, "family_legal"), (DATELINE, "family_byline"), (NAVIGATION, "family_navigation"),
)  # fmt: skip
MIN_CHARGE = 40

# Said of a finding that only shows once the furniture around it is cut (a later pass of classify).
AFTER_CUTS = "found once the boilerplate around it is cut"


# --------------------------------------------------------------------------------------------
# Line features
# --------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…。！？](?:[\"'”’»)\]]*)$|[.!?…][\"'”’»)\]]+\s*\S{0,3}$")
# A domain is tried once per run of word characters and hyphens, from the run's start, and
# without giving characters back: "\b[\w-]+\." would be retried at every hyphen of a long
# hyphenated run (quadratic); it matches the same domains.
_URL = re.compile(r"https?://|www\.|(?<![\w-])-*+\w[\w-]*+\.(?:com|org|net|co|io|me|ru|cn|uk|in|sg)\b(?:/|\b)", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w.])@\w{2,}")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_OPEN_QUOTE = re.compile(r"^[\"“„«‘'’]")
_QUOTE_MARK = re.compile(r"[\"“„«]")
# Emoji, flags and other symbols after the last full stop do not make a sentence a fragment.
# (Tried only where a run of them starts: from inside a run that is not at the end, it would
# rescan the run for every position, quadratic in its length.)
_TRAILING_SYMBOLS = re.compile(r"(?<![\s\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D#*])[\s\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D#*]+$")
_DATELINE_LEFTOVER = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")


@dataclass(frozen=True)
class LineInfo:
    """What the classifier knows about one line before looking at its neighbours."""

    span: Span
    chars: float  # Latin-equivalent length (line_length)
    words: int  # script-aware (line_words)
    family: Rule | None  # the rule of the first wording family that matched
    prose: bool  # a real paragraph: long, or a sentence of ten words or more
    grammatical: bool  # has function words: a sentence, not a label (script-aware)
    features: tuple[float, ...]  # in the order of ALL_FEATURES, the line model's input
    call: int = 0  # NO_CALL, EDGE_CALL or CALL (call_to_reader)

    def feature(self, name: str) -> float:
        return self.features[FEATURE_INDEX[name]]


def family_of(line: str, dateline: bool | None = None) -> Rule | None:
    """The rule of the first family whose wording matches the line, if any (``dateline``:
    whether :func:`is_dateline` holds, when the caller knows it already). A pattern is tried only
    when the line holds one of the literals it cannot match without (:mod:`._prefilter`)."""
    length = len(line)
    possible = _family_screen().possible(line)
    # A call inside quotation marks is someone's speech ("'Follow our channel,' the ministry wrote").
    unquoted = _unquoted(line) if _QUOTE_MARK.search(line) else line
    bit = 1
    for rule, patterns in FAMILIES:
        subject = unquoted if rule is SOCIAL_CALL else line
        for pattern, max_chars in patterns:
            if possible & bit and length <= max_chars and pattern.search(subject):
                return rule
            bit <<= 1
        if rule is DATELINE and (is_dateline(line) if dateline is None else dateline):
            return rule
    return None


@cache
def _family_screen() -> LiteralScreen:
    """The screen of every family pattern, in the order of ``FAMILIES`` (built on first use)."""
    return LiteralScreen([pattern for _, patterns in FAMILIES for pattern, _ in patterns])


def is_dateline(line: str) -> bool:
    """True when the line is only dates, times, field labels and at most a few capitalised words
    (a category or a name): " date 2023-01-31 Politics", "Nov. 19, 2019 8:03 am ET"."""
    if len(line) > 120 or not T.may_hold_date_or_time(line):
        return False
    rest, dates = T.DATE_OR_TIME.subn(" ", line)
    if not dates:
        return False
    rest = T.DATELINE_LABELS.sub(" ", rest)
    words = _DATELINE_LEFTOVER.findall(rest)
    if len(words) > 4:
        return False
    return all(w[0].isupper() or not w[0].isalpha() for w in words)


# A call to the reader, by its structure (see call_to_reader): how plainly a line is one.
NO_CALL, EDGE_CALL, CALL = 0, 1, 2
CALL_MAX_WORDS = 45  # a call is a sentence or two; a longer line is a paragraph that mentions a channel
_SENTENCE_STARTS = re.compile(r"(?:^|(?<=[.!?:;—–]))\s*")  # a dash or semicolon starts a clause that may be a call
_FIRST_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def call_to_reader(text: str, words: int, outlet: str = "") -> int:
    """Whether the line asks the reader to act through one of the outlet's channels, told by
    its structure rather than its wording, so that "Got a story? WhatsApp our newsroom" or
    "Become a member for $2 a week" is found although no family pattern says it.

    A call addresses the reader (a sentence opening with an imperative of what readers do with an
    outlet, ``T.READER_ACTIONS``; "you"; the outlet's "us" and "our"; or a sentence about what
    "readers can" do) and names a channel
    (a network, a link, a handle, an e-mail address, the outlet's media: ``T.READER_CHANNELS``;
    its newsroom and pages, ``T.OUTLET_NEWSROOM``; the outlet as the one a reader sends to,
    ``T.OUTLET_RECIPIENT``; the reader as the outlet's funder, ``T.READER_FUNDING``, which is an
    address too; a telephone number only beside the outlet's "us", since a police appeal gives
    one too). Both
    an imperative and an address with a channel make a :data:`CALL`, furniture wherever it
    stands; an imperative or an address with a channel is an :data:`EDGE_CALL`, furniture only
    at the article's edge (a closing paragraph of a story may say "you" and "app"). Quoted speech
    is someone's words, not the outlet's, and is left out first.

    ``outlet`` is the article's source (:func:`outlet_key`): the outlet's own name is a channel
    too, and speaks for the outlet as "us" does, as the object of the imperative ("Follow The
    Telegraph", "Support Snopes", "Message the Eastbank Times corrections desk"; not "Stay
    tuned for more 9to5Mac guides"), and an SMS short code ("Text NEWS to 78070") is a channel
    that addresses the reader by itself."""
    if not 2 <= words <= CALL_MAX_WORDS:
        return NO_CALL
    outlet = outlet if len(outlet) >= MIN_OUTLET_KEY else ""
    possible = _channel_screen().possible(text)  # what the line without its quotations may name, and more
    if not possible and _DIGIT.search(text) is None and not outlet:
        return NO_CALL  # most lines: no channel (a line given its outlet passed line_infos' screen for the name)
    own = _unquoted(text)
    named = any(possible >> k & 1 and pattern.search(own) for k, pattern in enumerate(_CHANNELS))
    short_code = T.SHORT_CODE.search(own) is not None  # a channel and an address in one
    # The outlet as the object of a reader's imperative ("Message the Eastbank Times") is its
    # channel and speaks for it at once, as "us" does.
    to_outlet = outlet != "" and _calls_to_outlet(own, outlet)
    named = named or short_code or to_outlet
    telephone = not named and _DIGIT.search(own) is not None and T.TELEPHONE.search(own) is not None
    if not (named or telephone):
        return NO_CALL
    voice = outlet_voice(own)
    if not named and not voice:
        return NO_CALL  # a telephone number, not the outlet's ("call Crime Stoppers at ...")
    address, imperative = _address_and_imperative(own, voice or short_code or to_outlet)
    if imperative and address:
        return CALL
    return EDGE_CALL if imperative or address else NO_CALL


def _address_and_imperative(text: str, voice: bool) -> tuple[bool, bool]:
    """Whether ``text`` addresses the reader (the outlet's ``voice``, "you", "readers can", the
    reader as the outlet's funder, the page's own controls: "tap the button below", a question
    with "you" left out: "Got a story?") and whether
    a clause of it opens with a reader's imperative (or "readers can" is followed by one, or, in
    the outlet's own voice or as its funder, a condition on the reader: "If you value our
    reporting, please consider a donation"; "If you travel on Monday, please check the
    operator's app" is advice a story passes on)."""
    starts = [m.end() for m in _SENTENCE_STARTS.finditer(text)]
    funding = T.READER_FUNDING.search(text) is not None
    addressed = [found.end() for k in starts if (found := T.READERS_ADDRESSED.match(text, k))]
    if voice or funding:
        addressed += [found.end() for k in starts if (found := T.READER_CONDITION.match(text, k))]
    address = (
        voice or bool(addressed) or T.SECOND_PERSON.search(text) is not None
        or funding or T.PAGE_CONTROLS.search(text) is not None or T.READER_QUESTION.match(text) is not None
    )  # fmt: skip
    # "Readers can now follow our desk on ...": the outlet's instruction, in the third person
    return address, any(_opens_with_action(text[k:]) for k in starts + addressed)


def speaks_to_reader(text: str) -> bool:
    """Whether anything in ``text`` speaks to the reader: an imperative of what readers do, "you",
    the outlet's "us" or "our" channel, "readers can", or a short code to text."""
    voice = outlet_voice(text) or T.SHORT_CODE.search(text) is not None
    return any(_address_and_imperative(text, voice))


# A line at least this long that the call family's wording matches but that speaks to no reader
# tells of someone else's call ("Met Service urges residents to register for SMS alerts").
REPORTED_CALL_WORDS = 10


@lru_cache(maxsize=256)
def _outlet_screen(outlet: str) -> re.Pattern[str]:
    """The outlet's key spelled with anything but letters between its letters: a fast screen in
    front of :func:`_calls_to_outlet`, which asks for whole words in the imperative's object."""
    return re.compile(r"[\W_]*".join(map(re.escape, outlet)), re.I)


def _calls_to_outlet(line: str, outlet: str) -> bool:
    """Whether a sentence of ``line`` opens with an imperative of what readers do whose object
    spells the outlet in whole words: "Follow The Sun", "Sign up to The Sun", "Contact the BBC"
    (a short name is not found inside a longer word)."""
    for start in _SENTENCE_STARTS.finditer(line):
        sentence = line[start.end() :]
        if not _opens_with_action(sentence):
            continue
        words = key_words(sentence[T.IMPERATIVE_LEAD.match(sentence).end() :])
        k = 1  # after the verb, its particles and an article: "sign up to the"
        while k < len(words) and words[k] in _BEFORE_OBJECT:
            k += 1
        if words_spell(words, k, outlet) or (k > 1 and words[k - 1] == "the" and words_spell(words, k - 1, outlet)):
            return True
    return False


_BEFORE_OBJECT = frozenset("up to on out in with at the".split())
MIN_OUTLET_KEY = 3  # "bbc", "cnn": a shorter key would be found in lines that do not name the outlet


# What names a channel, screened by their literals (most lines name none: one scan rules them out).
_CHANNELS = (T.READER_CHANNELS, T.READER_PRICE, T.READER_GIFT, T.EMAIL_ADDRESS, _URL, _HANDLE, T.OUTLET_NEWSROOM, T.OUTLET_RECIPIENT,
             T.READER_FUNDING)
_DIGIT = re.compile(r"\d")


@cache
def _channel_screen() -> LiteralScreen:
    return LiteralScreen(_CHANNELS)


def _unquoted(line: str) -> str:
    """The line without its quotations, when words are left beside them (the speaker: "'Join us,'
    she said"); a line that is one quotation from end to end says nothing of who speaks, and
    scraped text wraps whole paragraphs in stray marks, so it is kept whole."""
    rest = T.QUOTED.sub(" ", line)
    return rest if _WORD.search(rest) else line


def outlet_voice(text: str) -> bool:
    """Whether the outlet speaks of itself: "us" ("follow us", "tell us"), or "our" before one
    of its channels or the people of its newsroom ("our newsletter", "our weekly podcast", "our
    investigations desk"; not "our own")."""
    return T.OUTLET_OBJECT.search(text) is not None or any(
        T.READER_CHANNELS.search(m.group(1)) or T.NEWSROOM_PEOPLE.search(m.group(1)) for m in T.OUTLET_POSSESSIVE.finditer(text)
    )


def _opens_with_action(sentence: str) -> bool:
    """The sentence opens (after "please", "now", an arrow, or a phrase such as "For more news,")
    with a verb of what readers do."""
    rest = sentence[T.IMPERATIVE_LEAD.match(sentence).end() :]
    introduction = T.INTRODUCTORY.match(rest)
    if introduction:
        rest = rest[introduction.end() :]
    word = _FIRST_WORD.match(rest)
    if word is None:
        return False
    return word.group().lower() in T.READER_ACTIONS or T.LIKE_ON_NETWORK.match(rest) is not None


def line_words(text: str) -> int:
    """Words on a line, script-aware (:func:`quality.spans.word_count`), numbers included: a
    Chinese sentence counts its words and not its one or two space-separated runs."""
    return word_count(text, _WORD)


def line_length(text: str) -> float:
    """The line's length in Latin-equivalent characters: what the length features and thresholds
    (fitted on mostly English lines) should see. An unspaced-script character carries about a
    word's worth of text over ``UNSPACED_CHARS_PER_WORD`` characters, where English spends
    ``SPACED_CHARS_PER_WORD``; a 20-character Chinese sentence is as long as a 75-character English
    one, not a 20-character menu entry."""
    unspaced = len(UNSPACED.findall(text))
    return len(text) + unspaced * (SPACED_CHARS_PER_WORD / UNSPACED_CHARS_PER_WORD - 1)


_ASCII_DIGITS = "0123456789"  # what str.isdigit accepts in ASCII text

# Characters per word in English news lines, the space included (6.08 measured on the content
# lines of the line benchmark in benchmarks/boilerplate_lines.py, lines with CJK left out).
SPACED_CHARS_PER_WORD = 6.0


class OwnFeatures(NamedTuple):
    """What one line says about itself, before its neighbours are looked at."""

    features: tuple[float, ...]  # in the order of OWN_FEATURES
    words: int
    length: float  # Latin-equivalent characters (:func:`line_length`)
    prose: bool
    family: Rule | None
    grammatical: bool  # has function words (or Chinese/Japanese function characters)
    call: int  # NO_CALL, EDGE_CALL or CALL (call_to_reader)


def _own_features(text: str) -> OwnFeatures:
    words = _WORD.findall(text)
    if text.isascii():  # most lines: no unspaced script, so the words are the line's words
        chars, n_words, cjk = float(len(text)), len(words), 0
        digits = sum(map(text.count, _ASCII_DIGITS))
    else:
        chars, n_words, cjk = line_length(text), line_words(text), len(_CJK.findall(text))
        digits = sum(map(str.isdigit, text))
    cjk_share = cjk / len(text) if text else 0.0
    alpha = [w for w in words if w[0].isalpha()]
    n_alpha = len(alpha) or 1
    function = sum(1 for w in alpha if w.lower() in T.FUNCTION_WORDS)
    grammatical = function > 0 or (cjk > 0 and not T.UNSPACED_FUNCTION_CHARS.isdisjoint(text))
    capitalised = sum(1 for w in alpha if w[0].isupper())
    all_caps = sum(1 for w in alpha if len(w) > 1 and w.isupper())
    has_letters = any(map(str.isalpha, text))
    separators = sum(text.count(c) for c in T.SEPARATORS)
    ends_sentence = bool(_SENTENCE_END.search(_TRAILING_SYMBOLS.sub("", text)))
    maybe_date = len(text) <= 200 and T.may_hold_date_or_time(text)
    date_chars = sum(m.end() - m.start() for m in T.DATE_OR_TIME.finditer(text)) if maybe_date else 0
    dateline = maybe_date and is_dateline(text)
    family = family_of(text, dateline)
    if family is SOCIAL_CALL and grammatical and n_words >= REPORTED_CALL_WORDS and not speaks_to_reader(_unquoted(text)):
        family = None  # "The weather service urged residents to register for its SMS alerts": a story's line
    prose = (
        chars >= 150
        or (n_words >= 10 and ends_sentence)
        or (n_words >= 15 and function >= 0.2 * len(alpha))
        or (cjk_share > 0.3 and len(text) >= 60)  # East Asian text, Hangul included
    )
    named = {
        "log_chars": math.log1p(chars) / 5,
        "log_words": math.log1p(n_words) / 4,
        "under_20": float(chars < 20),
        "under_40": float(chars < 40),
        "under_80": float(chars < 80),
        "over_200": float(chars >= 200),
        "ends_sentence": float(ends_sentence),
        "ends_colon": float(text.endswith(":")),
        "starts_lower": float(text[:1].islower()),
        "comma_rate": min(text.count(",") / max(n_words, 1), 0.5) * 2,
        "function_share": function / n_alpha if alpha else 0.0,
        "no_function_words": float(n_words >= 3 and function == 0 and cjk_share <= 0.3),
        "capitalised_share": capitalised / n_alpha if alpha else 0.0,
        "all_caps_share": all_caps / n_alpha if alpha else 0.0,
        "digit_share": digits / len(text) if text else 0.0,
        "no_letters": float(not has_letters),
        "has_url": float(bool(_URL.search(text))),
        "has_handle": float(bool(_HANDLE.search(text))),
        "separators": min(separators, 3) / 3,
        "date_share": date_chars / len(text) if text else 0.0,
        "opens_quote": float(bool(_OPEN_QUOTE.match(text))),
        "cjk_share": cjk_share,
    }
    named.update({feature: float(family is rule) for rule, feature in FAMILY_FEATURES})
    named["family_dateline_shape"] = float(dateline)
    feats = tuple(_SHARED_FLOATS.get(value, value) for value in map(named.__getitem__, OWN_FEATURES))
    call = call_to_reader(text, n_words) if family is None else NO_CALL
    return OwnFeatures(feats, n_words, chars, prose, family, grammatical, call)


# Most of a line's own features are 0.0 or 1.0; kept as these two objects rather than a fresh
# float each, a cached line's features take a third of the memory (OWN_CACHE_LINES).
_SHARED_FLOATS = {0.0: 0.0, 1.0: 1.0}


OWN_FEATURES = (
    "log_chars", "log_words", "under_20", "under_40", "under_80", "over_200", "ends_sentence",
    "ends_colon", "starts_lower", "comma_rate", "function_share", "no_function_words",
    "capitalised_share", "all_caps_share", "digit_share", "no_letters", "has_url", "has_handle",
    "separators", "date_share", "opens_quote", "cjk_share",
    "family_embed", "family_ad", "family_social", "family_credit", "family_legal", "family_byline",
    "family_navigation", "family_dateline_shape",
)  # fmt: skip
CONTEXT_FEATURES = (
    "before_first_prose", "after_last_prose", "log_distance_to_prose", "prev_prose", "next_prose",
    "between_prose", "window_prose_share", "window_short_share", "relative_position",
    "after_nav_header", "duplicate_in_article", "short_outside", "short_between", "short_sentence",
    "prev_family", "next_family", "next_is_first_prose", "in_main_block", "log_run_length",
    "run_in_block", "short_in_block", "bracketed_run", "bracketed_long_run", "bracketed_numeric",
    "prose_before_share", "prose_after_share", "prose_edge_share", "headline_candidate",
)  # fmt: skip
ALL_FEATURES = OWN_FEATURES + CONTEXT_FEATURES
OWN_INDEX = {name: k for k, name in enumerate(OWN_FEATURES)}
FEATURE_INDEX = {name: k for k, name in enumerate(ALL_FEATURES)}

_NAV_HEADERS = (NAVIGATION,)
STEPS_REACH = 12  # lines after a paragraph ending in a colon read as the list it introduces
STEP_MAX_WORDS = 40  # a longer line is a paragraph, and ends the list
ANNOUNCING_WORDS = 3  # "Tour dates:" is a heading; "The band's tour dates:" announces the list below it
ANNOUNCED_REACH = 40  # lines after it read as the list it announces (a tour's dates)
MIN_SCHEDULE_ROWS = 5  # lines in a row that open with a date: a schedule, not datelines
_OPENS_WITH_DATE = re.compile(rf"(?:{T.MONTHS})\.?\s+\d{{1,2}}\b|\d{{1,2}}\.?\s+(?:{T.MONTHS})\b", re.IGNORECASE)
RESIDUE_MIN_WORDS = 8  # a dateline prefix is cut alone only when a real paragraph follows it
NAV_REACH = 6  # lines after a navigation header ("Related", "Most Popular") that read as its links
HEADLINE_REACH = 12  # lines above the first paragraph searched for the headline
BLOCK_GAP_COST = 0.3  # what one non-prose line costs inside the main block, against ~1 per 100 chars of prose


def line_infos(lines: Sequence[Span], own_cache: BoundedDict[str, OwnFeatures] | None = None, outlet: str = "") -> list[LineInfo]:
    """Features of every line, own and contextual, in the order of ``ALL_FEATURES``.

    A line's own features depend on its text alone; ``own_cache`` keeps them between the passes of
    :func:`classify`, which only change the lines' context. The one exception is a call to the
    reader through the outlet's own name (``outlet``, :func:`outlet_key`), looked for here."""
    if own_cache is None:
        own_cache = BoundedDict(OWN_CACHE_LINES)
    spelled = _outlet_screen(outlet) if len(outlet) >= MIN_OUTLET_KEY else None
    own = []
    for line in lines:
        found = own_cache.get(line.text)
        if found is None:
            found = own_cache.put(line.text, _own_features(line.text))
        if spelled and found.call != CALL and found.family is None and spelled.search(line.text):
            found = found._replace(call=call_to_reader(line.text, found.words, outlet))
        own.append(found)
    n = len(lines)
    prose_at = [i for i, o in enumerate(own) if o.prose]
    first_prose = prose_at[0] if prose_at else n
    last_prose = prose_at[-1] if prose_at else -1
    is_prose = [o.prose for o in own]
    is_short = [o.length < 40 for o in own]
    families = [o.family for o in own]
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.text] = counts.get(line.text, 0) + 1
    # distance from each line to the nearest prose line, in lines (two sweeps)
    distance = [n] * n
    last = None
    for i in range(n):
        if is_prose[i]:
            last = i
        if last is not None:
            distance[i] = i - last
    last = None
    for i in range(n - 1, -1, -1):
        if is_prose[i]:
            last = i
        if last is not None:
            distance[i] = min(distance[i], last - i)
    block_start, block_end = main_block([o.length for o in own], is_prose)
    run_length = [0] * n
    i = 0
    while i < n:
        j = i
        while j < n and not is_prose[j]:
            j += 1
        for k in range(i, j):
            run_length[k] = j - i
        i = max(j, i + 1)
    headline = headline_index(lines, own, first_prose)
    mass = [own[i].length if is_prose[i] else 0.0 for i in range(n)]
    total_mass = sum(mass) or 1
    before = list(itertools.accumulate(mass, initial=0.0))  # prose before each line, summed in order
    after = [total_mass - before[i] - mass[i] for i in range(n)]
    in_block = [block_start <= i <= block_end for i in range(n)]
    bracketed = [first_prose < i < last_prose for i in range(n)]
    outside = [i < first_prose or i > last_prose for i in range(n)]
    prev_prose = [i > 0 and is_prose[i - 1] for i in range(n)]
    next_prose = [i + 1 < n and is_prose[i + 1] for i in range(n)]
    between = [prev_prose[i] and next_prose[i] for i in range(n)]
    windows = [[j for j in range(max(0, i - 3), min(n, i + 4)) if j != i] for i in range(n)]
    log_run = [math.log1p(r) / 3 for r in run_length]
    ends_sentence, digit_share = OWN_INDEX["ends_sentence"], OWN_INDEX["digit_share"]
    # Each contextual feature for every line, by name (the line model reads them in the order of
    # CONTEXT_FEATURES).
    context = {
        "before_first_prose": [float(i < first_prose) for i in range(n)],
        "after_last_prose": [float(i > last_prose) for i in range(n)],
        "log_distance_to_prose": [math.log1p(d) / 3 for d in distance],
        "prev_prose": [float(x) for x in prev_prose],
        "next_prose": [float(x) for x in next_prose],
        "between_prose": [float(x) for x in between],
        "window_prose_share": [sum(is_prose[j] for j in w) / len(w) if w else 0.0 for w in windows],
        "window_short_share": [sum(is_short[j] for j in w) / len(w) if w else 0.0 for w in windows],
        "relative_position": [i / (n - 1) if n > 1 else 0.0 for i in range(n)],
        "after_nav_header": [float(near) for near in _after_nav_header(own)],
        "duplicate_in_article": [float(counts[line.text] > 1) for line in lines],
        "short_outside": [float(is_short[i] and outside[i]) for i in range(n)],
        "short_between": [float(is_short[i] and between[i]) for i in range(n)],
        "short_sentence": [float(is_short[i] and own[i].features[ends_sentence] > 0) for i in range(n)],
        "prev_family": [float(i > 0 and families[i - 1] is not None) for i in range(n)],
        "next_family": [float(i + 1 < n and families[i + 1] is not None) for i in range(n)],
        "next_is_first_prose": [float(i + 1 == first_prose) for i in range(n)],
        "in_main_block": [float(x) for x in in_block],
        "log_run_length": log_run,
        "run_in_block": [log_run[i] * float(in_block[i]) for i in range(n)],
        "short_in_block": [float(is_short[i] and in_block[i]) for i in range(n)],
        "bracketed_run": [log_run[i] * float(bracketed[i]) for i in range(n)],
        "bracketed_long_run": [float(run_length[i] >= 6 and bracketed[i]) for i in range(n)],
        "bracketed_numeric": [float(run_length[i] >= 6 and bracketed[i] and own[i].features[digit_share] > 0.3) for i in range(n)],
        "prose_before_share": [before[i] / total_mass for i in range(n)],
        "prose_after_share": [after[i] / total_mass for i in range(n)],
        "prose_edge_share": [min(before[i], after[i]) / total_mass for i in range(n)],
        "headline_candidate": [float(i == headline) for i in range(n)],
    }
    rows = zip(*(context[name] for name in CONTEXT_FEATURES))
    return [
        LineInfo(line, o.length, o.words, o.family, o.prose, o.grammatical, (*o.features, *row), o.call)
        for line, o, row in zip(lines, own, rows)
    ]


def _after_nav_header(own: Sequence[OwnFeatures]) -> list[bool]:
    """Whether each line follows a navigation header ("Related", "Most Popular") by at most
    ``NAV_REACH`` lines with no real paragraph between: a header opens a list of links that runs
    until the next paragraph."""
    near = []
    since_nav = NAV_REACH + 1
    for o in own:
        near.append(since_nav <= NAV_REACH)
        if o.family in _NAV_HEADERS and not o.prose:
            since_nav = 0
        elif o.prose:
            since_nav = NAV_REACH + 1
        else:
            since_nav += 1
    return near


def headline_index(lines: Sequence[Span], own: Sequence[OwnFeatures], first_prose: int) -> int:
    """The likeliest headline: the nearest line above the first paragraph that has a headline's
    shape (4 to 25 words, no closing full stop or colon, no family match, not a dateline)."""
    for i in range(first_prose - 1, max(-1, first_prose - 1 - HEADLINE_REACH), -1):
        text = lines[i].text
        n_words, family = own[i].words, own[i].family
        # (family is None also rules out a dateline: datelines are the DATELINE family)
        if 4 <= n_words <= 25 and family is None and not text.endswith((".", ":")):
            return i
    return -1


def main_block(lengths: Sequence[float], is_prose: Sequence[bool]) -> tuple[int, int]:
    """The article's main run of text: the stretch of lines with the most prose in it, where every
    non-prose line inside costs a little (the maximum-sum segment, Kadane's algorithm). Menus and
    footers around the story fall outside it; subheadings, tables and short quotes inside it stay in."""
    best, best_span = 0.0, (len(lengths), -1)
    total, start = 0.0, 0
    for i, length in enumerate(lengths):
        value = min(length, 500) / 100 if is_prose[i] else -BLOCK_GAP_COST
        if total <= 0:
            total, start = 0.0, i
        total += value
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def probability(features: Sequence[float]) -> float:
    """The model's probability that a line is boilerplate (logistic over ``FEATURES``)."""
    z = BIAS + sum(map(operator.mul, WEIGHTS, features))  # the same products, summed in the same order
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def check_model() -> None:
    """The fitted weights must describe the features computed here, in the same order."""
    if tuple(FEATURES) != ALL_FEATURES or len(WEIGHTS) != len(ALL_FEATURES):
        raise RuntimeError(
            "quality/detectors/_boilerplate_model.py does not match the features in boilerplate.py: "
            "refit with `python benchmarks/fit_boilerplate.py --write`"
        )


# --------------------------------------------------------------------------------------------
# Line verdicts
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """One stretch of boilerplate: a whole line, or the residue at one end of a line."""

    code: str
    start: int
    end: int
    probability: float  # the line model's probability (1.0 for a learned template line)
    whole_line: bool = True
    pass_number: int = 1  # the pass of classify() that found it: > 1 once the lines around it were cut


def _normalise(line: str) -> str:
    """The key under which recurring lines are counted: case folded, links and digits masked,
    white space collapsed, so "Updated 3 hours ago" and "Updated 5 hours ago" are one line."""
    line = _URL_FULL.sub("<url>", line.casefold())
    line = _DIGITS.sub("0", line)
    return " ".join(line.split())


_URL_FULL = fast_start(re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE))
_DIGITS = re.compile(r"\d+")


def line_key(line: str) -> bytes:
    """A short stable digest of the normalised line, so corpus summaries stay small. Kept for
    the process (``_KEY_CACHE``): the corpus pass asks again for every line detection asked
    about, and a site's furniture recurs."""
    key = _KEY_CACHE.get(line)
    if key is None:
        # surrogatepass: a lone surrogate (possible in a DataFrame's text) must not stop the corpus pass
        key = _KEY_CACHE.put(line, hashlib.blake2b(_normalise(line).encode("utf-8", "surrogatepass"), digest_size=8).digest())
    return key


KEY_CACHE_LINES = 20_000  # about 0.25 KB a line with its text (held by the articles in hand anyway)
_KEY_CACHE: BoundedDict[str, bytes] = BoundedDict(KEY_CACHE_LINES)


def classify(
    text: str,
    threshold: float = 0.5,
    edge_share: float = 0.1,
    family_veto: float = 0.0,
    learned: frozenset[bytes] | None = None,
    codes: Iterable[str] | None = None,
    outlet: str = "",
) -> list[Verdict]:
    """Every boilerplate stretch of ``text``, in order: the fixed point of detecting and cutting.

    A pass (:func:`classify_pass`) judges every line in its context. What it flags is cut
    (:func:`strip_spans`), and the next pass judges the lines that are left, in their new context
    (a subheading whose paragraph below was a fragment is now a dangling last line). Passes
    repeat until one finds nothing, at most ``MAX_PASSES`` times. Verdicts of later passes are
    mapped back to offsets in ``text`` and carry their pass number. So cutting all the verdicts at
    once gives the text the last pass saw, and classifying that text finds nothing more: stripping
    is idempotent (up to the bound, see ``MAX_PASSES``).

    ``codes`` (rule codes or prefixes) limits which verdicts are cut and returned; the passes
    still judge every line, so ``codes=["BPL001"]`` strips calls to follow until none is left.
    ``outlet`` is the article's source as :func:`outlet_key` gives it (a call may name it).
    """
    wanted = tuple(c.upper() for c in codes) if codes is not None else None
    found: list[Verdict] = []
    current = text
    maps: list[OffsetMap] = []  # how each pass's text was made from the one before
    for number in range(1, MAX_PASSES + 1):
        verdicts = classify_pass(current, threshold, edge_share, family_veto, learned, _OWN_CACHE, outlet)
        if wanted is not None:
            verdicts = [v for v in verdicts if v.code.startswith(wanted)]
        if not verdicts:
            break
        for v in verdicts:
            start, end = _to_original(maps, v.start), _to_original(maps, v.end - 1) + 1
            found.append(Verdict(v.code, start, end, v.probability, v.whole_line, number))
        pieces = _kept_pieces(current, [(v.start, v.end) for v in verdicts])
        maps.append(OffsetMap.of_pieces(pieces, len(current)))
        current = "".join(current[a:b] for a, b in pieces)
    found.sort(key=lambda v: (v.start, v.end))
    return found


# Cutting lines changes the context of the others, so one pass can make another line look like
# furniture (a subheading left dangling at the end, a link list whose header is gone). A line's
# own features are cached, so a later pass costs a fraction of the first. On the line benchmark
# (181 pages) the fixed point took at most 4 passes for the article views and 6 for whole pages;
# the bound leaves room above that while keeping the cost linear in the text's length. A text
# that still changes after MAX_PASSES passes is returned as cut so far (the one case where
# stripping again could strip more).
MAX_PASSES = 8


# A line's own features depend on its text alone, and a site's furniture recurs across its pages
# (28,455 distinct lines among the 47,503 of the 803 shared documents of benchmarks/throughput.py),
# so they are kept for the process: up to OWN_CACHE_LINES lines, about 0.6 KB each and the line's
# text (0.15 KB on average there), the older half dropped when full. The corpus pass re-reads the
# articles whose template lines it learned, and finds most of their lines here.
OWN_CACHE_LINES = 40_000
_OWN_CACHE: BoundedDict[str, OwnFeatures] = BoundedDict(OWN_CACHE_LINES)


def _to_original(maps: Sequence[OffsetMap], offset: int) -> int:
    """An offset in the text of the last pass, as an offset in the original text."""
    for piece_map in reversed(maps):
        offset = piece_map.to_original(offset)
    return offset


def classify_pass(
    text: str,
    threshold: float = 0.5,
    edge_share: float = 0.1,
    family_veto: float = 0.0,
    learned: frozenset[bytes] | None = None,
    own_cache: BoundedDict[str, OwnFeatures] | None = None,
    outlet: str = "",
) -> list[Verdict]:
    """One pass of :func:`classify`: every line judged once, in the context ``text`` gives it.

    A line is boilerplate when (a) a family matches (unless it is a paragraph the model gives a
    probability below ``family_veto``; 0, the default, never vetoes), (b) the model's probability
    is >= ``threshold``, (c) it is not a paragraph and less than ``edge_share`` of the article's
    prose lies before or after it (page furniture above or below the story), or (d) its
    normalised form is in ``learned`` (the source's template lines from the corpus pass). The
    headline, subheadings and one-sentence paragraphs are spared by (b) and (c); see the module
    docstring. A paragraph with a dateline glued to its front or a tweet signature at its end
    loses only that residue.
    """
    spans = list(paragraphs(text))
    infos = line_infos(spans, own_cache, outlet)
    lead = _lead_lines(infos)
    story_lines = [i for i, info in enumerate(infos) if info.prose and info.family is None and info.call == NO_CALL]
    steps = _listed_steps(infos)
    announced = _announced_list(infos) | _schedule_rows(infos)
    table = _table_lines(infos)
    spoken = _spoken_lines(infos) if learned else set()
    verdicts: list[Verdict] = []
    for index, info in enumerate(infos):
        p = probability(info.features)
        residue = _end_residue(info.span)
        if residue is not None:
            verdicts.append(residue)  # a paragraph with residue glued to one end: cut only the residue
            continue
        sentence = info.feature("ends_sentence") > 0 and info.words >= 4
        outside = (
            not info.prose
            and not sentence
            and info.feature("headline_candidate") == 0.0
            and info.feature("prose_edge_share") < edge_share
        )
        subheading = info.feature("between_prose") > 0 and info.words <= 12 and not sentence
        rule: Rule | None = None
        if info.family is not None:
            if not (info.prose and p < family_veto):
                rule = info.family
        elif index not in lead and index not in announced and not subheading and not (sentence and info.grammatical) and (p >= threshold or outside):
            rule = PAGE_FRAGMENT
        if rule is DATELINE and index in announced:
            rule = None  # a row of a schedule the article carries ("June 17 -- Arena, Nashville, TN"), not a dateline
        if index in table:
            rule = None  # a table the article carries, not a menu
        if rule is SOCIAL_CALL and _heads_comments(infos, index):
            rule = None
        if info.call != NO_CALL and rule in (None, PAGE_FRAGMENT) and _stands_as_call(info, index, lead, story_lines):
            rule = SOCIAL_CALL
        if rule is SOCIAL_CALL and index in steps and not outlet_voice(info.span.text):
            rule = None  # a step the article lists ("Sign up for a streaming account"), not the outlet's call
        if learned and (rule is PAGE_FRAGMENT or (rule is None and not subheading)) and index not in spoken and index not in table and line_key(info.span.text) in learned:
            # a recurring subheading ("Background") is house style, not a template
            rule, p = SOURCE_TEMPLATE, 1.0
        if rule is not None:
            verdicts.append(Verdict(rule.code, info.span.start, info.span.end, p))
    return verdicts


def _spoken_lines(infos: Sequence[LineInfo]) -> set[int]:
    """A transcript's own lines, which recur from talk to talk without being a template: its
    stage directions ("(Applause)") and, when it has one, its short sentences ("Thank you.")."""
    directions = {i for i, info in enumerate(infos) if info.span.text[:1] in "([" and T.STAGE_DIRECTION.fullmatch(info.span.text.strip())}
    if not directions:
        return directions
    short = {i for i, info in enumerate(infos) if info.feature("ends_sentence") > 0 and info.words <= T.TRANSCRIPT_SPEECH_WORDS}
    return directions | short


_ONE_NETWORK = re.compile(rf"^\W*(?:{T.NETWORKS})\W*$", re.IGNORECASE)


def _heads_comments(infos: Sequence[LineInfo], index: int) -> bool:
    """A line that is one network's name and nothing else ("FACEBOOK.") over a paragraph of
    prose, with no other wording family on either side: a heading over what was taken from that
    network (a letters page's readers' comments), not a share button, which comes in a run of
    networks ("Facebook / Twitter / Email") or beside the page's other furniture."""
    info = infos[index]
    if info.words != 1 or not _ONE_NETWORK.match(info.span.text):
        return False
    return index + 1 < len(infos) and infos[index + 1].prose and not (info.feature("prev_family") or info.feature("next_family"))


def _stands_as_call(info: LineInfo, index: int, lead: set[int], story_lines: Sequence[int]) -> bool:
    """Whether a line :func:`call_to_reader` found is a call where it stands: never the headline;
    a :data:`CALL` anywhere else; an :data:`EDGE_CALL` before or after the story's lines."""
    if index in lead or info.feature("headline_candidate") > 0:
        return False
    at_edge = not story_lines or index < story_lines[0] or index > story_lines[-1]
    return info.call == CALL or at_edge


def _listed_steps(infos: Sequence[LineInfo]) -> set[int]:
    """The lines of a list that a paragraph of the article introduces with a colon ("To get both,
    do this:"), up to :data:`STEPS_REACH` lines of at most :data:`STEP_MAX_WORDS` words: the
    article's own steps or items, whatever they say."""
    steps: set[int] = set()
    for index, info in enumerate(infos):
        if info.prose and _ends_in_colon(info):
            steps.update(_list_below(infos, index, STEPS_REACH, _list_line))
    return steps


def _announced_list(infos: Sequence[LineInfo]) -> set[int]:
    """A list the article announces, and the line that announces it: a line of at least
    :data:`ANNOUNCING_WORDS` words that ends in a colon, that no family explains and that is
    prose or follows prose ("The band's tour dates:" after the last paragraph), and the short
    lines after it, up to :data:`ANNOUNCED_REACH` (a tour's dates, a resolution's points). Their
    shape is a menu's, but the article introduced them: only a family's wording can flag them."""
    announced: set[int] = set()
    for index, info in enumerate(infos):
        if info.family is not None or info.words < ANNOUNCING_WORDS or not _ends_in_colon(info):
            continue
        if not (info.prose or (index > 0 and infos[index - 1].prose)):
            continue  # a header among the page's menus ("Stories you may have missed:"), not the article's
        items = _list_below(infos, index, ANNOUNCED_REACH, lambda item: item.family is None and _list_line(item))
        if items:
            announced.update([index, *items])
    return announced


def _schedule_rows(infos: Sequence[LineInfo]) -> set[int]:
    """The rows of a schedule the article carries: :data:`MIN_SCHEDULE_ROWS` lines or more in a
    row, each opening with a date ("June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre"). A
    page's dateline is one line; a menu's entries do not open with dates."""
    rows: set[int] = set()
    dated = [info.words <= STEP_MAX_WORDS and bool(_OPENS_WITH_DATE.match(info.span.text)) for info in infos]
    for is_dated, run in itertools.groupby(range(len(infos)), key=dated.__getitem__):
        indices = list(run)
        if is_dated and len(indices) >= MIN_SCHEDULE_ROWS:
            rows.update(indices)
    return rows


def _table_lines(infos: Sequence[LineInfo]) -> set[int]:
    """A table the article carries: a line of cells between "|" marks right above rows of
    figures with as many ("Pos | Team | P | W | Pts" over "1 | Strathmore Thistle | 24 | 18 |
    57"), the header and its rows. A menu's items are separated the same way, but no row of
    figures follows them."""
    found: set[int] = set()
    for index, info in enumerate(infos):
        cells = info.span.text.count("|")
        if cells < 2 or index in found:
            continue
        rows = list(itertools.takewhile(lambda k: infos[k].span.text.count("|") == cells and is_table_row(infos[k].span.text), range(index + 1, len(infos))))
        if rows:
            found.update([index, *rows])
    return found


def _list_below(infos: Sequence[LineInfo], index: int, reach: int, is_item: Callable[[LineInfo], bool]) -> list[int]:
    """The lines after ``index`` that make the list it introduces: up to ``reach`` of them, while
    ``is_item`` holds."""
    return list(itertools.takewhile(lambda k: is_item(infos[k]), range(index + 1, min(len(infos), index + 1 + reach))))


def _list_line(info: LineInfo) -> bool:
    """A line that may be an item of a list: short, and not the colon of another list's heading."""
    return info.words <= STEP_MAX_WORDS and not _ends_in_colon(info)


def _ends_in_colon(info: LineInfo) -> bool:
    return info.span.text.rstrip().endswith(":")


def _outside_headings(verdicts: list[Verdict], headings: Sequence[tuple[int, int]]) -> list[Verdict]:
    """``verdicts`` without the model's BPL008 on a heading a Markdown file marks as such: a
    heading is structure its author wrote, however much it looks like a menu entry. Families
    (a heading that reads "Follow us on Telegram") still count."""
    if not headings:
        return verdicts
    starts = [start for start, _ in headings]

    def in_heading(offset: int) -> bool:
        index = bisect.bisect_right(starts, offset) - 1
        return index >= 0 and offset < headings[index][1]

    return [v for v in verdicts if not (v.code == PAGE_FRAGMENT.code and in_heading(v.start))]


def _lead_lines(infos: Sequence[LineInfo]) -> set[int]:
    """Headline and standfirst: the lines the text opens with that have a headline's shape (4 to
    40 words, no closing punctuation), with furniture that a family names allowed among them.
    Scraped articles start with their headline; a page's menu starts with one- and two-word
    entries, and the first real paragraph ends with a full stop, either of which ends the run."""
    lead: set[int] = set()
    for index, info in enumerate(infos):
        if info.family is not None:
            continue
        text = info.span.text
        ends_sentence = info.feature("ends_sentence") > 0
        if ends_sentence or not (4 <= info.words <= 40) or text.endswith(":"):
            break
        lead.add(index)
    return lead


def _end_residue(span: Span) -> Verdict | None:
    """A dateline glued to the front of a paragraph, or an embedded post's signature at its end."""
    prefix = T.DATELINE_PREFIX.match(span.text)
    if prefix and len(_WORD.findall(span.text[prefix.end() :])) >= RESIDUE_MIN_WORDS:
        end = span.start + len(prefix.group().rstrip())
        return Verdict(DATELINE.code, span.start, end, 1.0, whole_line=False)
    # The signature holds "(@handle)": a line without "(@" cannot match (most lines).
    suffix = T.EMBED_SUFFIX.search(span.text) if "(@" in span.text else None
    if suffix and len(_WORD.findall(span.text[: suffix.start()])) >= 3:
        lead = len(suffix.group()) - len(suffix.group().lstrip())
        return Verdict(EMBED.code, span.start + suffix.start() + lead, span.end, 1.0, whole_line=False)
    return None


def _template_blocks(text: str, verdicts: list[Verdict]) -> list[tuple[Verdict, list[int]]]:
    """``verdicts`` with each run of template lines (BPL009) that only white space separates
    joined into one, each with where its lines start: a recurring note the page breaks over five
    lines is one finding."""
    joined: list[tuple[Verdict, list[int]]] = []
    for v in verdicts:
        last = joined[-1][0] if joined else None
        if v.code == SOURCE_TEMPLATE.code and last is not None and last.code == v.code and not text[last.end : v.start].strip():
            starts = joined[-1][1]
            joined[-1] = (Verdict(v.code, last.start, v.end, v.probability, True, max(last.pass_number, v.pass_number)), [*starts, v.start])
        else:
            joined.append((v, [v.start]))
    return joined


def cleanliness(text: str, verdicts: Iterable[Verdict]) -> float:
    """The cleanliness score of the module docstring: article characters over article plus
    weighted furniture characters."""
    verdicts = list(verdicts)
    flagged = sum(v.end - v.start for v in verdicts)
    content = sum(s.end - s.start for s in paragraphs(text)) - flagged
    charge = sum(RULES[v.code].weight * max(v.end - v.start, MIN_CHARGE) for v in verdicts)
    if content <= 0:
        return 0.0
    return content / (content + charge)


# --------------------------------------------------------------------------------------------
# Stripping
# --------------------------------------------------------------------------------------------


def strip_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` without the given stretches, every other character kept as it was.

    Stretches that together cover a line's text take the whole line with them: its line break
    and the blank lines after it, so the paragraphs around it stay separated as before. Furniture
    at the very end goes with the blank lines before it instead, and the text keeps its final line
    break if it had one. A stretch inside a line (a dateline glued to a paragraph) goes with the
    spaces that joined it to the rest of the line.

    Cutting stretches in two steps gives the same text as cutting them all at once, which is what
    makes :func:`classify`'s passes and a single :func:`strip_findings` agree."""
    return "".join(text[a:b] for a, b in _kept_pieces(text, spans))


_LINE = re.compile(r"[^\n]*\n|[^\n]+$")


def _kept_pieces(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of ``text`` that :func:`strip_spans` keeps, in order (so that offsets in the
    stripped text can be mapped back)."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    starts = [start for start, _ in lines]
    on_line: dict[int, list[tuple[int, int]]] = {}
    for start, end in spans:
        index = bisect.bisect_right(starts, start) - 1
        if index >= 0:
            on_line.setdefault(index, []).append((start, end))
    if not on_line:
        return [(0, len(text))] if text else []
    cut_line: set[int] = set()
    partial: dict[int, list[tuple[int, int]]] = {}
    for index, stretches in on_line.items():
        line_start, line_end = lines[index]
        body_end = line_end - 1 if text[line_end - 1 : line_end] == "\n" else line_end
        if _covers(text, line_start, body_end, stretches):
            cut_line.add(index)
        else:
            partial[index] = stretches
    blank = [not text[a:b].strip() for a, b in lines]
    kept = [i for i in range(len(lines)) if not blank[i] and i not in cut_line]
    if not kept:
        return []  # nothing but furniture
    last_kept = kept[-1]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if i > last_kept:
            if any(j in cut_line for j in range(i, len(lines))):
                # furniture at the end: drop it and the blank lines before it
                while out and text[out[-1][1] - 1] == "\n":
                    a, b = out.pop()
                    while b > a and text[b - 1] == "\n":
                        b -= 1
                    if b > a:
                        out.append((a, b))
                        break
                if text.endswith("\n"):
                    out.append((len(text) - 1, len(text)))
                break
            out.append(lines[i])
            i += 1
            continue
        if i in cut_line:
            i += 1
            while i < last_kept and blank[i]:
                i += 1
            continue
        start, end = lines[i]
        out.extend(_cut_inside(text, start, end, partial.get(i, [])))
        i += 1
    return [(a, b) for a, b in out if b > a]


def _covers(text: str, start: int, end: int, stretches: list[tuple[int, int]]) -> bool:
    """Whether the stretches leave nothing but white space of ``text[start:end]``."""
    pos = start
    for a, b in sorted(stretches):
        if text[pos:a].strip():
            return False
        pos = max(pos, b)
    return not text[pos:end].strip()


def _cut_inside(text: str, start: int, end: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """What is kept of one line without the stretches inside it and the spaces that joined them."""
    pieces, pos = [], start
    for a, b in sorted(cuts):
        while b < end and text[b] in " \t":
            b += 1
        pieces.append((pos, a))
        pos = max(pos, b)
    pieces.append((pos, end))
    return pieces


def strip_boilerplate(
    text: str,
    codes: Iterable[str] | None = None,
    learned_lines: Iterable[str] | None = None,
    source: str = "",
    **options: float,
) -> str:
    """The article without its boilerplate lines, every other character kept as it was.

    ``codes`` limits what is removed to some rules (codes or prefixes, e.g. ``["BPL001", "BPL006"]``);
    the default removes every kind. ``learned_lines`` are a source's template lines (as returned by
    :meth:`BoilerplateDetector.learned_lines` after a corpus pass, or any lines you know recur);
    ``source`` is the article's outlet (a call to the reader may name it: "Support Snopes");
    ``options`` are the detector's thresholds (``threshold``, ``edge_share``, ``family_veto``).

    Idempotent: what it returns has nothing left to strip under the same arguments, because the
    verdicts are those of :func:`classify`'s fixed point. It cuts exactly the spans the detector
    reports for an article of that source (``strip_findings(text, findings)`` gives the same text).
    """
    learned = frozenset(line_key(line) for line in learned_lines) if learned_lines else None
    verdicts = classify(text, learned=learned, codes=codes, outlet=outlet_key(source), **options)
    return strip_spans(text, ((v.start, v.end) for v in verdicts))


def strip_findings(text: str, findings: Iterable[Finding]) -> str:
    """The article without the spans of boilerplate findings (for example those ``quality.analyze``
    returned after the corpus pass), every other character kept as it was."""
    return strip_spans(text, ((f.start, f.end) for f in findings if f.rule.startswith("BPL")))


# --------------------------------------------------------------------------------------------
# The detector and its corpus pass
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceLines:
    """Corpus summary: per source, how many articles it has and in how many of them each
    normalised line occurs. Merging adds counts, so any chunking gives the same result."""

    articles: Mapping[str, int]
    lines: Mapping[str, Mapping[bytes, int]]
    words: Mapping[bytes, int]  # word count of each line key (the same for every occurrence)
    # Template lines learned from this summary, by thresholds: worked out once, not per article.
    learned_by_thresholds: dict[tuple[int, float, int], "Templates"] = field(default_factory=dict, compare=False, repr=False)

    @staticmethod
    def empty() -> "SourceLines":
        return SourceLines({}, {}, {})

    def templates(self, min_articles: int, min_share: float, quote_min_words: int) -> dict[str, dict[bytes, int]]:
        """Each source's template lines (see :class:`BoilerplateDetector`'s thresholds), with the
        number of the source's articles that have each."""
        sources_of: dict[bytes, int] = {}
        for counts in self.lines.values():
            for key in counts:
                sources_of[key] = sources_of.get(key, 0) + 1
        out: dict[str, dict[bytes, int]] = {}
        for source, counts in self.lines.items():
            total = self.articles.get(source, 0)
            keep = out[source] = {}
            for key, n in counts.items():
                if n < min_articles or n < min_share * total:
                    continue
                if sources_of[key] > 1 and self.words.get(key, 0) >= quote_min_words:
                    continue  # shared by several outlets: a quote or wire copy, not a template
                keep[key] = n
        return out


class Templates(NamedTuple):
    """A corpus summary's template lines under one set of thresholds."""

    keys: dict[str, frozenset[bytes]]  # by source
    counts: dict[str, dict[bytes, int]]  # by source: the articles that have each line


CorpusLines = SourceLines | StoredLines


class BoilerplateDetector(Detector):
    """Finds page furniture line by line; learns each source's template lines in the corpus pass.

    Thresholds (``[tool.quality.detectors.boilerplate]``):

    ``threshold`` (0.5)
        model probability above which a line no family explains is flagged (BPL008).
    ``edge_share`` (0.1)
        a non-paragraph line with less than this share of the article's prose above or below it
        is page furniture (0 turns the rule off).
    ``family_veto`` (0)
        a family match on a paragraph is ignored when the model gives it a lower probability
        (0: families are always trusted; their patterns already skip lines too long to be furniture).
    ``min_articles`` (3) and ``min_share`` (0.2)
        a line is a source's template when it occurs in at least ``min_articles`` of the source's
        articles and in at least ``min_share`` of them.
    ``quote_min_words`` (8)
        a line of at least this many words that also occurs in another source is a shared quote or
        wire copy, never a template.
    """

    name = "boilerplate"
    dimension = "cleanliness"
    rules = ALL_RULES
    uses_corpus = True
    # Articles a merged summary counts in memory before its counts move to a file (when a folder is named).
    held_articles: ClassVar[int] = HELD_RECORDS

    def __init__(
        self,
        threshold: float = 0.5,
        edge_share: float = 0.1,
        family_veto: float = 0.0,
        min_articles: int = 3,
        min_share: float = 0.2,
        quote_min_words: int = 8,
    ) -> None:
        check_model()
        for label, value in (("threshold", threshold), ("edge_share", edge_share), ("family_veto", family_veto), ("min_share", min_share)):
            check_option(label, value)
        check_option("min_articles", min_articles, low=2, high=None, why="a line seen once does not recur")
        self.threshold = float(threshold)
        self.edge_share = float(edge_share)
        self.family_veto = float(family_veto)
        self.min_articles = int(min_articles)
        self.min_share = float(min_share)
        self.quote_min_words = int(quote_min_words)

    @property
    def options(self) -> dict[str, float]:
        return {"threshold": self.threshold, "edge_share": self.edge_share, "family_veto": self.family_veto}

    def detect(self, article: Article) -> DetectorResult:
        verdicts = _outside_headings(classify(article.text, outlet=outlet_key(article.source), **self.options), article.headings)
        return self._result(article, verdicts)

    def _result(self, article: Article, verdicts: list[Verdict], totals: Mapping[int, tuple[int, int]] | None = None) -> DetectorResult:
        make = self.findings_for(article)
        findings = []
        for v, starts in _template_blocks(article.text, verdicts):
            rule = RULES[v.code]
            message = rule.message
            if rule is SOURCE_TEMPLATE and totals is not None:
                lines = [totals.get(start, (0, 0)) for start in starts]
                count, total = min(lines)
                message = rule.message_for(count=count, total=total) if len(lines) == 1 else rule.message_for("block", lines=len(lines), count=count, total=total)
            elif rule is PAGE_FRAGMENT:
                message = f"{message} (model probability {v.probability:.2f})"
            if v.pass_number > 1:
                message = f"{message}; {AFTER_CUTS}"
            findings.append(make(v.code, v.start, v.end, message, suggestion=""))
        lines = sum(1 for _ in paragraphs(article.text))
        whole = [v for v in verdicts if v.whole_line]
        metrics = {
            "lines": lines,
            "boilerplate_lines": len(whole),
            "boilerplate_chars": sum(v.end - v.start for v in verdicts),
        }
        return DetectorResult(score=cleanliness(article.text, verdicts), findings=tuple(findings), metrics=metrics)

    # corpus pass -------------------------------------------------------------------------

    def summarise(self, chunk: Sequence[tuple[Article, DetectorResult]]) -> SourceLines:
        articles: dict[str, int] = {}
        lines: dict[str, dict[bytes, int]] = {}
        words: dict[bytes, int] = {}
        for article, _ in chunk:
            articles[article.source] = articles.get(article.source, 0) + 1
            counts = lines.setdefault(article.source, {})
            seen = set()
            for span in paragraphs(article.text):
                key = line_key(span.text)
                if key in seen:
                    continue
                seen.add(key)
                counts[key] = counts.get(key, 0) + 1
                if key not in words:
                    words[key] = line_words(span.text)
        return SourceLines(articles, lines, words)

    def merge(self, summaries: Sequence[CorpusLines | None]) -> CorpusLines:
        """Counts added. Beyond ``held_articles`` articles in a run that names a record folder,
        the counts move to an SQLite file (:mod:`quality.detectors._boilerplate_store`)."""
        present = [summary for summary in summaries if summary is not None]
        articles = sum(sum(summary.articles.values()) for summary in present)
        if StoredLines.belongs_in_file(present, articles, self.held_articles):
            return StoredLines.merged(present)
        articles: dict[str, int] = {}
        lines: dict[str, dict[bytes, int]] = {}
        words: dict[bytes, int] = {}
        for summary in present:
            for source, n in summary.articles.items():
                articles[source] = articles.get(source, 0) + n
            for source, counts in summary.lines.items():  # type: ignore[union-attr]
                merged = lines.setdefault(source, {})
                for key, n in counts.items():
                    merged[key] = merged.get(key, 0) + n
            for key, n in summary.words.items():  # type: ignore[union-attr]
                words.setdefault(key, n)
        return SourceLines(articles, lines, words)

    def templates(self, summary: CorpusLines) -> Templates:
        """Each source's template lines under this detector's thresholds (worked out once per
        summary: ``apply`` runs once per article with the same one)."""
        thresholds = (self.min_articles, self.min_share, self.quote_min_words)
        known = summary.learned_by_thresholds.get(thresholds)
        if known is None:
            counts = summary.templates(*thresholds)
            known = summary.learned_by_thresholds[thresholds] = Templates({s: frozenset(c) for s, c in counts.items()}, counts)
        return known

    def learned(self, summary: CorpusLines) -> dict[str, frozenset[bytes]]:
        """Each source's template line keys under this detector's thresholds."""
        return self.templates(summary).keys

    def learned_lines(self, summary: CorpusLines, articles: Iterable[Article], source: str) -> list[str]:
        """The template lines of ``source`` as they appear in ``articles`` (for ``strip_boilerplate``)."""
        keys = self.learned(summary).get(source, frozenset())
        out: dict[bytes, str] = {}
        for article in articles:
            if article.source != source:
                continue
            for span in paragraphs(article.text):
                key = line_key(span.text)
                if key in keys and key not in out:
                    out[key] = span.text
        return list(out.values())

    def apply(self, article: Article, result: DetectorResult, summary: CorpusLines | None) -> DetectorResult:
        if summary is None:
            return result
        keys = self.learned(summary).get(article.source, frozenset())
        if not keys or not any(line_key(span.text) in keys for span in paragraphs(article.text)):
            return result
        verdicts = _outside_headings(classify(article.text, learned=keys, outlet=outlet_key(article.source), **self.options), article.headings)
        if not any(v.code == SOURCE_TEMPLATE.code for v in verdicts):
            return result
        counts = self.templates(summary).counts.get(article.source, {})
        total = summary.articles.get(article.source, 0)
        totals = {v.start: (counts.get(line_key(article.text[v.start : v.end]), 0), total) for v in verdicts if v.code == SOURCE_TEMPLATE.code}
        return self._result(article, verdicts, totals)
