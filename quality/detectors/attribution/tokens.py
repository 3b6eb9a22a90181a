"""Tokens of a sentence: words, numbers and punctuation, each knowing whether it lies inside a
quotation (the speaker's words, where no cue of the article's is looked for)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quality.detectors.attribution.quotes import Spans
from quality.segment import Sentence

# A number with its separators ("4,000", "3.5"), a word with its inner apostrophes, dots,
# hyphens and ampersands ("O'Neill", "U.S", "AT&T"), or one mark of punctuation.
TOKEN = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:['’.\-&][^\W_]+)*|[^\w\s]", re.UNICODE)
_QUOTE_CHARACTERS = "\"“”'’«»"


@dataclass
class Token:
    text: str
    start: int  # offset into the article
    end: int
    quoted: bool

    @property
    def lower(self) -> str:
        return self.text.lower().replace("’", "'")

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def capitalised(self) -> bool:
        """Upper case, or a letter of a script without case ("Xi" and "习" both count)."""
        first = self.text[0]
        return first.isupper() or (first.isalpha() and not first.isascii() and not first.islower())


def tokenise(text: str, sentence: Sentence, quotes: Spans) -> list[Token]:
    """The tokens of ``sentence`` (offsets into ``text``), marking those inside ``quotes``."""
    inside = Spans((max(a, sentence.start), min(b, sentence.end)) for a, b in quotes.overlapping(sentence.start, sentence.end))
    tokens = []
    for match in TOKEN.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        quoted = text[start] not in _QUOTE_CHARACTERS and inside.encloses(start, end)
        tokens.append(Token(match.group(), start, end, quoted))
    return tokens


def split_words(text: str) -> list[str]:
    """The tokens of a piece of text, as strings (a source's words, an outlet's name)."""
    return TOKEN.findall(text)
