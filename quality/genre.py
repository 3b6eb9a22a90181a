"""What kind of article a text is, told from its structure: news, opinion, review, how-to,
listing or transcript.

Sourcing is judged against what the genre needs (``detectors/attribution/detector.py``): a news report
says who says so, a recipe or a results table makes no claims that need a source, a column
argues in its author's voice. Each genre leaves marks in the text's shape rather than in
particular words, and those are what is counted here:

- **how-to**: quantity-and-unit lines (``2 tbsp. soy sauce``, ``1 cup flour``) or an
  ``Ingredients`` / ``Directions`` heading over numbered steps; or, once no other genre below
  but news fits, a text that talks to its reader: ``you`` and ``your``, outside quotations, at
  least 3.5% of the words (tips, a coach's lesson, an app's page; a report or a column names
  its people, it does not address the reader);
- **listing** (results, standings, rankings, deal lists, event calendars): many lines of data,
  short lines with numbers and no sentence (``Reed Sorenson 118 0 0 0 0``, ``3. Jane Doe
  2:31:08``), short lines with a price (``AirPods Pro for $235``) or lines a third numbers; or
  many scores; or most paragraphs each an item with its price or its web address (a deal
  roundup, ``VISIT the National Horse Show, Oct. 11-21 ...; www.panational.org``); or items
  cut from one template, a short line repeated word for word under each (``Buy Now``, ``See it
  now: Amazon``, a photo credit under each reader's answer); or results
  told in sentences, most of them a placing (``Ann Lee finished second in the 50 yard
  freestyle``: a verb of winning or finishing with a place, a title or a figure), where a match
  report tells how the placing came about;
- **transcript**: a third of the paragraphs or more open with a speaker's label (``WALLACE:``,
  ``Q:``), not counting the items of a list the text announces with a colon (``... on the
  following charges:`` over ``Ann Lee: Possession of ...``);
- **review**: a rating (``4/5``, ``8 out of 10``, ``★★★★``), the review's own headings
  (``Verdict``, ``Pros``, ``Cons``, ``Specs``) or its labels (``RRP:``, ``Platform:``), two
  signs at least; or one mark only a review carries: a label (``Tested by:``, ``Version
  tested:``) or a verdict, a rating on a short line of its own (``Score 4.5 out of 5``);
- **press release**: an organisation's own announcement, closed the way releases are closed
  (``For more information, visit ...``, an ``About <name>`` heading, ``Media contact:``,
  ``###``) and opened the way they open (a dateline of city and state before a dash, an
  announcement made ``today``, a wire service's tag such as ``/PRNewswire/``);
- **promo**: a venue's or a seller's own page, closed by a block of practical information: two
  short lines or more among the last six giving two kinds of it at least, among a time of day
  (``9.30 A.M. / 7.00 P.M.``), a telephone number, a price, a street (``corso Monforte, 15``) and
  a label such as ``Tickets``, ``Admission`` or ``Inquiry``;
- **teaser**: a stub too short to judge, fewer than 150 words, that stops where the rest would
  follow (``All...``, ``See more photos:``); or a short blurb, fewer than 400 words, that lists
  the questions a programme or a piece elsewhere takes up, three or more in a row in one
  paragraph, in the writer's own voice (``Was it fair? Why did fans stay away? Should the format
  change?``; not a list of sample questions, one a line);
- **opinion**: the writer's first person singular, outside quotations, at least 1.5% of the
  words (``I think``, ``my view``); or the opinion page's own marks: a section label
  (``Letters.``, ``Editorial``, ``Our view``) among the first lines, or a closing note on a
  contributor the article never mentions (``Jane Roe, a former aide, is a professor of ...``);
- **news**: everything else, the default.

The first that holds, in that order, is the genre. The rules are deliberately few and coarse:
``benchmarks/site_ranking.py`` lists the genre it gives each site of the Zyte bodies.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from quality.fast_start import fast_start
from quality.segment import QUESTION, SENTENCE, sentences
from quality.spans import CURRENCY_SIGNS, paragraphs

NEWS, OPINION, REVIEW, HOW_TO, LISTING, TRANSCRIPT = "news", "opinion", "review", "how-to", "listing", "transcript"
PRESS_RELEASE, PROMO, TEASER = "press-release", "promo", "teaser"
GENRES = (NEWS, OPINION, REVIEW, HOW_TO, LISTING, TRANSCRIPT, PRESS_RELEASE, PROMO, TEASER)

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
_SCORE = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b")
# A sentence that reports a placing: a verb of winning or finishing, and a place, a title or a
# figure ("won the 200 yard medley title", "finished second", "took home first in diving").
_PLACING_VERB = fast_start(re.compile(r"\b(?:won|wins|winning|finished|finishing|placed|took(?: home)?|beat|beaten|defeated|claimed|captured|clinched)\b", re.IGNORECASE))
_PLACE = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)|titles?|champion(?:ship)?s?|gold|silver|bronze|medals?|place)\b|\d", re.IGNORECASE)
# A speaker's label: "Q:", "WALLACE:", "Chris Wallace:" (a name of up to four capitalised words)
_SPEAKER = re.compile(r"^(?:Q|A|[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}):\s+\S")
_RATING = re.compile(r"\b\d+(?:\.\d)?\s*(?:/|out of)\s*(?:5|10|100)\b|[★☆]{3,}|\b\d(?:\.\d)? stars?\b", re.IGNORECASE)
_REVIEW_HEADING = re.compile(r"^\W*(?:verdict|the verdict|pros|cons|pros and cons|specs|specifications|our rating|rating|price)\W*$", re.IGNORECASE)
# A review's labels, anywhere in a line ("Tested by: John Milbank RRP: £40"); the first group
# belongs to reviews alone, the second to product pages as well.
_REVIEW_OWN_LABEL = fast_start(re.compile(r"\b(?:tested by|version tested|reviewed by|reviewed on|review unit|price as reviewed|our score|review score):", re.IGNORECASE))
_REVIEW_LABEL = fast_start(re.compile(r"\b(?:rrp|msrp|platforms?|developer|publisher|release date|price):", re.IGNORECASE))
# A price as a shop or a deal gives it ("for $700", "from $139.99"), not a sum in the news
# ("$2.2 million", "$1bn").
_ITEM_PRICE = re.compile(
    rf"[{re.escape(CURRENCY_SIGNS)}]\s?\d[\d,]*(?:\.\d+)?(?!\d|[.,]\d|\s?(?:million|billion|trillion|bn|mn|m|k)\b)|\d\s?(?:€|USD|EUR|GBP)\b",
    re.IGNORECASE,
)
# What an item line must hold for _ITEM_PRICE or _WEB_ADDRESS to find it, and a rating for
# _RATING (lower case): counted on the whole text first.
_ITEM_MARKS = (*CURRENCY_SIGNS, "usd", "eur", "gbp", "http", "www.", ".com", ".org", ".net", ".co.uk")
_RATING_MARKS = ("/", "out of", "★", "☆", "star")
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|(?<![\w-])[\w-]+\.(?:com|org|net|co\.uk)\b", re.IGNORECASE)
# How a press release closes: a pointer to the organisation's site, the press contact, the end
# mark, its boilerplate heading ("About Acme Corp", not "About the author"); and how it opens: a
# dateline of city and state before a dash ("New York, NY –"), an announcement made "today", or
# a wire service's tag. A release has a closer and an opener; a news report may end on a pointer
# to a website, or open on a dateline, but seldom both.
_RELEASE_CLOSER = re.compile(
    r"\bfor (?:more|further) information,? (?:please )?(?:visit|contact|go to)\b|^\W*(?:media|press) contacts?\b|^\s*#{3}\s*$",
    re.IGNORECASE,
)
_RELEASE_ABOUT = re.compile(r"^About (?!(?:the|The|Us|us|This|this|Our|our|Me|me|Author|author)\b)[A-Z][\w&.,'’ -]{1,60}$")
_RELEASE_OPENER = re.compile(
    r"^[A-Z][A-Za-z .'’-]{1,30},\s+[A-Z][A-Za-z.]{1,14}\.?(?:,\s+\w{3,9}\.? \d{1,2},? \d{4})?\s*(?:/[^/\n]{2,30}/\s*)?[–—-]|"
    r"\b(?:today announced|announced today)\b|/\s*(?:PRNewswire|Business Wire|GLOBE NEWSWIRE|PRWeb)\s*/",
    re.MULTILINE,
)
RELEASE_OPENER_LINES = 3  # lines from the top where a release's dateline may stand
# A stub stops where the rest would follow: an ellipsis, or a colon before what is not there.
_CUT_OFF = re.compile(r"(?:\.\.\.|…|:)\W*$")
# The opinion page's section labels, on a line of their own.
_OPINION_LABEL = re.compile(
    r"^\W*(?:letters?(?: to the editor)?|editorial|our view|opposing view|opinion|commentary|op-ed|guest column|column)\W*$",
    re.IGNORECASE,
)
# A closing note on a contributor: a person's name, perhaps an apposition, then "is a/an/the
# ...". An organisation's closing line ("Kaiser Health News is a nonprofit news service") is
# no contributor: a word of the name is one organisations use.
_CONTRIBUTOR_NOTE = re.compile(r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3})(?:,[^.]{0,120},)? (?:is|was) (?:a|an|the)\b")
_ORGANISATION_WORDS = frozenset(
    "news press service network media group company corp inc ltd llc foundation institute university "
    "college center centre council association agency times post journal herald tribune review".split()
)
# The first person inside quotations is the speaker's, not the writer's. A quotation stops at the
# next opening mark too, so that a line of unclosed “ costs one step each, not a scan to its end.
_QUOTED = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"")
_FIRST_PERSON = fast_start(re.compile(r"\b(?:I|me|my|mine|myself|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll)\b"))
_SECOND_PERSON = fast_start(re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b|\byou(?:'|’)(?:re|ve|ll|d)\b", re.IGNORECASE))
_WORD = re.compile(r"[^\W\d_]+")
# Practical information closing a venue's or a seller's page (the promo genre).
_PRACTICAL = (
    ("time", re.compile(r"\b\d{1,2}[.:]\d{2}\s*[AaPp]\.?[Mm]\b\.?|\b\d{1,2}\s*[AaPp]\.?[Mm]\.?\s*[-–/]\s*\d")),
    ("phone", re.compile(r"(?<![\d-])(?:\+\d{1,3}[ -]?)?(?:\(\d{2,4}\)\s?)?\d{2,4}[ -]\d{3,4}[ -]\d{3,4}(?![\d-])")),
    ("price", re.compile(rf"[{CURRENCY_SIGNS}]\s?\d|(?<![\d,.])\d[\d,.]*\s?[{CURRENCY_SIGNS}]")),
)
_STREET = fast_start(re.compile(r"\b(?:corso|via|rue|street|avenue|road|boulevard|plaza|square)\b", re.IGNORECASE))  # with a number: an address
_PRACTICAL_LABEL = re.compile(
    r"^\W*(?:tickets?|ticketing|admission|inquir(?:y|ies)|venue|opening hours|booking|reservations?)\b", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
_HAS_LETTER = re.compile(r"[^\W\d_]")

MIN_INGREDIENTS = 3  # quantity-and-unit lines that make a recipe
MIN_DATA_LINES = 5  # short lines of numbers that make a listing ...
DATA_SHARE = 0.25  # ... when they are at least this share of the lines
DATA_NUMBER_SHARE = 1 / 3  # a line whose words are this share numbers is data, sentence or not
MIN_SCORES = 6  # results: at least this many scores ...
WORDS_PER_SCORE = 60  # ... and one for every this many words
REPEATED_LINE_WORDS = 8  # a line this short ...
MIN_REPEATS = 4  # ... repeated this often, word for word, closes each item of a templated list
MIN_PLACINGS = 4  # results told in sentences: at least this many placings ...
PLACING_SHARE = 0.6  # ... this share of the sentences (match reports of the Zyte set: 0.38 at most)
TRANSCRIPT_SHARE = 0.3  # paragraphs opening with a speaker's label
MIN_SPEAKER_LINES = 4
MIN_REVIEW_SIGNS = 2
VERDICT_LINE_WORDS = 6  # a rating on a line this short is a review's verdict ("Score 4.5 out of 5")
FIRST_PERSON_SHARE = 0.015
SECOND_PERSON_SHARE = 0.035  # of the words: a text addressed to its reader
MIN_ITEMS = 4  # paragraphs, each with a price or a web address, that make a listing ...
ITEM_SHARE = 0.4  # ... when they are at least this share of the paragraphs
PRACTICAL_LINES = 6  # lines from the end searched for a promo page's practical information ...
PRACTICAL_LINE_WORDS = 12  # ... each a short line
PRACTICAL_LOWER_WORDS = 2  # ... of names, numbers and labels: "Tickets: 30 to 60 euros"
MIN_PRACTICAL_LINES = 2
MIN_PRACTICAL_KINDS = 2
TEASER_WORDS = 150  # a stub shorter than this that stops short is a teaser
BLURB_WORDS = 400  # a blurb shorter than this ...
MIN_QUESTION_RUN = 3  # ... with this many of the writer's questions in a row is a teaser
OPINION_LABEL_REACH = 3  # lines from the top searched for the opinion page's label
CONTRIBUTOR_NOTE_WORDS = 60  # a closing note on a contributor is one short paragraph


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
    low = text.lower()
    data_lines = sum(1 for line in lines if _is_data_line(line))
    # (each cheap count below bounds what the pattern after it can find, so a text that cannot
    # reach a rule's minimum skips the pattern: most news)
    scores = len(_SCORE.findall(text)) if text.count("-") + text.count("–") >= MIN_SCORES else 0
    if (data_lines >= MIN_DATA_LINES and data_lines >= DATA_SHARE * len(lines)) or (
        scores >= MIN_SCORES and scores * WORDS_PER_SCORE >= words
    ):
        return LISTING
    if _results_in_sentences(text) or _templated_items(lines):
        return LISTING
    if sum(low.count(mark) for mark in _ITEM_MARKS) >= MIN_ITEMS:
        items = sum(1 for line in lines if _ITEM_PRICE.search(line) or _WEB_ADDRESS.search(line))
        if items >= MIN_ITEMS and items >= ITEM_SHARE * len(lines):
            return LISTING
    speakers = _speaker_lines(lines)
    if speakers >= MIN_SPEAKER_LINES and speakers >= TRANSCRIPT_SHARE * len(lines):
        return TRANSCRIPT
    ratings = len(_RATING.findall(text)) if any(mark in low for mark in _RATING_MARKS) else 0
    labels = len(_REVIEW_LABEL.findall(text)) if ":" in text else 0
    review_signs = ratings + sum(1 for line in lines if _REVIEW_HEADING.match(line)) + labels
    verdict = ratings and any(len(line.split()) <= VERDICT_LINE_WORDS and _RATING.search(line) for line in lines)
    if review_signs >= MIN_REVIEW_SIGNS or verdict or _REVIEW_OWN_LABEL.search(text):
        return REVIEW
    if any(_RELEASE_CLOSER.search(line) or _RELEASE_ABOUT.match(line) for line in lines) and _RELEASE_OPENER.search("\n".join(lines[:RELEASE_OPENER_LINES])):
        return PRESS_RELEASE
    if _closes_with_practical_information(lines):
        return PROMO
    if words < TEASER_WORDS and _CUT_OFF.search(lines[-1]):
        return TEASER
    own_words = _QUOTED.sub(" ", text)
    if words < BLURB_WORDS and text.count("?") >= MIN_QUESTION_RUN and _question_run(own_words) >= MIN_QUESTION_RUN:
        return TEASER
    if words and "you" in low and len(_SECOND_PERSON.findall(own_words)) >= SECOND_PERSON_SHARE * words:
        return HOW_TO
    if words and len(_FIRST_PERSON.findall(own_words)) >= FIRST_PERSON_SHARE * words:
        return OPINION
    if any(_OPINION_LABEL.match(line) for line in lines[:OPINION_LABEL_REACH]) or _contributor_note(text, lines[-1]):
        return OPINION
    return NEWS


def _templated_items(lines: Sequence[str]) -> bool:
    """Items cut from one template: a short line with letters in it (not a ``___`` separator)
    repeated word for word at least :data:`MIN_REPEATS` times."""
    if len(lines) < MIN_REPEATS:
        return False
    short = Counter(line for line in lines if len(line.split()) <= REPEATED_LINE_WORDS)
    return any(count >= MIN_REPEATS and _HAS_LETTER.search(line) for line, count in short.most_common(3))


def _speaker_lines(lines: Sequence[str]) -> int:
    """Lines that open with a speaker's label, outside a list the text announces with a colon
    ("... held on the following charges:" over "Ann Lee: Possession of ..." lines)."""
    count, announced = 0, False
    for line in lines:
        labelled = bool(_SPEAKER.match(line))
        announced = labelled and announced
        count += labelled and not announced
        if line.rstrip().endswith(":") and not labelled:
            announced = True
    return count


def _question_run(text: str) -> int:
    """The most questions in a row within one paragraph: the writer asking, not a list with one
    question a line (sample queries a report quotes)."""
    longest = run = 0
    paragraph = -1
    for sentence in sentences(text):
        if sentence.kind != QUESTION:
            run = 0
            continue
        run = run + 1 if sentence.paragraph == paragraph else 1
        paragraph = sentence.paragraph
        longest = max(longest, run)
    return longest


def _results_in_sentences(text: str) -> bool:
    """Results told in sentences: most of the text's sentences, and at least
    :data:`MIN_PLACINGS`, report a placing ("Ann Lee finished second in the 50 yard freestyle")."""
    verbs = len(_PLACING_VERB.findall(text))
    if verbs < MIN_PLACINGS:
        return False  # (a count that bounds the placings: most texts stop here)
    prose = [s.text for s in sentences(text) if s.kind == SENTENCE]
    placings = sum(1 for sentence in prose if _PLACING_VERB.search(sentence) and _PLACE.search(sentence))
    return placings >= MIN_PLACINGS and placings >= PLACING_SHARE * len(prose)


def _closes_with_practical_information(lines: Sequence[str]) -> bool:
    """Two short lines or more among the last ones give practical information, of two kinds at
    least ("corso Monforte, 15, Milan" and "9.30 A.M. / 7.00 P.M.")."""
    found = [kinds for line in lines[-PRACTICAL_LINES:] if (kinds := _practical_information(line))]
    return len(found) >= MIN_PRACTICAL_LINES and len(set().union(*found)) >= MIN_PRACTICAL_KINDS


def _practical_information(line: str) -> set[str]:
    """The kinds of practical information a short line gives: a time of day, a telephone
    number, a price, a street, a label such as ``Tickets:``."""
    words = line.split()
    if len(words) > PRACTICAL_LINE_WORDS or sum(1 for w in words if w[:1].islower()) > PRACTICAL_LOWER_WORDS:
        return set()  # a sentence ("Wall Street, lawyers dominate Clinton's fundraising"), not a line of data
    kinds = {kind for kind, pattern in _PRACTICAL if pattern.search(line)}
    if _STREET.search(line) and any(ch.isdigit() for ch in line):
        kinds.add("street")
    if _PRACTICAL_LABEL.match(line):
        kinds.add("label")
    return kinds


def _contributor_note(text: str, last: str) -> bool:
    """The last paragraph introduces someone the article does not otherwise mention: an op-ed's
    note on its author ("John Roe, a former aide, is a professor of politics at ..."). A news
    report that ends on a person ("Smith is the group's spokesman") has named them before."""
    match = _CONTRIBUTOR_NOTE.match(last)
    if match is None or len(last.split()) > CONTRIBUTOR_NOTE_WORDS:
        return False
    name = match.group(1).split()
    if any(word.lower().strip(".") in _ORGANISATION_WORDS for word in name):
        return False
    surname = name[-1]
    return surname not in text[: len(text) - len(last)]


def _is_data_line(line: str) -> bool:
    """A line of data: a price on a short line (``AirPods Pro for $235``), two numbers or more on
    a short line that is no sentence (``3. Jane Doe 2:31:08``), or a line whose words are a third
    numbers or more (``DL Larry Ogunjobi 63 85% 1 tackle (1 combined). 1 sack``)."""
    words = line.split()
    if len(words) <= 15 and _ITEM_PRICE.search(line):
        return True
    numbers = len(_NUMBER.findall(line))
    if numbers >= 2 and len(words) <= 12 and not _SENTENCE_END.search(line):
        return True
    return len(words) >= 4 and numbers >= DATA_NUMBER_SHARE * len(words)
