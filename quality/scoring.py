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
from typing import Mapping

import numpy as np
import pandas as pd
from scipy import stats

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
    half = float(stats.t.ppf(0.5 + level / 2, dof)) * math.sqrt(variance / n)
    return max(0.0, mean - half), min(1.0, mean + half)


def pooled_sd(frame: pd.DataFrame) -> float:
    """Within-source standard deviation of article quality across the corpus."""
    scored = frame.dropna(subset=["quality"])
    groups = scored.groupby("source")["quality"]
    dof = int((groups.count() - 1).clip(lower=0).sum())
    if dof == 0:
        return PRIOR_SD_FLOOR * 4  # no within-source spread known: assume a broad 0.2
    ss = float(groups.apply(lambda s: ((s - s.mean()) ** 2).sum()).sum())
    return max(PRIOR_SD_FLOOR, math.sqrt(ss / dof))


_KIND_COUNT = re.compile(r"^(?P<detector>[a-z]+)_n_(?P<kind>[a-z_]+)$")


def dominant_kinds(group: pd.DataFrame) -> dict[str, str | None]:
    """For each detector that counts its findings by kind (metrics ``DETECTOR_n_KIND``), the
    kind with the most findings in these articles: ``translation_dominant_kind`` = "join"."""
    totals: dict[str, dict[str, float]] = {}
    for column in group.columns:
        match = _KIND_COUNT.match(column)
        if match and pd.api.types.is_numeric_dtype(group[column]):
            totals.setdefault(match["detector"], {})[match["kind"]] = float(group[column].fillna(0).sum())
    out: dict[str, str | None] = {}
    for detector, kinds in sorted(totals.items()):
        best = max(sorted(kinds), key=lambda k: kinds[k])
        out[f"{detector}_dominant_kind"] = best if kinds[best] > 0 else None
    return out


def source_report(scores: pd.DataFrame) -> pd.DataFrame:
    """One row per source from the article table of :func:`quality.score_frame`."""
    if scores.empty:
        return pd.DataFrame(columns=["source", "articles", "scored", "errors", "quality_mean", "rank"])
    dimension_columns = [c for c in scores.columns if c.startswith("dim_")]
    count_columns = sorted(c for c in scores.columns if c.startswith("n_") and c[2:5].isalpha() and c[2:5].isupper())
    prior = pooled_sd(scores)
    rows = []
    for source, group in scores.groupby("source", sort=True):
        quality = group["quality"].dropna().to_numpy(dtype=float)
        low, high = mean_interval(quality, prior)
        words = float(group.loc[group["error"].isna(), "words"].sum())
        row = {
            "source": source,
            "articles": len(group),
            "scored": int(group["error"].isna().sum()),
            "errors": int(group["error"].notna().sum()),
            "quality_mean": float(quality.mean()) if len(quality) else math.nan,
            "quality_median": float(np.median(quality)) if len(quality) else math.nan,
            "quality_ci_low": low,
            "quality_ci_high": high,
        }
        for column in dimension_columns:
            row[column.removeprefix("dim_") + "_mean"] = float(group[column].mean())
        row["findings_per_1k_words"] = 1000 * float(group["findings"].sum()) / words if words else math.nan
        row["error_finding_share"] = float((group["n_error"] > 0).mean())
        for column in count_columns:
            row["per_1k_" + column[2:]] = 1000 * float(group[column].sum()) / words if words else math.nan
        row.update(dominant_kinds(group))
        rows.append(row)
    report = pd.DataFrame(rows)
    report["rank"] = report["quality_mean"].rank(ascending=False, method="min", na_option="bottom").astype(int)
    return report.sort_values(["rank", "source"], kind="stable").reset_index(drop=True)
