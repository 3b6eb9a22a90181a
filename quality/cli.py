"""The ``quality`` command. Thin: it parses arguments, reads input, calls the library, writes.

Exit codes: 0 success; 1 findings at or above ``--fail-on`` (lint); 2 usage error, bad
configuration or no readable input at all (the output is still written, with its error rows).

Every input shows up in the output: an unreadable one is an error row, and stderr gets one line
per error (``quality: error: ID: MESSAGE``), one per warning (renamed duplicate ids) and always
the summary ``quality: read N, scored M, errors K``, where N = M + K.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from quality.config import Config, ConfigError, load_config
from quality.lint.formats import tool_version
from quality.load import Columns, Item, load_file_as, load_paths, printable_path
from quality.model import ArticleResult, Severity
from quality.output import FORMATS, OutputError, TableWriter, write_text_file
from quality.pipeline import DuplicateIdWarning, check_detector_options
from quality.stream import STREAM_CHUNK, Spill, spilled, stream_results
from quality.progress import BarProgress, NoProgress, Progress
from quality.rules import RULES, did_you_mean

if TYPE_CHECKING:  # pandas and the report modules are imported by the commands that write reports
    import pandas as pd


class UsageError(Exception):
    """Bad arguments or configuration: exit 2 with the message."""


def _input_options(parser: argparse.ArgumentParser, output: str | None = None) -> None:
    """The options every command that reads articles shares; ``output`` is the default file."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of articles (.txt, .md, .jsonl, .csv, .parquet); '-' reads standard input")
    parser.add_argument("--stdin-filename", metavar="NAME", help="the name of what '-' reads: its ids, and its format by the suffix (default: stdin.jsonl)")
    parser.add_argument("--config", help="a quality.toml or pyproject.toml (default: found from the current folder up)")
    parser.add_argument("--text-column", default="text", help="text column in JSONL/CSV/Parquet (default: text)")
    parser.add_argument("--source-column", default="source", help="source column (default: source)")
    parser.add_argument("--id-column", default=None, help="id column (default: file name and row number)")
    parser.add_argument("--select", help="comma-separated rule codes or prefixes to enable")
    parser.add_argument("--ignore", help="comma-separated rule codes or prefixes to disable")
    where = f"(default: {output}; '-': standard output)" if output else "instead of standard output ('-': standard output)"
    parser.add_argument("--output", "-o", default=output, metavar="FILE", help=f"write to FILE {where}")
    parser.add_argument("--jobs", "-j", type=_non_negative, default=1, metavar="N", help="analyse in N processes (0: one per CPU; default 1); the output is the same")
    parser.add_argument("--engine", choices=("local", "dask"), default="local", help="local (default), or dask: a LocalCluster of --jobs processes, or the cluster at --scheduler (needs quality[dask])")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: a running Dask scheduler, e.g. tcp://10.0.0.5:8786")
    parser.add_argument(
        "--max-article-chars", type=_non_negative, default=None, metavar="N",
        help="refuse longer articles with an error row (default 10,000,000 or max_article_chars in the config; 0: no limit)",
    )  # fmt: skip


def _non_negative(value: str) -> int:
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"want a whole number, got {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"want a number >= 0, got {number}")
    return number


def _split(value: str | None) -> tuple[str, ...] | None:
    return tuple(v.strip() for v in value.split(",") if v.strip()) if value else None


def config_from(args: argparse.Namespace) -> Config:
    try:
        config = load_config(args.config)
        config = config.with_overrides(select=_split(args.select), ignore=_split(args.ignore))
        if getattr(args, "max_article_chars", None) is not None:
            config = replace(config, max_article_chars=args.max_article_chars or None)  # 0: no limit
        RULES.matching(config.select or ())
        RULES.matching(config.ignore)
        for code in config.severity:
            if code not in RULES:
                raise ConfigError(f"severity.{code}: no such rule{did_you_mean(code, [rule.code for rule in RULES])}")
        check_detector_options(config)
    except ConfigError as exc:
        raise UsageError(str(exc)) from exc
    except KeyError as exc:  # str() of a KeyError quotes its message; the message is args[0]
        raise UsageError(str(exc.args[0]) if exc.args else str(exc)) from exc
    return config


