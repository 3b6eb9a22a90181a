"""Literal prefilters for regular expressions: skip a search that cannot succeed.

The boilerplate detector tries about sixty wording patterns on every line, and almost every
line matches none of them. Most patterns cannot match without one of a few literal words
(``follow``, ``newsletter``, ``via``): :func:`required_literals` reads those off the parsed
pattern, and :class:`LiteralScreen` tells from one scan of a line which patterns have one of
their literals there; only those are tried. The literals come from the pattern itself, so the screen changes no result: a
property test (``tests/test_prefilter.py``) checks that every text a pattern matches passes
its screen.

Comparison is on a case-folded key (:func:`fold`): the character-by-character lower-casing that
``re.IGNORECASE`` applies, with the characters it also takes as equal (``ſ`` and ``s``, ``ı`` and
``i``) made one. A case-sensitive literal is folded too, which only makes its screen weaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from re import _casefix, _constants as C, _parser  # type: ignore[attr-defined]
from typing import Iterable

import ahocorasick

_MAX_SET = 64  # alternatives kept when two literal sets are joined (a cross product grows fast)


def _equals_table() -> dict[int, str]:
    """Characters ``re.IGNORECASE`` takes as equal beyond their lower case (``ſ`` and ``s``,
    ``ς`` and ``σ``, ``ı`` and ``i``) → one representative of each group, the lowest."""
    groups: dict[int, set[int]] = {}
    for point, equals in _casefix._EXTRA_CASES.items():
        group = {point, *equals}
        for member in list(group):
            group |= groups.get(member, set())
        for member in group:
            groups[member] = group
    return {member: chr(min(group)) for member, group in groups.items() if member != min(group)}


_EQUALS = _equals_table()


def fold(text: str) -> str:
    """``text`` as ``re.IGNORECASE`` compares it: each character's simple lower case (which
    ``str.lower`` gives for every character but ``İ``, lowered to two), then the characters the
    engine also takes as equal made one. ASCII text needs only ``lower``."""
    if text.isascii():
        return text.lower()
    return text.replace("İ", "i").lower().translate(_EQUALS)


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Folded strings one of which is in every match of ``pattern``, or ``None`` when the
    pattern can match without any fixed text."""
    exact, required = _sequence(_parser.parse(pattern.pattern, pattern.flags))
    best = _best([s for s in (exact, required) if s])
    return frozenset(fold(s) for s in best) if best else None


# Each node gives (exact, required): ``exact`` is every string the node can match, when that is a
# small finite set; ``required`` a set one of whose strings is in every match. Zero-width nodes
# (anchors, lookarounds) match the empty string as far as text goes.


def _sequence(items: Iterable) -> tuple[set[str] | None, set[str] | None]:
    candidates: list[set[str]] = []
    run: set[str] | None = {""}  # the exact strings of the nodes joined so far
    whole_exact = True
    for op, av in items:
        exact, required = _node(op, av)
        if exact is not None and run is not None and len(run) * len(exact) <= _MAX_SET:
            run = {a + b for a in run for b in exact}
            continue
        whole_exact = False
        if run and "" not in run:
            candidates.append(run)
        if exact is not None and "" not in exact:
            candidates.append(exact)
        if required:
            candidates.append(required)
        run = set(exact) if exact is not None else {""}
    if run and "" not in run:
        candidates.append(run)
    best = _best(candidates)
    return (run if whole_exact else None), best


def _best(candidates: list[set[str]]) -> set[str] | None:
    """The most selective set: longest shortest string, then fewest strings."""
    usable = [c for c in candidates if c and "" not in c]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))


def _node(op, av) -> tuple[set[str] | None, set[str] | None]:  # type: ignore[no-untyped-def]
    if op is C.LITERAL:
        return {chr(av)}, None
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {""}, None
    if op is C.SUBPATTERN:
        return _sequence(av[-1])
    if op is C.BRANCH:
        branches = [_sequence(branch) for branch in av[1]]
        exact: set[str] | None = set()
        for branch_exact, _ in branches:
            if branch_exact is None or exact is None or len(exact) + len(branch_exact) > _MAX_SET:
                exact = None
            else:
                exact |= branch_exact
        required: set[str] = set()
        for branch_exact, branch_required in branches:
            own = _best([s for s in (branch_exact, branch_required) if s])
            if own is None:
                return exact, None
            required |= own
        return exact, required
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, item = av
        exact, required = _sequence(item)
        if low == 0:
            return ({""} | exact if exact is not None and high == 1 and len(exact) < _MAX_SET else None), None
        if low == high == 1:
            return exact, required
        return None, _best([s for s in (exact, required) if s])
    if op is C.ATOMIC_GROUP:
        return _sequence(av)
    if op is C.IN:  # a class of listed characters ("[🔔📲✉]") is a set of one-character strings
        chars = {chr(item_av) for item_op, item_av in av if item_op is C.LITERAL}
        if len(chars) == len(av) and len(chars) <= _MAX_SET:
            return chars, None
    return None, None  # a range, a category, a negated class, any character, a back-reference: no fixed text


class LiteralScreen:
    """Which of several patterns may match a text, from one scan for all their literals.

    The literals of every pattern go into one Aho–Corasick automaton (pyahocorasick), so a line
    is read once however many patterns there are; testing each pattern's literals in turn costs
    more than the searches it saves."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self._always = 0  # patterns with no required literal: always tried
        needed_by: dict[str, int] = {}  # literal → the patterns (bits) that need one of theirs
        for index, pattern in enumerate(patterns):
            literals = required_literals(pattern)
            if literals is None:
                self._always |= 1 << index
                continue
            for literal in literals:
                needed_by[literal] = needed_by.get(literal, 0) | 1 << index
        self._automaton = ahocorasick.Automaton()
        for literal, patterns_bits in needed_by.items():
            self._automaton.add_word(literal, patterns_bits)
        if needed_by:
            self._automaton.make_automaton()
        self._empty = not needed_by

    def possible(self, text: str) -> int:
        """A bit mask: bit ``k`` is set when pattern ``k`` may match ``text`` (no bit that is
        clear belongs to a pattern that matches)."""
        bits = self._always
        if self._empty:
            return bits
        for _, needed in self._automaton.iter(fold(text)):
            bits |= needed
        return bits
