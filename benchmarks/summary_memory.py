"""Memory of the corpus summaries keyed by vocabulary as a corpus of new text grows: in memory, or stored.

Translation's names and boilerplate's line counts are keyed by what the corpus says, so text
that keeps bringing new names and lines makes them grow with the corpus. This summarises
chunks of 512 articles as the two detectors do (names read as ``detect`` reads them), merges
them as the streaming engine does (a binary counter), and at each mark prints what the
process holds: Python's heap (``tracemalloc``), its resident memory, and the size of the
summaries' files on disk. Each way of holding the summaries runs in a fresh process:

- **memory**: no record folder (the in-memory ``analyze``, the Dask engine);
- **stored**: a record folder named, as a streamed ``quality score`` names one; a merged
  summary moves to an SQLite file once it holds more than ``--held`` articles.

The corpus is the distinct real documents of the shared sets (no variants: every article
brings its own names), or ``--corpus FILE.jsonl`` (``text`` and ``source`` fields). Beyond its
end come copies in which every name is replaced by an invented one, so that each copy brings
names never seen before: a worst case for a summary keyed by vocabulary, which real text,
repeating its names, approaches more slowly. Nothing is written into the repository.

    python benchmarks/summary_memory.py [SHARED_BENCHMARKS_DIR] --marks 2000,4000,8000 [--held N] [--corpus FILE.jsonl] [--modes stored]
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
from contextlib import nullcontext
from pathlib import Path
from typing import Callable

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import shared_path  # noqa: E402

CHUNK = 512


def texts(shared: Path, corpus: Path | None) -> Callable[[int], tuple[str, str]]:
    """Article ``k`` as (source, text): the corpus's, then copies of them with every name
    replaced by an invented one (copy ``c`` names people and places no copy before it named),
    made when asked so that the corpus itself is not held in memory."""
    if corpus is not None:
        with corpus.open(encoding="utf-8") as handle:
            docs = [(str(row.get("source") or "?"), row["text"]) for row in map(json.loads, handle)]
    else:
        from throughput import documents

        docs = documents(shared)
    return lambda k: docs[k] if k < len(docs) else _renamed(docs[k % len(docs)], k // len(docs))


_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def _renamed(doc: tuple[str, str], copy: int) -> tuple[str, str]:
    """The document with each capitalised word that is not a common English word replaced by
    an invented name, the same one wherever the word recurs in this copy."""
    from quality.detectors.translation.text import english_zipf

    def invented(match: re.Match) -> str:
        word = match.group()
        if english_zipf(word) >= 4.0:
            return word
        digest = hashlib.blake2b(f"{copy}:{word}".encode(), digest_size=8).digest()
        name = "".join(_SYLLABLES[b % len(_SYLLABLES)] for b in digest[: 2 + digest[7] % 3])
        return name.capitalize()

    return doc[0], _CAPITALISED.sub(invented, doc[1])


def child(mode: str, shared: Path, corpus: Path | None, marks: list[int], held: int | None) -> None:
    """One way of holding the summaries, measured in this process; one JSON line per mark."""
    from quality.detectors._stored import StoredSummary
    from quality.detectors.base import records_on_disk
    from quality.detectors.boilerplate import BoilerplateDetector
    from quality.detectors.translation.names import NameSummary, read_names
    from quality.model import Article

    article = texts(shared, corpus)
    if held is not None:
        NameSummary.held_articles = BoilerplateDetector.held_articles = held
    boilerplate = BoilerplateDetector()
    process = psutil.Process()
    folder = tempfile.mkdtemp(prefix="summary-memory-")
    levels: list[tuple[int, tuple]] = []  # the binary counter of merged chunks: (names, lines)

    def merged(parts: list[tuple]) -> tuple:
        return NameSummary.merged([p[0] for p in parts]), boilerplate.merge([p[1] for p in parts])

    tracemalloc.start()
    started = time.perf_counter()
    with records_on_disk(folder) if mode == "stored" else nullcontext():
        done = 0
        for mark in marks:
            while done < mark:
                chunk = [article(k) for k in range(done, min(done + CHUNK, mark))]
                names = NameSummary()
                for source, text in chunk:
                    names.add(source, read_names(text))
                lines = boilerplate.summarise([(Article(id=str(k), source=source, text=text), None) for k, (source, text) in enumerate(chunk)])
                done += len(chunk)
                level, summary = 0, (names, lines)
                while levels and levels[-1][0] == level:
                    summary = merged([levels.pop()[1], summary])
                    level += 1
                levels.append((level, summary))
            whole = merged([summary for _, summary in levels]) if len(levels) > 1 else levels[0][1]
            # Merging consumes stored parts: the whole replaces them, at a level no chunk reaches.
            levels[:] = [(marks[-1], whole)]
            gc.collect()
            files = [s for s in whole if isinstance(s, StoredSummary)]
            for stored in files:
                stored.db.commit()
            print(
                json.dumps(
                    {
                        "articles": done,
                        "heap": tracemalloc.get_traced_memory()[0],
                        "rss": process.memory_info().rss,
                        "file": sum(Path(s.path).stat().st_size for s in files),
                        "stored": [type(s).__name__ for s in files],
                        "seconds": time.perf_counter() - started,
                    }
                ),
                flush=True,
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", type=Path, default=shared_path("benchmarks"), help="the shared benchmarks folder")
    parser.add_argument("--marks", default="400,800,1600", help="corpus sizes at which to measure, comma-separated")
    parser.add_argument("--held", type=int, default=None, help="articles a merged summary holds in memory before it is stored (default: the library's)")
    parser.add_argument("--corpus", type=Path, default=None, help="a JSONL corpus to read instead of the shared documents")
    parser.add_argument("--modes", default="memory,stored", help="which ways of holding the summary to run (default: both)")
    parser.add_argument("--child", choices=["memory", "stored"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    marks = [int(m) for m in args.marks.split(",")]
    if args.child:
        child(args.child, args.shared, args.corpus, marks, args.held)
        return 0
    print(f"corpus: {args.corpus or 'distinct documents of ' + str(args.shared)}; marks {marks}; held {args.held or 'default'}")
    print(f"{'mode':8} {'articles':>8} {'heap MB':>8} {'RSS MB':>7} {'file MB':>8} {'heap B/art':>10} {'RSS B/art':>9} {'s':>6}")
    for mode in args.modes.split(","):
        argv = [sys.executable, __file__, str(args.shared), "--marks", args.marks, "--child", mode]
        argv += ["--held", str(args.held)] if args.held is not None else []
        argv += ["--corpus", str(args.corpus)] if args.corpus is not None else []
        out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
        rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        previous = None
        for row in rows:
            growth = ("", "")
            if previous is not None and row["articles"] > previous["articles"]:
                added = row["articles"] - previous["articles"]
                growth = (f"{(row['heap'] - previous['heap']) / added:.0f}", f"{(row['rss'] - previous['rss']) / added:.0f}")
            print(
                f"{mode:8} {row['articles']:>8} {row['heap'] / 2**20:>8.1f} {row['rss'] / 2**20:>7.1f} {row['file'] / 2**20:>8.1f}"
                f" {growth[0]:>10} {growth[1]:>9} {row['seconds']:>6.1f}"
            )
            previous = row
    print("(growth columns: bytes per article added since the previous mark)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
