#!/usr/bin/env python3
"""Known defects in new wordings: recall by kind, and false alarms on clean articles.

The set in ``benchmarks/new_wordings/`` was written for this project by outside helpers that
saw neither the code nor its docs: two batches (``dev``, ``test``) of 16 English articles from 4
invented outlets each, a third (``round2``, by another helper) of 20 from 5, ten more
(``round3`` to ``round14``, each by a new helper) of 24 from 6, several articles per story so
that names recur across outlets, seven of pronoun slips only (``pron1`` to ``pron6``: 20
articles from 5 outlets, 24 slips of four kinds, 6 clean articles with 4 traps; ``pron7``: 20
articles from 4 outlets, 24 slips of five kinds, 4 clean articles, 4 traps), two of broken
joins only (``join1``, ``join2``: 20 articles from 5 outlets, 24 joins of seven families, 6
clean articles with 4 traps), and two of name variants only (``name1``: 24 articles from 6
outlets, 24 variants of five kinds, 6 clean articles with 4 traps; ``name2``: 20 articles from 5
outlets, 20 variants, 5 clean articles with 4 traps). Most articles of a batch carry labelled
defects (mojibake, untranslated captions, a misspelled name the rest of the corpus spells
otherwise, "He"/"She" for an institution, broken joins, boilerplate, calques) in wordings of the
writer's choosing; four or five are clean (a recipe, a match report, a wire story with a
dateline, a standings table among them). A foreign quotation followed by its English
translation is labelled ``not_a_defect``: flagging it is a false alarm.

A labelled defect counts as found when a finding of a rule of its kind overlaps its evidence
(any severity; the count in brackets is those found at info only). Every warning or error on a
clean article is a false alarm, and every one on a defect article that touches no label is
listed with ``--list``, beside the misses. A batch is blind only until its misses are read:
docs/generalisation.md says which have been.

    python benchmarks/new_wordings.py [--batch dev|test|round2|...|round14|pron1|...|pron7|join1|join2|name1|name2] [--baseline CHECKOUT] [--list]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

from _common import REPO

DATA = Path(__file__).resolve().parent / "new_wordings"
BATCHES = ("dev", "test", "round2", "round3", "round4", "round5", "round6", "round7", "round8", "round9", "round10", "round11", "round12", "round13", "round14", "pron1", "pron2", "pron3", "pron4", "pron5", "pron6", "pron7", "join1", "join2", "name1", "name2")
KIND_RULES = {
    "mojibake": ("MOJ",),
    "untranslated": ("TRN001", "LNG002"),
    "name_variant": ("TRN002", "TRN003", "STY001"),
    "pronoun_slip": ("TRN006", "TRN013", "TRN014"),
    "broken_join": ("TRN007", "TRN008", "TRN009", "TRN010", "TRN015", "TRN016"),
    "boilerplate": ("BPL",),
    "calque": ("TRN004", "TRN005"),
    # a trap is flagged by a finding, of any severity, of the rules its batch's defects would
    # fire: a foreign quotation with its gloss, a pronoun used rightly, a join English allows,
    # two people who share a surname
    "not_a_defect": ("TRN001", "LNG002", "TRN006", "TRN013", "TRN014") + ("TRN007", "TRN008", "TRN009", "TRN010", "TRN015", "TRN016")
    + ("TRN002", "TRN003", "STY001"),
}


def findings(articles: Path, checkout: Path) -> list[dict[str, str]]:
    """``quality findings`` of the batch, run as one corpus by the checkout's own package."""
    command = [sys.executable, "-m", "quality", "findings", str(articles), "--format", "csv", "--jobs", "1", "--id-column", "id"]
    # (run from the checkout: "python -m" puts the working directory first on the path)
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=checkout, env={**os.environ, "PYTHONPATH": str(checkout)})
    return list(csv.DictReader(io.StringIO(done.stdout)))


def measure(batch: str, checkout: Path) -> dict:
    texts = {row["id"]: row["text"] for row in map(json.loads, (DATA / f"{batch}_articles.jsonl").open(encoding="utf-8"))}
    labels = [json.loads(line) for line in (DATA / f"{batch}_labels.jsonl").open(encoding="utf-8")]
    clean = set(json.loads((DATA / "clean_ids.json").read_text(encoding="utf-8"))[batch])
    by_article: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in findings(DATA / f"{batch}_articles.jsonl", checkout):
        by_article[row["id"]].append(row)
    total, found, info_only, misses, touched = Counter(), Counter(), Counter(), [], set()
    for label in labels:
        start = texts[label["id"]].index(label["evidence"])
        end = start + len(label["evidence"])
        overlapping = [row for row in by_article[label["id"]] if int(row["start"]) < end and start < int(row["end"])]
        touched.update(id(row) for row in overlapping)
        matching = [row for row in overlapping if row["rule"].startswith(KIND_RULES[label["kind"]])]
        total[label["kind"]] += 1
        if matching:
            found[label["kind"]] += 1
            info_only[label["kind"]] += all(row["severity"] == "info" for row in matching)
        if bool(matching) == (label["kind"] == "not_a_defect"):
            misses.append((label, [row["rule"] for row in overlapping]))
    alarms = [row for rows in by_article.values() for row in rows if row["severity"] in ("warning", "error")]
    return {
        "total": total, "found": found, "info_only": info_only, "misses": misses,
        "clean_alarms": [row for row in alarms if row["id"] in clean],
        "clean_words": sum(len(texts[i].split()) for i in clean),
        "unlabelled": [row for row in alarms if row["id"] not in clean and id(row) not in touched],
    }  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", choices=BATCHES, action="append", help="default: all")
    parser.add_argument("--baseline", metavar="CHECKOUT", help="another checkout of quality measured beside this one")
    parser.add_argument("--list", action="store_true", help="print the misses and the unlabelled warnings")
    args = parser.parse_args()
    checkouts = [("this checkout", REPO)] + ([(args.baseline, Path(args.baseline))] if args.baseline else [])
    for batch in args.batch or BATCHES:
        results = [(name, measure(batch, path)) for name, path in checkouts]
        print(f"\n### batch {batch}: found / labelled (found at info only)\n")
        print("| kind | " + " | ".join(name for name, _ in results) + " |")
        print("|---|" + "---:|" * len(results))
        for kind in sorted(results[0][1]["total"]):
            cells = [f"{r['found'][kind]} / {r['total'][kind]} ({r['info_only'][kind]})" for _, r in results]
            print(f"| {kind}{' (flagged: false alarms)' if kind == 'not_a_defect' else ''} | " + " | ".join(cells) + " |")
        cells = [f"{len(r['clean_alarms'])} in {r['clean_words']:,} words" for _, r in results]
        print("| warnings and errors on the clean articles | " + " | ".join(cells) + " |")
        print("| warnings and errors on no label | " + " | ".join(str(len(r["unlabelled"])) for _, r in results) + " |")
        if args.list:
            for label, rules in results[0][1]["misses"]:
                print(f"  {'FLAGGED' if label['kind'] == 'not_a_defect' else 'MISSED'} {label['kind']} {label['id']}: {label['evidence'][:100]!r} (rules there: {rules})")
            for row in results[0][1]["clean_alarms"] + results[0][1]["unlabelled"]:
                print(f"  UNLABELLED {row['rule']} {row['id']}: {row['evidence'][:100]!r} {row['message'][:100]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
