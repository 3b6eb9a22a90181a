"""Data for the mojibake detector, kept apart from the logic that uses it.

Every table says why it exists. Costs are in "surprise points": 0 for what genuine text is full
of, about 1 for a character a careful writer rarely types, 3 or more for what only broken
decoding produces. They are hand-set from the structure of the codecs (what a mis-decoding can
produce) and of writing systems (what text in a script looks like). They were adjusted while
looking at ftfy's public test cases and the shared CJK-codec set, and then checked on real news
text that played no part in setting them (``benchmarks/mojibake.py`` prints all three).
"""

from __future__ import annotations

# --------------------------------------------------------------------------------------------
# Codecs

# Single-byte code pages that UTF-8 is commonly mis-decoded with, in the order they are tried
# and preferred on a tie (the most common mix-ups in the wild first). ``python`` is the codec
# used to build the byte map; every map is "sloppy": bytes the code page leaves undefined map to
# the C1 control of the same number, as browsers and most converters do, so that text passed
# through such a decoder still round-trips. Latin-1 is windows-1252 with C1 controls in the
# 0x80-0x9F row, so the sloppy windows-1252 map covers both; the finding names the one that
# explains the span (see ``_charsets.name_single_byte``).
SINGLE_BYTE_CODECS: tuple[tuple[str, str], ...] = (
    ("cp1252", "cp1252"),  # Windows Western: the web's "latin-1"
    ("mac_roman", "mac_roman"),  # classic Mac OS: Apple software and old CMS exports
    ("cp1251", "cp1251"),  # Windows Cyrillic: Russian, Ukrainian, Bulgarian, Serbian pipelines
    ("cp1250", "cp1250"),  # Windows Central European: Polish, Czech, Hungarian, Croatian
    ("iso-8859-2", "iso8859_2"),  # Latin-2, the Unix Central European charset
    ("cp437", "cp437"),  # the DOS code page: Windows consoles, CSV tools, mail gateways
    ("cp1254", "cp1254"),  # Windows Turkish
    ("cp1253", "cp1253"),  # Windows Greek
    ("cp1257", "cp1257"),  # Windows Baltic
    ("koi8-r", "koi8_r"),  # the Unix and e-mail Cyrillic charset: Russian mail, feeds and old sites
)

# East Asian multi-byte codecs. UTF-8 read with one of them turns two UTF-8 bytes into one
# ideograph or syllable ("Maidán" -> "Maid谩n" through GBK). Each family lists the Python
# codecs to try in order: the strict standard first (its round trip is exact), then the vendor
# superset that real systems use, so that characters only the superset has are still explained.
DOUBLE_BYTE_CODECS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("gbk", ("gbk", "gb18030")),  # mainland China: GB2312 and its extensions
    ("big5", ("big5", "cp950", "big5hkscs")),  # Taiwan, Hong Kong
    ("shift_jis", ("shift_jis", "cp932")),  # Japan: Windows and older Unix
    ("euc_jp", ("euc_jp",)),  # Japan: Unix mail and web
    ("euc_kr", ("euc_kr", "cp949")),  # Korea
)

# The first character of any double-byte mojibake comes from a UTF-8 lead byte (0xC2-0xF4) read
# as the first byte of a double-byte character, which lands in these blocks: CJK ideographs,
# Hangul, half-width katakana (Shift-JIS single bytes 0xA1-0xDF), and the private-use area
# (user-defined rows). Only text with one of these characters needs the double-byte search.
DOUBLE_BYTE_TRIGGER_RANGES: tuple[tuple[int, int], ...] = (
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3000, 0x30FF),  # CJK punctuation, hiragana, katakana
    (0x3100, 0x33FF),  # bopomofo, Hangul compatibility jamo, enclosed and compatibility CJK
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7A3),  # Hangul syllables
    (0xE000, 0xF8FF),  # private use (user-defined rows of the East Asian code pages)
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF61, 0xFF9F),  # half-width katakana
)

# --------------------------------------------------------------------------------------------
# How surprising a character is on its own (added once per character).

