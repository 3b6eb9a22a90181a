"""Stories: the coverage of one story by several outlets, grouped and compared.

Outlets that carry the same story copy, rewrite and translate one another. Inside one article
none of that shows; across the story it does: which version came first and which were derived
from it, what each outlet added of its own, and where a version departs from the others (a
name spelled otherwise, a number changed, a source dropped, a speaker swapped).

The detector runs in three steps, as every corpus detector does (:mod:`quality.detectors.base`):

1. ``detect`` sums up an article by its distinctive words, as a MinHash signature
   (:mod:`.profile`);
2. the corpus summary keeps the signatures and a record of each article, and groups articles
   whose signatures agree into stories (:mod:`.summary`);
3. ``apply`` reads the article with the versions of its story most like it (:mod:`.story`,
   with :mod:`.align` and :mod:`.divergence`), and gives the article its story's columns and
   its divergences as findings (the STY rules, :mod:`.rules`).

Columns (``story_*`` in the article table, named by the pipeline): ``id`` and ``label`` of the story, its ``size``
(articles) and ``outlets``, the article's ``role`` and ``origin``, its ``sentences`` and how
many are ``verbatim``, ``edited`` or ``reworded`` versions of another outlet's or ``original``.
The source report adds per outlet its originality (share of its sentences in stories carried
by other outlets that no other outlet has), divergences per 1,000 words, and the share of its
stories of which it is the origin. There is no score: a copy is not a defect in itself.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

import numpy as np

from quality.detectors.base import Detector, check_option
from quality.detectors.stories.profile import signature, story_terms
from quality.detectors.stories.rules import STORY_RULES
from quality.detectors.stories.story import ORIGIN, SINGLE, Outcome, StoryReader
from quality.detectors.stories.summary import Member, StorySummary, date_ordinal
from quality.model import Article, DetectorResult


class StoryDetector(Detector):
    name = "story"
    dimension = None
    rules = STORY_RULES
    uses_corpus = True
    pooled_metrics = ("compared_sentences", "original_sentences", "divergences", "compared_words", "in_story", "is_origin")

    def __init__(self, window_days: int = 60) -> None:
        """``window_days``: two dated articles more days apart are never one story (0: no limit).
        Sixty days holds a story's announcement and its follow-ups together."""
        check_option("window_days", window_days, 0, None)
        self.window_days = int(window_days) or None

    def detect(self, article: Article) -> DetectorResult:
        terms = story_terms(article.text, _language(article))
        return DetectorResult(score=None, carry=(tuple(terms), signature(terms)))

    @classmethod
    def pool(cls, sums: Mapping[str, float]) -> dict[str, float]:
        figures = {}
        if sums.get("compared_sentences"):
            figures["story_originality"] = sums.get("original_sentences", 0) / sums["compared_sentences"]
        if sums.get("compared_words"):
            figures["story_divergences_per_1k_words"] = 1000 * sums.get("divergences", 0) / sums["compared_words"]
        if sums.get("in_story"):
            figures["story_origin_share"] = sums.get("is_origin", 0) / sums["in_story"]
        return figures

    def summarise(self, chunk: Sequence[tuple[Article, DetectorResult]]) -> StorySummary:
        summary = StorySummary()
        for article, result in chunk:
            if result.carry is None:  # a result made elsewhere: read the article again
                terms = tuple(story_terms(article.text, _language(article)))
                sketch = signature(list(terms))
            else:
                terms, sketch = result.carry
            member = Member(article.id, article.source, date_ordinal(article.date), article.title, terms, article.text)
            summary.add(member, np.asarray(sketch, dtype=np.uint32))
        return summary

    def merge(self, summaries: Sequence[StorySummary]) -> StorySummary:
        return StorySummary.merged(s for s in summaries if s is not None)

    def apply(self, article: Article, result: DetectorResult, summary: StorySummary) -> DetectorResult:
        position = summary.position(article.id) if summary is not None else None
        if position is None:
            return DetectorResult(score=None)
        outcome = self._outcome(summary, position, _language(article))
        make = self.findings_for(article)
        findings = tuple(make(d.rule, d.start, d.end, d.message, d.suggestion) for d in outcome.divergences)
        return DetectorResult(score=None, findings=findings, metrics=_metrics(outcome, article))

    def _outcome(self, summary: StorySummary, position: int, language: str) -> Outcome:
        if summary.reader is None:  # one per summary and process: its caches serve every article
            summary.reader = StoryReader(summary, summary.grouping(self.window_days), language)
        return summary.reader.outcome(position)


def _language(article: Article) -> str:
    return (article.language or "en").split("-")[0].lower()


def _metrics(outcome: Outcome, article: Article) -> dict[str, Any]:
    compared = outcome.role != SINGLE
    return {
        "id": outcome.story,
        "label": outcome.label,
        "size": outcome.size,
        "outlets": outcome.outlets,
        "role": outcome.role,
        "origin": outcome.origin,
        "sentences": outcome.sentences,
        "verbatim": outcome.grades.get("verbatim", 0),
        "edited": outcome.grades.get("edited", 0),
        "reworded": outcome.grades.get("reworded", 0),
        "original": outcome.original,
        "divergences": len(outcome.divergences),
        # pooled per source (:meth:`StoryDetector.pool`): only articles other outlets also covered
        "compared_sentences": outcome.sentences if compared else 0,
        "original_sentences": outcome.original if compared else 0,
        "compared_words": len(article.text.split()) if compared else 0,
        "in_story": int(compared),
        "is_origin": int(outcome.role == ORIGIN),
    }
