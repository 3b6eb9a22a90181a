"""Proper names: spelling variants and name-order slips, in one article and across the corpus.

A translated article often spells a name two ways (``Medvedez`` beside ``Medvedev``) or treats
a given name as the family name (``Jinping’s visit`` where everyone else writes ``Xi``). Both
show only against a reference, which is the article itself or the rest of the corpus:

* **Mentions** are runs of capitalised words (name particles allowed inside), read from the
  text; title-case headline lines and sentence-initial common words are left out.
* **Variants.** Two name words are variants when they are the same name in another
  transliteration (equal after folding ``y``/``i``, double letters, ``kh``/``h`` and similar:
  ``Dmitri``/``Dmitry``) or one slip of the keyboard apart (one edit, two for long words:
  ``Medvedez``/``Medvedev``), never when one only adds an ending (``Ivanov``/``Ivanova``).
  The dominant spelling is the one wordfreq knows, or the one used by more outlets. A misspelt
  minority is a warning; a transliteration pair is info.
* **Corpus variants.** Across the corpus, a name (one word, or a mention of three or more words
  differing in one word) that only one outlet uses while at least two others use a variant is
  reported with the dominant spelling.
* **Name order.** For a two-word name ``A B``, the word the corpus uses alone is its short
  form. A lone ``B`` where the corpus uses ``A`` alone far more often is a slip. Without a
  corpus, a table of family-name-first surnames gives the same answer for East Asian names.

The corpus summary (:class:`NameSummary`) is a set of plain dictionaries (name → outlets, word →
lone uses ...), merged by union and addition, so any chunking gives the same result. In a large
streamed run it moves to an SQLite file that answers the same questions
(:mod:`~quality.detectors.translation.name_store`), so that it does not grow in memory.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import ClassVar, Iterable, Sequence

from quality.detectors._records import HELD_RECORDS
from quality.detectors.translation import _tables as tables
from quality.detectors.translation import rules as R
from quality.detectors.translation.given_names import given_name_gender
from quality.detectors.translation.name_store import StoredNames
from quality.detectors.translation.spelling_keys import deletion_keys, fold, letters, lookup_keys
from quality.detectors.translation.text import Token, english_zipf, lines, lower_case_words, zipf
from quality.spans import in_headline_case

MIN_VARIANT_LENGTH = 5  # shorter names (Xi, Wang, Iran) collide too easily to compare
KNOWN_NAME_ZIPF = 1.5  # wordfreq knows the spelling (famous names are in its lists)
COMMON_WORD_ZIPF = 4.0  # a sentence-initial word this common is an ordinary word, not a name
# A person's name written in both orders has a word rarer than this ("Jinping" 2.8); a product's
# or an office's, made of words ("PlayStation Portable" 3.9 and 4.0, "Monopoly Administration"),
# does not, and its other order is another phrase, not a slip.
REVERSED_NAME_ZIPF = 3.5
DOMINANCE = 3.0  # the dominant spelling must be this many times as frequent (outlets or uses)
BACK_REFERENCE_SHARE = 0.5  # of a word's lone uses, written beside its whole name: it is that name's short form
STORY_OVERLAP = 2  # name words an article must share with another spelling's articles
SHARED_NAME_ARTICLES = 2  # other articles writing a spelling beside the same other name word (twice this one)
SHARED_NAME_OUTLETS = 2  # the outlet and one other: with more, the paths by outlets decide
HEADLINE_MIN_WORDS = 4  # a shorter capitalised line is as likely a run of names as a headline
# Bounds that keep time and memory linear in the text, whatever it holds. The longest name words
# run to about 35 letters (Wolfeschlegelsteinhausenbergerdorff); a longer "word" is words a
# scraper glued together, and its deletion keys would take memory cubic in its length. Full
# names run to about six words ("Mohammed bin Salman bin Abdulaziz Al Saud"); a longer run of
# capitalised words is a title-case line, read in pieces. A key shared by more spellings than
# MAX_KEY_SPELLINGS says nothing about which of them are variants of which.
MAX_NAME_WORD_LETTERS = 40
MAX_NAME_WORDS = 9
MAX_KEY_SPELLINGS = 8


@dataclass(frozen=True)
class Mention:
    """A run of capitalised words, possessive removed."""

    start: int
    end: int
    words: tuple[Token, ...]

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(w.text for w in self.words)


@dataclass(frozen=True)
class ArticleNames:
    """What one article says about names, read once and shared by every name rule."""

    found: list[Mention]
    companions: dict[str, set[str]]  # name word → the other words of the names it is in
    story: frozenset[str]  # the article's rare name words


def read_names(text: str) -> ArticleNames:
    found = mentions(text)
    return ArticleNames(found, companions_of(found), frozenset(story_words(found)))


# An article's names packed into plain tuples of strings and numbers, for keeping between
# ``detect`` and the corpus pass: the garbage collector stops tracking such tuples, while
# Mention and Token objects kept for a whole batch would make it rescan the heap.
PackedNames = tuple[tuple[tuple[tuple[str, ...], tuple[int, ...]], ...], tuple[tuple[str, tuple[str, ...]], ...], frozenset[str]]


def pack_names(names: ArticleNames) -> PackedNames:
    found = tuple((tuple(w.text for w in m.words), tuple(w.start for w in m.words)) for m in names.found)
    companions = tuple((word, tuple(others)) for word, others in names.companions.items())
    return found, companions, names.story


def unpack_names(packed: PackedNames) -> ArticleNames:
    """The ``ArticleNames`` that ``pack_names`` was given (tokens end where their text does)."""
    found_packed, companions, story = packed
    make = tuple.__new__
    found = []
    for texts, starts in found_packed:
        words = tuple(make(Token, (start, start + len(text), text)) for text, start in zip(texts, starts))
        found.append(Mention(words[0].start, words[-1].end, words))
    return ArticleNames(found, {word: set(others) for word, others in companions}, story)


@dataclass(frozen=True)
class NameFinding:
    code: str  # TRN002 variant, TRN003 name order
    start: int
    end: int
    message: str
    suggestion: str | None
    info: bool = False


# --------------------------------------------------------------------------- mentions


def _upper_class() -> str:
    """A regex character class of the upper-case letters of the Latin, Greek and Cyrillic
    alphabets (Python's ``re`` has no ``\\p{Lu}``)."""
    chars = [chr(c) for r in ((0x41, 0x250), (0x370, 0x400), (0x400, 0x530)) for c in range(*r) if chr(c).isupper()]
    return "".join(re.escape(c) for c in chars)


_CAP_WORD = r"(?<![^\W\d_])(?<![\-'’])[" + _upper_class() + r"][^\W\d_]*(?:['’\-][^\W\d_]+)*"
# A run of capitalised words joined by single spaces, name particles allowed between them.
_NAME_RUN = re.compile(_CAP_WORD + r"(?: (?:(?:" + "|".join(sorted(tables.NAME_PARTICLES, key=len, reverse=True)) + r") )*" + _CAP_WORD + r")*")
_SENTENCE_BEFORE = re.compile(r"[.!?][\"'”’)]*\s+$")
POSSESSIVE_ENDINGS = ("'s", "’s")


def mentions(text: str) -> list[Mention]:
    """Capitalised runs in the article's lines, found with one regex per line (no word list).
    Headline lines capitalise most words, which would glue unrelated names together; in them,
    words the article also writes in lower case are read as ordinary words and split runs."""
    found: list[Mention] = []
    lower_seen = _LowerWords(lower_case_words(text))
    make = tuple.__new__  # Token without the named tuple's Python-level constructor
    for para in lines(text):
        runs = [(match.start(), match.group().split(" ")) for match in _NAME_RUN.finditer(text, para.start, para.end)]
        if not runs:
            continue
        words = para.text.count(" ") + 1
        # Every capitalised word of the line is a word of some run (particles are lower case).
        headline = in_headline_case(sum(part[:1].isupper() for _, parts in runs for part in parts), words, HEADLINE_MIN_WORDS)
        for position, parts in runs:
            run: list[Token] = []
            for part in parts:
                word = make(Token, (position, position + len(part), part))
                position += len(part) + 1
                glued = len(part) > MAX_NAME_WORD_LETTERS
                if glued or headline and part[:1].isupper() and _ordinary_word(word, lower_seen, COMMON_WORD_ZIPF + 2.0):
                    _add_mention(found, run, text, para.start, lower_seen)
                    run = []
                    continue
                run.append(word)
                if part.endswith(POSSESSIVE_ENDINGS) or len(run) == MAX_NAME_WORDS:
                    _add_mention(found, run, text, para.start, lower_seen)
                    run = []
            _add_mention(found, run, text, para.start, lower_seen)
    return found


def _add_mention(found: list[Mention], run: list[Token], text: str, line_start: int, lower_seen: set[str]) -> None:
    """Append the mention a run of words makes, once leading and trailing particles and a
    sentence-initial ordinary word are dropped."""
    if not run:
        return
    while run and not run[-1].text[:1].isupper():
        run = run[:-1]
    if run and _sentence_start(text, run[0].start, line_start) and _ordinary_word(run[0], lower_seen):
        run = run[1:]
    while run and not run[0].text[:1].isupper():
        run = run[1:]
    if not run:
        return
    last = run[-1]
    bare = last.bare
    words = tuple(run[:-1]) + (Token(last.start, last.start + len(bare), bare),)
    found.append(Mention(words[0].start, words[-1].end, words))


def _sentence_start(text: str, position: int, line_start: int) -> bool:
    return position == line_start or _SENTENCE_BEFORE.search(text, max(line_start, position - 6), position) is not None


class _LowerWords(set):
    """The article's lower-case words; ``knows`` also accepts another inflection."""

    def knows(self, word: str) -> bool:
        if word in self:
            return True
        stem = _stem(word)
        return any(stem + ending in self for ending in _ENDINGS)


_ENDINGS = ("", "e", "s", "es", "ed", "d", "ing")


def _ordinary_word(word: Token, lower_seen: set[str], floor: float = COMMON_WORD_ZIPF + 1.0) -> bool:
    """A capitalised word that the article also writes in lower case (in any inflection:
    "Announces" beside "announced"), or a very common word."""
    lowered = word.bare.lower()
    if english_zipf(lowered) >= floor:
        return True
    if isinstance(lower_seen, _LowerWords):
        return lower_seen.knows(lowered)
    return lowered in lower_seen


def _stem(word: str) -> str:
    """Crude English stem: enough to match "announces" with "announced"."""
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word



# --------------------------------------------------------------------------- similarity


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal-string-alignment distance, giving up above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def variant_kind(a: str, b: str) -> str | None:
    """``"transliteration"``, ``"misspelling"`` or ``None`` for two different name words."""
    if a == b or min(len(a), len(b)) < MIN_VARIANT_LENGTH or a.isupper() or b.isupper():
        return None
    la, lb = a.lower(), b.lower()
    if la == lb:
        return None
    if (la.startswith(lb) or lb.startswith(la)) and not _doubled_last_consonant(la, lb):
        return None  # an added ending: Ivanov/Ivanova, Putin/Putins (but Haverdal/Haverdall is a slip)
    if _hard_c(fold(a)) == _hard_c(fold(b)):  # (equal folds stay equal with the hard c written k)
        return "transliteration"
    if la[0] != lb[0] and min(len(a), len(b)) < 6:
        return None
    limit = 1 if max(len(a), len(b)) < 9 else 2
    if edit_distance(la, lb, limit) > limit:
        return None
    if known(a) >= KNOWN_NAME_ZIPF and known(b) >= KNOWN_NAME_ZIPF:
        return None  # two names (or words) wordfreq knows: Macau/Macao, Marxism/Marxist
    return "misspelling"


def _doubled_last_consonant(a: str, b: str) -> bool:
    """One spelling is the other with its last consonant doubled ("Haverdal"/"Haverdall"): a
    slip of the keyboard, where an added vowel or "s" is an ending (Ivanova, Putins)."""
    short, longer = sorted((a, b), key=len)
    return len(longer) == len(short) + 1 and longer.startswith(short) and longer[-1] == short[-1] and short[-1] not in "aeiouy"


def _hard_c(folded: str) -> str:
    """A folded spelling with the hard "c" written "k" (Marcus/Markus, Nicolai/Nikolai): one
    sound that languages spell either way, so the two spellings are one name transliterated,
    even where wordfreq knows both."""
    return re.sub(r"c(?![eiy])", "k", folded)


def loosely_similar(a: str, b: str) -> bool:
    """Two renderings of one foreign name that share most letters (Fanlin/Panlin/Panarin)."""
    if min(len(a), len(b)) < 4 or a.isupper() or b.isupper():
        return False
    return SequenceMatcher(None, fold(a), fold(b)).ratio() >= 0.6


def known(name: str) -> float:
    """How well wordfreq knows a name (it lists famous names); 0 for unknown spellings."""
    lowered = name.lower()
    return max(zipf(lowered, "en"), zipf(lowered, "es"), zipf(lowered, "fr"), zipf(lowered, "de"))


@lru_cache(maxsize=50_000)  # asked for every name word of every article, several times (full: about 9 MB)
def _name_word(word: str) -> bool:
    """A word worth comparing: long enough, not an acronym, not an everyday English word; letters,
    or letters joined by hyphens ("Ji-hoon", "Quispe-Ferreira")."""
    return (
        len(word) >= MIN_VARIANT_LENGTH and not word.isupper() and word.replace("-", "").isalpha()
        and english_zipf(word) < COMMON_WORD_ZIPF
    )  # fmt: skip


# --------------------------------------------------------------------------- one article


def article_findings(text: str, names: ArticleNames | None = None) -> list[NameFinding]:
    """Variants and name-order slips visible inside one article."""
    names = read_names(text) if names is None else names
    found, companions = names.found, names.companions
    counts = Counter(w.text for m in found for w in m.words if _name_word(w.text))
    results: list[NameFinding] = []
    flagged: dict[str, tuple[str, str]] = {}
    for a, b in _candidate_pairs(sorted(counts)):
        kind = variant_kind(a, b)
        if not kind or not same_person(companions.get(a, set()), companions.get(b, set())):
            continue
        major, minor = _dominant(a, b, counts)
        if major is None:
            if kind == "transliteration":
                flagged.setdefault(b, (a, kind))  # evenly used: note the later one as info
            continue
        flagged[minor] = (major, kind)
    for mention in found:
        for word in mention.words:
            if word.text in flagged:
                major, kind = flagged[word.text]
                results.append(_variant_finding(word, major, kind, "in this article"))
    results.extend(_order_without_corpus(found))
    results.extend(_reversed_names(found))
    results.extend(_other_given_names(found))
    results.extend(_known_spellings_of_one_name(found, counts, companions, set(flagged)))
    return results


def _known_spellings_of_one_name(found: list[Mention], counts: Counter, companions: dict[str, set[str]], done: set[str]) -> list[NameFinding]:
    """Two spellings wordfreq both knows, one edit apart, written beside the same rare name word
    in one article ("Gianluca Ferraro" twice, "Gianluca Ferrara" once): the shared given name or
    surname makes them one person, so the rarer spelling is a slip even though each is a word
    or a name of its own (Ferrara is a city). Without such an anchor two known words one edit
    apart are two names ("Hamas", "Sheikh Hamad"), and :func:`variant_kind` leaves them."""
    once = sorted(w for w in counts if counts[w] == 1 and w not in done)  # one use against two or more: a tie or a habit is a choice
    usual = sorted(w for w in counts if counts[w] >= 2)
    slips: dict[str, str] = {}
    for minor in once:
        for major in usual:
            if not _one_edit_apart(minor, major) or known(minor) < KNOWN_NAME_ZIPF or known(major) < KNOWN_NAME_ZIPF:
                continue
            shared = companions.get(major, set()) & companions.get(minor, set())
            if any(_name_word(word) and english_zipf(word) < REVERSED_NAME_ZIPF for word in shared):
                slips[minor] = major
    return [_variant_finding(w, slips[w.text], "misspelling", "in this article") for m in found for w in m.words if w.text in slips]


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether two words of :data:`MIN_VARIANT_LENGTH` letters or more are one edit apart, not
    one an ending added to the other. (One edit touches at most two neighbouring letters, so
    in words of five or more it leaves the first two or the last two alike: a cheap test first.)"""
    la, lb = a.lower(), b.lower()
    if abs(len(a) - len(b)) > 1 or not (la[:2] == lb[:2] or la[-2:] == lb[-2:]):
        return False
    if min(len(a), len(b)) < MIN_VARIANT_LENGTH or la == lb or a.isupper() or b.isupper():
        return False
    if (la.startswith(lb) or lb.startswith(la)) and not _doubled_last_consonant(la, lb):
        return False
    return edit_distance(la, lb, 1) <= 1


GIVEN_NAME_LIKENESS = 0.7  # Maarten/Martin 0.77, Tomasz/Thomas 0.83, Khalid/Khaled 0.83; Bill/Hillary 0.55
EVERYDAY_WORD_ZIPF = 3.5  # a capitalised word this common ("Striker" 3.9) that no table of names knows is a word, not a first name


def _other_given_names(found: list[Mention]) -> list[NameFinding]:
    """One person given two first names in one article: "Maarten Verhoeven" twice, then "Martin
    Verhoeven" (a translator's or a rewriter's habit of putting names into another language).
    The surname is a name word (:func:`_name_word`), the two first names are alike (by
    ``difflib``'s ratio, at least :data:`GIVEN_NAME_LIKENESS`) and not of two sexes (Daniel and
    Danielle Ortega are two people), and one is written more often: the other is the slip."""
    by_surname: dict[str, list[Token]] = {}
    for given, surname in filter(None, map(_first_name_and_surname, found)):
        by_surname.setdefault(surname, []).append(given)
    results = []
    for surname, givens in by_surname.items():
        counts = Counter(given.text for given in givens)
        if len(counts) < 2:
            continue  # (most names: one first name each)
        usual, most = counts.most_common(1)[0]
        for given in givens:
            written = given.text
            if counts[written] >= most or not _same_first_name(written, usual):
                continue
            message = R.NAME_VARIANT.message_for("given_name", written=written, surname=surname, usual=usual, count=most)
            results.append(NameFinding(R.NAME_VARIANT.code, given.start, given.end, message, usual))
    return results


def _first_name_and_surname(mention: Mention) -> tuple[Token, str] | None:
    """A person's name as its first name and its surname, titles and a role before them left
    out ("Colonel Gianluca Ferraro", "Substitute Jusuf Demirci"): two words, the surname a name
    word of letters in one case after its capital (not "NetRed"), the first name letters. A
    longer run ("Hong Kong NetRed") is not read as one person's name."""
    words = [w for w in mention.words if w.text.rstrip(".").lower() not in tables.PERSON_TITLES]
    if len(words) == 3 and words[0].text.lower() in tables.ROLE_WORDS:
        words = words[1:]  # "Substitute Jusuf Demirci": a role opening the sentence
    if len(words) != 2 or not _name_word(words[-1].text) or not words[-1].text[1:].islower():
        return None
    if not _letters_and_hyphens(words[0].text) or words[0].text.isupper():
        return None
    return words[0], words[-1].text


def _same_first_name(a: str, b: str) -> bool:
    """Whether two first names may be one name in two languages or spellings: alike, at least
    one a first name the table of names knows (not "Mensagem"/"Mensagens" of a menu), neither an
    everyday word the table does not know ("Striker Montalbán" opening a sentence is a role, not
    a first name beside "Iker"), and not one a woman's and the other a man's."""
    if SequenceMatcher(None, a.lower(), b.lower()).ratio() < GIVEN_NAME_LIKENESS:
        return False
    sexes = (given_name_gender(a), given_name_gender(b))
    if any(sex is None and english_zipf(name) >= EVERYDAY_WORD_ZIPF for name, sex in zip((a, b), sexes)):
        return False
    return set(sexes) != {None} and not {"female", "male"} <= set(sexes)


def _reversed_names(found: list[Mention]) -> list[NameFinding]:
    """``Xi Jinping`` … ``Jinping Xi``: one two-word name written in both orders in one article
    (a title before it aside: ``President Xi Jinping``). The order written less often (on a tie,
    the later one) is the slip, a translator's or a rewriter's: an article names one person one
    way. Names of common words (``New York``) are left alone."""
    names = [(m, (m.words[-2], m.words[-1])) for m in found if len(m.words) >= 2]
    counts = Counter((a.text, b.text) for _, (a, b) in names)
    first_seen: dict[tuple[str, str], int] = {}
    for _, (a, b) in names:
        first_seen.setdefault((a.text, b.text), a.start)
    results = []
    for _, (a, b) in names:
        key, usual = (a.text, b.text), (b.text, a.text)
        if key == usual or usual not in counts or not _reversible_name(a.text, b.text):
            continue
        if (counts[usual], -first_seen[usual]) > (counts[key], -first_seen[key]):
            message = R.NAME_ORDER.message_for(written=f"{a.text} {b.text}", usual=f"{b.text} {a.text}", count=counts[usual])
            results.append(NameFinding(R.NAME_ORDER.code, a.start, b.end, message, f"{b.text} {a.text}"))
    return results


def _reversible_name(a: str, b: str) -> bool:
    """Whether two words can be a person's name written in either order: letters (in hyphenated
    parts too), one of them rarer than :data:`REVERSED_NAME_ZIPF` and neither very common. A
    short name may be a word ("Xi"), but not both ("PlayStation Portable"), nor a very common one
    ("New York")."""
    if not (_letters_and_hyphens(a) and _letters_and_hyphens(b)):
        return False
    rarer, commoner = sorted((english_zipf(a.lower()), english_zipf(b.lower())))
    return rarer < REVERSED_NAME_ZIPF and commoner < COMMON_WORD_ZIPF + 1.0


def _letters_and_hyphens(word: str) -> bool:
    """Letters, perhaps in parts joined by hyphens ("Ji-hoon", "Jae-in")."""
    return all(part.isalpha() for part in word.split("-"))


def _candidate_pairs(words: list[str]) -> list[tuple[str, str]]:
    """The pairs ``variant_kind`` can accept, found through shared keys instead of comparing
    all pairs: the folded spelling (transliterations), and the word with one letter deleted
    (two for long words), so that two words within the allowed edit distance share a key.
    A misspelling pair needs a side wordfreq does not know."""
    index: dict[str, list[str]] = {}
    for word in words:
        for key in deletion_keys(word.lower()) | {"=" + fold(word)}:
            index.setdefault(key, []).append(word)
    pairs = set()
    for key, group in index.items():
        if not 2 <= len(group) <= MAX_KEY_SPELLINGS:
            continue
        for a in group:
            for b in group:
                if a < b and (key.startswith("=") or known(a) < KNOWN_NAME_ZIPF or known(b) < KNOWN_NAME_ZIPF):
                    pairs.add((a, b))
    return sorted(pairs)


def _dominant(a: str, b: str, counts: Counter) -> tuple[str | None, str | None]:
    """(dominant, minority) spelling, or (None, None) when neither dominates."""
    ka, kb = known(a) >= KNOWN_NAME_ZIPF, known(b) >= KNOWN_NAME_ZIPF
    if ka != kb:
        return (a, b) if ka else (b, a)
    if counts[a] >= DOMINANCE * counts[b]:
        return a, b
    if counts[b] >= DOMINANCE * counts[a]:
        return b, a
    return None, None


def _variant_finding(word: Token, major: str, kind: str, where: str) -> NameFinding:
    if kind == "transliteration":
        message = R.NAME_VARIANT.message_for("transliterations", written=word.text, usual=major, where=where)
        return NameFinding(R.NAME_VARIANT.code, word.start, word.end, message, major, info=True)
    message = R.NAME_VARIANT.message_for(written=word.text, usual=major, where=where)
    return NameFinding(R.NAME_VARIANT.code, word.start, word.end, message, major)


def _order_without_corpus(found: list[Mention]) -> list[NameFinding]:
    """``Xi Jinping`` … ``Jinping’s``: a lone given name after a family-name-first full name,
    when the article never uses the family name alone."""
    full = {(m.words[-2].text, m.words[-1].text) for m in found if len(m.words) >= 2}
    lone = Counter(m.words[0].text for m in found if len(m.words) == 1)
    results = []
    for family, given in full:
        if family.lower() not in tables.FAMILY_NAME_FIRST or lone[family] or not lone[given]:
            continue
        if not east_asian_syllables(given):
            continue  # "Lee Bowyer", "Kim Clijsters": a Western given name first, the family name last
        if len(given) < 3 or english_zipf(given) >= COMMON_WORD_ZIPF or english_zipf(family) >= COMMON_WORD_ZIPF + 1.0:
            continue  # "Do I": ordinary words, not a name
        for m in found:
            if len(m.words) == 1 and m.words[0].text == given:
                results.append(_order_finding(m.words[0], family, given))
    return results


# Romanised Chinese, Korean and Vietnamese syllables: an optional initial (and a glide after
# it), one to three vowels, an optional final. A given name written in them ("Jinping",
# "Jae-in", "Xuan") can follow a family name that comes first; a Western surname has clusters
# they cannot make ("Bowyer", "Clijsters", "Jacobsen"). No final "l" or "r": they would take
# "Hamilton" or "Baker" too.
_SYLLABLE_INITIALS = ("ngh", "ng", "nh", "ph", "th", "tr", "kh", "gi", "qu", "zh", "ch", "sh", "kk", "tt", "pp", "ss", "jj", *"bcdfghjklmnpqrstwxyz", "")
_SYLLABLE_FINALS = ("ng", "nh", "ch", "n", "m", "p", "t", "k", "c", "")
_SYLLABLE_VOWELS = frozenset("aeiouü")
MAX_GIVEN_SYLLABLES = 3


def east_asian_syllables(word: str) -> bool:
    """Whether ``word`` splits into at most :data:`MAX_GIVEN_SYLLABLES` romanised East Asian
    syllables (hyphens and apostrophes between them allowed)."""
    text = word.lower().replace("-", "").replace("'", "").replace("’", "")
    reach = {0: 0}  # position -> fewest syllables to get there
    for i in range(len(text)):
        if i not in reach or reach[i] >= MAX_GIVEN_SYLLABLES:
            continue
        for initial in _SYLLABLE_INITIALS:
            if not text.startswith(initial, i):
                continue
            j = i + len(initial)
            if text[j : j + 1] in ("y", "w") and j > i:
                j += 1  # a glide after the initial: "Hyun", "Kwang"
            k = j
            while k < len(text) and k - j < 3 and text[k] in _SYLLABLE_VOWELS:
                k += 1
                for final in _SYLLABLE_FINALS:
                    if text.startswith(final, k):
                        end = k + len(final)
                        reach[end] = min(reach.get(end, MAX_GIVEN_SYLLABLES + 1), reach[i] + 1)
    return len(text) in reach and len(text) > 0


def _order_finding(word: Token, family: str, given: str) -> NameFinding:
    message = R.NAME_ORDER.message_for("given_name", given=given, family=family)
    return NameFinding(R.NAME_ORDER.code, word.start, word.end, message, family)


# --------------------------------------------------------------------------- corpus


@dataclass
class NameSummary:
    """What the corpus says about names: who writes each spelling, and lone uses."""

    word_sources: dict[str, set[str]] = field(default_factory=dict)
    # (source, name word) → the source's articles that write it: an outlet's own usual spelling
    word_uses: Counter = field(default_factory=Counter)
    mention_sources: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    lone: Counter = field(default_factory=Counter)
    pairs: Counter = field(default_factory=Counter)
    first_words: Counter = field(default_factory=Counter)  # two-word names by first word
    second_words: Counter = field(default_factory=Counter)  # two-word names by second word
    # (first, second, word): lone uses of one word of a two-word name in the articles that write
    # the name whole. "Xi" alone refers back to "Xi Jinping"; "Amazon" alone, mostly written in
    # articles that never name "Amazon Alexa", refers to the company.
    lone_beside: Counter = field(default_factory=Counter)
    # For each name word, the other name words of the articles it appears in: the "story" a
    # spelling belongs to, so that a rare name is compared only with names of the same story.
    context: dict[str, set[frozenset[str]]] = field(default_factory=dict)  # word → its articles' name sets
    # For each name word, the name words written next to it in one name ("Dmitry" for
    # "Medvedev"): two spellings whose companions disagree belong to two people.
    companions: dict[str, set[str]] = field(default_factory=dict)
    articles: int = 0  # articles added, in every part merged
    # Articles a merged summary holds in memory before it moves to a file (when a folder is named).
    held_articles: ClassVar[int] = HELD_RECORDS
    # Look-up indexes built on first use; their values are tuples (see ``_frozen``).
    _index: dict[str, tuple[str, ...]] | None = field(default=None, repr=False, compare=False)
    _by_word: dict[str, tuple[tuple[str, str], ...]] | None = field(default=None, repr=False, compare=False)
    _joined: dict[str, tuple[tuple[str, ...], ...]] | None = field(default=None, repr=False, compare=False)
    _wildcards: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] | None = field(default=None, repr=False, compare=False)

    def add(self, source: str, names: ArticleNames) -> None:
        self._add(source, names.story, names.companions.items(), (mention.key for mention in names.found))

    def add_packed(self, source: str, packed: PackedNames) -> None:
        """``add`` for names packed by ``pack_names``, read without unpacking them."""
        found, companions, story = packed
        self._add(source, story, companions, (texts for texts, _ in found))

    def _add(self, source: str, story: frozenset[str], companions: Iterable[tuple[str, Iterable[str]]], keys: Iterable[tuple[str, ...]]) -> None:
        self.articles += 1
        for word in story:
            self.context.setdefault(word, set()).add(story)  # one shared set per article
        for word, others in companions:
            if others:  # a word without companions is what a word never seen has: none
                self.companions.setdefault(word, set()).update(others)
        lone_here: Counter = Counter()
        pairs_here: set[tuple[str, ...]] = set()
        words_here: set[str] = set()
        for key in keys:
            for word in key:
                if _name_word(word):
                    self.word_sources.setdefault(word, set()).add(source)
                    words_here.add(word)
            if 2 <= len(key) <= 5:
                self.mention_sources.setdefault(key, set()).add(source)
            if len(key) == 1:
                self.lone[key[0]] += 1
                lone_here[key[0]] += 1
            if len(key) >= 2:  # the name at the end of "Chinese President Xi Jinping"
                self.pairs[key[-2:]] += 1
                self.first_words[key[-2]] += 1
                self.second_words[key[-1]] += 1
                pairs_here.add(key[-2:])
        for first, second in pairs_here:
            for word in (first, second):
                if lone_here[word]:
                    self.lone_beside[(first, second, word)] += lone_here[word]
        self.word_uses.update((source, word) for word in words_here)

    @classmethod
    def merged(cls, parts: Iterable["NameSummary | StoredNames"]) -> "NameSummary | StoredNames":
        """The union of ``parts``: in memory, or in an SQLite file of the run's record folder
        once it holds more than ``held_articles`` articles (:mod:`.name_store`; stored parts
        are consumed by the merge)."""
        parts = list(parts)
        if len(parts) == 1:
            return parts[0]  # nothing to combine (the common case: one chunk)
        if StoredNames.belongs_in_file(parts, sum(part.articles for part in parts), cls.held_articles):
            return StoredNames.merged(parts)
        out = cls()
        for part in parts:
            out.articles += part.articles
            for word, sources in part.word_sources.items():
                out.word_sources.setdefault(word, set()).update(sources)
            for key, sources in part.mention_sources.items():
                out.mention_sources.setdefault(key, set()).update(sources)
            out.word_uses.update(part.word_uses)
            out.lone.update(part.lone)
            out.pairs.update(part.pairs)
            out.first_words.update(part.first_words)
            out.second_words.update(part.second_words)
            out.lone_beside.update(part.lone_beside)
            for word, names in part.context.items():
                out.context.setdefault(word, set()).update(names)
            for word, names in part.companions.items():
                out.companions.setdefault(word, set()).update(names)
        return out

    # -- the questions the corpus pass asks (a stored summary answers the same ones) ---------
    def sources_of(self, word: str) -> set[str]:
        """The outlets that write the name word."""
        return self.word_sources.get(word, _NONE)

    def uses(self, source: str, word: str) -> int:
        """The outlet's articles that write the name word."""
        return self.word_uses.get((source, word), 0)

    def mention_users(self, key: tuple[str, ...]) -> set[str]:
        """The outlets that write the whole mention."""
        return self.mention_sources.get(key, _NONE)

    def same_story(self, names: set[str], word: str, candidate: str, needed: int) -> bool:
        """Whether an article with these ``names`` shares at least ``needed`` name words other
        than ``word`` and ``candidate`` with the articles that write ``candidate``."""
        shared: set[str] = set()
        for article_names in self.context.get(candidate, ()):
            shared |= article_names & names
            if len(shared - {word, candidate}) >= needed:
                return True
        return False

    def companions_for(self, word: str) -> set[str]:
        """The words written next to the name word in one name, in any article."""
        return self.companions.get(word, _NONE)

    def counts(self, table: str, key: str | tuple[str, ...]) -> int:
        """A count of ``lone``, ``pairs``, ``first_words``, ``second_words`` or ``lone_beside``."""
        return getattr(self, table)[key]

    def similar_words(self, word: str) -> set[str]:
        """Corpus words one deletion apart or with the same folded spelling (an index built on
        first use: the candidates for ``variant_kind``)."""
        if self._index is None:
            index: dict[str, set[str]] = {}
            for other in self.word_sources:
                for key in lookup_keys(other):
                    index.setdefault(key, set()).add(other)
            self._index = _frozen(index)
        return set().union(*(self._index.get(key, set()) for key in lookup_keys(word))) - {word}


    def pairs_with(self, words: set[str]) -> list[tuple[str, str]]:
        """Two-word names containing one of ``words`` (an index built on first use)."""
        if self._by_word is None:
            by_word: dict[str, list[tuple[str, str]]] = {}
            for pair in self.pairs:
                for word in set(pair):
                    by_word.setdefault(word, []).append(pair)
            self._by_word = _frozen(by_word)
        return sorted({pair for word in words for pair in self._by_word.get(word, [])})

    def same_letters(self, key: tuple[str, ...]) -> list[tuple[str, ...]]:
        """Other names with the same letters written differently ("Kim Jong Un"/"Kim Jong-un")."""
        if self._joined is None:
            joined: dict[str, list[tuple[str, ...]]] = {}
            for other in self.mention_sources:
                joined.setdefault(letters(other), []).append(other)
            self._joined = _frozen(joined)
        return [o for o in self._joined.get(letters(key), []) if o != key]

    def mentions_like(self, key: tuple[str, ...], position: int) -> list[tuple[str, ...]]:
        """Mentions of the same length that differ from ``key`` only at ``position``."""
        if self._wildcards is None:
            wildcards: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
            for other in self.mention_sources:
                if len(other) >= 2:
                    for i in range(len(other)):
                        wildcards.setdefault(other[:i] + ("*",) + other[i + 1 :], []).append(other)
            self._wildcards = _frozen(wildcards)
        return [o for o in self._wildcards.get(key[:position] + ("*",) + key[position + 1 :], []) if o != key]


