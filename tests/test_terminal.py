"""What a person sees at a terminal: tables that fit its width, ranks that admit ties, findings
as lint-style lines."""

from __future__ import annotations

import io
import math
import re
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pandas as pd
import pytest

import quality
from quality.cli import main
from quality.load import load_paths
from quality.model import Article
from quality.scoring import rank_ranges
from quality.terminal import EVIDENCE_WIDTH, finding_lines, frame_table, report_table

SAMPLE = Path(__file__).resolve().parent.parent / "sample_corpus"


@pytest.fixture(scope="module")
def sample_scores() -> pd.DataFrame:
    articles = [a for a in load_paths([SAMPLE]) if isinstance(a, Article)]
    frame = pd.DataFrame({"id": [a.id for a in articles], "text": [a.text for a in articles], "source": [a.source for a in articles]})
    return quality.score_frame(frame, id="id")


def widest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


# ------------------------------------------------------------------------- rank ranges

RANK_CASES = [
    # (intervals as (low, high), the (best, worst) rank each source could take)
    ([(0.9, 0.95), (0.8, 0.85), (0.7, 0.75)], [(1, 1), (2, 2), (3, 3)]),  # apart: the order is known
    ([(0.8, 0.95), (0.85, 0.9), (0.7, 0.99)], [(1, 3), (1, 3), (1, 3)]),  # all overlap: no order
    ([(0.9, 0.95), (0.85, 0.91), (0.7, 0.86)], [(1, 2), (1, 3), (2, 3)]),  # a chain: neighbours tie
    ([(0.9, 0.95), (math.nan, math.nan)], [(1, 1), (None, None)]),  # nothing scored: no range
]


@pytest.mark.parametrize(("intervals", "expected"), RANK_CASES, ids=["apart", "all-overlap", "chain", "unscored"])
def test_a_rank_is_a_range_when_intervals_overlap(intervals: list[tuple[float, float]], expected: list[tuple[int | None, int | None]]) -> None:
    low = pd.Series([lo for lo, _ in intervals])
    high = pd.Series([hi for _, hi in intervals])
    best, worst = rank_ranges(low, high)
    got = [(None if pd.isna(b) else int(b), None if pd.isna(w) else int(w)) for b, w in zip(best, worst)]
    assert got == expected


def test_the_point_rank_lies_inside_its_range(sample_scores: pd.DataFrame) -> None:
    report = quality.source_report(sample_scores)
    assert ((report["rank_best"] <= report["rank"]) & (report["rank"] <= report["rank_worst"])).all()


# ------------------------------------------------------------------------- score table


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_the_source_table_fits_the_terminal(sample_scores: pd.DataFrame, width: int) -> None:
    shown = report_table(quality.source_report(sample_scores), width=width)
    assert widest(shown) <= width
    for source in sample_scores["source"].unique():
        assert source[:4] in shown  # every source has its row, cut at worst


def test_rules_are_named_beside_their_codes_when_there_is_room(sample_scores: pd.DataFrame) -> None:
    report = quality.source_report(sample_scores)
    code, count = re.match(r"(\w+) ×(\d+)", report["top_rules"].iloc[0]).groups()
    name = quality.RULES[code].name
    assert f"{code} {name} ×{count}" in report_table(report, width=200)
    narrow = report_table(report, width=80)  # by code in the table, named in a key under it
    assert f"{code} ×{count}" in narrow and f"{code} {name}" in narrow.split("rules:")[1]


def test_a_tie_in_rank_is_shown_and_explained() -> None:
    report = pd.DataFrame(
        {
            "source": ["alpha", "beta", "gamma"], "articles": [5, 2, 3], "errors": [0, 0, 1],
            "quality_mean": [0.95, 0.94, math.nan], "quality_ci_low": [0.9, 0.7, math.nan], "quality_ci_high": [0.99, 0.99, math.nan],
            "sourcing_mean": [0.6, 0.9, math.nan], "readability_mean": [0.8, 0.5, math.nan], "top_rules": ["ATT002 ×3", "", ""],
        }
    )  # fmt: skip
    report["rank"] = pd.Series([1, 2, None], dtype="Int64")
    report["rank_best"], report["rank_worst"] = rank_ranges(report["quality_ci_low"], report["quality_ci_high"])
    lines = report_table(report, width=100).splitlines()
    rows = {source: next(line for line in lines if f" {source} " in line) for source in report["source"]}
    assert rows["alpha"].split()[0] == "1–2" and rows["beta"].split()[0] == "1–2"
    assert "sourcing 0.60" in rows["alpha"] and "readability 0.50" in rows["beta"]  # the weakest dimension
    assert rows["gamma"].split()[:4] == ["gamma", "3", "(1", "err)"] and "not scored" in rows["gamma"]  # no rank
    assert "intervals overlap" in report_table(report, width=100)


def test_the_wide_table_shows_every_dimension_quality_is_built_from(sample_scores: pd.DataFrame) -> None:
    shown = report_table(quality.source_report(sample_scores), width=80, wide=True)
    header = shown.splitlines()[0].split()
    for dimension in quality.Config().weights:
        assert f"{dimension}_mean" in header


def test_the_cli_takes_its_width_from_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "72")
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        assert main(["score", str(SAMPLE / "000_85b48dcb40bc4b97.txt"), str(SAMPLE / "001_d24e163e23e3c5d8.txt")]) == 0
    assert widest(out.getvalue()) <= 72
    assert err.getvalue().splitlines()[-1].startswith("quality: read 2, scored 2, errors 0 in ")  # the summary last


# ------------------------------------------------------------------- articles and findings


def test_a_long_id_is_folded_whole_and_an_error_cut(sample_scores: pd.DataFrame) -> None:
    long_id = "a-very-long-file-name-" * 4
    frame = sample_scores.head(1).assign(id=long_id)
    shown = frame_table(frame, ["id", "source", "words", "quality", "error"], width=60)
    assert widest(shown) <= 60 and "error" not in shown.splitlines()[0]  # no article failed: no error column
    id_width = shown.splitlines()[0].index("source")
    assert "".join(line[:id_width].strip() for line in shown.splitlines()[2:]) == long_id  # folded, never cut
    failed = frame.assign(error="not valid UTF-8: the file is in another encoding; save it as UTF-8")
    row = frame_table(failed, ["id", "words", "error"], width=60).splitlines()[2]
    assert len(row) == 60 and row.endswith("…")  # one line, cut: stderr has the whole message


def test_findings_are_lint_style_lines(sample_scores: pd.DataFrame) -> None:
    findings = pd.DataFrame(
        {
            "id": ["a.txt", "b.txt"], "rule": ["MOJ001", "BPL001"], "severity": ["error", "warning"], "line": [3, 1], "col": [7, 1],
            "evidence": ["CafÃ©", "Follow us on Telegram for the latest news and the latest offers"],
            "message": ["text decoded with the wrong codec: “CafÃ©” reads “Café”", "a social footer"],
        }
    )  # fmt: skip
    lines = finding_lines(findings).splitlines()
    assert lines[0] == "a.txt:3:7: MOJ001 [error] text decoded with the wrong codec: “CafÃ©” reads “Café”"  # evidence already quoted
    assert lines[1].startswith("b.txt:1:1: BPL001 [warning] a social footer “Follow us on Telegram")
    assert lines[1].endswith("…”") and len(lines[1].split("“")[1]) == EVIDENCE_WIDTH + 1
