"""Consensus between versions: a paragraph that says something other than its parallel versions.

Newsrooms receive the same story many times: one wire copy run by several outlets, often
machine-translated from the same original by each of them. When three or more other outlets
carry a close version of a paragraph and agree with each other, a version that shares few of
their words has probably gone its own way: mistranslated, cut or padded. Single-text checks
cannot see this (the wrong version can be perfectly fluent English); the corpus can.

How versions are found (no ids, only the text):

1. Every paragraph line becomes a set of lower-case word tokens. The corpus summary keeps these
   sets per article (keyed by article id, so ``merge`` is a dictionary union: associative).
2. Each line picks as keys its few *rarest* words in the corpus (``key_words`` of them, each
   shared by 2 to ``max_postings`` lines, never a common English word of Zipf ``common_zipf``
   or more, and no more than ``posting_budget`` corpus lines in all once ``min_shared_keys``
   are in). Two lines of different sources that chose ``min_shared_keys`` keys in common are
   candidates; the pairs are counted once for the whole corpus, key by key, and a key more
   than ``max_key_lines`` lines chose is dropped, so the work stays bounded per line.
3. For every other-source article a line's candidates reach, its best candidate (most shared
   keys) is compared by word Jaccard similarity; pairs at ``anchor_similarity`` or above are
   anchors. The longest chain of anchors in reading order (a longest increasing subsequence)
   aligns the two articles; they are versions of each other only with at least
   ``min_anchors`` anchors covering ``min_anchor_share`` of the shorter article.
4. Lines between two anchors are paired by position when both gaps have the same length, so a
   paragraph too changed to be found by its words still meets its counterpart; unequal gaps
   pair a line with its most similar line in the other gap, if any is ``pair_similarity``
   similar.
5. A line is *parallel* when at least ``min_versions`` other sources have a counterpart (one
   per source: the version with most anchors). Its divergence is ``agreement − similarity``
   (never below 0): the mean pairwise Jaccard among the counterparts minus the line's mean
   Jaccard to them. Agreeing versions that the line does not match make it large; versions
   that all differ (a free text that every outlet words its own way) make it small.

Independently written reports of one story share the odd quotation but not a chain of
paragraphs, so they are not versions and get nothing. The price: a version so far from the
others that too few of its lines anchor is not recognised as a version either, and gets
nothing. A story carried by more than ``max_key_lines`` outlets loses its keys (known limit).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain, combinations
from typing import Iterable, NamedTuple, Sequence

from quality.detectors.translation.text import zipf

_WORD = re.compile(r"\w+")
# Index postings pack (article number, line number) into one int; lines past 2**20 of one
# article are not indexed.
_LINE_BITS = 20
_LINE_MASK = (1 << _LINE_BITS) - 1
_PAIR_SHIFT = 64  # a pair of line codes packed into one int: first << 64 | second

# (source, distinct words per paragraph line). Plain tuples of strings, not sets: the collector
# stops tracking them, so a large corpus held for the pass does not set off full collections.
ArticleLines = tuple[str, tuple[tuple[str, ...], ...]]


def line_words(text: str) -> tuple[str, ...]:
    """A paragraph's distinct lower-case word tokens (letters and digits: a changed figure
    counts), in order of first use."""
    return tuple(dict.fromkeys(_WORD.findall(text.lower())))


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

    key_words: int = 8
    min_shared_keys: int = 2
    max_postings: int = 256
    posting_budget: int = 160
    max_key_lines: int = 32
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


@dataclass
class ConsensusSummary:
    """Word sets of every paragraph line of every article, by article id."""

    articles: dict[str, ArticleLines] = field(default_factory=dict)
    _index: "_Index | None" = field(default=None, repr=False, compare=False)

    def add(self, article_id: str, source: str, paragraph_texts: Iterable[str]) -> None:
        self.articles.setdefault(article_id, (source, tuple(line_words(t) for t in paragraph_texts)))
        self._index = None

    @classmethod
    def merged(cls, summaries: Iterable["ConsensusSummary"]) -> "ConsensusSummary":
        """Union by article id (ids are unique in a run; the first copy of a repeated id wins,
        which keeps the union associative)."""
        merged = cls()
        for summary in summaries:
            for key, value in summary.articles.items():
                merged.articles.setdefault(key, value)
        return merged

    def index(self, options: ConsensusOptions) -> "_Index":
        if self._index is None or self._index.options != options:
            self._index = _Index(self.articles, options)
        return self._index

    def consensus(self, article_id: str, source: str, paragraph_texts: Sequence[str], options: ConsensusOptions) -> list[LineConsensus]:
        """Per parallel line of the article: how many versions, similarity and agreement."""
        stored = self.articles.get(article_id)
        if stored is None or stored[0] != source or len(stored[1]) != len(paragraph_texts):
            return []  # not an article of this summary
        return self.index(options).consensus(article_id, source, stored[1])


class _Index:
    """The corpus in sorted order with its inverted word index (built once per summary)."""

    def __init__(self, articles: dict[str, ArticleLines], options: ConsensusOptions) -> None:
        self.options = options
        self.ids = sorted(articles)
        self.sources = [articles[i][0] for i in self.ids]
        self.lines = [articles[i][1] for i in self.ids]
        self.position = {article_id: n for n, article_id in enumerate(self.ids)}
        self.frequency = dict(Counter(chain.from_iterable(chain.from_iterable(self.lines))))
        # Key candidates: shared by 2+ lines, not too many, and not common English words
        # (Zipf ≥ ``common_zipf``: "see", "said", "something"), which tie unrelated lines.
        self.eligible = frozenset(
            w for w, count in self.frequency.items() if 1 < count <= options.max_postings and zipf(w, "en") < options.common_zipf
        )
        # Each line's keys (its rarest shared words), then the lines that chose each key.
        chosen: dict[str, list[int]] = {}
        for n, article_lines in enumerate(self.lines):
            for j, words in enumerate(article_lines[:_LINE_MASK]):
                code = n << _LINE_BITS | j
                for key in self._keys(words):
                    chosen.setdefault(key, []).append(code)
        # Two lines are candidates when they chose ``min_shared_keys`` keys in common and belong
        # to different sources; counted once over the whole corpus, per key.
        # Pairs are packed into one int (not a tuple): ints are not tracked by the garbage
        # collector, and a tuple per pair set off full collections on a large corpus.
        shared: Counter[int] = Counter()
        sources = self.sources
        for key in sorted(chosen):
            codes = chosen[key]
            if len(codes) > options.max_key_lines:
                continue
            shared.update(
                a << _PAIR_SHIFT | b for a, b in combinations(codes, 2) if sources[a >> _LINE_BITS] != sources[b >> _LINE_BITS]
            )
        candidates: dict[int, list[tuple[int, int]]] = {}
        least, mask = options.min_shared_keys, (1 << _PAIR_SHIFT) - 1
        for pair, count in shared.items():
            if count >= least:
                a, b = pair >> _PAIR_SHIFT, pair & mask
                candidates.setdefault(a, []).append((b, count))
                candidates.setdefault(b, []).append((a, count))
        self.candidates = {code: tuple(sorted(found)) for code, found in candidates.items()}

    def _keys(self, words: tuple[str, ...]) -> list[str]:
        """The line's rarest words that some other line shares (bounded postings)."""
        frequency, eligible = self.frequency, self.eligible
        usable = [w for w in words if w in eligible]
        if len(usable) < self.options.min_shared_keys:
            return []
        usable.sort(key=frequency.__getitem__)  # stable: ties keep the line's word order
        keys, budget = [], self.options.posting_budget
        for word in usable[: self.options.key_words]:
            budget -= frequency[word]
            if budget < 0 and len(keys) >= self.options.min_shared_keys:
                break
            keys.append(word)
        return keys

    def consensus(self, article_id: str, source: str, my_words: Sequence[tuple[str, ...]]) -> list[LineConsensus]:
        options = self.options
        me = self.position.get(article_id, -1)
        as_sets: dict[int, tuple[frozenset[str], ...]] = {}

        def lines_of(n: int) -> tuple[frozenset[str], ...]:
            if n not in as_sets:
                as_sets[n] = tuple(frozenset(words) for words in self.lines[n])
            return as_sets[n]

        # Best candidate line per (line, other article), by shared key words.
        best: dict[int, dict[int, tuple[int, int]]] = {}  # other article → line → (count, their line)
        if me < 0:  # an article the summary does not hold: not indexed, no candidates
            return []
        for i in range(min(len(my_words), _LINE_MASK)):
            for code, count in self.candidates.get(me << _LINE_BITS | i, ()):
                n, j = code >> _LINE_BITS, code & _LINE_MASK
                current = best.setdefault(n, {}).get(i)
                if current is None or (count, -j) > (current[0], -current[1]):
                    best[n][i] = (count, j)
        if not best:
            return []
        mine = [frozenset(words) for words in my_words]
        # Align with every other article that is a version; keep the best version per source.
        per_source: dict[str, tuple[int, str, dict[int, int]]] = {}
        for n in sorted(best):
            if len(best[n]) < options.min_anchors:
                continue
            theirs = lines_of(n)
            anchors = [(i, j) for i, (_, j) in sorted(best[n].items()) if jaccard(mine[i], theirs[j]) >= options.anchor_similarity]
            anchored = _increasing_chain(anchors)
            if len(anchored) < max(options.min_anchors, options.min_anchor_share * min(len(mine), len(theirs))):
                continue
            pairs = _fill_gaps(anchored, mine, theirs, options.pair_similarity)
            rank = (len(anchored), self.ids[n])
            held = per_source.get(self.sources[n])
            if held is None or (rank[0], held[1]) > (held[0], rank[1]):
                per_source[self.sources[n]] = (len(anchored), self.ids[n], dict(pairs))
        # Versions in a fixed order: most anchors first, then by id; at most max_versions.
        versions = sorted(per_source.values(), key=lambda v: (-v[0], v[1]))[: options.max_versions]
        found = []
        for i, words in enumerate(mine):
            if len(words) < options.min_line_words:
                continue
            counterparts = [lines_of(self.position[v[1]])[v[2][i]] for v in versions if i in v[2]]
            if len(counterparts) < options.min_versions:
                continue
            similarity = sum(jaccard(words, c) for c in counterparts) / len(counterparts)
            pairwise = [jaccard(a, b) for a, b in combinations(counterparts, 2)]
            found.append(LineConsensus(i, len(counterparts), similarity, sum(pairwise) / len(pairwise)))
        return found


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
