"""Shared test helpers. No test touches the network: pytest-socket disables sockets for all,
but for tests marked ``localhost`` (a Dask cluster), which may reach this machine only."""

from __future__ import annotations

import os

import pytest

from quality import Article, analyze
from quality.model import ArticleResult


def pytest_runtest_setup(item: pytest.Item) -> None:
    import pytest_socket

    if item.get_closest_marker("localhost"):  # a Dask cluster on this machine: loopback only
        pytest_socket.enable_socket()
        pytest_socket.socket_allow_hosts(["127.0.0.1", "localhost", "::1"], allow_unix_socket=True)
    else:
        pytest_socket.disable_socket(allow_unix_socket=True)


def run_texts(*texts: str, source: str = "test", config=None) -> list[ArticleResult]:
    """Analyse texts as articles of one source; ids are a0, a1, ..."""
    return analyze([Article(id=f"a{i}", source=source, text=t) for i, t in enumerate(texts)], config)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``quality ARGS`` in this process: (exit code, standard output, standard error)."""
    from quality.cli import main

    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def stderr_messages(err: str, prefix: str) -> dict[str, str]:
    """``{path: message}`` from the standard-error lines ``PREFIX PATH: MESSAGE`` (the test
    paths hold no ': ')."""
    return dict(line.removeprefix(prefix).split(": ", 1) for line in err.splitlines() if line.startswith(prefix))


def rules_fired(result: ArticleResult) -> set[str]:
    return {f.rule for f in result.findings}


# Hypothesis: the default profile keeps the suite fast and reproducible (derandomized: the same
# examples every run, as CI needs); QUALITY_HYPOTHESIS_PROFILE=thorough searches far wider, at
# random, for a local bug hunt.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("default", max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("QUALITY_HYPOTHESIS_PROFILE", "default"))
