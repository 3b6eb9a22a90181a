"""Join and punctuation artifacts: what re-assembling translated or scraped text leaves behind.

* **Lost space** (``FinancialTimes``): a camel-case word whose two halves are English words
  while the whole is not a word wordfreq knows, or whose spaced form the article writes
  (``DanielleOkafor``). Brands written in camel case (``YouTube``, ``iPhone``, ``PlayStation``)
  are known words, and name prefixes (``McDonald``, ``DeSantis``) are excluded. So are two
  lower-case words run together (``runnersreached``, ``toldof``), a word glued to the name after
  it (``officials inBrasília``, ``engineers fromCarrow Structural``), a first name run into a
  surname (``MarciaBellweather``), a possessive run into the next word (``county'sFinance``) and
  a name glued to the verb of saying after it (``Annegret Köhlersaid the``).
* **Missing space after a full stop, a question or exclamation mark, or a comma**
  (``Ukraine.Thus``, ``6am.Drivers``, ``choose?Together``, ``Westmoor,where``): a word, the
  mark and a capitalised word with no space, unless the dotted token is a URL, a file name, a
  domain or an abbreviation (``U.S.``); a comma glued to a common English word.
* **Stray full stop** (``a trade ally. during``): a full stop followed by a lower-case word that
  continues the sentence, unless the full stop ends an abbreviation (``approx.``, ``p.m.``) or
  belongs to an ellipsis.
* **Space before punctuation** (``the Coordinadora (CPV) , is``, ``firefighters ,who``,
  ``open on Sundays .``): white space between a word and the comma, semicolon, question or
  exclamation mark after it, with a word after, or one space before the mark that ends a
  paragraph or a quotation: the spacing of tokenised text (machine translation works on tokens)
  put back without its rules, or a typing slip. A colon is left alone: French typography and
  many captions space it (``Photo : AP``).
* **Split word** (``3,000 reser vation requests``): a space inside a common word, whose two
  pieces are not both words: a hyphenation or a line break undone badly.
* **Doubled word** (``the the``): the same lower-case word twice in a row, except the doubles
  English allows (``had had``, ``that that``).
* **Repetition loop** (``Bern, Bern, Bern, …``): a phrase of one to eight words repeated three or
  more times in a row, the signature of a degenerate machine-translation decoder.

URLs, e-mail addresses, @handles and #hashtags are masked out before any of these checks.
"""

from __future__ import annotations

import re
from operator import eq
from dataclasses import dataclass
from typing import Iterator, Sequence

from quality.detectors.translation import _tables as tables
from quality.detectors.translation import rules as R
from quality.detectors.translation.given_names import given_name_gender
from quality.detectors.translation.text import distinct_lower_words, english_zipf
from quality.fast_start import fast_start
from quality.quotations import inside_quotation, quote_regions

_DOTTED_NAME = r"[\w-]+(?:\.[\w-]+)*\.(?:" + "|".join(sorted(tables.DOTTED_SUFFIXES)) + r")\b"
_E_MAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# What gets blanked: URLs, e-mail addresses, @handles and #hashtags, dotted names ending in a
# domain or file suffix. The e-mail and dotted-name alternatives are only tried where their run
# of characters starts (the look-behinds): tried from every position inside a long run such as
# "4.4.4.4…", each attempt would rescan the rest of the run, quadratic in its length. Inside a
# run they can only succeed where they could from its start, except right after a previous
# match (``#tag-site.com``), which ``_mask_spans`` tries with ``_MASK_CONTINUED``. The one
# difference from trying every position: a dotted name behind two or more hyphens or dots that
# follow no word (`` --site.com``) is not blanked, since a fixed-width look-behind cannot tell
# that from the middle of ``a--site.com``.
_MASK = re.compile(
    r"https?://\S+|www\.\S+|(?<![\w.+-])" + _E_MAIL + r"|[@#][\w.]+"
    r"|(?<!\w)(?<![\w.-]-)(?<![\w-]\.)\b" + _DOTTED_NAME,
    re.IGNORECASE,
)
_MASK_CONTINUED = re.compile(_E_MAIL + r"|\b" + _DOTTED_NAME, re.IGNORECASE)  # anchored use only
_MASK_HINT = fast_start(re.compile(r"://|www\.|[@#]\w|\.(?:" + "|".join(sorted(tables.DOTTED_SUFFIXES)) + r")\b", re.IGNORECASE))
_HAS_CAMEL = re.compile(r"[a-z][A-Z]")
_HAS_DOT_CAPITAL = re.compile(r"[a-z0-9]\.[A-Z]")
# A question or exclamation mark glued to the next sentence's first word ("choose?Together").
_MARK_THEN_CAPITAL = re.compile(r"[a-z][?!][A-Z]")
_NO_SPACE_MARK = fast_start(re.compile(r"(?<![\w.])([A-Za-z][a-z]+)([?!])([A-Z][a-z]+)(?![\w.])"))
_CAMEL = re.compile(r"(?<![\w.])([A-Z][a-z]{2,})([A-Z][a-z]{2,})(?![\w])")
_LOWER_THEN_NAME = fast_start(re.compile(r"(?<![\w.@#/'’-])([a-z]{2,})([A-Z][^\W\d_]{2,})(?![\w'’-])"))
# "word.Word", or a time or a year then the stop ("before 6am.Drivers", "in 2019.The").
_NO_SPACE_STOP = re.compile(r"(?<![\w.])([A-Za-z][a-z]+|\d{1,2}(?:am|pm)|(?:19|20)\d\d)\.([A-Z][a-z]+)(?![\w.])")
# A full stop after a word character, white space, then a lower-case word of two or more letters
# (the whole run of them: no word character follows). The word before the stop is found by
# walking back in code (``_stray_stop_candidates``): a pattern that matched it too would be
# retried from every apostrophe of a long run such as "a'a'a'…", quadratic in its length.
_STRAY_STOP = fast_start(re.compile(r"(?<=[\w’'])\.\s+([a-z]{2,})(?!\w)"))
_STOP_WORD_CHARS = re.compile(r"[\w’']")
_WORD_CHAR = re.compile(r"\w")
_LOOP_WORD = re.compile(r"\w+(?:['’]\w+)*")  # numbers count: "120 degrees, 0 degrees" is no loop
# A word written twice; the first may be capitalised at a sentence start ("The the union").
_DOUBLED = re.compile(r"(?<![\w-])([A-Za-z][a-z]*)(\s+)((?i:\1))(?![\w-])")

