"""Per-article sourcing metrics: how many claims are attributed, to what kinds of source, and
how many distinct sources the article names."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from quality.detectors.attribution import tables as T
from quality.detectors.attribution.phrases import is_name
from quality.detectors.attribution.quotes import MIN_QUOTE_WORDS, Spans, words_in
from quality.quotations import quote_regions
from quality.detectors.attribution.records import ANONYMOUS, KINDS, MEDIA, SentenceAttribution
from quality.detectors.attribution.tokens import split_words
from quality.spans import word_count


@dataclass(frozen=True)
class SourcingSummary:
    """What the article tells about its sources (the metrics of the sourcing dimension)."""

    sentences: int
    claims: int
    attributed_claims: int
    density: float | None  # attributed claims / claims
    share_anonymous: float | None  # of attributed claims, those with an anonymous source
    share_secondhand: float | None  # of attributed claims, those passed on by another outlet
    direct_quotes_per_1k_words: float
    distinct_sources: int
    kinds: dict[str, int] = field(default_factory=dict)  # attributed claims by primary kind
    weighted: float = 0.0  # sum of the sentence weights (package docstring)


def summarise_sourcing(
    text: str, analysed: Sequence[SentenceAttribution], anonymous_penalty: float = 0.5, secondhand_penalty: float = 0.5
) -> SourcingSummary:
    claims = [item for item in analysed if item.is_claim]
    attributed = [item for item in claims if item.attributed]
    kinds = {kind: 0 for kind in KINDS}
    weighted = 0.0
    for item in attributed:
        kinds[item.primary.kind] += 1  # type: ignore[union-attr]
        weight = 1.0
        if ANONYMOUS in item.kinds:
            weight *= 1 - anonymous_penalty
        if MEDIA in item.kinds:
            weight *= 1 - secondhand_penalty
        weighted += weight
    by_position = Spans((item.sentence.start, item.sentence.end) for item in analysed)
    quotes = {
        q for q in quote_regions(text)
        if words_in(text[q[0] : q[1]]) >= MIN_QUOTE_WORDS
        and any(analysed[j].attributed for j in by_position.indices(*q))
    }  # fmt: skip
    words = word_count(text)
    n_attributed = len(attributed)
    return SourcingSummary(
        sentences=len(analysed),
        claims=len(claims),
        attributed_claims=n_attributed,
        density=n_attributed / len(claims) if claims else None,
        share_anonymous=sum(ANONYMOUS in i.kinds for i in attributed) / n_attributed if n_attributed else None,
        share_secondhand=sum(MEDIA in i.kinds for i in attributed) / n_attributed if n_attributed else None,
        direct_quotes_per_1k_words=1000 * len(quotes) / words if words else 0.0,
        distinct_sources=len(distinct_sources(analysed)),
        kinds=kinds,
        weighted=weighted,
    )


def distinct_sources(analysed: Sequence[SentenceAttribution]) -> set[str]:
    """Named sources (not pronouns, not anonymous), with a surname merged into the full name
    ("Hua" is "Hua Chunying") and case, articles and possessives ignored."""
    names: list[str] = []
    for item in analysed:
        for a in item.own:
            if a.kind == ANONYMOUS or not a.source or a.source.lower() in T.PERSON_PRONOUNS | T.THING_PRONOUNS:
                continue
            words = [w for w in split_words(a.source) if is_name(w) or w.lower() in T.ORGANISATION_NOUNS]
            if words:
                names.append(" ".join(w.lower().removesuffix("'s").removesuffix("’s") for w in words))
    merged: set[str] = set()
    for name in sorted(set(names), key=len, reverse=True):
        if not any(set(name.split()) <= set(longer.split()) for longer in merged):
            merged.add(name)
    return merged


def metrics_of(summary: SourcingSummary) -> dict[str, Any]:
    """The summary as the detector's metrics (rounded for output)."""

    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 4)

    metrics: dict[str, Any] = {
        "sentences": summary.sentences,
        "claims": summary.claims,
        "attributed": summary.attributed_claims,
        "density": rounded(summary.density),
        "share_anonymous": rounded(summary.share_anonymous),
        "share_secondhand": rounded(summary.share_secondhand),
        "direct_quotes_per_1k_words": round(summary.direct_quotes_per_1k_words, 2),
        "distinct_sources": summary.distinct_sources,
    }
    metrics.update({f"n_{kind}": count for kind, count in summary.kinds.items()})
    return metrics
