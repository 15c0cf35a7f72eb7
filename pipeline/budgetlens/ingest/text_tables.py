"""Tables in converter text: tab-separated, Markdown pipe, and space-separated rows.

Each finder takes the numbered lines of a file and returns (first, last, RawTable)
for the runs of lines it recognises. Space-separated tables (pdfminer-style text)
do not print blank cells, so their values are placed from the left and the table
says so in its notes.
"""

from __future__ import annotations

import re

from budgetlens.ingest.base import RawCell, RawTable
from budgetlens.ingest.fragments import strip_fragments
from budgetlens.numbers import parse_number

PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
DECIMAL = re.compile(r"^-?[\d,]+\.\d{1,2}$")
CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")
SENTENCE_MARKS = "，。；："


def grid_to_table(rows: list[list[str]], method: str, first_line: int, notes: list[str] | None = None) -> RawTable:
    """Rows of cell strings → RawTable; ragged rows padded, an all-empty last column dropped."""
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    while width > 1 and all(not row[-1].strip() for row in rows):
        rows = [row[:-1] for row in rows]
        width -= 1
    cells = []
    for r, row in enumerate(rows):
        for c, raw_text in enumerate(row):
            text, boxes = strip_fragments(raw_text)
            cells.append(RawCell(row=r, col=c, text=text, checkboxes=boxes))
    return RawTable(cells=cells, n_rows=len(rows), n_cols=width, method=method,  # type: ignore[arg-type]
                    first_line=first_line, notes=list(notes or []))


def is_tsv_row(line: str) -> bool:
    return "\t" in line


def is_pipe_row(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("|") and stripped.count("|") >= 2


def split_pipe_row(line: str) -> list[str] | None:
    if PIPE_SEPARATOR.match(line):
        return None
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def is_space_row(line: str) -> bool:
    """A table row printed with spaces: labels and figures, no sentence punctuation."""
    tokens = line.split()
    if len(tokens) < 2 or any(mark in line for mark in SENTENCE_MARKS):
        return False
    has_figure = any(DECIMAL.match(t) for t in tokens)
    return has_figure or bool(CODE.match(tokens[0]) and len(tokens) >= 2 and parse_number(tokens[-1]) is not None)


def space_rows(lines: list[str]) -> list[list[str]]:
    return [line.split() for line in lines]


SPACE_NOTE = "空白单元格未印出，数值自左向右排列（blank cells not printed; values placed from the left）"


def continues_space_table(line: str) -> bool:
    """Inside a space table, a row may hold only labels and row numbers (no figure printed)."""
    tokens = line.split()
    if len(tokens) < 2 or any(mark in line for mark in SENTENCE_MARKS):
        return False
    return any(parse_number(t) is not None for t in tokens)
