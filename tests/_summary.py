"""The run summary's timing (``in 2.1 s (11.9 articles/s)``) is the one part of a run's output
that differs between identical runs; tests that compare runs compare without it."""

from __future__ import annotations

import re

TIMING = re.compile(r" in \d+\.\d s \([\d,.]+ articles/s\)")


def without_timing(stderr: str) -> str:
    return TIMING.sub("", stderr)