# Letters of two scripts inside one word ("Maid谩n", "QualitГ©s") are the strongest signal, with
# a few exceptions: Japanese mixes kanji and kana, Korean may write hanja inside Hangul, and
# science writes Greek letters inside Latin words ("IL2Rγc", "TNFα").
SCRIPT_MIX_COST = 3.0
SCRIPT_MIX_EXCEPTIONS: dict[frozenset[str], float] = {
    frozenset({"Hani", "Kana"}): 0.0,
    frozenset({"Hani", "Hang"}): 1.0,
    frozenset({"Latn", "Grek"}): 1.0,
}
# Cyrillic and Greek letters that look exactly like Latin ones. Inside a Latin word they are a
# keyboard-layout slip or a spam trick ("SENSЕ"), which reads normally; mojibake puts letters
# that look foreign there.
HOMOGLYPHS = frozenset("АВЕКМНОРСТХаеорсхуІіЈјЅѕΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικνρυ")
HOMOGLYPH_MIX_COST = 1.0

# Costs by Unicode block, for characters not covered by a more specific rule below.
# (start, end, cost, why)
BLOCK_COSTS: tuple[tuple[int, int, float], ...] = (
    (0x0180, 0x024F, 1.5),  # Latin Extended-B: mostly African and historic letters ("ƒ", "ǅ")
    (0x0250, 0x02AF, 2.0),  # IPA extensions: phonetics, not prose ("ɒ", "ɡ")
    (0x02B0, 0x02FF, 1.5),  # spacing modifier letters ("ˆ", "˜" are cp1252 0x88 and 0x98)
    (0x0370, 0x0385, 1.5),  # Greek numeral signs and tonos forms rarely typed alone
    (0x03CF, 0x03FF, 1.5),  # archaic and Coptic Greek letters ("Ϙ", "Ѱ"-like forms)
    (0x0460, 0x048F, 1.5),  # historic Cyrillic ("Ѱ", "Ѡ")
    (0x0500, 0x052F, 2.0),  # Cyrillic supplement: minority languages, rare in news
    (0x1D00, 0x1DBF, 2.0),  # phonetic extensions ("ᴴ")
    (0x2070, 0x209F, 1.0),  # superscripts and subscripts
    (0x20A0, 0x20AB, 1.0),  # old currency signs ("₧" is cp437 0x9E)
    (0x2190, 0x21FF, 0.5),  # arrows: used, but rarely in prose
    (0x2200, 0x22FF, 1.0),  # mathematical operators ("√", "∆", "≈" come from MacRoman)
    (0x2300, 0x23FF, 1.5),  # technical symbols ("⌐" is cp437 0xA9)
    (0x2500, 0x257F, 1.5),  # box drawing: cp437 mojibake ("├╢")
    (0x2580, 0x259F, 1.5),  # block elements: cp437 mojibake ("▒", "█")
    (0x25A0, 0x25FF, 1.0),  # geometric shapes ("◊" is MacRoman 0xD7)
    (0x2E80, 0x2FDF, 2.0),  # CJK radicals: dictionary material, not text
    (0x3100, 0x312F, 1.5),  # bopomofo: Taiwanese phonetic notation, rare in prose
    (0x3130, 0x318F, 1.0),  # Hangul compatibility jamo: isolated letters, not syllables
    (0x3200, 0x33FF, 1.5),  # enclosed and squared CJK forms
    (0x3400, 0x4DBF, 2.0),  # CJK extension A: rare ideographs
    (0xE000, 0xF8FF, 3.0),  # private use: never meaningful in published text
    (0xF900, 0xFAFF, 2.0),  # CJK compatibility ideographs: duplicates kept for round trips
    (0xFB00, 0xFB06, 1.0),  # Latin ligatures ("ﬁ", "ﬂ" are MacRoman 0xDE and 0xDF)
    (0xFB50, 0xFDFF, 1.5),  # Arabic presentation forms A: glyph variants, not text
    (0xFE70, 0xFEFE, 1.5),  # Arabic presentation forms B
    (0xFF61, 0xFF9F, 2.0),  # half-width katakana: legacy forms, the mark of Shift-JIS mojibake
    (0xFFF0, 0xFFFC, 3.0),  # specials
    (0x20000, 0x3134F, 2.0),  # CJK extensions B-G: rare ideographs
)

