"""The language detector's English screen against langdetect, on every real document we have.

``LanguageDetector`` decides an article is English without langdetect when the screen
(:func:`quality.langid.english_by_function_words`) holds. The screen is only worth
having if it never says English where langdetect would not. This script asks both about every
distinct document of ``benchmarks/throughput.py`` (news pages of 13 languages with their
furniture, machine-translated news, US political news; from ``../shared/benchmarks/``, never
copied here) and prints:

- how many documents the screen decides, and how many of those langdetect places elsewhere
  (must be 0; each is listed);
- the highest English function-word share among documents langdetect does not call English,
  the margin below ``SCREEN_MIN_SHARE``;
- the seconds the two take over all documents;
- the same for the two paragraph screens, by vocabulary (``language.english_by_vocabulary``)
  and for lists of names (``language.names_only``, which the detector does not identify at all):
  how many of the paragraphs that would reach langdetect each decides, and which of those
  langdetect would report as another language (each listed, to be judged by reading it).

    python benchmarks/language_screen.py [SHARED_BENCHMARKS_DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from _common import shared_path  # noqa: E402  (also puts the repository on sys.path)
from throughput import documents  # noqa: E402

from quality.detectors.language import english_by_vocabulary, identifiable, names_only  # noqa: E402
from quality.langid import (  # noqa: E402
    _NOISE,
    SCREEN_MIN_SHARE,
    clearly_english,
    english_by_function_words,
    identify,
    load_profiles,
)
from quality.english import WORDS, function_word_share  # noqa: E402
from quality.spans import paragraphs, prose_lines  # noqa: E402

MIN_LETTERS = 40  # LanguageDetector's default
PARAGRAPH_MIN_LETTERS = 120  # and for a paragraph


def function_share(text: str) -> float:
    return function_word_share(WORDS.findall(_NOISE.sub(" ", text).lower()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(shared_path("benchmarks")), help="the shared benchmarks folder")
    args = parser.parse_args()
    root = Path(args.shared)
    if not root.is_dir():
        print(f"no benchmark data at {root}", file=sys.stderr)
        return 2
    load_profiles()
    proses = [prose_lines(text) for _, text in documents(root)]

    started = time.perf_counter()
    screened = [english_by_function_words(prose, MIN_LETTERS) for prose in proses]
    screen_seconds = time.perf_counter() - started
    started = time.perf_counter()
    detected = [identify(prose, MIN_LETTERS)[0] for prose in proses]
    langdetect_seconds = time.perf_counter() - started

    wrong = [(k, detected[k]) for k, yes in enumerate(screened) if yes and detected[k] != "en"]
    others = [function_share(prose) for prose, language in zip(proses, detected) if language not in ("en", "unknown")]
    print(f"{len(proses):,} documents; langdetect: {dict(Counter(detected).most_common())}")
    print(f"screen decides {sum(screened):,} as English; langdetect disagrees on {len(wrong)}")
    for k, language in wrong:
        print(f"  document {k}: langdetect says {language!r}: {proses[k][:120]!r}")
    print(f"highest function-word share of a document langdetect places in another language: "
          f"{max(others, default=0.0):.3f} (screen threshold {SCREEN_MIN_SHARE})")
    print(f"seconds over all documents: screen {screen_seconds:.2f}, langdetect {langdetect_seconds:.2f}")
    paragraph_screen(root)
    return 1 if wrong else 0


def paragraph_screen(root: Path) -> int:
    """The paragraph screens against langdetect: of the paragraphs the detector would send to
    langdetect (long enough, not clearly English), how many each screen decides, and which of
    those langdetect would report as another language (a LNG002 the screen hides)."""
    sent = []
    for _, text in documents(root):
        for para in paragraphs(text):
            if identifiable(para.text, PARAGRAPH_MIN_LETTERS) and not clearly_english(para.text):
                sent.append(para.text)
    print(f"\nparagraphs that would be sent to langdetect without the paragraph screens: {len(sent):,}")
    hidden_in_all = 0
    for name, screen in (("vocabulary", english_by_vocabulary), ("names only", names_only)):
        decided = [text for text in sent if screen(text)]
        hidden = []
        for text in decided:
            language, probability = identify(text, PARAGRAPH_MIN_LETTERS)
            if language not in ("en", "unknown") and probability >= 0.9:
                hidden.append((language, text))
        print(f"the {name} screen decides {len(decided):,}; langdetect places {len(hidden)} of those elsewhere with p >= 0.9")
        for language, text in hidden:
            print(f"  langdetect says {language!r}: {text[:120]!r}")
        hidden_in_all += len(hidden)
    return hidden_in_all


if __name__ == "__main__":
    raise SystemExit(main())
