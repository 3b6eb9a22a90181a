"""The corpus pass as the corpus grows: does its time per article stay bounded?

Builds the throughput corpus (``benchmarks/throughput.py``: N distinct real articles from the
texts in ``../shared/benchmarks/``, in a temporary folder) for each N given, and runs the
streamed pipeline on it in this process, one process, with the summaries on disk as
``quality score`` keeps them (:func:`quality.stream.stream_results`). It prints the seconds of
detection (with the summaries' merge) and of the corpus pass, and each corpus detector's
``apply`` in CPU milliseconds per article: a figure that stays flat as N grows is a pass linear
in the corpus.

On that corpus, article ``k`` beyond the ~800 documents is a variant of a long document, so its
stories grow with N (the MQM documents' versions by ten systems are the stories of many
outlets). ``--documents D`` builds the corpus from D long documents only, so that every story
is large from the start (N / D versions each): the case of a story carried by a hundred outlets.

    python benchmarks/corpus_pass.py [SHARED_BENCHMARKS_DIR] --articles 2500 10000 20000 [--documents D]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import throughput  # noqa: E402
from _common import shared_path  # noqa: E402

import quality  # noqa: E402
import quality.pipeline as pipeline  # noqa: E402
from quality.progress import Progress  # noqa: E402
from quality.stream import stream_results  # noqa: E402


def build(root: Path, articles: int, documents: int | None, path: Path) -> None:
    """The throughput corpus, or (``documents``) one made of that many long documents."""
    docs = None
    if documents is not None:
        long_docs = [d for d in throughput.documents(root) if len(throughput.paragraphs_of(d[1])) >= 12]
        docs = long_docs[:: max(1, len(long_docs) // documents)][:documents]
    throughput.write_jsonl(throughput.corpus(root, articles, docs), path)


def run(path: Path, articles: int) -> tuple[float, float, dict[str, float]]:
    """Detection seconds, corpus-pass seconds and each detector's apply CPU seconds."""
    applied: dict[str, float] = {}
    apply_each = pipeline._apply_each  # every corpus detector's apply goes through it, in one process

    def timed(detector, pairs, summary):  # type: ignore[no-untyped-def]
        started = time.process_time()
        try:
            return apply_each(detector, pairs, summary)
        finally:
            applied[detector.name] = applied.get(detector.name, 0.0) + time.process_time() - started

    class Stages(Progress):
        """Notes when the corpus pass begins (the stream names its stages as it enters them)."""

        def stage(self, name: str, total: int | None = None) -> None:
            if name.startswith("corpus"):
                marks.append(time.perf_counter())

    marks: list[float] = []
    pipeline._apply_each = timed
    try:
        started = time.perf_counter()
        rows = sum(len(chunk) for chunk in stream_results(lambda: quality.load_paths([str(path)]), progress=Stages(), workers=1))
        ended = time.perf_counter()
    finally:
        pipeline._apply_each = apply_each
    assert rows == articles and marks, (rows, articles)
    return marks[0] - started, ended - marks[0], applied


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("shared", nargs="?", default=str(shared_path("benchmarks")), help="the shared benchmarks folder")
    parser.add_argument("--articles", type=int, nargs="+", default=[2500, 10000])
    parser.add_argument("--documents", type=int, help="build each corpus from this many long documents")
    args = parser.parse_args()
    root = Path(args.shared)
    print("| articles | detection s | corpus pass s | apply ms/article: " + " | ".join(("boilerplate", "story", "translation")) + " |")
    print("|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="corpus-pass-") as folder:
        for n in args.articles:
            path = Path(folder) / f"corpus{n}.jsonl"
            build(root, n, args.documents, path)
            detection, corpus_pass, applied = run(path, n)
            per_article = " | ".join(f"{1000 * applied.get(name, 0.0) / n:.1f}" for name in ("boilerplate", "story", "translation"))
            print(f"| {n:,} | {detection:.0f} | {corpus_pass:.0f} | {per_article} |", flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
