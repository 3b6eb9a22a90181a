"""The HTML report as a file: highlighted spans that hold exactly the finding's text, one file
with nothing fetched from elsewhere, and the charts of quality.plot. How a browser renders it is
tests/test_html_browser.py's."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quality import plot
from quality.frame import article_rows, finding_rows
from quality.html_report import CHUNK_ARTICLES, RunInfo, embedded_articles, html_report, marked_text
from quality.model import Finding, Severity
from quality.scoring import source_report
from conftest import run_cli, run_texts

SAMPLE = str(Path(__file__).resolve().parents[1] / "sample_corpus")
RUN = RunInfo(version="test", created="2026-01-01T00:00:00+00:00", inputs=("corpus/",), configuration="[tool.quality]\n", weights={"sourcing": 2.0})


def finding(start: int, end: int, text: str, rule: str = "TRN008", severity: Severity = Severity.WARNING) -> Finding:
    return Finding(rule=rule, detector="translation", severity=severity, message="m", start=start, end=end, line=1, col=start + 1, evidence=text[start:end])


class MarkTexts(HTMLParser):
    """The text of the whole fragment, and of each finding's marks (pieces joined), as a
    browser would read them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.by_finding: dict[int, str] = {}
        self.open: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag == "mark"
        number = int(dict(attrs)["data-f"] or -1)
        self.open.append(number)
        self.by_finding.setdefault(number, "")

    def handle_endtag(self, tag: str) -> None:
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text += data
        for number in self.open:
            self.by_finding[number] += data


def read_marks(fragment: str) -> MarkTexts:
    parser = MarkTexts()
    parser.feed(fragment)
    parser.close()
    assert parser.open == [], "every mark is closed"
    return parser


SPAN_CASES = [
    # (text, spans): every finding's marks hold exactly text[start:end], whatever the layout
    ("Ukraine.Thus the talks", [(0, 12)]),
    ("nested spans: outer and inner", [(0, 29), (14, 19)]),
    ("crossing spans split the later", [(0, 14), (9, 20)]),
    ("same span twice", [(0, 4), (0, 4)]),
    ("adjacent | spans", [(0, 8), (8, 16)]),
    ("an empty span marks a point", [(3, 3), (0, 8)]),
    ("<b>tags</b> & 'quotes' are text", [(0, 11), (12, 13)]),
    ("line one\r\nline two\rthree", [(4, 12), (14, 20)]),
    ("a mark at the very end", [(14, 22), (22, 22)]),
]


