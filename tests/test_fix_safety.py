"""``quality fix --write`` never corrupts a file: what it cannot rewrite safely it refuses, with a
message and exit 2, leaving every byte as it was.

Each test names the promise it holds (docs/reliability.md lists them).
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import quality.replace as replace_module
from quality.replace import FileChanged, remove_stale, replace_file, snapshot_of

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


# ------------------------------------------------------------------ replacing a file safely


OLD, NEW = "CafÃ© closed.\n".encode(), "Café closed.\n".encode()


def temporaries(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith(replace_module.TEMPORARY_PREFIX))


def read_file(path: Path):
    data = path.read_bytes()
    return snapshot_of(path, data)


def same_size_other_bytes(path: Path) -> None:
    info = path.stat()
    path.write_bytes(OLD.replace(b"closed", b"opened"))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # even the time put back


# What another program does between our read and our replace; each is caught.
EDITS = [
    ("appended", lambda p: p.write_bytes(OLD + b"An editor's new line.\n")),
    ("same-size-same-time", same_size_other_bytes),
    ("touched", lambda p: os.utime(p, ns=(1, 1))),
]


@pytest.mark.parametrize("edit", [e[1] for e in EDITS], ids=[e[0] for e in EDITS])
def test_a_file_changed_after_it_was_read_is_not_replaced(tmp_path: Path, edit) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(OLD)
    read_as = read_file(path)
    edit(path)
    edited = path.read_bytes()
    with pytest.raises(FileChanged, match="changed since it was read"):
        replace_file(path, NEW, read_as)
    assert path.read_bytes() == edited
    assert temporaries(tmp_path) == []


def test_an_editor_save_during_fix_is_kept_and_reported(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    import quality.fix

    path = tmp_path / "a.txt"
    path.write_bytes(OLD)
    real_fix_text = quality.fix.fix_text

    def fix_text_while_an_editor_saves(text: str, **steps: bool) -> str:
        path.write_bytes(OLD + b"Saved by the editor.\n")
        return real_fix_text(text, **steps)

    monkeypatch.setattr(quality.fix, "fix_text", fix_text_while_an_editor_saves)
    code, _, err = run_cli(capsys, "fix", "--write", str(path))
    assert code == 2
    assert "changed since it was read" in stderr_messages(err, "quality: error: ")[str(path)]
    assert path.read_bytes() == OLD + b"Saved by the editor.\n"


def test_a_writer_still_holding_the_old_file_keeps_what_it_wrote(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(OLD)
    writer = open(path, "ab")  # a program with the file open for writing
    real_replace = os.replace

    def replace_then_the_writer_writes(source, target):
        real_replace(source, target)
        writer.write(b"Written after the rename.\n")
        writer.flush()

    monkeypatch.setattr(replace_module.os, "replace", replace_then_the_writer_writes)
    with pytest.raises(FileChanged, match="its version was kept"):
        replace_file(path, NEW, read_file(path))
    writer.close()
    assert path.read_bytes() == OLD + b"Written after the rename.\n"
    assert temporaries(tmp_path) == []


def test_owner_group_and_mode_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(OLD)
    os.chmod(path, 0o640)
    if os.geteuid() == 0:
        os.chown(path, 1234, 5678)
    before = path.stat()
    replace_file(path, NEW, read_file(path))
    after = path.stat()
    assert path.read_bytes() == NEW
    assert (after.st_uid, after.st_gid, after.st_mode) == (before.st_uid, before.st_gid, before.st_mode)


def test_extended_attributes_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(OLD)
    try:
        os.setxattr(path, "user.origin", b"wire")
    except OSError as exc:
        pytest.skip(f"this file system has no user extended attributes ({exc.strerror})")
    replace_file(path, NEW, read_file(path))
    assert os.getxattr(path, "user.origin") == b"wire"


def test_a_hard_link_is_kept(tmp_path: Path) -> None:
    path, other = tmp_path / "a.txt", tmp_path / "b.txt"
    path.write_bytes(OLD)
    os.link(path, other)
    replace_file(path, NEW, read_file(path))
    assert other.read_bytes() == NEW
    assert path.stat().st_ino == other.stat().st_ino and path.stat().st_nlink == 2


def test_a_read_only_file_is_refused_even_for_root(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(OLD)
    os.chmod(path, 0o444)
    code, _, err = run_cli(capsys, "fix", "--write", str(path))
    assert code == 2
    assert "read-only (mode 0444)" in stderr_messages(err, "quality: error: ")[str(path)]
    assert path.read_bytes() == OLD


@pytest.mark.parametrize("command", [("fix", "--write"), ("lint", "--fix")], ids=["fix", "lint-fix"])
def test_a_link_leading_outside_the_folder_is_never_followed_to_write(tmp_path: Path, capsys, monkeypatch, command) -> None:
    outside = tmp_path / "elsewhere.txt"
    outside.write_bytes(OLD)
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "inside.txt").write_bytes(OLD)
    (repo / "link.txt").symlink_to(outside)
    monkeypatch.chdir(repo)
    code, _, err = run_cli(capsys, command[0], command[1], ".")
    assert code == 2
    assert "a link leading outside" in err
    assert outside.read_bytes() == OLD
    assert (repo / "inside.txt").read_bytes() == NEW


def test_a_link_named_on_the_command_line_is_followed(tmp_path: Path, capsys) -> None:
    target = tmp_path / "target.txt"
    target.write_bytes(OLD)
    (tmp_path / "link.txt").symlink_to(target)
    assert run_cli(capsys, "fix", "--write", str(tmp_path / "link.txt"))[0] == 0
    assert target.read_bytes() == NEW and (tmp_path / "link.txt").is_symlink()


@pytest.mark.parametrize("length", [240, 246, 251])
def test_a_long_name_can_be_fixed(tmp_path: Path, capsys, length: int) -> None:
    path = tmp_path / ("é" * ((length - 4) // 2) + "x" * ((length - 4) % 2) + ".txt")
    assert len(os.fsencode(path.name)) == length
    path.write_bytes(OLD)
    assert run_cli(capsys, "fix", "--write", str(path))[0] == 0
    assert path.read_bytes() == NEW


@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupt_while_writing_leaves_no_temporary(tmp_path: Path, signal_number: int) -> None:
    """The signal arrives while the temporary exists (at its fsync); it takes effect after."""
    path = tmp_path / "a.txt"
    path.write_bytes(OLD)
    script = f"""
