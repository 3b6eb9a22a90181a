"""The rule registry: every finding names a rule with a stable code.

A code is a family prefix plus three digits (``MOJ001``). Prefixes name the detector family:

====== ============ ==============================================
prefix detector     what it looks at
====== ============ ==============================================
INP    input        the article could not be read, or is empty
MOJ    mojibake     text decoded with the wrong codec, other encoding damage
TRN    translation  machine-translation and untranslated-text artifacts
BPL    boilerplate  footers, credits, navigation and other page residue
ATT    attribution  who says so, and how often the article tells
STY    story        one outlet's version of a story against the others' versions
RDB    readability  reading difficulty (textstat)
LNG    language     the language of the text (langdetect)
====== ============ ==============================================

Each rule is documented like a linter rule (what it finds, why it matters, an example, what to
write instead) and ships examples that must fire and examples that must not; one test runs them
all, so a rule cannot exist without them. Codes are never reused once published.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from quality.model import Severity

FAMILIES: dict[str, str] = {
    "INP": "input",
    "MOJ": "mojibake",
    "TRN": "translation",
    "BPL": "boilerplate",
    "ATT": "attribution",
    "STY": "story",
    "RDB": "readability",
    "LNG": "language",
}

# One line per family, for legends and reports: what a reader should take a finding of it to mean.
FAMILY_SUMMARIES: dict[str, str] = {
    "INP": "the article could not be read, or is empty",
    "MOJ": "text decoded with the wrong codec, or other encoding damage",
    "TRN": "machine-translation slips and text left untranslated",
    "BPL": "page residue: footers, credits, navigation, datelines",
    "ATT": "claims with no source, or only anonymous or secondhand ones",
    "STY": "a version of a story that departs from the other outlets' versions",
    "RDB": "text too hard to read: high grade level, overlong sentences",
    "LNG": "text not in the expected language, or paragraphs in another one",
}

_CODE = re.compile(r"^(?P<prefix>[A-Z]{3})\d{3}$")


@dataclass(frozen=True)
class CorpusExample:
    """An example for a rule that needs other articles to fire (a corpus-level rule).

    ``articles`` are ``(source, text)`` pairs; the rule is checked on the last one.
    """

    articles: tuple[tuple[str, str], ...]


# bytes examples are read as a file would be (for the input rules).
Example = str | bytes | CorpusExample


@dataclass(frozen=True)
class Rule:
    """A rule's identity and its documentation, in the outline ``quality rules CODE`` prints."""

    code: str
    name: str  # kebab-case, e.g. "gbk-mojibake"
    severity: Severity
    summary: str  # what it finds, one line
    why: str  # why it matters
    example: str  # a bad passage
    instead: str  # what to write instead
    fires: tuple[Example, ...]  # must produce this rule
    passes: tuple[Example, ...]  # must not produce this rule
    known_problems: str = ""
    fix: str = "none"  # "safe" when `quality fix` repairs it, else "none"
    corpus: bool = False  # True when the rule needs the corpus pass
    tags: tuple[str, ...] = field(default_factory=tuple)
    # The finding's message, a str.format template whose fields the detector fills
    # (:meth:`message_for`); empty when the detector composes each message itself.
    message: str = ""
    # Other wordings of the message, by name, for a rule that finds its defect in more than one
    # way ("misspelling" and "transliterations" of a name): (name, template) pairs.
    variants: tuple[tuple[str, str], ...] = ()
    # What one finding costs in its dimension, against 1 for the heaviest kind (the boilerplate
    # dimension charges a credit line half as much as a call to subscribe).
    weight: float = 1.0

    def message_for(self, variant: str | None = None, **fields: object) -> str:
        """The finding's message (or the named variant's) with its fields filled in."""
        template = self.message if variant is None else dict(self.variants)[variant]
        return template.format(**fields) if fields else template

    @property
    def detector(self) -> str:
        return FAMILIES[self.code[:3]]

    def outline(self) -> str:
        """The rule's documentation as plain text, as ruff prints ``ruff rule F401``."""
        parts = [
            f"{self.code} ({self.name}) [{self.severity.value}]",
            "",
            f"What it finds: {self.summary}",
            f"Why it matters: {self.why}",
            "Example:",
            _indent(self.example),
            "Instead:",
            _indent(self.instead),
        ]
        if self.known_problems:
            parts += ["Known problems:", _indent(self.known_problems)]
        parts.append(f"Fix: {'safe, applied by `quality fix`' if self.fix == 'safe' else 'none'}")
        if self.corpus:
            parts.append("Needs the corpus pass (other articles of the source or story).")
        return "\n".join(parts)


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines() or [""])


