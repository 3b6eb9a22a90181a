"""How surprising is a piece of text, as something a person typed?

The measure is a sum of "surprise points" (see ``_tables``): a cost per character for what is
rare in genuine text (box drawing, C1 controls, IPA letters, rare ideographs), a cost per pair
of neighbours for what is rare in genuine words (two scripts inside one word, a capital after a
lower-case letter, a symbol wedged between letters), and a cost per word for shapes that are
rare (a lone letter of a foreign script, capitals ending in a lower-case letter).

A candidate repair is judged by comparing the surprise of its word before and after: mojibake
is exactly the kind of text this measure finds surprising, and a correct repair removes the
surprise. Genuine text that happens to decode (``"AHÅ™"`` is valid UTF-8 read as cp1252) does
not become less surprising when "repaired", so it is left alone.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from quality.detectors.mojibake import _tables as T


@dataclass(frozen=True, slots=True)
class CharInfo:
    """What the surprise measure needs to know about one character."""

    kind: str  # L letter, M combining mark, N digit, P punctuation, S symbol, Z space, C other
    script: str  # for letters and script-specific marks: "Latn", "Cyrl", "Hani", ...; else ""
    upper: bool
    lower: bool
    ascii: bool
    halfwidth: bool
    cost: float


# Name prefixes that identify a letter's script; the first matching prefix wins.
_SCRIPT_BY_NAME_PREFIX: tuple[tuple[str, str], ...] = (
    ("LATIN", "Latn"),
    ("CYRILLIC", "Cyrl"),
    ("GREEK", "Grek"),
    ("COPTIC", "Grek"),
    ("CJK", "Hani"),
    ("HIRAGANA", "Kana"),
    ("KATAKANA", "Kana"),
    ("HALFWIDTH KATAKANA", "Kana"),
    ("HANGUL", "Hang"),
    ("HALFWIDTH HANGUL", "Hang"),
    ("IDEOGRAPHIC", "Hani"),
    ("VERTICAL KANA", "Kana"),
)

_LINE_WHITE = "\t\n\r"


def _script_of(ch: str) -> str:
    name = unicodedata.name(ch, "")
    for prefix, script in _SCRIPT_BY_NAME_PREFIX:
        if name.startswith(prefix):
            return script
    if name.startswith("COMBINING"):
        return ""
    return name.split(" ", 1)[0] if name else ""


@lru_cache(maxsize=None)
def _common_han_and_hangul() -> frozenset[str]:
    """The frequently-used tiers of the East Asian standards, read from the codecs themselves:
    GB2312 level 1 (rows 0xB0-0xD7), Big5 常用字 (0xA440-0xC67E), JIS X 0208 level 1 (EUC-JP
    rows 0xB0-0xCF) and the 2,350 Hangul syllables of KS X 1001 (EUC-KR rows 0xB0-0xC8)."""
    common: set[str] = set()

    def rows(codec: str, leads: range, trails: range) -> None:
        for lead in leads:
            for trail in trails:
                try:
                    common.add(bytes([lead, trail]).decode(codec))
                except UnicodeDecodeError:
                    pass

    euc_trails = range(0xA1, 0xFF)
    rows("gb2312", range(0xB0, 0xD8), euc_trails)
    rows("euc_jp", range(0xB0, 0xD0), euc_trails)
    rows("euc_kr", range(0xB0, 0xC9), euc_trails)
    big5_trails = range(0x40, 0x7F), range(0xA1, 0xFF)
    for lead in range(0xA4, 0xC7):
        for trails in big5_trails:
            for trail in trails:
                if lead == 0xC6 and trail > 0x7E:
                    break
                try:
                    common.add(bytes([lead, trail]).decode("big5"))
                except UnicodeDecodeError:
                    pass
    return frozenset(common)


def _base_cost(ch: str, category: str, script: str) -> float:
    if ch in T.CHAR_COSTS:
        return T.CHAR_COSTS[ch]
    if category in ("Cc", "Cn", "Cs") and ch not in _LINE_WHITE:
        return T.CONTROL_COST
    code = ord(ch)
    for start, end, cost in T.BLOCK_COSTS:
        if start <= code <= end:
            return cost
    if script == "Hani" and 0x4E00 <= code <= 0x9FFF and ch not in _common_han_and_hangul():
        return T.UNCOMMON_HAN_COST
    if 0xAC00 <= code <= 0xD7A3 and ch not in _common_han_and_hangul():
        return T.UNCOMMON_HANGUL_COST
    return 0.0


_INFO: dict[str, "CharInfo"] = {}  # filled by ``info``: a plain dict is the fastest lookup


def info(ch: str) -> CharInfo:
    """What the surprise measure knows about ``ch`` (cached)."""
    found = _INFO.get(ch)
    if found is None:
        found = _INFO[ch] = _classify(ch)
    return found


def _classify(ch: str) -> CharInfo:
    category = unicodedata.category(ch)
    major = category[0]
    script = ""
    kind = major
    if major == "L":
        script = _script_of(ch)
        if category == "Lm" and script not in ("Hani", "Kana"):
            kind = "S"  # spacing modifier letters (ˆ ˜) behave as symbols
            script = ""
        elif ch in "ªºµƒ":
            # Ordinal indicators, the micro sign and the florin are symbols in use; "ƒ" is also
            # MacRoman's lead byte 0xC4 and cp1252's 0x83, and never sits inside a word.
            kind, script = "S", ""
    elif major == "M":
        script = _script_of(ch)
        if script and script not in ("VARIATION",):
            kind = "L"  # a script's own vowel signs (Thai, Devanagari) are part of its letters
        elif script == "VARIATION":
            kind, script = "C", ""
    elif major == "Z":
        kind = "Z"
    elif major == "C":
        kind = "Z" if ch in _LINE_WHITE else "C"
    return CharInfo(
        kind=kind,
        script=script,
        upper=category == "Lu",
        lower=category == "Ll",
        ascii=ch < "\x80",
        halfwidth=0xFF61 <= ord(ch) <= 0xFF9F,
        cost=_base_cost(ch, category, script) if ch >= "\x80" or category == "Cc" else 0.0,
    )


def _script_mix_cost(a: str, b: str, disguised: bool) -> float:
    if a == b or not a or not b:
        return 0.0
    if disguised and {a, b} <= {"Latn", "Cyrl", "Grek"}:
        return T.HOMOGLYPH_MIX_COST
    return T.SCRIPT_MIX_EXCEPTIONS.get(frozenset((a, b)), T.SCRIPT_MIX_COST)


def _disguised_runs(text: str, infos: list[CharInfo]) -> list[bool]:
    """For each character: whether it is in a run of Cyrillic or Greek letters that all look
    like Latin ones (a homoglyph run, "SENSЕ"), which a Latin reader does not notice."""
    flags = [False] * len(infos)
    if T.HOMOGLYPHS.isdisjoint(text):
        return flags
    k = 0
    while k < len(infos):
        script = infos[k].script
        if infos[k].kind != "L" or script not in ("Cyrl", "Grek"):
            k += 1
            continue
        j = k
        while j < len(infos) and infos[j].kind == "L" and infos[j].script == script:
            j += 1
        if all(ch in T.HOMOGLYPHS for ch in text[k:j]):
            flags[k:j] = [True] * (j - k)
        k = j
    return flags


def _is_pictograph(ch: str) -> bool:
    code = ord(ch)
    return any(a <= code <= b for a, b in T.PICTOGRAPH_RANGES)


def surprise(text: str) -> float:
    """The total surprise of ``text`` (see the module docstring). Pure ASCII costs nothing
    except control characters."""
    if text.isascii():
        return sum(T.CONTROL_COST for ch in text if ch < " " and ch not in _LINE_WHITE or ch == "\x7f")
    infos = [_INFO[ch] if ch in _INFO else info(ch) for ch in text]
    disguised = _disguised_runs(text, infos)
    total = 0.0
    last = len(infos) - 1
    for k, current in enumerate(infos):
        total += current.cost
        if k == 0:
            if current.kind == "M":
                total += T.DANGLING_MARK_COST
            continue
        previous = infos[k - 1]
        if current.ascii and previous.ascii:
            continue  # nothing between two ASCII characters is surprising
        word_initial = k == 1 or infos[k - 2].kind not in "LM"
        total += _pair_cost(previous, current, text[k - 1], text[k], disguised[k - 1] or disguised[k], word_initial)
        if previous.kind in "LM" and not current.ascii and current.kind in "PSN":
            # Non-letters wedged between letters: charge the worst of them once.
            j = k
            while j < len(infos) and j - k < 3 and not infos[j].ascii and infos[j].kind in "PSN":
                j += 1
            if j <= last and infos[j].kind == "L":
                total += max(_in_word_cost(ch) for ch in text[k:j])
    return total + _word_costs(text, infos)


def _pair_cost(a: CharInfo, b: CharInfo, a_char: str, b_char: str, disguised: bool, a_word_initial: bool) -> float:
    if a.kind == "L" and not a.ascii and a.script == "Latn":
        if b_char in T.CP1252_CONTINUATION_ODD:
            if b_char == "™" and a.upper:
                return T.TRADE_MARK_AFTER_CAPITAL_COST
            return T.ODD_AFTER_ACCENT_COST
        if b_char in T.CP1252_CONTINUATION_LETTERS and a_char in T.ODD_LETTER_PRECEDERS:
            return T.ODD_AFTER_ACCENT_COST
    if b_char in T.INVERTED_PUNCTUATION and a.kind != "Z" and a_char not in T.OPENERS:
        return T.AFTER_LETTER_INVERTED_COST
    if a.kind == "L" and (
        b_char == T.EURO
        or (a_char in T.CP1251_LEADS and b_char in T.CP1251_ODD_FOLLOWERS
            and not (a_word_initial and b_char in T.CP1251_WORD_INITIAL_OK))
        or (a_char in T.CP1253_LEADS and b_char in T.CP1253_ODD_FOLLOWERS)
        or (a_char, b_char) == T.MAC_PUNCTUATION_LEAD
    ):
        return T.ODD_AFTER_ACCENT_COST
    if (a_char, b_char) == T.MAC_PUNCTUATION_LEAD:
        return T.ODD_AFTER_ACCENT_COST
    if a.kind == "L" and b.kind == "L":
        cost = _script_mix_cost(a.script, b.script, disguised)
        if a.lower and b.upper and not (a.ascii and b.ascii):
            cost += T.CAMEL_COST
        if a.halfwidth != b.halfwidth:
            cost += T.HALFWIDTH_MIX_COST
        return cost
    if b.kind == "M" and a.kind in "ZP":
        return T.DANGLING_MARK_COST
    if a.kind == "L":
        if b.kind in "SN" and not b.ascii and b_char not in T.TRAILING_MARKS and not _is_pictograph(b_char):
            if not (a.ascii and b_char in T.SUPERSCRIPT_DIGITS):
                return T.LETTER_SYMBOL_COST
        return 0.0
    if a.kind in "SN" and not a.ascii and b.kind == "L" and not _is_pictograph(a_char):
        return T.LETTER_SYMBOL_COST
    return 0.0


def _in_word_cost(ch: str) -> float:
    if ch in T.IN_WORD_OK:
        return 0.0
    if ch in T.IN_WORD_SOMETIMES:
        return T.IN_WORD_SOMETIMES_COST
    return T.IN_WORD_OTHER_COST


def _word_costs(text: str, infos: list[CharInfo]) -> float:
    """Costs of whole words (runs of letters) and tokens (runs without ASCII white space)."""
    total = 0.0
    words: list[tuple[int, int]] = []
    k, n = 0, len(infos)
    while k < n:
        if infos[k].kind != "L":
            k += 1
            continue
        j = k
        while j < n and infos[j].kind in "LM":
            j += 1
        words.append((k, j))
        k = j
    for index, (k, j) in enumerate(words):
        letters = [i for i in infos[k:j] if i.kind == "L"]
        total += _island_cost(text, infos, words, index, len(letters))
        if len(letters) == 1 and not letters[0].ascii and letters[0].script == "Latn":
            if text[k] not in T.ONE_LETTER_WORDS:
                total += T.LONE_ACCENTED_LETTER_COST
        elif len(letters) >= 3 and not all(i.ascii for i in letters):
            uppers = sum(i.upper for i in letters)
            odd_lowers = sum(i.lower and not i.ascii for i in letters)
            if uppers >= 2 and odd_lowers and uppers + odd_lowers == len(letters):
                total += T.CAPS_WITH_LOWER_COST
            elif letters[0].upper and letters[1].upper and letters[2].lower and not (letters[0].ascii and letters[1].ascii):
                total += T.DOUBLE_CAPITAL_START_COST
    if not T.MOJIBAKE_CAPITALS.isdisjoint(text):
        total += T.MOJIBAKE_CAPITAL_IN_LOWER_CASE_COST * _capitals_in_lower_case(text, infos)
    return total


def _island_cost(text: str, infos: list[CharInfo], words: list[tuple[int, int]], index: int, size: int) -> float:
    """A one- or two-letter word in a script foreign to the words on both sides."""
    cost = T.ISLAND_COSTS.get(size, 0.0)
    own = infos[words[index][0]].script
    if not cost or (size > 1 and own in T.IDEOGRAPHIC_SCRIPTS):
        return 0.0
    neighbours = [infos[words[i][0]].script for i in (index - 1, index + 1) if 0 <= i < len(words)]
    if neighbours and all(s and _script_mix_cost(s, own, False) >= T.SCRIPT_MIX_COST for s in neighbours):
        return cost
    return 0.0


_TOKEN = re.compile(r"[^ \t\n\r]+")  # no-break spaces join, ASCII spaces split


def _capitals_in_lower_case(text: str, infos: list[CharInfo]) -> int:
    """How many of mojibake's capitals (``Ã``, ``Â``, ``Ð``...) sit in lower-case Latin text:
    in a token with a lower-case letter, or, alone as a token's only letter, beside a token
    whose nearest letter is lower case. One pass over the tokens, so linear in the text."""
    letters = [k for k, info in enumerate(infos) if info.kind == "L"]
    count = 0
    for token in _TOKEN.finditer(text):
        left, right = token.span()
        capitals = [k for k in range(left, right) if text[k] in T.MOJIBAKE_CAPITALS]
        if not capitals:
            continue
        own = [i for i in infos[left:right] if i.kind == "L"]
        own_lower = any(_latin_lower(i) for i in own)
        for k in capitals:
            if len(own) > 1 or text[k] == "√":
                count += own_lower
            else:
                before = bisect_left(letters, left) - 1
                after = bisect_left(letters, right)
                near = [infos[letters[j]] for j in (before, after) if 0 <= j < len(letters)]
                count += any(_latin_lower(i) for i in near)
    return count


def _latin_lower(info: CharInfo) -> bool:
    return info.lower and info.script == "Latn"


def context_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of ``text`` around ``start:end`` that a repair is judged in: the enclosing
    token (a run without white space) and the token on each side, each way at most
    ``CONTEXT_CHARS`` characters."""
    return _reach_left(text, start), _reach_right(text, end)


def _reach_left(text: str, pos: int) -> int:
    """Back over the rest of this token, then over tokens until one with a letter."""
    limit = max(0, pos - T.CONTEXT_CHARS)
    k = pos
    while k > limit and not text[k - 1].isspace():
        k -= 1
    while k > limit:
        while k > limit and text[k - 1].isspace():
            k -= 1
        token_end = k
        while k > limit and not text[k - 1].isspace():
            k -= 1
        if any(ch.isalpha() for ch in text[k:token_end]):
            break
    return k


def _reach_right(text: str, pos: int) -> int:
    limit = min(len(text), pos + T.CONTEXT_CHARS)
    k = pos
    while k < limit and not text[k].isspace():
        k += 1
    while k < limit:
        while k < limit and text[k].isspace():
            k += 1
        token_start = k
        while k < limit and not text[k].isspace():
            k += 1
        if any(ch.isalpha() for ch in text[token_start:k]):
            break
    return k
