"""Attribution: who says so, and how often the article tells.

A reader can only check a claim whose source is named. This detector finds, for every sentence,
whether the article tells where its content comes from, and if so through which cue, from which
source, and whether it quotes the source's words or paraphrases them.

How a sentence is read (no parser, no model: word tables in ``_attribution_tables.py`` and a few
patterns, so that it runs anywhere, fast, and every decision can be traced to a table entry):

1. :mod:`quality.segment` splits the text into sentences and labels headings, captions and
   signature lines, which are not claims.
2. Quotation marks are paired per paragraph; a quotation left open at the end of a paragraph
   runs to its end (the convention for quotes over several paragraphs). Words inside quotations
   are the speaker's, so a "said" inside a quote is never the article's cue.
3. Cues, outside quotations:

   * a verb of saying or reporting (``said``, ``told``, ``announced``, ``claimed`` ...) with its
     subject before it (``the Russian Foreign Ministry said``) or, inverted, after it
     (``"...," said Smith``, ``reported The Financial Times``);
   * a verb of stance (``wants``, ``believes``, ``called for`` ...), which counts only when its
     subject can hold a stance: a name, a pronoun, an organisation or a people noun. PolNeAR's
     guidelines count stances and acts that take a side as attribution, so this includes verbs
     of criticism (``grilled``), of putting a claim forward (``offered no proof``, ``linked X to
     Y``), official acts (``vetoed``, ``the panel voted``), attitude adjectives after "be"
     (``is bullish on``) and light-verb phrases (``made it clear``, ``took issue with``). Verb
     tables hold lemmas; lemminflect spells every form (``swore``, ``begged``, ``labelled``);
   * the subject may stand before a relative pronoun (``Democrats, who have argued``), after
     opening adverbials (``On Thursday, however, X spoke ..., promising``), before a first verb
     that it shares (``X beamed and asked``), or be a document with a long noun phrase before a
     verb of finding (``A 2014 study by ... found``); ``see/view X as Y`` states a view;
   * phrases with the source after them (``according to``, ``citing``, ``quoted ... as saying``);
   * a possessor and a noun of saying or stance (``Trump's claim that``, ``the IMF's estimate``,
     ``his refusal to``);
   * passives (``is expected to``, ``was reported by X``) and adverbs (``reportedly``), which
     attribute without naming a source and therefore count as anonymous;
   * a speaker label before a colon (``WALLACE: ...``, ``Pence: "..."``) and a signature line
     under an embedded post (``— Name (@handle) date``), which attributes the paragraph above.

4. The source's kind comes from its words: an outlet name or a media noun makes it ``media``
   (secondhand reporting); a people noun without a name (``officials``, ``a Chinese official``,
   ``four people briefed on ...``) ``anonymous``; an organisation noun, a capital used for its
   government (``Beijing``) or a spokesperson without a name ``organisation``; a name
   ``person``. Pronouns take the kind of the nearest earlier source that fits.
5. Carry-over: a sentence with no cue of its own is attributed when it lies in a quotation whose
   speaker is named in another sentence of the same quotation, or when it is mostly quotation and
   the sentence just before it is attributed.

A sentence can hold several attributions (``X said, according to TASS``). Its ``source_kind``
in the sentence table is the one that decides how far a reader can check it: media first (the
reader only has the other outlet's word), then anonymous, organisation, person.

Sourcing score (the ``sourcing`` dimension), per article with at least ``min_claims`` claim
sentences (sentences that are not questions, headings, captions or signatures)::

    weight(sentence) = 0 if unattributed, else
                       (1 - anonymous_penalty if any source is anonymous else 1)
                     * (1 - secondhand_penalty if any source is another outlet else 1)
    score = min(1, sum(weight) / claims / (target_density * need))

With the defaults (penalties 0.5, target 0.6) an article in which 60% of the claim sentences name
a first-hand source scores 1; one that attributes everything to other outlets scores at most 0.83
(0.5 / 0.6); one that attributes nothing scores 0. The target is about the median weighted density
of edited US political news (PolNeAR dev articles: quartiles 0.38, 0.58, 0.71), so a score below 1
means "less sourced than a typical edited news article", not "bad". Articles with fewer than
``min_claims`` claim sentences get no score (``None``): there is too little to judge.

``need`` is what the article's genre needs (``GENRE_NEED``; the genre from
:mod:`quality.genre`): 1 for news and transcripts, 0.5 for opinion. How-to pieces, listings and
reviews get no score and no ATT001 or ATT004, and neither does text that is not English
(:func:`quality.english.not_english`): the cue tables are English.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from lemminflect import getAllInflections

from quality.detectors import _attribution_tables as T
from quality.detectors.base import Detector, check_option
from quality.english import not_english
from quality.genre import NEWS, OPINION, TRANSCRIPT, genre_of
from quality.model import Article, DetectorResult, Severity
from quality.rules import RULES, Rule
from quality.segment import SENTENCE, SIGNATURE, Sentence, sentences
from quality.spans import word_count

if TYPE_CHECKING:
    import pandas as pd

PERSON = "person"
ORGANISATION = "organisation"
MEDIA = "media"
ANONYMOUS = "anonymous"
KIND_PRECEDENCE = (MEDIA, ANONYMOUS, ORGANISATION, PERSON)  # what a reader can check, worst first
DIRECT = "direct"
INDIRECT = "indirect"

MIN_QUOTE_WORDS = 3  # fewer quoted words are a scare quote or a title, not the source's speech
MAX_SOURCE_TOKENS = 10  # a subject longer than this is a clause, not a noun phrase
PRONOUN_WINDOW = 6  # sentences back in which a pronoun looks for the source it stands for


# --- data --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attribution:
    """One cue and its source. Offsets are into the article; a missing source has start -1."""

    cue: str
    cue_start: int
    cue_end: int
    source: str
    source_start: int
    source_end: int
    kind: str  # person | organisation | media | anonymous
    quote: str  # direct | indirect
    carried: bool = False


@dataclass(frozen=True)
class SentenceAttribution:
    """A sentence with the attributions found in it, or carried over from its neighbours."""

    sentence: Sentence
    own: tuple[Attribution, ...] = ()
    carried: Attribution | None = None

    @property
    def attributions(self) -> tuple[Attribution, ...]:
        return self.own or ((self.carried,) if self.carried else ())

    @property
    def attributed(self) -> bool:
        return bool(self.own or self.carried)

    @property
    def is_claim(self) -> bool:
        """States something that may need a source: not a question, heading, caption, etc."""
        return self.sentence.kind == SENTENCE

    @property
    def primary(self) -> Attribution | None:
        """The attribution that decides how far a reader can check the sentence."""
        found = self.attributions
        if not found:
            return None
        return min(found, key=lambda a: (KIND_PRECEDENCE.index(a.kind), a.cue_start))

    @property
    def kinds(self) -> set[str]:
        return {a.kind for a in self.attributions}

    def speaker(self) -> Attribution | None:
        """For carry-over: the attribution that names the speaker, not the outlet passing it on."""
        found = self.attributions
        named = [a for a in found if a.source_start >= 0 and a.kind != MEDIA]
        return (named or list(found) or [None])[0]


@dataclass
class _Token:
    text: str
    start: int  # article offset
    end: int
    quoted: bool

    @property
    def lower(self) -> str:
        return self.text.lower().replace("’", "'")

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper() or (self.text[0].isalpha() and not self.text[0].isascii() and not self.text[0].islower())


# --- tables prepared for lookup ----------------------------------------------------------------


def _inflect(lemma: str) -> tuple[str, ...]:
    """The forms of a verb lemma that count as cues: all its inflections, unless the table
    restricts them. lemminflect spells irregular and doubled forms ("swore", "begged",
    "labelled", "vetoes") that a suffix rule gets wrong; a verb it does not know ("retweet")
    takes the regular suffixes."""
    if lemma in T.RESTRICTED_FORMS:
        return T.RESTRICTED_FORMS[lemma]
    return _all_inflections(lemma)


@lru_cache(maxsize=None)
def _all_inflections(lemma: str) -> tuple[str, ...]:
    found = getAllInflections(lemma, upos="VERB")
    forms = [lemma] + sorted({form for spellings in found.values() for form in spellings} - {lemma})
    if len(forms) > 1:
        return tuple(forms)
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return lemma, lemma + "s", stem + "ed", stem + "ing"


def _forms(lemmas: Iterable[str]) -> dict[str, str]:
    return {form: lemma for lemma in lemmas for form in _inflect(lemma) if form not in T.NOT_CUES}


SPEECH_FORMS = _forms(T.SPEECH_VERBS)
STANCE_FORMS = {k: v for k, v in _forms(T.STANCE_VERBS).items() if k not in SPEECH_FORMS}
BASE_FORMS = set(T.SPEECH_VERBS) | set(T.STANCE_VERBS)
# "say" and "tell" attribute whatever their subject ("the document says", "it was told").
UNCONDITIONAL = {"said", "says", "told", "tells", "say", "tell"}
PARTICLES = {"for", "on", "upon", "out", "up", "off", "back", "in", "about", "over", "to"}
PHRASAL = {  # verb lemma -> particles that belong to the cue ("called for", "pointed out")
    "call": {"for", "on", "upon"}, "point": {"out", "to"}, "lash": {"out"}, "hit": {"out"},
    "push": {"for", "back"}, "spell": {"out"}, "weigh": {"in"}, "sum": {"up"},
    "speak": {"of", "about", "out"}, "chime": {"in"}, "open": {"up"}, "rail": {"against", "at"},
}  # fmt: skip
for _lemma in ("point", "hit", "weigh", "sum", "speak", "chime", "rail"):
    for _form in _inflect(_lemma):
        STANCE_FORMS.setdefault(_form, _lemma)
STANCE_FORMS.update({"spoke": "speak", "spoken": "speak", "hit": "hit", "summed": "sum"})
# Light-verb cues: a verb of little meaning with the words that make it a stance.
LIGHT_VERB_CUES = {lemma: sorted((phrase.split() for phrase in phrases), key=len, reverse=True)
                   for lemma, phrases in T.LIGHT_VERB_CUES.items()}
LIGHT_FORMS = {form: lemma for lemma in LIGHT_VERB_CUES for form in _inflect(lemma)}
REQUIRES_PARTICLE = {"point", "hit", "weigh", "sum", "speak", "chime", "lash", "spell", "rail"}
CLAUSE_STARTS = {"that", "how", "what", "whether", "why", "if", "who", "where", "when", ":", "“", '"', "''", "‘"}
BE_FORMS = {"is", "are", "was", "were", "been", "be", "am", "isn't", "aren't", "wasn't", "weren't", "remain",
            "remains", "remained", "seem", "seems", "seemed", "appear", "appears", "appeared", "grew", "grown"}  # fmt: skip

_TOKEN = re.compile(r"[^\W_]+(?:['’.\-&][^\W_]+)*|[^\w\s]", re.UNICODE)
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
           "sep", "sept", "oct", "nov", "dec"}  # fmt: skip
_CLAUSE_WORDS = {"that", "and", "but", "while", "as", "because", "when", "if", "after", "before",
                 "since", "although", "though", "so", "which", "where", "whom", "whose", "or",
                 "than", "whether", "what", "how", "why", "until", "unless", "once", "whereas"}  # fmt: skip
_NOUN_MARKERS = {"a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its",
                 "our", "my", "your", "whose", "no", "any", "every", "each", "such", "first",
                 "new", "latest", "recent"}  # fmt: skip
_SPEAKER_LABEL = re.compile(r"^\s*[\"“]?(?P<label>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})\s*:\s+(?P<rest>\S.*)$", re.S)
_INLINE_SIGNATURE = re.compile(r"[”\"]\s*(?P<dash>[―—])\s*(?P<name>[^\W\d_][^()\n]{1,60}?)\s*(?:\(|[.,]?\s*$)")
_SIGNATURE_NAME = re.compile(r"^\s*(?:—|―|–|--)\s*(?P<name>[^(\n]*?)\s*(?:\(|,|\s(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b|\d|$)", re.I)


def _normalise(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.lower().replace("’", "'").removeprefix("the "))


OUTLETS = {_normalise(name) for name in T.MEDIA_OUTLETS if len(_normalise(name)) > 2} | {
    name.lower() for name in T.MEDIA_OUTLETS if len(_normalise(name)) <= 2
}


# --- quotations -------------------------------------------------------------------------------


_QUOTE_MARK = re.compile(r"''|``|[“«”»\"]")  # doubled marks first: they are one mark, not two


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech (marks included), paired per paragraph.

    Curly quotes pair by direction; straight double quotes and ``''`` toggle. A quotation still
    open at the end of a paragraph runs to the end of the paragraph; a closing mark with no
    opening one before it is a typo and is ignored.
    """
    regions: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        body, base = line.group(), line.start()
        open_at: int | None = None
        for found in _QUOTE_MARK.finditer(body):  # the regex skips the text between marks
            i, width, ch = found.start(), len(found.group()), found.group()
            if width == 2:
                mark = "toggle"
            elif ch in "“«":
                mark = "open"
            elif ch in "”»":
                mark = "close"
            else:
                mark = "toggle"
            if mark == "open" or (mark == "toggle" and open_at is None):
                if open_at is None:
                    open_at = i
            elif open_at is not None:  # closing; a stray closing mark with no opening one is ignored
                regions.append((base + open_at, base + i + width))
                open_at = None
        if open_at is not None:
            end = len(body.rstrip())
            if end - open_at > 1:
                regions.append((base + open_at, base + end))
    return regions


