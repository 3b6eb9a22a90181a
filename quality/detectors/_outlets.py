"""The outlet an article comes from, as the detectors find it in the text: its key (the letters
of a site's name, or of a source given by name) and whether words an article writes spell it.

Boilerplate looks for the outlet's own name, in whole words, as the object of a call to the
reader ("Follow The Sun": :func:`words_spell`); attribution tells an outlet citing itself
("HuffPost's forecast" in HuffPost) from one citing another outlet, where a name may be written
by its words' first letters (:func:`spells_outlet`).
"""

from __future__ import annotations

import re
from typing import Sequence

_HOST_PREFIXES = frozenset("www www1 www2 m mobile amp edition news en english".split())
_KEY_CHARACTERS = re.compile(r"[^\W_]+")
_POSSESSIVE_END = re.compile(r"['’]s\b")


def outlet_key(source: str) -> str:
    """The letters and digits of a site's name ("www.thesun.co.uk" gives "thesun", "news.sky.com"
    "sky"), or of a source given by name ("The Kyiv Independent" gives "thekyivindependent",
    "usa-today" "usatoday")."""
    name = source.strip().lower()
    if " " not in name and "." in name:
        labels = name.removeprefix("https://").removeprefix("http://").split("/")[0].split(".")
        while len(labels) > 2 and labels[0] in _HOST_PREFIXES:
            labels = labels[1:]
        name = labels[0]
    return "".join(_KEY_CHARACTERS.findall(name))


def key_words(text: str) -> list[str]:
    """The runs of letters and digits of ``text``, lower-cased: the words a key is spelt from."""
    return _KEY_CHARACTERS.findall(text.lower())


def words_spell(words: Sequence[str], k: int, key: str) -> bool:
    """Whether ``words[k:]`` begin with whole words that spell ``key`` ("the", "sun" for
    ``thesun``; a short key is not found inside a longer word)."""
    spelled = ""
    for word in words[k:]:
        spelled += word
        if len(spelled) >= len(key):
            return spelled == key
    return False


def spells_outlet(name: str, key: str) -> bool:
    """Whether ``name``, an outlet as an article writes it ("The USA TODAY Network", "HuffPost’s"),
    is the outlet whose key is ``key`` (:func:`outlet_key`). Sites and keys write a name by the
    first letters of its words, so the key must be a run of non-empty prefixes of consecutive
    words of the name ("the" aside): ``nyt``, ``nytimes`` and ``newyorktimes`` all spell The New
    York Times, ``washpost`` The Washington Post; ``nypost`` does not spell it."""
    words = [w for w in (w.lower() for w in _KEY_CHARACTERS.findall(_POSSESSIVE_END.sub("", name))) if w != "the"]
    if len(key) < 2:
        return False
    for first in range(len(words)):
        reached = {0}  # the places in the key spelled so far, word after word
        for word in words[first:]:
            reached = {at + n for at in reached for n in range(1, min(len(word), len(key) - at) + 1) if key.startswith(word[:n], at)}
            if len(key) in reached:
                return True
            if not reached:
                break
    return False
