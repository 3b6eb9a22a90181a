"""The compact word lists give wordfreq's own Zipf frequencies, word for word."""

from __future__ import annotations

import random

import pytest
import wordfreq

from quality.detectors._wordlists import WordList, list_buckets

# Words wordfreq treats specially: tokens it splits and recombines, digits it smashes to 0 and
# re-weights, case it folds, and words no list has.
SPECIAL_WORDS = [
    "l’école", "l'école", "d'accord", "aujourd'hui", "qu'il", "don't", "kiev’s", "state-of-the-art",
    "covid-19", "2019", "g20", "3,000", "1.5", "Été", "ÉTÉ", "straße", "STRASSE", "İstanbul",
    "xyzzyqq", "Ã©tÃ©", "", " ", "—", "a", "the", "Москва", "москва", "Αθήνα", "القاهرة",
    # the bytes of "of", "in" and "said" at two bytes a character: CPython's str hash alike
    "景", "湩", "慳摩",
]  # fmt: skip


def _sample(language: str, per_bucket: int = 4) -> list[str]:
    """A few words from every frequency bucket of the language's list, and joins of them."""
    rng = random.Random(language)
    words = [w for bucket in list_buckets(language, 0.0) or () for w in rng.sample(bucket, min(per_bucket, len(bucket)))]
    joined = [f"{a}'{b}" for a, b in zip(words[::9], words[4::9])] + [f"{a}-{b}" for a, b in zip(words[::13], words[6::13])]
    return words + joined + [w.title() for w in words[::17]]


@pytest.mark.parametrize("language", ["en", "fr", "de", "es", "cs", "ru", "ar", "vi", "tr"])
def test_the_compact_list_gives_wordfreqs_zipf_frequency(language: str) -> None:
    compact = WordList(language)
    words = _sample(language) + SPECIAL_WORDS
    assert len(words) > 1000
    mismatched = [(w, compact.zipf(w), wordfreq.zipf_frequency(w, language)) for w in words if compact.zipf(w) != wordfreq.zipf_frequency(w, language)]
    assert mismatched == []


def test_the_compact_list_holds_every_word_of_the_list() -> None:
    compact = WordList("ro")
    assert len(compact._levels) == sum(len(bucket) for bucket in wordfreq.get_frequency_list("ro"))


def test_the_list_files_are_those_wordfreq_names_without_importing_it() -> None:
    from quality.detectors._wordlists import list_path

    named = wordfreq.available_languages("best")
    assert {language: str(list_path(language)) for language in named} == named
    assert list_path("xx") is None


def test_an_english_article_of_plain_words_never_imports_wordfreq() -> None:
    """Lower-case ASCII words are read straight from the list; wordfreq (and the langcodes it
    imports, a sixth of a second) loads only for a word that needs its tokenizer."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from quality.detectors._wordlists import WordList\n"
        "words = WordList('en')\n"
        "assert words.zipf('the') > 7 and words.zipf('ministry') > 4 and words.zipf('xyzzyqq') == 0\n"
        "assert 'wordfreq' not in sys.modules\n"
        "words.zipf(\"don't\")\n"
        "assert 'wordfreq' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
