"""The pipeline over a corpus of any length, a chunk of articles at a time.

:func:`quality.analyze` holds every article and result until the end. :func:`stream_results`
holds one chunk of :data:`STREAM_CHUNK` articles at a time (two with a worker pool: the next
chunk's work is queued while this one is collected) and gives the results back chunk by chunk,
in input order, equal to what :func:`~quality.pipeline.analyze` gives for the same input:

0. **Ids.** The input is read once for its ids alone (8 bytes each:
   :class:`~quality.pipeline.IdIndex`), so that a repeated id is renamed exactly as the whole
   batch would rename it; this is why the input must be readable twice (``read`` is called
   twice). Standard input is spilled to a file first (:func:`spilled`).
1. **Detection**, chunk by chunk (in the worker pool when there is one); each corpus
   detector's summary of the chunk joins a running merge (:class:`RunningMerge`), and the
   chunk's results go to a temporary file (:class:`Spill`), not to memory.
2. **Corpus signals and finishing**: the chunks are read back one at a time, the merged
   summaries applied (workers read each summary once, from a file) and the results given out.

What stays in memory: the chunks, the dictionaries, 8 bytes an article for the ids, and what
the merged corpus summaries keep there. The run names a record folder for them
(:func:`~quality.detectors.base.records_on_disk`): paragraph versions go to record files,
names and line counts to SQLite files (:mod:`quality.detectors._stored`), once a summary is
large; what still grows per article is listed in docs/performance.md. The temporary files hold
a few times the corpus's own size, and go when the run ends, however it ends.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import shutil
import tempfile
from collections import deque
from contextlib import contextmanager
from dataclasses import replace
from functools import cache
from typing import IO, Any, BinaryIO, Callable, Iterable, Iterator

from quality.config import Config
from quality.detectors import Detector
from quality.detectors.base import records_on_disk
from quality.load import Item
from quality.model import Article, ArticleResult
from quality.pipeline import (
    IdIndex,
    IdRenamer,
    Staged,
    _shared_pool,
    _worker_count,
    apply_later,
    as_article,
    build_detectors,
    corpus_merge,
    corpus_summaries,
    detect_later,
    finish_stage,
)
from quality.progress import ANALYSING, Progress, ProgressLike, as_progress
from quality.rules import selected_codes

STREAM_CHUNK = 512  # articles in memory at a time (and per corpus summary)
SPILL_MEMORY = 32 << 20  # bytes a spill holds in memory before it moves to a temporary file


def stream_results(
    read: Callable[[], Iterable[Item]],
    config: Config | None = None,
    progress: ProgressLike = None,
    workers: int | None = None,
    chunk: int | None = None,
) -> Iterator[list[ArticleResult]]:
    """The results of every item ``read()`` gives, a chunk of ``chunk`` articles (default
    :data:`STREAM_CHUNK`) at a time, in input order. ``read`` is called twice and must give
    the same items both times (a file re-read)."""
    config = config or Config()
    detectors = build_detectors(config)
    enabled = selected_codes(config.select, config.ignore)
    shown = as_progress(progress)
    try:
        yield from _stream(read, detectors, config, enabled, shown, _worker_count(workers), chunk or STREAM_CHUNK)
    finally:
        if shown is not progress:
            shown.close()


def _stream(
    read: Callable[[], Iterable[Item]], detectors: list[Detector], config: Config, enabled: set[str], progress: Progress, workers: int, size: int
) -> Iterator[list[ArticleResult]]:
    progress.stage("reading ids")
    ids = IdIndex(_counted((item.id for item in read()), progress))
    renamer = IdRenamer(ids)
    corpus = [d for d in detectors if d.uses_corpus]
    with (
        tempfile.TemporaryDirectory(prefix="quality-summaries-") as folder,
        records_on_disk(folder),
        Spill() as spill,
        _shared_pool(workers if ids.size > 1 else 1, config) as pool,
    ):
        # With a pool, the next chunk's work is queued before this one is collected, so that the
        # workers never wait while this process summarises, spills or writes.
        ahead = 1 if pool is not None else 0
        merges = {d.name: RunningMerge(d) for d in corpus}
        progress.stage(ANALYSING, ids.size)
        detecting: deque[Callable[[Callable[[int], None]], list[Staged]]] = deque()
        read_again = 0
        for items in _chunks(read(), size):
            read_again += len(items)
            detecting.append(detect_later([_renamed(item, renamer) for item in items], detectors, config, workers, pool))
            while len(detecting) > ahead:
                _summarise_and_spill(detecting.popleft()(progress.advance), corpus, merges, spill)
        while detecting:
            _summarise_and_spill(detecting.popleft()(progress.advance), corpus, merges, spill)
        if read_again != ids.size:
            raise InputChanged(f"the input changed while it was read: {ids.size:,} articles the first time, {read_again:,} the second")
        renamer.warn(stacklevel=4)
        merged = {name: merge.result() for name, merge in merges.items()}
        stored = {name: _store(summary, os.path.join(folder, f"{name}.pickle")) if pool is not None else None for name, (summary, _) in merged.items()}
        progress.stage("corpus signals and scores", ids.size)
        applying: deque[tuple[list[Staged], list[Callable[..., None]]]] = deque()
        for staged, failed in spill:
            applying.append((staged, [apply_later(d, staged, merged[d.name], failed[d.name], pool, stored[d.name]) for d in corpus]))
            while len(applying) > ahead:
                yield _finished(*applying.popleft(), config, enabled, progress)
        while applying:
            yield _finished(*applying.popleft(), config, enabled, progress)


def _summarise_and_spill(staged: list[Staged], corpus: list[Detector], merges: dict[str, "RunningMerge"], spill: "Spill") -> None:
    """A detected chunk's corpus summaries join the running merges; the chunk goes to the spill."""
    failed = {}
    for detector in corpus:
        summaries, failed[detector.name] = corpus_summaries(detector, staged)
        merges[detector.name].add(summaries)
    spill.append((staged, failed))
    give_back_free_memory()


