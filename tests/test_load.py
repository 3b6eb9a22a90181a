"""Loading: every input becomes an article or an error row, with stable ids and sources."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from quality.load import Columns, decode_bytes, decode_text_file, DecodeError, load_paths
from quality.model import Article
from quality.pipeline import LoadError

DECODING = [
    # (bytes, expected text or None for an error)
    ("Café".encode("utf-8"), "Café"),
    (b"\xef\xbb\xbf" + "Café".encode("utf-8"), "Café"),
    (b"\xff\xfe" + "Café".encode("utf-16-le"), "Café"),
    (b"\xfe\xff" + "Café".encode("utf-16-be"), "Café"),
    ("Plain ASCII news text.".encode("utf-16-le"), "Plain ASCII news text."),
    ("Plain ASCII news text.".encode("utf-16-be"), "Plain ASCII news text."),
    ("Café".encode("latin-1"), None),
    (bytes(range(256)) * 4, None),
]


@pytest.mark.parametrize(("data", "expected"), DECODING)
def test_decode_bytes(data: bytes, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(DecodeError):
            decode_bytes(data)
    else:
        assert decode_bytes(data) == expected


TEXT_FILES = [
    # (bytes, expected text or None for "refused as not text")
    ("Café news.".encode(), "Café news."),
    (bytes(range(1, 9)) * 20, None),  # C0 controls: binary
    ("He said \u0093no\u0094.".encode(), "He said \u0093no\u0094."),  # C1: cp1252 quotes read as Latin-1, mojibake
    ("A line\x7f\x7f\x7f\x7f\x7f".encode(), None),  # DEL counts as a control
]


@pytest.mark.parametrize(("data", "expected"), TEXT_FILES)
def test_only_c0_controls_make_a_file_binary(data: bytes, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(DecodeError, match="binary data"):
            decode_text_file(data)
    else:
        assert decode_text_file(data) == expected


def test_folder_sources_come_from_first_subfolder(tmp_path: Path) -> None:
    (tmp_path / "outlet-x" / "2023").mkdir(parents=True)
    (tmp_path / "outlet-x" / "2023" / "a.txt").write_text("Text A.", encoding="utf-8")
    (tmp_path / "outlet-y").mkdir()
    (tmp_path / "outlet-y" / "b.md").write_text("Text B.", encoding="utf-8")
    (tmp_path / "outlet-y" / "notes.csv").write_text("x,y\n1,2\n", encoding="utf-8")
    items = list(load_paths([tmp_path]))
    assert [(i.id, i.source) for i in items] == [("outlet-x/2023/a.txt", "outlet-x"), ("outlet-y/b.md", "outlet-y")]


def test_manifest_gives_source_and_metadata(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,source,date,title\none.txt,outlet-z,2023-01-31,Headline\n", encoding="utf-8")
    [article] = load_paths([tmp_path])
    assert isinstance(article, Article)
    assert (article.source, article.date, article.title) == ("outlet-z", "2023-01-31", "Headline")


MARKDOWN_DRAFT = """---
title: "Rates rise again"
source: Example Wire
date: 2023-03-20
---

# Rates rise again

The central bank raised its main rate on Thursday. Western governments have urged it to
hold rates steady until the spring, according to **Reuters**, and officials in the
capital described the move as premature.

```
<iframe src="https://example.com/video"></iframe>
```

