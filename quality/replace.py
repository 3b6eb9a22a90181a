"""Replacing a file in place without losing anything: the one way ``quality fix --write`` and
``quality lint --fix`` write a repaired file.

A repair must never cost the user more than it gives. So a file is replaced only when:

* it is exactly as it was read (size, modification time and content hash), checked just before
  the replace, so that an editor's save landing between our read and our write is not lost;
  and checked once more on the replaced file's old inode just after, so that a program still
  writing to it does not lose what it wrote (its version is put back and the repair refused);
* it is writable by its mode (a read-only file, 0444, is a statement, even to root);
* it does not lead, through a symbolic link, outside the folder it was found under (a
  pre-commit ``lint --fix`` must not edit files outside the repository).

The new content goes to a temporary file beside the target, named within NAME_MAX whatever the
target's name, with the target's owner, group, mode and extended attributes; it is flushed to
disk, renamed over the target, and the folder is flushed. A file with several hard links is
written through (truncated and rewritten in place, after the same checks) so that every link
keeps seeing it. SIGINT and SIGTERM are held off while a temporary exists, so an interrupt
never leaves one behind; a temporary left by a killed run (SIGKILL, power loss) carries its
process id in its name, and a later run removes it and says so (:func:`remove_stale`).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import signal
import stat
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

__all__ = ["FileChanged", "NotReplaceable", "Snapshot", "remove_stale", "remove_stale_beside", "replace_file", "snapshot_of"]

TEMPORARY_PREFIX = ".quality-"
TEMPORARY_SUFFIX = ".tmp"
# ".quality-<pid>-<16 hex>-<name>.tmp": the pid lets a later run tell a dead run's leftover
# from a live run's temporary; the name is cut so the whole fits in NAME_MAX bytes.
_TEMPORARY = re.compile(r"^\.quality-(\d+)-[0-9a-f]{16}-.*\.tmp$", re.S)
NAME_MAX = 255


class NotReplaceable(OSError):
    """The file must not be replaced (read-only, a link leading outside, an owner we cannot
    keep); nothing was written."""


class FileChanged(NotReplaceable):
    """The file changed after it was read; nothing of the other program's was lost."""


@dataclass(frozen=True)
class Snapshot:
    """What a file was when it was read: compared just before it is replaced."""

    size: int
    mtime_ns: int
    sha256: str


def snapshot_of(path: Path, data: bytes) -> Snapshot:
    """The snapshot of ``path`` whose content, just read, is ``data``."""
    info = os.stat(path)
    return Snapshot(info.st_size, info.st_mtime_ns, hashlib.sha256(data).hexdigest())


def replace_file(path: Path, data: bytes, read_as: Snapshot, within: Path | None = None) -> None:
    """Replace ``path``'s content with ``data`` if the file is still as ``read_as`` says.

    ``within``: the folder the file was found under; a file whose real path lies outside it
    (through a link) is refused. Raises :class:`FileChanged`, :class:`NotReplaceable` or
    ``OSError``; in every case the file holds either its old content or ``data``.
    """
    real = Path(os.path.realpath(path))
    if within is not None and not real.is_relative_to(os.path.realpath(within)):
        raise NotReplaceable(errno.EPERM, f"a link leading outside {within}, to {real}: not rewritten")
    info = os.stat(real)
    if not info.st_mode & 0o222:
        raise NotReplaceable(errno.EACCES, f"read-only (mode {stat.S_IMODE(info.st_mode):04o}): not rewritten")
    _check_unchanged(real, read_as)
    if info.st_nlink > 1:
        _write_through(real, data, read_as)
    else:
        _rename_over(real, data, info, read_as)


def _check_unchanged(real: Path, read_as: Snapshot) -> None:
    now = os.stat(real)
    if (now.st_size, now.st_mtime_ns) != (read_as.size, read_as.mtime_ns) or _sha256(real) != read_as.sha256:
        raise FileChanged(errno.EAGAIN, "changed since it was read (another program wrote to it): not rewritten; run again")


