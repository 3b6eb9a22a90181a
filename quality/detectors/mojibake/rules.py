"""The MOJ rules: encoding damage, each kind with its own code.

Examples here are our own sentences, damaged the way real pipelines damage text. A message's
fields are filled by :func:`quality.detectors.mojibake.detector.describe`: the damaged ``span``,
the ``word`` around it and that word ``repaired``, the first wrong ``codec``, the ``chain`` of
readings, how many ``times`` the text was mis-decoded, the ``repair``, a control character's
code ``point`` and its ``control`` name.
"""

from __future__ import annotations

from quality.model import Severity
from quality.rules import RULES, Rule

LATIN1_MOJIBAKE = Rule(
    code="MOJ001",
    name="utf8-read-as-single-byte",
    severity=Severity.ERROR,
    summary="UTF-8 text was decoded with a single-byte code page (Latin-1, cp1252, MacRoman, cp437, cp1251, ...).",
    why="Each accented letter, curly quote or non-Latin character turns into two or three odd "
    "characters (\"CafÃ©\", \"â€™\", \"Ð¿Ñ€\"). Readers see garbage, search engines index it, and "
    "it shows that nobody looked at the page after it was imported.",
    example="The cafÃ© on the corner reopened, its ownerâ€™s daughter said.",
    instead="The café on the corner reopened, its owner’s daughter said.",
    fires=(
        "The cafÃ© on the corner reopened, its ownerâ€™s daughter said.",
        "Residents of SÃ£o Paulo voted on Sunday.",
        "The Kremlin said Ð¿ÑƒÑ‚Ð¸Ð½ would attend.",  # Russian read as cp1252
        "The word Sch√∂nheit appeared on the poster.",  # MacRoman
        "B├╝rgermeister M├╝ller declined to comment.",  # cp437 (DOS)
        "The minister of QualitГ©s said nothing.",  # cp1251 read of Latin text
    ),
    passes=(
        "The café on the corner reopened, its owner’s daughter said.",
        "São Paulo, Zürich, Kraków and Łódź sent delegations.",
        "Prices rose 5 % to €12 — a “record”, the ministry said…",
        "Москва и Пекин подписали соглашение.",
        "NESTLÉ® and ÅSTRÖM™ are brand names.",
        "Measured at 4288× magnification, the sample was 10 Å— wide.",
    ),
    known_problems="A single damaged letter inside an otherwise plausible word in a language "
    "whose letters look like mojibake (Latvian \"Å veices\" for \"Šveices\") may be missed.",
    fix="safe",
    message='UTF-8 read as {codec} ({chain}): {word!r} should read {repaired!r}',
)

EAST_ASIAN_MOJIBAKE = Rule(
    code="MOJ002",
    name="utf8-read-as-east-asian",
    severity=Severity.ERROR,
    summary="UTF-8 text was decoded with an East Asian codec (GBK/GB18030, Big5, Shift-JIS, EUC-JP, EUC-KR).",
    why="Two UTF-8 bytes become one ideograph or syllable: \"Bogotá\" becomes \"Bogot谩\", "
    "\"it’s\" becomes \"it鈥檚\". It happens when text passes through Chinese, Japanese or Korean "
    "systems, and ftfy does not detect it.",
    example="The mayor of Bogot谩 said it鈥檚 too early to tell.",
    instead="The mayor of Bogotá said it’s too early to tell.",
    fires=(
        "The mayor of Bogot谩 said the plan was ready.",  # GBK
        "It鈥檚 too early to tell, the minister said.",  # GBK, a curly apostrophe
        "Delegates from Qu茅bec and Montr茅al arrived.",  # GBK
        "The ferry to khﾃ｡c was cancelled.",  # Shift-JIS
        "Shares of Zerst繹rung fell.",  # Big5
        "The word 涓嶆弧 trended on social media.",  # Chinese read as GBK
    ),
    passes=(
        "Foreign ministry spokeswoman Hua Chunying (华春莹) spoke on Friday.",
        "Seoul (서울), Tokyo (東京) and Beijing (北京) hosted the talks.",
        "The flags 🇨🇳🇷🇺 appeared in the post.",
        "中国外交部发言人表示，双方将继续保持沟通。",
        "日本語のテキストはそのまま正しく表示されます。",
    ),
    known_problems="A one- or two-letter Cyrillic word inside Russian text read as EUC-KR or "
    "EUC-JP can be missed; bytes lost by a lenient decoder cannot be restored.",
    fix="safe",
    message='UTF-8 read as {codec} ({chain}): {word!r} should read {repaired!r}',
)

LAYERED_MOJIBAKE = Rule(
    code="MOJ003",
    name="multiple-mis-decoding",
    severity=Severity.ERROR,
    summary="Text was mis-decoded two or three times over (double or triple encoding).",
    why="Each round of decoding UTF-8 with the wrong codec and saving it as UTF-8 again doubles the "
    "garbage: \"é\" becomes \"Ã©\", then \"ÃƒÂ©\". It points at a pipeline that converts more than once.",
    example="The cafÃƒÂ© reopened; it doesnÃ¢â‚¬â„¢t close on Mondays.",
    instead="The café reopened; it doesn’t close on Mondays.",
    fires=(
        "The cafÃƒÂ© reopened on Monday.",
        "It doesnÃ¢â‚¬â„¢t close on Mondays.",
        "It doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t close on Mondays.",
    ),
    passes=(
        "The cafÃ© reopened on Monday.",
        "The café reopened on Monday.",
    ),
    fix="safe",
    message='mis-decoded {times} times ({chain}): {word!r} should read {repaired!r}',
)

