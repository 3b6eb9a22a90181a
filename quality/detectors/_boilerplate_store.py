"""Boilerplate's line counts of a large corpus, in an SQLite file instead of memory.

The corpus pass learns a source's template lines by counting, per source, the articles each
normalised line occurs in. Nearly every line of an article's body is its own, so the counts
grow with every article (some 1.4 KB an article on diverse news) though only a few lines ever
become templates. In a streamed run, a merged summary of more than ``HELD_RECORDS`` articles
becomes a :class:`StoredLines` (:mod:`quality.detectors._stored` says how stored summaries
live): the counts in a table, the templates worked out by one query, and only the articles per
source and the templates kept in memory.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

from quality.detectors._stored import StoredSummary

if TYPE_CHECKING:
    from quality.detectors.boilerplate import SourceLines

_TABLES = """
CREATE TABLE lines (source TEXT, key BLOB, n INTEGER, PRIMARY KEY (source, key)) WITHOUT ROWID;
CREATE TABLE words (key BLOB PRIMARY KEY, n INTEGER) WITHOUT ROWID;
"""


class StoredLines(StoredSummary):
    """A :class:`~quality.detectors.boilerplate.SourceLines` whose line counts are in a file."""

    PREFIX = "lines-"
    SCHEMA = _TABLES

    def __init__(self, folder: str) -> None:
        super().__init__(folder)
        self.articles: dict[str, int] = {}  # one number per source: small
        self.learned_by_thresholds: dict = {}

    def _count_articles(self, articles: Mapping[str, int]) -> None:
        for source, n in articles.items():
            self.articles[source] = self.articles.get(source, 0) + n

    def add(self, part: "SourceLines") -> None:
        self._count_articles(part.articles)
        self.db.executemany(
            "INSERT INTO lines VALUES (?, ?, ?) ON CONFLICT (source, key) DO UPDATE SET n = n + excluded.n",
            ((source, key, n) for source, counts in part.lines.items() for key, n in counts.items()),
        )
        self.db.executemany("INSERT OR IGNORE INTO words VALUES (?, ?)", part.words.items())
        self.learned_by_thresholds = {}

    def add_stored(self, part: "StoredLines") -> None:
        self._count_articles(part.articles)
        self.db.executescript(
            """
            INSERT INTO lines SELECT * FROM part.lines WHERE true ON CONFLICT (source, key) DO UPDATE SET n = n + excluded.n;
            INSERT OR IGNORE INTO words SELECT * FROM part.words;
            """
        )
        self.learned_by_thresholds = {}

    def finish(self) -> None:
        self.db.execute("CREATE INDEX IF NOT EXISTS lines_by_key ON lines (key)")

    def templates(self, min_articles: int, min_share: float, quote_min_words: int) -> dict[str, dict[bytes, int]]:
        """As :meth:`SourceLines.templates`, by one query over the lines common enough."""
        self._finish_once()
        out: dict[str, dict[bytes, int]] = {source: {} for source in self.articles}
        query = """
            SELECT l.source, l.key, l.n FROM lines AS l
            WHERE l.n >= ? AND NOT (
                (SELECT COUNT(*) FROM lines AS o WHERE o.key = l.key) > 1
                AND COALESCE((SELECT w.n FROM words AS w WHERE w.key = l.key), 0) >= ?)
            """
        for source, key, n in self.db.execute(query, (min_articles, quote_min_words)):
            if n >= min_share * self.articles.get(source, 0):  # as SourceLines compares, in Python floats
                out[source][key] = n
        return out
