"""Quotations as attribution reads them: spans looked up by position, the words a sentence
quotes, direct or indirect speech (where the quotations are: :mod:`quality.quotations`).

Words inside a quotation are the speaker's, so a "said" inside one is never the article's cue,
and a sentence that is mostly quotation is direct speech."""

from __future__ import annotations

import bisect
import re
from typing import Iterable, Iterator

from quality.detectors.attribution.records import DIRECT, INDIRECT
from quality.segment import Sentence
from quality.spans import word_count

MIN_QUOTE_WORDS = 3  # fewer quoted words are a scare quote or a title, not the source's speech

_WORD = re.compile(r"[^\W_]+")  # letters and digits: a quotation of figures has words too


def words_in(text: str) -> int:
    """Words and numbers in ``text`` (:func:`quality.spans.word_count`), for the length of a
    quotation."""
    return word_count(text, _WORD)


class Spans:
    """Spans sorted by start and not overlapping (quotations, sentences), and the ones that
    overlap a range, found by bisection rather than by a scan, which would make long articles
    quadratic. Spans that are not sorted and disjoint fall back to the scan, with the same
    answers."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = list(spans)
        self.ends = [end for _, end in self.spans]
        self.starts = [start for start, _ in self.spans]
        self.ordered = all(s <= e for s, e in self.spans) and all(a[1] <= b[0] for a, b in zip(self.spans, self.spans[1:]))

    def __len__(self) -> int:
        return len(self.spans)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self.spans)

    def indices(self, start: int, end: int) -> list[int]:
        """Indices, in order, of the spans (a, b) with a < end and b > start."""
        if not self.ordered:
            return [k for k, (a, b) in enumerate(self.spans) if a < end and b > start]
        found = []
        k = bisect.bisect_right(self.ends, start)
        while k < len(self.spans) and self.spans[k][0] < end:
            found.append(k)
            k += 1
        return found

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        return [self.spans[k] for k in self.indices(start, end)]

    def encloses(self, start: int, end: int) -> bool:
        """Whether a span (a, b) has a < start and end <= b. Spans are disjoint, so only the last
        one opening before ``start`` can: one bisection."""
        if not self.ordered:
            return any(a < start and end <= b for a, b in self.spans)
        k = bisect.bisect_left(self.starts, start) - 1
        return k >= 0 and end <= self.spans[k][1]


def quoted_words(text: str, sentence: Sentence, quotes: Spans) -> int:
    """Words of ``sentence`` that lie inside quotations."""
    return sum(words_in(text[max(a, sentence.start) : min(b, sentence.end)]) for a, b in quotes.overlapping(sentence.start, sentence.end))


def quote_kind(text: str, sentence: Sentence, quotes: Spans) -> str:
    """Direct speech when the sentence quotes at least ``MIN_QUOTE_WORDS`` words."""
    return DIRECT if quoted_words(text, sentence, quotes) >= MIN_QUOTE_WORDS else INDIRECT