KNOWN_WORD_ZIPF = 2.0  # a joined form wordfreq lists this often is a word or a brand
HALF_WORD_ZIPF = 3.0  # each half of a lost-space join is an ordinary English word
COMMON_NAME_WORD_ZIPF = 4.0  # rarer than this, a capitalised word is a name ("Ilse", "Montesano"), not "The" or "Mexican"
GLUED_HALF_ZIPF = 3.5  # each half of two lower-case words run together is a common word ("runners" 3.6)
SHORT_RUN_LETTERS = 8  # a lower-case run shorter than this is read only between English words
JOINED_TYPO_ZIPF = 3.5  # two closed-class words run together that wordfreq lists less often than this are a lost space ("ofthe" 3.3, "into" 6.1)
GLUED_ARTICLE_TYPO_ZIPF = 2.0  # "the", "and" or "of" glued to a common word, listed this rarely ("thejury" 1.05), is a lost space
MIN_GLUED_HALF = 3  # letters, but for a closed-class word ("returnto"): "re" + "opened" is a prefix, not a lost space
_NAME_THEN_TITLE = fast_start(re.compile(r"(?<![\w.@#/'’-])([A-Z][a-z]{2,})(Mr|Mrs|Ms|Dr|Sir|Prof)(?=\.?[ \t]+[A-Z])"))
# Lower-case words long enough to hold two ("toldof", "beeven"), after a space, a bracket or a
# quotation mark (not after a symbol: "₿itcoin").
_LOWER_RUN = re.compile(r"(?:^|(?<=[\s(\[\"“‘]))[a-z]{5,40}(?![\w'’@-])")
GLUED_HEAD_ZIPF = 5.0  # a word glued to a name is a very common one ("in" 7.3, "near" 5.3; not "officials", 4.7)
CONTINUATION_ZIPF = 3.5  # the lower-case word after a stray full stop is a common word
DOUBLED_WORD_ZIPF = 3.0  # typing slips double everyday words
# A date or a time after a doubled particle ("voted in in 2012", "on on Nov. 8", "in in the spring").
_TIME_AFTER = re.compile(
    r"\s+(?:\d{4}\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    r"|(?:the\s+)?(?:morning|afternoon|evening|night|weekend|spring|summer|autumn|fall|winter)\b|(?:early|late|mid)-?\d)"
)
LOOP_REPEATS = 3  # a phrase of two or more words seen this many times in a row is a loop
LOOP_REPEATS_ONE_WORD = 4  # "jobs, jobs, jobs" is rhetoric; a fourth copy is a loop
LOOP_MAX_WORDS = 8
FIGURE_OF_SPEECH_ZIPF = 6.0  # "and", "on", "so": a loop of these alone is rhetoric, not a stuck decoder


@dataclass(frozen=True)
class Artifact:
    code: str
    start: int
    end: int
    message: str
    suggestion: str | None
    info: bool = False  # weaker evidence: reported at info severity


def _masked(text: str) -> str:
    """The text with URLs, addresses, handles and file names blanked (offsets unchanged)."""
    if not _MASK_HINT.search(text):
        return text  # nothing to mask (a cheap test first)
    parts, last = [], 0
    for start, end in _mask_spans(text):
        parts += [text[last:start], " " * (end - start)]
        last = end
    return "".join(parts) + text[last:]


def _mask_spans(text: str) -> Iterator[tuple[int, int]]:
    """The spans ``_MASK`` finds left to right; where one ends inside a run of address
    characters (``#tag-site.com``), an address or file name may start right there."""
    pos = 0
    while pos <= len(text):
        match = pos and _MASK_CONTINUED.match(text, pos) or _MASK.search(text, pos)
        if not match:
            return
        yield match.span()
        pos = match.end() + (match.end() == match.start())


def artifacts(text: str, layout: str | None = None) -> Iterator[Artifact]:
    """The join and punctuation artifacts of ``text``. ``layout``: the file the text was read
    from, at the same offsets, where the text blanks its markup (``quality score`` on Markdown:
    ``**Reuters**,`` reads "  Reuters  ,"); white space that is markup there is none the writer
    typed."""
    masked = _masked(text)
    yield from _lost_spaces(masked)
    yield from _glued_to_names(masked)
    yield from _glued_lower_words(masked)
    yield from _glued_to_titles(masked)
    yield from _glued_after_possessives(masked)
    yield from _glued_to_speech_verbs(masked)
    yield from _missing_spaces(masked)
    yield from _comma_or_colon_joins(masked)
    yield from _stray_stops(masked, text)
    yield from _stops_after_joiners(masked)
    yield from _spaces_before_punctuation(masked, text if layout is None or len(layout) != len(text) else layout)
    yield from _split_words(masked, text)
    yield from _doubled_words(masked)
    yield from _loops(masked)


