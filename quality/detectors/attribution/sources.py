"""What kind of source a noun phrase names, and what a pronoun stands for.

The kind comes from the phrase's words: an outlet name or a media noun makes it ``media``
(secondhand reporting); a people noun without a name (``officials``, ``a Chinese official``,
``four people briefed on ...``) ``anonymous``; an organisation noun, a capital used for its
government (``Beijing``) or a spokesperson without a name ``organisation``; a name ``person``.
A pronoun takes the kind of the nearest earlier source that fits it.
"""

from __future__ import annotations

import re
from itertools import takewhile
from typing import NamedTuple, Sequence

from quality.detectors.attribution import tables as T
from quality.detectors.attribution.lexicon import OUTLETS, SHORT_OUTLETS, normalise_outlet
from quality.detectors.attribution.phrases import TokenSpan, is_name, singular
from quality.detectors.attribution.records import ANONYMOUS, MEDIA, ORGANISATION, PERSON
from quality.detectors.attribution.tokens import Token, lower_word, split_words

PRONOUN_WINDOW = 6  # sentences back in which a pronoun looks for the source it stands for
MAX_OUTLET_WORDS = 6  # words of the longest outlet name looked up ("Press Trust of India")
MAX_UNNAMED_PHRASE = 4  # words of "the woman", "a man in the crowd": longer is not a bare person
MIN_NAME_WORDS = 2  # "Anna Berg": one capitalised word alone may be a sentence's first word



class Mention(NamedTuple):
    """A source, or a person named as a sentence's subject, that a later pronoun may stand for."""

    sentence: int  # index of the sentence it is in
    kind: str
    words: str


# What pronouns can refer to, in the order the article mentions it.
History = list[Mention]

# Which kinds of source each pronoun can stand for, nearest first.
PRONOUN_KINDS = {
    "he": (PERSON, ANONYMOUS), "she": (PERSON, ANONYMOUS), "i": (PERSON,), "it": (ORGANISATION, MEDIA),
    "we": (ORGANISATION, PERSON), "they": (ORGANISATION, ANONYMOUS, PERSON, MEDIA), "you": (PERSON,),
}  # fmt: skip


def classify(tokens: Sequence[Token], span: TokenSpan | None, history: History, index: int, strict: bool = False) -> str | None:
    """The kind of source a token span names, or None when it cannot be a source. ``strict``
    refuses a common noun phrase that only may be a person ("the woman")."""
    if not span:
        return None
    lowers = [t.lower for t in tokens[span[0] : span[1]]]
    if lowers == ["you"]:
        return None  # outside quotations, where cues are read, "you" is the reader: "if you wish"
    if len(lowers) == 1 and lowers[0] in T.PERSON_PRONOUNS | T.THING_PRONOUNS | T.PRONOUN_CONTRACTIONS:
        return resolve(lowers[0], history, index)
    if len(lowers) == 1 and lowers[0] in T.NOT_SOURCES:
        return None
    return classify_words([t.text for t in tokens[span[0] : span[1]]], strict)


def classify_text(name: str, strict: bool = False) -> str | None:
    return classify_words(split_words(name), strict)


def classify_words(words: Sequence[str], strict: bool = False) -> str | None:
    words = [w for w in words if w != "."]  # abbreviation dots ("John Roberts Jr.") are not words
    lowers = [lower_word(w) for w in words]
    if len(words) >= 2 and words[-1][:1].isupper() and lowers[-1].rstrip(".") in T.COMPANY_SUFFIXES:
        return ORGANISATION  # "The Telegraph Group", "Yeahronimo Media Ventures": the company itself
    if is_media(words, lowers):
        return MEDIA
    if _ends_with_person_name(words, lowers):
        return PERSON
    head_words, head_lowers = _head_part(words, lowers)
    if not head_words:
        return None
    head = head_lowers[-1].removesuffix("'s")
    if head_words[-1][:1].isupper() and is_name(head_words[-1]):
        return _named_head(head, head_lowers)
    kind = _kind_of_noun(head, head_lowers[0], has_name=any(is_name(w) for w in head_words))
    if kind:
        return kind
    if head_words[-1][:1].isupper() and head not in T.FUNCTION_WORDS:
        return ORGANISATION if is_institution(head) else PERSON
    if strict:
        return None
    return _unnamed_person(head, head_lowers[0], len(head_words))