@pytest.mark.parametrize("text, spans", SPAN_CASES)
def test_each_finding_is_marked_with_exactly_its_text(text: str, spans: list[tuple[int, int]]) -> None:
    findings = [finding(start, end, text) for start, end in spans]
    marks = read_marks(marked_text(text, findings))
    assert marks.text == text
    for number, (start, end) in enumerate(spans):
        assert marks.by_finding[number] == text[start:end]


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40), st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6))
def test_any_spans_over_any_text_are_marked_exactly(text: str, pairs: list[tuple[int, int]]) -> None:
    spans = [(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in pairs]
    marks = read_marks(marked_text(text, [finding(s, e, text) for s, e in spans]))
    assert marks.text == text
    for number, (start, end) in enumerate(spans):
        assert marks.by_finding.get(number, "") == text[start:end]


def test_a_lone_surrogate_becomes_a_replacement_character_at_the_same_offset() -> None:
    text = "bad \ud800 byte here"
    marks = read_marks(marked_text(text, [finding(6, 10, text)]))
    assert marks.text == "bad \ufffd byte here"
    assert marks.by_finding[0] == "byte"


@pytest.fixture(scope="module")
def sample_results():
    from quality.load import Columns, load_paths
    from quality.pipeline import analyze

    return analyze(list(load_paths([SAMPLE], Columns())))


@pytest.fixture(scope="module")
def sample_page(sample_results) -> str:
    return html_report(sample_results, RUN)


def test_the_report_needs_nothing_from_elsewhere(sample_page: str) -> None:
    assert not re.search(r"<(script|img|iframe|link)\b[^>]*\b(src|href)=", sample_page, re.I), "no external script, image, frame or style"
    assert "@import" not in sample_page and not re.search(r"url\((?!#)", sample_page), "nothing fetched by a style: only the charts' own #clip paths"
    assert sample_page.count("<svg") == 3, "the three charts are inline SVG"


def test_every_article_and_finding_travels_in_the_report(sample_results, sample_page: str) -> None:
    index, details = embedded_articles(sample_page)
    assert [row[:2] for row in index["articles"]] == [[r.article.id, r.article.source] for r in sample_results]
    assert len(details) == len(sample_results)
    for article, result in zip(details, sample_results):
        marks = read_marks(article["html"])
        assert marks.text == result.article.text
        for number, f in enumerate(result.findings):
            assert marks.by_finding[number] == f.evidence
            assert article["findings"][number][:3] == [f.rule, f.severity.value, f.detector]


def test_articles_are_packed_in_chunks_the_page_unpacks_one_at_a_time() -> None:
    results = run_texts(*[f"Article number {n} says little." for n in range(CHUNK_ARTICLES + 5)])
    page = html_report(results, RUN)
    assert page.count('class="quality-chunk"') == 2
    index, details = embedded_articles(page)
    assert len(index["articles"]) == len(details) == CHUNK_ARTICLES + 5
    assert read_marks(details[-1]["html"]).text == f"Article number {CHUNK_ARTICLES + 4} says little."


def test_the_run_is_described_so_that_it_can_be_reproduced(sample_page: str) -> None:
    for shown in ("quality version", "corpus/", "read 25, scored 25, errors 0", "sourcing 2", "[tool.quality]", "2026-01-01T00:00:00+00:00"):
        assert shown in sample_page


def test_article_text_cannot_close_the_data_script() -> None:
    hostile = 'He wrote "</script><script>alert(1)</script>" and <!-- left.'
    page = html_report(run_texts(hostile), RUN)
    assert page.count("</script>") == 3, "the index's, the one chunk's and the report script's own closing tags only"
    assert embedded_articles(page)[0]["articles"][0][0] == "a0"


def test_a_report_of_unreadable_articles_lists_them_without_charts() -> None:
    from quality.model import Article
    from quality.pipeline import analyze

    results = analyze([Article(id="empty", source="s", text="")])
    page = html_report(results, RUN)
    assert "nothing to chart" in page
    assert embedded_articles(page)[0]["articles"][0][-1], "the article's error is in the list"


# --------------------------------------------------------------------------------------------
# The command line


def test_score_writes_the_report_for_an_html_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    code, stdout, err = run_cli(capsys, "score", SAMPLE, "-o", str(out))
    assert code == 0 and stdout == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert f"wrote {out}" in err


def test_report_is_score_in_html_to_a_file_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    code, _, err = run_cli(capsys, "report", SAMPLE)
    assert code == 0 and "wrote quality-report.html" in err
    first = (tmp_path / "quality-report.html").read_text(encoding="utf-8")
    run_cli(capsys, "report", SAMPLE)
    assert (tmp_path / "quality-report.html").read_text(encoding="utf-8") == first, "same input, same report, byte for byte"
    assert "2026-01-01T00:00:00+00:00" in first and f"quality report {SAMPLE}" in first
    run_cli(capsys, "score", SAMPLE, "--format", "html", "-o", "score.html")
    assert embedded_articles((tmp_path / "score.html").read_text(encoding="utf-8")) == embedded_articles(first)


@pytest.mark.parametrize(
    "args, message",
    [
        (["score", SAMPLE, "--format", "html", "--articles"], "--articles does not apply to --format html"),
        (["findings", SAMPLE, "-o", "f.html"], "cannot write html"),
    ],
)
def test_html_options_that_cannot_work_are_refused_before_any_work(args: list[str], message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, *args)
    assert code == 2 and message in err
    assert "read " not in err, "refused before reading"


# --------------------------------------------------------------------------------------------
# quality.plot: the same charts for notebooks


@pytest.fixture(scope="module")
def sample_tables(sample_results):
    articles = article_rows(sample_results)
    return articles, source_report(articles), finding_rows(sample_results)


def svg_ids(svg: str, prefix: str) -> list[str]:
    return re.findall(rf'<g id="({prefix}[^"]*)" class="mark"><title>', svg)


def test_ranking_draws_one_interval_per_source(sample_tables) -> None:
    _, report, _ = sample_tables
    svg = plot.svg(plot.ranking(report))
    assert svg_ids(svg, "ranking-bar-") == [f"ranking-bar-{i}" for i in range(len(report))]
    assert "mothership.sg: 0." in svg, "each bar's tooltip names its source and figures"


def test_dimensions_draw_one_cell_per_source_and_dimension(sample_tables) -> None:
    _, report, _ = sample_tables
    assert len(svg_ids(plot.svg(plot.dimensions(report)), "heat-")) == len(report) * 6


def test_rule_rates_are_per_thousand_words_of_scored_articles() -> None:
    findings = pd.DataFrame(
        {"id": ["a", "a", "b", "c"], "source": ["x", "x", "x", "y"], "rule": ["TRN008", "BPL001", "TRN008", "ATT001"], "severity": ["warning", "warning", "error", "info"]}
    )
    scores = pd.DataFrame({"source": ["x", "x", "y", "y"], "words": [500, 1500, 1000, 50], "error": [None, None, None, "unreadable"]})
    rates = plot.rule_rates(findings, scores)
    assert rates.loc["x", "TRN"] == pytest.approx(1.0) and rates.loc["x", "BPL"] == pytest.approx(0.5)
    assert rates.loc["y"].sum() == 0, "info findings are left out by default"
    assert plot.rule_rates(findings).loc["x", "TRN"] == 2, "without the article table: counts"


def test_charts_of_many_sources_show_the_best_and_the_worst() -> None:
    report = pd.DataFrame(
        {"source": [f"s{i:03}" for i in range(100)], "articles": 3, "quality_mean": [1 - i / 200 for i in range(100)], "quality_ci_low": 0.4, "quality_ci_high": 1.0}
    )
    svg = plot.svg(plot.ranking(report))
    assert len(svg_ids(svg, "ranking-bar-")) == plot.MAX_SOURCES
    assert "s000" in svg and "s099" in svg and "s050" not in svg
    assert "the best and worst 20 of 100" in svg


def test_a_source_name_is_text_not_markup_or_math(sample_tables) -> None:
    report = pd.DataFrame({"source": ["$x$ <b>&"], "articles": 2, "quality_mean": 0.9, "quality_ci_low": 0.8, "quality_ci_high": 1.0})
    svg = plot.svg(plot.ranking(report))
    assert "$x$ &lt;b&gt;&amp;" in svg
