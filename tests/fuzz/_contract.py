"""Checks the fuzz harnesses share: the same contract the property tests hold every detector to."""

from __future__ import annotations

import math

from quality.model import DetectorResult, Finding


def check_finding(text: str, finding: Finding) -> None:
    if not 0 <= finding.start <= finding.end <= len(text):
        raise AssertionError(f"span {finding.start}:{finding.end} outside a text of {len(text)}")
    if finding.evidence != text[finding.start : finding.end]:
        raise AssertionError(f"evidence {finding.evidence!r} is not text[{finding.start}:{finding.end}]")
    line = text.count("\n", 0, finding.start) + 1
    col = finding.start - (text.rfind("\n", 0, finding.start) + 1) + 1
    if (finding.line, finding.col) != (line, col):
        raise AssertionError(f"{finding.rule}: line/col {finding.line}:{finding.col}, offsets say {line}:{col}")


def check_result(text: str, result: DetectorResult, rules: set[str]) -> None:
    if result.score is not None and (math.isnan(result.score) or not 0.0 <= result.score <= 1.0):
        raise AssertionError(f"score {result.score!r} outside [0, 1]")
    for finding in result.findings:
        check_finding(text, finding)
        if finding.rule not in rules:
            raise AssertionError(f"rule {finding.rule} is not the detector's")
