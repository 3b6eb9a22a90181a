"""The per-site ranking of edited news: does it rank outlets, or languages and genres?

The human-extracted bodies of the boilerplate benchmark's pages (``boilerplate/pages.jsonl``,
field ``gold``, from ``../shared/benchmarks/``; measurement only, never copied here) are text
their sites published and a person cut from the page: no furniture, no translation. Scored as
one corpus (source = the site, every language), the report should place a site low for a
defect in its text, not for writing Portuguese or publishing recipes.

It prints the lowest sites with each one's language, genres, dimension means and commonest
warnings, how many of them are not in English, and, among English sites, the share of all
quality lost that each dimension accounts for and Spearman's rho between quality and sourcing
(a ranking that is only a sourcing ranking says little about outlets). Last, the genres
``quality/genre.py`` gives the 167 PolNeAR articles (``attribution/sentences.jsonl``), political
news that the genre rules were not written from: anything but news or opinion there is a misreading.

    python benchmarks/site_ranking.py [SHARED_BENCHMARKS_DIR] [--lowest 15]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

from _common import shared_path  # noqa: E402  (also puts the repository on sys.path)

from _polnear import documents, load_rows  # noqa: E402

from quality import analyze  # noqa: E402
from quality.config import Config  # noqa: E402
from quality.frame import article_rows  # noqa: E402
from quality.genre import genre_of  # noqa: E402
from quality.model import Article  # noqa: E402
from quality.scoring import source_report  # noqa: E402

DIMENSIONS = ("encoding_integrity", "translation_fluency", "cleanliness", "sourcing", "language", "readability")


def gold_bodies(root: Path) -> list[Article]:
    articles = []
    for line in (root / "boilerplate" / "pages.jsonl").open(encoding="utf-8"):
        page = json.loads(line)
        body = page.get("gold") or ""
        if body.strip():
            articles.append(Article(id=page["id"][:16], source=page["source"], text=body))
    return articles


def quality_lost(rows: pd.DataFrame, weights: dict[str, float]) -> dict[str, float]:
    """Each dimension's share of the quality lost over these articles: Σ w·(1 − d) / Σ w, per
    article (as article quality weighs them), summed and normalised."""
    lost = Counter()
    for _, row in rows.iterrows():
        present = [d for d in DIMENSIONS if f"dim_{d}" in row and pd.notna(row[f"dim_{d}"]) and weights.get(d, 0) > 0]
        total = sum(weights[d] for d in present)
        for d in present:
            lost[d] += weights[d] * (1 - row[f"dim_{d}"]) / total
    whole = sum(lost.values()) or 1.0
    return {d: lost[d] / whole for d in DIMENSIONS}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(shared_path("benchmarks")))
    parser.add_argument("--lowest", type=int, default=15)
    args = parser.parse_args()
    root = Path(args.shared)
    if not (root / "boilerplate" / "pages.jsonl").is_file():
        print(f"no boilerplate pages under {root}", file=sys.stderr)
        return 2
    config = Config()
    results = analyze(gold_bodies(root), config)
    rows = article_rows(results)
    report = source_report(rows).set_index("source").sort_values("rank")
    language_of = rows.groupby("source")["language_detected"].agg(lambda s: s.mode().iloc[0])
    genres_of = (
        rows.groupby("source")["attribution_genre"].agg(lambda s: ",".join(sorted(set(s.dropna()))) or "-")
        if "attribution_genre" in rows
        else pd.Series(dtype=str)
    )
    print(f"{len(rows)} bodies, {len(report)} sites")
    print(f"\nthe {args.lowest} lowest sites:")
    print(f"{'rank':>4}  {'site':34} {'lang':4} {'genres':22} {'quality':>7}  " + " ".join(f"{d[:5]:>5}" for d in DIMENSIONS) + "  top rules")
    lowest = report.tail(args.lowest)
    for source, row in lowest.iterrows():
        cells = " ".join(f"{row.get(d + '_mean', float('nan')):5.2f}" for d in DIMENSIONS)
        print(f"{int(row['rank']):>4}  {str(source)[:34]:34} {language_of[source]:4} {genres_of.get(source, '-')[:22]:22} "
              f"{row['quality_mean']:7.3f}  {cells}  {row['top_rules']}")
    foreign = sum(language_of[s] != "en" for s in lowest.index)
    print(f"\nnot in English among the {args.lowest} lowest: {foreign} (of {sum(language_of != 'en')} such sites)")
    english = report[[language_of[s] == "en" for s in report.index]]
    rho = english["quality_mean"].corr(english["sourcing_mean"], method="spearman")
    print(f"English sites: {len(english)}; Spearman(quality, sourcing) = {rho:.2f}")
    lost = quality_lost(rows[rows["language_detected"] == "en"], config.weights)
    print("share of quality lost, English articles: " + ", ".join(f"{d} {share:.0%}" for d, share in lost.items()))
    polnear = documents(load_rows(root / "attribution" / "sentences.jsonl"))
    genres = Counter(genre_of(doc.text) for doc in polnear)
    print(f"genres of the {len(polnear)} PolNeAR articles (political news, unseen): {dict(genres.most_common())}")
    for doc in polnear:
        if genre_of(doc.text) != "news":
            print(f"  {genre_of(doc.text)}: {doc.publisher}: {doc.text[:100]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
