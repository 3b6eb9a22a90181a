"""Sentence alignment between two versions of a story: which sentence of one is which of the other.

A sentence of one article is matched to the sentence of the other that it is most like, in
one of three grades:

* ``verbatim``: the same characters, but for case, spacing and quote marks (a copy);
* ``edited``: at least :data:`EDITED_RATIO` alike character by character, or sharing
  :data:`EDITED_WORDS` of their words (a wire story lightly edited: a word changed, a clause cut);
* ``reworded``: the same content in other words, sharing at least :data:`REWORDED_SHARED`
  uncommon words and :data:`REWORDED_DICE` of them, or two and :data:`SHORT_REWORDED_DICE`
  (a machine paraphrase, a translation of the same original).

A match counts only when it is mutual: each sentence is the other's best match.

Only the :data:`CANDIDATES` sentences sharing most uncommon words with a sentence (at least two)
are graded against it (an index of the other article's words), so aligning two articles costs
about as much as reading them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence
import numpy as np
from rapidfuzz import fuzz

from quality.detectors.stories.profile import COMMON_ZIPF, zipf
from quality.segment import Sentence, sentences

VERBATIM, EDITED, REWORDED = "verbatim", "edited", "reworded"
GRADES = (VERBATIM, EDITED, REWORDED)  # best first
VERBATIM_RATIO = 0.97
EDITED_RATIO = 0.8
EDITED_WORDS = 0.6  # Jaccard of the two sentences' word sets
REWORDED_SHARED = 3
REWORDED_DICE = 0.35  # of the uncommon words
SHORT_REWORDED_DICE = 0.5  # short sentences that share two uncommon words and little else
# Of the sentences sharing uncommon words with one, the most sharing are graded: on a story's
# topic every sentence shares a few words with every other.
CANDIDATES = 4
# A sentence shorter than this is a caption, a byline or a heading: too short to align.
MIN_UNIT_WORDS = 5
# A wire copy's sentences recur in every version of its story, which is read again for each
# article compared with it: the words of this many sentences are remembered.
CACHED_SENTENCES = 4_096
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"'})


@dataclass(frozen=True)
class Unit:
    """A sentence of an article, as alignment reads it."""

    start: int
    end: int
    text: str
    kind: str
    paragraph: int
    normal: str  # lowercased, quotes straightened, spacing collapsed
    words: frozenset[str]
    content: frozenset[str]  # the uncommon words and the numbers


@dataclass(frozen=True)
class Match:
    """The sentence ``other`` of the other article matches this one, in ``grade``."""

    other: int
    grade: str
    score: float


def units(text: str, language: str = "en", segmented: Sequence[Sentence] | None = None) -> list[Unit]:
    """The article's sentences long enough to align (``segmented``: its sentences, when the
    caller has them already)."""
    found = []
    for sentence in sentences(text) if segmented is None else segmented:
        read = _sentence_words(sentence.text, language)
        if read is not None:
            found.append(Unit(sentence.start, sentence.end, sentence.text, sentence.kind, sentence.paragraph, *read))
    return found


@lru_cache(maxsize=CACHED_SENTENCES)
def _sentence_words(text: str, language: str) -> tuple[str, frozenset[str], frozenset[str]] | None:
    """A sentence's normal form, words and content words (the :class:`Unit` fields), or None
    when it is too short to align."""
    written = [_POSSESSIVE.sub("", t) for t in _TOKEN.findall(text)]
    if len(written) < MIN_UNIT_WORDS:
        return None
    content = frozenset(t.lower() for t in written if t.isdigit() or ((len(t) > 2 or t[0].isupper()) and zipf(t.lower(), language) < COMMON_ZIPF))
    normal = " ".join(text.translate(_QUOTES).lower().split())
    return normal, frozenset(t.lower() for t in written), content


def align(mine: list[Unit], theirs: list[Unit], mutual: bool = True) -> list[Match | None]:
    """For each of ``mine``, its best match among ``theirs`` (None: no sentence like it). With
    ``mutual``, only when it is also that sentence's best match among ``mine``: a sentence on
    the story's topic resembles every other sentence on it a little, and its true counterpart
    most."""
    return align_both(mine, theirs)[0] if mutual else _best_both_ways(mine, theirs)[0]


def align_both(mine: list[Unit], theirs: list[Unit]) -> tuple[list[Match | None], list[Match | None]]:
    """The mutual matches of two articles, from each side: ``align(mine, theirs)`` and
    ``align(theirs, mine)`` for the price of one."""
    forward, backward = _best_both_ways(mine, theirs)
    kept = [m if m is not None and (back := backward[m.other]) is not None and back.other == i else None for i, m in enumerate(forward)]
    reverse: list[Match | None] = [None] * len(theirs)
    for i, m in enumerate(kept):
        if m is not None:
            reverse[m.other] = Match(i, m.grade, m.score)
    return kept, reverse


def _best_both_ways(mine: list[Unit], theirs: list[Unit]) -> tuple[list[Match | None], list[Match | None]]:
    """Each sentence's best match on the other side, both ways (not yet mutual)."""
    if not mine or not theirs:
        return [None] * len(mine), [None] * len(theirs)
    shared = _shared_words(mine, theirs)
    graded: dict[tuple[int, int], tuple[str, float] | None] = {}

    def grade(i: int, j: int) -> tuple[str, float] | None:
        if (i, j) not in graded:
            graded[i, j] = _graded(mine[i], theirs[j], int(shared[i, j]))
        return graded[i, j]

    forward = [_best([(j, grade(i, j)) for j in row]) for i, row in enumerate(_likeliest(shared))]
    backward = [_best([(i, grade(i, j)) for i in column]) for j, column in enumerate(_likeliest(shared.T))]
    return forward, backward


