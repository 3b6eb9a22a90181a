"""Consensus between versions: a paragraph that says something other than its parallel versions.

Newsrooms receive the same story many times: one wire copy run by several outlets, often
machine-translated from the same original by each of them. When three or more other outlets
carry a close version of a paragraph and agree with each other, a version that shares few of
their words has probably gone its own way: mistranslated, cut or padded. Single-text checks
cannot see this (the wrong version can be perfectly fluent English); the corpus can.

How versions are found (no ids, only the text):

1. Every paragraph line becomes a set of lower-case word tokens. The corpus summary keeps these
   sets per article, in input order (``merge`` concatenates: associative); the index reads
   them in id order.
2. Articles first. Each article picks as keys its ``key_words`` *rarest* words in the corpus,
   counted in articles, not lines (each key in 2 or more articles, never a common English word
   of Zipf ``common_zipf`` or more). Other-source articles that contain at least
   ``min_shared_keys`` of them are candidates, at most ``max_candidates``, ranked by the keys
   they share weighted by rarity (1 / the articles holding the key), so the words of a whole
   topic ("voters", "democrat") do not outrank those of one story. A key lists at most
   ``max_key_articles`` articles (the first in id order), which bounds the work per article
   however many outlets carry a story: a wire story run by 300 outlets still finds its
   versions among 64 of them. Counting articles rather than lines matters: a talk or a long
   report repeats its topic words on many lines, and 15 versions of such a line would make
   every key too common to use.
3. Lines next, within each candidate pair. A word that each of the two articles uses on one
   line only (the idea of patience diff) votes for pairing those two lines. A line's
   best-voted counterpart is an anchor when their word Jaccard similarity is at least
   ``anchor_similarity``. The longest chain of anchors in reading order (a longest increasing
   subsequence) aligns the two articles; they are versions of each other only with at least
   ``min_anchors`` anchors covering ``min_anchor_share`` of the shorter article.
4. Lines between two anchors are paired by position when both gaps have the same length, so a
   paragraph too changed to be found by its words still meets its counterpart; unequal gaps
   pair a line with its most similar line in the other gap, if any is ``pair_similarity``
   similar.
5. A line is *parallel* when at least ``min_versions`` other sources have a counterpart (one
   per source: the version with most anchors; candidates are aligned until ``max_versions``
   sources have one). When ``min_versions`` or more counterparts are ``pair_similarity``
   similar to the line, the others (paired by position alone) are set aside. Its divergence
   is ``agreement − similarity`` (never below 0): the mean pairwise Jaccard among the
   counterparts minus the line's mean Jaccard to them. Agreeing versions that the line does
   not match make it large; versions that all differ (a free text that every outlet words its
   own way) make it small.

Independently written reports of one story share the odd quotation but not a chain of
paragraphs, so they are not versions and get nothing. The price: a version so far from the
others that too few of its lines anchor is not recognised as a version either, and gets
nothing.
"""

from __future__ import annotations

import heapq
import re
import sys
from array import array
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any, ClassVar, Iterable, Iterator, NamedTuple, Sequence

import numpy as np
from cachetools import LRUCache, cached

from quality.detectors._records import HELD_RECORDS, MappedArray, PackedStrings, PlacedRecords, kept_or_mapped
from quality.detectors._wordlists import is_one_token, list_buckets, zipf_frequency
from quality.detectors.base import record_folder
from quality.detectors.translation.text import zipf

_WORD = re.compile(r"\w+")
# The index's arrays that grow with the vocabulary and the postings: mapped in a streamed run.
_MAPPED = ("candidate_hashes", "candidate_counts", "posting_starts", "posting_articles")
# Articles whose candidates are looked up between two releases of the mapped arrays' pages.
RELEASE_EVERY = 4096
# The index's caches, in words: about 1,024 articles' lines and 4,096 articles' single-line
# views on the throughput corpus, whose articles hold 680 words on their lines and 220 words
# used on one line only on average (its last articles some 1,160 and 340).
CACHED_LINE_WORDS = 700_000
CACHED_VIEW_WORDS = 900_000
# A string whose hash tells whether a process hashes strings as the one that built an index.
_HASH_PROBE = "quality.consensus"
# Key uses gathered before they are written into the postings (8 bytes each; writing a block
# takes some 50 bytes a use for a moment: 13 MB).
POSTINGS_BLOCK = 1 << 18


