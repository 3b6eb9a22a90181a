"""Draft files: finding them, reading them into a prose view with their directives, and
writing ``--fix`` repairs back.

A draft is read as the loader reads text (UTF-8, or UTF-16/32 with a byte-order mark); the
encoding and mark are remembered so that a repaired file is written back as it was, atomically.
"""

from __future__ import annotations

import fnmatch
import importlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from quality.lint import suppress
from quality.lint.lint_rules import LINT_RULES, is_lint_code
from quality.lint.markdown import Prose, comment_removal, html_comment_spans, lines_of, merge_spans, prepare
from quality.lint.settings import LintUsageError
from quality.load import DecodeError, decode_bytes
from quality.rules import RULES

DRAFT_SUFFIXES = (".txt", ".md", ".markdown", ".mdown", ".mkd")
TABLE_SUFFIXES = (".jsonl", ".csv", ".parquet")
STDIN = "-"

@dataclass(frozen=True)
class Target:
    shown: str
    path: Path | None  # None: standard input
    root: Path | None = None  # the folder it was found under, for its default source


def discover(paths: Sequence[str], exclude: Sequence[str], stdin_name: str | None = None) -> tuple[list[Target], list[str]]:
    """The drafts named or found under ``paths``, in a stable order, and the paths that failed.

    Excluded patterns apply to named files too, so that pre-commit (which names every file)
    honours ``exclude``. Hidden files and folders are skipped when walking a folder.
    """
    targets: list[Target] = []
    problems: list[str] = []
    seen: set[Path] = set()
    for raw in paths:
        if raw == STDIN:
            targets.append(Target(stdin_name or STDIN, None))
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DRAFT_SUFFIXES and not any(part.startswith(".") for part in p.relative_to(path).parts))
            for file in found:
                if not _excluded(file, exclude) and file.resolve() not in seen:
                    seen.add(file.resolve())
                    targets.append(Target(_shown(file), file, path))
        elif path.is_file():
            if path.suffix.lower() in TABLE_SUFFIXES:
                problems.append(f"{raw}: lint reads drafts (.txt, .md); use `quality findings` for {path.suffix} tables")
            elif not _excluded(path, exclude) and path.resolve() not in seen:
                seen.add(path.resolve())
                targets.append(Target(_shown(path), path))
        else:
            problems.append(f"{raw}: no such file or folder")
    return targets, problems


def _excluded(path: Path, patterns: Sequence[str]) -> bool:
    shown = _shown(path)
    return any(fnmatch.fnmatch(shown, p) or fnmatch.fnmatch(path.name, p) or any(fnmatch.fnmatch(part, p) for part in path.parts) for p in patterns)


def _shown(path: Path) -> str:
    """A path as the user will see it: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix() if path.is_absolute() else path.as_posix()
    except ValueError:
        return path.as_posix()


# ---------------------------------------------------------------------------- reading


@dataclass
class Draft:
    target: Target
    prose: Prose | None = None
    directives: list[suppress.Directive] = field(default_factory=list)
    directive_problems: list[suppress.Problem] = field(default_factory=list)
    codec: str = "utf-8"
    bom: bytes = b""
    error: str | None = None
    fixed: bool = False


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _known_selector(selector: str) -> bool:
    if is_lint_code(selector):
        return any(code.startswith(selector) for code in LINT_RULES)
    try:
        RULES.matching([selector])
    except KeyError:
        return False
    return True


def read_draft(target: Target, data: bytes, markdown: bool) -> Draft:
    """Decode (as the loader does: UTF-8, or UTF-16/32 with a BOM) and build the prose view."""
    draft = Draft(target)
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        draft.error = f"cannot read: {exc}"
        return draft
    draft.bom, draft.codec = next(((bom, codec) for bom, codec in _BOMS if data.startswith(bom)), (b"", "utf-8"))
    if not draft.bom and text.encode("utf-8") != data:
        draft.codec = next((c for c in ("utf-16-le", "utf-16-be") if text.encode(c) == data), "utf-8")
    return with_prose(draft, text, markdown)


def with_prose(draft: Draft, text: str, markdown: bool) -> Draft:
    first = prepare(text, markdown)
    directives, problems = suppress.parse_directives(text, first.excluded, markdown, _known_selector)
    # In plain text only the directives are comments; in Markdown every comment already went.
    extra = [comment_removal(text, d.start, d.end) for d in directives] + [comment_removal(text, p.start, p.end) for p in problems]
    draft.prose = first if markdown else prepare(text, False, extra)
    draft.directives, draft.directive_problems = directives, problems
    return draft


# ---------------------------------------------------------------------------- fixing


def load_fixer() -> Callable[[str], str]:
    """``quality.fix.fix_text``; a usage error when this installation has no fixer."""
    try:
        module = importlib.import_module("quality.fix")
        return module.fix_text
    except (ImportError, AttributeError) as exc:
        raise LintUsageError(f"--fix needs quality.fix.fix_text, which this installation lacks ({exc})") from exc


def fix_draft(draft: Draft, fix_text: Callable[[str], str]) -> str | None:
    """The draft's text with the fixer applied to its prose parts, or None when nothing changed.

    Left alone: front matter, fenced code, comments (directives included) and every paragraph
    under a suppression, because an editor who suppressed a finding there chose to keep the text.
    A blanket ``ignore-file`` (no codes) leaves the whole file alone.
    """
    assert draft.prose is not None
    text = draft.prose.original
    if any(d.kind == "file" and not d.codes for d in draft.directives):
        return None
    protected = list(draft.prose.excluded) + html_comment_spans(text, draft.prose.excluded)
    lines = list(lines_of(text))
    for directive in draft.directives:
        if directive.kind == "line" and directive.first_line:
            protected.append((lines[directive.first_line - 1].start, lines[directive.last_line - 1].end))
    pieces: list[str] = []
    cursor = 0
    for start, end in [*merge_spans(protected), (len(text), len(text))]:
        if start > cursor:
            pieces.append(fix_text(text[cursor:start]))
        pieces.append(text[max(start, cursor) : end])
        cursor = max(cursor, end)
    fixed = "".join(pieces)
    return fixed if fixed != text else None


def write_back(path: Path, text: str, codec: str, bom: bytes) -> None:
    """Replace the file atomically, in the encoding it had, keeping its permissions."""
    data = bom + text.encode(codec)
    mode = path.stat().st_mode
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
