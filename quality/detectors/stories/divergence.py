"""Where one version of a story departs from the others: a name spelled otherwise, a number that
differs, a claim that lost its source, a speaker that changed.

Each check compares an article with the other outlets' versions of the story and reports the
reading of the majority as the suggestion. The checks are conservative on purpose: versions of
a story are written by different people, so most differences are legitimate wording.

* Names: a capitalised word that no other version uses, one or two letters from a spelling that
  more versions use (``Medvedez`` against ``Medvedev``); a spelling the language knows well
  (``Austria``, ``Russian``) is a different word, not a misspelling.
* Numbers: aligned sentences that give a quantity of the same kind (a year, a day of a month, a
  count of the same thing, a percentage) with different values. "In four years" in a 2023 article
  is the year 2019, so "first visit since 2019" and "first visit in four years" agree.
* Attribution: a claim bare here that the aligned sentence of most other versions attributes.
* Speaker: a claim attributed here to a person where most other versions attribute it to an
  organisation, or the other way round (``the ministry said`` and ``He added``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from rapidfuzz.distance import Levenshtein

from quality.detectors.stories.profile import zipf
from quality.spans import CURRENCY_SIGNS

NAME = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*\b")
MIN_NAME_LENGTH = 5
# A spelling at least this common in the language is a word of its own, not a misspelling.
KNOWN_WORD_ZIPF = 3.0
# Endings that make another word of a name, not another spelling: Russia, Russian, Russians.
_DERIVED = ("s", "n", "ns", "an", "ans", "ese", "i", "is", "ic", "ish", "er", "ers")

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# "twenty-three" is 23, not the "three" after a hyphen
COMPOUND_NUMBER_WORDS = {f"{tens}-{unit}": NUMBER_WORDS[tens] + NUMBER_WORDS[unit] for tens in _TENS for unit in _UNITS}
MULTIPLIERS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
APPROXIMATE = frozenset("about around nearly almost over some roughly approximately than least most under up".split())
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
_MONTH_ABBREVIATIONS = {m[:3]: m for m in MONTHS}
_NUMBER = "|".join(sorted([*COMPOUND_NUMBER_WORDS, *NUMBER_WORDS], key=len, reverse=True))
QUANTITY = re.compile(
    rf"(?P<value>\d[\d,]*(?:\.\d+)?|(?<![\w-])(?:{_NUMBER})\b)(?P<unit>\s*%|\s+per\s*cent|\s+percent|(?:\s+[A-Za-z]+){{1,3}})?",
    re.IGNORECASE,
)
# "in four years", "four years ago", "after four years": a year, counted back from the article's.
_SINCE_BEFORE = frozenset(("in", "after", "for"))
_AGO_AFTER = re.compile(r"\s+(?:ago|since)\b", re.IGNORECASE)
_YEARS = ("year", "years")
CALENDAR_YEAR = "calendar year"  # not "year", the kind of "one year" as a length of time
DECADE = "decade"  # "the 1990s", "mid-2020s": not the year 1990 or 2020
_DECADE_SUFFIX = re.compile(r"['’]?s\b")
# Lengths of time: a sentence may hold several ("rents have risen by a third in five years" beside
# "a promise to build 5,000 homes within four years"), so only those after the same word compare.
DURATIONS = frozenset("year month week day hour minute decade".split())
# Words after a number that do not name what is counted.
_NOT_UNITS = frozenset("and or to of the a an in on at by for with from as than that is are was were more less".split())


@dataclass(frozen=True)
class Quantity:
    """A number in a sentence: ``kind`` says what it counts (``calendar year``, ``day of february``,
    ``%``, ``meeting``), ``value`` how many; ``start``/``end`` in the article, where it is
    written ``text`` ("620,000", "four")."""

    kind: str
    value: float
    start: int
    end: int
    text: str
    relation: str = ""  # for a length of time, the word before it: "in five years" and "within four years" count different things
    context: frozenset[str] = frozenset()  # for a count of things, the words around it: what is said of them


def quantities(text: str, offset: int, year: int | None) -> list[Quantity]:
    """The quantities of one sentence (``text`` starting at ``offset`` in the article). With
    the article's ``year``, "N years" becomes the year N years before it."""
    found = []
    for match in QUANTITY.finditer(text):
        raw = match["value"].lower().replace(",", "")
        words_value = COMPOUND_NUMBER_WORDS.get(raw, NUMBER_WORDS.get(raw))
        value = float(words_value) if words_value is not None else _number(raw)
        if value is None:
            continue
        words = (match["unit"] or "").lower().split()
        if words and words[0] in MULTIPLIERS:  # "twenty thousand species", "31.1 billion dollars"
            value *= MULTIPLIERS[words[0]]
            words = words[1:]
        before = _word_before(text, match.start() - _currency_width(text, match.start()))
        if before.lower() in APPROXIMATE:
            continue  # "more than 20,000" does not contradict "20,665"
        start, end = offset + match.start("value"), offset + match.end("value")
        month = _month(before.rstrip("."))
        if month and value <= 31 and raw.isdigit():
            found.append(Quantity(f"day of {month}", value, start, end, match["value"]))
        elif raw.isdigit() and value % 10 == 0 and _DECADE_SUFFIX.match(text, match.end("value")):
            if len(raw) == 4:  # "the 80s" or "their 20s" says no century, or an age: not compared
                found.append(Quantity(DECADE, value, start, end, match["value"]))
        elif raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2100:
            found.append(Quantity(CALENDAR_YEAR, value, start, end, match["value"]))
        elif words[:1] and words[0] in _YEARS and year is not None and value < 100 and _counted_back(text, match, before):
            found.append(Quantity(CALENDAR_YEAR, year - value, start, end, match["value"]))
        elif words[:1] and (words[0] in ("%", "percent") or words[:2] == ["per", "cent"]):
            found.append(Quantity("%", value, start, end, match["value"]))
        elif words and words[0] not in _NOT_UNITS and not _month(words[0]):
            # "two world leaders": what is counted is the plural after the adjective
            noun = _singular(words[1] if len(words) > 1 and words[1].endswith("s") and not words[0].endswith("s") else words[0])
            relation = before.lower() if noun in DURATIONS else ""
            context = _context_words(text, match.start(), match.end("value"), noun)
            found.append(Quantity(noun, value, start, end, match["value"], relation, context))
    return found


