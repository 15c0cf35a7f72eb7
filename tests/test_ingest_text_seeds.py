"""The five converter-text seeds read into tables, checked by hand against the seed files.

Every expected count, shape and cell below was read off the seed text (line numbers
given), not taken from the reader's output. Rows count from 0 in the grid; the file
line of a row is `row_lines[row]`, so blank lines inside a table do not shift it.
"""

from __future__ import annotations

import pytest

from budgetlens.document import SourceFormat
from budgetlens.ingest.base import RawDocument, RawTable
from budgetlens.ingest.text import read_text
from tests.conftest import seed_path

pytestmark = pytest.mark.shared

# seed 004 line 39, second cell, as printed
LINE_39_TARGET = ("每月至少两次对大厅进行消毒消杀，每月至少一次对大厅各项设备进行维护维修，"
                  "组织12次第三方安全生产服务机构安全检查，审批局大厅年接待群众达30万人次以上，"
                  "组织四次工作人员学习培训，培训人员通过率达100%，保障大厅日常工作正常运行，"
                  "提升工作人员服务效率和质量，提升区政务服务大厅管理的规范性，群众满意度达90%以上。")
FORMATS = {"000": SourceFormat.MARKDOWN, "001": SourceFormat.TEXT, "002": SourceFormat.MARKDOWN,
           "003": SourceFormat.MARKDOWN, "004": SourceFormat.MARKDOWN}


def _doc(prefix: str) -> RawDocument:
    return read_text(seed_path(prefix).read_bytes(), FORMATS[prefix])


def _tables(prefix: str) -> list[RawTable]:
    return [item for page in _doc(prefix).pages for item in page.items if isinstance(item, RawTable)]


def _table_at(prefix: str, first_line: int) -> RawTable:
    return next(t for t in _tables(prefix) if t.first_line == first_line)


def _cell(table: RawTable, row: int, col: int) -> str:
    return next(c.text for c in table.cells if (c.row, c.col) == (row, col))


def _row_of(table: RawTable, line: int) -> int:
    return table.row_lines.index(line)


@pytest.mark.parametrize("prefix", list(FORMATS))
def test_text_seed_reads_without_error_one_page(prefix: str) -> None:
    doc = _doc(prefix)
    assert (doc.encoding, doc.warnings, [p.number for p in doc.pages]) == ("utf-8", [], [None])
    numbers = [i.first_line if isinstance(i, RawTable) else i.number for i in doc.pages[0].items]
    assert numbers == sorted(numbers)  # reading order is file order


@pytest.mark.parametrize(
    ("prefix", "first_lines"),
    [
        # 000: 12 公开 tables (预算01…13, two printed without a code) and 9 forms (整体绩效 + 8 项目申报表)
        ("000", [297, 336, 368, 403, 436, 446, 479, 483, 490, 501, 520, 532, 544,
                 656, 718, 777, 838, 898, 946, 991, 1036]),
        # 001: the nine 公开 tables (each from its first header line; 公开07/08 are empty and keep
        # their headers as text), plus a fragment of the self-evaluation form at the end
        ("001", [73, 148, 254, 345, 482, 552, 692, 715, 730, 2506]),
        # 002: three forms, each cut by its plain-text sub-titles (项目采购 / 项目绩效总目标 / …)
        ("002", [47, 84, 89, 95, 111, 140, 193, 216, 283, 312]),
        # 003: table of contents, nine 公开 tables, 整体自评表 and four 项目自评表
        ("003", [11, 64, 105, 140, 177, 220, 255, 298, 307, 323, 555, 621, 644, 666, 690]),
        # 004: five 申报表; "年度绩效目标表" after a blank line starts a new table (line 126)
        ("004", [7, 43, 61, 85, 126, 146, 194, 211, 333]),
    ],
)
def test_text_seed_tables_found(prefix: str, first_lines: list[int]) -> None:
    assert [t.first_line for t in _tables(prefix)] == first_lines


