"""How long a very long article takes, and what ``--jobs`` buys.

    python benchmarks/reliability_speed.py [FOLDER] [--megabytes 5] [--articles 400]

FOLDER (default: the repository's sample_corpus) gives the text. Prints:

1. CPU seconds per megabyte for each detector and for the whole pipeline on one article of
   ``--megabytes`` MB made of the folder's articles repeated (the figure behind the default
   ``max_article_chars``);
2. wall-clock seconds for ``--articles`` articles with 1 and with 2 worker processes, and their
   ratio. Wall-clock time depends on what else runs on the machine: read the ratio, not the
   seconds, and run it on an idle machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quality.config import Config  # noqa: E402
from quality.load import load_paths  # noqa: E402
from quality.model import Article  # noqa: E402
from quality.pipeline import analyze, build_detectors  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default=str(ROOT / "sample_corpus"))
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--articles", type=int, default=400)
    args = parser.parse_args()

    articles = [a for a in load_paths([args.folder]) if isinstance(a, Article)]
    if not articles:
        sys.exit(f"no readable articles in {args.folder}")
    body = "\n\n".join(a.text for a in articles)
    size = int(args.megabytes * 1_000_000)
    long_text = (body * (size // len(body) + 1))[:size]
    long_article = Article(id="long", source="bench", text=long_text)

    print(f"one article of {size:,} characters ({len(articles)} articles of {args.folder} repeated)")
    for detector in build_detectors(Config()):
        detector.detect(Article(id="warm", source="bench", text=body[:5000]))  # lazy loading
        start = time.process_time()
        detector.detect(long_article)
        seconds = time.process_time() - start
        print(f"  {detector.name:<12} {seconds:7.2f} s CPU  {seconds / args.megabytes:6.2f} s/MB")
    start = time.process_time()
    analyze([long_article])
    seconds = time.process_time() - start
    print(f"  {'pipeline':<12} {seconds:7.2f} s CPU  {seconds / args.megabytes:6.2f} s/MB")

    many = [Article(id=f"{k}:{a.id}", source=a.source, text=a.text) for k in range(args.articles // len(articles) + 1) for a in articles]
    many = many[: args.articles]
    timings = {}
    for workers in (1, 2):
        start = time.perf_counter()
        analyze(many, workers=workers)
        timings[workers] = time.perf_counter() - start
    print(f"{len(many)} articles: 1 worker {timings[1]:.1f} s, 2 workers {timings[2]:.1f} s wall-clock; speed-up {timings[1] / timings[2]:.2f}x")


if __name__ == "__main__":
    main()
