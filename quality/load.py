"""Reading articles: folders of text files, JSONL, CSV, Parquet and DataFrames.

A folder is read for ``.txt`` and Markdown (``.md``, ``.markdown``, ...) files, recursively;
each file's source is the first folder under the one given, unless a ``manifest.csv`` or
``manifest.jsonl`` beside the files names it (a ``file`` column plus any of ``source``, ``date``,
``url``, ``title``, ``language``); a Markdown file's own front matter outranks both, as in
``quality lint``. Markdown is read as a reader sees it (:func:`quality.markdown.read_view`):
front matter, fenced code, comments, markup and soft line breaks become spaces, so offsets stay
the file's, lines and columns are counted on the file (``Article.layout``), and ``quality
score`` shows the evidence ``quality lint`` shows. Tables
(``.jsonl``, ``.csv``, ``.parquet``) are read when named as paths, one article per row.

Loaders yield :class:`~quality.model.Article` or :class:`~quality.model.LoadError`; they never
raise for one bad input, so a batch always reports every article it was given. The unit of
failure is as small as the format allows: one JSONL line, one CSV row, one text file. Whole-file
errors (an unreadable CSV header, a corrupt Parquet file) are one error row naming the file.

Decoding is strict on purpose. Text files must be UTF-8 (BOM optional), UTF-16 or UTF-32 (with a
BOM, or without one when the NUL pattern of mostly-ASCII text gives it away). Anything else —
Latin-1, binary data, NUL bytes inside UTF-8 — is refused with the byte offset, line and column:
guessing a legacy codec would create the very mojibake this tool reports.

Size limit: an article longer than ``max_chars`` characters (default
:data:`DEFAULT_MAX_ARTICLE_CHARS`, configurable as ``max_article_chars`` in ``[tool.quality]`` or
``--max-article-chars``) is refused with an error row. A file larger than four bytes per allowed
character is refused without being read, since no accepted encoding needs more.

Ids are stable: a file's path relative to the folder given (its name when the file itself is
given), ``FILE:LINE`` for a JSONL record, ``FILE:ROW`` for a CSV or Parquet row (unless an id
column is named), the index for a DataFrame. Ids that repeat are made unique by the pipeline
(see :func:`quality.pipeline.analyze`).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import sys
from contextlib import contextmanager
from decimal import Decimal
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from quality.markdown import MARKDOWN_SUFFIXES, is_markdown_name, prepare, view_of
from quality.suppress import file_suppressions
from quality.interrupts import stop_if_interrupted
from quality.config import DEFAULT_MAX_ARTICLE_CHARS
from quality.model import Article, LineIndex, LoadError, lone_cr_as_lf, too_large_message

if TYPE_CHECKING:  # pandas is imported where a table is read: a text-file run need not pay for it
    import pandas as pd

TEXT_SUFFIXES = (".txt", *MARKDOWN_SUFFIXES)
TABLE_SUFFIXES = (".jsonl", ".csv", ".parquet")
MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")
METADATA = ("title", "url", "date", "language")
MAX_BYTES_PER_CHAR = 4  # UTF-8, UTF-16 (surrogate pairs) and UTF-32 all need at most 4 bytes

# File signatures of formats people mistake for text (or export by accident); used only to name
# the format in the message once the bytes have already failed as text.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub, which are ZIP archives)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"\x28\xb5\x2f\xfd", "a zstd-compressed file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"PAR1", "a Parquet file (name it with a .parquet suffix)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "an executable"),
)

Item = Article | LoadError

# Lone surrogates: the range ``surrogateescape`` maps undecodable bytes to, and the whole range.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_SURROGATE = re.compile("[\ud800-\udfff]")

# What a name may hold that must not reach an output as it is: control characters (a newline
# starts a new line, or a new hunk in a diff; ESC starts a terminal command), the Unicode line and
# paragraph separators, and lone surrogates (the bytes of a name that are not UTF-8, as os.listdir
# and the command line give them), which no UTF-8 output can hold.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


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
    """The bytes are not text we accept; the message says where and why."""


class TooLarge(DecodeError):
    """The file holds (or must hold) more than ``max_article_chars`` characters."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16-LE: its BOM starts with FF FE too
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def text_encoding(data: bytes) -> tuple[bytes, str]:
    """(byte-order mark, codec) of a file's bytes: a BOM, then the NUL pattern of BOM-less
    UTF-16/32, else UTF-8. :func:`decode_bytes` decodes by it, and a repaired file is written
    back exactly as it was read: ``bom + text.encode(codec)``."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return bom, codec
    return b"", _bomless_wide(data) or "utf-8"


def decode_bytes(data: bytes, lenient_utf8: bool = False) -> str:
    """Decode a file's bytes: UTF-8, or UTF-16/32 when a BOM (or the NUL pattern of BOM-less
    mostly-ASCII text) says so (:func:`text_encoding`). Anything else raises
    :class:`DecodeError` naming the offset.

    With ``lenient_utf8`` invalid UTF-8 bytes become lone surrogates (``surrogateescape``) so
    that a table can refuse only the rows that hold them (see :func:`undecodable_at`).
    """
    bom, codec = text_encoding(data)
    if bom:
        if codec == "utf-8" and lenient_utf8:
            return data[len(bom) :].decode(codec, "surrogateescape")
        try:
            return data[len(bom) :].decode(codec)
        except UnicodeDecodeError as exc:
            where = _where(data, exc.start + len(bom))
            raise DecodeError(f"starts with a {codec} byte-order mark but is not valid {codec}: {exc.reason} at {where}") from exc
    if codec != "utf-8":  # BOM-less UTF-16/32, already decoded once by _bomless_wide
        return data.decode(codec)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        kind = _binary_kind(data)
        if kind:
            raise DecodeError(f"{kind}, not a text file") from exc
        if lenient_utf8:
            return data.decode("utf-8", "surrogateescape")
        raise DecodeError(_utf8_message(data, exc.start)) from exc


def _utf8_message(data: bytes, offset: int) -> str:
    sample = data[max(0, offset - 12) : offset + 12]
    return (
        f"not valid UTF-8: byte 0x{data[offset]:02x} at {_where(data, offset)} (near {sample!r}); "
        "the file is in another encoding (Latin-1 or Windows-1252?): save it as UTF-8"
    )


def _where(data: bytes, offset: int) -> str:
    """``byte N (line L)``: editors show lines, hex editors show offsets; give both."""
    line = data.count(b"\n", 0, offset) + 1
    return f"byte {offset} (line {line})"


def _bomless_wide(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a BOM: mostly-ASCII text shows NUL bytes in a fixed pattern
    (every other byte for UTF-16, three of four for UTF-32). Text without that pattern (CJK in
    BOM-less UTF-16) cannot be told from other bytes and is refused as not UTF-8."""
    head = data[:4096]
    if len(head) < 4 or not head.count(0):
        return None
    candidates = []
    if len(data) % 4 == 0:
        lanes = [head[i::4].count(0) / (len(head) / 4) for i in range(4)]
        if lanes[0] < 0.05 and min(lanes[1:]) > 0.9:
            candidates.append("utf-32-le")
        if lanes[3] < 0.05 and min(lanes[:3]) > 0.9:
            candidates.append("utf-32-be")
    if len(data) % 2 == 0:
        even_nuls = head[0::2].count(0) / (len(head) / 2)
        odd_nuls = head[1::2].count(0) / (len(head) / 2)
        if even_nuls > 0.4 and odd_nuls < 0.05:
            candidates.append("utf-16-be")
        if odd_nuls > 0.4 and even_nuls < 0.05:
            candidates.append("utf-16-le")
    for codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return codec
    return None


