"""Memory of translation's consensus summary and its index as a corpus of new text grows.

The consensus pass (``quality/detectors/translation/consensus.py``) keeps, per article, its id,
source and where its paragraph words are (in memory, or in a record file when a streamed run
names a folder), and builds once per run an index of each article's rarest words. This adds
articles chunk by chunk, merging as the streaming engine does, with a record folder named (so
the words go to files, as in ``quality score``), and at each mark builds the index and prints
Python's heap (``tracemalloc``) before and after, the index's bytes per article, its keys and
postings, and the seconds the index took. Each checkout runs in a fresh process.

The corpus is that of ``benchmarks/summary_memory.py``: the distinct real documents of the
shared sets, then copies of them with every name replaced by an invented one (new words with
every copy: the worst case for what is keyed by vocabulary). Nothing is written into the
repository.

    python benchmarks/consensus_memory.py [SHARED_BENCHMARKS_DIR] --marks 2000,8000,16000 [--baseline CHECKOUT]
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, shared_path  # noqa: E402

CHUNK = 512


def child(shared: Path, marks: list[int], checkout: Path) -> None:
    """The measurement in this process, importing ``checkout``'s quality; one JSON line per mark."""
    sys.path.insert(0, str(checkout))  # ahead of this repository, which _common put first
    from summary_memory import texts

    from quality.detectors.base import records_on_disk
    from quality.detectors.translation.consensus import ConsensusOptions, ConsensusSummary, paragraph_texts

    article = texts(shared, None)
    tracemalloc.start()
    with tempfile.TemporaryDirectory(prefix="consensus-memory-") as folder, records_on_disk(folder):
        whole, done = ConsensusSummary(), 0
        for mark in marks:
            while done < mark:
                part = ConsensusSummary()
                for k in range(done, min(done + CHUNK, mark)):
                    source, text = article(k)
                    part.add(f"doc-{k:08d}", source, paragraph_texts(text))
                done = min(done + CHUNK, mark)
                whole = ConsensusSummary.merged([whole, part])
            gc.collect()
            before = tracemalloc.get_traced_memory()[0]
            started = time.perf_counter()
            index = whole.index(ConsensusOptions())
            seconds = time.perf_counter() - started
            gc.collect()
            after = tracemalloc.get_traced_memory()[0]
            postings = index.posting_articles if hasattr(index, "posting_articles") else [n for p in index.postings.values() for n in p]
            print(json.dumps({"articles": done, "summary": before, "index": after - before, "postings": len(postings), "seconds": seconds}), flush=True)
            whole._index = None
            del index, postings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", type=Path, default=shared_path("benchmarks"), help="the shared benchmarks folder")
    parser.add_argument("--marks", default="2000,8000,16000", help="corpus sizes at which to measure, comma-separated")
    parser.add_argument("--baseline", type=Path, metavar="CHECKOUT", help="another checkout of quality measured the same way")
    parser.add_argument("--child", type=Path, metavar="CHECKOUT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    marks = [int(m) for m in args.marks.split(",")]
    if args.child:
        child(args.shared, marks, args.child)
        return 0
    print(f"{'checkout':<12} {'articles':>8} {'summary MB':>10} {'index MB':>9} {'index B/art':>11} {'postings':>9} {'index s':>8}")
    for name, checkout in {"this": REPO, **({args.baseline.name: args.baseline} if args.baseline else {})}.items():
        argv = [sys.executable, __file__, str(args.shared), "--marks", args.marks, "--child", str(checkout)]
        out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
        for row in (json.loads(line) for line in out.splitlines() if line.startswith("{")):
            print(
                f"{name:<12} {row['articles']:>8,} {row['summary'] / 2**20:>10.1f} {row['index'] / 2**20:>9.1f}"
                f" {row['index'] / row['articles']:>11,.0f} {row['postings']:>9,} {row['seconds']:>8.1f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
