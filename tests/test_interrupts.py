"""Ctrl-C stops a run: exit 130, one line ``quality: interrupted``, no traceback, no partial
report, and never a run that goes on with articles silently scored without a detector.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from langdetect import detector_factory
from langdetect.lang_detect_exception import LangDetectException

from quality.detectors.language import LanguageDetector
from quality.langid import load_profiles
from quality.detectors.readability import ReadabilityDetector
from quality.interrupts import stop_if_interrupted
from quality.model import Article
from quality.pipeline import analyze

from conftest import run_cli

REPO = Path(__file__).resolve().parent.parent
ARTICLES = [Article(id=f"a{i}", source="s", text="The ministry said the talks would resume next week in Moscow.") for i in range(3)]


def swallowed_interrupt() -> Exception:
    """What langdetect's bare ``except:`` makes of Ctrl-C: its own exception, raised while the
    interrupt is being handled."""
    try:
        try:
            raise KeyboardInterrupt
        except:  # noqa: E722 - the library's pattern, reproduced
            raise LangDetectException(0, "Profile format error")
    except LangDetectException as exc:
        return exc


def plain_bug() -> Exception:
    try:
        raise ValueError("a detector bug")
    except ValueError as exc:
        return exc


def bug_while_handling_a_bug() -> Exception:
    try:
        try:
            raise KeyError("x")
        except KeyError:
            raise ValueError("y")
    except ValueError as exc:
        return exc


@pytest.mark.parametrize(
    ("make", "stops"),
    [(swallowed_interrupt, True), (plain_bug, False), (bug_while_handling_a_bug, False)],
    ids=["swallowed-interrupt", "plain-bug", "bug-in-a-handler"],
)
def test_only_an_interrupt_in_disguise_stops_the_run(make, stops: bool) -> None:
    if stops:
        with pytest.raises(KeyboardInterrupt):
            stop_if_interrupted(make())
    else:
        stop_if_interrupted(make())


@pytest.mark.parametrize("raised", ["swallowed", "plain"])
def test_analyze_stops_on_an_interrupt_and_goes_on_after_a_bug(monkeypatch, raised: str) -> None:
    def detect(self, article):
        if raised == "swallowed":
            raise swallowed_interrupt()
        raise plain_bug()

    monkeypatch.setattr(ReadabilityDetector, "detect", detect)
    if raised == "swallowed":
        with pytest.raises(KeyboardInterrupt):
            analyze(ARTICLES)
    else:
        results = analyze(ARTICLES)
        assert all("readability detector failed: ValueError: a detector bug" in r.error for r in results)


def test_cli_says_interrupted_and_exits_130_without_a_report(tmp_path: Path, capsys, monkeypatch) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "sample_corpus", corpus)
    report = tmp_path / "out.csv"
    report.write_text("the previous report\n")

    def interrupted(self, article):
        raise swallowed_interrupt()

    monkeypatch.setattr(ReadabilityDetector, "detect", interrupted)
    code, out, err = run_cli(capsys, "score", str(corpus), "--articles", "--format", "csv", "-o", str(report))
    assert code == 130
    assert err.strip().splitlines()[-1] == "quality: interrupted"
    assert "Traceback" not in err
    assert report.read_text() == "the previous report\n"  # left as it was
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out.csv"]  # no temporary


def test_profiles_interrupted_while_loading_are_not_left_half_loaded(monkeypatch) -> None:
    from quality import langid as language

    read = json.load
    loaded: list[object] = []

    def interrupted(handle):
        if len(loaded) == 10:  # some languages in, then Ctrl-C
            raise KeyboardInterrupt
        loaded.append(read(handle))
        return loaded[-1]

    monkeypatch.setattr(detector_factory, "_factory", None)
    monkeypatch.setattr(language.json, "load", interrupted)
    with pytest.raises(KeyboardInterrupt):
        LanguageDetector()
    assert detector_factory._factory is None  # the next run loads them whole
    monkeypatch.undo()
    load_profiles()
    assert len(detector_factory._factory.langlist) == 55


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")
def test_sigint_during_a_batch_stops_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for copy in range(40):  # ~1,000 articles: far longer than the wait below
        for article in (REPO / "sample_corpus").rglob("*.txt"):
            (corpus / f"{copy}-{article.parent.name}-{article.name}").write_bytes(article.read_bytes())
    report = tmp_path / "out.csv"
    script = (
        "import sys; import quality.cli; print('ready', file=sys.stderr, flush=True); "
        f"sys.exit(quality.cli.main(['score', {str(corpus)!r}, '--format', 'csv', '-o', {str(report)!r}]))"
    )
    process = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE, text=True, cwd=REPO)
    assert process.stderr is not None
    assert process.stderr.readline().strip() == "ready"  # imports done: the run itself is interrupted
    time.sleep(2.0)
    sent = time.monotonic()
    os.kill(process.pid, signal.SIGINT)
    err = process.stderr.read()
    code = process.wait(timeout=60)
    assert code == 130, err
    assert time.monotonic() - sent < 10
    assert err.strip().splitlines()[-1] == "quality: interrupted"
    assert "Traceback" not in err
    assert not report.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["corpus"]


def test_an_interrupt_while_the_command_loads_is_not_a_traceback(monkeypatch, capsys) -> None:
    import builtins
    import sys

    from quality.interrupts import command

    real_import = builtins.__import__

    def interrupted(name: str, *args, **kwargs):
        if name == "quality.cli":
            raise KeyboardInterrupt
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "quality.cli", raising=False)
    monkeypatch.setattr(builtins, "__import__", interrupted)
    assert command() == 130
    assert capsys.readouterr().err == "quality: interrupted\n"
