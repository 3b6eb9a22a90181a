"""What the corpus pass costs when every story is syndicated: the translation detector on a
corpus in which each human-written news article is carried by many outlets.

Data: the news sentences of ``../shared/benchmarks/attribution/sentences.jsonl`` (measurement
only), one article per document as in ``translation_news.py``. Each article is copied to
``--outlets`` sources; every copy loses one random line (seeded), so no two copies are alike.
No copy is mistranslated, so nothing should be flagged and every copy should find versions.

Printed: articles, the CPU seconds of ``detect`` over all of them, of the corpus pass
(``summarise`` + ``merge`` + ``apply``), their ratio, the articles with parallel lines, and the
TRN012 findings (false alarms here).

    python benchmarks/consensus_scale.py [SENTENCES_JSONL] [--outlets 30]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from _common import shared_path  # noqa: E402  (also puts the repository on sys.path)
from translation_news import load  # noqa: E402

from quality.detectors.translation import TranslationDetector  # noqa: E402
from quality.model import Article  # noqa: E402


def syndicated(articles: list[Article], outlets: int, seed: int = 0) -> list[Article]:
    rng = random.Random(seed)
    copies = []
    for article in articles:
        lines = [line for line in article.text.split("\n") if line.strip()]
        for k in range(outlets):
            kept = list(lines)
            if len(kept) > 3:
                del kept[rng.randrange(len(kept))]
            copies.append(Article(id=f"{article.id}#{k:03d}", source=f"outlet{k:03d}", text="\n".join(kept)))
    return copies


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sentences", nargs="?", type=Path, default=None)
    parser.add_argument("--outlets", type=int, default=30)
    args = parser.parse_args(argv[1:])
    path = args.sentences or shared_path("benchmarks", "attribution", "sentences.jsonl")
    corpus = syndicated(load(path), args.outlets)
    detector = TranslationDetector()
    start = time.process_time()
    results = {a.id: detector.detect(a) for a in corpus}
    detect_seconds = time.process_time() - start
    start = time.process_time()
    summary = detector.merge([detector.summarise([(a, results[a.id]) for a in corpus])])
    final = {a.id: detector.apply(a, results[a.id], summary) for a in corpus}
    corpus_seconds = time.process_time() - start
    parallel = sum("parallel_lines" in r.metrics for r in final.values())
    flags = sum(f.rule == "TRN012" for r in final.values() for f in r.findings)
    print(f"{len(corpus)} articles ({len(corpus) // args.outlets} stories x {args.outlets} outlets)")
    print(f"detect: {detect_seconds:.1f} s CPU; corpus pass: {corpus_seconds:.1f} s CPU "
          f"(ratio {corpus_seconds / detect_seconds:.2f}x of detect)")
    print(f"articles with parallel lines: {parallel}/{len(corpus)}; TRN012 findings: {flags}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
