"""The Dask engine: the pipeline as a Dask graph, for corpora that outgrow one machine.

    import dask.dataframe as dd
    import quality.dask

    ddf = dd.read_parquet("corpus/")                              # text and source columns
    scores = quality.dask.score_ddf(ddf, text="text", source="source")
    findings = quality.dask.findings_ddf(ddf)
    scores.to_parquet("scores/")

Needs the ``dask`` extra (``pip install 'quality[dask]'``). Runs on whatever scheduler is
active: a ``distributed.Client`` to a cluster, a ``LocalCluster``, or Dask's default.

The graph has the pipeline's stages (:mod:`quality.pipeline`), one task per partition each:

1. a pass over the ids alone, so that ids are unique across partitions (``ID#2``...);
2. detection: refusals and every detector, the detectors built once per worker process;
3. the corpus pass as a reduction, per corpus detector: summarise each partition, merge the
   summaries in a tree (merging is associative), apply the merged summary to each partition;
4. finishing: scores and findings.

Scores and findings equal the local engine's (``score_frame``, ``findings_frame``): the same
columns, values, dtypes and, for scores, the input's index; ``tests/test_dask.py`` checks it on a
``LocalCluster`` of two processes. ``score_ddf`` computes the results first (persisted on the
cluster), because a score table's columns depend on which rules fired anywhere.
"""

from __future__ import annotations

import os
import pickle
from typing import TYPE_CHECKING, Any, Sequence

import dask
import pandas as pd
from dask import delayed

from quality.config import Config
from quality.detectors import Detector
from quality.frame import FINDING_COLUMNS, article_rows, column_witnesses, common_dtypes, finding_rows
from quality.load import articles_from_frame
from quality.model import Article, ArticleResult
from quality.pipeline import (
    LoadError,
    Staged,
    as_article,
    build_detectors,
    corpus_apply,
    corpus_merge,
    corpus_summaries,
    detect_stage,
    finish_stage,
    unique_articles,
    unique_ids,
)
from quality.rules import selected_codes

if TYPE_CHECKING:
    import dask.dataframe as dd
    from dask.delayed import Delayed

# Partitions merged per node of the corpus summaries' reduction tree.
MERGE_FAN_IN = 8


def score_ddf(ddf: dd.DataFrame, text: str = "text", source: str = "source", id: str | None = None, config: Config | None = None) -> dd.DataFrame:
    """One row per input row, as :func:`quality.score_frame` gives, as a Dask DataFrame with
    the input's partitions and index."""
    results = dask.persist(*analyze_ddf(ddf, text, source, id, config))
    fired = sorted(set().union(*dask.compute(*[delayed(_fired_rules)(part) for part in results])))
    frames = [delayed(_score_part)(part, fired, index) for part, index in zip(results, ddf.index.to_delayed())]
    return _typed(frames, divisions=ddf.divisions if ddf.known_divisions else None)


def findings_ddf(ddf: dd.DataFrame, text: str = "text", source: str = "source", id: str | None = None, config: Config | None = None) -> dd.DataFrame:
    """One row per finding, as :func:`quality.findings_frame` gives, as a Dask DataFrame (one
    partition per input partition, each with its own 0-based index)."""
    results = dask.persist(*analyze_ddf(ddf, text, source, id, config))
    return _typed([delayed(finding_rows)(part) for part in results], columns=FINDING_COLUMNS)


