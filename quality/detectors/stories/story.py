"""One story read as a whole: who copied whom, what is original, where versions diverge.

Every article is aligned with the other outlets' versions of its story (:mod:`.align`), at most
:data:`MAX_COMPARED` of them, the most alike: the work per article is bounded however large the
story (:class:`StoryReader`). From the alignments:

* its **origin**: of the versions before it (earlier date; on the same date or undated, earlier
  in the input), the one that covers most of its sentences, if it covers at least
  :data:`ORIGIN_COVERAGE` of them;
* its **role**: ``copy`` (most sentences verbatim from its origin), ``rewrite`` (most sentences
  matched in other versions, with an origin), ``origin`` (no origin of its own, and a later
  version draws at least :data:`ORIGIN_COVERAGE` of its sentences from it), ``independent`` (its
  own account of the story), or ``single`` (no other outlet carried the story);
* its **grades**: how many of its sentences are verbatim, edited or reworded versions of another
  outlet's, and how many are original (found in no other outlet's version);
* its **divergences** (:mod:`.divergence`) from the versions of the same days, as findings.
"""

from __future__ import annotations

import re
from collections import Counter, OrderedDict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable, Sequence

import numpy as np
from cachetools import LRUCache, cached

from quality.detectors.attribution.analysis import analyse
from quality.detectors.attribution.lexicon import SPEECH_FORMS, STANCE_FORMS, cue_knows
from quality.detectors.attribution.records import ORGANISATION, PERSON, Attribution, SentenceAttribution
from quality.detectors.attribution.tables import ORGANISATION_NOUNS, PERSON_PRONOUNS, ROLE_NOUNS, SPOKESPERSON_NOUNS, THING_PRONOUNS
from quality.detectors.stories.align import GRADES, VERBATIM, Match, Unit, align_both, units
from quality.detectors.stories.divergence import (
    NAME,
    NameVariant,
    Quantity,
    article_year,
    differing_numbers,
    name_variants,
    names_in,
    quantities,
)
from quality.detectors.stories.profile import zipf
from quality.detectors.stories.rules import NAME_VARIANT, NUMBER_DIVERGES, SOURCE_DROPPED, SPEAKER_CHANGED
from quality.detectors.stories.summary import UNDATED, Grouping, Member, StorySummary
from quality.segment import Sentence, sentences

MAX_COMPARED = 8
# The story reader's caches, each bounded by a measure of what it holds that tracks its memory
# (cachetools' ``getsizeof``), so that longer articles do not make the same count of answers
# hold more; an answer larger than its whole cache is given, not kept. Each budget is about
# the count it replaces on the throughput corpus, whose articles have 4,700 characters, 39
# sentences long enough to align and 1.2 sentences a paragraph on average (its last articles,
# nearly twice as long, fill them with fewer answers).
CACHED_VERSION_CHARS = 1_200_000  # articles read: about 256 of the mean
CACHED_ALIGNED_SENTENCES = 160_000  # alignments, by both sides' sentences: about 2,048 pairs
# Paragraphs whose attribution analysis is kept, by their sentences, apart from the versions
# read: a large story's versions are compared with many of its articles and read again once
# evicted (on the 5,000-article throughput corpus each paragraph analysed was asked for 3.4
# times). The same paragraph in several versions (a wire copy carried by many outlets) is
# analysed once: its analyses by the paragraph's text, moved to each version's offsets.
CACHED_ANALYSED_SENTENCES = 20_000  # about 16,384 paragraphs, in each of the two caches
CACHED_LABELS = 65536
MAX_LABEL_MEMBERS = 64  # a story's label is read from its first articles
WHOLE_STORY = 64  # a story of at most this many articles is read at once (its articles fit the caches)
CACHED_OUTCOMES = 20_000
ORIGIN_COVERAGE = 0.3
# A version is compared sentence by sentence only when this share of the article's sentences
# align with it: two articles of one topic (two polls of one race) share a few sentences'
# words, two versions of one story most of their sentences.
PEER_COVERAGE = 0.5
COPY_SHARE = 0.8  # of its sentences verbatim from its origin
REWRITE_SHARE = 0.5  # of its sentences matched in other versions
LABEL_WORDS = 4
# Versions of a story compared for divergences are dated at most this many days apart.
VERSION_DAYS = 7

