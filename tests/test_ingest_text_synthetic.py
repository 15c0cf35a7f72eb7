"""Converter text and Markdown readers on small made-up inputs: one behaviour per case."""

from __future__ import annotations

import pytest

from budgetlens.document import SourceFormat
from budgetlens.ingest.base import RawDocument, RawLine, RawTable
from budgetlens.ingest.text import read_text
from budgetlens.ingest.text_spaces import classify_line


def _read(text: str, fmt: SourceFormat = SourceFormat.TEXT) -> RawDocument:
    return read_text(text.encode("utf-8"), fmt)


def _items(text: str, fmt: SourceFormat = SourceFormat.TEXT) -> list[RawLine | RawTable]:
    return [item for page in _read(text, fmt).pages for item in page.items]


def _grid(table: RawTable) -> list[list[str]]:
    grid = [[""] * table.n_cols for _ in range(table.n_rows)]
    for cell in table.cells:
        grid[cell.row][cell.col] = cell.text
    return grid


def _only_table(text: str) -> RawTable:
    tables = [item for item in _items(text) if isinstance(item, RawTable)]
    assert len(tables) == 1
    return tables[0]


def test_text_markdown_heading_bold_and_pipe_table() -> None:
    items = _items("# 2024年部门预算\n\n**项目采购**\n\n| 项目 | 预算数 |\n|---|---:|\n| 合计 | 4,407.79 |\n"
                   "- 一、主要职能\n一是**统筹**发展。\n", SourceFormat.MARKDOWN)
    heading, bold, table, bullet, inline = items
    assert (heading.text, heading.bold, heading.number) == ("2024年部门预算", True, 1)
    assert (bold.text, bold.bold, bold.number) == ("项目采购", True, 3)
    assert isinstance(table, RawTable)
    assert (table.method, table.n_rows, table.n_cols, table.first_line, table.row_lines) == ("pipe", 2, 2, 5, [5, 7])
    assert _grid(table) == [["项目", "预算数"], ["合计", "4,407.79"]]
    assert (bullet.text, bullet.bold) == ("- 一、主要职能", False)
    assert (inline.text, inline.bold) == ("一是统筹发展。", False)


def test_text_lines_keep_their_file_numbers_and_hard_breaks() -> None:
    items = _items("\n\n（一）围绕区委、区人民政府中心工作，督促、检查、反馈\n\n区人民政府各部门。\n")
    assert [(line.number, line.text) for line in items] == [
        (3, "（一）围绕区委、区人民政府中心工作，督促、检查、反馈"), (5, "区人民政府各部门。")]


def test_text_form_feeds_mark_pages_and_line_numbers_run_on() -> None:
    doc = _read("第一页\n正文\f第二页\n项目\t金额\n合计\t1.00\f")
    assert [page.number for page in doc.pages] == [1, 2]  # the last form feed ends page 2, no page 3
    assert [(i.number, i.text) for i in doc.pages[0].items] == [(1, "第一页"), (2, "正文")]
    title, table = doc.pages[1].items
    assert (title.number, title.text, title.page) == (2, "第二页", 2)
    assert (table.first_line, table.page, table.cells[0].page) == (3, 2, 2)


def test_text_without_form_feed_is_one_page_without_number() -> None:
    doc = _read("一行\n二行\n")
    assert [page.number for page in doc.pages] == [None]


@pytest.mark.parametrize(
    ("text", "n_tables", "row_lines"),
    [
        pytest.param("项目\t金额\n甲\t1.00\n\n乙\t2.00\n", 1, [[1, 2, 4]], id="one-blank-line-inside-a-table"),
        pytest.param("甲\t1.00\n注：无\t\t\n\n预算10表\t\t\n乙\t2.00\n", 2, [[1, 2], [4, 5]],
                     id="blank-then-table-code"),
        pytest.param("甲\t1.00\n\n年度绩效目标表\t\t\n乙\t2.00\n", 2, [[1], [3, 4]], id="blank-then-lone-title"),
        pytest.param("甲\t1.00\n年度绩效目标表\t\t\n乙\t2.00\n", 1, [[1, 2, 3]], id="title-row-without-blank-stays"),
        pytest.param("甲\t1.00\n\n\n乙\t2.00\n", 2, [[1], [4]], id="two-blank-lines-end-a-table"),
        pytest.param("甲\t1.00\n说明文字\n乙\t2.00\n", 2, [[1], [3]], id="text-line-ends-a-table"),
    ],
)
def test_text_tsv_blank_lines_and_titles(text: str, n_tables: int, row_lines: list[list[int]]) -> None:
    tables = [item for item in _items(text) if isinstance(item, RawTable)]
    assert [t.row_lines for t in tables] == row_lines
    assert len(tables) == n_tables


def test_text_tsv_title_and_unit_rows_stay_rows_ragged_rows_padded() -> None:
    table = _only_table("预算01表\t\t2024年收支预算总表\t\n\t\t单位：万元\t\n项 目\t预算数\n"
                        "一、一般公共预算拨款收入\t4,407.79\t"
                        "一、一般公共服务支出\t889.52\n-----\t---\n")
    assert (table.method, table.n_rows, table.n_cols) == ("tsv", 4, 4)
    assert _grid(table) == [
        ["预算01表", "", "2024年收支预算总表", ""],
        ["", "", "单位：万元", ""],
        ["项 目", "预算数", "", ""],
        ["一、一般公共预算拨款收入", "4,407.79", "一、一般公共服务支出", "889.52"],
    ]