def _lost_spaces(text: str) -> Iterator[Artifact]:
    if not _HAS_CAMEL.search(text):
        return
    uses: dict[str, int] = {}  # each form's uses in the article, counted once per form
    for match in _CAMEL.finditer(text):
        first, second = match.group(1), match.group(2)
        whole = first + second
        if first.lower() in tables.CAMEL_NAME_PREFIXES or english_zipf(whole) >= KNOWN_WORD_ZIPF:
            continue
        spaced = f"{first} {second}"
        # A lost space is an accident: where the article joins the words more often than it
        # spaces them ("RipGuard" 7 times, "Rip Guard" once), the joined form is the name's.
        for form in (spaced, whole):
            if form not in uses:
                uses[form] = text.count(form)
        if english_zipf(first) < HALF_WORD_ZIPF or english_zipf(second) < HALF_WORD_ZIPF:
            if uses[spaced] and uses[spaced] >= uses[whole]:
                # names, not words, but spaced elsewhere: "chief executive DanielleOkafor said" beside "Danielle Okafor"
                yield Artifact(R.LOST_SPACE.code, match.start(), match.end(), R.LOST_SPACE.message_for(whole=whole, spaced=spaced), spaced)
                continue
            surname = _surname_written_alone(text, match.end())
            if surname and english_zipf(surname) < COMMON_NAME_WORD_ZIPF and english_zipf(first) < HALF_WORD_ZIPF and _given_name_before(text, match.start()):
                # two names of a list run together: "Ilse VanderbekeChiara Montesano ... Montesano"
                message = R.LOST_SPACE.message_for("glued_full_name", whole=whole, name=f"{second} {surname}", surname=surname)
                yield Artifact(R.LOST_SPACE.code, match.start(), match.end(), message, f"{first} {second}")
            elif _first_name_then_surname(first, second):
                # "the chief executive, MarciaBellweather.": a first name run into a surname
                yield Artifact(R.LOST_SPACE.code, match.start(), match.end(), R.LOST_SPACE.message_for("first_name", whole=whole, first=first), spaced)
            continue
        if uses[spaced] and uses[spaced] >= uses[whole]:
            message = R.LOST_SPACE.message_for(whole=whole, spaced=spaced)
            yield Artifact(R.LOST_SPACE.code, match.start(), match.end(), message, spaced)
        else:  # could be a camel-case brand that wordfreq does not know
            message = R.LOST_SPACE.message_for("brand", whole=whole)
            yield Artifact(R.LOST_SPACE.code, match.start(), match.end(), message, spaced, info=True)


def _first_name_then_surname(first: str, second: str) -> bool:
    """A first name of four letters or more that the table of names knows and that is no
    common word or place ("Detroit", "Jordan"), then a rare word that is no first name itself
    ("Marcia" + "Bellweather"; not "Mary" + "Ann", one name)."""
    return (
        len(first) >= 4 and given_name_gender(first) is not None and english_zipf(first) < COMMON_NAME_WORD_ZIPF
        and english_zipf(second) < HALF_WORD_ZIPF and given_name_gender(second) is None
    )  # fmt: skip


def _glued_to_names(text: str) -> Iterator[Artifact]:
    """A common lower-case word glued to the capitalised name after it ("officials inBrasília",
    "talks ofGeneva"), where the article writes the name on its own elsewhere, or a closed-class
    word glued to a name of several capitalised words ("engineers fromCarrow Structural"): a lost
    space, as in two capitalised words, but with no spaced form of the pair to compare. A
    one-letter head ("iPad", "eBay"), a name particle ("deGrom") or a single capitalised word the
    article never writes alone (code, "setTimeout") is left alone."""
    if not _HAS_CAMEL.search(text):
        return  # no lower-case letter before a capital: nothing glued (most articles)
    for match in _LOWER_THEN_NAME.finditer(text):
        head, name = match.group(1), match.group(2)
        if head in tables.CAMEL_NAME_PREFIXES or english_zipf(head) < HALF_WORD_ZIPF or not name[1:].islower():
            continue
        if _written_alone(text, name) and english_zipf(head) >= GLUED_HEAD_ZIPF:
            message = R.LOST_SPACE.message_for("glued", whole=head + name, name=name)
        elif (surname := _surname_written_alone(text, match.end())) is not None:
            message = R.LOST_SPACE.message_for("glued_full_name", whole=head + name, name=f"{name} {surname}", surname=surname)
        elif (head in tables.CLOSED_CLASS_WORDS or given_name_gender(name) is not None) and (following := _NEXT_NAME_WORD.match(text, match.end())):
            # a name of several words after a closed-class word ("engineers fromCarrow Structural
            # found") or a first name and a surname after any word ("chief executiveAlan Petrov"):
            # code writes one identifier ("setTimeout", "the forEach loop"), not a run of names
            message = R.LOST_SPACE.message_for("glued_name_run", whole=head + name, head=head, name=f"{name} {following.group(1)}")
        else:
            continue
        yield Artifact(R.LOST_SPACE.code, match.start(), match.end(), message, f"{head} {name}")


def _glued_to_speech_verbs(text: str) -> Iterator[Artifact]:
    """A name run into the verb of saying after it ("chief executive Annegret Köhlersaid the
    site ...", "Speaking from Grenoble, Marchettisaid she would ..."): a capitalised word, then
    "said", "says", "told" or "added", then a word that opens the reported clause ("the",
    "that", "she"). The whole is no English word; a name that ends in those letters ("Farid
    Boussaid warned") is followed by its own verb, not by the clause."""
    if not _GLUED_SPEECH_VERB.search(text):
        return  # no lower-case letter right before "said", "says", "told" or "added" (most articles)
    for match in _NAME_THEN_SPEECH_VERB.finditer(text):
        name, verb = match.group(1), match.group(2)
        if english_zipf(name + verb) > 0 or match.group(3) not in _CLAUSE_OPENERS:
            continue
        message = R.LOST_SPACE.message_for("glued_verb", whole=name + verb, name=name, verb=verb)
        yield Artifact(R.LOST_SPACE.code, match.start(1), match.end(2), message, f"{name} {verb}")


_SPEECH_VERB_TAILS = ("said", "says", "told", "added")
_GLUED_SPEECH_VERB = fast_start(re.compile(r"[a-z](?:said|says|told|added)[ \t]"))
_CLAUSE_OPENERS = frozenset("that the a an he she it they we there this these his her its their".split())
_NAME_THEN_SPEECH_VERB = fast_start(
    re.compile(
        r"(?<![\w'’-])([A-Z][^\W\d_A-Z]{2,30})(" + "|".join(_SPEECH_VERB_TAILS) + r")[ \t]+([a-z]+)"
    )
)