def _sha256(path: Path) -> str:
    with open(path, "rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def _rename_over(real: Path, data: bytes, info: os.stat_result, read_as: Snapshot) -> None:
    with _signals_held(), open(real, "rb") as old:  # the old inode, to see late writers
        temporary = _temporary_name(real)
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(data)
                _keep_owner_and_attributes(stream.fileno(), real, info)
                stream.flush()
                os.fsync(stream.fileno())
            _check_unchanged(real, read_as)
            os.replace(temporary, real)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
        _fsync_folder(real.parent)
        late = os.fstat(old.fileno())
        if (late.st_size, late.st_mtime_ns) != (read_as.size, read_as.mtime_ns):
            _put_back(real, old, info)


def _put_back(real: Path, old, info: os.stat_result) -> None:
    """A program wrote to the old file while we replaced it: its version wins."""
    old.seek(0)
    _rename_over(real, old.read(), info, snapshot_of(real, real.read_bytes()))
    raise FileChanged(errno.EAGAIN, "written to by another program while being replaced: its version was kept; run again")


def _write_through(real: Path, data: bytes, read_as: Snapshot) -> None:
    """Rewrite a hard-linked file in place, so that every link keeps seeing one file."""
    with _signals_held(), open(real, "r+b") as stream:
        _check_unchanged(real, read_as)
        stream.write(data)
        stream.truncate()
        stream.flush()
        os.fsync(stream.fileno())


def _temporary_name(real: Path) -> Path:
    head = f"{TEMPORARY_PREFIX}{os.getpid()}-{secrets.token_hex(8)}-"
    room = NAME_MAX - len(head.encode()) - len(TEMPORARY_SUFFIX)
    return real.parent / (head + os.fsdecode(os.fsencode(real.name)[:room]) + TEMPORARY_SUFFIX)


def _keep_owner_and_attributes(descriptor: int, real: Path, info: os.stat_result) -> None:
    if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
        try:
            os.fchown(descriptor, info.st_uid, info.st_gid)
        except PermissionError as exc:
            raise NotReplaceable(errno.EPERM, f"owned by user {info.st_uid}, and a replacement would be ours: not rewritten") from exc
    os.fchmod(descriptor, stat.S_IMODE(info.st_mode))
    for name in _xattr_names(real):
        with contextlib.suppress(OSError):
            os.setxattr(descriptor, name, os.getxattr(real, name))


def _xattr_names(real: Path) -> list[str]:
    try:
        return os.listxattr(real)
    except OSError:  # a file system without extended attributes
        return []


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    except OSError:  # some file systems cannot sync a folder; the rename is done either way
        pass
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block ends, then deliver them as usual, so an interrupt
    cannot land between creating a temporary and removing or renaming it.

    Handlers, not a signal mask: a mask holds a signal for one thread only, and the libraries
    we load start threads that would take a process-directed SIGTERM and end the process at
    once. Python runs every handler in the main thread.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[int] = []
    previous = {number: signal.signal(number, lambda number, frame: arrived.append(number)) for number in _HELD_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for number in dict.fromkeys(arrived):
            signal.raise_signal(number)


_HELD_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def remove_stale_beside(files: Iterable[Path]) -> list[Path]:
    """:func:`remove_stale` in the folder of each of ``files``, once per folder."""
    folders = dict.fromkeys(Path(file).parent for file in files)
    return [temporary for folder in folders for temporary in remove_stale(folder)]


def remove_stale(folder: Path) -> list[Path]:
    """Remove the temporaries a killed run of ours left in ``folder`` (their process is gone);
    returns them, for the caller to report. A live run's temporary is left alone."""
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        match = _TEMPORARY.match(name)
        if match and not _alive(int(match[1])):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(folder / name)
                removed.append(folder / name)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
