"""Prose written inside table cells, read as paragraphs of the narrative.

A 绩效目标申报表 is a grid, but its fields are sentences: "项目前两年预算及当年预算变动情况 |
2022年预算金额1361.84万元，2023年预算金额1065.47万元。2024年预算金额1048.71万元，较2023年下降1.58%".
Such a cell states a change and sometimes its cause; without this step extraction never sees it.
Each prose cell becomes a paragraph of kind "cell" placed right after its table, so document order
holds, and the paragraph keeps the cell it came from (`Paragraph.cell`) besides its page and line.

A cell is prose when it is long enough to say something and has a clause inside it; labels
("一般公共预算财政拨款基本支出"), figures and short targets ("≥90%") are not.
"""

from __future__ import annotations

import re

from budgetlens.document import CellRef
from budgetlens.ingest.base import RawCell, RawLine, RawTable
from budgetlens.structure.paragraphs import Block, ParagraphDraft

PROSE_MIN_CHARS = 16  # "按年度预计发放人数进行调整减少111.5万元" is 24; a label with a comma is shorter
CLAUSE = re.compile(r"[，。；,;：:]\s*\S")  # a separator with something after it: more than a label
HAN = re.compile(r"[\u4e00-\u9fff]")
MIN_HAN_SHARE = 0.3  # a row of figures "2,892.88，83%，2,824.63" is not prose


def is_prose(text: str) -> bool:
    """True for a cell that reads as a sentence rather than a label, a figure or a target."""
    text = text.strip()
    if len(text) < PROSE_MIN_CHARS or not CLAUSE.search(text):
        return False
    return len(HAN.findall(text)) >= MIN_HAN_SHARE * len(text)


def with_cell_prose(blocks: list[Block], captions: dict, notes: dict) -> tuple[list[Block], dict, dict]:
    """The blocks with each table's prose cells inserted right after it; the caption and note maps,
    keyed by block index, re-keyed to the new positions."""
    out: list[Block] = []
    new_captions: dict = {}
    new_notes: dict = {}
    tables_seen = 0
    for index, block in enumerate(blocks):
        out.append(block)
        if not isinstance(block, RawTable):
            continue
        tables_seen += 1
        new_captions[len(out) - 1], new_notes[len(out) - 1] = captions[index], notes[index]
        out.extend(table_to_paragraphs(block, f"t{tables_seen}"))
    return out, new_captions, new_notes


def table_to_paragraphs(table: RawTable, table_id: str) -> list[ParagraphDraft]:
    """One paragraph per prose cell, in reading order (row by row)."""
    cells = sorted((c for c in table.cells if is_prose(c.text)), key=lambda c: (c.row, c.col))
    return [_paragraph(cell, table, table_id) for cell in cells]


def _paragraph(cell: RawCell, table: RawTable, table_id: str) -> ParagraphDraft:
    text = " ".join(cell.text.split())
    line = RawLine(text=text, page=cell.page if cell.page is not None else table.page,
                   number=_line_number(table, cell.row), bbox=cell.bbox)
    return ParagraphDraft([line], "cell", None, [text],
                          cell=CellRef(table_id=table_id, row=cell.row, col=cell.col))


def _line_number(table: RawTable, row: int) -> int:
    """The file line of the cell's row (text sources); 0 where a PDF grid gives none (its place is the cell)."""
    if row < len(table.row_lines):
        return table.row_lines[row]
    return table.first_line + row if table.first_line else 0
