"""Building findings with exact spans, and the text units detectors share.

Every detector reports evidence as character offsets into the article text as read. Building
findings here keeps ``evidence == text[start:end]`` and line/column consistent everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from quality.model import Finding, LineIndex, Severity
from quality.rules import RULES

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


class FindingBuilder:
    """Creates findings for one article; holds the line index so lookups stay cheap."""

    def __init__(self, text: str, detector: str) -> None:
        self.text = text
        self.detector = detector
        self._lines: LineIndex | None = None

    def __call__(
        self,
        code: str,
        start: int,
        end: int,
        message: str,
        suggestion: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside text of length {len(self.text)}")
        if self._lines is None:
            self._lines = LineIndex(self.text)
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


def paragraphs(text: str) -> Iterator[Span]:
    """Non-blank lines with surrounding white space trimmed. Scraped news puts one paragraph
    on a line, so a line is the unit for boilerplate and captions."""
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        yield Span(start, start + len(stripped), stripped)


def word_count(text: str) -> int:
    return sum(1 for _ in WORD.finditer(text))
