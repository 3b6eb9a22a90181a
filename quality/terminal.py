"""Tables and lines for a person at a terminal: the ``table`` format of ``score`` and ``findings``.

Files for programs (CSV, JSONL, Parquet) keep every column; what a terminal shows is chosen to fit
its width (``COLUMNS``, else the terminal's, else 80), laid out by rich:

- the source report, compact: rank, source, articles, quality with its 95% interval, the weakest
  dimension and the top rules by name; ``wide=True`` shows every summary column instead. A rank
  is a range (``1–3``) when the intervals overlap so that the data cannot order those sources;
- the article table, with long ids and errors cut with an ellipsis;
- findings as lint-style lines, ``ID:LINE:COL: CODE [severity] message “evidence”``.

Names (ids, sources, errors) go through :func:`~quality.load.printable_path`, so that a file name
holding a newline or a terminal escape stays one harmless cell.
"""

from __future__ import annotations

import io
import math
import re
import shutil
import textwrap
from dataclasses import dataclass
from typing import Any, Sequence

import pandas as pd

from quality.load import printable_path
from quality.output import NAME_COLUMNS

DEFAULT_WIDTH = 80
EVIDENCE_WIDTH = 40  # characters of a finding's evidence shown on its line before it is cut

# The summary columns of the wide report, in order: quality, then each dimension it is built
# from (so that quality_mean can be rebuilt from what is shown), then the counts behind them.
WIDE_REPORT_COLUMNS = [
    "rank", "source", "articles", "errors", "quality_mean", "quality_ci_low", "quality_ci_high",
    "encoding_integrity_mean", "translation_fluency_mean", "cleanliness_mean", "sourcing_mean",
    "language_mean", "readability_mean", "translation_dominant_kind", "attribution_density",
    "defects_per_1k_words", "error_finding_share", "top_rules",
]  # fmt: skip
ARTICLE_COLUMNS = ["id", "source", "words", "quality", "findings", "n_error", "n_warning", "error"]
# Each dimension's mean column, and the short word the compact report calls it by.
DIMENSIONS = {
    "encoding_integrity": "encoding", "translation_fluency": "translation", "cleanliness": "cleanliness",
    "sourcing": "sourcing", "language": "language", "readability": "readability",
}  # fmt: skip
_TOP_RULE = re.compile(r"(?P<code>[A-Z]{3}\d{3}) ×(?P<count>\d+)")


def terminal_width() -> int:
    """``COLUMNS`` if set, else the terminal's width, else 80 (a pipe or a file)."""
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns


def report_table(report: pd.DataFrame, width: int | None = None, wide: bool = False) -> str:
    """The source report for a terminal: a table, then a legend that says how to read it."""
    if report.empty:
        return "(no sources)\n"
    width = width or terminal_width()
    if wide:
        shown = report.assign(rank=[rank_range_text(row) for row in report.to_dict("records")])
        return frame_table(shown, WIDE_REPORT_COLUMNS, width=None) + _legend(report, width, wide=True)
    headers = ["rank", "source", "articles", "quality", "weakest", "top rules"]
    records = report.to_dict("records")
    rows = [[rank_range_text(row), printable_path(str(row["source"])), _articles(row), quality_text(row), weakest_text(row)] for row in records]
    # Rules by name when the names fit beside the other columns; else by code, named in a key.
    top_rules = [_top_rules(str(row.get("top_rules") or "")) for row in records]
    others = sum(max(len(header), *(len(row[i]) for row in rows)) for i, header in enumerate(headers[:-1])) + _GAP * (len(headers) - 1)
    room = width - others
    by_name = max((len(_named(code, count)) for entries in top_rules for code, count in entries), default=0) <= room
    for row, entries in zip(rows, top_rules):
        shown = [_named(code, count) if by_name else f"{code} ×{count}" for code, count in entries]
        row.append(", ".join(shown) if len(", ".join(shown)) <= room else ",\n".join(shown))  # one rule a line
    layout = [
        Column("rank", numeric=True), Column("source", whole=True), Column("articles", numeric=True),
        Column("quality", wraps=True), Column("weakest", wraps=True), Column("top rules", wraps=True),
    ]  # fmt: skip
    table = _render(layout, rows, width)
    key = "" if by_name else _rule_key([code for entries in top_rules for code, _ in entries], width)
    return table + key + _legend(report, width, wide=False)


