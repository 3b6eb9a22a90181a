"""A read-only table from strings to small integers, held in two flat arrays.

The dictionaries the detectors read for a whole run (word frequencies, syllable counts,
langdetect's n-gram counts) hold hundreds of thousands of short strings. As Python dictionaries
they cost some 70 to 150 bytes an entry (the string, the integer, the table's slot); as a
sorted array of the strings' 64-bit hashes beside an array of their values they cost 9 to 16.
A look-up bisects the hashes. Two keys sharing a hash (odds about one in 10^8 for the largest
table here) would share a value, and a string outside the table whose hash equals a key's would
be taken for that key: odds of about one in 10^13 a look-up for a table of a million keys.

A key is hashed by its UTF-8 bytes (:func:`key_hash`), not by ``hash(str)``: CPython hashes a
string's internal buffer, one, two or four bytes a character, so strings of different widths
with the same bytes hash alike. `` f`` (bytes 20 66) and ``映`` (U+6620, the same two bytes)
do: a table of langdetect's n-grams would take the one for the other.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping


def key_hash(key: str) -> int:
    """A string's hash by its UTF-8 bytes (an ASCII string's ``hash`` is already that)."""
    return hash(key) if key.isascii() else hash(key.encode("utf-8", "surrogatepass"))


class HashedTable:
    """``key -> value`` for string keys and integer values of one array type (``"B"``, ``"H"``,
    ``"q"`` ...). Where a key is given twice, the value given first is kept."""

    __slots__ = ("_hashes", "_values")

    def __init__(self, hashes: array, values: array) -> None:
        """From the keys' hashes (:func:`key_hash`) and their values, in any order (the two
        arrays aligned)."""
        import numpy as np

        if len(hashes) != len(values):
            raise ValueError("a value for every hash")
        self._hashes, self._values = array("q"), array(values.typecode)
        if hashes:
            order = np.argsort(np.frombuffer(hashes, dtype=np.int64), kind="stable")  # equal hashes keep their order
            self._hashes.frombytes(np.frombuffer(hashes, dtype=np.int64)[order].tobytes())
            self._values.frombytes(np.frombuffer(values, dtype=values.typecode)[order].tobytes())

    @classmethod
    def of_items(cls, items: Iterable[tuple[str, int]], typecode: str = "q") -> HashedTable:
        hashes, values = array("q"), array(typecode)
        for key, value in items:
            hashes.append(key_hash(key))
            values.append(value)
        return cls(hashes, values)

    @classmethod
    def of_mapping(cls, mapping: Mapping[str, int], typecode: str = "q") -> HashedTable:
        """The same as ``of_items(mapping.items(), typecode)``, without a Python loop."""
        return cls(array("q", map(key_hash, mapping)), array(typecode, mapping.values()))

    def get(self, key: str, default: int | None = None) -> int | None:
        # (key_hash written out: the detectors ask millions of times a run)
        found = hash(key) if key.isascii() else hash(key.encode("utf-8", "surrogatepass"))
        hashes = self._hashes
        k = bisect_left(hashes, found)
        return self._values[k] if k < len(hashes) and hashes[k] == found else default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None  # (no value is None)

    def __len__(self) -> int:
        return len(self._hashes)

    @property
    def nbytes(self) -> int:
        """The arrays' size in bytes."""
        return self._hashes.itemsize * len(self._hashes) + self._values.itemsize * len(self._values)
