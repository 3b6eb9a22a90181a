"""Input rules: an article that cannot be analysed at all.

The pipeline raises these itself (an unreadable file never reaches a detector), so this
detector only registers the rules and measures the size of what it is given.
"""

from __future__ import annotations

from quality.detectors.base import Detector
from quality.model import Article, DetectorResult, Severity
from quality.rules import RULES, Rule
from quality.spans import word_count

UNREADABLE = Rule(
    code="INP001",
    name="unreadable-input",
    severity=Severity.ERROR,
    summary="The input could not be read or decoded as text.",
    why="An article that cannot be read cannot be scored; it is reported, never silently skipped, "
    "so that a report's article count always equals its input count.",
    example="A file saved as Latin-1: b'Caf\\xe9 au lait'",
    instead="Save articles as UTF-8 (with or without BOM) or UTF-16 with a BOM.",
    fires=(b"Caf\xe9 au lait, \xa3 5",),
    passes=("Café au lait costs £5.", "Café au lait costs £5.".encode("utf-8")),
)

EMPTY = Rule(
    code="INP002",
    name="empty-article",
    severity=Severity.ERROR,
    summary="The article has no text, or only white space.",
    why="Empty articles usually mean a scraper failed; scoring them as clean would hide the failure.",
    example="(an empty file)",
    instead="Re-fetch the article, or drop it from the input on purpose.",
    fires=("", "   \n\t  \n"),
    passes=("A short but real sentence.",),
)

RULES.register(UNREADABLE, EMPTY)


class InputDetector(Detector):
    name = "input"
    dimension = None
    rules = (UNREADABLE, EMPTY)

    def detect(self, article: Article) -> DetectorResult:
        return DetectorResult(
            score=None,
            metrics={"chars": len(article.text), "words": word_count(article.text)},
        )
