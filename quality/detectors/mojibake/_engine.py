"""The search: find encoding damage in a text and the repairs that provably undo it.

1. **Scan.** One regex (``_charsets.hot_pattern``) finds the places worth a look. Clean English
   prose (ASCII, curly quotes, dashes, accented names) does not match at all, so the common
   case costs one regex pass.
2. **Propose.** Around each hit, the maximal run of non-ASCII characters is encoded back with
   each legacy codec that could have produced it; every stretch whose bytes are valid UTF-8 is
   a candidate repair. This is the round-trip check: a candidate exists only if re-encoding
   with the wrong codec and decoding as UTF-8 succeeds without error.
3. **Judge.** A candidate is accepted only if its word becomes clearly less surprising
   (``_plausibility``), helped by how unlikely a long valid stretch is by chance and,
   optionally, by word frequencies (``_words``). Overlapping candidates from different codecs
   compete; the most convincing wins. Judging runs in rounds, each in the context of the
   repairs already accepted, so that two damaged spans in one word do not hide each other.
4. **Peel.** An accepted repair is searched again, up to ``MAX_LAYERS`` times, for text that
   was mis-decoded more than once.
5. **Leftovers.** What no repair explains is still reported: C1 controls (windows-1252 read as
   Latin-1), U+FFFD, other control characters, undecoded HTML entities, and runs that have the
   shape and surprise of mojibake but no verified repair (bytes were lost).
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable, Iterator

from quality.detectors.mojibake import _tables as T
from quality.detectors.mojibake import rules as R
from quality.detectors.mojibake._charsets import (
    CONT_BYTES,
    DOUBLE_BYTE,
    INVALID_BYTE,
    LEAD2_BYTES,
    LEAD3_BYTES,
    LEAD4_BYTES,
    NBSP_BYTE,
    SINGLE_BYTE,
    SingleByteCodec,
    boundaries_of,
    double_byte_pieces,
    hot_pattern,
    name_single_byte,
    utf8_stretches,
)
from quality.detectors.mojibake._plausibility import context_window, info, surprise
from quality.detectors.mojibake._words import WordJudge

# The codes of the rules each kind of damage is reported under (quality/detectors/mojibake/rules.py).
SINGLE_BYTE_CODE = R.LATIN1_MOJIBAKE.code
DOUBLE_BYTE_CODE = R.EAST_ASIAN_MOJIBAKE.code
LAYERED_CODE = R.LAYERED_MOJIBAKE.code
UNREPAIRED_CODE = R.UNREPAIRABLE.code
REPLACEMENT_CODE = R.REPLACEMENT_CHARACTER.code
C1_CODE = R.C1_CONTROL.code
CONTROL_CODE = R.CONTROL.code
NUL_CODE = R.NUL.code
ENTITY_CODE = R.ENTITY.code

# The rules that mean "this text was decoded with the wrong codec" (the benchmark's positives).
MISDECODING_CODES = frozenset({SINGLE_BYTE_CODE, DOUBLE_BYTE_CODE, LAYERED_CODE, UNREPAIRED_CODE, C1_CODE})


@dataclass(frozen=True)
class Damage:
    """One piece of encoding damage: ``text[start:end]``, what explains it, and its repair."""

    code: str
    start: int
    end: int
    repair: str | None  # the verified replacement text, or None when nothing can be restored
    codecs: tuple[str, ...] = ()  # the wrong codecs undone, outermost first
    note: str = ""

    @property
    def chain(self) -> str:
        """The history of the text, e.g. ``utf-8 → gbk`` or ``utf-8 → cp1252 → utf-8 → cp1252``
        (for a C1 control: ``cp1252 → latin-1``)."""
        if self.code == C1_CODE:
            return " → ".join(self.codecs)
        steps: list[str] = []
        for codec in reversed(self.codecs):
            steps += ["utf-8", codec]
        return " → ".join(steps)


@dataclass
class _Candidate:
    start: int
    end: int
    decoded: str
    codec: str
    double_byte: bool
    priority: int  # the codec's rank: earlier codecs win ties
    guessed: bool = False  # assumes a lost byte
    evidence: float = 0.0  # how unlikely the valid stretch is by chance
    inner: tuple[str, ...] = ()  # further wrong codecs undone inside ``decoded``, outermost first
    eats_space: bool = False  # a lost-byte candidate that takes the space as the lost byte
    window: tuple[int, int] | None = None  # the context it is judged in
    parent: "_Candidate | None" = None  # for a deeper layer: the candidate one layer shallower
    gain: float = 0.0
    family: str = ""  # the codec family, for consistency between repairs of one text
    also: set[str] = field(default_factory=set)  # other families that give the same repair

    def __post_init__(self) -> None:
        if not self.family:
            self.family = _FAMILY.get(self.codec, self.codec)

BYTE_ORDER_MARK = "\ufeff"


class _Accepted:
    """Non-overlapping accepted candidates, sorted by start, with fast overlap queries."""

    def __init__(self) -> None:
        self.items: list[_Candidate] = []
        self._starts: list[int] = []

    def add(self, c: _Candidate) -> None:
        k = bisect_left(self._starts, c.start)
        self._starts.insert(k, c.start)
        self.items.insert(k, c)

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self._starts, max(end, start + 1))
        return k > 0 and self.items[k - 1].end > start

    def within(self, left: int, right: int) -> list[_Candidate]:
        lo, hi = bisect_left(self._starts, left), bisect_left(self._starts, right)
        return [c for c in self.items[lo:hi] if c.end <= right]


@lru_cache(maxsize=1)
def _hot() -> re.Pattern[str]:
    return hot_pattern()


# Codec names that belong to one family (a repair by either supports the other).
_FAMILY = {"latin-1": "cp1252", **{c: f.name for f in DOUBLE_BYTE for c in f.python_codecs}}
_SINGLE_LEADS = [frozenset(c.lead2 + c.lead3 + c.lead4) for c in SINGLE_BYTE]
_DB_START = min(a for a, _ in T.DOUBLE_BYTE_TRIGGER_RANGES)
_ENTITY_BODY = re.compile(T.ENTITY_PATTERN[1:])
_LETTERS = re.compile(r"[^\W\d_]*")


# A combining diacritic (U+0300-U+036F), and a letter with those after it.
_MARK = re.compile("[\u0300-\u036f]")
_WITH_MARKS = re.compile(r".[\u0300-\u036f]+", re.DOTALL)


def composed(text: str) -> tuple[str, list[int]] | None:
    """``text`` with each letter and its combining marks made one character where Unicode
    composes them (NFC), and for each character of the result the offset in ``text`` where it
    begins (one more entry at the end: ``len(text)``); None when nothing composes. Only such
    pairs change: NFC would also rewrite characters the codecs care about (CJK compatibility
    ideographs), which must stay as the text has them."""
    first = _MARK.search(text)  # the common case, no mark at all, at the cost of one quick scan
    if first is None:
        return None
    pieces: list[str] = []
    origin: list[int] = []
    done = 0
    for match in _WITH_MARKS.finditer(text, max(0, first.start() - 1)):
        one = unicodedata.normalize("NFC", match.group())
        if len(one) != 1:
            one = _spacing_mark(text, match)
            if one is None:
                continue
        pieces += [text[done : match.start()], one]
        origin += [*range(done, match.start()), match.start()]
        done = match.end()
    if not pieces:
        return None
    pieces.append(text[done:])
    origin += range(done, len(text) + 1)
    return "".join(pieces), origin


# NFKD writes a spacing diacritic as a space and its combining mark ("¨" as " " + U+0308). In
# mojibake those diacritics are continuation bytes (cp1252 0xA8 "¨" after "Ã" is "è"), so after a
# UTF-8 lead character read as Latin-1 (U+00C2-U+00F4) the pair stands for the spacing character.
_LATIN1_LEADS = frozenset(map(chr, (*LEAD2_BYTES, *LEAD3_BYTES, *LEAD4_BYTES)))
_SPACING_MARKS = {"\u0308": "\u00a8", "\u0301": "\u00b4", "\u0327": "\u00b8", "\u0304": "\u00af", "\u0303": "\u02dc"}


def _spacing_mark(text: str, match: re.Match[str]) -> str | None:
    """The spacing diacritic a space and one combining mark stand for, right after a lead character."""
    pair, start = match.group(), match.start()
    if len(pair) == 2 and pair[0] == " " and start > 0 and text[start - 1] in _LATIN1_LEADS:
        return _SPACING_MARKS.get(pair[1])
    return None


class Engine:
    """Finds damage in texts. Thresholds are fixed per instance; instances hold only caches."""

    def __init__(self, min_gain: float = T.MIN_GAIN, use_wordfreq: bool = True) -> None:
        self.min_gain = min_gain
        self.words = WordJudge() if use_wordfreq else None

    # ---------------------------------------------------------------------------------- scan

    def find(self, text: str) -> list[Damage]:
        """Every piece of damage in ``text``, in order. A text whose accented letters were
        decomposed after it was garbled (normalised to NFD: ``A`` + U+0303 for ``Ã``) is read
        with its letters composed again, and the damage placed back on the text as given."""
        recomposed = composed(text)
        if recomposed is None:
            return self._find(text)
        whole, origin = recomposed
        return [replace(d, start=origin[d.start], end=origin[d.end]) for d in self._find(whole)]

    def _find(self, text: str) -> list[Damage]:
        damages: list[Damage] = []
        runs: list[tuple[int, int]] = []
        done = 0
        for match in _hot().finditer(text):
            pos = match.start()
            if pos < done:
                continue
            ch = text[pos]
            if ch == "&":
                damages.extend(self._entity(text, pos, match.end()))
                done = match.end()
            elif ch < "\x80":
                code = NUL_CODE if ch == "\x00" else CONTROL_CODE
                # A vertical tab is a word processor's line break; the rest is removed.
                repair = "\n" if ch == "\x0b" else ""
                damages.append(Damage(code, pos, pos + 1, repair, note=f"U+{ord(ch):04X}"))
                done = pos + 1
            else:
                start, end = _run_bounds(text, pos)
                runs.append((start, end))
                done = end
        if damages and any(d.code == ENTITY_CODE for d in damages):
            damages = self._behind_entities(text, damages)
        if not runs:
            return damages
        candidates = [c for start, end in runs for c in self._candidates(text, start, end)]
        accepted = self._judge(text, candidates)
        final = _Accepted()
        for c in accepted:
            final.add(c)
        damages.extend(self._peel(text, c, final) for c in accepted)
        covered = _Covered((c.start, c.end) for c in accepted)
        for start, end in runs:
            damages.extend(self._leftovers(text, start, end, covered))
        return sorted(damages, key=lambda d: (d.start, d.end))

    def _behind_entities(self, text: str, damages: list[Damage]) -> list[Damage]:
        """Mojibake that an HTML entity hides ("10Î&frac14;s" is "10Î¼s", which is "10μs"):
        look again with the entities decoded, and report what touches one on the original
        span, entity included."""
        entities = [d for d in damages if d.code == ENTITY_CODE]
        decoded_parts, spans, cursor, shift = [], [], 0, 0
        for d in entities:
            decoded_parts += [text[cursor : d.start], d.repair or ""]
            new_start = d.start + shift
            shift += len(d.repair or "") - (d.end - d.start)
            spans.append((new_start, d.end + shift, d.start, d.end))
            cursor = d.end
        decoded_parts.append(text[cursor:])
        decoded = "".join(decoded_parts)

        def to_original(pos: int, is_end: bool) -> int:
            offset = 0
            for new_start, new_end, old_start, old_end in spans:
                if pos < new_start or (is_end and pos == new_start):
                    break
                if pos < new_end or (is_end and pos == new_end):
                    return old_end if is_end else old_start
                offset = old_end - new_end
            return pos + offset

        hidden = []
        for d in self.find(decoded):
            if d.code in MISDECODING_CODES and any(d.start < e and s < d.end for s, e, _, _ in spans):
                start, end = to_original(d.start, False), to_original(d.end, True)
                hidden.append(Damage(d.code, start, end, d.repair, d.codecs, "hidden behind an HTML entity"))
        kept = [d for d in damages if not any(h.start <= d.start and d.end <= h.end for h in hidden)]
        return sorted(kept + hidden, key=lambda d: (d.start, d.end))

    def _entity(self, text: str, start: int, end: int) -> list[Damage]:
        # "&amp;amp;" and "&amp;#8217;" are entities escaped twice: one span, decoded fully.
        while text[start:end].endswith("&amp;"):
            more = _ENTITY_BODY.match(text, end)
            if not more:
                break
            end = more.end()
        entity = text[start:end]
        decoded = _unescape_fully(entity)
        if decoded == entity or not (decoded.isprintable() or decoded in "\t\n"):
            return []
        return [Damage(ENTITY_CODE, start, end, decoded)]

    # ---------------------------------------------------------------------------- candidates

    def _candidates(self, text: str, start: int, end: int) -> list[_Candidate]:
        run = text[start:end]
        found: list[_Candidate] = []
        space_after = end < len(text) and text[end] == " "
        for priority, codec in enumerate(SINGLE_BYTE):
            if _SINGLE_LEADS[priority].isdisjoint(run):
                continue
            data = codec.to_bytes(run)
            for stretch in utf8_stretches(data):
                span = run[stretch.start : stretch.end]
                evidence = T.SINGLE_BYTE_EVIDENCE_PER_BYTE * max(0, stretch.end - stretch.start - 2)
                first = _Candidate(start + stretch.start, start + stretch.end, stretch.decoded,
                                   name_single_byte(codec, span), False, priority, evidence=evidence)  # fmt: skip
                found.append(first)
                found.extend(_deeper(first))
            if space_after and codec.nbsp_at_a0 and _needs_one_more_byte(data):
                found.extend(self._lost_nbsp(start, end, data, codec.name, priority))
        if _has_double_byte_trigger(run):
            for offset, family in enumerate(DOUBLE_BYTE):
                for python_codec in family.python_codecs:
                    pieces = double_byte_pieces(run, python_codec)
                    if all(p[0] == INVALID_BYTE for p in pieces):
                        continue
                    for stretch in utf8_stretches(b"".join(pieces), boundaries_of(pieces)):
                        evidence = T.DOUBLE_BYTE_EVIDENCE_PER_CHAR * (stretch.end - stretch.start - 1)
                        found.append(
                            _Candidate(start + stretch.start, start + stretch.end, stretch.decoded,
                                       python_codec, True, len(SINGLE_BYTE) + offset, evidence=evidence)
                        )  # fmt: skip
        return found

    def _lost_nbsp(self, start: int, end: int, data: bytes, codec: str, priority: int) -> Iterator[_Candidate]:
        """The run ends inside a UTF-8 sequence and a space follows: the missing byte was most
        likely 0xA0, a no-break space that some step turned into a space (or dropped)."""
        for stretch in utf8_stretches(data + bytes([NBSP_BYTE])):
            if stretch.end != len(data) + 1:
                continue
            evidence = T.SINGLE_BYTE_EVIDENCE_PER_BYTE * max(0, stretch.end - stretch.start - 2)
            # The space was the no-break space ("Ã s" -> "às"), or the no-break space was lost
            # and the space is genuine ("Ã perturber" -> "à perturber").
            for span_end in (end, end + 1):
                yield _Candidate(start + stretch.start, span_end, stretch.decoded, codec, False, priority,
                                 guessed=True, evidence=evidence, eats_space=span_end > end,
                                 window=(start + stretch.start, end + 1))  # fmt: skip

    # ------------------------------------------------------------------------------- judging

    def _gain(self, text: str, c: _Candidate, applied: "_Accepted") -> float:
        if any(info(ch).cost >= T.IMPLAUSIBLE_OUTPUT_COST for ch in c.decoded if ch != "\ufffd"):
            return float("-inf")
        left, right = c.window if c.window and not c.guessed else context_window(text, *(c.window or (c.start, c.end)))
        others = [o for o in applied.within(left, right) if o.end <= c.start or o.start >= c.end]
        before_left = _render(text, left, c.start, others)
        before_right = _render(text, c.end, right, others)
        before = before_left + text[c.start : c.end] + before_right
        after = before_left + c.decoded + before_right
        gain = _surprise_cached(before) - _surprise_cached(after) + c.evidence
        if c.parent is not None:
            # A further layer must beat the shallower reading as any repair beats its input
            # ("âˆšÏ€" is "√π"; reading "√π" once more as MacRoman, "ù", is no improvement).
            shallower = before_left + c.parent.decoded + before_right
            if _surprise_cached(shallower) - _surprise_cached(after) < self.min_gain:
                return float("-inf")
        # A U+FFFD the repair uncovers ("ï¿½" is U+FFFD's own bytes) was lost before; the
        # repair does not add it, and it is reported on its own.
        gain += c.decoded.count("\ufffd") * T.CHAR_COSTS["\ufffd"]
        if c.guessed:
            if self.words is not None:  # words choose where the lost byte was
                gain += self._word_bonus(text, c, before, after, len(before_left))
            gain -= T.GUESSED_BYTE_MARGIN
            gain += T.TIE_BREAK if c.eats_space == _space_was_the_byte(text, c) else 0.0
        if c.end - c.start == 2 and text[c.end - 1] == "’" and _clitic_follows(text, c.end):
            gain -= T.CLITIC_PENALTY
        return gain

    def _word_bonus(self, text: str, c: _Candidate, before: str, after: str, at: int) -> float:
        """Word frequencies for the two readings of a lost no-break space: both are judged on
        the same words, the damaged one and the one after the space ("Ã s" -> "às" or "à s")."""
        space = c.end - 1 if c.eats_space else c.end
        next_word = len(_LETTERS.match(text, space + 1).group()) if space < len(text) else 0
        before_end = at + (space + 1 - c.start) + next_word
        after_end = at + len(c.decoded) + (0 if c.eats_space else 1) + next_word
        assert self.words is not None
        return self.words.bonus(before, (at, before_end), after, (at, after_end))

    def _judge(self, text: str, candidates: list[_Candidate]) -> list[_Candidate]:
        """Accept candidates in rounds; each round judges the rest in a context where the
        repairs accepted so far are applied. Ties go to the codec family that explains more of
        the text, then to the more common codec."""
        pending: list[_Candidate] = []
        by_key: dict[tuple[int, int, str], _Candidate] = {}
        for c in candidates:
            key = (c.start, c.end, c.decoded)
            if key in by_key:
                by_key[key].also.add(c.family)
            else:
                by_key[key] = c
                # Both readings of a lost byte are judged in the same context, to be comparable.
                c.window = context_window(text, *(c.window or (c.start, c.end)))
                pending.append(c)
        accepted = _Accepted()
        support: dict[str, int] = {}
        fresh: list[_Candidate] | None = None  # accepted in the last round (None: first round)
        for _ in range(T.MAX_ROUNDS):
            touched = None if fresh is None else _Reach(fresh)
            for c in pending:
                if touched is None or touched.reaches(*c.window):
                    c.gain = self._gain(text, c, accepted)
            scored = [c for c in pending if c.gain >= self.min_gain]
            if fresh is None:
                support = _support(scored)
            scored.sort(key=lambda c: (-round(c.gain, 6), -support.get(c.family, 0), c.priority, c.start))
            fresh = []
            for c in scored:
                if not accepted.overlaps(c.start, c.end):
                    accepted.add(c)
                    fresh.append(c)
            if not fresh:
                break
            pending = [c for c in pending if not accepted.overlaps(c.start, c.end)]
        for c in self._joint(text, pending, accepted) + self._supported(pending, accepted):
            if not accepted.overlaps(c.start, c.end):
                accepted.add(c)
        return self._consistent(text, accepted, list(by_key.values()))

    def _joint(self, text: str, pending: list[_Candidate], accepted: "_Accepted") -> list[_Candidate]:
        """Weak repairs of one codec family in one token, convincing together."""
        groups: dict[tuple[str, int], list[_Candidate]] = {}
        weak = [c for c in pending if 0 < c.gain < self.min_gain and not c.guessed and not accepted.overlaps(c.start, c.end)]
        token_starts = _token_starts(text, [c.start for c in weak])
        for c in weak:
            groups.setdefault((c.family, token_starts[c.start]), []).append(c)
        joined: list[_Candidate] = []
        for members in groups.values():
            chosen = _Accepted()
            for c in sorted(members, key=lambda c: -c.gain):
                if not chosen.overlaps(c.start, c.end):
                    chosen.add(c)
            if len(chosen.items) >= T.MIN_JOINT_MEMBERS and sum(c.gain for c in chosen.items) >= self.min_gain:
                joined.extend(chosen.items)
        return joined

    def _supported(self, pending: list[_Candidate], accepted: "_Accepted") -> list[_Candidate]:
        """Once a text is known to contain one codec family's mojibake, weaker repairs of the
        same family elsewhere in it need less evidence ("jedynÄ…" next to "MiÄ™dzynarodowe")."""
        families = {c.family for c in accepted.items if not c.guessed}
        return [
            c
            for c in sorted(pending, key=lambda c: (-round(c.gain, 6), c.priority))
            if c.family in families and T.SUPPORTED_MIN_GAIN <= c.gain < self.min_gain
        ]

    @staticmethod
    def _consistent(text: str, accepted: "_Accepted", candidates: list[_Candidate]) -> list[_Candidate]:
        """A wrong codec garbles every sequence it touches, so its repairs must work for most of
        them. A repair whose own codec's other candidates in the same words were rejected more
        often than accepted is a coincidence ("├┤a┼┐a┼┐a" is box drawing, not cp437 mojibake)."""
        taken_ids = {id(c) for c in accepted.items}
        by_family: dict[str, list[_Candidate]] = {}
        for o in sorted(candidates, key=lambda o: o.start):
            if not o.guessed:
                by_family.setdefault(o.family, []).append(o)
        starts = {family: [o.start for o in members] for family, members in by_family.items()}
        kept = []
        for c in accepted.items:
            left, right = c.window or context_window(text, c.start, c.end)
            members = by_family.get(c.family, [])
            lo, hi = bisect_left(starts.get(c.family, []), left), bisect_left(starts.get(c.family, []), right)
            same = [o for o in members[lo:hi] if o.end <= right]
            taken = sum(1 for o in same if id(o) in taken_ids)
            refused = sum(1 for o in same if not accepted.overlaps(o.start, o.end))
            if refused <= taken:
                kept.append(c)
        return kept

    # -------------------------------------------------------------------------------- layers

    def _peel(self, text: str, first: _Candidate, accepted: _Accepted) -> Damage:
        """Undo further layers inside an accepted repair, as long as each is itself accepted."""
        codecs = [first.codec, *first.inner]
        repaired = first.decoded
        left, right = context_window(text, first.start, first.end)
        others = [o for o in accepted.within(left, right) if o is not first]
        prefix, suffix = _render(text, left, first.start, others), _render(text, first.end, right, others)
        while len(codecs) < T.MAX_LAYERS and _hot().search(repaired):
            local = prefix + repaired + suffix
            lo, hi = len(prefix), len(prefix) + len(repaired)
            inner = [
                c
                for run_start, run_end in _runs_within(local, lo, hi)
                for c in self._candidates(local, run_start, run_end)
                if lo <= c.start and c.end <= hi
            ]
            layer = self._judge(local, inner)
            if not layer:
                break
            repaired = _render(local, lo, hi, layer)
            codecs.append("+".join(sorted({c.codec for c in layer})))
        cut_short = _inner_layer_cut_short(text, first.end, repaired, accepted)
        if cut_short is not None:
            # "Ã\x83Â" + a lost byte: the outer layer repairs to "ÃÂ", itself mojibake whose
            # last byte is gone, so the letter cannot be restored.
            return Damage(UNREPAIRED_CODE, first.start, cut_short, None, tuple(codecs), "mis-decoded twice, and a byte of the inner layer was lost")
        if len(codecs) > 1:
            code = LAYERED_CODE
        else:
            code = DOUBLE_BYTE_CODE if first.double_byte else SINGLE_BYTE_CODE
        note = "assumes a no-break space that became a space" if first.guessed else ""
        if BYTE_ORDER_MARK in repaired:
            # A byte-order mark that became text (files joined, or a BOM-less reader): it marks
            # nothing inside a text, and one at the start would be taken for the file's own mark.
            repaired = repaired.replace(BYTE_ORDER_MARK, "")
            note = "a byte-order mark read as text, removed"
        return Damage(code, first.start, first.end, repaired, tuple(codecs), note)

    # ----------------------------------------------------------------------------- leftovers

    def _leftovers(self, text: str, start: int, end: int, covered: "_Covered") -> list[Damage]:
        damages: list[Damage] = []
        for seg_start, seg_end in _gaps(start, end, covered):
            lossy = self._unrepaired(text, seg_start, seg_end)
            damages.extend(lossy)
            for pos in range(seg_start, seg_end):
                ch = text[pos]
                if "\x80" <= ch <= "\x9f" and not lossy:
                    damages.append(self._c1(text, pos))
                elif ch == "\ufffd":
                    damages.append(Damage(REPLACEMENT_CODE, pos, pos + 1, None))
        return damages

    def _c1(self, text: str, pos: int) -> Damage:
        """A C1 control is almost always a windows-1252 byte read as Latin-1 (0x92 for ’, 0x85
        for …). Five bytes have no windows-1252 character; those are plain control characters.
        Inside a word, a MacRoman letter may fit better (0x92 is "í" there)."""
        byte = bytes([ord(text[pos])])
        try:
            as_cp1252 = byte.decode("cp1252")
        except UnicodeDecodeError:
            return Damage(CONTROL_CODE, pos, pos + 1, "", note=f"U+{ord(text[pos]):04X}")
        options = [(as_cp1252, "cp1252")]
        as_mac = byte.decode("mac_roman")
        inside_word = 0 < pos < len(text) - 1 and text[pos - 1].isalpha() and text[pos + 1].isalpha()
        if inside_word and as_mac.isalpha():
            options.append((as_mac, "mac_roman"))
        left, right = context_window(text, pos, pos + 1)
        best, best_codec, best_cost = as_cp1252, "cp1252", float("inf")
        for repl, codec in options:
            after = text[left:pos] + repl + text[pos + 1 : right]
            cost = surprise(after)
            if self.words is not None:
                cost -= self.words.bonus(text[left:right], (pos - left, pos + 1 - left), after, (pos - left, pos - left + len(repl)))
            if cost < best_cost:
                best, best_codec, best_cost = repl, codec, cost
        return Damage(C1_CODE, pos, pos + 1, best, (best_codec, "latin-1"))

    def _unrepaired(self, text: str, start: int, end: int) -> list[Damage]:
        """Mojibake whose bytes did not all survive: a UTF-8 lead character of some code page
        followed by its continuation characters, cut short by a lost byte ("?", U+FFFD) or by
        a character that does not fit, in a span as surprising as mojibake is."""
        span_end = end + 1 if end < len(text) and text[end] == "?" else end
        span = text[start:span_end]
        if len(span) < 2:
            return []
        broken = [codec for codec in SINGLE_BYTE if _has_broken_sequence(codec, span)]
        if not broken:
            return []
        left, right = context_window(text, start, span_end)
        cost = _surprise_cached(text[left:right])
        if cost < T.UNREPAIRED_MIN_COST:
            return []
        return [Damage(UNREPAIRED_CODE, start, span_end, None, note=f"surprise {cost:.1f}")]


# ------------------------------------------------------------------------------------ helpers


@lru_cache(maxsize=4096)
def _surprise_cached(text: str) -> float:
    return surprise(text)


def _deeper(first: _Candidate) -> Iterator[_Candidate]:
    """Candidates that undo further layers of the whole decoded text at once ("Ã¢â€šÂ¬" is
    "€" mis-decoded twice). Judged as a whole, a double repair can win where its first layer
    alone looks no better than the input ("Г‚ВЈ" -> "Â£" -> "£")."""
    current, codecs, parent = first.decoded, (), first
    for _ in range(T.MAX_LAYERS - 1):
        if current.isascii() or not _hot().search(current):
            return
        for codec in SINGLE_BYTE:
            redecoded = _redecode(current, codec)
            if redecoded is not None:
                current, codecs = redecoded, (*codecs, name_single_byte(codec, current))
                parent = _Candidate(first.start, first.end, current, first.codec, first.double_byte,
                                    first.priority, first.guessed, first.evidence, codecs, parent=parent)  # fmt: skip
                yield parent
                break
        else:
            return


def _redecode(text: str, codec: SingleByteCodec) -> str | None:
    """``text`` read back through ``codec`` and decoded as UTF-8, if every character fits."""
    out = bytearray()
    encode = codec.encode
    for ch in text:
        if ch < "\x80":
            out.append(ord(ch))
        elif ch in encode:
            out.append(encode[ch])
        else:
            return None
    try:
        decoded = out.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return decoded if decoded != text else None


def _support(scored: list[_Candidate]) -> dict[str, int]:
    """For each codec family, how many of the spans that gain-alone would repair it explains:
    the tie-break between families that explain a span equally well ("Ăą" is "á" in Latin-2,
    "å" in cp1250; the text's other repairs say which codec it went through)."""
    chosen = _Accepted()
    for c in sorted(scored, key=lambda c: (-c.gain, c.priority, c.start)):
        if not chosen.overlaps(c.start, c.end):
            chosen.add(c)
    spans = {(c.start, c.end) for c in chosen.items}
    explains: dict[tuple[int, int], set[str]] = {}
    for c in scored:
        if (c.start, c.end) in spans:
            explains.setdefault((c.start, c.end), set()).update({c.family} | c.also)
    support: dict[str, int] = {}
    for families in explains.values():
        for family in families:
            support[family] = support.get(family, 0) + 1
    return support


def _token_start(text: str, pos: int) -> int:
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _token_starts(text: str, positions: list[int]) -> dict[int, int]:
    """``_token_start`` for many positions, walking each stretch of text once (in a long run
    without spaces, one walk per position back to the run's start would be quadratic)."""
    found: dict[int, int] = {}
    previous, token = 0, 0
    for pos in sorted(set(positions)):
        back = pos
        while back > previous and not text[back - 1].isspace():
            back -= 1
        if back > previous:  # a space in between; else the token began where the last one did
            token = back
        found[pos] = token
        previous = pos
    return found


def _space_was_the_byte(text: str, c: _Candidate) -> bool:
    """For a lost no-break space: whether the space itself most likely was it. Yes when it
    separates no letters ("Â „"), when what follows is more damage ("à¸ à¸²"), or when the
    repair is not a letter ("Ù Ù" -> "٠٠"); no when it separates an ASCII word ("Ã le")."""
    after_space = c.end if c.eats_space else c.end + 1
    following = text[after_space] if after_space < len(text) else " "
    return not (following.isascii() and following.isalpha()) or not c.decoded[-1:].isalpha()


def _clitic_follows(text: str, pos: int) -> bool:
    for clitic in T.CLITICS:
        end = pos + len(clitic)
        if text.startswith(clitic, pos) and (end == len(text) or not text[end].isalpha()):
            return True
    return False


def _has_double_byte_trigger(run: str) -> bool:
    for ch in run:
        code = ord(ch)
        if code >= _DB_START and any(a <= code <= b for a, b in T.DOUBLE_BYTE_TRIGGER_RANGES):
            return True
    return False


def _render(text: str, start: int, end: int, repairs: list[_Candidate]) -> str:
    """``text[start:end]`` with the repairs that lie inside it applied."""
    pieces, cursor = [], start
    for r in sorted(repairs, key=lambda r: r.start):
        if start <= r.start and r.end <= end and r.start >= cursor:
            pieces += [text[cursor : r.start], r.decoded]
            cursor = r.end
    pieces.append(text[cursor:end])
    return "".join(pieces)


def _run_bounds(text: str, pos: int) -> tuple[int, int]:
    start = pos
    while start > 0 and text[start - 1] >= "\x80":
        start -= 1
    end = pos + 1
    while end < len(text) and text[end] >= "\x80":
        end += 1
    return start, end


def _runs_within(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    pos = lo
    while pos < hi:
        if text[pos] >= "\x80":
            end = pos
            while end < hi and text[end] >= "\x80":
                end += 1
            yield pos, end
            pos = end
        else:
            pos += 1


class _Reach:
    """Whether any of some spans overlaps a window, by bisection: checking every candidate's
    window against every repair of the last round would be quadratic on long articles."""

    def __init__(self, spans: Iterable[_Candidate]) -> None:
        ordered = sorted((c.start, c.end) for c in spans)
        self.starts = [a for a, _ in ordered]
        self.max_end: list[int] = []  # the largest end among the spans sorted up to here
        for _, b in ordered:
            self.max_end.append(max(b, self.max_end[-1]) if self.max_end else b)

    def reaches(self, left: int, right: int) -> bool:
        """``any(left < s.end and s.start < right for s in spans)``."""
        k = bisect_left(self.starts, right)  # the spans starting before ``right``
        return k > 0 and self.max_end[k - 1] > left


class _Covered:
    """Repaired spans sorted by start, prepared once for the ``_gaps`` of every run (sorting and
    scanning them all for every run would be quadratic on long articles)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        ends = [b for _, b in self.spans]
        # Accepted repairs never overlap, so their ends are in order too and can be bisected.
        self.ends = ends if all(x <= y for x, y in zip(ends, ends[1:])) else None


def _gaps(start: int, end: int, covered: _Covered) -> Iterator[tuple[int, int]]:
    """The stretches of ``start:end`` that no covered span reaches."""
    cursor = start
    spans = covered.spans
    first = bisect_right(covered.ends, start) if covered.ends is not None else 0  # skip spans ending before
    for i in range(first, len(spans)):
        a, b = spans[i]
        if a >= end:
            break  # sorted by start: no later span reaches into start:end either
        if b <= start:
            continue
        if a > cursor:
            yield cursor, a
        cursor = max(cursor, b)
    if cursor < end:
        yield cursor, end


def _needs_one_more_byte(data: bytes) -> bool:
    """Whether ``data`` ends in a UTF-8 sequence missing exactly its last byte."""
    n = len(data)
    if n >= 1 and data[-1] in LEAD2_BYTES:
        return True
    if n >= 2 and data[-2] in LEAD3_BYTES and data[-1] in CONT_BYTES:
        return True
    return n >= 3 and data[-3] in LEAD4_BYTES and data[-2] in CONT_BYTES and data[-1] in CONT_BYTES


_LOST = "?\ufffd"  # what a byte that could not be decoded became


# What the outer layer of double-encoded Latin text repairs to: the cp1252 reading of UTF-8's
# lead bytes 0xC2-0xC5 (Latin-1 Supplement and Latin Extended-A), still mojibake.
_INNER_LEADS = "ÂÃÄÅ"
# The characters that continue such a sequence: bytes 0x80-0xBF read as cp1252 or Latin-1.
_LATIN_CONTINUATIONS = frozenset(bytes(CONT_BYTES).decode("cp1252", errors="ignore")) | frozenset(map(chr, CONT_BYTES))


def _inner_layer_cut_short(text: str, end: int, repaired: str, accepted: "_Accepted") -> int | None:
    """Where the damage ends when a repair leaves mojibake that cannot be undone: the repaired
    text ends in one of ``_INNER_LEADS`` and the characters after it, repaired by nothing else,
    do not continue its UTF-8 sequence ("Ã\x83Â" + a lost byte repairs to "ÃÂ"). None when the
    repair is sound or the next characters are another repair's."""
    if not repaired or repaired[-1] not in _INNER_LEADS or end >= len(text) or text[end] < "\x80" or accepted.overlaps(end, end + 1):
        return None
    run_end = end
    while run_end < len(text) and text[run_end] >= "\x80" and not accepted.overlaps(run_end, run_end + 1):
        run_end += 1
    return run_end if text[end] not in _LATIN_CONTINUATIONS else None


def _has_broken_sequence(codec: SingleByteCodec, span: str) -> bool:
    """A lead character followed by continuation characters of ``codec`` and then by a lost
    byte or too soon by anything else: the start of a UTF-8 sequence that did not decode."""
    data = codec.to_bytes(span)
    for k, byte in enumerate(data):
        if byte in LEAD2_BYTES:
            need = 1
        elif byte in LEAD3_BYTES:
            need = 2
        elif byte in LEAD4_BYTES:
            need = 3
        else:
            continue
        j = k + 1
        while j < len(data) and j - k <= need and data[j] in CONT_BYTES:
            j += 1
        got = j - k - 1
        if got < need and j < len(span) and span[j] in _LOST and (got >= 1 or span[j] == "\ufffd"):
            return True
        if 1 <= got < need:
            return True
    return False


def _unescape_fully(entity: str) -> str:
    """Decode an entity, and again while the result is itself an entity (``&amp;amp;``)."""
    current = entity
    for _ in range(4):
        decoded = html.unescape(current)
        if decoded == current:
            break
        current = decoded
    return current
