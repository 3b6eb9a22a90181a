"""Untranslated fragments: words, captions and phrases left in the source language.

A language identifier needs a few dozen letters; a leftover caption such as "Name y Name" has one
foreign word. So the evidence is gathered word by word:

* **Other scripts.** A run of Cyrillic, CJK, Hangul, Arabic, Greek, Hebrew, Thai or Devanagari
  words inside English text is foreign, unless it glosses the romanised name right before it
  (``Hua Chunying 华春莹``) or is glued to Latin letters (that is encoding damage, for the
  mojibake detector). Cyrillic is told apart (Russian, Ukrainian, Bulgarian) by word frequencies.
* **Latin-script words.** Each lower-case word is weighed by its Zipf frequency in each
  candidate language against English (wordfreq). A word far more common in a candidate than in
  English (``y``, ``en``, ``vía``, ``dijo``) is foreign evidence; one at least as common in
  English ends a fragment; capitalised words (names, ``XINHUA``) and words common in both
  are neutral: they neither start nor end a fragment. Transliterated Russian is looked up by
  mapping Latin letters back to Cyrillic.
* **Fragments.** A maximal run of foreign and neutral words is reported when it has two or more
  foreign words with enough weight, or when it is a whole clause (a caption line, or a credit
  before a dash) whose one foreign word is a function word joining names. Runs long enough for a
  language identifier (langdetect) are also asked, and an ``en`` verdict vetoes the finding.
* **Borrowings.** Phrases English has borrowed (``de facto``, ``en route``) never count.

The language named is the candidate whose word frequencies explain the foreign words best.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterable, Iterator, Sequence

from quality.bounded import BoundedDict
from quality.detectors.translation import _tables as tables
from quality.detectors.translation.text import (
    LOWER_INITIAL_WORD, TOP_ZIPF, WORD as _TEXT_WORD, Token, distinct_lower_words, english_zipf, tokens, top_zipf, zipf,
)
from quality.english import WORDS
from quality.fast_start import fast_start
from quality.langid import identify
from quality.quotations import inside_quotation, quote_regions

# Scripts other than Latin, with the language each one most likely stands for in news.
_SCRIPT_RUN = re.compile(
    r"(?:[\u0400-\u04FF]+|[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+|[\uAC00-\uD7AF\u1100-\u11FF]+"
    r"|[\u0600-\u06FF]+|[\u0370-\u03FF]+|[\u0590-\u05FF]+|[\u0E00-\u0E7F]+|[\u0900-\u097F]+)"
    r"(?:[\s,.;:!?、，。·\-]+(?:[\u0400-\u04FF]+|[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+"
    r"|[\uAC00-\uD7AF\u1100-\u11FF]+|[\u0600-\u06FF]+|[\u0370-\u03FF]+|[\u0590-\u05FF]+|[\u0E00-\u0E7F]+"
    r"|[\u0900-\u097F]+))*"
)
_OTHER_SCRIPT_CHAR = re.compile(
    "[\u0370-\u04FF\u0590-\u06FF\u0900-\u097F\u0E00-\u0E7F\u1100-\u11FF\u3040-\u30FF\u3400-\u4DBF"
    "\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]"
)
# The first two alternatives can only match from the start of a run of non-space characters
# (from anywhere else, the run's start would have matched first); (?<!\S) says so, and spares a
# rescan of the run from every position in it, quadratic on long runs without spaces.
_CODE_TOKEN = re.compile(r"(?<!\S)\S*_\S*|(?<!\S)\S+@\S+|https?://\S+|www\.\S+|[@#]\w+")
# Places where a caption or credit clause ends: sentence ends, dashes, colons, brackets, quotes.
_HARD_BOUNDARY = re.compile(r"[.!?;:()\[\]|«»“”\"]|\s[-–—]\s|\s[-–—]$|^[-–—]\s")

FOREIGN_MARGIN = 1.5  # Zipf points a word must be more common in a candidate than in English
FOREIGN_FLOOR = 3.0  # and a real word there (about once per million words)
FUNCTION_WORD_FLOOR = 4.5  # a lone foreign word must be common there (a function word, about 30 per million)
ENGLISH_FLOOR = 3.0  # a word this common in English, and not much rarer than abroad, is English
AMBIGUOUS_BAND = 1.0  # within this many Zipf points the word is shared (``a``, ``no``): neutral
RUN_WEIGHT = 4.0  # summed margins for a run of several foreign words
MAX_TRANSLITERATED_LENGTH = 30  # letters; longer Latin strings are not read as Russian
MAX_GLOSSED_NAME_LETTERS = 40  # a romanised name before a native spelling is shorter than this
LANGDETECT_LETTERS = 40  # ask the language identifier only with this many letters
# A clause in a language with no word list here (Hungarian, Czech, Turkish ...): half or more of
# its lower-case words are no common English words. Asked of the language identifier only then.
UNKNOWN_SHARE = 0.5  # of a clause's lower-case words, rarer in English than ENGLISH_FLOOR
MIN_CLAUSE_WORDS = 4  # lower-case words a clause needs to be weighed so
IDENTIFIED = 0.9  # the language identifier's probability for a verdict

# Words met are remembered for the process, up to these counts each, so that a corpus of any
# vocabulary holds them in bounded memory (full, about 0.1, 0.8, 0.09 and 0.55 KB an entry:
# some 19, 3, 3 and 6 MB; benchmarks/cache_ceiling.py). Every word of the corpus is classified
# (CACHED_KINDS); the full frequencies are asked only for the words of fragments found; the
# Russian readings only for rare words of four letters or more.
CACHED_KINDS = 200_000
CACHED_CLASSIFIED = 4_096
CACHED_RUSSIAN = 20_000
CACHED_CYRILLIC_SPELLINGS = 10_000


@dataclass(frozen=True)
class Fragment:
    start: int
    end: int
    language: str
    evidence: tuple[str, ...]  # the foreign words that decided it
    script: bool = False  # found by script rather than by word frequencies


# A foreign phrase the writer glosses is quoted or named on purpose, not left untranslated:
# - a quotation followed by its translation ("Wir schaffen das" ("We can do this")): inside
#   an open quotation, and after its closing mark a bracket, another quotation or a word that
#   introduces a gloss ("the lyrics "... dem weh ...", translated by the group as "..."), or
#   the speaker and then the translation in quotation marks ("...," Bellandi said. "We are ...");
# - a phrase followed at once by a bracket holding its translation or its initials
#   ("the Fondation pour l'Enfance (Foundation for Childhood)", "the Conseil Superieur de
#   l'Audiovisuel (CSA)"), whether or not it is quoted;
# - a short phrase followed by an apposition that says what it is ("serving caldo verde, a kale
#   and potato soup"): a dish's, a festival's or a custom's name, explained.
_OPENS_QUOTE = re.compile(r"[“\"«„‘'][ \t]*$")
_CLOSES_QUOTE = re.compile(r"[”\"»]")
_GLOSS_FOLLOWS = fast_start(re.compile(
    r"[ \t]*[”\"»“‘’'][ \t]*,?[ \t]*(?:\(|[“\"«‘]|[—–][ \t]*|-[ \t]+|(?:meaning|which means|roughly|translated|or|that is)\b)",
    re.IGNORECASE,
))
# A quotation whose speaker is named before its translation follows in quotation marks: the
# closing mark, an attribution around a verb of saying on the same line ("Bellandi said.", ",
# said Lavoie, who speaks little English —", "she told reporters:"), then the translation's
# opening mark, with no other quotation between.
_ATTRIBUTED_GLOSS = re.compile(
    r"[ \t]*[”\"»][^“”\"«»\n]{0,80}?\b(?:" + "|".join(sorted(tables.SPEECH_VERBS)) + r")\b[^“”\"«»\n]{0,80}?[“\"«]",
    re.IGNORECASE,
)
# A bracket right after the fragment: the rest of its last word (an entity or accent the word
# scan stopped at), a closing mark, then "(" and the gloss up to ")".
_BRACKET_FOLLOWS = re.compile(r"[^\s()]{0,12}[ \t]*(?:[”\"»’'][ \t]*)?\(([^()\n]{2,80})\)")
_APPOSITION_FOLLOWS = re.compile(r"[^\s,]{0,12},[ \t]+(?:a|an|the)[ \t]+(?=[a-z])")
MAX_NAMED_PHRASE_WORDS = 4  # a dish's or a custom's name; a longer fragment is a sentence left untranslated
_CREDIT_IN_BRACKETS = fast_start(re.compile(r"(?i)\b(?:photo|foto|image|imagen|picture|video|file|archive)\b|[:/©]"))
GLOSS_REACH = 120  # characters after the fragment in which its gloss must hold no foreign fragment
QUOTATION_REACH = 300  # characters before and after the fragment in which its quotation's marks are sought


def glossed(text: str, fragment: "Fragment", fragments: Sequence["Fragment"], quotations: Sequence[tuple[int, int]] | None = None) -> bool:
    """Whether ``fragment`` is glossed by the writer (see above): the gloss itself must be free
    of other fragments, or it is no translation. ``quotations``: the text's
    (:func:`quality.quotations.quote_regions`), when the caller has them."""
    quotations = quote_regions(text) if quotations is None else quotations
    gloss_start = _bracket_gloss(text, fragment) or _gloss_after_quotation(text, fragment, quotations) or _apposition_gloss(text, fragment)
    if gloss_start is None:
        return False
    reach = gloss_start + GLOSS_REACH
    return not any(gloss_start <= other.start < reach for other in fragments if other is not fragment)


def _bracket_gloss(text: str, fragment: "Fragment") -> int | None:
    """Where the bracketed gloss right after the fragment starts: a translation (words, no
    credit) or the initials of the name the fragment ends."""
    found = _BRACKET_FOLLOWS.match(text, fragment.end)
    if found is None:
        return None
    inside = found.group(1).strip()
    if inside.isupper() and inside.isalpha():
        line_start = text.rfind("\n", 0, fragment.start) + 1
        initials = "".join(w[0] for w in WORDS.findall(text[line_start : fragment.end]) if w[0].isupper())
        return found.start(1) if initials.endswith(inside) else None
    if _CREDIT_IN_BRACKETS.search(inside) or len(inside.split()) < 2:
        return None
    return found.start(1)


def _apposition_gloss(text: str, fragment: "Fragment") -> int | None:
    """Where the apposition explaining a short phrase starts (", a kale and potato soup")."""
    if len(text[fragment.start : fragment.end].split()) > MAX_NAMED_PHRASE_WORDS:
        return None
    found = _APPOSITION_FOLLOWS.match(text, fragment.end)
    return found.end() if found else None


def _gloss_after_quotation(text: str, fragment: "Fragment", quotations: Sequence[tuple[int, int]]) -> int | None:
    """Where the gloss after the fragment's quotation starts, when the fragment is quoted: just
    after an opening mark, or inside a quotation opened earlier on its line."""
    line_start = text.rfind("\n", 0, fragment.start) + 1
    before = text[max(line_start, fragment.start - QUOTATION_REACH) : fragment.start]
    if not (_OPENS_QUOTE.search(before) or inside_quotation(quotations, fragment.start)):
        return None
    line_end = text.find("\n", fragment.end)
    closing = _CLOSES_QUOTE.search(text, fragment.end, min(line_end if line_end >= 0 else len(text), fragment.end + QUOTATION_REACH))
    if closing is None:
        return None
    bracket = text.find("(", fragment.end, closing.start())  # glossed inside the quotation
    if bracket >= 0:
        return bracket + 1
    gloss = _GLOSS_FOLLOWS.match(text, closing.start()) or _ATTRIBUTED_GLOSS.match(text, closing.start())
    return gloss.end() if gloss else None


# A word's kind needs only the heads of the frequency lists (text.top_zipf) when every floor
# it is compared with lies inside them: below TOP_ZIPF, no word is foreign or shared.
assert TOP_ZIPF <= min(FOREIGN_FLOOR, ENGLISH_FLOOR)


@dataclass
class _Word:
    token: Token
    kind: str  # "F" foreign, "E" English, "N" neutral
    # The candidate languages, for a word weighed by frequency: its scores are looked up only
    # when a run it belongs to is judged (most runs are dismissed before that).
    languages: tuple[str, ...] | None = None

    @cached_property
    def scores(self) -> dict[str, float]:
        """Zipf frequency per candidate language (and ``en``); empty for unweighed words."""
        return dict(classify_word(self.token.lower, self.languages)[3]) if self.languages else {}


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=CACHED_RUSSIAN)
def russian_from_latin(word: str) -> float:
    """Best Russian Zipf frequency of any Cyrillic spelling of a transliterated word.

    Every way of cutting the word into the letter groups of the table is tried ("zayavil" is
    z-a-ya-v-i-l, not z-ay-a-v-i-l), up to a small number of spellings."""
    if len(word) > MAX_TRANSLITERATED_LENGTH:
        return 0.0  # no Russian word is this long; also bounds the recursion below
    spellings = _cyrillic_spellings(word)
    return max((zipf(s, "ru") for s in spellings), default=0.0)


@lru_cache(maxsize=CACHED_CYRILLIC_SPELLINGS)
def _cyrillic_spellings(word: str, limit: int = 64) -> tuple[str, ...]:
    if not word:
        return ("",)
    out: list[str] = []
    for latin, cyrillic in tables.RUSSIAN_FROM_LATIN:
        if word.startswith(latin):
            for rest in _cyrillic_spellings(word[len(latin) :], limit):
                out.extend(c + rest for c in cyrillic)
                if len(out) >= limit:
                    return tuple(out[:limit])
    return tuple(out)


@lru_cache(maxsize=CACHED_CLASSIFIED)
def classify_word(word: str, languages: tuple[str, ...]) -> tuple[str, str | None, float, tuple[tuple[str, float], ...]]:
    """(kind, language, margin, per-language frequencies) for a lower-case word. A pure
    function of wordfreq's lists, cached for the process like wordfreq's own look-ups."""
    english = zipf(word, "en")
    scores = {language: zipf(word, language) for language in languages}
    best = max(scores, key=lambda language: scores[language])
    if english < 2.0 and len(word) >= 4 and "ru" not in scores:
        russian = russian_from_latin(_strip_accents(word))
        if russian > scores[best]:
            scores["ru"] = russian
            best = "ru"
    frozen = tuple(sorted(scores.items())) + (("en", english),)
    kind = _kind(scores[best], english)
    return kind, best if kind == "F" else None, scores[best] - english, frozen


def word_kind(word: str, languages: tuple[str, ...]) -> str:
    """``classify_word(word, languages)[0]``, from the heads of the candidate languages'
    frequency lists (:func:`~quality.detectors.translation.text.top_zipf`) and English's whole
    list. The same kind for every word: it is decided by the best candidate's frequency, and a
    best frequency below ``TOP_ZIPF`` decides as any other below it does (:func:`_kind`). So a
    draft in plain English is checked without loading the candidate languages' whole lists. Not cached:
    :class:`ForeignFinder` keeps each word's kind."""
    english = zipf(word, "en")
    best = max((value for language in languages if (value := top_zipf(word, language)) is not None), default=0.0)
    if english < 2.0 and len(word) >= 4 and "ru" not in languages:
        best = max(best, _russian_head(_strip_accents(word)))
    return _kind(best, english)


