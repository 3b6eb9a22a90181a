"""Language: is the article in the language the outlet publishes in?

Identification is :mod:`quality.langid` (langdetect, seeded and screened); this module holds
the rules and the detector.

Most articles never reach langdetect: when English is expected and a fifth of the prose's words
are English function words, the article is English (:func:`quality.langid.english_by_function_words`; its
``decided_by`` metric says so and its ``probability`` is empty). Paragraphs are screened the
same way before langdetect is asked about them (:func:`quality.langid.clearly_english`), and a
paragraph of names or figures with few function words by its vocabulary
(:func:`english_by_vocabulary`).
"""

from __future__ import annotations

from quality.detectors._wordlists import zipf_frequency
from quality.detectors.base import Detector
from quality.english import WORDS, function_word_share
from quality.langid import CLEARLY_ENGLISH_SHARE, english_by_function_words, identify, load_profiles
from quality.model import Article, DetectorResult, Severity
from quality.rules import RULES, Rule
from quality.spans import in_headline_case, paragraphs, prose_lines

WRONG_LANGUAGE = Rule(
    code="LNG001",
    name="unexpected-language",
    severity=Severity.WARNING,
    summary="The article as a whole is not in the outlet's expected language.",
    why="An English edition that publishes an untranslated article, or a scraper that picked up the "
    "wrong language edition, gives readers text they cannot read.",
    example="El Kremlin confirmó la visita del presidente chino, según la agencia estatal rusa.",
    instead="Publish the translated article, or set the article's `language` when it is meant to differ.",
    fires=(
        "El Ministerio de Asuntos Exteriores de Rusia anunció que el presidente chino visitará Moscú "
        "en febrero, coincidiendo con el aniversario de la invasión de Ucrania.",
    ),
    passes=(
        "The Russian Foreign Ministry announced that the Chinese president will visit Moscow in "
        "February, around the anniversary of the invasion of Ukraine.",
        "https://t.me/example 2023-01-31 12:00",
    ),
    message='article reads as {language!r} (p={probability:.2f}), expected {expected!r}',
)

FOREIGN_PARAGRAPH = Rule(
    code="LNG002",
    name="foreign-language-paragraph",
    severity=Severity.WARNING,
    summary="A paragraph long enough to identify is in another language than the article.",
    why="A whole paragraph left untranslated is a production error the reader notices at once.",
    example="A paragraph in English, then: «Le ministère russe des Affaires étrangères a déclaré ...»",
    instead="Translate the paragraph, or quote it with a translation.",
    fires=(
        "The Russian Foreign Ministry said on Monday that the Chinese president is expected to visit "
        "Moscow in the spring, in what it called the central event of the bilateral agenda.\n\n"
        "Le ministère russe des Affaires étrangères a déclaré lundi que le président chinois devrait "
        "se rendre à Moscou au printemps, pour ce qu'il appelle l'événement central de l'agenda.\n\n"
        "Officials in Beijing have not confirmed the visit, and analysts expect more details soon.",
    ),
    passes=(
        "The Russian Foreign Ministry said on Monday that the Chinese president is expected to visit "
        "Moscow in the spring, in what it called the central event of the bilateral agenda.\n\n"
        "Officials in Beijing have not confirmed the visit, and analysts expect more details soon.",
        "Italy name three new caps for Saturday's match against Wales in Rome.\n\n"
        "L Bianchi (Parma); Marco Ferrari (Stade Francais), C Esposito (Montpellier), A Romano (Viadana), "
        "L Colombo (Calvisano); G Ricci (Padova), F Marino (Treviso); A Greco (L'Aquila), F Bruno (Treviso), "
        "M Gallo (Calvisano), S Conti (Agen), M De Luca (Narbonne, capt), A Mancini (Agen), S Giordano (Treviso).",
    ),
    message='paragraph reads as {language!r} (p={probability:.2f}), not {expected!r}',
)

RULES.register(WRONG_LANGUAGE, FOREIGN_PARAGRAPH)


# A paragraph of names, figures or captions has few function words, so clearly_english cannot
# decide it; it is still English when most of its words are common English words and a few are
# function words. benchmarks/language_screen.py: of the 522 paragraphs of the shared documents
# that reached langdetect, this decides 265, and the one langdetect placed elsewhere is English
# ("the University of Bern, Bern, Bern, ..." read as German); at a share of 0.6 without function
# words it would take a German software paragraph and an Italian keyword list too.
VOCABULARY_SHARE = 0.7  # of the paragraph's words, common English words (Zipf >= VOCABULARY_ZIPF)
VOCABULARY_ZIPF = 3.0
VOCABULARY_FUNCTION_SHARE = 0.05


