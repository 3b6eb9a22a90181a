#!/usr/bin/env python3
"""Line-level precision, recall and F1 of the boilerplate detector, beside simple baselines.

Data: the line benchmark ``../shared/benchmarks/boilerplate/pages.jsonl`` (181 hand-annotated
article pages, 126 sites; read its README). Each page, in each view, becomes one article whose
text is the view's lines joined by line breaks, with the page's site as its source; the detector
runs on it exactly as in the pipeline (``detect``, then the corpus pass: ``summarise`` per chunk,
``merge``, ``apply``). A line counts as predicted boilerplate when a BPL finding covers it.
Positive class = ``boilerplate``; ``content`` and ``title`` are negatives.

Views: ``article+5`` (the article region ± 5 lines, like scraped input: the one that counts) and
``full`` (whole pages, mostly menus and footers).

The line model's weights were fitted on one half of the sites (``benchmarks/fit_boilerplate.py``);
figures are printed for the held-out half (the honest ones), the fitted half, and all pages.
Baselines run in the same process on the same lines: the length-or-keyword rule of the README
(re-implemented from its description), and jusText 3 on the plain lines when ``justext`` is
installed. jusText on the original HTML needs the upstream HTML and is quoted from the README.

Speed: megabytes of text per second for the detector with its corpus pass, over the full pages,
and the ratio to reading and splitting the same text into lines (``str.splitlines``).

    python benchmarks/boilerplate_lines.py [--data PAGES.jsonl] [--no-justext]
"""

from __future__ import annotations

import argparse
import bisect
import html
import re
import time
from pathlib import Path
from typing import Callable

import _common  # noqa: F401  (puts the repository on sys.path)
from fit_boilerplate import DEFAULT_DATA, fit_half, line_starts, load_pages, prf_from_counts, views  # noqa: E402

from quality.detectors.boilerplate import BoilerplateDetector  # noqa: E402
from quality.model import Article  # noqa: E402
from quality.pipeline import CORPUS_CHUNK  # noqa: E402

KEYWORDS = re.compile(r"\b(follow|subscri|share|sharing|cookie|copyright)|©", re.IGNORECASE)
JUSTEXT_HTML_README = {"full": (0.928, 0.979, 0.953), "article+5": (0.581, 0.907, 0.708)}


def run_detector(articles: list[Article]) -> dict[str, list[tuple[int, int]]]:
    """Boilerplate spans per article id, after the corpus pass, as the pipeline would run it."""
    detector = BoilerplateDetector()
    results = [detector.detect(a) for a in articles]
    pairs = list(zip(articles, results))
    summary = detector.merge([detector.summarise(pairs[k : k + CORPUS_CHUNK]) for k in range(0, len(pairs), CORPUS_CHUNK)])
    final = [detector.apply(a, r, summary) for a, r in pairs]
    return {a.id: [(f.start, f.end) for f in r.findings] for a, r in zip(articles, final)}


def predicted_lines(texts: list[str], spans: list[tuple[int, int]]) -> list[bool]:
    """Which lines a finding covers (at least half of the line's characters)."""
    starts = line_starts(texts)
    covered = [0] * len(texts)
    for start, end in spans:
        i = bisect.bisect_right(starts, start) - 1
        covered[i] += end - start
    return [len(t.strip()) > 0 and covered[i] * 2 >= len(t.strip()) for i, t in enumerate(texts)]


def rule(text: str) -> bool:
    return len(text) < 40 or bool(KEYWORDS.search(text))