SPEAKER_KINDS = (PERSON, ORGANISATION)
CUE_WORDS = frozenset(SPEECH_FORMS) | frozenset(STANCE_FORMS) | {"according"}

SINGLE, ORIGIN, COPY, REWRITE, INDEPENDENT = "single", "origin", "copy", "rewrite", "independent"


@dataclass(frozen=True)
class Divergence:
    """A finding to report on the article: ``rule`` on ``start``:``end``."""

    rule: str
    start: int
    end: int
    message: str
    suggestion: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What the story says about one of its articles."""

    story: str
    label: str
    size: int
    outlets: int
    role: str
    origin: str | None = None
    sentences: int = 0
    grades: dict[str, int] = field(default_factory=dict)  # verbatim, edited, reworded: sentences
    divergences: tuple[Divergence, ...] = ()

    @property
    def original(self) -> int:
        return self.sentences - sum(self.grades.values())


@dataclass
class _Version:
    member: Member
    position: int
    units: list[Unit]
    names: set[str]
    analysis: Callable[[int, int], dict[int, SentenceAttribution]]  # (position, paragraph) -> its sentences' analyses
    _paragraphs: dict[int, tuple[int, int]] = field(default_factory=dict)
    _names: dict[int, set[str]] = field(default_factory=dict)
    _quantities: dict[int, list[Quantity]] = field(default_factory=dict)

    @classmethod
    def read(cls, member: Member, position: int, language: str, analysis: Callable[[int, int], dict[int, SentenceAttribution]]) -> "_Version":
        segmented = sentences(member.text)
        version = cls(member, position, units(member.text, language, segmented), names_in(member.text), analysis)
        version._paragraphs = paragraph_spans(segmented)
        return version

    @property
    def order(self) -> tuple[int, int]:
        return _order(self.member.date, self.position)

    def attribution_at(self, unit: Unit) -> SentenceAttribution | None:
        """The attribution analysis of the sentence ``unit``, read in its paragraph: the
        paragraph is read when first asked, and only paragraphs aligned with another outlet's
        that hold a verb of saying are (:func:`_may_attribute`)."""
        return self.analysis(self.position, unit.paragraph).get(unit.start)

    def quantities(self, unit: Unit) -> list[Quantity]:
        if unit.start not in self._quantities:
            self._quantities[unit.start] = quantities(unit.text, unit.start, article_year(self.member.date))
        return self._quantities[unit.start]

    def unit_names(self, unit: Unit) -> set[str]:
        if unit.start not in self._names:
            self._names[unit.start] = names_in(unit.text)
        return self._names[unit.start]

    def paragraph_span(self, paragraph: int) -> tuple[int, int]:
        return self._paragraphs[paragraph]


def paragraph_spans(segmented: Sequence[Sentence]) -> dict[int, tuple[int, int]]:
    """Each paragraph's span, by the number :class:`~quality.segment.Sentence` gives it: from its
    first sentence's start to its last one's end."""
    spans: dict[int, tuple[int, int]] = {}
    for sentence in segmented:
        start, _ = spans.get(sentence.paragraph, (sentence.start, sentence.end))
        spans[sentence.paragraph] = (start, sentence.end)
    return spans


def _shifted(item: SentenceAttribution, offset: int) -> SentenceAttribution:
    """An analysis of a paragraph, with its offsets moved to the article's."""

    def moved(a: Attribution) -> Attribution:
        source = (a.source_start + offset, a.source_end + offset) if a.source_start >= 0 else (a.source_start, a.source_end)
        return replace(a, cue_start=a.cue_start + offset, cue_end=a.cue_end + offset, source_start=source[0], source_end=source[1])

    sentence = replace(item.sentence, start=item.sentence.start + offset, end=item.sentence.end + offset)
    return SentenceAttribution(sentence, tuple(moved(a) for a in item.own), moved(item.carried) if item.carried else None)


