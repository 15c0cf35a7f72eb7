"""Column roles from a table's header rows: 合计, 基本支出, 项目支出, 年初预算, 决算数 …

A column's header is read top-down through all header rows (a merged group cell such as
"本年支出" stands above 合计 / 基本支出 / 项目支出). The role comes from the lowest header
cell that names one, so "本年支出 | 合计" is a total and "本年支出 | 基本支出" basic spending.
Roles are data (ROLE_WORDS), matched longest first; a header that names none stays None.
"""

from __future__ import annotations

from budgetlens.document import Table

# header words → role; longer and more specific words first (matched in this order)
ROLE_WORDS: tuple[tuple[str, str], ...] = (
    ("对附属单位补助支出", "subsidy"),
    ("上缴上级支出", "remit"),
    ("经营支出", "business"),
    ("基本支出", "basic"),
    ("项目支出", "project"),
    ("人员经费", "personnel"),
    ("公用经费", "public"),
    ("年初预算", "budget"),
    ("全年预算", "budget_full"),
    ("决算数", "actual"),
    ("科目编码", "code"),
    ("科目名称", "label"),
    ("合计", "total"),
    ("小计", "total"),
    ("总计", "total"),
)
# roles that add up to the row's total on spending tables (DOMAIN §3, 支出(决算)表)
SPENDING_PARTS = ("basic", "project", "remit", "business", "subsidy")


def column_roles(table: Table) -> list[str | None]:
    """One role (or None) per column, from the header cells of that column."""
    headers = [["".join(cell.text.split()) for cell in row] for row in table.rows[:table.header_rows]]
    return [_role_of_column([row[col] for row in headers if col < len(row)]) for col in range(table.n_cols)]


def _role_of_column(header_cells: list[str]) -> str | None:
    """The lowest header cell that names a role; a 小计 under "基本支出" is basic spending."""
    roles = [role for text in header_cells if (role := _role_of_text(text)) is not None]
    if not roles:
        return None
    if roles[-1] == "total" and any(role != "total" for role in roles):
        return next(role for role in reversed(roles) if role != "total")
    return roles[-1]


def _role_of_text(text: str) -> str | None:
    return next((role for word, role in ROLE_WORDS if word in text), None)