def english_by_vocabulary(text: str) -> bool:
    """Whether a paragraph is English by its vocabulary (see ``VOCABULARY_SHARE``)."""
    return _common_english_words(WORDS.findall(text.lower()))


def _common_english_words(words: list[str]) -> bool:
    """The test of :func:`english_by_vocabulary` on the paragraph's words (lower case)."""
    words = [w for w in words if w.isalpha()]
    if not words or function_word_share(words) < VOCABULARY_FUNCTION_SHARE:
        return False
    return sum(zipf_frequency(w, "en") >= VOCABULARY_ZIPF for w in words) >= VOCABULARY_SHARE * len(words)


def english_without_langdetect(text: str) -> bool:
    """Whether a paragraph is English by one of the screens: a fifth of its words function
    words (:func:`quality.langid.clearly_english`), else by its vocabulary."""
    words = WORDS.findall(text.lower())
    return bool(words) and (function_word_share(words) >= CLEARLY_ENGLISH_SHARE or _common_english_words(words))


def names_only(text: str) -> bool:
    """Whether a paragraph is a list of names (a team's line-up, a cast, a delegation): its words
    nearly all capitalised, as in headline case. Names keep their spelling from language to
    language, so langdetect reads an Italian line-up in an English match report as Italian; what
    they say of the paragraph's language is nothing."""
    words = WORDS.findall(text)
    return in_headline_case(sum(w[0].isupper() for w in words), len(words))


def identifiable(text: str, min_letters: int) -> bool:
    """Whether a paragraph has letters enough for its language to be told (the length alone
    settles most lines)."""
    return len(text) >= min_letters and sum(map(str.isalpha, text)) >= min_letters


class LanguageDetector(Detector):
    """Scores 1 minus the share of characters in foreign-language paragraphs; ``None`` when the
    whole article is in another language (LNG001 says which: the article is measured in its own
    language by the detectors that apply to it, not ranked last for it) or when there is too
    little text to tell."""

    name = "language"
    dimension = "language"
    rules = (WRONG_LANGUAGE, FOREIGN_PARAGRAPH)

    def __init__(self, expected: str = "en", min_letters: int = 40, paragraph_min_letters: int = 120) -> None:
        self.expected = expected
        self.min_letters = min_letters
        self.paragraph_min_letters = paragraph_min_letters
        load_profiles()

    def detect(self, article: Article) -> DetectorResult:
        expected = article.language or self.expected
        # A table's cells and a list of names say nothing of the language
        prose = "\n".join(line for line in prose_lines(article.text).split("\n") if not names_only(line))
        metrics: dict[str, object]
        if expected == "en" and english_by_function_words(prose, self.min_letters):
            language = "en"
            metrics = {"detected": language, "probability": None, "decided_by": "function words"}
        else:
            language, probability = identify(prose, self.min_letters)
            metrics = {"detected": language, "probability": round(probability, 4), "decided_by": "langdetect"}
        if language == "unknown":
            return DetectorResult(score=None, metrics=metrics)
        make = self.findings_for(article)
        findings = []
        if language != expected:
            # The configured language is a default, not a verdict: the article is reported in its
            # own language (LNG001 says which) and measured by what applies to it, not scored 0.
            findings.append(make(WRONG_LANGUAGE, 0, 0, WRONG_LANGUAGE.message_for(language=language, probability=probability, expected=expected)))
            return DetectorResult(score=None, findings=tuple(findings), metrics=metrics)
        foreign_chars = 0
        for para in paragraphs(article.text):
            if not identifiable(para.text, self.paragraph_min_letters) or names_only(para.text):
                continue
            if expected == "en" and english_without_langdetect(para.text):
                continue
            para_language, para_probability = identify(para.text, self.paragraph_min_letters)
            if para_language not in ("unknown", expected) and para_probability >= 0.9:
                foreign_chars += len(para.text)
                findings.append(
                    make(FOREIGN_PARAGRAPH, para.start, para.end, FOREIGN_PARAGRAPH.message_for(language=para_language, probability=para_probability, expected=expected))
                )
        letters = max(1, len(article.text))
        return DetectorResult(score=1.0 - foreign_chars / letters, findings=tuple(findings), metrics=metrics)