class RuleRegistry:
    """All known rules by code. Detectors register their rules at import time."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def register(self, *rules: Rule) -> tuple[Rule, ...]:
        for rule in rules:
            match = _CODE.match(rule.code)
            if not match or match["prefix"] not in FAMILIES:
                raise ValueError(f"bad rule code {rule.code!r}: want a known prefix and three digits")
            if rule.code in self._rules and self._rules[rule.code] != rule:
                raise ValueError(f"rule code {rule.code} registered twice")
            if not rule.fires or not rule.passes:
                raise ValueError(f"rule {rule.code} needs examples that fire and that pass")
            self._rules[rule.code] = rule
        return rules

    def __getitem__(self, code: str) -> Rule:
        return self._rules[code.upper()]

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.upper() in self._rules

    def __iter__(self):
        return iter(sorted(self._rules.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self._rules)

    def example_texts(self) -> list[str]:
        """The text of every str and corpus example, in code order: ready-made news-like input
        on which every detector has work (property tests, resource tests, fuzzing seeds)."""
        texts: list[str] = []
        for rule in self:
            for example in (*rule.fires, *rule.passes):
                if isinstance(example, str):
                    texts.append(example)
                elif isinstance(example, CorpusExample):
                    texts.extend(text for _, text in example.articles)
        return texts

    def matching(self, selectors: Iterable[str]) -> set[str]:
        """Codes matched by codes or prefixes (``MOJ``, ``MOJ0``, ``MOJ001``, ``ALL``) or by
        rule names (``control-character``)."""
        chosen: set[str] = set()
        names = {rule.name: code for code, rule in self._rules.items()}
        for written in selectors:
            written = written.strip()
            if written.lower() in names:
                chosen.add(names[written.lower()])
                continue
            selector = written.upper()
            if not selector:
                continue
            hits = {c for c in self._rules if selector == "ALL" or c.startswith(selector)}
            if not hits:
                raise KeyError(f"no rule matches {written!r}{did_you_mean(written, [*self._rules, *names])}")
            chosen |= hits
        return chosen


RULES = RuleRegistry()


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """``"; did you mean 'X'?"`` for the closest of ``known`` (ignoring case), or ``""`` when
    none is close."""
    folded = {name.lower(): name for name in known}
    close = difflib.get_close_matches(word.lower(), list(folded), n=1, cutoff=0.6)
    return f"; did you mean {folded[close[0]]!r}?" if close else ""


def selected_codes(select: Iterable[str] | None, ignore: Iterable[str] | None) -> set[str]:
    """The enabled rule codes: ``select`` (default: all) minus ``ignore``."""
    chosen = RULES.matching(select) if select else {r.code for r in RULES}
    if ignore:
        chosen -= RULES.matching(ignore)
    return chosen


def dominant_kind(counts: Mapping[str, float]) -> str | None:
    """The kind of finding with the highest count, ties going to the first name in alphabetical
    order (so an article and its source's report break a tie the same way); None when every
    count is 0."""
    best = min(counts, key=lambda kind: (-counts[kind], kind), default=None)
    return best if best is not None and counts[best] > 0 else None
