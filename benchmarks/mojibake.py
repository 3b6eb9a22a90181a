#!/usr/bin/env python3
"""Benchmark the mojibake detector against ftfy 6 on the shared sets, in one run.

Prints Markdown tables:

1. Detection precision / recall / F1 per set, per subset (cases.jsonl) and per codec
   (cjk_cases.jsonl), for our detector and for ftfy's ``is_bad`` and ``fix_encoding != text``.
   Positive = "this text was decoded with the wrong codec": any finding of MOJ001-MOJ004 or
   MOJ006 (U+FFFD alone, controls and entities are other damage).
2. Repair accuracy: among mojibake rows we detect, the share whose repairs give the expected
   text exactly; the same for ftfy's ``fix_encoding`` on the rows it changes.
3. The same detection without word frequencies (they only break ties between readings that
   assume a lost byte), to show what the character model does alone.
4. Held-out real news (the boilerplate set's gold article bodies, optional): genuine articles
   flagged, and recall / exact repair on paragraphs and single words we corrupt ourselves with
   16 codecs, and (apart from the total) with two of them followed by NFD decomposition, as a
   text normalised after the damage has it. Nothing in the detector was tuned on these texts.
5. Speed, best of ``--repeats`` runs: MB/s of UTF-8 input on clean English news articles and on
   damaged ones, as a ratio to ``ftfy.badness.is_bad`` measured in the same run, next to our
   scan regex alone (the floor: the clean path should cost about one pass of it).

Usage:  python benchmarks/mojibake.py [--data DIR] [--news PAGES.jsonl] [--repeats N]
Defaults: ../shared/benchmarks/mojibake and ../shared/benchmarks/boilerplate/pages.jsonl.
"""

from __future__ import annotations

import argparse
import collections
import json
import platform
import random
import sys
import time
import unicodedata
from pathlib import Path
from typing import Callable

from _common import shared_path  # noqa: E402  (also puts the repository on sys.path)
import ftfy  # noqa: E402
import ftfy.badness  # noqa: E402

from quality.detectors.mojibake import MISDECODING_CODES, Engine  # noqa: E402

HELD_OUT_CODECS = (
    "cp1252", "latin-1", "mac_roman", "cp1251", "cp1250", "iso8859_2", "cp437", "cp1254", "cp1253",
    "cp1257", "koi8_r", "gbk", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr",
)  # fmt: skip
# Damage then decomposition (NFD), as when a garbled text is normalised on its way: "Ã" is then
# "A" and a combining tilde.
DECOMPOSED_AFTER = ("cp1252", "mac_roman")


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# ------------------------------------------------------------------------------------ scoring


