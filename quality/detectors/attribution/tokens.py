"""Tokens of a sentence: words, numbers and punctuation, each knowing whether it lies inside a
quotation (the speaker's words, where no cue of the article's is looked for)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from quality.detectors.attribution.quotes import Spans
from quality.segment import Sentence

# A number with its separators ("4,000", "3.5"), a word with its inner apostrophes, dots,
# hyphens and ampersands ("O'Neill", "U.S", "AT&T"), or one mark of punctuation.
TOKEN = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:['’.\-&][^\W_]+)*|[^\w\s]", re.UNICODE)
_QUOTE_CHARACTERS = "\"“”'’«»"


@dataclass(slots=True)
class Token:
    """A word, a number or a mark of one sentence. ``lower`` (lower case, with "’" read as "'")
    and ``is_word`` are kept, not worked out at each look: the cue scan asks them about a
    million times over a thousand articles."""

    text: str
    start: int  # offset into the article
    end: int
    quoted: bool
    lower: str
    is_word: bool

    @property
    def capitalised(self) -> bool:
        """Upper case, or a letter of a script without case ("Xi" and "习" both count)."""
        first = self.text[0]
        return first.isupper() or (first.isalpha() and not first.isascii() and not first.islower())


def lower_word(word: str) -> str:
    """How cue tables spell a word: lower case, the typographic apostrophe as "'"."""
    return word.lower().replace("’", "'")


def tokenise(text: str, sentence: Sentence, quotes: Spans, lowers: Sequence[str]) -> list[Token]:
    """The tokens of ``sentence`` (offsets into ``text``), marking those inside ``quotes``.
    ``lowers`` are :func:`lower_word` of the sentence's :func:`split_words`, which finds the
    same tokens (the context has them already)."""
    inside = Spans((max(a, sentence.start), min(b, sentence.end)) for a, b in quotes.overlapping(sentence.start, sentence.end))
    offset = sentence.start
    tokens = []
    for match, low in zip(TOKEN.finditer(sentence.text), lowers):
        word, start, end = match.group(), offset + match.start(), offset + match.end()
        quoted = bool(inside) and _quoted(text, inside, start, end)
        tokens.append(Token(word, start, end, quoted, low, word[0].isalnum()))
    return tokens


def _quoted(text: str, inside: Spans, start: int, end: int) -> bool:
    """Inside a quotation, and not one of its marks."""
    return text[start] not in _QUOTE_CHARACTERS and inside.encloses(start, end)


def split_words(text: str) -> list[str]:
    """The tokens of a piece of text, as strings (a source's words, an outlet's name)."""
    return TOKEN.findall(text)