UNREPAIRABLE = Rule(
    code="MOJ004",
    name="unrepairable-mojibake",
    severity=Severity.WARNING,
    summary="Characters with the shape of mojibake that no verified repair explains, usually because bytes were lost.",
    why="A lenient decoder replaced bytes it could not read with \"?\" or U+FFFD, so the original "
    "cannot be restored; the text still shows garbage to readers.",
    example="He called it â€œexcellentâ€? in the interview.",
    instead="He called it “excellent” in the interview (restore the text from its source).",
    fires=(
        "He called it â€œexcellentâ€? in the interview.",
        "The firm’s Ã¢â€�Å“boldÃ¢â€� plan was shelved.",
    ),
    passes=(
        "He called it “excellent” in the interview.",
        "ESSE CARA AI QUEM É?",
    ),
    known_problems="Heavily damaged text (lower-cased mojibake) is reported in pieces.",
    message='mojibake that cannot be repaired (bytes were lost): {span!r}',
)

REPLACEMENT_CHARACTER = Rule(
    code="MOJ005",
    name="replacement-character",
    severity=Severity.ERROR,
    summary="U+FFFD REPLACEMENT CHARACTER: a decoder met bytes it could not read and dropped them.",
    why="The character that was there is lost; readers see a box or question mark.",
    example="The caf\ufffd on the corner reopened.",
    instead="The café on the corner reopened (restore the text from its source).",
    fires=("The caf\ufffd on the corner reopened.", "Prices rose \ufffd5 percent."),
    passes=("The café on the corner reopened.", "A question? An answer!"),
    message='U+FFFD replacement character: the decoder dropped bytes it could not read',
)

C1_CONTROL = Rule(
    code="MOJ006",
    name="windows-1252-read-as-latin-1",
    severity=Severity.ERROR,
    summary="C1 control characters (U+0080-U+009F) standing for windows-1252 punctuation.",
    why="Windows-1252 puts curly quotes, dashes and the ellipsis at 0x80-0x9F; read as Latin-1 "
    "they become invisible control characters, so quotes and dashes silently vanish.",
    example="He said \x93no\x94 and left\x85",
    instead="He said “no” and left…",
    fires=("He said \x93no\x94 and left.", "The report\x97published on Monday\x97was late."),
    passes=("He said “no” and left.", "The report—published on Monday—was late."),
    fix="safe",
    message='C1 control U+{point:04X} is a {codec} byte read as Latin-1: should read {repair!r}',
)

CONTROL = Rule(
    code="MOJ007",
    name="control-character",
    severity=Severity.WARNING,
    summary="A control character other than tab, line breaks and form feed (C0, DEL, or an undefined C1 byte).",
    why="Control characters are invisible or break rendering and search; in scraped text they "
    "come from binary garbage, terminal escapes or a word processor's line breaks (vertical tab), "
    "which the repair turns into line breaks. A form feed is a page break and is left alone.",
    example="The minister\x1a said the talks would continue.",
    instead="The minister said the talks would continue.",
    fires=("The minister\x1a said the talks would continue.", "Line one\x0bLine two", "Colour \x1b[1mbold\x1b[0m text"),
    passes=("Tabs\tand\nline\r\nbreaks are fine.", "Page one.\x0cPage two.", "Plain text."),
    fix="safe",
    message='control character {control}',
)

NUL = Rule(
    code="MOJ008",
    name="nul-character",
    severity=Severity.WARNING,
    summary="A NUL character (U+0000) inside the text.",
    why="NUL ends strings in C programs and databases, so text after it may be cut off downstream; "
    "it usually comes from UTF-16 read as single bytes or from padded binary fields.",
    example="The vote\x00 was postponed.",
    instead="The vote was postponed.",
    fires=("The vote\x00 was postponed.", "\x00\x00Padding before the text."),
    passes=("The vote was postponed.",),
    fix="safe",
    message='NUL character (U+0000)',
)

ENTITY = Rule(
    code="MOJ009",
    name="html-entity",
    severity=Severity.WARNING,
    summary="An HTML character reference left undecoded (\"&amp;\", \"&#8217;\", \"&eacute;\").",
    why="The scraper or CMS escaped the text for HTML (or twice) and the reader sees the code "
    "instead of the character.",
    example="Tom &amp; Jerry&#8217;s creators met in Caf&eacute; Paris.",
    instead="Tom & Jerry’s creators met in Café Paris.",
    fires=("Tom &amp; Jerry met again.", "It&#8217;s over, she said.", "The Caf&eacute; reopened.", "Fish &amp;amp; chips"),
    passes=("AT&T and Q&A sessions; Tom & Jerry.", "R&D spending rose; S&P 500 fell.", "Use &unknownname; as is."),
    fix="safe",
    message='HTML entity left undecoded: {span!r} should read {repair!r}',
)

MOJIBAKE_RULES: tuple[Rule, ...] = RULES.register(
    LATIN1_MOJIBAKE,
    EAST_ASIAN_MOJIBAKE,
    LAYERED_MOJIBAKE,
    UNREPAIRABLE,
    REPLACEMENT_CHARACTER,
    C1_CONTROL,
    CONTROL,
    NUL,
    ENTITY,
)