_NONE: frozenset = frozenset()


def _frozen(index: dict) -> dict:
    """An index with tuple values: tuples of strings are left alone by the garbage collector,
    while thousands of small lists or sets, kept for the whole corpus pass, make every full
    collection longer (and come often enough to cost a fifth of the run)."""
    return {key: tuple(values) for key, values in index.items()}


def story_words(found: Iterable[Mention]) -> set[str]:
    """The rare name words of an article (its story's cast and places)."""
    return {w.text for m in found for w in m.words if _name_word(w.text)}


def companions_of(found: Iterable[Mention]) -> dict[str, set[str]]:
    """Name word → the other name-like words of the names it appears in."""
    out: dict[str, set[str]] = {}
    for mention in found:
        words = [
            w.text
            for w in mention.words
            if len(w.text) >= 2 and w.text.lower() not in tables.PERSON_TITLES and english_zipf(w.text) < COMMON_WORD_ZIPF + 2.0
        ]
        for word in words:
            out.setdefault(word, set()).update(w for w in words if w != word)
    return out


def same_person(a: set[str], b: set[str]) -> bool:
    """Whether two spellings' companions allow one person: either has none, or some pair is
    equal, a variant ("Dmitri"/"Dmitry") or one with a vowel added at the end, as
    transliterations of a long vowel do ("Kondou"/"Kondo" beside "Syuhei"/"Shuhei"); "Leslie
    Wimes" and "Michael Wines" are two people."""
    if not a or not b:
        return True
    return any(x == y or variant_kind(x, y) or _long_vowel_ending(x, y) for x in a for y in b)


