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
from typing import TYPE_CHECKING, Mapping

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
    from scipy.special import stdtrit  # the Student t quantile; a third of scipy.stats' import time

    dof = PRIOR_DOF + n - 1
    variance = (PRIOR_DOF * prior_sd**2 + (n - 1) * sample_var) / dof
    half = float(stdtrit(dof, 0.5 + level / 2)) * math.sqrt(variance / n)
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


_KIND_COUNT = re.compile(r"^(?P<detector>translation)_n_(?P<kind>[a-z_]+)$")  # detectors that count findings by kind


def dominant_kinds(group: pd.DataFrame) -> dict[str, str | None]:
    """For each detector that counts its findings by kind (metrics ``DETECTOR_n_KIND``, today
    the translation detector), the kind with the most findings in these articles:
    ``translation_dominant_kind`` = "join"."""
    from pandas.api.types import is_numeric_dtype

    totals: dict[str, dict[str, float]] = {}
    for column in group.columns:
        match = _KIND_COUNT.match(column)
        if match and is_numeric_dtype(group[column]):
            totals.setdefault(match["detector"], {})[match["kind"]] = float(group[column].fillna(0).sum())
    return {f"{detector}_dominant_kind": dominant_kind(kinds) for detector, kinds in sorted(totals.items())}


SOURCE_KINDS = ("person", "organisation", "media", "anonymous")


def _sourcing_mix(group: pd.DataFrame) -> dict[str, float]:
    """Pooled attribution density and source-kind shares of one source's articles (counts are
    summed before dividing, so long articles weigh by their sentences, as a reader meets them)."""
    if "attribution_claims" not in group:
        return {}
    claims = float(group["attribution_claims"].fillna(0).sum())
    attributed = float(group["attribution_attributed"].fillna(0).sum())
    mix = {"attribution_density": attributed / claims if claims else math.nan}
    for kind in SOURCE_KINDS:
        column = f"attribution_n_{kind}"
        count = float(group[column].fillna(0).sum()) if column in group else 0.0
        mix[f"source_share_{kind}"] = count / attributed if attributed else math.nan
    return mix


def _top_rules(group: pd.DataFrame, count_columns: list[str], most: int = 3) -> str:
    """The source's most frequent warning- and error-level rules, e.g. ``"BPL001 ×5, TRN004 ×2"``:
    which kinds of defect dominate an outlet, at a glance."""
    from quality.rules import RULES

    counts = {c[2:]: int(group[c].sum()) for c in count_columns if c[2:] in RULES and RULES[c[2:]].severity.rank > 0}
    ranked = sorted(((n, code) for code, n in counts.items() if n > 0), key=lambda item: (-item[0], item[1]))
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
    import numpy as np
    import pandas as pd

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
        row.update(_sourcing_mix(group))
        row["findings_per_1k_words"] = 1000 * float(group["findings"].sum()) / words if words else math.nan
        defects = float(group["n_error"].sum() + group["n_warning"].sum())
        row["defects_per_1k_words"] = 1000 * defects / words if words else math.nan
        row["error_finding_share"] = float((group["n_error"] > 0).mean())
        for column in count_columns:
            row["per_1k_" + column[2:]] = 1000 * float(group[column].sum()) / words if words else math.nan
        row["top_rules"] = _top_rules(group, count_columns)
        row.update(dominant_kinds(group))
        rows.append(row)
    report = pd.DataFrame(rows)
    # A source none of whose articles could be scored has no quality to rank: no rank, listed last.
    report["rank"] = report["quality_mean"].rank(ascending=False, method="min", na_option="keep").astype("Int64")
    report["rank_best"], report["rank_worst"] = rank_ranges(report["quality_ci_low"], report["quality_ci_high"])
    return report.sort_values(["rank", "source"], kind="stable", na_position="last").reset_index(drop=True)
