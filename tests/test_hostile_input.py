"""Hostile input: every bad input is an error row with a clear message, and nothing else is lost.

Each case puts one hostile file beside a good article and runs it twice: through the CLI
(``quality score DIR --articles --format jsonl``: exit code, one ``quality: error: ID: ...`` line
on stderr, the error row, the ``read N, scored M, errors K`` summary with N = M + K) and through
the Python API (``load_paths`` → ``analyze`` → the DataFrame's ``error`` column). Inputs that are
valid but unusual (UTF-16, UTF-32, a 5 MB line) must be scored, not refused.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
import signal
import warnings
from contextlib import contextmanager, nullcontext, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import pandas as pd
import pytest

import quality
from quality.cli import main
from quality.config import DEFAULT_MAX_ARTICLE_CHARS, Config, parse_config
from quality.frame import article_rows
from quality.load import load_paths
from quality.model import Article
from quality.pipeline import DuplicateIdWarning, LoadError, analyze

GOOD_TEXT = (
    "The Russian Foreign Ministry said on Monday that the Chinese president is expected to visit "
    "Moscow in the spring. Officials in Beijing have not confirmed the visit.\n"
)
SUMMARY = re.compile(r"quality: read (\d+), scored (\d+), errors (\d+)")


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def summary_of(stderr: str) -> tuple[int, int, int]:
    """The summary line's numbers; asserts it is there and that N = M + K."""
    match = SUMMARY.search(stderr)
    assert match, f"no summary line in stderr: {stderr!r}"
    read, scored, errors = map(int, match.groups())
    assert read == scored + errors
    return read, scored, errors


def error_lines(stderr: str) -> dict[str, str]:
    """``{id: message}`` from the ``quality: error: ID: MESSAGE`` lines."""
    lines = {}
    for line in stderr.splitlines():
        if line.startswith("quality: error: "):
            id_, _, message = line.removeprefix("quality: error: ").partition(": ")
            lines[id_] = message
    return lines


# --- the cases of point 1: (name, file name, bytes, expectation) ---------------------------------
# An expectation is ("error", regex the message must match) or ("scored", the decoded text).


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


def _random_binary() -> bytes:
    return bytes((i * 7919 + 13) % 256 for i in range(5000))


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    data: Callable[[], bytes]
    outcome: str  # "error" or "scored"
    expect: str  # error: a regex the message must match; scored: the text after decoding


FILE_CASES = [
    Case("invalid-utf8", "bad.txt", lambda: b"Good start, then \xff\xfe\xfd garbage.\n", "error", r"not valid UTF-8: byte 0xff at byte 17 \(line 1\)"),
    Case("utf16-bom-le", "u16.txt", lambda: "Caf\u00e9 in Z\u00fcrich \u2014 \u5317\u4eac.".encode("utf-16"), "scored", "Caf\u00e9 in Z\u00fcrich \u2014 \u5317\u4eac."),
    Case("utf16-bom-be", "u16be.txt", lambda: b"\xfe\xff" + "Caf\u00e9 news.".encode("utf-16-be"), "scored", "Caf\u00e9 news."),
    Case("utf16-no-bom-le", "u16.txt", lambda: "Plain news text, no BOM.\nSecond line.".encode("utf-16-le"), "scored", "Plain news text, no BOM.\nSecond line."),
    Case("utf16-no-bom-be", "u16.txt", lambda: "Plain news text, no BOM.".encode("utf-16-be"), "scored", "Plain news text, no BOM."),
    Case("utf32-bom", "u32.txt", lambda: "Caf\u00e9 \U0001f1e8\U0001f1f3 news.".encode("utf-32"), "scored", "Caf\u00e9 \U0001f1e8\U0001f1f3 news."),
    Case("utf32-no-bom", "u32.txt", lambda: "Plain news text.".encode("utf-32-le"), "scored", "Plain news text."),
    Case("utf8-bom", "bom.txt", lambda: b"\xef\xbb\xbf" + "Caf\u00e9.".encode(), "scored", "Caf\u00e9."),
    Case("latin-1", "latin1.txt", lambda: "Le caf\u00e9 co\u00fbte 3 \u00a3.\nDeuxi\u00e8me ligne.".encode("latin-1"), "error", r"not valid UTF-8: byte 0xe9 .*Latin-1"),
    Case("nul-bytes", "nul.txt", lambda: b"Some text\x00 with a NUL inside.\n", "error", r"1 NUL byte\(s\), the first at line 1, column 10"),
    Case("nul-padding", "pad.txt", lambda: b"A download that stopped.\n" + b"\x00" * 64, "error", r"ends in 64 NUL byte\(s\) of padding"),
    Case("binary-png", "image.txt", _png, "error", r"a PNG image, not a text file"),
    Case("binary-pdf", "doc.md", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + _random_binary(), "error", r"a PDF document"),
    Case("binary-random", "blob.txt", _random_binary, "error", r"binary data|not valid UTF-8"),
    Case("binary-controls-valid-utf8", "ctl.txt", lambda: bytes(range(1, 9)) * 200, "error", r"binary data"),
    Case("empty-file", "empty.txt", lambda: b"", "error", "empty article"),
    Case("whitespace-only", "blank.txt", lambda: b" \t\n\r\n \xc2\xa0\n\xe3\x80\x80  ", "error", "empty article"),
]


def _folder_with(tmp_path: Path, case: Case) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / case.filename).write_bytes(case.data())
    return folder


