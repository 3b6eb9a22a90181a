"""Translation artifacts: what a translated (often machine-translated) English article betrays.

Only the English text is available, so every rule looks for something English itself, or the
rest of the corpus, rules out. The rules live in small modules, each with its own design notes:

==========  =======================================================  ==================
module      finds                                                    rules
==========  =======================================================  ==================
foreign     words and captions left in the source language           TRN001
names       name spelling variants, given name used as family name   TRN002, TRN003 (+corpus)
phrasing    lost negations, statements by things that cannot speak   TRN004, TRN005
pronouns    "He added" after an institution spoke                    TRN006
referents   "his career" for a woman, "it" for a person, a "which"   TRN013, TRN014,
            that is "her"                                            TRN006
joins       lost spaces, stray full stops, doubled words, loops      TRN007–TRN011
consensus   a paragraph unlike its versions from 3+ other outlets    TRN012 (corpus)
==========  =======================================================  ==================

Word evidence comes from wordfreq (per-language Zipf frequencies, shipped in its wheel, so
nothing is downloaded) and, for long foreign runs only, from langdetect.

Translation fluency (the ``translation_fluency`` dimension)
    Each finding weighs by its severity: error 1, warning 0.5, info 0.1. With ``W`` the summed
    weight and ``n`` the article's words (at least ``min_words``, 50, so a caption-sized text
    is not condemned by one slip), the weighted density is ``d = 100 · W / n`` findings per
    100 words and the score is ``2 ** (-d / half_density)``: 1 for a clean article, 0.5 at
    ``half_density`` (default 1 weighted finding per 100 words), falling towards 0 as
    artifacts pile up. The corpus pass adds the corpus-level findings (name variants against
    other outlets, name-order slips) and recomputes the score the same way.

    Divergence from other versions (``consensus``) weighs continuously, not by its findings:
    every parallel paragraph line (one that 3+ other outlets carry a version of) adds
    ``divergence_weight · divergence · its words`` to ``100 · W``, so a wholly divergent
    article adds ``divergence_weight`` to ``d`` and a faithful one nothing. TRN012 findings
    mark the lines past ``flag_divergence`` and add no weight of their own (their line's
    divergence already counts). ``divergence_gate`` (off by default) counts divergence only in
    a version whose own findings weigh at least that much: one independent wording alone is
    then no defect (docs/translation.md measures what that costs).

Per source, the report's ``per_1k_TRN…`` columns show which artifact kinds dominate; each
article also carries ``translation_dominant_kind`` and one count per kind.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Sequence

from quality.detectors.base import Detector, check_option
from quality.detectors.translation import _tables as tables
from quality.detectors.translation.consensus import ConsensusOptions, ConsensusSummary, LineConsensus, paragraph_texts
from quality.detectors.translation.foreign import ForeignFinder, glossed
from quality.detectors.translation.joins import artifacts
from quality.detectors.translation.name_store import StoredNames
from quality.detectors.translation.names import NameSummary, article_findings, corpus_findings, pack_names, read_names, unpack_names
from quality.detectors.translation.phrasing import phrasing
from quality.detectors.translation.pronouns import pronoun_slips
from quality.detectors.translation.referents import referent_slips
from quality.detectors.translation.rules import (
    ALL_RULES, DIVERGENT_VERSION, GENDER_SLIP, IT_FOR_A_PERSON, KINDS, LOST_SPACE, MISSING_SPACE, PRONOUN_SLIP, SPACE_BEFORE_PUNCTUATION,
    SPLIT_WORD, STRAY_STOP, UNTRANSLATED,
)  # fmt: skip
from quality.english import not_english
from quality.model import Article, DetectorResult, Finding, Severity
from quality.quotations import quote_regions
from quality.rules import dominant_kind
from quality.spans import prose_lines, word_count
from quality.detectors.translation.text import WORD, lines

SEVERITY_WEIGHT = {Severity.ERROR: 1.0, Severity.WARNING: 0.5, Severity.INFO: 0.1}
# Rules whose weight the score takes from a measurement rather than from their findings.
UNWEIGHTED_RULES = frozenset({DIVERGENT_VERSION.code})
# Joins a typist makes too, and what each weighs where nothing else points to translation
# (module docstring): an info finding's weight, a slip to correct rather than a sign.
TYPO_RULES = frozenset({LOST_SPACE.code, MISSING_SPACE.code, STRAY_STOP.code, SPACE_BEFORE_PUNCTUATION.code, SPLIT_WORD.code})
TYPO_WEIGHT = SEVERITY_WEIGHT[Severity.INFO]
# An article whose letters are mostly in untranslated fragments is written in that language: the
# language detector says so once (LNG001), and English fluency does not apply to it, where a
# TRN001 per sentence would bury it (1,239 on one Portuguese page) and score it 0.
FOREIGN_ARTICLE_SHARE = 0.5


@dataclass
class CorpusSummary:
    """The corpus pass's summary: names (TRN002/TRN003) and paragraph versions (TRN012)."""

    names: NameSummary | StoredNames = field(default_factory=NameSummary)
    versions: ConsensusSummary = field(default_factory=ConsensusSummary)


