#!/usr/bin/env python3
"""Seeds check for the boilerplate detector.

Runs the whole pipeline (with the corpus pass) on the seed articles, then prints every
``boilerplate`` row of ``expected_findings.csv`` with whether a BPL finding covers its evidence,
and every other BPL finding in the seeds (the ones that must be defended), and the text
``strip_boilerplate`` leaves where it removed something.

    python benchmarks/seeds_boilerplate.py [SEEDS_DIR]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from _common import shared_path  # noqa: E402  (also puts the repository on sys.path)
import quality  # noqa: E402
from quality.load import load_paths  # noqa: E402


def main() -> None:
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else shared_path("seeds")
    items = load_paths([str(seeds)])
    results = quality.analyze(items, quality.Config(select=("BPL",)))
    by_file = {Path(r.article.id).name if r.article.origin is None else Path(r.article.origin).name: r for r in results}
    expected = [row for row in csv.DictReader((seeds / "expected_findings.csv").open(encoding="utf-8")) if row["category"] == "boilerplate"]
    covered: set[tuple[str, int]] = set()
    found = 0
    print("## expected boilerplate rows\n")
    for row in expected:
        result = by_file[row["file"]]
        text = result.article.text
        at = text.find(row["evidence"])
        hits = [f for f in result.findings if at >= 0 and f.start <= at and at + len(row["evidence"]) <= f.end]
        for f in hits:
            covered.add((row["file"], f.start))
        found += bool(hits)
        status = "FOUND " + ",".join(f.rule for f in hits) if hits else "MISSED"
        print(f"- {status:14} {row['file']}: {row['evidence']!r}")
    print(f"\nexpected rows found: {found}/{len(expected)}")
    print("\n## other BPL findings in the seeds\n")
    others = 0
    for name, result in sorted(by_file.items()):
        for f in result.findings:
            if (name, f.start) not in covered:
                others += 1
                print(f"- {f.rule} {name}:{f.line}:{f.col} {f.evidence[:90]!r} ({f.message})")
    print(f"\nother findings: {others}")
    print("\n## cleanliness per seed\n")
    for name, result in sorted(by_file.items()):
        stripped = quality.strip_findings(result.article.text, result.findings)
        print(f"- {name}: cleanliness {result.dimensions.get('cleanliness'):.3f}, "
              f"{len(result.article.text) - len(stripped)} characters stripped")


if __name__ == "__main__":
    main()
