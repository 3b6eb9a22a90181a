"""Word frequencies as a second opinion on a repair (optional; needs ``wordfreq``).

Character-level surprise decides most repairs. Words settle what characters cannot: whether a
space after "Ã" was the lost no-break space ("Ã s crianças" -> "às crianças") or a real one
("Ã perturber" -> "à perturber"), or whether a C1 control inside a word was a MacRoman letter
("tur\\x92stico" -> "turístico"). A repair whose changed words are known words, where the words
it replaces were not, earns ``KNOWN_WORD_BONUS``; the reverse costs as much.

wordfreq ships its data in the wheel, so this works offline. Each language's list loads on
first use (about 0.1 s), and only for the scripts that candidates are written in; it is read
compactly (:class:`~quality.detectors._wordlists.WordList`: 10 bytes a word, where wordfreq's
own dictionaries take 600 MB for the Latin-script languages).
"""

from __future__ import annotations

import re
from functools import lru_cache

from quality.detectors._wordlists import wordfreq, zipf_frequency
from quality.detectors.mojibake import _tables as T
from quality.detectors.mojibake._plausibility import info

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


class WordJudge:
    """Knows whether a word is a known word of a language written in its script."""

    def __init__(self) -> None:
        self._available: bool | None = None  # wordfreq is imported on first use (it takes 0.1 s)

    def _load(self) -> bool:
        if self._available is None:
            try:
                wordfreq()
                self._available = True
            except ImportError:  # an optional helper: without it, characters alone decide
                self._available = False
        return self._available

    def bonus(self, before: str, before_span: tuple[int, int], after: str, after_span: tuple[int, int]) -> float:
        """The bonus for the words touching ``before_span`` of ``before`` becoming the words
        touching ``after_span`` of ``after``."""
        if not self._load():
            return 0.0
        words_before = _touched(before, *before_span)
        words_after = _touched(after, *after_span)
        if not words_after:
            return 0.0
        share_after = sum(self.known(w) for w in words_after) / len(words_after)
        share_before = sum(self.known(w) for w in words_before) / len(words_before) if words_before else 0.0
        return T.KNOWN_WORD_BONUS * (share_after - share_before)

    def known(self, word: str) -> bool:
        return self._load() and _known(word)


@lru_cache(maxsize=1 << 14)
def _known(word: str) -> bool:
    if len(word) < 2:
        return False
    languages = T.WORDFREQ_LANGUAGES.get(info(word[0]).script, ())
    for language in languages:
        try:
            if zipf_frequency(word, language) >= T.KNOWN_WORD_ZIPF:
                return True
        except (LookupError, ImportError):  # a language whose tokenizer is not installed
            continue
    return False


def _touched(text: str, start: int, end: int) -> list[str]:
    """The words of ``text`` that overlap ``start:end`` (or touch it when it is empty)."""
    return [m.group() for m in _WORD.finditer(text) if m.start() <= end and m.end() >= start and m.end() > m.start()]
