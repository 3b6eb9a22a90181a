"""Streaming: a corpus read a chunk at a time gives exactly what the whole batch gives.

The CLI's local engine streams (``quality.stream``); these tests hold it to the in-memory
pipeline (``quality.analyze``) and the in-memory writers (``write_frame``), byte for byte,
with chunks small enough that every table, summary and id rename crosses chunk borders.
"""

from __future__ import annotations

import io
import json
import sys
import warnings
from typing import Any
from pathlib import Path

import pandas as pd
import pytest

import quality.stream
from quality.cli import main
from quality.frame import ArticleTable, article_rows, finding_rows
from quality.load import Columns, load_paths
from quality.model import Article
from quality.output import TableWriter, write_frame
from quality.pipeline import DuplicateIdWarning, IdIndex, IdRenamer, LoadError, analyze, unique_ids
from quality.rules import RULES
from quality.scoring import SourceTotals, source_report
from quality.stream import RunningMerge, Spill, stream_results

SAMPLE = Path(__file__).resolve().parents[1] / "sample_corpus"


def _mixed_items() -> list[Article | LoadError]:
    """The sample corpus, rule examples from three outlets, and every kind of row that is
    not an article: an unreadable item, an empty text, and ids that repeat (one repeat's
    natural rename, ``k#2``, is taken by a later article)."""
    items: list[Article | LoadError] = list(load_paths([SAMPLE]))
    examples = RULES.example_texts()
    items += [Article(id=f"ex{n}", source=f"outlet-{n % 3}", text=text) for n, text in enumerate(examples[:40])]
    items += [
        LoadError(id="broken", source="outlet-0", message="broken.jsonl:3: malformed JSON"),
        Article(id="k", source="outlet-1", text=examples[0]),
        Article(id="blank", source="outlet-2", text="   \n"),
        Article(id="k", source="outlet-2", text=examples[1]),
        Article(id="k#2", source="outlet-0", text=examples[2]),
        Article(id="k", source="outlet-0", text=examples[3]),
    ]
    return items


@pytest.fixture(scope="module")
def mixed() -> tuple[list[Article | LoadError], list]:
    items = _mixed_items()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DuplicateIdWarning)
        return items, analyze(items)


@pytest.mark.parametrize("chunk", [1, 7, 32, 10_000])
def test_streamed_results_equal_the_whole_batchs(mixed: tuple[list, list], chunk: int) -> None:
    items, whole = mixed
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DuplicateIdWarning)
        chunks = list(stream_results(lambda: iter(items), chunk=chunk))
    assert all(len(c) <= chunk for c in chunks)
    assert [r for c in chunks for r in c] == whole


def test_streaming_in_a_worker_pool_gives_the_same_results(mixed: tuple[list, list]) -> None:
    items, whole = mixed
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DuplicateIdWarning)
        chunks = list(stream_results(lambda: iter(items), workers=2, chunk=9))
    assert [r for c in chunks for r in c] == whole


