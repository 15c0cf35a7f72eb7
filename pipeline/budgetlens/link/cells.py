"""The table cell a named line and a value role point at, in the document's understood tables.

Each named line has a short, fixed list of places it may be printed (`PLACES`): a table kind,
a row (a total row, a row label pattern, a function code) and a column role. The first place
found wins; an ambiguous place (two different rows fit) gives nothing, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budgetlens.document import Cell
from budgetlens.link.subjects import LineName
from budgetlens.tables.lexicon import squash
from budgetlens.tables.model import ColumnInfo, Flavour, Level, LogicalTable, RowInfo, RowKind, TableKind

K = TableKind
TOTAL = "@total"  # the table's total row (合计/总计)


@dataclass(frozen=True)
class Place:
    kind: TableKind
    row: str  # TOTAL, or a pattern over the squashed row label
    column: tuple[str, ...]  # column roles, first present wins
    side: str | None = None  # "收入" / "支出" for two-column summary tables


# (scope, line) → where that line is printed, most direct table first.
PLACES: dict[tuple[str, str], tuple[Place, ...]] = {
    ("all", "grand_total"): (Place(K.SUMMARY, r"^收入总计$|^总计$", ("amount", "total"), "收入"),),
    ("all", "income_total"): (Place(K.INCOME, TOTAL, ("total",)),
                              Place(K.SUMMARY, r"^本年收入合计$|^收入合计$", ("amount", "total"), "收入")),
    ("all", "spending_total"): (Place(K.SPENDING, TOTAL, ("total",)),
                                Place(K.SUMMARY, r"^本年支出合计$|^支出合计$", ("amount", "total"), "支出")),
    ("all", "basic"): (Place(K.SPENDING, TOTAL, ("basic",)),),
    ("all", "project"): (Place(K.SPENDING, TOTAL, ("project",)),),
    ("fiscal", "grand_total"): (Place(K.FISCAL_SUMMARY, r"^收入总计$|^总计$", ("amount", "total"), "收入"),),
    ("fiscal", "income_total"): (Place(K.FISCAL_SUMMARY, r"^本年收入合计$|^收入合计$", ("amount", "total"), "收入"),),
    ("fiscal", "spending_total"): (Place(K.FISCAL_SUMMARY, r"^本年支出合计$|^支出合计$", ("total", "amount"), "支出"),),
    ("general", "spending_total"): (Place(K.GENERAL_SPENDING, TOTAL, ("total",)),),
    ("general", "basic"): (Place(K.GENERAL_SPENDING, TOTAL, ("basic",)),),
    ("general", "project"): (Place(K.GENERAL_SPENDING, TOTAL, ("project",)),),
    ("general", "personnel"): (Place(K.GENERAL_BASIC, r"^人员经费(合计)?$", ("total", "amount")),),
    ("general", "public"): (Place(K.GENERAL_BASIC, r"^公用经费(合计)?$", ("total", "amount")),),
}
FUNCTION_TABLES = (K.GENERAL_SPENDING, K.FISCAL_SPENDING)
THREE_PUBLIC_TOTAL = ("total", "three_public")
# A claim's value role → the column measure it reads, per flavour; None: the table's main figures.
MEASURES: dict[tuple[Flavour | None, str], tuple[str | None, ...]] = {
    (Flavour.FINAL, "current"): ("actual", None), (Flavour.FINAL, "actual"): ("actual", None),
    (Flavour.FINAL, "total"): ("actual", None), (Flavour.FINAL, "budget"): ("budget", "budget_full"),
    (Flavour.BUDGET, "current"): ("budget", None), (Flavour.BUDGET, "total"): ("budget", None),
}


@dataclass(frozen=True)
class Located:
    table: LogicalTable
    row: RowInfo
    column: ColumnInfo
    cell: Cell


def places_of(line: LineName) -> tuple[Place, ...]:
    if line.kind == "function":
        return tuple(Place(kind, "@function", ("total",)) for kind in FUNCTION_TABLES)
    if line.kind == "three_public":
        roles = THREE_PUBLIC_TOTAL if line.line == "total" else (line.line or "",)
        return (Place(K.THREE_PUBLIC, "@values", roles),)
    scope = "general" if line.scope == "all" and line.line in ("personnel", "public") else line.scope
    return PLACES.get((scope, line.line or ""), ())


def shown(line: LineName, role: str, tables: list[LogicalTable]) -> bool:
    """Whether any table where the line may be printed has a column for this role at all
    (a 决算 table without 年初预算 columns cannot confirm a budget figure: nothing to link)."""
    return any(table.kind == place.kind and _column(table, place.column, role) is not None
               for place in places_of(line) for table in tables)


def cell_at(table: LogicalTable, place: Place, role: str = "current") -> Located | None:
    """The one cell of a table at a place (a total row or a label pattern, and a column role)."""
    return _in_table(table, place, role, LineName("total_line"))


def locate(line: LineName, role: str, tables: list[LogicalTable]) -> Located | None:
    """The one cell the line and role name, or None when there is none or more than one."""
    for place in places_of(line):
        for table in tables:
            if table.kind != place.kind or (place.side and table.side != place.side) or table.empty:
                continue
            found = _in_table(table, place, role, line)
            if found is not None:
                return found
    return None


def _in_table(table: LogicalTable, place: Place, role: str, line: LineName) -> Located | None:
    column = _column(table, place.column, role)
    rows = _rows(table, place.row, line)
    if column is None or len(rows) != 1:
        return None
    cell = rows[0].cells.get(column.index)
    return Located(table, rows[0], column, cell) if cell is not None and cell.value is not None else None


def _rows(table: LogicalTable, pattern: str, line: LineName) -> list[RowInfo]:
    if pattern == "@function":
        row = _row_by_code(table, line.code) if line.code else _row_by_path(table, line.path)
        return [row] if row is not None else []
    if pattern == TOTAL:
        totals = table.rows_of(RowKind.TOTAL)
        return totals[:1]
    if pattern == "@values":  # the 三公 table: one row of figures
        return [r for r in table.rows if any(c.value is not None for c in r.cells.values())][:1]
    return [r for r in table.rows if re.search(pattern, squash(r.label))]


def _column(table: LogicalTable, roles: tuple[str, ...], role: str) -> ColumnInfo | None:
    """The column of the first role present, read with the measure the value's role asks for."""
    measures = MEASURES.get((table.flavour, role))
    if measures is None:
        return None
    for wanted in roles:
        candidates = [c for c in table.columns if c.role == wanted]
        for measure in measures:
            hits = [c for c in candidates if c.measure == measure]
            if len(hits) == 1:
                return hits[0]
        if len(candidates) == 1 and None in measures and candidates[0].measure in (None, *measures):
            return candidates[0]
    return None


def _row_by_code(table: LogicalTable, code: str | None) -> RowInfo | None:
    rows = [r for r in table.rows if r.code == code]
    return rows[0] if len(rows) == 1 else None


def _row_by_path(table: LogicalTable, path: tuple[str, ...]) -> RowInfo | None:
    """类 by name, then 款 by name among its children, then 项 — names compared without 支出 and spaces."""
    prefix, row = "", None
    for depth, name in enumerate(path):
        level = (Level.CLASS, Level.SECTION, Level.ITEM)[depth] if depth < 3 else None
        fits = [r for r in table.rows if r.code and r.code.startswith(prefix) and r.level == level
                and _same_name(r.label, name)]
        if len(fits) != 1:
            return None
        row, prefix = fits[0], fits[0].code or ""
    return row


def _same_name(label: str, name: str) -> bool:
    def bare(text: str) -> str:
        return re.sub(r"支出$|\(.*?\)$", "", squash(text))
    return bare(label) == bare(name)
