"""The attribution detector: the sourcing score and the ATT findings of one article."""

from __future__ import annotations

import math
import re
from typing import Callable, Mapping, Sequence

from quality.detectors.attribution.analysis import analyse
from quality.detectors.attribution.metrics import SourcingSummary, metrics_of, summarise_sourcing
from quality.detectors.attribution.phrases import is_name, singular
from quality.detectors.attribution.sources import people_noun
from quality.detectors.attribution.quotes import Spans, words_in
from quality.fast_start import fast_start
from quality.quotations import quote_regions
from quality.detectors.attribution.records import ANONYMOUS, KINDS, MEDIA, ORGANISATION, PERSON, Attribution, SentenceAttribution
from quality.detectors.attribution.rules import (
    ANONYMOUS_RELIANCE,
    SECONDHAND,
    SPEAKERLESS_QUOTE,
    THIN_SOURCING,
    UNATTRIBUTED,
)
from quality.detectors.attribution import tables as T
from quality.detectors.attribution.lexicon import SPEECH_FORMS, cue_knows, cue_says
from quality.detectors.attribution.tokens import lower_word, split_words
from quality.detectors.base import Detector, check_option
from quality.english import not_english
from quality.genre import NEWS, OPINION, genre_of
from quality.model import Article, DetectorResult, Finding
from quality.segment import HEADING, SIGNATURE, Sentence
from quality.spans import FindingBuilder

SPEAKERLESS_QUOTE_WORDS = 6  # shorter quotations are titles, slogans or scare quotes

# How much sourcing each genre needs, as a share of ``target_density`` (quality/genre.py). A
# column argues in its author's voice and needs half a report's sourcing; how-to pieces,
# listings and reviews make no claims that need a source, a press release or a promotional
# page speaks for its organisation and a teaser is too short to judge: their sourcing is not measured (no score,
# no ATT001 or ATT004), rather than measured as missing.
# The sourcing density each genre needs; a genre not listed is not measured. A transcript is
# not: its labels say who speaks every line, and its questions claim nothing.
GENRE_NEED: dict[str, float] = {NEWS: 1.0, OPINION: 0.5}


