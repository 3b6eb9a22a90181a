"""Verb cues: a verb of saying or of stance, and where its source stands.

A verb is a cue when its source can be found. The subject before it comes first ("the ministry
said"); then the structures that put the source elsewhere, tried in order (``_SOURCE_ELSEWHERE``):
an inverted subject ('"...," said Smith'), an inserted phrase ("Fallon, the campaign's press
secretary, noted"), a participle or a second verb sharing the main clause's subject ("...,
saying that", "beamed and asked"), a gerund after a verb or a preposition ("kept saying", "began
by saying"). Passives ("is expected to", "was reported by X") are read apart: their source, if
any, follows "by".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from quality.detectors.attribution import tables as T
from quality.detectors.attribution.context import Context, Cue
from quality.detectors.attribution.lexicon import SPEECH_FORMS, is_cue_verb
from quality.detectors.attribution.phrases import (
    TokenSpan,
    agrees,
    bare_clause,
    between,
    document_subject,
    head_word,
    is_name,
    joining_dot,
    manner_adverb,
    noun_phrase_at,
    subject_before,
)
from quality.detectors.attribution.records import ANONYMOUS, MEDIA, ORGANISATION, PERSON

MAX_INSERTED_PHRASE = 14  # tokens between the commas of "Fallon, the campaign's press secretary, noted"
_INSERTION_MARKS = frozenset(", - – — --".split())
MAX_RELATIVE_CLAUSE = 30  # tokens of "Boxer, who was in Nevada for the convention ... in anger, called"
_BEFORE_INVERTED = (",", "”", "“", "»", '"', "''", "'", "—", "―", "-", ":", "(")  # '"...," said Smith'
_BEFORE_TRAILING_CLAUSE = (",", "”", '"', "''", "—")  # "..., her former doctor maintains."
_NOT_POSSESSIVES = ("he's", "she's", "it's", "that's", "who's")  # contractions, not possessors
_PAST_WITHOUT_ED = ("said", "told", "wrote", "written", "spoke", "thought", "felt")


@dataclass(frozen=True)
class Verb:
    """A candidate cue verb and what its form says about the source it needs."""

    at: int  # token index
    lemma: str
    form: str  # lower case, as written
    end: int  # token index after the cue (its particle, or a light verb's words, included)
    speech: bool  # a verb of saying, which takes any subject ("the document says")
    clause_only: bool  # a verb that attributes only with a clause after it ("knows that")
    plain: bool  # takes an ordinary noun phrase as its source ("the man disputes")
    before: int  # the token before the verb, auxiliaries and adverbs skipped (-1: none)
    prev: str  # that token, lower case

    def cue(self, source: TokenSpan | None, kind: str, start: int | None = None) -> Cue:
        return Cue((self.at if start is None else start, self.end), source, kind)


def verb_cue(ctx: Context, i: int, lemma: str, light_length: int = 0) -> Cue | None:
    """The cue a verb at ``i`` makes, or None. ``light_length`` is given for a light-verb phrase
    ("made it clear"), which is a stance cue as a whole."""
    if _idiom(ctx, i):
        return None
    verb = _read_verb(ctx, i, lemma, light_length)
    if verb is None or _is_noun(ctx, verb):
        return None
    aux = _passive_auxiliary(ctx, i)
    if aux is not None and (verb.form in T.PASSIVE_CUES or verb.form.endswith("ed")):
        return _passive(ctx, verb, aux)
    subject = _subject(ctx, verb)
    if subject is None and verb.before >= 2 and verb.prev == "whom" and ctx.word(verb.before - 1) == "of":
        # "many of whom say": a part of a group the sentence has just named, unnamed itself.
        return verb.cue((verb.before - 2, verb.before + 1), ANONYMOUS)
    if subject and ctx.lowers[subject[0] : subject[1]] == ["you"]:
        # the reader states nothing, and no other source stands for the verb; a person spoken to does
        return verb.cue(subject, PERSON) if _spoken_to(verb) else None
    kind = ctx.classify(subject, strict=not verb.plain) if subject else None
    if subject and kind and not agrees(ctx.tokens, subject, verb.form, verb.lemma):
        return None  # "some calls were", "Health worries have": a plural noun, not a verb
    if lemma in T.FINDING_VERBS and not (subject and kind and not verb.clause_only):
        # "A 2014 study by law professor Ann Lee found ...": a document whose noun phrase is
        # too long to walk back over.
        document = document_subject(ctx.tokens, i)
        if document:
            return verb.cue(document, ctx.classify(document) or ANONYMOUS)
    if verb.clause_only:
        return _clause_only(ctx, verb, subject, kind) if subject and kind else None
    if subject and kind:
        return verb.cue(subject, kind)
    for find in _SOURCE_ELSEWHERE:
        cue = find(ctx, verb)
        if cue:
            return cue
    return None


def _spoken_to(verb: "Verb") -> bool:
    """Whether "you" before ``verb`` said something ("You said the plan failed", "as you told
    me"): a person spoken to, not the reader (whom :func:`.sources.classify` takes "you" for)."""
    return verb.speech and (verb.form.endswith("ed") or verb.form in _PAST_WITHOUT_ED)


def _read_verb(ctx: Context, i: int, lemma: str, light_length: int) -> Verb | None:
    """The verb at ``i`` with its particle; None for a verb that needs a particle it lacks."""
    low, tokens = ctx.lowers[i], ctx.tokens
    end = i + max(1, light_length)
    if light_length:
        pass  # a light-verb phrase is whole: no particle to take or to require
    elif lemma in T.PHRASAL and end + 1 < len(tokens) and manner_adverb(tokens[end]) and ctx.word(end + 1) in T.PHRASAL[lemma]:
        end += 2  # "spoke emotionally of", "called repeatedly for": an adverb before the particle
    elif lemma in T.PHRASAL and ctx.word(end) in T.PHRASAL[lemma]:
        end += 1
    elif lemma in T.TOPIC_VERBS and (topic := _topic_after(ctx, end)):
        end = topic + 1  # "spoke at the White House on Tuesday about rights"
    elif lemma in T.REQUIRES_PARTICLE:
        return None
    speech = not light_length and (low in SPEECH_FORMS or lemma in T.REQUIRES_PARTICLE)
    after = _after_time_adverbial(ctx, end)  # "recognized long ago that", "found in 2014 that"
    clause_only = (not light_length and lemma in T.CLAUSE_ONLY_VERBS and ctx.word(after) not in T.CLAUSE_STARTS
                   and not bare_clause(tokens, after))  # fmt: skip
    past = low.endswith("ed") or low in _PAST_WITHOUT_ED
    present = low.endswith("s") and low != lemma  # "disputes": a finite verb, like the past tense
    plain = lemma in T.PLAIN_SUBJECT_VERBS or (speech and (past or present) and lemma not in T.THING_SUBJECT_VERBS)
    before = i - 1
    while before >= 0 and between(tokens[before]):
        before -= 1
    return Verb(i, lemma, low, end, speech, clause_only, plain, before, ctx.word(before))


def _idiom(ctx: Context, i: int) -> bool:
    """A verb of saying in an idiom that reports no one's words: "five or, say, six" (for
    example), "easier said than done", "it is too soon to say", "thanks to" (because of), and a
    byline's "Lee reported from Denver"."""
    low = ctx.lowers[i]
    if low == "say" and ctx.word(i - 1) == "," and ctx.word(i + 1) == ",":
        return True
    if low == "said" and ctx.word(i + 1) == "than":
        return True
    if low == "thanks" and ctx.word(i + 1) == "to":
        return True  # "thanks to its new chip": because of
    if low == "reported" and ctx.word(i + 1) == "from" and ctx.word(i + 3) in (".", ",", "and", ""):
        return True  # "Lee reported from Denver.": where a reporter worked, in the credits
    return ctx.word(i - 1) == "to" and ctx.word(i - 2) in T.ASSESSMENT_ADJECTIVES and low in ("say", "tell")


def _topic_after(ctx: Context, k: int) -> int | None:
    """The "about" that gives a verb of talking its topic a few words on ("talks to Megyn Kelly
    about", "spoke at length about"), with no punctuation or clause between. (Not "of", which a
    few words on belongs to a noun: "spoke in the lobby of".)"""
    for j in range(k, min(len(ctx.tokens), k + T.MAX_TOPIC_GAP + 1)):
        if ctx.lowers[j] == "about":
            return None if ctx.word(j + 1)[:1].isdigit() else j  # "spoke for about 30 minutes": a duration
        if not (ctx.tokens[j].is_word or joining_dot(ctx.tokens, j)) or ctx.tokens[j].quoted or ctx.lowers[j] in T.CLAUSE_WORDS:
            return None
    return None


def _after_time_adverbial(ctx: Context, k: int) -> int:
    """Where the words after ``k`` go on past a short adverbial of time ("long ago", "at the
    time", "in 2014", "on Monday", "all along"); ``k`` itself when none stands there."""
    j = k
    while j < len(ctx.tokens) and j - k < T.MAX_TIME_ADVERBIAL and _time_word(ctx.lowers[j]):
        j += 1
    return j if j > k and ctx.word(j) in T.CLAUSE_STARTS else k


def _time_word(low: str) -> bool:
    """A word that may stand in a short adverbial of time ("at the time", "in 2014")."""
    return low in T.TIME_ADVERBIAL_WORDS or low in T.TIME_WORDS or low in T.MONTHS or low.isdigit()


def _is_noun(ctx: Context, verb: Verb) -> bool:
    """"the report", "his plans", "Trump's claim": a noun, not a verb; so is the head of "a
    Clinton rally", "a Des Moines rally" (an article and names before it)."""
    if verb.prev in T.NOUN_MARKERS or (verb.prev.endswith("'s") and verb.prev not in _NOT_POSSESSIVES):
        return True
    names = verb.at
    while names > 0 and ctx.tokens[names - 1].capitalised:
        names -= 1
    if names < verb.at - 1 and ctx.lowers[names].endswith(("'s", "’s")) and verb.form == verb.lemma:
        return True  # "on Friday's BBC One show": a possessive and names before a base form
    k = verb.at - 1
    while k >= 0 and ctx.tokens[k].capitalised and ctx.lowers[k] not in T.FUNCTION_WORDS:
        k -= 1
    # (a noun of saying keeps its cue: "a New York Times report that ..." attributes)
    return k < verb.at - 1 and ctx.word(k) in ("a", "an") and verb.form not in T.SPEECH_NOUNS | T.FINDING_NOUNS


def _passive_auxiliary(ctx: Context, i: int) -> int | None:
    """The index of a passive auxiliary before the participle at ``i`` ("is widely expected")."""
    aux = i - 1
    while aux >= 0 and ctx.lowers[aux] in T.PASSIVE_ADVERBS:
        aux -= 1
    return aux if aux >= 0 and ctx.lowers[aux] in T.PASSIVE_AUXILIARIES else None


def _passive(ctx: Context, verb: Verb, aux: int) -> Cue | None:
    """"was reported by X" names X whatever X is; "was blocked by snow" names no source; "is
    expected to", "the visit was announced" attribute to no one named."""
    low = verb.form
    if ctx.word(verb.end) == "by":
        span = noun_phrase_at(ctx.tokens, verb.end + 1)
        agent = ctx.classify(span, strict=low not in T.PASSIVE_CUES) if span else None
        if span and (agent or low in T.PASSIVE_CUES):
            return verb.cue(span, agent or ANONYMOUS, start=aux)
    if low.endswith("ed") and low in SPEECH_FORMS and SPEECH_FORMS[low] not in T.THING_SUBJECT_VERBS:
        return verb.cue(None, ANONYMOUS, start=aux)
    if low in T.SOURCELESS_PASSIVES:
        following = ctx.word(verb.end)
        if following in ("to", "that", "as", ",", ".", "by", "") or low in T.REPUTATION_PASSIVES | {"reported", "alleged"}:
            if not (low == "described" and following != "as"):
                return verb.cue(None, ANONYMOUS, start=aux)
    return None


def _subject(ctx: Context, verb: Verb) -> TokenSpan | None:
    """The subject before the verb, or, after a relative pronoun, its antecedent ("Democrats,
    who have argued", "the government, which has denied")."""
    tokens, before = ctx.tokens, verb.before
    subject = subject_before(tokens, verb.at)
    relative = before >= 0 and verb.prev in ("who", "which", "that") and all(between(t) for t in tokens[before + 1 : verb.at])
    if subject is not None or not relative:
        return subject
    subject = subject_before(tokens, before + (1 if before >= 1 and ctx.word(before - 1) != "," else 0), skip_comma=True)
    if subject and not ctx.classify(subject, strict=True):
        # "... is risky for Cruz, who refused": the antecedent is the name just before the
        # pronoun, not the phrase that holds it.
        k = subject[1]
        while k > subject[0] and (is_name(tokens[k - 1].text) or joining_dot(tokens, k - 1)):
            k -= 1
        if subject[0] < k < subject[1] and ctx.word(k - 1) in T.PREPOSITIONS | {"than", "like"}:
            subject = (k, subject[1])
    return subject


def _clause_only(ctx: Context, verb: Verb, subject: TokenSpan, kind: str) -> Cue | None:
    """A verb that needs a clause ("knows that") without one: still a cue when it states a view
    ("Critics see the plan as a giveaway"), when a document finds ("polls show the president
    ahead"), or when it closes a reporting clause ("..., her former doctor maintains.")."""
    if verb.lemma in T.SEE_AS_VERBS:
        for j in range(verb.end + 1, min(len(ctx.tokens), verb.end + T.MAX_SEE_AS_OBJECT + 1)):
            if ctx.lowers[j] == "as" and ctx.word(j + 1) not in T.PERSON_PRONOUNS | T.THING_PRONOUNS:
                return verb.cue(subject, kind)  # not "as they arrive": a clause of time
            if ctx.tokens[j].quoted or ctx.lowers[j] in T.CLAUSE_WORDS or not (ctx.tokens[j].is_word or joining_dot(ctx.tokens, j)):
                break  # ("Mr. Obama sees Mr. Netanyahu as ...": an abbreviation's dot goes on)
    if head_word(ctx.tokens, subject) in T.DOCUMENT_NOUNS | {"polls", "poll"}:
        return verb.cue(subject, kind)
    closes = ctx.word(verb.end) in (".", "!", "?", "")
    if closes and subject[0] > 0 and ctx.lowers[subject[0] - 1] in _BEFORE_TRAILING_CLAUSE:
        return verb.cue(subject, kind)
    return None


def _inverted(ctx: Context, verb: Verb) -> Cue | None:
    """'"...," said Smith', ', reported The Financial Times', 'notes analyst X in Y'."""
    if not (verb.speech and verb.form != verb.lemma and (verb.at == 0 or ctx.lowers[verb.at - 1] in _BEFORE_INVERTED)):
        return None
    span = noun_phrase_at(ctx.tokens, verb.end)
    closes = span is not None and (span[1] >= len(ctx.tokens) or not ctx.tokens[span[1]].is_word)
    kind = ctx.classify(span) if span and closes else None
    return verb.cue(span, kind) if span and kind else None


def _inserted_phrase(ctx: Context, verb: Verb) -> Cue | None:
    """A phrase between commas (or dashes) between subject and verb: "Brian Fallon, the
    campaign's press secretary, noted"; "Clinton, at Monday's debate, cited"; "some economists -
    including a minority of the Fed's committee - warn"."""
    before, mark = verb.before, verb.prev
    if mark not in _INSERTION_MARKS:
        return None
    k = before - 1
    while k >= 0 and ctx.lowers[k] != mark and before - k <= MAX_RELATIVE_CLAUSE and not ctx.tokens[k].quoted:
        k -= 1
    if k < 1 or ctx.lowers[k] != mark:
        return None
    if before - k - 1 > MAX_INSERTED_PHRASE and ctx.word(k + 1) not in ("who", "whose"):
        return None  # only a relative clause about the subject runs that long
    head = subject_before(ctx.tokens, k)
    if head and head[1] - head[0] == 1 and ctx.tokens[head[0]].text.isdigit() and head[0] >= 2 and ctx.lowers[head[0] - 1] == ",":
        head = subject_before(ctx.tokens, head[0] - 1)  # "Valenko, 63, who governed ...": an age beside the name
    kind = ctx.classify(head, strict=not verb.plain) if head else None
    if head and kind:
        return verb.cue((head[0], before), kind)
    if ctx.word(k + 1) in ("who", "whose", "which"):
        return None  # a relative clause tells of the subject; it is no subject itself
    inserted = (k + 1, before)  # "Trump's running mate, Indiana Gov. Mike Pence, plans to"
    kind = ctx.classify(inserted, strict=True)
    if kind in (PERSON, ORGANISATION, MEDIA):
        return verb.cue((head[0] if head else k + 1, before), kind)
    return None


def _main_subject_cue(ctx: Context, verb: Verb, start: int | None = None) -> Cue | None:
    """The cue with the main clause's subject as its source, when that subject is a source by
    itself and stands before the verb."""
    head = ctx.main_subject
    kind = ctx.classify(head, strict=True) if head else None
    if head and kind and head[1] <= verb.before:
        return verb.cue(head, kind, start)
    return None


def _participle(ctx: Context, verb: Verb) -> Cue | None:
    """"..., accusing her of", "..., saying that": the main clause's subject speaks."""
    if verb.prev in _INSERTION_MARKS and verb.form.endswith("ing"):  # ", saying", "– saying"
        return _main_subject_cue(ctx, verb)
    return None


def _infinitive(ctx: Context, verb: Verb) -> Cue | None:
    """"Trump was quick to add that", "began to rebut", "used the speech to refute": the main
    clause's subject speaks. Not after a refusal ("declined to comment", "failed to answer":
    nothing was said), and the verbs that are as often no saying ("to add to the pile", "to
    write two novels", "to observe a minute of silence", "to respond promptly") only before a
    clause or a quotation."""
    if not (ctx.word(verb.at - 1) == "to" and verb.form == verb.lemma and verb.speech):
        return None
    if ctx.word(verb.at - 2) in T.REFUSALS:
        return None
    if verb.lemma in T.INFINITIVE_NEEDS_CLAUSE and ctx.word(verb.end) not in T.CLAUSE_STARTS:
        return None
    return _main_subject_cue(ctx, verb)


def _second_verb(ctx: Context, verb: Verb) -> Cue | None:
    """A second verb of the same subject: "Jones beamed and asked the crowd", "has used the
    phrase often and criticized", "used to back Paul, but now said". The main clause's subject
    must be a source by itself, with no clause boundary between it and the verb."""
    if not (verb.prev == "and" or (verb.prev == "but" and not verb.form.endswith("ing"))):  # not "awkward but promising"
        return None
    if not (verb.form != verb.lemma and (verb.speech or verb.lemma in T.COORDINATED_STANCE_VERBS)):
        return None
    head = ctx.main_subject
    last = verb.before - 1 if ctx.word(verb.before - 1) == "," else verb.before  # ", and said"
    if head and any(t.lower in (",", ";") for t in ctx.tokens[_after_apposition(ctx, head[1]) : last]):
        return None
    return _main_subject_cue(ctx, verb)


def _after_apposition(ctx: Context, end: int) -> int:
    """Where the clause goes on after an apposition that follows the subject ending at ``end``
    ("Gary Emineth, a former state party chairman, became ..."): after its closing comma; else
    ``end``."""
    if ctx.word(end) != "," or ctx.word(end + 1) not in T.APPOSITION_OPENERS:
        return end
    for k in range(end + 2, min(len(ctx.tokens), end + MAX_INSERTED_PHRASE + 2)):
        if ctx.lowers[k] == ",":
            return k + 1
        if ctx.lowers[k] in T.CLAUSE_WORDS or ctx.tokens[k].quoted:
            break
    return end


def _gerund_after_verb(ctx: Context, verb: Verb) -> Cue | None:
    """A gerund after a finite verb ("avoids condemning", "kept saying", "started criticizing"):
    the subject of that verb speaks, and the two verbs are the cue."""
    before, prev = verb.before, verb.prev
    if not (verb.form.endswith("ing") and before == verb.at - 1 and before >= 1 and not ctx.tokens[before].capitalised):
        return None
    finite = prev.endswith("s") or prev.endswith("ed") or prev in T.ASPECT_VERBS
    if not finite or prev in T.NOUN_MARKERS | T.CLAUSE_WORDS | T.BE_FORMS | {"has", "was", "is", "does", "his", "its"}:
        return None
    if is_cue_verb(prev):
        return None  # "continued saying": the first verb is the cue
    head = subject_before(ctx.tokens, before)
    kind = ctx.classify(head, strict=True) if head else None
    return verb.cue(head, kind, start=before) if head and kind else None


def _gerund_after_preposition(ctx: Context, verb: Verb) -> Cue | None:
    """"began by saying", "After saying ..., she": the main clause's subject speaks."""
    if not (verb.form.endswith("ing") and verb.prev in T.GERUND_PREPOSITIONS):
        return None
    head = ctx.main_subject
    kind = ctx.classify(head, strict=True) if head else None
    return verb.cue(head, kind) if head and kind else None


def _bare_say(ctx: Context, verb: Verb) -> Cue | None:
    """"say" and "tell" attribute even when no source can be read ("it was, as they say, ...")."""
    if verb.form in T.UNCONDITIONAL and verb.before >= 0 and verb.prev not in T.NOUN_MARKERS | T.CLAUSE_WORDS | {"to"}:
        return verb.cue(None, ANONYMOUS)
    return None


_SOURCE_ELSEWHERE: tuple[Callable[[Context, Verb], Cue | None], ...] = (
    _inverted, _inserted_phrase, _participle, _infinitive, _second_verb, _gerund_after_verb, _gerund_after_preposition,
    _bare_say,
)  # fmt: skip
