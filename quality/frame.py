"""Results as pandas DataFrames: the article table, the findings table, and the entry points
for research use (``score_frame``, ``findings_frame``, the ``df.quality`` accessor).

The CLI builds its outputs from these same functions, so the two can never disagree.
"""

from __future__ import annotations

import math
from typing import Any, Iterable, Sequence

import pandas as pd

from quality.config import Config
from quality.load import articles_from_frame
from quality.model import ArticleResult
from quality.pipeline import analyze
from quality.progress import ProgressLike
from quality.rules import RULES
from quality.scoring import is_rule_count

FINDING_COLUMNS = [
    "id", "source", "detector", "rule", "severity", "start", "end",
    "line", "col", "evidence", "message", "suggestion",
]  # fmt: skip


def article_rows(results: Sequence[ArticleResult], fired: Sequence[str] | None = None) -> pd.DataFrame:
    """One row per article: identity, quality, ``dim_*`` scores, metrics and finding counts
    (``n_CODE`` for each rule in ``fired``; default: the rules these results fired)."""
    fired = sorted({f.rule for r in results for f in r.findings}) if fired is None else list(fired)
    rows: list[dict[str, Any]] = []
    for result in results:
        article = result.article
        row: dict[str, Any] = {
            "id": article.id,
            "source": article.source,
            "title": article.title,
            "date": article.date,
            "words": result.metrics.get("input_words", 0),
            "quality": result.quality if result.quality is not None else math.nan,
        }
        for name, value in sorted(result.dimensions.items()):
            row["dim_" + name] = value if value is not None else math.nan
        row.update({k: v for k, v in sorted(result.metrics.items()) if k != "input_words"})
        severities = [f.severity.value for f in result.findings]
        row["findings"] = len(result.findings)
        for level in ("error", "warning", "info"):
            row["n_" + level] = severities.count(level)
        rules = [f.rule for f in result.findings]
        for code in fired:
            row["n_" + code] = rules.count(code)
        row["error"] = result.error
        rows.append(row)
    frame = pd.DataFrame(rows)
    if frame.empty:
        return pd.DataFrame(columns=["id", "source", "title", "date", "words", "quality", "findings", "error"])
    return frame


class ArticleTable:
    """The article table of a corpus read in chunks: :func:`article_rows` of each chunk of
    results, made into the table :func:`article_rows` gives for all the results at once.

    Each chunk counts only the rules it fired and has only the columns its rows use, so
    ``conform`` gives a chunk the table's columns, in order of first use as in the whole, with
    every rule's count (``n_CODE``, 0 where the chunk has none) after ``n_info``, and the
    dtypes pandas infers over the whole table (:func:`common_dtypes`: ``3`` is written ``3.0``
    where the column has gaps elsewhere). ``add`` every chunk first, then ``conform`` each."""

    def __init__(self) -> None:
        self.columns: dict[str, None] = {}  # the non-count columns, in order of first use
        self.codes: set[str] = set()
        self.witnesses: list[dict[str, list[Any]]] = []
        self._dtypes: dict[str, Any] | None = None

    def add(self, frame: pd.DataFrame) -> None:
        names, witness = column_witnesses(frame)
        self.columns.update(dict.fromkeys(c for c in names if not is_rule_count(c)))
        self.codes.update(c for c in names if is_rule_count(c))
        self.witnesses.append(witness)
        self._dtypes = None

    @property
    def column_order(self) -> list[str]:
        names = list(self.columns) or list(article_rows([]).columns)
        at = names.index("n_info") + 1 if "n_info" in names else len(names)
        return names[:at] + sorted(self.codes) + names[at:]

    def conform(self, frame: pd.DataFrame) -> pd.DataFrame:
        if self._dtypes is None:  # a chunk without a rule's count has 0 of it, not a gap
            counted = [{**dict.fromkeys(self.codes, [0]), **witness} for witness in self.witnesses]
            self._dtypes = common_dtypes(self.column_order, counted)
        shaped = frame.reindex(columns=list(self._dtypes))
        for column in self.codes.difference(frame.columns):
            shaped[column] = 0
        return shaped.astype(self._dtypes)


def column_witnesses(frame: pd.DataFrame) -> tuple[list[str], dict[str, list[Any]]]:
    """A part of a table's columns in order, and per column one value of each Python type it
    holds (a missing value as itself: None and NaN infer differently, an all-None column being
    ``object`` and one with a NaN ``float64``): enough for pandas to infer the column's dtype
    over the whole table as it would over all rows at once (:func:`common_dtypes`)."""
    witness: dict[str, list[Any]] = {}
    for column in frame.columns:
        seen: dict[type, Any] = {}
        for value in frame[column].tolist():
            seen.setdefault(type(value), value)
        witness[column] = list(seen.values())
    return list(frame.columns), witness


def common_dtypes(columns: list[str], witnesses: list[dict[str, list[Any]]]) -> dict[str, Any]:
    """Each column's dtype as pandas infers it from the rows of every part of a table: from one
    value of each Python type the column holds anywhere (a column a part lacks is NaN in that
    part's rows, as in the rows of the whole table; a table with no rows at all keeps the
    dtypes pandas gives an empty table)."""
    samples: dict[str, dict[type, Any]] = {c: {} for c in columns}
    for witness in witnesses:
        # A part's rows that lack a column hold NaN there, as rows without the key do in pandas.
        absent = [math.nan] if any(witness.values()) else []
        for column in columns:
            for value in witness.get(column, absent):
                samples[column].setdefault(type(value), value)
    length = max((len(found) for found in samples.values()), default=0)
    values = {c: list(found.values()) for c, found in samples.items()}
    rows = [{c: found[k % len(found)] for c, found in values.items() if found} for k in range(length)]
    return dict(pd.DataFrame(rows, columns=columns).dtypes.items())


