"""Hostile input through ``quality fix``: every file that can be read is still fixed; every path
that cannot gets one ``quality: error: PATH: MESSAGE`` line and the run exits 2 at the end; no
byte is written to a file that was not decoded strictly; a repair is written back (and shown as
a diff) only in the file's own encoding and byte-order mark, and only when those bytes read back
as the repaired text.

The file cases are those of ``tests/test_hostile_input.py`` (the same table, imported), run
through ``fix`` instead of ``quality score``: ``fix`` reads files as the loader does, so what
``score`` refuses ``fix`` refuses with the same reason. Empty and white-space-only files read
fine and have nothing to repair (``score`` gives them an INP002 row; there is nothing to fix).
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path
from typing import Callable

import pytest

from quality.fix import REPAIR_STEPS, RepairStep, find_text_files, fix_file, register_repair
from quality.textfile import TooLarge
from conftest import run_cli, stderr_messages
from test_hostile_input import FILE_CASES, Case
from test_lint_hostile_input import ENCODINGS

DAMAGED = "Plaza del MaidÃ©n en Kiev\n"  # valid UTF-8 holding mojibake: what `fix` is for
REPAIRED = "Plaza del Maidén en Kiev\n"
EMPTY_CASES = {"empty-file", "whitespace-only"}  # read fine, nothing to repair
UNREADABLE = [c for c in FILE_CASES if c.outcome == "error" and c.name not in EMPTY_CASES]
READABLE = [c for c in FILE_CASES if c.outcome == "scored" or c.name in EMPTY_CASES]
SUMMARY = re.compile(r"^quality: (would fix|fixed) (\d+) of (\d+) files, errors (\d+)$", re.M)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def fix(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    return run_cli(capsys, "fix", *args)


def errors_of(err: str) -> dict[str, str]:
    """``{path: message}`` from the ``quality: error: PATH: MESSAGE`` lines."""
    return stderr_messages(err, "quality: error: ")


def summary_of(err: str) -> tuple[int, int, int]:
    """(changed, read, errors) from the summary line, which every run prints."""
    match = SUMMARY.search(err)
    assert match, err
    return int(match[2]), int(match[3]), int(match[4])


@pytest.fixture
def rewrite_everything():
    """An optional step that would change every file, so that a file left alone was refused,
    not merely clean."""
    step = register_repair(RepairStep("rewrite-all", lambda text: "REWRITTEN " + text if not text.startswith("REWRITTEN ") else text, default=False, help="test"))
    yield "--rewrite-all"
    del REPAIR_STEPS[step.name]


# ----------------------------------------------------------------- the cases of point 1, as files


@pytest.mark.parametrize("write", [False, True], ids=["diff", "write"])
@pytest.mark.parametrize("how", ["named", "folder"])
@pytest.mark.parametrize("case", UNREADABLE, ids=lambda c: c.name)
def test_unreadable_file_is_named_never_written_and_the_rest_is_fixed(workdir: Path, capsys, rewrite_everything: str, case: Case, how: str, write: bool) -> None:
    (workdir / "good.txt").write_text(DAMAGED, encoding="utf-8")
    (workdir / case.filename).write_bytes(case.data())
    before = case.data()
    paths = ["good.txt", case.filename] if how == "named" else ["."]
    code, out, err = fix(capsys, *paths, rewrite_everything, *(["--write"] if write else []))
    assert code == 2
    errors = errors_of(err)
    assert list(errors) == [case.filename] and errors[case.filename].startswith("cannot read: ")
    assert re.search(case.expect, errors[case.filename]), err
    assert (workdir / case.filename).read_bytes() == before  # not a byte written, not even NULs stripped
    assert summary_of(err) == (1, 1, 1)
    if write:
        assert (workdir / "good.txt").read_text(encoding="utf-8") == "REWRITTEN " + REPAIRED and out == ""
    else:
        assert f"+REWRITTEN {REPAIRED}" in out and case.filename not in out
        assert (workdir / "good.txt").read_text(encoding="utf-8") == DAMAGED


@pytest.mark.parametrize("case", READABLE, ids=lambda c: c.name)
def test_readable_unusual_files_are_read_and_left_alone_when_clean(workdir: Path, capsys, case: Case) -> None:
    (workdir / case.filename).write_bytes(case.data())
    code, out, err = fix(capsys, case.filename, "--write")
    assert (code, out, errors_of(err)) == (0, "", {}) and summary_of(err) == (0, 1, 0)
    assert (workdir / case.filename).read_bytes() == case.data()
    result = fix_file(workdir / case.filename)
    assert not result.changed and result.original == (case.expect if case.outcome == "scored" else case.data().decode("utf-8"))


def test_a_short_file_of_c1_mojibake_is_repaired_not_refused_as_binary(workdir: Path, capsys) -> None:
    # C1 controls are Windows-1252 quotes read as Latin-1: a third of this file, but mojibake.
    (workdir / "c1.txt").write_text("He said \u0093no\u0094.", encoding="utf-8")
    code, _, err = fix(capsys, "c1.txt", "--write")
    assert (code, errors_of(err)) == (0, {})
    assert (workdir / "c1.txt").read_text(encoding="utf-8") == "He said \u201cno\u201d."


def test_fix_file_raises_what_the_loader_refuses(workdir: Path) -> None:
    (workdir / "nul.txt").write_bytes(b"Caf\xc3\x83\xc2\xa9\x00 text\n")  # mojibake and a NUL: refused, not repaired
    with pytest.raises(ValueError, match=r"1 NUL byte\(s\), the first at line 1, column 6"):
        fix_file(workdir / "nul.txt")
    (workdir / "long.txt").write_text("x" * 11, encoding="utf-8")
    with pytest.raises(TooLarge, match="11 characters is over the limit of 10"):
        fix_file(workdir / "long.txt", max_chars=10)
    assert fix_file(workdir / "long.txt", max_chars=None).original == "x" * 11
    with pytest.raises(FileNotFoundError):
        fix_file(workdir / "missing.txt")


# ----------------------------------------------------------------- paths that give no file


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize(
    ("make", "path", "message"),
    [
        (None, "nope.txt", "no such file or folder"),
        ("empty-folder", "empty-folder", r"no text files \(\.txt, \.md, \.markdown, \.mdown, \.mkd\) in this folder"),
        ("other-folder", "other-folder", r"no text files \(\.txt, \.md, \.markdown, \.mdown, \.mkd\) in this folder"),
        ("fifo", "pipe.txt", "not a regular file"),  # reading a FIFO would wait forever
        ("broken-link", "dangling.md", "a broken symbolic link"),
    ],
    ids=["missing", "empty-folder", "folder-of-other-files", "fifo", "broken-link"],
)
def test_path_without_files_is_named_and_exits_2(workdir: Path, capsys, make: str | None, path: str, message: str) -> None:
    if make in ("empty-folder", "other-folder"):
        (workdir / make).mkdir()
        if make == "other-folder":
            (workdir / make / "notes.pdf").write_bytes(b"%PDF-1.4")
            (workdir / make / ".hidden.md").write_text(DAMAGED, encoding="utf-8")  # hidden files are skipped
    elif make == "fifo":
        os.mkfifo(workdir / path)
    elif make == "broken-link":
        (workdir / path).symlink_to(workdir / "gone.md")
    (workdir / "good.txt").write_text(DAMAGED, encoding="utf-8")
    code, out, err = fix(capsys, "good.txt", path, "--write")
    errors = errors_of(err)
    assert code == 2 and list(errors) == [path] and re.fullmatch(message, errors[path])
    assert (workdir / "good.txt").read_text(encoding="utf-8") == REPAIRED
    assert summary_of(err) == (1, 1, 1)


def test_unreadable_folder_is_named(workdir: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    """Listing a folder can fail (permissions; root, which runs CI containers, reads every folder,
    so the failure is simulated where the walk reports it)."""
    import quality.load

    (workdir / "articles" / "locked").mkdir(parents=True)
    (workdir / "articles" / "good.txt").write_text(DAMAGED, encoding="utf-8")
    real_walk = quality.load._walk

    def walk(root: Path):
        files, failures = real_walk(root)
        return files, [*failures, (root / "locked", PermissionError(13, "Permission denied"))]

    monkeypatch.setattr(quality.load, "_walk", walk)  # the walk every command's folder listing uses
    code, out, err = fix(capsys, "articles", "--write")
    assert code == 2 and errors_of(err) == {"articles/locked": "cannot read folder: Permission denied"}
    assert (workdir / "articles" / "good.txt").read_text(encoding="utf-8") == REPAIRED


def test_find_text_files_walks_folders_once_each(workdir: Path) -> None:
    (workdir / "a" / "b").mkdir(parents=True)
    for name in ["a/b/z.md", "a/x.txt", "a/skip.csv", "a/.hidden.txt", "a/notes.text"]:
        (workdir / name).write_text("text\n", encoding="utf-8")
    (workdir / "a" / "loop").symlink_to(workdir / "a")  # followed once, not forever
    files, problems = find_text_files(["a", "a/x.txt", "a/notes.text", "a/skip.csv"])
    assert [p.as_posix() for p in files] == ["a/b/z.md", "a/x.txt", "a/notes.text"]  # a named file, whatever its suffix ...
    assert [p.path for p in problems] == ["a/skip.csv"]  # ... but a table


def test_a_file_name_with_a_newline_stays_on_one_stderr_line(workdir: Path, capsys) -> None:
    (workdir / "two\nlines.txt").write_bytes(b"\xff")
    code, _, err = fix(capsys, "two\nlines.txt")
    assert code == 2 and err.splitlines()[0].startswith("quality: error: two\\nlines.txt: cannot read: not valid UTF-8")
    assert len(err.splitlines()) == 2  # the error and the summary


# ----------------------------------------------------------------- the batch


@pytest.mark.parametrize("write", [False, True], ids=["diff", "write"])
def test_a_batch_with_bad_files_still_fixes_the_others(workdir: Path, capsys, write: bool) -> None:
    """Every hostile case at once, in a folder, between files with mojibake to repair."""
    (workdir / "batch").mkdir()
    for index, case in enumerate(FILE_CASES):
        (workdir / "batch" / f"{index:02d}-{case.filename}").write_bytes(case.data())
    damaged = {"batch/00-first.txt": DAMAGED, "batch/50-middle.md": "The cafÃ© reopened.\r\n", "batch/99-last.txt": "The minister said \x93no\x94 to the plan on Monday.\n"}
    repaired = {"batch/00-first.txt": REPAIRED, "batch/50-middle.md": "The café reopened.\r\n", "batch/99-last.txt": "The minister said “no” to the plan on Monday.\n"}
    for name, text in damaged.items():
        (workdir / name).write_bytes(text.encode("utf-8"))
    code, out, err = fix(capsys, "batch", "nope.md", *(["--write"] if write else []))
    unreadable = {f"batch/{i:02d}-{c.filename}" for i, c in enumerate(FILE_CASES) if c in UNREADABLE}
    assert code == 2 and set(errors_of(err)) == unreadable | {"nope.md"}
    readable = len(FILE_CASES) - len(UNREADABLE) + len(damaged)
    assert summary_of(err) == (len(damaged), readable, len(unreadable) + 1)
    for index, case in enumerate(FILE_CASES):
        assert (workdir / "batch" / f"{index:02d}-{case.filename}").read_bytes() == case.data()
    for name in damaged:
        on_disk = (workdir / name).read_bytes().decode("utf-8")
        if write:
            assert on_disk == repaired[name]
        else:
            assert on_disk == damaged[name] and f"--- {name}\n+++ {name}\n" in out


# ----------------------------------------------------------------- writing back


# A character outside the Basic Multilingual Plane, CRLF line ends and two kinds of mojibake:
# the write-back must keep every one of them as the file had it.
WIDE_TEXT = "A first paragraph \U0001f4f0 of the story.\r\nPlaza del MaidÃ©n en Kiev, said \x93the ministry\x94.\r\n"
WIDE_FIXED = "A first paragraph \U0001f4f0 of the story.\r\nPlaza del Maidén en Kiev, said “the ministry”.\r\n"
WRITE_ENCODINGS = [*ENCODINGS, ("utf-32-le", lambda text: text.encode("utf-32-le")), ("utf-32-be-bom", lambda text: text.encode("utf-32"))]


@pytest.mark.parametrize(("name", "encode"), WRITE_ENCODINGS, ids=[e[0] for e in WRITE_ENCODINGS])
def test_write_back_keeps_the_file_encoding_and_bom(workdir: Path, capsys, name: str, encode: Callable[[str], bytes]) -> None:
    path = workdir / "story.txt"
    path.write_bytes(encode(WIDE_TEXT))
    code, out, err = fix(capsys, "story.txt")
    assert code == 1 and path.read_bytes() == encode(WIDE_TEXT)  # the diff changes nothing; 1: it would
    assert "-Plaza del MaidÃ©n en Kiev, said \x93the ministry\x94.\r\n+Plaza del Maidén en Kiev, said “the ministry”.\r\n" in out
    code, out, err = fix(capsys, "story.txt", "--write")
    assert (code, out) == (0, "") and summary_of(err) == (1, 1, 0)
    assert path.read_bytes() == encode(WIDE_FIXED)  # same codec, BOM kept or not added, CRLF kept
    assert fix(capsys, "story.txt")[1] == ""  # nothing left to fix


def test_write_back_keeps_permissions_and_symbolic_links(workdir: Path, capsys) -> None:
    (workdir / "real.txt").write_text(DAMAGED, encoding="utf-8")
    os.chmod(workdir / "real.txt", 0o640)
    (workdir / "link.txt").symlink_to("real.txt")
    assert fix(capsys, "link.txt", "--write")[0] == 0
    assert (workdir / "link.txt").is_symlink() and (workdir / "real.txt").read_text(encoding="utf-8") == REPAIRED
    assert (workdir / "real.txt").stat().st_mode & 0o777 == 0o640
    assert [p.name for p in workdir.iterdir() if p.name.startswith(".")] == []  # no temporary file left


ENTITIES_ONLY = "&#20140;" * 40  # mostly ASCII, so BOM-less UTF-16 is recognised by its NULs ...
STORY = "The story: " + DAMAGED  # the hostile steps below act on files holding "story" only


@pytest.mark.parametrize(
    ("name", "data", "step", "reason"),
    [
        # ... until the entities are decoded to Chinese: written BOM-less, the next run would not know the file
        ("bomless-utf16-lost", ENTITIES_ONLY.encode("utf-16-le"), None, r"would not read back as utf-16-le: not valid UTF-8"),
        ("nul", STORY.encode("utf-8"), lambda t: t.replace("story", "st\x00ory"), r"would not read back as utf-8: contains 1 NUL"),
        ("new-bom", STORY.encode("utf-8"), lambda t: "\ufeff" + t if t.startswith("The story") else t, r"would start with U\+FEFF, which the next read takes for a byte-order mark"),
        ("lone-surrogate", STORY.encode("utf-16"), lambda t: t.replace("story", "st\ud800ory"), r"cannot be written as utf-16-le: surrogates not allowed"),
    ],
    ids=["bomless-utf16-lost", "nul", "new-bom", "lone-surrogate"],
)
@pytest.mark.parametrize("write", [False, True], ids=["diff", "write"])
def test_repair_that_would_not_read_back_is_refused(workdir: Path, capsys, name: str, data: bytes, step, reason: str, write: bool) -> None:
    args = ["story.txt", "good.txt", *(["--write"] if write else [])]
    if step is not None:
        register_repair(RepairStep("hostile-step", step, default=False, help="test"))
        args.append("--hostile-step")
    try:
        (workdir / "story.txt").write_bytes(data)
        (workdir / "good.txt").write_bytes(codecs.BOM_UTF16_LE + DAMAGED.encode("utf-16-le"))
        code, out, err = fix(capsys, *args)
    finally:
        REPAIR_STEPS.pop("hostile-step", None)
    assert code == 2 and (workdir / "story.txt").read_bytes() == data
    message = errors_of(err)["story.txt"]
    assert message.startswith("repair not applied, the file is unchanged: ") and re.search(reason, message), message
    assert "story.txt" not in out  # no diff offered for a repair that would be refused
    assert summary_of(err) == (1, 2, 1)
    good = (workdir / "good.txt").read_bytes()
    assert good == codecs.BOM_UTF16_LE + (REPAIRED if write else DAMAGED).encode("utf-16-le")  # the other file is fixed


def test_mojibake_in_valid_utf8_is_still_repaired_and_stray_controls_removed(workdir: Path, capsys) -> None:
    """The strict read refuses damaged files, not damaged text: mojibake, HTML entities, C1 and
    a few stray C0 controls in a valid UTF-8 file are repaired as before."""
    text = "The cafÃ© reopened &amp; Plaza del Maid谩n\x1a.\nIt doesnÃ¢â‚¬â„¢t close.\n"
    (workdir / "a.txt").write_text(text, encoding="utf-8")
    assert fix(capsys, "a.txt", "--write")[0] == 0
    assert (workdir / "a.txt").read_text(encoding="utf-8") == "The café reopened & Plaza del Maidán.\nIt doesn’t close.\n"


# ----------------------------------------------------------------- size limit


@pytest.mark.parametrize(
    ("size", "outcome"),
    [(1_000, "fixed"), (1_001, "refused after decoding"), (4_005, "refused from its size")],
)
def test_size_limit_applies_to_fix(workdir: Path, capsys, size: int, outcome: str) -> None:
    """A 50 MB file, scaled down: the limit is the same ``max_article_chars`` as for `score`."""
    data = ("cafÃ© " + "x" * (size - 7) + ".").encode("utf-8")
    (workdir / "big.txt").write_bytes(data)
    (workdir / "good.txt").write_text(DAMAGED, encoding="utf-8")
    code, out, err = fix(capsys, "big.txt", "good.txt", "--max-article-chars", "1000", "--write")
    assert (workdir / "good.txt").read_text(encoding="utf-8") == REPAIRED  # the other file is fixed
    if outcome == "fixed":
        assert code == 0 and (workdir / "big.txt").read_text(encoding="utf-8").startswith("café x")
        return
    message = errors_of(err)["big.txt"]
    assert code == 2 and (workdir / "big.txt").read_bytes() == data  # never fixed
    if outcome == "refused after decoding":
        assert message == "article too large: 1,001 characters is over the limit of 1,000 (raise max_article_chars in [tool.quality] or --max-article-chars)"
    else:
        assert message.startswith(f"{len(data):,} bytes hold more than 1,000 characters in any encoding: article too large")


def test_size_limit_from_the_configuration(workdir: Path, capsys) -> None:
    (workdir / "pyproject.toml").write_text("[tool.quality]\nmax_article_chars = 20\n", encoding="utf-8")
    (workdir / "a.txt").write_text("A cafÃ© longer than twenty characters.\n", encoding="utf-8")
    code, _, err = fix(capsys, "a.txt")
    assert code == 2 and "quality: error: a.txt: article too large: 39 characters" in err
    assert fix(capsys, "a.txt", "--max-article-chars", "0")[0] == 1  # 0: no limit, so a diff to apply
