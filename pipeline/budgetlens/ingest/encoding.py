"""Bytes of converter text → str, whatever the encoding (UTF-8, GB18030/GBK/GB2312, UTF-16/32).

Chinese disclosures come as UTF-8 or as GBK/GB18030, so those are tried strictly and
in that order, after a BOM; charset-normalizer is asked only when neither fits.
UTF-8 goes first, and "UTF-8 with a few bad bytes" before strict GB18030, because
GB18030 accepts almost any byte pair: UTF-8 with one stray byte would otherwise
come out as GB18030 mojibake. A few undecodable bytes are replaced (U+FFFD) and
counted so the reader can warn; mostly-undecodable data is refused. U+FFFD already
present in valid text (converter truncation) is content and is not counted.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from budgetlens.errors import DecodeError, EmptyInputError, UnsupportedFormatError

# UTF-32 LE starts with the UTF-16 LE BOM, so it is tested first.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
STRICT_ORDER = ("utf-8", "gb18030")
REPLACED_SHARE = 0.005  # of the non-ASCII bytes: more bad bytes than this and the codec is wrong
MIN_GB2312_SHARE = 0.5  # a real GBK text is mostly common (GB2312) characters
MAX_CHAOS = 0.2  # charset-normalizer's mess ratio above which its guess is noise


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    replaced: int = 0  # undecodable byte sequences shown as U+FFFD
    guessed: bool = False  # encoding chosen by charset-normalizer, not by a strict decode

    @property
    def warnings(self) -> list[str]:
        notes = []
        if self.replaced:
            notes.append(f"{self.replaced} 处字节无法按 {self.encoding} 解码，已替换为 U+FFFD"
                         f"（{self.replaced} undecodable byte sequence(s) replaced）")
        if self.guessed:
            notes.append(f"编码由 charset-normalizer 推测为 {self.encoding}（encoding guessed）")
        return notes


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of converter text; see `decode` for the rules."""
    decoded = decode(data)
    return decoded.text, decoded.encoding


def decode(data: bytes) -> Decoded:
    """Decode with BOM → strict UTF-8 → UTF-8 with a few bad bytes → GB18030 → guess."""
    decoded = _decode(data)
    if not decoded.text.lstrip("\ufeff").strip():
        raise EmptyInputError()
    return decoded


def _decode(data: bytes) -> Decoded:
    if not data.strip():
        raise EmptyInputError()
    for bom, name in BOMS:
        if data.startswith(bom):
            text, replaced = decode_counting(data, name, max_errors=len(data))
            return Decoded(text, name, replaced)
    if b"\x00" in data[:4096]:  # text never holds NUL; UTF-16/32 without a BOM is not supported
        raise UnsupportedFormatError("二进制数据，不是文本（binary data, not text）")
    tolerance = max(1, int(REPLACED_SHARE * sum(b >= 0x80 for b in data)))
    for name in STRICT_ORDER:
        text, replaced = decode_counting(data, name, max_errors=tolerance)
        if replaced <= tolerance and (name != "gb18030" or replaced or plausible_chinese(text)):
            return Decoded(text, name, replaced)
    return _guess(data)


def decode_counting(data: bytes, codec: str, max_errors: int) -> tuple[str, int]:
    """Decode, replacing bad sequences; stop counting (and return) once past `max_errors`.

    Counting our own replacements, rather than U+FFFD in the output, keeps the
    U+FFFD that valid text already holds out of the count.
    """
    parts: list[str] = []
    position, errors = 0, 0
    while True:
        try:
            parts.append(data[position:].decode(codec))
            return "".join(parts), errors
        except UnicodeDecodeError as error:
            parts.append(data[position:position + error.start].decode(codec))
            parts.append("\ufffd")
            position += error.end
            errors += 1
            if errors > max_errors:
                return "".join(parts), errors


def plausible_chinese(text: str) -> bool:
    """Most non-ASCII characters of a GBK/GB18030 text are in GB2312 (the common set)."""
    sample = [ch for ch in text[:20000] if ord(ch) >= 0x80][:4000]
    if not sample:
        return True
    common = sum(_in_gb2312(ch) for ch in sample)
    return common >= MIN_GB2312_SHARE * len(sample)


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _guess(data: bytes) -> Decoded:
    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.chaos > MAX_CHAOS:
        raise DecodeError("既不是 UTF-8 也不是 GB18030，也无法推测（neither UTF-8 nor GB18030, no usable guess）")
    text, replaced = decode_counting(data, best.encoding, max_errors=len(data))
    return Decoded(text, best.encoding, replaced, guessed=True)
