"""Charts of a report, as matplotlib figures: for notebooks, and (as inline SVG) for the HTML report.

    fig = quality.plot.ranking(report)       # report = quality.source_report(scores)
    fig = quality.plot.dimensions(report)
    fig = quality.plot.rules(findings, scores)   # per 1,000 words; without scores, counts

Each mark that stands for a source carries an SVG id (``ranking-bar-3``, ``heat-3-1``,
``rules-3-TRN``) and a tooltip, so that :func:`svg` output can be checked in a browser and read
by hovering, without JavaScript. Figures are built without pyplot (no global state, no GUI
backend), and :func:`svg` writes the same bytes for the same figure.
"""

from __future__ import annotations

import io
import math
import re
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Iterator, Sequence
from xml.sax.saxutils import escape

from quality.config import DEFAULT_WEIGHTS
from quality.rules import FAMILIES, FAMILY_SUMMARIES, RULES

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

# Charts show at most this many sources: the best and the worst half each, when there are more
# (the HTML report's tables list them all). A ranking of 500 bars is a wall, not a picture.
MAX_SOURCES = 40
# Okabe and Ito's palette: told apart by readers with any common colour-vision deficiency.
FAMILY_COLOURS = {
    "MOJ": "#D55E00", "TRN": "#0072B2", "BPL": "#E69F00", "ATT": "#009E73",
    "LNG": "#CC79A7", "RDB": "#56B4E9", "INP": "#000000",
}  # fmt: skip
DIMENSION_LABELS = {
    "encoding_integrity": "encoding integrity", "translation_fluency": "translation fluency",
    "cleanliness": "cleanliness", "sourcing": "sourcing", "language": "language", "readability": "readability",
}  # fmt: skip
_LABEL_CHARS = 28  # longer source names are cut with an ellipsis on the axis


@contextmanager
def _style() -> Iterator[None]:
    """Settings under which every chart is built and written: text stays text in the SVG (no
    glyph outlines, no mathtext reading of ``$`` in a source's name), and ids are stable."""
    from matplotlib import rc_context

    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "quality", "text.parse_math": False, "font.size": 9, "axes.titlesize": 10}):
        yield


def _shown_sources(report: pd.DataFrame) -> pd.DataFrame:
    """The report's scored sources in rank order, cut to :data:`MAX_SOURCES` (best and worst)."""
    scored = report[report["quality_mean"].notna()].reset_index(drop=True)
    if len(scored) <= MAX_SOURCES:
        return scored
    half = MAX_SOURCES // 2
    return scored.iloc[list(range(half)) + list(range(len(scored) - half, len(scored)))].reset_index(drop=True)


def _label(name: object) -> str:
    text = str(name)
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1] + "…"


def _figure(rows: int, width: float = 7.5) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, 1.1 + 0.28 * max(rows, 1)), layout="constrained")


def ranking(report: pd.DataFrame) -> Figure:
    """Each source's mean quality (dot) and 95% interval (bar), best first, with its number of
    articles: a wide bar is a source the data says little about."""
    with _style():
        shown = _shown_sources(report)
        fig = _figure(len(shown))
        ax = fig.add_subplot()
        for position, row in shown.iterrows():
            low, high, mean = float(row["quality_ci_low"]), float(row["quality_ci_high"]), float(row["quality_mean"])
            bar = ax.barh(position, high - low, left=low, height=0.55, color="#9ecae1", edgecolor="#3182bd")[0]
            bar.set_gid(f"ranking-bar-{position}")
            ax.plot([mean], [position], "o", color="#08306b", markersize=4)
            ax.annotate(f"n={int(row['articles'])}", (1.0, position), xytext=(4, 0), textcoords="offset points", va="center", fontsize=8, annotation_clip=False)
        ax.set_yticks(range(len(shown)), [_label(s) for s in shown["source"]])
        ax.set_ylim(len(shown) - 0.5, -0.5)
        low_end = float(shown["quality_ci_low"].min()) if len(shown) else 0.0
        ax.set_xlim(max(0.0, math.floor(low_end * 20) / 20 - 0.05), 1.0)
        ax.set_xlabel("article quality, 0–1 (dot: mean; bar: 95% interval)")
        ax.set_title(_cut_title("Sources by quality", len(report[report["quality_mean"].notna()])))
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        fig.quality_tooltips = {  # type: ignore[attr-defined]
            f"ranking-bar-{p}": f"{r['source']}: {r['quality_mean']:.3f} [{r['quality_ci_low']:.3f}–{r['quality_ci_high']:.3f}], {int(r['articles'])} articles"
            for p, r in shown.iterrows()
        }
    return fig