def frame_table(frame: pd.DataFrame, columns: Sequence[str] | None = None, width: int | None = None, digits: int = 3) -> str:
    """Any frame as a table: numbers to ``digits`` places, blanks for missing values, names
    printable. With ``width``, text columns give way to fit it (ids and sources folded onto more
    lines, other text cut with an ellipsis) and empty columns are left out; with ``None``,
    nothing gives way (``--wide``: the reader asked for every column)."""
    shown = frame[[c for c in columns if c in frame.columns]] if columns else frame
    if shown.empty:
        return "(no rows)\n"
    if width is not None:  # space is short: a column with nothing in it (no errors) is left out
        shown = shown[[c for c in shown.columns if shown[c].notna().any() and (shown[c].astype(str) != "").any()]]
    headers = [str(c) for c in shown.columns]
    numeric = {str(c) for c in shown.columns if pd.api.types.is_numeric_dtype(shown[c]) and not pd.api.types.is_bool_dtype(shown[c])}
    rows = [[_name(value) if column in NAME_COLUMNS else _cell(value, digits) for column, value in zip(headers, record)] for record in shown.itertuples(index=False)]
    layout = [Column(h, numeric=h in numeric, whole=h in ("id", "source")) for h in headers]
    return _render(layout, rows, width)


def finding_lines(findings: pd.DataFrame) -> str:
    """Lint-style lines, one per finding: ``ID:LINE:COL: CODE [severity] message “evidence”``."""
    if findings.empty:
        return "(no findings)\n"
    lines = []
    for row in findings.to_dict("records"):
        where = f"{printable_path(str(row['id']))}:{_int(row.get('line'))}:{_int(row.get('col'))}:"
        message = " ".join(str(row.get("message") or "").split())
        evidence = " ".join(str(row.get("evidence") or "").split())
        if len(evidence) > EVIDENCE_WIDTH:
            evidence = evidence[: EVIDENCE_WIDTH - 1] + "…"
        quoted = f" “{printable_path(evidence)}”" if evidence and evidence not in message else ""
        lines.append(f"{where} {row['rule']} [{row['severity']}] {message}{quoted}")
    return "\n".join(lines) + "\n"


def story_lines(stories: pd.DataFrame) -> str:
    """The stories that more than one outlet carried, each with its articles in date order: who
    derived from whom and how much of each is its own; then how many single-outlet stories and
    unreadable articles the table has besides (the CSV or JSONL output lists every row)."""
    if stories.empty:
        return "(no articles)\n"
    lines = []
    read = stories[stories["story"].notna()]
    shared = read[read["outlets"] > 1]
    for story, group in shared.groupby("story", sort=False):  # in story_rows' order: S99999 before S100000
        first = group.iloc[0]
        lines.append(f"{story}  {printable_path(str(first['label']))}  ({len(group)} articles, {int(first['outlets'])} outlets)")
        sources = dict(zip(group["id"], group["source"]))
        for row in group.to_dict("records"):
            role = str(row["role"])
            if isinstance(row["origin"], str):
                role += f" of {printable_path(str(sources.get(row['origin'], row['origin'])))}"
            parts = [f"{_int(row['sentences'])} sentences"]
            grades = [f"{_int(row[g])} {g}" for g in ("verbatim", "edited", "reworded", "original") if row[g]]
            if grades:
                parts.append(", ".join(grades))
            if row["divergences"]:
                parts.append(f"{_int(row['divergences'])} divergence{'s' if row['divergences'] != 1 else ''} (quality findings --select STY)")
            date = row["date"] if isinstance(row["date"], str) else "undated"
            lines.append(f"  {date:<10}  {printable_path(str(row['source'])):<16}  {role:<28}  {'; '.join(parts)}")
        lines.append("")
    singles = read["story"][read["outlets"] <= 1].nunique()
    errors = int(stories["error"].notna().sum()) if "error" in stories else 0
    carried = shared["story"].nunique()
    summary = f"{carried} {'story' if carried == 1 else 'stories'} carried by more than one outlet; {singles} carried by one"
    lines.append(summary + (f"; {errors} articles could not be read" if errors else ""))
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------- cells


@dataclass(frozen=True)
class Column:
    """How a column gives way when the table is wider than the terminal."""

    header: str
    numeric: bool = False  # right-aligned and never cut
    whole: bool = False  # a name (id, source): folded onto more lines, never cut
    wraps: bool = False  # wrapped at spaces onto more lines (top rules, intervals)
    # Otherwise one line, cut with an ellipsis (an error message, also printed in full on stderr).


