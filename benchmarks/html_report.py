"""How the HTML report scales: its size, the time to build it, and how fast Chromium opens it.

    python benchmarks/html_report.py [SHARED] --articles 5000 [--save report.html]

Builds a corpus of N distinct real articles from the shared benchmark texts (as
``benchmarks/throughput.py`` does; nothing is copied into the repository), analyses it, writes
the report, and prints: its size in MB (and per article), the seconds to build it after
analysis, and, when a Chromium is found, the seconds from navigation to the load event, to show
the last article with its highlights, and to page through the article list, with the page's
JavaScript heap. Figures are for this machine and this run: compare them with the same script
at another commit, not across machines.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _common import shared_path  # noqa: E402  (also puts the repository on sys.path)
from throughput import corpus  # noqa: E402

from quality.config import Config  # noqa: E402
from quality.html_report import html_report, run_info  # noqa: E402
from quality.pipeline import analyze  # noqa: E402


def browser_figures(path: Path, binary: str) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    flags = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=binary, args=flags)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        started = time.perf_counter()
        page.goto(path.as_uri(), timeout=600_000)
        page.wait_for_function("window.qualityReport !== undefined", timeout=600_000)
        loaded = time.perf_counter() - started
        count = page.evaluate("window.qualityReport.articles")
        started = time.perf_counter()
        page.evaluate("n => window.qualityReport.show(n - 1, null)", count)
        shown = time.perf_counter() - started
        started = time.perf_counter()
        for _ in range(10):
            page.click("#pager button:last-child")
        paged = (time.perf_counter() - started) / 10
        heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0") / 1e6
        browser.close()
    return {"load": loaded, "show": shown, "page": paged, "heap_mb": heap}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(shared_path("benchmarks")), help="the shared benchmarks folder")
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--jobs", type=int, default=2, help="processes for the analysis (not timed)")
    parser.add_argument("--save", metavar="FILE", help="keep the report here (default: a temporary file)")
    args = parser.parse_args()
    articles = corpus(Path(args.shared), args.articles)
    config = Config()
    started = time.perf_counter()
    results = analyze(articles, config, workers=args.jobs)
    analysed = time.perf_counter() - started
    started = time.perf_counter()
    text = html_report(results, run_info(config, inputs=[args.shared], command=sys.argv))
    built = time.perf_counter() - started
    folder = tempfile.mkdtemp(prefix="quality-report-")
    path = Path(args.save or Path(folder) / "report.html").resolve()
    path.write_text(text, encoding="utf-8")
    size = path.stat().st_size / 1e6
    words = sum(r.metrics.get("input_words", 0) for r in results)
    findings = sum(len(r.findings) for r in results)
    sources = len({r.article.source for r in results})
    print(f"articles {len(results):,}, sources {sources:,}, words {words:,}, findings {findings:,} (analysis {analysed:.0f} s, {args.jobs} jobs)")
    print(f"report: {size:.1f} MB ({1000 * size / max(len(results), 1):.1f} KB per article), built in {built:.1f} s after analysis")
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        figures = browser_figures(path, binary)
        print(
            f"chromium: load {figures['load']:.2f} s, last article shown {figures['show'] * 1000:.0f} ms, "
            f"next page {figures['page'] * 1000:.0f} ms, JS heap {figures['heap_mb']:.0f} MB"
        )
    else:
        print("chromium: not found, browser figures skipped")
    if not args.save:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
