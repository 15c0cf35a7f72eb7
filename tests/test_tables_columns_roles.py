"""Column roles, measures and groups from stacked headers copied from real tables, and the
header boundary re-read when the reader miscounted it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens.document import Cell, Table
from budgetlens.tables import understand
from budgetlens.tables.columns import body_start, column_roles


def table(header: list[list[str]], body: list[list[str]], header_rows: int | None = None,
          title: str = "表") -> Table:
    lines = [*header, *body]
    rows = [[Cell(row=r, col=c, text=t, value=_value(t) if r >= len(header) else None) for c, t in enumerate(line)]
            for r, line in enumerate(lines)]
    return Table(id="t", title=title, unit="万元", n_rows=len(rows), n_cols=len(lines[0]), method="tsv", rows=rows,
                 header_rows=len(header) if header_rows is None else header_rows)


def _value(text: str) -> Decimal | None:
    plain = text.replace(",", "")
    return Decimal(plain) if plain.replace(".", "", 1).isdigit() and "." in plain else None


# seed 000 一般公共预算支出表(分功能科目): 基本支出 printed once over 小计 | 人员经费 | 公用经费
GENERAL = [["科目编码", "科目名称", "合计", "基本支出", "", "", "项目支出"],
           ["", "", "", "小计", "人员经费", "公用经费", ""]]
GENERAL_ROW = ["201", "一般公共服务支出", "889.52", "667.49", "575.11", "92.38", "222.03"]
# seed 003 政府性基金预算财政拨款收入支出决算表
GOV_FUND = [["项目", "", "年初结转 和结余", "本年收入", "本年支出", "", "", "年末结转和结余"],
            ["科目代码", "科目名称", "", "", "小计", "基本支出", "项目支出", ""]]
# planning bureau 2024 三公 table: 预算数 | 决算数 under every item
SANGONG = [["财政拨款“三公”经费", "", "", "", "", ""],
           ["合计", "", "因公出国（境）费", "", "公务接待费", ""],
           ["预算数", "决算数", "预算数", "决算数", "预算数", "决算数"]]


@pytest.mark.parametrize(("header", "body", "roles"), [
    (GENERAL, [GENERAL_ROW],
     ["code", "label", "total", "basic", "personnel", "public", "project"]),
    (GOV_FUND, [["", "合计", "", "", "", "", "", ""]],
     ["code", "label", "carry_in", "current_income", "total", "basic", "project", "carry_out"]),
    (SANGONG, [["2.85", "0.39", "0.00", "0.00", "2.85", "0.39"]],
     ["total", "total", "outbound", "outbound", "reception", "reception"]),
])
def test_roles_from_stacked_headers(header: list[list[str]], body: list[list[str]], roles: list[str]) -> None:
    assert column_roles(table(header, body)) == roles


def test_groups_and_measures_say_what_a_column_belongs_to() -> None:
    (general,) = understand(table(GENERAL, [GENERAL_ROW]))
    assert [c.group for c in general.columns if c.role in ("personnel", "public")] == ["basic", "basic"]
    (sangong,) = understand(table(SANGONG, [["2.85", "0.39", "0.00", "0.00", "2.85", "0.39"]]))
    assert [c.measure for c in sangong.columns] == ["budget", "actual"] * 3
    assert sangong.column("reception", "actual").index == 5
    (fund,) = understand(table(GOV_FUND, [["", "合计", "", "", "", "", "", ""]]))
    assert fund.column("total").group == "current_spending"


def test_header_boundary_is_reread_both_ways() -> None:
    body = [["1,656.86", "675.10", "106.00"]]
    lost = table([["合计", "“三公”经费", ""], ["", "小计", "因公出国（境）费"]], body, header_rows=0)
    assert body_start(lost) == 2  # js tables: the ruling reader saw no header
    template = table([["收入", "", "支出", ""], ["项目", "决算数", "项目", "决算数"]],
                     [["一、一般公共预算财政拨款收入", "", "一、一般公共服务支出", ""], ["总计", "", "总计", ""]],
                     header_rows=4)
    assert body_start(template) == 2  # Shanghai 决算 template: nothing filled in, all read as header
