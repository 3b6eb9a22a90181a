"""From a draft file to the prose the detectors read, with a way back to the file's positions.

Editors lint what they wrote: a ``.txt`` draft (one paragraph per line, as scraped news is) or a
Markdown draft with front matter, code, comments and markup. The detectors were designed on plain
prose, so for Markdown we hand them what a reader would see, and never let an offset drift:

* The prose view is built from the original text by **deleting** characters (front matter, fenced
  code, HTML comments, markup such as ``**``, ``# `` or ``](https://…)``) and by **replacing**
  single characters one for one (a soft line break inside a paragraph becomes a space, because
  that is how Markdown renders it and because the detectors treat a line as a paragraph).
  Nothing is ever inserted, so an :class:`OffsetMap` of kept slices maps every position of the
  prose back to the file, and line:col is always computed on the original file.
* Front matter (YAML between ``---`` lines, or TOML between ``+++`` lines) is read for metadata
  (``source``, ``date``, ``title``, ``url``, ``language``) and never linted.
* Fenced code blocks (`````` ``` `````` or ``~~~``, CommonMark rules for opening and closing) and
  inline code spans are dropped: code is not prose.

A ``.txt`` draft is taken as it is, except for ``<!-- quality: … -->`` directives, which the
caller removes with :func:`comment_removal`.

``quality score`` reads Markdown through :func:`read_view` instead: the same removals and soft
breaks, but each removed character becomes a space, so the article's offsets are the file's own
and need no map; lines and columns are counted on the file itself (``Article.layout``).

What is deliberately not done: indented code blocks, HTML blocks and tables are linted as text
(news drafts rarely use them, and a wrong guess would hide prose); entities such as ``&amp;`` stay
as written (replacing them would insert characters).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, NamedTuple, Sequence

import yaml

from quality.model import lone_cr_as_lf
from quality.spans import OffsetMap, Segment

# Markdown file suffixes we read as Markdown; anything else is plain text.
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

# Front-matter keys we read, and the article field each fills. ``outlet``/``publisher`` are what
# static-site generators' themes commonly call the source; ``lang`` is Hugo's spelling.
METADATA_KEYS: dict[str, str] = {
    "source": "source",
    "outlet": "source",
    "publisher": "source",
    "date": "date",
    "title": "title",
    "url": "url",
    "link": "url",
    "language": "language",
    "lang": "language",
}

_LINE = re.compile(r"[^\n]*\n|[^\n]+$")
# CommonMark fences: up to three spaces of indent, then three or more backticks or tildes.
_FENCE_OPEN = re.compile(r" {0,3}(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)$")
# Block markers removed from the start of a line (only outside code), matched at a position
# with ``pattern.match(line, pos)``, in the order they nest: quotes, then a list item or heading.
_TABLE_DELIMITER = re.compile(r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_BLOCKQUOTE = re.compile(r" {0,3}>[ \t]?")
_LIST_ITEM = re.compile(r" {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)")
_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]+|$)")
# (?<![ \t]): tried once per run of blanks, not at every blank (quadratic). The search starts
# right after _HEADING, which took every blank there, so no match is lost at the start.
_HEADING_CLOSE = re.compile(r"(?<![ \t])[ \t]+#+[ \t]*$")
# Whole lines that render as no text: thematic breaks and setext underlines.
# Three marks or more, each but the first after optional blanks, written without a repeated group
# (which backtracks quadratically on a long run of marks that ends in another character).
_RULE_LINE = re.compile(r"^ {0,3}(?:\*[ \t]*\*[ \t]*\*[* \t]*|-[ \t]*-[ \t]*-[- \t]*|_[ \t]*_[ \t]*_[_ \t]*|=+[ \t]*)$")
# Link reference definitions, ``[id]: https://…``, render as nothing.
_LINK_DEFINITION = re.compile(r" {0,3}\[[^\]\n]+\]:[ \t]*\S+")
# Inline constructs; each match says which parts to delete and which to keep.
# A maximal run of backticks: a code span runs from one to the next run of the same length.
_BACKTICKS = re.compile(r"(?<!`)`+(?!`)")
_AUTOLINK = re.compile(r"<(?=(?:https?|mailto|ftp):)[^<>\s]+>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_LINK = re.compile(
    r"(?P<open>!?\[)(?P<text>[^\[\]]*)"
    r"(?P<close>\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)|\]\[[^\[\]\n]*\])"
)
# Emphasis as (opening, closing) delimiters: a span runs from an opening delimiter to the next
# closing one of the same characters, with at least one character between them.
_STRONG = (re.compile(r"(?<![\w*])(\*\*|__)(?=\S)"), re.compile(r"(?<=\S)(?=(\*\*|__)(?![\w*]))"))
_EMPHASIS = (re.compile(r"(?<![\w*])([*_])(?=[^\s*_])"), re.compile(r"(?<=[^\s*_])(?=([*_])(?![\w*]))"))
_STRIKE = (re.compile(r"(~~)(?=\S)"), re.compile(r"(?<=\S)(?=(~~))"))
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
# A line that starts a new block, so the line break before it is not a soft break.
_BLOCK_START = re.compile(r" {0,3}(?:[-+*][ \t]|\d{1,9}[.)][ \t]|>|#{1,6}(?:[ \t]|$)|\||```|~~~)")
_HTML_COMMENT_OPEN, _HTML_COMMENT_CLOSE = "<!--", "-->"


@dataclass(frozen=True)
class Prose:
    """A draft ready to lint: the prose view, its map back, and what the file says about itself."""

    original: str
    text: str
    offsets: OffsetMap
    metadata: dict[str, str] = field(default_factory=dict)
    # Spans of the original that are not prose at all (front matter, fenced code): directives
    # inside them are not directives, and ``--fix`` leaves them alone.
    excluded: tuple[tuple[int, int], ...] = ()
    # Spans deleted from the prose (``excluded`` plus comments and markup).
    removed: tuple[tuple[int, int], ...] = ()
    front_matter: tuple[int, int] | None = None
    front_matter_error: tuple[int, int, str] | None = None  # span and message
    is_markdown: bool = False
    # Offsets of the original's soft line breaks, which the prose reads as spaces.
    soft_breaks: tuple[int, ...] = ()
    # Spans of the original's headings: structure the author wrote, never page furniture.
    headings: tuple[tuple[int, int], ...] = ()


class Line(NamedTuple):
    start: int  # offset of the line's first character
    end: int  # offset just after its content (before any CR and LF)
    newline: int  # offset of its LF, or -1 for a last line without one
    content: str  # the line without CR and LF


def lines_of(text: str, base: int = 0) -> Iterator[Line]:
    """Every line of ``text`` (offsets shifted by ``base``), ended by LF or CRLF; a lone CR
    has become LF before Markdown is read (:func:`~quality.model.lone_cr_as_lf`)."""
    for match in _LINE.finditer(text):
        raw = match.group()
        newline = match.end() - 1 if raw.endswith("\n") else -1
        content = raw[:-1] if newline != -1 else raw
        if content.endswith("\r"):
            content = content[:-1]
        start = base + match.start()
        yield Line(start, start + len(content), base + newline if newline != -1 else -1, content)


def _next_line_start(text: str, offset: int) -> int:
    newline = text.find("\n", offset)
    return len(text) if newline == -1 else newline + 1


# ---------------------------------------------------------------------------- front matter


def split_front_matter(text: str) -> tuple[tuple[int, int] | None, dict[str, str], tuple[int, int, str] | None]:
    """The front matter's span, the metadata it gives, and where and why it could not be read."""
    first = text.split("\n", 1)[0].rstrip("\r")
    if first.rstrip() not in ("---", "+++"):
        return None, {}, None
    marker = first.rstrip()
    closers = ("---", "...") if marker == "---" else ("+++",)
    offset = _next_line_start(text, 0)
    for line in lines_of(text[offset:], offset):
        if line.content.rstrip() in closers:
            body = text[offset : line.start]
            span = (0, _next_line_start(text, line.end))
            metadata, error = _parse_metadata(body, marker)
            if error is None:
                return span, metadata, None
            # Point at the line the parser complained about (the whole block if it did not say).
            line_number, message = error
            body_lines = list(lines_of(body, offset))
            if line_number is not None and line_number < len(body_lines):
                bad = body_lines[line_number]
                return span, {}, (bad.start, bad.end, message)
            return span, {}, (span[0], span[1], message)
    # An opening line without a closing one is a thematic break, not front matter (CommonMark).
    return None, {}, None


