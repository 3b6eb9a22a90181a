"""The word tables prepared for lookup: verb lemmas spelled out in all their forms, phrases
indexed by their first word, outlet names normalised, and the words a sentence must hold for
any cue to be found in it. Everything here is derived from :mod:`.tables` once, at import.

The inflections of the tables' verbs are lemminflect's, kept in :mod:`.inflections` so that a
process does not load lemminflect's data (a sixth of a second of start-up) to spell the same
few hundred verbs every time; a verb added to the tables and not yet in that module is asked
of lemminflect at import. :func:`write_inflections` rewrites the module, and a test fails when
it is out of date."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence

from quality.detectors.attribution import tables as T
from quality.detectors.attribution.inflections import INFLECTIONS
from quality.detectors.attribution.tokens import lower_word, split_words


def _inflect(lemma: str) -> tuple[str, ...]:
    """The forms of a verb lemma that count as cues: all its inflections, unless the table
    restricts them. lemminflect spells irregular and doubled forms ("swore", "begged",
    "labelled", "vetoes") that a suffix rule gets wrong; a verb it does not know ("retweet")
    takes the regular suffixes."""
    if lemma in T.RESTRICTED_FORMS:
        return T.RESTRICTED_FORMS[lemma]
    return INFLECTIONS.get(lemma) or all_inflections(lemma)


def inflected_lemmas() -> list[str]:
    """Every verb of the tables whose forms come from lemminflect."""
    lemmas = T.SPEECH_VERBS | T.STANCE_VERBS | T.REQUIRES_PARTICLE | set(T.LIGHT_VERB_CUES) | T.ISSUING_VERBS
    return sorted(lemmas - set(T.RESTRICTED_FORMS))


@lru_cache(maxsize=None)
def all_inflections(lemma: str) -> tuple[str, ...]:
    """``lemma`` and its forms, as lemminflect spells them, else by the regular suffixes."""
    from lemminflect import getAllInflections

    found = getAllInflections(lemma, upos="VERB")
    forms = [lemma] + sorted({form for spellings in found.values() for form in spellings} - {lemma})
    if len(forms) > 1:
        return tuple(forms)
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return lemma, lemma + "s", stem + "ed", stem + "ing"


def _forms(lemmas: Iterable[str]) -> dict[str, str]:
    return {form: lemma for lemma in lemmas for form in _inflect(lemma) if form not in T.NOT_CUES}


# Form -> lemma, for verbs of saying and (apart from those) verbs of stance.
SPEECH_FORMS = _forms(T.SPEECH_VERBS)
STANCE_FORMS = {k: v for k, v in _forms(T.STANCE_VERBS).items() if k not in SPEECH_FORMS}
for _lemma in sorted(T.REQUIRES_PARTICLE - T.SPEECH_VERBS):  # "pointed out": a stance with its particle
    for _form in _inflect(_lemma):
        STANCE_FORMS.setdefault(_form, _lemma)
STANCE_FORMS.update({"spoke": "speak", "spoken": "speak", "hit": "hit", "summed": "sum"})
# The base forms the restricted verbs leave out, which are verbs after a modal ("would vote").
MODAL_BASES = {lemma: lemma for lemma, forms in T.RESTRICTED_FORMS.items() if lemma not in forms}

# Light-verb cues: a verb of little meaning with the words that make it a stance ("made it
# clear"), longest phrase first.
LIGHT_VERB_CUES = {lemma: sorted((phrase.split() for phrase in phrases), key=len, reverse=True)
                   for lemma, phrases in T.LIGHT_VERB_CUES.items()}  # fmt: skip
LIGHT_FORMS = {form: lemma for lemma in LIGHT_VERB_CUES for form in _inflect(lemma)}
# Verbs that put out something said ("issued a statement"), form -> lemma.
ISSUING_FORMS = {form: lemma for lemma in sorted(T.ISSUING_VERBS) for form in _inflect(lemma)}


def is_cue_verb(word: str) -> bool:
    """A form of a verb of saying or of stance."""
    return word in SPEECH_FORMS or word in STANCE_FORMS


def light_verb_at(lowers: Sequence[str], i: int) -> int:
    """Length in tokens of a light-verb cue ("made it clear", "took issue with") at ``i``, or 0."""
    lemma = LIGHT_FORMS.get(lowers[i])
    if not lemma:
        return 0
    for words in LIGHT_VERB_CUES[lemma]:
        if list(lowers[i + 1 : i + 1 + len(words)]) == words:
            return 1 + len(words)
    return 0


def cue_says(cue: str) -> bool:
    """Whether a cue has its source say or write something ("said", "according to",
    "reportedly", a speaker's label or a signature's dash), not hold a view or act ("wants",
    "knew", "voted")."""
    words = [lower_word(w) for w in split_words(cue)]
    if not words or cue in (":", "—", "―", "--", "-"):
        return True
    return any(w in SPEECH_FORMS or w in T.SOURCELESS_ADVERBS for w in words) or phrase_at(words, 0, T.SOURCE_AFTER_PHRASES) > 0


def cue_knows(cue: str) -> bool:
    """Whether a cue has its source know or find out something ("knew", "learned that") rather
    than say it or take a view."""
    return any((STANCE_FORMS.get(w) or SPEECH_FORMS.get(w)) in T.KNOWING_VERBS for w in (w.lower() for w in split_words(cue)))


def phrase_at(lowers: Sequence[str], i: int, phrases: tuple[str, ...]) -> int:
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
    only the phrases that start with the token at hand are compared."""
    index: dict[str, list[list[str]]] = {}
    for phrase in phrases:
        words = phrase.split()
        if words:
            index.setdefault(words[0], []).append(words)
    return index


