"""False alarms and speed of the translation detector on human-written English news.

Data: the news sentences of ``../shared/benchmarks/attribution/sentences.jsonl`` (measurement
only), re-assembled into one article per document, one sentence per line. These are articles
written in English by English-language outlets, so every finding is a false alarm or a genuine
slip of the original (a doubled "the the"); the table lists them per rule to be read.

Speed: documents per second for ``TranslationDetector.detect`` (plus the corpus pass) against
``langdetect.detect`` over each whole document, in the same run, after one warm-up pass of
each (both load their data on first use); the best of three interleaved rounds counts.

    python benchmarks/translation_news.py [SENTENCES_JSONL]
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from _common import shared_path  # noqa: E402  (also puts the repository on sys.path)
from langdetect import DetectorFactory, detect  # noqa: E402

from quality.detectors.translation import TranslationDetector  # noqa: E402
from quality.model import Article  # noqa: E402
from quality.spans import word_count  # noqa: E402


def load(path: Path) -> list[Article]:
    docs: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for line in open(path, encoding="utf-8"):
        record = json.loads(line)
        docs[record["doc_id"]].append((record["sent_index"], record["text"].replace("\n", " "), record["publisher"]))
    return [
        Article(id=doc, source=parts[0][2], text="\n".join(t for _, t, _ in sorted(parts)))
        for doc, parts in sorted(docs.items())
    ]


def run(detector: TranslationDetector, articles: list[Article]):
    results = {a.id: detector.detect(a) for a in articles}
    summary = detector.merge([detector.summarise([(a, results[a.id]) for a in articles])])
    return {a.id: detector.apply(a, results[a.id], summary) for a in articles}


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else shared_path("benchmarks", "attribution", "sentences.jsonl")
    articles = load(path)
    words = sum(word_count(a.text) for a in articles)
    detector = TranslationDetector()
    DetectorFactory.seed = 0

    results = run(detector, articles)  # warm-up, and the findings we report
    for article in articles:
        detect(article.text)

    # Best of three rounds each, interleaved, so that load from other processes on the
    # machine hits both sides alike.
    ours = theirs = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        run(TranslationDetector(), articles)
        ours = min(ours, time.perf_counter() - start)
        start = time.perf_counter()
        for article in articles:
            detect(article.text)
        theirs = min(theirs, time.perf_counter() - start)

    counts = Counter(f.rule + " " + f.severity.value for r in results.values() for f in r.findings)
    print(f"{len(articles)} human-written English news articles, {words} words\n")
    print("| rule | severity | findings | per 1k words |")
    print("|---|---|---|---|")
    for key, count in sorted(counts.items()):
        rule, severity = key.split()
        print(f"| {rule} | {severity} | {count} | {1000 * count / words:.3f} |")
    scores = [r.score for r in results.values() if r.score is not None]
    print(f"\nmean translation_fluency {sum(scores) / len(scores):.4f}; articles with any finding: "
          f"{sum(bool(r.findings) for r in results.values())}/{len(results)}")
    print("\n| rule | evidence | context |")
    print("|---|---|---|")
    texts = {a.id: a.text for a in articles}
    for article_id, result in results.items():
        for f in result.findings:
            context = texts[article_id][max(0, f.start - 40) : f.end + 40].replace("\n", " ").replace("|", "/")
            print(f"| {f.rule} | {f.evidence.replace(chr(10), ' ')} | {context} |")
    print(f"\nspeed: translation detector {len(articles) / ours:.1f} docs/s, langdetect.detect "
          f"{len(articles) / theirs:.1f} docs/s (ratio {theirs / ours:.2f}x; > 1 means faster than langdetect)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
