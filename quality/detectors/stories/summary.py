"""The corpus summary of the story grouping, and the grouping itself.

Per article the summary keeps its signature (:mod:`~quality.detectors.stories.profile`, 256
bytes), its source and date, and a record of what the comparison inside a story needs (id,
title, terms, text). When the run names a temporary folder and the summary is large, the records
go to record files (:mod:`quality.detectors._records`) and the signatures to signature files
(:mod:`.signatures`), so that what stays in memory is some 40 bytes an article.

Grouping is locality-sensitive hashing done with arrays: the signature is cut into
:data:`BANDS` bands of :data:`ROWS` numbers; articles that agree on a whole band are
candidates (for an overlap of 0.2 two articles become candidates with a probability of 0.73, for
0.3 of 0.95, for 0.05 of 0.08); each band is sorted once instead of hashed into a dictionary.
A candidate pair is one story when the signatures agree on at least :data:`SAME_STORY` of their
numbers and, when both articles are dated, they lie within the date window. Stories are the
connected groups of such pairs. The pairs of a band are compared as arrays and linked at once
(scipy's connected components), never collected, and a pair already linked through others is
not compared again: on wire-like text, where most articles have many versions, the pairs
outnumber the articles many times over, so memory stays a few arrays of one number an article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sys
from array import array
from dataclasses import dataclass
from typing import Any, ClassVar, Iterable, Iterator, Sequence

import numpy as np

from quality.detectors._records import HELD_RECORDS, PlacedRecords
from quality.detectors.base import record_folder
from quality.detectors.stories.profile import EMPTY, PERMUTATIONS
from quality.detectors.stories.signatures import SignatureFile, SignatureTable

ROWS = 2
BANDS = PERMUTATIONS // ROWS
# Two articles whose distinctive words overlap this much (estimated Jaccard) report one story:
# measured on the MQM set's translations and the Zyte pages (benchmarks/stories.py).
SAME_STORY = 0.2
# In a band shared by many articles (a common pair of words), each is checked against this many
# of the articles before it, not all: a story is a connected group, so a few links suffice.
MAX_LINKS_PER_BUCKET = 8
# Candidate pairs compared at once: a block's signatures side by side take some 16 MB.
COMPARED_AT_ONCE = 32768
UNDATED = -1
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def date_ordinal(date: str | None) -> int:
    """The day number of an ISO date (``2023-01-31``, or a timestamp starting with one);
    :data:`UNDATED` for anything else."""
    match = _DATE.match(date or "")
    if not match:
        return UNDATED
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3])).toordinal()
    except ValueError:
        return UNDATED


@dataclass(frozen=True)
class Member:
    """What a story's comparison reads of one article."""

    id: str
    source: str
    date: int
    title: str | None
    terms: tuple[str, ...]
    text: str


