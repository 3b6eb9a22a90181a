"""Reading suppression directives and deciding what they cover."""

from __future__ import annotations

import pytest

from quality.suppress import apply, parse_directives, unused

KNOWN_PREFIXES = ("MOJ", "TRN", "BPL", "RDB")


def known(selector: str) -> bool:
    return selector[:3] in KNOWN_PREFIXES and (len(selector) == 3 or selector[3:] in ("0", "00", "001", "002"))


def parse(text: str, markdown: bool = False, excluded=()):
    return parse_directives(text, list(excluded), markdown, known)


# (draft, markdown?, [(kind, codes, first covered line, last covered line)])
DIRECTIVE_CASES = [
    ("<!-- quality: ignore MOJ001 -->\nline two\n", False, [("line", ("MOJ001",), 2, 2)]),
    ("<!--quality:ignore MOJ001,TRN-->\nline two\n", False, [("line", ("MOJ001", "TRN"), 2, 2)]),
    ("<!-- QUALITY: IGNORE moj001 trn -->\nline two\n", False, [("line", ("MOJ001", "TRN"), 2, 2)]),
    ("<!-- quality: ignore -->\nline two\n", False, [("line", (), 2, 2)]),
    ("<!-- quality: ignore MOJ -->\n\n\nline four\n", False, [("line", ("MOJ",), 4, 4)]),
    ("<!-- quality: ignore MOJ -->\n<!-- other note -->\nline three\n", False, [("line", ("MOJ",), 3, 3)]),
    ("text on line one <!-- quality: ignore MOJ -->\nline two\n", False, [("line", ("MOJ",), 1, 1)]),
    ("<!-- quality: ignore MOJ --> text after on line one\nline two\n", False, [("line", ("MOJ",), 1, 1)]),
    ("<!-- quality: ignore MOJ -->\n", False, [("line", ("MOJ",), 0, 0)]),
    ("<!-- quality: ignore-file BPL -->\ntext\n", False, [("file", ("BPL",), 0, 0)]),
    ("<!-- quality:\n  ignore MOJ001\n-->\nline four\n", False, [("line", ("MOJ001",), 4, 4)]),
    # Markdown: the paragraph runs to the next blank line, in both directions for a trailing one.
    ("<!-- quality: ignore MOJ -->\none\ntwo\n\nfour\n", True, [("line", ("MOJ",), 2, 3)]),
    ("one\ntwo <!-- quality: ignore MOJ -->\nthree\n\nfive\n", True, [("line", ("MOJ",), 1, 3)]),
]


@pytest.mark.parametrize(("text", "markdown", "expected"), DIRECTIVE_CASES)
def test_directives_and_what_they_cover(text: str, markdown: bool, expected: list) -> None:
    directives, problems = parse(text, markdown)
    assert problems == []
    assert [(d.kind, d.codes, d.first_line, d.last_line) for d in directives] == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<!-- quality: skip MOJ001 -->\n", "not a directive: 'quality: skip MOJ001'"),
        ("<!-- quality: ignore-next-line MOJ001 -->\n", "not a directive"),
        ("<!-- quality: ignore MOJ001; TRN -->\n", "not a directive"),
        ("<!-- quality: -->\n", "not a directive"),
        ("<!-- quality: ignore XYZ001 -->\n", "unknown rule code XYZ001"),
        ("<!-- quality: ignore MOJ01 -->\n", "unknown rule code MOJ01"),
        ("<!-- quality: ignore MOJ009 -->\n", "unknown rule code MOJ009"),
    ],
)
def test_invalid_directives_are_problems(text: str, message: str) -> None:
    directives, problems = parse(text)
    assert len(problems) == 1 and message in problems[0].message
    assert directives == []  # a typo never widens into "every rule"


def test_unknown_codes_drop_out_and_known_ones_stay() -> None:
    directives, problems = parse("<!-- quality: ignore MOJ001 XYZ001 -->\ntext\n")
    assert [d.codes for d in directives] == [("MOJ001",)]
    assert "XYZ001" in problems[0].message


def test_comments_that_are_not_directives_are_ignored() -> None:
    assert parse("<!-- quality check by the desk -->\n<!-- editor: fix later -->\n") == ([], [])


def test_directives_inside_excluded_spans_are_text() -> None:
    text = "```\n<!-- quality: ignore-file -->\n```\n"
    assert parse(text, True, excluded=[(0, len(text))]) == ([], [])


def test_apply_marks_what_each_directive_suppressed() -> None:
    directives, _ = parse("<!-- quality: ignore MOJ, TRN001 -->\nline two\n<!-- quality: ignore-file BPL -->\n")
    hidden = apply([("MOJ001", 2), ("MOJ002", 3), ("BPL001", 7), ("RDB001", 2)], directives)
    assert hidden == [True, False, True, False]
    assert directives[0].used == {"MOJ"} and directives[1].used == {"BPL"}
    problems = unused(directives, enabled={"MOJ001", "TRN001", "BPL001"})
    assert [p.message for p in problems] == ["unused suppression: no TRN001 finding on line 2"]


def test_unused_skips_codes_whose_rules_do_not_run() -> None:
    directives, _ = parse("<!-- quality: ignore TRN001 -->\nline two\n")
    assert unused(directives, enabled={"MOJ001"}) == []
    assert len(unused(directives, enabled={"TRN001"})) == 1


def test_blanket_and_dangling_directives_when_unused() -> None:
    directives, _ = parse("<!-- quality: ignore-file -->\ntext\n<!-- quality: ignore -->\n")
    messages = [p.message for p in unused(directives, enabled={"MOJ001"})]
    assert messages == ["unused suppression: no finding in this file", "unused suppression: no paragraph follows it"]


# ------------------------------------------------ score and findings honour them as lint does

# (file name, text): each holds findings some directive covers and some it does not.
SUPPRESSED_DRAFTS = [
    ("next-paragraph.md", "<!-- quality: ignore ATT -->\nThe talks broke down in March, officials said.\n\nThe CafÃ© closed on Monday after a fire, the owner said.\n"),
    ("trailing.txt", "The talks broke down in March, officials said. <!-- quality: ignore ATT002 -->\nThe CafÃ© closed on Monday. <!-- quality: ignore MOJ -->\nThe the union said so.\n"),
    ("whole-file.txt", "<!-- quality: ignore-file MOJ001, TRN -->\nThe CafÃ© closed on Monday, the the owner said.\nFollow us on Telegram for the latest updates.\n"),
    ("every-rule.md", "Intro.\n\n<!-- quality: ignore -->\nThe CafÃ© closed.\n\nThe CafÃ© reopened.\n"),
    ("in-code.md", "```\n<!-- quality: ignore MOJ -->\n```\nThe CafÃ© closed.\n"),  # in code: no directive
]


@pytest.mark.parametrize(("name", "text"), SUPPRESSED_DRAFTS, ids=[d[0] for d in SUPPRESSED_DRAFTS])
def test_findings_report_exactly_what_lint_reports(tmp_path, capsys, name: str, text: str) -> None:
    import json

    from quality.cli import main

    path = tmp_path / "outlet" / name
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    main(["lint", "--format", "json", str(path)])
    linted = {(f["rule"], f["line"], f["col"]) for f in json.loads(capsys.readouterr().out)["findings"]}
    main(["findings", "--format", "jsonl", str(path)])
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {(f["rule"], f["line"], f["col"]) for f in found} == linted
    assert linted, "each draft keeps a finding no directive covers"
    assert not any("quality:" in f["evidence"] for f in found)  # the detectors never read a directive
