"""The attribution rules (ATT001-ATT005), each with its documentation and examples."""

from __future__ import annotations

from quality.model import Severity
from quality.rules import RULES, Rule

UNATTRIBUTED = Rule(
    code="ATT001",
    name="unattributed-claim",
    severity=Severity.INFO,
    summary="A sentence states something without saying who says so.",
    why="Readers can only check a claim whose source they know. Most background sentences need no "
    "source, so this is information for an editor going through the copy, not a defect.",
    example="Russia will host the summit in February.",
    instead="Russia will host the summit in February, the Kremlin said on Monday.",
    fires=("The minister will visit Moscow next month. Talks will cover trade and energy.",),
    passes=(
        "The minister will visit Moscow next month, the foreign ministry said.",
        "Will the minister visit Moscow?",
    ),
    known_problems="Every sentence without a cue is listed, including common knowledge and the "
    "article's own observations.",
    message='no source is given for this statement',
)

ANONYMOUS_RELIANCE = Rule(
    code="ATT002",
    name="anonymous-sources",
    severity=Severity.WARNING,
    summary="Most of the article's attributed statements come from unnamed sources.",
    why="Anonymous sources cannot be checked by the reader; an article that rests mostly on them asks "
    "for trust it does not earn. Each distinct unnamed source is marked once, at its first mention, "
    "with how often the article uses it.",
    example="Officials said the talks failed. A source close to the talks said the mood was tense.",
    instead="Name the sources, or say why they cannot be named and how the claim was checked.",
    fires=(
        "The talks collapsed on Monday, officials said. A source close to the talks said the mood was "
        "tense. Two diplomats said the next round was cancelled. The ministry said talks would resume.",
    ),
    passes=(
        "The talks collapsed on Monday, Foreign Minister Anna Berg said. Her spokesman Tom Hale said the "
        "next round was cancelled. A diplomat said the mood was tense.",
        "Delegates petitioned for a new vote. Some lawmakers condemned the remarks. The motion has been "
        "denied. Anna Berg said the vote was fair.",
    ),
    known_problems="Only sources that carry a claim count: a group that acts (\"delegates petitioned\") or "
    "a passive that reports a result (\"has been denied\") is no source. The rule speaks of the whole "
    "article, so an article that rests mostly on named people gets no finding for the unnamed ones it "
    "also quotes.",
    message='unnamed source{mentions}; {share:.0%} of attributed statements rest on unnamed sources',
)

SECONDHAND = Rule(
    code="ATT003",
    name="secondhand-reporting",
    severity=Severity.WARNING,
    summary="A large share of the article's attributed statements come through other news outlets.",
    why="An article built from other outlets' reports repeats claims its authors did not check; the "
    "reader should go to the original reporting. Each outlet cited as a source is marked once, at its "
    "first mention, with how often the article cites it.",
    example="According to Reuters, the talks failed. The visit is planned for May, TASS reported.",
    instead="Report first-hand (ask the sources), or link the original reports and say what was confirmed.",
    fires=(
        "According to Reuters, the talks collapsed on Monday. The next round was cancelled, TASS reported. "
        "The ministry said talks would resume in May.",
    ),
    passes=(
        "The talks collapsed on Monday, the ministry said. The next round was cancelled, Foreign Minister "
        "Anna Berg told reporters. Talks will resume in May, her deputy Tom Hale said. Reuters first "
        "reported the collapse.",
    ),
    message='another outlet as source{mentions}; {share:.0%} of attributed statements come through other outlets',
)

THIN_SOURCING = Rule(
    code="ATT004",
    name="thin-sourcing",
    severity=Severity.INFO,
    summary="Few of the article's statements are attributed to anyone (low attribution density).",
    why="News that names no sources for most of what it states cannot be checked; it is often "
    "rewritten from elsewhere with the sources stripped out. Only a report is held to this: a text "
    "that cites someone at least once, in the third person. A listing, a schedule, a review or a "
    "column in its writer's own voice makes no claims of that kind.",
    known_problems="Information, not a warning: a low share of attributed sentences is weak "
    "evidence of a defect. Judged by reading each finding on real news (docs/attribution.md), few "
    "were thinly sourced: match reports, obituaries, award results, profiles, company results, "
    "editorials and letters state public facts or opinions, which need no source, and the "
    "sentence count cannot tell them from a report whose claims do. A rewrite that has lost every "
    "one of its sources reads like a listing and is not flagged; ATT001 still marks its unsourced "
    "sentences.",
    example="Ten sentences of claims about a visit, none of which says who announced or confirmed it.",
    instead="Say who announced, confirmed or disputed each claim.",
    fires=(
        "The president will visit Moscow in February, the Kremlin said. The visit will mark the "
        "anniversary of the war. Trade between the two countries grew by a third last year. Energy deals "
        "will be signed. The two leaders last met in September. Relations have grown closer since the war "
        "began. Western countries are watching the visit closely. A joint statement is planned. The "
        "talks will cover gas prices. A new pipeline is under study.",
    ),
    passes=(
        "The president will visit Moscow in February, the foreign ministry said. The visit will mark "
        "the anniversary of the war, officials said. Trade grew by a third last year, customs data show. "
        "Energy deals will be signed, the Kremlin said. The two leaders last met in September.",
    ),
    message='only {attributed} of {claims} statements say who says so (density {density:.2f}, minimum {minimum:g} for {genre})',
)

SPEAKERLESS_QUOTE = Rule(
    code="ATT005",
    name="quote-without-speaker",
    severity=Severity.WARNING,
    summary="A quotation whose speaker is named nowhere around it.",
    why="A quotation is a claim about what someone said; without the speaker it cannot be checked, "
    "and it often means an attribution was lost when the text was rewritten or scraped.",
    example='The visit was announced on Monday. "We will work hard to push relations to a higher level."',
    instead='"We will work hard to push relations to a higher level," the ministry said.',
    fires=(
        'The visit will take place in February. "We will work hard to push relations to a higher level '
        'for the benefit of our peoples."',
    ),
    passes=(
        '"We will work hard to push relations to a higher level for the benefit of our peoples," the '
        "ministry said.",
        'The ministry called the visit a "central event".',
    ),
    message='quotation with no speaker named in or next to it',
)

RULES.register(UNATTRIBUTED, ANONYMOUS_RELIANCE, SECONDHAND, THIN_SOURCING, SPEAKERLESS_QUOTE)

