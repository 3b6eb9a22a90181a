"""The translation detector against human MQM annotations of zh→en machine translation.

Data: ``../shared/benchmarks/mqm/`` (see its README; measurement only, nothing is copied).
Each (test set, MT system, document) becomes one article, its segments one per line, and each
system is the article's source, so the corpus pass compares systems as it compares outlets.
The detector sees only the English targets.

Printed, per test set:

* system level: Kendall tau-b and Pearson between each system's mean badness
  (1 − translation_fluency, article mean; and weighted findings per 100 words) and its mean MQM,
  beside the README's trivial baselines (``oov``, ``fre``) computed in the same run with the
  data set's own ``mqm_tools.py``; a positive value means "agrees with MQM";
* segment level: Kendall tau-b pooled and grouped by source segment (badness of the segment's
  own findings against the segment's MQM);
* span level: precision of each rule's spans (share overlapping any annotated target-side
  error span) and recall per MQM category (share of annotated spans overlapped by any of our
  spans), beside a span baseline that marks every out-of-vocabulary token (the ``oov``
  baseline made into spans).

    python benchmarks/mqm_translation.py [MQM_DIR]
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from _common import shared_path  # noqa: E402  (also puts the repository on sys.path)
from quality.detectors.translation import SEVERITY_WEIGHT, TranslationDetector  # noqa: E402
from quality.detectors.translation.rules import KINDS  # noqa: E402
from quality.model import Article  # noqa: E402

CATEGORY_OF_RULE = KINDS  # each translation rule's kind of artifact, as the per-source report names it
# MQM categories an English-only detector of each kind can hope to find (README, "What an
# English-only detector can plausibly target").
TARGETS = {
    "untranslated": {"Accuracy/Source language fragment", "Non-translation!", "Accuracy/Untranslated text"},
    "name_variant": {"Locale convention/Name format", "Fluency/Inconsistency", "Terminology/Inconsistent"},
    "name_order": {"Locale convention/Name format"},
    "unidiomatic": {"Style/Unnatural or awkward", "Style/Bad sentence structure", "Accuracy/Mistranslation"},
    "pronoun": {"Accuracy/Gender Mismatch"},
    "join": {"Fluency/Punctuation", "Fluency/Spelling", "Fluency/Text-Breaking", "Fluency/Grammar"},
    "repetition": {"Non-translation!", "Accuracy/Addition", "Style/Unnatural or awkward"},
    "divergent_version": {"Accuracy/Mistranslation", "Accuracy/Omission", "Accuracy/Addition", "Style/Unnatural or awkward"},
}
# The baseline's spans are judged against the categories the README names for it
# (untranslated text and names).
TARGETS["oov-token"] = TARGETS["untranslated"] | TARGETS["name_variant"]
_OOV_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def load_tools(data: Path):
    spec = importlib.util.spec_from_file_location("mqm_tools", data / "mqm_tools.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def build_articles(records: list[dict]) -> tuple[list[Article], dict[str, list[tuple[int, int, dict]]]]:
    """One article per (test set, system, document); segment offsets per article id."""
    grouped: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for record in records:
        grouped[(record["testset"], record["system"], record["doc"])].append(record)
    articles, layout = [], {}
    for (testset, system, doc), segments in sorted(grouped.items()):
        segments.sort(key=lambda r: r["seg_id"])
        parts, offsets, position = [], [], 0
        for record in segments:
            target = record["target"].replace("\n", " ")
            offsets.append((position, position + len(target), record))
            parts.append(target)
            position += len(target) + 1
        article_id = f"{testset}|{system}|{doc}"
        articles.append(Article(id=article_id, source=system, text="\n".join(parts)))
        layout[article_id] = offsets
    return articles, layout


def run_detector(articles: list[Article], detector: TranslationDetector | None = None) -> dict[str, object]:
    detector = detector or TranslationDetector()
    results = {a.id: detector.detect(a) for a in articles}
    by_testset: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_testset[article.id.split("|")[0]].append(article)
    for testset, group in by_testset.items():  # the corpus is one test set
        summary = detector.merge([detector.summarise([(a, results[a.id]) for a in group])])
        for article in group:
            results[article.id] = detector.apply(article, results[article.id], summary)
    return results


def segment_rows(articles, layout, results, tools, top50k) -> list[dict]:
    rows = []
    for article in articles:
        findings = results[article.id].findings
        for start, end, record in layout[article.id]:
            mine = [f for f in findings if start <= f.start < end or (f.start < start < f.end)]
            words = max(1, len(record["target"].split()))
            weight = sum(SEVERITY_WEIGHT[f.severity] for f in mine)
            oov_spans = [
                (m.start(), m.end())
                for m in _OOV_TOKEN.finditer(record["target"])
                if m.group().lower() not in top50k and not any(c.isdigit() for c in m.group())
            ]
            rows.append({
                "testset": record["testset"], "system": record["system"], "seg_id": record["seg_id"],
                "mqm": record["mqm_score"], "target": record["target"],
                "spans": [(f.start - start, f.end - start, f.rule) for f in mine],
                "oov_spans": oov_spans, "errors": record["errors"],
                "badness": 100.0 * weight / words,
                "oov": tools.oov_fraction(record["target"]), "fre": tools.flesch(record["target"]),
            })  # fmt: skip
    return rows


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < max(b[1], b[0] + 1) and b[0] < max(a[1], a[0] + 1)


def span_tables(rows: list[dict]) -> None:
    annotated = []  # (row index, start, end, category), one per distinct annotated span
    for index, row in enumerate(rows):
        seen = set()
        for error in row["errors"]:
            if error["span_side"] != "target" or error["span_start"] is None or not error["span"]:
                continue
            key = (error["span_start"], error["span_start"] + len(error["span"]), error["category"])
            if key not in seen:
                seen.add(key)
                annotated.append((index, *key))
    spans_by_row = defaultdict(list)
    for index, s, e, category in annotated:
        spans_by_row[index].append((s, e, category))

    def precision(get_spans) -> tuple[Counter, Counter, Counter]:
        total, hit_any, hit_target = Counter(), Counter(), Counter()
        for index, row in enumerate(rows):
            for s, e, label in get_spans(row):
                total[label] += 1
                gold = spans_by_row.get(index, [])
                hit_any[label] += any(overlap((s, e), (gs, ge)) for gs, ge, _ in gold)
                hit_target[label] += any(overlap((s, e), (gs, ge)) and c in TARGETS.get(label, ()) for gs, ge, c in gold)
        return total, hit_any, hit_target

    ours = precision(lambda row: [(s, e, CATEGORY_OF_RULE[r]) for s, e, r in row["spans"]])
    base = precision(lambda row: [(s, e, "oov-token") for s, e in row["oov_spans"]])
    print("\n| spans of | n | precision (any annotated error) | precision (the kind's MQM categories) |")
    print("|---|---|---|---|")
    for (total, hit_any, hit_target), labels in ((ours, sorted(ours[0])), (base, ["oov-token"])):
        for label in labels:
            n = total[label]
            target = f"{hit_target[label] / n:.3f}"
            print(f"| {label} | {n} | {hit_any[label] / n:.3f} | {target} |")

    categories = Counter(c for _, _, _, c in annotated)
    print("\n| MQM category | annotated spans | recall (ours, any rule) | recall (oov-token baseline) |")
    print("|---|---|---|---|")
    for category, count in categories.most_common():
        if count < 20 and not any(category in t for t in TARGETS.values()):
            continue
        ours_hit = base_hit = 0
        for index, s, e, c in annotated:
            if c != category:
                continue
            ours_hit += any(overlap((s, e), (a, b)) for a, b, _ in rows[index]["spans"])
            base_hit += any(overlap((s, e), span) for span in rows[index]["oov_spans"])
        print(f"| {category} | {count} | {ours_hit / count:.3f} | {base_hit / count:.3f} |")


def main(argv: list[str]) -> int:
    data = Path(argv[1]) if len(argv) > 1 else shared_path("benchmarks", "mqm")
    tools = load_tools(data)
    records = [json.loads(line) for line in open(data / "segments.jsonl", encoding="utf-8")]
    articles, layout = build_articles(records)
    results = run_detector(articles)
    top50k = set(tools._top_english())
    rows = segment_rows(articles, layout, results, tools, top50k)

    for testset in sorted({r["testset"] for r in rows}):
        subset = [r for r in rows if r["testset"] == testset]
        systems = sorted({r["system"] for r in subset})
        mqm = {s: np.mean([r["mqm"] for r in subset if r["system"] == s]) for s in systems}
        ours = {}
        for s in systems:
            scores = [results[a.id].score for a in articles if a.id.startswith(testset + "|" + s + "|")]
            ours[s] = 1.0 - float(np.mean(scores))
        density = {s: np.mean([r["badness"] for r in subset if r["system"] == s]) for s in systems}
        oov = {s: np.mean([r["oov"] for r in subset if r["system"] == s]) for s in systems}
        fre = {s: np.mean([r["fre"] for r in subset if r["system"] == s]) for s in systems}
        y = [mqm[s] for s in systems]
        humans = {r["system"] for r in records if r["testset"] == testset and r["is_human"]}
        machine = [s for s in systems if s not in humans] if humans else []
        print(f"\n## {testset}: {len(systems)} systems, {len(subset)} segments\n")
        print("| measure | system Kendall | system Pearson | segment Kendall (pooled) | segment Kendall (by item) |")
        print("|---|---|---|---|---|")
        frame = __import__("pandas").DataFrame(subset).rename(columns={"mqm": "mqm_score"})
        for label, values, column in (
            ("translation: 1 − fluency (article mean)", ours, "badness"),
            ("translation: weighted findings / 100 words", density, "badness"),
            ("baseline oov", oov, "oov"),
            ("baseline fre", fre, "fre"),
        ):
            x = [values[s] for s in systems]
            pooled = tools.kendall_tau_b(frame[column], frame["mqm_score"])
            by_item = tools.grouped_tau(frame, column)
            print(f"| {label} | {tools.kendall_tau_b(x, y):+.3f} | {tools.pearson(x, y):+.3f} | {pooled:+.3f} | {by_item:+.3f} |")
        if machine:
            for label, values in (("translation: 1 − fluency", ours), ("findings / 100 words", density), ("oov", oov), ("fre", fre)):
                x, y_mt = [values[s] for s in machine], [mqm[s] for s in machine]
                print(f"| {label}, {len(machine)} MT systems only | {tools.kendall_tau_b(x, y_mt):+.3f} | {tools.pearson(x, y_mt):+.3f} | | |")
        print("\n| system | MQM | 1 − fluency | findings / 100 words | oov | fre |")
        print("|---|---|---|---|---|---|")
        for s in sorted(systems, key=lambda s: mqm[s]):
            print(f"| {s} | {mqm[s]:.3f} | {ours[s]:.4f} | {density[s]:.3f} | {oov[s]:.4f} | {fre[s]:.1f} |")
        span_tables(subset)
        kinds = Counter(CATEGORY_OF_RULE[r] for row in subset for _, _, r in row["spans"])
        print("\nfindings by kind: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
