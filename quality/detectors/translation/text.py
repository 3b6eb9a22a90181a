"""Text units the translation rules share: word tokens with offsets, sentences, and cached
word-frequency look-ups.

wordfreq lower-cases everything, so it cannot tell a name from a word; capitalisation is read
from the text itself. Look-ups are cached per (word, language): news vocabulary repeats, and
the cache keeps the detector faster than running a language identifier over the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, NamedTuple, Sequence

from quality.detectors._wordlists import is_one_token, list_buckets, wordfreq, zipf_frequency
from quality.hashed import HashedTable
from quality.segment import TITLES
from quality.spans import Span, paragraphs

# A word: letters (any script) with inner apostrophes or hyphens ("Kiev’s", "Jong-un").
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# Sentence ends: ., ! or ? (and closing quotes) followed by white space; never after a title
# ("Mr.", "Sen."), which a name always follows. Other abbreviations are handled by callers that care.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")
_TITLE_BEFORE_STOP = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,6})\.$")
POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
# Where a clause piece ends: commas, semicolons, colons, quotes, brackets and dashes.
CLAUSE_BREAK = re.compile(r"[,;:“”\"()—–]")


class Token(NamedTuple):
    """A word and its offsets (a named tuple: articles have thousands, so they must be cheap)."""

    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def bare(self) -> str:
        """The token without a possessive ending: ``Xi’s`` → ``Xi``."""
        text = self.text
        return text[:-2] if len(text) > 2 and text[-1] in "sS" and text[-2] in "'’" else text


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]``. Rules ask only for the few paragraphs their cheap
    tests select, so words are read per request, never for the whole article."""
    make = tuple.__new__  # skips the named tuple's Python-level constructor: a third faster
    return [make(Token, (m.start(), m.end(), m.group())) for m in WORD.finditer(text, start, len(text) if end is None else end)]


def clause_start(text: str, words: Sequence[Token], index: int) -> int:
    """Index of the first word of the clause piece that ends at ``words[index]`` (pieces are cut
    at :data:`CLAUSE_BREAK`); ``index`` itself when a break comes right before it."""
    start = index
    while start > 0 and not CLAUSE_BREAK.search(text[words[start - 1].end : words[start].start]):
        start -= 1
    return start


# A word that starts with a lower-case letter, accented ones too ("émission", "ßtraße").
LOWER_INITIAL_WORD = re.compile(r"(?<![^\W\d_])[a-zß-öø-ÿ][^\W\d_]*")


@lru_cache(maxsize=2)
def distinct_lower_words(text: str) -> frozenset[str]:
    """The article's distinct words that start with a lower-case letter, read once per article:
    the untranslated-text finder and the split-word check both go through them."""
    return frozenset(LOWER_INITIAL_WORD.findall(text))


LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-z][a-z'’\-]*")


def lower_case_words(text: str) -> set[str]:
    """Words the text writes in lower case somewhere (so they are ordinary words, not names)."""
    return set(LOWER_WORD.findall(text))


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str, start: int, end: int) -> Iterator[Sentence]:
    """Sentences of one paragraph ``text[start:end]``; a sentence never crosses a line."""
    position = start
    for match in _SENTENCE_END.finditer(text, start, end):
        title = _TITLE_BEFORE_STOP.search(text, max(position, match.start() - 8), match.start())
        if title and title.group(1).lower() in TITLES:
            continue  # "that Mr. Trump was asked": one sentence
        if match.start() > position:
            yield Sentence(position, match.start(), text[position : match.start()])
        position = match.end()
    if position < end:
        yield Sentence(position, end, text[position:end])


# Look-ups remembered for the process (full, about 0.27 and 0.13 KB an entry: some 13 MB each;
# benchmarks/cache_ceiling.py): a corpus of any vocabulary holds them in bounded memory.
CACHED_ZIPF = 50_000
CACHED_ENGLISH_ZIPF = 100_000