class StoryReader:
    """Reads an article's story for :meth:`outcome`: the article and the versions it is compared
    with, not the whole story, so that the time per article is bounded (by :data:`MAX_COMPARED`)
    however large its story, and the work of one pair serves both sides. Memory is bounded by
    the caches' budgets: :data:`CACHED_VERSION_CHARS` characters of articles read,
    :data:`CACHED_ALIGNED_SENTENCES` sentences of the pairs aligned,
    :data:`CACHED_ANALYSED_SENTENCES` sentences of paragraphs' attribution analyses (by
    paragraph, and by the paragraph's text, shared by the versions that carry it),
    :data:`CACHED_LABELS` story labels, and :data:`CACHED_OUTCOMES` outcomes."""

    def __init__(self, summary: StorySummary, grouping: Grouping, language: str = "en") -> None:
        self.summary = summary
        self.grouping = grouping
        self.language = language
        self._version = cached(LRUCache(CACHED_VERSION_CHARS, getsizeof=lambda v: len(v.member.text)))(self._read_version)
        self._pair = cached(LRUCache(CACHED_ALIGNED_SENTENCES, getsizeof=lambda pair: len(pair[0]) + len(pair[1])))(self._align_pair)
        self._analysis = cached(LRUCache(CACHED_ANALYSED_SENTENCES, getsizeof=len))(self._analyse_paragraph)
        self._analysed_text = cached(LRUCache(CACHED_ANALYSED_SENTENCES, getsizeof=len))(analyse)
        self._label = lru_cache(maxsize=CACHED_LABELS)(self._read_label)
        self._outcomes: OrderedDict[int, dict[int, Outcome]] = OrderedDict()  # by story, bounded by articles
        self._held = 0  # outcomes in the cache

    def outcome(self, position: int) -> Outcome:
        """The article's outcome. A story of at most :data:`WHOLE_STORY` articles is read at
        once, the first time one of its articles is asked for: its articles and alignments are
        then read once for all of them, and the outcomes wait in a cache of
        :data:`CACHED_OUTCOMES` articles."""
        story = int(self.grouping.story[position])
        members = self.grouping.members(story)
        if len(members) > WHOLE_STORY:
            return self._outcome(position, story, members)
        if story not in self._outcomes:
            self._outcomes[story] = {k: self._outcome(k, story, members) for k in members}
            self._held += len(members)
            while self._held > CACHED_OUTCOMES:
                self._held -= len(self._outcomes.popitem(last=False)[1])
        self._outcomes.move_to_end(story)
        return self._outcomes[story][position]

    def _outcome(self, position: int, story: int, members: Sequence[int]) -> Outcome:
        story_id = f"S{story + 1:05d}"
        sources = self.summary.sources
        outlets = len({sources[k] for k in members})
        label = self._label(story)
        if outlets < 2:
            return Outcome(story_id, label, len(members), outlets, SINGLE)
        version = self._version(position)
        compared = self._compared(position, members)
        matches = {j: self._aligned(position, j) for j in compared}  # earliest version first
        versions = {j: self._version(j) for j in compared}
        origin = _origin(version, matches, versions)
        grades = _grades(version, matches)
        role = _role(version, matches, origin, grades, origin is None and self._copied(version, versions))
        divergences = tuple(_divergences(version, matches, versions, self.language))
        return Outcome(
            story_id, label, len(members), outlets, role,
            origin=versions[origin].member.id if origin is not None else None,
            sentences=len(version.units), grades=grades, divergences=divergences,
        )  # fmt: skip

    def _compared(self, position: int, members: Sequence[int]) -> list[int]:
        """The other outlets' versions most alike this one (most agreeing signature numbers;
        ties: first in the input), at most :data:`MAX_COMPARED`, earliest first."""
        source = self.summary.sources[position]
        others = [k for k in members if self.summary.sources[k] != source]
        if len(others) > MAX_COMPARED:
            signatures = self.grouping.signatures
            agreement = np.count_nonzero(signatures.rows(others) == signatures.rows([position]), axis=1)
            others = [others[i] for i in np.argsort(-agreement, kind="stable")[:MAX_COMPARED]]
        return sorted(others, key=lambda k: _order(self.summary.dates[k], k))

    def _copied(self, version: _Version, versions: dict[int, _Version]) -> bool:
        """Whether a later version compared with this one draws at least
        :data:`ORIGIN_COVERAGE` of its sentences from it."""
        for j, other in versions.items():
            if other.order > version.order and other.units:
                theirs = self._aligned(j, version.position)
                if sum(1 for m in theirs if m) / len(other.units) >= ORIGIN_COVERAGE:
                    return True
        return False

    def _read_version(self, position: int) -> _Version:
        return _Version.read(self.summary.member(position), position, self.language, self._analysis)

    def _aligned(self, mine: int, theirs: int) -> list[Match | None]:
        """The mutual matches of ``mine``'s sentences in ``theirs`` (one alignment serves both)."""
        forward, backward = self._pair(min(mine, theirs), max(mine, theirs))
        return forward if mine < theirs else backward

    def _align_pair(self, first: int, second: int) -> tuple[list[Match | None], list[Match | None]]:
        return align_both(self._version(first).units, self._version(second).units)

    def _analyse_paragraph(self, position: int, paragraph: int) -> dict[int, SentenceAttribution]:
        """The attribution analysis of one paragraph, each sentence by its start in the article:
        kept apart from the versions read, since a large story's versions are compared with many
        of its articles and read again once evicted."""
        version = self._version(position)
        start, end = version.paragraph_span(paragraph)
        return {start + item.sentence.start: _shifted(item, start) for item in self._analysed_text(version.member.text[start:end])}

    def _read_label(self, story: int) -> str:
        return story_label([self.summary.member(k) for k in self.grouping.members(story)[:MAX_LABEL_MEMBERS]])