def _check_rows(rows: dict[str, dict], case: Case, error_text: str | None, text: str | None) -> None:
    assert rows["good.txt"]["error"] is None or (isinstance(rows["good.txt"]["error"], float) and math.isnan(rows["good.txt"]["error"]))
    if case.outcome == "error":
        assert error_text and re.search(case.expect, error_text), error_text
        if case.expect != "empty article":  # the loader's messages name the file; the row id does too
            assert case.filename in error_text
    else:
        assert error_text is None or (isinstance(error_text, float) and math.isnan(error_text)), error_text
        assert text == case.expect


@pytest.mark.parametrize("case", FILE_CASES, ids=lambda c: c.name)
def test_file_case_through_the_cli(tmp_path: Path, case: Case) -> None:
    folder = _folder_with(tmp_path, case)
    code, out, err = run_cli("score", str(folder), "--articles", "--format", "jsonl")
    assert code == 0
    rows = {row["id"]: row for row in map(json.loads, out.splitlines())}
    assert set(rows) == {"good.txt", case.filename}
    _check_rows(rows, case, rows[case.filename]["error"], None if case.outcome == "error" else case.expect)
    errors = error_lines(err)
    if case.outcome == "error":
        assert set(errors) == {case.filename} and re.search(case.expect, errors[case.filename])
        assert summary_of(err) == (2, 1, 1)
    else:
        assert errors == {}
        assert summary_of(err) == (2, 2, 0)


@pytest.mark.parametrize("case", FILE_CASES, ids=lambda c: c.name)
def test_file_case_through_the_api(tmp_path: Path, case: Case) -> None:
    folder = _folder_with(tmp_path, case)
    results = analyze(load_paths([folder]))
    frame = article_rows(results).set_index("id")
    assert list(frame.index) == sorted(["good.txt", case.filename])
    texts = {r.article.id: r.article.text for r in results}
    rows = {id_: {"error": frame.loc[id_, "error"]} for id_ in frame.index}
    _check_rows(rows, case, frame.loc[case.filename, "error"], texts[case.filename])
    if case.outcome == "error":
        [result] = [r for r in results if r.article.id == case.filename]
        assert result.quality is None and [f.rule for f in result.findings] in (["INP001"], ["INP002"])


