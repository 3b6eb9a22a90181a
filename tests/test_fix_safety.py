"""``quality fix --write`` never corrupts a file: what it cannot rewrite safely it refuses, with a
message and exit 2, leaving every byte as it was.

Each test names the promise it holds (docs/reliability.md lists them).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import run_cli, stderr_messages

# Tables whose text fields hold exactly what `fix` repairs in prose (an entity, a newline
# written as an entity, mojibake): decoding them as text would break the quoting.
TABLES = [
    ("feed.jsonl", '{"id": "a", "source": "x", "text": "He said &quot;no&quot;.&#10;CafÃ© closed."}\n'),
    ("feed.csv", 'id,source,text\na,x,"He said &quot;no&quot;, CafÃ© closed."\n'),
    ("FEED.CSV", 'id,source,text\nb,y,"Tom &amp; Jerry"\n'),
]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("write", [False, True], ids=["diff", "write"])
@pytest.mark.parametrize(("name", "content"), TABLES, ids=[t[0] for t in TABLES])
def test_a_table_is_refused_and_left_byte_for_byte(tmp_path: Path, capsys, name: str, content: str, write: bool) -> None:
    table = tmp_path / name
    table.write_text(content, encoding="utf-8")
    before = digest(table)
    code, out, err = run_cli(capsys, "fix", str(table), *(["--write"] if write else []))
    assert code == 2
    assert out == ""  # no diff of a table
    message = stderr_messages(err, "quality: error: ")[str(table)]
    assert message.startswith(f"a {Path(name).suffix.lower()} table, not a text file")
    assert "fixed 0 of 0 files, errors 1" in err or "would fix 0 of 0 files, errors 1" in err
    assert digest(table) == before


def test_a_table_beside_text_files_does_not_stop_their_repair(tmp_path: Path, capsys) -> None:
    table = tmp_path / "feed.jsonl"
    table.write_text(TABLES[0][1], encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("CafÃ© closed.\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "fix", "--write", str(table), str(article))
    assert code == 2
    assert article.read_text(encoding="utf-8") == "Café closed.\n"
    assert table.read_text(encoding="utf-8") == TABLES[0][1]
    assert "fixed 1 of 1 files, errors 1" in err


# (file name, text, what must survive both `fix --write` and `lint --fix` byte for byte,
#  and what the prose around it must become)
KEPT_AS_WRITTEN = [
    ("fenced.md", "CafÃ© opens.\n\n```html\n<p>Fish &amp; chips &lt;b&gt;</p>\n```\n",
     "<p>Fish &amp; chips &lt;b&gt;</p>", "Café opens."),
    ("tilde.md", "CafÃ© opens.\n\n~~~\nx = '&copy;'\n~~~\n", "x = '&copy;'", "Café opens."),
    ("inline.md", "The sign said `&copy;` and CafÃ© closed.\n", "`&copy;`", "Café closed."),
    ("yaml.md", '---\ntitle: "Tom &amp; Jerry"\n---\nCafÃ© closed.\n', 'title: "Tom &amp; Jerry"', "Café closed."),
    ("toml.md", '+++\ntitle = "Tom &amp; Jerry"\n+++\nCafÃ© closed.\n', 'title = "Tom &amp; Jerry"', "Café closed."),
    ("link.md", "See [the menu](https://example.com/?a=1&amp;b=2). CafÃ© closed.\n", "https://example.com/?a=1&amp;b=2", "Café closed."),
    ("comment.md", "<!-- keep &amp; -->\nCafÃ© closed.\n", "<!-- keep &amp; -->", "Café closed."),
    ("ignored.txt", "<!-- quality: ignore MOJ001 -->\nCafÃ© stays.\n\nCafÃ© closed.\n", "CafÃ© stays.", "Café closed."),
]


@pytest.mark.parametrize("command", [("fix", "--write"), ("lint", "--fix")], ids=["fix", "lint-fix"])
@pytest.mark.parametrize(("name", "text", "kept", "prose"), KEPT_AS_WRITTEN, ids=[c[0] for c in KEPT_AS_WRITTEN])
def test_code_front_matter_and_suppressed_text_are_never_repaired(tmp_path: Path, capsys, command, name, text, kept, prose) -> None:
    draft = tmp_path / name
    draft.write_text(text, encoding="utf-8")
    run_cli(capsys, command[0], command[1], str(draft))
    after = draft.read_text(encoding="utf-8")
    assert kept in after
    assert prose in after


@pytest.mark.parametrize(("name", "text", "kept", "prose"), KEPT_AS_WRITTEN, ids=[c[0] for c in KEPT_AS_WRITTEN])
def test_fix_and_lint_fix_write_the_same_bytes(tmp_path: Path, capsys, name, text, kept, prose) -> None:
    by_fix, by_lint = tmp_path / "fix" / name, tmp_path / "lint" / name
    for draft in (by_fix, by_lint):
        draft.parent.mkdir()
        draft.write_text(text, encoding="utf-8")
    run_cli(capsys, "fix", "--write", str(by_fix))
    run_cli(capsys, "lint", "--fix", str(by_lint))
    assert by_fix.read_bytes() == by_lint.read_bytes()
