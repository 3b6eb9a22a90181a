"""A dictionary with a bound, for the caches a run keeps for the whole process.

A corpus of new text meets new words and lines without end, so every cache keyed by them needs
a bound, or a long run's memory grows with its vocabulary. These caches empty themselves when
full rather than evict their oldest entry: a hit stays one plain ``dict.get`` in the hot loops
(no bookkeeping per look-up, which an LRU would add), and news vocabulary repeats, so the
entries that matter come back within a few articles. ``benchmarks/cache_ceiling.py`` fills each
to its bound and prints what it holds.
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedDict(dict[K, V]):
    """A dict that holds at most ``bound`` entries: :meth:`put` empties it first when full.

    Read it as any dict (``cache.get(key)``); store through :meth:`put` so that the bound holds.
    """

    def __init__(self, bound: int) -> None:
        super().__init__()
        self.bound = bound

    def put(self, key: K, value: V) -> V:
        """Keep ``value`` under ``key`` and return it, emptying the dictionary first when full."""
        if len(self) >= self.bound:
            self.clear()
        self[key] = value
        return value
