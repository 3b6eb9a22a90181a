"""Draft files: finding them, reading them into a prose view with their directives, and
writing ``--fix`` repairs back.

A draft is read and written back by :mod:`quality.textfile`, as ``quality fix`` reads and
writes its files: exactly as the loader reads an article file (UTF-8, or UTF-16/32 with a
byte-order mark or the NUL pattern of BOM-less text; NUL bytes, binary data and other encodings
refused with the place and the reason), under the same ``max_article_chars`` limit. A draft that
cannot be read is reported and never rewritten. A repaired file is written back in its own
encoding and mark, atomically, and only when the bytes written read back as the repaired text.
"""

from __future__ import annotations

import fnmatch
import functools
import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Sequence

from quality import suppress
from quality.config import Config
from quality.lint.lint_rules import LINT_RULES, is_lint_code
from quality.markdown import Prose, comment_removal, html_comment_spans, lines_of, merge_spans, prepare
from quality.lint.settings import LintUsageError
from quality.load import TABLE_SUFFIXES, DecodeError, PathProblem, name_problem, not_regular, printable_path, text_files_under, too_deep
from quality.textfile import TextFile, decode_text, read_text_file, read_problem

STDIN = "-"


@dataclass(frozen=True)
class Target:
    shown: str
    path: Path | None  # None: standard input
    root: Path | None = None  # the folder it was found under, for its default source


def discover(paths: Sequence[str], exclude: Sequence[str], stdin_name: str | None = None) -> tuple[list[Target], list[PathProblem]]:
    """The drafts named or found under ``paths``, in a stable order, and the paths that failed.

    Folders are walked as the loader walks them (sorted, hidden entries skipped, symlinked
    folders followed once, unreadable folders reported). Excluded patterns apply to named files
    too, so that pre-commit (which names every file) honours ``exclude``. A folder holding no
    draft at all is a problem (a wrong path in CI would otherwise pass in silence); one whose
    drafts are all excluded is not (that was asked for).
    """
    targets: list[Target] = []
    problems: list[PathProblem] = []
    seen: set[Path] = set()
    for raw in paths:
        if raw == STDIN:
            targets.append(Target(stdin_name or STDIN, None))
            continue
        path = Path(raw)
        if path.is_dir():
            found, trouble = text_files_under(path, "drafts", _shown)
            problems += trouble
            for file in found:
                if _excluded(file, exclude):
                    continue
                if not file.is_file():  # a broken link, a FIFO (reading one would wait forever)
                    problems.append(PathProblem(_shown(file), not_regular(file)))
                elif file.resolve() not in seen:
                    seen.add(file.resolve())
                    targets.append(Target(_shown(file), file, path))
        elif path.is_file():
            if path.suffix.lower() in TABLE_SUFFIXES:
                problems.append(PathProblem(raw, f"lint reads drafts (.txt, .md); use `quality findings` for {path.suffix} tables"))
            elif not _excluded(path, exclude) and path.resolve() not in seen:
                seen.add(path.resolve())
                targets.append(Target(_shown(path), path))
        elif path.exists() or path.is_symlink():
            problems.append(PathProblem(raw, not_regular(path) + " or folder"))
        else:
            problems.append(PathProblem(raw, "no such file or folder"))
    return _named_in_utf8(targets, problems)


def _named_in_utf8(targets: list[Target], problems: list[PathProblem]) -> tuple[list[Target], list[PathProblem]]:
    """Every report is UTF-8: a draft whose name holds bytes that are not UTF-8 is a problem
    (:func:`~quality.load.name_problem`) instead of a draft, and every problem names its path
    escaped when it has to be (:func:`~quality.load.printable_path`)."""
    kept: list[Target] = []
    refused = list(problems)
    for target in targets:
        problem = name_problem(target.shown)
        if problem:
            refused.append(PathProblem(target.shown, problem))
        else:
            kept.append(target)
    return kept, [PathProblem(printable_path(p.path), p.message) if name_problem(p.path) else p for p in refused]


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
    file: TextFile | None = None  # as read from disk (None: standard input, or unreadable)
    error: str | None = None
    fixed: bool = False


def _known_selector(selector: str) -> bool:
    if is_lint_code(selector):
        return any(code.startswith(selector) for code in LINT_RULES)
    return suppress.known_rule_selector(selector)


def load_draft(target: Target, stdin: BinaryIO | None, markdown: bool, max_chars: int | None) -> Draft:
    """Read a draft file (or standard input) as the loader reads an article file and build the
    prose view; a file too large for ``max_chars`` in any encoding is refused without being read."""
    try:
        if target.path is None:
            file = decode_text(stdin.read() if stdin is not None else b"", max_chars)
        else:
            file = read_text_file(target.path, max_chars)
    except (OSError, DecodeError) as exc:
        return Draft(target, error=read_problem(exc))
    try:
        return with_prose(Draft(target, file=file), file.text, markdown)
    except RecursionError as exc:  # front matter nested too deeply for its parser
        return Draft(target, error=too_deep(exc))


def with_prose(draft: Draft, text: str, markdown: bool) -> Draft:
    first = prepare(text, markdown)
    directives, problems = suppress.parse_directives(text, first.excluded, markdown, _known_selector)
    # In plain text only the directives are comments; in Markdown every comment already went.
    extra = [comment_removal(text, d.start, d.end) for d in directives] + [comment_removal(text, p.start, p.end) for p in problems]
    draft.prose = first if markdown else prepare(text, False, extra)
    draft.directives, draft.directive_problems = directives, problems
    return draft


# ---------------------------------------------------------------------------- fixing


def load_fixer(config: Config | None = None) -> Callable[[str], str]:
    """``quality.fix.fix_text`` with the detectors' options of ``config`` (so ``--fix`` repairs
    what the run reports); a usage error when this installation has no fixer."""
    try:
        module = importlib.import_module("quality.fix")
        return functools.partial(module.fix_text, config=config)
    except (ImportError, AttributeError) as exc:
        raise LintUsageError(f"--fix needs quality.fix.fix_text, which this installation lacks ({exc})") from exc


def fix_draft(draft: Draft, fix_text: Callable[[str], str]) -> str | None:
    """The draft's text with the fixer applied to its prose parts, or None when nothing changed.

    Left alone: everything the prose view removes (front matter, fenced and inline code, link
    targets and other markup, comments, directives included) and every paragraph under a
    suppression, because an editor who suppressed a finding there chose to keep the text. An
    entity in code or front matter is what its author typed (``Tom &amp; Jerry`` in a YAML
    title, ``&copy;`` in a code span), not damage. A blanket ``ignore-file`` (no codes) leaves
    the whole file alone.
    """
    assert draft.prose is not None
    text = draft.prose.original
    if any(d.kind == "file" and not d.codes for d in draft.directives):
        return None
    protected = list(draft.prose.removed) + html_comment_spans(text, draft.prose.excluded)
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


def repaired_text(text: str, markdown: bool, fix_text: Callable[[str], str]) -> str:
    """``text`` as ``quality fix`` and ``lint --fix`` both write it back: the fixer applied to its
    prose only (see :func:`fix_draft`). Raises ``RecursionError`` on front matter nested too
    deeply to parse."""
    draft = with_prose(Draft(Target("", None)), text, markdown)
    fixed = fix_draft(draft, fix_text)
    return text if fixed is None else fixed
