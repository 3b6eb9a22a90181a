"""Reading articles: folders of text files, JSONL, CSV, Parquet and DataFrames.

A folder is read for ``.txt`` and ``.md`` files, recursively; each file's source is the first
folder under the one given, unless a ``manifest.csv`` or ``manifest.jsonl`` beside the files names
it (a ``file`` column plus any of ``source``, ``date``, ``url``, ``title``, ``language``). Tables
(``.jsonl``, ``.csv``, ``.parquet``) are read when named as paths, one article per row.

Loaders yield :class:`~quality.model.Article` or :class:`~quality.pipeline.LoadError`; they never
raise for one bad input, so a batch always reports every article it was given.

Ids are stable: a file's path relative to the folder given, ``FILE:LINE`` for a JSONL record,
``FILE:ROW`` for a CSV or Parquet row (unless an id column is named), the index for a DataFrame.
"""

from __future__ import annotations

import codecs
import csv
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

import pandas as pd

from quality.model import Article
from quality.pipeline import LoadError

TEXT_SUFFIXES = (".txt", ".md")
TABLE_SUFFIXES = (".jsonl", ".csv", ".parquet")
MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")
METADATA = ("title", "url", "date", "language")

Item = Article | LoadError


@dataclass(frozen=True)
class Columns:
    """Column names in tabular input; every one is configurable from the CLI and the API."""

    text: str = "text"
    source: str = "source"
    id: str | None = None
    title: str = "title"
    url: str = "url"
    date: str = "date"
    language: str = "language"


class DecodeError(ValueError):
    pass


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes: UTF-8, or UTF-16/32 when a BOM says so (or the NUL pattern of
    BOM-less UTF-16 does). Anything else is refused with a message that says where and why:
    guessing a legacy codec would create the very mojibake this tool reports."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {codec} byte-order mark but is not valid {codec}: {exc.reason} at byte {exc.start + len(bom)}") from exc
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        sample = data[max(0, exc.start - 10) : exc.start + 10]
        if b"\x00" in data[:4096] and _looks_binary(data):
            raise DecodeError("binary file, not text") from exc
        raise DecodeError(f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} (near {sample!r}); save the file as UTF-8") from exc


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL in every other byte of mostly-ASCII text."""
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        return None
    even_nuls = head[0::2].count(0) / (len(head) / 2)
    odd_nuls = head[1::2].count(0) / (len(head) / 2)
    codec = "utf-16-be" if even_nuls > 0.4 and odd_nuls < 0.05 else "utf-16-le" if odd_nuls > 0.4 and even_nuls < 0.05 else None
    if codec is None:
        return None
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return None
    return codec


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13))
    return controls / max(1, len(head)) > 0.1


def load_paths(paths: Iterable[str | Path], columns: Columns = Columns()) -> Iterator[Item]:
    """Every article under ``paths``, in a stable order (sorted within each folder)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _load_folder(path, columns)
        elif path.is_file():
            yield from _load_file(path, path.name, _default_source(path), columns, {})
        else:
            yield LoadError(id=str(raw), source="unknown", message=f"no such file or folder: {raw}", origin=str(raw))


def _default_source(path: Path) -> str:
    return path.resolve().parent.name or "unknown"


def _load_folder(root: Path, columns: Columns) -> Iterator[Item]:
    files = sorted(p for p in root.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts))
    manifests: dict[Path, dict[str, dict[str, str]]] = {}
    found = False
    for path in files:
        if path.name in MANIFEST_NAMES:
            continue
        if path.suffix.lower() not in TEXT_SUFFIXES:
            continue  # tables in a folder may be anything (manifests, labels): name them as paths
        found = True
        relative = path.relative_to(root)
        if path.parent not in manifests:
            manifests[path.parent] = _read_manifest(path.parent)
        meta = manifests[path.parent].get(path.name, {})
        folder_source = relative.parts[0] if len(relative.parts) > 1 else root.resolve().name
        yield from _load_file(path, relative.as_posix(), meta.get("source") or folder_source, columns, meta)
    if not found:
        yield LoadError(id=str(root), source="unknown", message=f"no articles (.txt or .md files) under {root}", origin=str(root))


