"""The start-character lookahead (quality.fast_start): where a match can start, read off the
pattern, and the same matches as the pattern without it."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quality
from quality.fast_start import fast_start, start_characters

STARTS = [
    (r"\b(?:won|wins|placed)\b", set("wp")),
    (r"(?i)\bwon\b", set("w")),  # the lookahead takes the flag, so "W" is covered
    (r"(?:x)?y", set("xy")),  # an optional first node lets the next one start
    (r"(?<=\s)via", set("v")),  # a lookbehind is zero-width
    (r"[🔔✉]|app", set("🔔✉a")),
    (r"(?:a|b*)c", set("abc")),  # a branch that can be empty lets the next node start
    (r"[a-z]+", None),  # a range: too many to list
    (r"\w+", None),
    (r"x?", None),  # may match the empty string
    (r"(?i:like) us", None),  # a scoped case rule the lookahead would not share
    (r"(?:a|.)b", None),
]


@pytest.mark.parametrize(("pattern", "starts"), STARTS)
def test_start_characters_are_read_off_the_pattern(pattern: str, starts: set[str] | None) -> None:
    found = start_characters(re.compile(pattern))
    assert (set(found) if found is not None else None) == starts


def test_a_pattern_without_a_short_list_of_starts_is_returned_as_it_is() -> None:
    pattern = re.compile(r"\w+")
    assert fast_start(pattern) is pattern


def test_flags_groups_and_a_verbose_comment_survive() -> None:
    verbose = fast_start(re.compile(r"(?x) (?P<verb> won | lost )  # a result", re.I))
    match = verbose.search("They WON it")
    assert match is not None and match.group("verb") == "WON" and verbose.groups == 1


SAMPLES = [
    r"\b(?:won|wins|winning|finished|took(?: home)?)\b",
    r"(?i)\b(?:follow|join)\s+us\b",
    r"(?:via|vía|/) AP\b",
    r"[“\"«]\s*(?:yes|no)\b",
    r"(?<![\w.])@\w{2,}",
]


@pytest.mark.parametrize("pattern", SAMPLES)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_the_same_matches_with_and_without_the_lookahead(pattern: str, data: st.DataObject) -> None:
    plain = re.compile(pattern, re.IGNORECASE)
    text = data.draw(st.text(max_size=20)) + data.draw(st.from_regex(plain)) + data.draw(st.text(max_size=20))
    fast = fast_start(plain)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def _module_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: dict[int, tuple[str, re.Pattern[str]]] = {}
    for module in pkgutil.walk_packages(quality.__path__, "quality."):
        if module.name.endswith("__main__"):
            continue
        for name, value in vars(importlib.import_module(module.name)).items():
            if isinstance(value, re.Pattern):
                found.setdefault(id(value), (f"{module.name}.{name}", value))
    return sorted(found.values(), key=lambda item: item[0])


def test_every_pattern_of_the_package_finds_the_same_with_the_lookahead() -> None:
    """Each module-level pattern of the package, fast-started, against the sample corpus and
    its own text, upper-cased too (the case rules are where a lookahead could differ)."""
    corpus = [path.read_text(encoding="utf-8") for path in sorted(Path(quality.__file__).parent.parent.glob("sample_corpus/*.txt"))]
    texts = corpus + [text.upper() for text in corpus]
    for name, pattern in _module_patterns():
        fast = fast_start(pattern)
        for text in texts:
            assert fast.findall(text) == pattern.findall(text), name
