"""Reading an article: every sentence with the attributions it makes or borrows."""

from __future__ import annotations

from dataclasses import replace

from quality.detectors._outlets import outlet_key, spells_outlet
from quality.detectors.attribution.carry import carry_over
from quality.detectors.attribution.context import Context
from quality.detectors.attribution.cues import find_attributions
from quality.detectors.attribution.quotes import Spans, words_in
from quality.quotations import quote_regions
from quality.detectors.attribution.records import MEDIA, ORGANISATION, PERSON, Attribution, SentenceAttribution
from quality.detectors.attribution.sources import History, Mention, named_subject
from quality.segment import sentences


def analyse(text: str, outlet: str | None = None) -> list[SentenceAttribution]:
    """Every sentence of ``text`` with its attributions (see the package docstring). ``outlet``,
    the article's source when known: where the article cites it, it speaks for itself."""
    quotes = quotations(text)
    key = outlet_key(outlet) if outlet else ""
    results: list[SentenceAttribution] = []
    history: History = []
    for index, sentence in enumerate(sentences(text)):
        ctx = Context(text, sentence, quotes, history, index)
        own = [_first_hand(a, key) for a in find_attributions(ctx)] if key else find_attributions(ctx)
        results.append(SentenceAttribution(sentence, tuple(own)))
        history.extend(Mention(index, a.kind, a.source) for a in own if a.source_start >= 0)
        if not own:
            person = named_subject(ctx.words)
            if person:
                history.append(Mention(index, PERSON, person))
    carry_over(text, results, quotes)
    return results


def _first_hand(attribution: Attribution, outlet: str) -> Attribution:
    """An outlet citing itself (its poll, its investigation; ``outlet``: its key) is an
    organisation, not another outlet."""
    if attribution.kind == MEDIA and spells_outlet(attribution.source, outlet):
        return replace(attribution, kind=ORGANISATION)
    return attribution


def quotations(text: str) -> Spans:
    """The article's quotations that hold at least one word."""
    return Spans(q for q in quote_regions(text) if words_in(text[q[0] : q[1]]) >= 1)