@pytest.mark.parametrize(
    ("prefix", "first_line", "shape", "cells"),
    [
        # 000 lines 297–328 预算01表: title and unit rows stay rows; line 310 has a blank left half
        ("000", 297, (32, 4), {(0, 0): "预算01表", (0, 2): "2024年收支预算总表", (1, 2): "单位：万元",
                               (4, 1): "4,407.79", (13, 0): "", (13, 2): "十、农林水支出", (13, 3): "3,149.80",
                               (31, 0): "收 入 总 计", (31, 3): "4,407.79"}),
        # 000 lines 336–360 支出预算总表: codes in their own column, blanks stay blank
        ("000", 336, (25, 8), {(0, 5): "事业单位经营支出", (1, 1): "合计", (1, 2): "4,407.79",
                               (4, 0): "2010301", (4, 3): "667.49", (4, 4): ""}),
        # 000 lines 483–488 预算09表: an empty table keeps its note row
        ("000", 483, (6, 5), {(0, 0): "预算09表", (2, 4): "单位：万元", (5, 0): "注：本单位无政府性基金预算相关支出"}),
        # 002 lines 47–80: one form across the blank lines 55 and 74; <b> and ragged rows
        ("002", 47, (32, 6), {(0, 3): "42010523041T000000104", (9, 1): "394.61", (9, 4): "394.61", (10, 4): "",
                              (19, 0): "项目支出明细测算", (26, 4): "=240 万元"}),
        # 002 lines 95–107 长期绩效目标表: a cell broken over the blank line 99 stays two rows
        ("002", 95, (12, 6), {(3, 2): "生态环境成本指", (4, 2): "标", (4, 3): "....."}),
        # 003 lines 64–97 公开01表 (TSV): two sides with row numbers
        ("003", 64, (34, 6), {(0, 0): "收入", (0, 3): "支出", (3, 0): "一、一般公共预算财政拨款收入",
                              (3, 2): "5,102.22", (3, 5): "1,227.34", (4, 2): "", (33, 4): "62"}),
        # 003 lines 255–287 公开06表: three sides; the 公用经费 total sits in the last column
        ("003", 255, (33, 9), {(0, 7): "公开06表", (3, 6): "科目代码", (4, 6): "307", (32, 0): "人员经费合计",
                               (32, 8): "218.80"}),
        # 004 lines 7–39: first form, the blank line 25 inside it
        ("004", 7, (32, 6), {(0, 1): "审批大厅日常运转经费", (11, 3): "746万元", (18, 3): "本级财政拨款金额",
                             (27, 0): "-", (31, 1): LINE_39_TARGET}),
        # 004 lines 211–327: the fourth form, three blank lines inside (239, 284, 314)
        ("004", 211, (114, 9), {(0, 1): "江汉区排水管网日常疏捞维护经费", (71, 0): "年度绩效目标表",
                                (72, 0): "目标名称"}),
    ],
)
def test_text_seed_tsv_tables_by_hand(prefix: str, first_line: int, shape: tuple[int, int],
                                      cells: dict[tuple[int, int], str]) -> None:
    table = _table_at(prefix, first_line)
    assert (table.method, table.n_rows, table.n_cols) == ("tsv", *shape)
    assert {position: _cell(table, *position) for position in cells} == cells


def test_text_seed001_total_table_two_sides() -> None:
    table = _table_at("001", 73)  # 公开01表, lines 73–137, a blank line after every row
    assert (table.method, table.n_rows, table.n_cols) == ("spaces", 33, 6)
    grid = {line: [_cell(table, _row_of(table, line), c) for c in range(6)] for line in (73, 75, 77, 79, 95, 133, 137)}
    assert grid == {
        73: ["收入", "", "", "支出", "", ""],
        75: ["项目", "行次", "决算数", "项目", "行次", "决算数"],
        77: ["栏 次", "", "1", "栏 次", "", "2"],
        79: ["一、一般公共预算财政拨款收入", "1", "2019.84", "一、一般公共服务支出", "31", "1102.31"],
        95: ["", "9", "", "九、卫生健康支出", "39", "99.90"],
        133: ["使用非财政拨款结余", "28", "", "结余分配", "58", ""],
        137: ["总计", "30", "2019.84", "总计", "60", "2019.84"],
    }
    assert any("values placed from the left" in note for note in table.notes)


