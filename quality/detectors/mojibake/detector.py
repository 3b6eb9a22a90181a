"""The mojibake detector for the pipeline, and the encoding-integrity score.

Score
-----
``encoding_integrity = 1 - sqrt(min(1, D / N))``, where ``N`` is the article's length in
characters and ``D`` the damaged characters: the characters inside findings, counted once
each, weighted 1 for error findings and 0.5 for warnings. The square root makes the first
damage visible (one 2-character mojibake in a 5,000-character article scores 0.98, a broken
30-character caption 0.92) while still telling a single broken caption from a wholly garbled
page (which scores near 0).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from typing import Iterable, Sequence

from quality.detectors.base import Detector
from quality.detectors.mojibake import _tables as T
from quality.detectors.mojibake._engine import (
    DOUBLE_BYTE_CODE,
    LAYERED_CODE,
    SINGLE_BYTE_CODE,
    Damage,
    Engine,
)
from quality.detectors.mojibake.rules import MOJIBAKE_RULES
from quality.model import Article, DetectorResult, Finding, Severity
from quality.rules import RULES

SEVERITY_WEIGHT = {Severity.ERROR: 1.0, Severity.WARNING: 0.5, Severity.INFO: 0.0}


class MojibakeDetector(Detector):
    """Finds encoding damage; scores ``encoding_integrity`` (see the module docstring)."""

    name = "mojibake"
    dimension = "encoding_integrity"
    rules = MOJIBAKE_RULES

    def __init__(self, min_gain: float = T.MIN_GAIN, word_frequencies: bool = True) -> None:
        """``min_gain``: how much less surprising a repair must make its word to be accepted
        (higher: fewer, surer findings). ``word_frequencies``: let ``wordfreq`` choose between
        readings that assume a lost byte."""
        self.engine = Engine(min_gain=min_gain, use_wordfreq=word_frequencies)

    def detect(self, article: Article) -> DetectorResult:
        text = article.text
        damages = self.engine.find(text)
        make = self.findings_for(article)
        ordered = sorted(damages, key=_start)
        findings = tuple(make(d.code, d.start, d.end, describe(d, text, ordered), suggestion=d.repair) for d in damages)
        codecs = sorted({c for d in damages if d.code in (SINGLE_BYTE_CODE, DOUBLE_BYTE_CODE, LAYERED_CODE) for c in d.codecs})
        metrics = {
            "damaged_chars": _damaged_chars(findings),
            "repairable": sum(1 for d in damages if d.repair is not None),
            "codecs": ",".join(codecs),
        }
        return DetectorResult(score=encoding_integrity(len(text), findings), findings=findings, metrics=metrics)


def encoding_integrity(length: int, findings: Iterable[Finding]) -> float:
    """``1 - sqrt(min(1, D / N))`` (module docstring): 1.0 for undamaged text."""
    if length <= 0:
        return 1.0
    damaged = _weighted_damage(findings)
    return 1.0 - math.sqrt(min(1.0, damaged / length))


def _weighted_damage(findings: Iterable[Finding]) -> float:
    """Damaged characters counted once each, at the highest weight of the findings on them."""
    weight_at: dict[int, float] = {}
    for f in findings:
        weight = SEVERITY_WEIGHT[f.severity]
        for pos in range(f.start, max(f.end, f.start + 1)):
            if weight > weight_at.get(pos, 0.0):
                weight_at[pos] = weight
    return sum(weight_at.values())


_WORD_REACH = 30  # characters of the surrounding word shown in a message, each way
_TRAILING_MARKS = ".,;:!?)]}\"'”’»"  # punctuation after a word, left out of the word a message shows


def _in_word(text: str, d: Damage, damages: Sequence[Damage] = ()) -> tuple[str, str]:
    """The damaged span with the rest of its word around it, before and after repair. Every
    repairable damage within the word is repaired (``damages``, sorted by start): "brÃ»lÃ©e"
    should read "brûlée", whichever of its two damages the finding marks."""
    start = d.start
    while start > 0 and d.start - start < _WORD_REACH and not text[start - 1].isspace():
        start -= 1
    end = d.end
    while True:  # to the word's end; a space inside another damage ("Ã" + " " + U+0308) is not one
        while end < len(text) and end - d.end < _WORD_REACH and not text[end].isspace():
            end += 1
        straddling = [o.end for o in damages[bisect_left(damages, start, key=_start) : bisect_right(damages, end, key=_start)] if o.start < end < o.end]
        if not straddling or end - d.end >= _WORD_REACH:
            break
        end = max(straddling)
    near = damages[bisect_left(damages, start, key=_start) : bisect_right(damages, end, key=_start)]
    inside = sorted([o for o in near if o.end <= end and o.repair is not None and o is not d] + [d], key=_start)
    last = max(o.end for o in inside)
    while end > last and text[end - 1] in _TRAILING_MARKS:
        end -= 1
    repaired, at = [], start
    for o in inside:
        if o.start < at:  # overlaps one already repaired
            continue
        repaired += [text[at : o.start], o.repair if o.repair is not None else text[o.start : o.end]]
        at = o.end
    return text[start:end], "".join(repaired) + text[at:end]


def _damaged_chars(findings: Iterable[Finding]) -> int:
    return len({pos for f in findings for pos in range(f.start, max(f.end, f.start + 1))})


def _start(d: Damage) -> int:
    return d.start


def describe(d: Damage, text: str, damages: Sequence[Damage] = ()) -> str:
    """A one-line message for a finding (its rule's template): what the damage is and what its
    word should read, with the other ``damages`` in that word repaired too."""
    span = text[d.start : d.end]
    misdecoded = d.code in (SINGLE_BYTE_CODE, DOUBLE_BYTE_CODE, LAYERED_CODE)
    word, repaired = _in_word(text, d, damages) if misdecoded else (span, d.repair)
    message = RULES[d.code].message_for(
        span=span, word=word, repaired=repaired, codec=d.codecs[0] if d.codecs else "", chain=d.chain,
        times=len(d.codecs), repair=d.repair, point=ord(span[0]) if span else 0, control=d.note or repr(span),
    )  # fmt: skip
    return f"{message}; {d.note}" if misdecoded and d.note else message
