"""Comparable pairs a 部门整体支出绩效目标申报表 shows: its 部门总体资金情况 block.

Rows 财政拨款 and 收入/支出构成 合计 print 当年金额 beside the 近两年收支金额 of earlier years; the latest
earlier year is the base (guidelines §3.2). They count as table pairs unless the narrative states the same
change; 人员类/运转类/特定目标类 rows are not lines DOMAIN §4 covers.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from budgetlens.document import Cell, Table
from budgetlens.tables.model import Flavour, LogicalTable, RowInfo, RowKind, TableKind
from budgetlens.variances.from_tables import CellPair
from budgetlens.variances.items import Item
from budgetlens.variances.required import LineRule

if TYPE_CHECKING:  # the checks package imports this one: no import back at run time
    from budgetlens.checks.registry import CheckContext

FUNDS_BLOCK = "总体资金情况"
FUND_GROUPS = ("收入构成", "支出构成")
FUND_ROWS = {  # the rows DOMAIN §4 covers: 财政拨款 and the totals; 人员类/运转类… are not covered lines
    "财政拨款": LineRule("fiscal", "财政拨款收支增减变化"),
    "合计": LineRule("total", "收支总体增减变化"),
}
YEAR_HEADER = re.compile(r"^((?:19|20)\d{2})年?$")
PERCENT = re.compile(r"%|％")
HAN = re.compile(r"[\u4e00-\u9fff]")


def dept_form_pairs(ctx: CheckContext) -> list[tuple[CellPair, LineRule]]:
    """Rows 财政拨款 and 合计 of each department form's funds block: 当年金额 against the latest earlier
    year of 近两年收支金额. Only the figures of the row are read, in order after its label (the grid
    of converter text may shift a row left), so a row gives (当年金额, 占比, 前年, 上年)."""
    tables = {t.id: t for t in ctx.tables}
    pairs = []
    for project in ctx.projects:
        table = tables.get(project.place.table_id or "")
        if project.kind == "dept_target" and project.year is not None and table is not None:
            pairs += _funds_pairs(table, project.year)
    return pairs


def _funds_pairs(table: Table, year: int) -> list[tuple[CellPair, LineRule]]:
    years = _header_years(table)
    if not years or years[-1] >= year:
        return []
    logical = LogicalTable(source_id=table.id, part=0, title=table.title, kind=TableKind.PERF_TARGET,
                           flavour=Flavour.BUDGET, unit=table.unit, side=None, code_system=None, columns=[], rows=[])
    pairs = []
    group = None
    for index, row in enumerate(table.rows):
        group = next((g for g in FUND_GROUPS if any(_bare(c.text) == g for c in row)), group)
        label, figures = _label_and_figures(row)
        rule = FUND_ROWS.get(label or "")
        if rule is None or len(figures) != 1 + len(years):
            continue
        current, base = figures[0], figures[-1]
        subject = f"部门总体资金情况 {group or ''} {label}".replace("  ", " ")
        info = RowInfo(index=index, label=label, raw_label=label, kind=RowKind.ITEM)
        pairs.append((CellPair(kind="change", table=logical, row=info, item=label, subject=subject, base=base,
                               current=current, base_value=base.value, current_value=current.value), rule))
    return pairs


def _header_years(table: Table) -> list[int]:
    """The years of the 近两年收支金额 columns, from the first rows that print them."""
    for row in table.rows[:8]:
        years = [int(m.group(1)) for c in row if (m := YEAR_HEADER.match(_bare(c.text)))]
        if years:
            return sorted(years)
    return []


def _label_and_figures(row: list[Cell]) -> tuple[str | None, list[Cell]]:
    """The row's last text label and the figures after it, percentages (占比) left out."""
    at = max((i for i, c in enumerate(row) if c.value is None and HAN.search(c.text)), default=None)
    if at is None:
        return None, []
    figures = [c for c in row[at + 1:] if c.value is not None and not PERCENT.search(c.text)]
    return _bare(row[at].text), figures


def _bare(text: str) -> str:
    return "".join(text.split())


def add_dept_form_pairs(items: list[Item], ctx: CheckContext) -> None:
    """The funds-block pairs of department forms that the narrative does not state already."""
    for cells, rule in dept_form_pairs(ctx):
        if not stated_elsewhere(cells, rule, items):
            items.append(Item(None, cells, rule))


def stated_elsewhere(cells: CellPair, rule: LineRule, items: list[Item]) -> bool:
    """The narrative states the same change on the same kind of line ("2024年收支总预算4407.79万元，比2023年
    预算增加66.78万元"): that row stands for it (guidelines §3.2). Matched on the line kind and the
    difference, as a narrative typo in one figure (4407.97) must not make it a second variance."""
    difference = cells.current_value - cells.base_value
    for item in items:
        pair = item.pair
        if pair is None or item.rule is None or item.rule.line != rule.line or pair.difference is None:
            continue
        if abs(pair.difference - difference) < Decimal("0.005"):
            return True
    return False