_TOML_WHERE = re.compile(r"\(at line (\d+), column \d+\)")


def _parse_metadata(body: str, marker: str) -> tuple[dict[str, str], tuple[int | None, str] | None]:
    """Metadata from the front matter's body, or (0-based line of the error, message)."""
    try:
        data = tomllib.loads(body) if marker == "+++" else yaml.safe_load(body)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).split("\n", 1)[0]
        context = getattr(exc, "context", None)
        detail = f"{problem} ({context})" if context else problem
        # Where the parser gave up; at the end of the block, where the unclosed thing began.
        marks = [getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)]
        body_lines = body.count("\n") + (0 if body.endswith("\n") or not body else 1)
        line = next((m.line for m in marks if m is not None and m.line < body_lines), None)
        return {}, (line, f"front matter is not valid YAML: {detail}")
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_WHERE.search(str(exc))
        detail = _TOML_WHERE.sub("", str(exc)).strip()
        return {}, (int(where.group(1)) - 1 if where else None, f"front matter is not valid TOML: {detail}")
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, (None, f"front matter is a {type(data).__name__}, not a table of keys")
    metadata: dict[str, str] = {}
    for key, value in data.items():
        target = METADATA_KEYS.get(str(key).lower())
        if target is None or target in metadata or not _is_scalar(value):
            continue
        text = value.isoformat() if isinstance(value, (_dt.date, _dt.datetime)) else str(value).strip()
        if text:
            metadata[target] = text
    return metadata, None


