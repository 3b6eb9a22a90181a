"""Shared test helpers. No test touches the network: pytest-socket disables sockets for all."""

from __future__ import annotations

import pytest

from quality import Article, analyze
from quality.model import ArticleResult


def pytest_runtest_setup(item: pytest.Item) -> None:
    import pytest_socket

    pytest_socket.disable_socket(allow_unix_socket=True)


def run_texts(*texts: str, source: str = "test", config=None) -> list[ArticleResult]:
    """Analyse texts as articles of one source; ids are a0, a1, ..."""
    return analyze([Article(id=f"a{i}", source=source, text=t) for i, t in enumerate(texts)], config)


def rules_fired(result: ArticleResult) -> set[str]:
    return {f.rule for f in result.findings}
