"""The HTML report as a reader sees it: rendered by headless Chromium from a file on disk.

The browser is the system's Chromium (Debian's ``chromium`` package; ``QUALITY_CHROMIUM``
names another binary), driven by Playwright. Without a browser the tests are skipped, saying so;
``.ci/run`` installs one, so CI always runs them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Iterator

import pytest

from quality.html_report import RunInfo, html_report
from quality.load import Columns, load_paths
from quality.pipeline import analyze

SAMPLE = str(Path(__file__).resolve().parents[1] / "sample_corpus")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_binary() -> str | None:
    named = os.environ.get("QUALITY_CHROMIUM")
    if named:
        return named
    return next((found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))), None)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    binary = chromium_binary()
    if binary is None:
        pytest.skip("no Chromium found (install Debian's chromium package, or set QUALITY_CHROMIUM to a Chromium binary)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
    with sync_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=binary, headless=True, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def sample_results():
    return analyze(list(load_paths([SAMPLE], Columns())))


@pytest.fixture(scope="module")
def rendered(browser, sample_results, tmp_path_factory) -> Iterator[tuple[object, list[str], list[str]]]:
    """The sample corpus's report opened from disk: (page, console errors, requests made)."""
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(html_report(sample_results, RunInfo(version="test", created="2026-01-01T00:00:00+00:00", inputs=(SAMPLE,))), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda message: problems.append(f"{message.type}: {message.text}") if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    yield page, problems, requests
    page.close()


def test_the_page_loads_without_errors_or_network(rendered) -> None:
    page, problems, requests = rendered
    assert problems == []
    assert [url for url in requests if not url.startswith("file:")] == [], "everything the report needs is in the file"


def test_the_charts_have_one_mark_per_source(rendered, sample_results) -> None:
    page, _, _ = rendered
    sources = len({r.article.source for r in sample_results})
    assert page.locator("#ranking svg g.mark[id^=ranking-bar-]").count() == sources
    assert page.locator("#dimensions svg g.mark[id^=heat-]").count() == sources * 6
    families = page.eval_on_selector_all("#defects svg g.mark[id^=rules-]", "marks => new Set(marks.map(m => m.id.split('-')[1])).size")
    assert families == sources, "one stacked bar per source"
    box = page.locator("#ranking svg").bounding_box()
    assert box and box["width"] > 400 and box["height"] > 100, "the ranking is drawn, not collapsed"


def test_every_finding_is_highlighted_with_its_exact_text(rendered, sample_results) -> None:
    page, problems, _ = rendered
    checked = 0
    for index, result in enumerate(sample_results):
        page.evaluate("index => window.qualityReport.show(index, null)", index)
        marks = page.eval_on_selector_all(
            "#article-view .text mark[data-f]",
            "marks => marks.map(m => [Number(m.dataset.f), m.dataset.rule, m.dataset.severity, m.textContent])",
        )
        shown: dict[int, list[str]] = {}
        for number, rule, severity, text in marks:
            finding = result.findings[number]
            assert (rule, severity) == (finding.rule, finding.severity.value)
            shown.setdefault(number, []).append(text)
        assert sorted(shown) == list(range(len(result.findings))), f"{result.article.id}: every finding has a mark"
        for number, finding in enumerate(result.findings):
            assert "".join(shown[number]) == finding.evidence, f"{result.article.id} {finding.rule}"
            checked += 1
        assert page.inner_text("#article-view .text") == result.article.text
    assert checked == sum(len(r.findings) for r in sample_results) > 200
    assert problems == []


def test_filters_hide_highlights_and_list_entries(rendered, sample_results) -> None:
    page, _, _ = rendered
    index = next(i for i, r in enumerate(sample_results) if {"info", "warning"} <= {f.severity.value for f in r.findings})
    page.evaluate("index => window.qualityReport.show(index, null)", index)
    info = "#article-view mark[data-severity=info]"
    assert page.locator(info).first.evaluate("m => m.classList.contains('off')"), "info is off by default: an editor sees warnings first"
    page.check("#highlight-controls input[value=info]")
    assert page.locator(f"{info}.off").count() == 0
    assert page.locator("#article-view li[data-severity=info]").first.is_visible()
    page.uncheck("#highlight-controls input[value=warning]")
    assert page.locator("#article-view mark[data-severity=warning]:not(.off)").count() == 0
    page.check("#highlight-controls input[value=warning]")
    page.uncheck("#highlight-controls input[value=info]")


def test_an_example_link_opens_its_article_at_the_finding(rendered, sample_results) -> None:
    page, problems, _ = rendered
    link = page.locator("#sources a.example").first
    target = link.get_attribute("href")
    index, number = (int(part) for part in target.removeprefix("#article-").split("-"))
    link.click()
    page.wait_for_function("index => document.getElementById('article-view').dataset.article == index", arg=index)
    focused = page.eval_on_selector_all("#article-view mark.focus", "marks => marks.map(m => m.textContent).join('')")
    assert focused == sample_results[index].findings[number].evidence
    assert problems == []


def test_the_article_list_pages_and_filters(rendered, sample_results) -> None:
    page, _, _ = rendered
    assert page.locator("#article-list tbody tr").count() == len(sample_results)
    page.select_option("#filter-source", "outlet-d")
    assert page.locator("#article-list tbody tr").count() == sum(r.article.source == "outlet-d" for r in sample_results)
    assert "of 5" in page.inner_text("#pager")
    page.select_option("#filter-source", "")


def test_a_screenshot_shows_the_report(rendered, tmp_path: Path) -> None:
    page, _, _ = rendered
    page.evaluate("window.scrollTo(0, 0)")
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 50_000
    for section in ("#ranking svg", "#dimensions svg", "#article-view mark"):
        assert page.locator(section).first.is_visible(), f"{section} is on the page"