def _named_head(head: str, head_lowers: Sequence[str]) -> str:
    """A phrase ending in a name: a government ("Beijing"), an institution ("the Senate
    Judiciary Committee"), or a person."""
    if head in T.GOVERNMENT_METONYMS:
        return ORGANISATION
    if any(is_institution(w) for w in head_lowers) and not (set(head_lowers) & (T.ROLE_NOUNS | T.SPOKESPERSON_NOUNS)):
        return ORGANISATION
    return PERSON


def _kind_of_noun(head: str, first: str, has_name: bool) -> str | None:
    """A phrase whose head is a source noun: a spokesperson, people, a role, an institution or a
    document ("a ministry spokesperson", "officials", "a senior adviser", "the report")."""
    if head in T.SPOKESPERSON_NOUNS:
        return ORGANISATION
    if head in T.ANONYMOUS_NOUNS:
        return ANONYMOUS
    one_of_a_group = first in _SINGULAR_DETERMINERS and head not in _NOT_SINGULAR_PEOPLE and _plural(head) in T.ANONYMOUS_NOUNS
    if head in T.ROLE_NOUNS or _AGED.fullmatch(head) or one_of_a_group:
        # a role, someone by their age ("the 43-year-old"), one of a group ("his colleague"; not
        # a modifier: "such teacher protests")
        return ANONYMOUS if first in ("a", "an", "one", "some", "several", "another") else PERSON
    if is_institution(head):
        return ORGANISATION
    if head in T.DOCUMENT_NOUNS:
        if first == "no":
            return None  # "no evidence supports", "no report shows": nothing to attribute to
        return ORGANISATION if has_name or first in ("the", "this", "that", "its", "their", "his", "her") else ANONYMOUS
    if people_noun(head):
        return ANONYMOUS
    return None


_AGED = re.compile(r"\d{1,3}-year-old")
_SINGULAR_DETERMINERS = frozenset("the a an one another this that his her their its my our your each every".split())
_NOT_SINGULAR_PEOPLE = T.FUNCTION_WORDS | T.QUANTIFIERS | {"other"}  # "other" + s is "others"
_IRREGULAR_PLURALS = {"child": "children", "man": "men", "woman": "women", "person": "people"}


def _plural(noun: str) -> str:
    """The plural the people tables list a singular noun of people under ("colleague")."""
    return _IRREGULAR_PLURALS.get(noun) or noun + "s"


def people_noun(word: str) -> bool:
    """A plural noun of people by its ending ("libertarians", "organizers", "economists",
    "dissidents"): the tables cannot list every group that takes a side."""
    return len(word) > 5 and word.endswith(T.PEOPLE_SUFFIXES) and word not in T.NOT_PEOPLE


def _unnamed_person(head: str, first: str, length: int) -> str | None:
    """"The woman said": someone the article has introduced; "a man said": someone unnamed."""
    if length > MAX_UNNAMED_PHRASE or not head.isalpha():
        return None
    if first == "the" and not head.endswith("s"):
        return PERSON
    if first in ("a", "an", "one"):
        return ANONYMOUS
    return None


def _ends_with_person_name(words: Sequence[str], lowers: Sequence[str]) -> bool:
    """'spokesperson Hua Chunying', "China's Ministry of Foreign Affairs spokesperson Hua Chunying":
    a run of names right after a role or title, or making up the whole phrase."""
    k = len(words)
    while k > 0 and is_name(words[k - 1]) and not is_institution(lowers[k - 1]):
        k -= 1
    run = len(words) - k
    if run == 0 or (run == 1 and k > 0 and lowers[k - 1] not in T.ROLE_NOUNS | T.SPOKESPERSON_NOUNS):
        return False
    if k == 0:
        return not any(is_institution(w) for w in lowers)
    before = lowers[k - 1].rstrip(".")
    return before in T.ROLE_NOUNS | T.SPOKESPERSON_NOUNS or before in T.NAME_TITLES


