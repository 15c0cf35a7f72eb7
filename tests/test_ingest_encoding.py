"""Encoding detection for converter text: BOMs, UTF-8, GB18030/GBK, bad bytes, empty and binary input."""

from __future__ import annotations

import codecs

import pytest

from budgetlens.errors import DecodeError, EmptyInputError, UnsupportedFormatError
from budgetlens.ingest.encoding import decode, decode_bytes

# A sentence of seed 000 plus "镕", which is in GBK but not in GB2312.
SENTENCE = "2024 年收支总预算 4407.79 万元，比 2023 年预算增加 66.78 万元，增长 1.51%。朱镕"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(SENTENCE.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(SENTENCE.encode("gb18030"), "gb18030", id="gb18030"),
        pytest.param(SENTENCE.encode("gbk"), "gb18030", id="gbk-read-as-its-superset"),
        pytest.param(SENTENCE[:-2].encode("gb2312"), "gb18030", id="gb2312"),
        pytest.param(codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8-sig", id="utf-8-bom"),
        pytest.param(SENTENCE.encode("utf-16"), "utf-16", id="utf-16-bom"),
        pytest.param(codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "utf-16", id="utf-16-be-bom"),
        pytest.param(SENTENCE.encode("utf-32"), "utf-32", id="utf-32-bom"),
    ],
)
def test_encoding_detects_and_decodes(data: bytes, encoding: str) -> None:
    text, name = decode_bytes(data)
    assert name == encoding
    assert text.lstrip("\ufeff") in (SENTENCE, SENTENCE[:-2])


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param((SENTENCE * 20).encode("utf-8") + b"\xff" + (SENTENCE * 20).encode("utf-8"), "utf-8",
                     id="utf-8-one-stray-byte-is-not-gb18030-mojibake"),
        pytest.param((SENTENCE * 20).encode("gb18030") + b"\x80" + (SENTENCE * 20).encode("gb18030"), "gb18030",
                     id="gb18030-one-bad-byte"),
    ],
)
def test_encoding_few_bad_bytes_replaced_and_reported(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert (decoded.encoding, decoded.replaced) == (encoding, 1)
    assert decoded.text.count("\ufffd") == 1
    assert decoded.text.count(SENTENCE) == 40
    assert any("U+FFFD" in warning for warning in decoded.warnings)


def test_encoding_fffd_already_in_the_text_is_content_not_an_error() -> None:
    data = "追加帮扶资金�\n".encode()  # converter truncation, as the seeds print it
    decoded = decode(data)
    assert (decoded.text, decoded.encoding, decoded.replaced, decoded.warnings) == (data.decode(), "utf-8", 0, [])


@pytest.mark.parametrize(
    ("data", "error"),
    [
        pytest.param(b"", EmptyInputError, id="empty"),
        pytest.param(b" \n\t\r\n ", EmptyInputError, id="whitespace"),
        pytest.param(codecs.BOM_UTF8 + b"  \n", EmptyInputError, id="bom-and-whitespace"),
        pytest.param("\u3000\n".encode("utf-16"), EmptyInputError, id="utf-16-ideographic-space"),
        pytest.param(bytes(range(0x80, 0x100)) * 40, DecodeError, id="high-bytes-garbage"),
        pytest.param(b"PK\x03\x04\x00\x00binary", UnsupportedFormatError, id="nul-bytes"),
    ],
)
def test_encoding_refuses_what_is_not_text(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        decode_bytes(data)
