"""Writing a lint report: for a person (text), for programs (JSON), for code scanning (SARIF) and
for GitHub Actions logs (workflow-command annotations).

Every format reports the same findings with the same positions: 1-based line and column counted
in characters (Unicode code points) of the file as written, as an editor's status bar counts
them. The SARIF run says so (``columnKind: unicodeCodePoints``), because SARIF's default would be
UTF-16 code units, which differ for text outside the Basic Multilingual Plane.

SARIF results carry the rule's stable code as ``ruleId`` and a content fingerprint in
``partialFingerprints`` (key ``qualityFinding/v1``), so that GitHub does not open a new alert
when a paragraph is added above an old finding. We do not fill ``primaryLocationLineHash``:
GitHub's upload step computes it from the file, and a value computed differently is reported as
inconsistent.
"""

from __future__ import annotations

import json
import unicodedata
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any
from urllib.parse import quote

from quality.lint.engine import LintFinding, LintReport
from quality.load import printable_path
from quality.model import Severity
from quality.rules import FAMILIES, Rule

REPORT_VERSION = 1  # the JSON report's schema version (docs/lint-report.schema.json)
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "qualityFinding/v1"
SOURCE_WIDTH = 100  # columns of a source line shown under a finding before it is cut

# SARIF and GitHub each name the three severities their own way.
SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}

# Terminal colours (SGR codes); only used when writing to a terminal or asked to.
_COLOUR = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36", "path": "1", "dim": "2", "help": "32"}


def tool_version() -> str:
    try:
        return version("quality")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


def render(report: LintReport, fmt: str, color: bool = False, show_source: bool = False) -> str:
    if fmt == "json":
        return to_json(report)
    if fmt == "sarif":
        return to_sarif(report)
    if fmt == "github":
        return to_github(report)
    return to_text(report, color=color, show_source=show_source)


# ---------------------------------------------------------------------------- text


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _one_line(text: str) -> str:
    return " ".join(text.split())


def to_text(report: LintReport, color: bool = False, show_source: bool = False) -> str:
    """``path:line:col: CODE [severity] message``, one finding a line; ``path: [error] message``
    for each path that gave no draft (so that a report saved with ``--output`` names it too);
    then a summary line. Paths are shown through :func:`~quality.load.printable_path`."""
    lines = [f"{_paint(printable_path(problem.path) + ':', _COLOUR['path'], color)} {_paint('[error]', _COLOUR[Severity.ERROR], color)} {_one_line(problem.message)}" for problem in report.problems]
    texts = {file.path: file.text for file in report.files}
    for finding in report.findings:
        where = _paint(f"{printable_path(finding.path)}:{finding.line}:{finding.col}:", _COLOUR["path"], color)
        code = _paint(finding.rule, _COLOUR[finding.severity], color)
        level = _paint(f"[{finding.severity.value}]", _COLOUR[finding.severity], color)
        lines.append(f"{where} {code} {level} {_one_line(finding.message)}")
        if show_source:
            lines.extend(source_excerpt(texts.get(finding.path, ""), finding, color))
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def summary(report: LintReport) -> str:
    counts = report.counts()
    files = len(report.files)
    findings = report.findings
    with_findings = len({f.path for f in findings})
    noun = "file" if files == 1 else "files"
    if findings:
        parts = ", ".join(f"{n} {level}{'s' if n != 1 and level != 'info' else ''}" for level, n in counts.items() if n)
        text = f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} ({parts}) in {with_findings} of {files} {noun}"
    else:
        text = f"No findings in {files} {noun}"
    extras = []
    suppressed = sum(file.suppressed for file in report.files)
    if suppressed:
        extras.append(f"{suppressed} suppressed")
    fixed = sum(file.fixed for file in report.files)
    if fixed:
        extras.append(f"{fixed} {'file' if fixed == 1 else 'files'} fixed")
    failed = sum(1 for file in report.files if file.error) + len(report.problems)
    if failed:
        extras.append(f"{failed} {'path' if failed == 1 else 'paths'} with errors (exit 2)")
    if report.failing and not report.settings.exit_zero:
        extras.append(f"failing on {report.settings.fail_on.value}")
    return text + (f"; {'; '.join(extras)}" if extras else "") + "."


