"""The data that flows through the pipeline: articles in, findings and scores out.

Everything here is a plain frozen dataclass so that results can be compared, hashed,
pickled to worker processes and turned into DataFrame rows without surprises.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Mapping


class Severity(str, Enum):
    """How much a finding matters to an editor; scoring may weigh them differently."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Larger is more severe, so thresholds such as ``--fail-on`` can compare."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True)
class Suppression:
    """An editor's ``<!-- quality: ignore CODES -->`` in the article's file (see
    :mod:`quality.suppress`): findings of rules starting with one of ``codes`` (none: every
    rule) whose first line lies in ``first_line..last_line`` are not reported; with no lines,
    anywhere in the file (``ignore-file``)."""

    codes: tuple[str, ...]
    first_line: int = 0
    last_line: int = 0

    def covers(self, rule: str, line: int) -> bool:
        if self.first_line and not self.first_line <= line <= self.last_line:
            return False
        return not self.codes or rule.upper().startswith(self.codes)


@dataclass(frozen=True)
class Article:
    """One news article as read, after decoding. ``text`` is what every offset refers to."""

    id: str
    source: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    language: str | None = None
    # Where the article came from (file path, "file.jsonl:12"), for messages only.
    origin: str | None = None
    # The file's own text when ``text`` is a same-length reading of it (a Markdown file, see
    # ``quality.markdown.read_view``): offsets hold for both, and lines and columns are counted
    # on the file, so a finding points where an editor would look.
    layout: str | None = None
    # Suppressions written in the file; ``quality score`` and ``findings`` honour them as lint does.
    suppressions: tuple[Suppression, ...] = ()
    # Spans of ``text`` that a Markdown file marks as headings: written by the author, so
    # never page furniture, however short.
    headings: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Finding:
    """One piece of evidence: a rule fired on ``text[start:end]``.

    ``line`` and ``col`` are 1-based and count characters, like an editor's status bar.
    ``evidence`` always equals ``article.text[start:end]``; build findings with
    :func:`quality.spans.make_finding` so that the two cannot drift apart.
    """

    rule: str
    detector: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    col: int
    evidence: str
    suggestion: str | None = None


@dataclass(frozen=True)
class DetectorResult:
    """What one detector says about one article.

    ``score`` is the detector's quality dimension in [0, 1] (1 = clean), or ``None`` when the
    dimension does not apply (for example readability of a text too short to measure).
    ``metrics`` are named measurements kept as columns for research. ``carry`` is what the
    detector's corpus pass needs from ``detect`` (translation: the names it read), travelling
    with the result so that a detector keeps no state between articles and a worker process's
    results serve the parent's corpus pass; it is never an output column.
    """

    score: float | None
    findings: tuple[Finding, ...] = ()
    metrics: Mapping[str, Any] = field(default_factory=dict)
    carry: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class ArticleResult:
    """Everything known about one input article after the pipeline ran.

    An article that could not be read has ``error`` set, no dimensions, and a ``quality`` of
    ``None``; it still appears in every output so that nothing is silently dropped.
    """

    article: Article
    dimensions: Mapping[str, float | None]
    metrics: Mapping[str, Any]
    findings: tuple[Finding, ...]
    quality: float | None
    error: str | None = None


# A line ends at LF, CRLF or a lone CR, as editors and Python's universal newlines count them.
_LINE_END = re.compile(r"\r\n?|\n")
_LONE_CR = re.compile(r"\r(?!\n)")


def lone_cr_as_lf(text: str) -> str:
    """``text`` with each lone CR (old Mac line ends) as LF: the same length, so offsets hold
    for both, and detectors that read lines by LF see a CR-only file's lines."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


class LineIndex:
    """Maps character offsets to 1-based (line, column) in O(log n) per lookup. A line ends at
    LF, CRLF or a lone CR, so a file has the same positions whichever line ends it was saved with."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [match.end() for match in _LINE_END.finditer(text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


@dataclass(frozen=True)
class LoadError:
    """An input that could not become an article; it becomes an error row, never a skip."""

    id: str
    source: str
    message: str
    origin: str | None = None
    text: str = ""


def too_large_message(chars: int | None, limit: int) -> str:
    """The error of an article over the size limit, with how to raise it."""
    size = f"{chars:,} characters is" if chars is not None else "the article is"
    return f"article too large: {size} over the limit of {limit:,} (raise max_article_chars in [tool.quality] or --max-article-chars)"