CONTEXT_WORDS = 3  # words either side of a count that say what is said of the things counted
_CONTEXT_WORD = re.compile(r"[A-Za-z][a-z'’-]+")


def _context_words(text: str, start: int, end: int, noun: str) -> frozenset[str]:
    """The content words next to a count ("caps the catch at 620,000 tonnes": "caps", "catch"),
    up to :data:`CONTEXT_WORDS` on each side within the sentence, the counted noun and common
    function words left out."""
    before = _CONTEXT_WORD.findall(text[max(0, start - 60) : start])[-CONTEXT_WORDS:]
    after = _CONTEXT_WORD.findall(text[end : end + 60])[: CONTEXT_WORDS + 1]  # (the noun among them)
    return frozenset(w.lower() for w in (*before, *after) if w.lower() not in _NOT_UNITS and _singular(w.lower()) != noun)


def _counted_back(text: str, match: re.Match[str], before: str) -> bool:
    return before.lower() in _SINCE_BEFORE or bool(_AGO_AFTER.match(text, match.end()))


def _currency_width(text: str, start: int) -> int:
    """1 when a currency sign stands just before ``start`` ("about $125 billion"), else 0."""
    return int(start > 0 and text[start - 1] in CURRENCY_SIGNS)


def _word_before(text: str, end: int) -> str:
    """The word just before ``end`` (looked for in the 40 characters before it: a word, not a
    search back through the sentence)."""
    words = text[max(0, end - 40) : end].split()
    return words[-1] if words and text[end - 1 : end].isspace() else ""


def _number(raw: str) -> float | None:
    try:
        return float(raw)
    except ValueError:
        return None


def _month(word: str) -> str | None:
    """The month a word names, in full or abbreviated (``Feb``, ``Sept``)."""
    word = word.lower()
    if word in MONTHS:
        return word
    return _MONTH_ABBREVIATIONS.get(word[:3]) if len(word) in (3, 4) else None


