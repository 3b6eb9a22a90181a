"""Legacy charsets as byte maps, and the search for UTF-8 hidden inside mis-decoded text.

Mojibake of UTF-8 is reversible when every byte survived: encoding the damaged characters back
with the codec that misread them gives the original UTF-8 bytes. This module answers, for a run
of characters and a codec, "which stretches of these characters are, byte for byte, valid UTF-8
with at least one multi-byte character?" It only proposes; ``_plausibility`` judges.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from quality.detectors.mojibake._tables import (
    DOUBLE_BYTE_CODECS,
    DOUBLE_BYTE_TRIGGER_RANGES,
    ENTITY_PATTERN,
    SINGLE_BYTE_CODECS,
)

# A byte that can never occur in UTF-8: stands for a character the codec cannot encode, so that
# it breaks any sequence it falls in.
INVALID_BYTE = 0xFF
# UTF-8 continuation bytes and the lead bytes that take one, two or three of them.
CONT_BYTES = range(0x80, 0xC0)
LEAD2_BYTES = range(0xC2, 0xE0)
LEAD3_BYTES = range(0xE0, 0xF0)
LEAD4_BYTES = range(0xF0, 0xF5)
NBSP_BYTE = 0xA0  # the continuation byte most often lost: NBSP turned into a space


@dataclass(frozen=True)
class SingleByteCodec:
    """A code page as a map from characters to bytes, with the UTF-8 roles of its characters."""

    name: str
    encode: dict[str, int]
    lead2: str  # characters of bytes 0xC2-0xDF: start a 2-byte UTF-8 sequence
    lead3: str  # 0xE0-0xEF
    lead4: str  # 0xF0-0xF4
    cont: str  # 0x80-0xBF: continuation bytes
    # Whether byte 0xA0 reads as a no-break space, which a later step may turn into a space or
    # drop: only then can a sequence's lost last byte be guessed to have been 0xA0.
    nbsp_at_a0: bool = False

    def to_bytes(self, run: str) -> bytes:
        get = self.encode.get
        return bytes(get(ch, INVALID_BYTE) for ch in run)


def _single_byte(name: str, python_codec: str) -> SingleByteCodec:
    encode: dict[str, int] = {}
    decoded: dict[int, str] = {}
    for byte in range(0x80, 0x100):
        try:
            ch = bytes([byte]).decode(python_codec)
        except UnicodeDecodeError:
            if byte >= 0xA0:
                continue  # an undefined letter position: nothing a decoder would produce
            ch = chr(byte)  # sloppy decoders keep undefined 0x80-0x9F bytes as C1 controls
        encode[ch] = byte
        decoded[byte] = ch
    if name == "cp1252":
        # Latin-1 decodes 0x80-0x9F as C1 controls; map them too, so one map covers both.
        for byte in range(0x80, 0xA0):
            encode.setdefault(chr(byte), byte)

    def chars(byte_range: range) -> str:
        found = "".join(decoded.get(b, "") for b in byte_range)
        if name == "cp1252" and byte_range is CONT_BYTES:
            found += "".join(chr(b) for b in range(0x80, 0xA0) if chr(b) not in found)
        return found

    leads = chars(LEAD2_BYTES), chars(LEAD3_BYTES), chars(LEAD4_BYTES)
    return SingleByteCodec(name, encode, *leads, chars(CONT_BYTES), nbsp_at_a0=decoded.get(NBSP_BYTE) == "\xa0")


SINGLE_BYTE: tuple[SingleByteCodec, ...] = tuple(_single_byte(n, p) for n, p in SINGLE_BYTE_CODECS)


def name_single_byte(codec: SingleByteCodec, span: str) -> str:
    """The code page a reader should be told about: windows-1252 and Latin-1 share one map."""
    if codec.name == "cp1252" and any("\x80" <= ch <= "\x9f" for ch in span):
        return "latin-1"
    return codec.name


@dataclass(frozen=True)
class DoubleByteFamily:
    """An East Asian codec family: its display name and the Python codecs to try in order."""

    name: str
    python_codecs: tuple[str, ...]


DOUBLE_BYTE: tuple[DoubleByteFamily, ...] = tuple(DoubleByteFamily(n, c) for n, c in DOUBLE_BYTE_CODECS)


@lru_cache(maxsize=65536)
def _encode_char(ch: str, python_codec: str) -> bytes:
    try:
        return ch.encode(python_codec)
    except UnicodeEncodeError:
        return bytes([INVALID_BYTE])


def double_byte_pieces(run: str, python_codec: str) -> list[bytes]:
    """Each character's bytes in the codec (``0xFF`` when it has none)."""
    return [_encode_char(ch, python_codec) for ch in run]


def double_byte_trigger_class() -> str:
    """A regex character class body matching the first character of any double-byte mojibake."""
    return "".join(f"{_re_char(a)}-{_re_char(b)}" for a, b in DOUBLE_BYTE_TRIGGER_RANGES)


# --------------------------------------------------------------------------------------------
# Finding UTF-8 inside bytes


