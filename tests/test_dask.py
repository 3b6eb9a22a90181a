"""The Dask engine gives what the local engine gives: the same scores and findings, whatever
the partitions, on a LocalCluster of two worker processes."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

dask_dataframe = pytest.importorskip("dask.dataframe", reason="the Dask engine needs pip install 'quality[dask]'")
distributed = pytest.importorskip("distributed")

import quality  # noqa: E402
import quality.dask  # noqa: E402
from quality.load import Columns, load_paths  # noqa: E402
from quality.pipeline import DuplicateIdWarning  # noqa: E402
from quality.rules import RULES  # noqa: E402

pytestmark = pytest.mark.localhost
SAMPLE = Path(__file__).resolve().parents[1] / "sample_corpus"


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, distributed.Client(cluster) as connected:
        yield connected


def sample_frame() -> pd.DataFrame:
    articles = list(load_paths([str(SAMPLE)], Columns()))
    frame = pd.DataFrame({"text": [a.text for a in articles], "source": [a.source for a in articles], "title": [a.title for a in articles]}, index=[a.id for a in articles])
    frame.loc[frame.index[3], "text"] = "   "  # an error row in the middle of a partition
    return frame


def generated_frame(size: int = 500) -> pd.DataFrame:
    """Articles made of the rules' own examples, three each, over seven outlets; some ids repeat
    across partitions (they are renamed ID#2 as the local engine does) and two texts are
    unusable (error rows)."""
    texts = [t for t in RULES.example_texts() if t.strip()]
    rows = [" \n\n".join(texts[(n * step) % len(texts)] for step in (1, 7, 31)) for n in range(size)]
    rows[17], rows[402] = "", None
    return pd.DataFrame({"text": rows, "source": [f"outlet-{n % 7}" for n in range(size)]}, index=[f"a{n % (size - 9)}" for n in range(size)])


def comparable(frame: pd.DataFrame) -> pd.DataFrame:
    """Dask holds text as Arrow strings (missing: <NA>) where pandas has its own: the values,
    not the string flavour, must agree."""
    frame = frame.copy()
    for column in frame.columns:
        if pd.api.types.is_string_dtype(frame[column].dtype):
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    frame.index = frame.index.astype(object)
    return frame


@pytest.mark.parametrize("make, partitions", [(sample_frame, 3), (sample_frame, 25), (generated_frame, 4), (generated_frame, 11)])
def test_dask_scores_and_findings_equal_the_local_engines(client, make, partitions: int) -> None:
    frame = make()
    ddf = dask_dataframe.from_pandas(frame, npartitions=partitions, sort=False)
    local, local_renames = recorded(lambda: (quality.score_frame(frame), quality.findings_frame(frame)))
    (scores, findings), renames = recorded(lambda: (quality.dask.score_ddf(ddf).compute(), quality.dask.findings_ddf(ddf).compute()))
    pd.testing.assert_frame_equal(comparable(scores), comparable(local[0]))
    pd.testing.assert_frame_equal(comparable(findings.reset_index(drop=True)), comparable(local[1]))
    assert renames == local_renames, "the same ids renamed, with the same rows named"


def recorded(run):
    """What ``run()`` returns, and the messages of the duplicate-id warnings it gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DuplicateIdWarning)
        value = run()
    return value, [str(w.message) for w in caught if issubclass(w.category, DuplicateIdWarning)]


def test_the_command_line_engine_gives_the_local_output(client, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from quality.cli import main

    assert main(["findings", str(SAMPLE), "--format", "csv", "-o", str(tmp_path / "local.csv")]) == 0
    assert main(["findings", str(SAMPLE), "--format", "csv", "-o", str(tmp_path / "dask.csv"), "--engine", "dask", "--scheduler", client.scheduler.address]) == 0
    assert (tmp_path / "dask.csv").read_bytes() == (tmp_path / "local.csv").read_bytes()


def test_a_scheduler_without_the_dask_engine_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    from quality.cli import main

    assert main(["score", str(SAMPLE), "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "--scheduler needs --engine dask" in capsys.readouterr().err



def test_an_unreachable_scheduler_is_a_clear_error_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    import dask

    from quality.cli import main

    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        assert main(["score", str(SAMPLE), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]) == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