def test_text_tsv_trailing_empty_column_dropped() -> None:
    table = _only_table("科目代码\t科目名称\t\n201\t一般公共服务支出\t\n")
    assert table.n_cols == 2


def test_text_html_fragments_in_cells_and_lines() -> None:
    items = _items('<b>项目支出明细测算</b>\n项目类别\t1. 运转类 <input checked="" type="checkbox"/> 2. 特定目标类 '
                   '<input type="checkbox"/>\n立项依据\t<p>1. 依据&lt;文件&gt;</p> <p>2. 指标&lt;4680起</p>\n'
                   "<p>第一段</p> <p>第二段</p>\n")
    bold, table, first, second = items
    assert (bold.text, bold.bold) == ("项目支出明细测算", True)
    boxes = table.cells[1]
    assert boxes.text == "1. 运转类 ☑ 2. 特定目标类 ☐"
    assert [(b.label, b.checked) for b in boxes.checkboxes] == [("1. 运转类", True), ("2. 特定目标类", False)]
    assert table.cells[3].text == "1. 依据<文件>\n2. 指标<4680起"
    assert [(first.number, first.text), (second.number, second.text)] == [(4, "第一段"), (4, "第二段")]


def test_text_literal_less_than_is_not_markup() -> None:
    table = _only_table("全区刑事有效警情\t<4680起\n聘用人员人数\t<10人\n")
    assert [c.text for c in table.cells] == ["全区刑事有效警情", "<4680起", "聘用人员人数", "<10人"]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("201 一般公共服务支出 1102.31 1102.31", "data"),
        ("栏次 1 2 3 4 5 6 7", "data"),
        ("9 九、卫生健康支出 39 99.90", "data"),
        ("上", "header"),
        ("项 目 行次 决算数 项 目 行次 决算数", "header"),
        ("公开05 表", "anchor"),
        ("部门：江岸区人民政府办公室 单位：万元", "anchor"),
        ("2023 年度一般公共预算财政拨款支出年初预算为 1397.58", "prose"),
        ("财政拨款收入 2019.84 万元，占本年收入 100%。", "prose"),
        ("鹤峰县代表团 0.18 万元", "prose"),
        ("注：本表反映部门本年度各项支出情况", "prose"),
        ("3", "prose"),
    ],
)
def test_text_spaces_line_classes(line: str, kind: str) -> None:
    assert classify_line(line) == kind


PDFMINER_INCOME = """公开02表

部门：示例局 单位：万元

科目编码 科目名称 合计 基本支出 项目支出

栏次 1 2 3

合计 100.00 60.00 40.00

201 一般公共服务支出 100.00 60.00 40.00

2010301 行政运行 60.00 60.00

注：本表反映部门本年度各项支出情况。
"""


def test_text_spaces_code_table_with_header_and_column_numbers() -> None:
    table = _only_table(PDFMINER_INCOME)
    assert (table.method, table.n_rows, table.n_cols) == ("spaces", 5, 5)
    assert table.row_lines == [5, 7, 9, 11, 13]
    assert _grid(table) == [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["栏次", "", "1", "2", "3"],  # a label without a code spans code and name: text in the first
        ["合计", "", "100.00", "60.00", "40.00"],
        ["201", "一般公共服务支出", "100.00", "60.00", "40.00"],
        ["2010301", "行政运行", "60.00", "60.00", ""],
    ]
    assert any("values placed from the left" in note for note in table.notes)


PDFMINER_TWO_SIDED = """公开01表
栏 次 1 栏 次 2
一、财政拨款收入 1 300.00 一、一般公共服务支出 31 300.00
二、上级补助收入 2 二、外交支出 32
3 三、国防支出 33
本年收入合计 27 300.00 本年支出合计 57 300.00
年初结转和结余 28 年末结转和结余 58
一般公共预算财政拨款 29 59
总计 30 300.00 总计 60 300.00
"""


def test_text_spaces_two_sided_table_sides_and_row_numbers() -> None:
    grid = _grid(_only_table(PDFMINER_TWO_SIDED))
    assert grid[0] == ["栏 次", "", "1", "栏 次", "", "2"]
    assert grid[1] == ["一、财政拨款收入", "1", "300.00", "一、一般公共服务支出", "31", "300.00"]
    assert grid[3] == ["", "3", "", "三、国防支出", "33", ""]  # the left side printed only its row number
    assert grid[6] == ["一般公共预算财政拨款", "29", "", "", "59", ""]  # 59 continues the right side's 58


def test_text_narrative_with_figures_is_not_a_table() -> None:
    items = _items("2023 年度收入合计 2019.84 万元，与 2022 年度相比，收入\n\n合计增加 73.61 万元，增长 0.04%。\n"
                   "2023 年度一般公共预算财政拨款支出年初预算为 1397.58\n")
    assert all(isinstance(item, RawLine) for item in items)
    assert len(items) == 3
