"""Write a seed corpus for the harnesses: every rule's own examples, the sample corpus, and
small files of each supported type.

    python tests/fuzz/make_seeds.py DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from quality.rules import RULES  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def main(target: Path) -> None:
    (target / "detectors").mkdir(parents=True, exist_ok=True)
    (target / "load").mkdir(parents=True, exist_ok=True)
    texts: list[str] = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "sample_corpus").glob("*.txt"))]
    texts += RULES.example_texts()
    for k, text in enumerate(texts):
        (target / "detectors" / f"seed-{k:04d}").write_bytes(text.encode("utf-8", "surrogatepass"))
    tables = [
        (0, "Plain text.\n".encode()), (0, "Texte en UTF-16.".encode("utf-16")), (1, b"# Title\n\nBody.\n"),
        (2, "\n".join(json.dumps({"text": t, "source": "s"}) for t in texts[:3]).encode()),
        (3, b'text,source\n"One, two.",p\nThree.,q\n'), (3, b"text;source\nA;b\n"),
    ]  # fmt: skip
    for k, (suffix_index, body) in enumerate(tables):
        (target / "load" / f"seed-{k:04d}").write_bytes(bytes([suffix_index]) + body)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
