"""The one interface every detector implements.

A detector is a pure function of one article (``detect``), plus an optional corpus pass for
signals that need other articles. The corpus pass is shaped as a reduction so that it can run
on a distributed engine later:

1. ``summarise(chunk)`` turns a chunk of (article, result) pairs into a small summary,
2. ``merge(summaries)`` combines summaries from any number of chunks (associative),
3. ``apply(article, result, summary)`` returns the article's updated result.

Detectors measure; they do not decide. Thresholds are constructor keywords (from
``[tool.quality.detectors.NAME]``), severities and weights are applied later in scoring.
"""

from __future__ import annotations

from typing import Any, ClassVar, Sequence

from quality.model import Article, DetectorResult
from quality.rules import Rule
from quality.spans import FindingBuilder


class Detector:
    """Base class: subclasses set ``name``, ``dimension`` and ``rules`` and implement ``detect``."""

    name: ClassVar[str]  # the detector column in the findings table, e.g. "mojibake"
    dimension: ClassVar[str | None]  # the score column, e.g. "encoding_integrity"; None: no score
    rules: ClassVar[tuple[Rule, ...]]
    uses_corpus: ClassVar[bool] = False

    def detect(self, article: Article) -> DetectorResult:
        raise NotImplementedError

    def findings_for(self, article: Article) -> FindingBuilder:
        return FindingBuilder(article.text, self.name)

    # Corpus pass; the defaults make it a no-op for detectors that do not need it.
    def summarise(self, chunk: Sequence[tuple[Article, DetectorResult]]) -> Any:
        return None

    def merge(self, summaries: Sequence[Any]) -> Any:
        return None

    def apply(self, article: Article, result: DetectorResult, summary: Any) -> DetectorResult:
        return result