def test_text_seed001_income_table_codes_and_stacked_header() -> None:
    table = _table_at("001", 148)  # 公开02表: header stacked one character per line, 类 款 项, 栏次 1–7
    assert (table.n_rows, table.n_cols) == (30, 11)  # the code takes three columns: 类 | 款 | 项
    assert [_cell(table, 0, c) for c in range(11)] == [
        "项目", "", "", "", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入",
        "附属单位上缴收入", "其他收入"]
    assert [_cell(table, 1, c) for c in range(4)] == ["功能分类科目编码", "", "", "科目名称"]
    assert [_cell(table, 2, c) for c in range(4)] == ["类", "款", "项", ""]
    assert [_cell(table, 3, c) for c in range(11)] == ["栏次", "", "", "", "1", "2", "3", "4", "5", "6", "7"]
    assert [_cell(table, 4, c) for c in range(6)] == ["合计", "", "", "", "2019.84", "2019.84"]
    row = _row_of(table, 201)
    assert [_cell(table, row, c) for c in range(11)] == ["2010301", "", "", "行政运行", "982.79", "982.79",
                                                         "", "", "", "", ""]
    row = _row_of(table, 217)
    assert [_cell(table, row, c) for c in range(5)] == ["208099", "", "", "其他社会保障和就业支出", "0.47"]


def test_text_seed001_fiscal_total_table_across_a_page_break() -> None:
    table = _table_at("001", 345)  # 公开04表: 栏次 1 | 2 3 4 5, header repeated at lines 417–446
    assert (table.n_rows, table.n_cols) == (36, 9)
    assert 417 not in table.row_lines
    assert any("417–446" in note for note in table.notes)
    assert [_cell(table, 3, c) for c in range(9)] == ["栏 次", "", "1", "栏 次", "", "2", "3", "4", "5"]
    rows = {line: [_cell(table, _row_of(table, line), c) for c in range(9)] for line in (378, 448, 464)}
    assert rows[378] == ["一、一般公共预算财政拨款", "1", "2019.84", "一、一般公共服务支出", "33",
                         "1102.31", "1102.31", "", ""]
    assert rows[448] == ["", "21", "", "二十一、国有资本经营预算支出", "53", "", "", "", ""]
    assert rows[464] == ["一般公共预算财政拨款", "29", "", "", "61", "", "", "", ""]


def test_text_seed001_basic_expenditure_three_sides() -> None:
    table = _table_at("001", 552)  # 公开06表: 人员经费 | 公用经费 | 公用经费, code + name + 决算数 each
    assert (table.n_rows, table.n_cols) == (31, 9)
    cells = {line: [_cell(table, _row_of(table, line), c) for c in range(9)] for line in (584, 592, 669, 671)}
    assert cells[584] == ["301", "工资福利支出", "1218.57", "302", "商品和服务支出", "62.39",
                          "307", "债务利息及费用支出", "-"]
    assert cells[592] == ["30106", "伙食补助费", "", "30204", "手续费", "", "31002", "办公设备购置", ""]
    assert cells[669] == ["", "", "", "30299", "其他商品和服务支出", "", "", "", ""]  # a 302 code: middle side
    # a label without a code spans code and name (GUIDELINE rule 3: text in the first column)
    assert cells[671] == ["人员经费合计", "", "1337.39", "公用经费合计", "", "62.39", "", "", ""]


