"""One article text file, read exactly as the loader reads it and written back exactly as it was.

``quality lint --fix`` and ``quality fix`` both rewrite files in place. Both read a file here:
strictly, by the loader's rules (:func:`quality.load.decode_text_file`: UTF-8, or UTF-16/32 with
a byte-order mark or the NUL pattern of BOM-less text; NUL bytes, binary data, Latin-1 and other
encodings refused with the place and the reason), under the same ``max_article_chars`` limit, so
that a file ``quality score`` refuses as damaged is never "repaired". The encoding and mark are
remembered, and :func:`write_back` writes the repaired text in them, atomically, and only when
the bytes written decode back, by the same rules, to the same text in the same encoding.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quality.replace import Snapshot, replace_file, snapshot_of
from quality.load import DecodeError, TooLarge, decode_article, decode_text_file, read_article_file, text_encoding

__all__ = ["TextFile", "TooLarge", "decode_text", "read_text_file", "read_problem", "encode_as_read", "write_back"]


@dataclass(frozen=True)
class TextFile:
    """A file's text and the form its bytes had: ``bom + text.encode(codec)`` are those bytes."""

    text: str
    codec: str = "utf-8"
    bom: bytes = b""
    snapshot: Snapshot | None = None  # the file as read, checked again before it is replaced


def decode_text(data: bytes, max_chars: int | None) -> TextFile:
    """Decode a text file's bytes as the loader does; :class:`DecodeError` when they are not
    text we accept, :class:`TooLarge` when the text is over ``max_chars``."""
    return _text_file(data, decode_article(data, max_chars))


def _text_file(data: bytes, text: str) -> TextFile:
    bom, codec = text_encoding(data)
    return TextFile(text, codec, bom)


def read_text_file(path: Path, max_chars: int | None) -> TextFile:
    """Read and decode a file; one too large for ``max_chars`` in any encoding is refused from
    its size, unread. Raises ``OSError``, :class:`DecodeError` or :class:`TooLarge`."""
    data, text = read_article_file(path, max_chars)
    bom, codec = text_encoding(data)
    return TextFile(text, codec, bom, snapshot_of(path, data))


def read_problem(exc: OSError | DecodeError) -> str:
    """The message for a file that could not be read: ``cannot read: REASON``, or the size
    refusal as it is (the file may be fine, only too long for the configured limit)."""
    if isinstance(exc, TooLarge):
        return str(exc)
    if isinstance(exc, OSError):
        return f"cannot read: {exc.strerror or exc}"
    return f"cannot read: {exc}"


def encode_as_read(text: str, codec: str, bom: bytes) -> bytes:
    """``text`` in the encoding its file had; :class:`DecodeError` when those bytes would not
    read back as ``text`` in that encoding (a character the codec cannot hold, a repair that
    left a NUL, BOM-less UTF-16 that no longer looks like it, a new byte-order mark), so that a
    repair never writes a file the next run could not read, or would read differently."""
    try:
        data = bom + text.encode(codec)
    except UnicodeEncodeError as exc:
        raise DecodeError(f"the repaired text cannot be written as {codec}: {exc.reason} (character {exc.start})") from exc
    try:
        read_back = decode_text_file(data)
        read_as = text_encoding(data)
    except DecodeError as exc:
        raise DecodeError(f"the repaired text would not read back as {codec}: {exc}") from exc
    if read_as != (bom, codec) and text.startswith("\ufeff"):
        raise DecodeError("the repaired text would start with U+FEFF, which the next read takes for a byte-order mark")
    if read_as != (bom, codec):
        raise DecodeError(f"the repaired text would read back as {read_as[1]}, not as {codec}")
    if read_back != text:
        at = next((i for i, (a, b) in enumerate(zip(read_back, text)) if a != b), min(len(read_back), len(text)))
        raise DecodeError(f"the repaired text would not read back as the same {codec} text (from character {at})")
    return data


def write_back(path: Path, text: str, read_as: TextFile, within: Path | None = None) -> None:
    """Replace the file with ``text`` in the encoding and mark it was read in, safely
    (:func:`quality.replace.replace_file`: only if unchanged since ``read_as`` was read, keeping
    owner, mode, attributes and hard links; through a link, the file it points to is replaced,
    unless it lies outside ``within``). Raises :class:`DecodeError` (nothing written) when the
    text cannot be written back faithfully, ``OSError`` when the file may not be replaced."""
    assert read_as.snapshot is not None, "write_back needs a file read by read_text_file"
    replace_file(path, encode_as_read(text, read_as.codec, read_as.bom), read_as.snapshot, within)