def _kind(best: float, english: float) -> str:
    """"F" foreign, "E" English or "N" neutral, for a word whose best candidate language has
    Zipf frequency ``best``. Any ``best`` below ``TOP_ZIPF`` gives the same answer."""
    if best - english >= FOREIGN_MARGIN and best >= FOREIGN_FLOOR:
        return "F"
    if english >= ENGLISH_FLOOR and english > best - AMBIGUOUS_BAND:
        shared = abs(english - best) < AMBIGUOUS_BAND and best >= ENGLISH_FLOOR
        return "N" if shared else "E"
    return "N"


@lru_cache(maxsize=CACHED_RUSSIAN)
def _russian_head(word: str) -> float:
    """:func:`russian_from_latin` when it is at least ``TOP_ZIPF``, else 0."""
    if len(word) > MAX_TRANSLITERATED_LENGTH:
        return 0.0
    return max((value for spelling in _cyrillic_spellings(word) if (value := top_zipf(spelling, "ru")) is not None), default=0.0)


# word → kind per candidate-language set: the fast path's view of ``classify_word``.
_KINDS: dict[tuple[str, ...], BoundedDict[str, str]] = {}
_LOANS = fast_start(re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(p) for p in sorted(tables.ENGLISH_LOAN_PHRASES, key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
))