def line_words(text: str) -> tuple[str, ...]:
    """A paragraph's distinct lower-case word tokens (letters and digits: a changed figure
    counts), in order of first use."""
    return tuple(map(sys.intern, dict.fromkeys(_WORD.findall(text.lower()))))


def paragraph_texts(text: str) -> list[str]:
    """The texts of ``quality.spans.paragraphs(text)`` (non-blank lines, trimmed), without
    their offsets: the summary needs only words, and this is several times faster."""
    return [stripped for stripped in (line.strip() for line in text.split("\n")) if stripped]


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


@dataclass(frozen=True)
class ConsensusOptions:
    """Thresholds of the version search (see the module docstring, steps 2–5)."""

    key_words: int = 24
    min_shared_keys: int = 2
    max_key_articles: int = 64
    max_candidates: int = 36
    common_zipf: float = 4.5
    anchor_similarity: float = 0.4
    pair_similarity: float = 0.2
    min_anchors: int = 2
    min_anchor_share: float = 0.3
    min_versions: int = 3
    max_versions: int = 12
    min_line_words: int = 6


class LineConsensus(NamedTuple):
    """What the other versions say about one paragraph line of an article."""

    line: int  # index among the article's paragraph lines
    versions: int  # other sources with a counterpart
    similarity: float  # mean Jaccard of the line to its counterparts
    agreement: float  # mean pairwise Jaccard among the counterparts

    @property
    def divergence(self) -> float:
        return max(0.0, self.agreement - self.similarity)


class ConsensusSummary:
    """Word sets of every paragraph line of every article, in input order: in memory, or in
    record files of the run's temporary folder when it is large (``records``). Per article,
    what stays in memory once written out is its id and source (shared strings) and where its
    record is: some 30 bytes beside the id.

    Ids are unique in a run; should one come twice, its first copy is the one read (the index
    keeps it), which keeps merging associative."""

    # Articles a merged summary keeps in memory before it writes them out.
    held_articles: ClassVar[int] = HELD_RECORDS

    def __init__(self) -> None:
        self.ids = PackedStrings()
        self.sources: list[str] = []
        # Distinct words per paragraph line, by position. Plain tuples of strings, not sets: the
        # collector stops tracking them, so a large corpus held for the pass does not set off
        # full collections.
        self.records = PlacedRecords()
        self._index: _Index | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, article_id: str, source: str, paragraph_texts: Iterable[str]) -> None:
        self.records.append(tuple(line_words(t) for t in paragraph_texts))
        self.ids.append(article_id)
        self.sources.append(sys.intern(source))
        self._index = None

    @classmethod
    def merged(cls, summaries: Iterable["ConsensusSummary"]) -> "ConsensusSummary":
        """The articles of ``summaries`` one after the other. Articles held in memory beyond
        ``held_articles`` are written out when a folder is named for them."""
        merged = cls()
        parts = list(summaries)
        merged.records = PlacedRecords.joined(part.records for part in parts)
        for part in parts:
            merged.ids.extend(part.ids)
            merged.sources.extend(part.sources)
        merged._write_out()
        return merged

    def _write_out(self) -> None:
        self.records.write_out(record_folder(), self.held_articles)

    def lines_at(self, position: int) -> tuple[tuple[str, ...], ...]:
        """The distinct words per paragraph line of the article at ``position``."""
        held = self.records.held.get(position)
        if held is not None:
            return held
        # Interned as ``line_words`` interns them: the words read back are one string each
        # however many articles use them, not one per use (several times the memory).
        return tuple(tuple(map(sys.intern, line)) for line in self.records[position])

    def index(self, options: ConsensusOptions) -> "_Index":
        if self._index is None or self._index.options != options:
            self._index = _Index(self, options)
        return self._index

    def consensus(self, article_id: str, source: str, paragraph_texts: Sequence[str], options: ConsensusOptions) -> list[LineConsensus]:
        """Per parallel line of the article: how many versions, similarity and agreement."""
        index = self.index(options)
        me = index.position(article_id)
        if me < 0 or index.sources[me] != source:
            return []  # not an article of this summary
        if index.line_counts[me] != len(paragraph_texts):
            return []  # not the text that was summarised
        return index.consensus(me)


