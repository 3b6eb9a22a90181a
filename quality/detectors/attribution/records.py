"""What the attribution analysis finds: one ``Attribution`` per cue, and each sentence with its own
attributions or the one carried over from its neighbours."""

from __future__ import annotations

from dataclasses import dataclass, replace

from quality.segment import SENTENCE, Sentence

PERSON = "person"
ORGANISATION = "organisation"
MEDIA = "media"
ANONYMOUS = "anonymous"
KINDS = (PERSON, ORGANISATION, MEDIA, ANONYMOUS)
KIND_PRECEDENCE = (MEDIA, ANONYMOUS, ORGANISATION, PERSON)  # what a reader can check, worst first
DIRECT = "direct"
INDIRECT = "indirect"


@dataclass(frozen=True)
class Attribution:
    """One cue and its source. Offsets are into the article; a missing source has start -1."""

    cue: str
    cue_start: int
    cue_end: int
    source: str
    source_start: int
    source_end: int
    kind: str  # person | organisation | media | anonymous
    quote: str  # direct | indirect
    carried: bool = False

    def as_carried(self) -> Attribution:
        """The same source, lent to a neighbouring sentence inside its quotation."""
        return replace(self, quote=DIRECT, carried=True)


@dataclass(frozen=True)
class SentenceAttribution:
    """A sentence with the attributions found in it, or carried over from its neighbours."""

    sentence: Sentence
    own: tuple[Attribution, ...] = ()
    carried: Attribution | None = None

    @property
    def attributions(self) -> tuple[Attribution, ...]:
        return self.own or ((self.carried,) if self.carried else ())

    @property
    def attributed(self) -> bool:
        return bool(self.own or self.carried)

    @property
    def is_claim(self) -> bool:
        """States something that may need a source: not a question, heading, caption, etc."""
        return self.sentence.kind == SENTENCE

    @property
    def primary(self) -> Attribution | None:
        """The attribution that decides how far a reader can check the sentence."""
        found = self.attributions
        if not found:
            return None
        return min(found, key=lambda a: (KIND_PRECEDENCE.index(a.kind), a.cue_start))

    @property
    def kinds(self) -> set[str]:
        return {a.kind for a in self.attributions}

    def speaker(self) -> Attribution | None:
        """For carry-over: the attribution that names the speaker, not the outlet passing it on."""
        found = self.attributions
        named = [a for a in found if a.source_start >= 0 and a.kind != MEDIA]
        return (named or list(found) or [None])[0]
