"""What the story grouping reads of one article: its distinctive words, as a MinHash signature.

Two reports of one story share the names, places and uncommon words of the event (``Medvedev``,
``Samarkand``, ``invitation``), whatever else they say; two stories of one outlet share its
template (``Telegram``, ``newsletter``) and the words of every story (``said``, ``government``).
So an article is summed up by the :data:`TERMS_PER_ARTICLE` words that are most uncommon in its
language (by ``wordfreq``) and most repeated in its body, and two articles belong to one story
when these sets overlap enough (:data:`quality.detectors.stories.summary.SAME_STORY`). Lines that
are short or carry a link or handle are page furniture, not the story, and are left out.

The set is summed up by a MinHash signature: :data:`PERMUTATIONS` numbers whose agreement
between two articles estimates the overlap of their sets (Jaccard), in a fixed 256 bytes an
article, so that a corpus of millions is grouped from signatures alone. Each word is hashed
(the first four bytes of its SHA-1), mixed by MurmurHash3's 32-bit finalizer, and sent through
:data:`PERMUTATIONS` affine maps ``a * h + b`` modulo 2**32 (``a`` odd, so each map is a
bijection); the signature keeps each map's least value. These are datasketch's ``affine32``
MinHash values with seed 1, so signatures stay comparable with that library's (a test checks
them against it), without importing it: its package loads scipy, a quarter of a second of
start-up for a few lines of arithmetic.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from functools import lru_cache

import numpy as np

from quality.detectors._wordlists import zipf_frequency

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
TERMS_PER_ARTICLE = 32
PERMUTATIONS = 64
# The seed of the random draw of the affine maps' coefficients (numpy's legacy generator).
PERMUTATION_SEED = 1
# A line with fewer words is a heading, caption, credit or link, not the story's text.
MIN_BODY_LINE_WORDS = 6
# Words at least this common in their language (Zipf scale: 5 is once in 100,000 words) say
# nothing about which story this is: "said", "government", "people".
COMMON_ZIPF = 5.5
_FURNITURE = re.compile(r"https?:|www\.|@\w")
_POSSESSIVE = re.compile(r"['’]s$")  # "Moscow's" is "Moscow" to the story
# A word's weight: the square root of its count (a name repeated five times is not five times
# as telling) times its rarity (the Zipf frequency below this ceiling).
_RARITY_CEILING = 7.5


@lru_cache(maxsize=1 << 15)  # about 8 MB full (benchmarks/cache_ceiling.py); 1,000 articles ask 28,000 words
def zipf(word: str, language: str) -> float:
    """wordfreq's Zipf frequency, from the compact lists the other detectors read too (wordfreq's
    own dictionary would hold some 35 MB more per language)."""
    return zipf_frequency(word, language)


def story_terms(text: str, language: str = "en") -> list[str]:
    """The article's most distinctive words (lowercased), at most :data:`TERMS_PER_ARTICLE`,
    in a fixed order."""
    counts: Counter[str] = Counter()
    for line in text.splitlines():
        if _FURNITURE.search(line):
            continue
        words = WORD.findall(line)
        if len(words) < MIN_BODY_LINE_WORDS:
            continue
        counts.update(_POSSESSIVE.sub("", w.lower()) for w in words if len(w) >= 3)
    weighted = []
    for word, count in counts.items():
        frequency = zipf(word, language)
        if frequency < COMMON_ZIPF:
            weighted.append((-(count**0.5) * (_RARITY_CEILING - frequency), word))
    weighted.sort()
    return [word for _, word in weighted[:TERMS_PER_ARTICLE]]


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The affine maps' multipliers (odd) and offsets, drawn once from a seeded generator."""
    draw = np.random.RandomState(PERMUTATION_SEED)
    multipliers = draw.randint(0, 1 << 31, PERMUTATIONS, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    offsets = draw.randint(0, 1 << 32, PERMUTATIONS, dtype=np.uint32)
    return multipliers, offsets


def _mixed(hashes: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer: a fixed bijection that spreads similar hashes apart."""
    hashes = hashes ^ (hashes >> np.uint32(16))
    hashes = hashes * np.uint32(0x85EBCA6B)
    hashes = hashes ^ (hashes >> np.uint32(13))
    hashes = hashes * np.uint32(0xC2B2AE35)
    return hashes ^ (hashes >> np.uint32(16))


def signature(terms: list[str]) -> np.ndarray:
    """The MinHash signature of ``terms``: :data:`PERMUTATIONS` unsigned 32-bit numbers, all at
    their maximum for an article with no distinctive words (it then shares no story)."""
    if not terms:
        return EMPTY.copy()
    hashes = np.array(
        [int.from_bytes(hashlib.sha1(term.encode("utf-8")).digest()[:4], "little") for term in terms],
        dtype=np.uint32,
    )
    multipliers, offsets = _permutations()
    permuted = _mixed(hashes)[:, None] * multipliers + offsets  # uint32: wraps modulo 2**32
    return permuted.min(axis=0)


EMPTY = np.full(PERMUTATIONS, np.iinfo(np.uint32).max, dtype=np.uint32)