class StorySummary:
    """Signatures, sources and dates of the corpus's articles, in input order, and their
    records (see the module docstring). Merging concatenates, which keeps it associative.

    The records are held in memory or written out (``records``). The signatures are
    ``signature_files``, then the rows still in memory (``signatures``), in input order."""

    held_articles: ClassVar[int] = HELD_RECORDS

    def __init__(self) -> None:
        self.signatures = array("I")  # PERMUTATIONS numbers an article, one after the other
        self.signature_files: list[SignatureFile] = []  # written out: the rows before ``signatures``
        self.keys = array("Q")  # a 64-bit hash of each article's id: its position, by search
        self.dates = array("i")  # day numbers (date.toordinal(), or UNDATED)
        self.sources: list[str] = []
        self.records = PlacedRecords()  # of Member
        self._sorted_keys: tuple[np.ndarray, np.ndarray] | None = None
        self._grouping: Grouping | None = None
        # What reads the stories for StoryDetector.apply, with its caches (made where it is used).
        self.reader: Any = None

    def add(self, member: Member, signature: np.ndarray) -> None:
        self.records.append(member)
        self.signatures.extend(signature.tolist())
        self.keys.append(id_key(member.id))
        self.dates.append(member.date)
        self.sources.append(sys.intern(member.source))

    @classmethod
    def merged(cls, parts: Iterable["StorySummary"]) -> "StorySummary":
        merged = cls()
        parts = list(parts)
        merged.records = PlacedRecords.joined(part.records for part in parts)
        for part in parts:
            if part.signature_files:  # the rows in memory so far come before this part's files
                merged._write_signatures(os.path.dirname(part.signature_files[0].path))
                merged.signature_files.extend(part.signature_files)
            merged.signatures.extend(part.signatures)
            merged.keys.extend(part.keys)
            merged.dates.extend(part.dates)
            merged.sources.extend(part.sources)
        merged._write_out()
        return merged

    def _write_out(self) -> None:
        """Move the records and signatures held in memory to files, when the run names a folder
        and they are many."""
        folder = record_folder()
        if folder is not None and self.records.write_out(folder, self.held_articles):
            self._write_signatures(folder)

    def _write_signatures(self, folder: str) -> None:
        """The signatures in memory, written out as the last signature file."""
        if self.signatures:
            self.signature_files.append(SignatureFile.written(self.signatures, folder))
            self.signatures = array("I")

    def __len__(self) -> int:
        return len(self.sources)

    def member(self, position: int) -> Member:
        return self.records[position]

    def position(self, id_: str) -> int | None:
        """The article's place in the summary, found by its id's hash (ids are unique in a
        run; the record's id confirms the match)."""
        if self._sorted_keys is None:
            keys = np.frombuffer(self.keys, dtype=np.uint64)
            order = np.argsort(keys, kind="stable").astype(np.int32)
            self._sorted_keys = keys[order], order
        keys, order = self._sorted_keys
        wanted = np.uint64(id_key(id_))
        at = int(np.searchsorted(keys, wanted))
        while at < len(order) and keys[at] == wanted:
            position = int(order[at])
            if self.member(position).id == id_:
                return position
            at += 1
        return None

    def grouping(self, window_days: int | None) -> "Grouping":
        if self._grouping is None:
            signatures = SignatureTable(self.signature_files, np.frombuffer(self.signatures, dtype=np.uint32))
            self._grouping = Grouping.of(signatures, np.frombuffer(self.dates, dtype=np.int32), window_days)
        return self._grouping

    def __getstate__(self) -> dict[str, Any]:  # the look-up order is sorted again where it is needed
        return {**self.__dict__, "_sorted_keys": None, "reader": None}