class ForeignFinder:
    """Finds untranslated fragments in one article; holds the candidate languages."""

    def __init__(self, languages: tuple[str, ...] = tables.LATIN_LANGUAGES, use_langdetect: bool = True) -> None:
        self.languages = tuple(languages)
        self.use_langdetect = use_langdetect
        self._kinds = _KINDS.setdefault(self.languages, BoundedDict(CACHED_KINDS))
        self._loans = _LOANS

    # -- one paragraph --------------------------------------------------------------------
    def fragments(
        self, text: str, start: int, end: int, other_scripts: bool = True, foreign: re.Pattern[str] | None | bool = True
    ) -> Iterator[Fragment]:
        """Fragments in ``text[start:end]``. The last two arguments are fast paths for callers
        that read the whole article once: whether it has other scripts, and the pattern of
        its foreign-leaning words (from ``foreign_words``; ``True`` when not computed)."""
        if other_scripts:
            yield from self._script_fragments(text, start, end)
        if foreign is True or (foreign and foreign.search(text, start, end)):
            yield from self._latin_fragments(text, start, end)

    def other_language_clauses(
        self, text: str, paragraphs: Iterable[tuple[int, int]], found: Sequence[Fragment] = ()
    ) -> Iterator[Fragment]:
        """Clauses of the paragraphs (cut at sentence ends, quotation marks, brackets, colons and
        dashes) in a language that has no word list among the candidates: half or more of
        their lower-case words are no common English words, and the language identifier names
        another language. The word lists find a Spanish "y" between two names; a Hungarian or
        Turkish quotation left in an English article has no word they know, but its words are
        no English ones. A clause that overlaps a fragment ``found`` already is not asked again."""
        if not self.use_langdetect:
            return
        rare = {word for word in self._lower_words(text) if english_zipf(word) < ENGLISH_FLOOR}
        if len(rare) < 2:
            return  # no clause of the article can have half its words rare (most articles)
        needed = UNKNOWN_SHARE * MIN_CLAUSE_WORDS
        for start, end in paragraphs:
            if sum(word in rare for word in LOWER_INITIAL_WORD.findall(text, start, end)) < needed:
                continue
            cuts = [start] + [m.end() for m in _HARD_BOUNDARY.finditer(text, start, end)] + [end]
            for left, right in zip(cuts, cuts[1:]):
                words = LOWER_INITIAL_WORD.findall(text, left, right)
                if len(words) < MIN_CLAUSE_WORDS or _CODE_TOKEN.search(text, left, right):
                    continue  # too short to tell, or template code ("{* socialRegistration_gender *}"), not prose
                unknown = [word for word in words if word in rare]
                if len(unknown) < UNKNOWN_SHARE * len(words):
                    continue
                span = [m.span() for m in _TEXT_WORD.finditer(text, left, right)]
                clause_start, clause_end = span[0][0], span[-1][1]
                if any(f.start < clause_end and clause_start < f.end for f in found):
                    continue
                detected, probability = identify(text[clause_start:clause_end], LANGDETECT_LETTERS)
                if detected not in ("en", "unknown") and probability >= IDENTIFIED:
                    yield Fragment(clause_start, clause_end, detected, tuple(unknown))

    @staticmethod
    def _lower_words(text: str) -> frozenset[str]:
        """The article's distinct lower-case words (:func:`~.text.distinct_lower_words`, read
        once per article): :meth:`foreign_words` and :meth:`other_language_clauses` read them."""
        return distinct_lower_words(text)

    @staticmethod
    def has_other_scripts(text: str) -> bool:
        return _OTHER_SCRIPT_CHAR.search(text) is not None

    def _classify_new(self, word: str) -> str:
        """Classify a word not yet in the shared cache and remember its kind."""
        return self._kinds.put(word, word_kind(word.lower(), self.languages))

    def foreign_words(self, text: str) -> re.Pattern[str] | None:
        """A pattern matching the text's lower-case words that lean to a candidate language,
        or ``None`` when there are none: then no Latin-script fragment is possible, and only
        paragraphs the pattern finds need to be read."""
        kinds = self._kinds
        found = []
        for word in self._lower_words(text):
            kind = kinds.get(word)  # inline lookup: this loop sees every word of the corpus
            if kind is None:
                kind = self._classify_new(word)
            if kind == "F":
                found.append(word)
        if not found:
            return None
        return re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, sorted(found))) + r")(?![^\W\d_])")

    def _script_fragments(self, text: str, start: int, end: int) -> Iterator[Fragment]:
        for match in _SCRIPT_RUN.finditer(text, start, end):
            s, e = match.start(), match.end()
            before = text[s - 1] if s > 0 else " "
            after = text[e] if e < len(text) else " "
            if _is_latin_letter(before) or _is_latin_letter(after):
                continue  # glued to Latin letters: encoding damage, not a language
            if not any(c.isalpha() for c in match.group()):
                continue  # digits or combining marks of a script ("٣٤", "๑๒"): no language to name
            if self._is_gloss(text, s, e, start):
                continue
            run = match.group()
            language = _script_language(run)
            yield Fragment(s, e, language, (run,), script=True)

    @staticmethod
    def _is_gloss(text: str, s: int, e: int, line_start: int) -> bool:
        """A short native spelling right after a romanised name (``Hua Chunying 华春莹``).

        That is: the last word of the line before the run (spaces and brackets skipped) ends
        right there and is capitalised. Found by walking back over that word alone; tokenising
        the whole line up to every run would make long lines quadratic. A word (text.WORD) is letters
        joined by single apostrophes or hyphens, so it is the longest such chain. A chain longer
        than ``MAX_GLOSSED_NAME_LETTERS`` is no name, so the walk stops there and each run costs
        at most that much, whatever the line holds.
        """
        if e - s > 8:
            return False
        end = s
        while end > line_start and text[end - 1] in " (（":
            end -= 1
        if end == line_start or not _LETTER.match(text, end - 1):
            return False  # no word ends there
        first = end - 1
        floor = max(line_start, end - MAX_GLOSSED_NAME_LETTERS)
        while True:
            while first > floor and _LETTER.match(text, first - 1):
                first -= 1
            if first == floor and first > line_start and _LETTER.match(text, first - 1):
                return False  # letters all the way back: text glued together, not a name
            if first - 2 >= floor and text[first - 1] in "'’-" and _LETTER.match(text, first - 2):
                first -= 2
                continue
            return text[first].isupper()

    def _latin_fragments(self, text: str, start: int, end: int) -> Iterator[Fragment]:
        kinds = self._kinds
        candidates = False
        for token in tokens(text, start, end):
            word = token.text
            if word[:1].isupper():
                continue
            kind = kinds.get(word)  # inline lookup: this loop sees every word of the corpus
            if kind is None:
                kind = self._classify_new(word)
            if kind == "F":
                candidates = True
                break
        if not candidates:
            return  # most paragraphs: no lower-case word leans to another language
        words = self._words(text, start, end)
        if not any(w.kind == "F" for w in words):
            return
        cuts = [start] + [m.end() for m in _HARD_BOUNDARY.finditer(text, start, end)] + [end]
        starts = [w.token.start for w in words]  # in text order: each clause is a slice
        for left, right in zip(cuts, cuts[1:]):
            clause = words[bisect.bisect_left(starts, left) : bisect.bisect_left(starts, right)]
            if not any(w.kind == "F" for w in clause):
                continue
            whole_clause = not any(w.kind == "E" for w in clause)
            for run in _split(clause):
                fragment = self._judge(text, run, whole_clause)
                if fragment:
                    yield fragment

    def _words(self, text: str, start: int, end: int) -> list[_Word]:
        neutral_spans = _SpanIndex(_CODE_TOKEN.finditer(text, start, end))
        loan_spans = _SpanIndex(self._loans.finditer(text, start, end))
        words = []
        for token in tokens(text, start, end):
            if not (token.text.isascii() or all(_is_latin_letter(c) or c in "'’-" for c in token.text)):
                words.append(_Word(token, "N"))  # other script or mixed: not weighed here
            elif token.start in neutral_spans:
                words.append(_Word(token, "N"))
            elif token.start in loan_spans:
                words.append(_Word(token, "E"))
            elif token.is_capitalised:
                words.append(_Word(token, "N"))  # names and acronyms belong to no language
            else:
                kind = self._kinds.get(token.lower) or self._classify_new(token.lower)
                if token.lower in tables.NAME_PARTICLES and _between_capitals(text, token):
                    kind = "N"  # part of a name; still counts when naming the language
                words.append(_Word(token, kind, self.languages))
        return words

    def _judge(self, text: str, run: list[_Word], whole_clause: bool) -> Fragment | None:
        """Decide a run. One language must explain every foreign word it counts: "met" (Dutch)
        and "y" (Spanish) in one English sentence are two accidents, not a Dutch fragment."""
        foreign_words = [w for w in run if w.kind == "F"]
        if not foreign_words or (len(foreign_words) == 1 and not (whole_clause and 0 < run.index(foreign_words[0]) < len(run) - 1)):
            return None  # one foreign word is a fragment only as a clause's function word joining names
        totals: dict[str, float] = {}
        for word in run:
            for language, score in word.scores.items():
                if language != "en":
                    totals[language] = totals.get(language, 0.0) + score
        best: tuple[float, str, list[_Word]] | None = None
        for language in sorted(totals):
            foreign = [w for w in run if w.kind == "F" and _margin(w, language) >= FOREIGN_MARGIN]
            if foreign:
                weight = sum(min(_margin(w, language), 4.0) for w in foreign)
                if best is None or (weight, totals[language]) > (best[0], totals[best[1]]):
                    best = (weight, language, foreign)
        if best is None:
            return None
        weight, language, foreign = best
        if len(foreign) >= 2 and weight >= RUN_WEIGHT:
            run = _trim(run, foreign) if not whole_clause else run
        elif len(foreign) == 1 and whole_clause:
            word = foreign[0]
            index = run.index(word)
            joins_names = 0 < index < len(run) - 1 and not _lost_hyphen(word.token.text, run[index + 1].token.text)
            strong = word.scores.get(language, 0.0) >= FUNCTION_WORD_FLOOR and _margin(word, language) >= 2.0
            if not (joins_names and strong):
                return None
        else:
            return None
        start, end = run[0].token.start, run[-1].token.end
        if self.use_langdetect and sum(c.isalpha() for c in text[start:end]) >= LANGDETECT_LETTERS:
            detected, probability = identify(text[start:end], LANGDETECT_LETTERS)
            if detected == "en" and probability >= 0.9:
                return None
            if detected in totals and probability >= 0.9:
                language = detected
        return Fragment(start, end, language, tuple(w.token.text for w in foreign))