@contextmanager
def analysed(args: argparse.Namespace, config: Config) -> Iterator[Iterator[list[ArticleResult]]]:
    """The results of the run's input, a chunk at a time in input order (the local engine
    streams: :mod:`quality.stream`), reporting warnings on stderr when the block ends; the
    caller prints the summary (:class:`RunTally`) after its output, where a reader of the
    terminal looks last. Standard input (``-``) is copied to a temporary file first, since
    the input is read twice."""
    columns = Columns(text=args.text_column, source=args.source_column, id=args.id_column)
    engine = _engine(args)
    progress = _progress()
    with ExitStack() as stack:
        caught = stack.enter_context(warnings.catch_warnings(record=True))
        warnings.simplefilter("always", DuplicateIdWarning)
        try:
            read = _reader(args, columns, config, stack)
            if engine is None:
                yield stream_results(read, config, progress=progress, workers=getattr(args, "jobs", 1))
            else:
                yield _dask_chunks(engine, read, args, config, progress)
        except ConfigError as exc:
            raise UsageError(str(exc)) from exc
        finally:
            progress.close()
            for warning in caught:
                if issubclass(warning.category, DuplicateIdWarning):
                    print(f"quality: warning: {_printable(str(warning.message))}", file=sys.stderr)
                else:
                    warnings.showwarning(warning.message, warning.category, warning.filename, warning.lineno)


def _reader(args: argparse.Namespace, columns: Columns, config: Config, stack: ExitStack) -> Callable[[], Iterable[Item]]:
    """A function that reads the input afresh each time it is called."""
    if "-" not in args.paths:
        return lambda: load_paths(args.paths, columns, max_chars=config.max_article_chars)
    name = args.stdin_filename or "stdin.jsonl"
    copy = stack.enter_context(spilled(sys.stdin.buffer, Path(name).suffix or ".jsonl"))

    def read() -> Iterator[Item]:
        for path in args.paths:
            if path == "-":
                yield from load_file_as(copy, name, columns, max_chars=config.max_article_chars)
            else:
                yield from load_paths([path], columns, max_chars=config.max_article_chars)

    return read


def _dask_chunks(engine: Callable[..., list[ArticleResult]], read: Callable[[], Iterable[Item]], args: argparse.Namespace, config: Config, progress: Progress) -> Iterator[list[ArticleResult]]:
    """The Dask engine's results (it holds the input: a cluster's memory), in chunks."""
    progress.stage("reading")
    items = list(read())
    progress.stage("analysing on Dask")
    try:
        results = engine(items, config, scheduler=args.scheduler, workers=args.jobs or None)
    except OSError as exc:  # distributed's "timed out trying to connect", refused, unknown host
        raise UsageError(f"--scheduler {args.scheduler}: cannot reach the Dask scheduler: {exc}") from exc
    for k in range(0, len(results), STREAM_CHUNK):
        yield results[k : k + STREAM_CHUNK]


def _engine(args: argparse.Namespace) -> Callable[..., list[ArticleResult]] | None:
    """The Dask engine's entry point when ``--engine dask`` asks for it (None: the local one),
    checked before any article is read."""
    if getattr(args, "engine", "local") != "dask":
        if getattr(args, "scheduler", None):
            raise UsageError("--scheduler needs --engine dask")
        return None
    try:
        from quality.dask import analyze_items
    except ImportError as exc:
        raise UsageError(f"--engine dask needs Dask: pip install 'quality[dask]' ({exc})") from exc
    return analyze_items


def _progress() -> Progress:
    """A progress bar on stderr in a terminal; nothing in pipes and CI logs."""
    return BarProgress() if sys.stderr.isatty() else NoProgress()


