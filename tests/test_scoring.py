"""Article quality and the per-source report."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from quality import Article, analyze
from quality.frame import article_rows
from quality.scoring import EXPANSION_DOF, article_quality, mean_interval, source_report, t_quantile

WEIGHTS = {"a": 2.0, "b": 1.0, "c": 0.0}

QUALITY = [
    ({"a": 1.0, "b": 0.4}, 0.8),
    ({"a": 1.0, "b": None}, 1.0),  # a dimension that does not apply is left out, not zero
    ({"a": None, "b": None}, None),
    ({"c": 0.0}, None),  # weight 0 means not counted
    ({"a": 0.5, "b": 0.5, "c": 0.0}, 0.5),
]


@pytest.mark.parametrize(("dimensions", "expected"), QUALITY)
def test_article_quality_is_weighted_mean_of_present_dimensions(dimensions, expected) -> None:
    result = article_quality(dimensions, WEIGHTS)
    assert result == (pytest.approx(expected) if expected is not None else None)


# Student t quantiles from textbook tables (dof, probability, quantile to 3 decimals).
T_TABLE = [
    (1, 0.975, 12.706), (2, 0.975, 4.303), (3, 0.95, 2.353), (4, 0.995, 4.604), (5, 0.975, 2.571),
    (10, 0.975, 2.228), (30, 0.99, 2.457), (120, 0.975, 1.980), (10**6, 0.975, 1.960),
]  # fmt: skip


@pytest.mark.parametrize(("dof", "probability", "expected"), T_TABLE)
def test_t_quantile_gives_the_tables_values(dof: int, probability: float, expected: float) -> None:
    assert t_quantile(probability, float(dof)) == pytest.approx(expected, abs=5e-4)


@pytest.mark.parametrize("dof", [*range(1, 40), 99, 500, EXPANSION_DOF, EXPANSION_DOF + 1, 5_000, 10**6])
def test_t_quantile_is_scipys_to_twelve_digits_either_side_of_the_expansion(dof: int) -> None:
    """The exact sum below EXPANSION_DOF degrees of freedom, the expansion above: both are
    scipy's stdtrit, which the source intervals used before, to 1e-12."""
    from scipy.special import stdtrit

    for probability in (0.55, 0.75, 0.9, 0.975, 0.995, 0.9995):
        assert t_quantile(probability, float(dof)) == pytest.approx(float(stdtrit(dof, probability)), rel=1e-12)


def test_scoring_a_corpus_imports_no_scipy() -> None:
    """The source report's intervals need no scipy (a tenth of a second of every run)."""
    import subprocess
    import sys

    script = (
        "import sys, numpy as np\n"
        "from quality.scoring import mean_interval\n"
        "mean_interval(np.array([0.8, 0.9, 0.7]), prior_sd=0.1)\n"
        "assert 'scipy' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_two_articles_give_a_wide_interval_even_when_they_agree() -> None:
    low, high = mean_interval(np.array([0.9, 0.9]), prior_sd=0.1)
    assert high - low > 0.25


def test_interval_narrows_with_more_articles() -> None:
    rng = np.random.default_rng(0)
    widths = []
    for n in (2, 5, 20, 100):
        values = np.clip(rng.normal(0.8, 0.05, n), 0, 1)
        low, high = mean_interval(values, prior_sd=0.05)
        assert low <= values.mean() <= high
        widths.append(high - low)
    assert widths == sorted(widths, reverse=True)


def _scores(rows):
    frame = pd.DataFrame(rows, columns=["id", "source", "quality", "words", "findings", "n_error", "n_warning", "n_MOJ001", "dim_x", "error"])
    return frame


def test_a_source_with_no_scored_article_has_no_rank_and_comes_last() -> None:
    scores = _scores(
        [
            ("1", "aaa-unreadable", math.nan, 0, 1, 1, 0, 0, math.nan, "unreadable"),
            ("2", "zzz", 0.4, 500, 0, 0, 0, 0, 0.5, None),
        ]
    )
    report = source_report(scores)
    assert list(report["source"]) == ["zzz", "aaa-unreadable"]
    assert report["rank"].tolist()[0] == 1 and report["rank"].isna().tolist() == [False, True]


def test_source_report_columns_rates_and_rank() -> None:
    scores = _scores(
        [
            ("1", "good", 0.9, 1000, 0, 0, 0, 0, 1.0, None),
            ("2", "good", 0.8, 1000, 1, 0, 0, 0, 1.0, None),
            ("3", "bad", 0.4, 500, 3, 1, 2, 2, 0.5, None),
            ("4", "bad", math.nan, 0, 1, 1, 0, 0, math.nan, "unreadable"),
        ]
    )
    report = source_report(scores).set_index("source")
    assert list(report.index) == ["good", "bad"]
    assert report.loc["good", "rank"] == 1 and report.loc["bad", "rank"] == 2
    assert report.loc["bad", "articles"] == 2 and report.loc["bad", "errors"] == 1 and report.loc["bad", "scored"] == 1
    assert report.loc["good", "quality_mean"] == pytest.approx(0.85)
    assert report.loc["good", "findings_per_1k_words"] == pytest.approx(0.5)
    assert report.loc["bad", "defects_per_1k_words"] == pytest.approx(8.0)  # input errors count too
    assert report.loc["good", "top_rules"] == ""
    assert report.loc["bad", "per_1k_MOJ001"] == pytest.approx(4.0)
    assert report.loc["bad", "error_finding_share"] == pytest.approx(1.0)
    assert report.loc["good", "x_mean"] == pytest.approx(1.0)
    for source in report.index:
        assert report.loc[source, "quality_ci_low"] <= report.loc[source, "quality_mean"] <= report.loc[source, "quality_ci_high"]


def test_the_report_says_which_languages_a_sources_scores_are_measured_in() -> None:
    english = "The Russian Foreign Ministry said on Monday that the Chinese president will visit Moscow in the spring."
    spanish = "El Ministerio de Asuntos Exteriores de Rusia anunció que el presidente chino visitará Moscú en febrero."
    articles = [Article("a", "mixed", english), Article("b", "mixed", spanish), Article("c", "mixed", english + " Trade grew."),
                Article("d", "plain", english)]
    report = source_report(article_rows(analyze(articles))).set_index("source")
    assert report.loc["mixed", "languages"] == "en ×2, es ×1"
    assert report.loc["plain", "languages"] == "en"
