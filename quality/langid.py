"""Language identification: langdetect, seeded, made faster, and screened.

langdetect is random unless seeded; its factory is seeded once here so that the same text always
gets the same answer. On short or non-linguistic text (URLs, numbers) it guesses wildly, so it is
only asked when enough letters remain after removing URLs, handles and digits; otherwise the
answer is ``unknown``.

Most English text never reaches langdetect: when a fifth of the words are English function
words and 2% are "the", the text is English (:func:`english_by_function_words`). Paragraphs are
screened the same way (:func:`clearly_english`).

Most of langdetect's time goes into listing the text's character n-grams, one method call per
character, and into updating 55 probabilities per sampled n-gram in an indexed loop. Our
replacements of those three methods (:func:`_extract_ngrams`, :func:`_update_lang_prob`,
:func:`_normalize_prob`) compute the same values in the same order, so langdetect's seeded
sampling gives the same answer, in about half the time; a property test compares them.

The language detector and translation's foreign-fragment check both use it, so it lives below
the detectors.
"""

from __future__ import annotations

import json
import os
import re
import sys
from array import array

from langdetect import DetectorFactory, detect_langs, detector_factory
from langdetect.detector import Detector as LangdetectDetector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

from quality.bounded import BoundedDict
from quality.english import ENGLISH_FUNCTION_WORDS, WORDS, function_word_share
from quality.hashed import HashedTable, key_hash

DetectorFactory.seed = 0

_NORMALISED: dict[int, str] = {}  # code point → langdetect's normalised character (NGram.normalize)
# word → its n-grams, and those its end adds; emptied beyond CACHED_WORDS words. The n-grams are
# interned (each distinct one held once) in tuples: about 0.45 KB a word, against 1.4 KB as lists
# of fresh strings (benchmarks/cache_ceiling.py), so the cache holds about 21 MB when full.
CACHED_WORDS = 50_000
_WORD_GRAMS: BoundedDict[str, tuple[tuple[str, ...], tuple[str, ...]]] = BoundedDict(CACHED_WORDS)
_WORD_GRAMS_PROFILES: list[int] = [0]  # id of the profiles _WORD_GRAMS was filled from


def _extract_ngrams(self: LangdetectDetector) -> list[str]:
    """langdetect's ``Detector._extract_ngrams``: the same list, built word by word. The n-grams
    langdetect lists restart at every space of the normalised text, so a word's n-grams depend on
    the word alone and are worked out once per process; ``tests/test_supporting_detectors.py``
    compares the lists with the original's."""
    known = self.word_lang_prob_map
    if _WORD_GRAMS_PROFILES[0] != id(known):  # another set of profiles knows other n-grams
        _WORD_GRAMS.clear()
        _WORD_GRAMS_PROFILES[0] = id(known)
    text = self.text
    missing = {ord(ch) for ch in set(text)} - _NORMALISED.keys()
    _NORMALISED.update({point: NGram.normalize(chr(point)) for point in missing})
    words = text.translate(_NORMALISED).split(" ")
    result: list[str] = []
    for index, word in enumerate(words):
        if not word:
            continue
        grams = _WORD_GRAMS.get(word)
        if grams is None:
            grams = _WORD_GRAMS.put(word, _word_ngrams(word, known))
        result.extend(grams[0])
        if index < len(words) - 1:  # a space follows: the word's last letters with that space
            result.extend(grams[1])
    return result