# --- size limits -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_fifty_megabyte_article_is_refused_without_being_read(tmp_path: Path) -> None:
    """The default limit is 10 million characters; 50 MB is over four bytes per allowed
    character, so the loader refuses it from its size alone (no 50 MB string is built)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    with open(folder / "huge.txt", "wb") as handle:
        line = b"Filler sentence for a scraper that saved a whole site as one article.\n"
        handle.write(line * (50 * 1024 * 1024 // len(line) + 1))
    code, out, err = run_cli("score", str(folder), "--articles", "--format", "jsonl")
    rows = {row["id"]: row for row in map(json.loads, out.splitlines())}
    assert code == 0 and rows["good.txt"]["error"] is None
    assert re.search(r"article too large: .* over the limit of 10,000,000 \(raise max_article_chars", rows["huge.txt"]["error"])
    assert "huge.txt" in error_lines(err)
    assert summary_of(err) == (2, 1, 1)


@pytest.mark.parametrize(
    ("size", "outcome"),
    [(1_000, "scored"), (1_001, "refused after decoding"), (4_005, "refused from its size")],
)
def test_configured_size_limit_applies_to_files(tmp_path: Path, size: int, outcome: str) -> None:
    (tmp_path / "a.txt").write_text("x" * (size - 1) + ".", encoding="utf-8")
    code, out, err = run_cli("score", str(tmp_path / "a.txt"), "--articles", "--format", "jsonl", "--max-article-chars", "1000")
    [row] = map(json.loads, out.splitlines())
    if outcome == "scored":
        assert row["error"] is None and code == 0
    else:
        assert "article too large" in row["error"] and "1,000" in row["error"]
        assert code == 2  # nothing could be scored


def test_size_limit_from_config_and_in_the_dataframe_api(tmp_path: Path) -> None:
    config = parse_config({"max_article_chars": 50})
    df = pd.DataFrame({"text": ["short enough.", "y" * 51], "source": ["s", "s"]})
    scores = quality.score_frame(df, config=config)
    assert pd.isna(scores.loc[0, "error"]) and "article too large: 51 characters" in scores.loc[1, "error"]
    assert parse_config({"max_article_chars": 0}).max_article_chars is None  # 0: no limit
    assert Config().max_article_chars == DEFAULT_MAX_ARTICLE_CHARS
    with pytest.raises(ValueError, match="max_article_chars"):
        parse_config({"max_article_chars": -1})
    (tmp_path / "quality.toml").write_text("max_article_chars = 50\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("z" * 60, encoding="utf-8")
    code, out, _ = run_cli("score", str(tmp_path / "a.txt"), "--articles", "--format", "jsonl", "--config", str(tmp_path / "quality.toml"))
    assert "article too large" in json.loads(out)["error"]


@pytest.mark.slow
def test_five_megabyte_single_line_is_scored(tmp_path: Path) -> None:
    """A scraper that lost every line break: valid input, scored, spans still exact."""
    sentence = "Officials said the talks, held in Moscow on Monday, would continue. "
    text = sentence * (5_000_000 // len(sentence) + 1)
    (tmp_path / "oneline.txt").write_text(text, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    code, out, err = run_cli("findings", str(tmp_path), "--format", "jsonl")
    assert code == 0 and summary_of(err) == (2, 2, 0)
    for row in map(json.loads, out.splitlines()):
        if row["id"] == "oneline.txt":
            assert row["line"] == 1 and row["col"] == row["start"] + 1
            assert text[row["start"] : row["end"]] == row["evidence"]


# --- tables -----------------------------------------------------------------------------------------


def test_malformed_jsonl_line_reports_its_line_number(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": GOOD_TEXT, "source": "s"}),
        '{"text": "unterminated',
        "",
        json.dumps({"text": GOOD_TEXT, "source": "s"}),
        "[1, 2]",
        '{"text": "bad escape \\ud800 here", "source": "s"}',
        "[" * 100_000 + "]" * 100_000,
        '{"text": ' + "9" * 5000 + "}",
    ]
    path.write_bytes("\n".join(lines).encode() + b"\n" + b'{"text": "caf\xe9"}\n')
    code, out, err = run_cli("score", str(path), "--articles", "--format", "jsonl")
    rows = {row["id"]: row for row in map(json.loads, out.splitlines())}
    assert code == 0
    assert list(rows) == ["feed.jsonl:1", "feed.jsonl:2", "feed.jsonl:4", "feed.jsonl:5", "feed.jsonl:6", "feed.jsonl:7", "feed.jsonl:8", "feed.jsonl:9"]
    assert rows["feed.jsonl:1"]["error"] is None and rows["feed.jsonl:4"]["error"] is None
    expected = {
        "feed.jsonl:2": r"feed\.jsonl:2: malformed JSON: Unterminated string starting at column 10$",
        "feed.jsonl:5": r"feed\.jsonl:5: want a JSON object, got list",
        "feed.jsonl:6": r"feed\.jsonl:6: text holds an unpaired surrogate U\+D800",
        "feed.jsonl:7": r"feed\.jsonl:7: unreadable JSON: nested too deeply$",
        "feed.jsonl:8": r"feed\.jsonl:8: text is a number of 5000 digits, not a string$",
        "feed.jsonl:9": r"feed\.jsonl:9: not valid UTF-8: byte 0xe9 at column 14",
    }
    errors = error_lines(err)
    for id_, pattern in expected.items():
        assert re.search(pattern, rows[id_]["error"]), rows[id_]["error"]
        assert re.search(pattern, errors[id_])
    assert summary_of(err) == (8, 2, 6)


def test_a_number_too_long_for_int_in_another_field_does_not_sink_the_record(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Fine words.", "views": ' + "9" * 5000 + "}\n", encoding="utf-8")
    (item,) = load_paths([path])
    assert isinstance(item, Article) and item.text == "Fine words."


def test_jsonl_keeps_unicode_line_separators_inside_records(tmp_path: Path) -> None:
    """JSON allows U+2028/U+2029/U+0085 unescaped in strings; they must not split records."""
    text = "First paragraph.\u2028Same record.\u0085Still the same.\u2029End."
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\r\n" + json.dumps({"text": "Next."}) + "\n", encoding="utf-8")
    items = list(load_paths([path]))
    assert [(i.id, i.text) for i in items] == [("a.jsonl:1", text), ("a.jsonl:2", "Next.")]


@pytest.mark.parametrize(
    ("content", "pattern"),
    [
        ("body,source\nOne.,p\n", r"no text column 'text' \(columns: 'body', 'source'\).*--text-column"),
        ("text;source\nOne.;p\n", r"the header uses ';' as its delimiter"),
        ("text\tsource\nOne.\tp\n", r"the header uses tab as its delimiter"),
        ("", r"empty file: no header row"),
        ("text,source\n", r"no rows \(only a header\)"),
        ("text,text,source\nA,B,p\n", r"column\(s\) 'text' appear more than once"),
    ],
    ids=["missing-column", "semicolon", "tab", "empty", "header-only", "repeated-column"],
)
def test_csv_that_cannot_be_read_is_one_error_row(tmp_path: Path, content: str, pattern: str) -> None:
    (tmp_path / "t.csv").write_text(content, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    code, out, err = run_cli("score", str(tmp_path / "t.csv"), str(tmp_path / "good.txt"), "--articles", "--format", "jsonl")
    rows = {row["id"]: row for row in map(json.loads, out.splitlines())}
    assert code == 0 and set(rows) == {"t.csv", "good.txt"}
    assert re.search(pattern, rows["t.csv"]["error"]) and re.search(pattern, error_lines(err)["t.csv"])
    assert summary_of(err) == (2, 1, 1)


def test_one_broken_csv_row_does_not_lose_the_others(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    long_text = "A long article sentence. " * 20_000  # 500 KB: over the csv module's default field limit
    body = (
        "text,source\n"
        f'"{GOOD_TEXT}",p\n'
        "Unquoted, comma,p\n"
        f'"{long_text}",p\n'
        ",p\n"
        "42,p\n"
    ).encode() + b'"caf\xe9",p\n' + b'"fine again.",q\n'
    path.write_bytes(body)
    code, out, err = run_cli("score", str(path), "--articles", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == [f"t.csv:{i}" for i in range(1, 8)]
    assert rows[0]["error"] is None and rows[2]["error"] is None and rows[6]["error"] is None
    assert re.search(r"row 2 \(line 4\): 3 fields but the header has 2", rows[1]["error"])
    assert re.search(r"row 4 \(line 6\): text is missing, not a string", rows[3]["error"])
    assert rows[4]["error"] is None  # a CSV cell is text: "42" is (a poor) article, not an error
    assert re.search(r"row 6 \(line 8\): not valid UTF-8: byte 0xe9", rows[5]["error"])
    assert summary_of(err) == (7, 4, 3)


CUT_CSV_ROWS = [
    # (case, the file, {row id: None when read, or a regex its error must match})
    (
        "quote-never-closed",
        'text,source\n"The budget passed on Monday.",p\n"It opens a quote,p\nA third article.,p\nA fourth.,p\n',
        {"t.csv:1": None, "t.csv:2": r"row 2 \(line 3\): the quote that opens a field on line 3 is never closed, so lines 3 to 5, the end of the file, were read as one field"},
    ),
    (
        "quote-never-closed-in-a-later-field",
        'text,source\nThe budget passed.,p\nA second article.,"p\nA third.,p\n',
        {"t.csv:1": None, "t.csv:2": r"row 2 \(line 3\): the quote that opens a field on line 3 is never closed, so lines 3 to 4"},
    ),
    (
        "quote-never-closed-after-a-quoted-line-break",
        'text,source\n"Two\nlines.",p\nNext.,"p\n',
        {"t.csv:1": None, "t.csv:2": r"row 2 \(line 4\): the quote that opens a field on line 4 is never closed"},
    ),
    (
        "cut-inside-a-quoted-field",
        'text,source\nThe budget passed.,p\n"The minister said th',
        {"t.csv:1": None, "t.csv:2": r"row 2 \(line 3\): the quote that opens a field on line 3 is never closed"},
    ),
    (
        "cut-short-last-row",
        "text,source,date\nThe budget passed.,p,2024-05-01\nThe minister said th",
        {"t.csv:1": None, "t.csv:2": r"row 2 \(line 3\): 1 of the header's 3 fields, and the file ends inside this row: it was cut short"},
    ),
    # Whole rows, read as before:
    ("no-line-break-at-the-end", "text,source\nThe budget passed.,p\nSo did the bill.,q", {"t.csv:1": None, "t.csv:2": None}),
    ("trailing-empty-field", "text,source,date\nThe budget passed.,p,", {"t.csv:1": None}),
    ("short-row-that-ends-its-line", "text,source,date\nThe budget passed.,p\n", {"t.csv:1": None}),
    ("quoted-line-break-closed-at-the-end", 'text,source\nThe budget passed.,p\n"Two\nlines.",q', {"t.csv:1": None, "t.csv:2": None}),
    ("quote-inside-an-unquoted-field", 'text,source\nA 5" floppy disk was sold.,p\n', {"t.csv:1": None}),
    ("doubled-quotes", 'text,source\n"He said ""no"" twice.",p\n"Ends in a quote """,q\n', {"t.csv:1": None, "t.csv:2": None}),
    ("text-after-a-closing-quote", 'text,source\n"Quoted" then not.,p\n', {"t.csv:1": None}),
]