class AttributionDetector(Detector):
    """The sourcing dimension: attribution density weighted by how checkable the sources are."""

    name = "attribution"
    dimension = "sourcing"
    rules = (UNATTRIBUTED, ANONYMOUS_RELIANCE, SECONDHAND, THIN_SOURCING, SPEAKERLESS_QUOTE)
    pooled_metrics = ("claims", "attributed", *(f"n_{kind}" for kind in KINDS))

    @classmethod
    def pool(cls, sums: Mapping[str, float]) -> dict[str, float]:
        """A source's attribution density and source-kind mix, from counts summed over its
        articles before dividing, so that long articles weigh by their sentences, as a reader
        meets them: ``attribution_density`` and ``source_share_KIND``."""
        if "claims" not in sums:
            return {}
        claims, attributed = sums["claims"], sums.get("attributed", 0.0)
        mix = {"attribution_density": attributed / claims if claims else math.nan}
        for kind in KINDS:
            mix[f"source_share_{kind}"] = sums.get(f"n_{kind}", 0.0) / attributed if attributed else math.nan
        return mix

    def __init__(
        self,
        target_density: float = 0.6,
        anonymous_penalty: float = 0.5,
        secondhand_penalty: float = 0.5,
        min_claims: int = 3,
        max_anonymous_share: float = 0.5,
        max_secondhand_share: float = 0.3,
        min_attributed: int = 3,
        min_density: float = 0.2,
        min_claims_for_density: int = 6,
    ) -> None:
        check_option("target_density", target_density, low_open=True)
        for name, value in (("anonymous_penalty", anonymous_penalty), ("secondhand_penalty", secondhand_penalty),
                            ("max_anonymous_share", max_anonymous_share), ("max_secondhand_share", max_secondhand_share),
                            ("min_density", min_density)):  # fmt: skip
            check_option(name, value)
        self.target_density = target_density
        self.anonymous_penalty = anonymous_penalty
        self.secondhand_penalty = secondhand_penalty
        self.min_claims = min_claims
        self.max_anonymous_share = max_anonymous_share
        self.max_secondhand_share = max_secondhand_share
        self.min_attributed = min_attributed
        self.min_density = min_density
        self.min_claims_for_density = min_claims_for_density

    def detect(self, article: Article) -> DetectorResult:
        text = article.text
        if not_english(article):
            # The cue tables are English: on another language every statement would look unsourced.
            empty = summarise_sourcing(text, [], self.anonymous_penalty, self.secondhand_penalty)
            return DetectorResult(score=None, metrics={**metrics_of(empty), "genre": None, "skipped": "not English"})
        genre = genre_of(text)
        need = GENRE_NEED.get(genre)
        analysed = analyse(text, article.source)
        summary = summarise_sourcing(text, analysed, self.anonymous_penalty, self.secondhand_penalty)
        make = self.findings_for(article)
        findings: list[Finding] = []
        if need is not None:
            findings += _unattributed_claims(analysed, make)
        findings += self._source_mix(text, analysed, summary, make)
        if need is not None and summary.claims >= self.min_claims_for_density and (summary.density or 0) < need * self.min_density \
                and _reads_as_a_report(text, analysed):
            message = THIN_SOURCING.message_for(attributed=summary.attributed_claims, claims=summary.claims, density=summary.density,
                                                minimum=need * self.min_density, genre=genre)  # fmt: skip
            findings.append(make(THIN_SOURCING, 0, 0, message))
        findings += _speakerless_quotes(text, analysed, make)
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        score = self.score(summary, need) if need is not None else None
        return DetectorResult(score=score, findings=tuple(findings), metrics={**metrics_of(summary), "genre": genre})

    def score(self, summary: SourcingSummary, need: float = 1.0) -> float | None:
        """The sourcing dimension (formula in the package docstring), against the density the
        genre needs (``need`` times ``target_density``); None on too few claims."""
        if summary.claims < self.min_claims:
            return None
        return min(1.0, summary.weighted / summary.claims / (self.target_density * need))

    def _source_mix(self, text: str, analysed: Sequence[SentenceAttribution], summary: SourcingSummary,
                    make: FindingBuilder) -> list[Finding]:  # fmt: skip
        """ATT002 and ATT003: each distinct unnamed source, or outlet, once, when they carry too
        large a share of the statements the article reports."""
        findings: list[Finding] = []
        if summary.attributed_claims < self.min_attributed:
            return findings
        reported = [item for item in analysed if item.is_claim and any(reports_speech(a, text) for a in item.own)]
        anonymous = {(a.cue_start, a.source_start) for item in reported for a in item.own if _unnamed_source(item, a, text)}
        unnamed = [item for item in reported if any((a.cue_start, a.source_start) in anonymous for a in item.own)]
        share = len(unnamed) / len(reported) if reported else 0.0
        if len(reported) >= self.min_attributed and share > self.max_anonymous_share:
            for a, count in _grouped_sources(text, _first_mentions(unnamed, lambda a: (a.cue_start, a.source_start) in anonymous)):
                findings.append(make(ANONYMOUS_RELIANCE, *_evidence_span(a), ANONYMOUS_RELIANCE.message_for(mentions=_mentions(count), share=share),
                                     "name the source, or say why it cannot be named"))  # fmt: skip
        # As the source mix counts it (``share_secondhand``), but only outlets that pass a claim on.
        relayed = sum(1 for item in analysed if item.is_claim and any(_relayed(a, text) for a in item.attributions))
        share = relayed / summary.attributed_claims if summary.attributed_claims else 0.0
        if share > self.max_secondhand_share:
            for a, count in _grouped_sources(text, _first_mentions(analysed, lambda a: _relayed(a, text))):
                findings.append(make(SECONDHAND, *_evidence_span(a), SECONDHAND.message_for(mentions=_mentions(count), share=share),
                                     "confirm with the original source, or link the report"))  # fmt: skip
        return findings


_INFINITIVE = fast_start(re.compile(r"\bto\s+$"))
MAX_APPOSED_NAME = 60  # characters before a source in which a name in apposition is looked for


def _named_just_before(text: str, start: int) -> bool:
    """Whether two or more capitalised words and a comma stand right before ``start`` ("John
    Roe, " before "a staffer at the ministry"): a name the phrase is in apposition to."""
    before = text[max(0, start - MAX_APPOSED_NAME) : start].rstrip()
    if not before.endswith(","):
        return False
    words = before[:-1].split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words[-2:])


def reports_speech(a: Attribution, text: str) -> bool:
    """The cue reports what a source said or wrote ("said", "according to", "reportedly", a
    speaker label), not a stance or an act ("wants", "voted"), nor an infinitive ("to claim an
    easy victory", "urging employees to report"), which says what someone may say, not what was
    said: only reported speech can rest on a source an editor should name."""
    return cue_says(a.cue) and not _infinitive(a, text)


def _infinitive(a: Attribution, text: str) -> bool:
    return _INFINITIVE.search(text, max(0, a.cue_start - 12), a.cue_start) is not None


