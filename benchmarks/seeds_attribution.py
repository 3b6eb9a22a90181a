"""The sample articles' sourcing: density and source mix per seed, and every sentence's reading.

usage: python benchmarks/seeds_attribution.py [SEEDS_DIR] [--sentences]

Data: ``../shared/seeds/`` (the five sample articles and their manifest). Prints one row per
seed: claim sentences, attributed claims, density, the mix of primary source kinds, the shares
of anonymous and secondhand attribution, direct quotations per 1,000 words, distinct named
sources, and the sourcing score with default settings. ``--sentences`` adds every sentence with
its cue, source and kind, for checking by hand.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from _common import shared_path  # noqa: E402  (also puts the repository on sys.path)
from quality.detectors.attribution import AttributionDetector, analyse, summarise_sourcing  # noqa: E402

DEFAULT = shared_path("seeds")


def main(argv: list[str]) -> None:
    folder = Path(next((a for a in argv if not a.startswith("--")), DEFAULT))
    show = "--sentences" in argv
    with open(folder / "manifest.csv", encoding="utf-8") as handle:
        manifest = list(csv.DictReader(handle))
    detector = AttributionDetector()
    print(f"{'file':28s} {'source':14s} {'claims':>6s} {'attr':>5s} {'density':>7s}  person/org/media/anon  "
          f"{'anon':>5s} {'2ndhand':>7s} {'q/1k':>5s} {'named':>5s} {'score':>5s}")
    for row in manifest:
        text = (folder / row["file"]).read_text(encoding="utf-8-sig")
        analysed = analyse(text)
        s = summarise_sourcing(text, analysed)
        score = detector.score(s)
        k = s.kinds
        print(f"{row['file']:28s} {row['source']:14s} {s.claims:6d} {s.attributed_claims:5d} {s.density or 0:7.2f}  "
              f"{k['person']:6d}/{k['organisation']:3d}/{k['media']:5d}/{k['anonymous']:4d}  "
              f"{s.share_anonymous or 0:5.2f} {s.share_secondhand or 0:7.2f} {s.direct_quotes_per_1k_words:5.1f} "
              f"{s.distinct_sources:5d} {score if score is not None else float('nan'):5.2f}")
        if show:
            for item in analysed:
                a = item.primary
                mark = "+" if item.attributed else "-"
                via = f"{a.cue!r} <- {a.source!r} [{a.kind}, {a.quote}{', carried' if a.carried else ''}]" if a else ""
                print(f"   {mark} {item.sentence.kind:9s} {item.sentence.text[:90]!r:94s} {via}")


if __name__ == "__main__":
    main(sys.argv[1:])