@pytest.mark.parametrize("workers", [1, 2])
def test_summaries_written_out_to_files_give_the_same_results(mixed: tuple[list, list], workers: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The run writes a large corpus summary's records to its temporary folder (here from the
    third article on), its names and line counts to SQLite files there and the story signatures
    to signature files; the apply step, in this process or in workers, reads them back."""
    from quality.detectors.boilerplate import BoilerplateDetector
    from quality.detectors.stories.summary import StorySummary
    from quality.detectors.translation.consensus import ConsensusSummary
    from quality.detectors.translation.name_store import StoredNames
    from quality.detectors.translation.names import NameSummary

    items, whole = mixed
    monkeypatch.setattr(ConsensusSummary, "held_articles", 2)
    monkeypatch.setattr(NameSummary, "held_articles", 2)
    monkeypatch.setattr(BoilerplateDetector, "held_articles", 2)
    monkeypatch.setattr(StorySummary, "held_articles", 2)
    stored_names = []
    store = StoredNames.merged.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(StoredNames, "merged", classmethod(lambda cls, parts: stored_names.append(1) or store(cls, parts)))
    written = []  # after each merge: how many of the summary's articles are in record files
    write_out = ConsensusSummary._write_out

    def counted_write_out(summary: ConsensusSummary) -> None:
        write_out(summary)
        written.append(summary.records.written_out())

    monkeypatch.setattr(ConsensusSummary, "_write_out", counted_write_out)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DuplicateIdWarning)
        chunks = list(stream_results(lambda: iter(items), workers=workers, chunk=5))
    assert [r for c in chunks for r in c] == whole
    assert max(written) > 40  # most of the corpus was read back from files
    assert stored_names  # and the names from an SQLite file


def test_an_input_that_changes_between_its_two_reads_is_refused() -> None:
    from quality.stream import InputChanged

    reads = iter([[Article(id="a", source="s", text="One.")], [Article(id="a", source="s", text="One."), Article(id="b", source="s", text="Two.")]])
    with pytest.raises(InputChanged, match="'b' was not there the first time"):
        list(stream_results(lambda: next(reads)))
    reads = iter([[Article(id="a", source="s", text="One."), Article(id="b", source="s", text="Two.")], [Article(id="a", source="s", text="One.")]])
    with pytest.raises(InputChanged, match="2 articles the first time, 1 the second"):
        list(stream_results(lambda: next(reads)))


def test_streaming_warns_once_about_the_renamed_ids(mixed: tuple[list, list]) -> None:
    items, whole = mixed
    with pytest.warns(DuplicateIdWarning, match=r"2 duplicate id\(s\) renamed .*'k' → 'k#3'; 'k' → 'k#4'"):
        list(stream_results(lambda: iter(items), chunk=5))
    assert [r.article.id for r in whole[-6:]] == ["broken", "k", "blank", "k#3", "k#2", "k#4"]


# Ids in input order -> the ids a run gives them: the first use keeps its id, a repeat takes
# the next free suffix, skipping names the input uses anywhere, even later.
RENAMES = [
    (["a", "b", "c"], ["a", "b", "c"]),
    (["a", "a", "a"], ["a", "a#2", "a#3"]),
    (["k", "k", "k#2", "m"], ["k", "k#3", "k#2", "m"]),
    (["k#2", "k", "k"], ["k#2", "k", "k#3"]),
    (["x", "x#2", "x", "x#3", "x"], ["x", "x#2", "x#4", "x#3", "x#5"]),
    (["", ""], ["", "#2"]),
]


@pytest.mark.parametrize(("ids", "expected"), RENAMES)
def test_ids_are_renamed_one_at_a_time_as_the_whole_batch_renames_them(ids: list[str], expected: list[str]) -> None:
    renamer = IdRenamer(IdIndex(ids))
    assert [renamer(i) for i in ids] == expected
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DuplicateIdWarning)
        assert unique_ids(ids, [None] * len(ids)) == expected


def test_an_id_index_knows_the_ids_and_which_repeat() -> None:
    index = IdIndex(["a", "b", "a", "c", "c", "c"])
    assert index.size == 6 and "b" in index and "d" not in index
    assert index.repeated == {hash("a"), hash("c")}


def test_a_running_merge_equals_merging_everything_at_once(mixed: tuple[list, list]) -> None:
    from quality.pipeline import build_detectors, corpus_summaries, detect_stage, unique_articles
    from quality.config import Config

    items, _ = mixed
    detectors = build_detectors(Config())
    translation = next(d for d in detectors if d.name == "translation")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DuplicateIdWarning)
        staged = detect_stage(unique_articles(items), detectors, Config())
    whole = translation.merge(corpus_summaries(translation, staged)[0])
    running = RunningMerge(translation)
    for k in range(0, len(staged), 5):
        running.add(corpus_summaries(translation, staged[k : k + 5])[0])
    merged, error = running.result()
    assert error is None
    assert merged.names == whole.names
    assert _versions(merged.versions) == _versions(whole.versions)


def _versions(summary: Any) -> tuple[list, list, list]:
    """What a consensus summary holds: ids, sources and each article's words, in order."""
    return summary.ids, summary.sources, [summary.lines_at(k) for k in range(len(summary))]