def _long_vowel_ending(a: str, b: str) -> bool:
    """"Kondou" and "Kondo", "Satou" and "Sato": one spelling is the other with the vowel
    doubled at its end (Japanese long vowels romanised two ways)."""
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and long.startswith(short) and short[-1:] in "aeiou" and long[-1] in "aeiou" and len(short) >= 3


def corpus_findings(text: str, source: str, summary: NameSummary | StoredNames, article: ArticleNames | None = None) -> list[NameFinding]:
    """Variants against other outlets, and name-order slips against the corpus's usage."""
    article = read_names(text) if article is None else article
    found = article.found
    results: list[NameFinding] = []
    seen: set[tuple[int, int]] = set()

    def others(sources: set[str] | None) -> int:
        return len((sources or set()) - {source})

    names, companions = article.story, article.companions
    for mention in found:
        for word in mention.words:
            if not _name_word(word.text) or others(summary.sources_of(word.text)) > 0:
                continue
            best = None
            for candidate in sorted(summary.similar_words(word.text)):
                kind = variant_kind(word.text, candidate)
                users = others(summary.sources_of(candidate))
                if not kind or users < 2 or not summary.same_story(names, word.text, candidate, STORY_OVERLAP):
                    continue
                if not same_person(companions.get(word.text, set()), summary.companions_for(candidate)):
                    continue
                if best is None or users > best[1]:
                    best = (candidate, users, kind)
            if best:
                results.append(_variant_finding(word, best[0], best[2], f"by {best[1]} other outlets"))
                seen.add((word.start, word.end))
                continue
            usual = _outlet_spelling(summary, source, names, companions, word.text)
            if usual:
                results.append(_variant_finding(word, usual[0], usual[2], f"in {usual[1]} other articles of this outlet"))
                seen.add((word.start, word.end))
                continue
            usual = _spelling_beside_same_name(summary, source, names, companions, word.text)
            if usual:
                results.append(_variant_finding(word, usual[0], usual[2], f"in {usual[1]} other articles beside the same {usual[3]}"))
                seen.add((word.start, word.end))
        key = mention.key
        if len(key) >= 2 and (mention.start, mention.end) not in seen and not _dateline_capitals(text, mention.start, mention.end, key):
            mine = len(summary.mention_users(key))
            written = max(summary.same_letters(key), key=lambda o: (others(summary.mention_users(o)), o), default=None)
            if written is not None:
                users = others(summary.mention_users(written))
                if users >= 2 and users >= DOMINANCE * mine:
                    message = R.NAME_VARIANT.message_for("other_outlets", name=" ".join(key), written=" ".join(written), users=users)
                    results.append(NameFinding(R.NAME_VARIANT.code, mention.start, mention.end, message, " ".join(written), info=_case_only(key, written)))
                    seen.add((mention.start, mention.end))
                    continue
        if len(key) >= 2 and others(summary.mention_users(key)) == 0:
            match = _mention_variant(key, source, summary, names)
            if match and not _both_written_here(found, key, match[1], match[0]):
                position, dominant, users = match
                word = mention.words[position]
                if (word.start, word.end) not in seen:
                    message = R.NAME_VARIANT.message_for("other_outlets", name=" ".join(key), written=" ".join(dominant), users=users)
                    results.append(NameFinding(R.NAME_VARIANT.code, word.start, word.end, message, dominant[position], info=_case_only(key, dominant)))
                    seen.add((word.start, word.end))
    results.extend(_order_with_corpus(text, found, summary))
    results.extend(f for f in _other_given_names_in_corpus(found, summary, names) if (f.start, f.end) not in seen)
    results.extend(_reversed_against_corpus(found, summary))
    return results