def _written_alone(text: str, name: str) -> bool:
    """Whether the article writes ``name`` as a word of its own somewhere (not glued, not in an
    address)."""
    return re.search(rf"(?<![\w.@#/-]){re.escape(name)}(?!\w)", text) is not None


_NEXT_NAME_WORD = re.compile(r"[ \t]+([A-Z][^\W\d_A-Z]{2,}(?:-[A-Z][^\W\d_A-Z]{2,})?)\b")  # a surname (hyphenated too), not a camel-case product ("CoolSpine")


_NAME_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][^\W\d_A-Z]{1,30})[ \t]+$")


def _given_name_before(text: str, start: int) -> bool:
    """Whether a rare capitalised word stands right before ``start`` ("Ilse" in "Ilse
    VanderbekeChiara Montesano"): the joined word ends one full name and opens the next. A
    product's maker or article ("The ThermaFlux Pro") is no given name."""
    found = _NAME_WORD_BEFORE.search(text, max(0, start - 32), start)
    return found is not None and english_zipf(found.group(1)) < COMMON_NAME_WORD_ZIPF


def _surname_written_alone(text: str, end: int) -> str | None:
    """A later word of the full name the glued name opens (the next one or the one after it),
    when the article writes it again elsewhere ("according toFolake Adeyemi ... Adeyemi said",
    "team leaderAna Lucía Quispe-Ferreira ... Quispe-Ferreira said"): the article names the
    person, so the glued word is a name, not code. None otherwise."""
    for place in range(MAX_NAME_WORDS_AFTER):
        following = _NEXT_NAME_WORD.match(text, end)
        if following is None:
            return None
        word = following.group(1)
        if text.count(word) >= 2 and (place == 0 or english_zipf(word) < COMMON_NAME_WORD_ZIPF):
            return word  # (further on, a rare word: "teamLab Supernatural Space" is no person's name)
        end = following.end()
    return None


MAX_NAME_WORDS_AFTER = 2  # "Ana Lucía Quispe-Ferreira": the surname may be the second word after the glued one


# A possessive run into the capitalised word after it ("the county'sFinance Committee").
_POSSESSIVE_CAPITAL = re.compile(r"['’]s[A-Z]")
_POSSESSIVE_THEN_CAPITAL = fast_start(re.compile(r"(?<![\w'’-])([^\W\d_]+['’]s)([A-Z][^\W\d_A-Z]{2,})(?![\w'’-])"))


def _glued_after_possessives(text: str) -> Iterator[Artifact]:
    """A possessive glued to the word after it: no name or word of English ends in "'s" and
    goes on with a capital."""
    if not _POSSESSIVE_CAPITAL.search(text):
        return  # no "'s" right before a capital (most articles)
    for match in _POSSESSIVE_THEN_CAPITAL.finditer(text):
        owner, name = match.group(1), match.group(2)
        message = R.LOST_SPACE.message_for("possessive", whole=owner + name, owner=owner)
        yield Artifact(R.LOST_SPACE.code, match.start(), match.end(), message, f"{owner} {name}")


def _glued_to_titles(text: str) -> Iterator[Artifact]:
    """A name run into the title that opens the next name ("Mrs Justice Adaeze OkonkwoMr Justice
    Simon Hale"): a list of names whose separator ("and", a comma) was lost."""
    for match in _NAME_THEN_TITLE.finditer(text):
        name, title = match.group(1), match.group(2)
        message = R.LOST_SPACE.message_for("title", whole=name + title, name=name, title=title)
        yield Artifact(R.LOST_SPACE.code, match.start(), match.end(), message, f"{name} {title}")


def _glued_lower_words(text: str) -> Iterator[Artifact]:
    """Two lower-case words run together ("runnersreached", "saidthe"): a word English does not
    know that splits in exactly one way into two common words (``GLUED_HALF_ZIPF``, three
    letters or more: a prefix such as "re" makes no half). English writes new compounds solid
    ("earhooks", "multidecade", "overdrew", "hyperpersonalized"), so the split must also cross a
    phrase, not make a compound: the first half carries an inflection ("runners", "reached",
    "moving"), which the first part of a compound does not, a half is a closed-class word
    ("saidthe", "andthe"), which never compounds, or a number or a quantifier ("nextthree",
    "severalmonths"). Two closed-class words run together are read even where wordfreq lists the
    join as a web typo ("hasbeen", "ofthe")."""
    unknown = {run for run in set(_LOWER_RUN.findall(text)) if _not_a_word(run)}
    if not unknown:
        return  # every lower-case word is one wordfreq knows (most articles), each asked once
    for match in _LOWER_RUN.finditer(text):
        whole = match.group()
        if whole not in unknown:
            continue
        if len(whole) < SHORT_RUN_LETTERS and not _between_english_words(text, match.start(), match.end()):
            continue  # a short foreign word splits into English ones by chance ("orada": "or ada")
        if _SIGNATURE.match(text, match.end()) and (match.start() == 0 or text[match.start() - 1] == "\n"):
            continue  # a commenter's name over the comment ("bobmillion says:"), written as they chose
        splits = [
            (whole[:i], whole[i:])
            for i in range(2, len(whole) - 1)
            if _glued_half(whole[:i]) and _glued_half(whole[i:])
        ]
        split = _clearest(splits)
        if split is not None and _crosses_phrase(*split):
            first, second = split
            message = R.LOST_SPACE.message_for("lower", whole=whole, spaced=f"{first} {second}")
            yield Artifact(R.LOST_SPACE.code, match.start(), match.end(), message, f"{first} {second}")


_SIGNATURE = re.compile(r"[ \t]+(?:says|said|wrote|writes|replied|replies):?[ \t]*(?:\n|$)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\w\n]*$")
_WORD_AFTER = re.compile(r"[^\w\n]*([^\W\d_]+)")


