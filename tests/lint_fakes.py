"""Test-only detectors for the lint tests: findings at places the tests know exactly.

The real mojibake, translation and boilerplate detectors are built elsewhere; the linter must
show whatever any detector finds, so its tests plug in small detectors with fixed behaviour:

* ``MarkerDetector`` flags the two characters ``Ã©`` (MOJ901, error, suggestion ``é``), any
  paragraph starting ``Follow us`` (BPL901, warning) and the word ``vía`` (TRN901, info);
* ``RepeatedParagraphDetector`` is a corpus detector: it flags a paragraph that at least
  ``min_articles`` articles of the same source contain (BPL902, warning), the shape of learned
  boilerplate.

``install(monkeypatch)`` registers their rules and makes them the pipeline's only detectors
(beside input), undone after the test.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Sequence

import pytest

import quality.pipeline
from quality.detectors.base import Detector
from quality.detectors.input import InputDetector
from quality.model import Article, DetectorResult, Severity
from quality.rules import RULES, Rule
from quality.spans import paragraphs


def _rule(code: str, name: str, severity: Severity, fires: str, passes: str) -> Rule:
    return Rule(
        code=code,
        name=name,
        severity=severity,
        summary=f"test-only rule {name}",
        why="Lets the lint tests place findings exactly.",
        example=fires,
        instead=passes,
        fires=(fires,),
        passes=(passes,),
    )


FAKE_MOJIBAKE = _rule("MOJ901", "fake-mojibake", Severity.ERROR, "cafÃ©", "café")
FAKE_FOOTER = _rule("BPL901", "fake-footer", Severity.WARNING, "Follow us on Telegram", "We follow the story.")
FAKE_UNTRANSLATED = _rule("TRN901", "fake-untranslated", Severity.INFO, "photo vía AP", "photo via AP")
FAKE_LEARNED = _rule("BPL902", "fake-learned-boilerplate", Severity.WARNING, "(corpus)", "(corpus)")
FAKE_RULES = (FAKE_MOJIBAKE, FAKE_FOOTER, FAKE_UNTRANSLATED, FAKE_LEARNED)

_MOJIBAKE = re.compile("Ã©")
_VIA = re.compile(r"\bvía\b")


class MarkerDetector(Detector):
    name = "fake"
    dimension = None
    rules = (FAKE_MOJIBAKE, FAKE_FOOTER, FAKE_UNTRANSLATED)

    def detect(self, article: Article) -> DetectorResult:
        make = self.findings_for(article)
        found = [make("MOJ901", m.start(), m.end(), "'Ã©' is UTF-8 'é' read as Latin-1", suggestion="é") for m in _MOJIBAKE.finditer(article.text)]
        found += [make("BPL901", p.start, p.end, "social-media footer") for p in paragraphs(article.text) if p.text.startswith("Follow us")]
        found += [make("TRN901", m.start(), m.end(), "Spanish 'vía' left untranslated") for m in _VIA.finditer(article.text)]
        return DetectorResult(score=None, findings=tuple(found))


class RepeatedParagraphDetector(Detector):
    name = "fake-corpus"
    dimension = None
    rules = (FAKE_LEARNED,)
    uses_corpus = True

    def __init__(self, min_articles: int = 3) -> None:
        self.min_articles = min_articles

    def detect(self, article: Article) -> DetectorResult:
        return DetectorResult(score=None)

    def summarise(self, chunk: Sequence[tuple[Article, DetectorResult]]) -> Counter:
        counts: Counter = Counter()
        for article, _ in chunk:
            counts.update({(article.source, p.text) for p in paragraphs(article.text)})
        return counts

    def merge(self, summaries: Sequence[Any]) -> Counter:
        total: Counter = Counter()
        for summary in summaries:
            total.update(summary)
        return total

    def apply(self, article: Article, result: DetectorResult, summary: Counter) -> DetectorResult:
        make = self.findings_for(article)
        found = [
            make("BPL902", p.start, p.end, f"paragraph repeated in {summary[(article.source, p.text)]} articles of {article.source}")
            for p in paragraphs(article.text)
            if summary[(article.source, p.text)] >= self.min_articles
        ]
        return DetectorResult(score=None, findings=result.findings + tuple(found))


def install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the fake detectors the pipeline's detectors for one test."""
    for rule in FAKE_RULES:
        monkeypatch.setitem(RULES._rules, rule.code, rule)
    monkeypatch.setattr(quality.pipeline, "DETECTOR_CLASSES", (InputDetector, MarkerDetector, RepeatedParagraphDetector))
