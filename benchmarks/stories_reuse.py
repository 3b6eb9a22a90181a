"""The story detector on journalistic text reuse labelled by hand: COUNTER (Urdu).

Why: ``stories.py`` measures the detector on translations of one document. COUNTER (Sharjeel,
Nawab and Rayson, LRE 51(3), 2017; CC BY-NC-SA 4.0, research use only: measured, never copied
here) has 600 pairs of a news-agency text (``NNNN.xml``) and a newspaper text (``NNNNp.xml``)
labelled WD (wholly derived from the agency text), PD (partially) or ND (the same event written
independently): the copy / rewrite / independent decision, in another language and script.

How: the 1,200 texts go through ``quality.pipeline.analyze`` once (source: agency or newspaper;
date: ``newsdate`` as ISO when parseable; title: headline; language "ur"). Then:

1. **Grouping**: per label, the share of pairs whose two texts share a ``story_id`` (each pair
   is one event, so all should); the exact Jaccard of their story terms (what the MinHash
   grouping estimates); stories holding several pairs (merges: the labels are pairwise, so some
   may be one event); adjusted Rand index of ``story_id`` against the pair.
2. **Derivation** of each newspaper text: its role, whether ``story_origin`` is its agency text,
   and a score 1 - story_original / story_sentences (0 when single); per label, and the AUC of
   the score for WD+PD vs ND and WD vs PD+ND. Dev / test: ``zlib.crc32(pair id) % 2`` even / odd;
   no threshold was tuned on either half.
3. **Caveats**: how the sentence splitter reads Urdu; whether wordfreq knows Urdu.

``--stop-lines`` first ends a line at each Urdu full stop (U+06D4), unknown to the splitter: a
probe of what a splitter that knew it would give, not the texts as published.

    python benchmarks/stories_reuse.py /path/to/counter [--stop-lines]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import time
import xml.etree.ElementTree as ET
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from statistics import mean, median

import _common  # noqa: F401  (puts the repository on sys.path)
import wordfreq
from scipy.stats import mannwhitneyu
from stories import adjusted_rand

from quality.detectors.stories.align import units
from quality.detectors.stories.profile import story_terms, zipf
from quality.detectors.stories.summary import SAME_STORY
from quality.model import Article, ArticleResult
from quality.pipeline import analyze
from quality.segment import sentences

LABELS = ("WD", "PD", "ND")
ROLES = ("copy", "rewrite", "origin", "independent", "single")
DERIVED = ("copy", "rewrite")
SPLITS = ("dev", "test", "all")
URDU_STOP = "\u06d4"  # ARABIC FULL STOP: Urdu's sentence end


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
    m = re.fullmatch(r"\s*(\d{1,2})\D+(\d{1,2})\D+(\d{2}|\d{4})\s*", raw)
    if not m:
        return None
    try:
        return dt.date(int(m[3]) + (2000 if len(m[3]) == 2 else 0), int(m[2]), int(m[1])).isoformat()
    except ValueError:
        return None


def read(path: Path, stop_lines: bool = False) -> tuple[Article, str, str]:
    """The file as an article (id: its lowercase stem), with its label and domain; ``stop_lines``:
    with a line break after each Urdu full stop."""
    root = ET.parse(path).getroot()
    text = (root.findtext("body") or "").strip()
    text = re.sub(URDU_STOP + r"\s*", URDU_STOP + "\n", text).strip() if stop_lines else text
    article = Article(id=path.stem.lower(), source=root.get("newspaper", "?"), text=text,
                      title=(root.findtext("headline") or "").strip() or None,
                      date=iso_date(root.get("newsdate", "")), language="ur")  # fmt: skip
    return article, root.get("classification", "?"), root.get("domain", "?")


def load(folder: Path, stop_lines: bool = False) -> list[Pair]:
    """``NNNN.xml`` (agency) with ``NNNNp.xml`` (newspaper, any case), labelled by the latter."""
    files = {p.name.lower(): p for p in [*folder.glob("*.xml"), *folder.glob("*/*.xml")]}
    pairs = []
    for name in sorted(n for n in files if not n.endswith("p.xml") and f"{n[:-4]}p.xml" in files):
        paper, label, domain = read(files[f"{name[:-4]}p.xml"], stop_lines)
        pairs.append(Pair(name[:-4], label, domain, read(files[name], stop_lines)[0], paper))
    return pairs


def auc(scores: list[float], positive: list[bool]) -> float:
    """Probability that a positive scores above a negative (ties count half)."""
    pos = [s for s, p in zip(scores, positive) if p]
    neg = [s for s, p in zip(scores, positive) if not p]
    return float(mannwhitneyu(pos, neg).statistic) / (len(pos) * len(neg)) if pos and neg else float("nan")


def chosen(pairs: list[Pair], split: str, label: str | None = None) -> list[Pair]:
    """The pairs of ``split`` (dev, test or all), of ``label`` if given."""
    return [p for p in pairs if split in ("all", p.split) and label in (None, p.label)]


def grouping(pairs: list[Pair], story: dict[str, str]) -> None:
    """Whether each pair's two texts are one story, why not, and what else stories join."""
    members: dict[str, set[Pair]] = defaultdict(set)
    for p in pairs:
        members[story[p.agency.id]].add(p)
        members[story[p.paper.id]].add(p)
    print("\n1. Grouping: agency and newspaper text in one story (pairs; every label is one event, so all should be)")
    print(f"{'split':<5} {'pairs':>5} " + " ".join(f"{lab:>12}" for lab in LABELS) + f" {'stories':>7} {'merges':>6} {'ARI':>6}")
    for split in SPLITS:
        cells = []
        for lab in LABELS:
            those = chosen(pairs, split, lab)
            together = sum(story[p.agency.id] == story[p.paper.id] for p in those)
            cells.append(f"{together}/{len(those)} {together / len(those):.2f}")
        ids = [a.id for p in chosen(pairs, split) for a in (p.agency, p.paper)]
        stories = {story[i] for i in ids}
        merges = sum(1 for s in stories if len(members[s]) > 1)
        ari = adjusted_rand([story[i] for i in ids], [i.rstrip("p") for i in ids])
        print(f"{split:<5} {len(ids) // 2:>5} " + " ".join(f"{c:>12}" for c in cells) + f" {len(stories):>7} {merges:>6} {ari:>6.3f}")
    sizes = Counter(len(m) for m in members.values() if len(m) > 1)
    largest = max(members.values(), key=len)
    rest = [a.id for p in pairs for a in (p.agency, p.paper) if p not in largest]
    ari = adjusted_rand([story[i] for i in rest], [i.rstrip("p") for i in rest])
    print("merges by pairs held: " + ", ".join(f"{k}: {sizes[k]}" for k in sorted(sizes))
          + f"; the largest by domain: {dict(Counter(p.domain for p in largest))}, by label: {dict(Counter(p.label for p in largest))}; "
          f"ARI of the {len(rest)} texts outside it: {ari:.3f}")  # fmt: skip
    print(f"exact Jaccard of the pair's story terms (profile.story_terms; grouping needs about {SAME_STORY}), "
          "and newspaper / agency length in words:")  # fmt: skip
    for lab in LABELS:
        those = chosen(pairs, "all", lab)
        terms = [(set(story_terms(p.agency.text, "ur")), set(story_terms(p.paper.text, "ur"))) for p in those]
        jaccard = [len(a & b) / max(1, len(a | b)) for a, b in terms]
        ratio = median(len(p.paper.text.split()) / len(p.agency.text.split()) for p in those)
        print(f"  {lab}: median {median(jaccard):.3f}, at least {SAME_STORY}: {sum(j >= SAME_STORY for j in jaccard)}/{len(those)}; "
              f"length ratio median {ratio:.2f}")  # fmt: skip