def _not_a_word(run: str) -> bool:
    """Whether a lower-case run is no English word: unknown to wordfreq, or a join it lists only
    as a web typo (two closed-class words, or "the", "and", "of" before a common word)."""
    zipf = english_zipf(run)
    return zipf == 0 or (zipf < JOINED_TYPO_ZIPF and _closed_pair(run)) or (zipf < GLUED_ARTICLE_TYPO_ZIPF and _glued_to_article(run))


def _closed_pair(run: str) -> bool:
    """Whether the run is two closed-class words ("hasbeen", "ofthe"): wordfreq lists some such
    joins, typed often enough on the web, but below :data:`JOINED_TYPO_ZIPF`; the words made of
    two ("into", "within", "onto") are far more common."""
    return any(run[:i] in tables.CLOSED_CLASS_WORDS and run[i:] in tables.CLOSED_CLASS_WORDS for i in range(2, len(run) - 1))


CLEAR_SPLIT_MARGIN = 1.0  # Zipf by which one reading's rarer half beats every other reading's


def _clearest(splits: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The one way a run splits into two words, or, of several, the one whose rarer half is
    more common by :data:`CLEAR_SPLIT_MARGIN` than any other's ("mostlyon": "mostly on", not
    "most lyon"); None when no reading stands out."""
    if len(splits) <= 1:
        return splits[0] if splits else None
    rarer_half = {pair: min(english_zipf(pair[0]), english_zipf(pair[1])) for pair in splits}
    best, runner_up = sorted(splits, key=rarer_half.__getitem__, reverse=True)[:2]
    return best if rarer_half[best] - rarer_half[runner_up] >= CLEAR_SPLIT_MARGIN else None


def _glued_to_article(run: str) -> bool:
    """Whether the run is "the", "and" or "of" before a common word ("thejury"): typed often
    enough on the web that wordfreq lists it, rarely (English words that begin so, "theme",
    "often", are common)."""
    return any(run.startswith(head) and _glued_half(run[len(head) :]) for head in ("the", "and", "of"))


def _between_english_words(text: str, start: int, end: int) -> bool:
    """Whether the words either side on the line (where there are any) are English or names: a
    lost space joins two words of English text, while a foreign phrase ("Bu kayalar yıllardır
    orada") holds short words that split into English ones by chance ("or ada"). (A tag line's
    long runs, "breakfastcanningeasy recipesfruit", are glued on both sides and still read.)"""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    after = _WORD_AFTER.match(text, end)
    return all(
        found is None or found.group(1)[0].isupper() or english_zipf(found.group(1)) > 0
        for found in (before, after)
    )  # fmt: skip


def _glued_half(word: str) -> bool:
    """A common word of three letters or more, or a closed-class word of two ("to", "of")."""
    return english_zipf(word) >= GLUED_HALF_ZIPF and (len(word) >= MIN_GLUED_HALF or word in tables.CLOSED_CLASS_WORDS)


def _crosses_phrase(first: str, second: str) -> bool:
    """Whether two halves read as two words of a phrase rather than as a compound's parts."""
    if second in ("long", "wide"):
        return False  # "yearslong", "countywide": adjectives English writes solid after a plural or a place
    inflected = len(first) >= 4 and (first.endswith(("ed", "ing")) or (first.endswith("s") and not first.endswith(("ss", "us", "is"))))
    closed = first in tables.CLOSED_CLASS_WORDS or second in tables.CLOSED_CLASS_WORDS
    # (a number of three letters ends words of other languages by chance: "beachten" is German)
    number_after = second in _NUMBER_WORDS and len(second) > 3
    return inflected or closed or first in _QUANTIFIERS or first in _NUMBER_WORDS or number_after


# Words that begin a noun phrase and begin no compound English writes solid ("nextthree",
# "severalmonths", "threeyears"; the solid ones, "twofold", "everyday", are words wordfreq knows).
_QUANTIFIERS = frozenset("several many most few more less next last other another".split())
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred thousand million billion".split()
)


# A comma with no space before a lower-case word ("to Westmoor,where they", "a serial
# liar,rampant xenophobe"): one comma between two words, not a tag list ("easy,recipes,fruit")
# or a number ("1,000").
_NO_SPACE_COMMA_OR_COLON = re.compile(r"(?<![\w.,:@/#-])([A-Za-z][a-z]+)([,:])([a-z]{2,})(?![\w,:@/.-])")
COMMA_LEFT_ZIPF = 2.0  # the word before the comma is an English word (or a name)
_COMMA_OR_COLON_BEFORE_LETTER = re.compile(r"[a-z][,:][a-z]")
# Words before a colon that make it a label or a style, not prose ("Filed to:innovation",
# "display:none" in a page's leftover markup)
_COLON_LABELS = frozenset(
    "display color colour background margin padding font width height border position top left right "
    "bottom float opacity overflow visibility cursor align text filed tags tag topics topic category "
    "categories re fwd cc bcc subject mailto tel javascript".split()
)
_MARKUP_BEFORE = frozenset("\"'=;")  # an attribute's value or a style's next declaration starts here


def _comma_or_colon_joins(text: str) -> Iterator[Artifact]:
    """A comma or a colon glued to the next word ("Westmoor,where", "they wanted:lower prices"):
    the word after it a common English word (``HALF_WORD_ZIPF``), the one before an English word
    or a name, and, before a colon, no label or style ("Filed to:innovation", "display:none")."""
    if not _COMMA_OR_COLON_BEFORE_LETTER.search(text):
        return  # every comma is followed by a space or a figure (most articles)
    for match in _NO_SPACE_COMMA_OR_COLON.finditer(text):
        left, mark, right = match.groups()
        if english_zipf(right) < HALF_WORD_ZIPF or not (left[0].isupper() or english_zipf(left) >= COMMA_LEFT_ZIPF):
            continue
        if mark == ":" and (left.lower() in _COLON_LABELS or left.lower() in tables.CLOSED_CLASS_WORDS or text[match.start() - 1 : match.start()] in _MARKUP_BEFORE):
            continue  # "Filed to:innovation", 'style="display:none"': a label or a style
        yield Artifact(
            R.MISSING_SPACE.code, match.start(), match.end(),
            R.MISSING_SPACE.message_for("comma" if mark == "," else "colon", joined=match.group()), f"{left}{mark} {right}",
        )  # fmt: skip