def _order(date: int, position: int) -> tuple[int, int]:
    """Which of two versions came first: the earlier date, undated last; then the input's order."""
    return (date if date != UNDATED else 1 << 40), position


def story_label(members: Sequence[Member]) -> str:
    """The earliest member's title when it has one; else the words most members share."""
    dated = sorted(members, key=lambda m: _order(m.date, 0))
    for member in dated:
        if member.title:
            return member.title
    counts = Counter(term for m in members for term in m.terms)
    first_seen = {}
    for m in members:
        for k, term in enumerate(m.terms):
            first_seen.setdefault(term, k)
    top = sorted(counts, key=lambda t: (-counts[t], first_seen[t]))[:LABEL_WORDS]
    return " ".join(top)


def _origin(version: _Version, matches: dict[int, list[Match | None]], versions: dict[int, _Version]) -> int | None:
    """The earlier version covering most of this one's sentences, if enough of them."""
    if not version.units:
        return None
    best, best_coverage = None, 0.0
    for j, found in matches.items():
        if versions[j].order >= version.order:
            continue
        coverage = sum(1 for m in found if m) / len(version.units)
        if coverage > best_coverage:
            best, best_coverage = j, coverage
    return best if best_coverage >= ORIGIN_COVERAGE else None


def _grades(version: _Version, matches: dict[int, list[Match | None]]) -> dict[str, int]:
    """How many of the version's sentences are, at best, verbatim, edited or reworded
    versions of another outlet's."""
    counts = dict.fromkeys(GRADES, 0)
    for u in range(len(version.units)):
        found = [aligned[u] for aligned in matches.values() if aligned[u]]
        if found:
            counts[min(found, key=lambda m: GRADES.index(m.grade)).grade] += 1
    return counts


def _role(version: _Version, matches: dict[int, list[Match | None]], origin: int | None, grades: dict[str, int], copied: bool) -> str:
    """``copied``: a later version draws from this one, which has no origin of its own."""
    sentences = len(version.units) or 1
    if origin is not None:
        verbatim = sum(1 for m in matches[origin] if m and m.grade == VERBATIM)
        if verbatim / sentences >= COPY_SHARE:
            return COPY
        if sum(grades.values()) / sentences >= REWRITE_SHARE:
            return REWRITE
    return ORIGIN if copied else INDEPENDENT


