"""Writing tables: CSV, JSONL, Parquet, Markdown, and the terminal table of :mod:`quality.terminal`.
I/O lives here and in cli.

Every report written to a file (``--output``, by ``score``, ``findings`` and ``lint``) goes
through :func:`replaced_on_success`: the file is either left as it was or replaced by the whole
new report, never truncated, whatever fails (a full disk, a missing folder, an interrupt).
"""

from __future__ import annotations

import io
import json
import math
import os
import secrets
import signal
import stat
import sys
import threading
from contextlib import ExitStack, contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, TextIO

from quality.load import printable_path

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("table", "csv", "jsonl", "parquet", "markdown")
# Rows a Parquet writer holds back while a column has no value yet to tell its type.
PARQUET_TYPE_WAIT = 1 << 16
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

    from pandas.api.types import is_numeric_dtype

    frame = _names_printable(frame)
    header = "| " + " | ".join(map(str, frame.columns)) + " |"
    rule = "|" + "|".join("---:" if is_numeric_dtype(frame[c]) else "---" for c in frame.columns) + "|"
    body = ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([header, rule, *body]) + "\n"


def _names_printable(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose :data:`NAME_COLUMNS` are shown through :func:`printable_path`."""
    shown = frame.copy()
    for column in NAME_COLUMNS:
        if column in shown.columns:
            shown[column] = shown[column].map(lambda v: printable_path(v) if isinstance(v, str) else v)
    return shown


def write_frame(frame: pd.DataFrame, fmt: str, stream: TextIO | None = None, path: str | None = None, table: Callable[[pd.DataFrame], str] | None = None) -> None:
    """Write ``frame`` in ``fmt`` to ``path`` (or ``stream``). Parquet needs a path. The
    ``table`` format is drawn by ``table`` (default :func:`quality.terminal.frame_table`, every
    column). Raises :class:`OutputError` when ``path`` cannot be written (the file is then as it was)."""
    if fmt == "parquet":
        if not path:
            raise ValueError("--format parquet needs --output FILE")
        with replaced_on_success(path) as temporary:
            frame.to_parquet(temporary, index=False)
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
        from quality.terminal import frame_table, terminal_width

        text = table(frame) if table else frame_table(frame, width=terminal_width())
    else:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if path:
        write_text_file(path, text)
    elif stream is not None:
        stream.write(text)


class TableWriter:
    """A table written a chunk of rows at a time, as :func:`write_frame` would write the whole.

    CSV, JSONL and Parquet rows go out as they come: to ``path`` through
    :func:`replaced_on_success` (the file appears, whole, when the writer closes without
    error), or to ``stream``. Every chunk must have the same columns; Parquet's column types
    are those of the first chunk, a column with no value there taking the type of the first
    that has one (written by row groups). The table and Markdown formats, which are read by
    people and align their columns over every row, collect the chunks and write at the end.

        with TableWriter("csv", path="findings.csv") as writer:
            for frame in frames:
                writer.add(frame)
    """

    def __init__(self, fmt: str, stream: TextIO | None = None, path: str | None = None, table: Callable[[pd.DataFrame], str] | None = None) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
        if fmt == "parquet" and not path:
            raise ValueError("--format parquet needs --output FILE")
        self.fmt, self.stream, self.path, self.table = fmt, stream, path, table
        self.rows = 0
        self._collected: list[pd.DataFrame] = []
        self._first: pd.DataFrame | None = None  # an empty frame with the first chunk's columns
        self._parquet: Any = None
        self._pending: list[Any] = []  # Arrow tables not yet written: waiting for a column's type
        self._handle: Any = None
        self._files = ExitStack()

    def __enter__(self) -> "TableWriter":
        if self.path and self.fmt not in ("table", "markdown"):
            temporary = self._files.enter_context(replaced_on_success(self.path))
            self._handle = temporary if self.fmt == "parquet" else open(temporary, "w", encoding="utf-8", newline="")
        return self

    def add(self, frame: pd.DataFrame) -> None:
        if self._first is None:
            self._first = frame.iloc[:0]
        elif list(frame.columns) != list(self._first.columns):
            raise ValueError("every chunk of a table must have the same columns")
        self.rows += len(frame)
        if self.fmt in ("table", "markdown"):
            self._collected.append(frame)
            return
        with self._named():
            if self.fmt == "parquet":
                self._add_parquet(frame)
            elif len(frame):
                self._write_text(frame.to_csv(index=False, header=self.rows == len(frame), lineterminator="\n") if self.fmt == "csv" else to_jsonl(frame))

    def _write_text(self, text: str) -> None:
        if self._handle is not None:
            self._handle.write(text)
        elif self.stream is not None:
            self.stream.write(text)

    def _add_parquet(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa

        self._pending.append(pa.Table.from_pandas(frame, preserve_index=False))
        if self._parquet is None:
            fields = self._fields()
            if any(field is None for field in fields.values()) and sum(t.num_rows for t in self._pending) < PARQUET_TYPE_WAIT:
                return  # a later chunk will say what that all-null column holds
            self._open_parquet(fields, pa.string())
        self._flush_parquet()

    def _fields(self) -> dict[str, Any]:
        """Each column's first non-null Arrow field among the pending chunks (None: all null)."""
        import pyarrow as pa

        names = self._pending[0].column_names
        return {name: next((t.schema.field(name) for t in self._pending if not pa.types.is_null(t.schema.field(name).type)), None) for name in names}

    def _open_parquet(self, fields: dict[str, Any], unknown: Any) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([field if field is not None else pa.field(name, unknown) for name, field in fields.items()])
        self._parquet = pq.ParquetWriter(self._handle, schema)

    def _flush_parquet(self) -> None:
        for table in self._pending:
            if table.num_rows:
                self._parquet.write_table(table.cast(self._parquet.schema))
        self._pending = []

    def _named(self) -> Any:
        """Writing the file: an ``OSError`` becomes :class:`OutputError` naming it."""
        return _failure_named(self.path) if self.path else nullcontext()

    def __exit__(self, exc_type: Any, exc: Any, traceback: Any) -> bool:
        """Write what is left and put the file in place; after an error, leave the file as it was."""
        if exc_type is None:
            try:
                with self._named():
                    self._finish()
                    self._close_handle()
            except BaseException:
                self._close_handle(quietly=True)
                if not self._files.__exit__(*sys.exc_info()):
                    raise
                return False
            self._files.close()  # the new file takes the old one's place
            return False
        self._close_handle(quietly=True)
        return bool(self._files.__exit__(exc_type, exc, traceback))

    def _close_handle(self, quietly: bool = False) -> None:
        """Close the file (flushing it); ``quietly`` after an error already on its way."""
        try:
            if self._parquet is not None:
                self._parquet.close()  # closing twice is harmless
            if self._handle is not None and self.fmt != "parquet" and not self._handle.closed:
                self._handle.close()
        except OSError:
            if not quietly:
                raise

    def _finish(self) -> None:
        import pandas as pd

        first = self._first if self._first is not None else pd.DataFrame()
        if self.fmt in ("table", "markdown"):
            whole = pd.concat(self._collected, ignore_index=True) if self._collected else first
            write_frame(whole, self.fmt, self.stream, self.path, table=self.table)
        elif self.fmt == "parquet":
            if self._parquet is None:
                if not self.rows:
                    first.to_parquet(self._handle, index=False)  # no rows: the columns alone
                    return
                import pyarrow as pa

                self._open_parquet(self._fields(), pa.null())  # null everywhere in the table: null
            self._flush_parquet()
        elif self.rows == 0:
            self._write_text(first.to_csv(index=False, lineterminator="\n") if self.fmt == "csv" else "")


class OutputError(Exception):
    """A report could not be written to its file; the message names the file and the reason.
    The file is as it was before (see :func:`replaced_on_success`)."""


def write_text_file(path: str, text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8, whole or not at all (:func:`replaced_on_success`)."""
    with replaced_on_success(path) as temporary, open(temporary, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


@contextmanager
def replaced_on_success(target: str) -> Iterator[str]:
    """The path to write ``target``'s new content to: a temporary file beside it, flushed to
    disk and renamed over ``target`` when the block ends, and removed when anything fails or
    interrupts it (SIGINT, SIGTERM), so that ``target`` is never left half written. A link is
    followed (the file it points to is replaced) and an existing file keeps its permissions.
    What cannot be replaced, ``/dev/stdout``, a FIFO, ``/dev/full``, is written directly.
    Raises :class:`OutputError` for any ``OSError``."""
    try:
        existing = os.stat(target)  # through links: /dev/stdout is a link to a pipe or a terminal
    except OSError:
        existing = None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise OutputError(f"{target}: is a folder; name a file to write the report to")
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        with _failure_named(target):
            yield target
        return
    real = os.path.realpath(target)
    folder = os.path.dirname(real)
    if not os.path.isdir(folder):
        raise OutputError(f"{target}: no such folder: {folder}")
    # Short enough for any NAME_MAX (255 bytes), random so that it never meets another file.
    temporary = os.path.join(folder, f".{os.path.basename(real)[:40]}.{secrets.token_hex(8)}.tmp")
    with _failure_named(target), _terminate_as_interrupt():
        try:
            # Created inside the try, so that an interrupt from here on removes it.
            os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            if existing is not None:
                os.chmod(temporary, stat.S_IMODE(existing.st_mode))
            yield temporary
            with open(temporary, "rb") as written:
                os.fsync(written.fileno())  # the data on disk before the name points at it
            os.replace(temporary, real)
        except BaseException as exc:
            if not isinstance(exc, FileExistsError):  # that name, improbably, is another's file
                Path(temporary).unlink(missing_ok=True)
            raise


@contextmanager
def _failure_named(target: str) -> Iterator[None]:
    """An ``OSError`` inside becomes :class:`OutputError` naming ``target`` and the reason."""
    try:
        yield
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from exc


class _Terminated(SystemExit):
    """SIGTERM, raised as an exception so that ``finally`` and ``except`` blocks run."""


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """While inside, SIGTERM raises :class:`_Terminated` (exit status 143, as the default
    action gives) instead of ending the process at once, so that cleanup runs. Only the main
    thread can set a handler, and one that ignores SIGTERM is kept."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) == signal.SIG_IGN:
        yield
        return

    def terminated(signum: int, frame: Any) -> None:
        raise _Terminated(128 + signum)

    previous = signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
