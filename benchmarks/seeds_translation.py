"""Seeds check for the translation detector.

Runs the whole pipeline (with the corpus pass) on the sample articles in ``../shared/seeds`` and
checks, for the categories this detector owns:

* every ``required=yes`` row of ``expected_findings.csv`` is found: a TRN finding of the
  category's rules whose span overlaps an occurrence of the row's evidence;
* ``required=no`` rows are reported as found or missed;
* nothing listed in ``expected_clean.csv`` for these categories is flagged.

It also lists every TRN finding, so that findings outside the expected list can be read.

    python benchmarks/seeds_translation.py [SEEDS_DIR]

Exit status 1 when a required row is missed or a clean row is flagged.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from _common import shared_path  # noqa: E402  (also puts the repository on sys.path)
from quality import analyze  # noqa: E402
from quality.load import load_paths  # noqa: E402

CATEGORY_RULES = {
    "untranslated": {"TRN001"},
    "name_variant": {"TRN002"},
    "name_order": {"TRN003"},
    "unidiomatic": {"TRN004", "TRN005"},
    "pronoun": {"TRN006"},
    "join": {"TRN007", "TRN008", "TRN009", "TRN010", "TRN011"},
}
# The brief for this detector adds one row filed under boilerplate: the image credit with the
# Spanish "vía" is also an untranslated fragment.
EXTRA_REQUIRED = [("003_e60eee12d1ba4b98.txt", "untranslated", "photo_camera XINHUA/LI TAO vía AP")]


def occurrences(text: str, evidence: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(evidence)
    while start != -1:
        spans.append((start, start + len(evidence)))
        start = text.find(evidence, start + 1)
    return spans


def overlaps(finding, spans: list[tuple[int, int]]) -> bool:
    return any(finding.start < end and start < max(finding.end, finding.start + 1) for start, end in spans)


def main(argv: list[str]) -> int:
    seeds = Path(argv[1]) if len(argv) > 1 else shared_path("seeds")
    results = analyze(load_paths([seeds]))
    by_file = {Path(r.article.id).name: r for r in results}
    failures = 0

    rows = list(csv.DictReader(open(seeds / "expected_findings.csv", encoding="utf-8")))
    checks = [(r["file"], r["category"], r["evidence"], r["required"] == "yes") for r in rows if r["category"] in CATEGORY_RULES]
    checks += [(f, c, e, True) for f, c, e in EXTRA_REQUIRED]
    print("## expected findings (translation categories)\n")
    print("| file | category | evidence | required | result | rule |")
    print("|---|---|---|---|---|---|")
    found_required = total_required = found_optional = total_optional = 0
    for file, category, evidence, required in checks:
        result = by_file[file]
        spans = occurrences(result.article.text, evidence)
        hits = [f for f in result.findings if f.rule in CATEGORY_RULES[category] and overlaps(f, spans)]
        status = "found" if hits else "MISSED"
        if required:
            total_required += 1
            found_required += bool(hits)
            failures += not hits
        else:
            total_optional += 1
            found_optional += bool(hits)
        rules = ",".join(sorted({f.rule for f in hits}))
        print(f"| {file} | {category} | {evidence} | {'yes' if required else 'no'} | {status} | {rules} |")

    print("\n## expected clean\n")
    print("| file | evidence | must not be | result |")
    print("|---|---|---|---|")
    clean_total = clean_bad = 0
    for row in csv.DictReader(open(seeds / "expected_clean.csv", encoding="utf-8")):
        if row["must_not_be"] not in CATEGORY_RULES:
            continue
        result = by_file[row["file"]]
        spans = occurrences(result.article.text, row["evidence"])
        bad = [f for f in result.findings if f.rule in CATEGORY_RULES[row["must_not_be"]] and overlaps(f, spans)]
        clean_total += 1
        clean_bad += bool(bad)
        failures += bool(bad)
        print(f"| {row['file']} | {row['evidence']} | {row['must_not_be']} | {'FLAGGED ' + bad[0].rule if bad else 'clean'} |")

    print("\n## every TRN finding\n")
    print("| file | rule | severity | evidence | message |")
    print("|---|---|---|---|---|")
    for name, result in sorted(by_file.items()):
        for f in result.findings:
            if f.rule.startswith("TRN"):
                print(f"| {name} | {f.rule} | {f.severity.value} | {f.evidence} | {f.message} |")

    print(
        f"\nrequired found: {found_required}/{total_required}; optional found: {found_optional}/{total_optional}; "
        f"clean rows flagged: {clean_bad}/{clean_total}"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
