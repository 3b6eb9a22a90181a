"""Automatic repairs: ``quality.fix_text(text)`` and ``quality fix FILE...``.

A repair is a *step*, a function from text to text, registered in ``REPAIR_STEPS`` in the order
it runs. Default steps always run; optional ones run when asked (``fix_text(text,
strip_boilerplate=True)``, ``quality fix --strip-boilerplate``): the CLI grows one flag per
optional step by itself. Plugging in another repair is one call, as boilerplate stripping is
below::

    register_repair(RepairStep("strip-boilerplate", strip_boilerplate, default=False,
                               help="remove page residue (credits, share buttons, footers)"))

Every step must leave clean text unchanged and be idempotent, so that
``fix_text(fix_text(t)) == fix_text(t)``. A step marked ``repeat`` is applied again until the
text stops changing, because its own output may hold more to repair (an HTML entity hiding
mojibake: ``"10Î&frac14;s"`` becomes ``"10Î¼s"``, then ``"10μs"``); other steps run once.

The built-in step, ``encoding``, applies only repairs of rules marked ``fix="safe"``: mojibake
undone by a verified round trip, C1 controls mapped back to their windows-1252 characters,
HTML entities decoded, stray control characters and NULs removed. Damage that cannot be
restored (U+FFFD, mojibake with lost bytes) is left for a person.

Files (:func:`fix_file`, ``quality fix``) are read and written back by :mod:`quality.textfile`,
the code ``quality lint --fix`` uses: strictly, as the loader reads an article file. A file that
``quality score`` refuses (invalid UTF-8, Latin-1, NUL bytes, binary data, over
``max_article_chars``) is reported and never rewritten, so NUL removal applies to text handed to
:func:`fix_text`, never to a file holding NUL bytes (that file is damaged, not mojibake). A
repair is written back in the file's own encoding and byte-order mark, atomically, and only when
those bytes read back as the repaired text; otherwise the file is left as it was.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from quality.detectors.boilerplate import strip_boilerplate
from quality.detectors.mojibake import MOJIBAKE_RULES, Damage, Engine
from quality.detectors.mojibake import _tables as MOJIBAKE_TABLES
from quality.load import TABLE_SUFFIXES, DecodeError, PathProblem, not_regular, printable_path, text_files_under, too_deep
from quality.markdown import is_markdown_name
from quality.config import DEFAULT_MAX_ARTICLE_CHARS, Config
from quality.textfile import TextFile, encode_as_read, read_problem, read_text_file, write_back

# Enough for an entity hiding double mojibake; real text settles in one or two.
MAX_PASSES = 6


@dataclass(frozen=True)
class RepairStep:
    """One repair: ``name`` is kebab-case (the CLI flag of an optional step is ``--NAME``).
    ``apply`` takes the text; a step that repairs what a detector finds names the ``detector``,
    and ``apply`` then also takes that detector's configured options (its constructor keywords,
    as ``quality score`` builds it), so that a repair and a finding agree."""

    name: str
    apply: Callable[..., str]
    default: bool
    help: str
    repeat: bool = False  # apply again until the text stops changing
    detector: str | None = None  # whose options ``apply`` receives

    @property
    def keyword(self) -> str:
        """The step's keyword argument to :func:`fix_text`."""
        return self.name.replace("-", "_")


REPAIR_STEPS: dict[str, RepairStep] = {}


def register_repair(step: RepairStep) -> RepairStep:
    """Add a repair step; steps run in the order they were registered."""
    if step.name in REPAIR_STEPS and REPAIR_STEPS[step.name] != step:
        raise ValueError(f"repair step {step.name!r} registered twice")
    REPAIR_STEPS[step.name] = step
    return step


SAFE_CODES = frozenset(rule.code for rule in MOJIBAKE_RULES if rule.fix == "safe")


@lru_cache(maxsize=4)
def _engine(min_gain: float = MOJIBAKE_TABLES.MIN_GAIN, word_frequencies: bool = True) -> Engine:
    return Engine(min_gain=min_gain, use_wordfreq=word_frequencies)


def safe_damage(text: str, options: Mapping[str, Any] | None = None) -> list[Damage]:
    """The damage in ``text`` that the ``encoding`` step repairs; ``options`` are the mojibake
    detector's (``min_gain``, ``word_frequencies``)."""
    return [d for d in _engine(**(options or {})).find(text) if d.code in SAFE_CODES and d.repair is not None]


