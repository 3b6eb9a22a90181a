"""What kind of article a text is, told from its structure: news, opinion, review, how-to,
listing or transcript.

Sourcing is judged against what the genre needs (``detectors/attribution/detector.py``): a news report
says who says so, a recipe or a results table makes no claims that need a source, a column
argues in its author's voice. Each genre leaves marks in the text's shape rather than in
particular words, and those are what is counted here:

- **how-to**: quantity-and-unit lines (``2 tbsp. soy sauce``, ``1 cup flour``) or an
  ``Ingredients`` / ``Directions`` heading over numbered steps;
- **listing** (results, standings, rankings, deal lists): many lines of data, short lines with
  numbers and no sentence (``Reed Sorenson 118 0 0 0 0``, ``3. Jane Doe 2:31:08``), short lines
  with a price (``AirPods Pro for $235``) or lines a third numbers, or many scores;
- **transcript**: a third of the paragraphs or more open with a speaker's label (``WALLACE:``,
  ``Q:``);
- **review**: a rating (``4/5``, ``8 out of 10``, ``★★★★``) or the review's own headings
  (``Verdict``, ``Pros``, ``Cons``, ``Specs``), two signs at least;
- **opinion**: the writer's first person singular, outside quotations, at least 1.5% of the
  words (``I think``, ``my view``);
- **news**: everything else, the default.

The first that holds, in that order, is the genre. The rules are deliberately few and coarse:
``benchmarks/site_ranking.py`` lists the genre it gives each site of the Zyte bodies.
"""

from __future__ import annotations

import re

from quality.spans import CURRENCY_SIGNS, paragraphs

NEWS, OPINION, REVIEW, HOW_TO, LISTING, TRANSCRIPT = "news", "opinion", "review", "how-to", "listing", "transcript"
GENRES = (NEWS, OPINION, REVIEW, HOW_TO, LISTING, TRANSCRIPT)

_QUANTITY = r"(?:\d+(?:[.,/]\d+)?|[½¼¾⅓⅔⅛])(?:\s*(?:-|to)\s*\d+)?\s*"
_UNIT = (
    r"(?:cups?|c\.|tablespoons?|tbsps?\.?|tsps?\.?|teaspoons?|oz\.?|ounces?|pounds?|lbs?\.?|g|grams?|kg|ml|"
    r"l|litres?|liters?|cloves?|pinch(?:es)?|dash(?:es)?|cans?|sticks?|slices?|sprigs?|bunch(?:es)?|"
    r"handfuls?|large|medium|small|whole|inch(?:es)?|in\.|cm)"
)
_INGREDIENT = re.compile(rf"^\W*{_QUANTITY}{_UNIT}\b", re.IGNORECASE)
_HOW_TO_HEADING = re.compile(
    r"^\W*(?:ingredients|directions|instructions|method|steps|preparation|you(?:'ll| will) need|what you(?:'ll)? need)\W*$",
    re.IGNORECASE,
)
_STEP = re.compile(r"^\W*(?:step\s+\d+|\d{1,2}[.)])\s+[A-Z]", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_PRICE = re.compile(rf"[{re.escape(CURRENCY_SIGNS)}]\s?\d|\d\s?(?:€|USD|EUR|GBP)\b")
_SCORE = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b")
# A speaker's label: "Q:", "WALLACE:", "Chris Wallace:" (a name of up to four capitalised words)
_SPEAKER = re.compile(r"^(?:Q|A|[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}):\s+\S")
_RATING = re.compile(r"\b\d+(?:\.\d)?\s*(?:/|out of)\s*(?:5|10|100)\b|[★☆]{3,}|\b\d(?:\.\d)? stars?\b", re.IGNORECASE)
_REVIEW_HEADING = re.compile(r"^\W*(?:verdict|the verdict|pros|cons|pros and cons|specs|specifications|our rating|rating|price)\W*$", re.IGNORECASE)
# The first person inside quotations is the speaker's, not the writer's. A quotation stops at the
# next opening mark too, so that a line of unclosed “ costs one step each, not a scan to its end.
_QUOTED = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"")
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|myself|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll)\b")
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")

MIN_INGREDIENTS = 3  # quantity-and-unit lines that make a recipe
MIN_DATA_LINES = 5  # short lines of numbers that make a listing ...
DATA_SHARE = 0.25  # ... when they are at least this share of the lines
DATA_NUMBER_SHARE = 1 / 3  # a line whose words are this share numbers is data, sentence or not
MIN_SCORES = 6  # results: at least this many scores ...
WORDS_PER_SCORE = 60  # ... and one for every this many words
TRANSCRIPT_SHARE = 0.3  # paragraphs opening with a speaker's label
MIN_SPEAKER_LINES = 4
MIN_REVIEW_SIGNS = 2
FIRST_PERSON_SHARE = 0.015


def genre_of(text: str) -> str:
    """The article's genre (module docstring): one of ``GENRES``."""
    lines = [span.text for span in paragraphs(text)]
    if not lines:
        return NEWS
    words = len(_WORD.findall(text))
    ingredients = sum(1 for line in lines if _INGREDIENT.match(line))
    steps = sum(1 for line in lines if _STEP.match(line))
    if ingredients >= MIN_INGREDIENTS or (any(_HOW_TO_HEADING.match(line) for line in lines) and steps >= 2):
        return HOW_TO
    data_lines = sum(1 for line in lines if _is_data_line(line))
    scores = len(_SCORE.findall(text))
    if (data_lines >= MIN_DATA_LINES and data_lines >= DATA_SHARE * len(lines)) or (
        scores >= MIN_SCORES and scores * WORDS_PER_SCORE >= words
    ):
        return LISTING
    speakers = sum(1 for line in lines if _SPEAKER.match(line))
    if speakers >= MIN_SPEAKER_LINES and speakers >= TRANSCRIPT_SHARE * len(lines):
        return TRANSCRIPT
    review_signs = len(_RATING.findall(text)) + sum(1 for line in lines if _REVIEW_HEADING.match(line))
    if review_signs >= MIN_REVIEW_SIGNS:
        return REVIEW
    if words and len(_FIRST_PERSON.findall(_QUOTED.sub(" ", text))) >= FIRST_PERSON_SHARE * words:
        return OPINION
    return NEWS


def _is_data_line(line: str) -> bool:
    """A line of data: a price on a short line (``AirPods Pro for $235``), two numbers or more on
    a short line that is no sentence (``3. Jane Doe 2:31:08``), or a line whose words are a third
    numbers or more (``DL Larry Ogunjobi 63 85% 1 tackle (1 combined). 1 sack``)."""
    words = line.split()
    if len(words) <= 15 and _PRICE.search(line):
        return True
    numbers = len(_NUMBER.findall(line))
    if numbers >= 2 and len(words) <= 12 and not _SENTENCE_END.search(line):
        return True
    return len(words) >= 4 and numbers >= DATA_NUMBER_SHARE * len(words)