def _singular(word: str) -> str:
    if word.endswith(("ss", "us", "is", "species", "series")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def article_year(date: int) -> int | None:
    """The year of a day number (:func:`~quality.detectors.stories.summary.date_ordinal`)."""
    return dt.date.fromordinal(date).year if date > 0 else None


@dataclass(frozen=True)
class NumberDivergence:
    quantity: Quantity
    majority: float
    versions: int  # how many other versions give the majority value
    written: str  # the majority value as the earliest version giving it writes it


def differing_numbers(mine: Sequence[Quantity], others: Sequence[Sequence[Quantity]]) -> list[NumberDivergence]:
    """This sentence's quantities whose kind the aligned sentences of ``others`` (earliest
    first) also give, never with this value: each with the value most of them give (ties: the
    earliest version's)."""
    found = []
    for quantity in mine:
        if any(quantity.value in _values(theirs, quantity, around=False) for theirs in others):
            continue  # the value is there, whatever is said around it
        readings = [_values(theirs, quantity) for theirs in others]
        if not any(readings):
            continue
        votes: Counter[float] = Counter()
        first_seen: dict[float, str] = {}  # each value as the earliest version giving it writes it
        for values in readings:
            for value, written in values.items():
                votes[value] += 1
                first_seen.setdefault(value, written)
        order = list(first_seen)
        majority = max(votes, key=lambda value: (votes[value], -order.index(value)))
        found.append(NumberDivergence(quantity, majority, votes[majority], first_seen[majority]))
    return found


def _values(found: Sequence[Quantity], like: Quantity, around: bool = True) -> dict[float, str]:
    """The values a sentence gives of the quantity ``like`` counts, in its order, each as it
    first writes it: the same kind; for a length of time, after the same word; for a count of
    things (unless ``around`` is false), with a word around it in common ("brought 23 miners to
    the surface alive" and "of the 32 miners working underground" count different miners)."""
    values: dict[float, str] = {}
    for q in found:
        said_alike = not around or not q.context or not like.context or bool(q.context & like.context)
        if q.kind == like.kind and q.relation == like.relation and said_alike:
            values.setdefault(q.value, q.text)
    return values


@dataclass(frozen=True)
class NameVariant:
    start: int
    end: int
    spelling: str
    majority: str
    versions: int  # how many other versions use the majority spelling


def name_variants(
    text: str, mine: set[str], others: Sequence[set[str]], language: str = "en", max_distance: int = 2, elsewhere: frozenset[str] = frozenset()
) -> list[NameVariant]:
    """Names of ``text`` (its set is ``mine``) that no other version uses (nor ``elsewhere``: the
    names of versions too unlike this one to suggest a spelling) and the language does not know,
    one letter (two in a name of eight or more, up to ``max_distance``) from a spelling more
    versions use (or as many, when the language knows it better): the first occurrence of each,
    with that spelling."""
    used_by = Counter(name for names in others for name in names)
    found = []
    for name in sorted(mine):
        rarity = zipf(name.lower(), language)
        if len(name) < MIN_NAME_LENGTH or used_by[name] or name in elsewhere or rarity >= KNOWN_WORD_ZIPF:
            continue
        support = {other: used_by[other] + (other in mine) for other in _near(name, [*used_by, *mine], max_distance)}
        ranked = sorted(support, key=lambda other: (support[other], zipf(other.lower(), language), other), reverse=True)
        if not ranked:
            continue
        majority = ranked[0]
        if (support[majority], zipf(majority.lower(), language)) <= (1, rarity):
            continue
        at = re.search(rf"\b{re.escape(name)}\b", text)
        if at:
            found.append(NameVariant(at.start(), at.end(), name, majority, used_by[majority]))
    return found


def _near(name: str, spellings: Iterable[str], max_distance: int = 2) -> list[str]:
    """Other spellings of ``name``: the same first letter, a letter or two apart, and not the
    same word hyphenated or derived (``Multi-dimensional``, ``Greenlandic``), nor the same name
    with another transliterated ending (``Zelenskyy``, ``Zelenskiy``, ``Zelensky``: each outlet's
    house style, not a slip)."""
    limit = min(1 if len(name) <= 7 else 2, max_distance)
    near = []
    for other in set(spellings):
        if other == name or other[0] != name[0] or abs(len(other) - len(name)) > limit:
            continue
        if other.replace("-", "").lower() == name.replace("-", "").lower():
            continue
        if _derived(name, other) or _derived(other, name) or _ending_key(other) == _ending_key(name):
            continue
        if Levenshtein.distance(name, other, score_cutoff=limit) <= limit:
            near.append(other)
    return near


# The endings in which house styles transliterate one Slavic name differently (-ий as -y, -iy,
# -yy, -i, -ii), folded to one; nothing else is, so "Xie" and "Xi" stay two names.
_SLAVIC_ENDING = re.compile(r"(?:yy|iy|ij|ii|y|i)$")


def _ending_key(name: str) -> str:
    return _SLAVIC_ENDING.sub("i", name.lower())


def _derived(word: str, base: str) -> bool:
    return word.startswith(base) and word[len(base) :] in _DERIVED or word.startswith(base[:-1]) and word[len(base) - 1 :] in _DERIVED and len(base) > 4


def names_in(text: str) -> set[str]:
    return set(NAME.findall(text))
