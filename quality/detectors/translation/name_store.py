"""Translation's names summary of a large corpus, in an SQLite file instead of memory.

:class:`~quality.detectors.translation.names.NameSummary` is keyed by vocabulary: every new
name word adds its outlets, its articles' name sets and its companions, about 14 KB an article
on text that keeps bringing new names. In a streamed run, a merged summary of more than
``NameSummary.held_articles`` articles becomes a :class:`StoredNames`
(:mod:`quality.detectors._stored` says how stored summaries live), which answers the same
questions (``sources_of``, ``similar_words`` ...) with the same answers, in the same order where
order matters (``mentions_like`` lists mentions in the order they were first seen).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quality.detectors._stored import StoredSummary
from quality.detectors.translation.spelling_keys import letters, lookup_keys

if TYPE_CHECKING:
    from quality.detectors.translation.names import NameSummary

SEPARATOR = "\x1f"  # joins the words of a mention into one key; never inside a name word
COUNTED = ("lone", "pairs", "first_words", "second_words", "lone_beside")  # NameSummary's Counters

_TABLES = """
CREATE TABLE word_sources (word TEXT, source TEXT, PRIMARY KEY (word, source)) WITHOUT ROWID;
CREATE TABLE word_uses (source TEXT, word TEXT, n INTEGER, PRIMARY KEY (source, word)) WITHOUT ROWID;
CREATE TABLE mentions (mention TEXT PRIMARY KEY, seq INTEGER) WITHOUT ROWID;
CREATE TABLE mention_sources (mention TEXT, source TEXT, PRIMARY KEY (mention, source)) WITHOUT ROWID;
CREATE TABLE counts (kind INTEGER, key TEXT, n INTEGER, PRIMARY KEY (kind, key)) WITHOUT ROWID;
CREATE TABLE context (word TEXT, story INTEGER, PRIMARY KEY (word, story)) WITHOUT ROWID;
CREATE TABLE companions (word TEXT, other TEXT, PRIMARY KEY (word, other)) WITHOUT ROWID;
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


class StoredNames(StoredSummary):
    """A :class:`NameSummary` in an SQLite file: the same questions, answered from disk."""

    PREFIX = "names-"
    SCHEMA = _TABLES

    def __init__(self, folder: str) -> None:
        super().__init__(folder)
        self.articles = 0
        self._next_seq = 0  # the order in which mentions were first seen
        self._next_story = 0

    def add(self, part: "NameSummary") -> None:
        db = self.db
        db.executemany("INSERT OR IGNORE INTO word_sources VALUES (?, ?)", ((w, s) for w, sources in part.word_sources.items() for s in sources))
        db.executemany(
            "INSERT INTO word_uses VALUES (?, ?, ?) ON CONFLICT (source, word) DO UPDATE SET n = n + excluded.n",
            ((source, word, n) for (source, word), n in part.word_uses.items()),
        )
        db.executemany("INSERT OR IGNORE INTO mentions VALUES (?, ?)", ((joined(key), self._next_seq + k) for k, key in enumerate(part.mention_sources)))
        self._next_seq += len(part.mention_sources)
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

    def add_stored(self, part: "StoredNames") -> None:
        self.db.executescript(
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
        self._next_seq += part._next_seq
        self._next_story += part._next_story
        self.articles += part.articles

    # -- look-up indexes -------------------------------------------------------------------
    def finish(self) -> None:
        """The look-up tables for ``similar_words``, ``same_letters``, ``mentions_like`` and
        ``pairs_with``, each filled from a query as it streams."""
        db = self.db
        db.executescript("DROP TABLE IF EXISTS word_keys; DROP TABLE IF EXISTS mention_letters; DROP TABLE IF EXISTS mention_patterns; DROP TABLE IF EXISTS pair_words;")
        db.executescript(_INDEXES)
        words = (row[0] for row in db.execute("SELECT DISTINCT word FROM word_sources"))
        self.write_rows("INSERT OR IGNORE INTO word_keys VALUES (?, ?)", ((key, w) for w in words for key in lookup_keys(w)))
        mentions = db.execute("SELECT mention FROM mentions")
        self.write_rows("INSERT OR IGNORE INTO mention_letters VALUES (?, ?)", ((letters(split(m)), m) for (m,) in mentions))
        mentions = db.execute("SELECT mention, seq FROM mentions")
        patterns = (
            (joined(key[:i] + ("*",) + key[i + 1 :]), seq, m) for m, seq in mentions if len(key := split(m)) >= 2 for i in range(len(key))
        )
        self.write_rows("INSERT INTO mention_patterns VALUES (?, ?, ?)", patterns)
        pairs = db.execute("SELECT key FROM counts WHERE kind = ?", (COUNTED.index("pairs"),))
        self.write_rows("INSERT OR IGNORE INTO pair_words VALUES (?, ?)", ((w, p) for (p,) in pairs for w in set(split(p))))

    # -- the questions the corpus pass asks (as NameSummary's) -------------------------------
    def sources_of(self, word: str) -> frozenset[str]:
        return frozenset(self.column("SELECT source FROM word_sources WHERE word = ?", word))

    def uses(self, source: str, word: str) -> int:
        found = self.column("SELECT n FROM word_uses WHERE source = ? AND word = ?", source, word)
        return found[0] if found else 0

    def mention_users(self, key: tuple[str, ...]) -> frozenset[str]:
        return frozenset(self.column("SELECT source FROM mention_sources WHERE mention = ?", joined(key)))

    def same_story(self, names: set[str], word: str, candidate: str, needed: int) -> bool:
        """As :meth:`NameSummary.same_story`: a name word counts when one of the candidate's
        articles writes it too (looked up word by word, stopping at ``needed``)."""
        query = "SELECT 1 FROM context AS a JOIN context AS b ON b.story = a.story WHERE a.word = ? AND b.word = ? LIMIT 1"
        found = 0
        for other in sorted(names - {word, candidate}):
            if self.column(query, candidate, other):
                found += 1
                if found >= needed:
                    return True
        return False

    def companions_for(self, word: str) -> frozenset[str]:
        return frozenset(self.column("SELECT other FROM companions WHERE word = ?", word))

    def counts(self, table: str, key: str | tuple[str, ...]) -> int:
        found = self.column("SELECT n FROM counts WHERE kind = ? AND key = ?", COUNTED.index(table), joined(key))
        return found[0] if found else 0

    def similar_words(self, word: str) -> set[str]:
        keys = sorted(lookup_keys(word))
        marks = ",".join("?" * len(keys))
        return set(self.column(f"SELECT word FROM word_keys WHERE key IN ({marks})", *keys)) - {word}

    def pairs_with(self, words: set[str]) -> list[tuple[str, str]]:
        found: set[tuple[str, ...]] = set()
        for word in words:
            found.update(split(p) for p in self.column("SELECT pair FROM pair_words WHERE word = ?", word))
        return sorted(found)  # type: ignore[arg-type]

    def same_letters(self, key: tuple[str, ...]) -> list[tuple[str, ...]]:
        rows = self.column("SELECT mention FROM mention_letters WHERE letters = ?", letters(key))
        return [other for other in map(split, rows) if other != key]

    def mentions_like(self, key: tuple[str, ...], position: int) -> list[tuple[str, ...]]:
        """In the order the mentions were first seen, as the in-memory summary lists them."""
        pattern = joined(key[:position] + ("*",) + key[position + 1 :])
        rows = self.column("SELECT mention FROM mention_patterns WHERE pattern = ? ORDER BY seq", pattern)
        return [other for other in map(split, rows) if other != key]
