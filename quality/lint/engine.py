"""Running the linter: find the drafts, read them, run the normal pipeline, map findings back.

The linter holds no detection logic. Each draft becomes an :class:`~quality.model.Article` whose
text is the draft's prose view (:mod:`quality.lint.markdown`); the articles go through
:func:`quality.pipeline.analyze` exactly as ``quality score`` sends them, so every detector and
its corpus pass apply, and any detector added later shows up here without a change. The findings
are then mapped back to the file (offsets, line, column), filtered by the file's inline
suppressions (:mod:`quality.lint.suppress`) and given a stable fingerprint.

``--corpus DIR`` adds past articles to the same ``analyze`` call, ahead of the drafts, so that
corpus-level rules (boilerplate learned per outlet, name spellings) see them; only the drafts are
reported. A draft that is also inside the corpus folder is counted once, as a draft.

``--fix`` calls :func:`quality.fix.fix_text` on the prose parts of each draft (never on front
matter, code, comments, or paragraphs an editor suppressed), writes the file back in its own
encoding, then lints the result, so that what is reported is what is left.
"""

from __future__ import annotations

import csv
import fnmatch
import functools
import hashlib
import importlib
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO, Callable, Sequence

from quality.config import Config
from quality.lint import suppress
from quality.lint.lint_rules import LINT_RULES, is_lint_code, matching_lint_codes
from quality.lint.markdown import Prose, html_comment_spans, comment_removal, is_markdown_name, lines_of, merge_spans, prepare
from quality.load import METADATA, DecodeError, _read_manifest, decode_bytes, load_paths
from quality.model import Article, ArticleResult, LineIndex, Severity
from quality.pipeline import LoadError, analyze
from quality.rules import RULES, Rule, selected_codes

DRAFT_SUFFIXES = (".txt", ".md", ".markdown", ".mdown", ".mkd")
TABLE_SUFFIXES = (".jsonl", ".csv", ".parquet")
STDIN = "-"
FORMATS = ("text", "json", "sarif", "github")
FAIL_ON = ("error", "warning", "info")

# [tool.quality.lint] keys and the type each must have; anything else is an error (a typo must
# not be ignored, as in the rest of the configuration).
LINT_KEYS: dict[str, type | tuple[type, ...]] = {
    "select": list,
    "ignore": list,
    "fail_on": str,
    "format": str,
    "show_source": bool,
    "report_unused_ignores": bool,
    "exclude": list,
    "corpus": str,
    "source": str,
}


class LintUsageError(Exception):
    """Bad arguments or configuration: the command exits 2 with this message."""


@dataclass(frozen=True)
class LintOptions:
    """What the command line asked for; ``None`` means "from the configuration, else default"."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: str | None = None
    format: str | None = None
    show_source: bool | None = None
    report_unused_ignores: bool | None = None
    exclude: tuple[str, ...] | None = None
    corpus: str | None = None
    source: str | None = None
    fix: bool = False
    exit_zero: bool = False
    stdin_filename: str | None = None


@dataclass(frozen=True)
class Settings:
    """Options resolved against ``[tool.quality.lint]`` and ``[tool.quality]``, validated."""

    config: Config  # what the pipeline runs with (select/ignore without LNT codes)
    enabled: frozenset[str]  # pipeline rule codes that run
    lint_enabled: frozenset[str]  # LNT codes that run
    fail_on: Severity
    format: str
    show_source: bool
    report_unused_ignores: bool
    exclude: tuple[str, ...]
    corpus: Path | None
    source: str | None
    fix: bool
    exit_zero: bool
    stdin_filename: str | None

    def rules(self) -> list[Rule]:
        """Every rule that can appear in this run's output, with configured severities."""
        chosen = [RULES[c] for c in sorted(self.enabled)] + [LINT_RULES[c] for c in sorted(self.lint_enabled)]
        return [replace(r, severity=self.config.severity.get(r.code, r.severity)) for r in chosen]