class RunTally:
    """What the summary says about a run, counted chunk by chunk: articles read, scored and
    in error, and the error lines (kept in a temporary file: a corpus can have many)."""

    def __init__(self) -> None:
        self.read = self.errors = 0
        self._lines: IO[str] | None = None

    def add(self, results: Sequence[ArticleResult]) -> None:
        self.read += len(results)
        for result in results:
            if result.error:
                self.errors += 1
                if self._lines is None:
                    self._lines = tempfile.TemporaryFile("w+", encoding="utf-8", prefix="quality-errors-")
                self._lines.write(f"quality: error: {_printable(result.article.id)}: {_printable(result.error or '')}\n")

    @property
    def scored(self) -> int:
        return self.read - self.errors

    def exit_status(self) -> int:
        """2 when nothing at all could be scored (the output still lists the error rows), else 0."""
        return 2 if self.read and not self.scored else 0

    def summarise(self, started: float | None = None, output: str | None = None) -> None:
        """One stderr line per error row, then ``read N, scored M, errors K`` (N = M + K), the
        time since ``started`` (a ``time.perf_counter()``) with the rate, and the file written."""
        if self._lines is not None:
            self._lines.seek(0)
            for line in self._lines:
                sys.stderr.write(line)
            self._lines.close()
            self._lines = None
        line = f"quality: read {self.read}, scored {self.scored}, errors {self.errors}"
        if started is not None:
            elapsed = time.perf_counter() - started
            line += f" in {elapsed:.1f} s ({self.read / max(elapsed, 1e-9):,.1f} articles/s)"
        if output:
            line += f"; wrote {_printable(output)}"
        print(line, file=sys.stderr)


def _printable(text: str, limit: int = 2000) -> str:
    """One terminal line: control characters (a file name may hold a newline) and bytes that are
    not UTF-8 are escaped (:func:`~quality.load.printable_path`), and so is what the terminal's
    encoding cannot show; very long messages are cut."""
    encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
    shown = printable_path(text if len(text) <= limit else text[: limit - 1] + "…")
    return shown.encode(encoding, "backslashreplace").decode(encoding, "replace")


# The format an --output file's suffix names, when --format does not say.
SUFFIX_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
# `quality score` also writes the HTML report (quality/html_report.py); `findings` writes tables only.
SCORE_FORMATS = (*FORMATS, "html")


def output_format(args: argparse.Namespace) -> str:
    """The format to write, settled before any article is read: ``--format``, else the
    ``--output`` file's suffix, else ``table``. Parquet needs a file."""
    fmt = args.format
    if fmt is None and args.output:
        fmt = SUFFIX_FORMATS.get(Path(args.output).suffix.lower(), "table")
    fmt = fmt or "table"
    if fmt == "parquet" and not args.output:
        raise UsageError("--format parquet needs --output FILE (Parquet is binary)")
    if fmt == "html" and getattr(args, "articles", False):
        raise UsageError("--articles does not apply to --format html: the report shows sources and every article")
    if fmt not in (SCORE_FORMATS if args.command in ("score", "report", "stories") else FORMATS):
        raise UsageError(f"`quality {args.command}` cannot write {fmt}: use --format {'|'.join(FORMATS)}")
    return fmt


def cmd_score(args: argparse.Namespace) -> int:
    from quality.frame import ArticleTable, article_rows
    from quality.scoring import SourceTotals
    from quality.terminal import ARTICLE_COLUMNS, frame_table, report_table, terminal_width

    started = time.perf_counter()
    fmt = output_format(args)
    config = config_from(args)
    if fmt == "html":
        return _write_html_report(args, config, started)
    tally = RunTally()
    if args.articles:  # the table's columns are known at the end (which rules fired anywhere): rows wait on disk
        table = ArticleTable()
        with Spill() as spill:
            with analysed(args, config) as chunks:
                for chunk in chunks:
                    tally.add(chunk)
                    frame = article_rows(chunk)
                    table.add(frame)
                    spill.append(frame)
            drawn = partial(frame_table, columns=ARTICLE_COLUMNS, width=None if args.wide else terminal_width())
            _write_then_summarise((table.conform(frame) for frame in spill), fmt, args.output, drawn, tally, started)
        return tally.exit_status()
    totals = SourceTotals()
    with analysed(args, config) as chunks:
        for chunk in chunks:
            tally.add(chunk)
            totals.add(article_rows(chunk))
    if tally.exit_status():  # nothing scored: no source to rank
        tally.summarise(started)
        print("quality: nothing could be scored, so there is no source report (--articles lists the error rows)", file=sys.stderr)
        return tally.exit_status()
    _write_then_summarise([totals.report()], fmt, args.output, partial(report_table, wide=args.wide), tally, started)
    return tally.exit_status()


