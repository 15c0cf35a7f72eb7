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


def token_type(token: str) -> str:
    """code | int (row number) | num (a figure) | label: what kind of column a token belongs in."""
    if CODE.match(token):
        return "code"
    if token.isdigit() and len(token) <= 2:
        return "int"
    return "num" if parse_number(token) is not None else "label"


def align_space_rows(rows: list[list[str]]) -> list[list[str]]:
    """Put each token under the column of its kind, as printed rows skip blank cells.

    The column kinds come from the fullest row; a shorter row's tokens are matched to
    those columns left to right, skipping columns of another kind (which stay blank).
    A row that does not fit the template is kept as printed, from the left.
    """
    with_figures = [row for row in rows if any(token_type(t) == "num" for t in row)] or rows
    template = [token_type(t) for t in max(with_figures, key=len)]
    return [_align(row, template) for row in rows]


def split_space_row(line: str) -> list[str]:
    """Tokens of a space-separated row; letter-spaced words ("栏 次", "项 目") joined back."""
    tokens: list[str] = []
    for token in line.split():
        if tokens and _single_cjk(token) and _single_cjk(tokens[-1][-1]) and len(tokens[-1]) <= 3 \
                and not any(ch.isdigit() for ch in tokens[-1]):
            tokens[-1] += token
        else:
            tokens.append(token)
    return tokens


def _single_cjk(token: str) -> bool:
    return len(token) == 1 and "\u4e00" <= token <= "\u9fff"


def _align(row: list[str], template: list[str]) -> list[str]:
    placed = [""] * len(template)
    col = 0
    for token in row:
        kind = token_type(token)
        while col < len(template) and not _fits(kind, template[col]):
            col += 1
        if col == len(template):
            return row
        placed[col] = token
        col += 1
    return placed


def _fits(kind: str, column: str) -> bool:
    """A code may stand in a label column and vice versa; a small integer may be a figure."""
    return kind == column or {kind, column} <= {"code", "label"} or (kind, column) == ("int", "num")


SPACE_NOTE = "空白单元格未印出，按列类型排列（blank cells not printed; values placed by column kind）"


def continues_space_table(line: str) -> bool:
    """Inside a space table, a row may hold only labels and row numbers (no figure printed)."""
    tokens = line.split()
    if len(tokens) < 2 or any(mark in line for mark in SENTENCE_MARKS):
        return False
    return any(parse_number(t) is not None for t in tokens)
