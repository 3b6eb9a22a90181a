"""Inline suppressions: an editor's way to say "I know, leave this one".

Two directives, written as HTML comments so that they never show in the published article::

    <!-- quality: ignore TRN001 -->          the next paragraph (codes or prefixes, comma or
    Plaza del Maidán en Kiev                 space separated; no code at all: every rule)

    <!-- quality: ignore-file BPL -->        the whole file

What "the next paragraph" means follows each format's notion of a paragraph: in a ``.txt`` draft
a line is a paragraph (scraped news puts one per line); in Markdown it runs to the next blank
line. A directive written after text on the same line covers that paragraph instead. Blank lines
and other comments between a directive and its paragraph are skipped, so directives stack.

A finding is covered when its first character lies in a covered line. Every directive records
what it suppressed; with ``--report-unused-ignores`` the ones that suppressed nothing are
reported (LNT001), as ruff reports unused ``noqa`` comments. Directives that cannot be read, or
that name no known rule, are always reported (LNT002): a typo must not pass for a suppression.
Comments inside front matter or fenced code are not directives.

``quality score`` and ``quality findings`` honour the same directives (:func:`file_suppressions`,
read by the loader into ``Article.suppressions``), so every output shows the same evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from quality.markdown import Line, lines_of
from quality.model import LineIndex, Suppression
from quality.rules import RULES

# ``quality:`` inside an HTML comment is what makes a directive; the rest is then checked strictly.
DIRECTIVE = re.compile(r"<!--\s*quality\s*:(?P<body>.*?)-->", re.IGNORECASE | re.DOTALL)
_BODY = re.compile(r"\s*(?P<kind>[A-Za-z][A-Za-z-]*)(?P<codes>(?:[\s,]+[A-Za-z0-9]+)*)[\s,]*$")
_SELECTOR = re.compile(r"^[A-Z]{3}\d{0,3}$")
KINDS = {"ignore": "line", "ignore-file": "file"}


def _without_comments(text: str) -> str:
    """``text`` without its ``<!-- … -->`` comments (an unclosed one stays). str.find, not a lazy
    regex: with no "-->" left, the regex rescanned to the end from every remaining "<!--"."""
    kept, position = [], 0
    start = text.find("<!--")
    while start != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        kept.append(text[position:start])
        position = end + 3
        start = text.find("<!--", position)
    kept.append(text[position:])
    return "".join(kept)


@dataclass
class Directive:
    """One suppression comment and what it covers."""

    kind: str  # "line" (the next paragraph) or "file"
    codes: tuple[str, ...]  # upper-case codes or prefixes; empty: every rule
    start: int  # the comment's span in the original file
    end: int
    first_line: int = 0  # covered lines (line directives); 0 when nothing follows
    last_line: int = 0
    used: set[str] = field(default_factory=set)  # selectors that suppressed something ("" = all)

    def matches(self, rule: str) -> str | None:
        """The selector that covers ``rule``, or None."""
        if not self.codes:
            return ""
        return next((code for code in self.codes if rule.upper().startswith(code)), None)

    def covers(self, rule: str, line: int) -> str | None:
        if self.kind == "line" and not self.first_line <= line <= self.last_line:
            return None
        return self.matches(rule)


@dataclass(frozen=True)
class Problem:
    """A directive that could not be used (LNT002), at the comment's span."""

    start: int
    end: int
    message: str


def parse_directives(
    original: str,
    excluded: Sequence[tuple[int, int]],
    paragraphs_span_lines: bool,
    is_known: Callable[[str], bool],
) -> tuple[list[Directive], list[Problem]]:
    """Every directive in ``original`` outside ``excluded``.

    ``paragraphs_span_lines`` is True for Markdown (a paragraph runs to a blank line);
    ``is_known(selector)`` says whether a code or prefix names any rule.
    """
    directives: list[Directive] = []
    problems: list[Problem] = []
    index = LineIndex(original)
    lines = list(lines_of(original))
    for match in DIRECTIVE.finditer(original):
        if any(a <= match.start() < b for a, b in excluded):
            continue
        body = _BODY.match(match["body"])
        kind = KINDS.get(body["kind"].lower()) if body else None
        if body is None or kind is None:
            shown = " ".join(match["body"].split())[:40]
            problems.append(Problem(match.start(), match.end(), f"not a directive: 'quality: {shown}'; write 'quality: ignore CODE' or 'quality: ignore-file CODE'"))
            continue
        selectors = tuple(dict.fromkeys(c.upper() for c in re.split(r"[\s,]+", body["codes"]) if c))
        unknown = [c for c in selectors if not _SELECTOR.match(c) or not is_known(c)]
        if unknown:
            problems.append(Problem(match.start(), match.end(), f"unknown rule code {', '.join(unknown)} in suppression; `quality rules` lists the codes"))
            selectors = tuple(c for c in selectors if c not in unknown)
            if not selectors:
                continue  # never widen a typo into "every rule"
        directive = Directive(kind, selectors, match.start(), match.end())
        if kind == "line":
            directive.first_line, directive.last_line = _covered_lines(original, lines, index, match.start(), match.end(), paragraphs_span_lines, excluded)
        directives.append(directive)
    return directives, problems