def _finished(staged: list[Staged], applying: list[Callable[..., None]], config: Config, enabled: set[str], progress: Progress) -> list[ArticleResult]:
    """A chunk's results, once the corpus signals applied to it are collected."""
    for collect in applying:
        collect()
    progress.advance(len(staged))
    finished = [finish_stage(item, config, enabled) for item in staged]
    give_back_free_memory()
    return finished


def give_back_free_memory() -> None:
    """Hand the C allocator's free pages back to the system, once a chunk is done with.

    A chunk's objects are freed when the next one comes, but glibc's ``malloc`` keeps most of
    what it frees for later (the top of its heaps, and large blocks in its free lists), and long
    runs pile it up: resident memory grows although nothing more is held. ``malloc_trim``
    returns it. Where there is no glibc, nothing is done."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return None


class InputChanged(ValueError):
    """The two reads of the input gave different articles (a file written to during the run)."""


def _renamed(item: Item, renamer: IdRenamer) -> tuple[Article, str | None]:
    article, refusal = as_article(item)
    if article.id not in renamer.index:
        raise InputChanged(f"the input changed while it was read: {article.id!r} was not there the first time")
    new_id = renamer(article.id, article.origin)
    return (article if new_id == article.id else replace(article, id=new_id)), refusal


def _counted(ids: Iterable[str], progress: Progress) -> Iterator[str]:
    for id_ in ids:
        yield id_
        progress.advance()


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _store(summary: Any, path: str) -> str | None:
    """``summary`` pickled to ``path`` for the workers (None when there is none to send)."""
    if summary is None:
        return None
    with open(path, "wb") as out:
        pickle.dump(summary, out, protocol=pickle.HIGHEST_PROTOCOL)
    return path


class RunningMerge:
    """A corpus detector's chunk summaries merged as they come, as a binary counter merges:
    a run of 2^k chunks is merged once at each level, so merging n chunks costs n log n, not
    the n² of folding each into one growing summary, and the merge is associative, so the
    grouping does not change the result (:func:`~quality.pipeline.corpus_merge`)."""

    def __init__(self, detector: Detector) -> None:
        self.detector = detector
        self.levels: list[tuple[int, Any]] = []  # (level, summary), levels decreasing
        self.error: str | None = None

    def add(self, summaries: list[Any]) -> None:
        if self.error is not None:
            return
        merged, self.error = corpus_merge(self.detector, [summaries])
        level = 0
        while self.error is None and self.levels and self.levels[-1][0] == level:
            merged, self.error = corpus_merge(self.detector, [[self.levels.pop()[1], merged]])
            level += 1
        self.levels.append((level, merged))

    def result(self) -> tuple[Any, str | None]:
        """The merged summary of every chunk added, and the error that stopped the merge."""
        if self.error is not None:
            return None, self.error
        return corpus_merge(self.detector, [[summary for _, summary in self.levels]])


class Spill:
    """Objects pickled one after another, read back in the same order (as often as wanted):
    held in memory up to ``memory`` bytes, in a temporary file beyond (small runs never touch
    the disk). A temporary file that cannot be written is an
    :class:`~quality.output.OutputError` naming the folder, not a traceback."""

    def __init__(self, memory: int = SPILL_MEMORY) -> None:
        self.memory = memory
        self._held: list[bytes] | None = []
        self._size = 0
        self._file: BinaryIO | None = None

    def append(self, value: Any) -> None:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        with _temporary_files():
            if self._held is not None and self._size + len(data) <= self.memory:
                self._held.append(data)
                self._size += len(data)
                return
            if self._file is None:
                self._file = tempfile.TemporaryFile(prefix="quality-spill-")  # type: ignore[assignment]
                for held in self._held or ():
                    self._file.write(held)  # type: ignore[union-attr]
                self._held = None
            self._file.write(data)  # type: ignore[union-attr]

    def __iter__(self) -> Iterator[Any]:
        if self._held is not None:
            for data in self._held:
                yield pickle.loads(data)
            return
        assert self._file is not None
        with _temporary_files():
            self._file.flush()
            self._file.seek(0)
        while True:
            try:
                yield pickle.load(self._file)
            except EOFError:
                return

    def close(self) -> None:
        self._held = []
        if self._file is not None:
            try:
                self._file.close()
            except OSError:
                pass  # a write the disk refused: already reported by append
            self._file = None

    def __enter__(self) -> "Spill":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


@contextmanager
def _temporary_files() -> Iterator[None]:
    from quality.output import OutputError

    try:
        yield
    except OSError as exc:
        folder = tempfile.gettempdir()
        raise OutputError(f"{folder}: cannot write the run's temporary files: {exc.strerror or exc} (set TMPDIR to a folder with room)") from exc


@contextmanager
def spilled(stream: IO[bytes], suffix: str) -> Iterator[str]:
    """The bytes of a stream that cannot be read twice (standard input, a pipe) copied to a
    temporary file named ``*suffix`` (the suffix picks the reader), removed afterwards."""
    handle, path = tempfile.mkstemp(prefix="quality-stdin-", suffix=suffix)
    try:
        with os.fdopen(handle, "wb") as out:
            shutil.copyfileobj(stream, out, 1 << 20)
        yield path
    finally:
        os.unlink(path)