class TranslationDetector(Detector):
    """Finds translation artifacts; scores translation fluency (see the module docstring)."""

    name = "translation"
    dimension = "translation_fluency"
    rules = ALL_RULES
    uses_corpus = True

    def __init__(
        self,
        languages: Sequence[str] = tables.LATIN_LANGUAGES,
        half_density: float = 1.0,
        min_words: int = 50,
        use_langdetect: bool = True,
        divergence_weight: float = 1.0,
        flag_divergence: float = 0.3,
        flag_agreement: float = 0.5,
        min_versions: int = 3,
        divergence_gate: float = 0.0,
    ) -> None:
        check_option("half_density", half_density, low=0.0, high=None, low_open=True)
        check_option("divergence_weight", divergence_weight, low=0.0, high=None)
        check_option("flag_divergence", flag_divergence, low=0.0, low_open=True)
        check_option("flag_agreement", flag_agreement)
        check_option("min_versions", min_versions, low=1, high=None, why="a consensus needs other versions")
        check_option("divergence_gate", divergence_gate, low=0.0, high=None)
        self.divergence_weight = float(divergence_weight)
        self.divergence_gate = float(divergence_gate)
        self.flag_divergence = float(flag_divergence)
        self.flag_agreement = float(flag_agreement)
        self.consensus_options = ConsensusOptions(min_versions=int(min_versions))
        self.languages = tuple(languages)
        self.half_density = float(half_density)
        self.min_words = int(min_words)
        self.foreign = ForeignFinder(self.languages, use_langdetect=use_langdetect)

    # -- one article ----------------------------------------------------------------------
    def detect(self, article: Article) -> DetectorResult:
        if not_english(article):
            # Translation artifacts are measured in English text: a whole article in another
            # language is the language detector's one LNG001, not a TRN001 per sentence.
            return DetectorResult(score=None, metrics={"skipped": f"language {article.language!r}" if article.language else "not English"})
        text = article.text
        make = self.findings_for(article)
        findings: list[Finding] = []
        scripts = self.foreign.has_other_scripts(text)
        foreign_words = self.foreign.foreign_words(text)
        fragments = [
            fragment
            for para in (lines(text) if scripts or foreign_words else ())
            for fragment in self.foreign.fragments(text, para.start, para.end, scripts, foreign_words)
        ]
        fragments += list(self.foreign.other_language_clauses(text, ((p.start, p.end) for p in lines(text)), fragments))
        quotations = quote_regions(text) if fragments else ()
        fragments = [f for f in fragments if not glossed(text, f, fragments, quotations)]
        foreign_letters = sum(_letters(text[f.start : f.end]) for f in fragments)
        if fragments and foreign_letters > FOREIGN_ARTICLE_SHARE * _prose_letters(text):
            language = Counter(f.language for f in fragments).most_common(1)[0][0]
            return DetectorResult(score=None, metrics={"skipped": f"mostly in {tables.LANGUAGE_NAMES.get(language, language)}"})
        for fragment in fragments:
            language = tables.LANGUAGE_NAMES.get(fragment.language, fragment.language)
            shown = ", ".join(f"“{w}”" for w in fragment.evidence[:4])
            how = "written in its script" if fragment.script else f"{shown} {'is' if len(fragment.evidence) == 1 else 'are'} {language}"
            findings.append(make(UNTRANSLATED, fragment.start, fragment.end, UNTRANSLATED.message_for(language=language, how=how)))
        names = read_names(text)
        words = word_count(text, WORD)
        for found in article_findings(text, names):
            findings.append(
                make(found.code, found.start, found.end, found.message, found.suggestion, Severity.INFO if found.info else None)
            )
        for phrase in phrasing(text):
            findings.append(make(phrase.code, phrase.start, phrase.end, phrase.message, severity=Severity.INFO if phrase.info else None))
        for slip in pronoun_slips(text):
            findings.append(make(PRONOUN_SLIP, slip.start, slip.end, slip.message, "It"))
        for slip in referent_slips(text):
            rule = {GENDER_SLIP.code: GENDER_SLIP, IT_FOR_A_PERSON.code: IT_FOR_A_PERSON, PRONOUN_SLIP.code: PRONOUN_SLIP}[slip.code]
            findings.append(make(rule, slip.start, slip.end, slip.message, "It" if rule is PRONOUN_SLIP else None))
        for artifact in artifacts(text, article.layout):
            findings.append(
                make(artifact.code, artifact.start, artifact.end, artifact.message, artifact.suggestion, Severity.INFO if artifact.info else None)
            )
        # The names read here, packed, and the word count travel to the corpus pass in the result.
        return self._result(words, _unique(findings), carry=(pack_names(names), words))

    def _result(self, words: int, findings: list[Finding], divergent_words: float = 0.0, carry: Any = None,
                versions: bool = False) -> DetectorResult:  # fmt: skip
        """``divergent_words``: the sum over parallel lines of divergence × the line's words;
        ``versions``: other outlets carry versions of some of the article's paragraphs."""
        weight = _weight(findings, typos=not (versions or _translated(findings)))
        density = (100.0 * weight + self.divergence_weight * divergent_words) / max(words, self.min_words)
        score = 2.0 ** (-density / self.half_density)
        kinds = Counter(KINDS[f.rule] for f in findings)
        metrics: dict[str, Any] = {f"n_{kind}": kinds.get(kind, 0) for kind in sorted(set(KINDS.values()))}
        metrics["weighted_per_100_words"] = round(density, 4)
        metrics["dominant_kind"] = dominant_kind(kinds)
        ordered = tuple(sorted(findings, key=lambda f: (f.start, f.end, f.rule)))
        return DetectorResult(score=score, findings=ordered, metrics=metrics, carry=carry)

    # -- corpus pass ----------------------------------------------------------------------
    def summarise(self, chunk: Sequence[tuple[Article, DetectorResult]]) -> CorpusSummary:
        summary = CorpusSummary()
        for article, result in chunk:
            if result.score is None:
                continue
            if result.carry is None:  # a result made elsewhere: read the names again
                summary.names.add(article.source, read_names(article.text))
            else:
                summary.names.add_packed(article.source, result.carry[0])
            summary.versions.add(article.id, article.source, paragraph_texts(article.text))
        return summary

    def merge(self, summaries: Sequence[CorpusSummary]) -> CorpusSummary:
        present = [s for s in summaries if s is not None]
        return CorpusSummary(NameSummary.merged(s.names for s in present), ConsensusSummary.merged(s.versions for s in present))

    def apply(self, article: Article, result: DetectorResult, summary: CorpusSummary) -> DetectorResult:
        if result.score is None or summary is None:
            return replace(result, carry=None)
        make = self.findings_for(article)
        packed, words = result.carry if result.carry is not None else (None, None)
        names = None if packed is None else unpack_names(packed)
        extra = [
            make(found.code, found.start, found.end, found.message, found.suggestion, Severity.INFO if found.info else None)
            for found in corpus_findings(article.text, article.source, summary.names, names)
        ]
        parallel = summary.versions.consensus(article.id, article.source, paragraph_texts(article.text), self.consensus_options)
        if not extra and not parallel:
            return replace(result, carry=None)  # the corpus pass is over: nothing more to carry
        paragraphs = lines(article.text) if parallel else ()
        divergent_words = 0.0
        for line in parallel:
            span = paragraphs[line.line]
            divergent_words += line.divergence * word_count(span.text, WORD)
            if line.divergence >= self.flag_divergence and line.agreement >= self.flag_agreement:
                extra.append(make(DIVERGENT_VERSION, span.start, span.end, _divergence_message(line)))
        findings = _unique(list(result.findings) + extra)
        if self.divergence_gate and _weight(findings) < self.divergence_gate:
            divergent_words = 0.0  # one independent wording with no other artifact is not a defect
        updated = self._result(word_count(article.text, WORD) if words is None else words, findings, divergent_words, versions=bool(parallel))
        if parallel:
            metrics = dict(updated.metrics)
            metrics["parallel_lines"] = len(parallel)
            metrics["mean_divergence"] = round(sum(p.divergence for p in parallel) / len(parallel), 4)
            updated = DetectorResult(score=updated.score, findings=updated.findings, metrics=metrics)
        return updated


