"""Machine-translated phrasing that English grammar or usage rules out.

No source text is available, so the rules look for constructions English does not produce,
each the trace of a typical translation slip:

* **Lost negation** (TRN004). ``any`` as the object of a plain affirmative verb ("Beijing gave
  any details") needs a licenser in English: a negation, a negative verb (``deny``, ``avoid``,
  ``omit``), a question or condition, a comparison, a modal (free-choice ``any``). When none is
  in the clause, the translation most likely dropped a negative (the source said "omitted any
  mention" or "did not give any details"). After a verb whose object is a clause ("analysts
  said any gains are short-lived"), "any" opens that clause: free choice, nothing lost.
* **Non-speaker as speaker** (TRN005). A statement attributed to something that cannot speak:
  an activity standing for the institution that performs it (a Romance-language metonym:
  "the statement from Russian diplomacy", "Spanish justice ruled"), or a possessed noun that is
  no text ("China's playback of the summit said" where English writes "readout").
  Document and speaker nouns come from a table; person nouns are also recognised by suffix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from quality.detectors.translation import _tables as tables
from quality.detectors.translation import rules as R
from quality.detectors.translation.text import CLAUSE_BREAK, Token, clause_start, english_zipf, lines, sentences, tokens
from quality.fast_start import fast_start

_ADVERBS = frozenset("also even ever still yet already just never only really actually reportedly allegedly".split())
_STOP_SUBJECT = frozenset(
    "of between in from on at with for to by about over under after before during who which that "
    "whose where when as and or than".split()
)
_PERSON_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "man", "men", "woman", "women",
                    "person", "people", "ant", "ants", "ent", "ents", "ee", "ees", "eer", "eers", "ive",
                    "ives", "ary", "aries", "al", "als")  # fmt: skip
_SPEECH = fast_start(re.compile(r"\b(?:" + "|".join(sorted(tables.SPEECH_VERBS)) + r")\b"))
_CONTRACTIONS = frozenset("it's that's he's she's what's there's here's who's let's where's how's".split())
_MODALS = frozenset("can could may might will would should must shall".split())
_FINITE_AUXILIARIES = _MODALS | frozenset("is are was were be been has have had".split())
_POSSESSIVE = re.compile(r"['’]s$|s['’]$")


@dataclass(frozen=True)
class Phrase:
    code: str
    start: int
    end: int
    message: str
    info: bool = False


def phrasing(text: str) -> Iterator[Phrase]:
    for para in lines(text):
        lowered = para.text.lower()
        # Cheap tests first: most paragraphs have no "any", no field noun, no possessive.
        any_here = "any " in lowered
        metonym_here = any(noun in lowered for noun in tables.METONYM_FIELD_NOUNS)
        possessive_here = ("'s " in lowered or "’s " in lowered) and _SPEECH.search(lowered) is not None
        if not (any_here or metonym_here or possessive_here):
            continue
        for sentence in sentences(text, para.start, para.end):
            words = tokens(text, sentence.start, sentence.end)
            if any_here:
                yield from _lost_negation(text, sentence.text, words)
            if metonym_here:
                yield from _metonym_agents(text, words)
            if possessive_here and _SPEECH.search(sentence.text):
                yield from _possessed_non_speaker(text, words)


# --------------------------------------------------------------------------- lost negation


def _lost_negation(text: str, sentence: str, words: list[Token]) -> Iterator[Phrase]:
    if sentence.rstrip("”\"' ").endswith("?"):
        return
    lowered = [w.lower for w in words]
    for i, word in enumerate(lowered):
        if word != "any" or i == 0 or i + 1 >= len(words):
            continue
        if lowered[i + 1] in tables.ANY_FIXED_AFTER:
            continue
        j = i - 1
        while j >= 0 and lowered[j] in _ADVERBS:
            j -= 1
        if j < 0 or not _finite_past(lowered[j]) or lowered[j] in tables.CLAUSE_VERBS:
            continue  # no past verb before it, or one whose object is a clause that "any" opens
        if CLAUSE_BREAK.search(text, words[j].end, words[i].start):
            continue  # 'said: "Any change ...': a quotation opens, not the verb's object
        before = lowered[clause_start(text, words, j) : i]
        if any(w in tables.ANY_LICENSERS or w.endswith(("n't", "n’t")) for w in before):  # either apostrophe
            continue
        if any(w in _MODALS for w in lowered[i + 1 : i + 6]):
            continue  # "any attack would ...": free-choice any with a modal
        verb, noun = words[j], words[i + 1]
        yield Phrase(
            R.LOST_NEGATION.code, verb.start, noun.end,
            R.LOST_NEGATION.message_for(verb=verb.text, noun=noun.text),
        )  # fmt: skip


def _finite_past(word: str) -> bool:
    return word in tables.IRREGULAR_PAST or (len(word) > 4 and word.endswith("ed"))


# --------------------------------------------------------------------------- non-speakers


def _metonym_agents(text: str, words: list[Token]) -> Iterator[Phrase]:
    lowered = [w.lower for w in words]
    for i, word in enumerate(lowered):
        if word not in tables.METONYM_FIELD_NOUNS:
            continue
        if i > 0 and words[i].is_capitalised:
            continue  # "Fathers 4 Justice said", "the Department of Justice": a name, not the activity
        start = i
        while start > 0 and words[start - 1].is_capitalised and not CLAUSE_BREAK.search(text[words[start - 1].end : words[start].start]):
            start -= 1  # "Russian", "US": the nationality that makes it an institution
        if start == i:
            continue  # "diplomacy" alone is the activity, not a metonym
        nxt = lowered[i + 1] if i + 1 < len(lowered) else ""
        if nxt in tables.COMMUNICATION_NOUNS or nxt in tables.SPEECH_VERBS:
            end = i + 1
            yield _metonym(text, words, start, end, R.NON_SPEAKER.message_for("cannot_state", noun=words[i].text))
            continue
        k = start - 1
        if k >= 0 and lowered[k] == "the":
            k -= 1
        if k >= 1 and lowered[k] in ("from", "by") and lowered[k - 1] in tables.COMMUNICATION_NOUNS:
            yield _metonym(text, words, k - 1, i, R.NON_SPEAKER.message_for("cannot_come_from", noun=words[i].text))
        elif k >= 1 and lowered[k] == "of" and lowered[k - 1] in ("head", "chief"):
            yield _metonym(text, words, k - 1, i, R.NON_SPEAKER.message_for("no_head", noun=words[i].text), info=True)


def _metonym(text: str, words: list[Token], first: int, last: int, why: str, info: bool = False) -> Phrase:
    phrase = text[words[first].start : words[last].end]
    return Phrase(
        R.NON_SPEAKER.code, words[first].start, words[last].end,
        R.NON_SPEAKER.message_for(phrase=phrase, why=why), info,
    )  # fmt: skip


def _possessed_non_speaker(text: str, words: list[Token]) -> Iterator[Phrase]:
    """``X's N of … said`` where N is no text, person or institution."""
    lowered = [w.lower for w in words]
    for v, verb in enumerate(lowered):
        if verb not in tables.SPEECH_VERBS or v < 3:
            continue
        if text[words[v - 1].end : words[v].start].strip():
            continue  # '…,” said X': the subject follows the verb
        start = clause_start(text, words, v - 1)
        subject = words[start:v]
        if len(subject) < 3 or not _POSSESSIVE.search(subject[0].text) or not subject[0].is_capitalised:
            continue
        if subject[0].lower.replace("’", "'") in _CONTRACTIONS:
            continue  # "It's", "That's": not a possessor
        if any(w.lower in _FINITE_AUXILIARIES for w in subject):
            continue  # "Tinder's ban of her was first reported by": the noun phrase is not the verb's speaker
        head_index = 1
        while head_index < len(subject) and subject[head_index].lower not in _STOP_SUBJECT:
            head_index += 1
        if head_index >= len(subject) or subject[head_index].lower != "of":
            continue
        head = subject[head_index - 1]
        if head is subject[0] or head.is_capitalised or _can_speak(head.lower):
            continue
        yield Phrase(
            R.NON_SPEAKER.code, head.start, subject[-1].end,
            R.NON_SPEAKER.message_for("possessed", noun=head.text),
        )  # fmt: skip


def _can_speak(noun: str) -> bool:
    singular = noun[:-1] if noun.endswith("s") else noun
    if noun in tables.SPEAKER_NOUNS or singular in tables.SPEAKER_NOUNS:
        return True
    if noun.endswith(_PERSON_SUFFIXES):
        return True
    return english_zipf(noun) < 3.0  # a word too rare to judge
