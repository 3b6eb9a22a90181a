"""Keys under which two spellings of one name meet, so that variants are found by look-up
rather than by comparing every pair of names.

Two spellings that differ only in transliteration share their :func:`fold`; two within one
slip of the keyboard share a word with one letter deleted. The keys are used in one article
(``deletion_keys``), across the corpus (``lookup_keys``), and for names written with other
spacing or hyphens (``letters``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=50_000)  # full: about 12 MB (benchmarks/cache_ceiling.py)
def fold(name: str) -> str:
    """A spelling with transliteration choices folded away: Dmitri/Dmitry, Tchaikovsky/
    Chaikovsky, Aleksandr/Alexandr, the Nordic letters written as two (Haugstøl/Haugstoel,
    Ærø/Aeroe) and the letters no mark makes (Yıldırım/Yildirim, Łódź/Lodz), which losing their
    marks would not fold (accents go: Müller/Muller), and the vowels of Korean romanisations in
    a hyphenated given name (Ji-hoon/Ji-hun)."""
    lowered = name.lower().replace("ø", "oe").replace("æ", "ae").replace("ı", "i").replace("ł", "l").replace("đ", "d").replace("ß", "ss")
    text = "".join(c for c in unicodedata.normalize("NFD", lowered) if not unicodedata.combining(c))
    if _romanised_syllables(text):
        for old, new in _KOREAN_VOWELS:  # "Ji-hoon"/"Ji-hun", "Jeong"/"Jung" in a hyphenated given name
            text = text.replace(old, new)
    for old, new in (("tch", "ch"), ("sch", "sh"), ("kh", "h"), ("ks", "x"), ("ph", "f"), ("ck", "k"),
                     ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("ie", "i"), ("iy", "i"), ("yi", "i"),
                     ("ou", "u"), ("w", "v"), ("y", "i"), ("’", ""), ("'", ""), ("-", "")):  # fmt: skip
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


# The vowels Korean romanisations write differently (Revised Romanisation, McCune-Reischauer and
# common spellings: 훈 "hoon"/"hun", 정 "jeong"/"jung", 은 "eun"/"un").
_KOREAN_VOWELS = (("oo", "u"), ("eo", "u"), ("eu", "u"))
MAX_SYLLABLE_LETTERS = 6  # a romanised syllable such as "jeong" or "hyeon"


def _romanised_syllables(lowered: str) -> bool:
    """A hyphenated given name of short syllables ("ji-hoon", "min-jae"), where only the
    romanisation tells the spellings apart; not a hyphenated surname ("lakhani-moss")."""
    parts = lowered.split("-")
    return len(parts) >= 2 and all(0 < len(part) <= MAX_SYLLABLE_LETTERS for part in parts)


def deletion_keys(word: str) -> set[str]:
    """The word and the word with one letter deleted (two for words of eight letters or
    more): words within the allowed edit distance share one of these."""
    keys = {word}
    ones = {word[:i] + word[i + 1 :] for i in range(len(word))}
    keys |= ones
    if len(word) >= 8:
        keys |= {w[:i] + w[i + 1 :] for w in ones for i in range(len(w))}
    return keys


def lookup_keys(word: str) -> set[str]:
    """The keys a corpus word is filed under: its folded spelling and its one-deletion forms."""
    lowered = word.lower()
    keys = {"=" + fold(word), lowered}
    keys.update(lowered[:i] + lowered[i + 1 :] for i in range(len(lowered)))
    return keys


def letters(key: tuple[str, ...]) -> str:
    """A name's letters without spaces, hyphens or case: "Kim Jong Un" and "Kim Jong-un" meet."""
    return re.sub(r"[\W_]", "", "".join(key)).lower()
