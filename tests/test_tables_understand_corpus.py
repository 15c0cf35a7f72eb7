"""understand() on real documents read by analyze_file. Every expected figure was read off the PDF
page (pdftotext -layout) or the seed text by hand, not from our own output."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from budgetlens.analyze import analyze_file
from budgetlens.tables import LogicalTable, RowKind, TableKind, understand_all
from budgetlens.tables.model import Flavour, Level, Range, Term
from tests.conftest import corpus_pdf, seed_path

K = TableKind
FINAL_SET = {K.SUMMARY, K.INCOME, K.SPENDING, K.FISCAL_SUMMARY, K.GENERAL_SPENDING, K.GENERAL_BASIC,
             K.THREE_PUBLIC, K.GOV_FUND, K.STATE_CAPITAL}


@cache
def _logical(path: Path) -> tuple[LogicalTable, ...]:
    record = analyze_file(path)
    assert record.status == "ok", record.error
    return tuple(understand_all(record.tables))


def logical(path: Path, kind: TableKind) -> list[LogicalTable]:
    return [t for t in _logical(path) if t.kind == kind]


def value(table: LogicalTable, code_or_label: str, role: str, measure: str | None = None) -> Decimal | None:
    row = table.row_by_code(code_or_label) or next(r for r in table.rows if r.label == code_or_label)
    column = table.column(role, measure)
    assert column is not None, f"no {role} column in {table.title}"
    return row.value(column)


def test_spending_table_row_has_full_code_level_and_figures() -> None:
    # finance bureau 2024 决算 p.10 支出决算表: "201 06 01 行政运行 1,511.89 1,503.52 8.37"
    (spending,) = logical(corpus_pdf("sh-putuo_finance-bureau_2024_dept-final.pdf"), K.SPENDING)
    row = spending.row_by_code("2010601")
    assert (row.level, row.label, row.printed_code) == (Level.ITEM, "行政运行", "201 06 01")
    assert spending.flavour == Flavour.FINAL
    assert [value(spending, "2010601", r) for r in ("total", "basic", "project")] == [
        Decimal("1511.89"), Decimal("1503.52"), Decimal("8.37")]
    assert value(spending, "2010602", "basic") is None  # printed blank: absent, not zero


def test_economic_list_printed_in_two_column_groups_is_stacked() -> None:
    # finance bureau 2024 决算 p.16: 301/303 on the left, 302/310 on the right, totals on the last line
    (basic,) = logical(corpus_pdf("sh-putuo_finance-bureau_2024_dept-final.pdf"), K.GENERAL_BASIC)
    assert basic.code_system.value == "economic"
    assert value(basic, "301", "amount") == Decimal("2082.85")
    assert value(basic, "302", "amount") == Decimal("171.07")
    assert value(basic, "310", "amount") == Decimal("13.58")
    assert basic.row_by_code("31002").level == Level.SECTION
    totals = {r.label: r.value(basic.column("amount")) for r in basic.rows_of(RowKind.TOTAL)}
    assert totals == {"人员经费合计": Decimal("2152.26"), "公用经费合计": Decimal("184.65")}


def test_personnel_and_public_sides_become_two_tables() -> None:
    # seed 003 公开06表: 人员经费 | 公用经费 (two groups); 人员经费合计 1,111.87, 公用经费合计 218.80
    personnel, public = logical(seed_path("003"), K.GENERAL_BASIC)
    assert (personnel.side, public.side) == ("人员经费", "公用经费")
    assert value(personnel, "301", "amount") == Decimal("1017.13")
    assert value(public, "302", "amount") == Decimal("215.69")
    assert personnel.row_by_code("302") is None
    assert value(personnel, "人员经费合计", "amount") == Decimal("1111.87")
    assert value(public, "公用经费合计", "amount") == Decimal("218.80")


def test_three_public_table_roles_and_values() -> None:
    # justice bureau 2026 unit budget p.20, 单位：万元: 10.71 | 0.00 | 0.73 | 9.98 | 0.00 | 9.98 | 184.59
    (sangong,) = logical(corpus_pdf("sh-putuo_justice-bureau_2026_unit-budget.pdf"), K.THREE_PUBLIC)
    (row,) = sangong.rows
    figures = {c.role: row.value(c) for c in sangong.columns}
    assert figures == {"three_public": Decimal("10.71"), "outbound": Decimal("0.00"), "reception": Decimal("0.73"),
                       "vehicle": Decimal("9.98"), "vehicle_purchase": Decimal("0.00"),
                       "vehicle_running": Decimal("9.98"), "admin_cost": Decimal("184.59")}
    assert (sangong.unit, sangong.flavour) == ("万元", Flavour.BUDGET)


def test_codes_split_over_class_section_item_columns() -> None:
    # justice bureau 2026 unit budget p.11 支出预算总表 (元): "204 06 01 行政运行 14,348,853.34"
    (spending,) = logical(corpus_pdf("sh-putuo_justice-bureau_2026_unit-budget.pdf"), K.SPENDING)
    assert [c.role for c in spending.columns[:3]] == ["code_class", "code_section", "code_item"]
    assert [spending.row_by_code(c).level for c in ("204", "20406", "2040601")] == [
        Level.CLASS, Level.SECTION, Level.ITEM]
    assert value(spending, "2040601", "total") == Decimal("14348853.34")
    assert spending.unit == "元"


def test_three_sided_summary_is_split_and_a_merged_total_label_is_kept() -> None:
    # js CPPCC 2018 公开01表: 收入 | 支出/功能分类 | 支出/支出用途; "支出合计 … 10,150.48" printed across
    parts = logical(corpus_pdf("js_cppcc-office_2018_dept-budget-tables.pdf"), K.SUMMARY)
    assert [p.side for p in parts] == ["收入", "支出/功能分类", "支出/支出用途"]
    income, _, purpose = parts
    assert value(income, "其他资金", "amount") == Decimal("80.00")
    assert value(purpose, "基本支出", "amount") == Decimal("5678.17")
    assert value(purpose, "支出合计", "amount") == Decimal("10150.48")


def test_a_title_cut_at_a_line_break_gives_way_to_the_header() -> None:
    # js procuratorate 2018 公开09表 "一般公共预算“三公”经费、会议费、培训费 / 支出预算表": 三公 484.30
    (sangong,) = logical(corpus_pdf("js_procuratorate_2018_dept-budget.pdf"), K.THREE_PUBLIC)
    assert sangong.title == "支出预算表"
    assert sangong.rows[0].value(sangong.column("three_public")) == Decimal("484.30")


def test_footnote_formulas_go_to_the_side_that_holds_their_numbers() -> None:
    # seed 001 公开01表: "27 行=（1+…+8）行；30 行=…；57 行=（31+32+…+56）行；60 行=…"
    income, spending = logical(seed_path("001"), K.SUMMARY)
    assert [f.target for f in income.formulas] == [27, 30]
    assert [f.target for f in spending.formulas] == [57, 60]
    assert spending.formulas[0].terms == (Term(31), Range(32, 56))
    assert income.row_by_number(27).label == "本年收入合计"
    assert income.row_by_number(27).value(income.column("amount")) == Decimal("2019.84")
    (table,) = logical(seed_path("001"), K.SPENDING)
    (formula,) = table.formulas
    assert formula.each
    assert table.column_by_number(formula.target).role == "total"


@pytest.mark.parametrize("path", [
    "seed:001", "seed:003", "sh-putuo_finance-bureau_2024_dept-final.pdf",
    "sh-putuo_planning-natural-resources_2024_dept-final.pdf", "sh-putuo_social-work-dept_2024_dept-final.pdf",
    "sh_dept-final-template_2024_attachment2.pdf",
])
def test_final_accounts_have_the_nine_standard_tables(path: str) -> None:
    source = seed_path(path[5:]) if path.startswith("seed:") else corpus_pdf(path)
    tables = _logical(source)
    assert {t.kind for t in tables} >= FINAL_SET
    assert all(t.flavour == Flavour.FINAL for t in tables if t.kind in FINAL_SET)
