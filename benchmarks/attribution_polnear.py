"""Sentence-level attribution on PolNeAR, beside the set's regex baseline, in one run.

usage: python benchmarks/attribution_polnear.py [SENTENCES.jsonl] [--baseline BASELINE.py] [--errors N]
                                                [--split dev|test|dev,test]

Data: ``../shared/benchmarks/attribution/`` (PolNeAR; read its README). Gold: a sentence has an
attribution when it overlaps a human-marked cue. Tune on dev; report test.

How we predict: each article is rebuilt from its sentences (``_polnear.py``) and analysed whole
by :func:`quality.detectors.attribution.analyse`, so that quotations and pronouns see their
context. A gold sentence is predicted positive when one of our cue spans overlaps it. The
baseline (``baseline.py`` of the set) reads each sentence alone; it is imported and run here,
on the same sentences, so the two rows are directly comparable.

Also printed:
* recall by the set's (silver) source kind;
* our "attributed" (own cue or carry-over) against the gold ``in_attribution`` (the sentence lies
  in any cue, source or content span);
* per publisher: attribution density (sentences with a cue / all sentences) from our cues and from
  the gold labels, their absolute differences and Spearman's rank correlation across publishers;
* our source-kind mix per publisher beside the silver one (rough: silver is heuristic);
* speed: our time per sentence as a ratio to the baseline's in the same run.

``--errors N`` prints N false negatives and N false positives from dev (never test).
``--split dev`` runs dev only: use it while tuning, so that test is measured once, at the end.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import _common  # noqa: F401  (puts the repository on sys.path)
from _polnear import DEFAULT_DATA, documents, load_rows  # noqa: E402
from scipy.stats import spearmanr  # noqa: E402

from quality.detectors.attribution import analyse  # noqa: E402


def load_baseline(path: Path):
    spec = importlib.util.spec_from_file_location("polnear_baseline", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def prf(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float, int]:
    tp = sum(p and g for p, g in pairs)
    fp = sum(p and not g for p, g in pairs)
    fn = sum(g and not p for p, g in pairs)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp + fn


def predict(docs) -> tuple[dict[str, tuple[bool, bool, str | None]], float]:
    """Gold id -> (has a cue of ours, attributed incl. carry-over, our source kind)."""
    out: dict[str, tuple[bool, bool, str | None]] = {}
    began = time.perf_counter()
    for doc in docs:
        analysed = analyse(doc.text)
        cues = [(a.cue_start, a.cue_end, a.kind) for item in analysed for a in item.own]
        attributed = [(item.sentence.start, item.sentence.end, item) for item in analysed if item.attributed]
        for row in doc.gold:
            s, e = row["start"], row["end"]
            hit = [k for a, b, k in cues if a < e and b > s]
            carried = any(a < e and b > s for a, b, _ in attributed)
            out[row["id"]] = (bool(hit), carried or bool(hit), hit[0] if hit else None)
    return out, time.perf_counter() - began


def main(argv: list[str]) -> None:
    args = list(argv)
    path, baseline_path, n_errors, splits = DEFAULT_DATA, None, 0, ["dev", "test"]
    while args:
        arg = args.pop(0)
        if arg == "--baseline":
            baseline_path = Path(args.pop(0))
        elif arg == "--errors":
            n_errors = int(args.pop(0))
        elif arg == "--split":
            splits = args.pop(0).split(",")
        else:
            path = Path(arg)
    baseline = load_baseline(baseline_path or Path(path).with_name("baseline.py"))
    rows = load_rows(path)
    for split in splits:
        docs = documents(rows, {split})
        gold = [r for d in docs for r in d.gold]
        ours, our_time = predict(docs)
        began = time.perf_counter()
        base = {r["id"]: bool(baseline.predict(r["text"])) for r in gold}
        base_time = time.perf_counter() - began
        print(f"\n== {split}: {len(docs)} articles, {len(gold)} sentences, "
              f"{sum(r['has_attribution'] for r in gold)} with a gold cue")
        print(f"{'system':22s} {'P':>6s} {'R':>6s} {'F1':>6s}")
        for name, pred in (("regex baseline", base), ("quality attribution", {k: v[0] for k, v in ours.items()})):
            p, r, f, _ = prf([(pred[g["id"]], bool(g["has_attribution"])) for g in gold])
            print(f"{name:22s} {p:6.3f} {r:6.3f} {f:6.3f}")
        p, r, f, _ = prf([(ours[g["id"]][1], bool(g["in_attribution"])) for g in gold])
        print(f"{'attributed vs in_attribution':28s} P {p:.3f} R {r:.3f} F1 {f:.3f}")
        print(f"time ratio (quality / baseline, whole split): {our_time / base_time:.1f}")
        by_kind: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
        for g in gold:
            if g["has_attribution"]:
                by_kind[g.get("source_kind") or "unknown"].append((ours[g["id"]][0], base[g["id"]]))
        print("recall by silver source kind (ours / baseline): " + ", ".join(
            f"{k} {sum(a for a, _ in v) / len(v):.3f}/{sum(b for _, b in v) / len(v):.3f} (n={len(v)})"
            for k, v in sorted(by_kind.items())))
        # per publisher density
        pubs = sorted({g["publisher"] for g in gold})
        ours_density, gold_density = [], []
        print(f"{'publisher':14s} {'sent':>5s} {'gold dens':>9s} {'our dens':>9s} {'|diff|':>7s}   "
              f"our kinds (person/org/media/anon)   silver kinds (named/anon/unknown)")
        for pub in pubs:
            rows_p = [g for g in gold if g["publisher"] == pub]
            gd = sum(bool(g["has_attribution"]) for g in rows_p) / len(rows_p)
            od = sum(ours[g["id"]][0] for g in rows_p) / len(rows_p)
            ours_density.append(od)
            gold_density.append(gd)
            kinds = Counter(ours[g["id"]][2] for g in rows_p if ours[g["id"]][0])
            total = max(1, sum(kinds.values()))
            silver = Counter(g.get("source_kind") or "unknown" for g in rows_p if g["has_attribution"])
            stotal = max(1, sum(silver.values()))
            print(f"{pub:14s} {len(rows_p):5d} {gd:9.3f} {od:9.3f} {abs(gd - od):7.3f}   "
                  f"{kinds['person'] / total:.2f}/{kinds['organisation'] / total:.2f}/{kinds['media'] / total:.2f}/{kinds['anonymous'] / total:.2f}"
                  f"                 {silver['named'] / stotal:.2f}/{silver['anonymous'] / stotal:.2f}/{silver['unknown'] / stotal:.2f}")
        rho = spearmanr(gold_density, ours_density).statistic
        diffs = [abs(a - b) for a, b in zip(gold_density, ours_density)]
        print(f"per-publisher density: Spearman rho {rho:.3f}, mean |diff| {sum(diffs) / len(diffs):.3f}, max |diff| {max(diffs):.3f}")
        if n_errors and split != "test":  # error analysis on the tuning splits only, never on test
            fns = [g for g in gold if g["has_attribution"] and not ours[g["id"]][0]]
            fps = [g for g in gold if not g["has_attribution"] and ours[g["id"]][0]]
            print("missed gold cues:", Counter((g["cue"] or "").lower() for g in fns).most_common(40))
            for label, items in (("FN", fns), ("FP", fps)):
                for g in items[:n_errors]:
                    print(f"[{label}] {g['text'][:230]!r} cue={g['cue']!r} src={g['source_text']!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