def _both_written_here(found: list[Mention], key: tuple[str, ...], other: tuple[str, ...], position: int) -> bool:
    """Whether the article writes the other outlets' form too and its own word more than once,
    with one rare name word at most in common: it names two people ("Serhiy Melnychuk", an
    electrician, twice, beside the deputy mayor "Serhiy Melnyk"), where a slip is written once.
    Names that share two rare words are one entity however often each form is written ("Prime
    Minister Pham Minh Trinh" beside "Pham Minh Trung": a translation that wavers)."""
    shared_rare = sum(english_zipf(w) < COMMON_WORD_ZIPF for i, w in enumerate(key) if i != position)
    if shared_rare >= 2:
        return False
    written = Counter(w.text for m in found for w in m.words)
    return written[key[position]] >= 2 and any(m.key[-len(other):] == other for m in found)


def _reversed_against_corpus(found: list[Mention], summary: NameSummary | StoredNames) -> list[NameFinding]:
    """A two-word name the article writes in one order only, where the corpus writes the other
    order :data:`DOMINANCE` times as often and at least that many times ("Papadaki Eleni" here,
    "Eleni Papadaki" in the story's other articles). The words must be a person's, as in
    :func:`_reversed_names`. Information, not a warning: outlets may keep their own order for
    a name ("Kishida Fumio" beside the corpus's "Fumio Kishida" is a style, not a slip), where
    one article writing both orders contradicts itself."""
    here = Counter(m.key[-2:] for m in found if len(m.words) >= 2)
    results = []
    for mention in found:
        if len(mention.words) < 2:
            continue
        a, b = mention.words[-2], mention.words[-1]
        if (b.text, a.text) in here or a.text == b.text or not _reversible_name(a.text, b.text):
            continue
        theirs = summary.counts("pairs", (b.text, a.text))
        if theirs >= DOMINANCE and theirs >= DOMINANCE * summary.counts("pairs", (a.text, b.text)):
            message = R.NAME_ORDER.message_for("corpus_reversed", written=f"{a.text} {b.text}", usual=f"{b.text} {a.text}", count=theirs)
            results.append(NameFinding(R.NAME_ORDER.code, a.start, b.end, message, f"{b.text} {a.text}", info=True))
    return results