class _InOrder(Sequence[str]):
    """A summary's ids in id order, read through their places (a view, not a copy)."""

    def __init__(self, ids: Sequence[str], places: array) -> None:
        self._ids, self._places = ids, places

    def __len__(self) -> int:
        return len(self._places)

    def __getitem__(self, n: int) -> str:  # type: ignore[override]
        return self._ids[self._places[n]]


SORTED_AT_ONCE = 65_536  # ids sorted as strings at a time by id_order


def id_order(ids: Sequence[str]) -> array:
    """The places of ``ids`` in id order, of each id's first copy only. The ids are sorted a
    block of :data:`SORTED_AT_ONCE` at a time and the sorted blocks merged, so that only a
    block's strings are held at once, not a million of them (some 16 bytes an article, where
    one sort of them all held 127)."""
    runs = []
    for start in range(0, len(ids), SORTED_AT_ONCE):
        block = [ids[k] for k in range(start, min(start + SORTED_AT_ONCE, len(ids)))]
        runs.append(array("q", (start + k for k in sorted(range(len(block)), key=block.__getitem__))))
    block = []  # the last block's strings go before the merge
    places = array("q")
    previous = None
    # (id, place) pairs: equal ids come in the order of their places, as in one stable sort
    for id_, k in heapq.merge(*(((ids[k], k) for k in run) for run in runs)):
        if id_ != previous:
            places.append(k)
            previous = id_
    return places


