"""The one-way pipeline: load → per-article detectors → corpus pass → scoring.

This module schedules work and applies configuration; it holds no detection logic. Input errors
become result rows here, so that no article is ever dropped: every item given to
:func:`analyze` comes back as exactly one :class:`~quality.model.ArticleResult`, in input order.

Guarantees, whatever the input:

- An item that cannot be analysed (a :class:`LoadError`, an empty text, a text over
  ``max_article_chars``, a text that is not a string) is a result with ``error`` set and an
  ``INP`` finding; a detector that raises on one article marks that article, not the batch.
- Ids are unique in the output. A repeated id gets a ``#2``, ``#3``... suffix and one
  :class:`DuplicateIdWarning` lists the renames: findings are joined to articles by id, and a
  silent duplicate would merge two articles' findings.
- The output does not depend on how the work is split: per-article detection and the corpus
  pass's ``apply`` may run in ``workers`` processes (chunks are collected in input order), and
  the corpus pass reduces chunk summaries with an associative ``merge`` (the shape
  :mod:`quality.dask` runs on a cluster).
"""

from __future__ import annotations

import inspect
import math
import os
import warnings
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, replace
from multiprocessing import get_context
from typing import Any, Callable, Iterable, Iterator, Sequence

from quality.config import Config, ConfigError
from quality.detectors import DETECTOR_CLASSES, Detector
from quality.detectors.input import EMPTY, UNREADABLE
from quality.interrupts import stop_if_interrupted
from quality.model import Article, ArticleResult, DetectorResult, Finding, LoadError, too_large_message
from quality.progress import ANALYSING, Progress, ProgressLike, as_progress
from quality.rules import did_you_mean, selected_codes
from quality.scoring import article_quality
from quality.spans import FindingBuilder

CORPUS_CHUNK = 512  # articles per corpus-pass summary; any size gives the same merged result

# Detection tasks sent to a worker at a time: small enough to keep both workers busy near the
# end of a batch, large enough that pickling overhead stays small next to the detectors' work.
MAX_WORKER_CHUNK = 32


INPUT_UNREADABLE, INPUT_EMPTY = UNREADABLE.code, EMPTY.code  # the input rules, for results that carry codes


class DuplicateIdWarning(UserWarning):
    """Some input ids repeated and were renamed; the message lists them."""


# (results by detector name, error message or None); results None = the article was not analysed
Outcome = tuple[dict[str, DetectorResult] | None, str | None]


def check_detector_options(config: Config) -> None:
    """Raise :class:`~quality.config.ConfigError` for a ``[tool.quality.detectors.NAME]``
    section that names no detector, or an option its detector does not take, with the closest
    name: checked from the signatures, before anything is loaded or read."""
    classes = {cls.name: cls for cls in DETECTOR_CLASSES}
    for name, options in config.detectors.items():
        if name not in classes:
            raise ConfigError(f"detectors.{name}: no such detector{did_you_mean(name, classes)} (detectors: {', '.join(classes)})")
        parameters = inspect.signature(classes[name].__init__).parameters
        accepted = [p for p in parameters if p != "self" and parameters[p].kind is not inspect.Parameter.VAR_KEYWORD]
        if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
            continue
        for option in options:
            if option not in accepted:
                raise ConfigError(f"detectors.{name}.{option}: no such option{did_you_mean(option, accepted)} (options: {', '.join(accepted) or 'none'})")


def detector_options(config: Config) -> dict[str, dict[str, Any]]:
    """Each detector's constructor keywords as a run uses them: its defaults, overlaid by
    ``[tool.quality.detectors.NAME]`` (and ``expected_language`` for the language detector)."""
    effective: dict[str, dict[str, Any]] = {}
    for cls in DETECTOR_CLASSES:
        parameters = inspect.signature(cls.__init__).parameters.values()
        defaults = {p.name: p.default for p in parameters if p.name != "self" and p.default is not inspect.Parameter.empty}
        if cls.name == "language":
            defaults["expected"] = config.expected_language
        effective[cls.name] = {**defaults, **config.detectors.get(cls.name, {})}
    return effective