def _write_html_report(args: argparse.Namespace, config: Config, started: float) -> int:
    """The HTML report, to ``--output`` (or standard output), then the summary. It is written
    even when nothing could be scored: it then lists the error rows. It embeds every article,
    so it holds the whole run in memory."""
    from quality.html_report import html_report, run_info

    with analysed(args, config) as chunks:
        results = [result for chunk in chunks for result in chunk]
    tally = RunTally()
    tally.add(results)
    text = html_report(results, run_info(config, inputs=args.paths, command=args.command_line))
    written = False
    try:
        if args.output:
            write_text_file(args.output, text)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
        written = True
    finally:
        tally.summarise(started, args.output if written else None)
    return tally.exit_status()


def cmd_report(args: argparse.Namespace) -> int:
    """``quality report PATH...``: ``quality score PATH... --format html``, to a file by default."""
    args.format, args.articles = "html", False
    return cmd_score(args)


def cmd_findings(args: argparse.Namespace) -> int:
    from quality.frame import finding_rows
    from quality.terminal import finding_lines, frame_table, terminal_width

    started = time.perf_counter()
    fmt = output_format(args)
    config = config_from(args)
    shown = [level.value for level in Severity if level.rank >= Severity(args.min_severity).rank]

    def findings_of(chunk: list[ArticleResult]) -> pd.DataFrame:
        tally.add(chunk)
        frame = finding_rows(chunk)
        return frame[frame["severity"].astype(str).isin(shown)].reset_index(drop=True)

    tally = RunTally()
    if args.statistics:
        statistics = RuleStatistics()
        with analysed(args, config) as chunks:
            for chunk in chunks:
                statistics.add(findings_of(chunk))
        _write_then_summarise([statistics.frame()], fmt, args.output, partial(frame_table, width=terminal_width()), tally, started)
        return tally.exit_status()
    analysed_all, written = False, False
    try:
        with TableWriter(fmt, sys.stdout, args.output, table=finding_lines) as writer:  # rows go out as they come
            with analysed(args, config) as chunks:
                for chunk in chunks:
                    writer.add(findings_of(chunk))
            analysed_all = True
        sys.stdout.flush()
        written = True
    finally:
        if analysed_all:
            tally.summarise(started, args.output if written else None)
    return tally.exit_status()


def cmd_stories(args: argparse.Namespace) -> int:
    """``quality stories PATH...``: one row per (story, article), grouped by story (the story
    detector's columns of the article table, :func:`quality.frame.story_rows`)."""
    from quality.frame import STORY_COLUMNS, article_rows, story_rows
    from quality.terminal import story_lines

    started = time.perf_counter()
    fmt = output_format(args)
    config = config_from(args)
    if fmt == "html":  # the HTML report, whose Stories section shows each story side by side
        return _write_html_report(args, config, started)
    tally = RunTally()
    parts = []
    with analysed(args, config) as chunks:
        for chunk in chunks:
            tally.add(chunk)
            parts.append(article_rows(chunk).reindex(columns=list(STORY_COLUMNS)))
    import pandas as pd

    table = story_rows(pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=list(STORY_COLUMNS)))
    _write_then_summarise([table], fmt, args.output, story_lines, tally, started)
    return tally.exit_status()


def _write_then_summarise(
    frames: Iterable[pd.DataFrame], fmt: str, output: str | None, table: Callable[[pd.DataFrame], str], tally: RunTally, started: float
) -> None:
    """Write the report, then the summary, which names the file only if it was written."""
    written = False
    try:
        with TableWriter(fmt, sys.stdout, output, table=table) as writer:
            for frame in frames:
                writer.add(frame)
        sys.stdout.flush()
        written = True
    finally:
        tally.summarise(started, output if written else None)