def _cell(char: str) -> tuple[str, int]:
    """How a character shows in a terminal: its text and its width in columns."""
    if char == "\t":
        return "    ", 4
    category = unicodedata.category(char)
    if category in ("Cc", "Cf", "Zl", "Zp") or char in "\ufeff":
        shown = f"\\u{ord(char):04x}" if ord(char) > 0xFF else f"\\x{ord(char):02x}"
        return shown, len(shown)  # invisible or control: show it escaped, never raw
    if unicodedata.combining(char):
        return char, 0
    return char, 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def source_excerpt(text: str, finding: LintFinding, color: bool = False) -> list[str]:
    """The finding's first line with carets under its span, cut to a window around the span
    on long lines, then the suggested repair if there is one."""
    out: list[str] = []
    if finding.end > finding.start and text:
        line_start = finding.start - (finding.col - 1)
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end == -1 else line_end
        content = text[line_start:line_end].rstrip("\r")
        span_start = finding.col - 1
        span_end = min(len(content), span_start + (finding.end - finding.start)) if finding.end_line == finding.line else len(content)
        span_end = max(span_end, span_start + 1)
        cells = [_cell(c) for c in content]
        widths = [w for _, w in cells]
        # Window: start a little before the span, so that it and some context fit.
        lead = 0
        if sum(widths) > SOURCE_WIDTH:
            lead = span_start
            budget = SOURCE_WIDTH // 3
            while lead > 0 and budget - widths[lead - 1] >= 0:
                budget -= widths[lead - 1]
                lead -= 1
        shown, carets, used = [], [], 0
        cut_end = False
        for i in range(lead, len(cells)):
            piece, width = cells[i]
            if used + width > SOURCE_WIDTH:
                cut_end = True
                break
            shown.append(piece)
            mark = "^" if span_start <= i < span_end else " "
            carets.append(mark * max(width, 1 if mark == "^" and width == 0 else width))
            used += width
        prefix = "…" if lead else ""
        suffix = "…" if cut_end else ""
        gutter = " " * len(str(finding.line))
        marker = "".join(carets).rstrip() or "^"
        out.append(_paint(f" {gutter} |", _COLOUR["dim"], color))
        out.append(_paint(f" {finding.line} | ", _COLOUR["dim"], color) + prefix + "".join(shown) + suffix)
        out.append(_paint(f" {gutter} | ", _COLOUR["dim"], color) + " " * len(prefix) + _paint(marker, _COLOUR[finding.severity], color))
    if finding.suggestion:
        gutter = " " * len(str(finding.line))
        out.append(_paint(f" {gutter} = suggestion: {_one_line(finding.suggestion)}", _COLOUR["help"], color))
    return out


# ---------------------------------------------------------------------------- JSON


def finding_record(finding: LintFinding) -> dict[str, Any]:
    return {
        "path": finding.path,
        "rule": finding.rule,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message,
        "line": finding.line,
        "col": finding.col,
        "end_line": finding.end_line,
        "end_col": finding.end_col,
        "start": finding.start,
        "end": finding.end,
        "evidence": finding.evidence,
        "suggestion": finding.suggestion,
        "detector": finding.detector,
        "fingerprint": finding.fingerprint,
    }


def to_json(report: LintReport) -> str:
    """The report as one JSON document; its schema is docs/lint-report.schema.json (version 1)."""
    counts = report.counts()
    document = {
        "version": REPORT_VERSION,
        "tool": {"name": "quality", "version": tool_version()},
        "fail_on": report.settings.fail_on.value,
        "exit_code": report.exit_code,
        "summary": {
            "files": len(report.files),
            "files_with_findings": len({f.path for f in report.findings}),
            "findings": len(report.findings),
            **counts,
            "suppressed": sum(file.suppressed for file in report.files),
            "fixed": sum(file.fixed for file in report.files),
            "unreadable": sum(1 for file in report.files if file.error),
        },
        "files": [
            {"path": f.path, "source": f.source, "findings": len(f.findings), "suppressed": f.suppressed, "fixed": f.fixed, "error": f.error}
            for f in report.files
        ],
        "findings": [finding_record(f) for f in report.findings],
        "problems": [str(problem) for problem in report.problems],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------- SARIF


def artifact_location(path: str) -> dict[str, str]:
    """A relative path stays relative to the checkout (``%SRCROOT%``), which code scanning
    needs to place alerts; an absolute one becomes a ``file:`` URI."""
    candidate = Path(path)
    if candidate.is_absolute():
        return {"uri": candidate.as_uri()}
    return {"uri": quote(candidate.as_posix(), safe="/"), "uriBaseId": "%SRCROOT%"}


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    family = FAMILIES.get(rule.code[:3], "lint")
    markdown = "\n\n".join(
        part
        for part in (
            f"**{rule.code} ({rule.name})**: {rule.summary}",
            f"**Why it matters.** {rule.why}",
            "**Example**\n\n" + _fenced(rule.example),
            "**Instead**\n\n" + _fenced(rule.instead),
            f"**Known problems.** {rule.known_problems}" if rule.known_problems else "",
        )
        if part
    )
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "help": {"text": rule.outline(), "markdown": markdown},
        "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
        "properties": {"tags": ["quality", family], "precision": "high" if rule.severity is Severity.ERROR else "medium"},
    }