def _relayed(a: Attribution, text: str) -> bool:
    """Another outlet passing a claim on ("Reuters reported", "the paper said", "The Post has
    learned"): not an outlet that acts or is acted on ("asked the journalists to reveal their
    sources", "reporters met on Friday to discuss", "the broadcaster plans to"), which passes
    nothing on."""
    return a.kind == MEDIA and (cue_says(a.cue) or cue_knows(a.cue)) and not _infinitive(a, text)


def _unnamed_source(item: SentenceAttribution, a: Attribution, text: str) -> bool:
    """An unnamed person's reported speech (:func:`_unnamed_person`) that the sentence does not
    put in a named speaker's mouth: in "Juncker said that EU leaders had agreed", the leaders
    are what Juncker reports, and he is the source. (An outlet before them only relays them:
    "according to AFP, diplomats say" still rests on unnamed diplomats.)"""
    if not _unnamed_person(a, text):
        return False
    return not any(other.kind in (PERSON, ORGANISATION) and _object_of(other, a, text) and reports_speech(other, text) for other in item.own)


def _object_of(speaker: Attribution, inner: Attribution, text: str) -> bool:
    """Whether ``inner``'s source opens the clause ``speaker``'s verb reports ("said that EU
    leaders ..."), not a clause of its own after it ("..., Clinton told them, the source added")."""
    between = text[speaker.cue_end : inner.source_start] if speaker.cue_end <= inner.source_start else ","
    return _REPORTED_CLAUSE_OPENING.fullmatch(between) is not None


_REPORTED_CLAUSE_OPENING = re.compile(r"\s+(?:that\s+)?")


# What follows a passive of instruction ("are asked to provide", "were told to leave"), which
# reports nothing said (``T.INSTRUCTION_PASSIVES``).
_INSTRUCTION_AFTER = re.compile(r"\s+to\s+\w")


def _unnamed_person(a: Attribution, text: str) -> bool:
    """Reported speech from people the article does not name ("officials said", "a source close
    to the talks", "reportedly", "was reported"): a source whose words include a noun of people
    and no proper name, or a reporting adverb or passive with no source at all. Not a pronoun
    (it stands for a mention of its own), a quantifier alone ("everyone", "another"), a share of
    a poll ("63 percent said"), a document ("according to reports"), a forecast ("is expected
    to"), an instruction or a future ("are asked to provide", "will be announced"), a bare
    "say" with no subject, which is as often a noun or an idiom as a report, "both" (the two
    people just named) or a cue that reports no claim (:func:`_carries_claim`)."""
    if a.kind != ANONYMOUS or not reports_speech(a, text):
        return False
    if a.source_start < 0:
        cue = a.cue.lower().split()
        if cue[0] == "be" or (cue[-1] in T.INSTRUCTION_PASSIVES and _INSTRUCTION_AFTER.match(text, a.cue_end)):
            return False  # "will be announced", "if they are asked to provide"
        if cue[-1] in T.SOURCELESS_ADVERBS:
            return True
        return len(cue) > 1 and cue[-1] not in T.FORECAST_PASSIVES and _hearsay_passive(a, text)
    words = split_words(a.source)
    lowers = [lower_word(w) for w in words]
    if any(w in T.POLL_SHARES or w.isdigit() for w in lowers) or {singular(w) for w in lowers} & T.DOCUMENT_NOUNS:
        return False
    if lowers[0] == "both" or not _carries_claim(a, text):
        return False
    if any(is_name(x) and is_name(y) for x, y in zip(words, words[1:])):
        return False  # "Citizens for Tax Justice advocates": an organisation by name
    if _named_just_before(text, a.source_start):
        return False  # "John Roe, a staffer at the ministry, said": the apposition names him
    if _introduced_group(lowers):
        return False
    return any(w in T.PEOPLE_NOUNS or people_noun(w) for w in lowers)


def _introduced_group(lowers: Sequence[str]) -> bool:
    """"the researchers", "its designers", "the study's authors": a definite group of people,
    whom the article identifies by what they belong to (a study, a product, a festival it names),
    not people it leaves unnamed."""
    if not lowers or not (lowers[0] in T.DEFINITE_DETERMINERS or lowers[0].endswith("'s")):
        return False
    head = next((w for w in lowers[1:] if w in T.PEOPLE_NOUNS or people_noun(w)), None)
    return head is not None and head.endswith("s") and head not in T.ANONYMITY_NOUNS


