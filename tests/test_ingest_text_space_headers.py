"""Multi-level headers of space-separated (pdfminer-style) tables: cells, levels, columns.

The seed excerpts are lines of seeds/001 (pdfminer text of a 决算 PDF), blank lines as
printed; every expected cell was read off the seed and checked against the gold tables
(annotations/tables/001_…__02/03.json) or, where there is no gold, against the printed
table's layout (GUIDELINE.md: merged header text in its first column, 类|款|项 columns).
"""

from __future__ import annotations

import pytest

from budgetlens.document import SourceFormat
from budgetlens.ingest.base import RawTable
from budgetlens.ingest.text import read_text
from budgetlens.ingest.text_space_grid import Group, GroupSchema, groups_to_cells
from budgetlens.ingest.text_space_levels import cells_to_tree, tree_to_placed
from budgetlens.ingest.text_space_wrap import HeaderCell, cell_role, lines_to_cells
from budgetlens.ingest.text_tables import NumberedLine
from tests.ingest_support import text_to_grid


def _lines(*texts: str) -> str:
    """pdfminer prints a blank line after each box: "" in `texts` is an extra blank line."""
    return "\n".join(texts) + "\n"




def _numbered(*texts: str) -> list[NumberedLine]:
    return [NumberedLine(i, text) for i, text in enumerate(texts, start=1) if text]


# seed 001 lines 144–161 (公开02表): stacked and wrapped heads, 类 款 项, 栏次 1–7 (6 and 7 shortened to 5)
INCOME = _lines(
    "公开02表", "", "部门：江岸区人民政府办公室 单位：万元", "项 目", "", "本年收", "入合计", "",
    "财政拨款", "收入", "", "上", "级", "补", "助", "收", "入", "", "事", "业", "收", "入", "",
    "其", "他", "收", "入", "", "功能分类科", "目编码", "", "科目名称", "", "类 款 项", "栏次 1 2 3 4 5", "",
    "合计 2019.84 2019.84", "", "201 一般公共服务支出 1102.31 1102.31", "",
    "2010301 行政运行 982.79 982.79", "", "注：本表反映部门本年度取得的各项收入情况。")


def test_text_space_headers_income_table_code_levels_and_stacked_heads() -> None:
    grid = text_to_grid(INCOME)
    assert grid[:4] == [
        ["项目", "", "", "", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "其他收入"],
        ["功能分类科目编码", "", "", "科目名称", "", "", "", "", ""],
        ["类", "款", "项", "", "", "", "", "", ""],
        ["栏次", "", "", "", "1", "2", "3", "4", "5"],
    ]
    assert grid[4][:5] == ["合计", "", "", "", "2019.84"]  # no code: spans code and name, text first
    assert grid[6][:5] == ["2010301", "", "", "行政运行", "982.79"]  # whole code in the 类 column


# seed 001 lines 340–380 (公开04表): sides captioned, 决算数 over 小计 and three funds, wraps one line a box
FISCAL_TOTAL = _lines(
    "公开04表", "", "部门：江岸区人民政府办公室 单位：万元", "收入 支出", "", "项 目 行次 决算数 项 目", "行", "",
    "次", "", "决算数", "", "小计", "", "一般公共", "", "预算财政", "", "拨款", "", "政府性基", "", "金预算财",
    "", "政拨款", "", "国有资", "", "本经营", "", "预算财", "", "政拨款", "", "栏 次 1 栏 次 2 3 4 5", "",
    "一、一般公共预算财政拨款 1 2019.84 一、一般公共服务支出 33 1102.31 1102.31", "",
    "二、政府性基金预算财政拨款 2 二、外交支出 34", "", "4 四、公共安全支出 36", "")


