"""The HTML report: one self-contained file that opens from disk with no network.

What it holds, top to bottom: the source ranking (chart and table), a heat map of sources by
dimension, defects per 1,000 words by rule family, each source's top rules with example spans,
every article with its findings highlighted at their exact spans, and the run's parameters.

The charts are inline SVG (:mod:`quality.plot`), readable without JavaScript, with tooltips. The
articles travel inside the file as a small JSON index (what the article list shows) and
gzip-compressed chunks of 100 articles; the report's own script (``report_assets/report.js``)
pages through the index and unpacks a chunk only when one of its articles is shown, so that a
report of 10,000 articles opens about as fast as one of ten. Each article's text is marked up
here, in Python, where the spans were found: a finding is one ``<mark>`` (or, where it crosses
another finding's span, consecutive pieces with the same ``data-f``) whose text is exactly
``text[start:end]``.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import re
import shlex
from dataclasses import dataclass, field
from datetime import datetime, timezone
from html import escape
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from quality.model import ArticleResult, Finding, Severity
from quality.rules import FAMILIES, RULES

if TYPE_CHECKING:
    import pandas as pd

# Articles per compressed chunk of the page's data: the article view unpacks one chunk at a time.
CHUNK_ARTICLES = 100
# Examples shown per rule, and rules per source, in the "by source" section, whose first
# SOURCES_OPEN sources (the best ranked) are shown unfolded.
EXAMPLES_PER_RULE = 3
RULES_PER_SOURCE = 3
SOURCES_OPEN = 10
_CONTEXT_CHARS = 50  # characters of text shown on each side of an example span


@dataclass(frozen=True)
class RunInfo:
    """What a reader needs to reproduce a report: the tool, the inputs and the settings."""

    version: str
    created: str  # ISO 8601, UTC
    inputs: tuple[str, ...] = ()
    configuration: str = ""  # the configuration in effect, as TOML
    config_path: str | None = None
    weights: Mapping[str, float] = field(default_factory=dict)
    command: str = ""


def creation_time() -> str:
    """Now, in UTC, unless ``SOURCE_DATE_EPOCH`` fixes it (reproducible builds' convention),
    so that the same input and settings can give a byte-identical report."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch and epoch.isdigit() else datetime.now(timezone.utc)
    return moment.replace(microsecond=0).isoformat()


def run_info(config: Any, inputs: Sequence[str] = (), command: Sequence[str] = ()) -> RunInfo:
    """The :class:`RunInfo` of a run with ``config`` (a :class:`quality.config.Config`) on
    ``inputs``, started by ``command`` (its words, when it was a command line)."""
    import tomli_w

    from quality.config import effective_table
    from quality.lint.formats import tool_version
    from quality.pipeline import detector_options

    table = effective_table(config, detector_options(config), {})
    table.pop("lint", None)  # lint's settings play no part in a score report
    return RunInfo(
        version=tool_version(),
        created=creation_time(),
        inputs=tuple(inputs),
        configuration=tomli_w.dumps({"tool": {"quality": table}}),
        config_path=str(config.path) if config.path else None,
        weights=dict(config.weights),
        command=shlex.join(command),
    )


# --------------------------------------------------------------------------------------------
# Article text with its findings marked


def _well_formed(text: str) -> str:
    """``text`` with lone surrogates (which UTF-8 cannot hold) as U+FFFD: the same length, so
    every finding's offsets still hold."""
    return re.sub("[\ud800-\udfff]", "\ufffd", text)


def _escape_text(text: str) -> str:
    """HTML-escaped text whose characters survive parsing exactly: a CR is written as a
    character reference, since the HTML parser turns a literal CR or CRLF into LF."""
    return escape(text, quote=False).replace("\r", "&#13;")


def marked_text(text: str, findings: Sequence[Finding]) -> str:
    """``text`` as HTML with each finding ``i`` inside ``<mark data-f="i" ...>``.

    Spans that nest become nested marks; where two spans cross, the later one is split into
    consecutive marks with the same ``data-f``, so that the text of all marks of finding ``i``
    taken together is always ``text[start:end]``. An empty span is an empty mark at its offset.
    """
    text = _well_formed(text)
    order = sorted(range(len(findings)), key=lambda i: (findings[i].start, -findings[i].end, i))
    empty: dict[int, list[int]] = {}
    for i in order:
        if findings[i].start == findings[i].end:
            empty.setdefault(findings[i].start, []).append(i)
    cuts = sorted({0, len(text)} | {f.start for f in findings} | {f.end for f in findings})
    parts: list[str] = []
    open_marks: list[int] = []
    for left, right in zip(cuts, cuts[1:] + [None]):
        for i in empty.get(left, ()):
            parts.append(_open_mark(i) + "</mark>")
        if right is None:
            break
        wanted = [i for i in order if findings[i].start <= left and right <= findings[i].end and findings[i].start < findings[i].end]
        shared = 0
        while shared < min(len(open_marks), len(wanted)) and open_marks[shared] == wanted[shared]:
            shared += 1
        parts.append("</mark>" * (len(open_marks) - shared))
        parts.extend(_open_mark(i) for i in wanted[shared:])
        open_marks = wanted
        parts.append(_escape_text(text[left:right]))
    parts.append("</mark>" * len(open_marks))
    return "".join(parts)


def _open_mark(index: int) -> str:
    """A mark names only its finding: the page's script adds the rule, severity and detector
    from the finding's row when it draws the article (a report can hold millions of marks)."""
    return f'<mark data-f="{index}">'


# --------------------------------------------------------------------------------------------
# The page


def html_report(results: Sequence[ArticleResult], run: RunInfo) -> str:
    """The whole report for these results, as one HTML document."""
    from quality import plot
    from quality.frame import article_rows, finding_rows
    from quality.scoring import source_report
    from quality.story_view import story_section

    articles = article_rows(results)
    findings = finding_rows(results)
    report = source_report(articles)
    scored = report[report["quality_mean"].notna()]
    errors = sum(1 for r in results if r.error)
    sections = [
        _section("ranking", "Sources by quality", _RANKING_INTRO, plot.svg(plot.ranking(report)) if len(scored) else _nothing(), _ranking_table(report)),
        _section("dimensions", "Where each source loses", _DIMENSIONS_INTRO, plot.svg(plot.dimensions(report)) if len(scored) else _nothing()),
        _section(
            "defects",
            "Defects by rule family",
            "<p>Warnings and errors per 1,000 words of each source's scored articles, by rule family. "
            "Hover over a bar for its figure; the table lists every rule that fired.</p>",
            plot.svg(plot.rules(findings, articles, order=list(scored["source"]))) if len(scored) else _nothing(),
            _rule_table(findings),
        ),
        _section("sources", "Each source's top rules, with examples", _source_examples(results, report)),
        _section("stories", "Stories carried by several outlets", story_section(results)),
        _section("articles", "Articles", _articles_shell(results)),
        _section("run", "How this report was made", _run_table(run, results, errors)),
    ]
    chunks = "\n".join(f'<script type="application/gzip;base64" class="quality-chunk">{chunk}</script>' for chunk in _article_chunks(results))
    summary = f"{len(results):,} articles read, {len(results) - errors:,} scored, {errors:,} errors; {len(report):,} sources"
    return _PAGE.format(
        title=escape(f"quality report: {summary}"),
        style=_asset("report.css"),
        script=_asset("report.js"),
        summary=escape(summary),
        created=escape(run.created),
        version=escape(run.version),
        nav="".join(f'<a href="#{key}">{escape(name)}</a>' for key, name in _NAV),
        sections="\n".join(sections),
        index=_script_json(_article_index(results)),
        chunks=chunks,
    )


_NAV = (
    ("ranking", "Ranking"), ("dimensions", "Dimensions"), ("defects", "Defects"), ("sources", "Sources"),
    ("stories", "Stories"), ("articles", "Articles"), ("run", "Run"),
)  # fmt: skip

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="quality {version}">
<title>{title}</title>
<style>
{style}
</style>
</head>
<body>
<header>
<h1>quality report</h1>
<p class="summary">{summary}. Made {created} by quality {version}.</p>
<nav>{nav}</nav>
</header>
<main>
{sections}
</main>
<script type="application/json" id="quality-index">{index}</script>
{chunks}
<script>
{script}
</script>
</body>
</html>
"""


def _asset(name: str) -> str:
    return files("quality").joinpath("report_assets", name).read_text(encoding="utf-8")


def _section(key: str, title: str, *parts: str) -> str:
    return f'<section id="{key}">\n<h2>{escape(title)}</h2>\n' + "\n".join(parts) + "\n</section>"


def _nothing() -> str:
    return '<p class="empty">No article could be scored, so there is nothing to chart.</p>'


_RANKING_INTRO = (
    "<p>Each bar is a source's 95% interval for its mean article quality (0–1, higher is better); the dot is the mean, "
    "and <i>n</i> the number of articles. A wide bar is a source the data says little about. A rank such as "
    "<b>1–3</b> means the intervals overlap: the data does not establish the order.</p>"
)
_DIMENSIONS_INTRO = (
    "<p>Mean score of each quality dimension per source (1 = no defect found). The dimensions are weighed into "
    'article quality by the weights listed under <a href="#run">Run</a>.</p>'
)


def _ranking_table(report: pd.DataFrame) -> str:
    from quality.terminal import quality_text, rank_range_text, weakest_text

    rows = []
    for row in report.to_dict("records"):
        rows.append(
            "<tr>"
            f"<td>{escape(rank_range_text(row))}</td><td>{escape(str(row['source']))}</td>"
            f"<td class=num>{int(row['articles'])}</td><td class=num>{int(row.get('errors') or 0)}</td>"
            f"<td>{escape(quality_text(row))}</td><td>{escape(weakest_text(row))}</td>"
            f"<td>{_named_rules(str(row.get('top_rules') or ''))}</td>"
            "</tr>"
        )
    head = "<tr><th>rank</th><th>source</th><th>articles</th><th>errors</th><th>quality [95% interval]</th><th>weakest dimension</th><th>top rules</th></tr>"
    return f'<table class="ranking"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _named_rules(top_rules: str) -> str:
    """``BPL001 ×10, ...`` with each code carrying its name and summary as a tooltip."""
    return re.sub(r"\b([A-Z]{3}\d{3})\b", lambda m: _code(m[1]), escape(top_rules))


def _code(code: str) -> str:
    if code not in RULES:
        return escape(code)
    rule = RULES[code]
    return f'<abbr class="rule" title="{escape(rule.name)}: {escape(rule.summary)}">{code}</abbr>'


def _rule_table(findings: pd.DataFrame) -> str:
    """Every rule that fired: code, name, family, severity, what it finds, and how often."""
    if findings.empty:
        return "<p>No findings.</p>"
    counts = findings.groupby("rule").agg(findings=("rule", "size"), articles=("id", "nunique"), severity=("severity", _levels))
    rows = []
    for code, row in counts.iterrows():
        rule = RULES[code] if code in RULES else None
        rows.append(
            f"<tr><td>{_code(str(code))}</td><td>{escape(rule.name if rule else '')}</td>"
            f"<td>{escape(FAMILIES.get(str(code)[:3], ''))}</td><td>{escape(str(row['severity']))}</td>"
            f"<td class=num>{int(row['findings'])}</td><td class=num>{int(row['articles'])}</td>"
            f"<td>{escape(rule.summary if rule else '')}</td></tr>"
        )
    head = "<tr><th>rule</th><th>name</th><th>family</th><th>severity</th><th>findings</th><th>articles</th><th>what it finds</th></tr>"
    return f'<details class="rules"><summary>Rules that fired ({len(rows)})</summary><table><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></details>'


def _levels(severities: pd.Series) -> str:
    """The severities a rule's findings had in this run (configured; some rules have two)."""
    return ", ".join(level.value for level in Severity if level.value in set(severities))


def _source_examples(results: Sequence[ArticleResult], report: pd.DataFrame) -> str:
    """Per source, in rank order: its most frequent warning- and error-level rules, each with a
    few example spans in context, linking to the article that holds them."""
    by_source: dict[str, list[tuple[int, int, ArticleResult]]] = {}
    for index, result in enumerate(results):
        for number, finding in enumerate(result.findings):
            if finding.severity.rank >= Severity.WARNING.rank:
                by_source.setdefault(result.article.source, []).append((index, number, result))
    blocks = []
    for source in report["source"]:
        hits = by_source.get(source, [])
        counts: dict[str, int] = {}
        for _, number, result in hits:
            counts[result.findings[number].rule] = counts.get(result.findings[number].rule, 0) + 1
        top = sorted(counts, key=lambda code: (-counts[code], code))[:RULES_PER_SOURCE]
        items = []
        for code in top:
            examples = [(i, n, r) for i, n, r in hits if r.findings[n].rule == code][:EXAMPLES_PER_RULE]
            shown = "".join(f"<li>{_example(i, n, r)}</li>" for i, n, r in examples)
            items.append(f"<li>{_code(code)} {escape(RULES[code].name if code in RULES else '')} ×{counts[code]}<ul>{shown}</ul></li>")
        body = f"<ul>{''.join(items)}</ul>" if items else "<p>No warnings or errors.</p>"
        opened = " open" if len(blocks) < SOURCES_OPEN else ""
        blocks.append(f"<details{opened}><summary>{escape(str(source))}</summary>{body}</details>")
    return "\n".join(blocks) or "<p>No sources.</p>"


def _example(index: int, number: int, result: ArticleResult) -> str:
    """One finding in context: ``…before <mark>span</mark> after…``, linking to its article."""
    finding = result.findings[number]
    text = _well_formed(result.article.text)
    before = text[max(0, finding.start - _CONTEXT_CHARS) : finding.start]
    after = text[finding.end : finding.end + _CONTEXT_CHARS]
    span = text[finding.start : finding.end]
    if len(span) > 3 * _CONTEXT_CHARS:
        span = span[: 3 * _CONTEXT_CHARS] + "…"
    lead = "…" if finding.start > _CONTEXT_CHARS else ""
    tail = "…" if finding.end + _CONTEXT_CHARS < len(text) else ""
    return (
        f'<a href="#article-{index}-{number}" class="example">{lead}{escape(_one_line(before))}'
        f'<mark data-severity="{finding.severity.value}">{escape(_one_line(span))}</mark>{escape(_one_line(after))}{tail}</a>'
        f' <span class="where">{escape(result.article.id)}</span>'
    )


def _one_line(text: str) -> str:
    """Each run of whitespace, line breaks included, as one space: context shown on one line."""
    return re.sub(r"\s+", " ", text)


def _articles_shell(results: Sequence[ArticleResult]) -> str:
    """The controls and containers the script fills in; a note when scripts cannot run."""
    detectors = sorted({f.detector for r in results for f in r.findings})
    severity_boxes = "".join(
        f'<label><input type="checkbox" name="severity" value="{level.value}"{"" if level is Severity.INFO else " checked"}> {level.value}</label>' for level in Severity
    )
    detector_boxes = "".join(f'<label><input type="checkbox" name="detector" value="{escape(d)}" checked> {escape(d)}</label>' for d in detectors)
    sources = "".join(f'<option value="{escape(s)}">{escape(s)}</option>' for s in sorted({r.article.source for r in results}))
    return f"""<noscript><p class="empty">The article view needs JavaScript; the charts and tables above do not.</p></noscript>
<div id="article-controls" class="controls">
<label>source <select id="filter-source"><option value="">all sources</option>{sources}</select></label>
<label>find <input id="filter-text" type="search" placeholder="id or title"></label>
<label>order <select id="sort"><option value="quality">worst first</option><option value="findings">most findings</option><option value="input">as read</option></select></label>
</div>
<table id="article-list"><thead><tr><th>id</th><th>source</th><th>quality</th><th>words</th><th>errors</th><th>warnings</th><th>info</th></tr></thead><tbody></tbody></table>
<div id="pager" class="controls"></div>
<div id="highlight-controls" class="controls">show <span>{severity_boxes}</span> <span>{detector_boxes}</span></div>
<article id="article-view"><p class="empty">Choose an article above, or follow an example's link.</p></article>"""


def _run_table(run: RunInfo, results: Sequence[ArticleResult], errors: int) -> str:
    rows = [
        ("quality version", run.version),
        ("made", run.created),
        ("command", run.command or "(from Python)"),
        ("inputs", "\n".join(run.inputs)),
        ("articles", f"read {len(results)}, scored {len(results) - errors}, errors {errors}"),
        ("configuration file", run.config_path or "none found: defaults"),
        ("weights", ", ".join(f"{name} {weight:g}" for name, weight in run.weights.items())),
    ]
    body = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    return f'<table class="run">{body}</table>\n<details><summary>Configuration in effect</summary><pre>{escape(run.configuration)}</pre></details>'


def _article_index(results: Sequence[ArticleResult]) -> dict[str, Any]:
    """What the article list needs, for every article, parsed when the page opens: one row
    ``[id, source, title, date, quality, words, errors, warnings, infos, error]`` each, and the
    rules' names and summaries. The articles themselves are in chunks (:func:`_article_chunks`)."""
    rows = []
    for result in results:
        article, levels = result.article, [f.severity for f in result.findings]
        quality = None if result.quality is None else round(result.quality, 4)
        counts = [levels.count(level) for level in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
        rows.append([article.id, article.source, article.title, article.date, quality, result.metrics.get("input_words", 0), *counts, result.error])
    rules = {code: [RULES[code].name, RULES[code].summary] for code in sorted({f.rule for r in results for f in r.findings}) if code in RULES}
    return {"articles": rows, "rules": rules, "chunk_size": CHUNK_ARTICLES}


def _article_details(result: ArticleResult) -> dict[str, Any]:
    """One article as the article view draws it: ``html``, its text with the findings marked
    (:func:`marked_text`), its dimensions, and its findings as rows of ``[rule, severity,
    detector, message, suggestion, line, col]`` (the evidence is the marks' own text)."""
    return {
        "dimensions": {k: None if v is None else round(v, 4) for k, v in result.dimensions.items()},
        "findings": [[f.rule, f.severity.value, f.detector, f.message, f.suggestion, f.line, f.col] for f in result.findings],
        "html": marked_text(result.article.text, result.findings),
    }


def _article_chunks(results: Sequence[ArticleResult]) -> list[str]:
    """The articles in chunks of :data:`CHUNK_ARTICLES`, each a gzip-compressed JSON list in
    base64: text and findings compress five to ten times, and the page unpacks only the chunk
    of the article it shows (with the browser's ``DecompressionStream``)."""
    chunks = []
    for first in range(0, len(results), CHUNK_ARTICLES):
        details = [_article_details(result) for result in results[first : first + CHUNK_ARTICLES]]
        packed = gzip.compress(json.dumps(details, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), mtime=0)
        chunks.append(base64.b64encode(packed).decode("ascii"))
    return chunks


def embedded_articles(page: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Read back what a report holds: its article index and every article's details, in input
    order (for tests, and for anyone who wants the data out of a report)."""
    index = json.loads(re.search(r'<script type="application/json" id="quality-index">(.*?)</script>', page, re.S)[1])  # type: ignore[index]
    details: list[dict[str, Any]] = []
    for chunk in re.findall(r'<script type="application/gzip;base64" class="quality-chunk">(.*?)</script>', page, re.S):
        details.extend(json.loads(gzip.decompress(base64.b64decode(chunk))))
    return index, details


def _script_json(data: Mapping[str, Any]) -> str:
    """JSON safe inside ``<script>``: no ``<`` can close the element or open a comment."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def write_report(path: str, results: Sequence[ArticleResult], run: RunInfo) -> None:
    """Write the report to ``path``, whole or not at all."""
    from quality.output import write_text_file

    write_text_file(path, html_report(results, run))
