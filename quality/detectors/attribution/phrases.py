"""Noun phrases found by walking tokens, with no parser: the subject before a verb, the phrase
after a cue, the main clause's subject, a document that reports a finding.

Spans are ``(first, end)`` token indices, end exclusive."""

from __future__ import annotations

from typing import Sequence

from quality.detectors.attribution import tables as T
from quality.detectors.attribution.lexicon import NOT_NAMES, SPEECH_FORMS, STANCE_FORMS
from quality.detectors.attribution.tokens import Token

TokenSpan = tuple[int, int]

MAX_SOURCE_TOKENS = 10  # a subject longer than this is a clause, not a noun phrase
MAX_PARENTHESIS = 8  # tokens of a parenthesis inside a name: "Sen. Jane Roe (D-Ore.)"
MAX_CLAUSE_SUBJECT = 5  # tokens of a subject before the auxiliary of a clause without "that"
_WORD_MARKS = ("&", "-", "'", "’")  # punctuation that stays inside a noun phrase ("AT & T")


def is_name(word: str) -> bool:
    """Capitalised (or in a script without case) and not a word that is capitalised only at the
    start of a sentence or as a demonym."""
    low = word.lower().replace("’", "'").removesuffix("'s")
    if not word[:1].isupper() and not (word[:1].isalpha() and not word[:1].isascii()):
        return False
    return low not in NOT_NAMES


def singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def joining_dot(tokens: Sequence[Token], j: int) -> bool:
    """A "." token that belongs to an abbreviation inside a name ("Sen.", "U.S.", "George W.")."""
    if tokens[j].lower != "." or j == 0 or j + 1 >= len(tokens):
        return False
    before = tokens[j - 1].text
    return (len(before) <= 4 and before[:1].isupper()) or "." in before


def manner_adverb(token: Token) -> bool:
    """An adverb in -ly ("emotionally", "openly"), which may split a verb from its particle."""
    low = token.lower
    return not token.quoted and not token.capitalised and low.endswith("ly") and len(low) > 4 and low.isalpha()


def between(token: Token) -> bool:
    """May stand between a subject and its verb: auxiliaries, adverbs, time words."""
    low = token.lower
    if low in ("that", "which", "who"):
        return False
    if low in T.BETWEEN_SUBJECT_AND_VERB:
        return True
    return not token.capitalised and token.is_word and (low.endswith("ly") and len(low) > 4 or low in T.TIME_WORDS)


def _name_and(tokens: Sequence[Token], j: int) -> bool:
    """An "and" inside a name ("Johnson and Johnson"), which does not end the phrase."""
    return tokens[j].lower == "and" and j > 0 and tokens[j - 1].capitalised and j + 1 < len(tokens) and tokens[j + 1].capitalised


def _after_noun_marker(tokens: Sequence[Token], j: int) -> bool:
    return j > 0 and tokens[j - 1].lower in T.NOUN_MARKERS


def _ends_phrase_backwards(tokens: Sequence[Token], j: int) -> bool:
    """Walking back from a verb, whether token ``j`` is outside the subject."""
    token = tokens[j]
    low = token.lower
    if not token.is_word and low not in _WORD_MARKS and not joining_dot(tokens, j):
        return True
    if low in T.CLAUSE_WORDS and not _name_and(tokens, j):
        return True
    if low in T.BETWEEN_SUBJECT_AND_VERB and low not in ("has", "have", "had", "to") and not token.capitalised:
        return True
    if (low in SPEECH_FORMS or (low in STANCE_FORMS and not token.capitalised)) and not _after_noun_marker(tokens, j):
        # a verb; but "the report", "a tweet" are nouns of the subject, and so is a plural
        # document noun ("fundraising documents show", "new reports show")
        return not (low in T.DOCUMENT_NOUNS and low.endswith("s"))
    # a verb in the past: "... signed a joint statement"
    return low.endswith("ed") and not token.capitalised and low not in T.NOUN_PHRASE_LINKS | T.SOURCE_ADJECTIVES


