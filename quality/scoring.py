"""From dimension scores to an article's quality, and from articles to a per-source report.

Article quality
    The weighted mean of the dimensions that apply to the article (a dimension is ``None`` when it
    cannot be measured, for example readability of a 10-word text); the weights come from
    configuration and are renormalised over the dimensions present.

Source interval
    The 95% interval for a source's mean quality is Bayesian: a flat prior on the mean and a
    scaled-inverse-chi-square prior on the variance centred on the pooled within-source variance
    of the whole corpus, worth ``PRIOR_DOF`` observations. The posterior of the mean is a Student t
    with ``PRIOR_DOF + n - 1`` degrees of freedom, so a source with two articles gets a wide
    interval even when its two scores happen to agree, and a source with many articles gets
    about the classical t interval.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from statistics import NormalDist
from typing import TYPE_CHECKING, Iterable, Mapping

from quality.detectors import DETECTOR_CLASSES
from quality.rules import dominant_kind

if TYPE_CHECKING:  # article_quality, which every run needs, is plain Python; reports import these
    import numpy as np
    import pandas as pd

PRIOR_DOF = 2.0
PRIOR_SD_FLOOR = 0.05  # a corpus whose articles all score alike still leaves some doubt


def article_quality(dimensions: Mapping[str, float | None], weights: Mapping[str, float]) -> float | None:
    present = {k: v for k, v in dimensions.items() if v is not None and weights.get(k, 0) > 0}
    total = sum(weights[k] for k in present)
    if not present or total == 0:
        return None
    return sum(weights[k] * v for k, v in present.items()) / total


def mean_interval(values: np.ndarray, prior_sd: float, level: float = 0.95) -> tuple[float, float]:
    """Posterior interval of the mean (see the module docstring), clipped to [0, 1]."""
    n = len(values)
    if n == 0:
        return math.nan, math.nan
    mean = float(values.mean())
    sample_var = float(values.var(ddof=1)) if n > 1 else 0.0
    dof = PRIOR_DOF + n - 1
    variance = (PRIOR_DOF * prior_sd**2 + (n - 1) * sample_var) / dof
    half = t_quantile(0.5 + level / 2, dof) * math.sqrt(variance / n)
    return max(0.0, mean - half), min(1.0, mean + half)


# Above this many degrees of freedom the t quantile is read from its expansion in 1/dof, within
# 3e-14 of the exact value there (against scipy, up to the 0.9995 quantile); at or below, from
# the exact distribution function (some 2 ms a value at 1,000, each value cached).
EXPANSION_DOF = 1000


@lru_cache(maxsize=1024)
def t_quantile(probability: float, dof: float) -> float:
    """Student's t quantile: the ``t`` with ``P(T <= t) = probability`` for ``dof`` degrees of
    freedom, for ``probability`` in (0.5, 1). For a whole number of degrees of freedom the
    distribution function is a finite sum in ``cos(atan(t / sqrt(dof)))``, solved by Newton's
    method to full precision; past :data:`EXPANSION_DOF`, the normal quantile corrected in powers
    of ``1/dof``. (scipy's ``stdtrit`` gives the same values to 1e-12; a test checks it, and
    importing scipy's special functions would cost a tenth of a second of every run.)"""
    if not 0.5 < probability < 1.0:
        raise ValueError(f"probability must lie in (0.5, 1), not {probability}")
    if dof != int(dof) or dof < 1:
        from scipy.special import stdtrit

        return float(stdtrit(dof, probability))
    x = NormalDist().inv_cdf(probability)
    expanded = x + sum(term(x) / dof**power for power, term in enumerate(_EXPANSION_TERMS, start=1))
    if dof > EXPANSION_DOF:
        return expanded
    dof = int(dof)
    log_density_scale = math.lgamma((dof + 1) / 2) - math.lgamma(dof / 2) - 0.5 * math.log(dof * math.pi)
    t = max(expanded, x)
    for _ in range(100):
        density = math.exp(log_density_scale - (dof + 1) / 2 * math.log1p(t * t / dof))
        step = (_t_cdf(t, dof) - probability) / density
        t -= step
        if abs(step) <= 1e-15 * max(1.0, abs(t)):
            break
    return t


def _t_cdf(t: float, dof: int) -> float:
    """P(T <= t) for a whole number of degrees of freedom (Abramowitz and Stegun 26.7.3-4)."""
    theta = math.atan(t / math.sqrt(dof))
    sine, cos2 = math.sin(theta), math.cos(theta) ** 2
    # The series up to cos^(dof-2): 1 + 1/2 cos²θ + 1·3/(2·4) cos⁴θ + ... for an even dof,
    # 1 + 2/3 cos²θ + 2·4/(3·5) cos⁴θ + ... for an odd one.
    term, total = 1.0, 1.0
    for k in range(2 + dof % 2, dof - 1, 2):
        term *= cos2 * (k - 1) / k
        total += term
    if dof % 2 == 0:
        central = sine * total
    elif dof == 1:
        central = 2 * theta / math.pi
    else:
        central = 2 / math.pi * (theta + sine * math.sqrt(cos2) * total)
    return 0.5 + central / 2


# The terms g1..g4 of the expansion t = x + g1(x)/dof + g2(x)/dof² + ... (Abramowitz and
# Stegun 26.7.5), x the normal quantile.
_EXPANSION_TERMS = (
    lambda x: (x**3 + x) / 4,
    lambda x: (5 * x**5 + 16 * x**3 + 3 * x) / 96,
    lambda x: (3 * x**7 + 19 * x**5 + 17 * x**3 - 15 * x) / 384,
    lambda x: (79 * x**9 + 776 * x**7 + 1482 * x**5 - 1920 * x**3 - 945 * x) / 92160,
)


def pooled_sd(qualities: Iterable[np.ndarray]) -> float:
    """Within-source standard deviation of article quality across the corpus, from each
    source's scored qualities."""
    ss, dof = 0.0, 0
    for values in qualities:
        if len(values) > 1:
            ss += float(((values - values.mean()) ** 2).sum())
            dof += len(values) - 1
    if dof == 0:
        return PRIOR_SD_FLOOR * 4  # no within-source spread known: assume a broad 0.2
    return max(PRIOR_SD_FLOOR, math.sqrt(ss / dof))


_KIND_COUNT = re.compile(r"^(?P<detector>translation)_n_(?P<kind>[a-z_]+)$")  # detectors that count findings by kind
_RULE_COUNT = re.compile(r"^n_[A-Z]{3}\d{3}$")


def is_rule_count(column: str) -> bool:
    """Whether an article-table column is ``n_CODE``: the article's findings of one rule."""
    return _RULE_COUNT.match(column) is not None

# Article-table columns the source report sums per source for the detectors that pool them.
_POOLED = {f"{cls.name}_{metric}": cls for cls in DETECTOR_CLASSES for metric in cls.pooled_metrics}


def dominant_kinds(totals: Mapping[str, float]) -> dict[str, str | None]:
    """For each detector that counts its findings by kind (metrics ``DETECTOR_n_KIND``, today
    the translation detector), the kind with the most findings among ``totals`` (column →
    sum over a source's articles): ``translation_dominant_kind`` = "join"."""
    kinds: dict[str, dict[str, float]] = {}
    for column, total in totals.items():
        match = _KIND_COUNT.match(column)
        if match:
            kinds.setdefault(match["detector"], {})[match["kind"]] = total
    return {f"{detector}_dominant_kind": dominant_kind(counts) for detector, counts in sorted(kinds.items())}


def _pooled(sums: Mapping[str, float]) -> dict[str, float]:
    """The detectors' per-source figures (:meth:`~quality.detectors.base.Detector.pool`) from a
    source's summed columns."""
    found: dict[str, float] = {}
    for cls in DETECTOR_CLASSES:
        prefix = f"{cls.name}_"
        mine = {column.removeprefix(prefix): total for column, total in sums.items() if _POOLED.get(column) is cls}
        found.update(cls.pool(mine))
    return found


def _top_rules(counts: Mapping[str, int], most: int = 3) -> str:
    """The source's most frequent warning- and error-level rules, e.g. ``"BPL001 ×5, TRN004 ×2"``:
    which kinds of defect dominate an outlet, at a glance."""
    from quality.rules import RULES

    ranked = sorted(((n, code) for code, n in counts.items() if n > 0 and code in RULES and RULES[code].severity.rank > 0), key=lambda item: (-item[0], item[1]))
    return ", ".join(f"{code} ×{n}" for n, code in ranked[:most])


def rank_ranges(low: pd.Series, high: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The best and worst rank each source could take, given the 95% intervals: a source can
    only be placed below one whose interval lies wholly above its own. Five sources whose
    intervals all overlap each get 1–5: the data cannot order them, whatever their means say.
    A source with no interval (nothing scored) has no range."""
    import numpy as np
    import pandas as pd

    lows, highs = low.to_numpy(dtype=float), high.to_numpy(dtype=float)
    known = ~(np.isnan(lows) | np.isnan(highs))
    best = [1 + int(np.sum(lows[known] > h)) if ok else None for h, ok in zip(highs, known)]
    worst = [int(np.sum(highs[known] >= lo)) if ok else None for lo, ok in zip(lows, known)]
    return pd.Series(best, index=low.index, dtype="Int64"), pd.Series(worst, index=low.index, dtype="Int64")


def source_report(scores: pd.DataFrame) -> pd.DataFrame:
    """One row per source from the article table of :func:`quality.score_frame`."""
    totals = SourceTotals()
    totals.add(scores)
    return totals.report()


class _ExactSum:
    """A float sum without rounding error until it is read (Shewchuk's partials), so that a
    mean does not depend on how the rows were split into chunks."""

    __slots__ = ("partials",)

    def __init__(self) -> None:
        self.partials: list[float] = []

    def add(self, values: Iterable[float]) -> None:
        partials = self.partials
        for x in values:
            kept = 0
            for y in partials:
                if abs(x) < abs(y):
                    x, y = y, x
                high = x + y
                low = y - (high - x)
                if low:
                    partials[kept] = low
                    kept += 1
                x = high
            partials[kept:] = [x]

    @property
    def value(self) -> float:
        return math.fsum(self.partials)


# The article table's detected language: the report says which languages a source's scores are
# measured in, since an article in another language is measured only by what applies to it.
LANGUAGE_COLUMN = "language_detected"


def _languages(counts: Mapping[str, int]) -> str:
    """``"en"`` for a source in one language, ``"en ×12, pt ×1"`` for several, commonest first."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if len(ordered) == 1:
        return ordered[0][0]
    return ", ".join(f"{language} ×{count}" for language, count in ordered)


class _Source:
    """One source's running totals."""

    def __init__(self) -> None:
        from array import array

        self.articles = self.scored = self.with_errors = 0
        self.quality = array("d")  # every scored quality, for the median and the interval: 8 bytes each
        self.words = 0.0
        self.dimensions: dict[str, tuple[_ExactSum, list[int]]] = {}
        self.sums: dict[str, float] = {}  # integer counts (findings, n_CODE, attribution counts...)
        self.languages: dict[str, int] = {}  # detected language → scored articles in it


class SourceTotals:
    """The per-source report from chunks of the article table, as they come: counts and sums
    per source, and each source's scored qualities (8 bytes an article), never the rows.
    ``add`` every chunk, then ``report()``; one chunk or many give the same report."""

    def __init__(self) -> None:
        self.sources: dict[str, _Source] = {}
        self.dimension_columns: dict[str, None] = {}
        self.count_columns: set[str] = set()

    def add(self, scores: pd.DataFrame) -> None:
        import numpy as np
        import pandas as pd

        if scores.empty:
            return
        self.dimension_columns.update(dict.fromkeys(c for c in scores.columns if c.startswith("dim_")))
        counts = [c for c in scores.columns if is_rule_count(c)]
        self.count_columns.update(counts)
        summed = ["findings", "n_error", "n_warning", *counts, *(c for c in scores.columns if c in _POOLED or _KIND_COUNT.match(c))]
        summed = [c for c in summed if c in scores.columns]
        dimensions = [c for c in scores.columns if c.startswith("dim_")]
        # Columns read once as arrays and indexed per source: a chunk has a few hundred sources,
        # and pandas' per-column calls on each one's rows cost more than the sums themselves.
        ok = scores["error"].isna().to_numpy()
        has_error = (scores["n_error"] > 0).to_numpy()
        quality = scores["quality"].to_numpy(dtype=float, na_value=math.nan)
        words = scores["words"].to_numpy(dtype=float, na_value=math.nan)
        dimension_values = {c: scores[c].to_numpy(dtype=float, na_value=math.nan) for c in dimensions}
        sums = scores[summed].fillna(0).astype(float).groupby(scores["source"], sort=False).sum() if summed else None
        languages = scores[LANGUAGE_COLUMN].to_numpy(dtype=object) if LANGUAGE_COLUMN in scores.columns else None
        for source, rows in scores.groupby("source", sort=False).indices.items():
            totals = self.sources.setdefault(source, _Source())
            scored = rows[ok[rows]]
            totals.articles += len(rows)
            totals.scored += len(scored)
            totals.with_errors += int(has_error[rows].sum())
            kept = quality[rows]
            totals.quality.extend(kept[~np.isnan(kept)])
            totals.words += float(np.nansum(words[scored]))
            if languages is not None:
                for language in languages[scored]:
                    if not pd.isna(language):
                        totals.languages[str(language)] = totals.languages.get(str(language), 0) + 1
            for column, values in dimension_values.items():
                kept = values[rows]
                kept = kept[~np.isnan(kept)]
                exact, count = totals.dimensions.setdefault(column, (_ExactSum(), [0]))
                exact.add(kept.tolist())
                count[0] += len(kept)
            if sums is not None:
                for column, total in sums.loc[source].items():
                    totals.sums[column] = totals.sums.get(column, 0) + float(total)

    def report(self) -> pd.DataFrame:
        import numpy as np
        import pandas as pd

        if not self.sources:
            return pd.DataFrame(columns=["source", "articles", "scored", "errors", "quality_mean", "rank"])
        qualities = {source: np.frombuffer(totals.quality, dtype=float) if len(totals.quality) else np.empty(0) for source, totals in self.sources.items()}
        prior = pooled_sd(qualities.values())
        codes = sorted(self.count_columns)
        rows = []
        for source in sorted(self.sources):
            totals, quality = self.sources[source], qualities[source]
            low, high = mean_interval(quality, prior)
            words = totals.words
            row = {
                "source": source,
                "articles": totals.articles,
                "scored": totals.scored,
                "errors": totals.articles - totals.scored,
                "languages": _languages(totals.languages),
                "quality_mean": float(quality.mean()) if len(quality) else math.nan,
                "quality_median": float(np.median(quality)) if len(quality) else math.nan,
                "quality_ci_low": low,
                "quality_ci_high": high,
            }
            for column in self.dimension_columns:
                exact, count = totals.dimensions.get(column, (_ExactSum(), [0]))
                row[column.removeprefix("dim_") + "_mean"] = exact.value / count[0] if count[0] else math.nan
            row.update(_pooled(totals.sums))
            sums = totals.sums
            row["findings_per_1k_words"] = 1000 * sums.get("findings", 0.0) / words if words else math.nan
            defects = sums.get("n_error", 0.0) + sums.get("n_warning", 0.0)
            row["defects_per_1k_words"] = 1000 * defects / words if words else math.nan
            row["error_finding_share"] = totals.with_errors / totals.articles
            for column in codes:
                row["per_1k_" + column[2:]] = 1000 * sums.get(column, 0.0) / words if words else math.nan
            row["top_rules"] = _top_rules({column[2:]: int(sums.get(column, 0)) for column in codes})
            row.update(dominant_kinds({c: v for c, v in sums.items() if _KIND_COUNT.match(c)}))
            rows.append(row)
        report = pd.DataFrame(rows)
        # A source none of whose articles could be scored has no quality to rank: no rank, listed last.
        report["rank"] = report["quality_mean"].rank(ascending=False, method="min", na_option="keep").astype("Int64")
        report["rank_best"], report["rank_worst"] = rank_ranges(report["quality_ci_low"], report["quality_ci_high"])
        return report.sort_values(["rank", "source"], kind="stable", na_position="last").reset_index(drop=True)