def build_detectors(config: Config) -> list[Detector]:
    """Instantiate every detector with its keywords (:func:`detector_options`)."""
    detectors = []
    options_of = detector_options(config)
    for cls in DETECTOR_CLASSES:
        try:
            detectors.append(cls(**options_of[cls.name]))
        except TypeError as exc:
            raise ConfigError(f"detectors.{cls.name}: {exc}") from exc
    return detectors


def analyze(
    items: Iterable[Article | LoadError],
    config: Config | None = None,
    progress: ProgressLike = None,
    workers: int | None = None,
) -> list[ArticleResult]:
    """Run every detector on every article, then the corpus pass, then scoring.

    ``progress=True`` shows each stage's progress on stderr (:mod:`quality.progress`); a
    callable is called with the number of articles just analysed.

    ``workers`` > 1 runs per-article detection in that many processes (``0``: one per CPU);
    the result is identical to ``workers=1``. Worker processes are started fresh (``spawn``) and
    load their dictionaries again, so a pool pays off only on batches of thousands of articles
    (docs/reliability.md has the figures); scripts that use it on macOS or Windows need the
    usual ``if __name__ == "__main__":`` guard.
    """
    config = config or Config()
    detectors = build_detectors(config)
    enabled = selected_codes(config.select, config.ignore)
    articles = unique_articles(items)
    shown = as_progress(progress)
    try:
        return _analyze(articles, detectors, config, enabled, shown, workers)
    finally:
        if shown is not progress:  # made here (progress=True): closed here
            shown.close()


def _analyze(
    articles: list[tuple[Article, str | None]],
    detectors: list[Detector],
    config: Config,
    enabled: set[str],
    progress: Progress,
    workers: int | None,
) -> list[ArticleResult]:
    progress.stage(ANALYSING, len(articles))
    count = _worker_count(workers)
    with _shared_pool(count if len(articles) > 1 else 1, config) as pool:  # one pool for detection and the corpus pass
        staged = detect_stage(articles, detectors, config, count, progress.advance, pool)
        _corpus_pass(detectors, staged, progress, pool)
    progress.stage("scoring", len(staged))
    finished = []
    for item in staged:
        finished.append(finish_stage(item, config, enabled))
        progress.advance()
    return finished


@dataclass
class Staged:
    """One article between the stages: its detector results (None: not analysed, an error
    row), the error so far, and the ``INP`` rule an error row reports."""

    article: Article
    results: dict[str, DetectorResult] | None
    error: str | None
    input_code: str = INPUT_UNREADABLE


def detect_stage(
    articles: Sequence[tuple[Article, str | None]],
    detectors: Sequence[Detector],
    config: Config,
    workers: int = 1,
    progress: Callable[[int], None] = lambda done: None,
    pool: ProcessPoolExecutor | None = None,
) -> list[Staged]:
    """The per-article stage: refuse what cannot be analysed, run every detector on the rest.
    ``articles`` are (article, load error) pairs, as :func:`unique_articles` gives them;
    ``pool`` a pool of ``workers`` processes to run them in (:func:`_shared_pool`)."""
    return detect_later(articles, detectors, config, workers, pool)(progress)


def detect_later(
    articles: Sequence[tuple[Article, str | None]],
    detectors: Sequence[Detector],
    config: Config,
    workers: int = 1,
    pool: ProcessPoolExecutor | None = None,
) -> Callable[[Callable[[int], None]], list[Staged]]:
    """:func:`detect_stage` in two halves: the work goes to ``pool`` now, and the function
    returned collects it (reporting progress), so that a caller can queue the next batch
    before it collects this one and the workers never wait. Without a pool the work is done
    when collected."""
    staged: list[Staged | None] = [None] * len(articles)
    todo: list[int] = []
    for index, (article, load_error) in enumerate(articles):
        refusal = (INPUT_UNREADABLE, load_error) if load_error else _refusal(article, config.max_article_chars)
        if refusal is not None:
            staged[index] = Staged(article, None, refusal[1], refusal[0])
        else:
            todo.append(index)
    detected = _detect_later([articles[i][0] for i in todo], detectors, config, workers, pool)

    def collect(progress: Callable[[int], None] = lambda done: None) -> list[Staged]:
        progress(len(articles) - len(todo))
        for index, (results, error) in zip(todo, detected(progress)):
            staged[index] = Staged(articles[index][0], results, error)
        return staged  # type: ignore[return-value]

    return collect


