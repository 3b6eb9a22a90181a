"""Time and peak memory of scoring hostile articles at two sizes, and how they grow.

    python benchmarks/adversarial.py [--sizes 10000 40000] [--markdown] [--only NAME ...]

Each text of ``tests/adversarial_texts.py`` is scored as one article (the whole pipeline, as
``quality score`` runs it) at each size, in this process, after the same kind of text was
scored once (dictionaries and models load on first use).
Prints seconds per size, the growth from the first size to the last (linear growth is the size
ratio, 4x for 10k to 40k), and the peak resident memory of a fresh process for the largest
size. ``tests/test_linear_time.py`` asserts the growth; this prints the figures.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from adversarial_texts import CASES  # noqa: E402

from quality.markdown import read_view  # noqa: E402
from quality.model import Article  # noqa: E402
from quality.pipeline import analyze  # noqa: E402

PEAK_SCRIPT = """
import re, sys
sys.path[:0] = [{repo!r}, {tests!r}]
from adversarial_texts import CASES
from quality.model import Article
from quality.pipeline import analyze
make = dict(CASES)[{name!r}]
analyze([Article(id="x", source="s", text=make({size}))])
print(re.search(r"VmHWM:\s+(\d+)", open("/proc/self/status").read()).group(1))
"""


def article(text: str, markdown: bool) -> Article:
    if markdown:
        view, _ = read_view(text)
        return Article(id="hostile.md", source="s", text=view, layout=text)
    return Article(id="hostile.txt", source="s", text=text)


def seconds(text: str, markdown: bool) -> float:
    started = time.perf_counter()
    analyze([article(text, markdown)])
    return time.perf_counter() - started


def peak_mb(name: str, size: int) -> float:
    """Peak resident memory of a fresh process that scores the text once (Linux's VmHWM: unlike
    ru_maxrss, it does not inherit the peak of this process, which forked it)."""
    script = PEAK_SCRIPT.format(repo=str(REPO), tests=str(REPO / "tests"), name=name, size=size)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return int(done.stdout.strip()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 40_000])
    parser.add_argument("--markdown", action="store_true", help="read each text as a Markdown file")
    parser.add_argument("--only", nargs="*", default=None, help="case names to run (default: all)")
    parser.add_argument("--no-memory", action="store_true", help="skip the fresh-process memory peak")
    args = parser.parse_args()

    analyze([Article(id="warm", source="s", text="The ministry said the talks would resume.")])
    sizes = sorted(args.sizes)
    head = "".join(f"{f'{size:,} chars':>14}" for size in sizes)
    print(f"{'case':34}{head}{'growth':>9}{'linear':>8}{'' if args.no_memory else 'peak RSS':>11}")
    for name, make in CASES:
        if args.only and name not in args.only:
            continue
        seconds(make(1_000), args.markdown)  # what this kind of text loads on first use
        times = [seconds(make(size), args.markdown) for size in sizes]
        cells = "".join(f"{t:13.2f}s" for t in times)
        growth = times[-1] / max(times[0], 1e-6)
        memory = "" if args.no_memory else f"{peak_mb(name, sizes[-1]):8.0f} MB"
        print(f"{name:34}{cells}{growth:8.1f}x{sizes[-1] / sizes[0]:7.1f}x{memory:>11}", flush=True)


if __name__ == "__main__":
    main()
