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

from contextlib import contextmanager
from typing import Any, ClassVar, Iterator, Mapping, Sequence

from quality.model import Article, DetectorResult
from quality.rules import Rule
from quality.spans import FindingBuilder


_record_folder: str | None = None


@contextmanager
def records_on_disk(folder: str) -> Iterator[None]:
    """Corpus summaries merged in this process meanwhile may keep the records that grow with
    the corpus in files under ``folder``, which must outlast every summary that refers to it
    (:mod:`quality.detectors._records`). The streaming engine names one for the whole run."""
    global _record_folder
    previous, _record_folder = _record_folder, folder
    try:
        yield
    finally:
        _record_folder = previous


def record_folder() -> str | None:
    """The folder summaries may write records to now; None: hold them in memory."""
    return _record_folder


class OptionError(ValueError, TypeError):
    """A detector option outside its range.

    A ``ValueError`` because the value is wrong; also a ``TypeError`` because the pipeline turns
    a ``TypeError`` from a detector's constructor (an unknown keyword, say) into a config error
    naming the detector, and a bad value in ``[tool.quality.detectors.NAME]`` deserves the same."""


def check_option(
    name: str,
    value: float,
    low: float | None = 0.0,
    high: float | None = 1.0,
    *,
    low_open: bool = False,
    why: str = "",
) -> None:
    """Reject a threshold outside ``[low, high]`` (``(low, high]`` with ``low_open``), naming it.

    ``None`` leaves that side unbounded; ``why`` is added to the message. NaN is always rejected,
    so that a threshold never silently disables the comparisons it feeds."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise OptionError(f"{name} must be a number, got {value!r}") from None
    above_low = low is None or (number > low if low_open else number >= low)
    below_high = high is None or number <= high
    if not (above_low and below_high):
        raise OptionError(f"{name} must be {_range_words(low, high, low_open)}{f' ({why})' if why else ''}, got {value!r}")


def _range_words(low: float | None, high: float | None, low_open: bool) -> str:
    if low is not None and high is not None:
        return f"greater than {low:g} and at most {high:g}" if low_open else f"between {low:g} and {high:g}"
    if low is not None:
        return f"greater than {low:g}" if low_open else f"at least {low:g}"
    return f"at most {high:g}" if high is not None else "a number"


class Detector:
    """Base class: subclasses set ``name``, ``dimension`` and ``rules`` and implement ``detect``."""

    name: ClassVar[str]  # the detector column in the findings table, e.g. "mojibake"
    dimension: ClassVar[str | None]  # the score column, e.g. "encoding_integrity"; None: no score
    rules: ClassVar[tuple[Rule, ...]]
    uses_corpus: ClassVar[bool] = False
    # Metrics the source report sums over a source's articles before deriving figures from them
    # (:meth:`pool`); named without the detector's prefix ("claims", not "attribution_claims").
    pooled_metrics: ClassVar[tuple[str, ...]] = ()

    def detect(self, article: Article) -> DetectorResult:
        raise NotImplementedError

    @classmethod
    def pool(cls, sums: Mapping[str, float]) -> dict[str, float]:
        """Per-source figures from the sums of ``pooled_metrics`` over a source's articles (the
        keys of ``sums``; a metric no article had is absent). Columns of the source report."""
        return {}

    def findings_for(self, article: Article) -> FindingBuilder:
        return FindingBuilder(article.text, self.name, article.layout)

    # Corpus pass; the defaults make it a no-op for detectors that do not need it.
    def summarise(self, chunk: Sequence[tuple[Article, DetectorResult]]) -> Any:
        return None

    def merge(self, summaries: Sequence[Any]) -> Any:
        return None

    def apply(self, article: Article, result: DetectorResult, summary: Any) -> DetectorResult:
        return result
