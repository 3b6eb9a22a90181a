"""False alarms on native, professionally edited English: what a careful newsroom publishes.

Every warning or error `quality` raises here is a claim that an edited text has a defect; most
are false. The script scores three sets from ``../shared/benchmarks/`` (measurement only, never
copied into the repository), each as one corpus so that the corpus-level rules run:

- ``zyte``: the human-extracted article bodies of the boilerplate pages (``boilerplate/pages.jsonl``,
  field ``gold``), English ones only (langdetect on the body), source = the site;
- ``polnear``: the US political news articles of the attribution set, source = the publisher;
- ``ted``: the two human translations (``ref``, ``refB``) of the TED talks in the MQM set, one
  article per talk and translation, source = the translation.

It prints, per set, the words read and the warnings and errors per 1,000 words by rule, and the
figure the precision issue targets: translation and boilerplate (TRN + BPL) together on ``zyte``.
``--list RULE_PREFIX`` prints every finding of those rules with its context, to be judged by
reading (`docs/false-alarms.md` keeps the judgements).

    python benchmarks/false_alarms.py [SHARED_BENCHMARKS_DIR] [--sets zyte,polnear,ted] [--list TRN]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from _common import shared_path  # noqa: E402  (also puts the repository on sys.path)
from _polnear import documents, load_rows  # noqa: E402
from mqm_translation import build_articles  # noqa: E402

from quality import analyze  # noqa: E402
from quality.langid import identify  # noqa: E402
from quality.model import Article, Severity  # noqa: E402
from quality.spans import word_count  # noqa: E402

TARGET_FAMILIES = ("TRN", "BPL")


def zyte(root: Path) -> list[Article]:
    articles = []
    for line in (root / "boilerplate" / "pages.jsonl").open(encoding="utf-8"):
        page = json.loads(line)
        body = page.get("gold") or ""
        if body.strip() and identify(body)[0] == "en":
            articles.append(Article(id=page["id"][:16], source=page["source"], text=body))
    return articles


def polnear(root: Path) -> list[Article]:
    """The articles rebuilt at their original offsets, as the attribution benchmarks read them."""
    rows = load_rows(root / "attribution" / "sentences.jsonl")
    return [Article(id=doc.doc_id, source=doc.publisher, text=doc.text) for doc in documents(rows)]


def ted(root: Path) -> list[Article]:
    """One article per talk and human translation, laid out as the MQM benchmark lays them."""
    records = [json.loads(line) for line in (root / "mqm" / "segments.jsonl").open(encoding="utf-8")]
    articles, _ = build_articles([r for r in records if r["testset"] == "wmt21-ted-zhen" and r["is_human"]])
    return articles


SETS = {"zyte": zyte, "polnear": polnear, "ted": ted}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(shared_path("benchmarks")))
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--list", metavar="PREFIX", help="print every warning/error of these rules with its context")
    args = parser.parse_args()
    root = Path(args.shared)
    for name in args.sets.split(","):
        articles = SETS[name](root)
        results = analyze(articles)
        words = sum(word_count(a.text) for a in articles)
        counts: Counter[str] = Counter()
        listed = []
        for result in results:
            for finding in result.findings:
                if finding.severity.rank < Severity.WARNING.rank:
                    continue
                counts[finding.rule] += 1
                if args.list and finding.rule.startswith(args.list):
                    text = result.article.text
                    context = text[max(0, finding.start - 80) : finding.end + 80].replace("\n", " ⏎ ")
                    listed.append(f"  {finding.rule} {result.article.source} {result.article.id}: {finding.message}\n      …{context}…")
        target = sum(n for rule, n in counts.items() if rule.startswith(TARGET_FAMILIES))
        print(f"\n{name}: {len(articles)} articles, {words:,} words, {sum(counts.values())} warnings and errors "
              f"({1000 * sum(counts.values()) / words:.2f} per 1,000 words); TRN + BPL {target} ({1000 * target / words:.2f} per 1,000 words)")
        for rule, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            print(f"  {rule}  {n:5d}  {1000 * n / words:6.3f} per 1,000 words")
        for line in listed:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