def _weight(findings: Sequence[Finding], typos: bool = False) -> float:
    """The findings' summed severity weight, TRN012 left out (its lines' divergence counts);
    with ``typos``, joins weigh as typos (``TYPO_WEIGHT``)."""
    return sum(
        min(TYPO_WEIGHT, SEVERITY_WEIGHT[f.severity]) if typos and f.rule in TYPO_RULES else SEVERITY_WEIGHT[f.severity]
        for f in findings
        if f.rule not in UNWEIGHTED_RULES
    )


def _translated(findings: Sequence[Finding]) -> bool:
    """Whether a finding other than a join points to translation: a warning or an error of
    another rule (info findings are hints, not signs)."""
    return any(f.rule not in TYPO_RULES and f.severity is not Severity.INFO for f in findings)


def _divergence_message(line: LineConsensus) -> str:
    return DIVERGENT_VERSION.message_for(versions=line.versions, similarity=line.similarity, agreement=line.agreement)


def _unique(findings: list[Finding]) -> list[Finding]:
    """One finding per (rule, span), keeping the most severe."""
    best: dict[tuple[str, int, int], Finding] = {}
    for finding in findings:
        key = (finding.rule, finding.start, finding.end)
        if key not in best or finding.severity.rank > best[key].severity.rank:
            best[key] = finding
    return list(best.values())


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


def _prose_letters(text: str) -> int:
    """Letters outside table rows: the text whose language the article is written in (a
    standings table's names say nothing about it)."""
    return _letters(prose_lines(text))