class _Index:
    """The corpus in sorted order with an inverted index of each article's rarest words (built
    once per summary, in three reads of the summary's articles; what it keeps per article is
    its id, source and postings, the words being read again when needed)."""

    def __init__(self, summary: ConsensusSummary, options: ConsensusOptions) -> None:
        self.options = options
        self.summary = summary
        self.places = id_order(summary.ids)  # the articles in id order, each id's first copy only
        self.ids = _InOrder(summary.ids, self.places)  # read from the summary's, not copied
        self.sources = [summary.sources[k] for k in self.places]
        self._build_keys()
        self._caches()

    def _build_keys(self) -> None:
        """The key candidates and the chosen keys' postings (see the module docstring, step 2),
        and each article's paragraph line count, read on the way."""
        options = self.options
        # The numbers in id order, in the summary's order: the first two reads below go through
        # its record files from start to end (the third, in id order, fills the postings).
        reading_order = np.argsort(np.frombuffer(self.places, dtype=np.int64))
        # Key candidates: uncommon words (Zipf below ``common_zipf``: "see", "said", "something"
        # tie unrelated articles) in 2 or more articles, held as the sorted string hashes of the
        # words with their article counts: some 20 bytes a word, however many words a corpus of
        # diverse text brings (a dictionary of the words themselves took some 220). Two words of
        # one hash (odds of about one in 10**5 at 10 million words) would count as one.
        self.line_counts = array("i", bytes(4 * len(self.ids)))  # paragraph lines per article
        tally = _Tally()
        for n, lines in self._read(reading_order):
            tally.add(map(hash, self._uncommon(lines)))
            self.line_counts[n] = len(lines)
        words, counts = tally.result()
        self.candidate_hashes, self.candidate_counts = words[counts > 1], counts[counts > 1]
        del tally, words, counts
        chosen = np.zeros(len(self.candidate_hashes), dtype=bool)
        for _, lines in self._read(reading_order):
            chosen[[k for _, _, k in self._keys(lines)]] = True
        # Postings of the chosen keys, cut at ``max_key_articles`` (the first articles in id
        # order, so the cut does not depend on how the corpus was read or chunked), as one array
        # of article numbers, key after key: 4 bytes a posting. A key's postings number its
        # articles or the cut, whichever is fewer, so the array is made at its size and filled
        # as the articles are read in id order: no sort of all the postings at once.
        sizes = np.where(chosen, np.minimum(self.candidate_counts, options.max_key_articles), 0)
        self.posting_starts, self.posting_articles = _postings(self._occurrences(np.arange(len(self.ids)), chosen), sizes)
        self.hash_probe = hash(_HASH_PROBE)
        # In a streamed run these four go to files of its folder and are read through the page
        # cache (:class:`MappedArray`): nothing of them stays resident once let go.
        folder = record_folder()
        self._kept = {name: kept_or_mapped(getattr(self, name), folder) for name in _MAPPED}
        self._views()

    def _views(self) -> None:
        for name, kept in self._kept.items():
            setattr(self, name, kept.view() if isinstance(kept, MappedArray) else kept)
        self._asked = 0

    def _release(self) -> None:
        """Let go of the pages of the mapped arrays read so far."""
        for kept in self._kept.values():
            if isinstance(kept, MappedArray):
                kept.release()

    def _caches(self) -> None:
        # Per-article words and line views, kept for the articles most recently used: an
        # article is a candidate of each of its versions, so it is aligned many times. Bounded
        # by the words they hold, not by how many articles, so that long articles do not make
        # the same count hold more (cachetools' getsizeof).
        self.lines = cached(LRUCache(CACHED_LINE_WORDS, getsizeof=_words_on_lines))(self._lines)
        self.line_view = cached(LRUCache(CACHED_VIEW_WORDS, getsizeof=len))(self._line_view)

    def position(self, article_id: str) -> int:
        """The article's number in id order; -1 for an article the summary does not hold."""
        n = bisect_left(self.ids, article_id)
        return n if n < len(self.ids) and self.ids[n] == article_id else -1

    def _read(self, numbers: np.ndarray) -> Iterator[tuple[int, tuple[tuple[str, ...], ...]]]:
        """(number in id order, lines) of the articles ``numbers``, in that order."""
        for n in map(int, numbers):
            yield n, self.summary.lines_at(self.places[n])

    def _occurrences(self, reading_order: np.ndarray, chosen: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """(key numbers, article numbers) of the chosen keys' uses, a block of articles at a time."""
        keys, articles = array("i"), array("i")
        for n, lines in self._read(reading_order):
            numbers = self._candidate_numbers(list(_vocabulary(lines)))
            numbers = numbers[numbers >= 0]
            numbers = numbers[chosen[numbers]].astype(np.int32)
            keys.frombytes(numbers.tobytes())
            articles.extend(array("i", [n]) * len(numbers))
            if len(keys) >= POSTINGS_BLOCK:
                yield np.frombuffer(keys, dtype=np.int32).copy(), np.frombuffer(articles, dtype=np.int32).copy()
                keys, articles = array("i"), array("i")
        yield np.frombuffer(keys, dtype=np.int32).copy(), np.frombuffer(articles, dtype=np.int32).copy()

    def _uncommon(self, lines: Sequence[tuple[str, ...]]) -> set[str]:
        """An article's distinct words below ``common_zipf`` (the others are never counted, so
        never found among the key candidates)."""
        return _uncommon_words(_vocabulary(lines), self.options.common_zipf)

    def _candidate_numbers(self, words: Sequence[str]) -> np.ndarray:
        """Each word's number among the key candidates (its place in ``candidate_hashes``), -1
        for a word not among them."""
        wanted = np.fromiter(map(hash, words), dtype=np.int64, count=len(words))
        at = np.searchsorted(self.candidate_hashes, wanted)
        found = at < len(self.candidate_hashes)
        found[found] = self.candidate_hashes[at[found]] == wanted[found]
        return np.where(found, at, -1)

    def _keys(self, lines: Sequence[tuple[str, ...]]) -> list[tuple[int, str, int]]:
        """An article's keys: its ``key_words`` rarest candidate words (then alphabetical), as
        (articles holding it, word, key number)."""
        words = list(_vocabulary(lines))
        numbers = self._candidate_numbers(words)
        found = np.flatnonzero(numbers >= 0)
        numbers = numbers[found]
        usable = sorted(zip(self.candidate_counts[numbers].tolist(), [words[i] for i in found.tolist()], numbers.tolist()))
        return usable[: self.options.key_words]

    def candidates(self, me: int) -> list[int]:
        """Other-source articles sharing at least ``min_shared_keys`` of ``me``'s keys, the
        heaviest shared keys first (then by id), at most ``max_candidates``."""
        self._asked += 1
        if self._asked % RELEASE_EVERY == 0:
            self._release()
        mine, sources = self.sources[me], self.sources
        count: Counter[int] = Counter()
        weight: dict[int, float] = {}
        starts, articles = self.posting_starts, self.posting_articles
        for holding, _, k in self._keys(self.lines(me)):
            key_weight = 1.0 / holding  # the rarer, the heavier: keys of a whole topic weigh little
            for n in articles[starts[k] : starts[k + 1]].tolist():
                if n != me and sources[n] != mine:
                    count[n] += 1
                    weight[n] = weight.get(n, 0.0) + key_weight
        found = sorted((-weight[n], n) for n, shared in count.items() if shared >= self.options.min_shared_keys)
        return [n for _, n in found[: self.options.max_candidates]]

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (sent to a Dask worker) without its caches, which the receiving process
        fills again as it aligns."""
        state = dict(self.__dict__)
        for name in ("lines", "line_view", *_MAPPED):  # the arrays travel in ``_kept``
            del state[name]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        if hash(_HASH_PROBE) != self.hash_probe:  # another process salts string hashes its own way
            self._build_keys()
        else:
            self._views()
        self._caches()

    def _lines(self, n: int) -> tuple[tuple[str, ...], ...]:
        return self.summary.lines_at(self.places[n])

    def _line_view(self, n: int) -> dict[str, int]:
        """The words the article uses on one line only, with that line's index."""
        return _single_line_words(self.lines(n))

    def anchors(self, me: int, n: int) -> list[tuple[int, int]] | None:
        """The anchors between two articles, in reading order; None when they are too few for
        the two to be versions.

        Anchor candidates come from words that each article uses on one line only (as patience
        diff does): such a word names the line's counterpart. A line's best-voted counterpart is
        an anchor when their word Jaccard is at least ``anchor_similarity``."""
        options = self.options
        my_lines, their_lines = self.line_view(me), self.line_view(n)
        common = my_lines.keys() & their_lines.keys()
        needed = max(options.min_anchors, options.min_anchor_share * min(self.line_counts[me], self.line_counts[n]))
        if len(common) < needed:
            return None  # too few shared single-line words for enough anchors
        votes: Counter[tuple[int, int]] = Counter((my_lines[w], their_lines[w]) for w in common)
        best: dict[int, tuple[int, int]] = {}  # my line → (votes, their line): most votes, then first line
        for (i, j), count in votes.items():
            if i not in best or (count, -j) > (best[i][0], -best[i][1]):
                best[i] = (count, j)
        if len(best) < needed:
            return None
        my_words, their_words = self.lines(me), self.lines(n)
        anchors = [(i, j) for i, (_, j) in sorted(best.items()) if jaccard(frozenset(my_words[i]), frozenset(their_words[j])) >= options.anchor_similarity]
        anchored = _increasing_chain(anchors)
        return anchored if len(anchored) >= needed else None

    def versions(self, me: int) -> list[tuple[int, list[tuple[int, int]]]]:
        """The article's versions, one per other source (most anchors, then lowest id), as
        (number, anchors), most anchors first, at most ``max_versions``. Candidates are tried
        in their ranking's order, and the search stops once ``max_versions`` sources have one: a
        story carried by many outlets need not be aligned with all of them."""
        per_source: dict[str, tuple[int, list[tuple[int, int]]]] = {}
        for n in self.candidates(me):
            if len(per_source) >= self.options.max_versions and self.sources[n] not in per_source:
                continue
            anchored = self.anchors(me, n)
            if anchored is None:
                continue
            held = per_source.get(self.sources[n])
            if held is None or (len(anchored), self.ids[held[0]]) > (len(held[1]), self.ids[n]):
                per_source[self.sources[n]] = (n, anchored)
        return sorted(per_source.values(), key=lambda v: (-len(v[1]), self.ids[v[0]]))[: self.options.max_versions]

    def consensus(self, me: int) -> list[LineConsensus]:
        options = self.options
        chosen = self.versions(me)
        if not chosen:
            return []
        mine = [frozenset(words) for words in self.lines(me)]
        # Each version's line pairs (the anchors and the lines between them) and its lines' words:
        # only the chosen versions are paired, the others were ranked by their anchors alone.
        versions = []
        for n, anchored in chosen:
            theirs = [frozenset(words) for words in self.lines(n)]
            versions.append((dict(_fill_gaps(anchored, mine, theirs, options.pair_similarity)), theirs))
        found = []
        for i, words in enumerate(mine):
            if len(words) < options.min_line_words:
                continue
            counterparts = [theirs[pairs[i]] for pairs, theirs in versions if i in pairs]
            if len(counterparts) < options.min_versions:
                continue
            similarities = [jaccard(words, c) for c in counterparts]
            close = [k for k, value in enumerate(similarities) if value >= options.pair_similarity]
            if options.min_versions <= len(close) < len(counterparts):
                # Pairs made by position alone (step 4) that share almost no words are set aside
                # when enough versions carry the line in similar words: two outlets that cut
                # different paragraphs leave gaps of equal length holding different paragraphs.
                counterparts = [counterparts[k] for k in close]
                similarities = [similarities[k] for k in close]
            similarity = sum(similarities) / len(similarities)
            found.append(LineConsensus(i, len(counterparts), similarity, _mean_pairwise_jaccard(counterparts)))
        return found


def _postings(blocks: Iterable[tuple[np.ndarray, np.ndarray]], sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each key's first ``sizes[k]`` articles, as ``(starts, articles)``: key ``k``'s articles are
    ``articles[starts[k]:starts[k + 1]]``, ascending. The blocks of uses (key numbers, article
    numbers) come in ascending article order, so a key's first uses are the ones to keep: each
    is written straight to its slot and the rest dropped. What is held at once is the postings
    themselves and one block (a key that meets fewer uses than its size has its slots closed
    up at the end)."""
    sizes = np.asarray(sizes, dtype=np.int64)
    starts = np.zeros(len(sizes) + 1, dtype=np.int64)
    np.cumsum(sizes, out=starts[1:])
    articles = np.zeros(int(starts[-1]), dtype=np.int32)
    filled = np.zeros(len(sizes), dtype=np.int64)
    for keys, numbers in blocks:
        if not len(keys):
            continue
        order = np.argsort(keys, kind="stable")  # by key; each key's articles stay ascending
        keys, numbers = keys[order], numbers[order]
        run_starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])  # where each key's uses begin
        run_lengths = np.diff(np.r_[run_starts, len(keys)])
        slot = filled[keys] + np.arange(len(keys)) - np.repeat(run_starts, run_lengths)
        fits = slot < sizes[keys]
        articles[starts[keys[fits]] + slot[fits]] = numbers[fits]
        filled[keys[run_starts]] += run_lengths
    met = np.minimum(filled, sizes)
    if (met < sizes).any():
        in_slot = np.arange(len(articles)) - np.repeat(starts[:-1], sizes)
        articles = articles[in_slot < np.repeat(met, sizes)]
        starts = np.zeros(len(sizes) + 1, dtype=np.int64)
        np.cumsum(met, out=starts[1:])
    return starts, articles


def _uncommon_words(words: Iterable[str], limit: float) -> set[str]:
    """The distinct ``words`` whose English Zipf frequency is below ``limit``: those of the
    English list's head are taken away as a set, and a word wordfreq takes whole is then
    uncommon (``is_one_token``, written out: this runs on every word of the corpus); the few it
    splits (figures, accents) are asked their frequency (cached: some microseconds each)."""
    common = _common_whole_words(limit)
    if common is None:
        return {w for w in words if _zipf_by_tokens(w) < limit}
    return {w for w in set(words) - common if (w.isascii() and w.isalpha() and w.islower()) or _zipf_by_tokens(w) < limit}


@lru_cache(maxsize=4)
def _common_whole_words(limit: float) -> frozenset[str] | None:
    """The English list's words of Zipf ``limit`` or more that wordfreq takes whole (2,973 at
    4.5); None when the list cannot be read that way."""
    buckets = list_buckets("en", limit - 0.05)  # a bucket's Zipf is rounded: read a little past it
    if buckets is None:
        return None
    words = (w for bucket in buckets for w in bucket if is_one_token(w, "en"))
    return frozenset(w for w in words if zipf_frequency(w, "en") >= limit)


@lru_cache(maxsize=1 << 14)
def _zipf_by_tokens(word: str) -> float:
    """English Zipf frequency of a word wordfreq splits into tokens (cached: a few microseconds)."""
    return zipf(word, "en")


class _Tally:
    """How many times each key was added: sorted keys with their counts (12 bytes a key), the
    keys added since the last fold waiting in a block of at most ``BLOCK`` (8 bytes each)."""

    BLOCK = 1 << 19

    def __init__(self) -> None:
        self.keys, self.counts = np.zeros(0, np.int64), np.zeros(0, np.int32)
        self.block = array("q")

    def add(self, keys: Iterable[int]) -> None:
        self.block.extend(keys)
        if len(self.block) >= self.BLOCK:
            self._fold()

    def _fold(self) -> None:
        """The block's keys counted into the sorted arrays (new keys inserted in place: what is
        copied at once is the arrays, not a sort of them with the block)."""
        new, new_counts = np.unique(np.frombuffer(self.block, dtype=np.int64), return_counts=True)
        self.block = array("q")
        at = np.searchsorted(self.keys, new)
        known = at < len(self.keys)
        known[known] = self.keys[at[known]] == new[known]
        self.counts[at[known]] += new_counts[known].astype(np.int32)
        fresh = ~known
        self.keys = np.insert(self.keys, at[fresh], new[fresh])
        self.counts = np.insert(self.counts, at[fresh], new_counts[fresh].astype(np.int32))

    def result(self) -> tuple[np.ndarray, np.ndarray]:
        self._fold()
        return self.keys, self.counts


def _vocabulary(lines: Sequence[tuple[str, ...]]) -> dict[str, None]:
    """An article's distinct words, in order of first use."""
    return dict.fromkeys(chain.from_iterable(lines))