def subject_before(tokens: Sequence[Token], verb: int, skip_comma: bool = False) -> TokenSpan | None:
    """The subject noun phrase that ends before the verb at ``verb``, or None. ``skip_comma``
    steps back over a relative pronoun first ("Democrats, who have argued")."""
    j = verb - 1
    while j >= 0 and between(tokens[j]):
        j -= 1
    if skip_comma:
        while j >= 0 and tokens[j].lower in ("who", "which", "that", ","):
            j -= 1
    end = j + 1
    taken = 0
    while j >= 0 and taken < MAX_SOURCE_TOKENS and not tokens[j].quoted:
        if tokens[j].lower == ")":  # step over a parenthesis: "Sen. Lindsey Graham (R-S.C.) told"
            k = j
            while k >= 0 and tokens[k].lower != "(":
                k -= 1
            if k < 0 or j - k > MAX_PARENTHESIS:
                break
            if end == j + 1:
                end = k
            j = k - 1
            continue
        if _ends_phrase_backwards(tokens, j):
            break
        j -= 1
        taken += 1
    start = j + 1
    while start < end and not tokens[start].is_word:
        start += 1
    if start < end and tokens[start].lower in T.PREPOSITIONS and (start == 0 or tokens[start - 1].lower == ","):
        return _name_closing_an_opening_phrase(tokens, start, end)
    while start < end and tokens[start].lower in T.NOUN_PHRASE_LINKS and not tokens[start].capitalised:
        start += 1  # "turned to the police department, which reported": the object is the antecedent
    while start < end - 1 and between(tokens[start]) or (start < end - 1 and tokens[start].lower in T.BETWEEN_SUBJECT_AND_VERB):
        start += 1  # "Recently she announced", "Then the senator said": an adverb opens the sentence
    if end - start > 1 and tokens[end - 1].lower in T.REFLEXIVES | T.FLOATING_QUANTIFIERS:
        end -= 1  # "Clinton herself proposed", "defense ministers all urged": the noun is the subject
    if end - start > 1 and tokens[end - 1].lower in T.SUBJECT_PRONOUNS and tokens[end - 2].lower not in T.CAUSATIVES:
        start = end - 1  # "the last time he praised", "the game you want": the pronoun is
        # (not after a causative, where "you" is an object: "keeps you feeling full", "lets you see")
    return (start, end) if start < end else None


def _name_closing_an_opening_phrase(tokens: Sequence[Token], start: int, end: int) -> TokenSpan | None:
    """"In the video call ..." is an opening phrase, not a subject; but a name that ends it
    without a comma is the subject ("In a radio interview Jones declared")."""
    k = end
    while k > start and (is_name(tokens[k - 1].text) or joining_dot(tokens, k - 1)):
        k -= 1
    if start < k < end and not tokens[k - 1].capitalised and is_name(tokens[k].text):
        return k, end
    return None


def _ends_phrase_forwards(tokens: Sequence[Token], start: int, j: int) -> bool:
    """Walking forward from ``start``, whether token ``j`` is outside the noun phrase."""
    token = tokens[j]
    low = token.lower
    if token.quoted or (not token.is_word and low not in _WORD_MARKS and not joining_dot(tokens, j)):
        return True
    if low in T.CLAUSE_WORDS and not (j > start and _name_and(tokens, j)):
        return True
    if j == start:
        return False
    if low in T.BETWEEN_SUBJECT_AND_VERB and not token.capitalised:
        return True
    if low in SPEECH_FORMS and tokens[j - 1].lower not in T.NOUN_MARKERS and not low.endswith("s"):
        return True
    if low in T.RELATIVE_DAYS and token.capitalised:
        return False  # "today" capitalised inside a sentence is a name's ("USA Today", "the Today show")
    return low in T.PHRASE_ENDING_WORDS or low in T.MONTHS or low in T.WEEKDAYS