class _Spans:
    """Spans sorted by start and not overlapping (quotations, sentences), and the ones that
    overlap a range, found by bisection: a scan of every quotation per sentence, or of every
    sentence per quotation, made long articles quadratic. Spans that are not sorted and
    disjoint fall back to the scan, with the same answers."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = list(spans)
        self.ends = [end for _, end in self.spans]
        self.ordered = all(s <= e for s, e in self.spans) and all(a[1] <= b[0] for a, b in zip(self.spans, self.spans[1:]))

    def __len__(self) -> int:
        return len(self.spans)

    def __iter__(self):
        return iter(self.spans)

    def indices(self, start: int, end: int) -> list[int]:
        """Indices, in order, of the spans (a, b) with a < end and b > start."""
        if not self.ordered:
            return [k for k, (a, b) in enumerate(self.spans) if a < end and b > start]
        found = []
        k = bisect.bisect_right(self.ends, start)
        while k < len(self.spans) and self.spans[k][0] < end:
            found.append(k)
            k += 1
        return found

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        return [self.spans[k] for k in self.indices(start, end)]


def _words_in(text: str) -> int:
    return len(re.findall(r"[^\W_]+", text))


# --- the analysis ------------------------------------------------------------------------------


def analyse(text: str) -> list[SentenceAttribution]:
    """Every sentence of ``text`` with its attributions (see the module docstring)."""
    segments = sentences(text)
    quotes = _Spans(q for q in quote_regions(text) if _words_in(text[q[0] : q[1]]) >= 1)
    results: list[SentenceAttribution] = []
    history: list[tuple[int, Attribution]] = []  # (sentence index, attribution), for pronouns
    for index, sentence in enumerate(segments):
        tokens = _tokens(text, sentence, quotes)
        own = _find(text, sentence, tokens, quotes, history, index)
        results.append(SentenceAttribution(sentence, tuple(own)))
        history.extend((index, a) for a in own if a.source_start >= 0)
    _carry_over(text, results, quotes)
    return results


def _tokens(text: str, sentence: Sentence, quotes: _Spans) -> list[_Token]:
    inside = _Spans((max(a, sentence.start), min(b, sentence.end)) for a, b in quotes.overlapping(sentence.start, sentence.end))
    starts = [a for a, _ in inside]
    tokens = []
    for match in _TOKEN.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        quoted = text[start] not in "\"“”'’«»" and _inside(inside, starts, start, end)
        tokens.append(_Token(match.group(), start, end, quoted))
    return tokens


def _inside(quotes: _Spans, starts: list[int], start: int, end: int) -> bool:
    """Whether a quotation (a, b) has a < start and end <= b. Quotations are disjoint, so only the
    last one opening before ``start`` can: one bisection, not a scan per token."""
    if not quotes.ordered:
        return any(a < start and end <= b for a, b in quotes)
    k = bisect.bisect_left(starts, start) - 1
    return k >= 0 and end <= quotes.spans[k][1]


def _find(
    text: str,
    sentence: Sentence,
    tokens: list[_Token],
    quotes: _Spans,
    history: list,
    index: int,
) -> list[Attribution]:
    quote_kind = _quote_kind(text, sentence, quotes)
    found: list[Attribution] = []
    used: set[int] = set()  # token positions already part of a cue or source

    def add(cue_tokens: Sequence[_Token], source: tuple[int, int] | None, kind: str | None, positions: Iterable[int]) -> None:
        cue = text[cue_tokens[0].start : cue_tokens[-1].end]
        if source:
            s_start, s_end = tokens[source[0]].start, tokens[source[1] - 1].end
            source_text = text[s_start:s_end]
        else:
            s_start = s_end = -1
            source_text = ""
        found.append(Attribution(cue, cue_tokens[0].start, cue_tokens[-1].end, source_text, s_start, s_end, kind or ANONYMOUS, quote_kind))
        used.update(positions)

    if sentence.kind == SIGNATURE:
        match = _SIGNATURE_NAME.match(sentence.text)
        name = match["name"].strip(" ,") if match else ""
        if name:
            s = sentence.start + sentence.text.index(name)
            kind = _classify_text(name) or PERSON
            dash = sentence.start + len(sentence.text) - len(sentence.text.lstrip())
            found.append(Attribution(text[dash : dash + (2 if text.startswith("--", dash) else 1)], dash,
                                     dash + (2 if text.startswith("--", dash) else 1), name, s, s + len(name), kind, DIRECT))
        return found

    lowers = [t.lower for t in tokens]
    words = [t for t in tokens if t.is_word and t.text[0].isalpha()]
    headline = len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.7 * len(words)
    # Speaker label before a colon: "WALLACE: ...", 'Pence: "..."'.
    label = _SPEAKER_LABEL.match(sentence.text)
    label_words = label["label"].split() if label else []
    if (
        label
        and label["label"].lower() not in T.NOT_SPEAKER_LABELS
        and not any(ch.isdigit() for ch in label["label"])
        and len(label_words) <= 3
        and not any(w.lower() in T.FUNCTION_WORDS for w in label_words)
    ):
        name = label["label"]
        rest = label["rest"]
        transcript = name.isupper() and len(name) > 1
        if transcript or rest[:1] in "\"“'‘" or sentence.kind != SENTENCE or index == 0 or rest[:1].isupper():
            kind = _classify_text(name, strict=True)
            if kind:
                start = sentence.start + sentence.text.index(name)
                colon = sentence.start + sentence.text.index(":", start - sentence.start + len(name))
                found.append(Attribution(":", colon, colon + 1, name, start, start + len(name), kind, DIRECT if rest[:1] in "\"“" or transcript else quote_kind))
    # Inline signature after a quotation: '"..." ― Carla Sanchez.'
    inline = _INLINE_SIGNATURE.search(sentence.text)
    if inline and inline["name"][:1].isupper():
        s = sentence.start + inline.start("name")
        d = sentence.start + inline.start("dash")
        found.append(Attribution(inline["dash"], d, d + 1, inline["name"], s, s + len(inline["name"]), _classify_text(inline["name"]) or PERSON, DIRECT))

    if not _may_hold_cue(lowers):
        return found  # most sentences: no word that can open a cue, so the scan below finds nothing
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.quoted or not token.is_word or i in used:
            i += 1
            continue
        low = lowers[i]
        # Phrases with the source after them: "according to X", "citing X".
        phrase = _phrase_at(lowers, i, T.SOURCE_AFTER_PHRASES)
        if phrase:
            end = i + phrase
            span = _forward_np(tokens, end)
            kind = _classify(tokens, span, history, index) if span else None
            if span and not kind:  # the phrase is unambiguous: an unknown source is still a source
                kind = PERSON if any(_is_name(t.text) for t in tokens[span[0] : span[1]]) else ANONYMOUS
            if span and kind:
                add(tokens[i:end], span, kind, range(i, span[1]))
                i = span[1]
                continue
            i += phrase
            continue
        # "quoted X as saying"
        if low in ("quoted", "quoting") and i + 1 < len(tokens):
            for j in range(i + 1, min(len(tokens), i + 14)):
                if lowers[j] == "as" and j + 1 < len(tokens) and lowers[j + 1] == "saying":
                    span = (i + 1, j)
                    kind = _classify(tokens, span, history, index)
                    if kind:
                        add([tokens[i], tokens[j + 1]], span, kind, range(i, j + 2))
                        subject = _backward_np(tokens, i)
                        subject_kind = _classify(tokens, subject, history, index) if subject else None
                        if subject and subject_kind == MEDIA:
                            add([tokens[i]], subject, MEDIA, range(*subject))
                    break
        # A possessor and a noun of saying: "Trump's claim that", "her remarks".
        noun_cue = _possessive_cue(tokens, lowers, i, history, index)
        if noun_cue:
            noun, span, kind = noun_cue
            add([tokens[noun]], span, kind, range(span[0], noun + 1))
            i = noun + 1
            continue
        if low in ("in", "by") and i + 1 < len(tokens):
            # "in the latest Washington Post/ABC News poll, Clinton led": the poll is the source.
            span = _forward_np(tokens, i + 1)
            if span and _head_word(tokens, span) in T.FINDING_NOUNS:
                add([token], span, _classify(tokens, span, history, index) or ANONYMOUS, range(i, span[1]))
                i = span[1]
                continue
        if low in T.STANCE_NOUNS and i + 1 < len(tokens) and lowers[i + 1] in T.STANCE_NOUN_PREPOSITIONS and i > 0 and lowers[i - 1] not in ("the", "this", "that"):
            head = _first_subject(tokens)
            kind = _classify(tokens, head, history, index, strict=True) if head and head[1] <= i else None
            if head and kind:
                add(tokens[i : i + 2], head, kind, range(i, i + 2))
                i += 2
                continue
        if low in T.SEEMING_VERBS and i + 1 < len(tokens) and lowers[i + 1] in ("to", "that") and token.text[0].islower():
            add([token], None, ANONYMOUS, [i])
            i += 1
            continue
        if low in T.SOURCELESS_ADVERBS:
            add([token], None, ANONYMOUS, [i])
            i += 1
            continue
        if low in T.STANCE_ADJECTIVES:
            stance = _stance_adjective(tokens, lowers, i, history, index)
            if stance:
                cue_span, source, kind = stance
                add(tokens[cue_span[0] : cue_span[1]], source, kind, list(range(*cue_span)) + list(range(*source)))
                i = cue_span[1]
                continue
        light = _light_verb_at(lowers, i)
        if light and token.text[0].islower():
            attribution = _verb_cue(text, tokens, lowers, i, LIGHT_FORMS[low], history, index, cue_length=light)
            if attribution:
                cue_span, source, kind = attribution
                add(tokens[cue_span[0] : cue_span[1]], source, kind, list(range(*cue_span)) + (list(range(*source)) if source else []))
                i = cue_span[1]
                continue
        lemma = SPEECH_FORMS.get(low) or STANCE_FORMS.get(low)
        # Headlines capitalise every word and put their verbs in the present ("Senator Vows To ...").
        headline_verb = headline and i > 0 and (lemma in T.PLAIN_SUBJECT_VERBS | {"see"} or (low.endswith("s") and low != lemma))
        headline_verb = headline_verb and not (i + 1 < len(tokens) and lowers[i + 1] == "of")  # "Grim Details Of": a noun
        if lemma and i not in used and (token.text[0].islower() or headline_verb):
            attribution = _verb_cue(text, tokens, lowers, i, lemma, history, index)
            if attribution:
                cue_span, source, kind = attribution
                add(tokens[cue_span[0] : cue_span[1]], source, kind, list(range(*cue_span)) + (list(range(*source)) if source else []))
                i = cue_span[1]
                continue
        i += 1

    if not found:
        # "in a statement", "at a press briefing" with the clause's subject as the source.
        for k in range(len(tokens)):
            phrase = _phrase_at(lowers, k, T.SETTING_PHRASES)
            after = tokens[k + phrase] if phrase and k + phrase < len(tokens) else None
            if after is not None and after.is_word and not after.capitalised and after.lower not in _SETTING_FOLLOWERS:
                phrase = 0  # "in a video call", "in a post office": a longer noun, not the setting
            if phrase and not tokens[k].quoted:
                subject = _first_subject(tokens)
                kind = _classify(tokens, subject, history, index) if subject else None
                if subject and kind:
                    add(tokens[k : k + phrase], subject, kind, range(k, k + phrase))
                break
    return found


# Words of which a sentence must hold one for a branch of _find's scan to fire: of each phrase
# ("according to", "in a statement") its longest word, since the phrase needs all of them, and
# of a light verb's words ("made it clear") the longest after the verb, for the same reason; the
# nouns, adjectives and adverbs the branches look up; every form of the cue verbs. A possessive
# ("poll's") counts as its noun. tests/test_attribution.py checks that skipping the
# scan of sentences without one changes no attribution.
_CUE_WORDS = frozenset(
    word.lower()
    for word in (
        *(max(phrase.split(), key=len) for phrase in T.SOURCE_AFTER_PHRASES + T.SETTING_PHRASES),
        "quoted", "quoting",
        *T.SPEECH_NOUNS, *T.FINDING_NOUNS, *T.STANCE_NOUNS, *T.SEEMING_VERBS, *T.SOURCELESS_ADVERBS,
        *T.STANCE_ADJECTIVES, *SPEECH_FORMS, *STANCE_FORMS,
        *(max(words, key=len) for phrases in LIGHT_VERB_CUES.values() for words in phrases),
    )
)  # fmt: skip


def _may_hold_cue(lowers: Sequence[str]) -> bool:
    return any(word in _CUE_WORDS or word.removesuffix("'s") in _CUE_WORDS for word in lowers)


# Built once: the union of five tables, which _possessive_cue used to rebuild for every token.
_POSSESSOR_NOUNS = T.ORGANISATION_NOUNS | T.ROLE_NOUNS | T.ANONYMOUS_NOUNS | T.SPOKESPERSON_NOUNS | T.MEDIA_NOUNS


def _possessive_cue(
    tokens: list[_Token], lowers: list[str], i: int, history: list, index: int
) -> tuple[int, tuple[int, int], str] | None:
    """(noun position, source span, kind) for "X's claim", "his remarks" at ``i``, or None."""
    low = lowers[i]
    stem = low.removesuffix("'s")
    named = low.endswith("'s") and (tokens[i].capitalised or stem in _POSSESSOR_NOUNS)
    if not (named or low in ("his", "her", "their", "its")) or tokens[i].quoted:
        return None
    for j in range(i + 1, min(len(tokens), i + 4)):
        if lowers[j] in T.SPEECH_NOUNS and not tokens[j].quoted:
            following = lowers[j + 1] if j + 1 < len(tokens) else ""
            if lowers[j] not in T.SPEECH_ACT_NOUNS and following not in CLAUSE_STARTS | {"to"}:
                return None
            if named:
                k = i
                while k > 0 and (tokens[k - 1].capitalised or _joining_dot(tokens, k - 1) or tokens[k - 1].lower in T.SOURCE_ADJECTIVES | {"the"}):
                    k -= 1
                span = (k, i + 1)
                words = [t.text for t in tokens[span[0] : span[1]]]
                words[-1] = words[-1][:-2]  # drop the possessive 's
                kind = _classify_words(words, strict=True)
            else:
                span = (i, i + 1)
                kind = _resolve({"his": "he", "her": "she", "their": "they"}.get(low, "it"), history, index)
            return (j, span, kind) if kind else None
        if not tokens[j].is_word or tokens[j].capitalised or lowers[j] in _CLAUSE_WORDS:
            return None
    return None


def _phrase_at(lowers: Sequence[str], i: int, phrases: tuple[str, ...]) -> int:
    """Length in words of the first of ``phrases`` (in table order) that starts at ``i``, or 0."""
    if i >= len(lowers):
        return 0
    for words in _phrases_by_first_word(phrases).get(lowers[i], ()):
        if lowers[i : i + len(words)] == words:
            return len(words)
    return 0


@lru_cache(maxsize=None)
def _phrases_by_first_word(phrases: tuple[str, ...]) -> dict[str, list[list[str]]]:
    """A phrase table split into words once and indexed by its first word, keeping table order:
    only phrases that start with the token at hand are compared (this ran for every token)."""
    index: dict[str, list[list[str]]] = {}
    for phrase in phrases:
        words = phrase.split()
        if words:
            index.setdefault(words[0], []).append(words)
    return index


PLURAL_QUANTIFIERS = {"some", "many", "several", "few", "others", "both", "all", "most", "too"}


def _agrees(tokens: list[_Token], subject: tuple[int, int], form: str, lemma: str) -> bool:
    """A verb in -s wants a singular subject: "some calls" is a noun phrase, not "some" calling."""
    if not form.endswith("s") or form in ("says", "is", "has") or form == lemma:
        return True
    words = [t.lower for t in tokens[subject[0] : subject[1]]]
    if len(words) == 1 and words[0] in PLURAL_QUANTIFIERS | {"they", "we", "i", "you"}:
        return False
    return not (words[-1] in PLURAL_QUANTIFIERS)


def _head_word(tokens: list[_Token], span: tuple[int, int]) -> str:
    """The head of a noun phrase: its last word before the first preposition."""
    words = [t.lower for t in tokens[span[0] : span[1]]]
    cut = next((k for k, w in enumerate(words) if k > 0 and w in T.NOUN_PHRASE_LINKS), len(words))
    return words[cut - 1].removesuffix("'s") if cut else ""


def _stance_adjective(
    tokens: list[_Token], lowers: list[str], i: int, history: list, index: int
) -> tuple[tuple[int, int], tuple[int, int], str] | None:
    """'Democrats are worried that', 'Graham has been critical of': be + stance adjective."""
    k = i - 1
    while k >= 0 and (lowers[k] in ("too", "very", "so", "quite", "not", "n't", "also", "still", "more", "less", "as", "increasingly", "deeply", "openly") or lowers[k].endswith("ly")):
        k -= 1
    if k < 0 or lowers[k] not in BE_FORMS:
        return None
    subject = _backward_np(tokens, k)
    kind = _classify(tokens, subject, history, index, strict=True) if subject else None
    if not (subject and kind):
        return None
    end = i + 1
    if end < len(tokens) and lowers[end] in ("about", "of", "that", "to", "with", "over", "on", "toward", "towards"):
        end += 1
    return (k, end), subject, kind


_FINITE_AUXILIARIES = {"is", "was", "were", "are", "had", "has", "have", "would", "will", "could", "can", "may",
                       "might", "should", "did", "does", "must"}  # fmt: skip


def _bare_clause(tokens: list[_Token], start: int) -> bool:
    """A clause without "that" begins at ``start``: a short subject, then a finite auxiliary
    ("found the United States was in breach", "knows there are voters")."""
    if start >= len(tokens) or not tokens[start].is_word or tokens[start].quoted:
        return False  # "As you know, ...": no clause follows
    for j in range(start + 1, min(len(tokens), start + 6)):
        token = tokens[j]
        if token.quoted or not token.is_word or token.lower in _CLAUSE_WORDS:
            return False
        if token.lower in _FINITE_AUXILIARIES:
            return True
    return False


def _light_verb_at(lowers: Sequence[str], i: int) -> int:
    """Length in tokens of a light-verb cue ("made it clear", "took issue with") at ``i``, or 0."""
    lemma = LIGHT_FORMS.get(lowers[i])
    if not lemma:
        return 0
    for words in LIGHT_VERB_CUES[lemma]:
        if list(lowers[i + 1 : i + 1 + len(words)]) == words:
            return 1 + len(words)
    return 0


def _verb_cue(
    text: str, tokens: list[_Token], lowers: list[str], i: int, lemma: str, history: list, index: int,
    cue_length: int = 0,
) -> tuple[tuple[int, int], tuple[int, int] | None, str | None] | None:
    """(cue token span, source token span or None, kind) for a verb cue at ``i``, or None.
    ``cue_length`` is given for a light-verb phrase, which is a stance cue as a whole."""
    low = lowers[i]
    speech = not cue_length and (low in SPEECH_FORMS or lemma in REQUIRES_PARTICLE)
    cue_end = i + max(1, cue_length)
    if cue_length:
        pass  # a light-verb phrase is whole: no particle to take or to require
    elif lemma in PHRASAL and cue_end + 1 < len(tokens) and _manner_adverb(tokens[cue_end]) and lowers[cue_end + 1] in PHRASAL[lemma]:
        cue_end += 2  # "spoke emotionally of", "called repeatedly for": an adverb before the particle
    elif lemma in PHRASAL and cue_end < len(tokens) and lowers[cue_end] in PHRASAL[lemma]:
        cue_end += 1
    elif lemma in REQUIRES_PARTICLE:
        return None
    clause_only = not cue_length and lemma in T.CLAUSE_ONLY_VERBS and not (cue_end < len(tokens) and lowers[cue_end] in CLAUSE_STARTS) and not _bare_clause(tokens, cue_end)
    past = low.endswith("ed") or low in ("said", "told", "wrote", "written", "spoke", "thought", "felt")
    present = low.endswith("s") and low != lemma  # "disputes": a finite verb, like the past tense
    plain = lemma in T.PLAIN_SUBJECT_VERBS or (speech and (past or present) and lemma not in T.THING_SUBJECT_VERBS)
    before = i - 1
    while before >= 0 and _between(tokens[before]):
        before -= 1
    prev = lowers[before] if before >= 0 else ""
    if prev in _NOUN_MARKERS or (before >= 0 and lowers[before].endswith("'s") and lowers[before] not in ("he's", "she's", "it's", "that's", "who's")):
        return None  # "the report", "his plans", "Trump's claim": a noun, not a verb
    if before >= 0 and lowers[before] in ("to",) and before == i - 1:
        # "declined to comment", "wants to say": the governing verb is the cue, if any.
        return None
    # Passive without a named agent: "is expected to", "was reported", "was quoted by X".
    aux = i - 1
    while aux >= 0 and lowers[aux] in ("not", "n't", "also", "widely", "long", "often", "now", "still", "generally", "already"):
        aux -= 1
    if aux >= 0 and lowers[aux] in T.PASSIVE_AUXILIARIES and (low in T.PASSIVE_CUES or low.endswith("ed")):
        if cue_end < len(tokens) and lowers[cue_end] == "by":
            span = _forward_np(tokens, cue_end + 1)
            agent = _classify(tokens, span, history, index, strict=low not in T.PASSIVE_CUES) if span else None
            if span and (agent or low in T.PASSIVE_CUES):
                # "was reported by X" names a source whatever X is; "was blocked by snow" does not
                return (aux, cue_end), span, agent or ANONYMOUS
        if low.endswith("ed") and low in SPEECH_FORMS and SPEECH_FORMS[low] not in T.THING_SUBJECT_VERBS:
            return (aux, cue_end), None, ANONYMOUS  # "the visit was announced": by no one named
        if low in T.SOURCELESS_PASSIVES:
            nxt = lowers[cue_end] if cue_end < len(tokens) else ""
            if nxt in ("to", "that", "as", ",", ".", "by", "") or low in ("reported", "alleged"):
                if not (low == "known" and nxt == "as") and not (low == "described" and nxt != "as"):
                    return (aux, cue_end), None, ANONYMOUS
        return None
    subject = _backward_np(tokens, i)
    # A relative clause: "Democrats, who have argued", "the government, which has denied": the
    # antecedent before the pronoun speaks. Auxiliaries and adverbs may stand between.
    relative = before >= 0 and lowers[before] in ("who", "which", "that") and all(_between(t) for t in tokens[before + 1 : i])
    if subject is None and relative:
        subject = _backward_np(tokens, before + (1 if before >= 1 and lowers[before - 1] != "," else 0), skip_comma=True)
        if subject and not _classify(tokens, subject, history, index, strict=True):
            # "... is risky for Cruz, who refused": the antecedent is the name just before the
            # pronoun, not the phrase that holds it.
            k = subject[1]
            while k > subject[0] and (_is_name(tokens[k - 1].text) or _joining_dot(tokens, k - 1)):
                k -= 1
            if k < subject[1] and k > subject[0] and tokens[k - 1].lower in _PREPOSITIONS | {"than", "like"}:
                subject = (k, subject[1])
    if subject is None and before >= 2 and lowers[before] == "whom" and lowers[before - 1] == "of":
        # "many of whom say": a part of a group the sentence has just named, unnamed itself.
        return (i, cue_end), (before - 2, before + 1), ANONYMOUS
    kind = _classify(tokens, subject, history, index, strict=not plain) if subject else None
    if subject and kind and not _agrees(tokens, subject, low, lemma):
        return None  # "some calls were", "Health worries have": a plural noun, not a verb
    if lemma in T.FINDING_VERBS and not (subject and kind and not clause_only):
        # "A 2014 study by law professor Ann Lee found ...", "..., a USA TODAY analysis of
        # newly filed reports shows": a document whose noun phrase is too long to walk back over.
        document = _document_subject(tokens, i)
        if document:
            return (i, cue_end), document, _classify(tokens, document, history, index) or ANONYMOUS
    if clause_only and lemma in T.SEE_AS_VERBS and subject and kind:
        # "Critics see the plan as a giveaway": a view, stated by the subject, of an object.
        for j in range(cue_end + 1, min(len(tokens), cue_end + T.MAX_SEE_AS_OBJECT + 1)):
            if lowers[j] == "as" and not (j + 1 < len(tokens) and lowers[j + 1] in T.PERSON_PRONOUNS | T.THING_PRONOUNS):
                return (i, cue_end), subject, kind  # not "as they arrive": a clause of time
            if not tokens[j].is_word or tokens[j].quoted or lowers[j] in _CLAUSE_WORDS:
                break
    if clause_only:
        # "She knows the rules" is not attribution; "one study found ...", "polls show ..." is.
        if subject and kind and _head_word(tokens, subject) in T.DOCUMENT_NOUNS | {"polls", "poll"}:
            return (i, cue_end), subject, kind
        # A reporting clause after its content: "..., her former doctor maintains." The clause
        # the verb would need is the one before the comma.
        closes = cue_end >= len(tokens) or lowers[cue_end] in (".", "!", "?")
        if subject and kind and closes and subject[0] > 0 and lowers[subject[0] - 1] in (",", "”", '"', "''", "—"):
            return (i, cue_end), subject, kind
        return None
    if subject and kind:
        return (i, cue_end), subject, kind
    # Inverted: '"...," said Smith', ', reported The Financial Times', 'notes analyst X in Y'.
    if speech and low != lemma and (i == 0 or lowers[i - 1] in (",", "”", '"', "''", "—", "―", "-", ":", "(")):
        span = _forward_np(tokens, cue_end)
        closes = span is not None and (span[1] >= len(tokens) or not tokens[span[1]].is_word)
        kind = _classify(tokens, span, history, index) if span and closes else None
        if span and kind:
            return (i, cue_end), span, kind
    if before >= 0 and lowers[before] == ",":
        # An inserted phrase between subject and verb: "Brian Fallon, the campaign's press
        # secretary, noted"; "Clinton, at Monday's debate, cited".
        k = before - 1
        while k >= 0 and lowers[k] != "," and before - k <= 14 and not tokens[k].quoted:
            k -= 1
        if k >= 1 and lowers[k] == ",":
            head = _backward_np(tokens, k)
            kind = _classify(tokens, head, history, index, strict=not plain) if head else None
            if head and kind:
                return (i, cue_end), (head[0], before), kind
            inserted = (k + 1, before)  # "Trump's running mate, Indiana Gov. Mike Pence, plans to"
            kind = _classify(tokens, inserted, history, index, strict=True)
            if kind in (PERSON, ORGANISATION, MEDIA):
                return (i, cue_end), (head[0] if head else k + 1, before), kind
        # A participle clause: "..., accusing her of", "..., saying that": the main subject.
        if low.endswith("ing"):
            head = _first_subject(tokens)
            kind = _classify(tokens, head, history, index, strict=True) if head else None
            if head and kind and head[1] <= before:
                return (i, cue_end), head, kind
    if prev == "and" and low != lemma and (speech or lemma in T.COORDINATED_STANCE_VERBS):
        # A second verb of the same subject: "Jones beamed and asked the crowd", "has used the
        # phrase often and criticized". The main clause's subject must be a source by itself.
        head = _first_subject(tokens)
        kind = _classify(tokens, head, history, index, strict=True) if head else None
        if head and kind and head[1] <= before and not any(t.lower in ("," , ";") for t in tokens[head[1] : before]):
            return (i, cue_end), head, kind
    if low.endswith("ing") and before == i - 1 and before >= 1 and not tokens[before].capitalised and (
        lowers[before].endswith("s") or lowers[before].endswith("ed") or lowers[before] in ("kept", "began", "keep", "begin")
    ) and lowers[before] not in _NOUN_MARKERS | _CLAUSE_WORDS | BE_FORMS | {"has", "was", "is", "does", "his", "its"} and not (
        lowers[before] in SPEECH_FORMS or lowers[before] in STANCE_FORMS  # "continued saying": the first verb is the cue
    ):
        # A gerund after a finite verb ("avoids condemning", "kept saying", "started criticizing"):
        # the subject of that verb speaks.
        head = _backward_np(tokens, before)
        kind = _classify(tokens, head, history, index, strict=True) if head else None
        if head and kind:
            return (before, cue_end), head, kind
    if low.endswith("ing") and prev in ("by", "after", "before", "while", "without", "when", "in", "for"):
        # A gerund: "began by saying", "After saying ..., she": the main subject speaks.
        head = _first_subject(tokens)
        kind = _classify(tokens, head, history, index, strict=True) if head else None
        if head and kind:
            return (i, cue_end), head, kind
    if low in UNCONDITIONAL and before >= 0 and prev not in _NOUN_MARKERS and prev not in _CLAUSE_WORDS | {"to"}:
        return (i, cue_end), None, ANONYMOUS
    return None


def _document_subject(tokens: list[_Token], verb: int) -> tuple[int, int] | None:
    """The leftmost document noun phrase ("a new poll", "the Smith report") that opens a clause
    before ``verb``, up to its head noun; None if there is none."""
    first = _first_subject(tokens)
    clause_starts = {first[0]} if first else set()
    for w in range(max(0, verb - T.MAX_DOCUMENT_SUBJECT), verb):
        token = tokens[w]
        if token.quoted or not token.is_word or not ({token.lower, _singular(token.lower)} & (T.DOCUMENT_NOUNS | T.FINDING_NOUNS)):
            continue
        k = w
        while k > 0 and tokens[k - 1].is_word and not tokens[k - 1].quoted and (
            tokens[k - 1].lower in T.DETERMINERS | T.SOURCE_ADJECTIVES | T.DOCUMENT_MODIFIERS
            or tokens[k - 1].capitalised or tokens[k - 1].text.isdigit()
        ):
            k -= 1
        after = tokens[w + 1]
        is_head = w + 1 == verb or not after.is_word or _between(after) or after.lower.endswith("ed") or (
            after.lower in T.NOUN_PHRASE_LINKS | {"by", "that", "which"})  # not "the study area"
        opens_clause = k in clause_starts or (k > 0 and tokens[k - 1].lower in (",", ";", ":", "—", "–"))
        verbs_between = [t for t in tokens[w + 1 : verb] if not t.quoted and (
            (t.lower in SPEECH_FORMS and _singular(t.lower) not in T.DOCUMENT_NOUNS) or t.lower in _CLAUSE_WORDS - {"that", "which"})]
        if is_head and opens_clause and not verbs_between:
            return k, w + 1
    return None


_PREPOSITIONS = {"in", "at", "on", "for", "from", "with", "by", "of", "to", "during", "after", "before", "under", "over"}

# Words that may follow a setting phrase ("in a statement on Monday", "in an interview published
# ..."); any other lower-case word continues the noun ("in a video call").
_SETTING_FOLLOWERS = _CLAUSE_WORDS | _PREPOSITIONS | T.TIME_WORDS | {
    "posted", "released", "published", "issued", "aired", "broadcast", "sent", "given", "late", "early"}


def _manner_adverb(token: _Token) -> bool:
    """An adverb in -ly ("emotionally", "openly"), which may split a verb from its particle."""
    low = token.lower
    return not token.quoted and not token.capitalised and low.endswith("ly") and len(low) > 4 and low.isalpha()


def _between(token: _Token) -> bool:
    """May stand between a subject and its verb: auxiliaries, adverbs, time words."""
    low = token.lower
    if low in ("that", "which", "who"):
        return False
    if low in T.BETWEEN_SUBJECT_AND_VERB:
        return True
    return not token.capitalised and token.is_word and (low.endswith("ly") and len(low) > 4 or low in T.TIME_WORDS)


def _joining_dot(tokens: list[_Token], j: int) -> bool:
    """A "." token that belongs to an abbreviation inside a name ("Sen.", "U.S.", "George W.")."""
    if tokens[j].lower != "." or j == 0 or j + 1 >= len(tokens):
        return False
    before = tokens[j - 1].text
    return (len(before) <= 4 and before[:1].isupper()) or "." in before


def _backward_np(tokens: list[_Token], verb: int, skip_comma: bool = False) -> tuple[int, int] | None:
    """The subject noun phrase that ends before the verb at ``verb`` (token span) or None."""
    j = verb - 1
    while j >= 0 and _between(tokens[j]):
        j -= 1
    if skip_comma:
        while j >= 0 and tokens[j].lower in ("who", "which", "that", ","):
            j -= 1
    end = j + 1
    taken = 0
    while j >= 0 and taken < MAX_SOURCE_TOKENS:
        token = tokens[j]
        low = token.lower
        if token.quoted:
            break
        if low == ")":  # skip a parenthesis: "Sen. Lindsey Graham (R-S.C.) told"
            k = j
            while k >= 0 and tokens[k].lower != "(":
                k -= 1
            if k < 0 or j - k > 8:
                break
            if end == j + 1:
                end = k
            j = k - 1
            continue
        if not token.is_word and low not in ("&", "-", "'", "’") and not _joining_dot(tokens, j):
            break
        if low in _CLAUSE_WORDS and not (low == "and" and j > 0 and tokens[j - 1].capitalised and j + 1 < len(tokens) and tokens[j + 1].capitalised):
            break
        if low in T.BETWEEN_SUBJECT_AND_VERB and low not in ("has", "have", "had", "to") and not token.capitalised:
            break
        if low in SPEECH_FORMS or (low in STANCE_FORMS and not token.capitalised):
            break
        if low.endswith("ed") and not token.capitalised and low not in T.NOUN_PHRASE_LINKS | T.SOURCE_ADJECTIVES:
            break  # a verb: "... signed a joint statement"
        j -= 1
        taken += 1
    start = j + 1
    while start < end and not tokens[start].is_word:
        start += 1
    if start < end and tokens[start].lower in _PREPOSITIONS and (start == 0 or tokens[start - 1].lower == ","):
        # "In the video call ...": an opening phrase, not a subject; but a name that ends it
        # without a comma is the subject ("In a radio interview Jones declared").
        k = end
        while k > start and (_is_name(tokens[k - 1].text) or _joining_dot(tokens, k - 1)):
            k -= 1
        if k < end and k > start and not tokens[k - 1].capitalised and _is_name(tokens[k].text):
            return k, end
        return None
    while start < end and tokens[start].lower in T.NOUN_PHRASE_LINKS and not tokens[start].capitalised:
        start += 1  # "turned to the police department, which reported": the object is the antecedent
    if start >= end:
        return None
    return start, end


def _forward_np(tokens: list[_Token], start: int) -> tuple[int, int] | None:
    """The noun phrase that begins at ``start``: up to punctuation or a clause word."""
    j = start
    while j < len(tokens) and j - start < MAX_SOURCE_TOKENS:
        token = tokens[j]
        low = token.lower
        if token.quoted or (not token.is_word and low not in ("&", "-", "'", "’") and not _joining_dot(tokens, j)):
            break
        if low in _CLAUSE_WORDS and not (low == "and" and j > start and tokens[j - 1].capitalised and j + 1 < len(tokens) and tokens[j + 1].capitalised):
            break
        if j > start and low in T.BETWEEN_SUBJECT_AND_VERB and not token.capitalised:
            break
        if j > start and low in SPEECH_FORMS and tokens[j - 1].lower not in _NOUN_MARKERS and not low.endswith("s"):
            break
        if j > start and (low in ("on", "to", "during", "last", "this", "earlier", "later", "late", "who", "which")):
            break
        if j > start and (low in _MONTHS or low in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday")):
            break
        j += 1
    while j > start and tokens[j - 1].lower in T.NOUN_PHRASE_LINKS | {"in", "at"}:
        j -= 1
    return (start, j) if j > start else None


def _first_subject(tokens: list[_Token]) -> tuple[int, int] | None:
    """The subject of the main clause: the first noun phrase after opening adverbials ("In a
    statement, X ...", "On Thursday, however, X ...", "After saying ..., she ...").

    A subject that starts with a name is the run of names ("Jones spoke to ..." gives "Jones"),
    since a name is not followed by more of its noun phrase in lower case.
    """
    k = 0
    for _ in range(3):
        while k < len(tokens) and tokens[k].lower in T.CLAUSE_OPENERS and (k + 1 < len(tokens) and tokens[k + 1].lower != ","):
            k += 1  # "But X said": a conjunction before the subject
        if k >= len(tokens) or tokens[k].lower not in T.OPENING_ADVERBIAL_WORDS:
            break
        comma = next((c for c in range(k + 1, min(len(tokens), k + T.MAX_OPENING_ADVERBIAL + 1))
                      if tokens[c].lower == "," and not tokens[c].quoted), None)
        if comma is None:
            break
        k = comma + 1
    if k < len(tokens) and _is_name(tokens[k].text) and not tokens[k].quoted:
        end = k
        while end < len(tokens) and (_is_name(tokens[end].text) or _joining_dot(tokens, end)) and not tokens[end].quoted:
            end += 1
        if end < len(tokens) and tokens[end].lower == "(":  # "Sen. Jane Roe (D-Ore.)"
            close = next((c for c in range(end, min(len(tokens), end + 8)) if tokens[c].lower == ")"), None)
            if close is not None:
                return k, end
        if end >= len(tokens) or not tokens[end].capitalised:
            return k, end
    if k < len(tokens) and tokens[k].lower in ("he", "she", "they", "we", "i", "you") and not tokens[k].quoted:
        return k, k + 1  # "She started by saying ...": a pronoun is the whole subject
    span = _forward_np(tokens, k)
    if span:
        # The noun phrase ends before a verb in the past ("The union voted to ..."), unless the
        # participle belongs to it ("people briefed on the talks").
        for j in range(span[0] + 1, span[1]):
            low = tokens[j].lower
            if low.endswith("ed") and not tokens[j].capitalised and low not in T.NOUN_PHRASE_LINKS | T.SOURCE_ADJECTIVES:
                return (span[0], j)
    return span


def _classify(tokens: list[_Token], span: tuple[int, int] | None, history: list, index: int, strict: bool = False) -> str | None:
    """The kind of source a token span names, or None when it cannot be a source."""
    if not span:
        return None
    words = tokens[span[0] : span[1]]
    lowers = [t.lower for t in words]
    if len(words) == 1 and lowers[0] in T.PERSON_PRONOUNS | T.THING_PRONOUNS | {"he's", "she's", "it's", "they're", "we're", "i'm"}:
        return _resolve(lowers[0], history, index)
    if len(words) == 1 and lowers[0] in ("this", "that", "which", "these", "those", "there", "what", "who"):
        return None
    return _classify_words([t.text for t in words], strict)


def _classify_text(name: str, strict: bool = False) -> str | None:
    return _classify_words(_TOKEN.findall(name), strict)


def _classify_words(words: Sequence[str], strict: bool = False) -> str | None:
    words = [w for w in words if w != "."]  # abbreviation dots ("John Roberts Jr.") are not words
    lowers = [w.lower().replace("’", "'") for w in words]
    joined = " ".join(lowers)
    if _is_media(words, lowers, joined):
        return MEDIA
    if _ends_with_person_name(words, lowers):
        return PERSON
    head_words, head_lowers = _head_part(words, lowers)
    if not head_words:
        return None
    head = head_lowers[-1].removesuffix("'s")
    first = head_lowers[0]
    names = [w for w in head_words if _is_name(w)]
    if head_words[-1][:1].isupper() and _is_name(head_words[-1]):
        if head in T.GOVERNMENT_METONYMS:
            return ORGANISATION
        if any(_is_institution(w) for w in head_lowers) and not (set(head_lowers) & (T.ROLE_NOUNS | T.SPOKESPERSON_NOUNS)):
            return ORGANISATION
        return PERSON
    if head in T.SPOKESPERSON_NOUNS:
        return ORGANISATION
    if head in T.ANONYMOUS_NOUNS:
        return ANONYMOUS
    if head in T.ROLE_NOUNS:
        return ANONYMOUS if first in ("a", "an", "one", "some", "several") else PERSON
    if _is_institution(head):
        return ORGANISATION
    if head in T.DOCUMENT_NOUNS:
        if names or first in ("the", "this", "that", "its", "their", "his", "her"):
            return ORGANISATION
        return ANONYMOUS
    if head_words[-1][:1].isupper() and head not in T.FUNCTION_WORDS:
        return ORGANISATION if _is_institution(head) else PERSON
    if strict:
        return None
    if first == "the" and len(head_words) <= 4 and head.isalpha() and not head.endswith("s"):
        return PERSON  # "the woman said": someone the article has already introduced
    if first in ("a", "an", "one") and len(head_words) <= 4 and head.isalpha():
        return ANONYMOUS
    return None


QUANTIFIERS = {"one", "some", "many", "most", "each", "all", "several", "none", "both", "half", "few",
               "number", "group", "majority", "minority", "handful", "dozens", "hundreds", "thousands",
               "a", "an", "the", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "couple", "host", "series", "lot", "lots", "plenty", "any", "more", "other", "others"}  # fmt: skip


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _ends_with_person_name(words: Sequence[str], lowers: Sequence[str]) -> bool:
    """'spokesperson Hua Chunying', "China's Ministry of Foreign Affairs spokesperson Hua Chunying":
    a run of names right after a role or title, or making up the whole phrase."""
    k = len(words)
    while k > 0 and _is_name(words[k - 1]) and not _is_institution(lowers[k - 1]):
        k -= 1
    run = len(words) - k
    if run == 0 or (run == 1 and k > 0 and lowers[k - 1] not in T.ROLE_NOUNS | T.SPOKESPERSON_NOUNS):
        return False
    if k == 0:
        return not any(_is_institution(w) for w in lowers)
    before = lowers[k - 1].rstrip(".")
    return before in T.ROLE_NOUNS | T.SPOKESPERSON_NOUNS or before in ("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "minister")


def _is_institution(word: str) -> bool:
    word = word.removesuffix("'s")
    return word in T.ORGANISATION_NOUNS or _singular(word) in T.ORGANISATION_NOUNS or word in T.GOVERNMENT_METONYMS


def _head_part(words: Sequence[str], lowers: Sequence[str]) -> tuple[Sequence[str], Sequence[str]]:
    """The words up to the head noun: before a preposition, participle or relative pronoun
    ("officials in Beijing", "a union representing ..."); after "of" when what comes before it
    only counts ("one of the president's advisers", "a majority of voters")."""
    start = 0
    while True:
        cut = len(words)
        for k in range(start + 1, len(words)):
            low = lowers[k]
            if words[k][:1].isupper():
                continue
            if low in T.NOUN_PHRASE_LINKS or low in ("who", "that", "which", ",") or (low.endswith("ing") and low not in T.ANONYMOUS_NOUNS):
                cut = k
                break
        if cut < len(words) and lowers[cut] == "of" and all(w in QUANTIFIERS or w.isdigit() for w in lowers[start:cut]):
            start = cut + 1
            continue
        return words[start:cut], lowers[start:cut]


def _is_name(word: str) -> bool:
    low = word.lower().replace("’", "'").removesuffix("'s")
    if not word[:1].isupper() and not (word[:1].isalpha() and not word[:1].isascii()):
        return False
    return low not in _NOT_NAMES


# Capitalised words that are not names: sentence-initial common nouns ("Officials said"), demonyms.
_NOT_NAMES = (T.CAPITALISED_ADJECTIVES | T.FUNCTION_WORDS | T.SOURCE_ADJECTIVES | T.ANONYMOUS_NOUNS | T.DOCUMENT_NOUNS
              | T.MEDIA_NOUNS | T.PERSON_PRONOUNS | T.THING_PRONOUNS | {"polls", "reports", "sources", "studies"})  # fmt: skip


def _is_media(words: Sequence[str], lowers: Sequence[str], joined: str) -> bool:
    if any(phrase in joined for phrase in T.MEDIA_PHRASES):
        return True
    # A media noun as the head ("the newspaper", "state media"), not "media adviser".
    cut = next((k for k, w in enumerate(lowers) if k > 0 and w in T.NOUN_PHRASE_LINKS), len(lowers))
    if cut and lowers[cut - 1] in T.MEDIA_NOUNS:
        return True
    # A media noun before a name: "the Moscow daily Vedomosti", "news agency TASS".
    if any(lowers[k] in T.MEDIA_NOUNS and words[k + 1][:1].isupper() for k in range(len(words) - 1)):
        return True
    # Outlet names: any run of capitalised words (or a short all-caps acronym).
    n = len(words)
    for a in range(n):
        if not words[a][:1].isupper() and words[a].lower() != "the":
            continue
        for b in range(a + 1, min(n, a + 6) + 1):
            run = words[a:b]
            if not all(w[:1].isupper() or w.lower() in ("the", "of", "de", "della", "i", "-", "'s", "’s") for w in run):
                break
            key = _normalise(" ".join(run))
            if (len(key) > 2 and key in OUTLETS) or (len(key) <= 2 and " ".join(run) in {m for m in T.MEDIA_OUTLETS if len(m) <= 2}):
                return True
        # "The Post", "Dallas Morning News": a capitalised name whose last word is a newspaper word.
    caps = [w for w in words if w[:1].isupper()]
    if len(caps) >= 2 and caps[-1].lower() in T.MEDIA_NAME_WORDS and words[-1] == caps[-1]:
        return True
    if len(words) == 2 and lowers[0] == "the" and lowers[1] in T.MEDIA_NAME_WORDS and words[1][:1].isupper():
        return True
    return False


def _resolve(pronoun: str, history: list, index: int) -> str:
    """A pronoun takes the kind of the nearest earlier source that it can stand for."""
    pronoun = pronoun.split("'")[0]
    wanted = {"he": (PERSON, ANONYMOUS), "she": (PERSON, ANONYMOUS), "i": (PERSON,), "it": (ORGANISATION, MEDIA),
              "we": (ORGANISATION, PERSON), "they": (ORGANISATION, ANONYMOUS, PERSON, MEDIA), "you": (PERSON,)}.get(pronoun, (PERSON,))
    for at, attribution in reversed(history):
        if index - at > PRONOUN_WINDOW:
            break
        singular = not any(w.endswith("s") and w in T.ANONYMOUS_NOUNS for w in attribution.source.lower().split())
        if attribution.kind in wanted and (pronoun not in ("he", "she") or attribution.kind == PERSON or singular):
            return attribution.kind
    if pronoun in ("he", "she", "i", "you"):
        return PERSON  # someone named in the story, if not as a source
    for at, attribution in reversed(history):
        if index - at > PRONOUN_WINDOW:
            break
        return attribution.kind
    return {"it": ORGANISATION, "they": ANONYMOUS}.get(pronoun, PERSON)


def _quote_kind(text: str, sentence: Sentence, quotes: _Spans) -> str:
    quoted_words = sum(_words_in(text[max(a, sentence.start) : min(b, sentence.end)]) for a, b in quotes.overlapping(sentence.start, sentence.end))
    return DIRECT if quoted_words >= MIN_QUOTE_WORDS else INDIRECT


def _carry_over(text: str, results: list[SentenceAttribution], quotes: _Spans) -> None:
    """Attribute cue-less sentences inside a quotation to its speaker (module docstring, 5).

    Only sentences without a cue of their own change here, so which sentences have one, and
    who speaks in them, is fixed: (a) and (c) look it up in tables built once, which keeps a
    long article linear.
    """
    by_position = _Spans((item.sentence.start, item.sentence.end) for item in results)
    speaker_of_quote: dict[tuple[int, int], Attribution | None] = {}
    next_paragraph = _first_of_next_paragraph(results)
    for k, item in enumerate(results):
        sentence = item.sentence
        if item.own:
            continue
        if sentence.kind == SIGNATURE:
            continue
        carried: Attribution | None = None
        overlapping = quotes.overlapping(sentence.start, sentence.end)
        # (a) the same quotation reaches a sentence that names its speaker
        for q in overlapping:
            if q not in speaker_of_quote:
                named = next((results[j] for j in by_position.indices(*q) if results[j].own), None)
                speaker_of_quote[q] = _as_carried(named.speaker()) if named else None
            carried = speaker_of_quote[q]
            if carried:
                break
        # (b) mostly quotation, right after an attributed sentence
        if not carried and k > 0:
            quoted = sum(_words_in(text[max(a, sentence.start) : min(b, sentence.end)]) for a, b in overlapping)
            total = max(1, _words_in(sentence.text))
            previous = results[k - 1]
            if quoted / total >= 0.5 and previous.attributed and sentence.paragraph - previous.sentence.paragraph <= 1:
                carried = _as_carried(previous.speaker())
        # (c) the paragraph above a signature line ("— Name (@handle) date")
        if not carried and next_paragraph[k] is not None:
            later = results[next_paragraph[k]]
            if later.sentence.paragraph == sentence.paragraph + 1 and later.sentence.kind == SIGNATURE and later.own:
                carried = _as_carried(later.own[0])
        if carried:
            results[k] = SentenceAttribution(sentence, (), carried)


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


def _as_carried(attribution: Attribution | None) -> Attribution | None:
    if attribution is None:
        return None
    return Attribution(attribution.cue, attribution.cue_start, attribution.cue_end, attribution.source,
                       attribution.source_start, attribution.source_end, attribution.kind, DIRECT, carried=True)


# --- per-article metrics -----------------------------------------------------------------------


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
    weighted: float = 0.0  # sum of the sentence weights (module docstring)


def summarise_sourcing(
    text: str, analysed: Sequence[SentenceAttribution], anonymous_penalty: float = 0.5, secondhand_penalty: float = 0.5
) -> SourcingSummary:
    claims = [item for item in analysed if item.is_claim]
    attributed = [item for item in claims if item.attributed]
    kinds = {kind: 0 for kind in (PERSON, ORGANISATION, MEDIA, ANONYMOUS)}
    weighted = 0.0
    for item in attributed:
        kinds[item.primary.kind] += 1  # type: ignore[union-attr]
        weight = 1.0
        if ANONYMOUS in item.kinds:
            weight *= 1 - anonymous_penalty
        if MEDIA in item.kinds:
            weight *= 1 - secondhand_penalty
        weighted += weight
    by_position = _Spans((item.sentence.start, item.sentence.end) for item in analysed)
    quotes = {
        q for q in quote_regions(text)
        if _words_in(text[q[0] : q[1]]) >= MIN_QUOTE_WORDS
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
            words = [w for w in _TOKEN.findall(a.source) if _is_name(w) or w.lower() in T.ORGANISATION_NOUNS]
            if words:
                names.append(" ".join(w.lower().removesuffix("'s").removesuffix("’s") for w in words))
    merged: set[str] = set()
    for name in sorted(set(names), key=len, reverse=True):
        if not any(set(name.split()) <= set(longer.split()) for longer in merged):
            merged.add(name)
    return merged


# --- rules -------------------------------------------------------------------------------------

UNATTRIBUTED = Rule(
    code="ATT001",
    name="unattributed-claim",
    severity=Severity.INFO,
    summary="A sentence states something without saying who says so.",
    why="Readers can only check a claim whose source they know. Most background sentences need no "
    "source, so this is information for an editor going through the copy, not a defect.",
    example="Russia will host the summit in February.",
    instead="Russia will host the summit in February, the Kremlin said on Monday.",
    fires=("The minister will visit Moscow next month. Talks will cover trade and energy.",),
    passes=(
        "The minister will visit Moscow next month, the foreign ministry said.",
        "Will the minister visit Moscow?",
    ),
    known_problems="Every sentence without a cue is listed, including common knowledge and the "
    "article's own observations.",
)

ANONYMOUS_RELIANCE = Rule(
    code="ATT002",
    name="anonymous-sources",
    severity=Severity.WARNING,
    summary="Most of the article's attributed statements come from unnamed sources.",
    why="Anonymous sources cannot be checked by the reader; an article that rests mostly on them asks "
    "for trust it does not earn. Each distinct unnamed source is marked once, at its first mention, "
    "with how often the article uses it.",
    example="Officials said the talks failed. A source close to the talks said the mood was tense.",
    instead="Name the sources, or say why they cannot be named and how the claim was checked.",
    fires=(
        "The talks collapsed on Monday, officials said. A source close to the talks said the mood was "
        "tense. Two diplomats said the next round was cancelled. The ministry said talks would resume.",
    ),
    passes=(
        "The talks collapsed on Monday, Foreign Minister Anna Berg said. Her spokesman Tom Hale said the "
        "next round was cancelled. A diplomat said the mood was tense.",
    ),
)

SECONDHAND = Rule(
    code="ATT003",
    name="secondhand-reporting",
    severity=Severity.WARNING,
    summary="A large share of the article's attributed statements come through other news outlets.",
    why="An article built from other outlets' reports repeats claims its authors did not check; the "
    "reader should go to the original reporting. Each outlet cited as a source is marked once, at its "
    "first mention, with how often the article cites it.",
    example="According to Reuters, the talks failed. The visit is planned for May, TASS reported.",
    instead="Report first-hand (ask the sources), or link the original reports and say what was confirmed.",
    fires=(
        "According to Reuters, the talks collapsed on Monday. The next round was cancelled, TASS reported. "
        "The ministry said talks would resume in May.",
    ),
    passes=(
        "The talks collapsed on Monday, the ministry said. The next round was cancelled, Foreign Minister "
        "Anna Berg told reporters. Talks will resume in May, her deputy Tom Hale said. Reuters first "
        "reported the collapse.",
    ),
)

THIN_SOURCING = Rule(
    code="ATT004",
    name="thin-sourcing",
    severity=Severity.WARNING,
    summary="Few of the article's statements are attributed to anyone (low attribution density).",
    why="News that names no sources for most of what it states cannot be checked; it is often "
    "rewritten from elsewhere with the sources stripped out.",
    example="Ten sentences of claims about a visit, none of which says who announced or confirmed it.",
    instead="Say who announced, confirmed or disputed each claim.",
    fires=(
        "The president will visit Moscow in February. The visit will mark the anniversary of the war. "
        "Trade between the two countries grew by a third last year. Energy deals will be signed. "
        "The two leaders last met in September. Relations have grown closer since the war began. "
        "Western countries are watching the visit closely. A joint statement is planned.",
    ),
    passes=(
        "The president will visit Moscow in February, the foreign ministry said. The visit will mark "
        "the anniversary of the war, officials said. Trade grew by a third last year, customs data show. "
        "Energy deals will be signed, the Kremlin said. The two leaders last met in September.",
    ),
)

SPEAKERLESS_QUOTE = Rule(
    code="ATT005",
    name="quote-without-speaker",
    severity=Severity.WARNING,
    summary="A quotation whose speaker is named nowhere around it.",
    why="A quotation is a claim about what someone said; without the speaker it cannot be checked, "
    "and it often means an attribution was lost when the text was rewritten or scraped.",
    example='The visit was announced on Monday. "We will work hard to push relations to a higher level."',
    instead='"We will work hard to push relations to a higher level," the ministry said.',
    fires=(
        'The visit will take place in February. "We will work hard to push relations to a higher level '
        'for the benefit of our peoples."',
    ),
    passes=(
        '"We will work hard to push relations to a higher level for the benefit of our peoples," the '
        "ministry said.",
        'The ministry called the visit a "central event".',
    ),
)

RULES.register(UNATTRIBUTED, ANONYMOUS_RELIANCE, SECONDHAND, THIN_SOURCING, SPEAKERLESS_QUOTE)

SPEAKERLESS_QUOTE_WORDS = 6  # shorter quotations are titles, slogans or scare quotes


class AttributionDetector(Detector):
    """The sourcing dimension: attribution density weighted by how checkable the sources are."""

    name = "attribution"
    dimension = "sourcing"
    rules = (UNATTRIBUTED, ANONYMOUS_RELIANCE, SECONDHAND, THIN_SOURCING, SPEAKERLESS_QUOTE)

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
            return DetectorResult(score=None, metrics={**_metrics(empty), "genre": None, "skipped": "not English"})
        genre = genre_of(text)
        need = GENRE_NEED.get(genre)
        analysed = analyse(text)
        summary = summarise_sourcing(text, analysed, self.anonymous_penalty, self.secondhand_penalty)
        make = self.findings_for(article)
        findings = []
        for item in analysed:
            if need is not None and item.is_claim and not item.attributed:
                findings.append(make("ATT001", item.sentence.start, item.sentence.end, "no source is given for this statement",
                                     "say who says so (\"..., the ministry said\"), or leave it if it is common knowledge"))  # fmt: skip
        attributed = summary.attributed_claims
        if attributed >= self.min_attributed and (summary.share_anonymous or 0) > self.max_anonymous_share:
            for a, count in _grouped_sources(text, _sources_of_kind(analysed, ANONYMOUS)):
                findings.append(make("ATT002", *_evidence_span(a), f"unnamed source{_mentions(count)}; {summary.share_anonymous:.0%} of attributed statements rest on unnamed sources",
                                     "name the source, or say why it cannot be named"))  # fmt: skip
        if attributed >= self.min_attributed and (summary.share_secondhand or 0) > self.max_secondhand_share:
            for a, count in _grouped_sources(text, _sources_of_kind(analysed, MEDIA)):
                findings.append(make("ATT003", *_evidence_span(a), f"another outlet as source{_mentions(count)}; {summary.share_secondhand:.0%} of attributed statements come through other outlets",
                                     "confirm with the original source, or link the report"))  # fmt: skip
        if need is not None and summary.claims >= self.min_claims_for_density and (summary.density or 0) < need * self.min_density:
            findings.append(make("ATT004", 0, 0, f"only {summary.attributed_claims} of {summary.claims} statements say who says so "
                                 f"(density {summary.density:.2f}, minimum {need * self.min_density:g} for {genre})"))  # fmt: skip
        findings.extend(self._speakerless_quotes(article, analysed, make))
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        score = self.score(summary, need) if need is not None else None
        return DetectorResult(score=score, findings=tuple(findings), metrics={**_metrics(summary), "genre": genre})

    def score(self, summary: SourcingSummary, need: float = 1.0) -> float | None:
        """The sourcing dimension (formula in the module docstring), against the density the
        genre needs (``need`` times ``target_density``); None on too few claims."""
        if summary.claims < self.min_claims:
            return None
        return min(1.0, summary.weighted / summary.claims / (self.target_density * need))

    def _speakerless_quotes(self, article: Article, analysed: Sequence[SentenceAttribution], make) -> list:
        found = []
        by_position = _Spans((item.sentence.start, item.sentence.end) for item in analysed)
        for start, end in quote_regions(article.text):
            if _words_in(article.text[start:end]) < SPEAKERLESS_QUOTE_WORDS:
                continue
            around = [analysed[j] for j in by_position.indices(start, end)]
            if around and all(item.is_claim and not item.attributed for item in around):
                found.append(make("ATT005", start, end, "quotation with no speaker named in or next to it",
                                  "say who said it"))  # fmt: skip
        return found


# How much sourcing each genre needs, as a share of ``target_density`` (quality/genre.py). A
# column argues in its author's voice and needs half a report's sourcing; how-to pieces,
# listings and reviews make no claims that need a source: their sourcing is not measured (no
# score, no ATT001 or ATT004), rather than measured as missing.
GENRE_NEED: dict[str, float] = {NEWS: 1.0, TRANSCRIPT: 1.0, OPINION: 0.5}


def _sources_of_kind(analysed: Sequence[SentenceAttribution], kind: str) -> list[Attribution]:
    seen: set[tuple[int, int]] = set()
    out = []
    for item in analysed:
        if not item.is_claim:
            continue
        for a in item.own:
            key = (a.cue_start, a.source_start)
            if a.kind == kind and key not in seen:
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
    tokens = [w for w in _TOKEN.findall(words.lower().replace("’", "'")) if w not in ("a", "an", "the", "one")]
    if tokens:
        tokens[-1] = _singular(tokens[-1])
    return " ".join(tokens)


def _mentions(count: int) -> str:
    return f" (used {count} times in this article)" if count > 1 else ""


def _evidence_span(a: Attribution) -> tuple[int, int]:
    """The source's words when there are any ("officials"), else the cue ("reportedly")."""
    return (a.source_start, a.source_end) if a.source_start >= 0 else (a.cue_start, a.cue_end)


def _metrics(summary: SourcingSummary) -> dict[str, Any]:
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


# --- the sentence table ------------------------------------------------------------------------

FRAME_COLUMNS = ["id", "start", "end", "text", "attributed", "cue", "source", "source_kind", "quote", "kind"]


def attribution_frame(texts: Any, text: str = "text", id: str | None = None) -> pd.DataFrame:
    """One row per sentence of every text, for research.

    ``texts`` is a sequence or Series of strings, or a DataFrame with a ``text`` column. ``id`` is
    the input's index label (or the ``id`` column of a DataFrame when named). Columns: ``id``,
    ``start``, ``end`` (offsets into the text), ``text``, ``attributed`` (own cue or carried over
    from the quotation around it), ``cue``, ``source``, ``source_kind`` (``person``,
    ``organisation``, ``media``, ``anonymous`` or empty), ``quote`` (``direct``, ``indirect`` or
    empty), and ``kind`` (``sentence``, ``question``, ``heading``, ``caption``, ``signature``,
    ``other``: only ``sentence`` rows count as claims in the density). Missing texts give no rows.
    """
    import pandas as pd

    if isinstance(texts, pd.DataFrame):
        series = texts[text]
        if id is not None:
            series = pd.Series(series.to_numpy(), index=texts[id].to_numpy())
    elif isinstance(texts, pd.Series):
        series = texts
    else:
        series = pd.Series(list(texts))
    rows = []
    for label, value in series.items():
        if not isinstance(value, str):
            continue
        for item in analyse(value):
            a = item.primary
            rows.append({
                "id": label,
                "start": item.sentence.start,
                "end": item.sentence.end,
                "text": item.sentence.text,
                "attributed": item.attributed,
                "cue": a.cue if a else "",
                "source": a.source if a else "",
                "source_kind": a.kind if a else "",
                "quote": a.quote if a else "",
                "kind": item.sentence.kind,
            })  # fmt: skip
    return pd.DataFrame(rows, columns=FRAME_COLUMNS)