class RuleStatistics:
    """How often each rule fired, most often first (``ruff --statistics``), counted from
    chunks of the findings table: rule, name, severity, findings, and the number of articles
    they are in (an article's findings are all in one chunk)."""

    def __init__(self) -> None:
        self.counts: dict[str, list] = {}  # rule -> [severity, findings, articles]

    def add(self, findings: pd.DataFrame) -> "RuleStatistics":
        for code, group in findings.groupby("rule", sort=True):
            counts = self.counts.setdefault(code, [str(group["severity"].iloc[0]), 0, 0])
            counts[1] += len(group)
            counts[2] += group["id"].nunique()
        return self

    def frame(self) -> pd.DataFrame:
        import pandas as pd

        rows = [{"rule": code, "name": RULES[code].name, "severity": severity, "findings": n, "articles": articles} for code, (severity, n, articles) in sorted(self.counts.items())]
        frame = pd.DataFrame(rows, columns=["rule", "name", "severity", "findings", "articles"])
        return frame.sort_values(["findings", "rule"], ascending=[False, True], kind="stable").reset_index(drop=True)


def rule_statistics(findings: pd.DataFrame) -> pd.DataFrame:
    """:class:`RuleStatistics` of a whole findings table."""
    return RuleStatistics().add(findings).frame()


def cmd_rules(args: argparse.Namespace) -> int:
    """List every rule (the pipeline's and lint's own LNT rules), or explain the ones matched."""
    from quality.lint.lint_rules import LINT_RULES

    every = {rule.code: rule for rule in RULES} | LINT_RULES
    if args.code:
        selector = args.code.strip().upper()
        codes = sorted(code for code in every if code.startswith(selector))
        if not codes:
            raise UsageError(f"unknown rule {args.code!r}; `quality rules` lists them")
        print("\n\n".join(every[c].outline() for c in codes))
        return 0
    for code in sorted(every):
        rule = every[code]
        print(f"{rule.code}  {rule.severity.value:<7}  {rule.name:<32}  {rule.summary}")
    return 0


def cmd_config(args: argparse.Namespace) -> int:
    """Print the configuration a run here would use: every value, default or configured, as the
    TOML table that would set it (or as JSON), and the file it came from."""
    import json

    import tomli_w

    from quality.config import effective_table
    from quality.lint.settings import LintOptions, LintUsageError, resolve
    from quality.pipeline import detector_options

    config = config_from(args)
    try:
        settings = resolve(config, LintOptions())
    except LintUsageError as exc:
        raise UsageError(str(exc)) from exc
    lint = {
        "fail_on": settings.fail_on.value, "min_severity": settings.min_severity.value, "format": settings.format,
        "show_source": settings.show_source, "report_unused_ignores": settings.report_unused_ignores,
        "exclude": settings.exclude, "corpus": settings.corpus, "source": settings.source,
    }  # fmt: skip
    table = effective_table(config, detector_options(config), lint)
    if args.format == "json":
        print(json.dumps({"path": str(config.path) if config.path else None, "tool": {"quality": table}}, indent=2, ensure_ascii=False))
        return 0
    where = f"read from {config.path}" if config.path else "no quality.toml or pyproject.toml [tool.quality] found: all defaults"
    print(f"# The configuration in effect ({where}).")
    print("# Every value is shown, configured or default; `select` is absent when every rule runs.")
    sys.stdout.write(tomli_w.dumps({"tool": {"quality": table}}))
    return 0


def _report_stale_temporaries(files: Iterable[Path]) -> None:
    """Remove what an earlier, killed run of ours left beside these files, and say so."""
    from quality.replace import remove_stale_beside

    for temporary in remove_stale_beside(files):
        print(f"quality: removed {_printable(str(temporary))}, a temporary file left by an interrupted run", file=sys.stderr)