def _is_scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float, _dt.date, _dt.datetime)) and not isinstance(value, bool)


# ---------------------------------------------------------------------------- blocks


def fenced_code_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Whole-line spans of fenced code blocks from ``start`` on; an unclosed fence runs to the end."""
    spans: list[tuple[int, int]] = []
    open_fence: tuple[int, str] | None = None  # (start offset, fence string)
    for line in lines_of(text[start:], start):
        if open_fence is None:
            match = _FENCE_OPEN.match(line.content)
            if match and not (match["fence"][0] == "`" and "`" in match["info"]):
                open_fence = (line.start, match["fence"])
            continue
        fence = open_fence[1]
        closing = line.content.lstrip(" ").rstrip()
        indent = len(line.content) - len(line.content.lstrip(" "))
        if indent <= 3 and len(closing) >= len(fence) and closing == fence[0] * len(closing):
            spans.append((open_fence[0], _next_line_start(text, line.end)))
            open_fence = None
    if open_fence is not None:
        spans.append((open_fence[0], len(text)))
    return spans


def table_spans(text: str, excluded: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Whole-line spans of pipe tables (a row with ``|``, a delimiter row such as ``|---|:--:|``,
    then rows up to a blank line or a line without ``|``) outside ``excluded``. A table is data,
    like code: its rows are no sentences to attribute or read, and their shortness would make
    them read as page furniture."""
    spans: list[tuple[int, int]] = []
    previous = None  # the line before, a possible header row
    table_start = -1
    for line in lines_of(text):
        piped = "|" in line.content and not _inside(line.start, excluded)
        if table_start != -1:
            if piped and line.content.strip():
                previous = line
                continue
            spans.append((table_start, line.start))
            table_start = -1
        if piped and previous is not None and _TABLE_DELIMITER.match(line.content):
            table_start = previous.start
        previous = line if piped else None
    if table_start != -1:
        spans.append((table_start, len(text)))
    return spans


