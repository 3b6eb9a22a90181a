"""Running the linter: find the drafts, read them, run the normal pipeline, map findings back.

The linter holds no detection logic. Each draft becomes an :class:`~quality.model.Article` whose
text is the draft's prose view (:mod:`quality.markdown`); the articles go through
:func:`quality.pipeline.analyze` exactly as ``quality score`` sends them, so every detector and
its corpus pass apply, and any detector added later shows up here without a change. The findings
are then mapped back to the file (offsets, line, column), filtered by the file's inline
suppressions (:mod:`quality.suppress`) and given a stable fingerprint.

``--corpus DIR`` adds past articles to the same ``analyze`` call, ahead of the drafts, so that
corpus-level rules (boilerplate learned per outlet, name spellings) see them; only the drafts are
reported. A draft that is also inside the corpus folder is counted once, as a draft.

``--fix`` calls :func:`quality.fix.fix_text` on the prose parts of each draft (never on front
matter, code, comments, or paragraphs an editor suppressed), writes the file back in its own
encoding, then lints the result, so that what is reported is what is left.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO, Callable, Sequence

from quality import suppress
from quality.lint.drafts import Draft, Target, discover, fix_draft, load_draft, load_fixer, with_prose
from quality.markdown import is_markdown_name
from quality.lint.lint_rules import LINT_RULES
from quality.lint.settings import LintUsageError, Settings
from quality.load import METADATA, DecodeError, PathProblem, read_manifest, load_paths
from quality.model import Article, ArticleResult, LineIndex, Severity
from quality.pipeline import LoadError, analyze
from quality.progress import ProgressLike
from quality.rules import RULES
from quality.textfile import write_back


@dataclass(frozen=True)
class LintFinding:
    """A finding placed in the draft file: offsets, line and column are the file's own."""

    path: str
    rule: str
    name: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    col: int
    end_line: int
    end_col: int  # exclusive: the column just after the span, as SARIF counts
    evidence: str  # what the rule saw (the prose, without Markdown syntax)
    suggestion: str | None
    detector: str
    fingerprint: str = ""


@dataclass
class FileResult:
    path: str  # as shown (relative to the current folder when possible, '/' separators)
    source: str | None = None
    text: str = ""  # the file's text as linted (after --fix)
    findings: list[LintFinding] = field(default_factory=list)
    suppressed: int = 0
    error: str | None = None  # unreadable, or a detector failed: the run exits 2
    fixed: bool = False


@dataclass
class LintReport:
    files: list[FileResult]
    settings: Settings
    problems: list[PathProblem] = field(default_factory=list)  # paths that gave no draft: missing, tables, empty folders
    fixed_stdin: str | None = None  # --fix on standard input: the repaired text

    @property
    def findings(self) -> list[LintFinding]:
        return [f for file in self.files for f in file.findings]

    def counts(self) -> dict[str, int]:
        tally = Counter(f.severity.value for f in self.findings)
        return {level.value: tally.get(level.value, 0) for level in Severity}

    @property
    def failing(self) -> list[LintFinding]:
        return [f for f in self.findings if f.severity.rank >= self.settings.fail_on.rank]

    @property
    def exit_code(self) -> int:
        """2: a path, file or detector failed; 1: findings at or above ``fail_on``; else 0."""
        if self.problems or any(file.error for file in self.files):
            return 2
        if self.failing and not self.settings.exit_zero:
            return 1
        return 0


# ---------------------------------------------------------------------------- running


def lint(
    paths: Sequence[str],
    settings: Settings,
    stdin: BinaryIO | None = None,
    progress: ProgressLike = None,
) -> LintReport:
    """Lint the drafts under ``paths``. Raises :class:`LintUsageError` for a bad ``--corpus``
    or a missing fixer; everything else is in the report. ``progress`` as for
    :func:`~quality.pipeline.analyze`."""
    _manifest.cache_clear()
    targets, problems = discover(paths, settings.exclude, settings.stdin_filename)
    if sum(t.path is None for t in targets) > 1:
        raise LintUsageError("standard input ('-') can be named once only")
    fix_text = load_fixer(settings.config) if settings.fix else None
    corpus_items = _corpus_items(settings.corpus, targets, settings.config.max_article_chars) if settings.corpus else []

    drafts: list[Draft] = []
    report = LintReport([], settings, problems)
    max_chars = settings.config.max_article_chars
    for target in targets:
        name = (settings.stdin_filename or "stdin.txt") if target.path is None else target.path.name
        markdown = is_markdown_name(name)
        draft = load_draft(target, stdin, markdown, max_chars)
        if fix_text and draft.prose is not None:  # an unreadable draft is never rewritten
            draft = _fixed(draft, fix_text, markdown, report)
        drafts.append(draft)

    items: list[Article | LoadError] = [_item(d, settings) for d in drafts]
    results = analyze([*corpus_items, *items], settings.config, progress=progress) if items else []
    for draft, result in zip(drafts, results[len(corpus_items) :]):
        report.files.append(_file_result(draft, result, settings))
    return report


