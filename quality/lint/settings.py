"""Options of a lint run, resolved: the command line over ``[tool.quality.lint]`` over
``[tool.quality]`` over defaults, and validated, so that a typo exits 2 instead of being ignored.

``select``/``ignore`` are split between the pipeline's rules (passed on to
:func:`quality.pipeline.analyze` in the configuration) and the lint rules (``LNT``), which the
linter raises itself.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from quality.config import Config
from quality.lint.lint_rules import LINT_RULES, is_lint_code, matching_lint_codes
from quality.model import Severity
from quality.rules import RULES, Rule, selected_codes

FORMATS = ("text", "json", "sarif", "github")
FAIL_ON = ("error", "warning", "info")

# [tool.quality.lint] keys and the type each must have; anything else is an error (a typo must
# not be ignored, as in the rest of the configuration).
LINT_KEYS: dict[str, type | tuple[type, ...]] = {
    "select": list,
    "ignore": list,
    "fail_on": str,
    "min_severity": str,
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
    min_severity: str | None = None
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
    min_severity: Severity  # findings below it are not shown, and so cannot fail the run
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
    min_severity = str(pick("min_severity", "info")).lower()
    if min_severity not in FAIL_ON:
        raise LintUsageError(f"min-severity: want one of {', '.join(FAIL_ON)}, got {min_severity!r}")
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
        min_severity=Severity(min_severity),
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