@pytest.mark.parametrize("memory", [0, 2_000, 1 << 20], ids=["on-disk", "moves-to-disk", "in-memory"])
def test_a_spill_gives_back_what_it_was_given_in_order(memory: int) -> None:
    values = [{"n": n, "text": "é" * n} for n in range(50)] + [None, [], pd.DataFrame({"a": [1]})]
    with Spill(memory) as spill:
        for value in values:
            spill.append(value)
        back = list(spill)
        again = list(spill)  # it can be read again
    assert back[:-1] == values[:-1] == again[:-1] and back[-1].equals(values[-1])


def test_a_temporary_file_the_disk_refuses_is_an_output_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from quality.output import OutputError

    class FullDisk(io.BytesIO):
        def write(self, data: bytes) -> int:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(quality.stream.tempfile, "TemporaryFile", lambda **kwargs: FullDisk())
    with Spill(memory=0) as spill, pytest.raises(OutputError, match="cannot write the run's temporary files: No space left on device"):
        spill.append("x")


@pytest.mark.parametrize("chunk", [1, 4, 1000])
def test_source_totals_give_the_same_report_however_the_table_is_cut(mixed: tuple[list, list], chunk: int) -> None:
    _, whole = mixed
    table = article_rows(whole)
    totals = SourceTotals()
    for k in range(0, len(table), chunk):
        totals.add(table.iloc[k : k + chunk])
    pd.testing.assert_frame_equal(totals.report(), source_report(table))


def test_an_article_table_made_of_chunks_is_the_whole_table(mixed: tuple[list, list]) -> None:
    _, whole = mixed
    chunks = [article_rows(whole[k : k + 6]) for k in range(0, len(whole), 6)]
    table = ArticleTable()
    for frame in chunks:
        table.add(frame)
    expected = article_rows(whole)
    parts = [table.conform(frame) for frame in chunks]
    assert [list(p.columns) for p in parts] == [list(expected.columns)] * len(parts)
    assert "".join(p.to_csv(index=False, header=k == 0) for k, p in enumerate(parts)) == expected.to_csv(index=False)


# --- the command line -----------------------------------------------------------------------------------


