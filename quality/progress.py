"""Progress of a run, stage by stage: reading, analysing, each detector's corpus pass, scoring.

A run over a large corpus spends minutes after the last article is analysed (the corpus pass);
a bar that sits at 100% meanwhile looks like a hang. So the pipeline names each stage as it
starts and counts its steps, and a :class:`Progress` shows them. Three kinds:

- :class:`NoProgress`, silent (the default of the Python API);
- :class:`BarProgress`, a tqdm bar on stderr whose label follows the stage, shown only after
  half a second so that quick runs print nothing (``analyze(..., progress=True)``, and the CLI
  when stderr is a terminal);
- :class:`CountProgress`, which calls ``callback(n)`` as articles are analysed: the older
  ``progress=callable`` form of the API (the other stages are not counted).
"""

from __future__ import annotations

import sys
from typing import Any, Callable, TextIO, Union

ANALYSING = "analysing"


class Progress:
    """What the pipeline calls; this base class shows nothing."""

    def stage(self, name: str, total: int | None = None) -> None:
        """A new stage starts, with ``total`` steps if known."""

    def advance(self, steps: int = 1) -> None:
        """``steps`` more steps of the current stage are done."""

    def close(self) -> None:
        """The run is over (or stopped): remove what is shown."""


class NoProgress(Progress):
    pass


class CountProgress(Progress):
    def __init__(self, callback: Callable[[int], None]) -> None:
        self._callback = callback
        self._counting = False

    def stage(self, name: str, total: int | None = None) -> None:
        self._counting = name == ANALYSING

    def advance(self, steps: int = 1) -> None:
        if self._counting:
            self._callback(steps)


class BarProgress(Progress):
    def __init__(self, stream: TextIO | None = None, delay: float = 0.5) -> None:
        self._stream = stream or sys.stderr
        self._delay = delay
        self._bar: Any = None

    def stage(self, name: str, total: int | None = None) -> None:
        from tqdm import tqdm

        self.close()
        self._bar = tqdm(total=total, desc=name, unit="article", file=self._stream, leave=False, delay=self._delay, dynamic_ncols=True)

    def advance(self, steps: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(steps)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


ProgressLike = Union[Progress, Callable[[int], None], bool, None]


def as_progress(progress: ProgressLike) -> Progress:
    """The :class:`Progress` meant by an API argument: ``True`` a bar on stderr, a callable a
    per-article count, ``None``/``False`` nothing."""
    if isinstance(progress, Progress):
        return progress
    if progress is True:
        return BarProgress()
    if callable(progress):
        return CountProgress(progress)
    return NoProgress()