def _cesu_or_escape(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decoding error handler: a UTF-8-encoded surrogate pair (CESU-8, as Java and MySQL's old
    ``utf8`` write emoji) becomes its character; any other bad byte is escaped as a lone
    surrogate U+DC80-U+DCFF, like ``surrogateescape``."""
    data, pos = error.object, error.start
    pair = data[pos : pos + 6]
    if (
        len(pair) == 6
        and pair[0] == 0xED and 0xA0 <= pair[1] <= 0xAF and 0x80 <= pair[2] <= 0xBF
        and pair[3] == 0xED and 0xB0 <= pair[4] <= 0xBF and 0x80 <= pair[5] <= 0xBF
    ):  # fmt: skip
        high = ((pair[1] & 0x0F) << 6) | (pair[2] & 0x3F)
        low = ((pair[4] & 0x0F) << 6) | (pair[5] & 0x3F)
        return chr(0x10000 + (high << 10) + low), pos + 6
    return chr(0xDC00 + data[pos]), pos + 1


codecs.register_error("quality-cesu8", _cesu_or_escape)


@dataclass(frozen=True)
class Stretch:
    """Characters ``start:end`` of a run whose bytes decode as UTF-8 to ``decoded``."""

    start: int
    end: int
    decoded: str
    cesu: bool = False  # needed the surrogate-pair (CESU-8) reading


def utf8_stretches(data: bytes, boundaries: Sequence[int] | None = None) -> list[Stretch]:
    """Maximal stretches of whole source characters whose bytes are valid UTF-8 containing at
    least one multi-byte character.

    ``boundaries[k]`` is the byte offset where source character ``k`` starts (plus the total
    length at the end); ``None`` means one byte per character. A stretch must start and end on
    character boundaries: a character half inside a UTF-8 sequence cannot be explained by it.
    """
    if boundaries is None:
        index_of: dict[int, int] | None = None
    else:
        index_of = {offset: k for k, offset in enumerate(boundaries)}
    decoded = data.decode("utf-8", "quality-cesu8")
    stretches: list[Stretch] = []
    pos = 0
    open_at = -1  # byte offset where the open stretch started, -1 when none is open
    buffer: list[str] = []
    good_end, good_len, cesu = -1, 0, False

    def close() -> None:
        if open_at >= 0 and good_end > open_at:
            text = "".join(buffer[:good_len])
            if not text.isascii():
                start = open_at if index_of is None else index_of[open_at]
                end = good_end if index_of is None else index_of[good_end]
                stretches.append(Stretch(start, end, text, cesu))

    for ch in decoded:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # an escaped invalid byte
            close()
            open_at, buffer, good_end, good_len, cesu = -1, [], -1, 0, False
            pos += 1
            continue
        if code < 0x80:
            size = 1
        elif code < 0x800:
            size = 2
        elif code < 0x10000:
            size = 3
        else:
            size = 6 if data[pos] == 0xED else 4
        if open_at < 0:
            if index_of is not None and pos not in index_of:
                pos += size
                continue
            open_at, buffer, good_end, good_len, cesu = pos, [], -1, 0, False
        buffer.append(ch)
        cesu = cesu or size == 6
        pos += size
        if index_of is None or pos in index_of:
            good_end, good_len = pos, len(buffer)
    close()
    return stretches


def boundaries_of(pieces: Sequence[bytes]) -> list[int]:
    offsets = [0]
    for piece in pieces:
        offsets.append(offsets[-1] + len(piece))
    return offsets


# --------------------------------------------------------------------------------------------
# The scan pattern


def _re_char(ch: str | int) -> str:
    code = ch if isinstance(ch, int) else ord(ch)
    return f"\\U{code:08x}" if code > 0xFFFF else f"\\u{code:04x}"


def _re_class(chars: str) -> str:
    """A character class body with consecutive code points folded into ranges (it compiles
    much faster than one literal per character)."""
    codes = sorted({ord(ch) for ch in chars})
    parts: list[str] = []
    k = 0
    while k < len(codes):
        j = k
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append(_re_char(codes[k]) if j == k else f"{_re_char(codes[k])}-{_re_char(codes[j])}")
        k = j + 1
    return "".join(parts)


# Control characters other than tab, line feed, form feed (a page break) and carriage return,
# plus U+FFFD.
CONTROL_CLASS = r"\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd"


def hot_pattern() -> re.Pattern[str]:
    """One regex that finds every place worth a closer look, and nothing else in clean text.

    The pattern starts with a single character class (so the regex engine skips ASCII text at C
    speed) and then checks, by look-behind on that character, the exact UTF-8 shape for each
    codec: a lead character followed by the right number of continuation characters of the
    same code page. Curly quotes, dashes and accented names in ordinary prose do not match.
    """
    controls = CONTROL_CLASS
    first = set("&")
    branches = [
        "(?<=&)" + ENTITY_PATTERN[1:],
        f"(?<=[{controls}])",
        f"(?<=[{double_byte_trigger_class()}])",
    ]
    for codec in SINGLE_BYTE:
        first.update(codec.lead2 + codec.lead3 + codec.lead4)
        cont = _re_class(codec.cont)
        branches.append(f"(?<=[{_re_class(codec.lead2)}])[{cont}]")
        branches.append(f"(?<=[{_re_class(codec.lead3)}])[{cont}]{{2}}")
        branches.append(f"(?<=[{_re_class(codec.lead4)}])[{cont}]{{3}}")
        # A sequence cut short by a lost byte: the no-break space that became a space
        # ("Ã perturber"), or a byte replaced by "?" or U+FFFD ("â€?").
        lead2_letters = "".join(ch for ch in codec.lead2 if ch.isalpha())
        if lead2_letters:
            branches.append(f"(?<=[{_re_class(lead2_letters)}])(?= )")
        branches.append(f"(?<=[{_re_class(codec.lead2)}])(?=[?\\ufffd])")
        branches.append(f"(?<=[{_re_class(codec.lead3)}])[{cont}](?=[ ?\\ufffd])")
    first_class = _re_class("".join(first)) + controls + double_byte_trigger_class()
    return re.compile(f"[{first_class}](?:{'|'.join(branches)})")
