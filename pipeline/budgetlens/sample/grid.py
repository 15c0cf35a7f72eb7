"""Table geometry for the sample PDFs: which rows are header rows, which cells merge, how wide columns are.

Converter text prints a merged cell as the label followed (or preceded) by empty cells. Drawing the
sample PDFs with the same merges as real disclosures matters because merged header cells and
vertically merged form labels are exactly what the PDF reader has to cope with. Pure functions; no
reportlab.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from budgetlens.numbers import parse_number

TOTAL_LABELS = frozenset({"合计", "总计"})
CODE = re.compile(r"^\d{3,7}$")
MAX_HEADER_ROWS_FORM = 2
MIN_WEIGHT = 3.0
MAX_WEIGHT = {False: 11.0, True: 14.0}  # by `form`: form text cells (测算依据) may be wider
NUMBER_MIN_WEIGHT = 5.5
INTEGER_MIN_WEIGHT = 2.6
HEADER_WORD = 4.0  # a header such as 科目代码 stays on one line; longer ones wrap


@dataclass(frozen=True)
class Span:
    """A merged rectangle, inclusive, in (column, row) like reportlab's SPAN command."""

    col0: int
    row0: int
    col1: int
    row1: int


def display_width(text: str) -> float:
    """Width in CJK-character units: wide characters count 1, others about half."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.55 for ch in text)


def is_column_number_row(row: list[str]) -> bool:
    """The 栏次 row ("栏次 | | 1 | 2 …" or "1 | 2 | … | 12"): part of the header, not data."""
    cells = [c for c in row if c]
    return bool(cells) and (row[0] == "栏次" or cells == [str(i) for i in range(1, len(cells) + 1)])


def is_data_row(row: list[str]) -> bool:
    if not row or is_column_number_row(row):
        return False
    if row[0] in TOTAL_LABELS:  # a total row, unless 合计 is a column label among other labels
        return all(not c or parse_number(c) is not None for c in row[1:])
    if CODE.match(row[0]):
        return True
    return any(parse_number(c) is not None for c in row if c)


def header_row_count(rows: list[list[str]], *, form: bool = False) -> int:
    """Leading rows before the first data row (repeated on each page a table continues onto)."""
    count = next((i for i, row in enumerate(rows) if is_data_row(row)), len(rows))
    limit = MAX_HEADER_ROWS_FORM if form else len(rows) - 1
    return count if count <= limit else 0


def _merge(owner: dict, spans: dict, r: int, c: int, key: tuple[int, int], vertical: bool) -> None:
    owner[(r, c)] = key
    if vertical:
        spans[key][3] = r
    else:
        spans[key][2] = c


def _single_column_above(owner: dict, spans: dict, r: int, c: int) -> tuple[int, int] | None:
    key = owner.get((r - 1, c))
    if key is None:
        return None
    c0, _, c1, r1 = spans[key]
    return key if c0 == c1 == c and r1 == r - 1 else None


def _same_row_left(owner: dict, spans: dict, r: int, c: int) -> tuple[int, int] | None:
    key = owner.get((r, c - 1))
    if key is None:
        return None
    return key if spans[key][1] == spans[key][3] == r else None


def grid_spans(rows: list[list[str]], n_header: int, *, form: bool) -> list[Span]:
    """Merged cells: header blanks join the label above (or, in the 栏次 row, to the left);
    in forms a short row's last cell runs to the right edge and leading blanks join the label above."""
    ncols = max(map(len, rows))
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    spans: dict[tuple[int, int], list[int]] = {}
    for r, row in enumerate(rows):
        header = r < n_header
        leading = True
        for c in range(ncols):
            text = row[c] if c < len(row) else None
            if text:
                leading = False
                owner[(r, c)] = (r, c)
                spans[(r, c)] = [c, r, c, r]
                continue
            above = _single_column_above(owner, spans, r, c)
            left = _same_row_left(owner, spans, r, c)
            if text is None and form and left:  # short form row: last cell runs to the edge
                _merge(owner, spans, r, c, left, vertical=False)
            elif above and ((header and not is_column_number_row(row)) or (form and leading)):
                _merge(owner, spans, r, c, above, vertical=True)
            elif left and header:
                _merge(owner, spans, r, c, left, vertical=False)
    return [Span(*v) for v in spans.values() if v[0] != v[2] or v[1] != v[3]]


def _floor(cells: list[str]) -> float:
    """Narrowest sensible width: amount columns (or empty ones, which hold amounts elsewhere) stay
    readable; integer columns such as 行次 stay narrow."""
    if not cells or any("." in c and parse_number(c) is not None for c in cells):
        return NUMBER_MIN_WEIGHT
    if all(parse_number(c) is not None for c in cells):
        return INTEGER_MIN_WEIGHT
    return MIN_WEIGHT


def column_weights(rows: list[list[str]], spans: list[Span], n_header: int, *, form: bool) -> list[float]:
    """Relative column widths from the widest single-column cell (header text only if there is no body)."""
    ncols = max(map(len, rows))
    covered = {(c, r) for s in spans for c in range(s.col0, s.col1 + 1) for r in range(s.row0, s.row1 + 1)}
    body = range(n_header, len(rows)) if n_header < len(rows) else range(len(rows))
    weights = []
    for c in range(ncols):
        cells = [rows[r][c] for r in body if c < len(rows[r]) and (c, r) not in covered and rows[r][c]]
        heads = [rows[r][c] for r in range(n_header) if c < len(rows[r]) and (c, r) not in covered]
        head = min(max(map(display_width, heads), default=0.0), HEADER_WORD)
        weights.append(min(max([_floor(cells), head, *map(display_width, cells)]), MAX_WEIGHT[form]))
    return weights