def finding_rows(results: Sequence[ArticleResult]) -> pd.DataFrame:
    """One row per finding, in the column order every output shares."""
    rows = [
        {
            "id": r.article.id,
            "source": r.article.source,
            "detector": f.detector,
            "rule": f.rule,
            "severity": f.severity.value,
            "start": f.start,
            "end": f.end,
            "line": f.line,
            "col": f.col,
            "evidence": f.evidence,
            "message": f.message,
            "suggestion": f.suggestion,
        }
        for r in results
        for f in r.findings
    ]
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def _results(df: pd.DataFrame, text: str, source: str, id: str | None, config: Config | None, progress: ProgressLike = None) -> list[ArticleResult]:
    """Analyse a frame's rows. A missing text or id column is the caller's mistake, not the
    data's: ``KeyError``, as pandas raises, rather than one error row per article."""
    for role, column in (("text", text), ("id", id)):
        if column is not None and column not in df.columns:
            shown = ", ".join(repr(str(c)) for c in list(df.columns)[:12])
            raise KeyError(f"no {role} column {column!r} in the DataFrame (columns: {shown}); pass {role}='COLUMN'")
    return analyze(articles_from_frame(df, text=text, source=source, id=id), config, progress=progress)


def score_frame(
    df: pd.DataFrame,
    text: str = "text",
    source: str = "source",
    id: str | None = None,
    config: Config | None = None,
    progress: ProgressLike = None,
) -> pd.DataFrame:
    """Score every row of ``df``; the result has one row per input row, with the same index.

    Rows whose text is missing or not a string get an ``error`` message and no scores.
    ``progress=True`` shows each stage's progress on stderr.
    """
    frame = article_rows(_results(df, text, source, id, config, progress))
    frame.index = df.index
    return frame


def findings_frame(
    data: pd.DataFrame | Sequence[ArticleResult],
    text: str = "text",
    source: str = "source",
    id: str | None = None,
    config: Config | None = None,
    progress: ProgressLike = None,
) -> pd.DataFrame:
    """One row per finding, for a DataFrame of articles or for results already computed.
    ``progress=True`` shows each stage's progress on stderr."""
    results = _results(data, text, source, id, config, progress) if isinstance(data, pd.DataFrame) else data
    return finding_rows(results)


# The story table's columns (``quality stories``, :func:`story_frame`), from the article table's.
STORY_COLUMNS = {
    "story_id": "story", "story_label": "label", "id": "id", "source": "source", "date": "date", "title": "title",
    "story_role": "role", "story_origin": "origin", "story_size": "articles", "story_outlets": "outlets",
    "story_sentences": "sentences", "story_verbatim": "verbatim", "story_edited": "edited",
    "story_reworded": "reworded", "story_original": "original", "story_divergences": "divergences", "error": "error",
}  # fmt: skip


def story_rows(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per (story, article) from article rows (:func:`article_rows`): the story's id and
    label, the article, its role and origin and how many of its sentences are verbatim,
    edited, reworded or original. An article that could not be read keeps its row, with its
    error and no story."""
    frame = articles.reindex(columns=list(STORY_COLUMNS)).rename(columns=STORY_COLUMNS)
    keys = {"_number": pd.to_numeric(frame["story"].str[1:], errors="coerce"), "_undated": frame["date"].isna()}  # S99999 before S100000
    order = frame.assign(**keys).sort_values(["_number", "_undated", "date"], kind="stable", na_position="last")
    return order.drop(columns=list(keys)).reset_index(drop=True)


def story_frame(
    df: pd.DataFrame,
    text: str = "text",
    source: str = "source",
    id: str | None = None,
    config: Config | None = None,
    progress: ProgressLike = None,
) -> pd.DataFrame:
    """The stories of a DataFrame of articles: one row per (story, article), grouped by story and
    in date order inside each (:func:`story_rows`). A ``date`` column (ISO dates) keeps stories
    within the detector's date window; ``title`` gives a story its label."""
    return story_rows(score_frame(df, text, source, id, config, progress))


def rules_frame(codes: Iterable[str] | None = None) -> pd.DataFrame:
    """The rule registry as a table (code, name, detector, severity, summary)."""
    chosen = [RULES[c] for c in codes] if codes else list(RULES)
    return pd.DataFrame(
        [{"code": r.code, "name": r.name, "detector": r.detector, "severity": r.severity.value, "fix": r.fix, "summary": r.summary} for r in chosen]
    )


@pd.api.extensions.register_dataframe_accessor("quality")
class QualityAccessor:
    """``df.quality.score()``, ``df.quality.findings()`` on a DataFrame with text and source columns."""

    def __init__(self, df: pd.DataFrame) -> None:
        self._df = df

    def score(
        self, text: str = "text", source: str = "source", id: str | None = None, config: Config | None = None, progress: ProgressLike = None
    ) -> pd.DataFrame:
        return score_frame(self._df, text=text, source=source, id=id, config=config, progress=progress)

    def findings(
        self, text: str = "text", source: str = "source", id: str | None = None, config: Config | None = None, progress: ProgressLike = None
    ) -> pd.DataFrame:
        return findings_frame(self._df, text=text, source=source, id=id, config=config, progress=progress)

    def report(
        self, text: str = "text", source: str = "source", id: str | None = None, config: Config | None = None, progress: ProgressLike = None
    ) -> pd.DataFrame:
        from quality.scoring import source_report

        return source_report(self.score(text=text, source=source, id=id, config=config, progress=progress))