def _binary_kind(data: bytes) -> str | None:
    """A phrase naming binary data (``a PDF document``), or None when the bytes may be text."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    head = data[:4096]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in head and controls / max(1, len(head)) > 0.1:
        return "binary data"
    return None


def decode_text_file(data: bytes) -> str:
    """Decode an article file and refuse what is not text: NUL bytes, mostly control characters."""
    text = decode_bytes(data)
    first_nul = text.find("\x00")
    if first_nul >= 0:
        body = text.rstrip("\x00")
        padding = len(text) - len(body)
        if body.strip() and "\x00" not in body and _binary_kind(body.encode("utf-8", "surrogatepass")) is None:
            raise DecodeError(f"ends in {padding} NUL byte(s) of padding, typical of an interrupted download or copy: fetch the file again")
        kind = _binary_kind(data)
        if kind:
            raise DecodeError(f"{kind}, not a text file")
        line, col = LineIndex(text).line_col(first_nul)
        raise DecodeError(f"contains {text.count(chr(0))} NUL byte(s), the first at line {line}, column {col}: text files never hold NUL; the file is damaged or not text")
    if text:
        # Only C0 controls and DEL count: C1 controls (U+0080–U+009F) in decoded text are
        # Windows-1252 punctuation read as Latin-1, i.e. mojibake, which MOJ reports and
        # ``quality fix`` repairs; refusing the file would hide exactly that defect.
        controls = sum(1 for ch in text[:4096] if (ch < " " or ch == "\x7f") and ch not in "\t\n\r\f")
        if controls / min(len(text), 4096) > 0.1:
            raise DecodeError(f"binary data: {controls} control characters in the first {min(len(text), 4096)}, not a text file")
    return text


def oversized(size: int, max_chars: int | None) -> str | None:
    """The refusal for a file of ``size`` bytes that must hold more than ``max_chars``
    characters in any encoding we accept, else None: such a file is refused unread."""
    if max_chars is not None and size > MAX_BYTES_PER_CHAR * max_chars + len(codecs.BOM_UTF32_LE):
        return f"{size:,} bytes hold more than {max_chars:,} characters in any encoding: {too_large_message(None, max_chars)}"
    return None


def decode_article(data: bytes, max_chars: int | None) -> str:
    """A text file's article: :func:`decode_text_file`, then refused (:class:`TooLarge`) when
    longer than ``max_chars``."""
    text = decode_text_file(data)
    if max_chars is not None and len(text) > max_chars:
        raise TooLarge(too_large_message(len(text), max_chars))
    return text


def read_article_file(path: Path, max_chars: int | None) -> tuple[bytes, str]:
    """A text file's bytes and its article (:func:`decode_article`); a file too large for
    ``max_chars`` in any encoding is refused from its size, unread. The one way every command
    reads an article file, so that none accepts what another refuses."""
    refusal = oversized(path.stat().st_size, max_chars)
    if refusal:
        raise TooLarge(refusal)
    data = path.read_bytes()
    return data, decode_article(data, max_chars)


def undecodable_at(text: str) -> int | None:
    """Offset of the first byte that ``surrogateescape`` smuggled in, or None."""
    match = _ESCAPED_BYTE.search(text)
    return match.start() if match else None


def lone_surrogate_at(text: str) -> int | None:
    """Offset of the first unpaired surrogate (from a JSON escape such as ``\\ud800``), or None.
    Such text is not valid Unicode: no result holding it could be written as UTF-8."""
    match = _SURROGATE.search(text)
    return match.start() if match else None


def printable_path(name: str) -> str:
    """``name`` as one line that every output can hold: a byte that is not UTF-8 as ``\\xe9``,
    control characters and line separators as ``\\n``, ``\\x1b``, ``\\u2028``. Ordinary names
    come back unchanged. Every command shows file names through it (stderr, tables, lint
    reports, diffs), so that a name cannot break a line, forge one, or stop the output."""
    return _UNPRINTABLE.sub(_escaped, name)


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    byte = _smuggled_byte(char)
    return f"\\x{byte:02x}" if byte is not None else char.encode("unicode_escape").decode("ascii")


def _smuggled_byte(char: str) -> int | None:
    """The byte that ``surrogateescape`` (os.listdir, the command line, lenient decoding) turned
    into ``char``, else None."""
    return ord(char) - 0xDC00 if _ESCAPED_BYTE.fullmatch(char) else None


def name_problem(name: str) -> str | None:
    """Why a path cannot be named in an output, else None: a name in it holds bytes that are not
    UTF-8 (see :func:`printable_path`, which shows it escaped)."""
    offset = lone_surrogate_at(name)
    if offset is None:
        return None
    byte = _smuggled_byte(name[offset])
    what = f"byte 0x{byte:02x}" if byte is not None else f"U+{ord(name[offset]):04X}"
    return f"the name is not valid UTF-8 ({what}), which no report can hold: rename it"


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def load_paths(
    paths: Iterable[str | Path],
    columns: Columns = Columns(),
    max_chars: int | None = DEFAULT_MAX_ARTICLE_CHARS,
) -> Iterator[Item]:
    """Every article under ``paths``, in a stable order: paths in the order given, files sorted
    by name within each folder (so the order of entries on disk never matters)."""
    for raw in paths:
        for item in _load_path(raw, columns, max_chars):
            yield _named_in_utf8(item)


def load_file_as(path: str | Path, name: str, columns: Columns = Columns(), max_chars: int | None = DEFAULT_MAX_ARTICLE_CHARS) -> Iterator[Item]:
    """The articles of the file at ``path`` as if it were called ``name`` (its ids, and its
    format by the suffix): standard input, copied to a temporary file, reads as ``stdin.jsonl``."""
    for item in _load_file(Path(path), name, "stdin", columns, {}, max_chars):
        item = replace(item, origin=(item.origin or "").replace(str(path), name) or None)
        if isinstance(item, LoadError):
            item = replace(item, message=item.message.replace(str(path), name))
        yield _named_in_utf8(item)


def _load_path(raw: str | Path, columns: Columns, max_chars: int | None) -> Iterator[Item]:
    path = Path(raw)
    if path.is_dir():
        yield from _load_folder(path, columns, max_chars)
    elif path.is_file():
        yield from _load_file(path, path.name, _default_source(path), columns, {}, max_chars)
    elif path.exists():
        yield LoadError(id=str(raw), source="unknown", message=f"{raw}: not a regular file or folder", origin=str(raw))
    else:
        yield LoadError(id=str(raw), source="unknown", message=f"no such file or folder: {raw}", origin=str(raw))


def _named_in_utf8(item: Item) -> Item:
    """``item``, or an error row when its id, source or origin holds a name that is not UTF-8
    (:func:`name_problem`): such a name would stop every output, which is UTF-8, so the row
    names it escaped and the batch goes on. An error row keeps its own reason."""
    problem = next(filter(None, map(name_problem, (item.id, item.source, item.origin or ""))), None)
    if problem is None:
        return item
    origin = printable_path(item.origin or item.id)
    message = printable_path(item.message) if isinstance(item, LoadError) else f"{origin}: {problem}"
    return LoadError(id=printable_path(item.id), source=printable_path(item.source), message=message, origin=origin)


@dataclass(frozen=True)
class PathProblem:
    """A path named that gave nothing to read: missing, a special file, a folder without the
    files asked for or one that cannot be listed (``quality fix``, ``quality lint``)."""

    path: str  # as shown
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def not_regular(path: Path) -> str:
    """Why a path that exists (or is a link) gives no file to read. Special files are refused:
    reading a FIFO would wait forever."""
    return "a broken symbolic link" if path.is_symlink() and not path.exists() else "not a regular file"


def text_files_under(folder: Path, noun: str, shown: Callable[[Path], str] = str) -> tuple[list[Path], list[PathProblem]]:
    """The ``.txt`` and Markdown files under ``folder``, walked as the loader walks it, and the
    problems: each sub-folder that cannot be listed, and a folder holding none of those files
    (``no NOUN (.txt, ...) in this folder``; a wrong path in CI would otherwise pass in
    silence). ``shown`` writes a path as the caller reports it."""
    files, failures = _walk(folder)
    problems = [PathProblem(shown(where), f"cannot read folder: {exc.strerror or exc}") for where, exc in failures]
    texts = [file for file in files if file.suffix.lower() in TEXT_SUFFIXES]
    if not texts and not failures:
        problems.append(PathProblem(shown(folder), f"no {noun} ({', '.join(TEXT_SUFFIXES)}) in this folder"))
    return texts, problems


def _default_source(path: Path) -> str:
    return path.resolve().parent.name or "unknown"


def _walk(root: Path) -> tuple[list[Path], list[tuple[Path, OSError]]]:
    """Files under ``root`` (hidden ones skipped), sorted; and folders that could not be read,
    which become error rows rather than silently missing articles. Symlinked folders are
    followed once each (a link back up the tree does not loop)."""
    files: list[Path] = []
    failures: list[tuple[Path, OSError]] = []
    seen: set[str] = set()

    def failed(exc: OSError) -> None:
        failures.append((Path(exc.filename or root), exc))

    for folder, dirs, names in os.walk(root, onerror=failed, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(Path(folder) / name for name in names if not name.startswith("."))
    return sorted(files, key=lambda p: p.relative_to(root).parts), failures


def _load_folder(root: Path, columns: Columns, max_chars: int | None) -> Iterator[Item]:
    """The articles of a folder: its text and Markdown files; or, when it holds none, its
    JSONL, CSV and Parquet files read as shards of one table (a corpus split into parts). Tables
    beside text articles are metadata (manifests, labels), not articles."""
    files, failures = _walk(root)
    manifests: dict[Path, tuple[dict[str, dict[str, str]], tuple[str, str] | None]] = {}
    found = False
    for folder, exc in failures:
        found = True
        where = folder.relative_to(root).as_posix() if folder.is_relative_to(root) else str(folder)
        yield LoadError(id=where + "/", source="unknown", message=f"{folder}: cannot read folder: {exc.strerror or exc}", origin=str(folder))
    articles = [path for path in files if path.name not in MANIFEST_NAMES and path.suffix.lower() in TEXT_SUFFIXES]
    if not articles:
        shards = [path for path in files if path.name not in MANIFEST_NAMES and path.suffix.lower() in TABLE_SUFFIXES]
        for path in shards:
            relative = path.relative_to(root)
            if not path.is_file():  # a broken link, a FIFO (reading one would wait forever)
                yield LoadError(id=relative.as_posix(), source="unknown", message=f"{path}: {not_regular(path)}", origin=str(path))
                continue
            source = relative.parts[0] if len(relative.parts) > 1 else root.resolve().name
            yield from _load_file(path, relative.as_posix(), source, columns, {}, max_chars)
        found = found or bool(shards)
    for path in articles:
        found = True
        relative = path.relative_to(root)
        if not path.is_file():  # a broken link, a FIFO (reading one would wait forever)
            yield LoadError(id=relative.as_posix(), source="unknown", message=f"{path}: {not_regular(path)}", origin=str(path))
            continue
        if path.parent not in manifests:
            manifests[path.parent] = read_manifest_checked(path.parent)
            entries, problem = manifests[path.parent]
            if problem:
                manifest_id, message = problem
                yield LoadError(id=(relative.parent / manifest_id).as_posix(), source="unknown", message=message, origin=str(path.parent / manifest_id))
        meta = manifests[path.parent][0].get(path.name, {})
        folder_source = relative.parts[0] if len(relative.parts) > 1 else root.resolve().name
        yield from _load_file(path, relative.as_posix(), meta.get("source") or folder_source, columns, meta, max_chars)
    if not found:
        yield LoadError(id=str(root), source="unknown", message=f"no articles (.txt or Markdown files, or .jsonl, .csv or .parquet shards) under {root}", origin=str(root))


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """``file`` → metadata from a manifest.csv or manifest.jsonl beside the files (what can be read)."""
    return read_manifest_checked(folder)[0]


def read_manifest_checked(folder: Path) -> tuple[dict[str, dict[str, str]], tuple[str, str] | None]:
    """``file`` → metadata from a manifest.csv or manifest.jsonl beside the files, and (manifest
    name, message) when the manifest is (partly) unreadable: the articles still load, with the
    folder's source, and the problem becomes an error row so that wrong sources are never silent."""
    entries: dict[str, dict[str, str]] = {}
    csv_path, jsonl_path = folder / "manifest.csv", folder / "manifest.jsonl"
    path = csv_path if csv_path.is_file() else jsonl_path if jsonl_path.is_file() else None
    if path is None:
        return entries, None
    records: list[dict[str, Any]] = []
    problems: list[str] = []
    try:
        text = decode_bytes(path.read_bytes())
    except (OSError, DecodeError) as exc:
        return entries, (path.name, f"{path}: cannot read manifest ({_reason(exc)}); its articles keep their folder's source")
    if path is csv_path:
        try:
            with _csv_field_limit():
                records = list(csv.DictReader(io.StringIO(text, newline="")))
        except csv.Error as exc:
            problems.append(str(exc))
    else:
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                record = json_record(line)
            except json.JSONDecodeError as exc:
                problems.append(f"line {number}: {json_problem(exc)}")
                continue
            except RecursionError:
                problems.append(f"line {number}: nested too deeply")
                continue
            if isinstance(record, dict):
                records.append(record)
            else:
                problems.append(f"line {number}: want a JSON object")
    for record in records:
        name = str(record.get("file") or "").strip()
        if name:
            entries[Path(name).name] = {k: str(v) for k, v in record.items() if k and isinstance(v, (str, int, float)) and v != "" and k != "file"}
    if not problems:
        return entries, None
    plural = "entry" if len(problems) == 1 else "entries"
    return entries, (path.name, f"{path}: {len(problems)} unreadable manifest {plural} (first: {problems[0]}); those articles keep their folder's source")


