"""A dictionary with a bound, for the caches a run keeps for the whole process.

A corpus of new text meets new words and lines without end, so every cache keyed by them needs
a bound, or a long run's memory grows with its vocabulary. When full, these caches drop the
older half of their entries at once rather than evict one entry per insertion: a hit stays one
plain ``dict.get`` in the hot loops (no bookkeeping per look-up, which an LRU would add), and what
is kept is what the last articles asked for (a line asked again by the next pass over the same
article, a site's furniture, the words of the story at hand), which an emptied cache would work
out again. ``benchmarks/cache_ceiling.py`` fills each to its bound and prints what it holds.
"""

from __future__ import annotations

from itertools import islice
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedDict(dict[K, V]):
    """A dict that holds at most ``bound`` entries: when full, :meth:`put` first drops the older
    half (by insertion).

    Read it as any dict (``cache.get(key)``); store through :meth:`put` so that the bound holds.
    """

    def __init__(self, bound: int) -> None:
        super().__init__()
        self.bound = bound

    def put(self, key: K, value: V) -> V:
        """Keep ``value`` under ``key`` and return it, dropping the older half of the entries
        first when full."""
        if len(self) >= self.bound:
            for old in list(islice(self, len(self) - self.bound // 2)):
                del self[old]
        self[key] = value
        return value
