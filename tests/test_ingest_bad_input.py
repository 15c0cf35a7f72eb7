"""Bad bytes given to the PDF reader fail with the right typed error, or, when pdfminer can
still read some pages, come back with a warning that says what was lost.

Every bad file is made here from a small valid PDF written with reportlab (a test
dependency): Chinese lines in the CID font STSong-Light as in real disclosures, one Latin
line, optionally encrypted or replaced by an image. Only the truncated-corpus cases need
../shared.
"""

from __future__ import annotations

import io
import random
import re
import struct
import zlib
from collections.abc import Callable

import pdfminer.pdfinterp
import pytest
from PIL import Image
from reportlab.lib import pdfencrypt
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from budgetlens.errors import (
    BudgetLensError,
    CorruptFileError,
    EmptyInputError,
    EncryptedPdfError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from budgetlens.ingest import pdf as pdf_reader
from budgetlens.ingest.base import RawDocument
from budgetlens.ingest.pdf import PdfSettings, read_pdf
from tests.conftest import corpus_pdf

CID_FONT = "STSong-Light"
HEADING = "一、收入支出决算总体情况说明"
LATIN = "Budget 2024 page"


def make_pdf(n_pages: int = 3, *, encrypt: pdfencrypt.StandardEncryption | None = None, image: bool = False) -> bytes:
    """A small valid PDF, byte-for-byte the same on every run (`invariant`), uncompressed so
    that the corruptions below can find the objects they change."""
    pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, encrypt=encrypt, invariant=1, pageCompression=0)
    for number in range(1, n_pages + 1):
        if image:
            pdf.drawImage(ImageReader(Image.new("RGB", (200, 100), (180, 40, 40))), 72, 600, 200, 100)
        else:
            pdf.setFont(CID_FONT, 14)
            pdf.drawString(72, 700, HEADING)
            pdf.setFont("Helvetica", 12)
            pdf.drawString(72, 660, f"{LATIN} {number}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def pdf_from_objects(*objects: bytes) -> bytes:
    """A hand-made PDF with a correct xref: object 1 is the catalog."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def seeded_bytes(n: int, seed: int = 20240601) -> bytes:
    return random.Random(seed).randbytes(n)


def last_kid_to_literal(data: bytes, *, keep_offsets: bool = True) -> bytes:
    """The page tree's last kid becomes a name: pdfminer reads two pages, then raises AttributeError.
    Unless the edit keeps its length, every later object moves and those two pages lose their text."""
    kids = re.search(rb"/Kids \[[^\]]*\]", data).group()
    last = re.search(rb"\d+ 0 R \]$", kids).group()
    literal = b"/X".ljust(len(last) - 1) + b"]" if keep_offsets else b"/X ]"
    return data.replace(kids, kids.removesuffix(last) + literal)


HTML_PAGE = b"<!DOCTYPE html>\n<html><head><title>404</title></head><body>Not Found</body></html>"
ZERO_PAGES = (b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>")

# (how to spoil the valid PDF, expected error, what its message must name). The AssertionError and
# TypeError are what pdfminer 20260107 raises inside on those two files: the message keeps the type.
BAD_INPUTS = [
    pytest.param(lambda ok: b"", EmptyInputError, "E001", id="empty"),
    pytest.param(lambda ok: b" \r\n\t ", EmptyInputError, "E001", id="whitespace-only"),
    pytest.param(lambda ok: HTML_PAGE, UnsupportedFormatError, "HTML", id="html-saved-as-pdf"),
    pytest.param(lambda ok: seeded_bytes(4096), UnsupportedFormatError, "%PDF-", id="random-bytes"),
    pytest.param(lambda ok: b"%PDF-1.7\n" + seeded_bytes(4096), CorruptFileError, "E004", id="random-after-header"),
    pytest.param(lambda ok: ok[: len(ok) * 30 // 100], CorruptFileError, "E004", id="truncated-30%"),
    pytest.param(lambda ok: ok[: len(ok) * 60 // 100], CorruptFileError, "E004", id="truncated-60%"),
    pytest.param(lambda ok: ok[: len(ok) * 95 // 100], CorruptFileError, "E004", id="truncated-95%"),
    pytest.param(lambda ok: ok.replace(b"trailer\n", b"trailerx"), CorruptFileError, "AssertionError",
                 id="mangled-trailer"),
    pytest.param(lambda ok: re.sub(rb"/MediaBox \[[^\]]*\]", b"/MediaBox [ 0 0 a b ]", ok), CorruptFileError,
                 "TypeError", id="mediabox-of-words"),
    pytest.param(lambda ok: last_kid_to_literal(ok, keep_offsets=False), CorruptFileError, "no readable characters",
                 id="moved-objects-no-text"),
    pytest.param(lambda ok: pdf_from_objects(*ZERO_PAGES), EmptyInputError, "0 pages", id="zero-pages"),
    pytest.param(lambda ok: pdf_from_objects(*ZERO_PAGES)[:-20], CorruptFileError, "no readable page",
                 id="zero-pages-truncated"),
    pytest.param(lambda ok: make_pdf(encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner")),
                 EncryptedPdfError, "E002", id="encrypted-rc4-40"),
    pytest.param(lambda ok: make_pdf(encrypt=pdfencrypt.StandardEncryption("secret", strength=128)),
                 EncryptedPdfError, "E002", id="encrypted-rc4-128"),
    pytest.param(lambda ok: make_pdf(image=True), NoTextLayerError, "3 页，3 幅图像", id="image-only-scan"),
]


@pytest.fixture(scope="session")
def valid_pdf() -> bytes:
    return make_pdf()


def test_ingest_bad_input_control_reads(valid_pdf: bytes) -> None:
    """The PDF every case below spoils reads cleanly: the failures are the corruptions'."""
    doc = read_pdf(valid_pdf)
    assert [page.number for page in doc.pages] == [1, 2, 3]
    assert [line.text for line in doc.pages[1].items] == [HEADING, f"{LATIN} 2"]
    assert doc.warnings == []
    assert doc.producer.startswith("ReportLab")


@pytest.mark.parametrize(("spoil", "error", "named"), BAD_INPUTS)
def test_ingest_bad_input_typed_error(
    valid_pdf: bytes, spoil: Callable[[bytes], bytes], error: type[BudgetLensError], named: str
) -> None:
    with pytest.raises(error) as caught:
        read_pdf(spoil(valid_pdf))
    assert type(caught.value) is error
    assert named in str(caught.value)


def test_ingest_bad_input_owner_password_only_is_readable() -> None:
    """Permissions-only encryption (empty user password) is not a locked file."""
    doc = read_pdf(make_pdf(1, encrypt=pdfencrypt.StandardEncryption("", ownerPassword="owner", canPrint=0)))
    texts = [item.text for item in doc.pages[0].items]
    assert f"{LATIN} 1" in texts
    unmapped = any("(cid:" in text for text in texts)
    assert unmapped == any("Unicode" in warning for warning in doc.warnings)


def test_ingest_bad_input_failure_after_some_pages_keeps_them(valid_pdf: bytes) -> None:
    doc = read_pdf(last_kid_to_literal(valid_pdf))
    assert [page.number for page in doc.pages] == [1, 2]
    assert [line.text for line in doc.pages[0].items] == [HEADING, f"{LATIN} 1"]
    assert len(doc.warnings) == 1
    assert "第 3 页起无法读取" in doc.warnings[0]
    assert "AttributeError" in doc.warnings[0]


def test_ingest_bad_input_strict_refuses_partial_file(valid_pdf: bytes) -> None:
    with pytest.raises(CorruptFileError, match="AttributeError"):
        read_pdf(last_kid_to_literal(valid_pdf), PdfSettings(strict=True))


@pytest.mark.parametrize(
    "raised",
    [struct.error("unpack requires a buffer of 4 bytes"), zlib.error("incorrect header check"),
     IndexError("list index out of range"), RecursionError("maximum recursion depth exceeded"),
     KeyError("Widths")],
    ids=lambda exc: type(exc).__name__,
)
def test_ingest_bad_input_any_pdfminer_exception_is_corrupt(
    valid_pdf: bytes, monkeypatch: pytest.MonkeyPatch, raised: Exception
) -> None:
    """Whatever pdfminer raises deep inside on a bad file is CorruptFileError naming it."""

    def process_page(self: object, page: object) -> None:
        raise raised

    monkeypatch.setattr(pdfminer.pdfinterp.PDFPageInterpreter, "process_page", process_page)
    with pytest.raises(CorruptFileError) as caught:
        read_pdf(valid_pdf)
    assert f"{type(raised).__name__}: " in str(caught.value)
    assert caught.value.__cause__ is not None


def test_ingest_bad_input_our_own_bug_is_not_called_corrupt(valid_pdf: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a bug of ours")

    monkeypatch.setattr(pdf_reader, "chars_to_words", broken)
    with pytest.raises(ZeroDivisionError):
        read_pdf(valid_pdf)


def test_ingest_bad_input_seeded_mutations_fail_typed(valid_pdf: bytes) -> None:
    """300 randomly damaged copies: each reads or fails with a BudgetLensError, never another type."""
    rng = random.Random(7)
    outcomes: set[str] = set()
    for _ in range(300):
        data = bytearray(valid_pdf)
        for _ in range(rng.choice((1, 3, 10))):
            data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            doc = read_pdf(bytes(data))
        except BudgetLensError as exc:
            outcomes.add(type(exc).__name__)
        else:
            assert isinstance(doc, RawDocument)
            outcomes.add("read")
    assert {"read", "CorruptFileError"} <= outcomes


@pytest.mark.shared
@pytest.mark.parametrize("share", [30, 60, 95])
@pytest.mark.parametrize(
    "name",
    ["sh-putuo_justice-bureau_2026_unit-budget.pdf", "js_provincial-party-committee-office_2018_dept-budget.pdf"],
)
def test_ingest_bad_input_truncated_corpus_pdf_is_corrupt(name: str, share: int) -> None:
    """Cut real disclosures: pdfminer's fallback finds no readable page (linearized or not)."""
    data = corpus_pdf(name).read_bytes()
    with pytest.raises(CorruptFileError):
        read_pdf(data[: len(data) * share // 100])


@pytest.mark.shared
def test_ingest_bad_input_truncated_update_reads_earlier_revision() -> None:
    """This file ends with an incremental update; cut at 95 % its earlier revision is whole
    (own xref and %%EOF), so pdfminer reads that: all pages, and a warning that it may be old."""
    data = corpus_pdf("js_npc-standing-committee-office_2019_dept-budget-tables.pdf").read_bytes()
    doc = read_pdf(data[: len(data) * 95 // 100])
    assert len(doc.pages) == 15  # the earlier revision had 15 pages; the final file has 13
    assert any("%%EOF" in warning for warning in doc.warnings)
