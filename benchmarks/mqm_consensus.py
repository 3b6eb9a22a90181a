"""Consensus between versions on the MQM set: its upper bound, the corpus pass's alignment, and
how much the detector's ranking depends on the consensus thresholds (an investigation).

Every system translated the same segments; a system whose segment shares few words with the
other systems' versions of it has probably gone its own way (mistranslated, dropped or added
something). Printed, per test set:

1. **Upper bound.** Per segment, 1 − the mean word (or character-trigram) Jaccard similarity
   to the other systems' versions, using the data set's own alignment (``seg_id``); per
   system, the mean; system Kendall and Pearson against MQM.
2. **The corpus pass's alignment.** The detector's corpus pass has no ids: it must find the
   other versions of each article and pair their lines itself (``consensus.py``). Each
   (system, document) is one article, one segment per line, so a pair is right when it joins
   the same document's same segment. Precision: right pairs / pairs found; recall: right pairs
   / (lines × the versions the pass may use, ``max_versions`` or all other systems).
3. **Sensitivity.** The detector's system Kendall with each consensus option moved one at a
   time from its default: a ranking that held only at the defaults would be a tuned one.

``benchmarks/mqm_translation.py`` measures the detector itself (TRN012 and the divergence
weight of translation_fluency, see docs/translation.md).

    python benchmarks/mqm_consensus.py [MQM_DIR]
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import dataclasses

from scipy.stats import kendalltau, pearsonr

from _common import shared_path  # noqa: E402
from mqm_translation import build_articles, run_detector  # noqa: E402
from quality.detectors.translation import TranslationDetector  # noqa: E402
from quality.detectors.translation.consensus import ConsensusOptions, ConsensusSummary, paragraph_texts  # noqa: E402

# Each consensus option moved one at a time (defaults in ConsensusOptions).
SENSITIVITY = {
    "key_words": (12, 16, 32),
    "max_candidates": (16, 48),
    "max_key_articles": (32, 128),
    "anchor_similarity": (0.3, 0.5),
    "min_anchor_share": (0.2, 0.4),
    "max_versions": (8, 16),
}

_WORD = re.compile(r"\w+")


def word_set(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


def trigram_set(text: str) -> frozenset[str]:
    joined = " ".join(_WORD.findall(text.lower()))
    return frozenset(joined[i : i + 3] for i in range(max(1, len(joined) - 2)))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def main(argv: list[str]) -> int:
    data = Path(argv[1]) if len(argv) > 1 else shared_path("benchmarks", "mqm")
    records = [json.loads(line) for line in open(data / "segments.jsonl", encoding="utf-8")]
    print("| test set | systems | features | system Kendall | system Pearson |")
    print("|---|---|---|---|---|")
    for testset in sorted({r["testset"] for r in records}, reverse=True):
        rows = [r for r in records if r["testset"] == testset]
        by_segment: dict[int, dict[str, str]] = defaultdict(dict)
        scores: dict[str, list[float]] = defaultdict(list)
        for r in rows:
            by_segment[r["seg_id"]][r["system"]] = r["target"]
            scores[r["system"]].append(r["mqm_score"])
        mqm = {s: sum(v) / len(v) for s, v in scores.items()}
        humans = {r["system"] for r in rows if r["is_human"]}
        for name, features in (("words", word_set), ("char trigrams", trigram_set)):
            divergence: dict[str, list[float]] = defaultdict(list)
            for versions in by_segment.values():
                sets = {s: features(t) for s, t in versions.items()}
                for s in sets:
                    others = [jaccard(sets[s], sets[o]) for o in sets if o != s]
                    divergence[s].append(1 - sum(others) / len(others))
            mean = {s: sum(v) / len(v) for s, v in divergence.items()}
            subsets = [("all", sorted(mean))] + ([("MT only", sorted(set(mean) - humans))] if humans else [])
            for label, systems in subsets:
                x, y = [mean[s] for s in systems], [mqm[s] for s in systems]
                print(f"| {testset} | {len(systems)} {label} | {name} | {kendalltau(x, y)[0]:+.3f} | {pearsonr(x, y)[0]:+.3f} |")
    by_testset = {t: build_articles([r for r in records if r["testset"] == t])[0] for t in sorted({r["testset"] for r in records}, reverse=True)}
    mqm_of = defaultdict(list)
    for r in records:
        mqm_of[(r["testset"], r["system"])].append(r["mqm_score"])
    humans = {r["system"] for r in records if r["is_human"]}
    alignment_table(by_testset)
    sensitivity_table(by_testset, {k: sum(v) / len(v) for k, v in mqm_of.items()}, humans)
    return 0


def alignment_table(by_testset: dict[str, list]) -> None:
    options = ConsensusOptions()
    print("\n| test set | articles | versions per article (mean, min) | line pairs | precision | recall |")
    print("|---|---|---|---|---|---|")
    for testset, articles in by_testset.items():
        summary = ConsensusSummary()
        for article in articles:
            summary.add(article.id, article.source, paragraph_texts(article.text))
        index = summary.index(options)
        others = len({a.source for a in articles}) - 1
        found = right = possible = 0
        counts = []
        for article in articles:
            me = index.position[article.id]
            document = article.id.split("|")[2]
            versions = index.versions(me)
            counts.append(len(versions))
            possible += len(index.lines[me]) * min(options.max_versions, others)
            for _, other_id, pairs in versions:
                same_document = other_id.split("|")[2] == document
                found += len(pairs)
                right += sum(same_document and i == j for i, j in pairs.items())
        print(f"| {testset} | {len(articles)} | {sum(counts) / len(counts):.1f}, {min(counts)} | {found} | "
              f"{right / max(1, found):.3f} | {right / max(1, possible):.3f} |")


def sensitivity_table(by_testset: dict[str, list], mqm: dict[tuple[str, str], float], humans: set[str]) -> None:
    print("\n| consensus option | value | " + " | ".join(f"{t} τ" for t in by_testset) + " | TED 13 MT τ |")
    print("|---|---|" + "---|" * (len(by_testset) + 1))
    runs = [("(defaults)", None)] + [(name, value) for name, values in SENSITIVITY.items() for value in values]
    for name, value in runs:
        detector = TranslationDetector()
        if value is not None:
            detector.consensus_options = dataclasses.replace(ConsensusOptions(), **{name: value})
        cells, machine_only = [], ""
        for testset, articles in by_testset.items():
            results = run_detector(articles, detector)
            badness: dict[str, list[float]] = defaultdict(list)
            for article in articles:
                badness[article.source].append(1.0 - results[article.id].score)
            systems = sorted(badness)
            x = [sum(badness[s]) / len(badness[s]) for s in systems]
            y = [mqm[(testset, s)] for s in systems]
            cells.append(f"{kendalltau(x, y)[0]:+.3f}")
            if humans & set(systems):
                keep = [k for k, s in enumerate(systems) if s not in humans]
                machine_only = f"{kendalltau([x[k] for k in keep], [y[k] for k in keep])[0]:+.3f}"
        print(f"| {name} | {'' if value is None else value} | " + " | ".join(cells) + f" | {machine_only} |")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