def _word_ngrams(word: str, known: dict[str, list[float]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What langdetect's character loop lists for one space-free ``word`` after a space: the 1-,
    2- and 3-grams ending at each letter, none while inside a run of capitals; then the 2- and
    3-grams ending at the space after it."""
    inside: list[str] = []
    grams = " "
    capital_word = False
    for ch in word:
        last = grams[-1]
        grams = (grams if len(grams) < NGram.N_GRAM else grams[1:]) + ch
        if not ch.isupper():
            capital_word = False
        elif last.isupper():
            capital_word = True
        if not capital_word:
            for n in range(1, min(len(grams), NGram.N_GRAM) + 1):
                if grams[-n:] in known:
                    inside.append(sys.intern(grams[-n:]))
    grams = (grams if len(grams) < NGram.N_GRAM else grams[1:]) + " "
    ending = tuple(sys.intern(gram) for gram in (grams[-2:], grams[-3:]) if gram in known)
    return tuple(inside), ending


def _update_lang_prob(self: LangdetectDetector, prob: list[float], word: str | None, alpha: float) -> bool:
    """langdetect's update of the language probabilities by one sampled n-gram: the same
    products in the same order, as one list comprehension instead of an indexed loop."""
    if word is None or word not in self.word_lang_prob_map:
        return False
    if self.verbose:
        return _ORIGINAL_UPDATE_LANG_PROB(self, prob, word, alpha)
    weight = alpha / self.BASE_FREQ
    prob[:] = [p * (weight + q) for p, q in zip(prob, self.word_lang_prob_map[word])]
    return True


def _normalize_prob(self: LangdetectDetector, prob: list[float]) -> float:
    """langdetect's normalisation of the probabilities to sum 1, returning the largest."""
    total = sum(prob)
    prob[:] = [p / total for p in prob]
    largest = 0.0
    for p in prob:
        if largest < p:
            largest = p
    return largest


_ORIGINAL_EXTRACT_NGRAMS = LangdetectDetector._extract_ngrams
_ORIGINAL_UPDATE_LANG_PROB = LangdetectDetector._update_lang_prob
_ORIGINAL_NORMALIZE_PROB = LangdetectDetector._normalize_prob
LangdetectDetector._extract_ngrams = _extract_ngrams
LangdetectDetector._update_lang_prob = _update_lang_prob
LangdetectDetector._normalize_prob = _normalize_prob


def load_profiles() -> None:
    """Load langdetect's language profiles now, whole or not at all. langdetect loads them on
    its first call into a factory it has already published, inside a bare ``except:``: an
    interrupt while loading leaves that factory half filled, and every later call answers from
    the languages loaded so far. Loading into a factory of our own and publishing it only when
    complete means a run is either stopped or right. Called when the detector is built, before
    any article, so Ctrl-C during loading stops the run instead of failing one article.

    The factory's n-gram table is :class:`_NgramProbabilities`: the same table as langdetect's
    ``load_profile`` builds, with each n-gram's row worked out when first asked for, since a
    run meets a few thousand of the 88,000 n-grams (a fifth of a second saved at start-up)."""
    if detector_factory._factory is not None:
        return
    folder = detector_factory.PROFILES_DIRECTORY
    names = os.listdir(folder)  # langdetect's order: a language's index is its file's place here
    if not names:
        raise LangDetectException(ErrorCode.NeedLoadProfileError, f"Not found profile: {folder}")
    factory = DetectorFactory()
    profiles: list[tuple[dict[str, int], list[int]]] = []
    for name in names:
        path = os.path.join(folder, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as handle:
            profile = json.load(handle)
        if profile["name"] in factory.langlist:
            raise LangDetectException(ErrorCode.DuplicateLangError, "Duplicate the same language profile.")
        factory.langlist.append(profile["name"])
        profiles.append((profile["freq"], profile["n_words"]))
    factory.word_lang_prob_map = _NgramProbabilities(profiles, len(names))
    detector_factory._factory = factory


class _NgramProbabilities(dict):  # type: ignore[type-arg]
    """langdetect's ``word_lang_prob_map`` (n-gram → its probability in each language), each
    row computed on first look-up exactly as ``DetectorFactory.add_profile`` computes it: the
    n-gram's count in a language over that language's number of n-grams of its length, 0 where
    the language lacks it. An n-gram is in the table when any profile has it."""

    def __init__(self, profiles: list[tuple[dict[str, int], list[int]]], size: int) -> None:
        super().__init__()
        # The profiles' counts in hashed tables (16 bytes an n-gram and language, 9 an n-gram
        # for the set of all): 3.7 MB for the whole run where the profiles' dictionaries and
        # the set of their n-grams held 24 MB.
        ngrams = set().union(*(counts for counts, _ in profiles))
        hashes = dict(zip(ngrams, map(key_hash, ngrams)))  # each n-gram hashed once
        self._profiles = [(HashedTable(array("q", map(hashes.__getitem__, counts)), array("q", counts.values())), n_words) for counts, n_words in profiles]
        self._size = size
        self._known = HashedTable(array("q", hashes.values()), array("B", [1]) * len(hashes))

    def __contains__(self, ngram: object) -> bool:
        return dict.__contains__(self, ngram) or ngram in self._known  # a row worked out already, else the table

    def __missing__(self, ngram: str) -> list[float]:
        if ngram not in self._known:
            raise KeyError(ngram)
        row = [0.0] * self._size
        length = len(ngram)
        if 1 <= length <= 3:
            for index, (counts, n_words) in enumerate(self._profiles):
                count = counts.get(ngram)
                if count is not None:
                    row[index] = 1.0 * count / n_words[length - 1]
        self[ngram] = row
        return row

# Noise that is not language: URLs, handles and hashtags, e-mail addresses, digits. The e-mail
# alternative starts only at the start of a token: a bare ``\S+@`` would rescan a long run of
# non-space text (CJK has no spaces) from every position, quadratic in the run's length.
_NOISE = re.compile(r"https?://\S+|www\.\S+|[@#]\w+|(?<!\S)[^\s@]+@\S+|[\d_]+")


CLEARLY_ENGLISH_SHARE = 0.2  # of a paragraph's words, English function words


def clearly_english(text: str, min_share: float = CLEARLY_ENGLISH_SHARE) -> bool:
    """Whether a paragraph is English on its face: a fifth of its words English function words."""
    words = WORDS.findall(text.lower())
    return bool(words) and function_word_share(words) >= min_share


# The article-level screen: the other side of quality.english's test, two conditions that must
# both hold. English prose is about a third function words (5th percentile 0.21 over the 783
# English documents of benchmarks/language_screen.py), other languages' a few hundredths (Dutch,
# German and Afrikaans, which share "in", "is", "was", "had" with English, stay near 0.1 in the
# test cases); "the" is 3% or more of English prose and rare elsewhere.
SCREEN_MIN_SHARE = 0.2
SCREEN_MIN_THE = 0.02
SCREEN_MIN_WORDS = 20


def _without_noise(text: str) -> str:
    """``text`` with ``_NOISE`` blanked, as far as ``WORDS`` can tell: the digits and underscores
    that ``_NOISE`` blanks already split words for ``WORDS``, so only URLs, handles, hashtags and
    addresses need the (costly) substitution, and text without their marks is returned as is."""
    if "@" in text or "#" in text or "://" in text or "www." in text:
        return _NOISE.sub(" ", text)
    return text


def english_by_function_words(text: str, min_letters: int) -> bool:
    """Whether ``text`` is English for certain, without langdetect: enough words, at least
    ``SCREEN_MIN_SHARE`` of them English function words and ``SCREEN_MIN_THE`` of them "the",
    and at least ``min_letters`` letters (so that :func:`identify` would have asked langdetect
    rather than said ``unknown``). ``benchmarks/language_screen.py`` checks it against langdetect."""
    words = WORDS.findall(_without_noise(text).lower())
    if len(words) < SCREEN_MIN_WORDS or words.count("the") < SCREEN_MIN_THE * len(words):
        return False
    if sum(map(ENGLISH_FUNCTION_WORDS.__contains__, words)) < SCREEN_MIN_SHARE * len(words):
        return False
    # A word of letters only counts its letters exactly as identify() does; the rest (a word with
    # a superscript digit or a fraction) are left out, so this never overstates the count.
    return sum(len(w) for w in words if w.isalpha()) >= min_letters


def identify(text: str, min_letters: int = 40) -> tuple[str, float]:
    """Best language and its probability, or ``("unknown", 0.0)`` on too little text."""
    cleaned = _NOISE.sub(" ", text)
    if sum(ch.isalpha() for ch in cleaned) < min_letters:
        return "unknown", 0.0
    try:
        best = detect_langs(cleaned)[0]
    except LangDetectException:
        return "unknown", 0.0
    return best.lang, float(best.prob)