def _fenced(text: str) -> str:
    fence = "````" if "```" in text else "```"
    return f"{fence}text\n{text}\n{fence}"


def _message(finding: LintFinding) -> str:
    text = _one_line(finding.message)
    if finding.suggestion:
        text += f" (suggested: {_one_line(finding.suggestion)})"
    return text


def _region(finding: LintFinding, text: str) -> dict[str, Any]:
    if finding.end <= finding.start:
        # About the whole article (or a point): the line only, which every viewer can show.
        return {"startLine": finding.line}
    region: dict[str, Any] = {
        "startLine": finding.line,
        "startColumn": finding.col,
        "endLine": finding.end_line,
        "endColumn": finding.end_col,
        "charOffset": finding.start,
        "charLength": finding.end - finding.start,
    }
    if text:
        region["snippet"] = {"text": text[finding.start : finding.end]}
    return region


def to_sarif(report: LintReport) -> str:
    """A SARIF 2.1.0 log with one run, as GitHub code scanning accepts it."""
    rules = report.settings.rules()
    index = {rule.code: i for i, rule in enumerate(rules)}
    texts = {file.path: file.text for file in report.files}
    results = []
    for finding in report.findings:
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "level": SARIF_LEVEL[finding.severity],
            "kind": "fail",
            "message": {"text": _message(finding)},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(finding.path), "region": _region(finding, texts.get(finding.path, ""))}}],
            "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
            "properties": {"detector": finding.detector, "evidence": finding.evidence},
        }
        if finding.rule in index:
            result["ruleIndex"] = index[finding.rule]
        if finding.suggestion:
            result["properties"]["suggestion"] = finding.suggestion
        results.append(result)
    # What could not be read or checked (SARIF 2.1.0 §3.20.21): each names its path, and
    # executionSuccessful is false, so that a viewer does not take a partial run for a clean one.
    failures = [(str(problem), problem.path) for problem in report.problems]
    failures += [(f"{file.path}: {file.error}", file.path) for file in report.files if file.error]
    notifications = [
        {"level": "error", "message": {"text": text}, "locations": [{"physicalLocation": {"artifactLocation": artifact_location(path)}}]}
        for text, path in failures
    ]
    invocation: dict[str, Any] = {"executionSuccessful": report.exit_code != 2, "exitCode": report.exit_code}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "quality", "version": tool_version(), "semanticVersion": tool_version(), "rules": [_rule_descriptor(r) for r in rules]}},
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().resolve().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "invocations": [invocation],
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------- GitHub


def escape_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF would end or corrupt the command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as a message, plus the ``:`` and ``,`` that
    separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(report: LintReport) -> str:
    """``::error file=…,line=…,col=…::message`` lines that GitHub Actions shows as annotations.
    Paths are shown through :func:`~quality.load.printable_path`: GitHub's own escapes cover the
    line ends only, and a log is read by people."""
    lines = []
    for finding in report.findings:
        properties = [("file", printable_path(finding.path)), ("line", str(finding.line)), ("col", str(finding.col))]
        if finding.end > finding.start:
            properties.append(("endLine", str(finding.end_line)))
            if finding.end_line == finding.line:
                # GitHub's end column is the span's last character (inclusive).
                properties.append(("endColumn", str(max(finding.col, finding.end_col - 1))))
        properties.append(("title", f"{finding.rule} {finding.name}"))
        rendered = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
        lines.append(f"::{GITHUB_LEVEL[finding.severity]} {rendered}::{escape_data(_message(finding))}")
    for problem in report.problems:
        lines.append(f"::error ::{escape_data(printable_path(str(problem)))}")
    for file in report.files:
        if file.error:
            lines.append(f"::error file={escape_property(printable_path(file.path))}::{escape_data(file.error)}")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"
