"""The literal screen in front of the boilerplate patterns: it may let through a line no pattern
matches, but must never hold back one a pattern matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quality.detectors._prefilter import LiteralScreen, fold, required_literals
from quality.detectors.boilerplate import _CHANNELS, FAMILIES, _channel_screen, family_of

REQUIRED = [
    (r"follow us", {"follow us"}),
    (r"(?i)\bfollow\s+us\b", {"follow"}),  # the longer of the two fixed pieces
    (r"(?:via|vía|/) AP", {"via ap", "vía ap", "/ ap"}),
    (r"photos?:", {"photo:", "photos:"}),
    (r"sign\s*up|follow", {"sign", "follow"}),  # each branch brings its own
    (r"sign\s*up|subscribe", {"ign", "ubscribe"}),  # re's parser takes the shared "s" out first
    (r"^\W*(?:more|latest)\s+in\b", {"latest", "more"}),
    (r"(?:x)*y+", {"y"}),  # what may repeat zero times is not required
    (r"\d+ of \d+", {" of "}),
    (r"[A-Z]\w+", None),  # nothing fixed
    (r"cookies?|\w+@\w+", {"cookie", "cookies", "@"}),
    (r"cookies?|[A-Z]{3}", None),  # a branch without fixed text frees the whole alternation
    (r"Straße", {"straße"}),
    (r"newsletter|[🔔✉]", {"newsletter", "🔔", "✉"}),  # a class of listed characters is a set of literals
    (r"newsletter|[🔔a-c]", None),  # a range is not listed
    (r"newsletter|[^🔔]", None),  # nor is a negated class
]


@pytest.mark.parametrize(("pattern", "literals"), REQUIRED)
def test_required_literals_are_read_off_the_pattern(pattern: str, literals: set[str] | None) -> None:
    found = required_literals(re.compile(pattern))
    assert (set(found) if found is not None else None) == literals


FOLDED = [
    ("Follow US", "follow us"),
    ("İstanbul", "istanbul"),  # the engine lowers İ to one i, str.lower to two characters
    ("ſhare", "share"),  # long s equals s under re.IGNORECASE
    ("ΟΔΟΣ", "οδοσ"),  # final and medial sigma are one
    ("\u212aelvin", "kelvin"),  # the Kelvin sign lowers to k
]


@pytest.mark.parametrize(("text", "folded"), FOLDED)
def test_fold_compares_as_ignorecase_does(text: str, folded: str) -> None:
    assert fold(text) == fold(folded)


@pytest.mark.parametrize(("text", "literal"), [("ſhare this", "share"), ("İN CASE", "in"), ("ΟΔΟΣ", "οδος")])
def test_a_line_ignorecase_matches_passes_its_screen(text: str, literal: str) -> None:
    pattern = re.compile(re.escape(literal), re.IGNORECASE)
    assert pattern.search(text)
    assert LiteralScreen([pattern]).possible(text) == 1


FAMILY_PATTERNS = [pattern for _, patterns in FAMILIES for pattern, _ in patterns]
FAMILY_SCREEN = LiteralScreen(FAMILY_PATTERNS)


@pytest.mark.parametrize("index", range(len(FAMILY_PATTERNS)))
@given(data=st.data())
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_every_line_a_family_pattern_matches_passes_the_screen(index: int, data: st.DataObject) -> None:
    pattern = FAMILY_PATTERNS[index]
    line = data.draw(st.from_regex(pattern))
    assert FAMILY_SCREEN.possible(line) >> index & 1


@pytest.mark.parametrize("index", range(len(_CHANNELS)))
@given(data=st.data())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_every_line_naming_a_channel_passes_the_call_screen(index: int, data: st.DataObject) -> None:
    """The screen in front of a call's channels (``boilerplate.call_to_reader``) holds back no
    line that names one."""
    line = data.draw(st.from_regex(_CHANNELS[index]))
    assert _channel_screen().possible(line) >> index & 1


BOILERPLATE_LINES = [
    "Follow us on Telegram for the latest updates",
    "Top image via Reuters",
    "photo_camera Xinhua / Li Tao",
    "Wang Yi y Antony Blinken. EFE vía AP",
    "More in Politics",
    "© 2023 The Company. All Rights Reserved.",
    "Advertisement",
    "By Jane Doe | Reuters",
    "Sign up for our newsletter",
    "Home » World » Asia",
    "ſHARE THIS ARTICLE",
]


@pytest.mark.parametrize("line", BOILERPLATE_LINES)
def test_the_screen_changes_no_family(line: str) -> None:
    unscreened = next((code for code, patterns in FAMILIES for pattern, limit in patterns if len(line) <= limit and pattern.search(line)), None)
    assert family_of(line, dateline=False) == unscreened
    assert unscreened is not None or line.startswith("ſ")