<!-- editor: check the figure -->
Read more: [Rates explained](https://example.com/rates)
"""


@pytest.mark.parametrize(
    ("manifest", "source"),
    [(None, "Example Wire"), ("file,source\ndraft.md,outlet-m\n", "Example Wire"), ("file,title\ndraft.md,Other\n", "Example Wire")],
    ids=["front matter", "over a manifest's source", "over a manifest's title"],
)
def test_markdown_front_matter_outranks_a_manifest_as_in_lint(tmp_path: Path, manifest: str | None, source: str) -> None:
    (tmp_path / "draft.md").write_text(MARKDOWN_DRAFT, encoding="utf-8")
    if manifest:
        (tmp_path / "manifest.csv").write_text(manifest, encoding="utf-8")
    [article] = load_paths([tmp_path])
    assert (article.source, article.title, article.date) == (source, "Rates rise again", "2023-03-20")


def test_markdown_is_read_as_a_reader_sees_it_at_the_files_own_offsets(tmp_path: Path) -> None:
    (tmp_path / "draft.md").write_text(MARKDOWN_DRAFT, encoding="utf-8")
    [article] = load_paths([tmp_path / "draft.md"])
    text = article.text
    assert len(text) == len(MARKDOWN_DRAFT) and article.layout == MARKDOWN_DRAFT
    for hidden in ("title:", "---", "iframe", "editor:", "**", "https://", "# "):
        assert hidden not in text
    for shown in ("Rates rise again", "Western governments", "Reuters", "Read more:", "Rates explained"):
        assert text.index(shown) == MARKDOWN_DRAFT.rindex(shown)  # the front matter held the title too
    assert "urged it to hold rates" in text  # a soft line break reads as a space: one paragraph


def test_score_and_lint_show_the_same_evidence_on_a_markdown_draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quality import analyze
    from quality.config import Config
    from quality.lint import LintOptions, lint, resolve

    (tmp_path / "draft.md").write_text(MARKDOWN_DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    [scored] = analyze(list(load_paths(["draft.md"])))
    linted = lint(["draft.md"], resolve(Config(), LintOptions())).findings
    assert scored.findings, "the draft should give some evidence"
    assert sorted((f.rule, f.line, f.col) for f in scored.findings) == sorted((f.rule, f.line, f.col) for f in linted)


def test_jsonl_malformed_line_becomes_error_row_with_line_number(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "Good.", "source": "s"}) + "\n{not json\n" + json.dumps({"text": 5}) + "\n", encoding="utf-8")
    items = list(load_paths([path]))
    assert isinstance(items[0], Article) and items[0].id == "a.jsonl:1"
    assert isinstance(items[1], LoadError) and "a.jsonl:2" in items[1].message and "malformed JSON" in items[1].message
    assert isinstance(items[2], LoadError) and "not a string" in items[2].message


def test_csv_with_custom_columns(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    pd.DataFrame({"body": ["One.", "Two."], "outlet": ["p", "q"], "key": ["k1", "k2"]}).to_csv(path, index=False)
    items = list(load_paths([path], Columns(text="body", source="outlet", id="key")))
    assert [(i.id, i.source, i.text) for i in items] == [("k1", "p", "One."), ("k2", "q", "Two.")]


def test_csv_without_text_column_is_one_error_naming_the_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("text;source\nOne.;p\n", encoding="utf-8")
    [item] = load_paths([path])
    assert isinstance(item, LoadError) and "delimiter" in item.message


def test_parquet(tmp_path: Path) -> None:
    path = tmp_path / "a.parquet"
    pd.DataFrame({"text": ["One."], "source": ["p"]}).to_parquet(path)
    [item] = load_paths([path])
    assert isinstance(item, Article) and item.id == "a.parquet:1"


@pytest.mark.parametrize("make", ["missing", "empty-folder"])
def test_nothing_to_read_is_an_error_row(tmp_path: Path, make: str) -> None:
    target = tmp_path / "nope" if make == "missing" else tmp_path
    [item] = load_paths([target])
    assert isinstance(item, LoadError)


def test_undecodable_file_is_an_error_row_and_others_still_load(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Café".encode("latin-1"))
    (tmp_path / "b.txt").write_text("Fine.", encoding="utf-8")
    items = list(load_paths([tmp_path]))
    assert isinstance(items[0], LoadError) and "UTF-8" in items[0].message
    assert isinstance(items[1], Article)


# ------------------------------------------------------------------------------ shards


def _shard_folder(root: Path) -> Path:
    """A corpus split into parts, as Spark, Dask or a scraper writes it."""
    (root / "outlet-b").mkdir(parents=True)
    (root / "part-0.jsonl").write_text(json.dumps({"id": "j1", "source": "outlet-a", "text": "The mayor said the bridge would reopen."}) + "\n", encoding="utf-8")
    (root / "part-1.csv").write_text('source,text\noutlet-a,"Officials said the market would close."\n', encoding="utf-8")
    pd.DataFrame({"text": ["The council voted on Monday.", "Police said two people were hurt."]}).to_parquet(root / "outlet-b" / "part-2.parquet")
    return root


def test_a_folder_of_shards_is_read_as_one_table(tmp_path: Path) -> None:
    items = list(load_paths([_shard_folder(tmp_path / "corpus")], Columns(id="id")))
    assert [(item.id, item.source) for item in items] == [
        ("outlet-b/part-2.parquet:1", "outlet-b"),  # no source column: the first folder names it
        ("outlet-b/part-2.parquet:2", "outlet-b"),
        ("j1", "outlet-a"),
        ("part-1.csv:1", "outlet-a"),  # no id column in this shard: file and row
    ] and all(isinstance(item, Article) for item in items)


SHARD_CASES = [
    # (files in the folder, what is read)
    ({"a.txt": "The mayor said so.", "labels.csv": "file,label\na.txt,ok\n"}, ["a.txt"]),  # tables beside articles are metadata
    ({"manifest.csv": "file,source\n", "part.jsonl": '{"text": "The mayor said so."}\n'}, ["part.jsonl:1"]),  # a manifest is never a shard
    ({"part.csv": "body\nThe mayor said so.\n"}, ["part.csv"]),  # no text column: one error row naming the shard
]


def test_a_shard_that_is_a_fifo_is_an_error_row_not_a_hang(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "part-1.jsonl")
    (tmp_path / "part-0.jsonl").write_text('{"text": "The mayor said so."}\n', encoding="utf-8")
    items = list(load_paths([tmp_path]))
    assert [type(item).__name__ for item in items] == ["Article", "LoadError"] and items[1].id == "part-1.jsonl"


@pytest.mark.parametrize(("files", "read"), SHARD_CASES, ids=["text-beside-tables", "manifest", "no-text-column"])
def test_which_tables_of_a_folder_are_shards(tmp_path: Path, files: dict[str, str], read: list[str]) -> None:
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    items = list(load_paths([tmp_path]))
    assert [item.id for item in items] == read
    if read == ["part.csv"]:
        assert isinstance(items[0], LoadError) and "'text'" in items[0].message, items[0]
