"""Across the tables of one document: the same figure must be the same everywhere (DOMAIN §3, §5).

Identities checked, each between two understood tables when both are present:
- 总表 本年收入合计 = 收入表 合计; 总表 本年支出合计 = 支出表 合计;
- 财政拨款总表 一般公共预算 column, 支出 total = 一般公共预算支出表 合计;
- every 类 row of the 总表 支出 side = the same 类 in the 支出表 (by name: the 总表 prints no codes);
- every function code: 一般公共预算支出表 ≤ 支出表 (the general budget is part of all funds).
Same figure: exact; a difference of one unit of the last shown digit is info; more is an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from budgetlens.checks.findings import Evidence
from budgetlens.checks.registry import CheckContext, FindingDraft, Outcome, register
from budgetlens.link.cells import Located, Place, cell_at
from budgetlens.numbers import UNIT_SCALE
from budgetlens.tables.lexicon import squash
from budgetlens.tables.model import Level, LogicalTable, RowKind, TableKind

K = TableKind
CROSS_TOLERANCE = "同一数字在不同表中须完全一致；相差一个末位单位（0.01）记为提示"
# (description, place in table A, place in table B): the same figure printed twice.
TOTAL_PAIRS: tuple[tuple[str, Place, Place], ...] = (
    ("本年收入合计", Place(K.SUMMARY, r"^本年收入合计$", ("amount", "total"), "收入"),
     Place(K.INCOME, "@total", ("total",))),
    ("本年支出合计", Place(K.SUMMARY, r"^本年支出合计$", ("amount", "total"), "支出"),
     Place(K.SPENDING, "@total", ("total",))),
    ("一般公共预算财政拨款支出合计", Place(K.FISCAL_SUMMARY, r"^本年支出合计$", ("general_budget",), "支出"),
     Place(K.GENERAL_SPENDING, "@total", ("total",))),
)


@register("cross_table_mismatch", "同一科目或合计在不同表中的数值须一致（总表与收支表、财政拨款总表与一般公共预算表）")
def cross_table_mismatch(ctx: CheckContext) -> Iterator[Outcome]:
    tables = [t for t in ctx.logical_tables if not t.empty]
    for what, first, second in TOTAL_PAIRS:
        for a in _cells(tables, first):
            for b in _cells(tables, second):
                yield _same_figure(what, a, b)
    yield from _summary_classes(tables)
    yield from _general_within_all(tables)


def _cells(tables: list[LogicalTable], place: Place) -> list[Located]:
    found = (cell_at(t, place) for t in tables if t.kind == place.kind and (not place.side or t.side == place.side))
    return [f for f in found if f is not None]


def _same_figure(what: str, a: Located, b: Located) -> Outcome:
    va, vb, unit = _in_common_unit(a, b)
    if va is None or vb is None or va == vb:
        return None
    severity = "info" if abs(va - vb) <= unit else "error"
    return FindingDraft(severity, f"{what}在{_where(a)}为{a.cell.text}，在{_where(b)}为{b.cell.text}，两表不一致。",
                        [_evidence(a), _evidence(b)], observed=a.cell.value, expected=b.cell.value,
                        tolerance=CROSS_TOLERANCE)


def _in_common_unit(a: Located, b: Located) -> tuple[Decimal | None, Decimal | None, Decimal]:
    """Both values in 元 and the coarser of the two last-digit units, in 元."""
    scale_a, scale_b = (UNIT_SCALE.get(x.table.unit or "万元", Decimal(10000)) for x in (a, b))
    if a.cell.value is None or b.cell.value is None:
        return None, None, Decimal(0)
    unit = max(_last_digit(a) * scale_a, _last_digit(b) * scale_b)
    return a.cell.value * scale_a, b.cell.value * scale_b, unit


def _last_digit(located: Located) -> Decimal:
    text = located.cell.text.replace(",", "")
    decimals = len(text.split(".", 1)[1]) if "." in text else 0
    return Decimal(1).scaleb(-decimals)


def _summary_classes(tables: list[LogicalTable]) -> Iterator[Outcome]:
    """总表 支出 side 类 rows (names only) against the 支出表 类 rows."""
    spending = [t for t in tables if t.kind == K.SPENDING]
    for summary in (t for t in tables if t.kind == K.SUMMARY and t.side == "支出"):
        value_col = next((c for c in summary.columns if c.role in ("amount", "total")), None)
        for row in summary.rows:
            cell = row.cells.get(value_col.index) if value_col else None
            if cell is None or cell.value is None or row.kind != RowKind.ITEM:
                continue
            for table in spending:
                match = [r for r in table.rows if r.level == Level.CLASS and squash(r.label) == squash(row.label)]
                total = table.column("total")
                if len(match) == 1 and total is not None and match[0].cells.get(total.index) is not None:
                    other = Located(table, match[0], total, match[0].cells[total.index])
                    yield _same_figure(f"“{row.label}”", Located(summary, row, value_col, cell), other)


def _general_within_all(tables: list[LogicalTable]) -> Iterator[Outcome]:
    """For every function code and column: 一般公共预算支出表 ≤ 支出表."""
    for general in (t for t in tables if t.kind == K.GENERAL_SPENDING):
        for spending in (t for t in tables if t.kind == K.SPENDING and t.unit == general.unit):
            for role in ("total", "basic", "project"):
                col_g, col_s = general.column(role), spending.column(role)
                if col_g is None or col_s is None:
                    continue
                for row in general.rows:
                    other = spending.row_by_code(row.code) if row.code else None
                    cell_g = row.cells.get(col_g.index)
                    cell_s = other.cells.get(col_s.index) if other else None
                    if cell_g is None or cell_s is None or cell_g.value is None or cell_s.value is None:
                        continue
                    yield _not_above(Located(general, row, col_g, cell_g), Located(spending, other, col_s, cell_s))


def _not_above(part: Located, whole: Located) -> Outcome:
    vp, vw, unit = _in_common_unit(part, whole)
    if vp is None or vw is None or vp <= vw:
        return None
    severity = "info" if vp - vw <= unit else "error"
    what = f"{part.row.code} {part.row.label}“{part.column.header}”"
    return FindingDraft(severity, f"{what}在{_where(part)}为{part.cell.text}，大于{_where(whole)}的{whole.cell.text}"
                        "（一般公共预算是全部资金的一部分，不应更大）。", [_evidence(part), _evidence(whole)],
                        observed=part.cell.value, expected=whole.cell.value, tolerance=CROSS_TOLERANCE)


def _where(located: Located) -> str:
    return f"{located.table.title or '表格'}"


def _evidence(located: Located) -> Evidence:
    cell = located.cell
    return Evidence(kind="cell", text=cell.text, table_id=located.table.source_id, row=cell.row, col=cell.col,
                    page=cell.page)
