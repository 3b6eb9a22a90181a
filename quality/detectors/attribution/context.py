"""The sentence being read, and what a recogniser reports when it finds a cue in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from quality.detectors.attribution.phrases import TokenSpan, main_subject
from quality.detectors.attribution.records import Attribution
from quality.detectors.attribution.sources import History, classify
from quality.detectors.attribution.quotes import Spans, quote_kind
from quality.detectors.attribution.tokens import Token, lower_word, split_words, tokenise
from quality.segment import Sentence
from quality.spans import in_headline_case


@dataclass
class Context:
    """One sentence of an article, tokenised, with the sources found in the sentences before it
    (for pronouns) and the sentence's place in the article."""

    text: str  # the whole article: every offset refers to it
    sentence: Sentence
    quotes: Spans  # the article's quotations
    history: History
    index: int  # the sentence's position in the article
    words: list[str] = field(init=False)  # the tokens' text
    lowers: list[str] = field(init=False)  # the same in lower case

    def __post_init__(self) -> None:
        self.words = split_words(self.sentence.text)
        self.lowers = [lower_word(word) for word in self.words]

    @cached_property
    def tokens(self) -> list[Token]:
        """Built only for a sentence that may hold a cue: most of an article's sentences do not."""
        return tokenise(self.text, self.sentence, self.quotes, self.lowers)

    @cached_property
    def main_subject(self) -> TokenSpan | None:
        """The subject of the sentence's main clause (:func:`.phrases.main_subject`), which
        several recognisers ask for."""
        return main_subject(self.tokens)

    @cached_property
    def quote(self) -> str:
        """direct | indirect: whether the sentence quotes its source's words."""
        return quote_kind(self.text, self.sentence, self.quotes)

    def word(self, j: int) -> str:
        """The lower-cased token at ``j``, or "" outside the sentence."""
        return self.lowers[j] if 0 <= j < len(self.lowers) else ""

    def classify(self, span: TokenSpan | None, strict: bool = False) -> str | None:
        """The kind of source ``span`` names (pronouns resolved against the history)."""
        return classify(self.tokens, span, self.history, self.index, strict)

    @cached_property
    def headline(self) -> bool:
        """Written in headline case ("Senator Vows To Cut Subsidies"), where verbs are capitalised."""
        words = [t for t in self.tokens if t.is_word and t.text[0].isalpha()]
        return in_headline_case(sum(t.text[0].isupper() for t in words), len(words))

    def attribution(self, cue: Cue) -> Attribution:
        """The attribution a recogniser's cue stands for, with offsets into the article (a cue
        with a kind: one without attributes nothing)."""
        if cue.kind is None:
            raise ValueError("a cue without a kind attributes nothing")
        first, end = cue.words
        cue_start, cue_end = self.tokens[first].start, self.tokens[end - 1].end
        if cue.source:
            source_start, source_end = self.tokens[cue.source[0]].start, self.tokens[cue.source[1] - 1].end
        else:
            source_start = source_end = -1
        source = self.text[source_start:source_end] if cue.source else ""
        return Attribution(self.text[cue_start:cue_end], cue_start, cue_end, source, source_start, source_end, cue.kind, self.quote)


@dataclass(frozen=True)
class Cue:
    """What a token recogniser found: the cue's tokens, the source's tokens (None when the cue
    names none: "reportedly") and the source's kind.

    The scan goes on after the cue's words, and no later cue may use the cue's or the source's
    tokens. A cue with no kind is a phrase whose source could not be read ("according to" at the
    end of a line): it attributes nothing, but no other recogniser reads its words either.
    ``also`` holds further cues the same words make ("The agency quoted X as saying": X, and the
    agency that passes X's words on)."""

    words: TokenSpan
    source: TokenSpan | None
    kind: str | None
    also: tuple[Cue, ...] = ()

    @property
    def taken(self) -> range | list[int]:
        if not self.source:
            return range(*self.words)
        return [*range(*self.words), *range(*self.source)]
