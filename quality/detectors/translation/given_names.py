"""First names that nearly always belong to one sex, for the pronoun rules.

The table (``quality/data/given_names.txt.gz``) holds the 30,778 first names that at least 97%
of the time belong to one sex among the US Social Security Administration's birth records,
1880-2015 (public domain), built by ``benchmarks/given_names_build.py``; names whose sex differs
between languages (Italian "Andrea", Dutch "Jan") are left out. "Katrin" and "Pieter" say what
an article may never say in so many words.
"""

from __future__ import annotations

import gzip
import unicodedata
from functools import lru_cache
from importlib.resources import files

MALE, FEMALE = "male", "female"


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    """The table, read on the first ask (some 0.03 s)."""
    table = gzip.decompress(files("quality.data").joinpath("given_names.txt.gz").read_bytes()).decode("utf-8")
    return {name: (FEMALE if sex == "f" else MALE) for name, sex in (row.split("\t") for row in table.splitlines())}


def given_name_gender(word: str) -> str | None:
    """The sex a first name nearly always belongs to, folded to ASCII ("Inês" as "ines"), or None."""
    folded = unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode("ascii")
    return _given_names().get(folded)