def _other_given_names_in_corpus(found: list[Mention], summary: NameSummary | StoredNames, story: frozenset[str]) -> list[NameFinding]:
    """A first name the corpus writes another way beside the same surname, many more times
    ("Thomas Wróblewski" here, "Tomasz Wróblewski" in the story's other articles): the
    corpus's version of :func:`_other_given_names`, with the same tests of likeness and sex,
    :data:`DOMINANCE` times as many uses (at least as many as that) for the other first name,
    and in articles of the same story (``story``: this article's rare name words), since a
    common surname is many people's ("Amadou Diallo" in a story of 1999 is not the basketball
    player "Hamidou Diallo" of the sports pages)."""
    results = []
    for given, surname in filter(None, map(_first_name_and_surname, found)):
        mine = summary.counts("pairs", (given.text, surname))
        best = None
        for first, second in summary.pairs_with({surname}):
            if second != surname or first == given.text or not _same_first_name(given.text, first):
                continue
            theirs = summary.counts("pairs", (first, second))
            if theirs >= DOMINANCE and theirs >= DOMINANCE * mine and (best is None or theirs > best[1]):
                if summary.same_story(set(story), given.text, first, STORY_OVERLAP):
                    best = (first, theirs)
        if best is not None:
            message = R.NAME_VARIANT.message_for("given_name_corpus", written=given.text, surname=surname, usual=best[0], count=best[1])
            results.append(NameFinding(R.NAME_VARIANT.code, given.start, given.end, message, best[0]))
    return results