def _fixed(draft: Draft, fix_text: Callable[[str], str], markdown: bool, report: LintReport) -> Draft:
    """Apply ``--fix``: write the repaired file back (standard input: keep the text for stdout)
    and return the draft re-read from the repaired text. A repair that cannot be written back
    faithfully leaves the file as it was, and the draft carries the reason (exit 2)."""
    assert draft.prose is not None
    fixed = fix_draft(draft, fix_text)
    path = draft.target.path
    if path is None:
        report.fixed_stdin = fixed if fixed is not None else draft.prose.original
    if fixed is None:
        return draft
    try:
        if path is not None:
            assert draft.file is not None
            write_back(path, fixed, draft.file, draft.target.root)
    except DecodeError as exc:  # report the draft as it is on disk, and exit 2
        draft.error = f"--fix not applied, the file is unchanged: {exc}"
        return draft
    except OSError as exc:
        draft.error = f"cannot write the fix: {exc.strerror or exc}"
        return draft
    draft = with_prose(draft, fixed, markdown)
    draft.fixed = True
    return draft


@functools.lru_cache(maxsize=None)
def _manifest(folder: Path) -> dict[str, dict[str, str]]:
    """The manifest beside drafts, read once per folder and run (cleared by :func:`lint`).
    One that cannot be read gives no metadata: the draft's own front matter still does."""
    try:
        return read_manifest(folder)
    except (OSError, ValueError, csv.Error):
        return {}


def _source_of(draft: Draft, settings: Settings) -> str:
    """Front matter, then ``--source``, then a manifest beside the file, then its folder."""
    if draft.prose and draft.prose.metadata.get("source"):
        return draft.prose.metadata["source"]
    if settings.source:
        return settings.source
    target = draft.target
    if target.path is None:
        return "stdin"
    manifest = _manifest(target.path.parent).get(target.path.name, {})
    if manifest.get("source"):
        return manifest["source"]
    if target.root is not None:
        relative = target.path.relative_to(target.root)
        if len(relative.parts) > 1:
            return relative.parts[0]
        return target.root.resolve().name or "unknown"
    return target.path.resolve().parent.name or "unknown"


def _item(draft: Draft, settings: Settings) -> Article | LoadError:
    source = _source_of(draft, settings)
    if draft.prose is None:
        return LoadError(id=draft.target.shown, source=source, message=draft.error or "unreadable", origin=draft.target.shown)
    metadata = dict(draft.prose.metadata)
    if draft.target.path is not None:
        manifest = _manifest(draft.target.path.parent).get(draft.target.path.name, {})
        for key in METADATA:
            metadata.setdefault(key, manifest.get(key))
    mapped = (draft.prose.offsets.from_original(a, b) for a, b in draft.prose.headings)
    return Article(
        id=draft.target.shown,
        source=source,
        text=draft.prose.text,
        origin=draft.target.shown,
        headings=tuple(span for span in mapped if span is not None),
        **{key: metadata.get(key) for key in METADATA},
    )


def _corpus_items(folder: Path, targets: Sequence[Target], max_chars: int | None) -> list[Article | LoadError]:
    """Past articles for the corpus pass; unreadable ones are dropped (they say nothing about
    the drafts), and drafts inside the corpus folder are left to the drafts."""
    if not folder.is_dir():
        raise LintUsageError(f"--corpus {folder}: not a folder")
    drafts = {t.path.resolve() for t in targets if t.path is not None}
    kept: list[Article | LoadError] = []
    for item in load_paths([folder], max_chars=max_chars):
        if isinstance(item, LoadError):
            continue
        if item.origin and Path(item.origin).resolve() in drafts:
            continue
        kept.append(item)
    if not kept:
        raise LintUsageError(f"--corpus {folder}: no readable articles (.txt or .md) in it")
    return kept