def normalise_outlet(name: str) -> str:
    """An outlet name without case, spaces, punctuation or a leading "the": "the FinancialTimes"
    and "Financial Times" are one outlet."""
    return re.sub(r"[\W_]+", "", name.lower().replace("’", "'").removeprefix("the "))


# Normalised outlet names; names of one or two letters ("AP", "FT") are kept as written, since
# normalised they would match ordinary words.
OUTLETS = {normalise_outlet(name) for name in T.MEDIA_OUTLETS if len(normalise_outlet(name)) > 2} | {
    name.lower() for name in T.MEDIA_OUTLETS if len(normalise_outlet(name)) <= 2
}
SHORT_OUTLETS = frozenset(name for name in T.MEDIA_OUTLETS if len(name) <= 2)

# Nouns that can own a statement ("the ministry's claim", "officials' estimate").
POSSESSOR_NOUNS = T.ORGANISATION_NOUNS | T.ROLE_NOUNS | T.ANONYMOUS_NOUNS | T.SPOKESPERSON_NOUNS | T.MEDIA_NOUNS

# Capitalised words that are not names: sentence-initial common nouns ("Officials said"), demonyms.
NOT_NAMES = (T.CAPITALISED_ADJECTIVES | T.FUNCTION_WORDS | T.SOURCE_ADJECTIVES | T.ANONYMOUS_NOUNS | T.DOCUMENT_NOUNS
             | T.MEDIA_NOUNS | T.PERSON_PRONOUNS | T.THING_PRONOUNS | {"polls", "reports", "sources", "studies"})  # fmt: skip

# Words of which a sentence must hold one for any token recogniser to fire: of each phrase
# ("according to", "in a statement") its longest word, since the phrase needs all of them, and
# of a light verb's words ("made it clear") the longest after the verb, for the same reason; the
# nouns, adjectives and adverbs the recognisers look up; every form of the cue verbs. A
# possessive ("poll's") counts as its noun. tests/test_attribution_cues.py checks that skipping the
# scan of sentences without one changes no attribution.
CUE_WORDS = frozenset(
    word.lower()
    for word in (
        *(max(phrase.split(), key=len) for phrase in T.SOURCE_AFTER_PHRASES + T.SETTING_PHRASES),
        "quoted", "quoting", "heard",
        *T.SPEECH_NOUNS, *T.FINDING_NOUNS, *T.STANCE_NOUNS, *T.SEEMING_VERBS, *T.SOURCELESS_ADVERBS,
        *T.STANCE_ADJECTIVES, *SPEECH_FORMS, *STANCE_FORMS,
        *(max(words, key=len) for phrases in LIGHT_VERB_CUES.values() for words in phrases),
    )
)  # fmt: skip


def may_hold_cue(lowers: Sequence[str]) -> bool:
    """False when no token recogniser can fire on these words: most sentences of a news article.
    A verb that puts out something said counts with its object ("released a statement"), and a
    restricted verb's base form only after a modal ("would vote"), as the recognisers read them."""
    if any(word in CUE_WORDS or word.removesuffix("'s") in CUE_WORDS for word in lowers):
        return True
    if any(word in T.SPOKEN_OBJECTS for word in lowers) and any(word in ISSUING_FORMS for word in lowers):
        return True  # "released a statement"
    return any(word in MODAL_BASES and after_modal(lowers, k) for k, word in enumerate(lowers))


def after_modal(lowers: Sequence[str], k: int) -> bool:
    """The word at ``k`` follows a modal ("would", "can't"), where a restricted verb's base
    form is a verb ("would vote")."""
    return k > 0 and lowers[k - 1].replace("’", "'") in T.MODALS


def inflections_module() -> str:
    """The source of :mod:`.inflections`, from lemminflect as installed."""
    rows = "".join(f"    {lemma!r}: {all_inflections(lemma)!r},\n" for lemma in inflected_lemmas())
    return (
        '"""lemminflect\'s forms of the verbs in :mod:`.tables`, written by\n'
        ":func:`quality.detectors.attribution.lexicon.write_inflections`: do not edit.\"\"\"\n\n"
        f"INFLECTIONS: dict[str, tuple[str, ...]] = {{\n{rows}}}\n"
    )


def write_inflections() -> None:
    """Rewrite :mod:`.inflections` after the tables' verbs change."""
    from pathlib import Path

    Path(__file__).with_name("inflections.py").write_text(inflections_module(), encoding="utf-8")