def finish_stage(item: Staged, config: Config, enabled: set[str]) -> ArticleResult:
    """The last stage: an article's result row (:func:`_finish`)."""
    return _finish(item.article, item.results, item.error, config, enabled, item.input_code)


def unique_articles(items: Iterable[Article | LoadError]) -> list[tuple[Article, str | None]]:
    """Items as (article, load error) pairs, ids made unique (:func:`_unique_ids`)."""
    return _unique_ids([as_article(item) for item in items])


def as_article(item: Article | LoadError) -> tuple[Article, str | None]:
    """An item as (article, why it cannot be analysed or None): a load error becomes an
    article with its message, a text that is not a string an empty one."""
    if isinstance(item, LoadError):
        return Article(id=item.id, source=item.source, text=item.text, origin=item.origin), item.message or "unreadable input"
    if not isinstance(item, Article):
        raise TypeError(f"analyze() takes Article or LoadError items, got {type(item).__name__}")
    if not isinstance(item.text, str):
        message = f"text is a {type(item.text).__name__}, not a string"
        return replace(item, text=""), message
    return item, None


def _refusal(article: Article, max_chars: int | None) -> tuple[str, str] | None:
    """(INP code, message) for an article that cannot be analysed, else None."""
    if max_chars is not None and len(article.text) > max_chars:
        return INPUT_UNREADABLE, too_large_message(len(article.text), max_chars)
    if not article.text.strip():  # quality.lint recognises this message by its start
        return INPUT_EMPTY, "empty article: no text after removing white space"
    return None


def _unique_ids(articles: list[tuple[Article, str | None]]) -> list[tuple[Article, str | None]]:
    """Rename repeated ids to ``ID#2``, ``ID#3``... and warn once (:func:`unique_ids`)."""
    ids = unique_ids([article.id for article, _ in articles], [article.origin for article, _ in articles])
    return [(article if article.id == new else replace(article, id=new), refusal) for (article, refusal), new in zip(articles, ids)]


def unique_ids(ids: Sequence[str], origins: Sequence[str | None]) -> list[str]:
    """``ids`` with each repeat renamed ``ID#2``, ``ID#3``... (skipping any already taken);
    one :class:`DuplicateIdWarning` lists the renames, with each article's ``origin``."""
    renamer = IdRenamer(IdIndex(ids))
    unique = [renamer(id_, origin) for id_, origin in zip(ids, origins)]
    renamer.warn(stacklevel=6)
    return unique


class IdIndex:
    """The ids of a whole input as 8 bytes each (their string hashes, sorted), so that a
    stream of any length can tell which ids repeat and which names are taken. Two different
    ids sharing a 64-bit hash (odds about one in 10^7 for a million articles) would read as
    taken: a rename would skip one more suffix."""

    def __init__(self, ids: Iterable[str]) -> None:
        from array import array

        import numpy as np

        hashes = np.fromiter(map(hash, ids), dtype=np.int64)
        hashes.sort()
        self.size = len(hashes)
        self._sorted = array("q", hashes.tobytes())
        self.repeated = set(hashes[1:][hashes[1:] == hashes[:-1]].tolist())

    def __contains__(self, id_: str) -> bool:
        from bisect import bisect_left

        key = hash(id_)
        k = bisect_left(self._sorted, key)
        return k < len(self._sorted) and self._sorted[k] == key


class IdRenamer:
    """Makes ids unique one article at a time, in input order: the first use of an id keeps it,
    each repeat becomes ``ID#2``, ``ID#3``... skipping any name the input itself uses (from
    :class:`IdIndex`) or an earlier rename took."""

    SHOWN = 5  # renames the warning lists by name

    def __init__(self, index: IdIndex) -> None:
        self.index = index
        self.seen: set[str] = set()  # only ids that may repeat: the others cannot meet a rename
        self.created: set[str] = set()
        self.next_suffix: dict[str, int] = {}
        self.renamed = 0
        self.shown: list[str] = []

    def __call__(self, id_: str, origin: str | None = None) -> str:
        if hash(id_) not in self.index.repeated:
            return id_
        if id_ not in self.seen:
            self.seen.add(id_)
            return id_
        suffix = self.next_suffix.get(id_, 2)
        while f"{id_}#{suffix}" in self.index or f"{id_}#{suffix}" in self.created:
            suffix += 1
        self.next_suffix[id_] = suffix + 1
        new_id = f"{id_}#{suffix}"
        self.created.add(new_id)
        self.renamed += 1
        if len(self.shown) < self.SHOWN:
            self.shown.append(f"{id_!r} → {new_id!r}" + (f" ({origin})" if origin else ""))
        return new_id

    def warn(self, stacklevel: int = 2) -> None:
        """One :class:`DuplicateIdWarning` listing the renames so far, if there were any."""
        if not self.renamed:
            return
        more = self.renamed - len(self.shown)
        shown = "; ".join(self.shown) + (f"; and {more} more" if more else "")
        warnings.warn(DuplicateIdWarning(f"{self.renamed} duplicate id(s) renamed to keep ids unique: {shown}"), stacklevel=stacklevel)


