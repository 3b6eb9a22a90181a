"""Sentence segmentation for scraped news text, with exact character offsets.

Why our own segmenter: ``benchmarks/segmentation.py`` measures it beside pysbd and blingfire on
the human-checked sentence boundaries of a news corpus, and it reproduces more of them exactly
(the figures are in that script's output). It is also the only one of the three that knows what
scraped news looks like:

* One paragraph per line. A line break always ends a sentence; a line that is only a closing
  quotation mark left over from the line before is glued back to that sentence.
* Periods that do not end sentences: titles (``Mr.``, ``Sen.``), initials (``George W. Bush``),
  dotted acronyms (``U.S.``), months (``Feb. 24``) and other abbreviations. Acronyms and
  abbreviations that can also close a sentence (``U.S.``, ``Inc.``, ``p.m.``) end one only when
  the next word is a typical sentence opener (``in the U.S. The president`` splits,
  ``the U.S. Senate`` does not).
* Quotation marks and brackets after the final mark belong to the sentence they close
  (``... a friend." He said``), and a lower-case word after ``?"`` or ``!"`` continues the sentence
  (``"Why?" he asked.``).
* A lost space after a full stop (``Ukraine.Thus``) still ends a sentence.
* Lines that are not sentences are labelled, not dropped: a short line without final
  punctuation is a ``heading`` (titles, section heads, datelines), photo captions and credits are
  ``caption``, a ``— Name (@handle)`` line under an embedded post is a ``signature``, and calls to
  action and bare links are ``other``. Sentences ending in a question mark are ``question``.

Only :func:`sentences` is public; it is pure and deterministic.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator

from quality._segment_tables import (
    CALL_TO_ACTION,
    CAPTION_FRAGMENTS,
    CAPTION_PREFIXES,
    CLOSERS,
    FINAL_ABBREVIATIONS,
    INNER_ABBREVIATIONS,
    NUMBER_ABBREVIATIONS,
    OPENERS,
    SENTENCE_OPENERS,
    TITLES,
)
from quality.fast_start import fast_start
from quality.spans import is_results_row, keep_last

# Sentence kinds. Only SENTENCE states something that may need a source.
SENTENCE = "sentence"
QUESTION = "question"
HEADING = "heading"
CAPTION = "caption"
SIGNATURE = "signature"
OTHER = "other"
# Kinds that are running prose, whose length a reader has to follow.
PROSE_KINDS = frozenset({SENTENCE, QUESTION})

MAX_HEADING_WORDS = 20  # a line without final punctuation longer than this is a sentence that lost its stop
MAX_SIGNATURE_WORDS = 12  # "— Name (@handle) March 17, 2023"
MAX_CAPTION_WORDS = 45  # credits and captions are short; a long line with "via AP" in it is prose
# A line's sentences depend on the line alone, and a wire copy's paragraphs recur in every outlet
# that runs it (the story detector reads each version of a large story again and again): the
# sentences of this many lines are remembered, of lines up to CACHED_LINE_CHARS long.
CACHED_LINES = 4_096
CACHED_LINE_CHARS = 2_000

_CLOSE_CLASS = re.escape(CLOSERS)
# Candidate sentence ends: runs of . ! ? or ellipses, then closing quotes and brackets.
# Full stops and question and exclamation marks of other scripts, which end a sentence wherever
# they stand: Urdu and Arabic (۔ ؟), Devanagari (। ॥), and the full-width CJK marks (。！？).
SCRIPT_STOPS = "۔؟।॥。！？"
_END = fast_start(re.compile(rf"(?:\.{{3}}|…|[.!?{SCRIPT_STOPS}])+[{_CLOSE_CLASS}]*"))
# A full stop with no space after it between a lower-case word and a capitalised one.
_GLUED = fast_start(re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])"))
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
# A signature: a dash before who signs ("— Name (@handle) date"), or a credit in square
# brackets on a line of its own ("[ Daily Planet ]"), as a roundup credits each excerpt.
_SIGNATURE = re.compile(r"^\s*(?:—|―|–|--)\s*\S|^\s*\[[^\[\]\n]{1,60}\]\s*$")
_SPACE_RUN = re.compile(r"\s*")
# A line of links and handles only: every white-space-separated token holds one of these (see
# _link_only; a regex for it, with \S* around each marker, backtracked exponentially).
_LINK_MARKERS = ("http://", "https://", "www.", "pic.twitter.com", "@")
# Tokens longer than this cannot be a title or an inner abbreviation, so a look back for the
# token before a full stop stops here (a long glued run would otherwise be rescanned per stop).
_LONGEST_ABBREVIATION = max(map(len, TITLES | INNER_ABBREVIATIONS)) + 1
_HAS_ALNUM = re.compile(r"[^\W_]")
# A line of nothing but closing marks and stops: the tail of the sentence before it.
_TAIL_ONLY = re.compile(rf"^[\s{_CLOSE_CLASS}.!?…—–-]+$")
_TERMINAL = fast_start(re.compile(rf"(?:[.!?…:;]|\.\.\.)[{_CLOSE_CLASS}]*$"))


@dataclass(frozen=True)
class Sentence:
    """A sentence or sentence-like line: ``text == article[start:end]``.

    ``paragraph`` numbers the non-blank lines from 0, so that callers can tell when a
    quotation or a speaker carries over from one paragraph to the next.
    """

    start: int
    end: int
    text: str
    kind: str
    paragraph: int


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences and label each (see the module docstring). Several
    detectors segment the same article one after the other (attribution, readability): the
    last text's sentences are kept (:func:`~quality.spans.keep_last`)."""
    return list(_segmented(text))