def cmd_fix(args: argparse.Namespace) -> int:
    """Apply the safe repairs: a unified diff on stdout, or the files rewritten with --write.

    Files are read as the loader reads articles; every readable one is fixed. Each path that
    could not be read, and each repair that could not be written back faithfully, is one
    ``quality: error: PATH: MESSAGE`` line, and the run then exits 2 (after the others). A diff
    run that would change a file exits 1 (``ruff --diff`` does the same), so ``quality fix``
    can gate a commit; with ``--write``, 0.
    """
    from quality.fix import REPAIR_STEPS, DecodeError, find_text_files, fix_file, read_problem

    try:
        config = load_config(args.config)
        if config.detectors:  # the repairs take the detectors' options: checked before any file
            check_detector_options(config)
    except ConfigError as exc:
        raise UsageError(str(exc)) from exc
    max_chars = config.max_article_chars if args.max_article_chars is None else args.max_article_chars or None  # 0: no limit
    steps = {step.keyword: getattr(args, step.keyword) for step in REPAIR_STEPS.values() if not step.default}

    def error(path: object, message: str) -> None:
        print(f"quality: error: {_printable(str(path))}: {_printable(message)}", file=sys.stderr)

    files, problems = find_text_files(args.files)
    for problem in problems:
        error(problem.path, problem.message)
    if args.write:
        _report_stale_temporaries(files)
    read = changed = 0
    failed = len(problems)
    for path in files:
        try:
            result = fix_file(path, max_chars, config, **steps)
        except (OSError, DecodeError) as exc:
            error(path, read_problem(exc))
            failed += 1
            continue
        read += 1
        if not result.changed:
            continue
        try:
            if args.write:
                result.write()
            else:
                result.check()
        except DecodeError as exc:  # the repair would not read back as it is: leave the file
            error(path, f"repair not applied, the file is unchanged: {exc}")
            failed += 1
            continue
        except OSError as exc:
            error(path, f"cannot write the fix: {exc.strerror or exc}")
            failed += 1
            continue
        changed += 1
        if not args.write:
            sys.stdout.write(result.diff())
    verb = "fixed" if args.write else "would fix"
    print(f"quality: {verb} {changed} of {read} files, errors {failed}", file=sys.stderr)
    if failed:
        return 2
    return 1 if changed and not args.write else 0  # a diff to apply fails a check, as ruff --diff