def _read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """``file`` → metadata from a manifest.csv or manifest.jsonl beside the files."""
    entries: dict[str, dict[str, str]] = {}
    csv_path, jsonl_path = folder / "manifest.csv", folder / "manifest.jsonl"
    if csv_path.is_file():
        with csv_path.open(encoding="utf-8-sig", newline="") as handle:
            records: Iterable[dict[str, Any]] = list(csv.DictReader(handle))
    elif jsonl_path.is_file():
        with jsonl_path.open(encoding="utf-8-sig") as handle:
            records = [json.loads(line) for line in handle if line.strip()]
    else:
        return entries
    for record in records:
        name = str(record.get("file") or "").strip()
        if name:
            entries[Path(name).name] = {k: str(v) for k, v in record.items() if k and isinstance(v, (str, int, float)) and v != "" and k != "file"}
    return entries


def _load_file(path: Path, id_: str, source: str, columns: Columns, meta: dict[str, str]) -> Iterator[Item]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from _load_jsonl(path, id_, source, columns)
            return
        if suffix in (".csv", ".parquet"):
            frame = pd.read_csv(path, dtype=object, keep_default_na=False, na_values=[""]) if suffix == ".csv" else pd.read_parquet(path)
            yield from articles_from_frame(frame, columns=columns, default_source=source, id_prefix=id_ + ":", origin=str(path))
            return
        text = decode_bytes(path.read_bytes())
    except (OSError, DecodeError, ValueError, ImportError) as exc:
        yield LoadError(id=id_, source=source, message=f"{path}: {exc}", origin=str(path))
        return
    yield Article(
        id=id_,
        source=source,
        text=text,
        origin=str(path),
        **{key: meta.get(key) for key in METADATA},
    )


def _load_jsonl(path: Path, id_: str, source: str, columns: Columns) -> Iterator[Item]:
    text = decode_bytes(path.read_bytes())
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield LoadError(id=f"{id_}:{number}", source=source, message=f"{origin}: malformed JSON: {exc.msg} at column {exc.colno}", origin=origin)
            continue
        if not isinstance(record, dict):
            yield LoadError(id=f"{id_}:{number}", source=source, message=f"{origin}: want a JSON object, got {type(record).__name__}", origin=origin)
            continue
        yield _article_from_record(record, columns, f"{id_}:{number}", source, origin)


def articles_from_frame(
    frame: pd.DataFrame,
    text: str | None = None,
    source: str | None = None,
    id: str | None = None,
    columns: Columns | None = None,
    default_source: str = "unknown",
    id_prefix: str = "",
    origin: str | None = None,
) -> list[Item]:
    """One item per row, in row order. A missing text column makes every row an error row."""
    columns = columns or Columns()
    columns = Columns(
        text=text or columns.text,
        source=source or columns.source,
        id=id or columns.id,
        title=columns.title,
        url=columns.url,
        date=columns.date,
        language=columns.language,
    )
    where = origin or "DataFrame"
    if columns.text not in frame.columns:
        message = f"{where}: no text column {columns.text!r} (columns: {', '.join(map(str, frame.columns))})"
        if len(frame.columns) == 1 and any(sep in str(frame.columns[0]) for sep in ";\t|"):
            message += "; the file may use another delimiter than ','"
        if id_prefix:  # a file: one error row for the file, not one per row
            return [LoadError(id=id_prefix.rstrip(":"), source=default_source, message=message, origin=origin)]
        # a DataFrame: one error row per input row, so that the output keeps the input's index
        return [LoadError(id=_row_id(index, position), source=default_source, message=message, origin=origin) for position, index in enumerate(frame.index)]
    items: list[Item] = []
    for position, (index, record) in enumerate(zip(frame.index, frame.to_dict("records"))):
        row_id = f"{id_prefix}{_row_id(index, position) if not id_prefix else position + 1}"
        items.append(_article_from_record(record, columns, row_id, default_source, f"{where} row {position + 1}"))
    return items


def _row_id(index: Any, position: int) -> str:
    return str(index) if index is not None else str(position)


def _article_from_record(record: dict[str, Any], columns: Columns, fallback_id: str, default_source: str, origin: str) -> Item:
    id_ = _clean(record.get(columns.id)) if columns.id else None
    source = _clean(record.get(columns.source)) or default_source
    text = record.get(columns.text)
    if not isinstance(text, str):
        shown = "missing" if text is None or (isinstance(text, float) and math.isnan(text)) else f"a {type(text).__name__} ({text!r:.40})"
        return LoadError(id=id_ or fallback_id, source=source, message=f"{origin}: text is {shown}, not a string", origin=origin)
    return Article(
        id=id_ or fallback_id,
        source=source,
        text=text,
        title=_clean(record.get(columns.title)),
        url=_clean(record.get(columns.url)),
        date=_clean(record.get(columns.date)),
        language=_clean(record.get(columns.language)),
        origin=origin,
    )


def _clean(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    return text or None
