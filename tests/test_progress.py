"""Progress covers every stage of a run, and the summary says how long it took and where the
report went."""

from __future__ import annotations

import io
import re
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pandas as pd

import quality
from quality.cli import main
from quality.detectors import DETECTOR_CLASSES
from quality.model import Article
from quality.progress import BarProgress, CountProgress, NoProgress, Progress, as_progress
from quality.pipeline import analyze

SAMPLE = Path(__file__).resolve().parent.parent / "sample_corpus"
ARTICLES = [
    Article("a", "outlet-a", "The mayor said the bridge would reopen on Monday after repairs."),
    Article("b", "outlet-b", "Officials said the council voted to close the old market. Follow us on Telegram"),
    Article("c", "outlet-b", "   "),  # refused: counted like the others
]


class Recorder(Progress):
    def __init__(self) -> None:
        self.stages: list[tuple[str, int | None]] = []
        self.steps: dict[str, int] = {}

    def stage(self, name: str, total: int | None = None) -> None:
        self.stages.append((name, total))
        self.steps[name] = 0

    def advance(self, steps: int = 1) -> None:
        self.steps[self.stages[-1][0]] += steps


def test_every_stage_is_named_and_counted_to_its_end() -> None:
    recorder = Recorder()
    analyze(ARTICLES, progress=recorder)
    names = [name for name, _ in recorder.stages]
    assert names[0] == "analysing" and names[-1] == "scoring"
    corpus_detectors = [cls.name for cls in DETECTOR_CLASSES if cls.uses_corpus]
    assert corpus_detectors, "no detector has a corpus pass to show"
    for detector in corpus_detectors:  # the pass that sat at 100% is now shown, in two parts
        assert f"{detector}: corpus summary" in names and f"{detector}: corpus signals" in names
    for name, total in recorder.stages:
        assert recorder.steps[name] == total, name  # each bar reaches its end, never beyond


def test_progress_argument_forms() -> None:
    counted: list[int] = []
    assert isinstance(as_progress(True), BarProgress)
    assert isinstance(as_progress(None), NoProgress) and isinstance(as_progress(False), NoProgress)
    assert isinstance(as_progress(counted.append), CountProgress)
    analyze(ARTICLES, progress=counted.append)  # a callable counts analysed articles only
    assert sum(counted) == len(ARTICLES)


def test_a_bar_shows_the_stage_it_is_in() -> None:
    stream = io.StringIO()
    bar = BarProgress(stream=stream, delay=0)
    analyze(ARTICLES[:2], progress=bar)
    bar.close()
    shown = stream.getvalue()
    assert "analysing" in shown and "scoring" in shown


def test_the_api_takes_progress_true(capsys) -> None:
    frame = pd.DataFrame({"text": [a.text for a in ARTICLES[:2]], "source": ["a", "b"]})
    scores = quality.score_frame(frame, progress=True)
    assert len(scores) == 2 and capsys.readouterr().out == ""  # progress goes to stderr only
    assert len(frame.quality.report(progress=True)) == 2


def test_the_summary_gives_time_rate_and_the_file_written(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    err = io.StringIO()
    with redirect_stdout(io.StringIO()), redirect_stderr(err):
        assert main(["score", str(SAMPLE / "000_85b48dcb40bc4b97.txt"), "-o", str(target)]) == 0
    line = err.getvalue().splitlines()[-1]
    assert re.fullmatch(rf"quality: read 1, scored 1, errors 0 in \d+\.\d s \([\d,.]+ articles/s\); wrote {re.escape(str(target))}", line), line