def _divergences(version: _Version, matches: dict[int, list[Match | None]], versions: dict[int, _Version], language: str) -> list[Divergence]:
    """The version's departures from the versions of the same days (a follow-up weeks later
    tells a later state of the story, not another version of it) that align with at least
    :data:`PEER_COVERAGE` of its sentences (an article of the same topic is not a version). A
    name is compared first with the aligned sentences of those versions, then, one letter away
    at most, with their names; a name any version of the same days uses is no variant."""
    found = []
    same_days = {j for j in matches if _same_days(version.member, versions[j].member)}
    peers = {j for j in same_days if _coverage(matches[j]) >= PEER_COVERAGE}
    variants: dict[str, NameVariant] = {}
    for u, unit in enumerate(version.units):
        aligned = [(versions[j], versions[j].units[found[u].other]) for j, found in matches.items() if found[u] and j in peers]
        if not aligned:
            continue
        for variant in name_variants(unit.text, version.unit_names(unit), [v.unit_names(o) for v, o in aligned], language):
            variants.setdefault(variant.spelling, replace(variant, start=unit.start + variant.start, end=unit.start + variant.end))
        mine = version.quantities(unit)
        if mine:
            theirs = [v.quantities(o) for v, o in aligned]
            for number in differing_numbers(mine, theirs):
                q = number.quantity
                message = NUMBER_DIVERGES.message_for(versions=_versions(number.versions), majority=f"{number.majority:g}", kind=q.kind, value=f"{q.value:g}")
                found.append(Divergence(NUMBER_DIVERGES.code, q.start, q.end, message, number.written))
        found.extend(_attribution_divergences(version, unit, aligned))
    others = [versions[j].names for j in sorted(peers)]
    elsewhere = frozenset(name for j in same_days - peers for name in versions[j].names)  # the story's names all the same
    for variant in name_variants(version.member.text, version.names, others, language, max_distance=1, elsewhere=elsewhere):
        variants.setdefault(variant.spelling, variant)
    for variant in sorted(variants.values(), key=lambda v: v.start):
        message = NAME_VARIANT.message_for(None if variant.versions else "unshared", spelling=variant.spelling, majority=variant.majority, versions=_versions(variant.versions))
        found.append(Divergence(NAME_VARIANT.code, variant.start, variant.end, message, variant.majority))
    return sorted(found, key=lambda d: (d.start, d.rule))


def _coverage(found: list[Match | None]) -> float:
    """The share of an article's sentences matched in another version."""
    return sum(1 for m in found if m) / len(found) if found else 0.0


def _same_days(a: Member, b: Member) -> bool:
    return a.date == UNDATED or b.date == UNDATED or abs(a.date - b.date) <= VERSION_DAYS


def _attribution_divergences(version: _Version, unit: Unit, aligned: list[tuple[_Version, Unit]]) -> list[Divergence]:
    """A claim bare here that most aligned versions attribute to a source this paragraph never
    names (STY003); a claim this version has a person say where most have an organisation say
    it, or the other way round (STY004)."""
    if 2 * sum(1 for _, o in aligned if _may_attribute(o)) <= len(aligned):
        return []  # most versions attribute nothing here either: neither rule can fire
    mine = version.attribution_at(unit)
    if mine is None or not mine.is_claim:
        return []
    if not mine.attributed:
        return _source_dropped(version, unit, [v.attribution_at(o) for v, o in aligned])
    own = _speaker(mine)
    if own is None:
        return []  # attributed to no speaker whose kind the words make plain: nothing to compare
    return _speaker_changed(own, [v.attribution_at(o) for v, o in aligned])


def _speaks_for(one: str, other: str) -> bool:
    """Whether one source's words hold the other's name, as a person's title holds the
    organisation they speak for ("White House Press Secretary Ann Lee", "the White House"; "the
    chair of the electoral board", "the electoral board")."""
    shorter, longer = sorted((one, other), key=len)
    name = " ".join(w for w in shorter.split() if w[:1].isupper() and w.lower() != "the")
    if not name:  # "the municipal electoral board" beside "Paulo Mendes Carvalho, chair of the municipal electoral board"
        words = [w for w in shorter.lower().split() if w != "the"]
        return len(words) >= 2 and " ".join(words) in longer.lower()
    return name in longer