@keep_last
def _segmented(text: str) -> tuple[Sentence, ...]:
    result: list[Sentence] = []
    paragraph = -1
    for line in re.finditer(r"[^\n]+", text):
        body = line.group()
        if not body.strip():
            continue
        offset = line.start()
        if _TAIL_ONLY.match(body) and result:
            # A stray closing quote or dash on its own line belongs to the sentence before it.
            last = result[-1]
            end = offset + len(body.rstrip())
            result[-1] = Sentence(last.start, end, text[last.start : end], last.kind, last.paragraph)
            continue
        paragraph += 1
        for start, end, kind in _line_sentences(body) if len(body) <= CACHED_LINE_CHARS else _read_line(body):
            result.append(Sentence(offset + start, offset + end, body[start:end], kind, paragraph))
    return tuple(result)


def _read_line(line: str) -> tuple[tuple[int, int, str], ...]:
    """The sentences of one line: (start, end, kind) within it."""
    spans = list(_split_line(line))
    kind_of_line = _line_kind(line.strip(), len(spans))
    return tuple((start, end, kind_of_line or _sentence_kind(line[start:end])) for start, end in spans)


_line_sentences = lru_cache(maxsize=CACHED_LINES)(_read_line)


def _split_line(line: str) -> Iterator[tuple[int, int]]:
    """Trimmed (start, end) spans of the sentences in one line."""
    cuts = [m.end() for m in _END.finditer(line) if _ends_sentence(line, m)]
    glued = [m.start() for m in _GLUED.finditer(line)]
    if glued:
        in_link = _TokensWithLinks(line)
        cuts += [dot + 1 for dot in glued if _glued_boundary(line, dot, in_link)]
    start = 0
    for cut in sorted(set(cuts)) + [len(line)]:
        piece = line[start:cut]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            yield start + lead, start + lead + len(stripped)
        start = cut


def _ends_sentence(line: str, match: re.Match[str]) -> bool:
    # Offsets, not slices: slicing the rest of the line at every candidate stop would make a long
    # line (a scrape without line breaks) quadratic.
    end = match.end()
    marks = match.group().rstrip(CLOSERS)
    if any(mark in SCRIPT_STOPS for mark in marks):
        return end < len(line) and not line[end:].isspace()  # CJK text runs on with no space
    if end >= len(line) or not line[end].isspace():
        return False  # end of line (ends the sentence anyway), or "3.5", "U.S.-China", "Yahoo!News"
    start = _SPACE_RUN.match(line, end).end()
    if start == len(line):
        return False  # only white space follows: the end of the line ends the sentence anyway
    while start < len(line) and line[start] in OPENERS:
        start += 1
    if start == len(line):
        return False
    first = line[start]
    if first.islower():
        return False  # '"Why?" he asked', 'a.m. local time'
    if first.isalpha() and not first.isupper():
        return True  # a letter of a script without case (Arabic, Hindi, Chinese) after a full stop
    if not (first.isupper() or first.isdigit() or first in OPENERS or not first.isalnum()):
        return False
    if "?" in marks or "!" in marks:
        return True
    next_word = _first_word(line, start)
    if marks != ".":  # an ellipsis ends a sentence only before a typical opener
        return next_word in SENTENCE_OPENERS
    token = _token_before(line, match.start())
    if token is None:
        return True  # after a number, a quote or a bracket
    lower = token.lower().rstrip(".")
    if lower in TITLES:
        return False
    if lower in INNER_ABBREVIATIONS:
        return False
    if lower in NUMBER_ABBREVIATIONS:
        return not first.isdigit()
    if len(token) == 1 and token.isupper():
        return next_word in SENTENCE_OPENERS  # an initial, unless a sentence clearly starts
    if "." in token.strip(".") or lower in FINAL_ABBREVIATIONS:
        return next_word in SENTENCE_OPENERS  # U.S., p.m., Inc.: ambiguous, ask the next word
    return True


