"""Mojibake and other encoding damage, located to the character, with verified repairs.

Design
------
Mojibake of UTF-8 is text whose bytes are all still there, read with the wrong codec. That makes
it reversible, and checkable: encode the damaged characters back with the codec that misread
them and the result must be valid UTF-8. We use exactly that as the candidate generator, for
ten single-byte code pages (windows-1252 and Latin-1, MacRoman, cp1251, cp1250, Latin-2, cp437,
cp1254, cp1253, cp1257, KOI8-R) and five East Asian families (GBK/GB18030, Big5, Shift-JIS, EUC-JP,
EUC-KR). The East Asian ones matter because they hide mojibake inside ideographs ("Maidán" read
through GBK is "Maid谩n"), which ftfy does not look for.

Many genuine strings also happen to re-encode into valid UTF-8 ("AHÅ™" is "AHř" through
cp1252). So a candidate repair is accepted only if it makes its word clearly less surprising:
``_plausibility`` scores characters and neighbours (two scripts inside one word, a capital after
a lower-case letter, a symbol wedged between letters, a lone foreign letter, rare ideographs),
the decoding adds evidence for long valid stretches, and repairs of one codec must be
consistent within a word. Word frequencies (``wordfreq``) only break ties between readings that
assume a lost byte.

The clean path is one regex pass (``_charsets.hot_pattern``): a character class that skips ASCII
and a per-codec look-behind that matches only real UTF-8 shapes, so English prose with curly
quotes and accented names usually has no hit at all.

Other damage is reported under its own code: bytes lost before we saw them (U+FFFD, mojibake
cut short), C1 controls that stand for windows-1252 punctuation, other control characters and
NULs, and undecoded HTML entities.

Modules: ``_tables`` (all data and costs), ``_charsets`` (code pages, UTF-8 search, scan
pattern), ``_plausibility`` (the surprise measure), ``_words`` (word frequencies), ``_engine``
(search and judging), ``rules`` (the MOJ rules), ``detector`` (the pipeline detector and score).
"""

from quality.detectors.mojibake._engine import MISDECODING_CODES, Damage, Engine
from quality.detectors.mojibake.detector import MojibakeDetector, encoding_integrity
from quality.detectors.mojibake.rules import MOJIBAKE_RULES

__all__ = ["MISDECODING_CODES", "MOJIBAKE_RULES", "Damage", "Engine", "MojibakeDetector", "encoding_integrity"]