# What follows a passive of saying that reports hearsay: "is said to be", "was reported that",
# "were described as", "has been accused of", "is alleged he ...". Without it the passive
# reports an act or a result ("were declared the majority", "has been denied.", "the rules have
# been stated many times"), which rests on no one's word.
_HEARSAY_AFTER = re.compile(r",?\s+(?:to\s+\w|(?:that|as|of|for|he|she|they|it|we|there)\b)", re.IGNORECASE)
_IMPERSONAL_IT = re.compile(r"\bit\s+(?:\w+\s+){0,2}$", re.IGNORECASE)  # "it was reported", "it has been said"


def _hearsay_passive(a: Attribution, text: str) -> bool:
    """Whether a sourceless passive reports what someone said (module note above ``_HEARSAY_AFTER``)."""
    return _HEARSAY_AFTER.match(text, a.cue_end) is not None or _IMPERSONAL_IT.search(text, max(0, a.cue_start - 20), a.cue_start) is not None


# What opens the claim a verb reports: "that", a quotation or a colon, after an adverb at most.
_CLAIM_OPENING = re.compile(r"(?:\s+\w+ly)?(?:\s+that\b|\s*[:\"“‘]|,\s*[\"“‘])", re.IGNORECASE)
# A claim already made before its source ('..., officials said', '" said a source').
_CLAIM_BEFORE = re.compile(r"[,\"”’—–]\s*$")
# An instruction after a verb of telling: "told his staff never to speak", "warned them not to
# leave"; an object of up to three words that holds no subject ("told reporters he planned to").
_INSTRUCTION = re.compile(r"(?:\s+(?!(?:he|she|they|we|i|it)\b)[\w'’]+){1,3}?\s+(?:not\s+|never\s+)?to\s+\w", re.IGNORECASE)
_INSTRUCTING = frozenset("tell warn advise inform".split())


def _carries_claim(a: Attribution, text: str) -> bool:
    """Whether the cue puts a claim in the source's mouth, not an act: the source stands after
    the claim ('..., officials said'), or the verb is one whose object is the claim
    (``T.CLAIM_VERBS``: "officials said the talks failed") and is no instruction ("told them to
    leave"), or "that", a quotation or a colon follows the verb ("Republicans calculated that").
    "Delegates petitioned for a rule change" and "Republicans condemned the remarks" report an
    act: the article rests on no one's word for it."""
    opening = min(a.cue_start, a.source_start)
    if _CLAIM_BEFORE.search(text, max(0, opening - 3), opening) or _CLAIM_OPENING.match(text, a.cue_end):
        return True
    lemma = next((SPEECH_FORMS[w] for w in reversed(a.cue.lower().split()) if w in SPEECH_FORMS), None)
    if lemma is None:
        return True  # "according to", a speaker's label: the claim is what the phrase introduces
    return lemma in T.CLAIM_VERBS and not (lemma in _INSTRUCTING and _INSTRUCTION.match(text, a.cue_end))


FIRST_PERSON_SHARE = 0.005  # of the words outside quotations: more is a writer's own voice (a column, a blog, a promotion)


def _reads_as_a_report(text: str, analysed: Sequence[SentenceAttribution]) -> bool:
    """Thin sourcing is a defect of reporting: of text that tells what others did and said, so
    quotes or cites someone at least once, in the third person. A writer's own voice (a column,
    a review, a blog post, a promotion: "I", "we", "you" outside quotations) or a text that
    reports no one's words at all (a listing, a schedule, a results page) makes no such claims."""
    if not any(reports_speech(a, text) and a.kind != ANONYMOUS for item in analysed for a in item.own):
        return False
    quotes = Spans(quote_regions(text))
    words = [w.lower() for item in analysed for w in split_words(_outside(text, item.sentence, quotes))]
    voice = sum(1 for w in words if w in T.WRITER_VOICE)
    return bool(words) and voice <= FIRST_PERSON_SHARE * len(words)


def _outside(text: str, sentence: Sentence, quotes: Spans) -> str:
    """The sentence's text outside quotation marks."""
    pieces, cursor = [], sentence.start
    for a, b in quotes.overlapping(sentence.start, sentence.end):
        pieces.append(text[cursor : max(cursor, a)])
        cursor = max(cursor, b)
    pieces.append(text[cursor : sentence.end])
    return " ".join(pieces)


def _unattributed_claims(analysed: Sequence[SentenceAttribution], make: FindingBuilder) -> list[Finding]:
    """ATT001 on every claim sentence with no source."""
    return [make(UNATTRIBUTED, item.sentence.start, item.sentence.end, UNATTRIBUTED.message,
                 "say who says so (\"..., the ministry said\"), or leave it if it is common knowledge")
            for item in analysed if item.is_claim and not item.attributed]  # fmt: skip