def _token_before(line: str, stop: int, limit: int | None = None) -> str | None:
    """The word of ASCII letters and dots that ends at ``stop`` (``U.S``, ``Mr``), or None when
    it starts with a dot or follows another word character (``3rd``, ``éA``).

    Found by walking back over the run of letters and dots, which the ``stop`` that follows a
    word bounds; with ``limit`` a run longer than that gives None at once (callers that only
    compare it with short words need no more).
    """
    start = stop
    while start > 0 and line[start - 1] in _TOKEN_CHARS:
        start -= 1
        if limit is not None and stop - start > limit:
            return None
    if start == stop or line[start] == ".":
        return None
    if start > 0 and (line[start - 1].isalnum() or line[start - 1] == "_"):
        return None  # a regex \w before it: part of a longer word
    return line[start:stop]


_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


class _TokensWithLinks:
    """Whether the white-space-delimited token around an offset of one line looks like a link.
    The spaces are found once per line and each token is checked once, not once per glued full
    stop (a long line without spaces would otherwise be rescanned at every one)."""

    def __init__(self, line: str) -> None:
        self.line = line
        self.spaces = [m.start() for m in re.finditer(" ", line)]
        self.cache: dict[int, bool] = {}

    def __call__(self, offset: int) -> bool:
        k = bisect.bisect_left(self.spaces, offset)  # spaces[k - 1] < offset <= spaces[k]
        if k not in self.cache:
            left = self.spaces[k - 1] + 1 if k > 0 else 0
            right = self.spaces[k] if k < len(self.spaces) else len(self.line)
            token = self.line[left:right]
            self.cache[k] = any(mark in token for mark in ("/", "@", "www", "http"))
        return self.cache[k]


def _glued_boundary(line: str, dot: int, in_link: Callable[[int], bool] | None = None) -> bool:
    """``Ukraine.Thus`` is a lost space; ``example.Com`` in a link or ``St.Petersburg`` is not."""
    if (in_link or _TokensWithLinks(line))(dot):
        return False
    word = _token_before(line, dot, limit=_LONGEST_ABBREVIATION)
    return not (word and word.lower() in TITLES | INNER_ABBREVIATIONS)


def _first_word(text: str, start: int = 0) -> str:
    match = _WORD.match(text, start)
    return match.group().lower() if match else ""


def _link_only(line: str) -> bool:
    """Links, handles and the commas between them, nothing else: the first token and every other
    one that is not just commas or semicolons holds a link marker."""
    tokens = line.split()
    if not tokens or line[0].isspace() or not any(marker in tokens[0] for marker in _LINK_MARKERS):
        return False
    return all(not token.strip(",;") or any(marker in token for marker in _LINK_MARKERS) for token in tokens[1:])


def _line_kind(line: str, pieces: int) -> str | None:
    """The kind of a whole line when it is not prose (None: classify each sentence)."""
    lower = line.lower()
    words = len(_WORD.findall(line))
    if _SIGNATURE.match(line) and words <= MAX_SIGNATURE_WORDS:
        return SIGNATURE
    if lower.startswith(CAPTION_PREFIXES):
        return CAPTION
    if words <= MAX_CAPTION_WORDS and any(fragment in lower for fragment in CAPTION_FRAGMENTS):
        return CAPTION
    if _link_only(line) or not _HAS_ALNUM.search(line) or is_results_row(line):
        return OTHER
    if pieces == 1 and words <= MAX_HEADING_WORDS and not _TERMINAL.search(line):
        return HEADING
    return None


def _sentence_kind(sentence: str) -> str:
    lower = sentence.lower()
    if _SIGNATURE.match(sentence) and len(_WORD.findall(sentence)) <= MAX_SIGNATURE_WORDS:
        return SIGNATURE  # '"..." ― Name' split after the quotation
    if any(phrase in lower for phrase in CALL_TO_ACTION):
        return OTHER
    if sentence.rstrip(CLOSERS).endswith("?"):
        return QUESTION
    return SENTENCE
