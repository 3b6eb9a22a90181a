"""wordfreq's word lists, read compactly.

``wordfreq.zipf_frequency`` builds each language's whole list as a dictionary on first use:
about 35 MB of Python objects per large list, 600 MB for the 16 Latin-script languages the
mojibake detector asks. :class:`WordList` keeps a language's words as a sorted array of their
string hashes beside their frequency buckets instead (10 bytes a word, 65 MB for all 21
languages the detectors ask) and computes exactly what ``zipf_frequency`` would for any word.

wordfreq stores a list as gzip-compressed msgpack: a header, then one bucket of words per
centibel of frequency, most frequent first (bucket ``i`` holds the words of Zipf frequency
``9 - i/100``); :func:`list_buckets` reads them down to a floor.

Most words asked are lower-case ASCII letters in a language whose tokenizer keeps such a word
whole (:data:`ONE_TOKEN_LANGUAGES`): their frequency is read from the list with no call to
wordfreq, which is then imported only for a word that needs its tokenizer (a sixth of a second
of start-up, chiefly ``langcodes``). The lists' files are found without importing it either.
"""

from __future__ import annotations

import math
from array import array
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from types import ModuleType
from typing import Iterator

from quality.hashed import HashedTable, key_hash

# Languages in which wordfreq tokenises a word of lower-case ASCII letters as that word alone
# (no splitting, no case or accent folding that could change it): checked on the 26,448 such
# words of the 5,000-article throughput corpus, and by tests/test_translation.py on a sample.
ONE_TOKEN_LANGUAGES = frozenset({"en", "es", "fr", "pt", "it", "de", "nl"})


def is_one_token(word: str, language: str) -> bool:
    """Whether wordfreq would take ``word`` as its own single token, unchanged."""
    return language in ONE_TOKEN_LANGUAGES and word.isascii() and word.isalpha() and word.islower()


def list_path(language: str) -> Path | None:
    """The file of ``language``'s best list (large, else small), as
    ``wordfreq.available_languages("best")`` names it, found without importing wordfreq."""
    spec = find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "data"
    for size in ("large", "small"):
        path = folder / f"{size}_{language}.msgpack.gz"
        if path.is_file():
            return path
    return None


def list_buckets(language: str, floor: float) -> Iterator[list[str]] | None:
    """The buckets of ``language``'s best list, most frequent first, down to the Zipf
    ``floor`` (bucket ``i`` is Zipf ``9 - i/100``); None when the file is not in the layout
    described above (then ask wordfreq itself)."""
    import gzip

    import msgpack

    path = list_path(language)
    if path is None:
        return None
    last_bucket = round((9 - floor) * 100)
    packed = gzip.open(path, "rb")
    unpacker = msgpack.Unpacker(packed, raw=False, use_list=True)
    length = unpacker.read_array_header()
    header = unpacker.unpack()
    if not (isinstance(header, dict) and header.get("format") == "cB" and header.get("version") == 1):
        packed.close()
        return None

    def read() -> Iterator[list[str]]:
        with packed:
            for _ in range(min(length - 1, last_bucket + 1)):
                yield unpacker.unpack()

    return read()


class WordList:
    """The Zipf frequency of any word in ``language``, as ``wordfreq.zipf_frequency`` gives it.

    A word wordfreq splits into tokens (``l’école``) combines its tokens' frequencies as
    wordfreq does (``1/f = 1/f1 + 1/f2``), digits are smashed to ``0`` and weighted by their
    digit distribution, and the result is rounded to three significant digits, as there.
    Words are found by their 64-bit string hash (:class:`~quality.hashed.HashedTable`); two
    words of one list sharing a hash (odds about one in 10^8 for the largest list) would share a
    frequency."""

    def __init__(self, language: str) -> None:
        self.language = language
        hashes, levels = array("q"), array("H")  # 10 bytes a word, even while being built
        buckets = list_buckets(language, 0.0)
        self._exact: bool | None = True if buckets is None else None  # decided on first need
        for index, words in enumerate(buckets or ()):
            hashes.extend(map(key_hash, words))
            levels.extend(array("H", [index]) * len(words))
        self._levels = HashedTable(hashes, levels)
        self._level = self._levels.get  # the bucket of a token, or None: asked for every word looked up

    def zipf(self, word: str) -> float:
        if self._exact is not True and is_one_token(word, self.language):
            level = self._level(word)
            return 0.0 if level is None else _zipf_of(1.0 / _frequency_of_level(level))
        wf = wordfreq()
        if self._exact is None:
            self._exact = wf.get_language_info(self.language)["tokenizer"] == "jieba"
        if self._exact:  # another file layout, or a tokenizer that infers word breaks: ask wordfreq
            return wf.zipf_frequency(word, self.language)
        tokens = wf.lossy_tokenize(word, self.language)
        if not tokens:
            return 0.0
        one_over = 0.0
        for token in tokens:
            smashed = wf.smash_numbers(token)
            level = self._level(smashed)
            if level is None:
                return 0.0
            frequency = _frequency_of_level(level)
            if smashed != token:
                frequency *= wf.digit_freq(token)
            one_over += 1.0 / frequency
        return _zipf_of(one_over)


def _frequency_of_level(level: int) -> float:
    """The frequency (a proportion) of bucket ``level``: ``level`` centibels below 1."""
    return 10 ** (-level / 100)


def _zipf_of(one_over: float) -> float:
    """A word's Zipf frequency from the sum of its tokens' inverse frequencies, with
    wordfreq's floor (Zipf 0) and rounding (three significant digits, then two decimals)."""
    frequency = max(1.0 / one_over, 1 / 1e9)
    frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log(frequency, 10) + 9, 2)


@lru_cache(maxsize=None)
def word_list(language: str) -> WordList:
    """The :class:`WordList` of ``language``, built once per process on first use."""
    return WordList(language)


def zipf_frequency(word: str, language: str) -> float:
    """``wordfreq.zipf_frequency(word, language)``, from the compact :class:`WordList`."""
    return word_list(language).zipf(word)


@lru_cache(maxsize=1)
def wordfreq() -> ModuleType:
    """wordfreq, imported on first look-up rather than at start-up (a tenth of a second)."""
    import wordfreq as module

    return module
