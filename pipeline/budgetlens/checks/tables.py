"""Identities inside one table (DOMAIN.md §3), cell by cell.

- table_sum_mismatch: hierarchy sums, 类 = Σ款 and 款 = Σ项, per value column (codes.py).
- row_identity_mismatch: on spending tables 合计 = 基本支出 + 项目支出 (+ 上缴上级 + 经营 +
  对附属单位补助), for every row that prints a total and at least one part.

Blank cells are absent (not zero) and take no part in a sum. Tolerance as DOMAIN §5 for a
sum of n parts, in units u of the last digit the cells show (u = 0.01 gives DOMAIN's
numbers): pass within u/2·(n+1), info up to u·(n+1), error beyond.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from budgetlens.checks.findings import Evidence
from budgetlens.checks.registry import CheckContext, FindingDraft, Outcome, register
from budgetlens.checks.rounding import fmt
from budgetlens.document import Cell, Table
from budgetlens.tables.codes import CodedRow, coded_rows, level_children, sum_cells
from budgetlens.tables.columns import SPENDING_PARTS, column_roles

SUM_TOLERANCE = ("n个部分之和与合计：差≤半个末位单位×(n+1)为通过（两位小数即0.005×(n+1)），"
                 "≤一个末位单位×(n+1)为提示，超出为错误（DOMAIN §5，按显示精度推广）")
PART_NAMES = {"basic": "基本支出", "project": "项目支出", "remit": "上缴上级支出", "business": "经营支出",
              "subsidy": "对附属单位补助支出"}


@register("row_identity_mismatch", "支出表每行：合计 = 基本支出 + 项目支出（+ 上缴上级 + 经营 + 对附属单位补助）")
def row_identity_mismatch(ctx: CheckContext) -> Iterator[Outcome]:
    for table in ctx.tables:
        roles = column_roles(table)
        if roles.count("total") != 1 or len({r for r in roles if r in SPENDING_PARTS}) < 2:
            continue
        total_col = roles.index("total")
        part_cols = [col for col, role in enumerate(roles) if role in SPENDING_PARTS and col > total_col]
        if _unexplained_value_columns(table, roles, total_col):
            continue  # a part we cannot name (江苏: 单位预留机动经费): the identity is not ours to judge
        for row in table.rows[table.header_rows:]:
            yield from _row_outcome(table, row, total_col, part_cols, roles)


def _unexplained_value_columns(table: Table, roles: list[str | None], total_col: int) -> bool:
    """A column right of the total that prints numbers but is not a known part of it."""
    body = table.rows[table.header_rows:]
    return any(roles[col] not in SPENDING_PARTS and any(col < len(row) and row[col].value is not None for row in body)
               for col in range(total_col + 1, table.n_cols))


def _row_outcome(table: Table, row: list[Cell], total_col: int, part_cols: list[int],
                 roles: list[str | None]) -> Iterator[Outcome]:
    cells = {cell.col: cell for cell in row}
    total = cells.get(total_col)
    parts = [cells[col] for col in part_cols if col in cells and cells[col].value is not None]
    if total is None or total.value is None or not parts:
        return
    found = sum((cell.value for cell in parts), Decimal(0))
    diff = abs(total.value - found)
    n = len(parts)
    unit = _display_unit([total, *parts])
    places = max(0, -unit.as_tuple().exponent)
    if diff <= unit / 2 * (n + 1):
        yield None
        return
    label = _row_label(row)
    names = "+".join(PART_NAMES[roles[cell.col] or ""] for cell in parts)
    yield FindingDraft(
        severity="info" if diff <= unit * (n + 1) else "error",
        message=(f"{table.title or '表'}“{label}”行：合计{total.text}，{names}={fmt(found, places)}，"
                 f"相差{fmt(total.value - found, places)}"
                 + (f"（单位：{table.unit}）" if table.unit else "")),
        observed=total.value, expected=found, tolerance=SUM_TOLERANCE,
        evidence=[_cell_evidence(table, cell) for cell in (total, *parts)],
    )


def _display_unit(cells: list[Cell]) -> Decimal:
    """One unit of the last digit shown by the least precise cell: 0.01 for "1,234.56", 1 for "94,995,790"."""
    decimals = min(len(c.text.rsplit(".", 1)[1]) if "." in c.text else 0 for c in cells)
    return Decimal(10) ** -decimals


def _row_label(row: list[Cell]) -> str:
    """Code and name as printed ("204 06 01 行政运行"), or the row number."""
    return " ".join(c.text.strip() for c in row if c.text.strip() and c.value is None) or f"第{row[0].row + 1}行"


def _cell_evidence(table: Table, cell: Cell) -> Evidence:
    return Evidence(kind="cell", text=cell.text, table_id=table.id, row=cell.row, col=cell.col, page=cell.page)


@register("table_sum_mismatch", "层级合计：类 = Σ款，款 = Σ项（功能分类与经济分类，逐列）")
def table_sum_mismatch(ctx: CheckContext) -> Iterator[Outcome]:
    for table in ctx.tables:
        if table.method == "spaces":
            continue  # grids rebuilt from space-separated text place values by guess: not evidence enough
        rows = coded_rows(table)
        by_code = {row.code: row for row in rows}  # a code printed twice: the last row stands
        for parent in rows:
            if _irregular_below(parent.code, by_code):
                continue  # "208099" under 208: the hierarchy cannot be read
            children = [by_code[code] for code in level_children(parent.code, set(by_code))]
            if not children:
                continue
            for position, total in parent.values.items():
                parts = [child.values[position] for child in children if position in child.values]
                if parts:
                    yield _sum_outcome(table, parent, total, parts, children)


def _irregular_below(code: str, by_code: dict[str, CodedRow]) -> bool:
    return any(other.startswith(code) and (len(other) - len(code)) % 2 for other in by_code)


def _sum_outcome(table: Table, parent: CodedRow, total: Cell, parts: list[Cell],
                 children: list[CodedRow]) -> Outcome:
    found = sum_cells(parts)
    diff = abs((total.value or Decimal(0)) - found)
    unit = _display_unit([total, *parts])
    n = len(parts)
    if diff <= unit / 2 * (n + 1):
        return None
    places = max(0, -unit.as_tuple().exponent)
    codes = "、".join(child.code for child in children) if len(children) <= 5 else f"{len(children)}个"
    return FindingDraft(
        severity="info" if diff <= unit * (n + 1) else "error",
        message=(f"{table.title or '表'}“{parent.code} {parent.label}”{total.text}，其下级科目（{codes}）合计"
                 f"{fmt(found, places)}，相差{fmt((total.value or Decimal(0)) - found, places)}"),
        observed=total.value, expected=found, tolerance=SUM_TOLERANCE,
        evidence=[_cell_evidence(table, cell) for cell in (total, *parts)],
    )
