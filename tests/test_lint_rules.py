"""The lint rules (LNT) ship examples that must fire and must not, like every pipeline rule;
they are whole draft files, so they run through ``quality lint`` rather than ``analyze``."""

from __future__ import annotations

from pathlib import Path

import pytest

from quality.config import Config
from quality.lint import LintOptions, lint, resolve
from quality.lint.lint_rules import LINT_RULES
from quality.rules import RULES

CASES = [(rule.code, kind, i, example) for rule in LINT_RULES.values() for kind, examples in (("fires", rule.fires), ("passes", rule.passes)) for i, example in enumerate(examples)]


@pytest.mark.parametrize(("code", "kind", "index", "example"), CASES, ids=[f"{c}-{k}-{i}" for c, k, i, _ in CASES])
def test_lint_rule_examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str, kind: str, index: int, example: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.md").write_text(example, encoding="utf-8")
    settings = resolve(Config(), LintOptions(report_unused_ignores=True))
    fired = {f.rule for f in lint(["draft.md"], settings).findings}
    assert (code in fired) == (kind == "fires"), f"{code} {kind} example {index}: fired {sorted(fired)}"


@pytest.mark.parametrize("rule", list(LINT_RULES.values()), ids=lambda r: r.code)
def test_lint_rules_are_documented_and_apart_from_the_pipeline(rule) -> None:
    for field in ("name", "summary", "why", "example", "instead"):
        assert getattr(rule, field).strip()
    assert rule.code not in RULES  # the pipeline never produces them


# Every pipeline rule's own examples, as drafts: lint must report what ``analyze`` finds, at the
# same place in a .txt draft and three lines lower under front matter in a Markdown draft. This
# keeps holding for detectors merged later, without a change here.
def _markdown_neutral(text: str) -> bool:
    from quality.markdown import prepare

    return prepare(text, markdown=True).text == text


DRAFT_CASES = [
    (rule.code, i, example)
    for rule in RULES
    for i, example in enumerate(rule.fires)
    if isinstance(example, str) and example.strip()
]


@pytest.mark.parametrize(("code", "index", "example"), DRAFT_CASES, ids=[f"{c}-{i}" for c, i, _ in DRAFT_CASES])
def test_lint_reports_each_rule_where_analyze_finds_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str, index: int, example: str) -> None:
    from quality import Article, analyze

    from quality.load import DecodeError, decode_text_file

    monkeypatch.chdir(tmp_path)
    expected = sorted((f.rule, f.line, f.col) for f in analyze([Article(id="x", source="test", text=example)])[0].findings)
    settings = resolve(Config(), LintOptions(source="test"))
    (tmp_path / "draft.txt").write_text(example, encoding="utf-8")
    linted = lint(["draft.txt"], settings).findings
    try:
        decode_text_file(example.encode("utf-8"))
    except DecodeError as exc:  # NUL bytes (MOJ008): a file holding them is refused, as by the loader
        assert [(f.rule, f.message) for f in linted] == [("INP001", f"cannot read: {exc}")]
        return
    assert sorted((f.rule, f.line, f.col) for f in linted) == expected
    assert code in {f.rule for f in linted}
    if _markdown_neutral(example):
        (tmp_path / "draft.md").write_text("---\nsource: test\n---\n" + example, encoding="utf-8")
        linted = lint(["draft.md"], settings).findings
        assert sorted((f.rule, f.line - 3, f.col) for f in linted) == expected
