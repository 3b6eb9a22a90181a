"""quality: how trustworthy is the text of these news articles?

Public API::

    import quality
    scores = quality.score_frame(df, text="text", source="source")   # one row per input row
    report = quality.source_report(scores)                           # one row per source
    findings = quality.findings_frame(df)                            # one row per finding
    df.quality.score()                                               # the same, as an accessor
    clean = quality.strip_boilerplate(text)                          # the article without page furniture
    sentences = quality.attribution_frame(df["text"])                # one row per sentence: who says so
    fixed = quality.fix_text("The cafÃ© reopened")                  # verified repairs only
    quality.plot.ranking(report)                                     # the HTML report's charts, as matplotlib figures
    for results in quality.stream_results(lambda: quality.load_paths(["corpus.jsonl"])):
        ...                                                          # a corpus of any size, a chunk at a time

Each name is imported on first use, so that ``import quality`` (and so ``quality --help`` and
``quality lint``) does not pay for pandas and the detectors' libraries until they are needed.
The ``df.quality`` accessor is registered when pandas is imported, before or after ``quality``.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from typing import Any

# Public name → the module that defines it.
_API = {
    "Config": "quality.config", "load_config": "quality.config",
    "attribution_frame": "quality.detectors.attribution",
    "strip_boilerplate": "quality.detectors.boilerplate", "strip_findings": "quality.detectors.boilerplate",
    "fix_text": "quality.fix",
    "article_rows": "quality.frame", "findings_frame": "quality.frame", "rules_frame": "quality.frame", "score_frame": "quality.frame",
    "story_frame": "quality.frame",
    "load_paths": "quality.load",
    "Article": "quality.model", "ArticleResult": "quality.model", "DetectorResult": "quality.model",
    "Finding": "quality.model", "Severity": "quality.model",
    "analyze": "quality.pipeline",
    "RULES": "quality.rules",
    "SourceTotals": "quality.scoring", "source_report": "quality.scoring",
    "stream_results": "quality.stream",
}  # fmt: skip

# Public submodules, imported on first use as well: ``quality.plot.ranking(report)``.
_SUBMODULES = ("plot",)

__all__ = sorted([*_API, *_SUBMODULES])


def __getattr__(name: str) -> Any:
    if name in _API or name in _SUBMODULES:
        module = importlib.import_module(f"quality.{name}" if name in _SUBMODULES else _API[name])
        value = module if name in _SUBMODULES else getattr(module, name)
        globals()[name] = value  # found once; later look-ups do not come back here
        return value
    raise AttributeError(f"module 'quality' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API) | set(_SUBMODULES))


class _RegisterAccessorAfterPandas(importlib.abc.MetaPathFinder):
    """Registers ``df.quality`` (in :mod:`quality.frame`) right after pandas is first imported:
    finds pandas as the import system would, and runs the registration once its module has run."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if name != "pandas":
            return None
        sys.meta_path.remove(self)  # once, and so that the look-up below finds the real pandas
        spec = importlib.util.find_spec("pandas")
        if spec is not None and spec.loader is not None:
            spec.loader = _ThenRegister(spec.loader)
        return spec


class _ThenRegister(importlib.abc.Loader):
    def __init__(self, loader: importlib.abc.Loader) -> None:
        self._loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> Any:
        return self._loader.create_module(spec)

    def exec_module(self, module: Any) -> None:
        self._loader.exec_module(module)
        importlib.import_module("quality.frame")  # registers the accessor

    def __getattr__(self, name: str) -> Any:  # anything else a loader is asked (resources, ...)
        return getattr(self._loader, name)


if "pandas" in sys.modules:
    importlib.import_module("quality.frame")
else:
    sys.meta_path.insert(0, _RegisterAccessorAfterPandas())