@pytest.mark.parametrize(("case", "content", "expected"), CUT_CSV_ROWS, ids=[c[0] for c in CUT_CSV_ROWS])
def test_csv_rows_swallowed_by_a_quote_or_cut_short_are_error_rows(tmp_path: Path, case: str, content: str, expected: dict[str, str | None]) -> None:
    (tmp_path / "t.csv").write_text(content, encoding="utf-8", newline="")
    code, out, err = run_cli("score", str(tmp_path / "t.csv"), "--articles", "--format", "jsonl")
    rows = {row["id"]: row["error"] for row in map(json.loads, out.splitlines())}
    assert code == 0 and list(rows) == list(expected)
    for row_id, pattern in expected.items():
        assert (rows[row_id] is None) if pattern is None else bool(re.search(pattern, rows[row_id])), rows[row_id]
    errors = sum(pattern is not None for pattern in expected.values())
    assert set(error_lines(err)) == {row_id for row_id, pattern in expected.items() if pattern} and summary_of(err)[2] == errors


@pytest.mark.parametrize(
    ("cell", "pattern"),
    [
        (None, "text is missing, not a string"),
        (math.nan, "text is missing, not a string"),
        (pd.NA, "text is missing, not a string"),
        (42, r"text is a int \(42\), not a string"),
        (3.5, r"text is a float \(3\.5\), not a string"),
        (b"bytes", r"text is a bytes \(b'bytes'\), not a string"),
        (["a", "list"], r"text is a list"),
    ],
    ids=["None", "NaN", "NA", "int", "float", "bytes", "list"],
)
def test_non_string_text_cells_in_a_dataframe(cell, pattern: str) -> None:
    df = pd.DataFrame({"text": [GOOD_TEXT, cell], "source": ["a", "b"]}, index=["ok", "bad"])
    scores = df.quality.score()
    assert list(scores.index) == ["ok", "bad"]
    assert pd.isna(scores.loc["ok", "error"]) and not pd.isna(scores.loc["ok", "quality"])
    assert re.search(pattern, scores.loc["bad", "error"]) and pd.isna(scores.loc["bad", "quality"])


