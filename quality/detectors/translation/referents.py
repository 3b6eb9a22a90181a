"""Pronouns that do not fit whom they stand for: "his career" for a woman the article calls
"she" elsewhere (TRN013), "it" for a person (TRN014), "her" for the thing a sentence opens with
as "which" takes it up (TRN006: "Norvaska, which listed her shares").

Turkish "o", Finnish "hän", Chinese "ta", Korean, Persian and Hungarian have one third-person
pronoun for both sexes, pro-drop languages leave the subject out, and Spanish, French or
Portuguese possessives ("su", "son", "seu") agree with the thing owned, not its owner. A
translation has to choose "he" or "she", "his" or "her", and sometimes chooses wrong. Only the
article can say which is right, so the rule reads it as a reader does, with a small model of
who is there to be referred to:

- **Persons.** A run of capitalised words after a title ("Dr Layla Haddad", "Ms Ito") or of two
  to four capitalised words that is no institution's name and no place ("in Port Ellery") is a
  named person; a later mention by one of its words ("Haddad said") is the same person. A
  person noun not attached to a name ("the driver", "her husband") is a person of its own.
- **Gender, as the article gives it.** A gendered title (``Mr``, ``Ms``, ``Dame``) or noun
  beside the name ("spokeswoman Ana Ruiz", "Ruiz, a mother of three") gives it, or else a first
  name that nearly always belongs to one sex (``quality/data/given_names.txt.gz``, from the US
  Social Security Administration's birth records: "Katrin", "Pieter"). Pronouns only contest
  that (one that disagrees with it, besides the one judged, leaves the gender open), since a
  pronoun may stand for someone the model does not see. For a name that says nothing
  ("Yoon Seo-jin"), the pronouns decide, each one whose sentence and the two before name only
  that person voting once, by a margin of two.
- **A slip.** Only where a reader has no doubt who a pronoun stands for: after the person who
  opens its sentence as the subject, with no one else named before it ("Chief executive Katrin
  Oberhäuser told the paper that the decision had been the hardest of his career", "Ferrante,
  who has worked in Poland since she left Modena"), or as the subject opening the sentence right
  after one that names only that person ("..., said Pieter Claeys. She added ..."). It is
  flagged when the article gives that person the other gender and nobody else it could stand
  for (a pronoun of its gender, a person of its gender or of none) is in its sentence or the
  two before.

"It" for a person (TRN014) comes from the same languages' dropped subjects ("Dr Haddadi, who
said it had first noticed the colonies"). "It" stands for things and institutions too, and for
nothing ("She said it had been a hard year"), so the rule asks for what only a person does or
has: "it" before a verb of perceiving, feeling or living ("it had first noticed", "says it
remembers nothing", "it was seasick", "It laughed when asked") after the verb of saying of a
named person who opens the sentence, or opening the sentence after one that names only a
person; "It said" there too; and "its" before a relative or a spouse ("Its wife and two
children"). Verbs an institution takes as readily ("it had seen demand", "it expected") are not
asked, and no institution or other name may stand near ("Tim Cook said it had noticed strong
demand" after "Apple reported").

A thing that "which" takes up (TRN006) is no person by grammar: "his"/"her" before a noun, or
"he"/"she", in the sentence it opens is a slip when no one of that gender is named in it or the
two sentences before ("The foundation, which bears her name" after "Ana Ruiz founded it" is not).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterator, Sequence

from quality.detectors.translation import _tables as tables
from quality.detectors.translation import rules as R
from quality.detectors.translation.given_names import FEMALE, MALE, given_name_gender
from quality.detectors.translation.pronouns import ADVERBIAL_OPENERS, CALENDAR_WORDS, INSTITUTION_NOUN, MAX_ADVERBIAL_WORDS, introduced_organisations
from quality.detectors.translation.text import CLAUSE_BREAK, Token, english_zipf, lines, sentences, tokens
from quality.quotations import inside_quotation, quote_regions

PRONOUN_GENDER = {
    **dict.fromkeys(("he", "him", "his", "himself"), MALE),
    **dict.fromkeys(("she", "her", "hers", "herself"), FEMALE),
}
# Titles and nouns that give a person's gender ("chairman" and "spokesman" do not: they are used
# of women too).
GENDERED_TITLES = {
    **dict.fromkeys("mr sir lord king prince duke herr señor senhor signor monsieur".split(), MALE),
    **dict.fromkeys("mrs ms miss dame lady queen princess duchess madam frau señora senhora signora madame mme".split(), FEMALE),
}
GENDERED_NOUNS = {
    **dict.fromkeys(
        "man boy father husband son brother grandfather grandson uncle nephew widower businessman "
        "congressman policeman fireman sportsman grandpa dad stepfather".split(),
        MALE,
    ),
    **dict.fromkeys(
        "woman girl mother wife daughter sister grandmother granddaughter aunt niece widow "
        "businesswoman congresswoman chairwoman spokeswoman policewoman sportswoman actress "
        "grandma mum mom stepmother councilwoman".split(),
        FEMALE,
    ),
}
# Person nouns that say nothing of gender: a person of unknown gender, who may be the one meant.
_UNGENDERED_PERSON_NOUNS = frozenset(
    "spokesperson minister president premier chancellor ambassador envoy official diplomat leader "
    "secretary senator governor mayor general adviser advisor aide analyst expert director ceo head "
    "chief counterpart manager executive owner founder boss economist professor lawyer researcher "
    "scientist doctor teacher coach player officer worker resident witness member campaigner "
    "activist controller editor teenager child farmer driver passenger suspect victim student "
    "patient pensioner neighbour neighbor fan tourist pilot nurse soldier prisoner defendant judge "
    "candidate nominee lawmaker legislator politician rider athlete runner winner champion captain "
    "striker goalkeeper author artist actor singer chef architect engineer attorney prosecutor "
    "detective inspector sheriff partner colleague friend spokesman chairman successor predecessor "
    "deputy assistant rival opponent challenger replacement tenant customer client employee "
    "homeowner landlord shopper commuter voter pupil parent baby toddler infant".split()
)
# Every person noun with the gender it gives (None: "the driver" may be either).
_PERSON_NOUN_GENDER: dict[str, str | None] = {**dict.fromkeys(_UNGENDERED_PERSON_NOUNS), **GENDERED_NOUNS}


# Roles written before a name as a title ("Goalkeeper Ingrid Saether", "Co-author Rahul Menon").
_ROLES_BEFORE_A_NAME = frozenset(_PERSON_NOUN_GENDER) | tables.ROLE_WORDS


def _noun(word: str) -> str:
    """A lower-case word without its possessive ending: "father’s" → "father"."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