def id_key(id_: str) -> int:
    return int.from_bytes(hashlib.blake2b(id_.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


class Grouping:
    """The stories of a corpus: ``story[k]`` is the story number of the k-th article (numbered
    by their first article, in input order), and ``members(s)`` the articles of story ``s``."""

    def __init__(self, story: np.ndarray, signatures: SignatureTable) -> None:
        self.story = story
        self.signatures = signatures
        # Articles by story, and where each story's run starts: two arrays, not one per story.
        self._order = np.argsort(story, kind="stable").astype(np.int32)
        self._starts = np.r_[0, np.flatnonzero(np.diff(story[self._order])) + 1, len(story)] if len(story) else np.zeros(1, np.int64)

    @classmethod
    def of(cls, signatures: np.ndarray | SignatureTable, dates: np.ndarray, window_days: int | None) -> "Grouping":
        """Stories as the connected groups of candidate pairs (:func:`_candidate_pairs`) that
        agree on :data:`SAME_STORY` of their numbers and lie within the date window. Memory is a
        few numbers an article: pairs are read band by band and never kept, and a pair whose
        articles are linked already is not compared."""
        signatures = SignatureTable.of(signatures)
        first_linked = np.arange(len(signatures), dtype=np.int32)  # each article's first article linked to it so far
        for first, second in _candidate_pairs(signatures):
            unlinked = first_linked[first] != first_linked[second]
            first, second = first[unlinked], second[unlinked]
            same = _same_story(signatures, dates, first, second, window_days)
            if same.any():
                first_linked = _linked(first_linked, first[same], second[same])
        _, story = np.unique(first_linked, return_inverse=True)  # first articles: numbered in input order
        return cls(story.astype(np.int32), signatures)

    def members(self, story: int) -> Sequence[int]:
        return self._order[self._starts[story] : self._starts[story + 1]].tolist()

    def __len__(self) -> int:
        return len(self._starts) - 1


def _same_story(signatures: SignatureTable, dates: np.ndarray, first: np.ndarray, second: np.ndarray, window_days: int | None) -> np.ndarray:
    """Which pairs ``(first[k], second[k])`` report one story: their signatures agree on enough
    numbers (an estimate of the overlap, Jaccard, of their distinctive words; candidate pairs
    never hold an article without any), and they lie within the window when both are dated.
    Compared a block of pairs at a time, to bound the memory."""
    same = np.zeros(len(first), dtype=bool)
    for at in range(0, len(first), COMPARED_AT_ONCE):
        a, b = first[at : at + COMPARED_AT_ONCE], second[at : at + COMPARED_AT_ONCE]
        same[at : at + COMPARED_AT_ONCE] = np.count_nonzero(signatures.rows(a) == signatures.rows(b), axis=1) >= SAME_STORY * PERMUTATIONS
    if window_days is not None:
        da, db = dates[first], dates[second]
        same &= (da == UNDATED) | (db == UNDATED) | (np.abs(da - db) <= window_days)
    return same


def _linked(first_linked: np.ndarray, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """``first_linked`` once the pairs ``(first[k], second[k])`` are linked too. Every article
    points at its group's first article, so only those first articles are joined (the connected
    groups of a graph of them, not of the whole corpus) and each article renamed through them:
    some 8 bytes an article at once. (scipy loads when two articles are first linked, as in
    :mod:`.align`: start-up stays free of it.)"""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    a, b = first_linked[first], first_linked[second]
    roots = np.unique(np.r_[a, b])  # the groups' first articles, ascending
    edges = coo_matrix((np.ones(len(a), dtype=np.int8), (np.searchsorted(roots, a), np.searchsorted(roots, b))), shape=(len(roots), len(roots)))
    _, group = connected_components(edges, directed=False)
    first_of_group = np.full(group.max() + 1, len(first_linked), dtype=first_linked.dtype)
    np.minimum.at(first_of_group, group, roots)
    joined = first_of_group[group]  # each root's new first article: the first of its joined groups
    moved = joined != roots
    renamed = np.arange(len(first_linked), dtype=first_linked.dtype)
    renamed[roots[moved]] = joined[moved]
    return renamed[first_linked]


def _candidate_pairs(signatures: SignatureTable) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Pairs of articles that agree on a whole band of their signatures, as two arrays
    ``(first, second)`` with ``first < second``, a band and a distance at a time. In a band
    shared by many articles, each is paired with the :data:`MAX_LINKS_PER_BUCKET` before it
    only; a pair may come again in another band."""
    usable = np.flatnonzero(~signatures.empty_rows(EMPTY)).astype(np.int32)
    if len(usable) < 2:
        return
    for band in range(BANDS):
        numbers = signatures.columns(ROWS * band, ROWS)[usable]
        key = (numbers[:, 0].astype(np.uint64) << np.uint64(32)) | numbers[:, 1]
        order = np.argsort(key, kind="stable")  # equal keys keep input order: first < second
        sorted_keys = key[order]
        for distance in range(1, min(MAX_LINKS_PER_BUCKET, len(order) - 1) + 1):
            same = np.flatnonzero(sorted_keys[distance:] == sorted_keys[:-distance])
            if len(same):
                yield usable[order[same]], usable[order[same + distance]]