def repair_encoding(text: str, options: Mapping[str, Any] | None = None) -> str:
    """Apply every verified encoding repair once (``fix_text`` repeats until stable)."""
    damages = safe_damage(text, options)
    if not damages:
        return text
    pieces, cursor = [], 0
    for d in sorted(damages, key=lambda d: d.start):
        if d.start < cursor:  # findings never overlap; stay safe if two ever did
            continue
        pieces += [text[cursor : d.start], d.repair]
        cursor = d.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _strip_boilerplate(text: str, options: Mapping[str, Any]) -> str:
    """:func:`strip_boilerplate` with the boilerplate detector's line thresholds."""
    return strip_boilerplate(text, **{key: options[key] for key in STRIP_OPTIONS if key in options})


# The boilerplate detector's options that decide a line on its own (the others need a corpus).
STRIP_OPTIONS = ("threshold", "edge_share", "family_veto")

register_repair(
    RepairStep(
        "encoding",
        repair_encoding,
        default=True,
        help="undo verified mojibake, map C1 controls to windows-1252, decode HTML entities, remove control characters",
        repeat=True,
        detector="mojibake",
    )
)
register_repair(
    RepairStep(
        "strip-boilerplate",
        _strip_boilerplate,
        default=False,
        help="also remove boilerplate lines (credits, navigation, share and follow prompts; see BPL rules)",
        detector="boilerplate",
    )
)


def fix_text(text: str, config: Config | None = None, **steps: bool) -> str:
    """``text`` with every enabled repair applied until nothing changes.

    ``config`` gives the detectors' options (``[tool.quality.detectors.mojibake]`` ...), so that
    a repair is made exactly where ``quality score`` reports the damage; default: the defaults.
    Keywords switch steps on or off by name (``strip_boilerplate=True``, ``encoding=False``);
    unnamed steps keep their default. Clean text comes back unchanged.
    """
    known = {step.keyword for step in REPAIR_STEPS.values()}
    unknown = set(steps) - known
    if unknown:
        raise TypeError(f"unknown repair step(s): {', '.join(sorted(unknown))} (known: {', '.join(sorted(known))})")
    options = _configured_options(config)
    for step in REPAIR_STEPS.values():
        if not steps.get(step.keyword, step.default):
            continue
        for _ in range(MAX_PASSES if step.repeat else 1):
            before = text
            text = step.apply(text, options.get(step.detector, {})) if step.detector else step.apply(text)
            if text == before:
                break
    return text


def _configured_options(config: Config | None) -> dict[str, dict[str, Any]]:
    """Each detector's keywords as ``quality score`` builds it; none (the defaults) when the
    configuration sets no detector option, which spares importing every detector."""
    if config is None or not config.detectors:
        return {}
    from quality.pipeline import detector_options

    return detector_options(config)


# ------------------------------------------------------------------------------------- files
#
# Files are read and written by quality.textfile, as `quality lint --fix` reads and writes drafts:
# strictly, by the loader's rules. A file that `quality score` refuses as damaged (NUL bytes,
# binary data, invalid UTF-8, Latin-1, over max_article_chars) is reported, never "repaired".


@dataclass(frozen=True)
class FileFix:
    """A file's text before and after the repairs, and the form (codec, byte-order mark) its
    bytes had, in which the repaired text is written back."""

    path: Path
    original: str
    fixed: str
    read_as: TextFile  # the file as read: its encoding, mark and snapshot

    @property
    def changed(self) -> bool:
        return self.original != self.fixed

    def diff(self) -> str:
        """A unified diff, as ``diff -u`` and ``git diff`` print it. The file name is escaped
        (:func:`~quality.load.printable_path`): a name holding a line break would otherwise
        smuggle lines into the diff that ``patch`` applies to another file."""
        before = _diff_lines(self.original)
        after = _diff_lines(self.fixed)
        name = printable_path(str(self.path))
        return "".join(difflib.unified_diff(before, after, fromfile=name, tofile=name))

    def check(self) -> None:
        """Raise :class:`DecodeError` when the fixed text could not be written back faithfully
        (see :func:`quality.textfile.encode_as_read`); :meth:`write` would refuse it."""
        encode_as_read(self.fixed, self.read_as.codec, self.read_as.bom)

    def write(self) -> None:
        """Replace the file, atomically, with the fixed text in the file's own encoding,
        byte-order mark and line endings (:func:`quality.replace.replace_file`). Raises
        :class:`DecodeError` when those bytes would not read back as the fixed text, and
        ``OSError`` when the file may not be replaced (changed since read, read-only, a link
        leading outside); in both cases the file is unchanged."""
        write_back(self.path, self.fixed, self.read_as)


