"""Configuration: weights, thresholds and rule selection, from TOML.

Looked up, first match wins: an explicit ``--config FILE``; ``quality.toml`` (top-level keys)
or ``pyproject.toml`` with a ``[tool.quality]`` table, in the current folder or its parents.

.. code-block:: toml

    [tool.quality]
    expected_language = "en"
    max_article_chars = 10_000_000   # longer articles are error rows; 0: no limit
    select = ["MOJ", "BPL"]          # codes or prefixes; default: all rules
    ignore = ["RDB002"]

    [tool.quality.weights]           # article quality = weighted mean of dimensions
    encoding_integrity = 2.0

    [tool.quality.severity]          # override a rule's default severity
    BPL003 = "info"

    [tool.quality.detectors.readability]   # constructor keywords of one detector
    max_sentence_words = 60

    [tool.quality.lint]
    fail_on = "warning"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

from quality.model import Severity

# Why these defaults: encoding damage and untranslated text are the clearest signs that nobody
# read the text before publishing, so they weigh most; readability and language are
# supporting signals only (a hard text is not an untrustworthy one).
DEFAULT_WEIGHTS: dict[str, float] = {
    "encoding_integrity": 3.0,
    "translation_fluency": 3.0,
    "cleanliness": 2.0,
    "sourcing": 2.0,
    "language": 1.0,
    "readability": 0.5,
}


# Ten million characters is some fifty times the longest news features we know of, and twice
# the 5 MB that the resource tests show every detector handles in linear time. Longer "articles"
# are scraper failures (a whole site or feed in one record) whose score would mean nothing,
# while their findings would fill memory. Configurable as ``max_article_chars`` (0: no limit).
DEFAULT_MAX_ARTICLE_CHARS = 10_000_000


class ConfigError(ValueError):
    """The configuration cannot be used; the message says which key and why."""


@dataclass(frozen=True)
class Config:
    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    detectors: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    expected_language: str = "en"
    lint: Mapping[str, Any] = field(default_factory=dict)
    max_article_chars: int | None = DEFAULT_MAX_ARTICLE_CHARS  # None: no limit
    path: Path | None = None  # where it was read from, for messages

    def with_overrides(self, **changes: Any) -> "Config":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def parse_config(table: Mapping[str, Any], path: Path | None = None) -> Config:
    """Validate a ``[tool.quality]`` table. Unknown keys are errors: a typo must not be ignored."""
    known = {"weights", "select", "ignore", "severity", "detectors", "expected_language", "lint", "max_article_chars"}
    unknown = set(table) - known
    if unknown:
        raise ConfigError(f"{path or 'config'}: unknown key(s) {', '.join(sorted(unknown))}")
    weights = dict(DEFAULT_WEIGHTS)
    for name, value in dict(table.get("weights", {})).items():
        if name not in DEFAULT_WEIGHTS:
            raise ConfigError(f"weights.{name}: unknown dimension (known: {', '.join(DEFAULT_WEIGHTS)})")
        if not isinstance(value, (int, float)) or value < 0:
            raise ConfigError(f"weights.{name}: want a number >= 0, got {value!r}")
        weights[name] = float(value)
    try:
        severity = {code.upper(): Severity(level) for code, level in dict(table.get("severity", {})).items()}
    except ValueError as exc:
        raise ConfigError(f"severity: {exc}; want error, warning or info") from exc
    select = table.get("select")
    max_chars = table.get("max_article_chars", DEFAULT_MAX_ARTICLE_CHARS)
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 0:
        raise ConfigError(f"max_article_chars: want a whole number >= 0 (0: no limit), got {max_chars!r}")
    return Config(
        weights=weights,
        select=tuple(select) if select is not None else None,
        ignore=tuple(table.get("ignore", ())),
        severity=severity,
        detectors={k: dict(v) for k, v in dict(table.get("detectors", {})).items()},
        expected_language=str(table.get("expected_language", "en")),
        lint=dict(table.get("lint", {})),
        max_article_chars=max_chars or None,
        path=path,
    )


def load_config(explicit: str | Path | None = None, start: Path | None = None) -> Config:
    """Find and read the configuration; defaults when there is none."""
    if explicit is not None:
        path = Path(explicit)
        return parse_config(_table_from(path), path)
    folder = (start or Path.cwd()).resolve()
    for directory in (folder, *folder.parents):
        for name in ("quality.toml", "pyproject.toml"):
            candidate = directory / name
            if candidate.is_file():
                table = _table_from(candidate)
                if name == "quality.toml" or table:
                    return parse_config(table, candidate)
    return Config()


def _table_from(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:  # RecursionError: nested too deeply
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from exc
    if path.name == "pyproject.toml":
        return dict(data.get("tool", {}).get("quality", {}))
    return data


def effective_table(config: Config, detector_options: Mapping[str, Mapping[str, Any]], lint: Mapping[str, Any]) -> dict[str, Any]:
    """Every setting a run uses, default or configured, as the ``[tool.quality]`` table that
    would say so: what ``quality config`` prints. ``detector_options`` and ``lint`` are the
    resolved values (the caller knows the detectors' and lint's defaults). Keys whose value is
    "not set" (``select`` when every rule runs) are left out, as TOML has no null."""
    table: dict[str, Any] = {"expected_language": config.expected_language, "max_article_chars": config.max_article_chars or 0}
    if config.select is not None:
        table["select"] = list(config.select)
    table["ignore"] = list(config.ignore)
    table["weights"] = dict(config.weights)
    table["severity"] = {code: level.value for code, level in sorted(config.severity.items())}
    table["detectors"] = {name: _toml_values(options) for name, options in detector_options.items()}
    table["lint"] = _toml_values(lint)
    return table


def _toml_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """TOML-writable copies: tuples and sets as lists; ``None`` (not set) left out."""
    shown: dict[str, Any] = {}
    for key, value in values.items():
        if value is None:
            continue
        if isinstance(value, (tuple, list, set, frozenset)):
            value = sorted(value) if isinstance(value, (set, frozenset)) else list(value)
        elif isinstance(value, Path):
            value = str(value)
        shown[key] = value
    return shown