def html_comment_spans(text: str, excluded: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Spans of ``<!-- … -->`` comments that start outside ``excluded`` spans."""
    spans = []
    # str.find, not a lazy regex: with no "-->" left, the regex scanned to the end of the text
    # from every remaining "<!--" (quadratic); here the first failure ends the search.
    start = text.find(_HTML_COMMENT_OPEN)
    while start != -1:
        end = text.find(_HTML_COMMENT_CLOSE, start + len(_HTML_COMMENT_OPEN))
        if end == -1:
            break
        end += len(_HTML_COMMENT_CLOSE)
        if not _inside(start, excluded):
            spans.append((start, end))
        start = text.find(_HTML_COMMENT_OPEN, end)
    return spans


def comment_removal(text: str, start: int, end: int) -> tuple[int, int]:
    """What to delete for the comment ``text[start:end]`` so that the prose reads as published:
    a comment alone on its line(s) takes the line with it; one inside a line takes the blanks
    on one side, so that ``word <!-- x --> word`` reads ``word word``."""
    left = start
    while left > 0 and text[left - 1] in " \t":
        left -= 1
    right = end
    while right < len(text) and text[right] in " \t\r":
        right += 1
    at_line_start = left == 0 or text[left - 1] == "\n"
    at_line_end = right == len(text) or text[right] == "\n"
    if at_line_start and at_line_end:
        return left, min(len(text), right + 1)
    if at_line_start:
        return start, right
    if at_line_end:
        return left, right
    return left, end


def _inside(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in spans)


# ---------------------------------------------------------------------------- inline markup


def markup_spans(text: str, excluded: Sequence[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[int], list[tuple[int, int]]]:
    """Markdown syntax to delete, the line feeds that are soft breaks (to become spaces), and the
    spans of headings (``# Title`` lines, and setext titles with their ``===``/``---`` line).

    Block syntax is found line by line on lines outside ``excluded``; inline syntax paragraph by
    paragraph, because emphasis and code spans may run over a line break. Only characters that
    render as nothing are deleted, so the prose keeps every word the reader sees. A soft break
    joins two lines of one paragraph, as Markdown renders them; the detectors then see one
    paragraph per line, the convention of scraped news they were built on.
    """
    removals: list[tuple[int, int]] = []
    soft_breaks: list[int] = []
    headings: list[tuple[int, int]] = []
    paragraph: list[tuple[int, int]] = []  # inline content of each line of the open paragraph
    previous: tuple[int, int, bool] | None = None  # (LF, quote depth, hard break) of the last line

    def close_paragraph() -> None:
        nonlocal previous
        if paragraph:
            removals.extend(_paragraph_markup(text, paragraph))
            paragraph.clear()
        previous = None

    for line in lines_of(text):
        content = line.content
        if _inside(line.start, excluded):
            close_paragraph()
            continue
        if line.newline > line.end:  # CRLF: the CR goes, the LF stays (or becomes a space)
            removals.append((line.end, line.newline))
        if not content.strip():
            close_paragraph()
            continue
        if _RULE_LINE.match(content) or _LINK_DEFINITION.match(content):
            if paragraph and content.strip()[0] in "=-":  # the underline of a setext heading
                headings.append((paragraph[0][0], line.end))
            removals.append((line.start, _next_line_start(text, line.end)))
            close_paragraph()
            continue
        offset = depth = 0
        while match := _BLOCKQUOTE.match(content, offset):
            removals.append((line.start + offset, line.start + match.end()))
            offset, depth = match.end(), depth + 1
        if previous is not None and depth == previous[1] and not _BLOCK_START.match(content, offset):
            if not previous[2]:
                soft_breaks.append(previous[0])
        else:
            close_paragraph()
        heading = _HEADING.match(content, offset)
        if heading:
            headings.append((line.start, line.end))
        marker = heading or _LIST_ITEM.match(content, offset)
        if marker:
            removals.append((line.start + offset, line.start + marker.end()))
            offset = marker.end()
        end = len(content)
        if heading and (closing := _HEADING_CLOSE.search(content, offset)):
            removals.append((line.start + closing.start(), line.start + closing.end()))
            end = closing.start()
        hard_break = content.endswith("  ") or content.endswith("\\")
        if content.endswith("\\"):
            removals.append((line.end - 1, line.end))
            end -= 1
        paragraph.append((line.start + offset, line.start + max(offset, end)))
        if heading or line.newline == -1:
            close_paragraph()  # a heading is a paragraph of one line
        else:
            previous = (line.newline, depth, hard_break)
    close_paragraph()
    return removals, soft_breaks, headings


def _paragraph_markup(text: str, parts: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Inline syntax of one paragraph, given the original spans of its lines' inline content."""
    pieces: list[str] = []
    positions: list[int] = []  # original offset of each character of the joined paragraph
    for number, (start, end) in enumerate(parts):
        if number:
            pieces.append("\n")
            positions.append(parts[number - 1][1])
        pieces.append(text[start:end])
        positions.extend(range(start, end))
    return [(positions[a], positions[b - 1] + 1) for a, b in _inline_markup("".join(pieces)) if b > a]


def _inline_markup(content: str) -> list[tuple[int, int]]:
    """Inline syntax in a paragraph (lines joined by LF): code spans go whole; links, emphasis
    and tags lose their delimiters and keep their text. Spans are offsets into ``content``."""
    removals: list[tuple[int, int]] = []
    protected = bytearray(len(content) + 1)  # 1 inside code spans, URLs, delimiters: not markup

    def free(*spans: tuple[int, int]) -> bool:
        return all(protected.find(1, a, b) == -1 for a, b in spans)

    def protect(a: int, b: int) -> None:
        protected[a:b] = b"\x01" * (b - a)

    def delete(*spans: tuple[int, int]) -> None:
        removals.extend(spans)

    for start, end in _code_spans(content):
        protect(start, end)
        # Take one neighbouring blank with the span, so that ``a `x` b`` reads ``a b``.
        if start > 0 and content[start - 1] in " \t\n" and (end == len(content) or content[end] in " \t\n"):
            start -= 1
        delete((start, end))
    for match in _ESCAPE.finditer(content):
        if free(match.span()):  # the backslash goes; the character it escapes is plain text
            delete(match.span())
            protect(match.start(), match.end() + 1)
    for match in _AUTOLINK.finditer(content):
        if free(match.span()):
            delete((match.start(), match.start() + 1), (match.end() - 1, match.end()))
            protect(*match.span())
    for match in _HTML_TAG.finditer(content):
        if free(match.span()):
            delete(match.span())
            protect(*match.span())
    for match in _LINK.finditer(content):
        if free(match.span("open"), match.span("close")):
            delete(match.span("open"), match.span("close"))
            protect(*match.span("close"))
    for opener, closer in (_STRONG, _STRIKE, _EMPHASIS):
        for opening, closing in _delimited(content, opener, closer):
            if free(opening, closing):
                delete(opening, closing)
                protect(*opening)
                protect(*closing)
    return removals


def _code_spans(content: str) -> Iterator[tuple[int, int]]:
    """Each code span: a run of backticks, to the next run of the same length. Runs are grouped
    by length first, so a paragraph of unclosed backticks costs one pass, not one per run."""
    runs = [match.span() for match in _BACKTICKS.finditer(content)]
    later: dict[int, list[int]] = {}  # run length -> the runs of that length not yet passed, last first
    for index in reversed(range(len(runs))):
        later.setdefault(runs[index][1] - runs[index][0], []).append(index)
    done = 0
    for start, end in runs:
        same = later[end - start]
        same.pop()  # this run itself; the next of its length (if any) is now same[-1]
        if start >= done and same:
            done = runs[same[-1]][1]
            yield start, done


def _delimited(content: str, opener: re.Pattern[str], closer: re.Pattern[str]) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """(opening, closing) delimiter spans, as a lazy ``OPEN(.+?)CLOSE`` regex would pair them
    left to right, but in linear time: every closing delimiter is found once, and each opening
    one takes the first that follows it (the regex would scan to the paragraph's end for each
    opening delimiter that never closes)."""
    closings: dict[str, list[int]] = {}
    for match in closer.finditer(content):
        closings.setdefault(match.group(1), []).append(match.start())
    position = 0
    while match := opener.search(content, position):
        delimiter = match.group(1)
        candidates = closings.get(delimiter, [])
        after = bisect.bisect_left(candidates, match.end() + 1)
        if after == len(candidates):
            position = match.start() + 1
            continue
        close = candidates[after]
        yield match.span(), (close, close + len(delimiter))
        position = close + len(delimiter)


# ---------------------------------------------------------------------------- assembling


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def build_prose(original: str, removals: Iterable[tuple[int, int]], spaces: Iterable[int] = ()) -> tuple[str, OffsetMap, list[tuple[int, int]]]:
    """Delete ``removals`` from ``original`` and turn the characters at ``spaces`` into spaces."""
    removed = merge_spans(removals)
    chars = list(original)
    for offset in spaces:
        chars[offset] = " "
    pieces: list[str] = []
    segments: list[Segment] = []
    position = 0
    cursor = 0
    for start, end in [*removed, (len(original), len(original))]:
        if start > cursor:
            pieces.append("".join(chars[cursor:start]))
            segments.append(Segment(position, cursor, start - cursor))
            position += start - cursor
        cursor = max(cursor, end)
    if not segments:
        # Nothing kept: every position maps to where the prose would have begun.
        first_kept = removed[0][1] if removed and removed[0][0] == 0 else 0
        segments.append(Segment(0, min(first_kept, len(original)), 0))
    return "".join(pieces), OffsetMap(segments, len(original)), removed


def prepare(original: str, markdown: bool, extra_removals: Iterable[tuple[int, int]] = ()) -> Prose:
    """The prose view of a draft. ``extra_removals`` are deleted too (the directive comments of a
    plain-text draft, which the caller finds)."""
    extra = list(extra_removals)
    # Read with lone CRs as LF (same length): a CR-only file's lines are lines.
    reading = lone_cr_as_lf(original)
    if not markdown:
        text, offsets, removed = build_prose(reading, extra)
        return Prose(original, text, offsets, removed=tuple(removed))
    front, metadata, error = split_front_matter(reading)
    body_start = front[1] if front else 0
    code = ([front] if front else []) + fenced_code_spans(reading, body_start)
    excluded = merge_spans(code + table_spans(reading, code))
    comments = [comment_removal(reading, a, b) for a, b in html_comment_spans(reading, excluded)]
    markup, soft_breaks, headings = markup_spans(reading, merge_spans(excluded + comments))
    removals = excluded + comments + markup + extra
    text, offsets, removed = build_prose(reading, removals, soft_breaks)
    return Prose(
        original,
        text,
        offsets,
        metadata=metadata,
        excluded=tuple(merge_spans(excluded)),
        removed=tuple(removed),
        front_matter=front,
        front_matter_error=error,
        is_markdown=True,
        soft_breaks=tuple(soft_breaks),
        headings=tuple(headings),
    )


def is_markdown_name(name: str) -> bool:
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def read_view(original: str) -> tuple[str, dict[str, str]]:
    """A Markdown file as ``quality score`` reads it, and the front matter's metadata. Every
    character that :func:`prepare` removes (front matter, fenced code, HTML comments, markup)
    becomes a space, as does a soft line break inside a paragraph (the detectors read a line
    as a paragraph); other line breaks stay. Nothing moves, so offsets stay the file's, and
    lines and columns are counted on the file (``Article.layout``)."""
    prose = prepare(original, markdown=True)
    return view_of(prose), prose.metadata


def view_of(prose: Prose) -> str:
    """The same-length view :func:`read_view` gives, from a Markdown file's prepared prose."""
    chars = list(lone_cr_as_lf(prose.original))
    for start, end in prose.removed:
        for offset in range(start, end):
            if chars[offset] not in "\r\n":
                chars[offset] = " "
    for offset in prose.soft_breaks:
        chars[offset] = " "
    return "".join(chars)
