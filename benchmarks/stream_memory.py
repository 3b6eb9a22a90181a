"""Memory: does `quality score` stay within bounds as the corpus grows?

Builds corpora of N distinct real articles for each N given (the throughput corpus: see
``benchmarks/throughput.py``; written to a temporary folder, never into the repository), then
runs ``quality score CORPUS.jsonl --format csv`` (or the command given) on each in a fresh
process, sampling the resident memory of its whole process tree every half second. Prints, per
N: wall time, articles/s, peak RSS, and the RSS at each quarter of the run, so that a line that
keeps rising shows where memory grows with the corpus; optionally an earlier checkout
(``--baseline``) runs the same corpora, in alternation.

    python benchmarks/stream_memory.py [SHARED_BENCHMARKS_DIR] --articles 1000 10000 [--jobs 1] [--baseline CHECKOUT]
                                       [--log FILE]

``--log FILE`` appends a line every 30 s while a run lasts (seconds, resident MB, record files
written so far), so that a run too long to wait for still shows how its memory moves.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import shared_path  # noqa: E402
from throughput import corpus, write_jsonl  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def tree_rss(process: psutil.Process) -> int:
    """Resident bytes of a process and its children (worker processes)."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            pass
    return total


LOG_EVERY = 30.0  # seconds between the lines of --log


def record_files(folder: Path) -> int:
    """Record files the run has written so far in ``folder`` (its temporary files)."""
    return sum(1 for _ in folder.rglob("*") if _.is_file())


def run(checkout: Path, argv: list[str], log: Path | None = None) -> tuple[float, int, list[int], int]:
    """(wall seconds, peak tree RSS, RSS samples, exit code) of ``quality ARGV`` from ``checkout``."""
    scratch = Path(tempfile.mkdtemp(prefix="quality-memory-run-"))
    env = {**os.environ, "PYTHONPATH": str(checkout), "TMPDIR": str(scratch)}
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "quality", *argv], cwd=checkout, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    process = psutil.Process(child.pid)
    samples: list[int] = []
    done = threading.Event()

    def sample() -> None:
        logged = started
        while not done.is_set():
            samples.append(tree_rss(process))
            now = time.perf_counter()
            if log is not None and now - logged >= LOG_EVERY:
                logged = now
                with log.open("a") as out:
                    out.write(f"{now - started:8.0f} s  {samples[-1] >> 20:6,} MB  {record_files(scratch):5,} files\n")
            done.wait(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = child.communicate()
    done.set()
    sampler.join()
    shutil.rmtree(scratch, ignore_errors=True)
    if child.returncode:
        print(err.decode(errors="replace")[-2000:], file=sys.stderr)
    return time.perf_counter() - started, max(samples, default=0), samples, child.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(shared_path("benchmarks")), help="the shared benchmarks folder")
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--command", default="score", choices=("score", "findings"), help="the command to run (default: score)")
    parser.add_argument("--baseline", metavar="CHECKOUT", help="another checkout of quality (an earlier commit) run on the same corpora")
    parser.add_argument("--log", type=Path, metavar="FILE", help="append the resident memory every 30 s while a run lasts")
    args = parser.parse_args()
    sides = {"this checkout": REPO, **({f"baseline {Path(args.baseline).name}": Path(args.baseline)} if args.baseline else {})}
    articles = corpus(Path(args.shared), max(args.articles))
    print(f"{len(articles):,} articles built; `quality {args.command} CORPUS.jsonl --format csv --jobs {args.jobs}`", flush=True)
    with tempfile.TemporaryDirectory(prefix="quality-memory-") as folder:
        for size in args.articles:
            path = Path(folder) / f"corpus-{size}.jsonl"
            write_jsonl(articles[:size], path)
            megabytes = path.stat().st_size / 1e6
            for name, checkout in sides.items():
                out = Path(folder) / "out.csv"
                wall, peak, samples, code = run(checkout, [args.command, str(path), "--format", "csv", "--jobs", str(args.jobs), "-o", str(out)], args.log)
                quarters = [samples[min(len(samples) - 1, len(samples) * q // 4)] >> 20 for q in (1, 2, 3, 4)] if samples else []
                print(
                    f"{size:>9,} articles ({megabytes:,.0f} MB) {name:<24} exit {code}  {wall:8.1f} s  {size / wall:7.1f} articles/s  "
                    f"peak RSS {peak >> 20:,} MB  at each quarter of the run: {', '.join(f'{q:,}' for q in quarters)} MB",
                    flush=True,
                )


if __name__ == "__main__":
    main()