def noun_phrase_at(tokens: Sequence[Token], start: int) -> TokenSpan | None:
    """The noun phrase that begins at ``start``: up to punctuation or a clause word."""
    j = start
    while j < len(tokens) and j - start < MAX_SOURCE_TOKENS and not _ends_phrase_forwards(tokens, start, j):
        j += 1
    while j > start and tokens[j - 1].lower in T.NOUN_PHRASE_LINKS | {"in", "at"}:
        j -= 1
    return (start, j) if j > start else None


def _after_opening_adverbials(tokens: Sequence[Token]) -> int:
    """Where the main clause starts: after conjunctions and up to three opening adverbials
    ("But on Thursday, however, ...")."""
    k = 0
    for _ in range(3):
        while k < len(tokens) and tokens[k].lower in T.CLAUSE_OPENERS and (k + 1 < len(tokens) and tokens[k + 1].lower != ","):
            k += 1
        if k >= len(tokens) or tokens[k].lower not in T.OPENING_ADVERBIAL_WORDS:
            break
        comma = next((c for c in range(k + 1, min(len(tokens), k + T.MAX_OPENING_ADVERBIAL + 1))
                      if tokens[c].lower == "," and not tokens[c].quoted), None)  # fmt: skip
        if comma is None:
            break
        k = comma + 1
    return k


def main_subject(tokens: Sequence[Token]) -> TokenSpan | None:
    """The subject of the main clause: the first noun phrase after opening adverbials ("In a
    statement, X ...", "On Thursday, however, X ...", "After saying ..., she ...").

    A subject that starts with a name is the run of names ("Jones spoke to ..." gives "Jones"),
    since a name is not followed by more of its noun phrase in lower case.
    """
    k = _after_opening_adverbials(tokens)
    if k == 0 and len(tokens) > 1 and tokens[0].lower in T.READER_IMPERATIVES and tokens[1].is_word:
        return None  # "Follow Jane Roe on Twitter": a call to the reader, with no subject
    if k < len(tokens) and is_name(tokens[k].text) and not tokens[k].quoted:
        end = k
        while end < len(tokens) and (is_name(tokens[end].text) or joining_dot(tokens, end)) and not tokens[end].quoted:
            end += 1
        if end < len(tokens) and tokens[end].lower == "(":  # "Sen. Jane Roe (D-Ore.)"
            if any(tokens[c].lower == ")" for c in range(end, min(len(tokens), end + MAX_PARENTHESIS))):
                return k, end
        if end >= len(tokens) or not tokens[end].capitalised:
            return k, end
    if k < len(tokens) and tokens[k].lower in T.SUBJECT_PRONOUNS and not tokens[k].quoted:
        return k, k + 1  # "She started by saying ...": a pronoun is the whole subject
    span = noun_phrase_at(tokens, k)
    if span:
        # The noun phrase ends before a verb in the past ("The union voted to ...", "The
        # president left no doubt"), unless the participle belongs to it ("people briefed on
        # the talks").
        for j in range(span[0] + 1, span[1]):
            low = tokens[j].lower
            if tokens[j].capitalised:
                continue
            if (low.endswith("ed") and low not in T.NOUN_PHRASE_LINKS | T.SOURCE_ADJECTIVES) or low in T.IRREGULAR_PAST:
                return (span[0], j)
    return span


