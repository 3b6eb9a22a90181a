"""How many human-checked sentence boundaries each segmenter reproduces exactly.

usage: python benchmarks/segmentation.py [SENTENCES.jsonl]

Data: the PolNeAR sentence set (``../shared/benchmarks/attribution/``); its sentences are
CoreNLP's, checked by the annotators who marked attributions on them. Articles are rebuilt from
the sentences (see ``_polnear.py``). A gold sentence counts as reproduced when a segmenter returns
a sentence with exactly its start and end (after trimming white space).

CoreNLP, which made the gold boundaries, ignores paragraph breaks, so a gold "sentence" that runs
across a blank line (a heading glued to the first sentence, ``He said:`` glued to the quoted
paragraph) can never be reproduced by a segmenter that respects lines. The second column leaves
those out. Tune on dev; the test figures are the ones to report. Speed is the ratio of each
segmenter's time to pysbd's in the same run.
"""

from __future__ import annotations

import sys
import time
from typing import Callable

import _common  # noqa: F401  (puts the repository on sys.path)
from _polnear import DEFAULT_DATA, documents, load_rows  # noqa: E402
from quality.segment import sentences  # noqa: E402

Spans = list[tuple[int, int]]


def own(text: str) -> Spans:
    return [(s.start, s.end) for s in sentences(text)]


def make_pysbd() -> Callable[[str], Spans]:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def run(text: str) -> Spans:
        return [_trim(text, span.start, span.end) for span in segmenter.segment(text)]

    return run


def make_blingfire() -> Callable[[str], Spans] | None:
    try:
        import blingfire
    except ImportError:
        return None

    def run(text: str) -> Spans:
        _, offsets = blingfire.text_to_sentences_and_offsets(text)  # character offsets
        return [_trim(text, start, end) for start, end in offsets]

    return run


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    return start + lead, start + lead + len(piece.strip())


def main(argv: list[str]) -> None:
    path = argv[0] if argv else DEFAULT_DATA
    rows = load_rows(path)
    segmenters: dict[str, Callable[[str], Spans]] = {"quality.segment": own, "pysbd": make_pysbd()}
    bling = make_blingfire()
    if bling:
        segmenters["blingfire"] = bling
    else:
        print("blingfire not installed: skipped (pip install blingfire to compare)")
    for split in ("dev", "test"):
        docs = documents(rows, {split})
        gold = [(d, _trim(d.text, r["start"], r["end"]), "\n\n" in r["text"].strip()) for d in docs for r in d.gold]
        print(f"\n{split}: {len(docs)} articles, {len(gold)} gold sentences, "
              f"{sum(g[2] for g in gold)} of them run across a blank line")
        print(f"{'segmenter':16s} {'exact':>7s} {'exact, no blank-line gold':>26s} {'predicted':>10s} {'time/pysbd':>11s}")
        timings, results = {}, {}
        for name, segment in segmenters.items():
            began = time.perf_counter()
            results[name] = {d.doc_id: set(segment(d.text)) for d in docs}
            timings[name] = time.perf_counter() - began
        for name, predicted in results.items():
            hits = [span in predicted[d.doc_id] for d, span, _ in gold]
            plain = [h for h, (_, _, blank) in zip(hits, gold) if not blank]
            n_pred = sum(len(p) for p in predicted.values())
            print(f"{name:16s} {sum(hits) / len(hits):7.3f} {sum(plain) / len(plain):26.3f} {n_pred:10d} "
                  f"{timings[name] / timings['pysbd']:11.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