PERSON_TITLES = frozenset(tables.PERSON_TITLES | set(GENDERED_TITLES) | {"professor", "prof", "dr", "judge", "captain", "councillor", "coach"})
MAX_ROLE_WORDS = 3  # "Head coach", "Chief executive": what may stand before the subject's name
FUNCTION_WORD_ZIPF = 5.5  # "One", "Many", "Some": never a company's name
ORDINARY_ZIPF = 3.5  # a sentence's first word this common in English ("Supporters", "Many") names nobody
MAX_NAME_WORDS = 4  # "Ana Lucía Quispe-Ferreira" is three; a longer capitalised run is a title or a heading
WINDOW_SENTENCES = 2  # sentences before a pronoun's own in which the person it stands for may be named
MARGIN = 2  # pronouns give a gender when they outnumber the other's by this many
_PLACE_BEFORE = frozenset("in at near from to into the of across outside inside".split())
_SENTENCE_OPENERS = tables.CLOSED_CLASS_WORDS | frozenset(
    "but so yet when after before while if although though because since during then now also "
    "meanwhile however still instead last next this what whether who why how where which there "
    "here it they we you".split()
)


@dataclass
class Person:
    """One person the article refers to, and what gives them a gender."""

    words: frozenset[str]
    named: bool
    votes: Counter[str] = field(default_factory=Counter)  # the pronouns that stand for them alone, by gender
    titled: bool = False  # a title or a person noun before the name, or in an apposition after it
    given: str | None = None  # the gender a title, a gendered noun or the first name gives

    @property
    def surely_a_person(self) -> bool:
        """A title, a role, a gendered noun or a first name says so: not a bare name that may be
        a company's ("Pwani Cement, which employs 900 people, said he ..." votes, wrongly, for a
        man)."""
        return self.titled or self.given is not None


@dataclass(frozen=True)
class Mention:
    person: int  # index into the article's persons
    start: int  # character offset
    quoted: bool = False  # inside a quotation: someone the speaker names, not the article's subject


@dataclass(frozen=True)
class PronounUse:
    start: int
    end: int
    text: str
    gender: str
    quoted: bool


@dataclass(frozen=True)
class ReferentSlip:
    start: int
    end: int
    message: str
    code: str = R.GENDER_SLIP.code


_GENDERED_PRONOUN = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]ers?|[Hh]erself)\b")


def referent_slips(text: str) -> Iterator[ReferentSlip]:
    """The gendered pronouns that contradict the gender the article gives the person they stand
    for (TRN013) or stand for an institution that opens their sentence (TRN006), and "it"/"its"
    standing for a person (TRN014)."""
    gendered = _GENDERED_PRONOUN.search(text) is not None
    for_a_person = any(pattern.search(text) for pattern in (_IT_PERSON_VERB, _IT_SAYS, _ITS_RELATIVE))
    if not gendered and not for_a_person:
        return  # no gendered pronoun, no "said it had noticed", no "its wife": nothing to read (most articles)
    reading = _Reading(text)
    slips: list[ReferentSlip] = []
    if gendered:
        for index, uses in enumerate(reading.pronouns):
            slips += [slip for use in uses if not use.quoted and (slip := reading.contradicts(index, use))]
        slips += reading.gendered_things()
    if for_a_person:
        slips += reading.its_for_a_person()
    unique = {(slip.start, slip.code): slip for slip in slips}
    yield from sorted(unique.values(), key=lambda slip: slip.start)


