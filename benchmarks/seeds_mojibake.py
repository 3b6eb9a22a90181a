#!/usr/bin/env python3
"""Check the mojibake detector on the seed articles and print what it reports.

* every ``expected_findings.csv`` row of category ``mojibake`` must be reported, and the
  repairs applied to its evidence must give the repair named in the note (``'Maidán'``);
* no ``expected_clean.csv`` row with ``must_not_be = mojibake`` may overlap a MOJ finding.

Usage: python benchmarks/seeds_mojibake.py [SEEDS_DIR]   (default: ../shared/seeds)
Exit status 1 when a check fails.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from _common import shared_path  # noqa: E402  (also puts the repository on sys.path)
from quality.detectors.mojibake import MojibakeDetector  # noqa: E402
from quality.model import Article  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="?", default=str(shared_path("seeds")))
    seeds = Path(parser.parse_args().seeds)
    detector = MojibakeDetector()
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))}
    findings = {name: detector.detect(Article(id=name, source="seed", text=text)).findings for name, text in texts.items()}
    failures = 0

    print("MOJ findings in the seeds:")
    for name, found in findings.items():
        for f in found:
            print(f"  {name}:{f.line}:{f.col} {f.rule} {f.evidence!r} -> {f.suggestion!r}  ({f.message})")

    print("\nexpected_findings.csv, category mojibake:")
    with open(seeds / "expected_findings.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["category"] != "mojibake":
                continue
            text, evidence = texts[row["file"]], row["evidence"]
            start = text.find(evidence)
            end = start + len(evidence)
            hits = [f for f in findings[row["file"]] if f.start < end and start < f.end]
            repaired = evidence
            for f in sorted(hits, key=lambda f: -f.start):
                if f.suggestion is not None and start <= f.start and f.end <= end:
                    repaired = repaired[: f.start - start] + f.suggestion + repaired[f.end - start :]
            wanted = re.findall(r"repair is '([^']+)'", row["note"])
            ok = bool(hits) and (not wanted or repaired == wanted[0])
            failures += not ok
            print(f"  {'PASS' if ok else 'FAIL'} {row['file']} {evidence!r}: reported {[f.rule for f in hits]}, repaired {repaired!r}, expected {wanted[0] if wanted else '(any)'!r}")

    print("\nexpected_clean.csv, must not be mojibake:")
    with open(seeds / "expected_clean.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["must_not_be"] != "mojibake":
                continue
            text, evidence = texts[row["file"]], row["evidence"]
            spans = [(m.start(), m.end()) for m in re.finditer(re.escape(evidence), text)]
            hits = [f for f in findings[row["file"]] for s, e in spans if f.start < e and s < f.end]
            failures += bool(hits)
            print(f"  {'FAIL' if hits else 'PASS'} {row['file']} {evidence!r} ({len(spans)} occurrence(s)): {[f.rule for f in hits] or 'not flagged'}")

    print(f"\n{'all checks pass' if not failures else f'{failures} check(s) failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
