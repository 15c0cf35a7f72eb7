"""Converter text and Markdown → RawDocument of numbered lines and table grids, in reading order.

Runs of tab-separated lines and Markdown pipe rows become tables (text_tables);
space-separated figure rows of pdfminer-style text become tables too (text_spaces).
Every other non-blank line is a RawLine with its 1-based line number in the file,
kept as printed: re-joining hard line breaks is the structure stage's job.
Markdown marks are read in both formats, since converters put them in ".txt"
files too: "# 标题" is a bold line without its "#", "**…**" is bold, "- " bullets
stay text. HTML fragments become text (one RawLine per <p>, same line number).
Form feeds mark pages (numbered from 1); without one the text is a single page
with number None. Line numbers count through the whole file either way.
"""

from __future__ import annotations

import re

from budgetlens.document import SourceFormat
from budgetlens.ingest.base import RawDocument, RawItem, RawLine, RawPage, RawTable
from budgetlens.ingest.encoding import decode
from budgetlens.ingest.html_fragments import fragment_to_content, has_markup
from budgetlens.ingest.text_spaces import lines_to_segments
from budgetlens.ingest.text_tables import NumberedLine, lines_to_blocks, pipe_block_to_table, tsv_block_to_table

HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
WHOLE_BOLD = re.compile(r"^\s*\*\*(.+)\*\*\s*$")
INLINE_BOLD = re.compile(r"\*\*(.+?)\*\*")


def read_text(data: bytes, fmt: SourceFormat = SourceFormat.TEXT) -> RawDocument:
    """Read converter text (SourceFormat.TEXT) or Markdown (SourceFormat.MARKDOWN)."""
    decoded = decode(data)
    text = decoded.text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return RawDocument(format=fmt, pages=text_to_pages(text), encoding=decoded.encoding,
                       warnings=decoded.warnings)


def text_to_pages(text: str) -> list[RawPage]:
    """Split on form feeds; a page that starts after a "\f" starts on that same file line."""
    chunks = text.split("\f")
    if len(chunks) > 1 and not chunks[-1].strip():
        chunks.pop()  # pdfminer ends every page, the last one too, with a form feed
    paged = len(chunks) > 1
    pages, first = [], 1
    for index, chunk in enumerate(chunks, start=1):
        raw = chunk.split("\n")
        lines = [NumberedLine(first + k, line) for k, line in enumerate(raw)]
        number = index if paged else None
        pages.append(RawPage(number=number, items=lines_to_items(lines, number)))
        first += len(raw) - 1
    return pages


def lines_to_items(lines: list[NumberedLine], page: int | None = None) -> list[RawItem]:
    items: list[RawItem] = []
    for block in lines_to_blocks(lines):
        if block.kind == "tsv":
            items.append(tsv_block_to_table(block, page))
        elif block.kind == "pipe":
            items.append(pipe_block_to_table(block, page))
        else:
            for segment in lines_to_segments(block.lines, page):
                if isinstance(segment, RawTable):
                    items.append(segment)
                else:
                    items.extend(line_to_raw_lines(segment, page))
    return items


def line_to_raw_lines(line: NumberedLine, page: int | None) -> list[RawLine]:
    """One printed line → RawLine(s): Markdown marks read, HTML paragraphs split, as printed otherwise."""
    text, bold = line.text.rstrip(), False
    heading = HEADING.match(text)
    if heading:
        text, bold = heading.group(2), True
    whole = WHOLE_BOLD.match(text)
    if whole:
        text, bold = whole.group(1).strip(), True
    text = INLINE_BOLD.sub(r"\1", text)
    parts = [text]
    if has_markup(text):
        content = fragment_to_content(text)
        parts, bold = content.text.split("\n"), bold or content.bold
    return [RawLine(text=part, page=page, number=line.number, bold=bold) for part in parts if part.strip()]
