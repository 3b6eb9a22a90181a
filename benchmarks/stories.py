"""The story detector on data nobody on the project wrote: grouping, sentence alignment, ranking.

Data (measurement only, nothing copied here): the MQM set's English translations
(``mqm/segments.jsonl``), one article per (test set, document, system), one segment per line
in ``seg_id`` order, the system as outlet: every system's version of a document is one story
told by several outlets, and ``seg_id`` says which sentence is which. The 181 Zyte pages
(``boilerplate/pages.jsonl``, the gold article body) are mixed in as distractors; a few of them
report the same events, so Zyte-only groups are listed to be read, not counted as errors.

1. **Clustering**: adjusted Rand index of ``story_id`` against the gold document over the MQM
   articles; documents split into several stories; stories joining two documents; Zyte pages
   put in a story with an MQM article (an error); Zyte-only groups.
2. **Alignment**: ``align.units`` / ``align.align`` between every ordered pair of systems of a
   document; a match is right when both units lie in segments of the same ``seg_id``.
   Documents are split into dev (``crc32(doc)`` even: tune thresholds there) and test (odd).
3. **Ranking**: per system, STY findings per 1,000 words and the share of its sentences found
   in no other version, Kendall tau-b against ``mqm_mean`` (higher = worse).
4. **Timing** of the pipeline run (every detector runs; ``select`` only filters findings).
5. **Finding precision** against the MQM annotations: a STY finding is a hit when its span
   overlaps a target-side error any rater marked in its segment (all categories; Major only),
   per rule and test set, beside a baseline of the same spans placed at random in the article.

    python benchmarks/stories.py [SHARED_BENCHMARKS]
"""

from __future__ import annotations

import argparse
import bisect
import csv
import json
import random
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from math import comb
from pathlib import Path

from _common import shared_path  # also puts the repository on sys.path
from scipy.stats import kendalltau

from quality.config import Config
from quality.detectors.stories.align import GRADES, align, units
from quality.model import Article, ArticleResult
from quality.pipeline import analyze

TESTSETS = {"wmt23-general-zhen-news": "WMT23 news", "wmt21-ted-zhen": "TED"}


