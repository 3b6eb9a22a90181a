"""The one-way pipeline: load → per-article detectors → corpus pass → scoring.

This module schedules work and applies configuration; it holds no detection logic. Input errors
become result rows here, so that no article is ever dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable, Sequence

from quality.config import Config
from quality.detectors import DETECTOR_CLASSES, Detector
from quality.model import Article, ArticleResult, DetectorResult, Finding
from quality.rules import selected_codes
from quality.scoring import article_quality
from quality.spans import FindingBuilder

CORPUS_CHUNK = 512  # articles per corpus-pass summary; any size gives the same merged result


@dataclass(frozen=True)
class LoadError:
    """An input that could not become an article; it becomes an error row, never a skip."""

    id: str
    source: str
    message: str
    origin: str | None = None
    text: str = ""


def build_detectors(config: Config) -> list[Detector]:
    """Instantiate every detector with its keywords from ``[tool.quality.detectors.NAME]``."""
    detectors = []
    for cls in DETECTOR_CLASSES:
        options = dict(config.detectors.get(cls.name, {}))
        if cls.name == "language":
            options.setdefault("expected", config.expected_language)
        try:
            detectors.append(cls(**options))
        except TypeError as exc:
            from quality.config import ConfigError

            raise ConfigError(f"detectors.{cls.name}: {exc}") from exc
    return detectors


def analyze(
    items: Iterable[Article | LoadError],
    config: Config | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[ArticleResult]:
    """Run every detector on every article, then the corpus pass, then scoring."""
    config = config or Config()
    detectors = build_detectors(config)
    enabled = selected_codes(config.select, config.ignore)

    staged: list[tuple[Article, dict[str, DetectorResult] | None, str | None]] = []
    for item in items:
        if isinstance(item, LoadError):
            article = Article(id=item.id, source=item.source, text=item.text, origin=item.origin)
            staged.append((article, None, item.message))
        else:
            staged.append(_detect_one(item, detectors))
        if progress:
            progress(1)

    _corpus_pass(detectors, staged)
    return [_finish(article, results, error, config, enabled) for article, results, error in staged]


def _detect_one(
    article: Article, detectors: Sequence[Detector]
) -> tuple[Article, dict[str, DetectorResult] | None, str | None]:
    if not article.text.strip():
        return article, None, "empty article: no text after removing white space"
    results: dict[str, DetectorResult] = {}
    failures = []
    for detector in detectors:
        try:
            results[detector.name] = detector.detect(article)
        except Exception as exc:  # a detector bug must not stop the batch
            failures.append(f"{detector.name} detector failed: {type(exc).__name__}: {exc}")
    return article, results, "; ".join(failures) or None


def _corpus_pass(
    detectors: Sequence[Detector],
    staged: list[tuple[Article, dict[str, DetectorResult] | None, str | None]],
) -> None:
    """Summarise per chunk, merge, apply: the same shape a distributed reduction would have."""
    scored = [i for i, (_, results, _) in enumerate(staged) if results is not None]
    for detector in detectors:
        if not detector.uses_corpus:
            continue
        pairs = [(staged[i][0], staged[i][1][detector.name]) for i in scored if detector.name in staged[i][1]]
        summaries = [detector.summarise(pairs[k : k + CORPUS_CHUNK]) for k in range(0, len(pairs), CORPUS_CHUNK)]
        summary = detector.merge(summaries)
        for i in scored:
            article, results, _ = staged[i]
            if detector.name in results:
                results[detector.name] = detector.apply(article, results[detector.name], summary)


def _finish(
    article: Article,
    results: dict[str, DetectorResult] | None,
    error: str | None,
    config: Config,
    enabled: set[str],
) -> ArticleResult:
    if results is None:
        code = "INP002" if error and error.startswith("empty article") else "INP001"
        finding = FindingBuilder(article.text, "input")(code, 0, 0, error or "unreadable input")
        findings = (finding,) if code in enabled else ()
        return ArticleResult(article, {}, {}, _with_severity(findings, config), None, error)

    dimensions: dict[str, float | None] = {}
    metrics: dict[str, Any] = {}
    findings: list[Finding] = []
    for name, result in results.items():
        detector_dimension = _DIMENSIONS.get(name)
        if detector_dimension:
            dimensions[detector_dimension] = _clip(result.score)
        metrics.update({f"{name}_{key}": value for key, value in result.metrics.items()})
        findings.extend(f for f in result.findings if f.rule in enabled)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return ArticleResult(
        article=article,
        dimensions=dimensions,
        metrics=metrics,
        findings=_with_severity(tuple(findings), config),
        quality=article_quality(dimensions, config.weights),
        error=error,
    )


_DIMENSIONS = {cls.name: cls.dimension for cls in DETECTOR_CLASSES}


def _with_severity(findings: tuple[Finding, ...], config: Config) -> tuple[Finding, ...]:
    if not config.severity:
        return findings
    return tuple(replace(f, severity=config.severity.get(f.rule, f.severity)) for f in findings)


def _clip(score: float | None) -> float | None:
    return None if score is None else min(1.0, max(0.0, float(score)))
