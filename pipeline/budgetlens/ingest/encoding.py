"""Bytes of converter text → str, whatever the encoding (UTF-8, GB18030/GBK, UTF-16).

Fast path first: a BOM, then strict UTF-8, then strict GB18030 (a superset of GBK
and GB2312). charset-normalizer is asked only when neither decodes cleanly. A few
bad bytes are replaced and reported; mostly-undecodable or binary data is refused.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from budgetlens.errors import DecodeError, EmptyInputError, UnsupportedFormatError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
MAX_REPLACED_SHARE = 0.01  # more undecodable characters than this: the guess is wrong


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    replaced: int = 0  # characters that could not be decoded (shown as U+FFFD)


def decode_bytes(data: bytes) -> Decoded:
    if not data.strip():
        raise EmptyInputError()
    for bom, name in BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(name, errors="replace"), name)
    if b"\x00" in data[:4096]:
        raise UnsupportedFormatError("二进制数据，不是文本（binary data, not text）")
    for name in ("utf-8", "gb18030"):
        try:
            return Decoded(data.decode(name), name)
        except UnicodeDecodeError:
            continue
    return _best_effort(data)


def _best_effort(data: bytes) -> Decoded:
    guess = from_bytes(data).best()
    names = ([guess.encoding] if guess is not None else []) + ["utf-8", "gb18030"]
    for name in dict.fromkeys(names):
        text = data.decode(name, errors="replace")
        replaced = text.count("\ufffd")
        if replaced <= MAX_REPLACED_SHARE * max(len(text), 1):
            return Decoded(text, name, replaced)
    raise DecodeError("既不是 UTF-8 也不是 GB18030（neither UTF-8 nor GB18030）")