def analyze_ddf(ddf: dd.DataFrame, text: str = "text", source: str = "source", id: str | None = None, config: Config | None = None) -> list[Delayed]:
    """The pipeline over a Dask DataFrame: one delayed list of
    :class:`~quality.model.ArticleResult` per partition, in order. Computes the partitions'
    lengths and ids first (two light passes); the rest is a lazy graph."""
    config = config or Config()
    for role, column in (("text", text), ("id", id)):
        if column is not None and column not in ddf.columns:
            raise KeyError(f"no {role} column {column!r} in the DataFrame (columns: {', '.join(map(repr, ddf.columns[:12]))}); pass {role}='COLUMN'")
    parts = ddf.to_delayed()
    lengths = dask.compute(*[delayed(len)(part) for part in parts])
    starts = [sum(lengths[:k]) for k in range(len(parts))]
    named = dask.compute(*[delayed(_ids_and_origins)(part, text, source, id, start) for part, start in zip(parts, starts)])
    ids = unique_ids([i for part_ids, _ in named for i in part_ids], [o for _, origins in named for o in origins])
    per_part = [ids[start : start + length] for start, length in zip(starts, lengths)]
    staged = [delayed(_detect_part)(part, text, source, id, start, part_ids, config) for part, start, part_ids in zip(parts, starts, per_part)]
    return _after_detection(staged, config)


def analyze_items(items: Sequence[Article | LoadError], config: Config | None = None, scheduler: str | None = None, workers: int | None = None, partition: int = 256) -> list[ArticleResult]:
    """:func:`quality.analyze` on Dask: the items in partitions of ``partition`` articles, run
    on the cluster at ``scheduler`` (a ``distributed`` address), or on a ``LocalCluster`` of
    ``workers`` processes (default: one per CPU). The same results as the local engine."""
    from distributed import Client, LocalCluster

    config = config or Config()
    articles = unique_articles(items)
    chunks = [articles[k : k + partition] for k in range(0, len(articles), partition)]
    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True, dashboard_address=":0")
        client = Client(cluster)
    try:
        staged = [delayed(_detect_articles)(chunk, config) for chunk in chunks]
        parts = client.compute(_after_detection(staged, config), sync=True)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return [result for part in parts for result in part]


def _after_detection(staged: list[Delayed], config: Config) -> list[Delayed]:
    """The corpus pass as a reduction per corpus detector, then finishing, per partition."""
    for name in _corpus_detector_names(config):
        summaries = [delayed(_summaries_part)(part, name, config) for part in staged]
        merged = _tree_merge([delayed(_summaries_only)(s) for s in summaries], name, config)
        staged = [delayed(_apply_part)(part, name, config, merged, summary) for part, summary in zip(staged, summaries)]
    enabled = selected_codes(config.select, config.ignore)
    return [delayed(_finish_part)(part, config, enabled) for part in staged]


# ------------------------------------------------------------------------------ worker side

_DETECTORS: dict[bytes, list[Detector]] = {}


def _detectors(config: Config) -> list[Detector]:
    """The detectors for ``config``, built once per worker process."""
    key = pickle.dumps(config)
    if key not in _DETECTORS:
        _DETECTORS[key] = build_detectors(config)
    return _DETECTORS[key]


def _detector(config: Config, name: str) -> Detector:
    return next(d for d in _detectors(config) if d.name == name)


def _corpus_detector_names(config: Config) -> list[str]:
    from quality.detectors import DETECTOR_CLASSES

    return [cls.name for cls in DETECTOR_CLASSES if cls.uses_corpus]


def _items(frame: pd.DataFrame, text: str, source: str, id: str | None, start: int) -> list[Any]:
    return articles_from_frame(frame, text=text, source=source, id=id, start=start)


def _ids_and_origins(frame: pd.DataFrame, text: str, source: str, id: str | None, start: int) -> tuple[list[str], list[str | None]]:
    articles = [as_article(item)[0] for item in _items(frame, text, source, id, start)]
    return [a.id for a in articles], [a.origin for a in articles]


def _detect_part(frame: pd.DataFrame, text: str, source: str, id: str | None, start: int, ids: Sequence[str], config: Config) -> list[Staged]:
    from dataclasses import replace

    articles = []
    for item, new_id in zip(_items(frame, text, source, id, start), ids):
        article, refusal = as_article(item)
        articles.append((article if article.id == new_id else replace(article, id=new_id), refusal))
    return detect_stage(articles, _detectors(config), config)


