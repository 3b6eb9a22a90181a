"""What the story grouping reads of one article: its distinctive words, as a MinHash signature.

Two reports of one story share the names, places and uncommon words of the event (``Medvedev``,
``Samarkand``, ``invitation``), whatever else they say; two stories of one outlet share its
template (``Telegram``, ``newsletter``) and the words of every story (``said``, ``government``).
So an article is summed up by the :data:`TERMS_PER_ARTICLE` words that are most uncommon in its
language (by ``wordfreq``) and most repeated in its body, and two articles belong to one story
when these sets overlap enough (:data:`quality.detectors.stories.summary.SAME_STORY`). Lines that
are short or carry a link or handle are page furniture, not the story, and are left out.

The set is summed up by a MinHash signature (``datasketch``): :data:`PERMUTATIONS` numbers
whose agreement between two articles estimates the overlap of their sets (Jaccard), in a fixed
256 bytes an article, so that a corpus of millions is grouped from signatures alone.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import numpy as np

from quality.detectors._wordlists import zipf_frequency

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
TERMS_PER_ARTICLE = 32
PERMUTATIONS = 64
# datasketch's 32-bit affine permutations: signatures of 32-bit numbers, half the memory of 64.
SCHEME = "affine32"
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


@lru_cache(maxsize=1 << 16)
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
    from datasketch import MinHash

    return MinHash(num_perm=PERMUTATIONS, seed=1, scheme=SCHEME).permutations


def signature(terms: list[str]) -> np.ndarray:
    """The MinHash signature of ``terms``: :data:`PERMUTATIONS` unsigned 32-bit numbers, all at
    their maximum for an article with no distinctive words (it then shares no story)."""
    from datasketch import MinHash

    sketch = MinHash(num_perm=PERMUTATIONS, seed=1, permutations=_permutations(), scheme=SCHEME)
    if terms:
        sketch.update_batch([term.encode("utf-8") for term in terms])
    return sketch.hashvalues.astype(np.uint32)


EMPTY = np.full(PERMUTATIONS, np.iinfo(np.uint32).max, dtype=np.uint32)