def derivation(pairs: list[Pair], results: dict[str, ArticleResult]) -> dict[str, tuple[str, bool, float]]:
    """Per pair, the newspaper text's (role, origin is the agency text, score); prints the tables."""
    verdict = {}
    for p in pairs:
        m = results[p.paper.id].metrics
        n, role = m.get("story_sentences") or 0, m.get("story_role") or "single"
        score = 0.0 if role == "single" or not n else 1 - (m.get("story_original") or 0) / n
        verdict[p.id] = (role, m.get("story_origin") == p.agency.id, score)
    print("\n2. Derivation of the newspaper text (score: share of its sentences found in another outlet's version)")
    print(f"{'split':<5} {'label':<5} {'n':>4} {'score':>6} {'origin=agency':>13} " + " ".join(f"{r:>11}" for r in ROLES))
    for split in SPLITS:
        for lab in LABELS:
            got = [verdict[p.id] for p in chosen(pairs, split, lab)]
            roles = Counter(r for r, _, _ in got)
            print(f"{split:<5} {lab:<5} {len(got):>4} {mean(s for _, _, s in got):>6.3f} {sum(o for _, o, _ in got):>13} "
                  + " ".join(f"{roles[r]:>11}" for r in ROLES))  # fmt: skip
    print(f"\n{'split':<5} {'AUC WD+PD vs ND':>15} {'AUC WD vs PD+ND':>15}   copy/rewrite as 'derived' (WD+PD): precision, recall")
    for split in SPLITS:
        some = chosen(pairs, split)
        scores = [verdict[p.id][2] for p in some]
        called = [verdict[p.id][0] in DERIVED for p in some]
        derived = [p.label != "ND" for p in some]
        hits = sum(c and d for c, d in zip(called, derived))
        print(f"{split:<5} {auc(scores, derived):>15.3f} {auc(scores, [p.label == 'WD' for p in some]):>15.3f}   "
              f"{hits / max(1, sum(called)):.3f}, {hits / sum(derived):.3f}")  # fmt: skip
    print("\nlabel against role of the newspaper text (all pairs)")
    print(f"{'':<5} " + " ".join(f"{r:>11}" for r in ROLES))
    for lab in LABELS:
        roles = Counter(verdict[p.id][0] for p in chosen(pairs, "all", lab))
        print(f"{lab:<5} " + " ".join(f"{roles[r]:>11}" for r in ROLES))
    return verdict


