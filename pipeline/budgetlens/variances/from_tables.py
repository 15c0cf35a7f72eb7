"""Comparable pairs a table shows: two columns of the same item, one the base, one the current figure.

- 决算 tables with 预算数 (年初预算 / 全年预算) and 决算数 columns per item: the "三公" table
  (合计, 因公出国（境）费, 公务用车…, 公务接待费), and function-classification tables per 项 line.
- 预算 tables with 上年 and 本年 columns: a year-on-year change per line.

These count even when the narrative never mentions them. In a row that prints figures, a blank
cell of a "三公" table is nothing spent (DOMAIN: blank is absent, but the 三公 table prints its
zeros as blanks); elsewhere a blank cell gives no pair.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from budgetlens.document import Cell
from budgetlens.tables.model import ColumnInfo, Flavour, Level, LogicalTable, RowInfo, RowKind, TableKind
from budgetlens.variances.model import VarianceKind

BUDGET_MEASURES = ("budget_initial", "budget_full", "budget_adjusted", "budget")  # preferred first
CURRENT_MEASURES = ("current_year", "budget", "actual")
THREE_PUBLIC_NAMES = {
    "total": "“三公”经费", "three_public": "“三公”经费", "outbound": "因公出国（境）费",
    "vehicle": "公务用车购置及运行费", "vehicle_purchase": "公务用车购置费", "vehicle_running": "公务用车运行费",
    "reception": "公务接待费",
}
LEAF_ITEMS = frozenset({"outbound", "reception"})  # items with no sub-columns: a role under them is a misread
FUNCTION_KINDS = frozenset({TableKind.GENERAL_SPENDING, TableKind.FISCAL_SPENDING, TableKind.SPENDING})
SKIPPED_KINDS = frozenset({TableKind.PERF_TARGET, TableKind.PERF_SELF_EVAL, TableKind.GENERIC})


@dataclass(frozen=True)
class CellPair:
    """One item of one table row: the base cell and the current cell, values in the table's unit."""

    kind: VarianceKind
    table: LogicalTable
    row: RowInfo
    item: str  # "三公" item role, or the function code / row label
    subject: str
    base: Cell
    current: Cell
    base_value: Decimal
    current_value: Decimal

    @property
    def code(self) -> str | None:
        return self.row.code


def tables_to_pairs(tables: list[LogicalTable]) -> list[CellPair]:
    pairs: list[CellPair] = []
    for table in tables:
        if table.kind in SKIPPED_KINDS or table.empty:
            continue
        if table.kind == TableKind.THREE_PUBLIC:
            pairs.extend(_three_public_pairs(table))
        elif table.kind in FUNCTION_KINDS:
            pairs.extend(_function_pairs(table))
    return pairs


def column_pairs(table: LogicalTable, key) -> list[tuple[str, VarianceKind, ColumnInfo, ColumnInfo]]:
    """(item, kind, base column, current column) for every item with a base and a current column."""
    by_item: dict[str, dict[str, ColumnInfo]] = {}
    for column in table.columns:
        item = key(column)
        if item is not None and column.measure is not None:
            by_item.setdefault(item, {}).setdefault(column.measure, column)
    out = []
    for item, measures in by_item.items():
        kind, base, current = _measure_pair(measures, table.flavour)
        if base is not None and current is not None:
            out.append((item, kind, base, current))
    return out


def _measure_pair(measures: dict[str, ColumnInfo],
                  flavour: Flavour | None) -> tuple[VarianceKind, ColumnInfo | None, ColumnInfo | None]:
    if "prior_year" in measures:
        current = next((measures[m] for m in CURRENT_MEASURES if m in measures), None)
        return "change", measures["prior_year"], current
    budget = next((measures[m] for m in BUDGET_MEASURES if m in measures), None)
    actual = measures.get("actual") if flavour != Flavour.BUDGET else None
    return "budget_vs_actual", budget, actual


def _three_public_item(column: ColumnInfo) -> str | None:
    """The "三公" item of a column; a column read as 运行费 under 公务接待费 is 公务接待费 (a header misread)."""
    if column.group in LEAF_ITEMS:
        return column.group
    return column.role if column.role in THREE_PUBLIC_NAMES else None


def _three_public_pairs(table: LogicalTable) -> list[CellPair]:
    rows = [r for r in table.rows if any(c.value is not None for c in r.cells.values())]
    if len(rows) != 1:
        return []  # one row of figures is the 三公 table; anything else is not read as one
    row = rows[0]
    out = []
    for item, kind, base_col, current_col in column_pairs(table, _three_public_item):
        base, current = row.cells.get(base_col.index), row.cells.get(current_col.index)
        if base is None or current is None or (base.value is None and current.value is None):
            continue
        out.append(CellPair(kind, table, row, "total" if item == "three_public" else item, THREE_PUBLIC_NAMES[item],
                            base, current, base.value or Decimal(0), current.value or Decimal(0)))
    return out


def _function_pairs(table: LogicalTable) -> list[CellPair]:
    """Per 项 line (and the table total): the total column's base and current figures."""
    out = []
    for item, kind, base_col, current_col in column_pairs(table, lambda c: c.role if c.role == "total" else None):
        for row in table.rows:
            if not (row.level == Level.ITEM or row.kind == RowKind.TOTAL):
                continue
            base, current = row.cells.get(base_col.index), row.cells.get(current_col.index)
            if base is None or current is None or base.value is None or current.value is None:
                continue
            subject = f"{row.label}（{row.code}）" if row.code else row.label
            out.append(CellPair(kind, table, row, row.code or item, subject, base, current, base.value,
                                current.value))
    return out
