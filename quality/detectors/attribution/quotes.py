"""Quotations: where they are, and spans looked up by position.

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

_QUOTE_MARK = re.compile(r"''|``|[“«”»\"]")  # doubled marks first: they are one mark, not two
_WORD = re.compile(r"[^\W_]+")  # letters and digits: a quotation of figures has words too


def words_in(text: str) -> int:
    """Words and numbers in ``text`` (:func:`quality.spans.word_count`), for the length of a
    quotation."""
    return word_count(text, _WORD)


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech (marks included), paired per paragraph.

    A mark's role comes from the characters around it (:func:`_role`), since writers and
    converters put the wrong curly quote, or a straight one, where they mean the other. A
    quotation still open at the end of a paragraph runs to the end of the paragraph (the
    convention for a quote over several paragraphs). A paragraph whose first mark closes a
    quotation attached to the word before it (``sword,'' wrote Ann Lee``) continues a quotation
    from the paragraph above, and is quoted from its start. Any other closing mark with no
    opening one before it is a typo and is ignored.
    """
    regions: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        body, base = line.group(), line.start()
        open_at: int | None = None
        for k, found in enumerate(_QUOTE_MARK.finditer(body)):
            i, mark = found.start(), found.group()
            if mark in ('"', "''") and body[i - 1 : i].isdigit():
                continue  # inches or seconds ("a 34\" screen"), not a quotation mark
            role = _role(mark, body[i - 1 : i], body[i + len(mark) : i + len(mark) + 1])
            if role == "open" or (role == "toggle" and open_at is None):
                if open_at is None:
                    open_at = i
            elif open_at is not None:
                regions.append((base + open_at, base + i + len(mark)))
                open_at = None
            elif k == 0 and role == "close" and i > 0 and not body[i - 1].isspace():
                start = len(body) - len(body.lstrip())
                regions.append((base + start, base + i + len(mark)))
        if open_at is not None:
            end = len(body.rstrip())
            if end - open_at > 1:
                regions.append((base + open_at, base + end))
    return regions


def _role(mark: str, before: str, after: str) -> str:
    """open, close or toggle (either). A mark between a word and a space or punctuation closes
    (``said,“ he`` is a closing mark typed the wrong way round); a mark between a space and a
    word opens; elsewhere a curly mark keeps its direction and a straight one toggles."""
    attached_before = bool(before) and not before.isspace() and before not in "([{—–-"
    attached_after = bool(after) and not after.isspace() and after not in ".,;:!?)]}—–-"
    if attached_before and not attached_after:
        return "close"
    if attached_after and not attached_before:
        return "open"
    if mark in ("“", "«", "``"):
        return "open"
    return "close" if mark in ("”", "»") else "toggle"


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
