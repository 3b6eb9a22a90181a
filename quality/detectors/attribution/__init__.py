"""Attribution: who says so, and how often the article tells.

A reader can only check a claim whose source is named. This detector finds, for every sentence,
whether the article tells where its content comes from, and if so through which cue, from which
source, and whether it quotes the source's words or paraphrases them.

How a sentence is read (no parser, no model: word tables in :mod:`.tables` and a few patterns,
so that it runs anywhere, fast, and every decision can be traced to a table entry):

1. :mod:`quality.segment` splits the text into sentences and labels headings, captions and
   signature lines, which are not claims.
2. Quotation marks are paired per paragraph; a quotation left open at the end of a paragraph
   runs to its end (the convention for quotes over several paragraphs). Words inside quotations
   are the speaker's, so a "said" inside a quote is never the article's cue.
3. Cues, outside quotations, each family found by its own recogniser in :mod:`.cues`:

   * a verb of saying or reporting (``said``, ``told``, ``announced``, ``claimed`` ...) with its
     subject before it (``the Russian Foreign Ministry said``) or, inverted, after it
     (``"...," said Smith``, ``reported The Financial Times``);
   * a verb of stance (``wants``, ``believes``, ``called for`` ...), which counts only when its
     subject can hold a stance: a name, a pronoun, an organisation or a people noun. PolNeAR's
     guidelines count stances and acts that take a side as attribution, so this includes verbs
     of criticism (``grilled``), of putting a claim forward (``offered no proof``, ``linked X to
     Y``), official acts (``vetoed``, ``the panel voted``), attitude adjectives after "be"
     (``is bullish on``) and light-verb phrases (``made it clear``, ``took issue with``). Verb
     tables hold lemmas; lemminflect spells every form (``swore``, ``begged``, ``labelled``);
   * the subject may stand before a relative pronoun (``Democrats, who have argued``), after
     opening adverbials (``On Thursday, however, X spoke ..., promising``), before a first verb
     that it shares (``X beamed and asked``), or be a document with a long noun phrase before a
     verb of finding (``A 2014 study by ... found``); ``see/view X as Y`` states a view;
   * phrases with the source after them (``according to``, ``citing``, ``quoted ... as saying``);
   * a possessor and a noun of saying or stance (``Trump's claim that``, ``the IMF's estimate``,
     ``his refusal to``);
   * passives (``is expected to``, ``was reported by X``) and adverbs (``reportedly``), which
     attribute without naming a source and therefore count as anonymous;
   * a speaker label before a colon (``WALLACE: ...``, ``Pence: "..."``) and a signature line
     under an embedded post (``— Name (@handle) date``), which attributes the paragraph above.

4. The source's kind comes from its words: an outlet name or a media noun makes it ``media``
   (secondhand reporting); a people noun without a name (``officials``, ``a Chinese official``,
   ``four people briefed on ...``) ``anonymous``; an organisation noun, a capital used for its
   government (``Beijing``) or a spokesperson without a name ``organisation``; a name
   ``person``. Pronouns take the kind of the nearest earlier source that fits (:mod:`.sources`).
   The article's own outlet, when its source is known (``spells_outlet``: HuffPost's forecast
   in HuffPost), is an ``organisation`` speaking for itself, not secondhand reporting.
5. Carry-over: a sentence with no cue of its own is attributed when it lies in a quotation whose
   speaker is named in another sentence of the same quotation, or when it is mostly quotation and
   the sentence just before it is attributed (:mod:`.carry`).

A sentence can hold several attributions (``X said, according to TASS``). Its ``source_kind``
in the sentence table is the one that decides how far a reader can check it: media first (the
reader only has the other outlet's word), then anonymous, organisation, person.

Sourcing score (the ``sourcing`` dimension), per article with at least ``min_claims`` claim
sentences (sentences that are not questions, headings, captions or signatures)::

    weight(sentence) = 0 if unattributed, else
                       (1 - anonymous_penalty if any source is anonymous else 1)
                     * (1 - secondhand_penalty if any source is another outlet else 1)
    score = min(1, sum(weight) / claims / (target_density * need))

With the defaults (penalties 0.5, target 0.6) an article in which 60% of the claim sentences name
a first-hand source scores 1; one that attributes everything to other outlets scores at most 0.83
(0.5 / 0.6); one that attributes nothing scores 0. The target is about the median weighted density
of edited US political news (PolNeAR dev articles: quartiles 0.38, 0.58, 0.71), so a score below 1
means "less sourced than a typical edited news article", not "bad". Articles with fewer than
``min_claims`` claim sentences get no score (``None``): there is too little to judge.

``need`` is what the article's genre needs (``GENRE_NEED``; the genre from
:mod:`quality.genre`): 1 for news, 0.5 for opinion. Transcripts (whose labels say who speaks
every line), how-to pieces, listings, reviews, press releases, promotional pages and teasers get
no score and no ATT001 or ATT004, and neither does text
that is not English (:func:`quality.english.not_english`): the cue tables are English.

The modules, in the order the data flows: ``tables`` (word lists) and ``lexicon`` (the lists
prepared for lookup); ``records`` (what is found); ``quotes`` and ``tokens``; ``phrases`` (noun
phrases by walking tokens) and ``sources`` (their kind, pronouns); ``context`` (the sentence being
read, the ``Cue`` a recogniser returns); ``verbs`` and ``cues`` (the recognisers); ``analysis``
and ``carry`` (the article); ``metrics``, ``rules``, ``detector`` and ``frame``.
"""


from quality.detectors.attribution.analysis import analyse
from quality.detectors.attribution.detector import GENRE_NEED, AttributionDetector
from quality.detectors.attribution.frame import FRAME_COLUMNS, attribution_frame
from quality.detectors.attribution.metrics import SourcingSummary, distinct_sources, summarise_sourcing
from quality.quotations import quote_regions
from quality.detectors.attribution.records import (
    ANONYMOUS,
    DIRECT,
    INDIRECT,
    MEDIA,
    ORGANISATION,
    PERSON,
    Attribution,
    SentenceAttribution,
)
from quality.detectors.attribution.rules import (
    ANONYMOUS_RELIANCE,
    SECONDHAND,
    SPEAKERLESS_QUOTE,
    THIN_SOURCING,
    UNATTRIBUTED,
)

__all__ = [
    "ANONYMOUS", "ANONYMOUS_RELIANCE", "DIRECT", "FRAME_COLUMNS", "GENRE_NEED", "INDIRECT", "MEDIA", "ORGANISATION",
    "PERSON", "SECONDHAND", "SPEAKERLESS_QUOTE", "THIN_SOURCING", "UNATTRIBUTED", "Attribution", "AttributionDetector",
    "SentenceAttribution", "SourcingSummary", "analyse", "attribution_frame", "distinct_sources", "quote_regions",
    "summarise_sourcing",
]  # fmt: skip