def resolve(config: Config, options: LintOptions) -> Settings:
    """Command line over ``[tool.quality.lint]`` over ``[tool.quality]`` over defaults."""
    table = dict(config.lint)
    unknown = sorted(set(table) - set(LINT_KEYS))
    where = f"{config.path}: " if config.path else ""
    if unknown:
        raise LintUsageError(f"{where}[tool.quality.lint]: unknown key(s) {', '.join(unknown)} (known: {', '.join(LINT_KEYS)})")
    for key, value in table.items():
        if not isinstance(value, LINT_KEYS[key]) or (isinstance(value, list) and not all(isinstance(v, str) for v in value)):
            raise LintUsageError(f"{where}[tool.quality.lint] {key}: want a {LINT_KEYS[key].__name__}{' of strings' if LINT_KEYS[key] is list else ''}, got {value!r}")

    def pick(name: str, default: Any) -> Any:
        value = getattr(options, name)
        if value is not None:
            return value
        if name in table:
            return tuple(table[name]) if isinstance(table[name], list) else table[name]
        return default

    select = pick("select", config.select)
    ignore = pick("ignore", config.ignore) or ()
    fail_on = str(pick("fail_on", "error")).lower()
    if fail_on not in FAIL_ON:
        raise LintUsageError(f"fail-on: want one of {', '.join(FAIL_ON)}, got {fail_on!r}")
    output_format = str(pick("format", "text")).lower()
    if output_format not in FORMATS:
        raise LintUsageError(f"format: want one of {', '.join(FORMATS)}, got {output_format!r}")

    pipeline_select = tuple(s for s in select if not is_lint_code(s)) if select is not None else None
    pipeline_ignore = tuple(s for s in ignore if not is_lint_code(s))
    try:
        lint_ignored = matching_lint_codes(tuple(s for s in ignore if is_lint_code(s)))
        matching_lint_codes(tuple(s for s in (select or ()) if is_lint_code(s)))
        if pipeline_select is not None and not pipeline_select:
            # Only LNT codes selected: no pipeline rule runs (an empty select would mean "all").
            enabled: set[str] = set()
            pipeline_ignore = ("ALL",)
        else:
            enabled = selected_codes(pipeline_select, pipeline_ignore)
    except KeyError as exc:
        raise LintUsageError(f"{exc.args[0]}; `quality rules` lists the codes") from exc
    report_unused = bool(pick("report_unused_ignores", False))
    lint_enabled = {c for c in LINT_RULES if c not in lint_ignored and (c != "LNT001" or report_unused)}

    corpus = options.corpus
    if corpus is None and "corpus" in table:
        base = config.path.parent if config.path else Path.cwd()
        corpus = str(base / table["corpus"])
    return Settings(
        config=config.with_overrides(select=pipeline_select, ignore=pipeline_ignore),
        enabled=frozenset(enabled),
        lint_enabled=frozenset(lint_enabled),
        fail_on=Severity(fail_on),
        format=output_format,
        show_source=bool(pick("show_source", False)),
        report_unused_ignores=report_unused,
        exclude=tuple(pick("exclude", ())),
        corpus=Path(corpus) if corpus else None,
        source=pick("source", None),
        fix=options.fix,
        exit_zero=options.exit_zero,
        stdin_filename=options.stdin_filename,
    )


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
    problems: list[str] = field(default_factory=list)  # usage-level: missing paths, tables
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


# ---------------------------------------------------------------------------- finding drafts


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
    return _with_prose(draft, text, markdown)


def _with_prose(draft: Draft, text: str, markdown: bool) -> Draft:
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


def _write_back(path: Path, text: str, codec: str, bom: bytes) -> None:
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


# ---------------------------------------------------------------------------- running


ProgressBar = Callable[[int], tuple[Callable[[int], None] | None, Callable[[], None]]]


