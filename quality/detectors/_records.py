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

import os
import pickle
import tempfile
from typing import Any, Iterable

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