def _detect_articles(articles: Sequence[tuple[Article, str | None]], config: Config) -> list[Staged]:
    return detect_stage(articles, _detectors(config), config)


def _summaries_part(staged: list[Staged], name: str, config: Config) -> tuple[list[Any], dict[int, str]]:
    return corpus_summaries(_detector(config, name), staged)


def _tree_merge(leaves: list[Delayed], name: str, config: Config) -> Delayed:
    """The corpus summary of all partitions. With up to :data:`MERGE_FAN_IN` partitions, one
    merge of every summary, as the local engine does; with more, groups are merged first,
    level by level (merging is associative). A failed merge is carried up as its error."""
    level = [delayed(_as_part)(leaf) for leaf in leaves]
    while len(level) > MERGE_FAN_IN:
        level = [delayed(_merge_parts)(level[k : k + MERGE_FAN_IN], name, config) for k in range(0, len(level), MERGE_FAN_IN)]
    return delayed(_root)(level, name, config)


def _summaries_only(summary: tuple[list[Any], dict[int, str]]) -> list[Any]:
    return summary[0]


def _as_part(summaries: list[Any]) -> tuple[list[Any], str | None]:
    return summaries, None


def _merge_parts(parts: list[tuple[list[Any], str | None]], name: str, config: Config) -> tuple[list[Any], str | None]:
    """Parts merged into one summary (none when they hold none), or the first error."""
    errors = [error for _, error in parts if error]
    if errors:
        return [], errors[0]
    summaries = [summary for part, _ in parts for summary in part]
    if not summaries:
        return [], None
    merged, error = corpus_merge(_detector(config, name), [summaries])
    return ([merged] if error is None else []), error


def _root(parts: list[tuple[list[Any], str | None]], name: str, config: Config) -> tuple[Any, str | None]:
    errors = [error for _, error in parts if error]
    if errors:
        return None, errors[0]
    return corpus_merge(_detector(config, name), [summaries for summaries, _ in parts])


def _apply_part(staged: list[Staged], name: str, config: Config, merged: tuple[Any, str | None], summary: tuple[list[Any], dict[int, str]]) -> list[Staged]:
    corpus_apply(_detector(config, name), staged, merged, summary[1])
    return staged


def _finish_part(staged: list[Staged], config: Config, enabled: set[str]) -> list[ArticleResult]:
    return [finish_stage(item, config, enabled) for item in staged]


# --------------------------------------------------------------------- the tables' shape


def _fired_rules(results: list[ArticleResult]) -> set[str]:
    return {f.rule for r in results for f in r.findings}


def _score_part(results: list[ArticleResult], fired: list[str], index: pd.Index) -> pd.DataFrame:
    frame = article_rows(results, fired)
    frame.index = index
    return frame


def _typed(frames: list[Delayed], columns: Sequence[str] = (), divisions: Any = None) -> dd.DataFrame:
    """The partitions as one Dask DataFrame with the columns and dtypes pandas gives the whole
    table at once: columns in order of first appearance (a partition may lack some: say, one
    of error rows only), each dtype inferred from the values of every partition."""
    import dask.dataframe as dd

    shapes = dask.compute(*[delayed(column_witnesses)(frame) for frame in frames])
    order = list(columns)
    for part_columns, _ in shapes:
        order.extend(c for c in part_columns if c not in order)
    dtypes = common_dtypes(order, [witness for _, witness in shapes])
    meta = pd.DataFrame({c: pd.Series(dtype=t) for c, t in dtypes.items()})
    return dd.from_delayed([delayed(_conform)(frame, dtypes) for frame in frames], meta=meta, divisions=divisions)


def _conform(frame: pd.DataFrame, dtypes: dict[str, Any]) -> pd.DataFrame:
    return frame.reindex(columns=list(dtypes)).astype(dtypes)
