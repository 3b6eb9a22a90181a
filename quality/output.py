"""Writing tables: terminal table, CSV, JSONL, Parquet and Markdown. I/O lives here and in cli."""

from __future__ import annotations

import io
import json
import math
from typing import Any, TextIO

import pandas as pd

from quality.load import printable_path

FORMATS = ("table", "csv", "jsonl", "parquet", "markdown")
# Columns that hold names (ids made of file paths, folder names, errors naming their file): the
# formats people read show them through printable_path, so that a name holding a newline or a
# terminal escape stays one harmless cell. CSV, JSONL and Parquet keep them exact: their quoting
# holds any character.
NAME_COLUMNS = ("id", "source", "error")


def _plain(value: Any) -> Any:
    """JSON-safe scalars: NaN becomes null, numpy numbers become Python numbers."""
    if value is None:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def to_jsonl(frame: pd.DataFrame) -> str:
    lines = [json.dumps({k: _plain(v) for k, v in record.items()}, ensure_ascii=False, sort_keys=False) for record in frame.to_dict("records")]
    return "".join(line + "\n" for line in lines)


def to_markdown(frame: pd.DataFrame, digits: int = 3) -> str:
    def cell(value: Any) -> str:
        value = _plain(value)
        if value is None:
            return ""
        if isinstance(value, float):
            return f"{value:.{digits}f}"
        return str(value).replace("|", "\\|").replace("\n", " ")

    frame = _names_printable(frame)
    header = "| " + " | ".join(map(str, frame.columns)) + " |"
    rule = "|" + "|".join("---:" if pd.api.types.is_numeric_dtype(frame[c]) else "---" for c in frame.columns) + "|"
    body = ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([header, rule, *body]) + "\n"


def to_table(frame: pd.DataFrame, columns: list[str] | None = None, digits: int = 3, max_colwidth: int = 60) -> str:
    """A readable fixed-width table for a terminal; long cells are cut with an ellipsis."""
    shown = frame[[c for c in columns if c in frame.columns]] if columns else frame
    if shown.empty:
        return "(no rows)\n"
    shown = _names_printable(shown)
    for column in shown.columns:
        if shown[column].dtype == object:
            shown[column] = shown[column].map(lambda v: "" if v is None else (str(v).replace("\n", "⏎")[: max_colwidth - 1] + "…" if len(str(v)) > max_colwidth else str(v).replace("\n", "⏎")))
    return shown.to_string(index=False, float_format=lambda v: f"{v:.{digits}f}", na_rep="") + "\n"


def _names_printable(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose :data:`NAME_COLUMNS` are shown through :func:`printable_path`."""
    shown = frame.copy()
    for column in NAME_COLUMNS:
        if column in shown.columns:
            shown[column] = shown[column].map(lambda v: printable_path(v) if isinstance(v, str) else v)
    return shown


def write_frame(frame: pd.DataFrame, fmt: str, stream: TextIO | None = None, path: str | None = None, table_columns: list[str] | None = None) -> None:
    """Write ``frame`` in ``fmt`` to ``path`` (or ``stream``). Parquet needs a path."""
    if fmt == "parquet":
        if not path:
            raise ValueError("--format parquet needs --output FILE")
        frame.to_parquet(path, index=False)
        return
    if fmt == "csv":
        buffer = io.StringIO()
        frame.to_csv(buffer, index=False, lineterminator="\n")
        text = buffer.getvalue()
    elif fmt == "jsonl":
        text = to_jsonl(frame)
    elif fmt == "markdown":
        text = to_markdown(frame)
    elif fmt == "table":
        text = to_table(frame, table_columns)
    else:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if path:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    elif stream is not None:
        stream.write(text)
