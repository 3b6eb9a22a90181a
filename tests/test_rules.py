"""Every rule ships examples that must fire and examples that must not, and they hold."""

from __future__ import annotations

import string

import pytest

from quality import RULES, Article, analyze
from quality.load import decode_bytes, DecodeError
from quality.pipeline import LoadError
from quality.rules import CorpusExample, FAMILIES, Rule


def _fired_on(example) -> set[str]:
    if isinstance(example, CorpusExample):
        items = [Article(id=f"c{i}", source=src, text=text) for i, (src, text) in enumerate(example.articles)]
    elif isinstance(example, bytes):
        try:
            items = [Article(id="b", source="test", text=decode_bytes(example))]
        except DecodeError as exc:
            items = [LoadError(id="b", source="test", message=str(exc))]
    else:
        items = [Article(id="t", source="test", text=example)]
    result = analyze(items)[-1]
    for finding in result.findings:
        assert result.article.text[finding.start : finding.end] == finding.evidence
    return {f.rule for f in result.findings}


CASES = [(rule.code, kind, i, ex) for rule in RULES for kind, exs in (("fires", rule.fires), ("passes", rule.passes)) for i, ex in enumerate(exs)]


@pytest.mark.parametrize(("code", "kind", "index", "example"), CASES, ids=[f"{c}-{k}-{i}" for c, k, i, _ in CASES])
def test_rule_examples(code: str, kind: str, index: int, example) -> None:
    fired = _fired_on(example)
    if kind == "fires":
        assert code in fired, f"{code} should fire on example {index}"
    else:
        assert code not in fired, f"{code} should not fire on example {index}"


@pytest.mark.parametrize("rule", list(RULES), ids=lambda r: r.code)
def test_rule_is_documented(rule: Rule) -> None:
    assert rule.code[:3] in FAMILIES
    for field in ("name", "summary", "why", "example", "instead"):
        assert getattr(rule, field).strip(), f"{rule.code} lacks {field}"
    outline = rule.outline()
    assert rule.code in outline and rule.why in outline


@pytest.mark.parametrize("rule", [r for r in RULES if r.detector != "input"], ids=lambda r: r.code)
def test_a_rule_holds_its_message(rule: Rule) -> None:
    """Every detector rule's message, and each named variant of it, is on the rule and fills in;
    only the input rules pass on the reader's own error."""
    assert rule.message.strip(), f"{rule.code} has no message template"
    for variant, template in [(None, rule.message), *rule.variants]:
        fields = {name: 0 for _, name, _, _ in string.Formatter().parse(template) if name}
        assert rule.message_for(variant, **fields).strip()


def test_selection_by_prefix_and_code() -> None:
    assert RULES.matching(["INP"]) == {"INP001", "INP002"}
    assert RULES.matching(["rdb002"]) == {"RDB002"}
    with pytest.raises(KeyError):
        RULES.matching(["XYZ"])


# (selector, the codes it selects): codes, prefixes and names, in any case.
SELECTORS = [
    ("MOJ007", {"MOJ007"}),
    ("control-character", {"MOJ007"}),
    ("Control-Character", {"MOJ007"}),
    ("unattributed-claim", {"ATT001"}),
]


@pytest.mark.parametrize(("selector", "codes"), SELECTORS)
def test_rules_are_selected_by_code_prefix_or_name(selector: str, codes: set[str]) -> None:
    assert RULES.matching([selector]) == codes


@pytest.mark.parametrize(
    ("selector", "suggestion"),
    [("unatributed-claim", "unattributed-claim"), ("MOJ01X", "MOJ001"), ("moj01x", "MOJ001")],
)
def test_an_unknown_selector_suggests_the_closest_rule(selector: str, suggestion: str) -> None:
    with pytest.raises(KeyError) as raised:
        RULES.matching([selector])
    assert raised.value.args[0] == f"no rule matches {selector!r}; did you mean {suggestion!r}?"


def test_findings_can_be_written_as_parquet_and_markdown(tmp_path) -> None:
    import pandas as pd

    from quality.cli import main

    corpus = tmp_path / "outlet"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The CafÃ© closed on Monday after a fire, the owner said.\n", encoding="utf-8")
    assert main(["findings", str(corpus), "-o", str(tmp_path / "f.parquet")]) == 0
    assert "MOJ001" in set(pd.read_parquet(tmp_path / "f.parquet")["rule"])
    assert main(["findings", str(corpus), "-o", str(tmp_path / "f.md")]) == 0
    assert (tmp_path / "f.md").read_text(encoding="utf-8").startswith("| id |")


def test_statistics_count_findings_and_articles_per_rule(tmp_path, capsys) -> None:
    import json

    from quality.cli import main

    corpus = tmp_path / "outlet"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The CafÃ© closed. The cafÃ© reopened on Monday, the owner said.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("The CafÃ© closed on Monday after a fire, the owner said.\n", encoding="utf-8")
    main(["findings", str(corpus), "--statistics", "--format", "jsonl"])
    rows = {row["rule"]: row for row in map(json.loads, capsys.readouterr().out.splitlines())}
    assert rows["MOJ001"] == {"rule": "MOJ001", "name": RULES["MOJ001"].name, "severity": "error", "findings": 3, "articles": 2}
    counts = [row["findings"] for row in rows.values()]
    assert counts == sorted(counts, reverse=True)
