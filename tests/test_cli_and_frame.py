"""End to end: the CLI and the DataFrame API agree, outputs are deterministic, errors are rows."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pandas as pd
import pytest

import quality
from _summary import without_timing
from quality.cli import main
from quality.frame import FINDING_COLUMNS
from quality.load import load_paths
from quality.model import Article

SAMPLE = Path(__file__).resolve().parent.parent / "sample_corpus"


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), without_timing(err.getvalue())


def sample_frame() -> pd.DataFrame:
    articles = [a for a in load_paths([SAMPLE]) if isinstance(a, Article)]
    # with the manifest's dates and titles, which the CLI reads too (stories keep to a date window)
    return pd.DataFrame({
        "id": [a.id for a in articles], "text": [a.text for a in articles], "source": [a.source for a in articles],
        "date": [a.date for a in articles], "title": [a.title for a in articles],
    })  # fmt: skip


def test_cli_report_equals_dataframe_api(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    code, _, err = run_cli("score", str(SAMPLE), "--format", "csv", "--output", str(target))
    assert code == 0
    from_cli = pd.read_csv(target, keep_default_na=False, na_values=[""])
    from_cli["top_rules"] = from_cli["top_rules"].fillna("")  # CSV cannot tell "" from missing
    from_api = quality.source_report(quality.score_frame(sample_frame(), id="id"))
    assert list(from_cli.columns) == list(from_api.columns)
    pd.testing.assert_frame_equal(from_cli, from_api, check_dtype=False, atol=1e-9)
    n = len(sample_frame())
    assert f"read {n}, scored {n}, errors 0" in err


def test_output_dash_is_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli("findings", str(SAMPLE), "--format", "csv", "-o", "-")
    assert code == 0
    assert out.startswith("id,source,detector,rule,")
    assert not (tmp_path / "-").exists()


def test_cli_articles_equal_dataframe_api(tmp_path: Path) -> None:
    code, out, _ = run_cli("score", str(SAMPLE), "--articles", "--format", "jsonl")
    assert code == 0
    from_cli = pd.DataFrame([json.loads(line) for line in out.splitlines()])
    from_api = quality.score_frame(sample_frame(), id="id").reset_index(drop=True)
    assert list(from_cli["id"]) == list(from_api["id"])
    for column in ("quality", "findings", "n_error"):
        assert from_cli[column].tolist() == pytest.approx(from_api[column].tolist())


def test_report_has_one_row_per_source() -> None:
    code, out, _ = run_cli("score", str(SAMPLE), "--format", "csv")
    report = pd.read_csv(io.StringIO(out))
    assert code == 0
    assert sorted(report["source"]) == sorted(sample_frame()["source"].unique())
    for column in ("articles", "quality_mean", "quality_median", "quality_ci_low", "quality_ci_high", "findings_per_1k_words", "error_finding_share", "rank"):
        assert column in report.columns


@pytest.mark.parametrize("fmt", ["table", "csv", "jsonl", "markdown"])
def test_two_runs_give_identical_output(fmt: str) -> None:
    first = run_cli("score", str(SAMPLE), "--format", fmt)
    second = run_cli("score", str(SAMPLE), "--format", fmt)
    assert first == second


def test_findings_table_columns_and_spans() -> None:
    code, out, _ = run_cli("findings", str(SAMPLE), "--format", "jsonl")
    assert code == 0
    texts = {a.id: a.text for a in load_paths([SAMPLE]) if isinstance(a, Article)}
    for line in out.splitlines():
        row = json.loads(line)
        assert list(row) == FINDING_COLUMNS
        assert texts[row["id"]][row["start"] : row["end"]] == row["evidence"]


def test_parquet_output_round_trips(tmp_path: Path) -> None:
    target = tmp_path / "r.parquet"
    assert run_cli("score", str(SAMPLE), "--format", "parquet", "-o", str(target))[0] == 0
    assert len(pd.read_parquet(target)) == sample_frame()["source"].nunique()


def test_parquet_needs_output_file() -> None:
    code, _, err = run_cli("score", str(SAMPLE), "--format", "parquet")
    assert code == 2 and "--output" in err


def test_unknown_rule_selector_is_a_usage_error() -> None:
    code, _, err = run_cli("score", str(SAMPLE), "--select", "NOPE")
    assert code == 2 and "NOPE" in err


def test_bad_input_is_an_error_row_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A good article. " * 20, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 " * 20)
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    code, out, err = run_cli("score", str(tmp_path), "--articles", "--format", "jsonl")
    rows = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert code == 0 and set(rows) == {"good.txt", "bad.txt", "empty.txt"}
    assert rows["good.txt"]["error"] is None
    assert "UTF-8" in rows["bad.txt"]["error"] and "empty" in rows["empty.txt"]["error"]
    assert "read 3, scored 1, errors 2" in err


def test_dataframe_accessor_keeps_index_and_reports_bad_cells() -> None:
    df = pd.DataFrame({"text": ["Some text.", None, 42], "source": ["a", "a", "b"]}, index=["x", "y", "z"])
    scores = df.quality.score()
    assert list(scores.index) == ["x", "y", "z"]
    assert pd.isna(scores.loc["x", "error"])
    assert "not a string" in scores.loc["y", "error"] and "not a string" in scores.loc["z", "error"]
    findings = df.quality.findings()
    assert set(findings.loc[findings["rule"] == "INP001", "id"]) == {"y", "z"}


def test_rules_command_lists_and_explains() -> None:
    code, out, _ = run_cli("rules")
    assert code == 0 and "INP001" in out and "RDB002" in out
    assert "LNT001" in out  # lint's own rules are listed too
    code, out, _ = run_cli("rules", "RDB002")
    assert code == 0 and "Why it matters" in out
    code, out, _ = run_cli("rules", "lnt")
    assert code == 0 and "LNT001" in out and "LNT003" in out
    assert run_cli("rules", "ZZZ999")[0] == 2


@pytest.mark.parametrize("output", [False, True], ids=["stdout", "output-file"])
def test_nothing_scored_prints_no_source_report(tmp_path: Path, output: bool) -> None:
    report = tmp_path / "report.csv"
    extra = ["--format", "csv", "-o", str(report)] if output else []
    code, out, err = run_cli("score", str(tmp_path / "nosuch"), *extra)
    assert code == 2
    assert out == "" and not report.exists()
    assert "no such file or folder" in err
    assert err.strip().splitlines()[-1].startswith("quality: nothing could be scored, so there is no source report")


def test_error_rows_are_still_listed_with_articles(tmp_path: Path) -> None:
    code, out, _ = run_cli("score", str(tmp_path / "nosuch"), "--articles", "--format", "jsonl")
    assert code == 2
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert "no such file or folder" in row["error"]


def test_version_is_printed(capsys) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"quality {version('quality')}\n"


def test_the_summary_comes_after_the_table_in_a_terminal() -> None:
    import subprocess
    import sys

    shown = subprocess.run([sys.executable, "-m", "quality", "score", str(SAMPLE)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=True)
    lines = shown.stdout.splitlines()
    assert lines[0].split()[:2] == ["rank", "source"]
    assert lines[-1].startswith("quality: read 25, scored 25, errors 0 in ")