def _speakerless_quotes(text: str, analysed: Sequence[SentenceAttribution], make: FindingBuilder) -> list[Finding]:
    """ATT005 on a quotation of ``SPEAKERLESS_QUOTE_WORDS`` words or more with no possible
    speaker around it: its sentences and the sentence on each side (:func:`_neighbour`) are
    unattributed claims that name no one (no name, personal pronoun or people noun outside
    quotation marks), and nothing introduces it (a colon before it, a signature line after it)."""
    found = []
    by_position = Spans((item.sentence.start, item.sentence.end) for item in analysed)
    for start, end in quote_regions(text):
        if words_in(text[start:end]) < SPEAKERLESS_QUOTE_WORDS:
            continue
        inside = by_position.indices(start, end)
        if not inside:
            continue
        before, after = _neighbour(analysed, inside[0], -1), _neighbour(analysed, inside[-1], 1)
        around = [analysed[j] for j in range(before, after + 1)]
        if any(item.attributed or item.sentence.kind == SIGNATURE for item in around):
            continue
        if not all(analysed[j].is_claim for j in inside) or text[:start].rstrip().endswith(":"):
            continue
        if any(_names_someone(item.sentence, Spans([(start, end)]), text) for item in around):
            continue
        found.append(make(SPEAKERLESS_QUOTE, start, end, SPEAKERLESS_QUOTE.message, "say who said it"))
    return found


def _neighbour(analysed: Sequence[SentenceAttribution], j: int, step: int) -> int:
    """The index of the sentence next to ``analysed[j]`` in the direction ``step``, past
    fragments that separate nothing: a heading or a "sentence" without a letter, which a scraped
    page leaves where a line broke inside a sentence ('... McCreadie told the / News Letter /
    .'). ``j`` itself at the article's edge."""
    k = j + step
    while 0 <= k < len(analysed) and (analysed[k].sentence.kind == HEADING or not any(c.isalpha() for c in analysed[k].sentence.text)):
        k += step
    return min(max(k, 0), len(analysed) - 1)


def _names_someone(sentence: Sentence, quote: Spans, text: str) -> bool:
    """Whether the sentence, outside the quotation, names someone who could be its speaker: a
    name, a personal pronoun or a people noun ("an officer", "officials")."""
    words = split_words(_outside(text, sentence, quote))
    for k, word in enumerate(words):
        low = word.lower()
        if low in T.PERSON_PRONOUNS | T.ANONYMOUS_NOUNS | T.ROLE_NOUNS | T.SPOKESPERSON_NOUNS:
            return True
        if low in T.MONTHS or low in T.WEEKDAYS:
            continue
        if is_name(word) and len(word) > 1 and (k > 0 or low not in T.SENTENCE_STARTERS):
            return True
    return False


def _first_mentions(analysed: Sequence[SentenceAttribution], wanted: Callable[[Attribution], bool]) -> list[Attribution]:
    """The article's own attributions that ``wanted`` accepts, in claim sentences, once each."""
    seen: set[tuple[int, int]] = set()
    out = []
    for item in analysed:
        if not item.is_claim:
            continue
        for a in item.own:
            key = (a.cue_start, a.source_start)
            if wanted(a) and key not in seen:
                seen.add(key)
                out.append(a)
    return out


def _grouped_sources(text: str, found: list[Attribution]) -> list[tuple[Attribution, int]]:
    """One entry per distinct source, at its first mention, with how often the article uses it.

    An article that leans on "officials said" twenty times needs one note to the editor, not
    twenty: the same words ("officials", "a senior official" and "senior officials"), or the
    same sourceless cue ("reportedly"), are one source."""
    groups: dict[str, list[Attribution]] = {}
    for a in found:
        groups.setdefault(_source_key(text[slice(*_evidence_span(a))]), []).append(a)
    return sorted(((members[0], len(members)) for members in groups.values()), key=lambda pair: pair[0].cue_start)


def _source_key(words: str) -> str:
    """Words of a source without articles, case or plural ending: "A senior official" and
    "senior officials" are the same unnamed source."""
    tokens = [w for w in split_words(words.lower().replace("’", "'")) if w not in ("a", "an", "the", "one")]
    if tokens:
        tokens[-1] = singular(tokens[-1])
    return " ".join(tokens)


def _mentions(count: int) -> str:
    return f" (used {count} times in this article)" if count > 1 else ""


def _evidence_span(a: Attribution) -> tuple[int, int]:
    """The source's words when there are any ("officials"), else the cue ("reportedly")."""
    return (a.source_start, a.source_end) if a.source_start >= 0 else (a.cue_start, a.cue_end)
