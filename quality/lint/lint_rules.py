"""Rules about the draft file and the lint run itself, not about the article's text.

They carry the ``LNT`` prefix and are deliberately kept out of the pipeline's registry
(:data:`quality.rules.RULES`): the pipeline never produces them (they need the file, its comments
and the suppressions), so the registry's promise that every rule fires through ``analyze`` would
not hold. Their ``fires``/``passes`` examples are whole draft files and are run through
``quality lint`` by ``tests/test_lint_rules.py`` instead.

Selection: ``--ignore LNT002`` turns one off; ``--select`` does not need to name them (they are
about the run, like a compiler's warning about a bad pragma). LNT001 is only produced with
``--report-unused-ignores``.
"""

from __future__ import annotations

from quality.model import Severity
from quality.rules import Rule

PREFIX = "LNT"

UNUSED_SUPPRESSION = Rule(
    code="LNT001",
    name="unused-suppression",
    severity=Severity.ERROR,
    summary="An inline suppression that suppresses nothing (reported with --report-unused-ignores).",
    why="A suppression outlives the defect it was written for; left in place it would silently hide "
    "the next real defect on that paragraph.",
    example="<!-- quality: ignore LNG002 -->\nA paragraph in the expected language.",
    instead="Delete the comment, or name only the rules that still fire there.",
    fires=("<!-- quality: ignore RDB002 -->\nA short sentence that nothing flags.\n",),
    passes=(
        "<!-- quality: ignore RDB002 -->\n" + " ".join(["The ministry said the visit would go ahead"] * 9) + ".\n",
    ),
)

INVALID_SUPPRESSION = Rule(
    code="LNT002",
    name="invalid-suppression",
    severity=Severity.WARNING,
    summary="A `<!-- quality: ... -->` comment that is not a valid directive or names an unknown rule.",
    why="A misspelt directive or rule code suppresses nothing, so the editor believes a finding is "
    "handled when it is not.",
    example="<!-- quality: ignore-next MOJ001 -->   or   <!-- quality: ignore MOJ01 -->",
    instead="<!-- quality: ignore CODE --> before the paragraph, or <!-- quality: ignore-file CODE -->.",
    fires=("<!-- quality: skip RDB002 -->\nA sentence.\n", "<!-- quality: ignore XYZ001 -->\nA sentence.\n"),
    passes=("<!-- quality: ignore RDB002 -->\nA sentence.\n", "<!-- an ordinary editor's note -->\nA sentence.\n"),
)

BAD_FRONT_MATTER = Rule(
    code="LNT003",
    name="unreadable-front-matter",
    severity=Severity.ERROR,
    summary="A Markdown draft's front matter is not valid YAML (or TOML between +++ lines).",
    why="The publishing system cannot read the title, date or outlet of the article, and the linter "
    "cannot use them either (the outlet chooses the corpus for corpus-level rules).",
    example="---\ntitle: Xi: a visit\n---",
    instead='---\ntitle: "Xi: a visit"\n---',
    fires=("---\ntitle: [unclosed\n---\nA sentence.\n",),
    passes=("---\ntitle: A visit\nsource: outlet-d\n---\nA sentence.\n",),
)

LINT_RULES: dict[str, Rule] = {rule.code: rule for rule in (UNUSED_SUPPRESSION, INVALID_SUPPRESSION, BAD_FRONT_MATTER)}


def is_lint_code(selector: str) -> bool:
    """True for ``LNT``, ``LNT0`` or ``LNT001``: a selector that names lint rules only."""
    return selector.strip().upper().startswith(PREFIX)


def matching_lint_codes(selectors: tuple[str, ...]) -> set[str]:
    chosen: set[str] = set()
    for selector in selectors:
        selector = selector.strip().upper()
        hits = {code for code in LINT_RULES if code.startswith(selector)}
        if not hits:
            raise KeyError(f"no rule matches {selector!r}")
        chosen |= hits
    return chosen