def _worker_count(workers: int | None) -> int:
    if workers is None:
        return 1
    if workers < 0:
        raise ValueError(f"workers must be >= 0, got {workers}")
    return workers or os.cpu_count() or 1


def _detect_later(
    articles: list[Article],
    detectors: Sequence[Detector],
    config: Config,
    workers: int,
    pool: ProcessPoolExecutor | None = None,
) -> Callable[[Callable[[int], None]], list[Outcome]]:
    if workers <= 1 or len(articles) < 2:

        def here(progress: Callable[[int], None]) -> list[Outcome]:
            outcomes = []
            for article in articles:
                outcomes.append(_detect_one(article, detectors))
                progress(1)
            return outcomes

        return here
    size = max(1, min(MAX_WORKER_CHUNK, math.ceil(len(articles) / (workers * 4))))
    chunks = [articles[k : k + size] for k in range(0, len(articles), size)]
    if pool is None:
        return lambda progress: _outcomes(ordered_pool_map(_detect_chunk, chunks, workers, _init_worker, (config,), progress=progress))
    collect = pool_map_later(pool, _detect_chunk, chunks, _init_worker, (config,))
    return lambda progress: _outcomes(collect(progress))


def _outcomes(per_chunk: list[list[Any]]) -> list[Outcome]:
    return [(None, o.message) if isinstance(o, WorkerDied) else o for chunk in per_chunk for o in chunk]


def _detect_one(article: Article, detectors: Sequence[Detector]) -> Outcome:
    results: dict[str, DetectorResult] = {}
    failures = []
    for detector in detectors:
        try:
            results[detector.name] = detector.detect(article)
        except Exception as exc:  # a detector bug must not stop the batch
            failures.append(_failure(detector.name, "detector", exc))
    return results, "; ".join(failures) or None


# Worker side of the pool. The detectors are built once per worker process, from the same
# configuration as in the parent, so a worker computes exactly what the parent would.
_WORKER_DETECTORS: list[Detector] = []


def _init_worker(config: Config) -> None:
    _WORKER_DETECTORS[:] = build_detectors(config)


def _detect_chunk(chunk: list[Article]) -> list[Outcome]:
    return [_detect_one(article, _WORKER_DETECTORS) for article in chunk]