def test_text_space_headers_two_sides_with_a_spanning_figure_head() -> None:
    grid = text_to_grid(FISCAL_TOTAL)
    assert grid[:4] == [
        ["收入", "", "", "支出", "", "", "", "", ""],
        ["项目", "行次", "决算数", "项目", "行次", "决算数", "", "", ""],
        ["", "", "", "", "", "小计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
        ["栏 次", "", "1", "栏 次", "", "2", "3", "4", "5"],
    ]
    assert grid[4][3:7] == ["一、一般公共服务支出", "33", "1102.31", "1102.31"]
    assert grid[6][:4] == ["", "4", "", "四、公共安全支出"]


# seed 001 lines 724–769 (公开09表): three levels over twelve figure columns, no names
THREE_PUBLIC = _lines(
    "公开09表", "", "部门：江岸区人民政府办公室 单位：万元", "", "预算数 决算数", "", "合计 因公出国（境）费", "",
    "公务用车购置及运行费", "", "公务接待费 合计", "因公出国", "", "（境）费", "", "公务用车购置及运行费", "",
    "公务接待费", "", "小计", "公务用车", "", "购置费", "", "公务用车", "", "运行费", "小计", "", "公务用", "",
    "车购置", "", "费", "", "公务用", "", "车运行", "", "费", "", "1 2 3 4 5 6 7 8 9 10 11 12", "",
    "2.52 0 2.52 0 2.52 0 2.44 1.82 0.28 0 0.28 0.34", "")


def test_text_space_headers_three_levels_over_figures() -> None:
    grid = text_to_grid(THREE_PUBLIC)
    car, sub = "公务用车购置及运行费", ["小计", "公务用车购置费", "公务用车运行费"]
    assert grid[0] == ["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""]
    assert grid[1] == ["合计", "因公出国（境）费", car, "", "", "公务接待费"] * 2
    assert grid[2] == ["", "", *sub, "", "", "", *sub, ""]
    assert grid[4][6:9] == ["2.44", "1.82", "0.28"]


# seed 001 lines 477–500 (公开05表): 本年支出 over 小计 | 基本支出 | 项目支出; 类 款 项 printed "款 类 项"
GENERAL = _lines(
    "公开05 表", "", "部门：江岸区人民政府办公室 单位：万元", "项 目 本年支出", "", "功能分类科目", "编码", "",
    "科目名称 小计 基本支出 项目支出", "", "款 类 项", "栏次 1 2 3", "", "合计 2019.84 1399.78 620.06", "",
    "201 一般公共服务支出 1102.31 982.79 119.52", "", "2010301 行政运行 982.79 982.79", "")


def test_text_space_headers_figure_head_over_its_subtotal_family() -> None:
    grid = text_to_grid(GENERAL)
    assert grid[:3] == [
        ["项目", "", "", "", "本年支出", "", ""],
        ["功能分类科目编码", "", "", "科目名称", "小计", "基本支出", "项目支出"],
        ["类", "款", "项", "", "", "", ""],  # the code levels in their printed-table order
    ]


def test_text_space_headers_unreadable_header_stays_text() -> None:
    # two heads over one figure column, no subtotal to say which is over which
    text = _lines("公开03表", "单位：万元", "项 目", "", "本年", "", "其他收入", "", "栏次 1", "",
                  "合计 5.00", "", "201 一般公共服务支出 5.00", "", "2010301 行政运行 5.00", "")
    doc = read_text(text.encode("utf-8"), SourceFormat.TEXT)
    items = doc.pages[0].items
    table = next(item for item in items if isinstance(item, RawTable))
    assert [item.text for item in items if not isinstance(item, RawTable)][-3:] == ["项 目", "本年", "其他收入"]
    assert any("not aligned to columns" in note for note in table.notes)
    assert table.first_line == 9  # the 栏次 row


@pytest.mark.parametrize(
    ("lines", "cells"),
    [
        # touching lines are one box; a blank line ends a stacked cell (seed 001 lines 150–164)
        (("本年收", "入合计", "", "上", "级", "收", "入", "", "事", "业"), ["本年收入合计", "上级收入", "事业"]),
        # one line a box: a wrap is lines as long as the first, the last no longer (seed 001 lines 354–374)
        (("小计", "", "一般公共", "", "预算财政", "", "拨款", "", "国有资", "", "本经营"),
         ["小计", "一般公共预算财政拨款", "国有资本经营"]),
        # a subtotal never continues a finished wrap; a touching one continues an open one (seed 001 lines 256–257)
        (("公务用车", "", "运行费", "小计"), ["公务用车运行费", "小计"]),
        (("本年支出", "合计"), ["本年支出合计"]),
        # several words on a line are several cells; 类 款 项 stay apart, "项 目" is one word
        (("项 目 行次 决算数", "款 类 项"), ["项目", "行次", "决算数", "款", "类", "项"]),
        # a name head is whole unless the next line touches it; a wide line is not a wrap
        (("单位名称", "", "备注"), ["单位名称", "备注"]),
        (("功能分类科目", "编码"), ["功能分类科目编码"]),
        (("公务用车购置及运行费", "", "公务接待费"), ["公务用车购置及运行费", "公务接待费"]),
        # sh-putuo_district-gov-office_2025 unit budget p.6 heads, one box each: whole words are not wraps
        (("财政拨款收入", "", "财政拨款支出", "", "项目", "", "预算数", "", "项目"),
         ["财政拨款收入", "财政拨款支出", "项目", "预算数", "项目"]),
    ],
)
def test_text_space_headers_wrapped_lines_joined(lines: tuple[str, ...], cells: list[str]) -> None:
    assert [cell.text for cell in lines_to_cells(_numbered(*lines))] == cells


@pytest.mark.parametrize(
    ("text", "role"),
    [("项目", "area"), ("支出项目", "area"), ("功能分类科目编码", "code"), ("科目代码", "code"),
     ("科目名称", "name"), ("功能分类科目", "name"), ("款", "level"), ("项目支出", "figure"), ("行次", "figure"),
     ("一、财政拨款", "row"), ("1.一般公共预算", "row")],
)
def test_text_space_headers_cell_roles(text: str, role: str) -> None:
    assert cell_role(text) == role


def _cells(*texts: str) -> list[HeaderCell]:
    return [HeaderCell(text, [i]) for i, text in enumerate(texts)]


@pytest.mark.parametrize(
    ("texts", "leaves", "placed"),
    [
        (("合计", "基本支出", "项目支出"), 3, [("合计", 0, 0), ("基本支出", 0, 1), ("项目支出", 0, 2)]),
        # the first spans the rest when it is the one cell too many
        (("本年收入", "财政拨款", "事业收入"), 2, [("本年收入", 0, 0), ("财政拨款", 1, 0), ("事业收入", 1, 1)]),
        # 行次 is never a parent: 决算数 takes the 小计 family
        (("行次", "决算数", "小计", "一般", "基金"), 4,
         [("行次", 0, 0), ("决算数", 0, 1), ("小计", 1, 1), ("一般", 1, 2), ("基金", 1, 3)]),
        # the level below: the parent shares most characters with its children
        (("预算数", "合计", "接待费", "车辆购置及运行费", "小计", "车辆购置费", "车辆运行费"), 5,
         [("预算数", 0, 0), ("合计", 1, 0), ("接待费", 1, 1), ("车辆购置及运行费", 1, 2),
          ("小计", 2, 2), ("车辆购置费", 2, 3), ("车辆运行费", 2, 4)]),
    ],
)
def test_text_space_headers_figure_tree(texts: tuple[str, ...], leaves: int,
                                        placed: list[tuple[str, int, int]]) -> None:
    tree = cells_to_tree(_cells(*texts), leaves)
    assert tree is not None
    found, width = tree_to_placed(tree)
    assert width == leaves
    assert sorted((p.cell.text, p.level, p.col) for p in found) == sorted(placed)


@pytest.mark.parametrize(
    ("texts", "leaves"),
    [
        (("本年", "其他收入"), 1),  # a parent over one column is no parent
        (("本年", "上年", "小计", "一般"), 2),  # cells - families must be the columns
        (("小计", "合计", "一般", "基金"), 2),  # no cell may be the 合计 family's parent
    ],
)
def test_text_space_headers_figure_tree_refused(texts: tuple[str, ...], leaves: int) -> None:
    assert cells_to_tree(_cells(*texts), leaves) is None


def test_text_space_headers_uncoded_label_spans_code_columns() -> None:
    schema = [GroupSchema(has_code=True, has_label=True, slots=2, code_cols=3)]
    assert groups_to_cells([Group(label="合计", values=["9.00"])], schema) == ["合计", "", "", "", "9.00", ""]
    assert groups_to_cells([Group(code="201", label="一般公共服务支出", values=["9.00", "1.00"])], schema) == [
        "201", "", "", "一般公共服务支出", "9.00", "1.00"]


# header lines as pdfminer prints them for sh-putuo_wanli-subdistrict_2025 收入预算总表 (corpus PDF), with
# body rows made up in one-line form (that PDF's own body comes out column by column)
SHANGHAI_INCOME = _lines(
    "2025年部门收入预算总表", "", "单位：元", "", "项目", "", "收入预算", "", "功能分类科目编码", "", "类 款 项", "",
    "功能分类科目名称", "", "合计", "", "财政拨款收入 事业收入", "", "事业单位", "经营收入", "", "其他收入", "",
    "201 一般公共服务支出 3,296,600 3,296,600", "", "2010507 专项普查活动 438,300 438,300", "",
    "合计 3,734,900 3,734,900", "")


def test_text_space_headers_budget_head_over_its_total_family() -> None:
    grid = text_to_grid(SHANGHAI_INCOME)
    assert grid[:3] == [
        ["项目", "", "", "", "收入预算", "", "", "", ""],
        ["功能分类科目编码", "", "", "功能分类科目名称", "合计", "财政拨款收入", "事业收入", "事业单位经营收入",
         "其他收入"],
        ["类", "款", "项", "", "", "", "", "", ""],
    ]
    assert grid[3][:5] == ["201", "", "", "一般公共服务支出", "3,296,600"]


def test_text_space_headers_guessed_wrap_does_not_widen() -> None:
    # the same head, its last two lines one box each: "事业单位"+"经营收入" is then a guess, so the
    # heads may not count the columns and the body's two figure columns stand (header left as text)
    text = SHANGHAI_INCOME.replace("事业单位\n经营收入", "事业单位\n\n经营收入")
    doc = read_text(text.encode("utf-8"), SourceFormat.TEXT)
    table = next(item for page in doc.pages for item in page.items if isinstance(item, RawTable))
    assert (table.n_rows, table.n_cols) == (3, 4)  # code, name, two figures
    assert any("not aligned to columns" in note for note in table.notes)