def test_non_string_text_cells_in_jsonl_and_parquet(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in [{"text": GOOD_TEXT}, {"text": None}, {"text": 7}, {"body": "x"}, {"text": {"nested": 1}}]) + "\nNaN\n", encoding="utf-8")
    pd.DataFrame({"text": [1.5, None]}).to_parquet(tmp_path / "b.parquet")
    code, out, err = run_cli("score", str(tmp_path / "a.jsonl"), str(tmp_path / "b.parquet"), "--articles", "--format", "jsonl")
    rows = {row["id"]: row["error"] for row in map(json.loads, out.splitlines())}
    assert rows["a.jsonl:1"] is None
    assert "text is missing" in rows["a.jsonl:2"] and "text is a int (7)" in rows["a.jsonl:3"]
    assert "text is missing" in rows["a.jsonl:4"] and "text is a dict" in rows["a.jsonl:5"]
    assert "want a JSON object, got float" in rows["a.jsonl:6"]
    assert "text is a float (1.5)" in rows["b.parquet:1"] and "text is missing" in rows["b.parquet:2"]
    assert summary_of(err) == (8, 1, 7)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda df: df.quality.score(), "no text column 'text' in the DataFrame (columns: 'body'); pass text='COLUMN'"),
        (lambda df: df.quality.findings(), "no text column 'text'"),
        (lambda df: quality.score_frame(df, text="body", id="key"), "no id column 'key'"),
    ],
    ids=["accessor-score", "accessor-findings", "missing-id"],
)
def test_a_dataframe_without_the_named_column_raises_key_error(call, message: str) -> None:
    """A wrong column name is the caller's mistake, raised as pandas raises it; a file or table
    without the column is one error row instead (see the CSV cases above)."""
    df = pd.DataFrame({"body": ["One.", "Two."]}, index=[10, 11])
    with pytest.raises(KeyError) as raised:
        call(df)
    assert message in raised.value.args[0]


# --- ids, paths, folders -------------------------------------------------------------------------------