def _shared_words(mine: list[Unit], theirs: list[Unit]) -> np.ndarray:
    """How many uncommon words each sentence of ``mine`` shares with each of ``theirs``: each
    of ``mine``'s words looked up in an index of ``theirs`` (a few hundred words an article; a
    sparse matrix product costs more to build than to multiply at this size)."""
    where: dict[str, list[int]] = {}
    for j, unit in enumerate(theirs):
        for word in unit.content:
            where.setdefault(word, []).append(j)
    rows: list[int] = []
    columns: list[int] = []
    for i, unit in enumerate(mine):
        for word in unit.content:
            found = where.get(word)
            if found:
                rows.extend([i] * len(found))
                columns.extend(found)
    shared = np.zeros((len(mine), len(theirs)), dtype=np.float32)
    np.add.at(shared, (rows, columns), 1)
    return shared


def _likeliest(shared: np.ndarray) -> list[list[int]]:
    """Per row, the :data:`CANDIDATES` columns sharing most words with it, at least two."""
    order = np.argsort(-shared, axis=1, kind="stable")[:, :CANDIDATES]
    return [[int(j) for j in row if counts[j] >= 2] for row, counts in zip(order, shared)]


def _best(graded: list[tuple[int, tuple[str, float] | None]]) -> Match | None:
    """The best of the graded candidates (best grade, then most alike, then first)."""
    found = [(GRADES.index(g[0]), -g[1], k) for k, g in graded if g is not None]
    if not found:
        return None
    grade, score, k = min(found)
    return Match(k, GRADES[grade], -score)


def _graded(a: Unit, b: Unit, shared_content: int) -> tuple[str, float] | None:
    """The grade of two sentences and how alike they are, if alike enough to match."""
    ratio = fuzz.ratio(a.normal, b.normal) / 100
    if ratio >= VERBATIM_RATIO:
        return VERBATIM, ratio
    overlap = len(a.words & b.words) / len(a.words | b.words)
    if ratio >= EDITED_RATIO or overlap >= EDITED_WORDS:
        return EDITED, max(ratio, overlap)
    dice = 2 * shared_content / (len(a.content) + len(b.content))
    if (shared_content >= REWORDED_SHARED and dice >= REWORDED_DICE) or dice >= SHORT_REWORDED_DICE:
        return REWORDED, dice
    return None
