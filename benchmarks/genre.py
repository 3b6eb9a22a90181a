"""The genre model (``quality/genre.py``) against genres a person read, and what it does to sourcing.

Sourcing is judged against what a genre needs: a report is expected to say who says so, a recipe
or a deal list is not. Whether that works depends on telling the genres apart from the text, so
this script compares :func:`quality.genre.genre_of` with labels written by an outside reader who
read each text but not the code: a genre (``news``, ``opinion``, ``review``, ``how-to``,
``listing``, ``transcript``, ``press-release``, ``promo``, ``teaser``, ``other``) and
``needs_sourcing`` (whether few attributions would be a real defect of the text). The labels
are kept outside the repository with the texts they describe (the texts belong to their
publishers); the texts are the ``zyte`` and ``polnear`` sets of ``benchmarks/false_alarms.py``.

Articles are split into halves by a hash of their id: tune on ``dev``, report ``test``. Printed
per split: the confusion of our genre with the reader's, and for sourcing, our decision to
measure it as the report genres need (``news``, ``transcript``; ``opinion`` at half) against
the reader's ``needs_sourcing``: how often a measured article needs it (precision), how many of
those that need it are measured (recall).

    python benchmarks/genre.py LABELS.jsonl [SHARED_BENCHMARKS_DIR] [--split dev|test|all]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

from _common import shared_path  # noqa: E402  (also puts the repository on sys.path)
from false_alarms import polnear, zyte  # noqa: E402

from quality.detectors.attribution.detector import GENRE_NEED  # noqa: E402
from quality.genre import genre_of  # noqa: E402

SPLITS = ("dev", "test")


def split_of(article_id: str) -> str:
    """``dev`` or ``test``, fixed by the id alone."""
    return SPLITS[hashlib.blake2b(article_id.encode(), digest_size=2).digest()[0] % 2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("labels", type=Path)
    parser.add_argument("data", nargs="?", type=Path, default=shared_path("benchmarks"), help="the shared benchmarks folder")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="dev")
    args = parser.parse_args()
    root = args.data
    labels = {(row["set"], row["id"]): row for row in map(json.loads, args.labels.open(encoding="utf-8"))}
    rows = []
    for name, build in (("zyte", zyte), ("polnear", polnear)):
        for article in build(root):
            label = labels.get((name, article.id))
            if label is None:
                print(f"no label for {name} {article.id}", file=sys.stderr)
                continue
            if args.split != "all" and split_of(article.id) != args.split:
                continue
            rows.append((name, article, label, genre_of(article.text)))
    print(f"split {args.split}: {len(rows)} labelled articles")
    for name in ("zyte", "polnear", "both"):
        chosen = [r for r in rows if name == "both" or r[0] == name]
        if not chosen:
            continue
        agree = sum(ours == label["genre"] for _, _, label, ours in chosen)
        print(f"\n== {name}: {len(chosen)} articles, our genre equals the reader's in {agree} ({agree / len(chosen):.2f})")
        confusion = Counter((label["genre"], ours) for _, _, label, ours in chosen)
        for (theirs, ours), n in sorted(confusion.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"   reader {theirs:14s} ours {ours:11s} {n:4d}")
        measured = [GENRE_NEED.get(ours) is not None for _, _, _, ours in chosen]
        needs = [bool(label["needs_sourcing"]) for _, _, label, _ in chosen]
        both = sum(m and n for m, n in zip(measured, needs))
        print(f"   sourcing measured {sum(measured)}, needed (reader) {sum(needs)}, both {both}: "
              f"precision {both / max(1, sum(measured)):.2f}, recall {both / max(1, sum(needs)):.2f}")  # fmt: skip
    if args.split != "test":
        print("\nmeasured though the reader says no source is needed:")
        for name, article, label, ours in rows:
            if GENRE_NEED.get(ours) is not None and not label["needs_sourcing"]:
                print(f"   {name} {article.source:28s} ours {ours:8s} reader {label['genre']:13s} {label.get('reason', '')[:90]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