def _mean_pairwise_jaccard(sets: Sequence[frozenset[str]]) -> float:
    """The mean Jaccard similarity over all pairs of ``sets`` (two or more). Written out rather
    than calling ``jaccard`` per pair: with 12 versions a line has 66 pairs, and this is the
    corpus pass's innermost loop."""
    total = 0.0
    for k, a in enumerate(sets):
        size = len(a)
        for b in sets[k + 1 :]:
            shared = len(a & b)
            if shared:
                total += shared / (size + len(b) - shared)
    pairs = len(sets) * (len(sets) - 1) // 2
    return total / pairs


def _words_on_lines(lines: Sequence[tuple[str, ...]]) -> int:
    """An article's words, counted line by line: the size of its lines in the index's cache."""
    return sum(map(len, lines))


def _single_line_words(article_lines: Sequence[tuple[str, ...]]) -> dict[str, int]:
    """Words the article uses on one line only, with that line's index."""
    line_of: dict[str, int] = {}
    repeated: set[str] = set()
    for i, words in enumerate(article_lines):
        for word in words:
            if word in line_of:
                repeated.add(word)
            else:
                line_of[word] = i
    for word in repeated:
        del line_of[word]
    return line_of


def _increasing_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of (i, j) pairs increasing in both (pairs come sorted by i, one per i):
    the anchors that keep reading order; the earliest such chain, so the result is fixed."""
    tails: list[int] = []  # smallest j ending a chain of each length
    tail_index: list[int] = []
    previous: list[int] = []
    for k, (_, j) in enumerate(pairs):
        at = bisect_left(tails, j)
        if at == len(tails):
            tails.append(j)
            tail_index.append(k)
        else:
            tails[at] = j
            tail_index[at] = k
        previous.append(tail_index[at - 1] if at else -1)
    chain = []
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        chain.append(pairs[k])
        k = previous[k]
    return chain[::-1]


def _fill_gaps(chain: list[tuple[int, int]], mine: Sequence[frozenset[str]], theirs: tuple[frozenset[str], ...], floor: float) -> list[tuple[int, int]]:
    """Anchors plus the lines between them: equal gaps pair by position, unequal gaps by the
    most similar line of the other gap (at ``floor`` or above)."""
    pairs = []
    bounds = [(-1, -1)] + chain + [(len(mine), len(theirs))]
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:]):
        gap_mine, gap_theirs = range(i0 + 1, i1), range(j0 + 1, j1)
        if len(gap_mine) == len(gap_theirs):
            pairs.extend(zip(gap_mine, gap_theirs))
        elif gap_theirs:
            for i in gap_mine:
                score, j = max((jaccard(mine[i], theirs[j]), -j) for j in gap_theirs)
                if score >= floor:
                    pairs.append((i, -j))
        if i1 < len(mine):
            pairs.append((i1, j1))
    return pairs