@pytest.fixture()
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 4 articles, so that the sample corpus crosses seven chunk borders."""
    monkeypatch.setattr(quality.stream, "STREAM_CHUNK", 4)


def _cli(*argv: str) -> tuple[int, str, str]:
    from contextlib import redirect_stderr, redirect_stdout

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def sample_results() -> list:
    return analyze(load_paths([SAMPLE], Columns()))


def _written(frame: pd.DataFrame, fmt: str, path: Path) -> bytes:
    write_frame(frame, fmt, path=str(path))
    return path.read_bytes()


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_streamed_tables_are_the_whole_runs_byte_for_byte(small_chunks: None, sample_results: list, tmp_path: Path, fmt: str) -> None:
    for command, expected in (
        (["score", "--articles"], article_rows(sample_results)),
        (["findings"], finding_rows(sample_results)),
        (["score"], source_report(article_rows(sample_results))),
    ):
        out = tmp_path / f"out.{fmt}"
        code, _, err = _cli(*command, str(SAMPLE), "--format", fmt, "-o", str(out))
        assert code == 0, err
        assert out.read_bytes() == _written(expected, fmt, tmp_path / f"expected.{fmt}"), command


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_tables_for_people_from_chunks_are_the_whole_runs(small_chunks: None, sample_results: list, fmt: str) -> None:
    from quality.terminal import ARTICLE_COLUMNS, finding_lines, frame_table, terminal_width

    for command, expected, drawn in (
        (["score", "--articles"], article_rows(sample_results), lambda f: frame_table(f, columns=ARTICLE_COLUMNS, width=terminal_width())),
        (["findings"], finding_rows(sample_results), finding_lines),
    ):
        code, out, err = _cli(*command, str(SAMPLE), "--format", fmt)
        whole = io.StringIO()
        write_frame(expected, fmt, whole, table=drawn)
        assert code == 0 and out == whole.getvalue(), command


def test_streamed_parquet_holds_the_whole_runs_table(small_chunks: None, sample_results: list, tmp_path: Path) -> None:
    for command, expected in ((["score", "--articles"], article_rows(sample_results)), (["findings"], finding_rows(sample_results))):
        out = tmp_path / "out.parquet"
        code, _, err = _cli(*command, str(SAMPLE), "-o", str(out))
        assert code == 0, err
        pd.testing.assert_frame_equal(pd.read_parquet(out), pd.read_parquet(io.BytesIO(_written(expected, "parquet", tmp_path / "e.parquet"))))


def test_findings_statistics_from_chunks(small_chunks: None, sample_results: list) -> None:
    from quality.cli import rule_statistics

    code, out, _ = _cli("findings", str(SAMPLE), "--statistics", "--format", "csv")
    assert code == 0
    assert out == rule_statistics(finding_rows(sample_results)).to_csv(index=False, lineterminator="\n")


def test_standard_input_is_read_as_jsonl_named_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"id": f"r{n}", "source": "wire", "text": f"Officials said on Monday that talks would resume in round {n}."} for n in range(3)]
    data = "".join(json.dumps(row) + "\n" for row in rows) + "{broken\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    code, out, err = _cli("score", "-", "--articles", "--format", "jsonl")
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == [f"stdin.jsonl:{n}" for n in (1, 2, 3, 4)]
    assert "stdin.jsonl:4: malformed JSON" in err
    assert "quality: read 4, scored 3, errors 1" in err


def test_standard_input_takes_its_format_from_the_stdin_filename(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "text,source\nOfficials said on Monday that talks would resume.,wire\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    code, out, _ = _cli("findings", "-", "--stdin-filename", "feed.csv", "--format", "csv")
    assert code == 0 and out.startswith("id,source,detector")


# --- the table writer ---------------------------------------------------------------------------------


def test_a_parquet_column_empty_in_the_first_chunks_takes_the_type_of_its_first_value(tmp_path: Path) -> None:
    out = tmp_path / "t.parquet"
    with TableWriter("parquet", path=str(out)) as writer:
        writer.add(pd.DataFrame({"id": ["a"], "suggestion": [None]}))
        writer.add(pd.DataFrame({"id": ["b", "c"], "suggestion": [None, "It"]}))
    back = pd.read_parquet(out)
    assert list(back["id"]) == ["a", "b", "c"] and back["suggestion"].tolist()[2] == "It"


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "markdown"])
def test_a_table_without_rows_is_its_columns(tmp_path: Path, fmt: str) -> None:
    empty = pd.DataFrame(columns=["id", "rule"])
    out = tmp_path / f"t.{fmt}"
    with TableWriter(fmt, path=str(out)) as writer:
        writer.add(empty)
    assert out.read_bytes() == _written(empty, fmt, tmp_path / f"e.{fmt}")


def test_a_failed_run_leaves_the_output_file_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    out.write_text("before\n")
    with pytest.raises(RuntimeError), TableWriter("csv", path=str(out)) as writer:
        writer.add(pd.DataFrame({"a": [1]}))
        raise RuntimeError("interrupted")
    assert out.read_text() == "before\n"
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


@pytest.mark.parametrize("held_at_most", [0, 2, 100], ids=["every-part-written", "large-parts-written", "all-held"])
def test_placed_records_read_back_in_order_however_they_were_joined_and_written(tmp_path: Path, held_at_most: int) -> None:
    """Records joined from parts (some written out to files, some held) and written out again
    read back by position as they were added, files shared by parts counted once."""
    from quality.detectors._records import PlacedRecords

    parts = []
    for start, size in [(0, 1), (1, 3), (4, 2), (6, 4)]:
        part = PlacedRecords()
        for n in range(start, start + size):
            part.append({"n": n, "words": ("é",) * n})
        part.write_out(str(tmp_path), held_at_most)
        parts.append(part)
    inner = PlacedRecords.joined(parts[:2])
    joined = PlacedRecords.joined([inner, *parts[2:]])
    joined.write_out(str(tmp_path), held_at_most)
    assert [joined[k]["n"] for k in range(len(joined))] == list(range(10))
    assert joined.written_out() == (10 if held_at_most < 10 else 0)
    assert len(joined.files) == len(set(f.path for f in joined.files)) == len(list(tmp_path.iterdir()))
