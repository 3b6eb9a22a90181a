"""Does `quality lint` place the seed articles' expected findings at the right line:col?

For each row of ``expected_findings.csv`` it finds the evidence in the file, computes its line
and column the way an editor counts them, and looks for a lint finding whose span overlaps it;
for each row of ``expected_clean.csv`` it checks that no finding of the named category covers
the evidence. It prints one line per row and the exit code ``quality lint`` gives each file.
Which detector should find what is the detectors' business; this script checks that whatever
they find reaches the editor at the right place.

    python benchmarks/seeds_lint.py [SEEDS_DIR]      # default: ../shared/seeds from the repo root
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

from _common import REPO, shared_path  # noqa: E402  (also puts the repository on sys.path)
from quality.config import load_config  # noqa: E402
from quality.lint import LintOptions, lint, resolve  # noqa: E402
from quality.model import LineIndex  # noqa: E402

# Expected-findings categories and the rule prefixes that would report them.
CATEGORY_PREFIXES = {
    "mojibake": ("MOJ",),
    "untranslated": ("TRN", "LNG"),
    "unidiomatic": ("TRN",),
    "boilerplate": ("BPL",),
    "join": ("BPL", "MOJ", "TRN"),
    "name_variant": ("ATT", "TRN"),
    "name_order": ("ATT", "TRN"),
    "pronoun": ("ATT", "TRN"),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="?", default=str(shared_path("seeds")))
    seeds = Path(parser.parse_args().seeds)
    files = sorted(p for p in seeds.glob("*.txt"))
    expected = list(csv.DictReader((seeds / "expected_findings.csv").open(encoding="utf-8")))
    clean = list(csv.DictReader((seeds / "expected_clean.csv").open(encoding="utf-8")))

    settings = resolve(load_config(start=REPO), LintOptions())
    reports = {}
    for path in files:
        report = lint([str(path)], settings)
        reports[path.name] = report
    print(f"{'file':<28} {'lint exit':>9}  findings")
    for name, report in reports.items():
        rules = ", ".join(f"{f.rule}@{f.line}:{f.col}" for f in report.findings) or "-"
        print(f"{name:<28} {report.exit_code:>9}  {rules}")

    print("\nexpected findings (required=yes must be found at the evidence's line:col)")
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in expected:
        report = reports.get(row["file"])
        if report is None:
            continue
        text = (seeds / row["file"]).read_text(encoding="utf-8")
        start = text.find(row["evidence"])
        line, col = LineIndex(text).line_col(start)
        end = start + len(row["evidence"])
        hits = [f for f in report.findings if f.start < end and start < f.end or (f.start == f.end == start)]
        hits = [f for f in hits if f.rule.startswith(CATEGORY_PREFIXES.get(row["category"], ("",)))]
        status = "found" if hits else "missing"
        tally[row["required"]][0 if hits else 1] += 1
        shown = ", ".join(f"{f.rule}@{f.line}:{f.col}" for f in hits) or "-"
        print(f"  {status:<7} {row['required']:<3} {row['file'][:3]} {line}:{col:<4} {row['category']:<13} {row['evidence'][:40]!r:<44} {shown}")
    for required, (found, missing) in sorted(tally.items()):
        print(f"  required={required}: {found} found, {missing} missing")

    print("\nexpected clean (no finding of the category may cover the evidence)")
    flagged = 0
    for row in clean:
        report = reports.get(row["file"])
        if report is None:
            continue
        text = (seeds / row["file"]).read_text(encoding="utf-8")
        start = text.find(row["evidence"])
        end = start + len(row["evidence"])
        prefixes = CATEGORY_PREFIXES.get(row["must_not_be"], ("",))
        hits = [f for f in report.findings if f.start < end and start < f.end and f.rule.startswith(prefixes)]
        flagged += bool(hits)
        print(f"  {'FLAGGED' if hits else 'clean':<7} {row['file'][:3]} {row['must_not_be']:<13} {row['evidence']!r}")
    print(f"  {len(clean) - flagged} clean, {flagged} flagged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
