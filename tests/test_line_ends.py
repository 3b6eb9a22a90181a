"""A file reads the same whichever line ends it was saved with, and ``quality fix`` prints diffs
that ``patch`` applies.

A line ends at LF, CRLF or a lone CR (old Mac files), as editors count them; U+2028 and form
feeds stay inside their line, as in ``diff`` and ``git``. Each test names the promise it holds
(docs/reliability.md lists them).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from quality.fix import fix_file
from quality.load import load_paths
from quality.model import LineIndex, lone_cr_as_lf
from quality.pipeline import analyze

from conftest import run_cli

LINES = ["Intro line here.", "", "The CafÃ© closed on Monday after a fire destroyed it.", "Officials said it would reopen."]

# (name, line end): the same article saved four ways.
LINE_ENDS = [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r"), ("mixed", None)]


def saved_with(tmp_path: Path, name: str, end: str | None, suffix: str = ".txt") -> Path:
    ends = ["\r\n", "\r", "\n", "\r\n"] if end is None else [end] * len(LINES)
    path = tmp_path / f"{name}{suffix}"
    path.write_bytes("".join(line + e for line, e in zip(LINES, ends)).encode("utf-8"))
    return path


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("ab\ncd", 3, (2, 1)),
        ("ab\r\ncd", 4, (2, 1)),
        ("ab\rcd", 3, (2, 1)),
        ("ab\r\rcd", 4, (3, 1)),
        ("ab\n\rcd", 4, (3, 1)),
        ("ab\u2028cd", 3, (1, 4)),  # not a line end for editors, diff or git
        ("ab\x0ccd", 3, (1, 4)),  # a page break inside a line
    ],
)
def test_line_index_counts_lf_crlf_and_lone_cr(text: str, offset: int, expected: tuple[int, int]) -> None:
    assert LineIndex(text).line_col(offset) == expected


@pytest.mark.parametrize(("text", "expected"), [("a\rb", "a\nb"), ("a\r\nb", "a\r\nb"), ("a\r\r\nb", "a\n\r\nb"), ("plain", "plain")])
def test_lone_cr_becomes_lf_keeping_every_offset(text: str, expected: str) -> None:
    assert lone_cr_as_lf(text) == expected
    assert len(lone_cr_as_lf(text)) == len(text)


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@pytest.mark.parametrize(("name", "end"), LINE_ENDS[1:], ids=[e[0] for e in LINE_ENDS[1:]])
def test_lint_positions_do_not_depend_on_line_ends(tmp_path: Path, capsys, name: str, end: str | None, suffix: str) -> None:
    def positions(path: Path) -> list[tuple[str, int, int, int, int]]:
        code, out, _ = run_cli(capsys, "lint", "--format", "json", str(path))
        assert code in (0, 1)
        return sorted((f["rule"], f["line"], f["col"], f["end_line"], f["end_col"]) for f in json.loads(out)["findings"])

    expected = positions(saved_with(tmp_path, "lf", "\n", suffix))
    assert ("MOJ001", 3, 8, 3, 10) in expected
    assert positions(saved_with(tmp_path, name, end, suffix)) == expected


@pytest.mark.parametrize(("name", "end"), LINE_ENDS[1:], ids=[e[0] for e in LINE_ENDS[1:]])
def test_score_finds_the_same_things_at_the_same_places(tmp_path: Path, name: str, end: str | None) -> None:
    def found(path: Path) -> list[tuple[str, int, int, str]]:
        (result,) = analyze(load_paths([path]))
        assert result.error is None
        return sorted((f.rule, f.line, f.col, f.evidence) for f in result.findings)

    expected = found(saved_with(tmp_path, "lf", "\n"))
    assert ("MOJ001", 3, 8, "Ã©") in expected
    assert found(saved_with(tmp_path, name, end)) == expected


# Texts whose repair must come out as a diff that `patch` applies: the fixed line sits beside a
# line end that `splitlines()` would split at and `diff` does not.
DIFFED = [
    ("lf", "One.\nThe CafÃ© closed.\nTwo.\n"),
    ("crlf", "One.\r\nThe CafÃ© closed.\r\nTwo.\r\n"),
    ("cr", "One.\rThe CafÃ© closed.\rTwo.\r"),
    ("line-separator", "One.\u2028The CafÃ© closed.\u2029Two.\n"),
    ("form-feed", "One.\x0cThe CafÃ© closed.\x0bTwo.\n"),
    ("no-final-newline", "One.\nThe CafÃ© closed."),
    ("nel", "One.\x85The CafÃ© closed.\n"),
]


def applied(diff: str, original: str) -> str:
    """What ``patch`` makes of ``original`` with a one-hunk unified diff that covers it all
    (checking on the way that every line is a diff line and the old side is ``original``)."""
    lines = diff.split("\n")
    assert lines[0].startswith("--- ") and lines[1].startswith("+++ ") and lines[2].startswith("@@ ")
    assert lines[-1] == "", "a diff ends with a line end"
    before: list[str] = []
    after: list[str] = []
    sides = {" ": (before, after), "-": (before,), "+": (after,)}
    last = " "
    for line in lines[3:-1]:
        kind, content = line[:1], line[1:]
        if kind == "\\":  # "\ No newline at end of file": the line before it had none
            for side in sides[last]:
                side[-1] = side[-1].removesuffix("\n")
            continue
        assert kind in sides, f"not a diff line: {line!r}"
        for side in sides[kind]:
            side.append(content + "\n")
        last = kind
    assert "".join(before) == original
    return "".join(after)


@pytest.mark.parametrize(("name", "text"), DIFFED, ids=[d[0] for d in DIFFED])
def test_fix_diff_applies_to_the_file_and_gives_what_write_writes(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("utf-8"))
    fix = fix_file(path)
    assert fix.changed
    assert applied(fix.diff(), text) == fix.fixed
    assert "Café" in fix.fixed


@pytest.mark.skipif(shutil.which("patch") is None, reason="GNU patch is not installed")
@pytest.mark.parametrize(("name", "text"), DIFFED, ids=[d[0] for d in DIFFED])
def test_patch_applies_the_printed_diff(tmp_path: Path, capsys, monkeypatch, name: str, text: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("article.txt").write_bytes(text.encode("utf-8"))
    Path("written.txt").write_bytes(text.encode("utf-8"))
    code, diff, _ = run_cli(capsys, "fix", "article.txt")
    assert code == 1  # there is a diff to apply
    subprocess.run(["patch", "-s", "-p0"], input=diff.encode("utf-8"), check=True, cwd=tmp_path)
    run_cli(capsys, "fix", "--write", "written.txt")
    assert Path("article.txt").read_bytes() == Path("written.txt").read_bytes()


@pytest.mark.parametrize("command", [["fix", "--write"], ["lint", "--fix"]])
def test_form_feeds_are_page_breaks_and_stay(tmp_path: Path, capsys, command: list[str]) -> None:
    path = tmp_path / "pages.txt"
    path.write_bytes("Police said the road closed on Tuesday.\x0cOfficials said the CafÃ© reopened.\n".encode("utf-8"))
    run_cli(capsys, *command, str(path))
    assert path.read_text(encoding="utf-8") == "Police said the road closed on Tuesday.\x0cOfficials said the Café reopened.\n"


def test_a_name_holding_a_line_break_is_one_escaped_line_in_the_diff(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    name = "evil\n+++ other.txt\n@@ -1 +1 @@\n-x\n+y.txt"
    Path(name).write_text("The CafÃ© closed.\n", encoding="utf-8")
    code, diff, _ = run_cli(capsys, "fix", name)
    assert code == 1
    escaped = name.replace("\n", "\\n")
    assert diff.splitlines()[:2] == [f"--- {escaped}", f"+++ {escaped}"]
    assert applied(diff, "The CafÃ© closed.\n") == "The Café closed.\n"
