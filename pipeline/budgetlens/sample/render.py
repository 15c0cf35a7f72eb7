"""Layout blocks → an A4 PDF that looks like a real disclosure (needs reportlab: a dev/test dependency).

What the reader must cope with is drawn on purpose: paragraphs wrapped mid-sentence to the page width,
ruled tables with merged header cells, a table long enough to continue on the next page with its
header repeated, and a running header and "- N -" footer on every page. Output is byte-for-byte
reproducible (reportlab's invariant mode: fixed dates and document id).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from budgetlens.numbers import parse_number
from budgetlens.sample.blocks import Block, text_to_blocks
from budgetlens.sample.grid import column_weights, grid_spans, header_row_count

FONT = "STSong-Light"  # built-in CID font: nothing embedded, so the PDFs stay small
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 50.0, 62.0, 56.0
FRAME_WIDTH = A4[0] - 2 * MARGIN_X
COVER_TOP_SPACE = 190.0
TOC_PAGE_WIDTH = 36.0


def _style(name: str, size: float, align: int = TA_LEFT, *, leading: float = 0, **kw: float) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=FONT, fontSize=size, leading=leading or size * 1.5, alignment=align, wordWrap="CJK", **kw
    )


STYLES = {
    "cover": _style("cover", 22, TA_CENTER, spaceAfter=34),
    "toc_title": _style("toc_title", 18, TA_CENTER, spaceAfter=16),
    "part": _style("part", 16, TA_CENTER, leading=26, spaceBefore=120, spaceAfter=24),
    "title": _style("title", 15, TA_CENTER, spaceAfter=10),
    "caption": _style("caption", 14, TA_CENTER, spaceBefore=6, spaceAfter=6),
    "table_number": _style("table_number", 9, TA_RIGHT),
    "meta": _style("meta", 9),
    "meta_right": _style("meta_right", 9, TA_RIGHT),
    "heading": _style("heading", 12, spaceBefore=8, spaceAfter=4),
    "body": _style("body", 10.5, leading=19, firstLineIndent=21, spaceAfter=4),
    "note": _style("note", 8, leading=12, spaceBefore=2),
    "cell": _style("cell", 9, leading=11.5),
    "cell_num": _style("cell_num", 9, TA_RIGHT, leading=11.5),
    "cell_head": _style("cell_head", 9, TA_CENTER, leading=11.5),
    "toc_entry": _style("toc_entry", 10.5, leading=17),
    "toc_page": _style("toc_page", 10.5, TA_RIGHT, leading=17),
}


@dataclass(frozen=True)
class PdfSpec:
    """One sample document: its text, where the PDF goes, and what the running header says."""

    text: str
    pdf_path: Path
    running_header: str
    title: str


def register_font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def para(text: str, style: str) -> Paragraph:
    return Paragraph(escape(text), STYLES[style])


def cell_style(text: str, is_header: bool) -> str:
    if is_header:
        return "cell_head"
    is_amount = parse_number(text) is not None and "." in text  # codes and 行次 stay left
    return "cell_num" if is_amount else "cell"


def rows_to_table(rows: list[list[str]], *, form: bool) -> Table:
    """A ruled table; merged cells as in the converter text; header rows repeat after a page break."""
    n_header = header_row_count(rows, form=form)
    spans = grid_spans(rows, n_header, form=form)
    weights = column_weights(rows, spans, n_header, form=form)
    ncols = len(weights)
    widths = [FRAME_WIDTH * w / sum(weights) for w in weights]
    data = [
        [para(row[c], cell_style(row[c], r < n_header)) if c < len(row) else "" for c in range(ncols)]
        for r, row in enumerate(rows)
    ]
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    commands += [("SPAN", (s.col0, s.row0), (s.col1, s.row1)) for s in spans]
    return Table(data, colWidths=widths, repeatRows=n_header, style=TableStyle(commands))


def toc_to_table(entries: list[Block]) -> Table:
    """目录 lines: title with its dotted leader on the left, page number on the right; no rules."""
    data = []
    for block in entries:
        entry, page = block.rows[0]
        indent = "" if entry.startswith("第") else "\u3000\u3000"
        data.append([para(indent + entry, "toc_entry"), para(page, "toc_page")])
    widths = [FRAME_WIDTH - TOC_PAGE_WIDTH, TOC_PAGE_WIDTH]
    return Table(data, colWidths=widths, style=TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))


def block_to_flowables(block: Block, *, form: bool) -> list:
    if block.kind == "table":
        return [rows_to_table(block.rows, form=form), Spacer(1, 4)]
    style = block.kind
    if block.kind == "meta" and block.text.startswith("单位："):
        style = "meta_right"
    return [para(block.text, style)]


def blocks_to_flowables(blocks: list[Block], *, form: bool) -> list:
    """Flowables in reading order; page breaks before 目录, part headings and numbered tables."""
    story: list = []
    toc: list[Block] = []
    for i, block in enumerate(blocks):
        if block.kind == "toc_entry":
            toc.append(block)
            if i + 1 == len(blocks) or blocks[i + 1].kind != "toc_entry":
                story.append(toc_to_table(toc))
                toc = []
            continue
        if block.kind == "cover" and not story:
            story.append(Spacer(1, COVER_TOP_SPACE))
        if block.page_break and story:
            story.append(PageBreak())
        story += block_to_flowables(block, form=form)
    return story


def decorate_page(header: str):
    """The running header (department name) and the "- N -" footer drawn on every page."""

    def draw(canvas, doc) -> None:
        width, height = A4
        canvas.saveState()
        canvas.setFont(FONT, 9)
        canvas.drawCentredString(width / 2, height - 36, header)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, height - 41, width - MARGIN_X, height - 41)
        canvas.drawCentredString(width / 2, 30, f"- {doc.page} -")
        canvas.restoreState()

    return draw


def build_pdf(spec: PdfSpec) -> None:
    """Render one sample text to its PDF (deterministic bytes)."""
    rl_config.invariant = 1
    register_font()
    blocks = text_to_blocks(spec.text)
    form = not any(b.kind == "toc_title" for b in blocks)
    doc = SimpleDocTemplate(
        str(spec.pdf_path),
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=spec.title,
        author=spec.running_header,
        subject="BudgetLens bundled sample (fictional department, deliberate errors)",
        creator="budgetlens.sample.build",
    )
    draw = decorate_page(spec.running_header)
    doc.build(blocks_to_flowables(blocks, form=form), onFirstPage=draw, onLaterPages=draw)
