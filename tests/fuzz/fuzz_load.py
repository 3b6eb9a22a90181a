"""Fuzz the loaders with atheris (coverage-guided): any bytes, as any supported file type.

    python tests/fuzz/fuzz_load.py -max_total_time=300 [CORPUS_DIR]

The first byte picks the suffix (.txt, .md, .jsonl, .csv, .parquet); the rest is the file.
Loading must never raise, must yield at least one item (an article or an error row), and every
article read from a file must be valid Unicode (writable as UTF-8). ``decode_bytes`` may raise
``DecodeError`` and nothing else.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

with atheris.instrument_imports(include=["quality.load"]):
    from quality.load import DecodeError, decode_bytes, load_paths
    from quality.model import Article
    from quality.pipeline import LoadError

SUFFIXES = (".txt", ".md", ".jsonl", ".csv", ".parquet")
FOLDER = Path(tempfile.mkdtemp(prefix="fuzz-load-"))


def one_input(data: bytes) -> None:
    if not data:
        return
    suffix, body = SUFFIXES[data[0] % len(SUFFIXES)], data[1:]
    try:
        decode_bytes(body)
    except DecodeError:
        pass
    path = FOLDER / f"input{suffix}"
    path.write_bytes(body)
    items = list(load_paths([path]))
    if not items:
        raise AssertionError("a file yielded no item at all")
    for item in items:
        if not isinstance(item, (Article, LoadError)):
            raise AssertionError(f"unexpected item {item!r}")
        if isinstance(item, Article):
            item.text.encode("utf-8")  # raises on lone surrogates


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