# Single characters whose cost differs from their block's (or that have no block above).
CHAR_COSTS: dict[str, float] = {
    # The lead bytes of the most common UTF-8 sequences read as windows-1252: "Ã" starts every
    # Latin-1 letter (0xC3), "Â" every Latin-1 symbol and NBSP (0xC2). In genuine text both are
    # rare capitals (Portuguese, French, Romanian), so their presence is itself a hint.
    "Ã": 1.0,
    "Â": 1.0,
    "Ă": 0.5,  # the same lead byte 0xC3 in windows-1250; a genuine Romanian capital
    # Latin-1 symbols that genuine prose rarely uses but mis-decoded continuation bytes produce.
    "¤": 1.5, "¦": 1.5, "¨": 1.0, "¯": 1.0, "´": 1.0, "¸": 1.0, "¬": 1.0,
    "ª": 0.7, "º": 0.7, "¹": 0.7, "²": 0.5, "³": 0.5, "¼": 0.5, "½": 0.3, "¾": 0.5,
    "¡": 0.3, "¿": 0.3, "¶": 0.7, "§": 0.5, "µ": 0.5, "±": 0.5, "¢": 0.5, "¥": 0.3,
    "©": 0.3, "®": 0.3, "°": 0.2, "×": 0.2, "÷": 0.5, "·": 0.3, "«": 0.1, "»": 0.1,
    # windows-1252 0x80-0x9F punctuation that is uncommon in prose.
    "†": 1.0, "‡": 1.5, "‰": 1.0, "ƒ": 1.5, "‹": 0.5, "›": 0.5, "„": 0.3, "‚": 0.7,
    "ˆ": 1.5, "˜": 1.5, "Œ": 0.5, "Ÿ": 1.0, "Š": 0.3, "Ž": 0.3,
    # MacRoman extras.
    "◊": 1.5, "⁄": 1.5, "Ω": 1.0, "π": 0.5, "∂": 1.5, "∑": 1.0, "∏": 1.5, "∫": 1.5, "√": 1.0,
    "∆": 1.0, "≈": 0.7, "≠": 0.7, "≤": 0.5, "≥": 0.5, "∞": 0.7,
    # The long s is archaic: modern text never has it, and 0xC5 0xBF read as cp437 ("┼┐")
    # or cp1252 ("Å¿") decodes to it, so a "repair" that produces it is almost surely wrong.
    "ſ": 4.0,
    # The soft hyphen is invisible: typed by nobody, produced by 0xAD continuation bytes.
    "\u00ad": 1.5,
    # U+FFFD marks bytes already lost; it is damage, but an honest marker of it.
    "\ufffd": 2.0,
}

# The cost of any control character (C0 other than tab and newlines, DEL, C1) and of unassigned
# code points and lone surrogates: genuine text never contains them.
CONTROL_COST = 4.0

# Han characters outside the "frequently used" tier of all of GB2312 (level 1), Big5 (常用字)
# and JIS X 0208 (level 1). Genuine Chinese and Japanese prose is about 99% in these tiers;
# CJK-source text mis-decoded through GBK lands mostly outside them.
UNCOMMON_HAN_COST = 0.8
# Hangul syllables outside the 2,350 of KS X 1001, which cover practically all modern Korean.
UNCOMMON_HANGUL_COST = 1.5

# --------------------------------------------------------------------------------------------
# How surprising two characters are next to each other.

