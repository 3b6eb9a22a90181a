"""Carry-over: a sentence with no cue of its own borrows the speaker of the quotation it is in.

A sentence is attributed to a speaker (a) when it lies in a quotation whose speaker is named in
another sentence of the same quotation, (b) when it is mostly quotation and the sentence just
before it is attributed, or (c) when it is the paragraph above a signature line ("— Name
(@handle) date") that signs an embedded post.
"""

from __future__ import annotations

from typing import Sequence

from quality.detectors.attribution.quotes import Spans, quoted_words, words_in
from quality.detectors.attribution.records import Attribution, SentenceAttribution
from quality.segment import SIGNATURE

MOSTLY_QUOTED = 0.5  # share of a sentence's words inside quotation marks that makes it direct speech


def carry_over(text: str, results: list[SentenceAttribution], quotes: Spans) -> None:
    """Give cue-less sentences the speaker they borrow (in place).

    Only sentences without a cue of their own change here, so which sentences have one, and who
    speaks in them, is fixed: speakers of quotations and next paragraphs are looked up in tables
    built once, which keeps a long article linear.
    """
    by_position = Spans((item.sentence.start, item.sentence.end) for item in results)
    speaker_of_quote: dict[tuple[int, int], Attribution | None] = {}
    next_paragraph = _first_of_next_paragraph(results)
    for k, item in enumerate(results):
        sentence = item.sentence
        if item.own or sentence.kind == SIGNATURE:
            continue
        carried: Attribution | None = None
        overlapping = quotes.overlapping(sentence.start, sentence.end)
        for q in overlapping:  # (a) the same quotation reaches a sentence that names its speaker
            if q not in speaker_of_quote:
                named = next((results[j] for j in by_position.indices(*q) if results[j].own), None)
                speaker_of_quote[q] = _lent(named.speaker()) if named else None
            carried = speaker_of_quote[q]
            if carried:
                break
        if not carried and k > 0:  # (b) mostly quotation, right after an attributed sentence
            previous = results[k - 1]
            mostly_quoted = quoted_words(text, sentence, quotes) / max(1, words_in(sentence.text)) >= MOSTLY_QUOTED
            if mostly_quoted and previous.attributed and sentence.paragraph - previous.sentence.paragraph <= 1:
                carried = _lent(previous.speaker())
        if not carried and next_paragraph[k] is not None:  # (c) the paragraph above a signature line
            later = results[next_paragraph[k]]
            if later.sentence.paragraph == sentence.paragraph + 1 and later.sentence.kind == SIGNATURE and later.own:
                carried = later.own[0].as_carried()
        if carried:
            results[k] = SentenceAttribution(sentence, (), carried)


def _lent(attribution: Attribution | None) -> Attribution | None:
    return attribution.as_carried() if attribution else None


def _first_of_next_paragraph(results: Sequence[SentenceAttribution]) -> list[int | None]:
    """For each sentence, the index of the first later sentence in a later paragraph (None: none)."""
    paragraphs = [item.sentence.paragraph for item in results]
    if any(a > b for a, b in zip(paragraphs, paragraphs[1:])):  # not in order: look each one up
        return [next((j for j in range(k + 1, len(results)) if paragraphs[j] > paragraphs[k]), None) for k in range(len(results))]
    found: list[int | None] = [None] * len(results)
    following: int | None = None
    for k in range(len(results) - 1, -1, -1):
        if k + 1 < len(results) and paragraphs[k + 1] > paragraphs[k]:
            following = k + 1
        found[k] = following
    return found