def _load_file(path: Path, id_: str, source: str, columns: Columns, meta: dict[str, str], max_chars: int | None) -> Iterator[Item]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from _load_jsonl(path, id_, source, columns)
            return
        if suffix == ".csv":
            yield from _load_csv(path, id_, source, columns)
            return
        if suffix == ".parquet":
            yield from _load_parquet(path, id_, source, columns)
            return
        _, text = read_article_file(path, max_chars)
        layout = None
        headings: tuple[tuple[int, int], ...] = ()
        if is_markdown_name(path.name):
            prose = prepare(text, markdown=True)
            suppressions, _ = file_suppressions(text, prose.excluded, markdown=True)
            layout, text, headings = text, view_of(prose), prose.headings  # the view keeps offsets
            # The file's own front matter outranks a manifest's entry, as in ``quality lint``.
            meta = {**meta, **prose.metadata}
            source = prose.metadata.get("source") or source
        else:
            suppressions, comments = file_suppressions(text, (), markdown=False)
            # Detectors read lines by LF and never see the directives; positions are still
            # counted on the file's own lines (same length, so offsets hold for both).
            reading = _blanked(lone_cr_as_lf(text), comments)
            if reading != text:
                layout, text = text, reading
    except Exception as exc:  # one unreadable file must not stop the batch, whatever the cause
        stop_if_interrupted(exc)
        yield LoadError(id=id_, source=source, message=f"{path}: {_reason(exc)}", origin=str(path))
        return
    metadata = {key: meta.get(key) for key in METADATA}
    yield Article(id=id_, source=source, text=text, origin=str(path), layout=layout, suppressions=suppressions, headings=headings, **metadata)


