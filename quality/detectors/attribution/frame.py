"""The sentence table: one row per sentence, for research and for auditing the detector."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quality.detectors.attribution.analysis import analyse
from quality.detectors.attribution.records import SentenceAttribution

if TYPE_CHECKING:
    import pandas as pd

FRAME_COLUMNS = [
    "id", "start", "end", "text", "attributed", "cue", "cue_start", "cue_end", "source", "source_start",
    "source_end", "source_kind", "quote", "carried", "kind",
]  # fmt: skip


def attribution_frame(texts: Any, text: str = "text", id: str | None = None, source: str | None = None) -> pd.DataFrame:
    """One row per sentence of every text.

    ``texts`` is a sequence or Series of strings, or a DataFrame with a ``text`` column. ``id`` is
    the input's index label (or the ``id`` column of a DataFrame when named). ``source``, a
    DataFrame's column of each text's outlet (as the detector reads it): where a text cites its
    own outlet, the source kind is ``organisation``, not ``media``. Missing texts give no rows.
    Columns:

    * ``id``; ``start``, ``end``: the sentence's offsets into its text; ``text``;
    * ``attributed``: the sentence has a cue of its own or borrows its quotation's speaker;
    * ``cue``, ``cue_start``, ``cue_end``: the words that attribute it, and where (offsets into
      the text; -1 where there is no cue);
    * ``source``, ``source_start``, ``source_end``: who is cited (-1 where the cue names no one:
      "reportedly", "is expected to");
    * ``source_kind``: ``person``, ``organisation``, ``media``, ``anonymous`` or empty;
    * ``quote``: ``direct``, ``indirect`` or empty;
    * ``carried``: the attribution is borrowed from a neighbouring sentence of the same quotation
      (the cue and source offsets then point into that sentence), not made by a cue of its own;
    * ``kind``: ``sentence``, ``question``, ``heading``, ``caption``, ``signature``, ``other``;
      only ``sentence`` rows count as claims in the density.

    Where a sentence has several attributions, the row shows the one a reader can check least
    (another outlet, then an unnamed source, an organisation, a person).
    """
    import pandas as pd

    series, outlets = _texts_and_outlets(texts, text, id, source)
    rows = []
    for k, (label, value) in enumerate(series.items()):
        if not isinstance(value, str):
            continue
        outlet = outlets[k] if outlets is not None and isinstance(outlets[k], str) else None
        rows.extend(_row(label, item) for item in analyse(value, outlet))
    return pd.DataFrame(rows, columns=FRAME_COLUMNS)


def _texts_and_outlets(texts: Any, text: str, id: str | None, source: str | None) -> tuple[Any, list[Any] | None]:
    """The texts as a Series labelled as :func:`attribution_frame` says, and each one's outlet
    (None when no source column is given)."""
    import pandas as pd

    if isinstance(texts, pd.DataFrame):
        series = texts[text]
        if id is not None:
            series = pd.Series(series.to_numpy(), index=texts[id].to_numpy())
        return series, (texts[source].tolist() if source is not None else None)
    if isinstance(texts, pd.Series):
        return texts, None
    return pd.Series(list(texts)), None


def _row(label: Any, item: SentenceAttribution) -> dict[str, Any]:
    """One sentence's row of :func:`attribution_frame`: its primary attribution, if any."""
    a = item.primary
    return {
        "id": label,
        "start": item.sentence.start,
        "end": item.sentence.end,
        "text": item.sentence.text,
        "attributed": item.attributed,
        "cue": a.cue if a else "",
        "cue_start": a.cue_start if a else -1,
        "cue_end": a.cue_end if a else -1,
        "source": a.source if a else "",
        "source_start": a.source_start if a else -1,
        "source_end": a.source_end if a else -1,
        "source_kind": a.kind if a else "",
        "quote": a.quote if a else "",
        "carried": bool(a and a.carried),
        "kind": item.sentence.kind,
    }
