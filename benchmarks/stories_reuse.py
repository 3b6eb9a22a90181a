"""The story detector on journalistic text reuse labelled by hand: COUNTER (Urdu).

Why: ``benchmarks/stories.py`` measures the story detector on machine translations of one
document, where every version derives from one source. COUNTER (Sharjeel, Nawab and Rayson,
LRE 51(3), 2017; CC BY-NC-SA 4.0, research use only: measured here, never copied into the
repository) has 600 pairs of a news-agency text (``NNNN.xml``) and a newspaper text
(``NNNNp.xml``), the newspaper text labelled WD (wholly derived from the agency text), PD
(partially derived) or ND (non derived: the same event written independently). That is the
copy / rewrite / independent decision the detector makes, on another language and script.

How: the 1,200 texts go through ``quality.pipeline.analyze`` once (source: the agency or
newspaper name; date: ``newsdate`` as ISO when parseable; title: headline; language "ur").

1. **Grouping**: per label, the share of pairs whose two texts share a ``story_id``; stories
   holding texts of more than one pair (merges; the labels are pairwise, so some merges may be
   the same event told in two pairs); adjusted Rand index of ``story_id`` against the pair.
2. **Derivation**, on each newspaper text: its role, whether its ``story_origin`` is its pair's
   agency text, and a score 1 - story_original / story_sentences (share of its sentences found
   in another outlet's version; 0 when single). Mean score and role counts per label, the AUC
   of the score for WD+PD vs ND and WD vs PD+ND, and label against role.
   Pairs are split by ``zlib.crc32(pair id) % 2`` (even: dev, odd: test); no threshold of the
   detector was tuned on either half, so both are held-out figures.
3. **Caveats**: how the sentence splitter reads Urdu, whether wordfreq knows Urdu.

    python benchmarks/stories_reuse.py /path/to/counter
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import time
import xml.etree.ElementTree as ET
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from statistics import mean

import _common  # noqa: F401  (puts the repository on sys.path)
import wordfreq
from scipy.stats import mannwhitneyu
from stories import adjusted_rand

from quality.detectors.stories.align import units
from quality.model import Article, ArticleResult
from quality.pipeline import analyze
from quality.segment import sentences

LABELS = ("WD", "PD", "ND")
ROLES = ("copy", "rewrite", "origin", "independent", "single")
SPLITS = ("dev", "test", "all")
URDU_STOP = "\u06d4"  # ARABIC FULL STOP, Urdu's sentence end


@dataclass(frozen=True)
class Pair:
    id: str
    label: str
    domain: str
    agency: Article
    paper: Article

    @property
    def split(self) -> str:
        return "dev" if zlib.crc32(self.id.encode()) % 2 == 0 else "test"


def iso_date(raw: str) -> str | None:
    """``DD.MM.YY`` (also ``D.MM.YY``, ``DD-MM-YY``) as ``YYYY-MM-DD``; None when not a date."""
    m = re.fullmatch(r"\s*(\d{1,2})\D+(\d{1,2})\D+(\d{2}|\d{4})\s*", raw or "")
    if not m:
        return None
    year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
    try:
        return dt.date(year, int(m[2]), int(m[1])).isoformat()
    except ValueError:
        return None


def read(path: Path) -> tuple[Article, str, str]:
    """The file as an article (id: its lowercase stem), with its label and domain."""
    root = ET.parse(path).getroot()
    text = (root.findtext("body") or "").strip()
    article = Article(id=path.stem.lower(), source=root.get("newspaper", "?"), text=text,
                      title=(root.findtext("headline") or "").strip() or None,
                      date=iso_date(root.get("newsdate", "")), language="ur")  # fmt: skip
    return article, root.get("classification", "?"), root.get("domain", "?")


def load(folder: Path) -> list[Pair]:
    """The pairs: ``NNNN.xml`` (agency) with ``NNNNp.xml`` (newspaper, any case), labelled by the latter."""
    files = {p.name.lower(): p for p in folder.glob("*.xml")} or {p.name.lower(): p for p in folder.glob("*/*.xml")}
    pairs = []
    for name in sorted(files):
        if name.endswith("p.xml") or f"{name[:-4]}p.xml" not in files:
            continue
        agency, _, _ = read(files[name])
        paper, label, domain = read(files[f"{name[:-4]}p.xml"])
        pairs.append(Pair(name[:-4], label, domain, agency, paper))
    return pairs


def stop_lines(article: Article) -> Article:
    return replace(article, text=re.sub(URDU_STOP + r"\s*", URDU_STOP + "\n", article.text).strip())


def auc(scores: list[float], positive: list[bool]) -> float:
    """Probability that a positive scores above a negative (ties count half)."""
    pos = [s for s, p in zip(scores, positive) if p]
    neg = [s for s, p in zip(scores, positive) if not p]
    return float(mannwhitneyu(pos, neg).statistic) / (len(pos) * len(neg)) if pos and neg else float("nan")


def grouping(pairs: list[Pair], results: dict[str, ArticleResult]) -> None:
    story = {i: str(r.metrics.get("story_id")) for i, r in results.items()}
    members: dict[str, set[str]] = defaultdict(set)
    for p in pairs:
        members[story[p.agency.id]].add(p.id)
        members[story[p.paper.id]].add(p.id)
    print("\n1. Grouping: agency and newspaper text in one story (share of pairs)")
    print(f"{'split':<5} {'pairs':>5} " + " ".join(f"{lab:>12}" for lab in LABELS) + f" {'stories':>7} {'merges':>6} {'ARI':>6}")
    for split in SPLITS:
        chosen = [p for p in pairs if split in ("all", p.split)]
        cells = []
        for lab in LABELS:
            those = [p for p in chosen if p.label == lab]
            together = sum(story[p.agency.id] == story[p.paper.id] for p in those)
            cells.append(f"{together}/{len(those)} {together / max(1, len(those)):.2f}")
        ids = [a.id for p in chosen for a in (p.agency, p.paper)]
        gold = [p.id for p in chosen for _ in (0, 1)]
        stories = {story[i] for i in ids}
        merges = sum(1 for s in stories if len(members[s]) > 1)
        ari = adjusted_rand([story[i] for i in ids], gold)
        print(f"{split:<5} {len(chosen):>5} " + " ".join(f"{c:>12}" for c in cells) + f" {len(stories):>7} {merges:>6} {ari:>6.3f}")
    sizes = Counter(len(m) for m in members.values() if len(m) > 1)
    print("(merges: stories holding texts of more than one pair; by pairs held: "
          + ", ".join(f"{k}: {sizes[k]}" for k in sorted(sizes)) + ")")  # fmt: skip


def derivation(pairs: list[Pair], results: dict[str, ArticleResult]) -> dict[str, tuple[str, bool, float]]:
    """Per pair, the newspaper text's (role, origin is the agency text, score); prints the tables."""
    verdict = {}
    for p in pairs:
        m = results[p.paper.id].metrics
        n, original = m.get("story_sentences") or 0, m.get("story_original") or 0
        role = m.get("story_role") or "single"
        score = 0.0 if role == "single" or not n else 1 - original / n
        verdict[p.id] = (role, m.get("story_origin") == p.agency.id, score)
    print("\n2. Derivation of the newspaper text (score: share of its sentences found in another outlet's version)")
    print(f"{'split':<5} {'label':<5} {'n':>4} {'score':>6} {'origin=agency':>13} " + " ".join(f"{r:>11}" for r in ROLES))
    for split in SPLITS:
        for lab in LABELS:
            got = [verdict[p.id] for p in pairs if p.label == lab and split in ("all", p.split)]
            roles = Counter(r for r, _, _ in got)
            print(f"{split:<5} {lab:<5} {len(got):>4} {mean(s for _, _, s in got):>6.3f} {sum(o for _, o, _ in got):>13} "
                  + " ".join(f"{roles[r]:>11}" for r in ROLES))  # fmt: skip
    print(f"\n{'split':<5} {'AUC WD+PD vs ND':>15} {'AUC WD vs PD+ND':>15} {'derived (copy/rewrite) vs ND: precision':>40} {'recall':>6}")
    for split in SPLITS:
        chosen = [p for p in pairs if split in ("all", p.split)]
        scores = [verdict[p.id][2] for p in chosen]
        called = [verdict[p.id][0] in ("copy", "rewrite") for p in chosen]
        derived = [p.label != "ND" for p in chosen]
        hits = sum(c and d for c, d in zip(called, derived))
        print(f"{split:<5} {auc(scores, derived):>15.3f} {auc(scores, [p.label == 'WD' for p in chosen]):>15.3f} "
              f"{hits / max(1, sum(called)):>40.3f} {hits / max(1, sum(derived)):>6.3f}")  # fmt: skip
    print("\nlabel against role (all pairs; rows: label, columns: role of the newspaper text)")
    print(f"{'':<5} " + " ".join(f"{r:>11}" for r in ROLES))
    for lab in LABELS:
        roles = Counter(verdict[p.id][0] for p in pairs if p.label == lab)
        print(f"{lab:<5} " + " ".join(f"{roles[r]:>11}" for r in ROLES))
    return verdict


