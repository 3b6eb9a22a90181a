"""The bounded caches' dictionary (quality.bounded): never past its bound, and what it keeps
when full is the newer half."""

from __future__ import annotations

import pytest

from quality.bounded import BoundedDict


@pytest.mark.parametrize("bound", [1, 2, 5, 10])
def test_never_holds_more_than_its_bound(bound: int) -> None:
    cache: BoundedDict[int, int] = BoundedDict(bound)
    for key in range(10 * bound + 3):
        assert cache.put(key, key * key) == key * key
        assert len(cache) <= bound


def test_when_full_the_older_half_goes_and_the_newer_stays() -> None:
    cache: BoundedDict[str, int] = BoundedDict(4)
    for n, key in enumerate("abcd"):
        cache.put(key, n)
    cache.put("e", 4)
    assert list(cache) == ["c", "d", "e"]


def test_storing_a_key_again_keeps_one_entry() -> None:
    cache: BoundedDict[str, int] = BoundedDict(3)
    for _ in range(5):
        cache.put("a", 1)
    assert dict(cache) == {"a": 1}
