"""HTML reader on small made-up pages: lines with source line numbers, tables with spans and tick boxes."""

from __future__ import annotations

import pytest

from budgetlens.document import SourceFormat
from budgetlens.errors import EmptyInputError
from budgetlens.ingest.base import RawLine, RawTable
from budgetlens.ingest.html import read_html

PAGE = """<!DOCTYPE html>
<html><head><title>示例局2024年部门预算</title><style>p { color: red }</style><script>var x = 1;</script></head>
<body>
<h1>示例局2024年部门预算</h1>
<div class="content">
<p>2024 年收支总预算 4,407.79 万元，<b>比上年增加</b> 66.78 万元。<br>其中：R&amp;D 经费 0 万元。</p>
松散文字一行
<br>松散文字二行
<table border="1"><caption>预算01表</caption>
<tr><th rowspan="2">项目</th><th colspan="2">金额</th></tr>
<tr><td>预算数</td><td>决算数</td></tr>
<tr><td>项目类别</td><td>1. 运转类 <input type="checkbox"> 2. 特定目标类 <input type="checkbox" checked></td>
<td><p>第一段</p><p>第二段</p></td></tr>
<tr><td colspan="3">合计</td></tr>
</table>
<font><p>尾段</p></font>
</div></body></html>
"""


def _items() -> list[RawLine | RawTable]:
    doc = read_html(PAGE.encode("utf-8"))
    assert (doc.format, doc.encoding, [p.number for p in doc.pages]) == (SourceFormat.HTML, "utf-8", [None])
    return doc.pages[0].items


def _lines() -> list[tuple[int, str, bool]]:
    return [(i.number, i.text, i.bold) for i in _items() if isinstance(i, RawLine)]


def _table() -> RawTable:
    return next(i for i in _items() if isinstance(i, RawTable))


def test_html_lines_in_order_with_source_lines_and_bold() -> None:
    assert _lines() == [
        (2, "示例局2024年部门预算", True),  # <title>
        (4, "示例局2024年部门预算", True),  # <h1>
        (6, "2024 年收支总预算 4,407.79 万元，比上年增加 66.78 万元。", False),
        (6, "其中：R&D 经费 0 万元。", False),
        (7, "松散文字一行", False),
        (8, "松散文字二行", False),
        (9, "预算01表", False),  # the caption, before its table
        (16, "尾段", False),
    ]


def test_html_script_and_style_are_not_text() -> None:
    assert not any("var x" in text or "color" in text for _, text, _ in _lines())


def test_html_table_rowspan_colspan_on_the_grid() -> None:
    table = _table()
    assert (table.method, table.n_rows, table.n_cols, table.first_line) == ("html", 4, 3, 9)
    assert table.row_lines == [10, 11, 12, 14]
    cells = {(c.row, c.col): (c.text, c.row_span, c.col_span) for c in table.cells}
    assert cells == {
        (0, 0): ("项目", 2, 1), (0, 1): ("金额", 1, 2),
        (1, 1): ("预算数", 1, 1), (1, 2): ("决算数", 1, 1),  # column 0 is held by the rowspan above
        (2, 0): ("项目类别", 1, 1), (2, 1): ("1. 运转类 ☐ 2. 特定目标类 ☑", 1, 1), (2, 2): ("第一段\n第二段", 1, 1),
        (3, 0): ("合计", 1, 3),
    }


def test_html_checkboxes_labelled_by_the_text_before_them() -> None:
    cell = next(c for c in _table().cells if c.checkboxes)
    assert [(b.label, b.checked) for b in cell.checkboxes] == [("1. 运转类", False), ("2. 特定目标类", True)]


@pytest.mark.parametrize(
    ("html", "n_rows", "n_cols"),
    [
        pytest.param("<table><tr><td rowspan='3'>a</td><td>b</td></tr><tr><td>c</td></tr></table>", 3, 2,
                     id="rowspan-past-the-last-row"),
        pytest.param("<table><tr><td colspan='2px'>a</td></tr><tr><td>b</td><td>c</td></tr></table>", 2, 2,
                     id="junk-span-value"),
        pytest.param("<table><tr><td>a<table><tr><td>in</td></tr></table></td><td>b</td></tr></table>", 1, 2,
                     id="nested-table-flattened-into-its-cell"),
    ],
)
def test_html_odd_tables(html: str, n_rows: int, n_cols: int) -> None:
    tables = [i for i in read_html(html.encode()).pages[0].items if isinstance(i, RawTable)]
    assert [(t.n_rows, t.n_cols) for t in tables] == [(n_rows, n_cols)]


def test_html_gbk_page_decodes() -> None:
    page = "<html><body><p>部门决算公开说明</p></body></html>".encode("gbk")
    doc = read_html(page)
    assert (doc.encoding, doc.pages[0].items[0].text) == ("gb18030", "部门决算公开说明")


def test_html_empty_page_is_refused() -> None:
    with pytest.raises(EmptyInputError):
        read_html(b"   \n")
