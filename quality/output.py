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
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, TextIO

from quality.load import printable_path

if TYPE_CHECKING:
    import pandas as pd

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