def disagreements(pairs: list[Pair], results: dict[str, ArticleResult], verdict: dict[str, tuple[str, bool, float]]) -> None:
    """A few pair ids of each kind of disagreement, to read."""
    story = {i: r.metrics.get("story_id") for i, r in results.items()}
    kinds = {
        "WD not grouped": [p for p in pairs if p.label == "WD" and story[p.agency.id] != story[p.paper.id]],
        "WD grouped, not copy/rewrite": [p for p in pairs if p.label == "WD" and story[p.agency.id] == story[p.paper.id]
                                         and verdict[p.id][0] not in ("copy", "rewrite")],
        "ND called copy/rewrite": [p for p in pairs if p.label == "ND" and verdict[p.id][0] in ("copy", "rewrite")],
        "derived, origin not its agency text": [p for p in pairs if p.label != "ND" and verdict[p.id][0] in ("copy", "rewrite")
                                                and not verdict[p.id][1]],
    }
    print("\nDisagreements to read (pair ids, first 8)")
    for kind, found in kinds.items():
        print(f"  {kind:<36} {len(found):>4}: {' '.join(p.id for p in found[:8])}")


def caveats(pairs: list[Pair], results: dict[str, ArticleResult]) -> None:
    texts = [a for p in pairs for a in (p.agency, p.paper)]
    counts = [len(sentences(a.text)) for a in texts]
    stops = [a.text.count(URDU_STOP) for a in texts]
    aligned = [len(units(a.text, "ur")) for a in texts]
    print("\n3. Caveats")
    print(f"  sentence splitter (quality.segment.sentences): {mean(counts):.2f} sentences per text on average; "
          f"{sum(c == 1 for c in counts)} of {len(texts)} texts are one sentence")  # fmt: skip
    print(f"  the texts hold {mean(stops):.1f} Urdu full stops (U+06D4) on average; "
          f"{sum(1 for a in texts if chr(10) in a.text)} texts have more than one line")  # fmt: skip
    print(f"  sentences the alignment reads (align.units, 5+ words) per text: mean {mean(aligned):.2f}, "
          f"at most one: {sum(u <= 1 for u in aligned)}")  # fmt: skip
    print(f"  wordfreq knows Urdu ('ur' in available_languages()): {'ur' in wordfreq.available_languages()}")
    undated = sum(1 for a in texts if a.date is None)
    later = sum(1 for p in pairs if p.agency.date and p.paper.date and p.paper.date < p.agency.date)
    print(f"  undated texts: {undated}; pairs where the newspaper is dated before the agency: {later}")
    print(f"  outlets: {len({a.source for a in texts})}; pairs by domain: {dict(Counter(p.domain for p in pairs))}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", help="the COUNTER folder (holding COUNTER/*.xml, or the XML files themselves)")
    parser.add_argument("--stop-lines", action="store_true",
                        help="end a line at each Urdu full stop first: a probe of what a splitter knowing it would give")  # fmt: skip
    args = parser.parse_args()
    pairs = load(Path(args.data))
    if args.stop_lines:
        pairs = [replace(p, agency=stop_lines(p.agency), paper=stop_lines(p.paper)) for p in pairs]
        print("--stop-lines: a line break after every Urdu full stop (U+06D4); not the texts as published")
    articles = [a for p in pairs for a in (p.agency, p.paper)]
    began = time.perf_counter()
    results = {r.article.id: r for r in analyze(articles)}
    elapsed = time.perf_counter() - began
    errors = sum(1 for r in results.values() if r.error)
    print(f"{len(pairs)} pairs ({', '.join(f'{lab} {sum(p.label == lab for p in pairs)}' for lab in LABELS)}), "
          f"{len(articles)} texts; dev {sum(p.split == 'dev' for p in pairs)}, test {sum(p.split == 'test' for p in pairs)} pairs; "
          f"{errors} error rows")  # fmt: skip
    print(f"pipeline (all detectors) on {len(articles)} texts: {elapsed:.1f} s, {len(articles) / elapsed:.1f} texts/s")
    print("No threshold of the detector was tuned on either half: dev and test are both held out.")
    grouping(pairs, results)
    verdict = derivation(pairs, results)
    disagreements(pairs, results, verdict)
    caveats(pairs, results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