def disagreements(pairs: list[Pair], story: dict[str, str], verdict: dict[str, tuple[str, bool, float]]) -> None:
    """A few pair ids of each kind of disagreement, to read."""
    kinds: dict[str, list[str]] = defaultdict(list)
    for p in pairs:
        grouped, (role, from_agency, _) = story[p.agency.id] == story[p.paper.id], verdict[p.id]
        if p.label == "WD" and not grouped:
            kinds["WD not grouped"].append(p.id)
        if p.label == "WD" and grouped and role not in DERIVED:
            kinds["WD grouped, not copy/rewrite"].append(p.id)
        if p.label == "ND" and role in DERIVED:
            kinds["ND called copy/rewrite"].append(p.id)
        if p.label != "ND" and role in DERIVED and not from_agency:
            kinds["WD/PD copy/rewrite of another text"].append(p.id)
    print("\nDisagreements to read (pair ids, first 8)")
    for kind, found in kinds.items():
        print(f"  {kind:<34} {len(found):>4}: {' '.join(found[:8])}")


def caveats(pairs: list[Pair]) -> None:
    """What the detector reads of Urdu: sentences, word frequencies, dates."""
    texts = [a for p in pairs for a in (p.agency, p.paper)]
    counts = [len(sentences(a.text)) for a in texts]
    aligned = [len(units(a.text, "ur")) for a in texts]
    print("\n3. Caveats")
    print(f"  quality.segment.sentences: {mean(counts):.2f} sentences per text on average, {sum(c == 1 for c in counts)} "
          f"of {len(texts)} texts one sentence; the texts hold {mean(a.text.count(URDU_STOP) for a in texts):.1f} Urdu "
          f"full stops (U+06D4) on average, {sum(1 for a in texts if chr(10) in a.text)} have more than one line")  # fmt: skip
    print(f"  sentences the alignment reads (align.units, 5+ words): {mean(aligned):.2f} per text, "
          f"{sum(u <= 1 for u in aligned)} texts with at most one")  # fmt: skip
    terms = [t for a in texts for t in story_terms(a.text, "ur")]
    print(f"  wordfreq knows Urdu ('ur' in available_languages()): {'ur' in wordfreq.available_languages()}; "
          f"story terms it does not know (Zipf 0: names, typos, words run together): {sum(zipf(t, 'ur') == 0 for t in terms) / len(terms):.0%}")  # fmt: skip
    later = sum(1 for p in pairs if p.agency.date and p.paper.date and p.paper.date < p.agency.date)
    print(f"  undated texts: {sum(1 for a in texts if a.date is None)}; newspaper dated before its agency text: {later} pairs")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", help="the COUNTER folder (holding COUNTER/*.xml, or the XML files themselves)")
    parser.add_argument("--stop-lines", action="store_true", help="a line break after each Urdu full stop first (a probe)")
    args = parser.parse_args()
    pairs = load(Path(args.data), args.stop_lines)
    if args.stop_lines:
        print("--stop-lines: a line break after every Urdu full stop (U+06D4); not the texts as published")
    articles = [a for p in pairs for a in (p.agency, p.paper)]
    began = time.perf_counter()
    results = {r.article.id: r for r in analyze(articles)}
    elapsed = time.perf_counter() - began
    counts = ", ".join(f"{lab} {len(chosen(pairs, 'all', lab))}" for lab in LABELS)
    print(f"{len(pairs)} pairs ({counts}), {len(articles)} texts, "
          f"{len({a.source for a in articles})} outlets; dev {len(chosen(pairs, 'dev'))}, test {len(chosen(pairs, 'test'))} "
          f"pairs; {sum(1 for r in results.values() if r.error)} error rows")  # fmt: skip
    print(f"pipeline (all detectors) on {len(articles)} texts: {elapsed:.1f} s, {len(articles) / elapsed:.1f} texts/s")
    print("No threshold of the detector was tuned on either half: dev and test are both held out.")
    story = {i: str(r.metrics.get("story_id")) for i, r in results.items()}
    grouping(pairs, story)
    verdict = derivation(pairs, results)
    disagreements(pairs, story, verdict)
    caveats(pairs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