class _Reading:
    """The article's sentences with the persons and pronouns in each, and what gives each person
    a gender."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.persons: list[Person] = []
        self._by_word: dict[str, set[int]] = {}
        self.mentions: list[list[Mention]] = []
        self.pronouns: list[list[PronounUse]] = []
        self.spans: list[tuple[int, int]] = []  # each sentence's start and end
        quoted = self._quotations = quote_regions(text)
        for words in (tokens(text, sentence.start, sentence.end) for para in lines(text) for sentence in sentences(text, para.start, para.end)):
            if not words:
                continue
            self.spans.append((words[0].start, words[-1].end))
            lowered = [w.text.lower() for w in words]
            self.mentions.append([Mention(m.person, m.start, inside_quotation(quoted, m.start)) for m in self._mentions(words, lowered)])
            self.pronouns.append(
                [
                    PronounUse(w.start, w.end, w.text, PRONOUN_GENDER[low], inside_quotation(quoted, w.start))
                    for w, low in zip(words, lowered)
                    if low in PRONOUN_GENDER
                ]
            )
        self._votes: dict[int, tuple[int, str]] = {}  # a pronoun's start -> the person it counts for
        for index, uses in enumerate(self.pronouns):
            for use in uses:
                person = self._only_person(index, use.start)
                if person is not None and not use.quoted:
                    self.persons[person].votes[use.gender] += 1
                    self._votes[use.start] = (person, use.gender)

    # -- who is there ---------------------------------------------------------------------
    def _mentions(self, words: list[Token], lowered: list[str]) -> list[Mention]:
        found: list[Mention] = []
        # only capitalised words and person nouns ("father’s" is a father) can be anyone
        candidates = [i for i, (word, low) in enumerate(zip(words, lowered)) if word.text[0].isupper() or _noun(low) in _PERSON_NOUN_GENDER]
        position = 0  # words before it are read
        for i in candidates:
            if i < position:
                continue
            word = words[i]
            if not word.text[0].isupper():
                if not _attached_to_name(self.text, words, i):
                    found.append(self._new_person(frozenset(), False, word.start, _PERSON_NOUN_GENDER[_noun(lowered[i])]))
                continue
            end = i + 1
            while end < len(words) and words[end].text[0].isupper() and _BLANK.fullmatch(self.text, words[end - 1].end, words[end].start):
                end += 1
            found += self._name(words, lowered, i, end)
            position = end
        return found

    def _name(self, words: list[Token], lowered: list[str], start: int, end: int) -> list[Mention]:
        """The persons a capitalised run ``words[start:end]`` may name (none, one, or several
        that share the word it is)."""
        title_gender = None
        titled = False
        if start > 0 and lowered[start - 1].rstrip(".") in PERSON_TITLES and self.text[words[start - 1].end : words[start].start].strip(". ") == "":
            titled = True  # "by mycologist ..." is not a title; "Dr Haddad", "Ms. Ito" are
            title_gender = GENDERED_TITLES.get(lowered[start - 1].rstrip("."))
        while start < end and lowered[start].rstrip(".") in PERSON_TITLES:
            titled = True
            title_gender = GENDERED_TITLES.get(lowered[start].rstrip("."), title_gender)
            start += 1
        if end - start > 2 and not titled and lowered[start] in _ROLES_BEFORE_A_NAME:
            titled = True  # "Referee Danielle Ashcombe", "Justice Peter Mwangi": a role capitalised as a title
            title_gender = GENDERED_NOUNS.get(lowered[start])
            start += 1
        if start == 0 and not titled and lowered[0] in _SENTENCE_OPENERS:
            start += 1  # "But Ana Ruiz said": the run's first word is capitalised as the sentence's
        run = words[start:end]
        if not run or len(run) > MAX_NAME_WORDS:
            return []
        names = frozenset(w.bare for w in run)
        known = set.intersection(*(self._by_word.get(w, set()) for w in names)) if names else set()
        if known:
            # "Clinton" after "Hillary Clinton" and "Bill Clinton" may be either: both are there
            if title_gender and len(known) == 1:
                self.persons[next(iter(known))].given = title_gender  # "Ms Oberhäuser": the title decides
            return [Mention(person, run[0].start) for person in sorted(known)]
        if len(run) == 1 and not titled and end < len(words) and "," in self.text[run[0].end : words[end].start]:
            titled = _apposition_role(words, lowered, end)  # "Emeka, a paediatrician in Stockholm, said": a person
        if len(run) == 1 and not titled:
            # A lone capitalised word that no full name before it explains may be anything: a
            # place, a brand, a person named only so ("Trump groped her", "Obama said" before
            # "Michelle Obama"). It stands as someone of unknown kind, whom a pronoun may mean,
            # unless it is a sentence's ordinary first word, a day or a month, or a place after a
            # preposition.
            if _ordinary(words, lowered, start):
                return []
            return [self._new_person(frozenset(), False, run[0].start, None)]
        first_name = given_name_gender(run[0].text) if len(run) > 1 else None
        if not titled and (_institution(run) or first_name is None and start > 0 and lowered[start - 1] in _PLACE_BEFORE):
            return []  # "Caldwell University"; "in Port Ellery" (but "claims from Jessica Leeds" is a person)
        gender = title_gender or _apposition_gender(self.text, words, lowered, start, end)
        gender = gender or first_name
        mention = self._new_person(names, True, run[0].start, gender)
        self.persons[mention.person].titled = titled or (start > 0 and lowered[start - 1] in _UNGENDERED_PERSON_NOUNS) or _apposition_role(words, lowered, end)
        return [mention]

    def _new_person(self, words: frozenset[str], named: bool, start: int, gender: str | None) -> Mention:
        person = Person(words, named, given=gender)
        self.persons.append(person)
        index = len(self.persons) - 1
        for word in words:
            self._by_word.setdefault(word, set()).add(index)
        return Mention(index, start)

    # -- who a pronoun may stand for -----------------------------------------------------------
    def _only_person(self, index: int, before: int) -> int | None:
        """The person a pronoun at ``before`` counts for: the only one named, outside
        quotations, in its sentence before it and the two sentences before, with no person
        noun among them ("the driver", "her husband")."""
        present = set()
        for k in range(max(0, index - WINDOW_SENTENCES), index + 1):
            present |= {m.person for m in self.mentions[k] if m.start < before and not m.quoted}
        if len(present) != 1:
            return None
        only = present.pop()
        return only if self.persons[only].named else None

    def its_for_a_person(self) -> list[ReferentSlip]:
        """"it" standing for a named person, and "its" before a relative or a life (TRN014)."""
        slips = []
        for found in (*_IT_PERSON_VERB.finditer(self.text), *_IT_SAYS.finditer(self.text), *_ITS_RELATIVE.finditer(self.text)):
            start = found.start("it")
            index = bisect.bisect_right(self.spans, (start, len(self.text))) - 1
            if index < 0 or self._quoted(start):
                continue
            person = self._owner_of_its(index, start) if found.re is _ITS_RELATIVE else self._person_as_it(found, index, start)
            if person is None or not self.persons[person].named:
                continue
            if self.persons[person].surely_a_person or (found.re is _ITS_RELATIVE and _kin_alone(self.text, found)):
                message = R.IT_FOR_A_PERSON.message_for(pronoun=found.group("it"), person=_shown(self.persons[person]))
                slips.append(ReferentSlip(start, found.end("it"), message, R.IT_FOR_A_PERSON.code))
        return slips

    def _owner_of_its(self, index: int, start: int) -> int | None:
        """Whose wife "its wife" is (no institution has one): the only person near, or the
        person who opens the sentence as its subject."""
        person = self._only_person(index, start)
        here = [m for m in self.mentions[index] if m.start < start and not m.quoted]
        if person is None and len({m.person for m in here}) == 1 and self._subject_of(index, here[0]):
            person = here[0].person
        return person

    def _person_as_it(self, found: re.Match[str], index: int, start: int) -> int | None:
        """The person an "it" before a person's verb, or saying something, stands for: opening
        its sentence, the only person of the sentence before ("... Ana Quispe, who has worked
        there. It explained"); attributing a quotation, the speaker before it; after a verb of
        saying, the one person who opens the sentence and speaks ("Dr Nwosu said it had
        trained"). None with an institution or another name near, whose "it" it may be."""
        only_a_person = found.re is _IT_PERSON_VERB and found.group("only") is not None
        if self._institution_near(index, start) and not only_a_person:
            return None
        if start == self.spans[index][0]:
            if only_a_person:  # "It laughed" goes on with the person the sentences before speak of
                return self._last_subject(index)
            before = {m.person for m in self.mentions[index - 1] if not m.quoted} if index > 0 else set()
            return before.pop() if len(before) == 1 else None
        if found.re is _IT_SAYS:
            return self._last_subject(index) if _after_quotation(self.text, start) else None  # '"…," it told the radio'
        saying = _SAYING_BEFORE.search(self.text, max(self.spans[index][0], start - 40), start)
        mentions = [m for m in self.mentions[index] if m.start < start and not m.quoted]
        if saying is None or not mentions or not _opens_with(self.text, self.spans[index][0], saying.start()):
            return None
        if only_a_person and self._subject_of(index, mentions[0]):
            return mentions[0].person  # "Tavakoli, who grew up in landlocked Mashhad, admits that it was seasick"
        here = {m.person for m in mentions}
        return here.pop() if len(here) == 1 else None

    def gendered_things(self) -> list[ReferentSlip]:
        """"his"/"her" or "he"/"she" for the institution or thing that opens the sentence as its
        subject (TRN006): "Norvaska, which listed her shares", "The agency, which was set up in
        2015, said in his written response", "The university, founded in 1911, grew rapidly,
        and she now enrols 31,000 students", "In a statement, the department said she had
        followed the law". The pronoun is the first of its sentence, no person is named between,
        and no one of its gender in the two sentences before."""
        slips = []
        organisations = None
        for index, (start, end) in enumerate(self.spans):
            if self._quoted(start) or not self.pronouns[index]:
                continue
            adverbial = _FRONTED_ADVERBIAL.match(self.text, start, end)
            thing = _THING_SUBJECT.match(self.text, adverbial.end() if adverbial else start, end)
            if thing is None:
                continue
            if not thing.group("noun"):  # a capitalised name: an institution's by its head noun, or as the article introduces it
                words = tokens(self.text, thing.start(), thing.end("thing"))
                if organisations is None:
                    organisations = introduced_organisations(self.text)
                if not words or not (_institution(words) or _WHICH.match(self.text, thing.end("thing")) or frozenset(w.text for w in words) in organisations):
                    continue
            use = next((u for u in self.pronouns[index] if not u.quoted and u.start >= thing.end("thing")), None)
            if use is None or use.start < thing.end() or not _possessive_or_subject(self.text, use) or _RELATIVE_BEFORE.search(self.text, max(start, use.start - 12), use.start):
                continue
            named = [m for m in self.mentions[index] if thing.end("thing") <= m.start < use.start and not m.quoted]
            a_person = any(self.persons[m.person].surely_a_person for m in self.mentions[index] if m.start < thing.end("thing"))
            if named or a_person or self._someone_of(index, use):
                continue  # "Orsolya Kemény, the museum's director, said she": a person, whatever the heuristics say
            message = R.PRONOUN_SLIP.message_for(pronoun=use.text, institution="“" + thing.group("thing") + "”")
            slips.append(ReferentSlip(use.start, use.end, message, R.PRONOUN_SLIP.code))
        return slips

    def _someone_of(self, index: int, use: PronounUse) -> bool:
        """Whether a pronoun of the same gender outside quotations, or a person of that gender
        or of none, stands in the two sentences before the pronoun's."""
        for k in range(max(0, index - WINDOW_SENTENCES), index):
            if any(u.gender == use.gender and not u.quoted for u in self.pronouns[k]):
                return True
            if any(self.persons[m.person].given in (use.gender, None) for m in self.mentions[k]):
                return True
        return False

    def _institution_near(self, index: int, before: int) -> bool:
        """Whether something "it" may stand for is named near: an institution's noun (not as a
        possessor: "the museum's curator") in the sentence before ``before`` or the two before,
        or, in it or the one before, a capitalised name that is no person's ("Apple reported
        ..."), outside quotations, other than a day, a month or a place after a preposition."""
        start = self.spans[max(0, index - WINDOW_SENTENCES)][0]
        if any(not m.group().endswith(("'s", "’s")) for m in _INSTITUTION_WORD.finditer(self.text, start, before)):
            return True
        persons = [m.start for k in (index - 1, index) if k >= 0 for m in self.mentions[k]]
        for k in (index - 1, index):
            if k < 0:
                continue
            for name in _CAPITALISED_RUN.finditer(self.text, self.spans[k][0], min(before, self.spans[k][1])):
                first = name.group().split()[0]
                if self._quoted(name.start()) or any(name.start() <= p < name.end() for p in persons):
                    continue
                if first.lower() in _SENTENCE_OPENERS or first.lower() in PERSON_TITLES or first in _CALENDAR:
                    continue
                if name.start() == self.spans[k][0] and " " not in name.group() and english_zipf(first.lower()) >= FUNCTION_WORD_ZIPF:
                    continue  # "One of the patients is ...": a word this common opening the sentence ("Apple reported" is a name)
                if _PLACE_PREPOSITION.search(self.text, max(0, name.start() - 6), name.start()):
                    continue
                return True
        return False

    def _quoted(self, offset: int) -> bool:
        return inside_quotation(self._quotations, offset)

    def contradicts(self, index: int, use: PronounUse) -> ReferentSlip | None:
        """A TRN013 slip when the pronoun ``use`` of sentence ``index`` stands for a person the
        article gives the other gender, with no one else near it could stand for."""
        person = self._bound_person(index, use)
        if person is None or self._other_referent(index, use, person):
            return None
        if self._gender(person, leaving_out=use) == (FEMALE if use.gender == MALE else MALE):
            message = R.GENDER_SLIP.message_for(pronoun=use.text, person=_shown(self.persons[person]), gender=self._gender(person, use))
            return ReferentSlip(use.start, use.end, message)
        return None

    def _gender(self, person: int, leaving_out: PronounUse) -> str | None:
        """The gender the article gives the person, the pronoun ``leaving_out`` not counted:
        the one its title, gendered noun or first name gives, unless another pronoun says
        otherwise ("Clinton attacked his record" may mean someone the rule does not see, so
        pronouns never outvote a name, they only contest it); else the one the pronouns give by
        MARGIN; else None."""
        known = self.persons[person]
        votes = Counter(known.votes)
        if self._votes.get(leaving_out.start) == (person, leaving_out.gender):
            votes[leaving_out.gender] -= 1
        if known.given is not None:
            other = FEMALE if known.given == MALE else MALE
            return known.given if votes[other] == 0 else None
        if votes[MALE] - votes[FEMALE] >= MARGIN:
            return MALE
        if votes[FEMALE] - votes[MALE] >= MARGIN:
            return FEMALE
        return None

    def _bound_person(self, index: int, use: PronounUse) -> int | None:
        """The one person a reader takes the pronoun for: the only person named before it in its
        sentence, when that person opens the sentence as its subject ("Tavares, 47, who won the
        title with her club") or speaks before it ("..., the ministry's adviser Ana Ruiz said his
        ..."); or, when a "He"/"She" opens the sentence (the pronoun itself, or the speaker whose
        report holds it: "She said that his company"), the only person of the sentence before
        ("... said Pieter Claeys. She added")."""
        here = [m for m in self.mentions[index] if m.start < use.start and not m.quoted]
        if here:
            people = {m.person for m in here}
            person = people.pop()
            if people or not self.persons[person].named:
                return None  # more than one person, or someone of unknown kind
            if self._subject_of(index, here[0]):  # "Tavares, 47, who won the title with her club"
                return person
            verb = next((v for v in _REPORTING.finditer(self.text, here[-1].start, use.start) if not self._quoted(v.start())), None)
            return person if verb else None
        opening = use if self._opens(index, use) else next(iter(self.pronouns[index]), None)
        if opening is None or index == 0 or not self._opens(index, opening):
            return None
        if self._answers(index, opening):
            return None  # '"..., can you?" Mr Penrose asked. "No, I cannot," she replied.': another speaker's turn
        if opening is not use and not any(not self._quoted(v.start()) for v in _REPORTING.finditer(self.text, opening.end, use.start)):
            return None  # "She said that his company": the person "She" opened with speaks
        return self._last_subject(index)

    def _opens(self, index: int, use: PronounUse) -> bool:
        """Whether the pronoun is its sentence's subject at its start: "He"/"She" opening it,
        or right after an adverbial that opens it ("Before adjourning, he set sentencing",
        "Asked whether a larger quake could follow, she said"), or "he"/"she" attributing the
        quotation that opens it ('"... something," he said')."""
        if use.text in ("He", "She") and _opens_sentence(self.text, use):
            return True
        if use.text not in ("he", "she"):
            return False
        adverbial = _FRONTED_ADVERBIAL.match(self.text, self.spans[index][0])
        if adverbial is not None and adverbial.end() == use.start:
            return True
        return _ATTRIBUTION.match(self.text, use.start) is not None and _after_quotation(self.text, use.start)

    def _answers(self, index: int, use: PronounUse) -> bool:
        """Whether the pronoun attributes a quotation that answers the one before: its verb is one
        of replying ("she replied", "he answered"), or the sentence before asked a question in a
        quotation. In a dialogue the speaker changes with each turn, so the person named last is
        the one who is not speaking."""
        if not _after_quotation(self.text, use.start):
            return False
        if _REPLY.match(self.text, use.end):
            return True
        before = self.text[self.spans[index - 1][0] : self.spans[index][0]]
        # ('"..., can you?" Mr Penrose asked.' is cut after the question: the sentence before the
        # reply may be the asking alone, with the question in the one before it)
        return _QUESTION_QUOTED.search(before) is not None or (index >= 2 and _ASKED.search(before) is not None)

    def _last_subject(self, index: int) -> int | None:
        """The named person a subject pronoun opening sentence ``index`` goes on with: the only
        one the sentence before names (outside quotations), or, past sentences that name no one
        ("She spoke with the baby asleep on her shoulder."), the one the sentence before them
        does, within WINDOW_SENTENCES."""
        for k in range(index - 1, max(-1, index - WINDOW_SENTENCES - 1), -1):
            named = {m.person for m in self.mentions[k] if not m.quoted}
            if named:
                person = named.pop() if len(named) == 1 else None
                return person if person is not None and self.persons[person].named else None
        return None

    def _subject_of(self, index: int, mention: Mention) -> bool:
        """Whether the mention opens its sentence as its subject: at most a title or a role
        before it ("Head coach Rafael Tavares, 47, who ..."), after an adverbial that names no
        one ("In a note to clients on Wednesday, Solberg kept ...")."""
        start = self.spans[index][0]
        adverbial = _FRONTED_ADVERBIAL.match(self.text, start, mention.start)
        before = tokens(self.text, adverbial.end() if adverbial else start, mention.start)
        return len(before) <= MAX_ROLE_WORDS and all(w.is_capitalised or w.lower in _UNGENDERED_PERSON_NOUNS for w in before)

    def _other_referent(self, index: int, use: PronounUse, bound: int) -> bool:
        """Whether someone else the pronoun may stand for is there in its sentence before it or
        in the two sentences before: a pronoun of its gender outside quotations (the article is
        talking about someone: "... she might seek. said Mr. Kamin, who emphasized that her
        proposals"), another person of its gender or of none the article gives, or anyone
        named before it in a quotation of its own sentence."""
        for k in range(max(0, index - WINDOW_SENTENCES), index + 1):
            if any(u.gender == use.gender and not u.quoted and u.start < use.start for u in self.pronouns[k]):
                return True
            for m in self.mentions[k]:
                if m.start >= use.start or m.person == bound:
                    continue
                if (k == index and m.quoted) or self._gender(m.person, use) in (use.gender, None):
                    return True
        return False

# Verbs only a person (or an animal) is the subject of: perceiving, feeling, living. Verbs an
# institution takes as readily ("it had seen demand", "it expected", "it had apologised",
# "it knew of the fault") are not among them.
_PERSON_VERB_STEMS = (
    "notice train study walk grow felt feel learn think thought remember realise realize dream worry wish "
    "love enjoy marry retire cry laugh smile sleep slept travel speak spoke spoken"
).split()
# A person's states after "it was": "admits that it was seasick" (an idea, too, "was born out of" something)
_PERSON_STATES = "seasick homesick tired exhausted proud delighted thrilled surprised born raised married widowed pregnant".split()
_PERSON_VERBS = (
    r"(?:(?:" + "|".join(_PERSON_VERB_STEMS) + r")(?:s|es|ed|d|ied|ies|ing|t|n)?|personally|(?:was|is|felt|had been) (?:"
    + "|".join(_PERSON_STATES) + r")(?!\s+(?:out\s+of|of|from)\b))"
)
_SAYING_VERBS = "said says told tells added explained argued insisted admitted admits recalled recalls stressed noted"
_AFTER_IT = (
    r"(?:\s+(?:had|has|have|would|will|could|did))?"
    r"(?:\s+(?:first|not|never|rarely|barely|hardly|personally|always|already|also|once|only|still|just|then|yet|ever|even))*"
)
# "it" before what only a person does: "Dr Nwosu said it had trained", "Benali ... said afterwards
# that it had not expected", "Pereira says it remembers nothing", "It laughed when asked" (the
# match must open its sentence or follow a verb of saying: :data:`_SAYING_BEFORE`)
# What no institution does or is, whatever is named near: laughing, crying, sleeping, marrying,
# being seasick or injured, training or working as a surgeon ("it had trained as a junior surgeon").
_ONLY_A_PERSON = (
    r"(?:(?:laugh|smil|weep|sleep)\w*|cried|cries|cry|crying|wept|slept|married|marries|marry|(?:was|is|felt|had been) (?:seasick|homesick|pregnant|widowed|injured|wounded)|(?:trained|worked|served|qualified|retired|started out|began) as an? (?:[a-z-]+ )?(?:"
    + "|".join(sorted(_ROLES_BEFORE_A_NAME - {"father", "sister", "brother", "private", "major", "head", "member", "partner"})) + r"))"
)
_IT_PERSON_VERB = re.compile(
    r"\b(?P<it>[Ii]t)" + _AFTER_IT + r"\s+(?:(?P<only>" + _ONLY_A_PERSON + r")|" + _PERSON_VERBS + r"|told|explained)\b"
)
_SAYING_BEFORE = re.compile(r"\b(?:" + _SAYING_VERBS.replace(" ", "|") + r")\s+(?:[a-z]+\s+)?(?:that\s+)?$")
# "... Ana Quispe, who has worked there. It explained that the team" (at a sentence's start)
_IT_SAYS = re.compile(r"\b(?P<it>[Ii]t)(?:\s+also)?\s+(?:" + _SAYING_VERBS.replace(" ", "|") + r")\b")
_ITS_RELATIVE = re.compile(
    r"\b(?P<it>[Ii]ts)\s+(?:(?:late|former|own|eldest|youngest|two|three|elder|younger|teenage|adult)\s+)?"
    r"(?:wife|husband|son|sons|daughter|daughters|children|mother|father|parents|brother|brothers|sister|sisters|"
    r"widow|widower|girlfriend|boyfriend|fiancée?|spouse|grandchildren|grandmother|grandfather|"
    r"career|childhood|upbringing|marriage)\b"
)
# Relatives only a person has; "sister", "parent" and "daughter" name firms' relations too.
_SPOUSES_AND_CHILDREN = frozenset("wife husband son sons children widow widower".split())
_AFTER_A_RELATIVE = re.compile(r"\s*[,.;:)]|\s+(?:and|who|whom|whose|is|was|are|were|had|have|has)\b")


def _kin_alone(text: str, found: re.Match[str]) -> bool:
    """Whether "its" owns a spouse or a child with no noun after it ("its wife and two sons",
    not "its son company"): whoever owns them is a person, even one whose name says nothing
    ("Alun Griffiths, who farms near Llanfair with its wife and two sons")."""
    return found.group().split()[-1].lower() in _SPOUSES_AND_CHILDREN and _AFTER_A_RELATIVE.match(text, found.end()) is not None


# A sentence's subject that is an institution or a thing, and what follows it as a predicate, an
# apposition or a relative clause: "The city's housing department said", "The university, founded
# in 1911,", "Norvaska, which", "Kinoe Therapeutics, the Osaka start-up that". ``noun`` is set when
# an institution's noun heads it ("The ... agency"); a capitalised name is checked in code.
_THING_SUBJECT = re.compile(
    r"(?P<thing>(?:The|the)\s+(?:[\w'’-]+\s+){0,4}?(?P<noun>" + INSTITUTION_NOUN + r")|[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})"
    r"(?:,|\s+(?:has|have|had|is|was|were|are|will|would|can|could|also|now|still|said|told|[a-z]+ed|[a-z]+s)\b)"
)
_WHICH = re.compile(r",\s+(?:which\b|(?:the|a|an)\s+(?:[\w'’-]+\s+){0,4}?that\b)")
_RELATIVE_BEFORE = re.compile(r"\b(?:which|that|who|whom)\s+$")  # "which he sent": the clause's own subject


def _possessive_or_subject(text: str, use: PronounUse) -> bool:
    """"his"/"her" before a noun ("her shares", "his 2019 plan") or "he"/"she" as a subject: the
    uses that can stand for the thing (an object "her" after a verb is someone it acted on)."""
    word = use.text.lower()
    if word in ("he", "she"):
        return True
    following = _NEXT_WORD.match(text, use.end, use.end + 40)
    if word not in ("his", "her") or following is None or following.group(1).lower() in _NOT_POSSESSED:
        return False  # "leaving her with a fractured skull": an object, someone else
    return following.group(1)[0].islower() or following.group(1)[0].isdigit()


_NEXT_WORD = re.compile(r"\s+([\w'’-]+)")
# Words after "her" that make it an object, not a possessive: "leaving her with", "told her to"
_NOT_POSSESSED = tables.CLOSED_CLASS_WORDS | frozenset(
    "with to for from into onto on at in by as about after before over up down out off back away "
    "again alone once twice there here home".split()
)


_CAPITALISED_RUN = re.compile(r"(?<![\w'’])[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|at|from|near|to|of)\s$")
_CALENDAR = frozenset(w.capitalize() for w in CALENDAR_WORDS) | {"I"}  # capitalised, and no one
_INSTITUTION_WORD = re.compile(r"\b(?:" + INSTITUTION_NOUN + r")\b(?:['’]s)?", re.IGNORECASE)


def _opens_with(text: str, sentence_start: int, verb_start: int) -> bool:
    """Whether the verb of saying is the sentence's first verb of saying, outside an aside."""
    return _REPORTING.search(text, sentence_start, verb_start) is None


_REPORTING = re.compile(r"\b(?:" + "|".join(sorted(tables.SPEECH_VERBS | tables.VIEW_VERBS)) + r")\b")


# An adverbial opening a sentence before its subject, up to its comma: "In a note to clients on
# Wednesday, ", "Speaking after the vote, " (lower case but for a day or a month)
_FRONTED_ADVERBIAL = re.compile(
    r"(?:" + "|".join(sorted(w.capitalize() for w in ADVERBIAL_OPENERS)) + r")\b(?:[ \t]+(?:[a-z0-9][\w'’-]*|"
    + "|".join(sorted(w.capitalize() for w in CALENDAR_WORDS)) + r")){0,%d},\s+" % MAX_ADVERBIAL_WORDS
)

# "he said", "she told councillors", "he wrote": a pronoun attributing the quotation before it
_ATTRIBUTION = re.compile(r"(?:he|she)\s+(?:" + "|".join(sorted(tables.SPEECH_VERBS)) + r")\b")


# A verb of answering after a quotation's pronoun, and a question asked in a quotation.
_REPLY = re.compile(r"\s+(?:replied|replies|answered|answers|responded|responds|retorted|countered|shot back)\b")
_QUESTION_QUOTED = re.compile(r"\?[\"”’']")
_ASKED = re.compile(r"\b(?:asked|asks|wanted to know|inquired|enquired)\b")


def _after_quotation(text: str, start: int) -> bool:
    """Whether a closing quotation mark stands right before ``start`` (a comma and blanks between)."""
    k = start - 1
    while k >= 0 and text[k] in " ,":
        k -= 1
    return k >= 0 and text[k] in "\"”’'"


def _opens_sentence(text: str, use: PronounUse) -> bool:
    """Whether only blanks, quotation marks or brackets stand before the pronoun in its line
    or since the last sentence end."""
    k = use.start - 1
    while k >= 0 and text[k] in " \t\"“”'‘’(":
        k -= 1
    return k < 0 or text[k] in ".!?\n"


def _shown(person: Person) -> str:
    return "“" + " ".join(sorted(person.words)) + "”" if person.words else "a person"


def _institution(run: Sequence[Token]) -> bool:
    """A name whose last word heads the names of institutions, firms, teams, fields or places
    ("Pwani Cement", "Vantor Mobility", "Dunmere Rovers", "Marine Biology", "Mill Lane")."""
    last = run[-1].lower
    return (
        last in tables.ORGANISATION_NOUNS
        or last in tables.BUSINESS_NOUNS
        or last.rstrip("s") in tables.ORGANISATION_NOUNS
        or (len(run) > 1 and last in _NAME_OF_A_THING_HEADS and given_name_gender(run[0].text) is None)
    )


# Last words of the names of firms ("Korvald Marine Systems", "Polcargo Logistics"), teams, fields
# of study and places, that no person's family name is: with no first name or title before them, a
# capitalised run they end names no one. (Family names that are also such words, "Park", "Hill",
# "Wood", "Bell", "Field", are left out.)
_NAME_OF_A_THING_HEADS = frozenset(
    "systems holdings industries logistics shipping lines mobility cement steel motors airlines "
    "airways energy mining foods pharmaceuticals pharma technologies labs laboratories solutions "
    "ventures media studios productions rovers united city town wanderers athletic rangers fc "
    "road street avenue square bridge valley river mountains island islands bay coast harbour "
    "airport stadium arena centre center theatre theater biology microbiology chemistry physics "
    "sciences science studies instrumentation engineering medicine review journal times post "
    "herald gazette tribune accidents affairs relations rights railway railways motorway highway "
    "district province region county prefecture republic kingdom".split()
)


def _attached_to_name(text: str, words: list[Token], i: int) -> bool:
    """A person noun that belongs to a name: right before it, at most two words away in the same
    clause piece ("chief executive Katrin Oberhäuser"), or in an apposition beside it ("Yoon
    Seo-jin, the chief executive,", "Teodora Ilieva, former deputy director of customs", "The
    chief executive of Hanbit ReCell, Yoon Seo-jin,")."""
    for j in range(i + 1, min(len(words), i + 4)):
        if CLAUSE_BREAK.search(text[words[j - 1].end : words[j].start]):
            if words[j].is_capitalised and j + 1 < len(words) and words[j + 1].is_capitalised:
                return True  # "The chief executive of Hanbit ReCell, Yoon Seo-jin"
            break
        if words[j].is_capitalised and j + 1 < len(words) and words[j + 1].is_capitalised:
            return True
    # in an apposition after a name: "Annelie Brandstätter, the authority's chief executive,"
    # (not "Marisol Tapia, whose younger brother": someone else)
    for j in range(i - 1, max(-1, i - 6), -1):
        if CLAUSE_BREAK.search(text[words[j].end : words[j + 1].start]):
            opener = words[j + 1].lower in _APPOSITION_OPENERS or words[j + 1].lower in _ROLE_MODIFIERS or j + 1 == i
            return words[j].is_capitalised and j > 0 and words[j - 1].is_capitalised and opener
    return False


_BLANK = re.compile(r"[^\S\n]{1,3}")  # between the words of a name: a space, a no-break space

_APPOSITION_OPENERS = frozenset("a an the its his her their".split())
# Words that open a role in apposition without an article ("Teodora Ilieva, former deputy director
# of customs", "Ann Lee, chief executive of ...")
_ROLE_MODIFIERS = frozenset("former deputy chief senior acting interim assistant longtime veteran fellow outgoing incoming".split())


def _ordinary(words: list[Token], lowered: list[str], i: int) -> bool:
    """A lone capitalised word that names nobody: a common word opening the sentence
    ("Supporters argue"), a day or a month, or a place after a preposition ("in Busan")."""
    if words[i].text in _CALENDAR or (i > 0 and lowered[i - 1] in _PLACE_BEFORE):
        return True
    return i == 0 and (lowered[i] in _SENTENCE_OPENERS or english_zipf(lowered[i]) >= ORDINARY_ZIPF)


def _apposition_role(words: list[Token], lowered: list[str], end: int) -> bool:
    """A person noun in the apposition right after a name ("Mehmet Karaca, the museum's senior
    curator", "Pereira, a retired judge")."""
    if end >= len(words) or lowered[end] not in _APPOSITION_OPENERS:
        return False
    return any(lowered[j] in _ROLES_BEFORE_A_NAME for j in range(end, min(len(words), end + 5)))


def _apposition_gender(text: str, words: list[Token], lowered: list[str], start: int, end: int) -> str | None:
    """The gender a noun gives the name it stands beside: right before it ("businesswoman Ana
    Ruiz") or in the apposition after it ("Ruiz, a mother of three,")."""
    if start > 0 and lowered[start - 1] in GENDERED_NOUNS:
        return GENDERED_NOUNS[lowered[start - 1]]
    if end < len(words) and "," in text[words[end - 1].end : words[end].start] and words[end].lower in ("a", "an", "the"):
        for j in range(end, min(len(words), end + 5)):
            if lowered[j] in GENDERED_NOUNS:
                return GENDERED_NOUNS[lowered[j]]
            if j > end and CLAUSE_BREAK.search(text[words[j - 1].end : words[j].start]):
                break
    return None
