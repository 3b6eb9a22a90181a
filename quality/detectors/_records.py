"""Corpus summaries larger than memory: their bulk in files of the run's temporary folder.

A corpus summary that grows with every article (the paragraph words translation aligns, say)
would make memory grow with the corpus. When the engine running the pass names a folder
(:func:`quality.detectors.base.records_on_disk`, as the streaming engine does for the whole
run), such a summary may write its records out to a :class:`RecordFile` there and keep only
each record's place in memory. Without a folder (an in-memory :func:`quality.analyze`, the
Dask engine, whose merged summaries travel between machines) everything stays in memory, as
small runs want anyway.

A record file is written once, then only read: summaries merged from it share it, and a worker
process that receives a summary reads the same file by its path. The folder, and every file
in it, goes when the run ends.
"""

from __future__ import annotations

import mmap
import os
import pickle
import tempfile
from array import array
from typing import Any, Iterable, Sequence

import numpy as np

# Records a summary may hold in memory before it writes them out (when a folder is named). At
# a few kilobytes a record, a few megabytes: small runs never touch the disk.
HELD_RECORDS = 4096


class RecordFile:
    """Records pickled one after another, each read back by its offset. Pickled (sent to a
    worker) as its path, so it must be read on the machine that wrote it."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._reader: Any = None

    @classmethod
    def written(cls, records: Iterable[Any], folder: str) -> tuple["RecordFile", list[int]]:
        """A new file in ``folder`` holding ``records``, and the offset of each."""
        handle, path = tempfile.mkstemp(prefix="records-", dir=folder)
        offsets = []
        with os.fdopen(handle, "wb") as out:
            for record in records:
                offsets.append(out.tell())
                pickle.dump(record, out, protocol=pickle.HIGHEST_PROTOCOL)
        return cls(path), offsets

    def read(self, offset: int) -> Any:
        if self._reader is None:
            self._reader = open(self.path, "rb")
        self._reader.seek(offset)
        return pickle.load(self._reader)

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "_reader": None}

    def __del__(self) -> None:
        if getattr(self, "_reader", None) is not None:
            self._reader.close()


class PlacedRecords:
    """One record per position (an article, in input order): held in memory, or written out
    to record files; then ``file_numbers`` and ``offsets`` say where (file number -1: held).
    What stays in memory for a written record is 12 bytes."""

    def __init__(self) -> None:
        self.held: dict[int, Any] = {}
        self.files: list[RecordFile] = []
        self.file_numbers = array("i")
        self.offsets = array("q")

    def __len__(self) -> int:
        return len(self.offsets)

    def append(self, record: Any) -> None:
        self.held[len(self.offsets)] = record
        self.file_numbers.append(-1)
        self.offsets.append(-1)

    @classmethod
    def joined(cls, parts: Iterable["PlacedRecords"]) -> "PlacedRecords":
        """The records of ``parts`` one after the other; files shared by parts stay one file."""
        joined = cls()
        numbers: dict[str, int] = {}  # a record file's number in the joined records, by path
        for part in parts:
            base = len(joined)
            joined.held.update((base + k, record) for k, record in part.held.items())
            renumbered = [numbers.setdefault(file.path, len(numbers)) for file in part.files]
            for file in part.files:
                if numbers[file.path] == len(joined.files):
                    joined.files.append(file)
            joined.file_numbers.extend(renumbered[n] if n >= 0 else -1 for n in part.file_numbers)
            joined.offsets.extend(part.offsets)
        return joined

    def write_out(self, folder: str | None, held_at_most: int) -> bool:
        """Move the held records to a new record file in ``folder`` when there is one and more
        than ``held_at_most`` are held; whether they moved."""
        if folder is None or len(self.held) <= held_at_most:
            return False
        positions = sorted(self.held)
        written, offsets = RecordFile.written((self.held[k] for k in positions), folder)
        self.files.append(written)
        for k, offset in zip(positions, offsets):
            self.file_numbers[k] = len(self.files) - 1
            self.offsets[k] = offset
        self.held = {}
        return True

    def __getitem__(self, position: int) -> Any:
        held = self.held.get(position)
        if held is not None:
            return held
        return self.files[self.file_numbers[position]].read(self.offsets[position])

    def written_out(self) -> int:
        """How many of the records are in files."""
        return sum(n >= 0 for n in self.file_numbers)


# Arrays smaller than this stay in memory: mapping them would save nothing that shows.
MAPPED_AT_LEAST = 1 << 20


class MappedArray:
    """A numpy array written once to a file of the run's temporary folder, then read through
    the operating system's page cache: :meth:`view` maps it, :meth:`release` lets go of the
    pages read so far, so that the process keeps no resident copy of what it has looked at.
    Pickled as its path, so it must be read on the machine that wrote it."""

    def __init__(self, path: str, dtype: str, length: int) -> None:
        self.path, self.dtype, self.length = path, dtype, length
        self._map: mmap.mmap | None = None

    @classmethod
    def written(cls, values: np.ndarray, folder: str) -> "MappedArray":
        handle, path = tempfile.mkstemp(prefix="array-", dir=folder)
        with os.fdopen(handle, "wb") as out:
            out.write(np.ascontiguousarray(values).tobytes())
        return cls(path, values.dtype.str, len(values))

    def view(self) -> np.ndarray:
        """The array, over the mapped file (read-only)."""
        if self._map is None:
            with open(self.path, "rb") as source:
                self._map = mmap.mmap(source.fileno(), 0, access=mmap.ACCESS_READ)
        return np.frombuffer(self._map, dtype=np.dtype(self.dtype), count=self.length)

    def release(self) -> None:
        """Let go of the pages read so far (they stay in the page cache, not in this process)."""
        if self._map is not None and hasattr(mmap, "MADV_DONTNEED"):
            self._map.madvise(mmap.MADV_DONTNEED)

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "dtype": self.dtype, "length": self.length, "_map": None}


def kept_or_mapped(values: np.ndarray, folder: str | None) -> np.ndarray | MappedArray:
    """``values`` as they are, or written to a :class:`MappedArray` in ``folder`` when one is
    named and they take :data:`MAPPED_AT_LEAST` bytes or more."""
    if folder is None or not len(values) or values.nbytes < MAPPED_AT_LEAST:
        return values  # (an empty file cannot be mapped)
    return MappedArray.written(values, folder)


class PackedStrings(Sequence[str]):
    """Strings kept as one UTF-8 buffer and where each ends: 8 bytes beside each one's text,
    where a list of ``str`` objects takes some 57 (a corpus's ids: a million of them)."""

    def __init__(self, strings: Iterable[str] = ()) -> None:
        self._text = bytearray()
        self._ends = array("q")
        for string in strings:
            self.append(string)

    def append(self, string: str) -> None:
        self._text += string.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._text))

    def extend(self, other: "PackedStrings") -> None:
        base = len(self._text)
        self._text += other._text
        self._ends.extend(array("q", (np.frombuffer(other._ends, dtype=np.int64) + base).tobytes()))

    def __len__(self) -> int:
        return len(self._ends)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PackedStrings):
            return NotImplemented
        return self._text == other._text and self._ends == other._ends

    __hash__ = None  # type: ignore[assignment]  # mutable, as a list is

    def __getitem__(self, k: int) -> str:  # type: ignore[override]
        if k < 0:
            k += len(self._ends)
        start = self._ends[k - 1] if k else 0
        return self._text[start : self._ends[k]].decode("utf-8", "surrogatepass")
