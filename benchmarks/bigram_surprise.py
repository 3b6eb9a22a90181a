#!/usr/bin/env python3
"""Can a shippable bigram list tell unidiomatic English? A measurement, not a rule of the tool.

The translation issue asks for a statistical model of what English says, built from data the
project may ship. The only English word-pair counts on the package index are symspellpy's
(MIT; its ``frequency_bigramdictionary_en_243_342.txt`` is derived from Google Books n-grams):
242,342 lower-case pairs, each seen at least 6.4 million times, beside 82,765 word counts. A
pair missing from such a list is evidence of an unusual pairing only when independence would
expect it more often than the list's cut: ``count(a) * count(b) / total >= threshold``, with the
threshold at or above the cut. This script flags every adjacent lower-case pair that passes that
test and measures the flags against the MQM annotations (zh→en machine translation; precision
= flags overlapping any annotated target-side error, recall = Fluency/Style spans overlapped by a
flag) and against native English (the Zyte gold bodies: flags per 1,000 words).

    pip install symspellpy   # only for this measurement
    python benchmarks/bigram_surprise.py [SHARED_BENCHMARKS_DIR] [--symspell DIR] [--thresholds 6.4e6,1e7]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
from pathlib import Path

from _common import shared_path  # noqa: E402  (also puts the repository on sys.path)

_TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|[^\sA-Za-z]")
_STYLE_OR_FLUENCY = ("Fluency/", "Style/")


def load_counts(folder: Path) -> tuple[dict[str, int], set[tuple[str, str]]]:
    words = {}
    for line in (folder / "frequency_dictionary_en_82_765.txt").open(encoding="utf-8"):
        word, count = line.split()
        words[word] = int(count)
    pairs = set()
    for line in (folder / "frequency_bigramdictionary_en_243_342.txt").open(encoding="utf-8"):
        first, second, _ = line.split()
        pairs.add((first, second))
    return words, pairs


def surprising_pairs(text: str, words: dict[str, int], pairs: set[tuple[str, str]], total: int, threshold: float) -> tuple[list[tuple[int, int]], int]:
    """Spans of the adjacent lower-case pairs expected at least ``threshold`` times but absent
    from the list, and the number of pairs that could be judged at all."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    flagged, judged = [], 0
    for (a, start, _), (b, _, end) in zip(tokens, tokens[1:]):
        if not (a.isalpha() and b.isalpha() and a.islower() and b.islower() and a in words and b in words):
            continue
        judged += 1
        if words[a] * words[b] / total >= threshold and (a, b) not in pairs:
            flagged.append((start, end))
    return flagged, judged


def overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(shared_path("benchmarks")))
    parser.add_argument("--symspell", help="the folder holding symspellpy's dictionaries (default: the installed package)")
    parser.add_argument("--thresholds", default="6.4e6,1e7,3e7")
    args = parser.parse_args()
    spec = importlib.util.find_spec("symspellpy")
    folder = Path(args.symspell) if args.symspell else Path(spec.origin).parent if spec and spec.origin else None
    if folder is None:
        parser.error("symspellpy is not installed: pip install symspellpy, or give --symspell DIR")
    words, pairs = load_counts(folder)
    total = sum(words.values())
    shared = Path(args.shared)
    segments = [json.loads(line) for line in (shared / "mqm" / "segments.jsonl").open(encoding="utf-8")]
    bodies = [json.loads(line).get("gold") or "" for line in (shared / "boilerplate" / "pages.jsonl").open(encoding="utf-8")]
    print(f"{len(pairs):,} pairs listed, {len(words):,} words, {total:,} word uses")
    print("\n| threshold | test set | pairs judged | flags | precision | recall (Fluency/Style spans) | Zyte gold flags per 1,000 words |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for threshold in (float(t) for t in args.thresholds.split(",")):
        native = sum(len(surprising_pairs(body, words, pairs, total, threshold)[0]) for body in bodies)
        native_words = sum(len(body.split()) for body in bodies)
        for test_set in ("wmt23-general-zhen-news", "wmt21-ted-zhen"):
            flags = hits = judged = gold = found = 0
            for segment in segments:
                if segment["testset"] != test_set or segment["is_human"]:
                    continue
                errors = [e for e in segment["errors"] if e["span_side"] == "target" and e["span_start"] is not None and e["span"]]
                spans = [(e["span_start"], e["span_start"] + len(e["span"])) for e in errors]
                flagged, n = surprising_pairs(segment["target"], words, pairs, total, threshold)
                judged += n
                flags += len(flagged)
                hits += sum(overlaps(f, spans) for f in flagged)
                for error, span in zip(errors, spans):
                    if error["category"].startswith(_STYLE_OR_FLUENCY):
                        gold += 1
                        found += overlaps(span, flagged)
            precision = f"{hits / flags:.3f}" if flags else "-"
            print(f"| {threshold:g} | {test_set} | {judged:,} | {flags} | {precision} | {found / max(gold, 1):.3f} of {gold:,} | {1000 * native / native_words:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