def is_institution(word: str) -> bool:
    word = word.removesuffix("'s")
    return word in T.ORGANISATION_NOUNS or singular(word) in T.ORGANISATION_NOUNS or word in T.GOVERNMENT_METONYMS


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
            # "a union representing ...", "officials speaking", "Senator Ann Lee speaking"; a last
            # word after a thing is its noun ("Ambient lighting", "the ruling")
            after_people = _people_before(lowers[k - 1]) or (k >= 2 and words[k - 1][:1].isupper())
            participle = low.endswith("ing") and low not in T.ANONYMOUS_NOUNS | T.DOCUMENT_NOUNS and (k < len(words) - 1 or after_people)
            if low in T.NOUN_PHRASE_LINKS or low in ("who", "that", "which", ",") or participle:
                cut = k
                break
        if cut < len(words) and lowers[cut] == "of" and all(w in T.QUANTIFIERS or w.isdigit() for w in lowers[start:cut]):
            start = cut + 1
            continue
        return words[start:cut], lowers[start:cut]


def _people_before(low: str) -> bool:
    """Whether ``low`` names people or a role, after which a word in -ing is a participle."""
    return low in T.ANONYMOUS_NOUNS or low in T.ROLE_NOUNS or low in T.SPOKESPERSON_NOUNS or people_noun(low)


def is_media(words: Sequence[str], lowers: Sequence[str]) -> bool:
    """Another outlet: a media phrase or noun ("state media", "the newspaper", "news agency
    TASS"), a known outlet's name, or a name ending in a newspaper word ("The Post")."""
    joined = " ".join(lowers)
    if any(phrase in joined for phrase in T.MEDIA_PHRASES):
        return True
    # A media noun as the head ("the newspaper", "state media"), not "media adviser".
    cut = next((k for k, w in enumerate(lowers) if k > 0 and w in T.NOUN_PHRASE_LINKS), len(lowers))
    if cut and lowers[cut - 1] in T.MEDIA_NOUNS and not (cut > 1 and words[cut - 1][:1].isupper() and lowers[cut - 1] in _MEDIA_PEOPLE):
        return True  # not journalists ending a name ("the Committee to Protect Journalists")
    # A media noun before a name: "the Moscow daily Vedomosti", "news agency TASS"; not before a
    # role ("Press Secretary Josh Earnest" is a person), nor inside a name ("Reporters Without
    # Borders", "the Committee to Protect Journalists").
    if any(lowers[k] in T.MEDIA_NOUNS and words[k + 1][:1].isupper() and lowers[k + 1] not in T.ROLE_NOUNS | T.SPOKESPERSON_NOUNS
           and not _inside_a_name(words, k) for k in range(len(words) - 1)):
        return True
    if _names_an_outlet(words):
        return True
    caps = [w for w in words if w[:1].isupper()]
    if len(caps) >= 2 and caps[-1].lower() in T.MEDIA_NAME_WORDS and words[-1] == caps[-1]:
        return True  # "Dallas Morning News"
    return len(words) == 2 and lowers[0] == "the" and lowers[1] in T.MEDIA_NAME_WORDS and words[1][:1].isupper()


def _inside_a_name(words: Sequence[str], k: int) -> bool:
    """Whether the capitalised ``words[k]``, a noun for journalists, is inside another kind of
    name: after a capitalised word, or before a capitalised function word ("Reporters Without
    Borders"); a media noun opening a name is a paper's ("the Daily Planet")."""
    if not words[k][:1].isupper() or words[k].lower() not in _MEDIA_PEOPLE:
        return False
    after_a_name = k > 0 and words[k - 1][:1].isupper() and words[k - 1].lower() not in T.FUNCTION_WORDS
    return after_a_name or words[k + 1].lower() in T.FUNCTION_WORDS | _NAME_PREPOSITIONS


