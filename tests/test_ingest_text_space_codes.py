"""Space-separated (pdfminer) tables whose codes are printed split ("208 05 02") and whose headers
stand on lines above the grid.

Excerpts are pdfminer.six `extract_text(..., laparams=LAParams(char_margin=50))` of corpus PDFs
(sh-putuo_social-welfare-institute_2024_unit-budget pp. 8, 10; sh-putuo_wanli-subdistrict_2025
p. 27), shortened; the expected cells were read off the printed pages (the gold of the first two is
annotations/tables/sh-putuo_social-welfare-institute_2024_unit-budget__01/02.json).
"""

from __future__ import annotations

import pytest

from budgetlens.ingest.text_space_grid import code_length, row_to_groups
from budgetlens.ingest.text_spaces import classify_line, drop_empty_columns
from tests.ingest_support import text_to_grid


def _grid(*lines: str) -> list[list[str]]:
    """The one table read from `lines`, printed as pdfminer does: a blank line after each."""
    return text_to_grid("\n\n".join(lines) + "\n")


INCOME = (
    "2024年预算单位收入预算总表", "编制单位：上海市普陀区社会福利院 单位：元",
    "项目 收入预算", "功能分类科目编码", "类 款 项", "功能分类科目名称 合计 财政拨款收入 事业收入",
    "事业单位\n经营收入", "其他收入",
    "208 社会保障和就业支出 11,281,624  8,661,624  2,620,000 ",
    "208 05 行政事业单位养老支出 1,696,828  1,696,828 ",
    "208 05 02 事业单位离退休 538,440  538,440 ",
    "7 11 02 事业单位医疗 503,724  503,724 ",
    "合计 12,121,164  9,501,164  2,620,000 ",
)


def test_split_codes_fill_the_code_levels_under_their_header() -> None:
    grid = _grid(*INCOME)
    assert grid == [
        ["项目", "", "", "", "收入预算", "", "", "", ""],
        ["功能分类科目编码", "", "", "功能分类科目名称", "合计", "财政拨款收入", "事业收入", "事业单位经营收入",
         "其他收入"],
        ["类", "款", "项", "", "", "", "", "", ""],
        ["208", "", "", "社会保障和就业支出", "11,281,624", "8,661,624", "2,620,000", "", ""],
        ["208", "05", "", "行政事业单位养老支出", "1,696,828", "1,696,828", "", "", ""],
        ["208", "05", "02", "事业单位离退休", "538,440", "538,440", "", "", ""],
        ["7", "11", "02", "事业单位医疗", "503,724", "503,724", "", "", ""],  # class misprinted so on p. 11
        ["合计", "", "", "", "12,121,164", "9,501,164", "2,620,000", "", ""],
    ]


@pytest.mark.parametrize(("tokens", "expected"), [
    (["208", "05", "02", "事业单位离退休", "538,440"], 3),
    (["208", "05", "行政事业单位养老支出"], 2),
    (["2010301", "行政运行", "982.79"], 1),
    (["7", "11", "02", "事业单位医疗"], 3),
    (["7", "事业单位医疗"], 0),  # one short integer alone is no code
    (["208", "05", "02"], 0),  # no label after: figures
    (["合计", "1", "2"], 0),
])
def test_code_length_counts_whole_and_split_codes(tokens: list[str], expected: int) -> None:
    assert code_length(tokens, 0) == expected


@pytest.mark.parametrize(("text", "labels"), [
    ("二、政府性基金 二、社会保障和就业支出 8,661,624  8,661,624", ["二、政府性基金", "二、社会保障和就业支出"]),
    ("1. 一般公共预算资金 189,767,551", ["1. 一般公共预算资金"]),
    ("收 入 总 计 9,501,164", ["收 入 总 计"]),
])
def test_a_numbered_label_starts_the_next_side(text: str, labels: list[str]) -> None:
    assert [group.label for group in row_to_groups(text, codes=False)] == labels


def test_two_sides_long_header_row_and_a_row_printed_on_the_right_only() -> None:
    grid = _grid(
        "2024年预算单位财政拨款收支预算总表", "编制单位：上海市普陀区社会福利院", "单位：元",
        "财政拨款收入 财政拨款支出", "项目 预算数 项目 合计 一般公共预算 政府性基金预算 国有资本经营预算",
        "一、一般公共预算资金 9,501,164  一、一般公共服务支出",
        "二、政府性基金 二、社会保障和就业支出 8,661,624  8,661,624 ",
        "四、住房保障支出 335,816  335,816 ",
        "收入总计 9,501,164  支出总计 9,501,164  9,501,164 ",
    )
    assert grid == [
        ["财政拨款收入", "", "财政拨款支出", "", "", "", ""],
        ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
        ["一、一般公共预算资金", "9,501,164", "一、一般公共服务支出", "", "", "", ""],
        ["二、政府性基金", "", "二、社会保障和就业支出", "8,661,624", "8,661,624", "", ""],
        ["", "", "四、住房保障支出", "335,816", "335,816", "", ""],  # two figures: no room on the left
        ["收入总计", "9,501,164", "支出总计", "9,501,164", "9,501,164", "", ""],
    ]


def test_code_head_on_two_lines_and_top_head_read_late() -> None:
    grid = _grid(
        "2025年部门一般公共预算基本支出部门预算经济分类预算表", "编制部门：上海市普陀区人民政府万里街道办事处 单位：元",
        "部门预算经济分类科目", "编码 经济分类科目名称 合计 人员经费 公用经费", "项目 一般公共预算基本支出", "类 款",
        "301 工资福利支出 90,238,584  90,238,584  0 ",
        "301 01 基本工资 6,084,184  6,084,184  0 ",
        "302 商品和服务支出 11,103,162  0  11,103,162 ",
    )
    assert grid[:4] == [
        ["项目", "", "", "一般公共预算基本支出", "", ""],
        ["部门预算经济分类科目编码", "", "经济分类科目名称", "合计", "人员经费", "公用经费"],
        ["类", "款", "", "", "", ""],
        ["301", "", "工资福利支出", "90,238,584", "90,238,584", "0"],
    ]


@pytest.mark.parametrize(("rows", "expected"), [
    ([["", "208", "社会福利"], ["", "210", "卫生健康支出"]], [["208", "社会福利"], ["210", "卫生健康支出"]]),
    ([["合计", "", "1"], ["", "", "2"]], [["合计", "1"], ["", "2"]]),
    ([["a", "b"], ["c"]], [["a", "b"], ["c", ""]]),
    ([], []),
])
def test_drop_empty_columns(rows: list[list[str]], expected: list[list[str]]) -> None:
    assert drop_empty_columns(rows) == expected


@pytest.mark.parametrize(("text", "kind"), [
    ("项目 预算数 项目 合计 一般公共预算 政府性基金预算 国有资本经营预算", "header"),
    ("2025年部门一般公共预算基本支出部门预算经济分类预算表", "prose"),  # one long word: a title
    ("本单位2024年无政府性基金预算财政拨款安排的预算 故本表为空表 按规定公开如下说明", "prose"),
])
def test_classify_line_reads_a_long_row_of_short_words_as_header(text: str, kind: str) -> None:
    assert classify_line(text) == kind