def _file_result(draft: Draft, result: ArticleResult, settings: Settings) -> FileResult:
    shown = draft.target.shown
    file = FileResult(path=shown, source=result.article.source, fixed=draft.fixed)
    if draft.prose is None:
        file.error = draft.error
        file.findings = [_unmapped(shown, f) for f in result.findings]
        return _fingerprinted(file)
    prose = draft.prose
    file.text = prose.original
    if result.error and not result.error.startswith("empty article"):
        file.error = result.error
    if draft.error:
        file.error = draft.error if not file.error else f"{draft.error}; {file.error}"
    index = LineIndex(prose.original)
    placed: list[LintFinding] = []
    # Findings about the whole article sit at offset 0; show them where its text begins, not on
    # a blank line left by the front matter.
    first_text = len(prose.text) - len(prose.text.lstrip())
    for finding in result.findings:
        if finding.start == finding.end == 0:
            start = end = prose.offsets.to_original(first_text)
        else:
            start, end = prose.offsets.span(finding.start, finding.end)
        placed.append(
            _placed(
                index,
                start,
                end,
                path=shown,
                rule=finding.rule,
                name=RULES[finding.rule].name if finding.rule in RULES else finding.rule,
                severity=finding.severity,
                message=finding.message,
                evidence=finding.evidence,
                suggestion=finding.suggestion,
                detector=finding.detector,
            )
        )
    hidden = suppress.apply([(f.rule, f.line) for f in placed], draft.directives)
    file.findings = [f for f, drop in zip(placed, hidden) if not drop]
    file.suppressed = sum(hidden)
    file.findings += _lint_findings(draft, index, settings)
    file.findings = [f for f in file.findings if f.severity.rank >= settings.min_severity.rank]
    file.findings.sort(key=lambda f: (f.line, f.col, f.rule, f.end))
    return _fingerprinted(file)


def _lint_findings(draft: Draft, index: LineIndex, settings: Settings) -> list[LintFinding]:
    assert draft.prose is not None
    text = draft.prose.original
    raised: list[tuple[str, int, int, str]] = []
    if draft.prose.front_matter_error:
        raised.append(("LNT003", *draft.prose.front_matter_error))
    raised += [("LNT002", p.start, p.end, p.message) for p in draft.directive_problems]
    if settings.report_unused_ignores:
        raised += [("LNT001", p.start, p.end, p.message) for p in suppress.unused(draft.directives, set(settings.enabled))]
    findings = []
    for code, start, end, message in raised:
        if code not in settings.lint_enabled:
            continue
        rule = LINT_RULES[code]
        findings.append(
            _placed(
                index,
                start,
                end,
                path=draft.target.shown,
                rule=code,
                name=rule.name,
                severity=settings.config.severity.get(code, rule.severity),
                message=message,
                evidence=text[start:end],
                suggestion=None,
                detector="lint",
            )
        )
    return findings


def _placed(index: LineIndex, start: int, end: int, **fields: Any) -> LintFinding:
    """A finding at ``start:end`` of the file, its line and column (start and end) from ``index``."""
    line, col = index.line_col(start)
    end_line, end_col = index.line_col(end)
    return LintFinding(start=start, end=end, line=line, col=col, end_line=end_line, end_col=end_col, **fields)


def _unmapped(shown: str, finding: Any) -> LintFinding:
    return LintFinding(shown, finding.rule, RULES[finding.rule].name, finding.severity, finding.message, 0, 0, 1, 1, 1, 1, "", None, finding.detector)


_SPACES = re.compile(r"\s+")


def _fingerprinted(file: FileResult) -> FileResult:
    """Give each finding a fingerprint that survives edits elsewhere in the file.

    It hashes the rule, the path and the evidence (white space folded), plus how many identical
    (rule, evidence) pairs came before it in the file; not the line, so that adding a paragraph
    above does not turn every later finding into a new alert. Findings without evidence (about
    the whole article) are one per rule and file.
    """
    occurrences: Counter[tuple[str, str]] = Counter()
    stamped = []
    for finding in file.findings:
        key = (finding.rule, _SPACES.sub(" ", finding.evidence).strip())
        occurrences[key] += 1
        payload = "\x00".join([finding.rule, finding.path, key[1], str(occurrences[key])])
        stamped.append(replace(finding, fingerprint=hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]))
    file.findings = stamped
    return file
