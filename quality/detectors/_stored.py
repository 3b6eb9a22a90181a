"""Corpus summaries keyed by vocabulary, kept in an SQLite file instead of memory.

Some corpus summaries grow with what the corpus says rather than with how many articles it has:
translation's names (every new name word), boilerplate's lines (every new line). Text that keeps
bringing new names and lines would grow them past any memory bound. When the engine names a
record folder (:func:`quality.detectors.base.records_on_disk`, as the streaming engine does)
and a merged summary grows past a size, it moves to a :class:`StoredSummary`: the same tables in
an SQLite database (the standard library's ``sqlite3``: indexed look-ups on disk with a page
cache of fixed size), answering the same questions, so that memory holds only the page cache
and a cache of recent answers.

The life of a stored summary:

* **merging** writes the other parts, in order, into the first stored part's file (or a new
  one) and removes theirs: a stored part is the merge's to consume (the engine's binary
  counter of merges never uses a part again);
* **finishing** (:meth:`StoredSummary.finish`) builds what the questions need (indexes, look-up
  tables) once, when the first question is asked or the summary is pickled;
* **pickling** (to send it to a worker process) sends the path; the worker opens the file
  read-only. The folder, and every file in it, goes when the run ends.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Callable, ClassVar, Iterable, Iterator, Sequence

from quality.detectors.base import record_folder

PAGE_CACHE_KIB = 16 * 1024  # what SQLite may keep in memory per connection
BATCH = 10_000  # rows written per statement while a table is filled from a query
CACHED_ANSWERS = 1 << 16  # answers kept per process


class StoredSummary:
    """An SQLite file of the record folder, created with ``SCHEMA``; subclasses add the merging
    of their in-memory summary (``add``), what ``finish`` builds, and the questions."""

    PREFIX: ClassVar[str] = "summary-"
    SCHEMA: ClassVar[str] = ""

    def __init__(self, folder: str) -> None:
        handle, self.path = tempfile.mkstemp(prefix=self.PREFIX, suffix=".sqlite", dir=folder)
        os.close(handle)
        self._db: sqlite3.Connection | None = None
        self._writable = True
        self._finished = False
        self._answers: Callable[[str, tuple], tuple] | None = None
        self.db.executescript(self.SCHEMA)

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            if self._writable:
                self._db = sqlite3.connect(self.path)
                # Scratch data of one run: a crash loses the run anyway, so no journal or sync.
                self._db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
            else:
                self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            self._db.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
        return self._db

    def __getstate__(self) -> dict:
        """Pickled (sent to a worker) as its path and small attributes, finished and written."""
        self._finish_once()
        self.db.commit()
        return {key: value for key, value in self.__dict__.items() if key not in ("_db", "_answers")}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._db, self._writable, self._answers = None, False, None

    # -- merging ---------------------------------------------------------------------------
    @classmethod
    def belongs_in_file(cls, parts: Sequence[Any], articles: int, held: int) -> bool:
        """Whether merging ``parts`` (holding ``articles`` articles) must give a stored summary:
        when one part already is, or when the run names a record folder and the merge would
        hold more than ``held`` articles in memory."""
        if any(isinstance(part, cls) for part in parts):
            return True
        return record_folder() is not None and articles > held

    @classmethod
    def merged(cls, parts: Iterable[Any]) -> Any:
        """The union of ``parts`` in order: in the first part's file if it is stored, else in a
        new file in the run's record folder (or beside the first stored part). Stored parts are
        consumed."""
        parts = list(parts)
        stored = [part for part in parts if isinstance(part, cls)]
        if isinstance(parts[0], cls) and parts[0]._writable:
            out = parts[0]
        else:
            out = cls(record_folder() or os.path.dirname(stored[0].path))
        for part in parts:
            if part is out:
                continue
            if isinstance(part, cls):
                part.db.commit()
                out.db.commit()
                with out.attached(part):
                    out.add_stored(part)
                part.consumed()
            else:
                out.add(part)
        out._finished, out._answers = False, None
        out.db.commit()
        out.release()
        return out

    def add(self, part: Any) -> None:
        """Write an in-memory summary's rows into this file."""
        raise NotImplementedError

    def add_stored(self, part: Any) -> None:
        """Write the rows of ``part``, attached as the schema ``part``, into this file."""
        raise NotImplementedError

    @contextmanager
    def attached(self, part: "StoredSummary") -> Iterator[None]:
        self.db.execute("ATTACH DATABASE ? AS part", (part.path,))
        try:
            yield
            self.db.commit()
        finally:
            self.db.execute("DETACH DATABASE part")

    def release(self) -> None:
        """Close the connection, and with it SQLite's page cache (up to :data:`PAGE_CACHE_KIB`);
        the next question opens it again. A merged part may wait in the engine's counter of
        merges for most of a run, and a run holds several such parts at once."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def consumed(self) -> None:
        """This summary's rows now live in another one: its file goes."""
        self.release()
        os.unlink(self.path)

    # -- answering -------------------------------------------------------------------------
    def finish(self) -> None:
        """Build what the questions need (run once after the last merge)."""

    def _finish_once(self) -> None:
        if not self._finished:
            self.finish()
            self.db.commit()
            self._finished = True

    def write_rows(self, statement: str, rows: Iterable[tuple]) -> None:
        """``executemany`` in batches, so that rows made from a query's rows stream."""
        batch: list[tuple] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                self.db.executemany(statement, batch)
                batch.clear()
        self.db.executemany(statement, batch)

    def column(self, query: str, *args: object) -> tuple:
        """The first column of a query's rows. The corpus pass asks the same questions again
        and again (a story's names, a source's lines): the last ``CACHED_ANSWERS`` are kept."""
        if self._answers is None:
            self._finish_once()
            self._answers = lru_cache(maxsize=CACHED_ANSWERS)(self._fetch)
        return self._answers(query, args)

    def _fetch(self, query: str, args: tuple) -> tuple:
        return tuple(row[0] for row in self.db.execute(query, args))
