"""PDF bytes → characters and ruling edges per page, with pdfminer.six.

We run pdfminer's interpreter *without* its layout analysis (``laparams=None``):
its line/box grouping costs ~35% of the run time and groups table cells the wrong
way anyway. Our own grouping (layout.py) works on the characters this returns.
Every pdfminer failure is translated into a typed BudgetLens error here, once.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTCurve, LTFigure, LTImage, LTLine, LTPage, LTRect
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser, PDFSyntaxError
from pdfminer.psparser import PSException
from pdfminer.utils import decode_text

from budgetlens.document import BBox
from budgetlens.errors import (
    CorruptFileError,
    EmptyInputError,
    EncryptedPdfError,
    NoTextLayerError,
    UnsupportedFormatError,
)

# A filled rectangle thinner than this (points) is a ruling line, not a shaded cell.
RULE_THICKNESS = 3.0


@dataclass(slots=True)
class TextBox:
    """Text at a place on the page: what a character and a word have in common."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(slots=True)
class Char(TextBox):
    fontname: str = ""
    upright: bool = True


@dataclass(slots=True)
class Edge:
    """A horizontal ('h') or vertical ('v') ruling segment."""

    orientation: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(slots=True)
class PageChars:
    number: int  # 1-based
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    n_images: int = 0


def check_pdf_header(data: bytes) -> None:
    """Refuse early, with the right error type, what is not a PDF at all."""
    if not data.strip():
        raise EmptyInputError()
    head = data[:1024]
    if b"%PDF-" not in head:
        lowered = head.lower()
        if b"<html" in lowered or b"<!doctype" in lowered:
            raise UnsupportedFormatError("名为 PDF 实为 HTML 页面（HTML saved as .pdf）")
        raise UnsupportedFormatError("没有 %PDF- 文件头（no %PDF- header）")


def producer_of(document: PDFDocument) -> str | None:
    """Producer / Creator from the info dictionary, decoded (often UTF-16 with BOM)."""
    for info in document.info or []:
        for key in ("Producer", "Creator"):
            raw = info.get(key)
            text = decode_text(raw) if isinstance(raw, bytes) else raw if isinstance(raw, str) else ""
            if text.strip("\x00 "):
                return text.strip("\x00 ")
    return None


def open_pdf(data: bytes) -> PDFDocument:
    check_pdf_header(data)
    try:
        return PDFDocument(PDFParser(io.BytesIO(data)))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedPdfError(f"：{exc}") from exc
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        raise CorruptFileError(f"{type(exc).__name__}: {exc}") from exc


def iter_page_chars(data: bytes) -> tuple[PDFDocument, Iterator[PageChars]]:
    """Open the PDF and return it with a lazy iterator over its pages' chars and edges."""
    document = open_pdf(data)
    return document, _pages(document)


def _pages(document: PDFDocument) -> Iterator[PageChars]:
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    try:
        for number, page in enumerate(PDFPage.create_pages(document), start=1):
            interpreter.process_page(page)
            yield layout_to_page_chars(device.get_result(), number)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedPdfError(f"：{exc}") from exc
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError) as exc:
        raise CorruptFileError(f"{type(exc).__name__}: {exc}") from exc


def layout_to_page_chars(layout: LTPage, number: int) -> PageChars:
    """Flatten pdfminer's objects into chars and edges in top-left coordinates."""
    height = layout.height
    page = PageChars(number=number, width=layout.width, height=height)
    _collect(layout, page, height)
    return page


def _collect(container: LTPage | LTFigure, page: PageChars, height: float) -> None:
    for obj in container:
        if isinstance(obj, LTChar):
            text = obj.get_text()
            if text.strip():
                page.chars.append(
                    Char(text, obj.x0, obj.x1, height - obj.y1, height - obj.y0,
                         obj.size, obj.fontname, obj.upright)
                )
        elif isinstance(obj, LTImage):
            page.n_images += 1
        elif isinstance(obj, LTFigure):
            _collect(obj, page, height)
        elif isinstance(obj, LTLine | LTRect | LTCurve) and not is_invisible(obj):
            page.edges.extend(_edges_of(obj, height))


WHITE = ((1.0,), (1.0, 1.0, 1.0), (0.0, 0.0, 0.0, 0.0), 1.0, 1)


def is_invisible(obj: LTLine | LTRect | LTCurve) -> bool:
    """A white filled shape with no stroke: Word paints every cell with one. Not a ruling."""
    if obj.stroke or not obj.fill:
        return False
    colour = obj.non_stroking_color
    if isinstance(colour, list):
        colour = tuple(colour)
    if isinstance(colour, tuple):
        colour = tuple(float(c) for c in colour)
    return colour in WHITE


def _edges_of(obj: LTLine | LTRect | LTCurve, height: float) -> list[Edge]:
    x0, x1, top, bottom = obj.x0, obj.x1, height - obj.y1, height - obj.y0
    w, h = x1 - x0, bottom - top
    if h <= RULE_THICKNESS and w > RULE_THICKNESS:
        mid = (top + bottom) / 2
        return [Edge("h", x0, mid, x1, mid)]
    if w <= RULE_THICKNESS and h > RULE_THICKNESS:
        mid = (x0 + x1) / 2
        return [Edge("v", mid, top, mid, bottom)]
    if isinstance(obj, LTRect) and w > RULE_THICKNESS and h > RULE_THICKNESS:
        return [
            Edge("h", x0, top, x1, top),
            Edge("h", x0, bottom, x1, bottom),
            Edge("v", x0, top, x0, bottom),
            Edge("v", x1, top, x1, bottom),
        ]
    return []


def require_text_layer(pages: list[PageChars]) -> None:
    """A PDF whose pages carry no characters at all is a scan: say so."""
    if pages and not any(p.chars for p in pages):
        images = sum(p.n_images for p in pages)
        raise NoTextLayerError(f"（{len(pages)} 页，{images} 幅图像，0 个字符）")
