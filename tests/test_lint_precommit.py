"""The pre-commit hook, end to end: pre-commit reads our ``.pre-commit-hooks.yaml``, picks the
drafts by type, runs ``quality lint`` on them and blocks the commit on findings.

Offline by design. The ``quality-lint`` hook (``language: python``) makes pre-commit build a
fresh virtualenv and ``pip install`` the package, which needs a package index (setuptools for
the build, then pandas and the rest), so it cannot run in an offline test. The test drives
``quality-lint-system`` (``language: system``), the same entry run by the quality on ``PATH``;
a small launcher on ``PATH`` runs this source tree's code with the test's interpreter.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pre_commit", reason="pre-commit is a test dependency: pip install -e '.[test]'")
if shutil.which("git") is None:
    pytest.skip("git is needed to drive pre-commit", allow_module_level=True)
if sys.platform == "win32":
    pytest.skip("the launcher on PATH is a POSIX script", allow_module_level=True)

REPO = Path(__file__).resolve().parent.parent
LONG_SENTENCE = " ".join(["The ministry said the visit would go ahead"] * 9) + "."
HOOK = "quality-lint-system"


def _git(cwd: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    launcher = tmp_path / "bin" / "quality"
    launcher.parent.mkdir()
    launcher.write_text(f"#!{sys.executable}\nimport sys\nsys.path.insert(0, {str(REPO)!r})\nfrom quality.cli import main\nsys.exit(main())\n", encoding="utf-8")
    launcher.chmod(0o755)
    return {
        **os.environ,
        "PATH": f"{launcher.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
        "PRE_COMMIT_COLOR": "never",
        "GIT_CONFIG_GLOBAL": os.devnull,  # no user hooksPath or templates
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }


@pytest.fixture
def hook_repo(tmp_path: Path, env: dict[str, str]) -> tuple[Path, str]:
    """A git repository holding our hook manifest, as a user's config would point at ours."""
    repo = tmp_path / "hooks"
    repo.mkdir()
    shutil.copy(REPO / ".pre-commit-hooks.yaml", repo / ".pre-commit-hooks.yaml")
    _git(repo, "init", "-q", env=env)
    _git(repo, "add", ".", env=env)
    _git(repo, "commit", "-q", "-m", "hooks", env=env)
    return repo, _git(repo, "rev-parse", "HEAD", env=env).stdout.strip()


@pytest.fixture
def newsroom(tmp_path: Path, env: dict[str, str]) -> Path:
    """A repository of drafts with one finding (RDB002, info; the project fails on info)."""
    root = tmp_path / "newsroom"
    (root / "drafts").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.quality.lint]\nfail_on = "info"\nselect = ["RDB002"]\n', encoding="utf-8")
    (root / "drafts" / "visit.md").write_text(f"---\ntitle: Visit\nsource: outlet\n---\n\nShort intro.\n\n{LONG_SENTENCE}\n", encoding="utf-8")
    (root / "drafts" / "clean.txt").write_text("A short and clean draft.\n", encoding="utf-8")
    # Not a draft type: pre-commit must not hand it to the hook.
    (root / "build.py").write_text(f"# {LONG_SENTENCE}\n", encoding="utf-8")
    _git(root, "init", "-q", env=env)
    _git(root, "add", ".", env=env)
    return root


def _pre_commit(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_try_repo_runs_the_hook_on_drafts_only(newsroom: Path, hook_repo: tuple[Path, str], env: dict[str, str]) -> None:
    run = _pre_commit(newsroom, env, "try-repo", str(hook_repo[0]), HOOK, "--all-files", "--verbose")
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert "drafts/visit.md:8:1: RDB002 [info] sentence of 72 words (limit 60)" in output
    assert "Found 1 finding (1 info) in 1 of 2 files; failing on info." in output
    assert "build.py" not in output


def test_installed_hook_blocks_the_commit_until_the_draft_is_fixed(newsroom: Path, hook_repo: tuple[Path, str], env: dict[str, str]) -> None:
    repo, rev = hook_repo
    (newsroom / ".pre-commit-config.yaml").write_text(f"repos:\n-   repo: {repo}\n    rev: {rev}\n    hooks:\n    -   id: {HOOK}\n", encoding="utf-8")
    _git(newsroom, "add", ".pre-commit-config.yaml", env=env)
    assert _pre_commit(newsroom, env, "install").returncode == 0

    blocked = subprocess.run(["git", "commit", "-m", "drafts"], cwd=newsroom, env=env, capture_output=True, text=True, timeout=300)
    assert blocked.returncode != 0
    assert "drafts/visit.md:8:1: RDB002" in blocked.stdout + blocked.stderr

    # The editor accepts the long sentence on purpose; the commit then goes through.
    draft = newsroom / "drafts" / "visit.md"
    draft.write_text(draft.read_text(encoding="utf-8").replace(LONG_SENTENCE, "<!-- quality: ignore RDB002 -->\n" + LONG_SENTENCE), encoding="utf-8")
    _git(newsroom, "add", "drafts/visit.md", env=env)
    passed = subprocess.run(["git", "commit", "-m", "drafts"], cwd=newsroom, env=env, capture_output=True, text=True, timeout=300)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_an_unreadable_draft_fails_the_hook_with_exit_2_naming_it(tmp_path: Path, hook_repo: tuple[Path, str], env: dict[str, str]) -> None:
    root = tmp_path / "desk"
    (root / "drafts").mkdir(parents=True)
    (root / "drafts" / "clean.txt").write_text("A short and clean draft.\n", encoding="utf-8")
    (root / "drafts" / "latin1.txt").write_bytes("Le caf\u00e9 est ferm\u00e9.\n".encode("latin-1"))
    _git(root, "init", "-q", env=env)
    _git(root, "add", ".", env=env)
    run = _pre_commit(root, env, "try-repo", str(hook_repo[0]), HOOK, "--all-files", "--verbose")
    output = run.stdout + run.stderr
    assert run.returncode == 1, output  # pre-commit's own code for "a hook failed"
    assert "- exit code: 2" in output  # the hook's: a draft could not be read, whatever was found
    assert "quality: drafts/latin1.txt: cannot read: not valid UTF-8: byte 0xe9" in output
    assert re.search(r" 2 files; 1 path with errors \(exit 2\)", output)  # the clean draft was linted too