_NAME_PREPOSITIONS = frozenset("without within beyond across".split())  # not in the function-word table
# Media nouns for the people who report: inside a name they make an association of them
# ("Reporters Without Borders"), where "Media", "Press" or "Radio" make a company of the media.
_MEDIA_PEOPLE = frozenset("reporter reporters journalist journalists correspondent correspondents".split())


def _names_an_outlet(words: Sequence[str]) -> bool:
    """Whether a run of capitalised words (with "the", "of" ... inside) is a known outlet; a run
    that a capitalised word opens before it is the tail of another name ("William Hill", the
    bookmaker, is not The Hill), unless it opens with a newspaper word ("Liberty Times")."""
    n = len(words)
    for a in range(n):
        if not words[a][:1].isupper() and words[a].lower() != "the":
            continue
        if a > 0 and words[a - 1][:1].isupper() and words[a - 1].lower() not in T.FUNCTION_WORDS and words[a].lower() not in T.MEDIA_NAME_WORDS:
            continue  # "William Hill" is not The Hill; "the Liberty Times" is a Times all the same
        for b in range(a + 1, min(n, a + MAX_OUTLET_WORDS) + 1):
            run = words[a:b]
            if not all(w[:1].isupper() or w.lower() in ("the", "of", "de", "della", "i", "-", "'s", "’s") for w in run):
                break
            key = normalise_outlet(" ".join(run))
            if (len(key) > 2 and key in OUTLETS) or (len(key) <= 2 and " ".join(run) in SHORT_OUTLETS):
                return True
    return False


def resolve(pronoun: str, history: History, index: int) -> str:
    """A pronoun takes the kind of the nearest earlier mention (within ``PRONOUN_WINDOW``
    sentences) that it can stand for: "he" after "Anna Berg arrived" is a person even when an
    unnamed official spoke before her."""
    pronoun = pronoun.split("'")[0]
    wanted = PRONOUN_KINDS.get(pronoun, (PERSON,))
    recent = [m for m in takewhile(lambda m: index - m.sentence <= PRONOUN_WINDOW, reversed(history))]
    for mention in recent:
        if pronoun == "it" and _firm_by_one_name(mention, history):
            return ORGANISATION
        singular_source = not any(w.endswith("s") and w in T.ANONYMOUS_NOUNS for w in mention.words.lower().split())
        if mention.kind in wanted and (pronoun not in ("he", "she") or mention.kind == PERSON or singular_source):
            return mention.kind
    if pronoun in ("he", "she", "i", "you"):
        return PERSON  # someone named in the story, if not as a source
    if recent:
        return recent[0].kind
    return {"it": ORGANISATION, "they": ANONYMOUS}.get(pronoun, PERSON)


def _firm_by_one_name(mention: Mention, history: History) -> bool:
    """Whether a one-word name read as a person is a firm that "it" stands for ("Qantas said ...
    However, it stressed"): a person's surname alone follows their full name, which the article
    gave before ("Anna Berg ... Berg said")."""
    name = mention.words.strip()
    if mention.kind != PERSON or not name[:1].isupper() or " " in name:
        return False
    return not any(m.kind == PERSON and m.words.endswith(" " + name) for m in history)


def named_subject(words: Sequence[str]) -> str | None:
    """The person a sentence opens with by name ("Foreign Minister Anna Berg arrived ..."): its
    run of capitalised words, when that names a person. None if it opens otherwise."""
    end = 0
    while end < len(words) and (words[end][:1].isupper() or words[end] == "."):
        end += 1
    run = [w for w in words[:end] if w != "."]
    if len(run) < MIN_NAME_WORDS:
        return None
    return " ".join(run) if classify_words(run, strict=True) == PERSON else None