def _render(columns: list[Column], rows: list[list[str]], width: int | None) -> str:
    """Lay out a table with rich, at most ``width`` characters wide (``None``: as wide as it
    needs). When space is short the text columns give way from the last one back (the first
    columns say what a row is about), each down to the width of its header."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    widths = _fitted_widths(columns, rows, width)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    for column, size in zip(columns, widths):
        one_line = column.numeric or not (column.whole or column.wraps)
        table.add_column(
            column.header, width=size, justify="right" if column.numeric else "left",
            no_wrap=one_line, overflow="ellipsis" if one_line else "fold",
        )  # fmt: skip
    for row in rows:
        table.add_row(*row)
    buffer = io.StringIO()
    console = Console(file=buffer, width=sum(widths) + _GAP * len(widths), color_system=None, highlight=False, markup=False, emoji=False)
    console.print(table, crop=False)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


_GAP = 2  # characters between two columns


def _fitted_widths(columns: list[Column], rows: list[list[str]], width: int | None) -> list[int]:
    natural = [max([len(column.header)] + [len(line) for row in rows for line in row[i].splitlines()]) for i, column in enumerate(columns)]
    if width is None:
        return natural
    widths = list(natural)
    excess = sum(widths) + _GAP * (len(widths) - 1) - width
    for i in reversed(range(len(columns))):
        if excess <= 0:
            break
        if columns[i].numeric:
            continue
        floor = len(columns[i].header)
        if columns[i].wraps:  # wrapped at spaces: no narrower than its longest word
            floor = max([floor] + [len(word) for row in rows for word in row[i].split()])
        give = min(excess, widths[i] - floor)
        widths[i] -= max(give, 0)
        excess -= max(give, 0)
    return widths


def _cell(value: Any, digits: int) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _name(value: Any) -> str:
    return printable_path(value) if isinstance(value, str) else _cell(value, 3)


def _int(value: Any) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) else str(int(value))


def rank_range_text(row: dict[str, Any]) -> str:
    best, worst = row.get("rank_best"), row.get("rank_worst")
    if best is None or best is pd.NA or worst is pd.NA:
        return _int(row.get("rank"))
    return str(int(best)) if int(best) == int(worst) else f"{int(best)}–{int(worst)}"


def _articles(row: dict[str, Any]) -> str:
    errors = int(row.get("errors") or 0)
    return f"{int(row['articles'])}" + (f" ({errors} err)" if errors else "")


def quality_text(row: dict[str, Any]) -> str:
    mean, low, high = row.get("quality_mean"), row.get("quality_ci_low"), row.get("quality_ci_high")
    if mean is None or (isinstance(mean, float) and math.isnan(mean)):
        return "not scored"
    return f"{mean:.3f} [{low:.2f}–{high:.2f}]"


def weakest_text(row: dict[str, Any]) -> str:
    """The dimension with the lowest mean: where the source loses most."""
    means = {name: row.get(f"{name}_mean") for name in DIMENSIONS}
    known = {name: float(v) for name, v in means.items() if v is not None and not (isinstance(v, float) and math.isnan(v))}
    if not known:
        return ""
    name = min(known, key=lambda n: (known[n], list(DIMENSIONS).index(n)))
    return f"{DIMENSIONS[name]} {known[name]:.2f}"


def _top_rules(top_rules: str) -> list[tuple[str, str]]:
    """The report's ``BPL001 ×10, ATT002 ×6`` as ``[("BPL001", "10"), ("ATT002", "6")]``."""
    return [(match["code"], match["count"]) for match in _TOP_RULE.finditer(top_rules)]


def _named(code: str, count: str) -> str:
    """``BPL001 call-to-follow-or-share ×10``."""
    from quality.rules import RULES

    return " ".join(part for part in (code, RULES[code].name if code in RULES else "", f"×{count}") if part)


def _rule_key(codes: list[str], width: int) -> str:
    """The names of the rules shown by code, under a table too narrow to name them inline."""
    from quality.rules import RULES

    names = [f"{code}\u00a0{RULES[code].name}" for code in dict.fromkeys(sorted(codes)) if code in RULES]
    # textwrap breaks only at ASCII spaces: the no-break space keeps each code beside its name.
    lines = textwrap.wrap("rules: " + ", ".join(names) + ".", width=max(width, 40), break_on_hyphens=False)
    return "\n" + "\n".join(line.replace("\u00a0", " ") for line in lines) if names else ""


def _legend(report: pd.DataFrame, width: int, wide: bool) -> str:
    """What the numbers mean, under the table; wrapped to the width rather than cut."""
    parts = ["quality: 0–1, higher is better, [95% interval]"]
    if "rank_best" in report and (report["rank_best"] != report["rank_worst"]).fillna(False).any():
        parts.append("a rank like 1–3: intervals overlap, the order is not established")
    if not wide:
        parts.append("--wide: all columns")
    return "\n" + "\n".join(textwrap.wrap("; ".join(parts) + ".", width=max(width, 40), break_on_hyphens=False)) + "\n"
