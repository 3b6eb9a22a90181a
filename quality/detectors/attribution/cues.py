"""The cue recognisers: one function per family of cue.

A token recogniser ``(context, i) -> Cue | None`` looks at the token at ``i`` (a word outside
any quotation) and says whether a cue starts there, with its source. :func:`find_attributions`
tries them in the order of ``TOKEN_RECOGNISERS`` and takes the first that fires; the scan goes
on after its words. A sentence recogniser reads the whole sentence (a speaker label, a
signature line) and gives an :class:`Attribution` directly.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from quality.detectors.attribution import tables as T
from quality.detectors.attribution.context import Context, Cue
from quality.detectors.attribution.lexicon import (
    ISSUING_FORMS,
    LIGHT_FORMS,
    MODAL_BASES,
    POSSESSOR_NOUNS,
    SPEECH_FORMS,
    STANCE_FORMS,
    after_modal,
    light_verb_at,
    may_hold_cue,
    phrase_at,
)
from quality.detectors.attribution.phrases import head_word, is_name, joining_dot, noun_phrase_at, subject_before
from quality.detectors.attribution.records import ANONYMOUS, DIRECT, MEDIA, ORGANISATION, PERSON, Attribution
from quality.detectors.attribution.sources import PRONOUN_KINDS, classify_text, classify_words, resolve
from quality.detectors.attribution.verbs import verb_cue
from quality.fast_start import fast_start
from quality.segment import SENTENCE, SIGNATURE

MAX_QUOTED_SOURCE = 12  # tokens between "quoted" and "as saying"
MAX_POSSESSIVE_GAP = 2  # words between a possessor and its noun: "Trump's latest false claim"
MAX_SPEAKER_LABEL_WORDS = 3  # "Sen. Jane Roe:" is a label; a longer run before a colon is a clause
MAX_QUOTED_LABEL_WORDS = 8  # ... unless a quotation follows: 'Former secretary of state Ann Lee: "...'"
# A clause that introduces a quotation with a colon is short (tokens before the colon): "Sanders
# delivered a snappy retort:". A longer one says something of its own, which the quotation
# illustrates.
MAX_INTRODUCING_TOKENS = 12

_SPEAKER_LABEL = re.compile(r"^\s*[\"“]?(?P<label>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})\s*:\s+(?P<rest>\S.*)$", re.S)
# A title and name before a colon and a quotation; a name after a roundup's dash.
_QUOTED_LABEL = re.compile(r"^\s*(?P<label>[A-Z][\w.'’\-]*(?:\s+[\w.'’\-]+){0,7})\s*:\s*(?P<rest>[\"“‘'].*)$", re.S)
_DASHED_LABEL = re.compile(r"\s[-–—]\s*(?P<label>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}(?: and [A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,2})?)\s*:\s*(?P<rest>[\"“‘'].*)$", re.S)
_INLINE_SIGNATURE = re.compile(r"[”\"]\s*(?P<dash>[―—])\s*(?P<name>[^\W\d_][^()\n]{1,60}?)\s*(?:\(|[.,]?\s*$)")
_SIGNATURE_NAME = re.compile(
    r"^\s*(?:—|―|–|--)\s*(?P<name>[^(\n]*?)\s*(?:\(|,|\s(?:" + "|".join(sorted(T.MONTHS, key=len, reverse=True)) + r")\b|\d|$)", re.I
)
_IMPERSONAL_CLAUSE = frozenset("that whether how what who when why if".split())  # after "it is <adjective>"
_CREDIT_LINE = re.compile(r"^\s*\[\s*(?P<name>[^\[\]\n]{1,60}?)\s*\]\s*$")
_NOT_AFTER_SEEMING = frozenset(". , ; in at on before after as with within by from there only again later".split() + [""])
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}


# --- sentence recognisers ----------------------------------------------------------------------


def signature_line(ctx: Context) -> Attribution | None:
    """"— Name (@handle) date" under an embedded post, or "[ Daily Planet ]" under a roundup's
    excerpt: the name signs the paragraph above."""
    text, sentence = ctx.text, ctx.sentence
    credit = _CREDIT_LINE.match(sentence.text)
    if credit and _signs_as_name(credit["name"]):
        start, bracket = sentence.start + credit.start("name"), sentence.start + credit.start()
        name = credit["name"]
        return Attribution("[", bracket, bracket + 1, name, start, start + len(name), classify_text(name) or PERSON, DIRECT)
    match = _SIGNATURE_NAME.match(sentence.text)
    name = match["name"].strip(" ,") if match else ""
    handle = "(@" in sentence.text[match.end("name") : match.end("name") + 3] if match else False
    if not name or not (handle or _signs_as_name(name)):  # a handle after it makes any name a signature's
        return None
    start = sentence.start + sentence.text.index(name)
    dash = sentence.start + len(sentence.text) - len(sentence.text.lstrip())
    width = 2 if text.startswith("--", dash) else 1
    return Attribution(text[dash : dash + width], dash, dash + width, name, start, start + len(name), classify_text(name) or PERSON, DIRECT)


def _signs_as_name(text: str) -> bool:
    """Whether the words after a signature's dash can be who signs: a name or a title and name
    ("White House Correspondent Julie Pace", "The Associated Press"), not a subheading set off by
    dashes ("– Framing the battle ahead –") or the end of a broken sentence ("— the balloons
    cascaded down")."""
    words = text.rstrip(".").split()
    if not words or any(ch in text for ch in "?!–—‘’“”\"'"):
        return False
    return all(not w[0].islower() or w in T.NAME_PARTICLES for w in words)  # (a name in CJK has no case)


def speaker_label(ctx: Context) -> Attribution | None:
    """A speaker's name before a colon: "WALLACE: ..." in a transcript, 'Pence: "..."'. Before a
    quotation the label may be a longer title and name ('Former secretary of state Hillary
    Clinton: "..."') or follow a roundup's topic and a dash ('POLLS WERE EARLY - Mark Lee: "...').
    """
    sentence = ctx.sentence
    if ":" not in sentence.text:
        return None  # (each label pattern needs one: most sentences)
    label = _SPEAKER_LABEL.match(sentence.text) or _QUOTED_LABEL.match(sentence.text) or _DASHED_LABEL.search(sentence.text)
    if not label:
        return None
    name, rest = label["label"], label["rest"]
    quoted = rest[:1] in "\"“'‘"
    offset, name = _speaker_in_label(name) if quoted else (0, name)
    words = name.split()
    if (" ".join(words).lower().replace("’", "'") in T.NOT_SPEAKER_LABELS or any(ch.isdigit() for ch in name)
            or len(words) > (MAX_QUOTED_LABEL_WORDS if quoted else MAX_SPEAKER_LABEL_WORDS)
            or any(w.lower() in T.FUNCTION_WORDS for w in words[-MAX_SPEAKER_LABEL_WORDS:])):  # fmt: skip
        return None
    transcript = name.isupper() and len(name) > 1
    if not (transcript or quoted or sentence.kind != SENTENCE or ctx.index == 0 or rest[:1].isupper()):
        return None  # "The reason is simple: ...": a clause before a colon
    kind = classify_text(name, strict=True)
    if not kind:
        return None
    start = sentence.start + label.start("label") + offset
    colon = sentence.start + sentence.text.index(":", start - sentence.start + len(name))
    quote = DIRECT if rest[:1] in "\"“" or transcript else ctx.quote
    return Attribution(":", colon, colon + 1, name, start, start + len(name), kind, quote)


_LABEL_LEAD = fast_start(re.compile(r"(?:(?:more\s+)?from|here[’']s|here\s+is)\s+", re.I))
_LABEL_TOPIC = re.compile(r"(?<=\S)\s+(?:on|to|in)\s", re.I)


def _speaker_in_label(label: str) -> tuple[int, str]:
    """(offset, speaker) of a label before a quotation that says more than who speaks: "More
    from Jones", "From the report", "Here's Clinton in December 1992", "CNN President On Trump"."""
    lead = _LABEL_LEAD.match(label)
    offset = lead.end() if lead else 0
    topic = _LABEL_TOPIC.search(label, offset)
    return offset, label[offset : topic.start() if topic else len(label)]


def inline_signature(ctx: Context) -> Attribution | None:
    """A name after a quotation and a dash: '"..." ― Carla Sanchez.'"""
    sentence = ctx.sentence
    inline = _INLINE_SIGNATURE.search(sentence.text)
    if not (inline and inline["name"][:1].isupper()):
        return None
    name = inline["name"]
    start, dash = sentence.start + inline.start("name"), sentence.start + inline.start("dash")
    return Attribution(inline["dash"], dash, dash + 1, name, start, start + len(name), classify_text(name) or PERSON, DIRECT)


def setting_phrase(ctx: Context) -> Cue | None:
    """"In a statement, the Kremlin welcomed ...", "at a press briefing": the clause's subject
    is the source. Tried only on a sentence where no other cue was found."""
    for k in range(len(ctx.tokens)):
        length = phrase_at(ctx.lowers, k, T.SETTING_PHRASES)
        if not length:
            continue
        after = ctx.tokens[k + length] if k + length < len(ctx.tokens) else None
        if after is not None and after.is_word and not after.capitalised and after.lower not in T.SETTING_FOLLOWERS:
            continue  # "in a video call", "in a post office": a longer noun, not the setting
        if ctx.tokens[k].quoted:
            continue
        subject = ctx.main_subject
        kind = ctx.classify(subject) if subject else None
        return Cue((k, k + length), subject, kind) if subject and kind else None
    return None


def introduced_quotation(ctx: Context) -> Cue | None:
    """'Kasich resisted: "..."', 'Sanders delivered a snappy retort: "..."': a short clause whose
    subject is a source and which ends in a colon opening a quotation gives the quotation to
    its subject. Tried only on a sentence where no other cue was found."""
    if ":" not in ctx.sentence.text:
        return None  # most sentences: their tokens are never made
    tokens = ctx.tokens
    colon = next((k for k, t in enumerate(tokens) if t.text == ":" and not t.quoted), None)
    if colon is None or colon + 1 >= len(tokens) or tokens[colon + 1].text not in "\"“‘" or colon > MAX_INTRODUCING_TOKENS:
        return None
    subject = ctx.main_subject
    if subject is None or subject[1] >= colon or any(t.quoted for t in tokens[subject[1] : colon]):
        return None  # no predicate between the subject and the colon: a speaker's label, read above
    kind = ctx.classify(subject, strict=True)
    return Cue((colon, colon + 1), subject, kind) if kind else None


# --- token recognisers -------------------------------------------------------------------------


def source_after(ctx: Context, i: int) -> Cue | None:
    """"according to Reuters", "citing officials": a phrase with its source after it. The phrase
    is unambiguous, so a source of unknown kind is still a source."""
    length = phrase_at(ctx.lowers, i, T.SOURCE_AFTER_PHRASES)
    if not length:
        return None
    span = noun_phrase_at(ctx.tokens, i + length)
    kind = ctx.classify(span) if span else None
    if span and not kind:
        kind = PERSON if any(is_name(t.text) for t in ctx.tokens[span[0] : span[1]]) else ANONYMOUS
    return Cue((i, i + length), span, kind)


def quoted_as_saying(ctx: Context, i: int) -> Cue | None:
    """"The agency quoted spokesman Li Wei as saying": Li Wei speaks; an outlet that quotes is a
    second, secondhand source."""
    if ctx.lowers[i] not in ("quoted", "quoting"):
        return None
    for j in range(i + 1, min(len(ctx.tokens), i + MAX_QUOTED_SOURCE + 2)):
        if ctx.lowers[j] == "as" and ctx.word(j + 1) == "saying":
            kind = ctx.classify((i + 1, j))
            if not kind:
                return None
            outlet = subject_before(ctx.tokens, i)
            also = (Cue((i, i + 1), outlet, MEDIA),) if outlet and ctx.classify(outlet) == MEDIA else ()
            return Cue((i, j + 2), (i + 1, j), kind, also)
    return None


def possessive(ctx: Context, i: int) -> Cue | None:
    """A possessor and a noun of saying or stance: "Trump's claim that", "her remarks", "the
    IMF's estimate"."""
    tokens, lowers, low = ctx.tokens, ctx.lowers, ctx.lowers[i]
    named = low.endswith("'s") and (tokens[i].capitalised or low.removesuffix("'s") in POSSESSOR_NOUNS)
    if not (named or low in ("his", "her", "their", "its")) or tokens[i].quoted:
        return None
    for j in range(i + 1, min(len(tokens), i + MAX_POSSESSIVE_GAP + 2)):
        if lowers[j] in T.SPEECH_NOUNS and not tokens[j].quoted:
            if lowers[j] not in T.SPEECH_ACT_NOUNS and ctx.word(j + 1) not in T.CLAUSE_STARTS | {"to"}:
                return None  # "his words" alone; "his words that ..." or "his call to" state something
            span, kind = _possessor(ctx, i) if named else ((i, i + 1), _possessive_pronoun_kind(ctx, i))
            return Cue((j, j + 1), span, kind) if kind else None
        if not tokens[j].is_word or tokens[j].capitalised or lowers[j] in T.CLAUSE_WORDS:
            return None
    return None


def _possessive_pronoun_kind(ctx: Context, i: int) -> str:
    """What the possessive pronoun at ``i`` stands for: its clause's subject when that comes
    before it and can be meant ("The IMF will cut its estimate"), else the nearest earlier
    source it can stand for."""
    pronoun = _POSSESSIVE_PRONOUNS[ctx.lowers[i]]
    head = ctx.main_subject
    if head and head[1] <= i:
        kind = ctx.classify(head, strict=True)
        plural_people = kind == ANONYMOUS and ctx.lowers[head[1] - 1].endswith("s")  # "Republicans", "officials"
        if kind in PRONOUN_KINDS.get(pronoun, ()) and (pronoun == "they" or not plural_people):
            return kind
    return resolve(pronoun, ctx.history, ctx.index)


def _possessor(ctx: Context, i: int) -> tuple[tuple[int, int], str | None]:
    """The name that ends in the possessive at ``i`` ("Foreign Minister Berg's") and its kind."""
    tokens = ctx.tokens
    k = i
    while k > 0 and (tokens[k - 1].capitalised or joining_dot(tokens, k - 1) or tokens[k - 1].lower in T.SOURCE_ADJECTIVES | {"the"}):
        k -= 1
    words = [t.text for t in tokens[k : i + 1]]
    words[-1] = words[-1][:-2]  # drop the possessive 's
    return (k, i + 1), classify_words(words, strict=True)


def finding_in(ctx: Context, i: int) -> Cue | None:
    """"in the latest Washington Post/ABC News poll, Clinton led": the poll is the source."""
    if ctx.lowers[i] not in ("in", "by") or i + 1 >= len(ctx.tokens):
        return None
    span = noun_phrase_at(ctx.tokens, i + 1)
    if span and head_word(ctx.tokens, span) in T.FINDING_NOUNS:
        return Cue((i, i + 1), span, ctx.classify(span) or ANONYMOUS)
    return None


def stance_noun(ctx: Context, i: int) -> Cue | None:
    """"X, in a rebuke of Y, ...", "her opposition to": a noun of stance with its preposition,
    held by the main clause's subject."""
    if not (ctx.lowers[i] in T.STANCE_NOUNS and ctx.word(i + 1) in T.STANCE_NOUN_PREPOSITIONS and i > 0
            and ctx.lowers[i - 1] not in ("the", "this", "that")):  # fmt: skip
        return None
    head = ctx.main_subject
    kind = ctx.classify(head, strict=True) if head and head[1] <= i else None
    return Cue((i, i + 2), head, kind) if head and kind else None


def seeming_verb(ctx: Context, i: int) -> Cue | None:
    """"seems to", "appeared that", "seemed unperturbed": an impression with no one who has it;
    not where "appear" means showing up ("appeared in court", "cells appeared after the flu",
    "ads appear within lists")."""
    low, following = ctx.lowers[i], ctx.word(i + 1)
    if low not in T.SEEMING_VERBS or not ctx.tokens[i].text[0].islower():
        return None
    if following not in _NOT_AFTER_SEEMING:
        return Cue((i, i + 1), None, ANONYMOUS)
    return None


# The bodies before which evidence is given: what they "heard" is what witnesses, lawyers or
# documents told them ("The court heard that ...", "the inquest heard how ...").
_HEARING_BODIES = frozenset("court jury tribunal inquiry inquest hearing panel magistrates".split())


def hearing_heard(ctx: Context, i: int) -> Cue | None:
    """"The court heard that ...", "the inquest heard how ...": the evidence given at a hearing,
    attributed to its proceedings (an organisation's)."""
    if ctx.word(i + 1) not in ("that", "how", "what", "why", ":", ","):
        return None
    subject = subject_before(ctx.tokens, i)
    if subject is None or head_word(ctx.tokens, subject) not in _HEARING_BODIES:
        return None
    return Cue((i, i + 1), subject, ORGANISATION)


def sourceless_adverb(ctx: Context, i: int) -> Cue | None:
    """"reportedly", "allegedly": attributed, to no one named."""
    return Cue((i, i + 1), None, ANONYMOUS) if ctx.lowers[i] in T.SOURCELESS_ADVERBS else None


def stance_adjective(ctx: Context, i: int) -> Cue | None:
    """"Democrats are worried that", "Graham has been critical of": be + a stance adjective."""
    lowers = ctx.lowers
    if lowers[i] not in T.STANCE_ADJECTIVES:
        return None
    k = i - 1
    while k >= 0 and (lowers[k] in T.DEGREE_ADVERBS or lowers[k].endswith("ly")):
        k -= 1
    if k < 0 or lowers[k] not in T.BE_FORMS:
        return None
    subject = subject_before(ctx.tokens, k)
    if subject and subject[1] - subject[0] == 1 and lowers[subject[0]] == "it" and ctx.word(i + 1) in _IMPERSONAL_CLAUSE:
        return None  # "It is certain that ...", "It has not been determined how ...": no one's stance
    kind = ctx.classify(subject, strict=True) if subject else None
    if not (subject and kind):
        return None
    end = i + 2 if ctx.word(i + 1) in T.STANCE_ADJECTIVE_PREPOSITIONS else i + 1
    return Cue((k, end), subject, kind)


def light_verb(ctx: Context, i: int) -> Cue | None:
    """"made it clear", "took issue with": a verb of little meaning and the words that make it a
    stance, read as one verb."""
    length = light_verb_at(ctx.lowers, i)
    if not (length and ctx.tokens[i].text[0].islower()):
        return None
    return verb_cue(ctx, i, LIGHT_FORMS[ctx.lowers[i]], light_length=length)


def issued_speech(ctx: Context, i: int) -> Cue | None:
    """"released a statement", "delivered a blistering speech", "gave a one-word answer": a verb
    that puts out something said, with its object a few words on, read as one verb of saying."""
    lemma = ISSUING_FORMS.get(ctx.lowers[i])
    if not (lemma and ctx.tokens[i].text[0].islower()):
        return None
    for j in range(i + 1, min(len(ctx.tokens), i + T.MAX_SPOKEN_OBJECT_GAP + 2)):
        if ctx.lowers[j] in T.SPOKEN_OBJECTS:
            return verb_cue(ctx, i, lemma, light_length=j - i + 1)
        if not ctx.tokens[j].is_word or ctx.tokens[j].quoted or ctx.lowers[j] in T.CLAUSE_WORDS:
            return None
    return None


def cue_verb(ctx: Context, i: int) -> Cue | None:
    """A verb of saying or stance (:mod:`.verbs`). In lower case, or capitalised in a headline
    where it is in the present ("Senator Vows To Cut ...")."""
    low = ctx.lowers[i]
    lemma = SPEECH_FORMS.get(low) or STANCE_FORMS.get(low)
    if not lemma and low in MODAL_BASES and after_modal(ctx.lowers, i) and (low != "vote" or ctx.word(i + 1) in T.VOTE_SIDES):
        lemma = MODAL_BASES[low]  # "would vote for", "can't trust"; not "can vote in the primary"
    if not lemma:
        return None
    headline_verb = ctx.headline and i > 0 and (lemma in T.PLAIN_SUBJECT_VERBS | {"see"} or (low.endswith("s") and low != lemma))
    headline_verb = headline_verb and ctx.word(i + 1) != "of"  # "Grim Details Of": a noun
    if not (ctx.tokens[i].text[0].islower() or headline_verb):
        return None
    return verb_cue(ctx, i, lemma)


SENTENCE_RECOGNISERS: tuple[Callable[[Context], Attribution | None], ...] = (speaker_label, inline_signature)

# The token recognisers in the order they are tried, each with the words (lower case) it can
# start on: the scan calls only the recognisers that can fire on the word at hand.
_FIRST_WORDS_AFTER = {phrase.split()[0] for phrase in T.SOURCE_AFTER_PHRASES}
_STARTING_WORDS: tuple[tuple[Callable[[Context, int], Cue | None], Callable[[str], bool]], ...] = (
    (source_after, lambda word: word in _FIRST_WORDS_AFTER),
    (quoted_as_saying, lambda word: word in ("quoted", "quoting")),
    (possessive, lambda word: word.endswith("'s") or word in _POSSESSIVE_PRONOUNS),
    (finding_in, lambda word: word in ("in", "by")),
    (stance_noun, lambda word: word in T.STANCE_NOUNS),
    (seeming_verb, lambda word: word in T.SEEMING_VERBS),
    (sourceless_adverb, lambda word: word in T.SOURCELESS_ADVERBS),
    (hearing_heard, lambda word: word == "heard"),
    (stance_adjective, lambda word: word in T.STANCE_ADJECTIVES),
    (light_verb, lambda word: word in LIGHT_FORMS),
    (issued_speech, lambda word: word in ISSUING_FORMS),
    (cue_verb, lambda word: word in SPEECH_FORMS or word in STANCE_FORMS or word in MODAL_BASES),
)
TOKEN_RECOGNISERS = tuple(recognise for recognise, _ in _STARTING_WORDS)


@lru_cache(maxsize=1 << 15)  # about 4 MB full (benchmarks/cache_ceiling.py); 1,000 articles ask 21,000 words
def recognisers_for(word: str) -> tuple[Callable[[Context, int], Cue | None], ...]:
    """The token recognisers that can fire on ``word``, in order."""
    return tuple(recognise for recognise, starts_on in _STARTING_WORDS if starts_on(word))


def find_attributions(ctx: Context) -> list[Attribution]:
    """The attributions a sentence makes by its own cues."""
    if ctx.sentence.kind == SIGNATURE:
        signed = signature_line(ctx)
        return [signed] if signed else []
    found = [a for recognise in SENTENCE_RECOGNISERS if (a := recognise(ctx))]
    if may_hold_cue(ctx.lowers):  # most sentences have no word that can open a cue
        found += _token_cues(ctx)
        if not found:
            cue = setting_phrase(ctx)
            found += [ctx.attribution(cue)] if cue and cue.kind else []
    if not found:
        cue = introduced_quotation(ctx)
        found += [ctx.attribution(cue)] if cue and cue.kind else []
    return found


def _token_cues(ctx: Context) -> list[Attribution]:
    """The attributions of the cues the token recognisers find, scanning the sentence once."""
    found = []
    used: set[int] = set()  # tokens already part of a cue or a source
    i = 0
    while i < len(ctx.tokens):
        token = ctx.tokens[i]
        cue = None
        recognisers = recognisers_for(ctx.lowers[i]) if token.is_word and not token.quoted and i not in used else ()
        if recognisers:  # most words can open no cue
            cue = next((c for recognise in recognisers if (c := recognise(ctx, i))), None)
        if cue is None:
            i += 1
            continue
        for each in (cue, *cue.also):
            if each.kind:
                found.append(ctx.attribution(each))
                used.update(each.taken)
        i = cue.words[1]
    return found