LOST_HYPHEN_ZIPF = 3.5  # "email" (4.7), "ebook" (3.7) are at least this common in English: "e mail" is "e-mail" without its hyphen


def _lost_hyphen(word: str, following: str) -> bool:
    """Whether a one-letter word and the next one make a common English word ("e mail",
    "e commerce"): a prefix whose hyphen was lost, not Italian "e" or Spanish "y"."""
    return len(word) == 1 and following.islower() and zipf(word.lower() + following, "en") >= LOST_HYPHEN_ZIPF


def _split(clause: list[_Word]) -> Iterator[list[_Word]]:
    """Runs of foreign and neutral words between English words."""
    run: list[_Word] = []
    for word in clause:
        if word.kind == "E":
            if any(w.kind == "F" for w in run):
                yield run
            run = []
        else:
            run.append(word)
    if any(w.kind == "F" for w in run):
        yield run


def _margin(word: _Word, language: str) -> float:
    scores = word.scores
    return scores.get(language, 0.0) - scores.get("en", 0.0)


def _trim(run: list[_Word], foreign: list[_Word]) -> list[_Word]:
    """Drop the words before the first and after the last foreign word of the language."""
    first = run.index(foreign[0])
    last = run.index(foreign[-1])
    return run[first : last + 1]


def _between_capitals(text: str, token: Token) -> bool:
    """Whether a name particle sits inside a name: the nearest words on both sides that are
    not particles themselves are capitalised ("Ursula von der Leyen")."""
    left, right = _words_around(text, token.start, token.end, 4)
    before = next((w for w in reversed(left) if w.lower() not in tables.NAME_PARTICLES), "")
    after = next((w for w in right if w.lower() not in tables.NAME_PARTICLES), "")
    return before[:1].isupper() and after[:1].isupper()


