"""Fuzz every detector, the whole pipeline and the repairs with atheris (coverage-guided).

    python tests/fuzz/fuzz_detectors.py -max_total_time=300 [CORPUS_DIR]

Each input becomes one text (arbitrary Unicode, lone surrogates included). Every detector in
``DETECTOR_CLASSES`` must return a result that keeps the contract (spans inside the text,
evidence equal to ``text[start:end]``, line/col agreeing with the offsets, score in [0, 1]);
``fix_text`` and ``strip_boilerplate`` must be idempotent. Any exception is a crash: atheris
writes the input to ``crash-*``; turn it into a case in tests/test_hostile_input.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path[:0] = [str(Path(__file__).resolve().parents[2]), str(Path(__file__).parent)]

with atheris.instrument_imports(include=["quality"]):
    import quality
    from quality.config import Config
    from quality.model import Article
    from quality.pipeline import analyze, build_detectors

from _contract import check_finding, check_result  # noqa: E402

DETECTORS = build_detectors(Config())
RULES_OF = {d.name: {r.code for r in d.rules} for d in DETECTORS}
REPAIRS = [getattr(quality, name) for name in ("fix_text", "strip_boilerplate") if hasattr(quality, name)]


def one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    text = provider.ConsumeUnicode(len(data))
    article = Article(id="f", source="s", text=text)
    for detector in DETECTORS:
        check_result(text, detector.detect(article), RULES_OF[detector.name])
    for result in analyze([article]):
        if result.error and "failed" in result.error:  # a detector or its corpus pass raised
            raise AssertionError(result.error)
        for finding in result.findings:
            check_finding(text, finding)
    for repair in REPAIRS:
        once = repair(text)
        if repair(once) != once:
            raise AssertionError(f"{repair.__name__} is not idempotent")


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
