"""The corpus's story signatures, in memory or in files of the run's temporary folder.

Each article's signature is :data:`~.profile.PERMUTATIONS` numbers of 4 bytes: 256 bytes an
article, 256 MB at a million, the largest thing the story summary would hold. In a run that
names a record folder (:func:`quality.detectors.base.records_on_disk`) a large summary writes
its signatures out in blocks, one file per block (:class:`SignatureFile`), and reads them
through the operating system's page cache: a block is mapped when it is read and its pages are
let go again after each pass over it (:meth:`SignatureTable.columns`) and every
:data:`ROWS_BEFORE_RELEASE` rows read (:meth:`SignatureTable.rows`), so that the process does
not keep a resident copy of every signature it has looked at. Without a folder the table is one
array in memory.
"""

from __future__ import annotations

import mmap
import os
import tempfile
from array import array
from typing import Any, Callable, Sequence

import numpy as np

from quality.detectors.stories.profile import PERMUTATIONS

# Rows read from the files before their pages are let go: 16 MB of signatures.
ROWS_BEFORE_RELEASE = 65_536


class SignatureFile:
    """A block of signatures written once, then only read (pickled as its path and length)."""

    def __init__(self, path: str, rows: int) -> None:
        self.path = path
        self.rows = rows
        self._map: mmap.mmap | None = None

    @classmethod
    def written(cls, numbers: array, folder: str) -> "SignatureFile":
        handle, path = tempfile.mkstemp(prefix="signatures-", dir=folder)
        with os.fdopen(handle, "wb") as out:
            numbers.tofile(out)
        return cls(path, len(numbers) // PERMUTATIONS)

    def matrix(self) -> np.ndarray:
        """The block as a ``rows × PERMUTATIONS`` array over the mapped file."""
        if self._map is None:
            with open(self.path, "rb") as source:
                self._map = mmap.mmap(source.fileno(), 0, access=mmap.ACCESS_READ)
        return np.frombuffer(self._map, dtype=np.uint32).reshape(-1, PERMUTATIONS)

    def release(self) -> None:
        """Let go of the pages read so far (they stay in the page cache, not in this process)."""
        if self._map is not None and hasattr(mmap, "MADV_DONTNEED"):
            self._map.madvise(mmap.MADV_DONTNEED)

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "rows": self.rows, "_map": None}


class SignatureTable:
    """The signatures of a corpus in input order: blocks written to files, then the rows still
    in memory. Row ``k`` is article ``k``'s signature."""

    def __init__(self, files: Sequence[SignatureFile], held: np.ndarray) -> None:
        self.files = list(files)
        self.held = held.reshape(-1, PERMUTATIONS)
        self.starts = np.cumsum([0, *(f.rows for f in self.files)], dtype=np.int64)
        self._read_since_release = 0

    @classmethod
    def of(cls, signatures: "np.ndarray | SignatureTable") -> "SignatureTable":
        return signatures if isinstance(signatures, SignatureTable) else cls([], np.asarray(signatures, dtype=np.uint32))

    def __len__(self) -> int:
        return int(self.starts[-1]) + len(self.held)

    def _block(self, number: int) -> tuple[int, np.ndarray]:
        """(first row, array) of block ``number``: a file's, or after the last file the rows in
        memory."""
        if number < len(self.files):
            return int(self.starts[number]), self.files[number].matrix()
        return int(self.starts[-1]), self.held

    def columns(self, first: int, count: int) -> np.ndarray:
        """Numbers ``first`` to ``first + count - 1`` of every signature (a band)."""
        return self._every_block(lambda block: np.array(block[:, first : first + count]))

    def empty_rows(self, empty: np.ndarray) -> np.ndarray:
        """Which rows equal ``empty`` (articles without a distinctive word)."""
        return self._every_block(lambda block: (block == empty).all(axis=1))

    def _every_block(self, read: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        """``read`` of each block, joined in order: one pass over each file, whose pages are let
        go after it (``read`` must return a copy, not a view of the file)."""
        parts = []
        for file in self.files:
            parts.append(read(file.matrix()))
            file.release()
        parts.append(read(self.held))
        return np.concatenate(parts)

    def rows(self, positions: Sequence[int] | np.ndarray) -> np.ndarray:
        """The signatures of the articles at ``positions``, as a ``len × PERMUTATIONS`` array."""
        positions = np.asarray(positions, dtype=np.int64)
        if not self.files:
            return self.held[positions]
        out = np.empty((len(positions), PERMUTATIONS), dtype=np.uint32)
        block = np.searchsorted(self.starts, positions, side="right") - 1
        for number in np.unique(block).tolist():
            start, matrix = self._block(number)
            wanted = block == number
            out[wanted] = matrix[positions[wanted] - start]
        self._read_since_release += len(positions)
        if self._read_since_release >= ROWS_BEFORE_RELEASE:
            for file in self.files:
                file.release()
            self._read_since_release = 0
        return out
