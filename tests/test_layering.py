"""The layers of the package, checked on its import statements.

Data flows one way: text helpers (model, rules, spans, segment, quotations, english, genre, langid, hashed,
bounded, fast_start) → the detectors → the pipeline, scoring and outputs. So:

* a detector imports the detector base, its own modules, the shared tables and helpers directly
  under ``quality/detectors`` (``_wordlists``, ``_prefilter`` ...), the text helpers and
  third-party libraries, never another detector: what two detectors share moves down a layer.
  The one exception is a detector that compares what others read (:data:`READS_THROUGH`): the
  story detector compares a sentence's attribution across outlets' versions, so it reads the
  sentences with the attribution detector's analysis; it sits above that detector, never the
  other way round;
* the text helpers import only each other;
* loading never imports the pipeline;
* no module imports a private name (``_name``) of a module outside its own package.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "quality"
TEXT_HELPERS = {f"quality.{name}" for name in ("model", "rules", "spans", "segment", "quotations", "_segment_tables", "english", "genre", "langid", "bounded", "fast_start", "hashed")}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package_of(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def imports(source: str, module: str, package: str) -> list[tuple[str, list[str]]]:
    """(imported module, names taken from it) for every import of ``quality`` in ``source``,
    wherever it stands (a function's import counts as much as the module's)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            if base.startswith("quality"):
                names = [alias.name for alias in node.names]
                submodules = [f"{base}.{name}" for name in names if (PACKAGE.parent / f"{base}.{name}".replace(".", "/")).exists()
                              or (PACKAGE.parent / (f"{base}.{name}".replace(".", "/") + ".py")).exists()]  # fmt: skip
                found.append((base, names))
                found.extend((sub, []) for sub in submodules)
        elif isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names if alias.name.startswith("quality"))
    return found


# Detectors that read articles through another detector's analysis, and the detectors they read through.
READS_THROUGH = {"quality.detectors.stories": {"quality.detectors.attribution"}}


def _detector_of(module: str) -> str | None:
    """The detector a module belongs to ("quality.detectors.translation.names" → its package),
    or None for the base and the shared helpers directly under quality/detectors."""
    parts = module.split(".")
    if len(parts) < 3 or parts[:2] != ["quality", "detectors"] or parts[2] == "base" or parts[2].startswith("_"):
        return None
    return ".".join(parts[:3])


def violations(source: str, module: str, package: str) -> list[str]:
    """What in ``source`` (the text of ``module``) breaks the layering."""
    found = []
    own_detector = _detector_of(module)
    for imported, names in imports(source, module, package):
        if own_detector:
            other = _detector_of(imported)
            allowed = imported in TEXT_HELPERS or imported.startswith("quality.detectors") and (
                other in (None, own_detector) or other in READS_THROUGH.get(own_detector, ())
            )
            if not allowed:
                found.append(f"{module} imports {imported}: a detector uses the text helpers and its own modules only")
        if module in TEXT_HELPERS and imported not in TEXT_HELPERS:
            found.append(f"{module} imports {imported}: the text helpers import only each other")
        if module == "quality.load" and imported == "quality.pipeline":
            found.append("quality.load imports quality.pipeline: loading comes before the pipeline")
        own_package = imported == package or imported.startswith(package + ".")
        for name in names:
            if name.startswith("_") and not name.startswith("__") and not own_package:
                found.append(f"{module} imports the private name {imported}.{name}")
    return found


def _modules() -> list[tuple[str, str, Path]]:
    return [(_module_name(path), _package_of(_module_name(path), path), path) for path in sorted(PACKAGE.rglob("*.py"))]


@pytest.mark.parametrize(("module", "package", "path"), _modules(), ids=[m for m, _, _ in _modules()])
def test_module_keeps_to_its_layer(module: str, package: str, path: Path) -> None:
    assert violations(path.read_text(encoding="utf-8"), module, package) == []


BROKEN = [
    # a detector reaching into another detector
    ("from quality.detectors.language import identify", "quality.detectors.translation.foreign", "quality.detectors.translation"),
    ("def f():\n    from quality.detectors import mojibake\n", "quality.detectors.boilerplate", "quality.detectors"),
    # a detector reaching up into the pipeline
    ("from quality.pipeline import analyze", "quality.detectors.readability", "quality.detectors"),
    # reading through another detector the other way round
    ("from quality.detectors.stories.align import units", "quality.detectors.attribution.analysis", "quality.detectors.attribution"),
    # a text helper reaching up
    ("from quality.detectors.base import Detector", "quality.spans", "quality"),
    # loading reaching forward
    ("from quality.pipeline import LoadError", "quality.load", "quality"),
    # a private name of another module
    ("from quality.load import _read_manifest", "quality.lint.engine", "quality.lint"),
]


@pytest.mark.parametrize(("source", "module", "package"), BROKEN, ids=[b[0][:50] for b in BROKEN])
def test_the_check_catches_a_broken_layer(source: str, module: str, package: str) -> None:
    assert violations(source, module, package)


ALLOWED = [
    ("from quality.detectors.translation import _tables as tables", "quality.detectors.translation.foreign", "quality.detectors.translation"),
    ("from quality.detectors._wordlists import top_words", "quality.detectors.mojibake._words", "quality.detectors.mojibake"),
    ("from quality.langid import identify", "quality.detectors.translation.foreign", "quality.detectors.translation"),
    ("from quality.detectors import DETECTOR_CLASSES", "quality.scoring", "quality"),
    ("from quality.detectors.attribution.analysis import analyse", "quality.detectors.stories.story", "quality.detectors.stories"),
]


@pytest.mark.parametrize(("source", "module", "package"), ALLOWED, ids=[a[0][:50] for a in ALLOWED])
def test_the_check_allows_what_the_layers_allow(source: str, module: str, package: str) -> None:
    assert violations(source, module, package) == []