def document_subject(tokens: Sequence[Token], verb: int) -> TokenSpan | None:
    """The leftmost document noun phrase ("a new poll", "the Smith report") that opens a clause
    before ``verb``, up to its head noun; None if there is none."""
    first = main_subject(tokens)
    clause_starts = {first[0]} if first else set()
    for w in range(max(0, verb - T.MAX_DOCUMENT_SUBJECT), verb):
        token = tokens[w]
        if token.quoted or not token.is_word or not ({token.lower, singular(token.lower)} & (T.DOCUMENT_NOUNS | T.FINDING_NOUNS)):
            continue
        k = w
        while k > 0 and not tokens[k - 1].quoted and (
            tokens[k - 1].is_word and (
                tokens[k - 1].lower in T.DETERMINERS | T.SOURCE_ADJECTIVES | T.DOCUMENT_MODIFIERS
                or tokens[k - 1].capitalised or tokens[k - 1].text.isdigit())
            or tokens[k - 1].text in _NAME_JOINS and k > 1 and tokens[k - 2].capitalised  # "a CNN/ORC poll"
        ):
            k -= 1
        after = tokens[w + 1]
        is_head = w + 1 == verb or not after.is_word or between(after) or _participle(after.lower) or (
            after.lower in T.NOUN_PHRASE_LINKS | T.AFTER_DOCUMENT_HEAD | {"by", "that", "which"})  # not "the study area"
        opens_clause = k in clause_starts or (k > 0 and tokens[k - 1].lower in (",", ";", ":", "—", "–"))
        verbs_between = [t for n, t in enumerate(tokens[w + 1 : verb], w + 1) if not t.quoted and (
            (t.lower in SPEECH_FORMS and singular(t.lower) not in T.DOCUMENT_NOUNS and not _modifies(tokens, n))
            or t.lower in T.CLAUSE_WORDS - {"that", "which"} and not _name_and(tokens, n))]
        if is_head and opens_clause and not verbs_between:
            return k, w + 1
    return None


_NAME_JOINS = frozenset("/ & -".split())


def _participle(low: str) -> bool:
    """A past participle by its form ("released", "taken"): after a document's head, part of its phrase."""
    return low.endswith("ed") or low in T.IRREGULAR_PAST


def _modifies(tokens: Sequence[Token], n: int) -> bool:
    """Whether the participle at ``n`` modifies the noun before it ("a poll **released** on
    Tuesday showed"), rather than being a verb of its own ("the poll, Ann Lee **said**, showed")."""
    return tokens[n].lower.endswith("ed") and n > 0 and tokens[n - 1].is_word and tokens[n - 1].lower not in T.PASSIVE_AUXILIARIES | T.FINITE_AUXILIARIES


def head_word(tokens: Sequence[Token], span: TokenSpan) -> str:
    """The head of a noun phrase: its last word before the first preposition."""
    words = [t.lower for t in tokens[span[0] : span[1]]]
    cut = next((k for k, w in enumerate(words) if k > 0 and w in T.NOUN_PHRASE_LINKS), len(words))
    return words[cut - 1].removesuffix("'s") if cut else ""


def bare_clause(tokens: Sequence[Token], start: int) -> bool:
    """A clause without "that" begins at ``start``: a short subject, then a finite auxiliary
    ("found the United States was in breach", "knows there are voters")."""
    if start >= len(tokens) or not tokens[start].is_word or tokens[start].quoted:
        return False  # "As you know, ...": no clause follows
    if tokens[start].lower in T.FINITE_AUXILIARIES:
        return False  # "anyone he knew had had contact": the verb of the clause around, not a new subject
    for j in range(start + 1, min(len(tokens), start + MAX_CLAUSE_SUBJECT + 1)):
        token = tokens[j]
        if token.quoted or not token.is_word or token.lower in T.CLAUSE_WORDS:
            return False
        if token.lower in T.FINITE_AUXILIARIES:
            return True
    return False


def agrees(tokens: Sequence[Token], subject: TokenSpan, form: str, lemma: str) -> bool:
    """A verb in -s wants a singular subject: "some calls" is a noun phrase, not "some" calling."""
    if not form.endswith("s") or form in ("says", "is", "has") or form == lemma:
        return True
    words = [t.lower for t in tokens[subject[0] : subject[1]]]
    if len(words) == 1 and words[0] in T.PLURAL_QUANTIFIERS | {"they", "we", "i", "you"}:
        return False
    return words[-1] not in T.PLURAL_QUANTIFIERS
