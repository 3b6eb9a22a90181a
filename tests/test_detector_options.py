"""``check_option``: the one range check behind every detector's threshold keywords."""

from __future__ import annotations

import math

import pytest

from quality.config import Config, ConfigError
from quality.detectors.base import OptionError, check_option
from quality.pipeline import build_detectors

# (value, low, high, low_open, accepted)
CASES = [
    (0.0, 0.0, 1.0, False, True),
    (1.0, 0.0, 1.0, False, True),
    (0.5, 0.0, 1.0, False, True),
    (-0.01, 0.0, 1.0, False, False),
    (1.01, 0.0, 1.0, False, False),
    (0.0, 0.0, 1.0, True, False),  # open below: 0 itself is out
    (1e-9, 0.0, 1.0, True, True),
    (2, 2, None, False, True),  # unbounded above
    (1, 2, None, False, False),
    (10**6, 0.0, None, True, True),
    (math.nan, 0.0, 1.0, False, False),  # NaN never passes a range
    (math.nan, 0.0, None, True, False),
    ("0.5", 0.0, 1.0, False, True),  # numbers from a config file may arrive as strings
    ("half", 0.0, 1.0, False, False),
    (None, 0.0, 1.0, False, False),
]


@pytest.mark.parametrize(("value", "low", "high", "low_open", "accepted"), CASES)
def test_range(value: object, low: float, high: float | None, low_open: bool, accepted: bool) -> None:
    if accepted:
        check_option("opt", value, low, high, low_open=low_open)  # type: ignore[arg-type]
    else:
        with pytest.raises(OptionError, match=r"^opt must be "):
            check_option("opt", value, low, high, low_open=low_open)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("low", "high", "low_open", "words"),
    [
        (0.0, 1.0, False, "between 0 and 1"),
        (0.0, 1.0, True, "greater than 0 and at most 1"),
        (2, None, False, "at least 2"),
        (0.0, None, True, "greater than 0"),
    ],
)
def test_message_names_option_range_and_value(low: float, high: float | None, low_open: bool, words: str) -> None:
    with pytest.raises(OptionError) as caught:
        check_option("min_share", -5, low, high, low_open=low_open, why="a reason")
    assert str(caught.value) == f"min_share must be {words} (a reason), got -5"


def test_option_error_is_both_value_and_type_error() -> None:
    # ValueError: what a bad value is; TypeError: what the pipeline turns into a config error.
    assert issubclass(OptionError, ValueError) and issubclass(OptionError, TypeError)


@pytest.mark.parametrize(
    ("detector", "option", "value"),
    [("boilerplate", "threshold", 1.5), ("attribution", "target_density", 0), ("translation", "half_density", 0)],
)
def test_bad_config_value_is_a_config_error_naming_detector_and_option(detector: str, option: str, value: float) -> None:
    with pytest.raises(ConfigError, match=rf"^detectors\.{detector}: {option} must be "):
        build_detectors(Config(detectors={detector: {option: value}}))
