"""How the story detector scales: its time and memory from 5,000 to 100,000 articles.

The corpus is the throughput harness's (``benchmarks/throughput.py``: the real documents of the
shared sets, then variants of them with paragraphs turned round and one left out, each under the
source of its document), so a large corpus is wire-like: the ten MQM systems' versions of one
document, and their variants, make stories of hundreds of articles across ten outlets.

Each size runs in a fresh process, as a streamed run does it: ``detect`` on every article, the
summaries of chunks of 512 merged with their records written to a temporary folder, then
``apply`` on every article. It prints the seconds of each stage, per 1,000 articles, the
stories found and the process's peak RSS. With ``--score N`` it also times ``quality score``
on the first N articles in the same run, for the ratio the scale issue asks about (stories
within twice the time of ``quality score`` alone: the detector's own time against score's).
The grouping's memory is printed apart: the peak of Python's heap (``tracemalloc``) while the
grouping is made again, traced (the seconds are those of the untraced run). ``--no-apply``
skips the apply stage, which takes most of the time.

    python benchmarks/stories_scale.py [SHARED_BENCHMARKS] --articles 5000 20000 100000 [--score 2000] [--no-apply]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

from _common import REPO, shared_path  # also puts the repository on sys.path
from throughput import corpus, quality_cli, write_jsonl

CHUNK = 512


def one_size(shared: Path, size: int, apply: bool = True) -> dict[str, float]:
    """The detector's stages over ``size`` articles, in this process."""
    from quality.detectors.base import records_on_disk
    from quality.detectors.stories import StoryDetector
    from quality.detectors.stories.summary import Grouping

    articles = corpus(shared, size)
    detector = StoryDetector()
    detector.detect(articles[0])  # wordfreq's tables load on first use: start-up, not throughput
    figures: dict[str, float] = {"articles": size}
    started = time.perf_counter()
    results = [detector.detect(article) for article in articles]
    figures["detect"] = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder, records_on_disk(folder):
        started = time.perf_counter()
        parts = [detector.summarise(list(zip(articles[k : k + CHUNK], results[k : k + CHUNK]))) for k in range(0, size, CHUNK)]
        summary = detector.merge(parts)
        figures["summarise + merge"] = time.perf_counter() - started
        started = time.perf_counter()
        grouping = summary.grouping(detector.window_days)
        figures["grouping"] = time.perf_counter() - started
        tracemalloc.start()
        Grouping.of(grouping.signatures, np.frombuffer(summary.dates, dtype=np.int64), detector.window_days)
        figures["grouping peak heap MB"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        started = time.perf_counter()
        roles: dict[str, int] = {}
        findings = 0
        for article, result in zip(articles, results) if apply else ():
            applied = detector.apply(article, result, summary)
            roles[applied.metrics["role"]] = roles.get(applied.metrics["role"], 0) + 1
            findings += len(applied.findings)
        figures["apply"] = time.perf_counter() - started
    figures["stories"] = len(grouping)
    figures["largest story"] = max(len(grouping.members(s)) for s in range(len(grouping)))
    figures["findings"] = findings
    figures.update({f"role {role}": count for role, count in sorted(roles.items())})
    figures["peak RSS MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(shared_path("benchmarks")), help="the shared benchmarks folder")
    parser.add_argument("--articles", type=int, nargs="+", default=[5000, 20000, 100000])
    parser.add_argument("--score", type=int, default=0, metavar="N", help="also time `quality score` on the first N articles")
    parser.add_argument("--no-apply", action="store_true", help="stop after the grouping (apply takes most of the time)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process's size
    args = parser.parse_args()
    shared = Path(args.shared)
    if args.one:
        print(json.dumps(one_size(shared, args.one, apply=not args.no_apply)))
        return 0
    for size in args.articles:
        argv = [sys.executable, __file__, str(shared), "--one", str(size), *(["--no-apply"] if args.no_apply else [])]
        done = subprocess.run(argv, capture_output=True, text=True, check=True, cwd=REPO)
        figures = json.loads(done.stdout)
        stages = ("detect", "summarise + merge", "grouping", "apply")
        total = sum(figures[s] for s in stages)
        print(f"{size:,} articles: {total:.1f} s in all, {1000 * total / size:.2f} s per 1,000 articles; peak RSS {figures['peak RSS MB']:.0f} MB;"
              f" grouping's peak heap {figures['grouping peak heap MB']:.1f} MB")  # fmt: skip
        for stage in stages:
            print(f"  {stage:<18} {figures[stage]:8.1f} s  {1000 * figures[stage] / size:6.2f} s per 1,000")
        print("  " + ", ".join(f"{k}: {int(v):,}" for k, v in figures.items() if k not in stages and k not in ("articles", "peak RSS MB", "grouping peak heap MB")))
        if args.score:
            sample = min(args.score, size)
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "corpus.jsonl"
                write_jsonl(corpus(shared, sample), path)
                seconds, peak = quality_cli(path)
            print(f"  quality score on the first {sample:,}: {seconds:.1f} s, {1000 * seconds / sample:.2f} s per 1,000 (peak {peak:.0f} MB);"
                  f" the story detector's time is {total / size / (seconds / sample):.2f} of score's per article")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
