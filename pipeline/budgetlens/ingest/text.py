"""Converter text and Markdown → RawDocument of numbered lines and table grids.

Runs of tab-separated lines, Markdown pipe rows, or space-separated figure rows
(pdfminer-style text) become tables; every other non-empty line is a RawLine
carrying its 1-based line number in the file. Form feeds mark pages. Re-joining
hard line breaks is not done here: structure/paragraphs.py does it for all formats.
"""

from __future__ import annotations

from collections.abc import Callable

from budgetlens.document import SourceFormat
from budgetlens.ingest.base import RawDocument, RawItem, RawLine, RawPage
from budgetlens.ingest.encoding import decode_bytes
from budgetlens.ingest.fragments import starts_bold, strip_fragments
from budgetlens.ingest.text_tables import (
    SPACE_NOTE,
    align_space_rows,
    continues_space_table,
    grid_to_table,
    is_pipe_row,
    is_space_row,
    is_tsv_row,
    split_pipe_row,
    split_space_row,
)

MIN_SPACE_ROWS = 2  # a lone line of figures is a sentence fragment, not a table


def read_text(data: bytes, fmt: SourceFormat = SourceFormat.TEXT) -> RawDocument:
    decoded = decode_bytes(data)
    warnings = [f"{decoded.replaced} 个字符无法解码，已替换为 U+FFFD"] if decoded.replaced else []
    chunks = decoded.text.replace("\r\n", "\n").replace("\r", "\n").split("\f")
    paged = len(chunks) > 1
    pages, offset = [], 0
    for index, chunk in enumerate(chunks, start=1):
        lines = chunk.split("\n")
        number = index if paged else None
        pages.append(RawPage(number=number, items=lines_to_items(lines, offset, number)))
        offset += len(lines) - 1
    return RawDocument(format=fmt, pages=pages, encoding=decoded.encoding, warnings=warnings)


def lines_to_items(lines: list[str], offset: int = 0, page: int | None = None) -> list[RawItem]:
    """Walk the lines once; each run of table rows becomes one table."""
    items: list[RawItem] = []
    i = 0
    while i < len(lines):
        end, table = _table_at(lines, i, offset)
        if table is not None:
            table.page = page
            items.append(table)
            i = end
            continue
        line = _text_line(lines[i], offset + i + 1, page)
        if line is not None:
            items.append(line)
        i += 1
    return items


def _table_at(lines: list[str], start: int, offset: int):
    for starts, accepts, to_rows, method, notes, allow_blank in FINDERS:
        if not starts(lines, start):
            continue
        end = _run_end(lines, start, accepts, allow_blank)
        rows = [row for row in to_rows(lines[start:end]) if row is not None]
        filled = [row for row in rows if sum(bool(c.strip()) for c in row) >= 2]
        if filled and (method != "spaces" or len(filled) >= MIN_SPACE_ROWS):
            return end, grid_to_table(rows, method, offset + start + 1, notes)
    return start, None


def _run_end(lines: list[str], start: int, accepts: Callable[[str], bool], allow_blank: bool) -> int:
    end = start
    while end < len(lines) and (accepts(lines[end]) or (allow_blank and _blank_inside(lines, end, accepts))):
        end += 1
    return end


def _blank_inside(lines: list[str], index: int, accepts: Callable[[str], bool]) -> bool:
    """A blank line between two rows of the same table (pdfminer text has one after every line)."""
    return not lines[index].strip() and index + 1 < len(lines) and accepts(lines[index + 1])


def _tsv_rows(lines: list[str]) -> list[list[str]]:
    return [line.split("\t") for line in lines if line.strip()]


def _pipe_rows(lines: list[str]) -> list[list[str] | None]:
    return [split_pipe_row(line) for line in lines if line.strip()]


def _space_rows(lines: list[str]) -> list[list[str]]:
    return align_space_rows([split_space_row(line) for line in lines if line.strip()])


def _starts_space_table(lines: list[str], start: int) -> bool:
    """A figure row, or label/row-number rows that lead to one (a total table whose first lines are empty)."""
    if is_space_row(lines[start]):
        return True
    end = _run_end(lines, start, continues_space_table, allow_blank=True)
    return any(is_space_row(line) for line in lines[start:end])


FINDERS = (  # (first row, further rows, rows → cells, method, notes, blank lines inside)
    (lambda ls, i: is_tsv_row(ls[i]), is_tsv_row, _tsv_rows, "tsv", [], False),
    (lambda ls, i: is_pipe_row(ls[i]), is_pipe_row, _pipe_rows, "pipe", [], False),
    (_starts_space_table, continues_space_table, _space_rows, "spaces", [SPACE_NOTE], True),
)


def _text_line(raw: str, number: int, page: int | None) -> RawLine | None:
    bold = starts_bold(raw)
    stripped = raw.strip()
    if stripped.startswith("#"):
        bold, stripped = True, stripped.lstrip("#").strip()
    if stripped.startswith("**") and stripped.endswith("**") and len(stripped) > 4:
        bold, stripped = True, stripped[2:-2].strip()
    text, _ = strip_fragments(stripped)
    if not text:
        return None
    return RawLine(text=text, page=page, number=number, bold=bold)
