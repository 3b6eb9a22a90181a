"""Quotations: where a text quotes someone, paired per paragraph.

Words inside a quotation are the speaker's, not the writer's: attribution never takes a "said"
inside one for the article's cue, and translation's pronoun rule never takes one for the
article's last speaker."""

from __future__ import annotations

import bisect
import re
from typing import Sequence

from quality.spans import keep_last

_QUOTE_MARK = re.compile(r"''|``|[“«”»\"]")  # doubled marks first: they are one mark, not two


@keep_last
def quote_regions(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of quoted speech (marks included), paired per paragraph. Remembered for the last
    text: translation and attribution each ask for the same article's several times.

    A mark's role comes from the characters around it (:func:`_role`), since writers and
    converters put the wrong curly quote, or a straight one, where they mean the other. A
    quotation still open at the end of a paragraph runs to the end of the paragraph (the
    convention for a quote over several paragraphs). A paragraph whose first mark closes a
    quotation attached to the word before it (``sword,'' wrote Ann Lee``) continues a quotation
    from the paragraph above, and is quoted from its start. Any other closing mark with no
    opening one before it is a typo and is ignored.
    """
    regions: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        body, base = line.group(), line.start()
        open_at: int | None = None
        for k, found in enumerate(_QUOTE_MARK.finditer(body)):
            i, mark = found.start(), found.group()
            if mark in ('"', "''") and body[i - 1 : i].isdigit():
                continue  # inches or seconds ("a 34\" screen"), not a quotation mark
            role = _role(mark, body[i - 1 : i], body[i + len(mark) : i + len(mark) + 1])
            if role == "open" or (role == "toggle" and open_at is None):
                if open_at is None:
                    open_at = i
            elif open_at is not None:
                regions.append((base + open_at, base + i + len(mark)))
                open_at = None
            elif k == 0 and role == "close" and i > 0 and not body[i - 1].isspace():
                start = len(body) - len(body.lstrip())
                regions.append((base + start, base + i + len(mark)))
        if open_at is not None:
            end = len(body.rstrip())
            if end - open_at > 1:
                regions.append((base + open_at, base + end))
    return tuple(regions)


def _role(mark: str, before: str, after: str) -> str:
    """open, close or toggle (either). A mark between a word and a space or punctuation closes
    (``said,“ he`` is a closing mark typed the wrong way round); a mark between a space and a
    word opens; elsewhere a curly mark keeps its direction and a straight one toggles."""
    attached_before = bool(before) and not before.isspace() and before not in "([{—–-"
    attached_after = bool(after) and not after.isspace() and after not in ".,;:!?)]}—–-"
    if attached_before and not attached_after:
        return "close"
    if attached_after and not attached_before:
        return "open"
    if mark in ("“", "«", "``"):
        return "open"
    return "close" if mark in ("”", "»") else "toggle"


def inside_quotation(regions: Sequence[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies inside one of ``regions`` (:func:`quote_regions`: in order and
    disjoint), by one bisection."""
    k = bisect.bisect_left(regions, (offset,)) - 1  # the last region opening before ``offset``
    return k >= 0 and offset < regions[k][1]