def _source_dropped(version: _Version, unit: Unit, theirs: list[SentenceAttribution | None]) -> list[Divergence]:
    """STY003: the bare claim ``unit`` of ``version``, where more of the aligned versions
    (``theirs``) name a source that this article never mentions than leave it bare too."""
    # (a source that said or held it, not one that knew a fact: "didn't know at the time that")
    named = [s for a in theirs if a is not None and (s := _source(a)) is not None and _named(s) and not cue_knows(s.cue)]
    bare = sum(1 for a in theirs if a is not None and a.is_claim and not a.attributed)
    if not named or len(named) <= bare or _mentioned(named[0].source, version.member.text):
        return []  # a source the article names anywhere is one its reader knows: the claim is carried
    source = named[0].source
    return [
        Divergence(
            SOURCE_DROPPED.code, unit.start, unit.end,
            SOURCE_DROPPED.message_for(versions=_versions(len(named)), source=source),
            f"attribute it to {source}",
        )
    ]  # fmt: skip


def _speaker_changed(own: Attribution, theirs: list[SentenceAttribution | None]) -> list[Divergence]:
    """STY004: ``own`` speaker is a person where more of the aligned versions (``theirs``) have an
    organisation say it, or the other way round."""
    speakers = [_speaker(a) for a in theirs if a is not None]
    kinds = Counter(s.kind for s in speakers if s is not None and s.kind in SPEAKER_KINDS)
    other = next(kind for kind in SPEAKER_KINDS if kind != own.kind)
    if kinds[other] <= kinds[own.kind]:
        return []
    example = next(s.source for s in speakers if s is not None and s.kind == other)
    if _speaks_for(own.source, example):
        return []  # "White House Press Secretary Ann Lee" speaks for "the White House": one speaker
    return [
        Divergence(
            SPEAKER_CHANGED.code, own.source_start, own.source_end,
            SPEAKER_CHANGED.message_for(versions=_versions(kinds[other]), kind="an organisation" if other == ORGANISATION else "a person", example=example, source=own.source),
            example,
        )
    ]  # fmt: skip


def _may_attribute(unit: Unit) -> bool:
    """Whether the sentence holds a verb of saying or stance (or "according"): a sentence
    without one is attributed only by a quotation carried over, which aligned versions share."""
    return not unit.words.isdisjoint(CUE_WORDS)


def _source(item: SentenceAttribution) -> Attribution | None:
    """The sentence's own attribution with a source and the first cue."""
    found = [a for a in item.own if a.source_start >= 0]
    return min(found, key=lambda a: a.cue_start) if found else None


def _speaker(item: SentenceAttribution) -> Attribution | None:
    """The sentence's speaker: its own attribution with a source and the first cue (the main
    clause's, in "I think it tells us ..."), when its kind is plain from the words: a personal
    pronoun, a role or a name for a person; "it" or an organisation noun for an organisation.
    Attribution guesses other sources' kinds, and a guess is no ground for a finding."""
    first = _source(item)
    if first is None or _EXPLETIVE.match(item.sentence.text, first.source_end - item.sentence.start):
        return None  # "It wasn't the first time ...": a dummy subject, no speaker
    words = {w.lower() for w in re.findall(r"[\w'-]+", first.source)}
    if first.kind == PERSON and (words & (ROLE_NOUNS | SPOKESPERSON_NOUNS | {"he", "she"}) or NAME.search(first.source) and not words & ORGANISATION_NOUNS):
        return first
    if first.kind == ORGANISATION and words & (ORGANISATION_NOUNS | {"it"}):
        return first
    return None


# After "it", a form of "be" makes it a dummy subject ("It was clear that", "It wasn't the first time").
_EXPLETIVE = re.compile(r"(?<=\b[Ii]t)(?:['’]s\b|\s+(?:is|was|isn['’]t|wasn['’]t|has been|had been|would be|will be)\b)")


def _named(a: Attribution) -> bool:
    return a.source.lower() not in PERSON_PRONOUNS | THING_PRONOUNS


def _mentioned(source: str, text: str) -> bool:
    """Whether the text names the source: its least common capitalised word (the surname in
    "Chilean Foreign Minister Alberto van Klaveren", not "Foreign"), or its last word."""
    words = NAME.findall(source) or source.split()[-1:]
    telling = min(words, key=lambda w: zipf(w.lower(), "en"))
    return re.search(rf"\b{re.escape(telling.lower())}\b", text.lower()) is not None


def _versions(count: int) -> str:
    return f"{count} other version" + ("s" if count != 1 else "")
