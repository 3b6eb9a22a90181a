"""Hostile input through ``quality lint``: every draft that can be read is still linted and
reported; every one that cannot gets a message naming it (stderr, and every report format), and
the run exits 2, whatever else was found (2 wins over 1); ``--fix`` never rewrites a file it
could not read strictly and writes back only in the file's own encoding.

The cases are those of ``tests/test_hostile_input.py`` (the same table, imported), run through
lint instead of ``quality score``. Lint reads drafts as the loader reads article files, so what
``score`` refuses lint refuses with the same reason; empty and white-space-only drafts are read
fine and get the same INP002 finding as in ``score`` (exit 1, see docs/lint.md).

The pipeline runs the small test detectors of ``lint_fakes``: ``good.txt`` holds one MOJ901
error, so a run whose only trouble is that finding exits 1, and a hostile file beside it must
turn that into 2 without hiding the finding.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import jsonschema
import pytest

import lint_fakes  # tests/ is on sys.path (pytest prepends a test file's folder)
from quality.textfile import encode_as_read
from quality.load import DecodeError
from conftest import run_cli, stderr_messages
from test_hostile_input import FILE_CASES, Case

REPO = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = json.loads((REPO / "tests" / "schemas" / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))
REPORT_SCHEMA = json.loads((REPO / "docs" / "lint-report.schema.json").read_text(encoding="utf-8"))

GOOD = "Plaza del MaidÃ©n en Kiev\n"  # one MOJ901 error (lint_fakes), at 1:15
GOOD_FINDING = "good.txt:1:15: MOJ901 [error]"
EMPTY_CASES = {"empty-file", "whitespace-only"}  # read fine; an INP002 finding, as in `score`
UNREADABLE = [c for c in FILE_CASES if c.outcome == "error" and c.name not in EMPTY_CASES]
READABLE = [c for c in FILE_CASES if c.outcome == "scored"]
EMPTY = [c for c in FILE_CASES if c.name in EMPTY_CASES]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    lint_fakes.install(monkeypatch)
    return tmp_path


def lint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    return run_cli(capsys, "lint", *args)


def _stderr_messages(err: str) -> dict[str, str]:
    """``{path: message}`` from the ``quality: PATH: MESSAGE`` lines."""
    return stderr_messages(err, "quality: ")


def _hostile(workdir: Path, case: Case) -> None:
    (workdir / "good.txt").write_text(GOOD, encoding="utf-8")
    (workdir / case.filename).write_bytes(case.data())


# ----------------------------------------------------------------- the cases of point 1, as drafts


@pytest.mark.parametrize("how", ["named", "folder"])
@pytest.mark.parametrize("case", UNREADABLE, ids=lambda c: c.name)
def test_unreadable_draft_exits_2_names_the_file_and_the_rest_is_linted(workdir: Path, capsys, case: Case, how: str) -> None:
    _hostile(workdir, case)
    code, out, err = lint(capsys, *(["good.txt", case.filename] if how == "named" else ["."]))
    assert code == 2  # over the 1 that good.txt's error alone would give
    messages = _stderr_messages(err)
    assert list(messages) == [case.filename] and re.search(case.expect, messages[case.filename]), err
    assert messages[case.filename].startswith("cannot read: ")
    assert GOOD_FINDING in out  # the readable draft is still linted and reported
    assert f"{case.filename}:1:1: INP001 [error] cannot read: " in out
    assert out.splitlines()[-1].endswith("1 path with errors (exit 2); failing on error.")


@pytest.mark.parametrize("case", UNREADABLE, ids=lambda c: c.name)
def test_exit_2_is_not_hidden_by_exit_zero(workdir: Path, capsys, case: Case) -> None:
    _hostile(workdir, case)
    assert lint(capsys, "good.txt", case.filename, "--exit-zero")[0] == 2


@pytest.mark.parametrize("case", READABLE, ids=lambda c: c.name)
def test_readable_unusual_encodings_are_linted(workdir: Path, capsys, case: Case) -> None:
    from quality.config import Config
    from quality.lint import LintOptions, lint as lint_api, resolve

    _hostile(workdir, case)
    code, out, err = lint(capsys, "good.txt", case.filename)
    assert code == 1 and err == "" and GOOD_FINDING in out
    [good, other] = lint_api(["good.txt", case.filename], resolve(Config(), LintOptions())).files
    assert other.error is None and other.text == case.expect  # decoded as the loader decodes it


@pytest.mark.parametrize("case", EMPTY, ids=lambda c: c.name)
def test_empty_draft_is_an_inp002_finding_not_a_read_error(workdir: Path, capsys, case: Case) -> None:
    _hostile(workdir, case)
    (workdir / "good.txt").write_text("A clean sentence.\n", encoding="utf-8")
    code, out, err = lint(capsys, "good.txt", case.filename)
    assert (code, err) == (1, "")
    assert re.search(rf"^{re.escape(case.filename)}:\d+:\d+: INP002 \[error\] empty article", out, re.M)
    assert lint(capsys, "good.txt", case.filename, "--ignore", "INP002")[0] == 0


# ----------------------------------------------------------------- every format carries the error


@pytest.mark.parametrize("case", UNREADABLE, ids=lambda c: c.name)
def test_json_report_carries_the_unreadable_file(workdir: Path, capsys, case: Case) -> None:
    _hostile(workdir, case)
    code, out, _ = lint(capsys, "good.txt", case.filename, "--format", "json")
    report = json.loads(out)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert report["exit_code"] == code == 2 and report["summary"]["unreadable"] == 1
    files = {f["path"]: f for f in report["files"]}
    assert files["good.txt"]["error"] is None and files["good.txt"]["findings"] == 1
    assert re.search(case.expect, files[case.filename]["error"])
    assert [(f["path"], f["rule"]) for f in report["findings"]] == [("good.txt", "MOJ901"), (case.filename, "INP001")]


@pytest.mark.parametrize("case", UNREADABLE, ids=lambda c: c.name)
def test_sarif_marks_the_run_failed_and_names_the_file(workdir: Path, capsys, case: Case) -> None:
    _hostile(workdir, case)
    code, out, _ = lint(capsys, "good.txt", case.filename, "--format", "sarif")
    log = json.loads(out)
    errors = list(jsonschema.Draft7Validator(SARIF_SCHEMA).iter_errors(log))
    assert not errors, [e.message for e in errors]
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == code == 2
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error" and re.search(case.expect, notification["message"]["text"])
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": case.filename, "uriBaseId": "%SRCROOT%"}
    assert {r["ruleId"] for r in log["runs"][0]["results"]} == {"MOJ901", "INP001"}


@pytest.mark.parametrize("case", UNREADABLE, ids=lambda c: c.name)
def test_github_annotation_names_the_file(workdir: Path, capsys, case: Case) -> None:
    _hostile(workdir, case)
    code, out, _ = lint(capsys, "good.txt", case.filename, "--format", "github")
    assert code == 2
    [annotation] = [line for line in out.splitlines() if line.startswith(f"::error file={case.filename}::")]
    assert re.search(case.expect, annotation)
    assert any(line.startswith("::error file=good.txt,line=1,col=15,") for line in out.splitlines())


# ----------------------------------------------------------------- paths that give no draft


PATH_CASES = [
    # (name, what to create, the path to lint, message)
    ("missing", None, "nope.txt", "nope.txt: no such file or folder"),
    ("empty-folder", "empty-folder", "empty-folder", "empty-folder: no drafts (.txt, .md, .markdown, .mdown, .mkd) in this folder"),
    ("folder-of-other-files", "other-folder", "other-folder", "other-folder: no drafts (.txt, .md, .markdown, .mdown, .mkd) in this folder"),
    ("table", "table.csv", "table.csv", "table.csv: lint reads drafts (.txt, .md); use `quality findings` for .csv tables"),
]


def _make(workdir: Path, what: str | None) -> None:
    if what in ("empty-folder", "other-folder"):
        (workdir / what).mkdir()
        if what == "other-folder":
            (workdir / what / "notes.pdf").write_bytes(b"%PDF-1.4")
            (workdir / what / ".hidden.md").write_text("Hidden drafts are skipped.\n", encoding="utf-8")
    elif what:
        (workdir / what).write_text("text\nA row.\n", encoding="utf-8")


@pytest.mark.parametrize(("name", "what", "path", "message"), PATH_CASES, ids=[c[0] for c in PATH_CASES])
def test_path_without_drafts_exits_2_in_every_format(workdir: Path, capsys, name: str, what: str | None, path: str, message: str) -> None:
    _make(workdir, what)
    (workdir / "good.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = lint(capsys, "good.txt", path)
    assert code == 2 and f"quality: {message}" in err.splitlines()
    assert GOOD_FINDING in out and f"{path}: [error] {message.split(': ', 1)[1]}" in out.splitlines()

    report = json.loads(lint(capsys, "good.txt", path, "--format", "json")[1])
    jsonschema.validate(report, REPORT_SCHEMA)
    assert report["problems"] == [message] and report["exit_code"] == 2

    log = json.loads(lint(capsys, "good.txt", path, "--format", "sarif")[1])
    assert not list(jsonschema.Draft7Validator(SARIF_SCHEMA).iter_errors(log))
    [invocation] = log["runs"][0]["invocations"]
    [notification] = invocation["toolExecutionNotifications"]
    assert invocation["executionSuccessful"] is False and notification["message"]["text"] == message
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == path

    github = lint(capsys, "good.txt", path, "--format", "github")[1]
    assert f"::error ::{message}" in github.splitlines()


def test_folder_whose_drafts_are_all_excluded_is_not_an_error(workdir: Path, capsys) -> None:
    (workdir / "archive").mkdir()
    (workdir / "archive" / "old.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = lint(capsys, "archive", "--exclude", "old.txt")
    assert code == 0 and "no drafts (.txt, .md) found in the given paths" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_special_files_and_broken_links_exit_2_without_hanging(workdir: Path, capsys) -> None:
    (workdir / "drafts").mkdir()
    (workdir / "drafts" / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(workdir / "drafts" / "pipe.txt")
    (workdir / "drafts" / "dangling.md").symlink_to(workdir / "gone.md")
    (workdir / "drafts" / "loop").symlink_to(workdir / "drafts")  # followed once, not forever
    code, out, err = lint(capsys, "drafts", "drafts/pipe.txt")
    assert code == 2
    assert sorted(err.splitlines()) == [
        "quality: drafts/dangling.md: a broken symbolic link",
        "quality: drafts/pipe.txt: not a regular file",  # found in the folder
        "quality: drafts/pipe.txt: not a regular file or folder",  # named
    ]
    assert "drafts/good.txt:1:15: MOJ901" in out


def test_unreadable_folder_is_named(workdir: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    """Listing a folder can fail (permissions; root, which runs CI containers, reads every folder,
    so the failure is simulated where the walk reports it)."""
    import quality.load

    (workdir / "drafts" / "locked").mkdir(parents=True)
    (workdir / "drafts" / "good.txt").write_text(GOOD, encoding="utf-8")
    real_walk = quality.load._walk

    def walk(root: Path):
        files, failures = real_walk(root)
        return files, [*failures, (root / "locked", PermissionError(13, "Permission denied"))]

    monkeypatch.setattr(quality.load, "_walk", walk)  # the walk every command's folder listing uses
    code, out, err = lint(capsys, "drafts")
    assert code == 2 and "quality: drafts/locked: cannot read folder: Permission denied" in err.splitlines()
    assert "drafts/good.txt:1:15: MOJ901" in out


def test_many_files_some_unreadable_all_readable_ones_reported(workdir: Path, capsys) -> None:
    """The batch of point 1: every hostile case at once, beside readable drafts."""
    (workdir / "drafts").mkdir()
    for index, case in enumerate(FILE_CASES):
        (workdir / "drafts" / f"{index:02d}-{case.filename}").write_bytes(case.data())
    (workdir / "drafts" / "good.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = lint(capsys, "drafts", "nope.md", "--format", "json")
    report = json.loads(out)
    assert code == report["exit_code"] == 2
    files = {f["path"]: f["error"] for f in report["files"]}
    assert len(files) == len(FILE_CASES) + 1
    unreadable = {f"drafts/{i:02d}-{c.filename}" for i, c in enumerate(FILE_CASES) if c in UNREADABLE}
    assert {path for path, error in files.items() if error} == unreadable
    assert set(_stderr_messages(err)) == unreadable | {"nope.md"}
    assert report["summary"]["unreadable"] == len(unreadable) and report["problems"] == ["nope.md: no such file or folder"]


def test_standard_input_is_decoded_as_strictly(workdir: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Text\x00 with a NUL.\n"), encoding="utf-8"))
    code, out, err = lint(capsys, "-", "--stdin-filename", "story.md")
    assert code == 2 and "quality: story.md: cannot read: contains 1 NUL byte(s), the first at line 1, column 5" in err


def test_a_file_name_with_a_newline_stays_on_one_stderr_line(workdir: Path, capsys) -> None:
    (workdir / "two\nlines.txt").write_bytes(b"\xff")
    code, _, err = lint(capsys, "two\nlines.txt")
    assert code == 2 and err.startswith("quality: two\\nlines.txt: cannot read: not valid UTF-8") and err.count("\n") == 1


# ----------------------------------------------------------------- nesting too deep for a parser

DEPTH = 600  # over Python's recursion limit (1,000 frames) for every front matter parser
DEEP_FRONT_MATTER = [
    ("yaml-flow-lists", "---\ntitle: " + "[" * DEPTH + "]" * DEPTH + "\n---\n"),
    ("yaml-flow-mappings", "---\ntitle: " + "{a: " * DEPTH + "1" + "}" * DEPTH + "\n---\n"),
    ("yaml-block-mappings", "---\n" + "".join(" " * depth + f"k{depth}:\n" for depth in range(DEPTH)) + "---\n"),
    ("toml-arrays", "+++\ntitle = " + "[" * DEPTH + "]" * DEPTH + "\n+++\n"),
    ("toml-inline-tables", "+++\ntitle = " + "{a = " * DEPTH + "1" + "}" * DEPTH + "\n+++\n"),
]
TOO_DEEP = "cannot read: nested too deeply to parse (maximum recursion depth exceeded"


@pytest.mark.parametrize(("case", "front_matter"), DEEP_FRONT_MATTER, ids=[c[0] for c in DEEP_FRONT_MATTER])
def test_front_matter_nested_too_deeply_is_unreadable_as_in_score(workdir: Path, capsys, case: str, front_matter: str) -> None:
    (workdir / "good.txt").write_text(GOOD, encoding="utf-8")
    (workdir / "deep.md").write_text(front_matter + "The ministry said so on Monday.\n", encoding="utf-8")
    code, out, err = lint(capsys, ".", "--format", "json")
    report = json.loads(out)
    assert code == report["exit_code"] == 2
    assert {f["path"]: (f["error"] or "")[: len(TOO_DEEP)] for f in report["files"]} == {"deep.md": TOO_DEEP, "good.txt": ""}
    assert any(f["path"] == "good.txt" and f["rule"] == "MOJ901" for f in report["findings"])  # the other draft is linted
    assert _stderr_messages(err)["deep.md"].startswith(TOO_DEEP)
    _, out, err = run_cli(capsys, "score", ".", "--articles", "--format", "jsonl")  # score: the same reason, an error row
    assert json.loads(out.splitlines()[0])["error"].startswith(f"deep.md: {TOO_DEEP}")


@pytest.mark.parametrize("command", ["score", "lint"])
def test_configuration_nested_too_deeply_is_a_usage_error(workdir: Path, capsys, command: str) -> None:
    (workdir / "good.txt").write_text(GOOD, encoding="utf-8")
    (workdir / "quality.toml").write_text("[tool.quality]\nselect = " + "[" * DEPTH + "]" * DEPTH + "\n", encoding="utf-8")
    code, _, err = run_cli(capsys, command, "good.txt", "--config", "quality.toml")
    assert code == 2 and err == "quality: quality.toml: cannot read configuration: maximum recursion depth exceeded\n"


# ----------------------------------------------------------------- names


LINT_FORMATS = ["text", "json", "sarif", "github"]
NOT_UTF8_MESSAGE = "the name is not valid UTF-8 (byte 0xe9), which no report can hold: rename it"


@pytest.mark.parametrize("how", ["named", "folder"])
@pytest.mark.parametrize("fmt", LINT_FORMATS)
def test_a_name_that_is_not_utf8_is_one_lint_error_in_every_format(workdir: Path, capsys, fmt: str, how: str) -> None:
    from test_hostile_input import _make_with_bytes_name

    (workdir / "drafts").mkdir()
    (workdir / "drafts" / "good.txt").write_text(GOOD, encoding="utf-8")
    _make_with_bytes_name(workdir / "drafts", b"caf\xe9.txt", GOOD.encode())
    paths = ["drafts"] if how == "folder" else ["drafts/good.txt", os.fsdecode(b"drafts/caf\xe9.txt")]
    code, out, err = lint(capsys, *paths, "--format", fmt)
    assert code == 2 and err.splitlines() == [f"quality: drafts/caf\\xe9.txt: {NOT_UTF8_MESSAGE}"]
    if fmt == "text":
        assert out.splitlines()[0] == f"drafts/caf\\xe9.txt: [error] {NOT_UTF8_MESSAGE}"
        assert out.splitlines()[1].startswith(f"drafts/{GOOD_FINDING}")
    elif fmt == "json":
        report = json.loads(out)
        jsonschema.validate(report, REPORT_SCHEMA)
        assert report["problems"] == [f"drafts/caf\\xe9.txt: {NOT_UTF8_MESSAGE}"] and [f["path"] for f in report["files"]] == ["drafts/good.txt"]
    elif fmt == "sarif":
        log = json.loads(out)
        assert not list(jsonschema.Draft7Validator(SARIF_SCHEMA).iter_errors(log))
        [notification] = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        assert notification["message"]["text"] == f"drafts/caf\\xe9.txt: {NOT_UTF8_MESSAGE}"
        assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]] == ["drafts/good.txt"]
    else:
        assert f"::error ::drafts/caf\\xe9.txt: {NOT_UTF8_MESSAGE}" in out.splitlines()
        assert any(line.startswith("::error file=drafts/good.txt,line=1,col=15,") for line in out.splitlines())


CONTROL_NAMES = [
    # (case, file name, as the text and GitHub reports show it)
    ("newline", "two\nlines.txt", "two\\nlines.txt"),
    ("terminal-escape", "a\x1b[31mred.txt", "a\\x1b[31mred.txt"),
    ("carriage-return", "over\rwrite.txt", "over\\rwrite.txt"),
    ("line-separator", "a\u2028b.txt", "a\\u2028b.txt"),
]


@pytest.mark.parametrize(("case", "name", "shown"), CONTROL_NAMES, ids=[c[0] for c in CONTROL_NAMES])
def test_names_with_control_characters_are_escaped_in_text_and_github_reports(workdir: Path, capsys, case: str, name: str, shown: str) -> None:
    (workdir / name).write_text(GOOD, encoding="utf-8")
    (workdir / f"bad-{name}").write_bytes(b"\xff")
    text = lint(capsys, ".")[1]
    github = lint(capsys, ".", "--format", "github")[1]
    for out, prefixes in [
        (text, [f"bad-{shown}:1:1: INP001 [error] cannot read", f"{shown}:1:15: MOJ901 [error]"]),
        (github, [f"::error file=bad-{shown}::cannot read", f"::error file={shown},line=1,col=15,"]),
    ]:
        assert all(any(line.startswith(prefix) for line in out.splitlines()) for prefix in prefixes), out
    for out in (text, github):
        assert {char for char in out if not char.isprintable()} == {"\n"}, "a control character reached the report"
    report = json.loads(lint(capsys, ".", "--format", "json")[1])  # JSON keeps the exact name
    assert sorted(f["path"] for f in report["files"]) == sorted([name, f"bad-{name}"])


# ----------------------------------------------------------------- positions in UTF-16/32 drafts


ENCODINGS = [
    # (name, how the draft's text becomes bytes)
    ("utf-8", lambda text: text.encode("utf-8")),
    ("utf-8-bom", lambda text: text.encode("utf-8-sig")),
    ("utf-16-le-bom", lambda text: b"\xff\xfe" + text.encode("utf-16-le")),
    ("utf-16-be-bom", lambda text: b"\xfe\xff" + text.encode("utf-16-be")),
    ("utf-16-le", lambda text: text.encode("utf-16-le")),
    ("utf-16-be", lambda text: text.encode("utf-16-be")),
    ("utf-32-le-bom", lambda text: b"\xff\xfe\x00\x00" + text.encode("utf-32-le")),
    ("utf-32-be", lambda text: text.encode("utf-32-be")),
]

# A character outside the Basic Multilingual Plane before the finding: two UTF-16 code units,
# four bytes in every encoding; the column must count it as one character.
WIDE_DRAFT = "A first paragraph of the draft.\r\nThe \U0001f4f0 Plaza del MaidÃ©n en Kiev, said the ministry.\r\n"


@pytest.mark.parametrize(("name", "encode"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_positions_are_characters_whatever_the_encoding(workdir: Path, capsys, name: str, encode) -> None:
    (workdir / "draft.txt").write_bytes(encode(WIDE_DRAFT))
    code, out, err = lint(capsys, "draft.txt", "--format", "json", "--select", "MOJ")
    [finding] = json.loads(out)["findings"]
    start = WIDE_DRAFT.index("Ã©")
    assert (code, err) == (1, "")
    assert (finding["line"], finding["col"], finding["start"], finding["end_col"]) == (2, 21, start, 23)


# ----------------------------------------------------------------- --fix


def _fake_fixer(monkeypatch: pytest.MonkeyPatch, repair=lambda text: text.replace("Ã©", "é")) -> None:
    monkeypatch.setattr("quality.lint.engine.load_fixer", lambda config=None: repair)


@pytest.mark.parametrize(("name", "encode"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_fix_writes_back_in_the_file_encoding(workdir: Path, capsys, monkeypatch: pytest.MonkeyPatch, name: str, encode) -> None:
    _fake_fixer(monkeypatch)
    path = workdir / "draft.txt"
    path.write_bytes(encode(WIDE_DRAFT))
    code, out, _ = lint(capsys, "draft.txt", "--fix", "--format", "json")
    assert path.read_bytes() == encode(WIDE_DRAFT.replace("Ã©", "é"))  # same codec, BOM kept or not added
    assert code == 0 and json.loads(out)["summary"]["fixed"] == 1


@pytest.mark.parametrize("case", UNREADABLE, ids=lambda c: c.name)
def test_fix_never_rewrites_a_file_it_could_not_read(workdir: Path, capsys, monkeypatch: pytest.MonkeyPatch, case: Case) -> None:
    _fake_fixer(monkeypatch, lambda text: "REWRITTEN " + text.replace("Ã©", "é"))
    _hostile(workdir, case)
    before = (workdir / case.filename).read_bytes()
    code, out, err = lint(capsys, "good.txt", case.filename, "--fix")
    assert code == 2 and (workdir / case.filename).read_bytes() == before
    assert (workdir / "good.txt").read_text(encoding="utf-8") == "REWRITTEN Plaza del Maidén en Kiev\n"  # the readable one is fixed
    assert case.filename in _stderr_messages(err)


@pytest.mark.parametrize(
    ("name", "data", "repair", "reason"),
    [
        ("lone surrogate", "MaidÃ©n\n".encode("utf-16"), lambda t: t.replace("Ã©", "\ud800"), r"cannot be written as utf-16-le: surrogates not allowed"),
        ("a NUL in the repair", "Plaza del MaidÃ©n en Kiev\n".encode("utf-8"), lambda t: t.replace("Ã©", "\x00"), r"would not read back as utf-8: contains 1 NUL"),
        ("BOM-less UTF-16 no longer recognisable", "Plaza del MaidÃ©n\n".encode("utf-16-le"), lambda t: "北京" * 20, r"would not read back as utf-16-le"),
        ("a BOM that was not there", "MaidÃ©n\n".encode("utf-8"), lambda t: "\ufeff" + t, r"would start with U\+FEFF, which the next read takes for a byte-order mark"),
    ],
    ids=["lone-surrogate", "nul", "bomless-utf16-lost", "new-bom"],
)
def test_fix_that_would_not_read_back_is_refused(workdir: Path, capsys, monkeypatch: pytest.MonkeyPatch, name: str, data: bytes, repair, reason: str) -> None:
    _fake_fixer(monkeypatch, repair)
    path = workdir / "draft.txt"
    path.write_bytes(data)
    code, out, err = lint(capsys, "draft.txt", "--fix")
    assert code == 2 and path.read_bytes() == data
    [message] = [line for line in err.splitlines() if line.startswith("quality: draft.txt: ")]
    assert message.startswith("quality: draft.txt: --fix not applied, the file is unchanged: ") and re.search(reason, message), message
    assert "draft.txt:1:" in out and "MOJ901" in out  # reported as it still is on disk


def test_encode_as_read_round_trips_what_it_accepts() -> None:
    text = "Plaza del Maidén \U0001f4f0\r\n"
    for bom, codec in [(b"", "utf-8"), (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"", "utf-16-le"), (b"\x00\x00\xfe\xff", "utf-32-be")]:
        assert encode_as_read(text, codec, bom) == bom + text.encode(codec)
    with pytest.raises(DecodeError):
        encode_as_read("", "utf-16-le", b"")  # no bytes to tell UTF-16 by: it would read back as UTF-8


# ----------------------------------------------------------------- size limit


@pytest.mark.parametrize(
    ("size", "outcome"),
    [(1_000, "linted"), (1_001, "refused after decoding"), (4_005, "refused from its size")],
)
def test_size_limit_applies_to_drafts(workdir: Path, capsys, monkeypatch: pytest.MonkeyPatch, size: int, outcome: str) -> None:
    """A 50 MB draft, scaled down: the limit is the same ``max_article_chars`` as for `score`."""
    _fake_fixer(monkeypatch, lambda text: text.upper())
    data = ("x" * (size - 1) + ".").encode("utf-8")
    (workdir / "big.txt").write_bytes(data)
    (workdir / "good.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = lint(capsys, "big.txt", "good.txt", "--max-article-chars", "1000", "--fix")
    assert (workdir / "good.txt").read_text(encoding="utf-8") == GOOD.upper()  # the other draft is fixed
    if outcome == "linted":
        assert code == 1 and err == "" and (workdir / "big.txt").read_text(encoding="utf-8") == data.decode().upper()
        return
    message = _stderr_messages(err)["big.txt"]
    assert code == 2 and (workdir / "big.txt").read_bytes() == data  # never fixed
    if outcome == "refused after decoding":
        assert message == "article too large: 1,001 characters is over the limit of 1,000 (raise max_article_chars in [tool.quality] or --max-article-chars)"
    else:
        assert message.startswith("4,005 bytes hold more than 1,000 characters in any encoding: article too large")


def test_size_limit_from_the_configuration(workdir: Path, capsys) -> None:
    (workdir / "pyproject.toml").write_text("[tool.quality]\nmax_article_chars = 20\n", encoding="utf-8")
    (workdir / "a.txt").write_text("A sentence longer than twenty characters.\n", encoding="utf-8")
    code, _, err = lint(capsys, "a.txt")
    assert code == 2 and "quality: a.txt: article too large: 42 characters" in err
    assert lint(capsys, "a.txt", "--max-article-chars", "0")[0] == 0  # 0: no limit


@pytest.mark.slow
def test_five_megabyte_single_line_is_linted_with_exact_positions(workdir: Path, capsys) -> None:
    filler = "Officials said the talks, held in Moscow on Monday, would continue. "
    text = filler * (5_000_000 // len(filler) + 1) + "Plaza del MaidÃ©n en Kiev."
    (workdir / "oneline.txt").write_text(text, encoding="utf-8")
    code, out, _ = lint(capsys, "oneline.txt", "--format", "json")
    [finding] = json.loads(out)["findings"]
    assert code == 1 and finding["line"] == 1 and finding["col"] == text.index("Ã©") + 1