def prf(labels: list[bool], preds: list[bool]) -> dict[str, float]:
    tp = sum(1 for y, p in zip(labels, preds) if y and p)
    fp = sum(1 for y, p in zip(labels, preds) if not y and p)
    fn = sum(1 for y, p in zip(labels, preds) if y and not p)
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if tp else (0.0 if tp + fn else float("nan"))
    return {"p": precision, "r": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def fmt(x: float) -> str:
    return "  -  " if x != x else f"{x:.3f}"


def triple(m: dict[str, float]) -> str:
    return f"{fmt(m['p'])} / {fmt(m['r'])} / {fmt(m['f1'])}"


class Ours:
    """Our detector as a benchmark participant."""

    def __init__(self, use_wordfreq: bool = True) -> None:
        self.engine = Engine(use_wordfreq=use_wordfreq)

    def detects(self, text: str) -> bool:
        return any(d.code in MISDECODING_CODES for d in self.engine.find(text))

    def repair(self, text: str) -> str:
        """Apply the repairs of mis-decoding findings until nothing changes."""
        for _ in range(4):
            damages = [d for d in self.engine.find(text) if d.code in MISDECODING_CODES and d.repair is not None]
            if not damages:
                break
            pieces, cursor = [], 0
            for d in sorted(damages, key=lambda d: d.start):
                pieces += [text[cursor : d.start], d.repair]
                cursor = d.end
            pieces.append(text[cursor:])
            text = "".join(pieces)
        return text


def detection_tables(name: str, rows: list[dict], ours: Ours, subsets: dict[str, list[dict]]) -> dict:
    detectors: dict[str, Callable[[str], bool]] = {
        "quality (ours)": ours.detects,
        "ftfy is_bad": ftfy.badness.is_bad,
        "ftfy fix_encoding != text": lambda t: ftfy.fix_encoding(t) != t,
    }
    preds = {label: {r["id"]: bool(f(r["text"])) for r in rows} for label, f in detectors.items()}
    print(f"\n### {name} ({len(rows)} rows: {sum(r['label'] == 'mojibake' for r in rows)} mojibake, {sum(r['label'] == 'clean' for r in rows)} clean)\n")
    print("| detector | P | R | F1 | TP | FP | FN |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    headline = {}
    for label in detectors:
        m = prf([r["label"] == "mojibake" for r in rows], [preds[label][r["id"]] for r in rows])
        headline[label] = m
        print(f"| {label} | {fmt(m['p'])} | {fmt(m['r'])} | {fmt(m['f1'])} | {m['tp']} | {m['fp']} | {m['fn']} |")
    print("\n| subset | n | ours P / R / F1 | ftfy is_bad P / R / F1 | ftfy fix_encoding P / R / F1 |")
    print("|---|---:|---|---|---|")
    for subset, members in subsets.items():
        labels = [r["label"] == "mojibake" for r in members]
        cells = [triple(prf(labels, [preds[label][r["id"]] for r in members])) for label in detectors]
        print(f"| {subset} | {len(members)} | {' | '.join(cells)} |")

    # Repair accuracy.
    ours_ok = ours_detected = ftfy_ok = ftfy_changed = 0
    mismatches = []
    for r in rows:
        if r["label"] != "mojibake":
            continue
        expected = r.get("fixed_encoding", r["fixed"])
        if preds["quality (ours)"][r["id"]]:
            ours_detected += 1
            got = ours.repair(r["text"])
            ours_ok += got == expected
            if got != expected:
                mismatches.append((r["id"], got, expected))
        fixed = ftfy.fix_encoding(r["text"])
        if fixed != r["text"]:
            ftfy_changed += 1
            ftfy_ok += fixed == expected
    print(f"\nRepair: ours {ours_ok}/{ours_detected} detected mojibake rows repaired exactly "
          f"({ours_ok / max(1, ours_detected):.3f}); ftfy fix_encoding {ftfy_ok}/{ftfy_changed} of the rows it changed "
          f"({ftfy_ok / max(1, ftfy_changed):.3f}).")  # fmt: skip
    if mismatches:
        print("Rows repaired differently from the expected text (first 12):")
        for rid, got, expected in mismatches[:12]:
            print(f"  {rid}: got {got[:70]!r} expected {expected[:70]!r}")
    return headline


def cases_subsets(rows: list[dict]) -> dict[str, list[dict]]:
    subsets: dict[str, list[dict]] = {"upstream rows only": [r for r in rows if not r["derived"]]}
    for category in sorted({r["category"] for r in rows}):
        subsets[category] = [r for r in rows if r["category"] == category]
    return subsets


def cjk_subsets(rows: list[dict]) -> dict[str, list[dict]]:
    by_id = {r["id"]: r for r in rows}
    subsets: dict[str, list[dict]] = {}
    for codec in [c for c in dict.fromkeys(r["codec"] for r in rows) if c != "none"]:
        moji = [r for r in rows if r["codec"] == codec]
        subsets[f"{codec} (+{len(moji)} paired clean)"] = moji + [by_id[r["src_id"]] for r in moji]
    return subsets


# ------------------------------------------------------------------------------------ held out


def held_out(pages: list[dict], ours: Ours, per_cell: int = 60) -> None:
    print(f"\n### Held-out real news ({len(pages)} article bodies of the boilerplate set)\n")
    flagged = [p for p in pages if ours.detects(p["gold"])]
    flagged_ftfy = [p for p in pages if ftfy.badness.is_bad(p["gold"])]
    print(f"Genuine articles flagged as mojibake: ours {len(flagged)}, ftfy is_bad {len(flagged_ftfy)} (of {len(pages)}).")
    for p in flagged[:5]:
        print(f"  flagged by us: {p['source']}")
    rng = random.Random(20241123)
    paragraphs = [line for p in pages for line in p["gold"].split("\n") if not line.isascii() and len(line) > 20]
    words = [(line, w) for line in paragraphs for w in line.split() if not w.isascii()]
    print(f"\nCorrupted by us: {len(paragraphs)} non-ASCII paragraphs, {len(words)} non-ASCII words; "
          f"{per_cell} samples per codec and mode; a sample counts when decoding with the codec succeeds.\n")  # fmt: skip
    print("| codec | whole paragraph: recall / exact repair | one word: recall / exact repair | ftfy is_bad recall (paragraph / word) |")
    print("|---|---|---|---|")
    totals = collections.Counter()
    for codec in HELD_OUT_CODECS:
        print(_held_out_row(codec, codec, paragraphs, words, ours, rng, per_cell, totals))
    print(f"| all | recall {totals['found'] / totals['n']:.3f}, exact repair {totals['exact'] / totals['n']:.3f} | | ftfy is_bad recall {totals['ftfy'] / totals['n']:.3f} |")
    for codec in DECOMPOSED_AFTER:  # not in "all": the same damage, then NFD (exact: equal once composed)
        print(_held_out_row(f"{codec}, then NFD", codec, paragraphs, words, ours, rng, per_cell, collections.Counter(), decomposed=True))


def _held_out_row(label: str, codec: str, paragraphs: list[str], words: list[tuple[str, str]], ours: Ours, rng: random.Random,
                  per_cell: int, totals: collections.Counter, decomposed: bool = False) -> str:  # fmt: skip
    """One codec's row of the held-out table: paragraphs, then single words, corrupted with it."""
    cells, ftfy_cells = [], []
    for mode in ("paragraph", "word"):
        n = found = exact = ftfy_found = tries = 0
        while n < per_cell and tries < 20 * per_cell:
            tries += 1
            if mode == "paragraph":
                good = rng.choice(paragraphs)
                bad = _corrupt(good, codec)
            else:
                good, word = rng.choice(words)
                damaged = _corrupt(word, codec)
                bad = None if damaged is None else good.replace(word, damaged, 1)
            if bad is None or bad == good:
                continue
            if decomposed:
                bad = unicodedata.normalize("NFD", bad)
            n += 1
            hit = ours.detects(bad)
            found += hit
            repaired = ours.repair(bad) if hit else ""
            exact += hit and (unicodedata.normalize("NFC", repaired) == unicodedata.normalize("NFC", good) if decomposed else repaired == good)
            ftfy_found += ftfy.badness.is_bad(bad)
        totals.update({"n": n, "found": found, "exact": exact, "ftfy": ftfy_found})
        cells.append(f"{found / max(1, n):.2f} / {exact / max(1, n):.2f} (n={n})")
        ftfy_cells.append(f"{ftfy_found / max(1, n):.2f}")
    return f"| {label} | {cells[0]} | {cells[1]} | {' / '.join(ftfy_cells)} |"


def _corrupt(text: str, codec: str) -> str | None:
    try:
        return text.encode("utf-8").decode(codec)
    except UnicodeDecodeError:
        return None


# --------------------------------------------------------------------------------------- speed


def best_time(func: Callable[[str], object], texts: list[str], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for text in texts:
            func(text)
        best = min(best, time.perf_counter() - start)
    return best


def speed(clean: list[str], label: str, ours: Ours, repeats: int) -> None:
    one_paragraph = [_damage_one_paragraph(t) for t in clean]
    whole = [_sloppy_cp1252(t) for t in clean]
    sets = {
        f"clean ({label})": clean,
        "one paragraph mis-decoded (cp1252)": one_paragraph,
        "whole article mis-decoded (cp1252)": whole,
    }
    print(f"\n### Speed ({len(clean)} articles, best of {repeats} runs, one process)\n")
    print("| input | MB | ours detect MB/s | our scan regex alone MB/s | ftfy is_bad MB/s | ours / is_bad | ftfy fix_encoding MB/s | ours fix_text MB/s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    from quality.detectors.mojibake._charsets import hot_pattern
    from quality.fix import fix_text

    scan = hot_pattern().finditer

    for name, texts in sets.items():
        for text in texts[:5]:  # warm caches (and word lists) before timing
            ours.engine.find(text)
            fix_text(text)
        megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        ours_s = best_time(ours.engine.find, texts, repeats)
        scan_s = best_time(lambda t: list(scan(t)), texts, repeats)
        bad_s = best_time(ftfy.badness.is_bad, texts, repeats)
        fix_s = best_time(ftfy.fix_encoding, texts, max(1, repeats // 2))
        our_fix_s = best_time(fix_text, texts, max(1, repeats // 2))
        print(f"| {name} | {megabytes:.2f} | {megabytes / ours_s:.1f} | {megabytes / scan_s:.1f} | {megabytes / bad_s:.1f} | "
              f"{bad_s / ours_s:.2f}x | {megabytes / fix_s:.1f} | {megabytes / our_fix_s:.1f} |")  # fmt: skip


def _damage_one_paragraph(text: str) -> str:
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if not line.isascii():
            lines[k] = _sloppy_cp1252(line)
            break
    else:
        lines[0] = _sloppy_cp1252(lines[0] + " — café")
    return "\n".join(lines)


def _sloppy_cp1252(text: str) -> str:
    """UTF-8 read as windows-1252 the way browsers do (undefined bytes stay C1 controls)."""
    raw = text.encode("utf-8")
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)


# ---------------------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(shared_path("benchmarks", "mojibake")))
    parser.add_argument("--news", default=str(shared_path("benchmarks", "boilerplate", "pages.jsonl")))
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    data = Path(args.data)
    print(f"quality mojibake benchmark — ftfy {ftfy.__version__}, Python {platform.python_version()}, {platform.machine()}")

    cases = load(data / "cases.jsonl")
    cjk = load(data / "cjk_cases.jsonl")
    ours = Ours()
    print("\n## Detection and repair (with word frequencies, the default)")
    detection_tables("cases.jsonl", cases, ours, cases_subsets(cases))
    detection_tables("cjk_cases.jsonl", cjk, ours, cjk_subsets(cjk))

    print("\n## Without word frequencies")
    plain = Ours(use_wordfreq=False)
    for name, rows in (("cases.jsonl", cases), ("cjk_cases.jsonl", cjk)):
        m = prf([r["label"] == "mojibake" for r in rows], [plain.detects(r["text"]) for r in rows])
        print(f"- {name}: P {fmt(m['p'])} R {fmt(m['r'])} F1 {fmt(m['f1'])} (TP {m['tp']}, FP {m['fp']}, FN {m['fn']})")

    news = Path(args.news)
    pages = load(news) if news.is_file() else []
    if pages:
        held_out(pages, ours)
        clean = [p["gold"] for p in pages if sum(ch.isascii() for ch in p["gold"]) / max(1, len(p["gold"])) > 0.98]
        speed(clean, "English news article bodies", ours, args.repeats)
    else:
        print(f"\n(no {news}: held-out check skipped; speed measured on the clean rows of the sets)")
        clean = [r["text"] for r in cases + cjk if r["label"] == "clean"]
        speed(clean, "clean benchmark rows", ours, args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
