"""Texts built to find super-linear time or memory: each repeats, or mixes at random, a fragment
that makes some detector look far ahead, pair things up or build keys per character.

Shared by ``tests/test_linear_time.py`` (does time grow linearly?) and
``benchmarks/adversarial.py`` (how long does each take?).
"""

from __future__ import annotations

import random
from typing import Callable

# (name, fragment): the text is the fragment repeated to the wanted length.
REPEATED: list[tuple[str, str]] = [
    ("mojibake capitals", "Ã©"),
    ("mojibake in words", "cafÃ© "),
    ("C1 controls", "a\x85\x93"),
    ("entities", "&amp;"),
    ("broken entities", "&#"),
    ("CJK beside Arabic", "中ا"),
    ("Cyrillic glued to Arabic", "Жب"),
    ("one glued capitalised word", "Abcdefghij"),
    ("capitalised words", "Medvedev Medvedez "),
    ("name particles", "Al bin "),
    ("open quotes", '"a '),
    ("curly quotes", "“a ”b "),
    ("verbs of saying", "said "),
    ("according to", "according to "),
    ("full stops without spaces", "a.B"),
    ("camel case", "aB"),
    ("one letter", "a"),
    ("line breaks", "a\n"),
    ("lone carriage returns", "a\r"),
    ("unclosed emphasis", " _a_b"),
    ("unclosed strong", " **a**b"),
    ("unclosed code", "`a"),
    ("unclosed strike", "~~a"),
    ("unclosed links", "[a]("),
    ("unclosed tags", "<a "),
    ("front matter lookalike", "---\n"),
    ("headings", "# a\n"),
    ("setext headings", "a\n=\n"),
]

# Fragments mixed at random (seeded) for the generated cases.
FRAGMENTS = [fragment for _, fragment in REPEATED] + [" ", "\n\n", "Xi Jinping ", "the ministry said. He added ", "\u2028", "\ufeff"]


def repeated(fragment: str, length: int) -> str:
    return (fragment * (length // len(fragment) + 1))[:length]


def mixed(seed: int, length: int) -> str:
    """Random fragments to ``length`` characters; the same seed gives the same text, and a
    longer text starts with the shorter one's fragments."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < length:
        parts.append(rng.choice(FRAGMENTS))
        size += len(parts[-1])
    return "".join(parts)[:length]


CASES: list[tuple[str, Callable[[int], str]]] = [(name, lambda n, f=fragment: repeated(f, n)) for name, fragment in REPEATED] + [
    (f"mixed fragments, seed {seed}", lambda n, s=seed: mixed(s, n)) for seed in range(3)
]
