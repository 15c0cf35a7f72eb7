"""Finished tables of the converter-text seeds, checked by hand against the seed files."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens.analyze import analyze_file
from budgetlens.document import Table
from tests.conftest import seed_path
from tests.pipeline_support import analyze_text

pytestmark = pytest.mark.shared


def _table(prefix: str, title: str) -> Table:
    record = analyze_file(seed_path(prefix))
    return next(t for t in record.tables if t.title == title)


def _texts(table: Table, row: int) -> list[str]:
    return [c.text for c in table.rows[row]]


def test_tables_seed000_total_table_caption_rows_leave_the_grid() -> None:
    table = _table("000", "2024年收支预算总表")
    assert (table.code, table.unit, table.n_rows, table.n_cols, table.header_rows) == ("预算01表", "万元", 30, 4, 2)
    assert _texts(table, 1) == ["项 目", "预算数", "项 目", "预算数"]
    assert _texts(table, 2) == ["一、一般公共预算拨款收入", "4,407.79", "一、一般公共服务支出", "889.52"]
    assert table.rows[2][1].value == Decimal("4407.79")
    assert table.rows[3][1].blank
    assert table.rows[3][1].value is None  # blank is absent, not zero
    assert _texts(table, 29) == ["收 入 总 计", "4,407.79", "支 出 总 计", "4,407.79"]


def test_tables_seed002_form_title_from_markdown_heading() -> None:
    table = _table("002", "2024年重大政策项目绩效目标申报表")
    assert table.unit == "万元"
    assert _texts(table, 0)[:3] == ["项目名称", "就业补助资金其他支出", "项目编码"]
    assert _texts(table, 6)[:4] == ["起始年度", "202401", "终止年度", "202412"]
    funds = next(row for row in table.rows if row[0].text == "项目资金来源")  # lines 59-60: a 5-field block
    assert funds[4].text == "金额"


def test_tables_seed003_footnote_formula_attached() -> None:
    table = _table("003", "收入支出决算总表")
    assert (table.code, table.unit) == ("公开01表", "万元")
    assert any("本表反映部门本年度的总收支" in note for note in table.footnotes)
    total = next(row for row in table.rows if row[0].text == "本年收入合计")
    assert (total[2].value, total[5].value) == (Decimal("5102.22"), Decimal("5102.22"))


def test_a_unit_alone_on_its_line_above_a_grid_is_the_tables_unit() -> None:
    # pdfminer text of sh-putuo social-welfare-institute 2024 p.10: "单位：元" is shorter than header debris
    record = analyze_text("2024年财政拨款收支预算总表\n\n单位：元\n\n"
                          "项目\t预算数\n一般公共预算资金\t100.00\n合计\t100.00\n")
    assert [(t.title, t.unit) for t in record.tables] == [("2024年财政拨款收支预算总表", "元")]
