"""The prose view of drafts: what detectors read, and the map back to the file."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quality.markdown import _RULE_LINE, build_prose, comment_removal, fenced_code_spans, prepare, split_front_matter
from quality.model import lone_cr_as_lf

# (Markdown source, the prose the detectors must read)
PROSE_CASES = [
    ("Plain paragraph.\n", "Plain paragraph.\n"),
    ("# Heading\n\nText.\n", "Heading\n\nText.\n"),
    ("## Closed heading ##\n", "Closed heading\n"),
    ("#hashtag is not a heading\n", "#hashtag is not a heading\n"),
    ("A paragraph wrapped\nover two lines.\n", "A paragraph wrapped over two lines.\n"),
    ("Hard break  \nnext line\n", "Hard break  \nnext line\n"),
    ("Backslash break\\\nnext line\n", "Backslash break\nnext line\n"),
    ("Windows\r\nline ends\r\n\r\nNext.\r\n", "Windows line ends\n\nNext.\n"),
    ("- item one\n- item two\n  continued\n", "item one\nitem two   continued\n"),
    ("1. first\n2) second\n", "first\nsecond\n"),
    ("> quoted\n> still quoted\n\n>> nested\n", "quoted still quoted\n\nnested\n"),
    ("Some **strong** and *em* and __also__ and _this_ and ~~gone~~.\n", "Some strong and em and also and this and gone.\n"),
    ("snake_case_name and 2*3*4 stay.\n", "snake_case_name and 2*3*4 stay.\n"),
    ("Escaped \\*stars\\* stay.\n", "Escaped *stars* stay.\n"),
    ("A [link](https://example.com/a_(b) \"title\") here.\n", "A link here.\n"),
    ("An ![image caption](photo.jpg) here.\n", "An image caption here.\n"),
    ("A [reference][1] link.\n\n[1]: https://example.com\n", "A reference link.\n\n"),
    ("See <https://example.com/x>.\n", "See https://example.com/x.\n"),
    ("Run `pip install` now.\n", "Run now.\n"),
    # Inline syntax may run over a line break inside a paragraph, never across paragraphs.
    ("*A caption that\nwraps* here.\n", "A caption that wraps here.\n"),
    ("A [link that\nwraps](https://x) and `code\nspan` end.\n", "A link that wraps and end.\n"),
    ("*not closed\n\nin the next paragraph*\n", "*not closed\n\nin the next paragraph*\n"),
    ("A <span class=\"x\">tagged</span> word.\n", "A tagged word.\n"),
    ("Before\n\n---\n\nAfter\n", "Before\n\n\nAfter\n"),
    ("Title\n=====\n", "Title\n"),
    ("Text <!-- a note --> more.\n", "Text more.\n"),
    ("<!-- a note on its own line -->\nText.\n", "Text.\n"),
    ("Para\n<!--\nmulti-line\nnote\n-->\nText.\n", "Para\nText.\n"),
    ("```\ncode\n```\nText.\n", "Text.\n"),
    ("~~~~python\ncode\n~~~\nstill code\n~~~~~\nText.\n", "Text.\n"),
    ("```\nunclosed code\nruns to the end\n", ""),
    ("``` not `a` fence\nText.\n", "``` not fence Text.\n"),  # an info string with ` : no fence
    ("---\ntitle: x\n---\nBody.\n", "Body.\n"),
    ("+++\ntitle = \"x\"\n+++\nBody.\n", "Body.\n"),
    ("---\nno closing line, so a thematic break\n", "no closing line, so a thematic break\n"),
    ("Text &amp; entity stays.\n", "Text &amp; entity stays.\n"),
    # A pipe table is data, like code: skipped whole, header, delimiter and rows.
    ("Text.\n\n| Country | Delegates |\n|---|:--:|\n| France | 12 |\n\nAfter.\n", "Text.\n\n\nAfter.\n"),
    ("Country | Delegates\n--- | ---\nFrance | 12\nAfter.\n", "After.\n"),  # ends at a line without |
    ("A | B is not a table\nwithout a delimiter row.\n", "A | B is not a table without a delimiter row.\n"),
    ("```\n| a |\n|---|\n```\nText.\n", "Text.\n"),  # inside code: the code's
]


@pytest.mark.parametrize(("source", "prose"), PROSE_CASES, ids=[repr(s[:30]) for s, _ in PROSE_CASES])
def test_markdown_prose(source: str, prose: str) -> None:
    result = prepare(source, markdown=True)
    assert result.text == prose
    _assert_map_consistent(source, result.text, result.offsets)


def test_plain_text_is_taken_as_written() -> None:
    source = "# Not a heading in .txt\n*stars* stay\n```\nnot code\n"
    result = prepare(source, markdown=False)
    assert result.text == source and result.metadata == {}


def test_plain_text_loses_only_the_removals_it_is_given() -> None:
    source = "Line one.\n<!-- quality: ignore X -->\nLine two.\n"
    start = source.index("<!--")
    removal = comment_removal(source, start, source.index("-->") + 3)
    result = prepare(source, markdown=False, extra_removals=[removal])
    assert result.text == "Line one.\nLine two.\n"


def _assert_map_consistent(original: str, prose: str, offsets) -> None:
    """Every prose character comes from the original at its mapped offset (a soft break's
    space from a line end, a line feed from a lone CR), and mapped offsets never go backwards."""
    previous = -1
    for i, char in enumerate(prose):
        j = offsets.to_original(i)
        assert j > previous
        previous = j
        read_as = lone_cr_as_lf(original)[j]
        assert read_as == char or (char == " " and read_as in "\n\r"), (i, j, char, original[j])


# Text built from the characters Markdown cares about, so that every construct and its broken
# forms show up: the map must stay exact whatever the parser decides.
MARKDOWN_ALPHABET = st.sampled_from(list("ab \n\r#*_`~>-+1.)[]()!<>:\\=|\t") + ["---\n", "```\n", "<!--", "-->", "é", "漢"])


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKDOWN_ALPHABET, max_size=80).map("".join))
def test_offset_map_is_exact_on_any_markdown(source: str) -> None:
    result = prepare(source, markdown=True)
    _assert_map_consistent(source, result.text, result.offsets)
    # A span's ends map inside the file and in order.
    for start in range(len(result.text) + 1):
        for end in (start, min(len(result.text), start + 3)):
            a, b = result.offsets.span(start, end)
            assert 0 <= a <= b <= len(source)


def test_span_ends_do_not_grow_over_removed_text() -> None:
    source = "A **bold** word\n"
    result = prepare(source, markdown=True)
    start = result.text.index("bold")
    a, b = result.offsets.span(start, start + 4)
    assert source[a:b] == "bold"


def test_everything_removed_maps_to_where_the_prose_would_start() -> None:
    source = "---\ntitle: x\n---\n"
    result = prepare(source, markdown=True)
    assert result.text == ""
    assert result.offsets.span(0, 0) == (len(source), len(source))


FRONT_MATTER_CASES = [
    ("---\nsource: outlet-d\ndate: 2023-01-31\ntitle: 'A: visit'\n---\n", {"source": "outlet-d", "date": "2023-01-31", "title": "A: visit"}, None),
    ("---\noutlet: o\nlang: es\nlink: https://x\n---\n", {"source": "o", "language": "es", "url": "https://x"}, None),
    ("---\ntags: [a, b]\ndraft: true\n---\n", {}, None),  # not metadata we use
    ("---\n---\n", {}, None),
    ("---\ntitle: x\n...\n", {"title": "x"}, None),
    ("+++\nsource = \"o\"\ndate = 2023-01-31\n+++\n", {"source": "o", "date": "2023-01-31"}, None),
    ("---\ntitle: a: b\n---\n", {}, (4, "mapping values are not allowed here")),
    ("---\n- a list\n---\n", {}, (0, "front matter is a list")),
    ("+++\ntitle = \n+++\n", {}, (4, "not valid TOML")),
]


@pytest.mark.parametrize(("source", "metadata", "error"), FRONT_MATTER_CASES)
def test_front_matter(source: str, metadata: dict, error: tuple[int, str] | None) -> None:
    span, found, problem = split_front_matter(source + "Body.\n")
    assert span == (0, len(source))
    assert found == metadata
    if error is None:
        assert problem is None
    else:
        assert problem is not None and problem[0] == error[0] and error[1] in problem[2]


@pytest.mark.parametrize(
    ("source", "spans"),
    [
        ("a\n```\nx\n```\nb\n", [(2, 12)]),
        ("   ```\nx\n   ```\n", [(0, 16)]),
        ("    ```\nindented four: not a fence\n", []),
        ("```\nx\n~~~\n", [(0, 10)]),  # a tilde line does not close a backtick fence
        ("````\nx\n```\n````\n", [(0, 16)]),  # the closing fence must be as long
    ],
)
def test_fenced_code_spans(source: str, spans: list[tuple[int, int]]) -> None:
    assert fenced_code_spans(source) == spans


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        ("a <!-- x --> b\n", "a b\n"),
        ("<!-- x --> b\n", "b\n"),
        ("a <!-- x -->\nb\n", "a\nb\n"),
        ("a\n  <!-- x -->  \nb\n", "a\nb\n"),
    ],
)
def test_comment_removal(source: str, kept: str) -> None:
    start = source.index("<!--")
    removal = comment_removal(source, start, source.index("-->") + 3)
    text, _, _ = build_prose(source, [removal])
    assert text == kept


# (Markdown, the heading spans' text): structure the author wrote.
HEADING_CASES = [
    ("# Markets\n\nText here.\n", ["# Markets"]),
    ("Reaction\n========\n\nText.\n", ["Reaction\n========"]),
    ("Two line\nsetext\n---\n\nText.\n", ["Two line\nsetext\n---"]),
    ("Text.\n\n---\n\nMore.\n", []),  # a thematic break after a blank line: no heading
    ("> # Quoted heading\n", ["> # Quoted heading"]),
    ("```\n# a comment in code\n```\n", []),
]


@pytest.mark.parametrize(("source", "headings"), HEADING_CASES, ids=[repr(c[0][:20]) for c in HEADING_CASES])
def test_headings_are_found(source: str, headings: list[str]) -> None:
    assert [source[a:b] for a, b in prepare(source, markdown=True).headings] == headings


# A short heading reads like a menu entry to the line model; in Markdown the author marked it.
HEADED_DRAFT = "# Markets\n\nStocks fell sharply on Monday after the central bank raised rates, traders said.\n\nReaction\n========\n\nInvestors sold shares in banks and builders, according to exchange data.\n"


@pytest.mark.parametrize("command", ["lint", "findings"])
def test_a_markdown_heading_is_never_page_furniture(tmp_path, capsys, command: str) -> None:
    from quality.cli import main

    draft = tmp_path / "draft.md"
    draft.write_text(HEADED_DRAFT, encoding="utf-8")
    main([command, str(draft)])
    assert "BPL008" not in capsys.readouterr().out
    plain = tmp_path / "draft.txt"  # the same words without Markdown: a lone "Markets" line may be a menu
    plain.write_text(HEADED_DRAFT.replace("# ", "").replace("========\n", ""), encoding="utf-8")
    main([command, str(plain)])
    assert "BPL008" in capsys.readouterr().out


def test_a_heading_that_reads_like_a_footer_is_still_one(tmp_path, capsys) -> None:
    from quality.cli import main

    draft = tmp_path / "draft.md"
    draft.write_text("Stocks fell sharply on Monday after the rate rise, traders said.\n\n## Follow us on Telegram for the latest updates\n", encoding="utf-8")
    main(["lint", str(draft)])
    assert "BPL001" in capsys.readouterr().out


# A thematic break as CommonMark words it: three or more of one mark, blanks allowed between.
_BREAK_AS_WRITTEN = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")


@given(st.text(alphabet=" \t*-_=!a", max_size=12))
def test_the_linear_rule_line_pattern_reads_lines_as_the_definition_does(line: str) -> None:
    assert bool(_RULE_LINE.match(line)) == bool(_BREAK_AS_WRITTEN.match(line))