@lru_cache(maxsize=CACHED_ZIPF)
def zipf(word: str, language: str) -> float:
    """wordfreq's Zipf frequency (0 = unknown, 7 = "the"); ``word`` is already lower-case.
    Read from the compact list (:mod:`quality.detectors._wordlists`), with wordfreq's values."""
    return zipf_frequency(word, language)


# top_zipf knows exactly the Zipf frequency of every word at least this common in its language.
TOP_ZIPF = 3.0
_DIGIT = re.compile(r"\d")


def top_zipf(word: str, language: str) -> float | None:
    """``zipf(word, language)`` when it is at least :data:`TOP_ZIPF`, else ``None`` (rarer).
    Not cached: its callers keep their answers per word (``ForeignFinder``'s kinds), so a word and
    language come here about once (51 repeats in 102,962 calls over 2,500 articles), and a cache
    would only hold some 35 MB of answers never asked again.

    Read from the head of wordfreq's list alone (:func:`_list_head`): the 30,000-odd words
    that common in a language take a tenth of the time of the whole list's half million, and
    deciding whether a word leans to another language needs no more (see
    ``foreign.word_kind``). A word wordfreq splits into tokens (``kiev’s``) is rarer than its
    rarest token, so it is below the head unless every token is in it; only then is the whole
    list asked, as :func:`zipf` does."""
    head = _list_head(language)
    if is_one_token(word, language):  # skipping the tokenizer is most of what this costs on English
        return head.get(word)
    parts = wordfreq().lossy_tokenize(word, language)
    if parts == [word] and not _DIGIT.search(word):  # wordfreq files digits under 0s
        return head.get(word)
    if not parts or (not _DIGIT.search(word) and any(part not in head for part in parts)):
        return None
    exact = zipf(word, language)
    return exact if exact >= TOP_ZIPF else None


class _ListHead:
    """The words of a language's list down to :data:`TOP_ZIPF`, each with its bucket of
    wordfreq's file, in a hashed table: 10 bytes a word where a dictionary of words and
    frequencies held some 110 (31 MB for the seven languages asked)."""

    __slots__ = ("_bucket_of",)

    def __init__(self, buckets: HashedTable) -> None:
        self._bucket_of = buckets.get

    def get(self, word: str) -> float | None:
        """The word's Zipf frequency, or None when it is rarer than the head."""
        index = self._bucket_of(word)
        return None if index is None else _ZIPF_OF_BUCKET[index]

    def __contains__(self, word: str) -> bool:
        return self._bucket_of(word) is not None


_ZIPF_OF_BUCKET = [round(9 - index / 100, 2) for index in range(round((9 - TOP_ZIPF) * 100) + 1)]  # bucket i is Zipf 9 - i/100


@lru_cache(maxsize=None)
def _list_head(language: str) -> _ListHead | dict[str, float]:
    """The Zipf frequency of each word of ``language`` at least :data:`TOP_ZIPF` (``get``, ``in``):
    only the buckets of wordfreq's file down to it are read
    (:func:`~quality.detectors._wordlists.list_buckets`). A file in another layout is read
    through wordfreq itself into a dictionary, with the same result."""
    buckets = list_buckets(language, TOP_ZIPF)
    if buckets is not None:
        bucket_of = {word: index for index, bucket in enumerate(buckets) for word in bucket}  # a word listed twice: its last bucket
        return _ListHead(HashedTable.of_mapping(bucket_of, "H"))
    return {word: value for word in wordfreq().get_frequency_dict(language) if (value := zipf(word, language)) >= TOP_ZIPF}


@lru_cache(maxsize=CACHED_ENGLISH_ZIPF)  # asked for most words of every article, in their written case
def english_zipf(word: str) -> float:
    return zipf(word.lower(), "en")


def is_known_word(word: str, floor: float = 1.5, languages: tuple[str, ...] = ("en",)) -> bool:
    lowered = word.lower()
    return any(zipf(lowered, language) >= floor for language in languages)


@lru_cache(maxsize=8)
def lines(text: str) -> tuple[Span, ...]:
    """The article's paragraphs (``quality.spans.paragraphs``), read once per article."""
    return tuple(paragraphs(text))
