"""Converter text, Markdown and HTML readers on real seeds and small made-up inputs."""

from __future__ import annotations

import pytest

from budgetlens.document import SourceFormat
from budgetlens.errors import DecodeError, EmptyInputError
from budgetlens.ingest.base import RawLine, RawTable
from budgetlens.ingest.encoding import decode_bytes
from budgetlens.ingest.html import read_html
from budgetlens.ingest.text import read_text
from tests.conftest import seed_path

SENTENCE = "2024年收支总预算4,407.79万元，比2023年预算增加66.78万元，增长1.51%。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SENTENCE.encode("utf-8"), "utf-8"),
        (SENTENCE.encode("gb18030"), "gb18030"),
        (SENTENCE.encode("gbk"), "gb18030"),
        (b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), "utf-8-sig"),
        (SENTENCE.encode("utf-16"), "utf-16"),
    ],
)
def test_encoding_detects_and_decodes(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert (decoded.text.lstrip("\ufeff"), decoded.encoding) == (SENTENCE, encoding)


def test_encoding_few_bad_bytes_are_replaced_and_counted() -> None:
    data = (SENTENCE * 50).encode("utf-8") + b"\xff" + (SENTENCE * 50).encode("utf-8")
    decoded = decode_bytes(data)
    assert decoded.replaced >= 1
    assert SENTENCE in decoded.text


@pytest.mark.parametrize(("data", "error"), [(b"", EmptyInputError), (b"  \n ", EmptyInputError)])
def test_encoding_refuses_empty(data: bytes, error: type) -> None:
    with pytest.raises(error):
        decode_bytes(data)


def test_encoding_refuses_mostly_garbage() -> None:
    with pytest.raises(DecodeError):
        decode_bytes(bytes(range(0x80, 0x100)) * 40)


def test_text_pipe_table_and_markdown_heading() -> None:
    doc = read_text("# 标题\n\n| 项目 | 预算数 |\n|---|---|\n| 合计 | 4,407.79 |\n".encode(), SourceFormat.MARKDOWN)
    heading, table = doc.pages[0].items
    assert isinstance(heading, RawLine)
    assert heading.bold
    assert heading.text == "标题"
    assert isinstance(table, RawTable)
    assert (table.n_rows, table.n_cols) == (2, 2)
    assert [c.text for c in table.cells] == ["项目", "预算数", "合计", "4,407.79"]


def test_html_table_spans_and_checkboxes() -> None:
    page = ('<html><body><h1>示例局2024年度部门决算</h1><table>'
            '<tr><td rowspan="2">项目</td><td colspan="2">金额</td></tr>'
            '<tr><td>预算</td><td>决算</td></tr><tr><td>类别</td><td>1. 运转类 <input type="checkbox">'
            ' 2. 特定目标类 <input type="checkbox" checked></td><td></td></tr></table></body></html>')
    doc = read_html(page.encode())
    title, table = doc.pages[0].items
    assert isinstance(title, RawLine)
    assert title.bold
    assert isinstance(table, RawTable)
    assert (table.n_rows, table.n_cols) == (3, 3)
    by_position = {(c.row, c.col): c for c in table.cells}
    assert by_position[(1, 1)].text == "预算"
    assert by_position[(0, 1)].col_span == 2
    boxes = [(b.label, b.checked) for b in by_position[(2, 1)].checkboxes]
    assert boxes == [("1. 运转类", False), ("2. 特定目标类", True)]


def _tables(prefix: str) -> list[RawTable]:
    doc = read_text(seed_path(prefix).read_bytes())
    return [item for page in doc.pages for item in page.items if isinstance(item, RawTable)]


def _cell(table: RawTable, row: int, col: int) -> str:
    return next(c.text for c in table.cells if (c.row, c.col) == (row, col))


@pytest.mark.shared
def test_text_seed003_tsv_tables_by_hand() -> None:
    tables = _tables("003")
    total = next(t for t in tables if any(c.text == "一、一般公共预算财政拨款收入" for c in t.cells))
    first_body = next(c.row for c in total.cells if c.text == "一、一般公共预算财政拨款收入")
    assert total.n_cols == 6
    assert _cell(total, first_body, 2) == "5,102.22"
    assert _cell(total, first_body, 5) == "1,227.34"
    assert _cell(total, first_body + 1, 2) == ""  # blank stays blank


@pytest.mark.shared
def test_text_seed004_checked_boxes() -> None:
    doc = read_text(seed_path("004").read_bytes())
    boxes = [b for p in doc.pages for t in p.items if isinstance(t, RawTable) for c in t.cells for b in c.checkboxes]
    checked = [b.label for b in boxes if b.checked]
    assert checked[:2] == ["2. 特定目标类本级支出", "2. 常年项目"]
    assert len(boxes) >= 12


@pytest.mark.shared
def test_text_seed001_space_tables_keep_codes_and_figures() -> None:
    tables = _tables("001")
    income = next(t for t in tables if any(c.text == "2010301" for c in t.cells))
    row = next(c.row for c in income.cells if c.text == "2010301")
    assert [_cell(income, row, c) for c in range(4)] == ["2010301", "行政运行", "982.79", "982.79"]
    assert any("blank cells not printed" in note for note in income.notes)