def test_duplicate_ids_are_renamed_with_a_warning_and_all_scored(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    code, out, err = run_cli("score", str(tmp_path / "x" / "a.txt"), str(tmp_path / "y" / "a.txt"), str(tmp_path / "x" / "a.txt"), "--articles", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["id"] for r in rows] == ["a.txt", "a.txt#2", "a.txt#3"]
    assert all(r["error"] is None for r in rows)
    assert re.search(r"quality: warning: 2 duplicate id\(s\) renamed .*'a\.txt' → 'a\.txt#2' \(.*y/a\.txt\)", err)
    assert summary_of(err) == (3, 3, 0)


def test_duplicate_ids_in_a_dataframe() -> None:
    df = pd.DataFrame({"key": ["k", "k", "k#2", "m"], "text": [GOOD_TEXT] * 4, "source": ["s"] * 4})
    with pytest.warns(DuplicateIdWarning, match="1 duplicate id"):
        scores = quality.score_frame(df, id="key")
    assert list(scores["id"]) == ["k", "k#3", "k#2", "m"]  # k#2 was taken: the rename skips it
    assert scores["id"].is_unique and scores["error"].isna().all()
    with pytest.warns(DuplicateIdWarning):
        findings = quality.findings_frame(df.assign(text="")[:2], id="key")
    assert sorted(findings["id"]) == ["k", "k#2"]


def test_unique_ids_give_no_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        quality.score_frame(pd.DataFrame({"text": [GOOD_TEXT, GOOD_TEXT]}))


def test_missing_path_and_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "empty-folder").mkdir()
    (tmp_path / "other-folder").mkdir()
    (tmp_path / "other-folder" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    paths = [str(tmp_path / "nope.txt"), str(tmp_path / "empty-folder"), str(tmp_path / "other-folder"), str(tmp_path / "good.txt")]
    code, out, err = run_cli("score", *paths, "--articles", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 4
    assert "no such file or folder" in rows[0]["error"]
    assert "no articles (.txt or Markdown files, or .jsonl, .csv or .parquet shards) under" in rows[1]["error"] and "no articles" in rows[2]["error"]
    assert rows[3]["error"] is None
    assert summary_of(err) == (4, 1, 3)
    frame = article_rows(analyze(load_paths(paths)))
    assert frame["error"].notna().tolist() == [True, True, True, False]


def test_nothing_readable_exits_2_but_still_writes_the_error_rows(tmp_path: Path) -> None:
    code, out, err = run_cli("score", str(tmp_path / "nope"), "--articles", "--format", "jsonl")
    assert code == 2 and "no such file" in json.loads(out)["error"]
    assert summary_of(err) == (1, 0, 1)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_special_files_and_broken_links_are_error_rows_not_hangs(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop").symlink_to(tmp_path)  # a link back up the tree must not loop
    rows = {r.article.id: r.error for r in analyze(load_paths([tmp_path]))}
    assert rows == {"dangling.txt": f"{tmp_path / 'dangling.txt'}: a broken symbolic link", "good.txt": None, "pipe.txt": f"{tmp_path / 'pipe.txt'}: not a regular file"}
    [item] = load_paths([tmp_path / "pipe.txt"])
    assert isinstance(item, LoadError) and "not a regular file" in item.message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folder_is_an_error_row(tmp_path: Path) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "locked").chmod(0)
    try:
        rows = {r.article.id: r.error for r in analyze(load_paths([tmp_path]))}
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert rows["ok/a.txt"] is None and "cannot read folder" in rows["locked/"]


def test_broken_manifest_is_reported_and_articles_still_load(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text('{"file": "a.txt", "source": "outlet-a"}\n{broken\n', encoding="utf-8")
    items = list(load_paths([tmp_path]))
    assert [(i.id, i.source) for i in items if isinstance(i, Article)] == [("a.txt", "outlet-a"), ("b.txt", tmp_path.name)]
    [problem] = [i for i in items if isinstance(i, LoadError)]
    assert problem.id == "manifest.jsonl" and "1 unreadable manifest entry (first: line 2" in problem.message
    (tmp_path / "manifest.jsonl").unlink()
    (tmp_path / "manifest.csv").write_bytes(b"file,source\na.txt,caf\xe9\n")
    items = list(load_paths([tmp_path]))
    assert [i.id for i in items] == ["manifest.csv", "a.txt", "b.txt"] and "cannot read manifest" in items[0].message


def test_error_messages_stay_on_one_stderr_line(tmp_path: Path) -> None:
    """A file name may hold a newline; stderr keeps one line per error all the same."""
    (tmp_path / "two\nlines.txt").write_bytes(b"\xff")
    code, _, err = run_cli("score", str(tmp_path), "--articles", "--format", "jsonl")
    assert "quality: error: two\\nlines.txt: " in err and code == 2
    assert summary_of(err) == (1, 0, 1)


# --- names: bytes that are not UTF-8, control characters -----------------------------------------------


def _make_with_bytes_name(folder: Path, relative: bytes, data: bytes) -> None:
    """Create ``folder/relative`` under a name given as bytes (os.listdir will give its bytes
    that are not UTF-8 back as lone surrogates); skip where the file system refuses such names."""
    path = os.path.join(os.fsencode(folder), relative)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as exc:  # macOS and Windows file systems store only valid Unicode names
        pytest.skip(f"the file system refuses names that are not UTF-8: {exc}")


NOT_UTF8_NAMES = [
    # (case, path under the folder as bytes, the id shown, the error row's text)
    ("file", b"caf\xe9.txt", "caf\\xe9.txt", GOOD_TEXT.encode()),
    ("markdown", b"r\xe9sum\xe9.md", "r\\xe9sum\\xe9.md", GOOD_TEXT.encode()),
    ("folder", b"outlet-\xff/a.txt", "outlet-\\xff/a.txt", GOOD_TEXT.encode()),
    ("unreadable-too", b"caf\xe9.txt", "caf\\xe9.txt", b"\xff\xfe not text"),
]
SCORE_OUTPUTS = [
    ("score", "table"), ("score", "csv"), ("score", "jsonl"), ("score", "markdown"), ("score", "parquet"),
    ("findings", "table"), ("findings", "csv"), ("findings", "jsonl"),
]  # fmt: skip


def _written(tmp_path: Path, command: str, fmt: str, *paths: str) -> tuple[int, str, str]:
    """Run ``quality COMMAND PATHS --format FMT`` (to a file for Parquet); (code, output as text, stderr)."""
    extra = ["--articles"] if command == "score" else []
    if fmt != "parquet":
        return run_cli(command, *paths, *extra, "--format", fmt)
    target = tmp_path / "out.parquet"
    code, _, err = run_cli(command, *paths, *extra, "--format", fmt, "--output", str(target))
    return code, pd.read_parquet(target).to_json(orient="records", lines=True, force_ascii=False), err


@pytest.mark.parametrize(("command", "fmt"), SCORE_OUTPUTS, ids=[f"{c}-{f}" for c, f in SCORE_OUTPUTS])
def test_a_name_that_is_not_utf8_is_one_error_row_in_every_output(tmp_path: Path, command: str, fmt: str) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    _make_with_bytes_name(folder, b"caf\xe9.txt", GOOD_TEXT.encode())
    code, out, err = _written(tmp_path, command, fmt, str(folder))
    in_output = json.dumps("caf\\xe9.txt")[1:-1] if fmt in ("jsonl", "parquet") else "caf\\xe9.txt"  # JSON escapes the backslash
    assert code == 0 and in_output in out and ("good.txt" in out or command == "findings")  # good.txt has no findings
    assert error_lines(err) == {"caf\\xe9.txt": f"{folder}/caf\\xe9.txt: the name is not valid UTF-8 (byte 0xe9), which no report can hold: rename it"}
    assert summary_of(err) == (2, 1, 1)


@pytest.mark.parametrize(("case", "relative", "shown", "data"), NOT_UTF8_NAMES, ids=[c[0] for c in NOT_UTF8_NAMES])
def test_a_name_that_is_not_utf8_never_sinks_the_batch(tmp_path: Path, case: str, relative: bytes, shown: str, data: bytes) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    _make_with_bytes_name(folder, relative, data)
    code, out, err = run_cli("score", str(folder), "--articles", "--format", "jsonl")
    rows = {row["id"]: row for row in map(json.loads, out.splitlines())}
    assert code == 0 and set(rows) == {"good.txt", shown} and rows["good.txt"]["error"] is None
    assert shown in rows[shown]["error"] and set(error_lines(err)) == {shown}
    items = list(load_paths([folder]))  # the API: the same error row, every string writable as UTF-8
    assert sorted(type(item).__name__ for item in items) == ["Article", "LoadError"]
    for item in items:
        (item.id + item.source + (item.origin or "") + getattr(item, "message", "")).encode("utf-8")


CONTROL_NAMES = [
    # (case, file name, as every human-readable output shows it)
    ("newline", "two\nlines.txt", "two\\nlines.txt"),
    ("terminal-escape", "a\x1b[31mred.txt", "a\\x1b[31mred.txt"),
    ("carriage-return", "over\rwrite.txt", "over\\rwrite.txt"),
    ("line-separator", "a\u2028b.txt", "a\\u2028b.txt"),
]


@pytest.mark.parametrize("fmt", ["table", "markdown"])
@pytest.mark.parametrize(("case", "name", "shown"), CONTROL_NAMES, ids=[c[0] for c in CONTROL_NAMES])
def test_names_with_control_characters_are_escaped_in_tables(tmp_path: Path, monkeypatch, case: str, name: str, shown: str, fmt: str) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # a terminal wide enough for the whole error message
    (tmp_path / name).write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff")
    (tmp_path / f"bad-{name}").write_bytes(b"\xff")  # an error row whose message names the file
    code, out, err = run_cli("score", str(tmp_path), "--articles", "--format", fmt)
    assert code == 0 and shown in out and f"bad-{shown}" in out
    assert {char for char in out if not char.isprintable()} == {"\n"}, "a control character reached the table"
    assert out.count("\n") == 5  # header, rule and 3 rows
    assert f"quality: error: bad-{shown}: " in err


def test_printable_path_escapes_only_what_would_break_a_line() -> None:
    from quality.load import printable_path

    cases = {
        "plain/name.txt": "plain/name.txt",
        "Zürich — 北京.md": "Zürich — 北京.md",
        "tab\there.txt": "tab\\there.txt",
        "caf\udce9.txt": "caf\\xe9.txt",  # os.listdir's form of the byte 0xe9
        "c1\x85control.txt": "c1\\x85control.txt",
        "para\u2029graph": "para\\u2029graph",
        "\ud800lone": "\\ud800lone",
    }
    assert {name: printable_path(name) for name in cases} == cases


# --- --output: a report is written whole or not at all ---------------------------------------------------

PREVIOUS_REPORT = "the previous report\n"
WRITERS = [("score", "csv"), ("score", "parquet"), ("findings", "jsonl"), ("lint", "json")]


@contextmanager
def _file_size_limit(limit: int) -> Iterator[None]:
    """Writing past ``limit`` bytes fails with EFBIG as a full disk fails with ENOSPC: the
    kernel takes part of the data, then refuses the rest (Python ignores SIGXFSZ)."""
    resource = pytest.importorskip("resource")
    previous = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, previous[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, previous)


def _full_disk(folder: Path) -> tuple[str, Callable[[], Any]]:
    target = folder / "report.out"
    target.write_text(PREVIOUS_REPORT, encoding="utf-8")
    return str(target), lambda: _file_size_limit(len(PREVIOUS_REPORT) + 10)


def _full_device(folder: Path) -> tuple[str, Callable[[], Any]]:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    return "/dev/full", nullcontext


OUTPUT_FAILURES = [
    # (case, the target and what makes writing it fail, the stderr line after "quality: error: TARGET: ")
    # (pyarrow words its errors its own way: "Error writing bytes to file. Detail: [errno 27] File too large")
    ("full-disk", _full_disk, r"cannot write: .*File too large"),
    ("full-device", _full_device, r"cannot write: .*No space left on device"),
    ("missing-folder", lambda folder: (str(folder / "gone" / "report.out"), nullcontext), r"no such folder: {folder}/gone"),
    ("a-folder", lambda folder: (str(folder), nullcontext), r"is a folder; name a file to write the report to"),
]


@pytest.mark.parametrize(("command", "fmt"), WRITERS, ids=[f"{c}-{f}" for c, f in WRITERS])
@pytest.mark.parametrize(("case", "make", "reason"), OUTPUT_FAILURES, ids=[c[0] for c in OUTPUT_FAILURES])
def test_output_that_cannot_be_written_is_one_error_line_and_no_partial_file(tmp_path: Path, case: str, make, reason: str, command: str, fmt: str) -> None:
    (tmp_path / "good.txt").write_text(GOOD_TEXT + "The cafÃ© stayed shut.\n", encoding="utf-8")  # a finding to write
    folder = tmp_path / "reports"
    folder.mkdir()
    target, failing = make(folder)
    extra = ["--articles"] if command == "score" else []
    with failing():
        code, out, err = run_cli(command, str(tmp_path / "good.txt"), *extra, "--format", fmt, "--output", target)
    assert code == 2 and out == ""
    [line] = [line for line in err.splitlines() if line.startswith("quality: error: ")]
    assert re.fullmatch(re.escape(f"quality: error: {target}: ") + reason.format(folder=re.escape(str(folder))), line), line
    assert "Traceback" not in err
    left = {path.name: path.read_text(encoding="utf-8") for path in folder.iterdir()}
    assert left == ({"report.out": PREVIOUS_REPORT} if case == "full-disk" else {})  # as it was, and no temporary beside it


@pytest.mark.parametrize(
    ("case", "interrupt"),
    [
        ("exception", lambda: 1 / 0),
        ("sigint", lambda: os.kill(os.getpid(), signal.SIGINT)),
        ("sigterm", lambda: os.kill(os.getpid(), signal.SIGTERM)),
    ],
    ids=["exception", "sigint", "sigterm"],
)
def test_an_interrupted_report_leaves_the_old_file_and_no_temporary(tmp_path: Path, case: str, interrupt: Callable[[], Any]) -> None:
    from quality.output import replaced_on_success

    target = tmp_path / "report.csv"
    target.write_text(PREVIOUS_REPORT, encoding="utf-8")
    handler = signal.getsignal(signal.SIGTERM)
    with pytest.raises((ZeroDivisionError, KeyboardInterrupt, SystemExit)) as raised:
        with replaced_on_success(str(target)) as temporary:
            Path(temporary).write_text("half a rep", encoding="utf-8")
            interrupt()
    assert [path.name for path in tmp_path.iterdir()] == ["report.csv"] and target.read_text(encoding="utf-8") == PREVIOUS_REPORT
    assert case != "sigterm" or raised.value.code == 128 + signal.SIGTERM  # the exit status SIGTERM's default gives
    assert signal.getsignal(signal.SIGTERM) == handler  # restored once the report is written


def test_a_report_replaces_the_file_whole_keeping_its_mode_and_links(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    real = tmp_path / "real.jsonl"
    real.write_text(PREVIOUS_REPORT, encoding="utf-8")
    real.chmod(0o640)
    (tmp_path / "link.jsonl").symlink_to(real)
    code, _, _ = run_cli("score", str(tmp_path / "good.txt"), "--articles", "--format", "jsonl", "--output", str(tmp_path / "link.jsonl"))
    assert code == 0 and (tmp_path / "link.jsonl").is_symlink()
    assert json.loads(real.read_text(encoding="utf-8"))["id"] == "good.txt" and real.stat().st_mode & 0o777 == 0o640
    assert sorted(path.name for path in tmp_path.iterdir()) == ["good.txt", "link.jsonl", "real.jsonl"]


# --- the pipeline's own guarantees ---------------------------------------------------------------------


def test_a_failing_detector_marks_its_article_and_the_batch_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from quality.detectors.readability import ReadabilityDetector

    original = ReadabilityDetector.detect

    def fragile(self, article):
        if "boom" in article.text:
            raise ZeroDivisionError("division by zero")
        return original(self, article)

    monkeypatch.setattr(ReadabilityDetector, "detect", fragile)
    results = analyze([Article(id="a", source="s", text=GOOD_TEXT), Article(id="b", source="s", text="boom " + GOOD_TEXT)])
    assert results[0].error is None
    assert results[1].error == "readability detector failed: ZeroDivisionError: division by zero"


def test_nan_scores_are_not_silently_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    from quality.detectors.readability import ReadabilityDetector
    from quality.model import DetectorResult

    monkeypatch.setattr(ReadabilityDetector, "detect", lambda self, article: DetectorResult(score=math.nan))
    [result] = analyze([Article(id="a", source="s", text=GOOD_TEXT)])
    assert result.dimensions["readability"] is None


def test_analyze_refuses_non_articles_and_reports_non_string_text() -> None:
    with pytest.raises(TypeError, match="Article or LoadError"):
        analyze(["just a string"])  # type: ignore[list-item]
    [result] = analyze([Article(id="a", source="s", text=None)])  # type: ignore[arg-type]
    assert result.error == "text is a NoneType, not a string"


def test_every_item_comes_back_once_in_order() -> None:
    items = [
        Article(id="1", source="s", text=GOOD_TEXT),
        LoadError(id="2", source="s", message="unreadable"),
        Article(id="3", source="s", text=""),
        Article(id="4", source="t", text=GOOD_TEXT * 3),
    ]
    results = analyze(items)
    assert [r.article.id for r in results] == ["1", "2", "3", "4"]
    assert [bool(r.error) for r in results] == [False, True, True, False]


# Texts that once made a detector raise (found by the differential checks and the fuzzing of
# tests/fuzz); each must now be analysed by every detector without an error.
CRASHERS = [
    ("arabic-indic digits", "The score was \u0663\u0664 to nil, officials said."),
    ("thai digits alone", "Flight \u0e51\u0e52 landed in Bangkok on Monday."),
    ("cyrillic combining mark alone", "A stray mark \u0483 in the text."),
    ("arabic presentation forms after a mark", "\u0652\ufe90\u0650\ufe92\u0652\ufea3\u064e\ufe83"),
    # fuzz_detectors.py, after 624 runs: a lone surrogate stopped the boilerplate corpus pass
    # (line_key encoded to UTF-8), which took the whole batch down with it
    ("lone surrogate in the corpus pass", "\u6165\u2064\u6874 \u7665\u6c6c\u9b68\u6767\u96e0\udd91\u6974 and the ministry said so."),
]


@pytest.mark.parametrize("text", [t for _, t in CRASHERS], ids=[name for name, _ in CRASHERS])
def test_texts_that_once_crashed_a_detector(text: str) -> None:
    [result] = analyze([Article(id="c", source="s", text=text)])
    assert result.error is None, result.error


def test_output_the_terminal_cannot_encode_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "zh.txt").write_text("华春莹 said on Monday that the visit would go ahead. " * 3, encoding="utf-8")
    stdout, err = io.TextIOWrapper(io.BytesIO(), encoding="latin-1"), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(err):
        code = main(["findings", str(tmp_path), "--format", "jsonl"])
    assert code == 2 and "cannot show; use --output FILE" in err.getvalue()
    target = tmp_path / "out.jsonl"
    assert run_cli("findings", str(tmp_path), "--format", "jsonl", "--output", str(target))[0] == 0
    target.read_text(encoding="utf-8")


def test_a_corpus_pass_that_raises_marks_only_its_article(monkeypatch: pytest.MonkeyPatch) -> None:
    from quality.detectors.boilerplate import BoilerplateDetector

    original = BoilerplateDetector.summarise

    def fragile(self, chunk):
        if any("boom" in article.text for article, _ in chunk):
            raise UnicodeEncodeError("utf-8", "boom", 0, 1, "surrogates not allowed")
        return original(self, chunk)

    monkeypatch.setattr(BoilerplateDetector, "summarise", fragile)
    results = analyze([Article(id=str(k), source="s", text=("boom " if k == 1 else "") + GOOD_TEXT) for k in range(3)])
    assert [r.error is None for r in results] == [True, False, True]
    assert results[1].error.startswith("boilerplate corpus pass failed: UnicodeEncodeError")
