"""How far the other systems' versions of a segment could rank MT systems (an investigation).

The translation detector finds almost nothing on the TED part of the MQM set (fluent MT of
talks), so its TED system ranking is noise. This script measures a signal the detector does
not have yet: consensus between versions. Every system translated the same segments; a
system whose segment shares few words with the other systems' versions of it has probably
gone its own way (mistranslated, dropped or added something). Per segment: 1 − the mean word
(or character-trigram) Jaccard similarity to the other systems' versions; per system: the mean.

This uses the data set's own segment alignment (``seg_id``), so it is an upper bound for a
corpus pass that would have to find the versions and align their lines itself. The detector's
corpus pass does that (TRN012 and the divergence weight of translation_fluency, see
docs/translation.md); ``benchmarks/mqm_translation.py`` measures it.

    python benchmarks/mqm_consensus.py [MQM_DIR]
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from scipy.stats import kendalltau, pearsonr

from _common import shared_path  # noqa: E402

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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