def _diff_lines(text: str) -> list[str]:
    """``text`` as ``diff`` and ``patch`` see it: lines end at LF only (a CR stays part of its
    line, as do U+2028 and form feeds), and a last line without LF is marked as such."""
    lines = text.split("\n")
    lines = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n\\ No newline at end of file\n"
    return lines


def fix_file(path: str | Path, max_chars: int | None = DEFAULT_MAX_ARTICLE_CHARS, config: Config | None = None, **steps: bool) -> FileFix:
    """Read a text file as the loader does and repair its prose (nothing is written): as
    ``quality lint --fix`` does, a Markdown file's front matter, code, comments and markup, and
    any text under a ``quality: ignore`` directive, are left as they are.

    Raises ``OSError`` when the file cannot be read, :class:`DecodeError` when it is not text
    the loader accepts, and :class:`~quality.textfile.TooLarge` (a ``DecodeError``) when it
    holds more than ``max_chars`` characters (None: no limit); :func:`read_problem` words each.
    ``config`` and ``steps`` as for :func:`fix_text`.
    """
    from quality.lint.drafts import repaired_text  # lint's loader: one repair path for both commands

    path = Path(path)
    file = read_text_file(path, max_chars)
    try:
        fixed = repaired_text(file.text, is_markdown_name(path.name), functools.partial(fix_text, config=config, **steps))
    except RecursionError as exc:  # front matter nested too deeply for its parser
        raise DecodeError(too_deep(exc)) from exc
    return FileFix(path, file.text, fixed, file)


def table_refusal(path: Path) -> str:
    """Why a table file is not fixed, and what to use instead."""
    kind = path.suffix.lower()
    return (
        f"a {kind} table, not a text file: `quality fix` rewrites text files only, since a text "
        f"repair would break the table's quoting; repair its text column with quality.fix_text in Python"
    )


def find_text_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[PathProblem]]:
    """The files named, and the ``.txt``/``.md`` files under folders named, in a stable order,
    each once; and the paths that gave none.

    Folders are walked as the loader walks them (sorted, hidden entries skipped, symlinked
    folders followed once, unreadable folders reported). A file named is fixed whatever its
    suffix, except a table (``.jsonl``, ``.csv``, ``.parquet``): its articles are fields
    inside a structure that a text repair would break (an ``&quot;`` decoded inside a JSON
    string ends it), so a table is a problem, never rewritten. So is a file found under a
    folder through a link that leads outside it (``quality fix .`` must not edit files
    elsewhere). Special files (FIFOs, sockets) and broken links are problems: reading a FIFO
    would wait forever.
    """
    files: list[Path] = []
    problems: list[PathProblem] = []
    seen: set[Path] = set()

    def add(path: Path, within: Path | None = None) -> None:
        if not path.is_file():
            problems.append(PathProblem(str(path), not_regular(path)))
        elif path.suffix.lower() in TABLE_SUFFIXES:
            problems.append(PathProblem(str(path), table_refusal(path)))
        elif within is not None and not path.resolve().is_relative_to(within.resolve()):
            problems.append(PathProblem(str(path), f"a link leading outside {within}, to {path.resolve()}: not fixed"))
        elif path.resolve() not in seen:
            seen.add(path.resolve())
            files.append(path)

    for given in paths:
        path = Path(given)
        if path.is_dir():
            texts, trouble = text_files_under(path, "text files")
            problems += trouble
            for file in texts:
                add(file, path)
        elif path.exists() or path.is_symlink():
            add(path)
        else:
            problems.append(PathProblem(str(path), "no such file or folder"))
    return files, problems



__all__ = [
    "REPAIR_STEPS",
    "DecodeError",
    "FileFix",
    "PathProblem",
    "RepairStep",
    "find_text_files",
    "fix_file",
    "fix_text",
    "read_problem",
    "register_repair",
    "repair_encoding",
]