def _after_determiner(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows a determiner or a possessive (``tables.THING_DETERMINERS``)
    and a space."""
    before = text[max(0, start - 24) : start]
    words = before.split()
    return before[-1:].isspace() and bool(words) and words[-1].lower() in tables.THING_DETERMINERS


def _case_only(key: Sequence[str], other: Sequence[str]) -> bool:
    """Whether ``key`` is ``other`` with capitals inside its words lowered ("Apple Airpods" for
    "Apple AirPods", "Youtube" for "YouTube"): a house style for a brand, information rather
    than a slip; so are words set in capitals ("FOX News", a credit line's "ASSOCIATED PRESS"). A
    first letter lowered ("Xi jinping") or a capital added ("HIllary") is a slip."""
    if len(key) != len(other) or any(a.lower() != b.lower() for a, b in zip(key, other)):
        return False
    if all(a == b or a.isupper() for a, b in zip(key, other)):
        return True  # a word set in capitals ("FOX News", "ASSOCIATED PRESS"): typography
    return all(a[:1] == b[:1] and all(x == y or x == y.lower() for x, y in zip(a, b)) for a, b in zip(key, other))


def _outlet_spelling(
    summary: NameSummary | StoredNames, source: str, names: set[str], companions: dict[str, set[str]], word: str
) -> tuple[str, int, str] | None:
    """(spelling, articles, kind): how the outlet itself usually writes a name it writes ``word``
    here ("Medvedez" once, "Medvedev" in five other articles of the same outlet), or None. The
    usual spelling must be in at least two of its articles and ``DOMINANCE`` times as many as
    ``word``, in articles of the same story and for the same person."""
    mine = summary.uses(source, word)
    best = None
    for candidate in sorted(summary.similar_words(word)):
        kind = variant_kind(word, candidate)
        theirs = summary.uses(source, candidate)
        if not kind or theirs < 2 or theirs < DOMINANCE * mine or (best is not None and theirs <= best[1]):
            continue
        if summary.same_story(names, word, candidate, STORY_OVERLAP) and same_person(companions.get(word, set()), summary.companions_for(candidate)):
            best = (candidate, theirs, kind)
    return best


def _spelling_beside_same_name(
    summary: NameSummary | StoredNames, source: str, names: set[str], companions: dict[str, set[str]], word: str
) -> tuple[str, int, str, str] | None:
    """(spelling, articles, kind, shared word): the spelling of the same person's name that
    other articles of the story write, counting the outlet's own with one other outlet's, when
    ``word`` is in this article alone ("Wairimu Ndegua" here, "Wairimu Ndegwa" in the outlet's
    other article and in another outlet's). Fewer articles than the other two paths ask for
    are enough because the name's other word is the same: a rare given name or surname
    written beside both spellings makes them one person, where a lone near spelling may be
    another ("Ivana", "Ivanka")."""
    if summary.uses(source, word) > 1:
        return None  # the outlet writes it so more than once: a spelling it chose
    mine = {w for w in companions.get(word, ()) if _name_word(w)}
    if not mine:
        return None
    best = None
    for candidate in sorted(summary.similar_words(word)):
        kind = variant_kind(word, candidate)
        sources = summary.sources_of(candidate)
        if not kind or len(sources) > SHARED_NAME_OUTLETS:
            continue  # (more outlets: the paths above weigh them)
        articles = sum(summary.uses(s, candidate) for s in sources) - (candidate in names)
        if articles < SHARED_NAME_ARTICLES or (best is not None and articles <= best[1]):
            continue
        shared = sorted(mine & summary.companions_for(candidate))
        if shared and summary.same_story(names, word, candidate, STORY_OVERLAP):
            best = (candidate, articles, kind, shared[0])
    return best


def _mention_variant(
    key: tuple[str, ...], source: str, summary: NameSummary | StoredNames, names: set[str]
) -> tuple[int, tuple[str, ...], int] | None:
    """A multi-word name differing in one word from a mention other outlets share."""
    best = None
    for position in range(len(key)):
        differing = key[position]
        if english_zipf(differing) >= COMMON_WORD_ZIPF or differing.isupper():
            continue
        if _derived_form(differing):
            continue  # "South Dakota-sized", "Kremlin-backed": a word made from the name, not a spelling of it
        shared = [w for i, w in enumerate(key) if i != position]
        # Names sharing two rare words are one entity ("Pham Minh X"); others ("X Group",
        # "New York X") must also spell the differing word alike, or they are two entities.
        names_only = sum(english_zipf(w) < COMMON_WORD_ZIPF for w in shared) >= 2
        for other in summary.mentions_like(key, position):
            users = len(summary.mention_users(other) - {source})
            replacement = other[position]
            if users < 2 or (best is not None and users <= best[2]):
                continue
            if english_zipf(replacement) >= COMMON_WORD_ZIPF and not variant_kind(differing, replacement):
                continue  # an everyday word ("Group", "New"), unless spelt as one ("Markus" for "Marcus")
            if not (names_only or loosely_similar(differing, replacement)):
                continue
            if "-" in differing and east_asian_syllables(differing) and not variant_kind(differing, replacement):
                continue  # hyphenated romanised given names share syllables ("Kim Yo-jong", "Kim Jong-un"): only a spelling of one counts
            if _glued_to_next(differing, replacement) or _joined_name(key, position, summary):
                continue  # "McConnellLt", "New YorkJob": the name and the next word, a lost space, not a spelling
            if _made_from(differing, replacement) or _made_from(replacement, differing):
                continue  # "Sri Lankans" beside "Sri Lanka": a word made from the name
            if _hyphenated_with(differing, replacement) or _hyphenated_with(replacement, differing):
                continue  # "Ashworth-Hollins Ford", a route, beside "Hollins Ford": another name joined to it
            anchor = next((w for w in other if _name_word(w) and w != replacement), replacement)
            if summary.same_story(names, differing, anchor, STORY_OVERLAP):
                best = (position, other, users)
    return best


_DATELINE_END = re.compile(r"\s*(?:\(|—|–|-|,|:)")


def _dateline_capitals(text: str, start: int, end: int, key: tuple[str, ...]) -> bool:
    """A place set in capitals to open a paragraph ("SAN FRANCISCO (AP) —"): the dateline's
    typeface, not another spelling of "San Francisco". Capitals inside a sentence ("the MGM
    COTAI resort") stay a variant."""
    if not all(word.isupper() for word in key if word[:1].isalpha()):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and _DATELINE_END.match(text, end) is not None


_CAMEL_JOIN = re.compile(r"([A-Z][a-z]{2,})[A-Z][a-z]+")


def _joined_name(key: tuple[str, ...], position: int, summary: NameSummary | StoredNames) -> bool:
    """Whether the word at ``position`` is the name's own word with the next word joined on
    ("New YorkJob" where other outlets write "New York"): a lost line break or space, which
    TRN007 reports, not another spelling of a longer name ("New Yorker")."""
    joined = _CAMEL_JOIN.fullmatch(key[position])
    return joined is not None and bool(summary.mention_users(key[:position] + (joined.group(1),) + key[position + 1 :]))


def _glued_to_next(word: str, name: str) -> bool:
    """``word`` is ``name`` with the next word glued on at its capital ("McConnellLt" after a
    list's "Sen. Mitch McConnell" ran into "Lt. Gov."): a join, not another spelling."""
    return len(word) > len(name) and word.startswith(name) and word[len(name)].isupper()


def _made_from(word: str, name: str) -> bool:
    """Whether ``word`` is ``name`` with a demonym's ending (a final vowel of the name may give
    way to it: "Canada", "Canadians")."""
    for base in (name, name[:-1] if name[-1:] in "aeo" else name):
        if word.startswith(base) and word[len(base) :].removesuffix("s") in tables.DEMONYM_ENDINGS and len(base) >= 3:
            return True
    return False


def _hyphenated_with(word: str, name: str) -> bool:
    """Whether ``word`` is ``name`` joined by a hyphen to another word ("Ashworth-Hollins" for
    "Hollins", a route between two places; "Smith-Jones" for "Jones", a double-barrelled name):
    a compound, not a spelling of the name."""
    return word.startswith(name + "-") or word.endswith("-" + name)


def _derived_form(word: str) -> bool:
    """A name with a lower-case suffix joined by a hyphen: an adjective made from it
    ("Kremlin-backed"), unless the whole is a romanised given name ("Ji-hoon", "Min-jae")."""
    head, hyphen, tail = word.partition("-")
    return bool(hyphen and head and tail[:1].islower()) and not east_asian_syllables(word)


def _order_with_corpus(text: str, found: list[Mention], summary: NameSummary | StoredNames) -> list[NameFinding]:
    """A lone word of a two-word name where the rest of the corpus uses the other word alone.

    The evidence for the short form comes from the other articles: the judged article's own lone
    uses of it are left out (an article about the moon Europa and the Europa Clipper mission says
    "Europa" alone for the moon, and a profile that calls Martha Fry "Martha" throughout chose a
    register; neither is the corpus's convention for shortening the name). A lone word after a
    determiner or a possessive ("The Chronicle says", "our Infinity monitors") is a thing's name,
    not a person's."""
    results = []
    lone_here = Counter(m.words[0].text for m in found if len(m.words) == 1)
    if not lone_here:
        return results
    pairs_here = {m.key[-2:] for m in found if len(m.words) >= 2}
    for first, second in summary.pairs_with(set(lone_here)):
        if first == second or english_zipf(first) >= COMMON_WORD_ZIPF + 1.0 or english_zipf(second) >= COMMON_WORD_ZIPF + 1.0:
            continue  # a name made of name-like words (tested first: no look-up needed)
        count = summary.counts("pairs", (first, second))
        if count < 2:
            continue  # a name seen whole at least twice
        if count < 0.5 * summary.counts("first_words", first):
            continue  # "Shanghai Lisboa": the first word also heads many other names
        # Only the second word used alone is a slip ("Jinping" for "Xi Jinping"): a first name
        # alone ("Melania") is a register choice, not a translation error.
        for used, short in ((second, first),):
            if not lone_here[used] or english_zipf(used) >= COMMON_WORD_ZIPF:
                continue
            if summary.counts("second_words", short):
                continue  # the short form is also someone's last word ("Kelly"): ambiguous
            short_alone = max(0, summary.counts("lone", short) - lone_here[short])
            used_alone = summary.counts("lone", used)
            beside = summary.counts("lone_beside", (first, second, short)) - (lone_here[short] if (first, second) in pairs_here else 0)
            if beside < BACK_REFERENCE_SHARE * short_alone:
                continue  # "Amazon" alone is mostly the company, not a short form of "Amazon Alexa"
            if short_alone >= 2 and short_alone >= DOMINANCE * used_alone:
                for m in found:
                    if len(m.words) == 1 and m.words[0].text == used and not _after_determiner(text, m.start):
                        message = R.NAME_ORDER.message_for("corpus_short", used=used, first=first, second=second, short=short,
                                                           short_count=short_alone, used_count=used_alone)  # fmt: skip
                        results.append(NameFinding(R.NAME_ORDER.code, m.words[0].start, m.words[0].end, message, short))
    return results