def _covered_lines(
    text: str,
    lines: Sequence[Line],
    index: LineIndex,
    start: int,
    end: int,
    paragraphs_span_lines: bool,
    excluded: Sequence[tuple[int, int]],
) -> tuple[int, int]:
    """The lines of the paragraph a line directive covers: the one it trails, or the next one."""
    comment_line = index.line_col(start)[0]
    trailing = bool(_without_comments(text[lines[comment_line - 1].start : start]).strip())
    if trailing:
        first = low = comment_line
        if paragraphs_span_lines:
            while low > 1 and lines[low - 2].content.strip() and not _only_comments(lines[low - 2].content):
                low -= 1
    else:
        end_line = index.line_col(end)[0]
        first = 0
        for number in range(end_line, len(lines) + 1):
            line = lines[number - 1]
            # On the comment's own last line, only what follows the comment counts.
            content = text[end : line.end] if number == end_line else line.content
            if not any(a <= line.start < b for a, b in excluded) and not _only_comments(content):
                first = number
                break
        if not first:
            return 0, 0
        low = first
    high = first
    if paragraphs_span_lines:
        while high < len(lines) and lines[high].content.strip():
            high += 1
    return low, high


def _only_comments(content: str) -> bool:
    return not _without_comments(content).strip()


def apply(
    findings: Iterable[tuple[str, int]],
    directives: Sequence[Directive],
) -> list[bool]:
    """For each (rule, line), whether a directive suppresses it; marks the directives used."""
    suppressed: list[bool] = []
    for rule, line in findings:
        hit = False
        for directive in directives:
            selector = directive.covers(rule, line)
            if selector is not None:
                directive.used.add(selector)
                hit = True
        suppressed.append(hit)
    return suppressed


def unused(directives: Sequence[Directive], enabled: set[str]) -> list[Problem]:
    """Directives (or codes in them) that suppressed nothing although their rules ran.

    A code whose rules are all turned off by ``--select``/``--ignore`` is not reported: the
    suppression may well be needed when they run again.
    """
    problems: list[Problem] = []
    for directive in directives:
        where = "in this file" if directive.kind == "file" else (f"on line {directive.first_line}" if directive.first_line == directive.last_line else f"on lines {directive.first_line}-{directive.last_line}")
        if directive.kind == "line" and not directive.first_line:
            problems.append(Problem(directive.start, directive.end, "unused suppression: no paragraph follows it"))
            continue
        if not directive.codes:
            if "" not in directive.used:
                problems.append(Problem(directive.start, directive.end, f"unused suppression: no finding {where}"))
            continue
        idle = [c for c in directive.codes if c not in directive.used and any(code.startswith(c) for code in enabled)]
        if idle:
            problems.append(Problem(directive.start, directive.end, f"unused suppression: no {', '.join(idle)} finding {where}"))
    return problems


def known_rule_selector(selector: str) -> bool:
    """Whether a code or prefix names a rule of the pipeline."""
    try:
        RULES.matching([selector])
    except KeyError:
        return False
    return True


def file_suppressions(original: str, excluded: Sequence[tuple[int, int]], markdown: bool) -> tuple[tuple[Suppression, ...], list[tuple[int, int]]]:
    """What ``quality score`` and ``findings`` honour of a file's directives, as lint does: the
    suppressions, and the spans of the directive comments (a plain-text file's comments are
    text to the detectors, so the loader blanks them). Directives lint would report as unreadable
    are ignored here; lint is where they are reported."""
    directives, problems = parse_directives(original, excluded, markdown, known_rule_selector)
    suppressions = tuple(Suppression(d.codes, d.first_line, d.last_line) for d in directives if d.kind == "file" or d.first_line)
    comments = [(d.start, d.end) for d in directives] + [(p.start, p.end) for p in problems]
    return suppressions, sorted(comments)
