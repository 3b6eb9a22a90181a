"""Pronoun slips: "He added" right after an institution spoke or acted.

Spanish, Italian, Portuguese, Polish and Chinese often leave the subject out, or give an
institution a gendered noun ("Añadió que …", "la linea ha deciso"); a translation has to supply
a pronoun and, when the last subject was an institution ("the Russian Foreign Ministry said",
"The High Court granted ..."), sometimes supplies "he" or "she". The rule follows the subjects
through the article and flags a sentence that opens with "He/She" and a verb of saying, view or
stance ("He added", "She expects", "She blamed"), an auxiliary ("She will decide", "He has not
disclosed") or "also" (after an adverbial that names no one too: "Last year she reported a
deficit"), when the pronoun can only stand for an institution:

- the last speaker was an institution and no person has been named since (for any verb but
  one of saying, not even in the institution's own sentence: "Police said a farmer had been
  questioned. He has not been charged" means the farmer); or
- the sentence just before opens with an institution as its subject and refers to no person
  ("The High Court granted the alliance permission. He had already refused ..."), and the
  pronoun acts rather than speaks ("She said" there goes on with a person who spoke before);
  before the article has named anyone the pronoun could stand for, any verb in the past acts
  ("The High Court considered the application. He granted permission").

It also flags "he"/"she" inside an institution's own statement ("the company said she expected
...", "..., adding that he had ordered", "in a statement, in which he also promised"), when no
person is named before it in the sentence nor in the two sentences before
(``SALIENT_SENTENCES``), and the institution is one by its head noun or by the whole of a name
the article introduces as one.

Classing a subject: a person title (``Mr``, ``President``) or a person noun (``spokesman``,
``farmer``, ``candidate``) makes it a person, a plural one ("Scientists") people, who are no
antecedent of "She"; an institution's or a business's head noun (``ministry``, ``court``,
``airline``) an institution, and so does a bare name the article introduces as one ("battery
maker Hanseong Energy", "Hanseong, which ...", "Transnorte, one of the largest barge
operators,") or refers to as "its" ("Kaminari Devices has widened its recall"); any other bare
name is a possible person, which never fires. A verb of stance ("the ministry welcomed the
deal") makes its subject a speaker as a verb of saying does, unless the sentence names a person.
A sentence where a person and an institution both speak ("Mr Howard said the police had said
...") leaves a person for "He" to refer to; a verb inside a quotation is the quoted speaker's
words, not the article's attribution; and the noun after "told" is the one spoken to ("Barry
Beal, a manager at Capgemini, told the BBC").
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from typing import Iterator, NamedTuple, Sequence

from quality.detectors.translation import _tables as tables
from quality.detectors.translation import rules as R
from quality.detectors.translation.given_names import given_name_gender
from quality.detectors.translation.text import CLAUSE_BREAK, Token, clause_start, lines, sentences, tokens
from quality.fast_start import fast_start
from quality.quotations import inside_quotation, quote_regions

_PERSON_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson minister president premier chancellor ambassador "
    "envoy official diplomat leader secretary senator governor mayor general adviser advisor "
    "aide analyst expert director chairman chairwoman ceo head chief counterpart king queen "
    "prince pope manager executive owner founder boss economist professor lawyer researcher "
    "scientist doctor teacher coach player officer worker resident witness member campaigner "
    "activist controller editor he she his her him man woman boy girl teenager child farmer "
    "driver passenger suspect victim student patient pensioner father mother son daughter "
    "husband wife brother sister neighbour neighbor fan tourist pilot nurse soldier prisoner "
    "defendant judge candidate nominee lawmaker legislator politician rider athlete runner "
    "winner champion captain striker goalkeeper author artist actor singer chef architect "
    "engineer attorney prosecutor detective inspector sheriff".split()
)
_PERSON_PRONOUNS = frozenset("he she him his her himself herself".split())
_NOT_SUBJECTS = frozenset("in on at after before since during by as while when if for from with under over but and so yet although though because".split())
MAX_ASIDE_WORDS = 20  # a relative clause or an apposition between the subject and its verb
MAX_OPENING_SUBJECT = 5  # words: "Chile's Ministry of Mining" is four; a longer run is no bare subject
_ADDRESSEE_VERBS = frozenset("told tells tell".split())  # the noun after them is spoken to
_CLOSING_MARK = re.compile(r"[”\"»’']")
_RELATIVE_WORDS = frozenset("which that whom whose".split())
_POSTMODIFIER_STARTS = frozenset("of at from for in with".split())
_PRONOUNS = frozenset("it they he she we i you this that".split())  # "It said" keeps the last speaker
# Auxiliaries: before a verb they let a pronoun carry on the last subject's action ("She will
# publish", "She has not disclosed"); between a subject and its verb they are no part of it.
_AUXILIARIES = frozenset("will would could can may might must should has have had is was were are did does".split())
_VERB_MODIFIERS = frozenset("not also been already now since still again never".split())


class Subject(NamedTuple):
    """Who a sentence's subject or speaker is: its kind ("org", "person", "people" or
    "unknown") and its words."""

    kind: str
    words: tuple[str, ...]

    @property
    def shown(self) -> str:
        """The words as a message quotes them."""
        return "“" + " ".join(self.words) + "”"


@dataclass(frozen=True)
class Slip:
    start: int
    end: int
    message: str


# Verbs after which "He/She" opening a sentence reports a subject's words, view or stance.
_OPENING_VERBS = tables.SPEECH_VERBS | tables.VIEW_VERBS | tables.STANCE_VERBS

# After a line break, only blanks that are not line breaks: with "\n\s*" every newline of a
# run of blank lines would rescan the whole run (quadratic). It matches where "\n\s*" would:
# the last newline of the run stands for the others.
_OPENING = fast_start(
    re.compile(
        r"(?:^|[.!?”\"]\s+|\n[^\S\n]*)(?:He|She)\s+(?:(?:also\s+)?(?:" + "|".join(sorted(_OPENING_VERBS))
        + r")\b|(?:" + "|".join(sorted(_AUXILIARIES)) + r")\s|also\s|[a-z]+ed\b)"
    )
)


# "He/She" inside an institution's statement: right after its verb of saying ("the company said
# she expected"), in the clause that goes on with it ("..., adding that he had ordered"), or in
# a relative clause of its statement ("said in a statement, in which he also promised"), before a
# verb of saying, view, stance or decision, an auxiliary or "also".
_IN_STATEMENT = fast_start(
    re.compile(
        r"(?:\b(?:" + "|".join(sorted(tables.SPEECH_VERBS | {"adding", "saying", "noting", "stressing"}))
        + r")\s+(?:that\s+)?|\bin\s+which\s+)(he|she)\s+(?:also\s+)?(?:"
        + "|".join(sorted(_OPENING_VERBS | tables.DECISION_VERBS | _AUXILIARIES)) + r")\b"
    )
)
SALIENT_SENTENCES = 2  # a person named this recently is the likelier "he" of an institution's statement


def pronoun_slips(text: str) -> Iterator[Slip]:
    if not _OPENING.search(text) and not _IN_STATEMENT.search(text) and not _FRONTED.search(text):
        return  # no "He/She said", "She will", "He also", "said she expected": nothing to check (most articles)
    last_speaker: Subject | None = None
    # A person the institution's own sentence names or refers to ("Police said a farmer had been
    # questioned", "The company has suspended him"): "He has not been charged" may mean that
    # person; "He added" goes on with the speaker.
    person_in_its_sentence = False
    # The institution that opened the sentence just before ("The High Court granted the
    # alliance permission. He had already refused ..."): the nearest subject, which a "He" acting
    # right after it stands for even when a person spoke earlier (a "He said" there goes on with
    # the person).
    just_before: Subject | None = None
    # Whether the article has yet named anyone "He" or "She" could stand for (a person, or a
    # name that may be one): until then, a pronoun that acts ("He granted permission") right
    # after an institution can stand for nothing else.
    person_seen = False
    # Whether each of the last SALIENT_SENTENCES sentences named or referred to a person.
    recent_persons: deque[bool] = deque(maxlen=SALIENT_SENTENCES)
    quoted = quote_regions(text)
    organisations = introduced_organisations(text)
    surnames = person_surnames(text)
    for para in lines(text):
        for sentence in sentences(text, para.start, para.end):
            words = tokens(text, sentence.start, sentence.end)
            if not words:
                continue
            lowered = [w.lower for w in words]
            opens_in_quotation = inside_quotation(quoted, words[0].start)
            first = after_fronted_adverbial(words, lowered)  # "Last year she reported": "she" opens the clause
            opening = _pronoun_opening(lowered[first:]) or (None if person_seen else _acting_opening(lowered[first:]))
            opening = first + opening if opening else None
            slipped = False
            if opening and not opens_in_quotation:
                if last_speaker and last_speaker.kind == "org" and (_reports(lowered[opening]) or not person_in_its_sentence):
                    institution = last_speaker.shown
                else:  # "She said" after a person spoke goes on with that person; "She will decide" acts
                    institution = just_before.shown if just_before and not _reports(lowered[opening]) else None
                if institution:
                    slipped = True
                    yield Slip(words[first].start, words[opening].end, R.PRONOUN_SLIP.message_for(pronoun=words[first].text, institution=institution))
            just_before = None
            speaker = _sentence_speaker(text, words, lowered, quoted, organisations, surnames)
            names_a_person = _names_a_person(words, lowered)
            if _institution_by_name(speaker, organisations) and not any(recent_persons):
                for inner in _pronouns_in_statement(text, sentence.start, sentence.end, quoted):
                    before = [i for i, word in enumerate(words) if word.end <= inner.start(1) and lowered[i] not in tables.PERSONAL_PRONOUNS]
                    if _names_a_person([words[i] for i in before], [lowered[i] for i in before]):
                        break  # a person named before the pronoun may be the one meant
                    slipped = True
                    yield Slip(inner.start(1), inner.end(), R.PRONOUN_SLIP.message_for(pronoun=inner.group(1), institution=speaker.shown))
            person_here = names_a_person or (not slipped and _may_name_a_person(text, sentence.start, sentence.end, words, lowered, organisations))
            person_seen = person_seen or person_here
            recent_persons.append(person_here)
            if speaker:
                last_speaker = speaker
                person_in_its_sentence = speaker.kind == "org" and (names_a_person or _refers_to_person(lowered))
            elif names_a_person:
                if last_speaker:
                    last_speaker = Subject("person", ())
            elif not opens_in_quotation:
                # "The ministry named a commission. She will also review ...": an institution
                # that opens a sentence is what a "She" after it stands for; further on, only
                # if no person spoke since (who may be the one meant).
                acting = _opening_subject(text, words, lowered, organisations, surnames)
                if acting and acting.kind == "org" and not _refers_to_person(lowered):
                    just_before = acting
                if acting and (last_speaker is None or last_speaker.kind in ("org", "people")):
                    last_speaker, person_in_its_sentence = acting, False


def _pronouns_in_statement(text: str, start: int, end: int, quoted: Sequence[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """"He/She" inside the statement of the sentence ``text[start:end]`` (:data:`_IN_STATEMENT`),
    outside quotations."""
    for found in _IN_STATEMENT.finditer(text, start, end):
        if not inside_quotation(quoted, found.start(1)):
            yield found


def _institution_by_name(speaker: Subject | None, organisations: Sequence[frozenset[str]]) -> bool:
    """Whether the speaker is an institution by its head noun ("the town hall", "the Ministry of
    Transport") or by the whole of a name the article introduces as one ("Chemotex Ohře, the
    largest private employer"), not by a short form that may be a person's ("Clinton" beside the
    "Clinton Foundation")."""
    if speaker is None or speaker.kind != "org":
        return False
    return frozenset(speaker.words) in organisations or _kind([Token(0, 0, w) for w in speaker.words]) == "org"


# What may open a sentence before its subject as an adverbial: "In a statement released shortly
# after noon, she said", "Speaking after the vote, he also promised", "Since then he has won".
ADVERBIAL_OPENERS = frozenset(
    "in on at after before since last earlier later then now speaking asked during following "
    "meanwhile however yesterday today until within despite published writing responding".split()
)
MAX_ADVERBIAL_WORDS = 8
CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december monday "
    "tuesday wednesday thursday friday saturday sunday".split()
)


# The screen for it: an adverbial's first word, capitalised, and "he"/"she" within 80 characters
# of the same sentence.
_FRONTED = fast_start(
    re.compile(r"\b(?:" + "|".join(sorted(w.capitalize() for w in ADVERBIAL_OPENERS)) + r")\b[^.!?\n]{0,80}?\b(?:he|she)\s")
)


def after_fronted_adverbial(words: list[Token], lowered: list[str]) -> int:
    """Index of the "He"/"She" that follows an adverbial opening the sentence, the adverbial in
    lower case (days and months aside) with no person noun or pronoun in it; 0 otherwise."""
    if lowered[0] not in ADVERBIAL_OPENERS:
        return 0
    for j in range(1, min(len(words), MAX_ADVERBIAL_WORDS + 1)):
        if lowered[j] in tables.PERSONAL_PRONOUNS:
            return j
        if (words[j].is_capitalised and lowered[j] not in CALENDAR_WORDS) or lowered[j] in _PERSON_NOUNS or lowered[j] in _PRONOUNS:
            return 0
    return 0


def _acting_opening(lowered: list[str]) -> int | None:
    """Index of the verb when the sentence opens "He/She" and a verb in the past ("He granted
    permission")."""
    if len(lowered) > 2 and lowered[0] in tables.PERSONAL_PRONOUNS and lowered[1].endswith("ed"):
        return 1
    return None


def _may_name_a_person(
    text: str, start: int, end: int, words: list[Token], lowered: list[str], organisations: Sequence[frozenset[str]]
) -> bool:
    """Whether the sentence refers to someone by a personal pronoun ("He said", "his") or holds a
    name that may be a person's: two or more capitalised words in a row ("Ilse Marquardt"; "New
    York" too, unless "in" or "the" is before it: a place is told from a person only so) that are
    not an institution's ("The High Court", "Porthallow Hosts Association") nor a name the
    article introduces as one."""
    if any(word in _PERSON_PRONOUNS for word in lowered):
        return True
    if not _TWO_CAPITALISED.search(text, start, end):
        return False  # no two capitalised words in a row (most sentences)
    run: list[Token] = []
    before = ""  # the lower-case word before the run
    for i, word in enumerate([*words, None]):
        if word is not None and word.is_capitalised and word.text[:1].isalpha():
            if not run:
                before = lowered[i - 1] if i > 0 else ""
            run.append(word)
            continue
        if len(run) >= 2 and before not in _PLACE_OR_THING_BEFORE and _kind(run) != "org" and not any({w.text for w in run} <= name for name in organisations):
            return True
        run = []
    return False


_TWO_CAPITALISED = re.compile(r"\b[^\W\d_a-z]\w*[ \t]+[^\W\d_a-z]")  # screens for a run: a capitalised word, then another

# Before a name, words that make it a place's or a thing's: "the Horní Kamenice district", "in
# Chemotex Ohře", "at Brindle Park" (a person is seldom "the Ilse Marquardt").
_PLACE_OR_THING_BEFORE = frozenset("the in at near".split())


def _refers_to_person(lowered: list[str]) -> bool:
    """A person referred to by a personal pronoun after the sentence's first word ("suspended
    him", "his successor")."""
    return any(word in _PERSON_PRONOUNS for word in lowered[1:])


def _reports(verb: str) -> bool:
    """A verb of saying or of view: after an institution spoke, "He added" goes on with it."""
    return verb in tables.SPEECH_VERBS or verb in tables.VIEW_VERBS


def _pronoun_opening(lowered: list[str]) -> int | None:
    """Index of the verb when the sentence opens "He/She [also] said/added/expects …", or acts
    with an auxiliary or "also" ("She will decide", "He has not disclosed", "He also wrote")."""
    if lowered[0] not in tables.PERSONAL_PRONOUNS:
        return None
    index = 2 if len(lowered) > 2 and lowered[1] == "also" else 1
    if index < len(lowered) and lowered[index] in _OPENING_VERBS:
        return index
    if len(lowered) > 2 and lowered[1] in _AUXILIARIES:
        index = 2
        while index < len(lowered) - 1 and lowered[index] in _VERB_MODIFIERS:
            index += 1
        return index
    if len(lowered) > 2 and lowered[1] == "also":
        return 2
    return None


def _opening_subject(
    text: str, words: list[Token], lowered: list[str], organisations: Sequence[frozenset[str]], surnames: frozenset[str] = frozenset()
) -> Subject | None:
    """The kind and words of the subject that opens the sentence, when it is an institution
    ("The ministry named ...", "Kiso-Hida released ...", "The agency formally opened ...") or a
    bare name the article does not know as one ("Carlineo faces ...": a person, perhaps, whom a
    "He" after it may mean); None otherwise. What follows the subject must read as a verb (a verb
    of saying, stance or view, an auxiliary, or a word in -ed or -s), past an aside between
    commas, so that an institution's noun used as a modifier ("The government bond market") or a
    possessor ("The company's shares fell") is no subject."""
    if lowered[0] in _NOT_SUBJECTS or lowered[0] in _PRONOUNS:
        return None  # "In 1998 the government said ...": an adverbial; "It said ...": the last subject again
    for end in range(1, min(len(words) - 1, MAX_OPENING_SUBJECT) + 1):
        subject = words[:end]
        if lowered[end - 1].endswith(("'s", "’s")):
            continue
        bare = _bare_name(subject)
        known = bare and _short_form_of_organisation(subject, organisations, surnames)
        kind = "org" if known else _kind(subject)
        if kind is None and not bare:
            continue
        verb = end
        if "," in text[words[end - 1].end : words[end].start]:
            # "Veltrana, which supplies Cardizol to 11 countries, has described ...": the verb
            # follows the aside's closing comma
            verb = next((i for i in range(end + 1, min(len(words), end + MAX_ASIDE_WORDS)) if "," in text[words[i - 1].end : words[i].start]), end)
        verb = verb + 1 if lowered[verb].endswith("ly") and verb + 1 < len(words) else verb
        if not words[verb].is_capitalised and _verb_like(lowered[verb]):
            return Subject(kind or "unknown", tuple(w.text for w in subject))
    return None


def _verb_like(word: str) -> bool:
    """A word that may be the verb after a subject: of saying, stance or view, an auxiliary, or
    a form in -ed or -s."""
    return (
        _reports(word) or word in tables.STANCE_VERBS or word in _AUXILIARIES
        or word.endswith("ed") or (word.endswith("s") and not word.endswith("ss"))
    )  # fmt: skip


# A capitalised name right after an organisation's noun ("battery maker Hanseong Energy", "the
# agency Ibama"), or before ", which" ("Hanseong, which supplies cells"): the article introduces it
# as an organisation.
# (Words of at most 31 characters, and a name only from a word's start: a long run of letters is
# never rescanned from each of its positions.)
_NAME = r"[A-Z][\w&'’.-]{0,30}(?: [A-Z][\w&'’.-]{0,30}){0,3}"
INSTITUTION_NOUN = "|".join(sorted(tables.BUSINESS_NOUNS | tables.ORGANISATION_NOUNS))  # an alternation for patterns
# (Two patterns, each with a quick test of where a match can start: one alternation of both ran
# at twice the cost.)
_INTRODUCED_AFTER_NOUN = fast_start(re.compile(rf"\b(?:{INSTITUTION_NOUN})\s+({_NAME})"))
_INTRODUCED_BEFORE_COMMA = re.compile(
    rf"(?=[A-Z])(?<![\w&'’.-])({_NAME}),\s+(?:which\b"
    # an apposition whose head is an institution's noun: "Transnorte, one of the largest barge
    # operators, said", "Cordillera, the country's third-largest miner,"
    + rf"|(?:one of\s+)?(?:the|a|an|its|[A-Z][\w-]{{0,30}}['’]s)\s+(?:[\w'’-]{{1,30}}\s+){{0,3}}?(?:{INSTITUTION_NOUN})s?\b"
    # ... and not a role in one ("Joanna Price, the cabinet member for environment", "the
    # council's leader"): a person
    + rf"(?!(?:['’]s)?\s+(?:{'|'.join(sorted(_PERSON_NOUNS))})s?\b))"
)


# A name that opens a sentence and is referred back to with "its" in its own clause: as the
# possessive of its verb's object ("Kaminari Devices has widened its recall", "Brightwell
# Devices has pushed back deliveries of its tablet": at most five words between, the first no
# verb of saying), or after reporting itself as "it" ("Deutsche Bahn said it was running a fifth
# of its services", "Cordillera said it had halted production at Santa Rosalía and withdrawn its
# guidance"): a person is never "its". "Mwangi said most of its income ..." is the group's
# income, not Mwangi's. Between them no determiner, no clause break, and no capitalised word but
# a place after a preposition; at most fourteen words.
_PLACE_AFTER_PREPOSITION = "".join(rf"(?<=\b{p} )" if i == 0 else rf"|(?<=\b{p} )" for i, p in enumerate(("at", "in", "on", "from", "to", "near")))
_OPEN_WORD = r"(?:(?!(?:" + "|".join(sorted(tables.THING_DETERMINERS - {"its"})) + r")\b)[a-z0-9][\w%'’-]{0,30})"
_SAYING = "said|says|say|told|tells|added|adds"  # "Mwangi said most of its income": its is another's
_PLACE = rf"(?:{_PLACE_AFTER_PREPOSITION})[A-Z][\w'’-]{{0,30}}(?: [A-Z][\w'’-]{{0,30}}){{0,2}}"
_REFERRED_TO_AS_ITS = re.compile(
    rf"(?:^|(?<=\n)|(?<=[.!?]) )({_NAME}) (?:(?!(?:{_SAYING})\b){_OPEN_WORD} (?:{_OPEN_WORD} ){{0,4}}|[a-z]{{1,30}} it (?:(?:{_OPEN_WORD}|{_PLACE}) ){{1,12}})its\b",
    re.MULTILINE,
)


def introduced_organisations(text: str) -> tuple[frozenset[str], ...]:
    """The names the article introduces as organisations' (:data:`_INTRODUCED_AFTER_NOUN`,
    :data:`_INTRODUCED_BEFORE_COMMA`) or refers to as
    "its" (:data:`_REFERRED_TO_AS_ITS`), each as the set of its words, so that "Hanseong" is
    known with "Hanseong Energy". A name that opens with a title or a role is a person's
    ("company CEO Tim Cook", "police Chief Ann Lee")."""
    names = set()
    for match in (*_INTRODUCED_AFTER_NOUN.finditer(text), *_INTRODUCED_BEFORE_COMMA.finditer(text), *_REFERRED_TO_AS_ITS.finditer(text)):
        words = next(group for group in match.groups() if group).split()
        ends = [i for i, word in enumerate(words[:-1]) if word.endswith(".") and len(word) > 2]
        words = words[ends[-1] + 1 :] if ends else words  # "Thursday. Tarnbury Cycles": the name after the sentence's end
        head = words[0].lower().rstrip(".")
        if head not in tables.PERSON_TITLES and head not in _PERSON_NOUNS:
            names.add(frozenset(words))
    return tuple(names)


def _sentence_speaker(
    text: str,
    words: list[Token],
    lowered: list[str],
    quoted: Sequence[tuple[int, int]],
    organisations: Sequence[frozenset[str]] = (),
    surnames: frozenset[str] = frozenset(),
) -> Subject | None:
    """Who speaks in this sentence, for a "He" after it: a person if any speaker is one, else
    the last speaker's kind (outside quotations). The subject of a verb of stance ("welcomed",
    "rejected") speaks too, unless the sentence names a person, whom "He" may mean."""
    result = None
    names_a_person = None
    for v, verb in enumerate(lowered):
        if v == 0 or not (verb in tables.SPEECH_VERBS or verb in tables.STANCE_VERBS) or inside_quotation(quoted, words[v].start):
            continue
        if verb in tables.STANCE_VERBS:
            if names_a_person is None:
                names_a_person = _names_a_person(words, lowered)
            if names_a_person:
                continue  # "The ministry praised President Ruiz's plan. He said ...": he is Ruiz
        subject = _subject_before(text, words, v)
        if subject and subject[0].lower in _RELATIVE_WORDS:
            continue  # "readings, which the company had argued were unreliable": a relative clause's speaker, not the sentence's
        inverted = _CLOSING_MARK.search(text, words[v - 1].end, words[v].start) is not None
        if not subject and inverted and v + 1 < len(words) and verb not in _ADDRESSEE_VERBS:
            subject = _subject_after(text, words, v)  # "…,” said the ministry."
        kind = _kind(subject)
        if kind is None and _bare_name(subject) and _short_form_of_organisation(subject, organisations, surnames):
            kind = "org"  # a name the article introduced as a company's or an agency's
        if kind is None and not all(w.lower in _PRONOUNS for w in subject) and any(w.is_capitalised for w in subject[1:] or subject):
            kind = "unknown"  # a bare name ("But Arroyo said"): someone spoke, of unknown kind
        if kind and not (result and result.kind in ("person", "people")):
            result = Subject(kind, tuple(w.text for w in subject))
    return result


def _short_form_of_organisation(subject: list[Token], organisations: Sequence[frozenset[str]], surnames: frozenset[str]) -> bool:
    """Whether a bare name is (part of) a name the article introduces as an organisation's
    ("Tarnbury" of "Tarnbury Cycles"), and not a surname the article gives a person too
    ("Clinton" beside "Secretary Clinton" and the "Clinton Foundation")."""
    names = {w.text for w in subject}
    if len(names) == 1 and names <= surnames:
        return False
    return any(names <= name for name in organisations)


# A title or a first name before a capitalised word makes that word a person's surname.
_TITLED_SURNAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sir|Dame|Prof|Professor|Secretary|President|Senator|Governor|Minister|Mayor)\.?\s+([A-Z][\w'’-]+)")
_FIRST_AND_SURNAME = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][\w'’-]+)")


def person_surnames(text: str) -> frozenset[str]:
    """Words the article uses as a person's surname: after a title ("Secretary Clinton") or
    after a first name of one sex ("Hillary Clinton", :func:`referents.given_name_gender`)."""
    found = set(_TITLED_SURNAME.findall(text))
    found.update(surname for first, surname in _FIRST_AND_SURNAME.findall(text) if given_name_gender(first))
    return frozenset(found)


def _bare_name(subject: list[Token]) -> bool:
    """A run of capitalised words and nothing else ("Hanseong Energy", "Network Rail")."""
    return bool(subject) and all(w.is_capitalised for w in subject)


def _subject_before(text: str, words: list[Token], verb: int) -> list[Token]:
    """The last words before the verb; or, when the subject opens with a person (a title, a
    person noun or a bare name) followed by where they work ("Dr. Joneigh Khaldun of the
    Michigan Department ... says"), that person: the doctor speaks, not the department. An
    apposition between commas right before the verb ("Barry Beal, a manager at Capgemini,
    told") or an aside in brackets ("Rep. Gregory Meeks (D-N.Y.) said") is passed over for the
    name before it."""
    start = clause_start(text, words, verb)
    while verb > start + 1 and _before_verb(words[verb - 1]):
        verb -= 1  # "The Port Authority has rejected": the subject ends before "has"
    gap = text[words[verb - 1].end : words[verb].start] if verb > 0 else ""
    if start == verb and verb > 0 and ("," in gap or ")" in gap) and not _CLOSING_MARK.search(gap):
        apposition = clause_start(text, words, verb - 1)
        if apposition > 0:
            start, verb = clause_start(text, words, apposition - 1), apposition
    subject = words[start:verb]
    if subject and subject[-1].lower in _PERSON_NOUNS:
        return subject[-5:]  # the head is a person: "A Department for Education spokeswoman"
    cut = next((i for i, word in enumerate(subject) if i > 0 and word.lower in _POSTMODIFIER_STARTS), None)
    if cut is not None:
        head = subject[:cut]
        bare_name = len(head) <= 3 and all(word.is_capitalised for word in head)  # "Joneigh Khaldun of ..."
        if bare_name or _kind(head) in ("person", "people"):
            return head[-5:]
    return subject[-5:]


def _before_verb(word: Token) -> bool:
    """An auxiliary, a negation or an adverb in lower case, between a subject and its verb."""
    return not word.is_capitalised and (word.lower in _AUXILIARIES or word.lower in _VERB_MODIFIERS or word.lower.endswith("ly"))


def _subject_after(text: str, words: list[Token], verb: int) -> list[Token]:
    """The subject after an inverted verb of saying ("…,” said the ministry."): the words up to
    the next clause break, at most five, which is as far as a speaker's head noun needs."""
    end = verb + 1
    while end < len(words) and not CLAUSE_BREAK.search(text[words[end - 1].end : words[end].start]):
        end += 1
    return words[verb + 1 : end][:5]


def _kind(subject: list[Token]) -> str | None:
    """"person", "people" (a plural person noun at the head: "Scientists", no antecedent of
    "She"), "org" or None (unknown)."""
    lowered = [w.lower.rstrip("’'s") if w.lower.endswith(("’s", "'s")) else w.lower for w in subject]
    if lowered and lowered[-1].endswith("s") and lowered[-1][:-1] in _PERSON_NOUNS:
        return "people"
    if any(w in _PERSON_NOUNS or w in tables.PERSON_TITLES or (w.endswith("s") and w[:-1] in _PERSON_NOUNS) for w in lowered):
        return "person"  # "a dozen members of Congress" are people, whatever they belong to
    if subject and (lowered[-1] in tables.ORGANISATION_NOUNS or lowered[-1] in tables.BUSINESS_NOUNS):
        if _surname(subject, lowered):
            return None  # "Tony Banks": a person's name, not banks
        return "org"
    of = next((i for i, word in enumerate(lowered) if i > 0 and word in ("of", "for")), None)
    if of is not None and (lowered[of - 1] in tables.ORGANISATION_NOUNS or lowered[of - 1] in tables.BUSINESS_NOUNS):
        return "org"  # the head before its complement: "the Ministry of Transport and Infrastructure"
    return None


def _surname(subject: list[Token], lowered: list[str]) -> bool:
    """A capitalised plural of an institution's noun right after a capitalised name word is a
    family name ("Tony Banks", "Tyra Banks"), not the institutions."""
    return (
        len(subject) >= 2 and subject[-1].is_capitalised and lowered[-1].endswith("s")
        and subject[-2].is_capitalised and lowered[-2] not in tables.THING_DETERMINERS
    )  # fmt: skip


def _names_a_person(words: list[Token], lowered: list[str]) -> bool:
    """A person enters the story: a title before a name, or a person noun."""
    for i, word in enumerate(lowered):
        if i > 0 and word in _PERSON_NOUNS and word not in ("his", "her", "him"):
            return True
        if word in tables.PERSON_TITLES and i + 1 < len(words) and words[i + 1].is_capitalised:
            return True
    return False