import os, signal
from pathlib import Path
import quality.replace as r
real_fsync = os.fsync
def fsync_then_signal(fd):
    os.kill(os.getpid(), {int(signal_number)})
    real_fsync(fd)
r.os.fsync = fsync_then_signal
path = Path({str(path)!r})
r.replace_file(path, {NEW!r}, r.snapshot_of(path, path.read_bytes()))
print("not stopped")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=Path(__file__).parents[1], timeout=60)
    assert "not stopped" not in done.stdout
    assert done.returncode != 0
    assert temporaries(tmp_path) == []
    assert path.read_bytes() in (OLD, NEW)  # whole, old or new


def test_a_killed_runs_temporary_is_removed_and_reported_a_live_runs_kept(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_bytes(OLD)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    stale = tmp_path / f".quality-{dead}-0123456789abcdef-a.txt.tmp"
    live = tmp_path / f".quality-{os.getpid()}-0123456789abcdef-a.txt.tmp"
    stale.write_bytes(b"")
    live.write_bytes(b"")
    code, _, err = run_cli(capsys, "fix", "--write", str(tmp_path))
    assert code == 0
    assert f"quality: removed {stale}, a temporary file left by an interrupted run" in err
    assert not stale.exists() and live.exists()
    assert remove_stale(tmp_path) == []
