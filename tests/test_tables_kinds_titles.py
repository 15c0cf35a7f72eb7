"""Table kinds and flavours from titles (as printed in the corpus), headers and footnotes."""

from __future__ import annotations

import pytest

from budgetlens.document import Cell, Table
from budgetlens.tables.kinds import table_kind, title_to_kind
from budgetlens.tables.model import Flavour, TableKind

K = TableKind


@pytest.mark.parametrize(("title", "kind"), [
    ("2023年度收入支出决算总表", K.SUMMARY),
    ("2025年部门财务收支预算总表", K.SUMMARY),
    ("一、收支预算总表", K.SUMMARY),
    ("2023年度收入决算表", K.INCOME),
    ("二、收入预算总表", K.INCOME),
    ("支出决算表", K.SPENDING),
    ("2024年支出预算总表", K.SPENDING),
    ("2023年度财政拨款收入支出决算总表", K.FISCAL_SUMMARY),
    ("2025年部门财政拨款收支预算总表", K.FISCAL_SUMMARY),
    ("财政拨款支出预算表(功能科目)", K.FISCAL_SPENDING),
    ("财政拨款基本支出预算表(经济科目)", K.FISCAL_BASIC),
    ("一般公共预算财政拨款支出决算表", K.GENERAL_SPENDING),
    ("2025年预算单位一般公共预算支出功能分类预算表", K.GENERAL_SPENDING),
    ("2024年一般公共预算支出表(分单位)", K.GENERAL_SPENDING_UNITS),
    ("2023年度一般公共预算财政拨款基本支出决算明细表", K.GENERAL_BASIC),
    ("2025年部门一般公共预算基本支出部门预算经济分类预算表", K.GENERAL_BASIC),
    ("财政拨款“三公”经费支出决算表", K.THREE_PUBLIC),
    ("2025年单位“三公”经费和机关运行经费预算表", K.THREE_PUBLIC),
    ("“三公”经费、会议费、培训费支出预算表(一般公共预算)", K.THREE_PUBLIC),
    ("政府性基金预算财政拨款收入支出决算表", K.GOV_FUND),
    ("财政拨款政府性基金支出预算表", K.GOV_FUND),
    ("2025年部门国有资本经营预算支出功能分类预算表", K.STATE_CAPITAL),
    ("2024年项目支出预算表", K.PROJECT_SPENDING),
    ("十二、政府采购支出预算表", K.PROCUREMENT),
    ("一般公共预算机关运行经费支出预算表", K.ADMIN_COST),
    ("2024年政府向社会力量购买服务预算表", K.SERVICE_PURCHASE),
    ("2024年江汉区项目支出(绩效目标)申报表", K.PERF_TARGET),
    ("2023年度乡村振兴项目自评表", K.PERF_SELF_EVAL),
    ("责基建项目的预算核定,负责基建资金运用情况的跟踪", K.GENERIC),  # a paragraph caught as a title
    ("公开表十一", K.GENERIC),
    (None, K.GENERIC),
])
def test_title_names_the_kind(title: str | None, kind: TableKind) -> None:
    assert title_to_kind(title) == kind


def grid(title: str | None, header: list[str], footnotes: tuple[str, ...] = ()) -> Table:
    rows = [[Cell(row=0, col=c, text=text) for c, text in enumerate(header)]]
    return Table(id="t", title=title, n_rows=1, n_cols=len(header), header_rows=1, rows=rows, method="ruling",
                 footnotes=list(footnotes))


SANGONG = ["合计", "“三公”经费", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费", "会议费", "培训费"]


@pytest.mark.parametrize(("title", "header", "footnotes", "kind", "flavour"), [
    # js procuratorate 2018 p.? prints the 三公 title on two lines; the reader kept "支出预算表"
    ("支出预算表", SANGONG, (), K.THREE_PUBLIC, Flavour.BUDGET),
    ("算表", SANGONG, (), K.THREE_PUBLIC, None),  # no flavour left to read: understand_all gives the document's
    ("公开表十一", ["科目编码", "科目名称", "机关运行经费支出"], (), K.ADMIN_COST, None),
    # seed 001 公开09表: title and header lost, the footnote says what it is
    (None, ["1", "2", "3"], ("注：本表反映部门本年度“三公”经费支出预决算情况。",), K.THREE_PUBLIC, Flavour.FINAL),
    (None, ["收入", "", "支出", ""], (), K.SUMMARY, None),
    ("支出决算表", ["科目编码", "科目名称", "本年支出合计", "基本支出"], (), K.SPENDING, Flavour.FINAL),
    ("2024年一般公共预算支出表(分功能科目)", ["科目编码", "合计"], (), K.GENERAL_SPENDING, None),
])
def test_header_and_footnote_fill_in_for_a_weak_title(title: str | None, header: list[str], footnotes: tuple[str, ...],
                                                      kind: TableKind, flavour: Flavour | None) -> None:
    reading = table_kind(grid(title, header, footnotes), header, [])
    assert (reading.kind, reading.flavour) == (kind, flavour)


def test_body_labels_name_an_untitled_income_table() -> None:
    # js provincial party committee office 2017 公开02表: no title, header "项目名称 | 金额"
    reading = table_kind(grid(None, ["项目名称", "", "金额"]), ["项目名称", "金额"],
                         ["收入总计", "一般公共预算资金", "", "政府性基金"])
    assert reading.kind == K.INCOME
