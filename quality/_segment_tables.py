"""Word tables for the sentence segmenter (:mod:`quality.segment`), kept apart from its logic.

Every table says why it exists. All entries are lower case; the segmenter lower-cases the token
it looks up. A period after an abbreviation is not a sentence end, except where noted.
"""

from __future__ import annotations

# Titles and honorifics stand before a name, so a period after them never ends a sentence
# ("Mr. Putin", "Sen. Warren", "Gov. Newsom").
TITLES: frozenset[str] = frozenset(
    """
    mr mrs ms messrs mmes dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr brig
    sen sens rep reps gov govs pres supt atty amb rev fr msgr hon sr sra srta mme mlle st mt ft
    insp det dep asst assoc
    """.split()
)

# Abbreviations that normally sit inside a sentence, before a number or a name
# ("vs. Trump", "approx. 40", "Feb. 24"). A following capital does not end a sentence.
INNER_ABBREVIATIONS: frozenset[str] = frozenset(
    """
    vs v approx ca cf al viz e.g i.e est dept univ ave blvd rd hwy
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)

# Abbreviations only before a number ("No. 2", "Vol. 3", "Art. 5"). Before a word they are
# ordinary words that can end a sentence ("... forty-four, no. Rasmussen has ...").
NUMBER_ABBREVIATIONS: frozenset[str] = frozenset("no nos vol vols pp pg fig figs eq ch sec art para".split())

# Abbreviations that often end a sentence as well ("... of Apple Inc. The company said").
# After these we split only when the next word is a typical sentence opener (SENTENCE_OPENERS).
FINAL_ABBREVIATIONS: frozenset[str] = frozenset(
    """
    inc corp co ltd llc plc bros jr sr esq etc am pm
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa penn tenn tex va vt wash wis wisc wyo
    """.split()
)

# Words that very often open a sentence and rarely follow an abbreviation inside one. They decide
# the ambiguous cases: "in the U.S. The president ..." splits, "the U.S. Senate" does not.
SENTENCE_OPENERS: frozenset[str] = frozenset(
    """
    a an the this that these those there here it its he she they we i you his her their our my
    but and or so yet still however meanwhile moreover also instead then now thus therefore
    in on at for after before when while if as although though because since during with
    what who why how where which no not one some many most all both each every other another
    mr mrs ms dr
    """.split()
)

# Closing marks that may follow sentence-final punctuation and belong to the sentence that ends.
CLOSERS = "\"'”’»)]}"

# Opening marks that may start a sentence after a boundary.
OPENERS = "\"'“‘«([{"

# A line that is only a photo caption or credit is not a sentence that states anything. These
# prefixes and fragments mark captions and credits in scraped news pages.
CAPTION_PREFIXES: tuple[str, ...] = (
    "photo_camera", "photo:", "photo by", "photo credit", "photos:", "photograph:", "image:",
    "image via", "images:", "picture:", "pictured:", "top image", "top photo", "file photo",
    "featured image", "header image", "cover image", "source:", "credit:", "caption:", "video:",
    "watch:", "graphic:", "illustration:",
)  # fmt: skip

CAPTION_FRAGMENTS: tuple[str, ...] = (
    "getty images", "via getty", "via ap", "vía ap", "/ap", "/ reuters", "/reuters", "/afp",
    "via reuters", "via afp", "/efe", "(ap photo", "(reuters/", "/xinhua", "/shutterstock",
    "shutterstock", "/weibo", "via weibo", "via twitter", "/twitter", "/facebook",
)  # fmt: skip

# Calls to action and page furniture that survive scraping; they are text, not claims.
CALL_TO_ACTION: tuple[str, ...] = (
    "follow us on", "subscribe to our", "sign up for our", "sign up to our", "click here",
    "read more:", "read also:", "related:", "share this article", "like us on",
    "download our app", "all rights reserved",
)  # fmt: skip
