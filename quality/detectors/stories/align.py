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

Only sentences that share two uncommon words are compared at all (an index of the other
article's words), so aligning two articles costs about as much as reading them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from quality.detectors.stories.profile import COMMON_ZIPF, zipf
from quality.segment import sentences

VERBATIM, EDITED, REWORDED = "verbatim", "edited", "reworded"
GRADES = (VERBATIM, EDITED, REWORDED)  # best first
VERBATIM_RATIO = 0.97
EDITED_RATIO = 0.8
EDITED_WORDS = 0.6  # Jaccard of the two sentences' word sets
REWORDED_SHARED = 3
REWORDED_DICE = 0.35  # of the uncommon words
SHORT_REWORDED_DICE = 0.5  # short sentences that share two uncommon words and little else
# A sentence shorter than this is a caption, a byline or a heading: too short to align.
MIN_UNIT_WORDS = 5
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


def units(text: str, language: str = "en") -> list[Unit]:
    """The article's sentences long enough to align."""
    found = []
    for sentence in sentences(text):
        written = [_POSSESSIVE.sub("", t) for t in _TOKEN.findall(sentence.text)]
        if len(written) < MIN_UNIT_WORDS:
            continue
        tokens = [t.lower() for t in written]
        content = frozenset(t.lower() for t in written if t.isdigit() or ((len(t) > 2 or t[0].isupper()) and zipf(t.lower(), language) < COMMON_ZIPF))
        normal = " ".join(sentence.text.translate(_QUOTES).lower().split())
        found.append(Unit(sentence.start, sentence.end, sentence.text, sentence.kind, sentence.paragraph, normal, frozenset(tokens), content))
    return found


def align(mine: list[Unit], theirs: list[Unit], mutual: bool = True) -> list[Match | None]:
    """For each of ``mine``, its best match among ``theirs`` (None: no sentence like it). With
    ``mutual``, only when it is also that sentence's best match among ``mine``: a sentence on
    the story's topic resembles every other sentence on it a little, and its true counterpart
    most."""
    forward = _best_matches(mine, theirs)
    if not mutual:
        return forward
    backward = _best_matches(theirs, mine)
    return [m if m is not None and (back := backward[m.other]) is not None and back.other == k else None for k, m in enumerate(forward)]


def _best_matches(mine: list[Unit], theirs: list[Unit]) -> list[Match | None]:
    index: dict[str, list[int]] = defaultdict(list)
    for k, unit in enumerate(theirs):
        for word in unit.content:
            index[word].append(k)
    matches: list[Match | None] = []
    for unit in mine:
        shared: dict[int, int] = defaultdict(int)
        for word in unit.content:
            for k in index.get(word, ()):
                shared[k] += 1
        best: Match | None = None
        for k, count in shared.items():
            if count < 2:
                continue
            found = _graded(unit, theirs[k], count, k)
            if found and (best is None or (GRADES.index(found.grade), -found.score) < (GRADES.index(best.grade), -best.score)):
                best = found
        matches.append(best)
    return matches


def _graded(a: Unit, b: Unit, shared_content: int, other: int) -> Match | None:
    ratio = fuzz.ratio(a.normal, b.normal) / 100
    if ratio >= VERBATIM_RATIO:
        return Match(other, VERBATIM, ratio)
    overlap = len(a.words & b.words) / len(a.words | b.words)
    if ratio >= EDITED_RATIO or overlap >= EDITED_WORDS:
        return Match(other, EDITED, max(ratio, overlap))
    dice = 2 * shared_content / (len(a.content) + len(b.content))
    if (shared_content >= REWORDED_SHARED and dice >= REWORDED_DICE) or dice >= SHORT_REWORDED_DICE:
        return Match(other, REWORDED, dice)
    return None