def cmd_lint(args: argparse.Namespace) -> int:
    """Lint drafts; exit 0 clean, 1 findings at or above --fail-on, 2 usage or input error."""
    import os

    from quality.lint import LintOptions, LintUsageError, lint, render, resolve

    options = LintOptions(
        select=_split(args.select),
        ignore=_split(args.ignore),
        fail_on=args.fail_on,
        min_severity=args.min_severity,
        format=args.format,
        show_source=args.show_source,
        report_unused_ignores=args.report_unused_ignores,
        exclude=_split(args.exclude),
        corpus=args.corpus,
        source=args.source,
        fix=args.fix,
        exit_zero=args.exit_zero,
        stdin_filename=args.stdin_filename,
    )
    try:
        config = load_config(args.config)
        if args.max_article_chars is not None:
            config = replace(config, max_article_chars=args.max_article_chars or None)  # 0: no limit
        settings = resolve(config, options)
        progress = _progress()
        try:
            report = lint(args.paths, settings, stdin=sys.stdin.buffer if "-" in args.paths else None, progress=progress)
        finally:
            progress.close()
    except (LintUsageError, ConfigError) as exc:
        raise UsageError(str(exc)) from exc
    if args.fix:
        _report_stale_temporaries(Path(file.path) for file in report.files)
    for problem in report.problems:  # one line each, whatever the path holds (a newline, say)
        print(f"quality: {_printable(str(problem))}", file=sys.stderr)
    for file in report.files:
        if file.error:
            print(f"quality: {_printable(file.path)}: {_printable(file.error)}", file=sys.stderr)
    if not report.files and not report.problems:
        print("quality: warning: no drafts (.txt, .md) found in the given paths", file=sys.stderr)
    stream = sys.stdout
    if report.fixed_stdin is not None:  # --fix on standard input: the text out, the report aside
        sys.stdout.write(report.fixed_stdin)
        stream = sys.stderr
    color = args.color == "always" or (args.color == "auto" and not args.output and stream.isatty() and "NO_COLOR" not in os.environ)
    text = render(report, settings.format, color=color, show_source=settings.show_source)
    if args.output:
        write_text_file(args.output, text)
    else:
        stream.write(text)
    return report.exit_code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quality", description="How trustworthy is the text of these news articles?")
    parser.add_argument("--version", action="version", version=f"quality {tool_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    score = commands.add_parser("score", help="per-source quality report (or per article with --articles)")
    _input_options(score)
    score.add_argument("--format", choices=SCORE_FORMATS, default=None, help="output format (default: from the --output suffix, else table); html: the report of `quality report`")
    score.add_argument("--articles", action="store_true", help="one row per article instead of per source")
    score.add_argument("--wide", action="store_true", help="table: every summary column, however wide (default: what fits the terminal)")
    score.set_defaults(handler=cmd_score)

    report = commands.add_parser(
        "report",
        help="the HTML report: charts, each source's top rules, every article with its findings highlighted",
        description="Write one self-contained HTML file (no network needed to open it): the source ranking with "
        "intervals, a heat map of dimensions, defects by rule family, examples per source, and every article with "
        "its findings highlighted. The same as `quality score PATH... --format html`.",
    )
    _input_options(report, output="quality-report.html")
    report.set_defaults(handler=cmd_report)

    findings = commands.add_parser("findings", help="every finding, one row each")
    _input_options(findings)
    findings.add_argument("--statistics", action="store_true", help="one row per rule: how many findings, in how many articles")
    findings.add_argument("--min-severity", choices=("error", "warning", "info"), default="info", help="leave out findings below this severity (default: info, all)")
    findings.add_argument("--format", choices=FORMATS, default=None, help="output format (default: from the --output suffix, else table)")
    findings.set_defaults(handler=cmd_findings)

    stories = commands.add_parser(
        "stories",
        help="group the articles into stories and compare the outlets that carried each",
        description="One row per (story, article): the story's id and label, the article's role (origin, copy, "
        "rewrite, independent, single), its likely origin, and how many of its sentences are verbatim, edited, "
        "reworded or original; the divergences between versions are findings (STY rules, `quality findings`).",
    )
    _input_options(stories)
    stories.add_argument("--format", choices=SCORE_FORMATS, default=None, help="output format (default: from the --output suffix, else table); html: the HTML report, with the stories side by side")
    stories.set_defaults(handler=cmd_stories)

    fix = commands.add_parser(
        "fix",
        help="repair encoding damage: a unified diff, or in place with --write",
        description="Repair encoding damage in text files read as `quality score` reads them. Exit codes: 0 nothing "
        "to repair, or every repair written (--write); 1 a diff to apply (as ruff --diff); 2 usage or configuration "
        "error, or a path that could not be read or fixed.",
    )
    fix.add_argument("files", nargs="+", metavar="FILE", help="text files, or folders of .txt and Markdown files")
    fix.add_argument("--write", action="store_true", help="rewrite the files instead of printing a diff")
    fix.add_argument("--config", help="a quality.toml or pyproject.toml (default: found from the current folder up)")
    fix.add_argument(
        "--max-article-chars", type=_non_negative, default=None, metavar="N",
        help="refuse longer files as unreadable, exit 2 (default 10,000,000 or max_article_chars in the config; 0: no limit)",
    )  # fmt: skip
    from quality.fix import REPAIR_STEPS

    for step in REPAIR_STEPS.values():
        if not step.default:  # optional repairs plug in as flags (e.g. --strip-boilerplate)
            fix.add_argument(f"--{step.name}", dest=step.keyword, action="store_true", help=step.help)
    fix.set_defaults(handler=cmd_fix)

    lint = commands.add_parser(
        "lint",
        help="check drafts before publishing (exit 1 on findings); see docs/lint.md",
        description="Check .txt and Markdown drafts. Exit codes: 0 no finding at or above --fail-on; "
        "1 such findings; 2 usage or configuration error, or an input that could not be read.",
    )
    lint.add_argument("paths", nargs="+", metavar="PATH", help="draft files or folders (.txt, .md); '-' reads standard input")
    lint.add_argument("--config", help="a quality.toml or pyproject.toml (default: found from the current folder up)")
    lint.add_argument("--format", choices=("text", "json", "sarif", "github"), default=None, help="output format (default: text)")
    lint.add_argument("--output", "-o", help="write the report to FILE instead of standard output")
    lint.add_argument("--select", help="comma-separated rule codes or prefixes to enable")
    lint.add_argument("--ignore", help="comma-separated rule codes or prefixes to disable")
    lint.add_argument("--fail-on", choices=("error", "warning", "info"), default=None, help="lowest severity that makes the run fail (default: error)")
    lint.add_argument("--min-severity", choices=("error", "warning", "info"), default=None, help="hide findings below this severity (default: info, show all)")
    lint.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the run (report only)")
    lint.add_argument("--show-source", action=argparse.BooleanOptionalAction, default=None, help="print each finding's line with a caret under the span, and its suggested repair")
    lint.add_argument("--report-unused-ignores", action=argparse.BooleanOptionalAction, default=None, help="report inline suppressions that suppress nothing (LNT001)")
    lint.add_argument("--fix", action="store_true", help="apply the verified repairs in place, then report what is left")
    lint.add_argument("--corpus", metavar="DIR", help="past articles whose corpus-level signals (learned boilerplate, name spellings) apply to the drafts")
    lint.add_argument("--source", metavar="NAME", help="the drafts' outlet when their front matter does not name one")
    lint.add_argument("--exclude", metavar="GLOBS", help="comma-separated glob patterns of files to skip")
    lint.add_argument(
        "--max-article-chars", type=_non_negative, default=None, metavar="N",
        help="refuse longer drafts as unreadable, exit 2 (default 10,000,000 or max_article_chars in the config; 0: no limit)",
    )  # fmt: skip
    lint.add_argument("--stdin-filename", metavar="NAME", help="the name of the draft read from '-' (its suffix picks Markdown or text)")
    lint.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the text report (default: on a terminal, unless NO_COLOR is set)")
    lint.set_defaults(handler=cmd_lint)

    config = commands.add_parser("config", help="show the configuration in effect: every value, and the file it came from")
    config.add_argument("--config", help="a quality.toml or pyproject.toml (default: found from the current folder up)")
    config.add_argument("--select", help=argparse.SUPPRESS)
    config.add_argument("--ignore", help=argparse.SUPPRESS)
    config.add_argument("--format", choices=("toml", "json"), default="toml", help="output format (default: toml, as it would be written)")
    config.set_defaults(handler=cmd_config)

    rules = commands.add_parser("rules", help="list the rules, or explain one (quality rules CODE)")
    rules.add_argument("code", nargs="?", help="a rule code or prefix")
    rules.set_defaults(handler=cmd_rules)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "output", None) == "-":
        args.output = None  # "-o -" is standard output, as "-" is standard input
    args.command_line = ["quality", *(sys.argv[1:] if argv is None else argv)]  # for the HTML report's record of the run
    try:
        return args.handler(args)
    except UsageError as exc:
        print(f"quality: {exc}", file=sys.stderr)
        return 2
    except OutputError as exc:  # the report's file is as it was: nothing half written
        print(f"quality: error: {_printable(str(exc))}", file=sys.stderr)
        return 2
    except UnicodeEncodeError as exc:  # a terminal in Latin-1 and an article in Chinese
        print(f"quality: the output holds characters that {exc.encoding} cannot show; use --output FILE (always UTF-8) or set PYTHONIOENCODING=utf-8", file=sys.stderr)
        return 2
    except ValueError as exc:  # e.g. --format parquet without --output
        print(f"quality: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:  # Ctrl-C or SIGINT: a report file is left as it was (output.py)
        print("quality: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