def _missing_spaces(text: str) -> Iterator[Artifact]:
    if _MARK_THEN_CAPITAL.search(text):  # a question or exclamation mark glued to the next sentence (rare)
        for match in _NO_SPACE_MARK.finditer(text):
            word, mark, after = match.groups()
            message = R.MISSING_SPACE.message_for("mark", mark=mark, joined=match.group())
            yield Artifact(R.MISSING_SPACE.code, match.start(), match.end(), message, f"{word}{mark} {after}")
    if not _HAS_DOT_CAPITAL.search(text):
        return
    for match in _NO_SPACE_STOP.finditer(text):
        left, right = match.group(1), match.group(2)
        if left.lower() in tables.ABBREVIATIONS or right.lower() in tables.DOTTED_SUFFIXES:
            continue
        if left[0].isdigit():
            if english_zipf(right) < HALF_WORD_ZIPF:
                continue  # a time or a year, then a name or a code ("2019.Q3"): not a sentence's first word
        else:
            name_after = left.islower() and english_zipf(left) >= HALF_WORD_ZIPF and _written_alone(text, right)
            if not name_after and (english_zipf(left) < KNOWN_WORD_ZIPF or english_zipf(right) < KNOWN_WORD_ZIPF):
                continue  # not two words: a code, a product name (but "rolled back.Corvane", a name the article writes alone)
        yield Artifact(
            R.MISSING_SPACE.code, match.start(), match.end(),
            R.MISSING_SPACE.message_for(joined=match.group()), f"{left}. {right}",
        )  # fmt: skip


@dataclass(frozen=True)
class _StopCandidate:
    start: int  # where the word before the full stop starts
    stop: int  # the full stop
    end: int  # the end of the lower-case word after it
    before: str
    after: str


def _stray_stop_candidates(text: str) -> Iterator[_StopCandidate]:
    """Each ``word. continuation`` in ``text``, left to right and not overlapping.

    The word before the stop starts with an ASCII letter, holds word characters and apostrophes,
    and is not preceded by a word character or a full stop; where several starts qualify (after
    an apostrophe: ``'tis``) the leftmost wins. Walking back costs the length of the run before
    the stop, and every run ends at one stop at most: linear in the text.
    """
    taken = 0  # candidates do not overlap: a word cannot start inside the previous one
    for match in _STRAY_STOP.finditer(text):
        stop = match.start()
        run = stop
        while run > taken and _STOP_WORD_CHARS.match(text, run - 1):
            run -= 1
        start = next((i for i in range(run, stop) if _may_start_word(text, i)), None)
        if start is None:
            continue
        taken = match.end()
        yield _StopCandidate(start, stop, match.end(), text[start:stop], match.group(1))


def _may_start_word(text: str, i: int) -> bool:
    """An ASCII letter not preceded by a word character or a full stop."""
    if not ("a" <= text[i] <= "z" or "A" <= text[i] <= "Z"):
        return False
    return i == 0 or not (text[i - 1] == "." or _WORD_CHAR.match(text, i - 1))


# A quantity just before a word: the word is its unit, and a unit's full stop marks an
# abbreviation ("1 tsp. soy sauce", "8 oz. water", "2 Tbsp. pumpkin seeds", "½ in. thick").
_QUANTITY_BEFORE = re.compile(r"(?:\d|[½⅓⅔¼¾⅕⅛])[\s-]?$")
MAX_UNIT_LETTERS = 4  # "Tbsp"; "212 passengers. were" is a count and a noun, not a unit
MAX_NAME_PART_LETTERS = 4  # "Ave", "Blvd", "Corp" after a name; "the Japanese. striker" is a word cut off
_ONE_WORD_END = fast_start(re.compile(r"(?:['’]\w+)?\."))  # "meth." or "we’re." ends a one-word sentence


def _is_abbreviation_or_fragment(text: str, found: _StopCandidate) -> bool:
    """The full stop is not a sentence cut in two: it ends an abbreviation (a known one, an
    initial, a unit after a quantity, a short last part of a name), or it sits in a run of
    one-word sentences written for effect ("on. meth. dot. com."). A word left alone after a
    sentence ("... themselves. wait.") is no such run: it is what machine translation leaves
    behind."""
    before = found.before
    if before.lower().rstrip("’'") in tables.ABBREVIATIONS or len(before) == 1:
        return True  # "approx. during", initials
    if text[found.start - 1 : found.start] == "." or "." in before:
        return True
    if len(before) <= MAX_UNIT_LETTERS and _QUANTITY_BEFORE.search(text, max(0, found.start - 3), found.start):
        return True
    if len(before) <= MAX_NAME_PART_LETTERS and before[0].isupper() and _NAME_WORD_BEFORE.search(text, max(0, found.start - 32), found.start):
        return True  # a name's short last part: "Seaview Ave. later", "Acme Corp. said", "Oak Rd. and"
    if _written_with_stop(text, before):
        return True
    word_start = found.start  # the whole word, "we’re" and not its tail "re"
    while word_start > 0 and _STOP_WORD_CHARS.match(text, word_start - 1):
        word_start -= 1
    one_word_before = _opens_sentence(text, word_start)
    one_word_after = _ONE_WORD_END.match(text, found.end) is not None
    return one_word_before and one_word_after


NAME_WITH_STOP_USES = 3  # a word written with a full stop this often, and never without, is a name


def _written_with_stop(text: str, word: str) -> bool:
    """The article writes ``word`` with a full stop every time, at least
    :data:`NAME_WITH_STOP_USES` times: a name that carries its stop (Volkswagen's "ID. models",
    "the ID. SPACE VIZZION"), not a sentence cut after it, which leaves the word bare elsewhere or
    happens once."""
    uses = re.findall(rf"(?<![\w.]){re.escape(word)}(?!\w)(.?)", text)
    return len(uses) >= NAME_WITH_STOP_USES and all(after == "." for after in uses)