def _words_around(text: str, start: int, end: int, n: int) -> tuple[list[str], list[str]]:
    """``text[:start].split()[-n:]`` and ``text[end:].split()[:n]``, from an index of the text's
    white-space-separated words built once per text: slicing and splitting the whole text for
    every name particle would make long articles quadratic."""
    starts, ends = _word_index(text)
    left: list[str] = []
    k = bisect.bisect_right(starts, start) - 1  # the last word starting at or before ``start``
    if k >= 0 and starts[k] == start:
        k -= 1  # starts exactly there: nothing of it lies before
    while k >= 0 and len(left) < n:
        left.append(text[starts[k] : min(ends[k], start)])
        k -= 1
    right: list[str] = []
    j = bisect.bisect_right(ends, end)  # the first word ending after ``end``
    while j < len(starts) and len(right) < n:
        right.append(text[max(starts[j], end) : ends[j]])
        j += 1
    return left[::-1], right


@lru_cache(maxsize=2)
def _word_index(text: str) -> tuple[list[int], list[int]]:
    spans = [(m.start(), m.end()) for m in _NON_SPACE.finditer(text)]
    return [s for s, _ in spans], [e for _, e in spans]


_NON_SPACE = re.compile(r"\S+")  # what str.split() keeps
_LETTER = re.compile(r"[^\W\d_]")  # a letter as text.WORD counts them


