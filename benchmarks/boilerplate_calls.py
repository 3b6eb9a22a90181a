#!/usr/bin/env python3
"""Calls to the reader in wordings the detector was not written from: how many it finds.

The set is a JSONL file of articles, each ``{"id", "source", "text", "furniture"}``, where
``furniture`` lists the lines of ``text`` that are page furniture (calls to follow, join a
channel, send tips, donate, download an app ...) and every other line belongs to the article,
hard cases included (a story about a Telegram channel, a quoted "join us", a police appeal).
The set this was run on was written by an outside helper for a blind test and kept out of the
repository (docs/boilerplate.md says how it was made and what it gave); any file of that shape
will do.

The detector runs as in the pipeline (``detect``, then the corpus pass over the whole set). A
furniture line counts as found when a BPL finding covers at least half of it; an article line
counts as a false alarm in the same way. ``--baseline CHECKOUT`` runs another checkout (an
earlier commit) on the same file, in a child process, for a before-and-after. ``--list`` prints
the misses and false alarms: read them only once the figures are taken, or the set is no
longer blind.

    python benchmarks/boilerplate_calls.py ARTICLES.jsonl [--baseline CHECKOUT] [--list]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from _common import REPO  # also puts the repository on sys.path


def measure(path: Path, checkout: Path = REPO) -> dict:
    """Counts for the set at ``path`` by the ``quality`` of ``checkout``, with the lines missed
    and wrongly flagged."""
    sys.path.insert(0, str(checkout))
    from quality.detectors.boilerplate import BoilerplateDetector
    from quality.model import Article

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [Article(id=r["id"], source=r.get("source") or "", text=r["text"]) for r in rows]
    detector = BoilerplateDetector()
    results = [detector.detect(a) for a in articles]
    summary = detector.merge([detector.summarise(list(zip(articles, results)))])
    counts = {"articles": len(rows), "furniture": 0, "found": 0, "found as BPL001": 0, "article lines": 0, "false alarms": 0}
    missed, false = [], []
    for row, article, result in zip(rows, articles, results):
        findings = detector.apply(article, result, summary).findings
        furniture = set(row["furniture"])
        offset = 0
        for line in row["text"].split("\n"):
            start, end = offset, offset + len(line)
            offset = end + 1
            if not line.strip():
                continue
            codes = {f.rule for f in findings if min(end, f.end) - max(start, f.start) >= (end - start) / 2}
            if line in furniture:
                counts["furniture"] += 1
                counts["found"] += bool(codes)
                counts["found as BPL001"] += "BPL001" in codes
                if not codes:
                    missed.append(line)
            else:
                counts["article lines"] += 1
                if codes:
                    counts["false alarms"] += 1
                    false.append(f"{'/'.join(sorted(codes))}: {line}")
    return {"counts": counts, "missed": missed, "false": false}


def report(name: str, figures: dict) -> None:
    c = figures["counts"]
    print(f"{name}: {c['articles']} articles")
    print(f"  furniture lines found {c['found']} of {c['furniture']} ({c['found'] / max(c['furniture'], 1):.2f}), as BPL001 {c['found as BPL001']}")
    print(f"  article lines flagged {c['false alarms']} of {c['article lines']} ({c['false alarms'] / max(c['article lines'], 1):.3f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--baseline", metavar="CHECKOUT", help="another checkout of quality, run on the same file")
    parser.add_argument("--list", action="store_true", help="print the misses and false alarms")
    parser.add_argument("--json", metavar="CHECKOUT", help=argparse.SUPPRESS)  # a child's run of another checkout
    args = parser.parse_args()
    if args.json:
        print(json.dumps(measure(args.articles, Path(args.json))))
        return 0
    figures = measure(args.articles)
    if args.baseline:
        checkout = Path(args.baseline).resolve()
        child = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), str(args.articles.resolve()), "--json", str(checkout)],
            capture_output=True, text=True, check=True, cwd=checkout,
        )  # fmt: skip
        report(f"baseline {args.baseline}", json.loads(child.stdout))
    report(f"this checkout ({REPO.name})", figures)
    if args.list:
        print("missed:", *figures["missed"], sep="\n  ")
        print("false alarms:", *figures["false"], sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
