"""Building findings with exact spans, and the text units detectors share.

Every detector reports evidence as character offsets into the article text as read. Building
findings here keeps ``evidence == text[start:end]`` and line/column consistent everywhere.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Callable, Sequence, TypeVar

from quality.model import Finding, LineIndex, Severity
from quality.rules import RULES, Rule

T = TypeVar("T")


def keep_last(function: Callable[[str], T]) -> Callable[[str], T]:
    """``function`` of one text, remembering its answer for the last text: detectors that ask
    about the same article one after the other (its sentences, whether it is English) get the
    answer at no cost. The text is held, so the same identity is the same string; the pair is
    read and written at once, so threads never see one text's answer for another's."""
    last: list[tuple[str, T] | None] = [None]

    @functools.wraps(function)
    def remembered(text: str) -> T:
        pair = last[0]
        if pair is not None and pair[0] is text:
            return pair[1]
        answer = function(text)
        last[0] = (text, answer)
        return answer

    return remembered


WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


class FindingBuilder:
    """Creates findings for one article; holds the line index so lookups stay cheap."""

    def __init__(self, text: str, detector: str, layout: str | None = None) -> None:
        """``layout``: a same-length text whose lines and columns the findings report
        (``Article.layout``); by default ``text``'s own."""
        if layout is not None and len(layout) != len(text):
            raise ValueError("a layout must be as long as the text it lays out")
        self.text = text
        self.layout = text if layout is None else layout
        self.detector = detector
        self._lines: LineIndex | None = None

    def __call__(
        self,
        rule: Rule | str,
        start: int,
        end: int,
        message: str,
        suggestion: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        code = rule if isinstance(rule, str) else rule.code
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside text of length {len(self.text)}")
        if self._lines is None:
            self._lines = LineIndex(self.layout)
        line, col = self._lines.line_col(start)
        return Finding(
            rule=code,
            detector=self.detector,
            severity=severity or RULES[code].severity,
            message=message,
            start=start,
            end=end,
            line=line,
            col=col,
            evidence=self.text[start:end],
            suggestion=suggestion,
        )


@dataclass(frozen=True)
class Segment:
    """``original[orig_start : orig_start + length]`` appears at ``prose[prose_start:]`` (the
    prose being any text made of kept slices of the original)."""

    prose_start: int
    orig_start: int
    length: int


class OffsetMap:
    """Maps offsets in a text made of kept slices of an original (Markdown's prose view, the
    text a boilerplate pass left) back to offsets in the original."""

    def __init__(self, segments: Sequence[Segment], original_length: int) -> None:
        self._segments = list(segments) or [Segment(0, original_length, 0)]
        self._starts = [s.prose_start for s in self._segments]
        self._orig_starts: list[int] | None = None

    @classmethod
    def of_pieces(cls, pieces: Sequence[tuple[int, int]], original_length: int) -> "OffsetMap":
        """The map of ``"".join(original[a:b] for a, b in pieces)``."""
        segments, at = [], 0
        for a, b in pieces:
            segments.append(Segment(at, a, b - a))
            at += b - a
        return cls(segments, original_length)

    def to_original(self, offset: int, *, is_end: bool = False) -> int:
        """A span's start maps to the first kept character at or after it; its end to just after
        the last kept character before it, so a span never grows over removed text at its ends."""
        if is_end and offset > 0:
            index = max(0, bisect.bisect_left(self._starts, offset) - 1)
        else:
            index = max(0, bisect.bisect_right(self._starts, offset) - 1)
        segment = self._segments[index]
        return segment.orig_start + min(max(0, offset - segment.prose_start), segment.length)

    def span(self, start: int, end: int) -> tuple[int, int]:
        begin = self.to_original(start)
        return begin, max(begin, self.to_original(end, is_end=True)) if end > start else begin

    def from_original(self, start: int, end: int) -> tuple[int, int] | None:
        """The prose span holding what is kept of ``original[start:end]``; None when nothing is."""
        if self._orig_starts is None:
            self._orig_starts = [s.orig_start for s in self._segments]  # in order, as the prose
        index = max(0, bisect.bisect_right(self._orig_starts, start) - 1)
        kept: list[tuple[int, int]] = []
        while index < len(self._segments) and self._segments[index].orig_start < end:
            segment = self._segments[index]
            a, b = max(start, segment.orig_start), min(end, segment.orig_start + segment.length)
            if a < b:
                kept.append((a - segment.orig_start + segment.prose_start, b - segment.orig_start + segment.prose_start))
            index += 1
        return (kept[0][0], kept[-1][1]) if kept else None

    @property
    def segments(self) -> tuple[Segment, ...]:
        return tuple(self._segments)


@keep_last
def paragraphs(text: str) -> tuple[Span, ...]:
    """Non-blank lines with surrounding white space trimmed. Scraped news puts one paragraph
    on a line, so a line is the unit for boilerplate and captions. Several detectors and the
    genre read an article's lines one after the other, so the last text's are kept."""
    found = []
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        found.append(Span(start, start + len(stripped), stripped))
    return tuple(found)


_LINE = re.compile(r"[^\n]+")


# Scripts written without spaces between words: Han ideographs (Chinese, Japanese kanji) and
# Japanese kana. A run of them is a whole clause, not one word, so a count that splits on spaces
# would read a Chinese sentence as one or two "words". (Hangul is written with spaces and is
# counted like Latin; Thai, Lao, Khmer and Burmese are unspaced too but are left to the spaced
# count until there is a segmentation measure for them.)
UNSPACED = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# Segmented Chinese news text averages about 1.6 characters a word (most words have one or two
# characters); Japanese mixes kanji and kana at a similar rate. Used to turn a run of unspaced
# characters into an estimate of its words.
UNSPACED_CHARS_PER_WORD = 1.6


HEADLINE_CAPITALS = 0.7  # share of capitalised words from which a line is in headline case


def in_headline_case(capitalised: int, words: int, min_words: int = 3) -> bool:
    """Whether a line of ``words`` words, ``capitalised`` of them capitalised, is written in
    headline case ("Senator Vows To Cut Farm Subsidies"), where a capital says nothing about a
    name or a verb."""
    return words >= min_words and capitalised >= HEADLINE_CAPITALS * words


def word_count(text: str, word: re.Pattern[str] = WORD) -> int:
    """Words in ``text``: spaced words by ``word`` (a caller may count numbers too), plus an
    estimate for unspaced scripts (all its Han and kana characters together, over
    ``UNSPACED_CHARS_PER_WORD``)."""
    if text.isascii():
        return len(word.findall(text))  # most text: no unspaced script to take out
    rest, unspaced = UNSPACED.subn(" ", text)
    return len(word.findall(rest)) + unspaced_words(unspaced)


def unspaced_words(characters: int) -> int:
    """Estimated words in ``characters`` characters of an unspaced script (at least one if any)."""
    return max(1, round(characters / UNSPACED_CHARS_PER_WORD)) if characters else 0


CURRENCY_SIGNS = "$€£¥₹₩₦₱"  # signs written before an amount ("$10", "€12", "₦500")

_NOT_IN_NUMBER = re.compile(r"[^\d.,:%/+-]")
_DIGIT = re.compile(r"\d")
TABLE_ROW_NUMBERS = 3  # a table row holds at least this many numbers ("32 Reed Sorenson 118 0 0 0 0")
TABLE_ROW_NUMBER_SHARE = 0.3  # and numbers make up this share of its tokens (a sentence quoting figures does not)


def is_table_row(line: str) -> bool:
    """A line made mostly of numbers ("118", "3.5", "24-48", "50%"): a row of a standings,
    results or price table, data rather than prose."""
    if not _DIGIT.search(line):
        return False  # most lines: no figure at all
    tokens = line.split()
    return _numbers(tokens) >= max(TABLE_ROW_NUMBERS, TABLE_ROW_NUMBER_SHARE * len(tokens))


def is_results_row(line: str) -> bool:
    """A row of figures among names with no clause: no more than one word in lower case ("32
    Reed Sorenson 118 0 0 0 0", "2. Jane Roe (Kenya) 2:21:04"). Stricter than
    :func:`is_table_row`, which also takes a sentence dense with figures: a results row states
    nothing, a sentence of figures does."""
    if not _DIGIT.search(line):
        return False  # most lines: no figure at all
    tokens = line.split()
    lower = sum(1 for token in tokens if token[0].islower())
    return lower <= 1 and _numbers(tokens) >= max(2, TABLE_ROW_NUMBER_SHARE * len(tokens))


def _numbers(tokens: list[str]) -> int:
    return sum(1 for token in tokens if not _NOT_IN_NUMBER.search(token) and any(map(str.isdigit, token)))


def prose_lines(text: str) -> str:
    """The text without its table rows (line breaks kept): what its language and its prose
    measures should be judged on."""
    return "\n".join(line for line in text.split("\n") if not is_table_row(line))
