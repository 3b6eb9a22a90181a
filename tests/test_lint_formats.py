"""The lint report in each format: SARIF 2.1.0 for code scanning, the JSON report, GitHub
annotations, and the text a person reads."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import jsonschema
import pytest

import lint_fakes  # tests/ is on sys.path (pytest prepends a test file's folder)
from quality.cli import main
from quality.lint.engine import LintFinding
from quality.lint.formats import _cell, escape_data, escape_property, source_excerpt
from quality.model import Severity

REPO = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = json.loads((REPO / "tests" / "schemas" / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))
REPORT_SCHEMA = json.loads((REPO / "docs" / "lint-report.schema.json").read_text(encoding="utf-8"))

DRAFT = "Headline\n\nphoto vía AP - caption\nPlaza del MaidÃ©n en Kiev\nFollow us on Telegram\n"


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.chdir(tmp_path)
    lint_fakes.install(monkeypatch)

    def lint(*args: str) -> tuple[int, str]:
        code = main(["lint", *args])
        return code, capsys.readouterr().out

    return lint


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _validator(schema: dict) -> jsonschema.Validator:
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


# ------------------------------------------------------------------------- SARIF


def test_sarif_validates_and_carries_what_code_scanning_needs(tmp_path: Path, run) -> None:
    write(tmp_path / "drafts" / "news story.txt", DRAFT)
    write(tmp_path / "drafts" / "empty.md", "---\ntitle: x\n---\n")
    code, out = run("drafts", "--format", "sarif")
    log = json.loads(out)
    errors = sorted(_validator(SARIF_SCHEMA).iter_errors(log), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)

    (sarif_run,) = log["runs"]
    assert log["version"] == "2.1.0"
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    assert sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    rules = sarif_run["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["help"]["text"] and rule["help"]["markdown"]
    results = sarif_run["results"]
    assert [r["ruleId"] for r in results] == ["INP002", "TRN901", "MOJ901", "BPL901"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert len(result["partialFingerprints"]["qualityFinding/v1"]) == 32
        assert "primaryLocationLineHash" not in result["partialFingerprints"]
    mojibake = results[2]
    location = mojibake["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "drafts/news%20story.txt", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {
        "startLine": 4, "startColumn": 15, "endLine": 4, "endColumn": 17,
        "charOffset": DRAFT.index("Ã©"), "charLength": 2, "snippet": {"text": "Ã©"},
    }  # fmt: skip
    assert mojibake["level"] == "error" and results[1]["level"] == "note" and results[3]["level"] == "warning"
    assert mojibake["message"]["text"].endswith("(suggested: é)")
    # About the whole (empty) article: a line, no columns.
    assert results[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 4}
    assert sarif_run["invocations"] == [{"executionSuccessful": True, "exitCode": 1}]
    assert code == 1


def test_sarif_reports_unreadable_inputs_as_notifications(tmp_path: Path, run) -> None:
    (tmp_path / "bad.txt").write_bytes(b"Caf\xe9\n")
    code, out = run("bad.txt", "missing.txt", "--format", "sarif")
    log = json.loads(out)
    assert not list(_validator(SARIF_SCHEMA).iter_errors(log))
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2 == code
    texts = [n["message"]["text"] for n in invocation["toolExecutionNotifications"]]
    assert any("missing.txt: no such file or folder" in t for t in texts)
    assert any(t.startswith("bad.txt: cannot read") for t in texts)


def test_sarif_rule_levels_follow_configured_severity(tmp_path: Path, run) -> None:
    write(tmp_path / "pyproject.toml", '[tool.quality.severity]\nBPL901 = "error"\n')
    write(tmp_path / "a.txt", DRAFT)
    log = json.loads(run("a.txt", "--format", "sarif")[1])
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["BPL901"]["defaultConfiguration"]["level"] == "error"
    assert rules["TRN901"]["defaultConfiguration"]["level"] == "note"


def test_fingerprints_survive_edits_elsewhere_in_the_file(tmp_path: Path, run) -> None:
    write(tmp_path / "a.txt", DRAFT + "MaidÃ©n twice\n")
    before = json.loads(run("a.txt", "--format", "json")[1])["findings"]
    write(tmp_path / "a.txt", "A new first paragraph.\n\n" + DRAFT + "MaidÃ©n twice\n")
    after = json.loads(run("a.txt", "--format", "json")[1])["findings"]
    assert [f["line"] + 2 for f in before] == [f["line"] for f in after]
    assert [f["fingerprint"] for f in before] == [f["fingerprint"] for f in after]
    # The same evidence twice still gives two alerts.
    mojibake = [f["fingerprint"] for f in after if f["rule"] == "MOJ901"]
    assert len(mojibake) == len(set(mojibake)) == 2


# ------------------------------------------------------------------------- JSON


def test_json_report_follows_its_documented_schema(tmp_path: Path, run) -> None:
    write(tmp_path / "a.txt", "<!-- quality: ignore-file BPL901 -->\n" + DRAFT)
    write(tmp_path / "b.md", "---\nsource: outlet-b\n---\nA clean sentence.\n")
    (tmp_path / "c.txt").write_bytes(b"Caf\xe9\n")
    code, out = run("a.txt", "b.md", "c.txt", "--format", "json")
    report = json.loads(out)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert report["exit_code"] == code == 2
    assert report["summary"] == {
        "files": 3, "files_with_findings": 2, "findings": 3, "error": 2, "warning": 0, "info": 1,
        "suppressed": 1, "fixed": 0, "unreadable": 1,
    }  # fmt: skip
    assert [(f["path"], f["source"], f["findings"]) for f in report["files"]] == [("a.txt", tmp_path.name, 2), ("b.md", "outlet-b", 0), ("c.txt", tmp_path.name, 1)]


# ------------------------------------------------------------------------- GitHub


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("a\nb\r\n", "a%0Ab%0D%0A", "a%0Ab%0D%0A"),
        ("x:y,z", "x:y,z", "x%3Ay%2Cz"),
        ("%0A", "%250A", "%250A"),  # an already escaped-looking text stays literal
        ("::error::", "::error::", "%3A%3Aerror%3A%3A"),
    ],
)
def test_github_escaping(text: str, data: str, prop: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_github_annotations(tmp_path: Path, run) -> None:
    write(tmp_path / "dir,with:odd" / "a.txt", DRAFT)
    code, out = run("dir,with:odd/a.txt", "--format", "github")
    lines = out.splitlines()
    assert lines[:3] == [
        "::notice file=dir%2Cwith%3Aodd/a.txt,line=3,col=7,endLine=3,endColumn=9,title=TRN901 fake-untranslated::Spanish 'vía' left untranslated",
        "::error file=dir%2Cwith%3Aodd/a.txt,line=4,col=15,endLine=4,endColumn=16,title=MOJ901 fake-mojibake::'Ã©' is UTF-8 'é' read as Latin-1 (suggested: é)",
        "::warning file=dir%2Cwith%3Aodd/a.txt,line=5,col=1,endLine=5,endColumn=21,title=BPL901 fake-footer::social-media footer",
    ]
    assert lines[-1].startswith("Found 3 findings")
    assert code == 1


# ------------------------------------------------------------------------- text


@pytest.mark.parametrize(
    ("files", "args", "summary"),
    [
        ({"a.txt": "Clean.\n"}, [], "No findings in 1 file."),
        ({"a.txt": "Clean.\n", "b.txt": "Clean.\n"}, [], "No findings in 2 files."),
        ({"a.txt": "photo vía AP\n"}, [], "Found 1 finding (1 info) in 1 of 1 file."),
        ({"a.txt": DRAFT, "b.txt": "Clean.\n"}, [], "Found 3 findings (1 error, 1 warning, 1 info) in 1 of 2 files; failing on error."),
        ({"a.txt": DRAFT}, ["--exit-zero"], "Found 3 findings (1 error, 1 warning, 1 info) in 1 of 1 file."),
        ({"a.txt": "<!-- quality: ignore-file -->\n" + DRAFT}, [], "No findings in 1 file; 3 suppressed."),
    ],
)
def test_summary_line(tmp_path: Path, run, files: dict[str, str], args: list[str], summary: str) -> None:
    for name, text in files.items():
        write(tmp_path / name, text)
    assert run(*files, *args)[1].splitlines()[-1] == summary


def _finding(text: str, start: int, end: int, suggestion: str | None = None) -> LintFinding:
    line = text.count("\n", 0, start) + 1
    col = start - (text.rfind("\n", 0, start) + 1) + 1
    end_line = text.count("\n", 0, end) + 1
    end_col = end - (text.rfind("\n", 0, end) + 1) + 1
    return LintFinding("a.txt", "MOJ901", "x", Severity.ERROR, "m", start, end, line, col, end_line, end_col, text[start:end], suggestion, "fake")


def test_carets_line_up_under_wide_characters_and_tabs() -> None:
    text = "\t漢字 Maid谩n en Kiev\n"
    start = text.index("谩")
    lines = source_excerpt(text, _finding(text, start, start + 1, "Maidán"))
    assert lines == [
        "   |",
        " 1 |     漢字 Maid谩n en Kiev",
        "   |              ^^",
        "   = suggestion: Maidán",
    ]


def test_long_lines_are_cut_around_the_span() -> None:
    text = "word " * 60 + "Maid谩n " + "word " * 60 + "\n"
    start = text.index("谩")
    shown, carets = source_excerpt(text, _finding(text, start, start + 1))[1:3]
    assert shown.startswith(" 1 | …") and shown.endswith("…")
    column = carets.index("^")
    # The caret sits under the character it points at, whatever was cut before it.
    assert shown[column] == "谩"
    assert len(shown) < 130


def test_control_characters_show_escaped() -> None:
    assert _cell("\x9d") == ("\\x9d", 4)
    assert _cell("\u200b") == ("\\u200b", 6)
    assert _cell("é") == ("é", 1) and _cell("漢") == ("漢", 2) and _cell("\u0301") == ("\u0301", 0)


def test_multiline_span_marks_the_first_line_to_its_end() -> None:
    text = "first line here\nsecond\n"
    lines = source_excerpt(text, _finding(text, 6, 20))
    assert lines[1:] == [" 1 | first line here", "   |       ^^^^^^^^^"]


def test_zero_width_findings_show_no_source() -> None:
    assert source_excerpt("text\n", _finding("text\n", 0, 0)) == []


def test_stdin_report_is_readable(tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DRAFT.encode("utf-8")), encoding="utf-8"))
    code, out = run("-", "--format", "sarif")
    log = json.loads(out)
    assert not list(_validator(SARIF_SCHEMA).iter_errors(log))
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "-"