def _blanked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` (in order, apart) as spaces, line breaks kept:
    nothing moves."""
    pieces: list[str] = []
    position = 0
    for start, end in spans:
        pieces += [text[position:start], re.sub(r"[^\r\n]", " ", text[start:end])]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def too_deep(exc: RecursionError) -> str:
    """The refusal for a file nested deeper than its parser can recurse (front matter of 600
    nested lists): unreadable, in ``score`` and ``lint`` alike."""
    return f"cannot read: nested too deeply to parse ({exc})"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, (DecodeError, UnicodeError)):
        return str(exc)
    if isinstance(exc, RecursionError):
        return too_deep(exc)
    if isinstance(exc, OSError):
        return f"cannot read: {exc.strerror or exc}"
    return f"cannot read ({type(exc).__name__}): {exc}"


PARQUET_BATCH = 1024  # rows of a Parquet file in memory at a time


def _load_parquet(path: Path, id_: str, source: str, columns: Columns) -> Iterator[Item]:
    """One article per row, read a batch of :data:`PARQUET_BATCH` rows at a time (a Parquet
    file of millions of articles never sits in memory whole). A table without rows is
    reported, so that naming a file always yields at least one row."""
    import pyarrow.parquet as pq

    with pq.ParquetFile(path) as table:
        if columns.text not in table.schema_arrow.names or table.metadata.num_rows == 0:
            frame = table.schema_arrow.empty_table().to_pandas()  # no text column, or no rows: one error row says so
            items = articles_from_frame(frame, columns=columns, default_source=source, id_prefix=id_ + ":", origin=str(path))
            yield from items or [LoadError(id=id_, source=source, message=f"{path}: no rows", origin=str(path))]
            return
        start = 0
        for batch in table.iter_batches(batch_size=PARQUET_BATCH):
            frame = batch.to_pandas()
            yield from articles_from_frame(frame, columns=columns, default_source=source, id_prefix=id_ + ":", origin=str(path), start=start)
            start += len(frame)


@contextmanager
def _table_stream(path: Path) -> Iterator[io.TextIOBase]:
    """A table file as text, read as it is used rather than whole: lines split as
    ``newline=""`` splits them, and invalid UTF-8 bytes kept as lone surrogates so that only
    the rows holding them are refused (see :func:`undecodable_at`). A file in UTF-16/32, or
    whose first bytes look binary, is decoded whole by :func:`decode_bytes`, with its checks."""
    handle = path.open("rb")
    try:
        head = handle.peek(4096)[:4096] if hasattr(handle, "peek") else b""
        bom, codec = text_encoding(head)
        if codec != "utf-8" or b"\x00" in head or _binary_kind(head) is not None:
            text = decode_bytes(handle.read(), lenient_utf8=True)
            yield io.StringIO(text, newline="")
            return
        handle.read(len(bom))
        yield io.TextIOWrapper(handle, encoding="utf-8", errors="surrogateescape", newline="")
    finally:
        handle.close()


def _undecodable_row(text: str, where: str, raw_line: bool = True) -> str | None:
    """The message for a line (``raw_line``: offsets are columns) or a CSV row holding bytes
    that are not UTF-8, or None."""
    offset = undecodable_at(text)
    if offset is None:
        return None
    byte = ord(text[offset]) - 0xDC00
    at = f"at column {offset + 1}" if raw_line else "in this row"
    return f"{where}: not valid UTF-8: byte 0x{byte:02x} {at}; save the file as UTF-8"


def _load_jsonl(path: Path, id_: str, source: str, columns: Columns) -> Iterator[Item]:
    """One article per line. Lines are split on ``\\n`` only: JSON allows U+2028 and other line
    separators inside strings, and ``str.splitlines`` would break records (and line numbers)."""
    with _table_stream(path) as stream:
        yield from _jsonl_records(path, id_, source, columns, _lines_at_lf(stream))


def _lines_at_lf(stream: io.TextIOBase) -> Iterator[str]:
    """The lines of ``stream`` split at LF alone, without it (a lone CR stays in its line)."""
    pending = ""
    for piece in stream:  # newline="": pieces end at LF, CR or CRLF
        if piece.endswith("\n"):
            yield pending + piece[:-1]
            pending = ""
        else:
            pending += piece
    yield pending


def _jsonl_records(path: Path, id_: str, source: str, columns: Columns, lines: Iterable[str]) -> Iterator[Item]:
    found = False
    for number, line in enumerate(lines, start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        found = True
        origin = f"{path}:{number}"
        row_id = f"{id_}:{number}"
        problem = _undecodable_row(line, origin)
        if problem:
            yield LoadError(id=row_id, source=source, message=problem, origin=origin)
            continue
        try:
            record = json_record(line)
        except json.JSONDecodeError as exc:
            yield LoadError(id=row_id, source=source, message=f"{origin}: malformed JSON: {json_problem(exc)}", origin=origin)
            continue
        except RecursionError:
            yield LoadError(id=row_id, source=source, message=f"{origin}: unreadable JSON: nested too deeply", origin=origin)
            continue
        if not isinstance(record, dict):
            yield LoadError(id=row_id, source=source, message=f"{origin}: want a JSON object, got {type(record).__name__}", origin=origin)
            continue
        item = _article_from_record(record, columns, row_id, source, origin)
        surrogate = lone_surrogate_at(item.text) if isinstance(item, Article) else None
        if surrogate is not None:
            message = f"{origin}: text holds an unpaired surrogate U+{ord(item.text[surrogate]):04X} at offset {surrogate} (a broken \\u escape), which is not valid Unicode"
            item = LoadError(id=item.id, source=item.source, message=message, origin=origin)
        yield item
    if not found:
        yield LoadError(id=id_, source=source, message=f"{path}: no records (the file is empty)", origin=str(path))


def json_record(line: str) -> Any:
    """One JSON value. A whole number too long for ``int`` (over
    ``sys.get_int_max_str_digits()`` digits) is read as a ``Decimal``: it is no quantity an
    article needs, and must not make the whole record unreadable."""
    return json.loads(line, parse_int=_whole_number)


def _whole_number(digits: str) -> int | Decimal:
    limit = sys.get_int_max_str_digits()
    return int(digits) if not limit or len(digits.lstrip("-")) <= limit else Decimal(digits)


def json_problem(exc: json.JSONDecodeError) -> str:
    """The reader's complaint and where: ``Unterminated string starting at column 21``."""
    return f"{exc.msg} column {exc.colno}" if exc.msg.endswith(" at") else f"{exc.msg} at column {exc.colno}"


@contextmanager
def _csv_field_limit() -> Iterator[None]:
    """The csv module refuses fields over 128 KiB by default; an article may be far longer."""
    previous = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _load_csv(path: Path, id_: str, source: str, columns: Columns) -> Iterator[Item]:
    """One article per row. Read with the csv module rather than pandas so that one broken row
    (too many fields, bad bytes, a quote never closed, cut short at the end) is one error row
    and the rows around it are still read."""
    with _table_stream(path) as stream, _csv_field_limit():
        lines = _RecordLines(stream)
        reader = csv.reader(lines)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            yield LoadError(id=id_, source=source, message=f"{path}: unreadable CSV header: {exc}", origin=str(path))
            return
        if not header or not any(h.strip() for h in header):
            yield LoadError(id=id_, source=source, message=f"{path}: empty file: no header row", origin=str(path))
            return
        header_problem = _undecodable_row(",".join(header), f"{path}: header", raw_line=False)
        if header_problem:
            yield LoadError(id=id_, source=source, message=header_problem, origin=str(path))
            return
        names = [h.strip().lstrip("\ufeff") for h in header]
        if columns.text not in names:
            yield LoadError(id=id_, source=source, message=_missing_column_message(str(path), columns.text, names), origin=str(path))
            return
        wanted = {c for c in (columns.text, columns.source, columns.id, *(getattr(columns, m) for m in METADATA)) if c}
        repeated = sorted({n for n in names if n in wanted and names.count(n) > 1})
        if repeated:
            yield LoadError(id=id_, source=source, message=f"{path}: column(s) {', '.join(map(repr, repeated))} appear more than once in the header", origin=str(path))
            return
        row_number = 0
        while True:
            line_before = reader.line_num
            lines.start_record()
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                row_number += 1
                origin = f"{path} line {line_before + 1}"
                yield LoadError(id=f"{id_}:{row_number}", source=source, message=f"{origin}: unreadable CSV row: {exc}", origin=origin)
                if reader.line_num == line_before:
                    break  # the reader cannot move past it; what follows is unreachable
                continue
            if not row or not any(cell.strip() for cell in row):
                continue  # blank line
            row_number += 1
            origin = f"{path} row {row_number} (line {line_before + 1})"
            row_id = f"{id_}:{row_number}"
            problem = _undecodable_row(",".join(row), origin, raw_line=False)
            if problem is None and lines.at_end:  # the last row: is it whole?
                cut = _cut_short(lines.record(), row, len(names), line_before + 1)
                problem = f"{origin}: {cut}" if cut else None
            if problem:
                yield LoadError(id=row_id, source=source, message=problem, origin=origin)
                continue
            if len(row) > len(names):
                message = f"{origin}: {len(row)} fields but the header has {len(names)}; a delimiter inside an unquoted field?"
                yield LoadError(id=row_id, source=source, message=message, origin=origin)
                continue
            record = dict(zip(names, row))
            record = {k: (v if v != "" else None) for k, v in record.items()}
            yield _article_from_record(record, columns, row_id, source, origin)
        if row_number == 0:
            yield LoadError(id=id_, source=source, message=f"{path}: no rows (only a header)", origin=str(path))


class _RecordLines:
    """The lines a ``csv.reader`` reads, one at a time, remembering those of the record being
    read (to check the last one is whole) and whether any line is left."""

    def __init__(self, stream: io.TextIOBase) -> None:
        self._stream = stream
        self._next = stream.readline()
        self._record: list[str] = []

    def __iter__(self) -> "_RecordLines":
        return self

    def __next__(self) -> str:
        line = self._next
        if not line:
            raise StopIteration
        self._next = self._stream.readline()
        self._record.append(line)
        return line

    def start_record(self) -> None:
        self._record = []

    def record(self) -> str:
        """The raw text of the record read since :meth:`start_record`."""
        return "".join(self._record)

    @property
    def at_end(self) -> bool:
        return not self._next


# One CSV field and its delimiter, as the csv module's default dialect reads them: a quote opens
# a quoted field only as the field's first character, inside one "" is a quote, and what follows
# the closing quote up to the delimiter is kept as it is. ``closed`` is the closing quote.
_CSV_FIELD = re.compile(r'"(?:[^"]|"")*(?P<closed>")?[^,\r\n]*[,\r\n]?|[^,\r\n]*[,\r\n]?')
_LINE_BREAK = re.compile(r"\r\n?|\n")  # the line ends csv.reader counts, as io splits them


def _unclosed_quote_at(record: str) -> int | None:
    """Offset of the quote opening a field of ``record`` (the raw text of CSV records) that is
    never closed, else None. The csv module reads such a field to the end of the file."""
    for field in _CSV_FIELD.finditer(record):
        if field.group().startswith('"') and field.group("closed") is None:
            return field.start()
    return None


def _cut_short(record: str, row: list[str], fields: int, first_line: int) -> str | None:
    """Why the last row of a CSV file, ``row``, read from ``record`` (its raw text, from its
    first line on) is not a whole row, else None: a quote that is never closed (every line to
    the end of the file went into one field), or fewer fields than the header and no line break
    at the end (the file was cut off inside the row). A last row with every field, or one that
    ends its line, is taken as whole, as CSV writers need not end the last line."""
    quote = _unclosed_quote_at(record)
    if quote is not None:
        line = first_line + len(_LINE_BREAK.findall(record, 0, quote))
        last = first_line + len(_LINE_BREAK.findall(record.rstrip("\r\n")))
        return f"the quote that opens a field on line {line} is never closed, so lines {line} to {last}, the end of the file, were read as one field: close the quote"
    if len(row) < fields and not record.endswith(("\n", "\r")):
        return f"{len(row)} of the header's {fields} fields, and the file ends inside this row: it was cut short (an interrupted download or copy?)"
    return None


def _missing_column_message(where: str, wanted: str, names: list[str]) -> str:
    shown = ", ".join(repr(str(n)) for n in names[:12]) + (", ..." if len(names) > 12 else "")
    message = f"{where}: no text column {wanted!r} (columns: {shown})"
    if len(names) == 1:
        found = [sep for sep in (";", "\t", "|") if sep in str(names[0])]
        if found:
            label = {";": "';'", "\t": "tab", "|": "'|'"}[found[0]]
            message += f"; the header uses {label} as its delimiter, but CSV is read with ',' as delimiter: save it comma-separated"
    return message + "; name the column with --text-column"


def articles_from_frame(
    frame: pd.DataFrame,
    text: str | None = None,
    source: str | None = None,
    id: str | None = None,
    columns: Columns | None = None,
    default_source: str = "unknown",
    id_prefix: str = "",
    origin: str | None = None,
    start: int = 0,
) -> list[Item]:
    """One item per row, in row order. A missing text column makes every row an error row.
    ``start`` is the first row's position in the whole table when ``frame`` is a part of it
    (a Dask partition), so that messages count rows as for the whole table."""
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
        message = _missing_column_message(where, columns.text, list(frame.columns))
        if id_prefix:  # a file: one error row for the file, not one per row
            return [LoadError(id=id_prefix.rstrip(":"), source=default_source, message=message, origin=origin)]
        # a DataFrame: one error row per input row, so that the output keeps the input's index
        return [LoadError(id=_row_id(index, position), source=default_source, message=message, origin=origin) for position, index in enumerate(frame.index, start)]
    items: list[Item] = []
    for position, (index, record) in enumerate(zip(frame.index, frame.to_dict("records")), start):
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
        if _missing(text):
            shown = "missing"
        elif isinstance(text, Decimal):  # a JSON number too long for int (see json_record)
            shown = f"a number of {len(text.as_tuple().digits)} digits"
        else:
            shown = f"a {type(text).__name__} ({_short_repr(text)})"
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


def _short_repr(value: Any, limit: int = 40) -> str:
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _missing(value: Any) -> bool:
    """None, NaN, pd.NA, NaT: every spelling of 'no value' a table can hold."""
    if value is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):  # arrays and other containers are values, not missing
        return False


def _clean(value: Any) -> str | None:
    if _missing(value):
        return None
    text = str(value).strip()
    if _has_surrogates(text):
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text or None
