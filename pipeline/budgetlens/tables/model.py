"""The typed result of table understanding: what a grid means, ready for the checks.

One source `Table` becomes one or more `LogicalTable`s: a two-column layout (收入 | 支出,
人员经费 | 公用经费) is split, and column groups of one list printed side by side (经济分类
code | name | value, two or three times across) are stacked back into one list.

Cells are the document's own `Cell` objects (page, bbox, row, col kept for evidence). A cell
with `value is None` is absent, never zero: blank, a dash, or text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from budgetlens.document import Cell


class TableKind(str, Enum):
    """The standard disclosure tables (DOMAIN.md §1); anything else is GENERIC."""

    SUMMARY = "summary"  # 收入支出决算总表 / 收支预算总表 / 财务收支预算总表
    INCOME = "income"  # 收入决算表 / 收入预算总表
    SPENDING = "spending"  # 支出决算表 / 支出预算总表
    FISCAL_SUMMARY = "fiscal_summary"  # 财政拨款收入支出决算总表 / 财政拨款收支预算总表
    FISCAL_SPENDING = "fiscal_spending"  # 财政拨款支出预算表 (功能分类; Jiangsu)
    FISCAL_BASIC = "fiscal_basic"  # 财政拨款基本支出预算表 (经济分类; Jiangsu)
    GENERAL_SPENDING = "general_spending"  # 一般公共预算(财政拨款)支出(决算)表, 功能分类
    GENERAL_SPENDING_UNITS = "general_spending_units"  # 一般公共预算支出表(分单位)
    GENERAL_BASIC = "general_basic"  # 一般公共预算(财政拨款)基本支出(决算明细)表, 经济分类
    THREE_PUBLIC = "three_public"  # "三公"经费表
    GOV_FUND = "gov_fund"  # 政府性基金…表
    STATE_CAPITAL = "state_capital"  # 国有资本经营…表
    PROJECT_SPENDING = "project_spending"  # 项目支出表
    PROCUREMENT = "procurement"  # 政府采购表
    ADMIN_COST = "admin_cost"  # 机关运行经费表
    SERVICE_PURCHASE = "service_purchase"  # 政府购买服务表
    PERF_TARGET = "perf_target"  # 绩效目标表 (the indicator issue reads these)
    PERF_SELF_EVAL = "perf_self_eval"  # 绩效自评表
    GENERIC = "generic"


class Flavour(str, Enum):
    """Budget (预算) or final accounts (决算): which columns mean what depends on it."""

    BUDGET = "budget"
    FINAL = "final"


class RowKind(str, Enum):
    TOTAL = "total"  # 合计 / 总计 / 本年收入合计 / 收入总计 …
    SUBTOTAL = "subtotal"  # 小计 / 当年收入小计
    ITEM = "item"
    NOTE = "note"  # "无", "注：本单位无…" inside the grid
    HEADER_LEAK = "header_leak"  # a header row repeated or misplaced in the body (no values)


class CodeSystem(str, Enum):
    FUNCTION = "function"  # 支出功能分类: 类 3 / 款 5 / 项 7 digits
    ECONOMIC = "economic"  # 经济分类: 类 3 / 款 5 digits
    UNIT = "unit"  # 单位编码
    PROJECT = "project"  # 项目编号
    OTHER = "other"


class Level(str, Enum):
    CLASS = "类"
    SECTION = "款"
    ITEM = "项"


@dataclass(frozen=True)
class Term:
    """One number in a footnote formula, added (+1) or subtracted (-1)."""

    number: int
    sign: int = 1


@dataclass(frozen=True)
class Range:
    """"31+32+…+56": every number from start to end, inclusive, all added (or all subtracted)."""

    start: int
    end: int
    sign: int = 1


@dataclass(frozen=True)
class Formula:
    """A footnote identity as printed: "27行=（1+2+…+8）行", "1栏各行=（2+3）栏各行".

    axis "row": row numbers (行次); axis "col": column numbers (栏次). `each` is True for
    "栏各行" (the column identity holds on every row). Parsed, not executed.
    """

    axis: str  # "row" | "col"
    target: int
    terms: tuple[Term | Range, ...]
    each: bool
    text: str

    def numbers(self) -> list[tuple[int, int]]:
        """(number, sign) for every term, ranges expanded."""
        out: list[tuple[int, int]] = []
        for term in self.terms:
            if isinstance(term, Range):
                out.extend((n, term.sign) for n in range(term.start, term.end + 1))
            else:
                out.append((term.number, term.sign))
        return out


@dataclass(frozen=True)
class ColumnInfo:
    """One logical column. `index` is its source column (stacked groups map onto the first group's)."""

    index: int
    header: str  # header cells top-down joined by "/", as printed (spaces removed)
    role: str | None  # "total", "basic", "project", "personnel", "code", "label", … (lexicon.ROLE_WORDS)
    group: str | None = None  # role of the header above, e.g. "current_spending" over 小计/基本支出/项目支出
    measure: str | None = None  # "budget", "budget_initial", "budget_full", "actual", "prior_year", …
    number: int | None = None  # 栏次 as printed
    sources: tuple[int, ...] = ()  # every source column stacked into this one


@dataclass(frozen=True)
class RowInfo:
    index: int  # source row index in Table.rows
    label: str  # normalised: spaces, numbering and 其中： removed
    raw_label: str
    kind: RowKind
    code: str | None = None  # full code, rebuilt ("2010301", "30101")
    printed_code: str | None = None  # as printed ("201 03 01", "01")
    code_system: CodeSystem | None = None
    level: Level | None = None
    number: int | None = None  # 行次 as printed
    outline: int | None = None  # 1 for "一、", 2 for "（一）", 3 for "1.", 4 for "(1)"
    of_which: bool = False  # "其中：…": part of the row above, not a sibling
    cells: dict[int, Cell] = field(default_factory=dict)  # value cells keyed by ColumnInfo.index

    def value(self, column: ColumnInfo) -> Decimal | None:
        cell = self.cells.get(column.index)
        return cell.value if cell is not None else None


@dataclass(frozen=True)
class LogicalTable:
    source_id: str
    part: int  # 0-based position among the parts of the source table
    title: str | None
    kind: TableKind
    flavour: Flavour | None
    unit: str | None
    side: str | None  # the header over this part: "收入", "支出", "人员经费" …; None for whole tables
    code_system: CodeSystem | None
    columns: list[ColumnInfo]
    rows: list[RowInfo]
    formulas: list[Formula] = field(default_factory=list)
    method: str | None = None  # how the source grid was read; "spaces" grids place values by guess
    kind_evidence: str | None = None  # the text the kind was read from
    notes: list[str] = field(default_factory=list)  # what understanding had to assume

    @property
    def empty(self) -> bool:
        """No value anywhere: a published empty table ("本单位无…")."""
        return not any(cell.value is not None for row in self.rows for cell in row.cells.values())

    def column(self, role: str, measure: str | None = None) -> ColumnInfo | None:
        """The first column with this role (and measure, when given)."""
        return next((c for c in self.columns if c.role == role and (measure is None or c.measure == measure)), None)

    def column_by_number(self, number: int) -> ColumnInfo | None:
        return next((c for c in self.columns if c.number == number), None)

    def row_by_code(self, code: str) -> RowInfo | None:
        return next((r for r in self.rows if r.code == code), None)

    def row_by_number(self, number: int) -> RowInfo | None:
        return next((r for r in self.rows if r.number == number), None)

    def rows_of(self, kind: RowKind) -> list[RowInfo]:
        return [r for r in self.rows if r.kind == kind]
