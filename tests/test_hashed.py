"""The hashed table (quality.hashed): a dictionary's answers from two flat arrays."""

from __future__ import annotations

from array import array

import pytest

from quality.hashed import HashedTable

WORDS = {"the": 700, "ministry": 512, "said": 650, "Kyiv": 410, "l’école": 300, "": 1, "日本": 480}


@pytest.mark.parametrize("typecode", ["H", "q", "l"])
def test_every_key_gives_its_value(typecode: str) -> None:
    table = HashedTable.of_items(WORDS.items(), typecode)
    assert len(table) == len(WORDS)
    for word, value in WORDS.items():
        assert word in table
        assert table.get(word) == value


@pytest.mark.parametrize("missing", ["The", "ministries", "kyiv", "l'école", " ", "日"])
def test_a_string_outside_the_table_has_no_value(missing: str) -> None:
    table = HashedTable.of_items(WORDS.items(), "H")
    assert missing not in table
    assert table.get(missing) is None
    assert table.get(missing, 0) == 0


# (CPython hashes a string's internal buffer: each pair below has the same bytes, at one byte
# a character on the left and two on the right, and the same ``hash``.)
@pytest.mark.parametrize("key, other", [(" f", "映"), ("of", "景"), ("abcd", "扡摣")])
def test_strings_of_other_widths_with_the_same_bytes_are_other_keys(key: str, other: str) -> None:
    table = HashedTable.of_items([(key, 7)], "B")
    assert table.get(key) == 7
    assert other not in table and table.get(other) is None


def test_a_key_given_twice_keeps_its_first_value() -> None:
    table = HashedTable.of_items([("said", 1), ("told", 2), ("said", 3)], "B")
    assert table.get("said") == 1
    assert len(table) == 3


def test_an_empty_table_holds_nothing() -> None:
    table = HashedTable.of_items([], "H")
    assert len(table) == 0 and "x" not in table and table.get("x") is None
    assert table.nbytes == 0


def test_hashes_and_values_must_align() -> None:
    with pytest.raises(ValueError):
        HashedTable(array("q", [1, 2]), array("B", [1]))


def test_the_arrays_cost_what_their_items_do() -> None:
    table = HashedTable.of_items(((f"w{k}", k) for k in range(1000)), "H")
    assert table.nbytes == 1000 * (8 + 2)
    assert all(table.get(f"w{k}") == k for k in range(1000))