def ordered_pool_map(
    function: Callable[[list[Any]], list[Any]],
    chunks: list[list[Any]],
    workers: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    progress: Callable[[int], None] | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> list[list[Any]]:
    """``[function(chunk) for chunk in chunks]`` in ``workers`` processes (``pool``, when
    given, started with the same initializer), in order (see :func:`pool_map_later`)."""
    if pool is not None:
        return pool_map_later(pool, function, chunks, initializer, initargs)(progress)
    with _pool(workers, initializer, initargs) as own:
        return pool_map_later(own, function, chunks, initializer, initargs)(progress)


def pool_map_later(
    pool: ProcessPoolExecutor,
    function: Callable[[list[Any]], list[Any]],
    chunks: list[list[Any]],
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Callable[[Callable[[int], None] | None], list[list[Any]]]:
    """``function`` on each chunk, submitted to ``pool`` now; the function returned collects
    the results in order (reporting each chunk's length to ``progress``).

    If a worker process dies (the kernel's out-of-memory killer, a crash in a C extension),
    nothing is lost: the chunks not yet collected are retried one item at a time in a
    one-worker pool, where the item that kills its worker again is known exactly; it gets a
    :class:`WorkerDied` in place of its result and the rest go on.
    """
    futures: list[Any] = []
    try:
        for chunk in chunks:
            futures.append(pool.submit(function, chunk))
    except (BrokenProcessPool, RuntimeError):  # a pool already broken, or shut down
        pass

    def collect(progress: Callable[[int], None] | None = None) -> list[list[Any]]:
        results: list[list[Any] | None] = [None] * len(chunks)
        try:
            for k, future in enumerate(futures):
                results[k] = future.result()
                if progress:
                    progress(len(chunks[k]))
        except BrokenProcessPool:
            pass
        for k, chunk in enumerate(chunks):
            if results[k] is None:
                results[k] = _one_by_one(function, chunk, initializer, initargs, progress)
        return results  # type: ignore[return-value]

    return collect


class WorkerDied:
    """Stands in for the result of an item whose worker process died while handling it."""

    def __init__(self, message: str) -> None:
        self.message = message


def _one_by_one(
    function: Callable[[list[Any]], list[Any]],
    chunk: list[Any],
    initializer: Callable[..., None] | None,
    initargs: tuple[Any, ...],
    progress: Callable[[int], None] | None,
) -> list[Any]:
    done: list[Any] = []
    while len(done) < len(chunk):
        try:
            with _pool(1, initializer, initargs) as pool:
                futures = [pool.submit(function, [item]) for item in chunk[len(done) :]]
                for future in futures:  # one worker runs them in order: a death is the first pending
                    done.extend(future.result())
                    if progress:
                        progress(1)
        except BrokenProcessPool:
            done.append(WorkerDied("the worker process analysing it died (out of memory, or a crash in a C extension)"))
            if progress:
                progress(1)
    return done


@contextmanager
def _shared_pool(workers: int, config: Config) -> Iterator[ProcessPoolExecutor | None]:
    """The pool of ``workers`` detector processes a run shares between detection and the
    corpus pass (None for one worker: everything runs here)."""
    if workers <= 1:
        yield None
        return
    with _pool(workers, _init_worker, (config,)) as pool:
        yield pool


@contextmanager
def _pool(workers: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> Iterator[ProcessPoolExecutor]:
    """A process pool that, when left early (Ctrl-C, an error), drops the queued work instead of
    finishing it first. Spawn, not fork: forking a process that already runs threads (pyarrow,
    tqdm) can deadlock."""
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"), initializer=initializer, initargs=initargs)
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _corpus_pass(detectors: Sequence[Detector], staged: list[Staged], progress: Progress, pool: ProcessPoolExecutor | None = None) -> None:
    """Summarise per chunk, merge, apply (:func:`corpus_summaries`, :func:`corpus_merge`,
    :func:`corpus_apply`): the shape of the distributed reduction in :mod:`quality.dask`,
    here over the whole corpus at once."""
    for detector in detectors:
        if not detector.uses_corpus:
            continue
        members = corpus_members(detector, staged)
        progress.stage(f"{detector.name}: corpus summary", len(members))
        summaries, failed = corpus_summaries(detector, staged, progress.advance)
        progress.stage(f"{detector.name}: corpus signals", len(members))
        corpus_apply(detector, staged, corpus_merge(detector, [summaries]), failed, progress.advance, pool)


def corpus_members(detector: Detector, staged: Sequence[Staged]) -> list[int]:
    """The positions of the articles ``detector``'s corpus pass reads: those it analysed."""
    return [i for i, item in enumerate(staged) if item.results is not None and detector.name in item.results]


def corpus_summaries(
    detector: Detector, staged: Sequence[Staged], progress: Callable[[int], None] = lambda done: None
) -> tuple[list[Any], dict[int, str]]:
    """Summaries of ``staged`` in chunks of :data:`CORPUS_CHUNK`, and the articles whose
    summary raised (position → error message): they are left out of the corpus signals.
    A detector's corpus code that raises on some article marks that article, not the batch."""
    name = detector.name
    members = corpus_members(detector, staged)
    failed: dict[int, str] = {}
    summaries = []
    for k in range(0, len(members), CORPUS_CHUNK):
        chunk = members[k : k + CORPUS_CHUNK]
        try:
            summaries.append(detector.summarise([(staged[i].article, staged[i].results[name]) for i in chunk]))  # type: ignore[index]
        except Exception as exc:
            stop_if_interrupted(exc)
            summaries.extend(_summarise_survivors(detector, staged, chunk, failed))
        progress(len(chunk))
    return summaries, failed


def corpus_merge(detector: Detector, parts: Sequence[Sequence[Any]]) -> tuple[Any, str | None]:
    """The merged corpus summary of the summaries of some parts of the corpus (merging is
    associative: parts merged in any grouping give the same), and the error message when the
    summaries cannot be merged: then every article of the pass is marked."""
    try:
        return detector.merge([summary for part in parts for summary in part]), None
    except Exception as exc:
        return None, _failure(detector.name, "corpus pass", exc)


def corpus_apply(
    detector: Detector,
    staged: list[Staged],
    merged: tuple[Any, str | None],
    failed: dict[int, str],
    progress: Callable[[int], None] = lambda done: None,
    pool: ProcessPoolExecutor | None = None,
    stored: str | None = None,
) -> None:
    """Apply the corpus summary to each member's result, in place (in ``pool``'s processes
    when given: one task per process, each sent the summary once, or, when ``stored`` names
    a file holding it pickled, each process reading it once for all the calls that name that
    file); mark the articles whose summary or application failed."""
    apply_later(detector, staged, merged, failed, pool, stored)(progress)


def apply_later(
    detector: Detector,
    staged: list[Staged],
    merged: tuple[Any, str | None],
    failed: dict[int, str],
    pool: ProcessPoolExecutor | None = None,
    stored: str | None = None,
) -> Callable[[Callable[[int], None]], None]:
    """:func:`corpus_apply` in two halves, as :func:`detect_later`: the work goes to ``pool``
    now, and the function returned collects it into ``staged``."""
    name = detector.name
    summary, merge_error = merged
    failed = dict(failed)
    members = corpus_members(detector, staged)
    if merge_error is not None:
        failed.update(dict.fromkeys(members, merge_error))
    todo = [i for i in members if i not in failed]
    pairs = [(staged[i].article, staged[i].results[name]) for i in todo]  # type: ignore[index]
    applied = _applied_later(detector, pairs, summary, pool, stored)

    def collect(progress: Callable[[int], None] = lambda done: None) -> None:
        for i, result in zip(todo, applied()):
            if isinstance(result, DetectorResult):
                staged[i].results[name] = result  # type: ignore[index]
            else:
                failed[i] = result
        progress(len(members))
        for i, message in failed.items():
            item = staged[i]
            item.error = f"{item.error}; {message}" if item.error else message

    return collect


def _applied_later(
    detector: Detector, pairs: list[tuple[Article, DetectorResult]], summary: Any, pool: ProcessPoolExecutor | None, stored: str | None = None
) -> Callable[[], list[DetectorResult | str]]:
    """``detector.apply`` on each pair (its new result, or the error message), submitted to
    ``pool`` when given; should a worker die there, the pairs are applied here instead."""
    if pool is None or len(pairs) < 2:
        return lambda: _apply_each(detector, pairs, summary)
    workers = max(1, getattr(pool, "_max_workers", 2))
    size = math.ceil(len(pairs) / workers)
    sent = _StoredSummary(stored) if stored is not None else summary
    try:
        futures = [pool.submit(_apply_chunk, detector.name, pairs[k : k + size], sent) for k in range(0, len(pairs), size)]
    except (BrokenProcessPool, RuntimeError):  # a pool already broken, or shut down
        futures = None

    def collect() -> list[DetectorResult | str]:
        if futures is not None:
            try:
                return [applied for future in futures for applied in future.result()]
            except BrokenProcessPool:
                pass
        return _apply_each(detector, pairs, summary)

    return collect


def _apply_each(detector: Detector, pairs: list[tuple[Article, DetectorResult]], summary: Any) -> list[DetectorResult | str]:
    applied: list[DetectorResult | str] = []
    for article, result in pairs:
        try:
            applied.append(detector.apply(article, result, summary))
        except Exception as exc:
            applied.append(_failure(detector.name, "corpus pass", exc))
    return applied


class _StoredSummary:
    """A corpus summary sent to a worker as the name of the file that holds it pickled."""

    def __init__(self, path: str) -> None:
        self.path = path


_WORKER_SUMMARY: dict[str, Any] = {}  # worker side: the stored summaries read, by file (one per corpus detector of the run)


def _apply_chunk(name: str, pairs: list[tuple[Article, DetectorResult]], summary: Any) -> list[DetectorResult | str]:
    """Worker side of :func:`_applied_later`."""
    if isinstance(summary, _StoredSummary):
        if summary.path not in _WORKER_SUMMARY:
            import pickle

            with open(summary.path, "rb") as stored:
                _WORKER_SUMMARY[summary.path] = pickle.load(stored)
        summary = _WORKER_SUMMARY[summary.path]
    return _apply_each(next(d for d in _WORKER_DETECTORS if d.name == name), pairs, summary)


def _summarise_survivors(detector: Detector, staged: Sequence[Staged], chunk: list[int], failed: dict[int, str]) -> list[Any]:
    """A chunk whose summary raised: find the articles that make it raise, one by one, and
    summarise the others without them."""
    name = detector.name
    survivors = []
    for i in chunk:
        try:
            detector.summarise([(staged[i].article, staged[i].results[name])])  # type: ignore[index]
        except Exception as exc:
            failed[i] = _failure(name, "corpus pass", exc)
        else:
            survivors.append(i)
    if not survivors:
        return []
    try:
        return [detector.summarise([(staged[i].article, staged[i].results[name]) for i in survivors])]  # type: ignore[index]
    except Exception as exc:  # fails only together: none of them can be summarised
        failed.update({i: _failure(name, "corpus pass", exc) for i in survivors})
        return []


def _failure(detector: str, stage: str, exc: BaseException) -> str:
    """The error message for an article a detector failed on; an interrupt in disguise stops
    the run instead (see :func:`quality.interrupts.stop_if_interrupted`)."""
    stop_if_interrupted(exc)
    return f"{detector} {stage} failed: {type(exc).__name__}: {exc}"


def _finish(
    article: Article,
    results: dict[str, DetectorResult] | None,
    error: str | None,
    config: Config,
    enabled: set[str],
    input_code: str = INPUT_UNREADABLE,
) -> ArticleResult:
    """The article's result row. Not analysed (``results`` None): an error row whose one finding
    is ``input_code``; a worker that died is reported like an unreadable input."""
    if results is None:
        code = input_code
        finding = FindingBuilder(article.text, "input", article.layout)(code, 0, 0, error or "unreadable input")
        findings = (finding,) if code in enabled else ()
        return ArticleResult(article, {}, {}, _with_severity(findings, config), None, error)

    dimensions: dict[str, float | None] = {}
    metrics: dict[str, Any] = {}
    findings: list[Finding] = []
    for name, result in results.items():
        detector_dimension = _DIMENSIONS.get(name)
        if detector_dimension:
            dimensions[detector_dimension] = _clip(result.score)
        metrics.update({f"{name}_{key}": value for key, value in result.metrics.items()})
        findings.extend(f for f in result.findings if f.rule in enabled and not _suppressed(f, article))
    # A total order: detectors may build findings from sets, whose order varies between runs.
    findings.sort(key=lambda f: (f.start, f.end, f.rule, f.message, f.suggestion or "", f.detector))
    return ArticleResult(
        article=article,
        dimensions=dimensions,
        metrics=metrics,
        findings=_with_severity(tuple(findings), config),
        quality=article_quality(dimensions, config.weights),
        error=error,
    )


_DIMENSIONS = {cls.name: cls.dimension for cls in DETECTOR_CLASSES}


def _suppressed(finding: Finding, article: Article) -> bool:
    """Whether an editor's ``<!-- quality: ignore -->`` in the article's file covers it; like
    ``--ignore``, a suppression hides the finding and leaves the scores as they are."""
    return any(s.covers(finding.rule, finding.line) for s in article.suppressions)


def _with_severity(findings: tuple[Finding, ...], config: Config) -> tuple[Finding, ...]:
    if not config.severity:
        return findings
    return tuple(replace(f, severity=config.severity.get(f.rule, f.severity)) for f in findings)


def _clip(score: float | None) -> float | None:
    """Scores into [0, 1]; NaN (a detector that divided by zero) means "not measurable"."""
    if score is None or math.isnan(score):
        return None
    return min(1.0, max(0.0, float(score)))