def lint(
    paths: Sequence[str],
    settings: Settings,
    stdin: BinaryIO | None = None,
    progress_bar: ProgressBar | None = None,
) -> LintReport:
    """Lint the drafts under ``paths``. Raises :class:`LintUsageError` for a bad ``--corpus``
    or a missing fixer; everything else is in the report."""
    _manifest.cache_clear()
    targets, problems = discover(paths, settings.exclude, settings.stdin_filename)
    if sum(t.path is None for t in targets) > 1:
        raise LintUsageError("standard input ('-') can be named once only")
    fix_text = load_fixer() if settings.fix else None
    corpus_items = _corpus_items(settings.corpus, targets) if settings.corpus else []

    drafts: list[Draft] = []
    report = LintReport([], settings, problems)
    for target in targets:
        name = (settings.stdin_filename or "stdin.txt") if target.path is None else target.path.name
        try:
            if target.path is not None:
                data = target.path.read_bytes()
            else:
                data = stdin.read() if stdin is not None else b""
        except OSError as exc:
            drafts.append(Draft(target, error=f"cannot read: {exc.strerror or exc}"))
            continue
        draft = read_draft(target, data, is_markdown_name(name))
        if fix_text and draft.prose is not None:
            fixed = fix_draft(draft, fix_text)
            if target.path is None:
                report.fixed_stdin = fixed if fixed is not None else draft.prose.original
            if fixed is not None:
                try:
                    if target.path is not None:
                        _write_back(target.path, fixed, draft.codec, draft.bom)
                except OSError as exc:  # report the draft as it is on disk, and exit 2
                    draft.error = f"cannot write the fix: {exc.strerror or exc}"
                else:
                    draft = _with_prose(draft, fixed, is_markdown_name(name))
                    draft.fixed = True
        drafts.append(draft)

    items: list[Article | LoadError] = [_item(d, settings) for d in drafts]
    progress, close = progress_bar(len(corpus_items) + len(items)) if progress_bar else (None, lambda: None)
    try:
        results = analyze([*corpus_items, *items], settings.config, progress=progress) if items else []
    finally:
        close()
    for draft, result in zip(drafts, results[len(corpus_items) :]):
        report.files.append(_file_result(draft, result, settings))
    return report


@functools.lru_cache(maxsize=None)
def _manifest(folder: Path) -> dict[str, dict[str, str]]:
    """The manifest beside drafts, read once per folder and run (cleared by :func:`lint`).
    One that cannot be read gives no metadata: the draft's own front matter still does."""
    try:
        return _read_manifest(folder)
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
    return Article(
        id=draft.target.shown,
        source=source,
        text=draft.prose.text,
        origin=draft.target.shown,
        **{key: metadata.get(key) for key in METADATA},
    )


def _corpus_items(folder: Path, targets: Sequence[Target]) -> list[Article | LoadError]:
    """Past articles for the corpus pass; unreadable ones are dropped (they say nothing about
    the drafts), and drafts inside the corpus folder are left to the drafts."""
    if not folder.is_dir():
        raise LintUsageError(f"--corpus {folder}: not a folder")
    drafts = {t.path.resolve() for t in targets if t.path is not None}
    kept: list[Article | LoadError] = []
    for item in load_paths([folder]):
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
        line, col = index.line_col(start)
        end_line, end_col = index.line_col(end)
        placed.append(
            LintFinding(
                path=shown,
                rule=finding.rule,
                name=RULES[finding.rule].name if finding.rule in RULES else finding.rule,
                severity=finding.severity,
                message=finding.message,
                start=start,
                end=end,
                line=line,
                col=col,
                end_line=end_line,
                end_col=end_col,
                evidence=finding.evidence,
                suggestion=finding.suggestion,
                detector=finding.detector,
            )
        )
    hidden = suppress.apply([(f.rule, f.line) for f in placed], draft.directives)
    file.findings = [f for f, drop in zip(placed, hidden) if not drop]
    file.suppressed = sum(hidden)
    file.findings += _lint_findings(draft, index, settings)
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
        line, col = index.line_col(start)
        end_line, end_col = index.line_col(end)
        findings.append(
            LintFinding(
                path=draft.target.shown,
                rule=code,
                name=rule.name,
                severity=settings.config.severity.get(code, rule.severity),
                message=message,
                start=start,
                end=end,
                line=line,
                col=col,
                end_line=end_line,
                end_col=end_col,
                evidence=text[start:end],
                suggestion=None,
                detector="lint",
            )
        )
    return findings


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
