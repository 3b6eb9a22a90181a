"""Every detector's time and memory grow at most linearly with the article, whatever it holds.

One hostile article must not hold up a batch for hours or exhaust memory (the kernel would then
kill the whole run, and ``--jobs 1`` writes nothing). Each text of ``adversarial_texts`` is
scored at 10,000 and 40,000 characters, as a text file and as Markdown; time may grow about
fourfold, and a quadratic path would grow sixteenfold. The check is a ratio of two times taken
in the same process, never an absolute time, and a size pair that looks too slow is measured
again before it fails (shared machines are noisy). Memory is held to the same growth.
``benchmarks/adversarial.py`` prints the times and peaks themselves.
"""

from __future__ import annotations

import gc
import time
import tracemalloc

import pytest

from quality.markdown import read_view
from quality.model import Article
from quality.pipeline import analyze

from adversarial_texts import CASES

SMALL, LARGE = 10_000, 40_000
# Linear growth is 4x; allow twice that for noise and fixed costs, far below quadratic (16x).
MAX_GROWTH = 8.0
# Times this short are mostly fixed costs and noise (a text of 10k characters takes 0.02 to
# 0.3 s); a quadratic path that takes this long at 10k still fails (1.6 s at 40k).
NOISE_FLOOR_SECONDS = 0.1
ATTEMPTS = 3
# Memory is compared on smaller texts (tracing allocations slows Python several times over):
# the peak of Python allocations while scoring, after the same kind of text was scored once so
# that dictionaries loaded on first use do not count. Cubic key sets took gigabytes at 1,600
# characters; a peak under a megabyte is noise.
MEMORY_SMALL, MEMORY_LARGE = 2_500, 10_000
MEMORY_FLOOR_BYTES = 1_000_000


def as_article(text: str, markdown: bool) -> Article:
    if markdown:
        view, _ = read_view(text)
        return Article(id="hostile.md", source="s", text=view, layout=text)
    return Article(id="hostile.txt", source="s", text=text)


def seconds_to_score(text: str, markdown: bool) -> float:
    """Seconds to score ``text``, without the garbage collector: its passes scan every object
    the whole test session holds (caches of earlier tests), a cost of the heap, not of the text."""
    gc.collect()  # the garbage of earlier runs is not this text's
    gc.disable()
    try:
        started = time.perf_counter()
        analyze([as_article(text, markdown)])
        return time.perf_counter() - started
    finally:
        gc.enable()


@pytest.fixture(scope="module", autouse=True)
def detectors_loaded() -> None:
    """Dictionaries and models load on first use; that cost is not the text's."""
    analyze([Article(id="warm", source="s", text="The ministry said the talks would resume.")])


@pytest.mark.parametrize("markdown", [False, True], ids=["text", "markdown"])
@pytest.mark.parametrize(("name", "make"), CASES, ids=[name for name, _ in CASES])
def test_time_grows_at_most_linearly(name: str, make, markdown: bool) -> None:
    small, large = make(SMALL), make(LARGE)
    growth = 0.0
    small_times: list[float] = []
    large_times: list[float] = []
    for _ in range(ATTEMPTS):  # the fastest of each: what the code costs, not what others ran meanwhile
        small_times.append(seconds_to_score(small, markdown))
        large_times.append(seconds_to_score(large, markdown))
        growth = min(large_times) / max(min(small_times), NOISE_FLOOR_SECONDS)
        if growth <= MAX_GROWTH:
            return
    pytest.fail(f"{name}: scoring {LARGE:,} characters took {growth:.1f} times as long as {SMALL:,} (linear: 4)")


def peak_bytes_to_score(text: str) -> int:
    tracemalloc.start()
    try:
        analyze([as_article(text, markdown=False)])
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(("name", "make"), CASES, ids=[name for name, _ in CASES])
def test_memory_grows_at_most_linearly(name: str, make) -> None:
    analyze([as_article(make(MEMORY_SMALL // 10), markdown=False)])
    small = peak_bytes_to_score(make(MEMORY_SMALL))
    large = peak_bytes_to_score(make(MEMORY_LARGE))
    growth = large / max(small, MEMORY_FLOOR_BYTES)
    assert growth <= MAX_GROWTH, f"{name}: {large / 1e6:.1f} MB at the peak for {MEMORY_LARGE:,} characters, {small / 1e6:.1f} MB for {MEMORY_SMALL:,}"
