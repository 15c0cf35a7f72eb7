"""Column roles from a table's header rows: 合计, 基本支出, 项目支出, 年初预算, 决算数 …

A column's header is read top-down through all header rows. A group cell ("本年支出") stands
over the columns to its right that are empty in its row but filled below it (or over its
col_span when the reader knows it). A group cell over every value column of a (logical)
table is a container and says nothing about any one column, so 合计 under it is the total;
under a part ("基本支出 | 小计") a 小计 is that part. Measures (预算数, 决算数, 上年 …) are read
from the whole path. Words are data (lexicon.ROLE_PATTERNS); a header naming none gives None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budgetlens.document import Cell, Table
from budgetlens.numbers import is_blank_mark
from budgetlens.tables.codes import is_code_column, is_running_count
from budgetlens.tables.lexicon import (
    COLUMN_NUMBER_LABEL,
    MEASURE_PATTERNS,
    NOTE_PATTERN,
    OUTLINE_PATTERNS,
    PART_ROLES,
    ROLE_PATTERNS,
    TOTAL_PATTERN,
    squash,
)
from budgetlens.tables.model import ColumnInfo

# roles that add up to the row's total on spending tables (DOMAIN §3, 支出(决算)表)
SPENDING_PARTS = ("basic", "project", "remit", "business", "subsidy")
_CODE_LIKE = re.compile(r"^\d{3,7}$")


@dataclass(frozen=True)
class HeaderCell:
    text: str  # squashed
    origin: tuple[int, int]  # (row, col) of the printed cell, shared by the columns it spans


def body_start(table: Table) -> int:
    """Index of the first body row. Readers miscount header rows both ways (an all-blank template
    reads as all header; a lost ruling as none), so this is re-read from the rows themselves."""
    label_cols: set[int] = set()
    for index, row in enumerate(table.rows):
        if _is_body_row(row, label_cols):
            return index
        label_cols |= {c.col for c in row if re.search(r"名称|编码|代码|^项目$", squash(c.text))}
    return len(table.rows)


def _is_body_row(row: list[Cell], label_cols: set[int]) -> bool:
    texts = [(c.col, squash(c.text)) for c in row if c.text.strip()]
    if not texts:
        return False
    if is_column_number_row(row):
        return False
    if any(c.value is not None for c in row):
        return True
    first_col, first = texts[0]
    if _CODE_LIKE.match(first) or any(re.match(p, first) for _, p in OUTLINE_PATTERNS):
        return True
    if re.search(NOTE_PATTERN, first):
        return True
    return bool(re.search(TOTAL_PATTERN, first)) and (len(texts) == 1 or first_col in label_cols)


def is_column_number_row(row: list[Cell]) -> bool:
    """"栏次 | | 1 | 2 | 3", or a bare run 1, 2, 3 … (a lost 栏次 label)."""
    texts = [squash(c.text) for c in row if c.text.strip()]
    if any(re.match(COLUMN_NUMBER_LABEL, t) for t in texts):
        return True
    numbers = [int(t) for t in texts if t.isdigit() and len(t) <= 2]
    run = list(range(numbers[0], numbers[0] + len(numbers))) if numbers else []
    return len(numbers) >= 3 and len(numbers) == len(texts) and numbers == run


def header_grid(table: Table, n_header: int) -> list[list[HeaderCell | None]]:
    """Header rows (栏次 rows left out) as a grid in which a group cell covers every column it spans."""
    grid: list[list[HeaderCell | None]] = []
    rows = [row for row in table.rows[:n_header] if not is_column_number_row(row)]
    for r, row in enumerate(rows):
        line: list[HeaderCell | None] = [None] * table.n_cols
        for cell in sorted(row, key=lambda c: c.col):
            text = squash(cell.text)
            if text and cell.col < table.n_cols:
                for col in range(cell.col, min(cell.col + cell.col_span, table.n_cols)):
                    line[col] = HeaderCell(text, (r, cell.col))
        grid.append(_fill_right(line, rows[r + 1:], table.n_cols))
    return grid


def _fill_right(line: list[HeaderCell | None], below: list[list[Cell]], n_cols: int) -> list[HeaderCell | None]:
    """A group cell printed once stands over the empty cells to its right that have headers below."""
    filled_below = {c.col for row in below for c in row if c.text.strip()}
    out = list(line)
    for col in range(1, n_cols):
        if out[col] is None and out[col - 1] is not None and col in filled_below:
            out[col] = out[col - 1]
    return out


def column_numbers(table: Table, n_header: int) -> dict[int, int]:
    """栏次 per column, from the 栏次 row(s) of the header."""
    numbers: dict[int, int] = {}
    for row in table.rows[:n_header]:
        if is_column_number_row(row):
            numbers.update({c.col: int(squash(c.text)) for c in row if squash(c.text).isdigit()})
    return numbers


def header_texts(grid: list[list[HeaderCell | None]]) -> list[str]:
    """Every distinct header cell text, in reading order (for the kind rules)."""
    seen: dict[tuple[int, int], str] = {}
    for line in grid:
        for cell in line:
            if cell is not None:
                seen.setdefault(cell.origin, cell.text)
    return list(seen.values())


def columns_info(grid: list[list[HeaderCell | None]], cols: list[int], value_cols: list[int],
                 numbers: dict[int, int]) -> list[ColumnInfo]:
    """One ColumnInfo per column of `cols`; group cells spanning all `value_cols` are containers."""
    containers = _containers(grid, cols, value_cols)
    out = []
    for col in cols:
        path = [line[col] for line in grid if line[col] is not None]
        texts = _dedupe([cell.text for cell in path])
        inner = _dedupe([cell.text for cell in path if cell.origin not in containers])
        role, group = path_role(inner)
        out.append(ColumnInfo(index=col, header="/".join(texts), role=role, group=group,
                              measure=path_measure(texts), number=numbers.get(col), sources=(col,)))
    return out


def _containers(grid: list[list[HeaderCell | None]], cols: list[int],
                value_cols: list[int]) -> set[tuple[int, int]]:
    """Group cells over every value column: over two or more ("本年支出" over 合计 | 基本 | 项目), or
    over the whole part, names and all (the side header "收入" over 项目 | 金额)."""
    found = set()
    for line in grid:
        origins = {line[col].origin if line[col] is not None else None for col in value_cols}
        if len(origins) != 1 or None in origins:
            continue
        whole = all(line[col] is not None and line[col].origin in origins for col in cols)
        if len(value_cols) >= 2 or (whole and len(cols) > len(value_cols)):
            found |= origins  # type: ignore[arg-type]
    return found


def _dedupe(texts: list[str]) -> list[str]:
    return [t for i, t in enumerate(texts) if i == 0 or t != texts[i - 1]]


def path_role(texts: list[str]) -> tuple[str | None, str | None]:
    """(role, group) of a header path: the lowest specific role; a total under a part is that part."""
    roles = [role for text in texts if (role := text_role(text)) is not None]
    specific = [role for role in roles if role != "amount"]
    if not specific:
        return ("amount" if roles else None), None
    role = specific[-1]
    above = specific[:-1]
    if role == "total" and above and above[-1] in PART_ROLES:
        role = above.pop()
    group = next((r for r in reversed(above) if r != role), None)
    return role, group


def text_role(text: str) -> str | None:
    return next((role for role, pattern in ROLE_PATTERNS if re.search(pattern, text)), None)


def path_measure(texts: list[str]) -> str | None:
    """The lowest header cell that names a measure (预算数, 决算数, 年初预算, 上年 …)."""
    for text in reversed(texts):
        measure = next((m for m, pattern in MEASURE_PATTERNS if re.search(pattern, text)), None)
        if measure is not None:
            return measure
    return None


def column_types(table: Table, start: int, grid: list[list[HeaderCell | None]]) -> list[str]:
    """What each column holds in the body: "code", "row_number", "label", "value", or "empty"
    (nothing printed and no header to say). A column with an empty body takes its header's word."""
    body = table.rows[start:]
    out = []
    for col in range(table.n_cols):
        cells = [row[col] for row in body if col < len(row)]
        kind = _type_from_body(cells)
        out.append(kind or _type_from_header([line[col] for line in grid if line[col] is not None]))
    return out


def _type_from_body(cells: list[Cell]) -> str | None:
    texts = [squash(c.text) for c in cells if not is_blank_mark(c.text)]
    if not texts:
        return None
    if is_code_column(cells):
        return "code"
    if all(t.isdigit() for t in texts) and is_running_count(texts):
        return "row_number"
    words = [c for c in cells if c.value is None and not is_blank_mark(c.text) and not squash(c.text).isdigit()]
    return "label" if len(words) * 2 >= len(texts) else "value"


def _type_from_header(path: list[HeaderCell]) -> str:
    role, _ = path_role(_dedupe([cell.text for cell in path]))
    if role in ("code", "code_class", "code_section", "code_item"):
        return "code"
    if role in ("label", "row_number"):
        return role
    return "empty" if role is None else "value"


def column_roles(table: Table) -> list[str | None]:
    """One role (or None) per source column, reading the whole grid as one table."""
    start = body_start(table)
    grid = header_grid(table, start)
    types = column_types(table, start, grid)
    value_cols = [col for col, kind in enumerate(types) if kind == "value"]
    infos = columns_info(grid, list(range(table.n_cols)), value_cols, column_numbers(table, start))
    return [info.role for info in infos]
