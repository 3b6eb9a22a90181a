"""Reading an article: every sentence with the attributions it makes or borrows."""

from __future__ import annotations

import re
from dataclasses import replace

from quality.detectors._outlets import outlet_key, spells_outlet
from quality.detectors.attribution import tables as T
from quality.detectors.attribution.carry import carry_over
from quality.detectors.attribution.context import Context
from quality.detectors.attribution.cues import find_attributions
from quality.detectors.attribution.quotes import Spans, words_in
from quality.quotations import quote_regions
from quality.detectors.attribution.records import MEDIA, ORGANISATION, PERSON, Attribution, SentenceAttribution
from quality.detectors.attribution.sources import History, Mention, named_subject
from quality.segment import sentences
from quality.spans import in_headline_case


def analyse(text: str, outlet: str | None = None) -> list[SentenceAttribution]:
    """Every sentence of ``text`` with its attributions (see the package docstring). ``outlet``,
    the article's source when known: where the article cites it, it speaks for itself."""
    quotes = quotations(text)
    key = outlet_key(outlet) if outlet else ""
    results: list[SentenceAttribution] = []
    history: History = []
    companies: dict[str, bool] = {}  # outlet names read as a company's short name, each looked up once
    for index, sentence in enumerate(sentences(text)):
        ctx = Context(text, sentence, quotes, history, index)
        own = [_first_hand(a, key, text, companies) for a in find_attributions(ctx)]
        results.append(SentenceAttribution(sentence, tuple(own)))
        history.extend(Mention(index, a.kind, a.source) for a in own if a.source_start >= 0)
        if not own:
            person = named_subject(ctx.words)
            if person:
                history.append(Mention(index, PERSON, person))
    carry_over(text, results, quotes)
    return results


def _first_hand(attribution: Attribution, outlet: str, text: str, companies: dict[str, bool]) -> Attribution:
    """An outlet citing itself (its poll, its investigation; ``outlet``: its key, "" when not
    known) is an organisation, not another outlet; so is a company whose short name is an
    outlet's (:func:`_introduced_as_company`; ``companies`` keeps the answer for each name)."""
    if attribution.kind != MEDIA:
        return attribution
    source = attribution.source
    if source not in companies:
        companies[source] = _introduced_as_company(source, text)
    if (outlet and spells_outlet(source, outlet)) or companies[source]:
        return replace(attribution, kind=ORGANISATION)
    return attribution


# A capitalised word after a mention of a name that makes it another name ("Sun Microsystems"),
# on the same line; a media word, a section, a day or a month leaves it the outlet ("CNN News",
# "Bloomberg Politics", "Reuters Tuesday").
_NEXT_NAME_WORD = re.compile(r" ([A-Z][\w&'’-]*)")
_NOT_A_LONGER_NAME = T.MEDIA_NAME_WORDS | T.OUTLET_SECTIONS | T.WEEKDAYS | T.MONTHS


def _introduced_as_company(source: str, text: str) -> bool:
    """Whether an outlet's bare name ("Sun", no "the") is the short name of a longer one the
    article writes ("Sun Microsystems has launched ... Sun said"): an article names a company
    in full and then shortens it, while it cites an outlet by the name it cites it with."""
    if " " in source or not source[:1].isupper():
        return False
    for mention in re.finditer(rf"(?<![\w-]){re.escape(source)}(?![\w-])", text):
        following = _NEXT_NAME_WORD.match(text, mention.end())
        if following is not None and following.group(1).lower() not in _NOT_A_LONGER_NAME and not _in_headline(text, mention.start()):
            return True
    return False


def _in_headline(text: str, at: int) -> bool:
    """Whether the line holding ``at`` is in headline case, where every word is capitalised."""
    end = text.find("\n", at)
    words = text[text.rfind("\n", 0, at) + 1 : end if end >= 0 else len(text)].split()
    return in_headline_case(sum(w[:1].isupper() for w in words), len(words))


def quotations(text: str) -> Spans:
    """The article's quotations that hold at least one word."""
    return Spans(q for q in quote_regions(text) if words_in(text[q[0] : q[1]]) >= 1)