# A lower-case letter followed by a capital inside a word, when one of them is not ASCII
# ("MaidÃ¡n"). ASCII camel case ("iPhone", "McDonald") is left alone.
CAMEL_COST = 1.5
# A word that starts with two capitals, one of them not ASCII, and goes on in lower case
# ("ÄÆdomu"): typed by nobody, produced when a lead and a continuation byte are both capitals.
DOUBLE_CAPITAL_START_COST = 1.5
# A word of capitals with a lower-case non-ASCII letter among them ("AHř", "MģÄM"), which a
# wrong "repair" of genuine all-capitals text produces.
CAPS_WITH_LOWER_COST = 2.0
# Half-width katakana next to any other letter: real half-width text is all half-width.
HALFWIDTH_MIX_COST = 1.0
# A combining mark at the start of a word: it has nothing to combine with.
DANGLING_MARK_COST = 2.0
# A letter touching a non-ASCII symbol (not punctuation), as in "Ã©" or "â„¢". Emoji, dingbats
# and other pictographs are left out: they do follow words ("hatiku♫", "Justin❤").
LETTER_SYMBOL_COST = 0.7
PICTOGRAPH_RANGES: tuple[tuple[int, int], ...] = ((0x2190, 0x21FF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF))
# Inverted punctuation opens a Spanish sentence or clause: it follows a space, a line start or
# an opening bracket or quote, never a letter or closing mark ("ï¿½", "É¡", "á»¡").
INVERTED_PUNCTUATION = frozenset("¿¡")
OPENERS = frozenset("([{«“‘„‚\"'¡¿—–-")
AFTER_LETTER_INVERTED_COST = 2.0
# An accented Latin letter followed directly by one of these windows-1252 0x80-0x9F characters
# ("â€", "âœ", "Ã‰", "â™"): the second byte of a UTF-8 sequence, never a neighbour in prose
# (unlike ’ ” … – —, which do follow words).
CP1252_CONTINUATION_ODD = frozenset("€‚ƒ„†‡ˆ‰‹˜™›•")
ODD_AFTER_ACCENT_COST = 2.0
# The letters of that row (Œ œ Š š Ž ž Ÿ) follow accented letters in Czech or Polish ("íš"),
# so they count only after the lead characters of the commonest mojibake ("âœ", "Ã…").
CP1252_CONTINUATION_LETTERS = frozenset("ŒœŠšŽžŸ")
ODD_LETTER_PRECEDERS = frozenset("âÃÂÅÄĂ")
# The same for windows-1251: "Р" and "С" (0xD0, 0xD1) lead every Cyrillic letter and "в"
# (0xE2) every punctuation mark, and the 0x80-0xBF row they are followed by holds Serbian and
# Macedonian letters and symbols that never follow them in Russian ("Рё", "Р·", "вЂ"). The
# Ukrainian and Belarusian letters of that row (і ї є ґ ў) do follow them, and are left out.
CP1251_LEADS = frozenset("РСв")
CP1251_ODD_FOLLOWERS = frozenset("ЂЃѓЉЊЌЋЏђљњќћџЈјЅѕЁё·°±µ¶§©®¬¤¦€‚‰™№")
# ... except "ё" after a capital that starts a word ("Рёрих", "Сёмга").
CP1251_WORD_INITIAL_OK = frozenset("Ёё")
# Windows-1253 the same way: "Ξ" and "Ο" (0xCE, 0xCF) lead every Greek letter, and are never
# followed directly by the punctuation and symbols of the 0x80-0xBF row in Greek ("Ξ—" is "Η").
CP1253_LEADS = frozenset("ΞΟ")
CP1253_ODD_FOLLOWERS = frozenset("€‚ƒ„…†‡‰‹‘’“”•–—™›΅£¤¥¦§¨©«¬®―°±²³΄µ¶·»½")
# MacRoman reads 0xE2 0x80, the start of every general punctuation mark, as "‚Ä" ("‚Äî" for
# "—"). A German quotation opening on "Ä" is followed by a letter that no continuation gives.
MAC_PUNCTUATION_LEAD = ("‚", "Ä")
# The euro sign follows a digit or a space, never a letter ("β€”" is cp1253 mojibake of "—").
EURO = "€"
# ... except a trade mark sign after a capital, which ends brand names ("TRANSFORMATORIŲ™").
TRADE_MARK_AFTER_CAPITAL_COST = 1.0

# "Ã", "Â" and "Ă" are the lead bytes 0xC3 and 0xC2 of every UTF-8 Latin-1 character read as
# windows-1252 or windows-1250. As genuine letters they occur only in capitals ("SÃO PAULO",
# "MISUTÂ"); inside or beside lower-case words they are mojibake.
# "Ĺ" (0xC5 in windows-1250), "Ā" (0xC2 in windows-1257) and MacRoman's "√" (0xC3) and "≈"
# (0xC5) play the same part.
MOJIBAKE_CAPITALS = frozenset("ÃÂĂĹĀ√≈")
MOJIBAKE_CAPITAL_IN_LOWER_CASE_COST = 2.0

# A one-letter word that is not a word: an accented Latin letter other than these common
# one-letter words ("ù" alone).
ONE_LETTER_WORDS = frozenset("àéèåöóáíőÀÉÈÅÖÓÁÍ")
LONE_ACCENTED_LETTER_COST = 1.0
# A word of one or two letters in another script than the words around it, which share theirs
# ("Г bien", "HUHLL Յ", "薪械" inside Russian, "穢 2019 Associated Press"): a real foreign word
# inserted in a text is rarely that short.
ISLAND_COSTS = {1: 2.5, 2: 2.0}
# ... but two ideographs or syllables make an ordinary word ("中国", "서울").
IDEOGRAPHIC_SCRIPTS = frozenset({"Hani", "Kana", "Hang"})

