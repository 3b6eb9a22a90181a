"""Is a text English? The cheap test that English-only measures ask before they measure.

The commonest English function words make up about a third of English prose and a few hundredths
of any other language's: over the 803 distinct documents of ``benchmarks/language_screen.py``, the
English ones have a median share of 0.33 (5th percentile 0.21), and no document in another
language reaches 0.05. The language detector uses the share to skip langdetect on texts that are
English for certain; the attribution and readability detectors use it to stay silent on texts
that are not English at all, where their English word lists and formulas mean nothing.
"""

from __future__ import annotations

import re

from quality.model import Article
from quality.spans import keep_last, prose_lines

ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it was on with as by he she they at from his her their be "
    "has have had are were not but this which will would said an or its who been also".split()
)
WORDS = re.compile(r"[^\W\d_]+")

# A text is not English when its function words are few and "the" rare. Function words alone
# do not decide: "a", "in", "as" and "to" are words of other languages too (a Portuguese
# sentence can be a tenth of them), and formal English can be under a tenth of them ("the
# intergovernmental deliberations concerning comprehensive strategic partnership frameworks").
# "the" is English alone (the 5th percentile of the 783 English documents is 3% of their words)
# but turns up in foreign text through English names and titles ("The Crown"). Over the 803
# documents, one English document is taken for another language (a page with no function word
# at all) and all 20 others are.
NOT_ENGLISH_WITHOUT_THE = 0.15  # function-word share under which text with under 1% "the" is not English
NOT_ENGLISH_BELOW = 0.09  # ... and under which text with under 2% "the" is not
RARE_THE = 0.01
FEW_THE = 0.02
MIN_WORDS = 20  # fewer words say too little: such a text is taken for English, the default


def function_word_share(words: list[str]) -> float:
    """Share of ``words`` (lower-case) that are English function words."""
    return sum(map(ENGLISH_FUNCTION_WORDS.__contains__, words)) / len(words) if words else 0.0


def is_not_english(text: str) -> bool:
    """Whether ``text`` is certainly not English: 20 words or more, of which under 1% "the" and
    under 15% English function words, or under 2% "the" and under 9% function words. Short texts
    and English texts are not."""
    words = WORDS.findall(text.lower())
    if len(words) < MIN_WORDS:
        return False
    share, the = function_word_share(words), words.count("the") / len(words)
    return (the < RARE_THE and share < NOT_ENGLISH_WITHOUT_THE) or (the < FEW_THE and share < NOT_ENGLISH_BELOW)


def not_english(article: Article) -> bool:
    """Whether an article is outside the English-only detectors: declared in another language,
    or, undeclared, plainly not English in its prose (table rows aside: a standings table's names
    say nothing). Attribution, translation and readability ask one after the other, so the last
    text's answer is kept (:func:`~quality.spans.keep_last`)."""
    if article.language:
        return article.language.split("-")[0].lower() != "en"
    return _prose_not_english(article.text)


@keep_last
def _prose_not_english(text: str) -> bool:
    return is_not_english(prose_lines(text))
