"""The names summary of a large corpus, kept in an SQLite file instead of memory.

:class:`~quality.detectors.translation.names.NameSummary` is keyed by vocabulary: every new
name word adds its outlets, its articles' name sets and its companions. Text that keeps
bringing new names (a million articles from many beats) would grow it past any memory bound,
about 11 KB an article on diverse news. When the engine names a folder for records
(:func:`quality.detectors.base.records_on_disk`, as the streaming engine does) and a merged
summary holds more than ``held_articles`` articles, it becomes a :class:`StoredNames`: the same
tables in an SQLite database in that folder, with the same answers to the same questions
(``sources_of``, ``similar_words`` ...), so that memory holds only SQLite's page cache.

Merging stays associative and keeps the order in which mentions were first seen (the one
order a finding depends on, in ``mentions_like``). A stored summary is the merge's to consume:
merging writes the other parts into the first stored part's file and removes theirs. The
look-up indexes (deletion keys, letters, wildcards) are built once, when the first question is
asked or the summary is pickled for a worker, which then opens the file read-only.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from quality.detectors.translation.spelling_keys import letters, lookup_keys

if TYPE_CHECKING:
    from quality.detectors.translation.names import NameSummary

SEPARATOR = "\x1f"  # joins the words of a mention into one key; never inside a name word
COUNTED = ("lone", "pairs", "first_words", "second_words", "lone_beside")  # NameSummary's Counters
PAGE_CACHE_KIB = 16 * 1024  # what SQLite may keep in memory per connection
BATCH = 10_000  # rows written per statement while the indexes are built
CACHED_ANSWERS = 1 << 16  # answers kept per process (a few megabytes)

_TABLES = """
CREATE TABLE word_sources (word TEXT, source TEXT, PRIMARY KEY (word, source)) WITHOUT ROWID;
CREATE TABLE word_uses (source TEXT, word TEXT, n INTEGER, PRIMARY KEY (source, word)) WITHOUT ROWID;
CREATE TABLE mentions (mention TEXT PRIMARY KEY, seq INTEGER) WITHOUT ROWID;
CREATE TABLE mention_sources (mention TEXT, source TEXT, PRIMARY KEY (mention, source)) WITHOUT ROWID;
CREATE TABLE counts (kind INTEGER, key TEXT, n INTEGER, PRIMARY KEY (kind, key)) WITHOUT ROWID;
CREATE TABLE context (word TEXT, story INTEGER, PRIMARY KEY (word, story)) WITHOUT ROWID;
CREATE TABLE companions (word TEXT, other TEXT, PRIMARY KEY (word, other)) WITHOUT ROWID;
CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER) WITHOUT ROWID;
"""
_INDEXES = """
CREATE TABLE word_keys (key TEXT, word TEXT, PRIMARY KEY (key, word)) WITHOUT ROWID;
CREATE TABLE mention_letters (letters TEXT, mention TEXT, PRIMARY KEY (letters, mention)) WITHOUT ROWID;
CREATE TABLE mention_patterns (pattern TEXT, seq INTEGER, mention TEXT, PRIMARY KEY (pattern, seq)) WITHOUT ROWID;
CREATE TABLE pair_words (word TEXT, pair TEXT, PRIMARY KEY (word, pair)) WITHOUT ROWID;
"""


def joined(key: str | tuple[str, ...]) -> str:
    return key if isinstance(key, str) else SEPARATOR.join(key)


def split(key: str) -> tuple[str, ...]:
    return tuple(key.split(SEPARATOR))


class StoredNames:
    """A :class:`NameSummary` in an SQLite file: the same questions, answered from disk."""

    def __init__(self, folder: str) -> None:
        handle, self.path = tempfile.mkstemp(prefix="names-", suffix=".sqlite", dir=folder)
        os.close(handle)
        self._db: sqlite3.Connection | None = None
        self._writable = True
        self.db.executescript(_TABLES)
        self.articles = 0
        self._next_seq = 0  # the order in which mentions were first seen
        self._next_story = 0
        self._indexed = False
        self._answers: Callable[[str, tuple], tuple] | None = None

    # -- the file --------------------------------------------------------------------------
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
        """Pickled (sent to a worker) as its path, with its indexes built and written."""
        self._build_indexes()
        self.db.commit()
        return {"path": self.path, "articles": self.articles, "next": (self._next_seq, self._next_story)}

    def __setstate__(self, state: dict) -> None:
        self.path, self.articles, (self._next_seq, self._next_story) = state["path"], state["articles"], state["next"]
        self._db, self._writable, self._indexed, self._answers = None, False, True, None

    def _consumed(self) -> None:
        """This summary's rows now live in another one: its file goes."""
        if self._db is not None:
            self._db.close()
            self._db = None
        os.unlink(self.path)

    # -- merging ---------------------------------------------------------------------------
    @classmethod
    def merged(cls, parts: Iterable["NameSummary | StoredNames"], folder: str) -> "StoredNames":
        """The union of ``parts``, in order, in the first part's file if it is stored (else a
        new one in ``folder``). Stored parts are consumed."""
        parts = list(parts)
        first = parts[0] if isinstance(parts[0], StoredNames) and parts[0]._writable else None
        out = first if first is not None else cls(folder)
        for part in parts:
            if part is out:
                continue
            if isinstance(part, StoredNames):
                out._add_stored(part)
                part._consumed()
            else:
                out._add_summary(part)
        out._indexed, out._answers = False, None
        return out

    def _add_summary(self, part: "NameSummary") -> None:
        db = self.db
        db.executemany("INSERT OR IGNORE INTO word_sources VALUES (?, ?)", ((w, s) for w, sources in part.word_sources.items() for s in sources))
        db.executemany(
            "INSERT INTO word_uses VALUES (?, ?, ?) ON CONFLICT (source, word) DO UPDATE SET n = n + excluded.n",
            ((source, word, n) for (source, word), n in part.word_uses.items()),
        )
        for key in part.mention_sources:
            db.execute("INSERT OR IGNORE INTO mentions VALUES (?, ?)", (joined(key), self._next_seq))
            self._next_seq += 1
        db.executemany(
            "INSERT OR IGNORE INTO mention_sources VALUES (?, ?)", ((joined(k), s) for k, sources in part.mention_sources.items() for s in sources)
        )
        for kind, table in enumerate(COUNTED):
            db.executemany(
                "INSERT INTO counts VALUES (?, ?, ?) ON CONFLICT (kind, key) DO UPDATE SET n = n + excluded.n",
                ((kind, joined(key), n) for key, n in getattr(part, table).items()),
            )
        # An article's name set becomes a story number: what is asked of it is only which name
        # words share one (numbers given to equal sets in other parts make no difference).
        story_ids: dict[frozenset[str], int] = {}
        for word, stories in part.context.items():
            for story in stories:
                if story not in story_ids:
                    story_ids[story] = self._next_story
                    self._next_story += 1
            db.executemany("INSERT OR IGNORE INTO context VALUES (?, ?)", ((word, story_ids[story]) for story in stories))
        db.executemany("INSERT OR IGNORE INTO companions VALUES (?, ?)", ((w, o) for w, others in part.companions.items() for o in others))
        self.articles += part.articles

    def _add_stored(self, part: "StoredNames") -> None:
        part.db.commit()
        db = self.db
        db.commit()
        db.execute("ATTACH DATABASE ? AS part", (part.path,))
        try:
            db.executescript(
                f"""
                INSERT OR IGNORE INTO word_sources SELECT * FROM part.word_sources;
                INSERT INTO word_uses SELECT * FROM part.word_uses WHERE true
                    ON CONFLICT (source, word) DO UPDATE SET n = n + excluded.n;
                INSERT OR IGNORE INTO mentions SELECT mention, seq + {self._next_seq} FROM part.mentions ORDER BY seq;
                INSERT OR IGNORE INTO mention_sources SELECT * FROM part.mention_sources;
                INSERT INTO counts SELECT * FROM part.counts WHERE true
                    ON CONFLICT (kind, key) DO UPDATE SET n = n + excluded.n;
                INSERT OR IGNORE INTO context SELECT word, story + {self._next_story} FROM part.context;
                INSERT OR IGNORE INTO companions SELECT * FROM part.companions;
                """
            )
            db.commit()
        finally:
            db.execute("DETACH DATABASE part")
        self._next_seq += part._next_seq
        self._next_story += part._next_story
        self.articles += part.articles

    # -- look-up indexes -------------------------------------------------------------------
    def _build_indexes(self) -> None:
        if self._indexed:
            return
        db = self.db
        db.executescript("DROP TABLE IF EXISTS word_keys; DROP TABLE IF EXISTS mention_letters; DROP TABLE IF EXISTS mention_patterns; DROP TABLE IF EXISTS pair_words;")
        db.executescript(_INDEXES)
        words = (row[0] for row in db.execute("SELECT DISTINCT word FROM word_sources"))
        self._write_rows("INSERT OR IGNORE INTO word_keys VALUES (?, ?)", ((key, w) for w in words for key in lookup_keys(w)))
        mentions = [(split(m), seq) for m, seq in db.execute("SELECT mention, seq FROM mentions")]
        self._write_rows("INSERT OR IGNORE INTO mention_letters VALUES (?, ?)", ((letters(key), joined(key)) for key, _ in mentions))
        patterns = (
            (joined(key[:i] + ("*",) + key[i + 1 :]), seq, joined(key)) for key, seq in mentions if len(key) >= 2 for i in range(len(key))
        )
        self._write_rows("INSERT INTO mention_patterns VALUES (?, ?, ?)", patterns)
        del mentions
        pairs = [row[0] for row in db.execute("SELECT key FROM counts WHERE kind = ?", (COUNTED.index("pairs"),))]
        self._write_rows("INSERT OR IGNORE INTO pair_words VALUES (?, ?)", ((w, p) for p in pairs for w in set(split(p))))
        db.commit()
        self._indexed = True

    def _write_rows(self, statement: str, rows: Iterator[tuple]) -> None:
        batch: list[tuple] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                self.db.executemany(statement, batch)
                batch.clear()
        self.db.executemany(statement, batch)

    def _column(self, query: str, *args: object) -> tuple:
        """The first column of a query's rows. The corpus pass asks the same questions about a
        story's names article after article: the last ``CACHED_ANSWERS`` answers are kept."""
        if self._answers is None:
            self._build_indexes()
            self._answers = lru_cache(maxsize=CACHED_ANSWERS)(self._fetch)
        return self._answers(query, args)

    def _fetch(self, query: str, args: tuple) -> tuple:
        return tuple(row[0] for row in self.db.execute(query, args))

    # -- the questions the corpus pass asks (as NameSummary's) -------------------------------
    def sources_of(self, word: str) -> frozenset[str]:
        return frozenset(self._column("SELECT source FROM word_sources WHERE word = ?", word))

    def uses(self, source: str, word: str) -> int:
        found = self._column("SELECT n FROM word_uses WHERE source = ? AND word = ?", source, word)
        return found[0] if found else 0

    def mention_users(self, key: tuple[str, ...]) -> frozenset[str]:
        return frozenset(self._column("SELECT source FROM mention_sources WHERE mention = ?", joined(key)))

    def same_story(self, names: set[str], word: str, candidate: str, needed: int) -> bool:
        """As :meth:`NameSummary.same_story`: a name word counts when one of the candidate's
        articles writes it too (looked up word by word, stopping at ``needed``)."""
        self._build_indexes()
        query = "SELECT 1 FROM context AS a JOIN context AS b ON b.story = a.story WHERE a.word = ? AND b.word = ? LIMIT 1"
        found = 0
        for other in sorted(names - {word, candidate}):
            if self._column(query, candidate, other):
                found += 1
                if found >= needed:
                    return True
        return False

    def companions_for(self, word: str) -> frozenset[str]:
        return frozenset(self._column("SELECT other FROM companions WHERE word = ?", word))

    def counts(self, table: str, key: str | tuple[str, ...]) -> int:
        found = self._column("SELECT n FROM counts WHERE kind = ? AND key = ?", COUNTED.index(table), joined(key))
        return found[0] if found else 0

    def similar_words(self, word: str) -> set[str]:
        keys = sorted(lookup_keys(word))
        marks = ",".join("?" * len(keys))
        return set(self._column(f"SELECT word FROM word_keys WHERE key IN ({marks})", *keys)) - {word}

    def pairs_with(self, words: set[str]) -> list[tuple[str, str]]:
        found: set[tuple[str, ...]] = set()
        for word in words:
            found.update(split(p) for p in self._column("SELECT pair FROM pair_words WHERE word = ?", word))
        return sorted(found)  # type: ignore[arg-type]

    def same_letters(self, key: tuple[str, ...]) -> list[tuple[str, ...]]:
        rows = self._column("SELECT mention FROM mention_letters WHERE letters = ?", letters(key))
        return [other for other in map(split, rows) if other != key]

    def mentions_like(self, key: tuple[str, ...], position: int) -> list[tuple[str, ...]]:
        """In the order the mentions were first seen, as the in-memory summary lists them."""
        pattern = joined(key[:position] + ("*",) + key[position + 1 :])
        rows = self._column("SELECT mention FROM mention_patterns WHERE pattern = ? ORDER BY seq", pattern)
        return [other for other in map(split, rows) if other != key]
