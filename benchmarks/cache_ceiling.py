#!/usr/bin/env python3
"""What the process-lifetime caches hold when full: the memory a corpus of any vocabulary can cost.

A wire-like corpus repeats its vocabulary, so its runs never fill the caches keyed by words and
lines; a research corpus of new text does. This script fills every such cache to its bound with
distinct real words (wordfreq's lists of ten Latin-script languages past their 20,000 most
common words: rare words, as a large corpus meets them) and with lines and sentences built from
them, every dictionary the caches read loaded first, then empties the caches one at a time and
prints what each held (the traced memory freed) and the total. No benchmark data is needed.

    python benchmarks/cache_ceiling.py
"""

from __future__ import annotations

import gc
import itertools
import sys
import tracemalloc
from collections.abc import Callable

from _common import REPO  # noqa: F401  (puts the repository on sys.path)

LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "pl", "sv", "fi")
SKIP_COMMON = 20_000
WORDS = 600_000  # more than any bound below


def rare_words(count: int) -> list[str]:
    """Distinct alphabetic words, taken from each language's list in turn past its head."""
    import wordfreq

    lists = [itertools.islice(wordfreq.iter_wordlist(language, "best"), SKIP_COMMON, None) for language in LANGUAGES]
    seen: dict[str, None] = {}
    for group in itertools.zip_longest(*lists):
        for word in group:
            if word and word.isalpha():
                seen[word] = None
                if len(seen) >= count:
                    return list(seen)
    return list(seen)


def fresh(text: str) -> str:
    """An equal string of its own, as every word read from an article is: the caches hold it."""
    return (text + " ")[:-1]


def built_lines(words: list[str], count: int, length: int) -> list[str]:
    """``count`` distinct lines of ``length`` words each, capitalised and ending in a stop."""
    return [" ".join(words[i * length : (i + 1) * length]).capitalize() + "." for i in range(count)]


def main() -> None:
    from langdetect import detector_factory

    from quality import langid, segment
    from quality.detectors import _boilerplate_tables, boilerplate
    from quality.detectors.attribution import cues
    from quality.detectors.readability import EnglishFlesch
    from quality.detectors.stories import align, profile
    from quality.detectors.translation import foreign, names, spelling_keys
    from quality.detectors.translation import tables as translation_tables
    from quality.detectors.translation import text as translation_text

    words = rare_words(WORDS)
    capitalised = [word.capitalize() for word in words]
    lines = built_lines(words, boilerplate.OWN_CACHE_LINES, 8)
    sentences = built_lines(words[::-1], align.CACHED_SENTENCES, 14)

    # The dictionaries first: they are the run's fixed cost, not the caches'.
    detector_factory.init_factory()
    profiles = detector_factory._factory.word_lang_prob_map
    for language in set(translation_tables.LATIN_LANGUAGES) | {"en", "ru"}:
        translation_text.zipf.__wrapped__("casa", language)
        translation_text.top_zipf("casa", language)
    flesch = EnglishFlesch()
    finder = foreign.ForeignFinder()
    finder.foreign_words("warm up the lists")
    boilerplate.classify("warm up")
    gc.collect()

    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    for word in words[: langid.CACHED_WORDS]:
        langid._WORD_GRAMS.setdefault(fresh(word), langid._word_ngrams(word, profiles))
    for word in words[: foreign.CACHED_KINDS - 1 - len(finder._kinds)]:  # one more would empty it
        finder._classify_new(fresh(word))
    for word in words[: foreign.CACHED_CLASSIFIED]:
        foreign.classify_word(fresh(word), finder.languages)
    for word in capitalised[: translation_text.CACHED_ENGLISH_ZIPF]:
        names._name_word(fresh(word))
        translation_text.english_zipf(fresh(word))
        spelling_keys.fold(fresh(word))
    for word in words[: EnglishFlesch._MAX_WORDS - 1]:
        flesch._syllables_of(fresh(word))
    for line in lines[:-1]:
        boilerplate.classify(fresh(line))
    for line in lines[: boilerplate.KEY_CACHE_LINES - 1]:
        boilerplate.line_key(fresh(line))
    for line in sentences:
        segment.sentences(fresh(line))
        align._sentence_words(fresh(line), "en")
    for word in words[: 1 << 15]:
        cues.recognisers_for(fresh(word))
        profile.zipf(fresh(word), "en")
    # last: reading lines above adds their words to it, and a cache that is emptied when full
    # would be found nearly empty
    for word in words[: _boilerplate_tables.CACHED_RUNS - 1 - len(_boilerplate_tables._DATE_WORDS)]:
        _boilerplate_tables.may_hold_date_or_time(fresh(word))
    gc.collect()
    full = tracemalloc.get_traced_memory()[0] - start
    print(f"every cache full: {full / 2**20:.1f} MB traced")

    caches: list[tuple[str, Callable[[], object]]] = [
        (f"langid: words' n-grams ({langid.CACHED_WORDS:,})", langid._WORD_GRAMS.clear),
        (f"foreign: word kinds ({foreign.CACHED_KINDS:,})", lambda: [kinds.clear() for kinds in foreign._KINDS.values()]),
        (f"foreign: classify_word ({foreign.CACHED_CLASSIFIED:,})", foreign.classify_word.cache_clear),
        (f"foreign: Russian readings (2 x {foreign.CACHED_RUSSIAN:,})", lambda: (foreign._russian_head.cache_clear(), foreign.russian_from_latin.cache_clear())),
        (f"foreign: Cyrillic spellings ({foreign.CACHED_CYRILLIC_SPELLINGS:,})", foreign._cyrillic_spellings.cache_clear),
        (f"text: zipf ({translation_text.CACHED_ZIPF:,})", translation_text.zipf.cache_clear),
        (f"text: english_zipf ({translation_text.CACHED_ENGLISH_ZIPF:,})", translation_text.english_zipf.cache_clear),
        ("names: name words", names._name_word.cache_clear),
        ("spelling_keys: fold", spelling_keys.fold.cache_clear),
        (f"boilerplate: date words ({_boilerplate_tables.CACHED_RUNS:,})", _boilerplate_tables._DATE_WORDS.clear),
        (f"boilerplate: own features of lines ({boilerplate.OWN_CACHE_LINES:,})", boilerplate._OWN_CACHE.clear),
        (f"boilerplate: line keys ({boilerplate.KEY_CACHE_LINES:,})", boilerplate._KEY_CACHE.clear),
        (f"readability: syllables ({EnglishFlesch._MAX_WORDS:,})", flesch._syllables.clear),
        (f"segment: lines' sentences ({segment.CACHED_LINES:,})", segment._line_sentences.cache_clear),
        (f"stories: sentences' words ({align.CACHED_SENTENCES:,})", align._sentence_words.cache_clear),
        ("attribution: recognisers by word", cues.recognisers_for.cache_clear),
        ("stories: zipf", profile.zipf.cache_clear),
    ]
    for name, clear in caches:
        gc.collect()
        before = tracemalloc.get_traced_memory()[0]
        clear()
        gc.collect()
        print(f"  {name:55s} {(before - tracemalloc.get_traced_memory()[0]) / 2**20:7.1f} MB")
    print(f"  {'(not freed by the above)':55s} {(tracemalloc.get_traced_memory()[0] - start) / 2**20:7.1f} MB")
    if "--where" in sys.argv:  # where the memory not freed was allocated
        for stat in tracemalloc.take_snapshot().statistics("lineno")[:8]:
            print("   ", stat)


if __name__ == "__main__":
    main()