# Non-ASCII non-letters (up to three) between two letters ("Ã©t", "á»‘t"). Apostrophes, hyphens and the Catalan
# middle dot belong inside words; dashes and full-width punctuation sometimes do; quotes and
# symbols do not.
IN_WORD_OK = frozenset("’ʼ‐‑·")
IN_WORD_SOMETIMES = frozenset("–—，、。：；！？（）")
IN_WORD_SOMETIMES_COST = 0.5
IN_WORD_OTHER_COST = 2.5

# An English clitic after a capital ("Ã’s", "ZZAJÉ’s"): the apostrophe reading is genuine, so
# a two-character repair ending in ’ before one of these must overcome this much more.
CLITICS = ("s", "t", "d", "m", "ll", "re", "ve")
CLITIC_PENALTY = 3.0

# Symbols that legitimately follow a word or number directly ("NESTLÉ®", "Brand™", "45°", "km²").
TRAILING_MARKS = frozenset("®™©°%‰′″")
# Superscript digits follow ASCII letters in units and formulas ("km²", "x³"); after an accented
# letter they are a continuation byte ("Î³" is "γ").
SUPERSCRIPT_DIGITS = frozenset("¹²³")

# --------------------------------------------------------------------------------------------
# A repair may not produce characters at least this surprising (controls, private use, the
# archaic long s): genuine text does not contain them, so a decoding that yields them is wrong.
IMPLAUSIBLE_OUTPUT_COST = 3.0
# Weak repairs of one codec in one word that are convincing together ("$Ì¶6Ì¶3Ì¶" is "$̶6̶3̶"):
# each must gain something, and together at least ``MIN_GAIN``.
MIN_JOINT_MEMBERS = 2

# The gain enough for a repair of a codec family that already has accepted repairs in the
# same text: the mix-up is established, so each further instance needs less evidence.
SUPPORTED_MIN_GAIN = 1.0

# Evidence from the decoding itself: genuine text rarely happens to be valid UTF-8 when encoded
# with a legacy codec, and the longer the valid stretch, the less likely chance is. A stretch
# earns this much per byte beyond the first two-byte sequence (single-byte codecs), or per
# source character beyond the first (double-byte codecs, where a character is two bytes).
SINGLE_BYTE_EVIDENCE_PER_BYTE = 0.5
DOUBLE_BYTE_EVIDENCE_PER_CHAR = 1.0

# --------------------------------------------------------------------------------------------
# Decisions

# A repair is accepted when it lowers the surprise of its word by at least this much. Two
# points is one clear signal (a script change inside a word) or two weak ones.
MIN_GAIN = 2.0
# Extra gain demanded when the repair assumes a byte the text lost (a no-break space that
# became an ordinary space, "Ã perturber"), because that assumption is itself a guess.
GUESSED_BYTE_MARGIN = 1.0
# How far (in characters) the context window reaches each way from a candidate span.
CONTEXT_CHARS = 24
# The most layers of mis-decoding undone ("Ã©" twice mis-decoded is "ÃƒÂ©").
MAX_LAYERS = 3
# A preference too small to matter except between otherwise equal readings.
TIE_BREAK = 0.01
# Rounds of judging, each in the context of the repairs accepted before it.
MAX_ROUNDS = 3
# A span of the mojibake alphabet with no verified repair is reported when its own surprise per
# character reaches this level (unrepairable or lossy mojibake).
UNREPAIRED_MIN_COST = 6.0

# --------------------------------------------------------------------------------------------
# Word frequencies (optional): between readings that assume a lost byte, the one that turns
# unknown words into known ones gets a bonus.

# Languages asked per script of the repaired word, most likely first. Loading a wordlist takes
# about 0.1 s, so each is loaded only when a candidate in its script needs judging.
WORDFREQ_LANGUAGES: dict[str, tuple[str, ...]] = {
    # The languages whose texts lose no-break spaces and C1 bytes most visibly (à, às, ở...).
    "Latn": ("fr", "pt", "es", "it", "ca", "vi", "en", "de", "ro", "cs", "sk", "pl", "hu", "tr", "lt", "lv"),
    "Cyrl": ("ru", "uk", "bg"),
    "Grek": ("el",),
    "Arab": ("ar",),
}  # fmt: skip
# A word at or above this Zipf frequency (about once per 100 million words) counts as known.
KNOWN_WORD_ZIPF = 1.5
KNOWN_WORD_BONUS = 1.5

# --------------------------------------------------------------------------------------------
# HTML entities: only complete, well-formed references are reported ("&amp;", "&#8217;",
# "&eacute;"); a bare "&" as in "AT&T" is text.
ENTITY_PATTERN = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