def _cut_title(title: str, sources: int) -> str:
    return title if sources <= MAX_SOURCES else f"{title} (the best and worst {MAX_SOURCES // 2} of {sources})"


def dimensions(report: pd.DataFrame) -> Figure:
    """A heat map of sources (rows, in rank order) by quality dimension (columns), each cell
    its mean score: which kind of defect pulls each outlet down."""
    from matplotlib import colormaps
    from matplotlib.colors import Normalize
    from matplotlib.patches import Rectangle

    with _style():
        shown = _shown_sources(report)
        names = [name for name in DEFAULT_WEIGHTS if f"{name}_mean" in shown.columns]
        fig = _figure(len(shown), width=7.5)
        ax = fig.add_subplot()
        values = shown[[f"{name}_mean" for name in names]].to_numpy(dtype=float) if names else []
        finite = [v for row in values for v in row if not math.isnan(v)]
        norm = Normalize(vmin=min(0.5, min(finite, default=0.5)), vmax=1.0)
        colours = colormaps["RdYlBu"]
        tooltips = {}
        for i, row in enumerate(values):
            for j, value in enumerate(row):
                gid = f"heat-{i}-{j}"
                missing = math.isnan(value)
                cell = Rectangle((j, i), 1, 1, facecolor="#f0f0f0" if missing else colours(norm(value)), edgecolor="white", linewidth=1.5)
                cell.set_gid(gid)
                ax.add_patch(cell)
                shade = 0.0 if missing else norm(value)
                ax.text(j + 0.5, i + 0.5, "–" if missing else f"{value:.2f}", ha="center", va="center", fontsize=8, color="white" if shade < 0.2 or shade > 0.85 else "black")
                label = "not measured" if missing else f"{value:.3f}"
                tooltips[gid] = f"{shown['source'].iloc[i]}, {DIMENSION_LABELS.get(names[j], names[j])}: {label}"
        ax.set_xlim(0, len(names))
        ax.set_ylim(len(shown), 0)
        ax.set_xticks([j + 0.5 for j in range(len(names))], [DIMENSION_LABELS.get(n, n).replace(" ", "\n") for n in names])
        ax.set_yticks([i + 0.5 for i in range(len(shown))], [_label(s) for s in shown["source"]])
        ax.tick_params(length=0)
        ax.xaxis.tick_top()
        for side in ax.spines.values():
            side.set_visible(False)
        ax.set_title(_cut_title("Mean score by dimension (1 = clean)", len(report[report["quality_mean"].notna()])), pad=24)
        fig.colorbar(_colour_scale(colours, norm), ax=ax, shrink=0.8, pad=0.02)
        fig.quality_tooltips = tooltips  # type: ignore[attr-defined]
    return fig


def _colour_scale(colours: Any, norm: Any) -> Any:
    from matplotlib.cm import ScalarMappable

    return ScalarMappable(norm=norm, cmap=colours)


