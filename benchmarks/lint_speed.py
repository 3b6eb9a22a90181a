"""What does `quality lint` cost on top of the pipeline it runs?

Times, in one process and on equivalent batches of drafts, (a) ``quality.load_paths`` plus
``quality.analyze`` and (b) ``quality.lint.lint`` on the files (reading, prose view,
suppressions, mapping back, fingerprints) plus rendering the SARIF report, and prints (b)/(a).
The drafts are the seed articles, each also written as a Markdown copy with front matter,
repeated to make a batch; the two sides alternate over rounds and the medians are compared.

    python benchmarks/lint_speed.py [SEEDS_DIR] [--copies N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import shared_path  # noqa: E402  (also puts the repository on sys.path)
from quality import analyze, load_paths  # noqa: E402
from quality.config import Config  # noqa: E402
from quality.lint import LintOptions, lint, render, resolve  # noqa: E402


def _write_batch(root: Path, seeds: list[Path], copies: int, tag: str) -> None:
    """Drafts made unique by ``tag``, so that no library cache keyed by text (textstat has
    some) carries over from one timing to the next."""
    root.mkdir()
    for copy in range(copies):
        for seed in seeds:
            text = f"Batch {tag}, copy {copy}.\n\n" + seed.read_text(encoding="utf-8")
            (root / f"{copy}_{seed.name}").write_text(text, encoding="utf-8")
            (root / f"{copy}_{seed.stem}.md").write_text(f"---\nsource: outlet\ntitle: Copy {copy}\n---\n{text}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="?", default=str(shared_path("seeds")))
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    seeds = sorted(Path(args.seeds).glob("*.txt"))
    plain_times: list[float] = []
    lint_times: list[float] = []
    settings = resolve(Config(), LintOptions())
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        _write_batch(base / "warm", seeds, 1, "warm")
        analyze(list(load_paths([base / "warm"])))  # import and initialise every detector once
        cwd = os.getcwd()
        try:
            for round_ in range(args.rounds):  # alternate, so that neither side always goes first
                for side in ("analyze", "lint") if round_ % 2 == 0 else ("lint", "analyze"):
                    root = base / f"{side}{round_}"
                    _write_batch(root, seeds, args.copies, f"{side}{round_}")
                    os.chdir(root)
                    start = time.perf_counter()
                    if side == "analyze":
                        items = list(load_paths(["."]))
                        analyze(items, Config())
                        plain_times.append(time.perf_counter() - start)
                    else:
                        render(lint(["."], settings), "sarif")
                        lint_times.append(time.perf_counter() - start)
                    os.chdir(cwd)
        finally:
            os.chdir(cwd)
    plain, linted = statistics.median(plain_times), statistics.median(lint_times)
    print(f"drafts per run: {2 * len(seeds) * args.copies} ({len(seeds)} seeds x {args.copies} copies x .txt and .md), {args.rounds} rounds, medians")
    print(f"load + analyze:               {plain:8.2f} s")
    print(f"lint + SARIF report:          {linted:8.2f} s")
    print(f"ratio lint / (load + analyze): {linted / plain:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