class _SpanIndex:
    """Spans from one finditer (sorted, disjoint); ``offset in index`` by bisection rather than
    a scan of every span for every word."""

    def __init__(self, matches: Iterable[re.Match[str]]) -> None:
        spans = [(m.start(), m.end()) for m in matches]
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def __contains__(self, offset: int) -> bool:
        k = bisect.bisect_right(self.starts, offset) - 1
        return k >= 0 and offset < self.ends[k]


def _is_latin_letter(char: str) -> bool:
    return char.isalpha() and ord(char) < 0x250


def _script_language(run: str) -> str:
    for char in run:
        code = ord(char)
        if 0x3040 <= code <= 0x30FF:
            return "ja"
    first = next(c for c in run if c.isalpha())
    code = ord(first)
    if 0x0400 <= code <= 0x04FF:
        words = [w.lower() for w in re.findall(r"[\u0400-\u04FF]+", run)]
        totals = {language: sum(zipf(w, language) for w in words) for language in ("ru", "uk", "bg")}
        return max(totals, key=lambda k: (totals[k], k == "ru"))
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF:
        return "ko"
    if 0x0600 <= code <= 0x06FF:
        return "ar"
    if 0x0370 <= code <= 0x03FF:
        return "el"
    if 0x0590 <= code <= 0x05FF:
        return "he"
    if 0x0E00 <= code <= 0x0E7F:
        return "th"
    if 0x0900 <= code <= 0x097F:
        return "hi"
    return "zh"