def load_mqm(path: Path) -> dict[tuple[str, str, str], Article]:
    """One article per (test set, doc, system): its target segments in seg_id order, a line each."""
    segments: dict[tuple[str, str, str], list[tuple[int, str]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        segments[(r["testset"], r["doc"], r["system"])].append((r["seg_id"], r["target"]))
    return {
        (t, d, s): Article(id=f"{t}:{d}:{s}", source=s, text="\n".join(text for _, text in sorted(parts)), date=None)
        for (t, d, s), parts in segments.items()
    }


def load_zyte(path: Path) -> list[Article]:
    """The Zyte pages' gold article bodies, each under its site."""
    pages = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [Article(id=p["id"], source=p["source"], text=p["gold"], url=p["url"], date=None) for p in pages]


def adjusted_rand(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> float:
    """Hubert and Arabie's ARI: 1 is the gold partition, 0 what chance gives."""
    pairs = sum(comb(n, 2) for n in Counter(zip(predicted, gold)).values())
    rows = sum(comb(n, 2) for n in Counter(predicted).values())
    cols = sum(comb(n, 2) for n in Counter(gold).values())
    expected = rows * cols / comb(len(gold), 2)
    best = (rows + cols) / 2
    return 1.0 if best == expected else (pairs - expected) / (best - expected)


def clustering(mqm: dict[tuple[str, str, str], Article], zyte: list[Article], story: dict[str, str]) -> None:
    """How well stories recover the MQM documents, and what the distractors do."""
    members: dict[str, list[str]] = defaultdict(list)
    for article_id, s in story.items():
        members[s].append(article_id)
    doc_of = {a.id: (t, d) for (t, d, _), a in mqm.items()}
    system_of = {a.id: a.source for a in mqm.values()}
    zyte_ids = {a.id for a in zyte}
    print("\n1. Clustering (story_id against the gold MQM document)")
    print(f"{'test set':<11} {'articles':>8} {'docs':>4} {'stories':>7} {'ARI':>6} {'docs split':>10} "
          f"{'stories merging docs':>20} {'left single':>11} {'Zyte in MQM story':>17}")  # fmt: skip
    notes = []
    for testset, label in TESTSETS.items():
        ids = [a.id for (t, _, _), a in mqm.items() if t == testset]
        stories = {story[i] for i in ids}
        by_doc: dict[str, set[str]] = defaultdict(set)
        for i in ids:
            by_doc[doc_of[i][1]].add(story[i])
        split = {d: sorted(s) for d, s in by_doc.items() if len(s) > 1}
        merging = {s: sorted({doc_of[i][1] for i in members[s] if i in doc_of}) for s in stories}
        merging = {s: docs for s, docs in merging.items() if len(docs) > 1}
        single = sum(1 for i in ids if len(members[story[i]]) == 1)
        intruders = sorted({i for s in stories for i in members[s] if i in zyte_ids})
        ari = adjusted_rand([story[i] for i in ids], [doc_of[i] for i in ids])
        print(f"{label:<11} {len(ids):>8} {len(by_doc):>4} {len(stories):>7} {ari:>6.3f} {len(split):>10} "
              f"{len(merging):>20} {single:>11} {len(intruders):>17}")  # fmt: skip
        for d, s in split.items():
            parts = [[system_of[i] for i in members[x] if doc_of.get(i, ("", ""))[1] == d] for x in s]
            shown = "; ".join(f"{x}: " + (", ".join(p) if len(p) <= 3 else f"{len(p)} systems") for x, p in zip(s, parts))
            notes.append(f"  {label}: doc {d} split into {len(s)} stories ({shown})")
        for s, docs in merging.items():
            notes.append(f"  {label}: story {s} ({len(members[s])} articles) merges docs {', '.join(docs)}")
        notes += [f"  {label}: Zyte page {i} put in an MQM story" for i in intruders]
    print("(left single: MQM articles in a story of their own, so never compared)")
    print("\n".join(notes) or "  (no document split, no story merging documents, no Zyte page in an MQM story)")
    url_of = {a.id: a.url for a in zyte}
    groups = sorted((ids for ids in members.values() if len(ids) > 1 and all(i in zyte_ids for i in ids)), key=len, reverse=True)
    print(f"Zyte-only groups: {len(groups)} (sizes {[len(g) for g in groups]}; may be genuine same-story pages)")
    for g in groups:
        print(f"  {len(g)} pages, first {g[0][:12]}: " + " | ".join(str(url_of[i]) for i in g[:4]))


def line_starts(text: str) -> list[int]:
    """Start offsets of the text's lines: a unit's segment is the last line starting at or before it."""
    starts = [0]
    starts += [k + 1 for k, ch in enumerate(text) if ch == "\n"]
    return starts


def alignment(mqm: dict[tuple[str, str, str], Article]) -> None:
    """Sentence alignment precision and recall against seg_id, per grade, on dev and test docs."""
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    docs: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_doc: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for (t, d, _), article in sorted(mqm.items()):
        by_doc[(t, d)].append(article)
    for (t, d), articles in by_doc.items():
        split = "dev" if zlib.crc32(d.encode()) % 2 == 0 else "test"
        docs[(t, split)].add(d)
        c = counts[(t, split)]
        read = []
        for a in articles:
            starts = line_starts(a.text)
            found = units(a.text)
            read.append((found, [bisect.bisect_right(starts, u.start) - 1 for u in found]))
        for x, (ux, sx) in enumerate(read):
            for y, (uy, sy) in enumerate(read):
                if x == y:
                    continue
                present = set(sy)
                c["pairs"] += 1
                c["units"] += len(ux)
                c["attainable"] += sum(1 for s in sx if s in present)
                for u, match in enumerate(align(ux, uy)):
                    if match is None:
                        continue
                    right = sx[u] == sy[match.other]
                    c["predicted"] += 1
                    c["correct"] += right
                    c[f"predicted {match.grade}"] += 1
                    c[f"correct {match.grade}"] += right
    print("\n2. Alignment (unit of X -> unit of Y, right when both are the same seg_id; dev = crc32(doc) even, test = odd)")
    print("recall: of all units of X; attainable: of units of X whose segment has a unit in Y (short segments have none)")
    print(f"{'test set':<11} {'split':<5} {'docs':>4} {'pairs':>5} {'grade':<9} {'predicted':>9} {'correct':>8} "
          f"{'precision':>9} {'recall':>7} {'attainable':>10}")  # fmt: skip
    for t, label in TESTSETS.items():
        for split in ("dev", "test"):
            c = counts[(t, split)]
            for grade in ("all", *GRADES):
                key = "" if grade == "all" else f" {grade}"
                predicted, correct = c[f"predicted{key}"], c[f"correct{key}"]
                print(f"{label:<11} {split:<5} {len(docs[(t, split)]):>4} {c['pairs']:>5} {grade:<9} {predicted:>9} {correct:>8} "
                      f"{correct / max(1, predicted):>9.3f} {correct / max(1, c['units']):>7.3f} {correct / max(1, c['attainable']):>10.3f}")  # fmt: skip


def ranking(mqm: dict[tuple[str, str, str], Article], results: dict[str, ArticleResult], systems_csv: Path) -> None:
    """Do systems whose versions diverge more, or share less with the others, have worse MQM?"""
    rows = list(csv.DictReader(systems_csv.read_text(encoding="utf-8").splitlines()))
    mqm_mean = {(r["testset"], r["system"]): float(r["mqm_mean"]) for r in rows}
    human = {(r["testset"], r["system"]) for r in rows if r["is_human"] == "True"}
    sums: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for (t, _, s), article in mqm.items():
        result = results[article.id]
        c = sums[(t, s)]
        c["words"] += len(article.text.split())
        c["sentences"] += result.metrics.get("story_sentences") or 0
        c["original"] += result.metrics.get("story_original") or 0
        for f in result.findings:
            if f.rule.startswith("STY"):
                c["STY"] += 1
                c[f.rule] += 1
    print("\n3. Ranking (per system; MQM: mean per segment, higher = worse)")
    print(f"{'test set':<11} {'system':<15} {'MQM':>6} {'words':>6} {'STY':>4} {'001/002/003/004':>15} {'STY/1k words':>12} {'original share':>14}")
    rate = {k: 1000 * c["STY"] / max(1, c["words"]) for k, c in sums.items()}
    original = {k: c["original"] / max(1, c["sentences"]) for k, c in sums.items()}
    for t, label in TESTSETS.items():
        for k in sorted((k for k in sums if k[0] == t), key=mqm_mean.get):
            c = sums[k]
            by_rule = "/".join(str(c[f"STY00{n}"]) for n in range(1, 5))
            print(f"{label:<11} {k[1] + ('*' if k in human else ''):<15} {mqm_mean[k]:>6.2f} {c['words']:>6} {c['STY']:>4} "
                  f"{by_rule:>15} {rate[k]:>12.2f} {original[k]:>14.3f}")  # fmt: skip
    print("(* human translation)  Kendall tau-b against MQM (positive: more of it goes with worse MQM)")
    print(f"{'systems':<22} {'n':>3} {'STY/1k words':>12} {'original share':>14}")
    for t, label in TESTSETS.items():
        subsets = [(f"{label} all", [k for k in sums if k[0] == t])]
        if any(k[0] == t for k in human):
            subsets.append((f"{label} MT only", [k for k in sums if k[0] == t and k not in human]))
        for name, keys in subsets:
            y = [mqm_mean[k] for k in keys]
            taus = [kendalltau([m[k] for k in keys], y)[0] for m in (rate, original)]
            print(f"{name:<22} {len(keys):>3} {taus[0]:>+12.3f} {taus[1]:>+14.3f}")


MARKED = ("Accuracy/Mistranslation", "Locale convention/Name format", "Fluency/Spelling")
DRAWS = 20  # random placements per finding for the baseline


def target_errors(path: Path) -> dict[tuple[str, str, str], list[list[tuple[int, int, str, str]]]]:
    """Per article, per line (seg_id order): its target-side error spans (start, end, category, severity)."""
    segments: dict[tuple[str, str, str], list[tuple[int, list[tuple[int, int, str, str]]]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        spans = [(e["span_start"], e["span_start"] + len(e["span"]), e["category"], e["severity"])
                 for e in r["errors"] if e["span_side"] == "target"]  # fmt: skip
        segments[(r["testset"], r["doc"], r["system"])].append((r["seg_id"], spans))
    return {k: [spans for _, spans in sorted(v, key=lambda p: p[0])] for k, v in segments.items()}


def finding_precision(mqm: dict[tuple[str, str, str], Article], results: dict[str, ArticleResult], path: Path) -> None:
    """Do STY findings fall on what the MQM raters marked as errors, more often than chance?

    The STY rules were written without the annotations, so these are independent labels; but MQM
    errors are dense (most WMT23 segments have one, from 3 raters), so a bare hit rate says little.
    The baseline moves each finding's span to a random place of the same length in a random line of
    the same article (``DRAWS`` draws, ``random.Random(0)``): precision above it is the rule's own.
    """
    errors, rng = target_errors(path), random.Random(0)
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for key, article in mqm.items():
        result, segments = results[article.id], errors[key]
        lines, starts = result.article.text.split("\n"), line_starts(result.article.text)

        def marked(line: int, a: int, b: int) -> list[tuple[int, int, str, str]]:
            return [e for e in segments[line] if a < e[1] and e[0] < b]

        for f in (f for f in result.findings if f.rule.startswith("STY")):
            line = bisect.bisect_right(starts, f.start) - 1
            a = f.start - starts[line]
            b = min(f.end - starts[line], len(lines[line]))  # a span running past its line is cut there
            hit = marked(line, a, b)
            chance = Counter[str]()
            for _ in range(DRAWS):
                other = rng.randrange(len(lines))
                at = rng.randint(0, max(0, len(lines[other]) - (b - a)))
                drawn = marked(other, at, at + b - a)
                chance["chance"] += bool(drawn) / DRAWS
                chance["chance major"] += any(e[3] == "Major" for e in drawn) / DRAWS
            for c in (counts[(key[0], f.rule)], counts[(key[0], "all")]):
                c["findings"] += 1
                c["hits"] += bool(hit)
                c["major"] += any(e[3] == "Major" for e in hit)
                c.update({cat: any(e[2] == cat for e in hit) for cat in MARKED})
                c.update(chance)
    print("\n5. Finding precision against the MQM annotations (hit: the span overlaps a target-side error of any rater)")
    print(f"{'test set':<11} {'rule':<6} {'findings':>8} {'hits':>5} {'precision':>9} {'chance':>6} "
          f"{'Major hits':>10} {'precision':>9} {'chance':>6}  {'Mistransl. / Name format / Spelling':>35}")  # fmt: skip
    for t, label in TESTSETS.items():
        for rule in ("STY001", "STY002", "STY003", "STY004", "all"):
            c = counts[(t, rule)]
            n = max(1, c["findings"])
            by_cat = " / ".join(f"{c[cat] / n:.2f}" for cat in MARKED)
            print(f"{label:<11} {rule:<6} {c['findings']:>8} {c['hits']:>5} {c['hits'] / n:>9.3f} {c['chance'] / n:>6.3f} "
                  f"{c['major']:>10} {c['major'] / n:>9.3f} {c['chance major'] / n:>6.3f}  {by_cat:>35}")  # fmt: skip
    print(f"(chance: the same spans at a random place of a random line of the article, {DRAWS} draws; "
          "last column: share of findings overlapping an error of that category)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(shared_path("benchmarks")), help="folder holding mqm/ and boilerplate/")
    args = parser.parse_args()
    data = Path(args.shared)
    mqm = load_mqm(data / "mqm" / "segments.jsonl")
    zyte = load_zyte(data / "boilerplate" / "pages.jsonl")
    articles = [*mqm.values(), *zyte]
    config = Config().with_overrides(select=("STY",))
    began = time.perf_counter()
    results = {r.article.id: r for r in analyze(articles, config)}
    elapsed = time.perf_counter() - began
    errors = [r.article.id for r in results.values() if r.error]
    print(f"{len(mqm)} MQM articles ({', '.join(f'{label} {sum(1 for k in mqm if k[0] == t)}' for t, label in TESTSETS.items())}), "
          f"{len(zyte)} Zyte pages; {len(errors)} error rows")  # fmt: skip
    story = {i: str(r.metrics.get("story_id")) for i, r in results.items()}
    clustering(mqm, zyte, story)
    alignment(mqm)
    ranking(mqm, results, data / "mqm" / "systems.csv")
    print(f"\n4. Timing: pipeline on {len(articles)} articles (all detectors run) {elapsed:.1f} s, {len(articles) / elapsed:.1f} articles/s")
    finding_precision(mqm, results, data / "mqm" / "segments.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
