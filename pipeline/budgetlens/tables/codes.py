"""Classification codes per row: function codes (类 3 / 款 5 / 项 7 digits) and economic codes
(类 3 / 款 5), printed whole ("2010301") or split over 类 | 款 | 项 columns ("204" "06" "01").

Side-by-side layouts (code | name | value, three times across, as in 基本支出明细表) give one
column group per code column; every coded row of every group becomes a CodedRow whose values
are indexed by their position within the group, so rows of all groups can be compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from budgetlens.document import Cell, Table

CODE_PART = re.compile(r"^\d{2,7}$")
CODE_COLUMN_SHARE = 0.5  # a column is a code column when this share of its filled body cells are codes


@dataclass(frozen=True)
class CodedRow:
    code: str
    label: str
    values: dict[int, Cell]  # value position within the column group → numeric cell


def coded_rows(table: Table) -> list[CodedRow]:
    """Every row (of every column group) that carries a classification code."""
    body = table.rows[table.header_rows:]
    code_cols = [col for col in range(table.n_cols) if _is_code_column(body, col)]
    groups = _groups(code_cols, table.n_cols)
    found = []
    for first, last in groups:
        runs = [col for col in code_cols if first <= col <= last]
        for row in body:
            cells = {cell.col: cell for cell in row}
            code = _joined_code([cells[col].text.strip() if col in cells else "" for col in runs])
            if not re.fullmatch(r"\d{3,7}", code):
                continue
            values = {i: cells[col] for i, col in enumerate(range(runs[-1] + 1, last + 1))
                      if col in cells and cells[col].value is not None}
            label = " ".join(cells[col].text.strip() for col in range(runs[-1] + 1, last + 1)
                             if col in cells and cells[col].value is None and cells[col].text.strip())
            found.append(CodedRow(code, label, values))
    return found


def _joined_code(parts: list[str]) -> str:
    """类 | 款 | 项 parts joined; a 款/项 printed with its leading zero dropped ("2" for "02") is padded."""
    head, *rest = parts
    return head + "".join(part.zfill(2) if part.isdigit() and len(part) == 1 else part for part in rest if part)


def _is_code_column(body: list[list[Cell]], col: int) -> bool:
    texts = [row[col].text.strip() for row in body if col < len(row) and row[col].text.strip()]
    codes = [t for t in texts if CODE_PART.match(t) and "." not in t and "," not in t]
    return bool(texts) and len(codes) / len(texts) >= CODE_COLUMN_SHARE and len(codes) >= 2


def _groups(code_cols: list[int], n_cols: int) -> list[tuple[int, int]]:
    """(first, last) column of each group: a run of adjacent code columns and what follows it."""
    starts = [col for col in code_cols if col - 1 not in code_cols]
    return [(start, (starts[i + 1] - 1) if i + 1 < len(starts) else n_cols - 1) for i, start in enumerate(starts)]


def level_children(code: str, codes: set[str]) -> list[str]:
    """Codes one level below: 201 → 20103 …; 20103 → 2010301 …; 301 → 30101 …"""
    length = len(code) + 2
    return sorted(c for c in codes if len(c) == length and c.startswith(code))


def sum_cells(cells: list[Cell]) -> Decimal:
    return sum((cell.value for cell in cells if cell.value is not None), Decimal(0))