def _opens_sentence(text: str, index: int) -> bool:
    """The text before ``index`` is nothing, a line break, or a sentence end and a space."""
    before = index
    while before > 0 and text[before - 1].isspace():
        before -= 1
        if text[before] == "\n":
            return True
    return before == 0 or (before < index and text[before - 1] in ".!?…")


def _stray_stops(text: str, original: str) -> Iterator[Artifact]:
    for found in _stray_stop_candidates(text):
        before, after = found.before, found.after
        if not original[found.stop + 1 : found.stop + 2].isspace():
            continue  # the gap is a masked handle or address, not white space
        if _is_abbreviation_or_fragment(text, found):
            continue
        if english_zipf(after) < CONTINUATION_ZIPF or english_zipf(before) < KNOWN_WORD_ZIPF:
            continue
        yield Artifact(
            R.STRAY_STOP.code, found.start, found.end,
            R.STRAY_STOP.message_for(joined=text[found.start : found.end]),
            f"{before} {after}",
        )  # fmt: skip


# A full stop right after a word no English sentence ends with ("between March and. October",
# "the. Council"): the stop cuts the sentence whatever case the next word has ("sort of.",
# "something in between." do end sentences).
_STOP_AFTER_JOINER = fast_start(re.compile(r"(?<![\w'’.-])(and|or|nor|the)\.[ \t]+([^\W\d_][\w'’-]*)"))


def _stops_after_joiners(text: str) -> Iterator[Artifact]:
    for match in _STOP_AFTER_JOINER.finditer(text):
        before, after = match.group(1), match.group(2)
        yield Artifact(
            R.STRAY_STOP.code, match.start(), match.end(),
            R.STRAY_STOP.message_for(joined=match.group()), f"{before} {after}",
        )  # fmt: skip


# White space, then a comma, a semicolon, a question or an exclamation mark, and a word ("(CPV)
# , is", "firefighters ,who", "the plan ; critics"). Not a full stop: " .DJI" is a ticker, and
# "set to . You" a template's empty slot, not a space too many. Only the first character of the
# white space may start a match (the look-behind), so a long run of spaces is scanned once.
_SPACE_BEFORE_MARK = re.compile(r"(?<!\s)[ \t]+[,;?!](?=[ \t]*[^\W\d_])")
# One space, then the full stop, question or exclamation mark that ends the paragraph or the
# quotation ("did not open on Sundays .", '"Where else would we go ?" she wrote'); a longer gap
# is an emptied slot ("email the author at          .").
_SPACE_BEFORE_LAST_STOP = re.compile(r"(?<=[^\W_)\]’”\"'])[ ][.?!](?=[\"”’']?[ \t]*(?:\n|$)|[\"”’'][ \t]+[a-z])")
_MARK_AFTER_SPACE = re.compile(r"[ \t][,;?!.]")
_ENDS_WORD = re.compile(r"[^\W_]|[)\]’”\"']")  # a word, or a closing bracket or quotation mark
_TOKEN_BEFORE = re.compile(r"\S{1,40}$")
_TOKEN_AFTER = re.compile(r"[ \t]*[^\W\d_][\w’'-]*")


def _spaces_before_punctuation(text: str, original: str) -> Iterator[Artifact]:
    """White space between a word and the punctuation mark after it, with a word after the
    mark, or one space before the mark that ends a paragraph or a quotation (module docstring).
    Reported at info severity: the text still reads as it should. ``text`` is masked,
    ``original`` not: a blanked address or hashtag before a comma ("by #CollectiveBias, Inc") is
    no white space."""
    if not _MARK_AFTER_SPACE.search(text):
        return  # no space before a mark (most articles)
    for match in sorted((*_SPACE_BEFORE_MARK.finditer(text), *_SPACE_BEFORE_LAST_STOP.finditer(text)), key=lambda m: m.start()):
        start, mark_end = match.start(), match.end()
        if start == 0 or not _ENDS_WORD.match(text, start - 1) or not original[start : mark_end - 1].isspace():
            continue
        before = _TOKEN_BEFORE.search(text, max(0, start - 40), start)
        if before is None:
            continue
        # a mark inside the sentence has a word after it (its pattern's look-ahead); one ending a
        # paragraph or a quotation has none
        after = _TOKEN_AFTER.match(text, mark_end) if match.re is _SPACE_BEFORE_MARK else None
        mark = text[mark_end - 1]
        end = after.end() if after else mark_end
        joined = text[before.start() : end]
        suggestion = f"{before.group()}{mark}" + (f" {after.group().lstrip()}" if after else "")
        message = R.SPACE_BEFORE_PUNCTUATION.message_for(mark=mark, joined=joined)
        yield Artifact(R.SPACE_BEFORE_PUNCTUATION.code, before.start(), end, message, suggestion, info=True)


SPLIT_PIECE_ZIPF = 2.5  # a piece rarer than this is no word of its own ("reser" 1.7, "vation" 1.0)
SPLIT_WHOLE_ZIPF = 3.0  # the word rejoined is a common one ("reservation" 3.95)
SPLIT_MARGIN = 1.5  # and far more common than its rarer piece


