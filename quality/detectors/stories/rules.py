"""The story rules (STY): where one outlet's version of a story departs from the others'."""

from __future__ import annotations

from quality.model import Severity
from quality.rules import RULES, CorpusExample, Rule

# A short wire story and its versions, for the examples. Each version has the lines of the
# story that make it one story with the others (the same names and uncommon words).
_OPENING = "Foreign ministers of Chile and Norway signed a fisheries accord in Valparaiso on Tuesday after two years of talks."
_QUOTA = "The accord caps the krill catch around the Antarctic Peninsula at 620,000 tonnes a year until 2030."
_SPEAKER = "Chilean Foreign Minister Alberto van Klaveren said the accord would protect penguin colonies in the Weddell Sea."
_CLAIM = "Scientists had warned that krill trawlers were emptying the feeding grounds of humpback whales near Elephant Island."
_BARE = "Krill trawlers were emptying the feeding grounds of humpback whales near Elephant Island."
_ORGANISATION = "The Norwegian Fisheries Directorate said the quota would be reviewed by marine biologists every three years."
_PERSON = "He said the quota would be reviewed by marine biologists every three years."


def _story(*lines: str) -> str:
    return "\n\n".join(lines)


def _wire(variant: str, *replaced: tuple[str, str]) -> CorpusExample:
    """Three outlets run the story as written; a fourth runs ``variant`` of it, with the
    ``replaced`` (old, new) lines."""
    lines = [_OPENING, _QUOTA, _SPEAKER, _CLAIM, _ORGANISATION]
    changed = list(lines)
    for old, new in replaced:
        changed[changed.index(old)] = new
    return CorpusExample(articles=(("wire-a", _story(*lines)), ("wire-b", _story(*lines)), ("wire-c", _story(*lines)), (variant, _story(*changed))))


NAME_VARIANT = Rule(
    code="STY001",
    name="story-name-variant",
    severity=Severity.WARNING,
    summary="A name spelled as no other version of the story spells it, one or two letters from the "
    "spelling the other versions use; the suggestion is theirs.",
    why="A name misspelled in one outlet's version (a mistransliteration, a typo made in translation) "
    "is invisible inside the article and obvious across the story; it also breaks search and the "
    "reader's trust in everything else the version says.",
    example="(other outlets) Foreign Minister Alberto van Klaveren said ...  (this one) Foreign Minister "
    "Alberto van Klaverin said ...",
    instead="Foreign Minister Alberto van Klaveren said ...",
    message="'{spelling}' is written '{majority}' in {versions} of this story",
    variants=(("unshared", "'{spelling}' is in no other version of this story; the language knows the close spelling '{majority}'"),),
    fires=(_wire("wire-d", (_SPEAKER, _SPEAKER.replace("Klaveren", "Klaverin"))),),
    passes=(
        _wire("wire-d"),
        # a word of its own, not another spelling: Chilean and Chile
        _wire("wire-d", (_SPEAKER, _SPEAKER.replace("Chilean Foreign Minister", "Chile's Foreign Minister"))),
    ),
    corpus=True,
    tags=("story",),
)

NUMBER_DIVERGES = Rule(
    code="STY002",
    name="story-number-differs",
    severity=Severity.WARNING,
    summary="A number that the matching sentence of the other versions gives otherwise (a year, a date, "
    "a count of the same thing, a percentage); the message gives their value.",
    why="Numbers are what readers quote. A figure that changed between versions of one story was "
    "mistyped, mistranslated or updated, and a reader of one version cannot tell which. Two ways "
    "of saying the same thing agree: 'in four years' in a 2023 article is 2019.",
    example="(other outlets) ... at 620,000 tonnes a year ...  (this one) ... at 260,000 tonnes a year ...",
    instead="... at 620,000 tonnes a year ... (or say why the figure differs)",
    message="{majority} ({kind}) in {versions} of this story, {value} here",
    fires=(_wire("wire-d", (_QUOTA, _QUOTA.replace("620,000", "260,000"))),),
    passes=(
        _wire("wire-d"),
        _wire("wire-d", (_QUOTA, _QUOTA.replace("620,000 tonnes", "620,000 metric tonnes"))),
    ),
    corpus=True,
    tags=("story",),
)

SOURCE_DROPPED = Rule(
    code="STY003",
    name="story-source-dropped",
    severity=Severity.WARNING,
    summary="A claim stated bare that most other versions of the story attribute to a source.",
    why="When a rewrite drops 'scientists warned' or 'the ministry said', an outlet's claim becomes "
    "the outlet's own assertion: the reader can no longer weigh who says so, and the outlet vouches "
    "for what it only repeated.",
    example="(other outlets) Scientists had warned that krill trawlers were emptying ...  (this one) "
    "Krill trawlers were emptying ...",
    instead="Scientists had warned that krill trawlers were emptying ...",
    message="attributed in {versions} of this story (to {source}); this version names no source for it",
    fires=(_wire("wire-d", (_CLAIM, _BARE)),),
    passes=(_wire("wire-d"),),
    corpus=True,
    tags=("story", "attribution"),
)

SPEAKER_CHANGED = Rule(
    code="STY004",
    name="story-speaker-changed",
    severity=Severity.WARNING,
    summary="A claim attributed to a person where the other versions of the story attribute it to "
    "an organisation, or the other way round.",
    why="'The ministry said' and 'He said' are different sources: a translation that turns a "
    "ministry into 'he' (or a minister into his ministry) misattributes the statement, and a "
    "reader cannot tell from the version alone.",
    example="(other outlets) The Norwegian Fisheries Directorate said the quota would be reviewed ...  "
    "(this one) He said the quota would be reviewed ...",
    instead="The Norwegian Fisheries Directorate said the quota would be reviewed ...",
    message="in {versions} of this story {kind} says this ({example}); this one has '{source}'",
    fires=(_wire("wire-d", (_ORGANISATION, _PERSON)),),
    passes=(_wire("wire-d"),),
    corpus=True,
    tags=("story", "attribution"),
)

STORY_RULES = RULES.register(NAME_VARIANT, NUMBER_DIVERGES, SOURCE_DROPPED, SPEAKER_CHANGED)