def rule_rates(findings: pd.DataFrame, scores: pd.DataFrame | None = None, min_severity: str = "warning") -> pd.DataFrame:
    """Findings at or above ``min_severity`` per source and rule family: per 1,000 words when
    the article table ``scores`` gives the words (its scored articles'), else counts. One row
    per source, one column per family prefix, families in registry order."""
    import pandas as pd

    from quality.model import Severity

    kept = findings[findings["severity"].map(lambda s: Severity(s).rank >= Severity(min_severity).rank)]
    counts = pd.crosstab(kept["source"], kept["rule"].str[:3]) if len(kept) else pd.DataFrame()
    sources = sorted(set(findings["source"]) | (set(scores["source"]) if scores is not None else set()), key=str)
    counts = counts.reindex(index=sources, columns=[f for f in FAMILIES if f in counts.columns], fill_value=0)
    if scores is None:
        return counts.astype(float)
    scored = scores[scores["error"].isna()] if "error" in scores else scores
    words = scored.groupby("source")["words"].sum().reindex(sources).astype(float)
    return counts.div(words.where(words > 0), axis=0) * 1000


def rules(findings: pd.DataFrame, scores: pd.DataFrame | None = None, order: Sequence[str] | None = None, min_severity: str = "warning") -> Figure:
    """Stacked bars: each source's warnings and errors per 1,000 words (or counts, without the
    article table ``scores``), split by rule family, with a legend that says what each family
    means. ``order`` lists the sources top to bottom (default: most findings first)."""
    with _style():
        rates = rule_rates(findings, scores, min_severity).fillna(0.0)
        if order is not None:
            rates = rates.reindex([s for s in order if s in rates.index], fill_value=0.0)
        else:
            rates = rates.loc[rates.sum(axis=1).sort_values(ascending=False, kind="stable").index]
        if len(rates) > MAX_SOURCES:
            half = MAX_SOURCES // 2
            rates = rates.iloc[list(range(half)) + list(range(len(rates) - half, len(rates)))]
        fig = _figure(len(rates) + 2)
        ax = fig.add_subplot()
        per = "per 1,000 words" if scores is not None else "findings"
        tooltips = {}
        left = [0.0] * len(rates)
        for family in rates.columns:
            widths = rates[family].tolist()
            bars = ax.barh(range(len(rates)), widths, left=left, height=0.6, color=FAMILY_COLOURS.get(family, "#999999"), label=f"{family} {FAMILIES[family]}: {FAMILY_SUMMARIES[family]}")
            for position, (bar, width) in enumerate(zip(bars, widths)):
                gid = f"rules-{position}-{family}"
                bar.set_gid(gid)
                tooltips[gid] = f"{rates.index[position]}, {FAMILIES[family]}: {width:.2f} {per}"
            left = [a + b for a, b in zip(left, widths)]
        ax.set_yticks(range(len(rates)), [_label(s) for s in rates.index])
        ax.set_ylim(len(rates) - 0.5, -0.5)
        ax.set_xlabel(f"{min_severity}s and worse, {per}" if min_severity != "info" else f"findings, {per}")
        ax.set_title("Defects by rule family")
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        if len(rates.columns):
            fig.legend(loc="outside lower center", ncols=1, frameon=False, fontsize=8)
        fig.quality_tooltips = tooltips  # type: ignore[attr-defined]
    return fig


def svg(fig: Figure) -> str:
    """The figure as an ``<svg>`` element to inline in HTML: no XML prologue, scaled to its
    container, and a ``<title>`` (the tooltip browsers show) inside every mark that has one."""
    buffer = io.StringIO()
    with _style():
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r'<svg([^>]*?) width="[\d.]+pt" height="[\d.]+pt"', r'<svg\1 class="chart" role="img"', text, count=1)
    for gid, tooltip in getattr(fig, "quality_tooltips", {}).items():
        text = text.replace(f'<g id="{gid}">', f'<g id="{gid}" class="mark"><title>{escape(tooltip)}</title>', 1)
    return text


def rule_legend(codes: Sequence[str]) -> list[tuple[str, str, str]]:
    """``(code, name, summary)`` of the given rules, in code order, for a chart's legend table."""
    return [(code, RULES[code].name, RULES[code].summary) for code in sorted(set(codes)) if code in RULES]