def test_text_seed001_three_public_expenses_table() -> None:
    table = _table_at("001", 730)  # 公开09表: twelve figure columns, no label column, three header rows
    assert (table.n_rows, table.n_cols) == (5, 12)
    assert [_cell(table, 3, c) for c in (0, 11)] == ["1", "12"]  # the column numbers
    assert [_cell(table, 4, c) for c in (0, 6, 7, 11)] == ["2.52", "2.44", "1.82", "0.34"]


def test_text_seed001_narrative_stays_lines() -> None:
    doc = _doc("001")
    lines = {i.number: i.text for i in doc.pages[0].items if not isinstance(i, RawTable)}
    assert lines[782] == "2023 年度收、支总计 2019.84 万元。与 2022 年度相比，收、"
    assert lines[867] == "2023 年度一般公共预算财政拨款支出年初预算为 1397.58"
    assert lines[70] == "公开01表"


def test_text_seed002_row_lines_skip_blank_lines() -> None:
    table = _table_at("002", 47)
    assert _row_of(table, 56) == 8  # line 55 is blank
    assert _cell(table, _row_of(table, 75), 4) == "=240 万元"


def test_text_seed000_form_merged_across_blank_lines() -> None:
    table = _table_at("000", 544)  # 部门整体绩效目标申报表, lines 544–648 with five blank lines
    assert (table.n_rows, table.n_cols) == (100, 8)
    assert _cell(table, _row_of(table, 567), 1) == "挂职领导保障经费"
    assert _cell(table, _row_of(table, 558), 0) == "部门职能概述"
    assert _cell(table, _row_of(table, 558), 1).split("\n")[0].startswith("4、协助区人民政府领导同志")


def test_text_seed003_markdown_rule_row_dropped() -> None:
    table = _table_at("003", 644)  # lines 644–661, then "-----\t---" at 662
    assert table.row_lines[-1] == 661
    assert _cell(table, table.n_rows - 1, 0) == "改进措施及 结果应用方 案"


@pytest.mark.parametrize(
    ("prefix", "line", "col", "boxes"),
    [
        ("004", 11, 1, [("1. 运转类", False), ("2. 特定目标类本级支出", True), ("3. 特定目标类上级转移支出", False)]),
        ("004", 12, 1, [("1. 一次性项目", False), ("2. 常年项目", True), ("3. 延续性项目", False)]),
        ("004", 90, 1, [("1. 一次性项目", False), ("2. 常年项目", False), ("3. 延续性项目", True)]),
        ("004", 337, 1, [("1. 运转类", False), ("2. 特定目标类本级支出", True), ("3. 特定目标类上级转移支出", False)]),
        ("000", 951, 1, [("1. 一次性项目", True), ("2. 常年项目", False), ("3. 延续性项目", False)]),
        ("003", 648, 1, [("1、常年性项目", True), ("2、延续性项目", True), ("3、一次性项目", False)]),
    ],
)
def test_text_seed_checkboxes(prefix: str, line: int, col: int, boxes: list[tuple[str, bool]]) -> None:
    table = next(t for t in _tables(prefix) if line in t.row_lines)
    cell = next(c for c in table.cells if (c.row, c.col) == (_row_of(table, line), col))
    assert [(b.label, b.checked) for b in cell.checkboxes] == boxes
    assert cell.text.count("☑") == sum(checked for _, checked in boxes)
    assert "<input" not in cell.text


def test_text_seed004_every_form_has_two_checkbox_rows() -> None:
    boxes = [c for t in _tables("004") for c in t.cells if c.checkboxes]
    assert len(boxes) == 10
    assert all(sum(b.checked for b in c.checkboxes) == 1 for c in boxes)


def test_text_seed004_markdown_headings_are_bold_lines() -> None:
    doc = _doc("004")
    headings = [i for i in doc.pages[0].items if not isinstance(i, RawTable) and i.bold]
    assert [(h.number, h.text) for h in headings] == [(n, "2023年江汉区项目支出(绩效目标)申报表")
                                                     for n in (3, 79, 142, 207, 329)]
