"""Reading the PolNeAR sentence set (see its README) for the attribution benchmarks.

The set gives sentences with their offsets into the original article, not the articles. We
rebuild each article by placing every sentence at its offset and filling the gaps between them,
which the converter guarantees are white space only: a one-character gap becomes a space, a
longer one a paragraph break (``"\\n\\n"`` padded with spaces). The rebuilt text therefore has the
same offsets as the original, so gold sentence spans and detector spans can be compared directly.
Nothing from the set is written anywhere.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from _common import shared_path

DEFAULT_DATA = shared_path("benchmarks", "attribution", "sentences.jsonl")


@dataclass
class Document:
    doc_id: str
    split: str
    publisher: str
    text: str
    gold: list[dict]  # the set's rows for this article, in order


def load_rows(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def documents(rows: list[dict], splits: set[str] | None = None) -> list[Document]:
    """Articles rebuilt from their sentences, in the set's order."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if splits is None or row["split"] in splits:
            by_doc[row["doc_id"]].append(row)
    docs = []
    for doc_id, gold in by_doc.items():
        gold.sort(key=lambda r: r["start"])
        parts: list[str] = []
        cursor = 0
        for row in gold:
            gap = row["start"] - cursor
            if gap == 1:
                parts.append(" ")
            elif gap > 1:
                parts.append("\n\n" + " " * (gap - 2))
            parts.append(row["text"])
            cursor = row["end"]
        text = "".join(parts)
        assert all(text[r["start"] : r["end"]] == r["text"] for r in gold)
        docs.append(Document(doc_id, gold[0]["split"], gold[0]["publisher"], text, gold))
    return docs