def _split_words(text: str, original: str) -> Iterator[Artifact]:
    """A common word cut in two by a space ("reser vation", "m oon"): one piece is a lower-case
    word rarer than ``SPLIT_PIECE_ZIPF`` (no word of its own), and the two joined make a word at
    least ``SPLIT_WHOLE_ZIPF`` common. Two real words that also make one ("any more", "every
    day") are left alone. On the native English of benchmarks/false_alarms.py (339 articles)
    the only such pair is a true one. Only the rare pieces' neighbours are read; the pieces are
    taken from the article's lower-case words (``original``: the text before masking), which
    the untranslated-text finder has read already."""
    rare = sorted(word for word in distinct_lower_words(original) if word.isascii() and word.islower() and english_zipf(word) < SPLIT_PIECE_ZIPF)
    if not rare:
        return  # every lower-case word is a common one: no piece of a split word (most articles)
    pieces = re.compile(r"(?<![\w'’-])(?:" + "|".join(rare) + r")(?![\w'’-])")
    found: dict[int, tuple[int, str]] = {}  # start -> (end, word joined), each pair once
    for piece in pieces.finditer(text):
        before = _PIECE_BEFORE.search(text, max(0, piece.start() - 40), piece.start())
        if before is not None:
            found.setdefault(before.start(1), (piece.end(), before.group(1) + piece.group()))
        after = _PIECE_AFTER.match(text, piece.end())
        if after is not None:
            found.setdefault(piece.start(), (after.end(), piece.group() + after.group(1)))
    for start, (end, whole_word) in sorted(found.items()):
        first, second = text[start:end].split(" ")
        whole, piece_zipf = english_zipf(whole_word), min(english_zipf(first), english_zipf(second))
        if whole >= SPLIT_WHOLE_ZIPF and whole - piece_zipf >= SPLIT_MARGIN:
            message = R.SPLIT_WORD.message_for(split=text[start:end], whole=whole_word)
            yield Artifact(R.SPLIT_WORD.code, start, end, message, whole_word)


_PIECE_BEFORE = re.compile(r"(?<![\w'’.-])([A-Za-z][a-z]*) $")  # the word before a rare piece, one space between
_PIECE_AFTER = re.compile(r" ([a-z]+)(?![\w'’-])")  # the lower-case word after it


def _doubled_words(text: str) -> Iterator[Artifact]:
    for match in _DOUBLED.finditer(text):
        word = match.group(3)
        if not word.islower():
            continue  # "Bora Bora", "the The Hague office": names, not a slip
        if word in tables.LEGITIMATE_DOUBLES or match.group(2) not in (" ", "\u00a0"):
            continue  # a line break or a wider gap: a dash or a tag between them was lost
        if word in tables.PARTICLE_PREPOSITIONS and _TIME_AFTER.match(text, match.end()):
            continue  # a phrasal verb's particle, then a preposition of time
        if english_zipf(word) < DOUBLED_WORD_ZIPF:
            continue  # rare doubles are reduplicated names ("ylang ylang"), not slips
        if _in_loop(text, match.start(), match.end()):
            continue  # reported as a loop
        yield Artifact(R.DOUBLED_WORD.code, match.start(), match.end(), R.DOUBLED_WORD.message_for(word=word), match.group(1))


def _in_loop(text: str, start: int, end: int) -> bool:
    return bool(re.match(r"\b(\w+)\W+\1\W+\1\b", text[start : end + 40]))


def _loops(text: str) -> Iterator[Artifact]:
    lowered = list(map(str.lower, _LOOP_WORD.findall(text)))
    matches: list[re.Match[str]] = []  # the words' positions, found only if a loop may exist
    reported: list[tuple[int, int]] = []
    quoted: list[Sequence[tuple[int, int]]] = []  # the quotations, found once if a loop may be speech
    for size in range(1, LOOP_MAX_WORDS + 1):
        needed = LOOP_REPEATS if size > 1 else LOOP_REPEATS_ONE_WORD
        # r copies of a size-word phrase starting at i show as a run of (r-1)*size positions
        # where each word equals the word ``size`` places later: flag those positions in bytes
        # and let C-level searches find the runs long enough for a loop.
        same = bytes(map(eq, lowered, lowered[size:]))
        long_enough = _TRUE * ((needed - 1) * size)
        i = same.find(long_enough)
        while i >= 0:
            j = same.find(_FALSE, i)
            j = len(same) if j < 0 else j
            matches = matches or list(_LOOP_WORD.finditer(text))
            repeats = (j - i) // size + 1
            last = i + repeats * size - 1
            clear = not any(a <= last and i <= b for a, b in reported)
            one_line = "\n" not in text[matches[i].start() : matches[last].end()]
            words = lowered[i : i + size]
            data = all(word.isdigit() for word in words)  # "0 0 0 0" in a standings row: figures, not words
            # "and on and on and on", "over and over and over": the commonest words joined by "and" or
            # "or" are a figure of speech; "of the of the of the" is a stuck decoder
            figure = size > 1 and ("and" in words or "or" in words) and all(english_zipf(word) >= FIGURE_OF_SPEECH_ZIPF for word in words)
            if clear and one_line and not data and not figure and _speech_words(words):
                quoted = quoted or [quote_regions(text)]
                figure = inside_quotation(quoted[0], matches[i].start())
            if clear and one_line and not data and not figure and (size > 1 or _tight(text, matches, i, repeats)):
                reported.append((i, last))
                phrase = " ".join(m.group() for m in matches[i : i + size])
                yield Artifact(
                    R.REPETITION_LOOP.code, matches[i].start(), matches[last].end(),
                    R.REPETITION_LOOP.message_for(phrase=phrase, repeats=repeats), None,
                )  # fmt: skip
            i = same.find(long_enough, j)


_TRUE, _FALSE = bytes([True]), bytes([False])


def _speech_words(words: list[str]) -> bool:
    """Whether a repeated phrase is one speech makes, when it is quoted: each copy joined by
    "and" or "or" ("and lie and lie and lie") or one common word ("No, no, no, no", "very, very")."""
    return "and" in words or "or" in words or (len(words) == 1 and english_zipf(words[0]) >= FIGURE_OF_SPEECH_ZIPF)


def _tight(text: str, words: list, i: int, repeats: int) -> bool:
    """A one-word loop counts when only spaces and commas separate the copies (``Bern, Bern,
    Bern``); ``No. No. No.`` in a quotation is emphasis, not a loop."""
    between = text[words[i].end() : words[i + repeats - 1].start()]
    return not re.search(r"[.!?\"“”]", between)