def justext_lines(lines: list[str]) -> list[bool]:
    import justext
    from langdetect import DetectorFactory, detect

    DetectorFactory.seed = 0
    names = {"en": "English", "de": "German", "pt": "Portuguese", "ru": "Russian", "it": "Italian", "id": "Indonesian", "ko": "Korean", "es": "Spanish", "fr": "French"}
    try:
        code = detect(" ".join(sorted(lines, key=len, reverse=True)[:30])[:5000])
    except Exception:  # langdetect raises on text without letters
        code = "en"
    try:
        stoplist, extra = justext.get_stoplist(names[code]), {}
    except (KeyError, ValueError):
        stoplist, extra = frozenset(), {"stopwords_low": 0, "stopwords_high": 0}
    doc = "<html><body>" + "".join(f"<p>{html.escape(t)}</p>" for t in lines) + "</body></html>"
    predicted = [True] * len(lines)
    for paragraph in justext.justext(doc.encode("utf-8"), stoplist, encoding="utf-8", **extra):
        match = re.search(r"/p\[(\d+)\]$", paragraph.xpath or "")
        if match and 0 <= int(match.group(1)) - 1 < len(lines):
            predicted[int(match.group(1)) - 1] = paragraph.is_boilerplate
    return predicted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-justext", action="store_true", help="skip the jusText baseline")
    args = parser.parse_args()
    pages = load_pages(args.data)

    methods: dict[str, Callable[[list[str]], list[bool]]] = {
        "rule: len < 40 or keyword": lambda ls: [rule(t) for t in ls],
        "rule-len: len < 40": lambda ls: [len(t) < 40 for t in ls],
    }
    if not args.no_justext:
        try:
            import justext  # noqa: F401

            methods["jusText on the plain lines"] = justext_lines
        except ImportError:
            print("(justext not installed: `pip install justext lxml_html_clean` to add its baseline)")

    halves = ("held-out", "fit", "all")
    counts: dict[tuple[str, str, str], list[int]] = {}
    speed = {}
    for view in ("article+5", "full"):
        texts = {}
        articles = []
        for page in pages:
            lines = [page["lines"][i]["text"] for i in views(page)[view]]
            texts[page["id"]] = lines
            articles.append(Article(id=page["id"], source=page["source"], text="\n".join(lines)))
        t0 = time.perf_counter()
        spans = run_detector(articles)
        elapsed = time.perf_counter() - t0
        t0 = time.perf_counter()
        for _ in range(20):
            for article in articles:
                article.text.splitlines()
        split_time = (time.perf_counter() - t0) / 20
        speed[view] = (sum(len(a.text.encode("utf-8")) for a in articles), elapsed, split_time)
        for page in pages:
            lines = texts[page["id"]]
            gold = [page["lines"][i]["label"] == "boilerplate" for i in views(page)[view]]
            predictions = {"quality (this detector)": predicted_lines(lines, spans[page["id"]])}
            for name, method in methods.items():
                predictions[name] = method(lines)
            predictions["all lines boilerplate"] = [True] * len(lines)
            half = "fit" if fit_half(page["source"]) else "held-out"
            for name, predicted in predictions.items():
                for h in (half, "all"):
                    c = counts.setdefault((view, name, h), [0, 0, 0])
                    for p, g in zip(predicted, gold):
                        c[0] += p and g
                        c[1] += p and not g
                        c[2] += (not p) and g

    n_sites = {h: len({p["source"] for p in pages if (fit_half(p["source"]) == (h == "fit"))}) for h in ("fit", "held-out")}
    print(f"pages {len(pages)}; sites: held-out {n_sites['held-out']}, fit {n_sites['fit']} (line-model weights fitted on the fit half only)")
    for view in ("article+5", "full"):
        print(f"\n### view `{view}`\n")
        print("| detector | " + " | ".join(f"{h} P | {h} R | {h} F1" for h in halves) + " |")
        print("|---|" + "---:|" * (3 * len(halves)))
        names = ["quality (this detector)", *methods, "all lines boilerplate"]
        for name in names:
            cells = []
            for h in halves:
                cells += [f"{v:.3f}" for v in prf_from_counts(*counts[(view, name, h)])]
            print(f"| {name} | " + " | ".join(cells) + " |")
        p, r, f = JUSTEXT_HTML_README[view]
        print(f"| jusText on the original HTML (README, all pages, not rerun) | | | | | | | {p:.3f} | {r:.3f} | {f:.3f} |")

    print("\n### speed (detector with corpus pass, one process)\n")
    for view, (size, elapsed, split_time) in speed.items():
        mb = size / 1e6
        print(
            f"- {view}: {mb:.2f} MB in {elapsed:.2f} s = {mb / elapsed:.2f} MB/s; "
            f"str.splitlines on the same text: {mb / split_time:.0f} MB/s; ratio {elapsed / split_time:.0f}x slower"
        )


if __name__ == "__main__":
    main()
