"""Table reconstruction on small PDFs drawn here with reportlab: no ../shared needed.

Each PDF imitates one way producers draw tables: every border as a line (WPS), only
horizontal rules as thin filled rectangles (Word "three-line" tables), a ruled header
over an unruled body, and a table broken across two pages with its header repeated.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from budgetlens.ingest.base import RawCell, RawLine, RawPage, RawTable
from budgetlens.ingest.layout import chars_to_words
from budgetlens.ingest.pdf_chars import iter_page_chars
from budgetlens.ingest.pdf_tables import TableSettings, find_tables, join_continued_tables

FONT = "STSong-Light"
SIZE = 10
HEIGHT = A4[1]

Draw = Callable[[Canvas], None]


def _pdf(*pages: Draw) -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for draw in pages:
        canvas.setFont(FONT, SIZE)
        draw(canvas)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _text(c: Canvas, x: float, top: float, text: str, *, right: bool = False) -> None:
    """Text whose box starts at `top` (top-down coordinates); `right`: x is its right end."""
    (c.drawRightString if right else c.drawString)(x, HEIGHT - top - SIZE * 0.88, text)


def _line(c: Canvas, x0: float, top: float, x1: float, bottom: float) -> None:
    c.line(x0, HEIGHT - top, x1, HEIGHT - bottom)


def _thin_rect_rule(c: Canvas, x0: float, x1: float, y: float) -> None:
    c.rect(x0, HEIGHT - y - 0.25, x1 - x0, 0.5, stroke=0, fill=1)


def _tables(data: bytes) -> list[list[RawTable]]:
    _, pages = iter_page_chars(data)
    return [find_tables(page, chars_to_words(page.chars)) for page in pages]


def _cells(table: RawTable) -> dict[tuple[int, int], RawCell]:
    return {(cell.row, cell.col): cell for cell in table.cells}


def _draw_ruled(c: Canvas) -> None:
    """A boxed paragraph, then a 4×3 table: 项目 spans two rows, 金额 two columns, a wrapped
    header, a blank cell, and two figures that almost touch across a rule."""
    _line(c, 60, 40, 380, 40)
    _line(c, 60, 80, 380, 80)
    _line(c, 60, 40, 60, 80)
    _line(c, 380, 40, 380, 80)
    _text(c, 64, 46, "本部门是主管全区经济工作的职能部门，")
    _text(c, 64, 62, "负责统筹协调产业发展。")
    for y in (100, 150, 170, 190):
        _line(c, 60, y, 380, y)
    _line(c, 200, 120, 380, 120)  # no rule under 项目: it spans two rows
    for x in (60, 200, 380):
        _line(c, x, 100, x, 190)
    _line(c, 290, 120, 290, 190)  # no rule inside 金额: it spans two columns
    _text(c, 64, 108, "项")  # stacked one character per line
    _text(c, 64, 124, "目")
    _text(c, 230, 104, "金额")
    _text(c, 204, 122, "本年收")
    _text(c, 204, 136, "入合计")
    _text(c, 294, 128, "上年数")
    _text(c, 64, 154, "一般公共服务支出")
    _text(c, 286, 154, "100.00", right=True)
    _text(c, 64, 174, "合计")
    _text(c, 289, 174, "100.00", right=True)
    _text(c, 291, 174, "90.00")


def test_ruled_table_keeps_spans_wrapped_header_and_blank_cell() -> None:
    [tables] = _tables(_pdf(_draw_ruled))
    [table] = tables  # the boxed paragraph is 1×1: not a table
    cells = _cells(table)
    assert (table.method, table.n_rows, table.n_cols) == ("ruling", 4, 3)
    assert table.bbox == pytest.approx((60, 100, 380, 190), abs=1)
    assert (cells[0, 0].text, cells[0, 0].row_span) == ("项目", 2)
    assert (cells[0, 1].text, cells[0, 1].col_span) == ("金额", 2)
    assert (0, 2) not in cells
    assert (1, 0) not in cells
    assert cells[1, 1].text == "本年收入合计"
    assert [cells[2, j].text for j in range(3)] == ["一般公共服务支出", "100.00", ""]
    assert [cells[3, j].text for j in range(3)] == ["合计", "100.00", "90.00"]
    assert all(cell.page == 1 for cell in table.cells)


def _draw_horizontal_rules_only(c: Canvas) -> None:
    """A Word three-line table (thin filled rectangles), an underlined figure above it, a note below."""
    _text(c, 60, 60, "本年收入合计")
    _text(c, 130, 60, "1,372.56")
    _thin_rect_rule(c, 130, 175, 72)  # underline: too short to be a table rule
    for y in (120, 140, 226):
        _thin_rect_rule(c, 60, 460, y)
    _text(c, 62, 124, "项目")
    _text(c, 356, 124, "预算数", right=True)
    _text(c, 456, 124, "决算数", right=True)
    rows = [
        ("一般公共服务支出", "1,234.56", "1,100.00"),
        ("教育支出", "88.00", ""),
        ("机关事业单位基本养老保险", "50.00", "45.00"),
        ("缴费", "", ""),
        ("合计", "1,372.56", "1,145.00"),
    ]
    for k, (label, budget, final) in enumerate(rows):
        top = 144 + 16 * k
        _text(c, 62, top, label)
        _text(c, 356, top, budget, right=True)
        _text(c, 456, top, final, right=True)
    _text(c, 60, 240, "注：本表反映部门本年度的总收支情况。")


def test_horizontal_rules_only_get_columns_from_alignment() -> None:
    [tables] = _tables(_pdf(_draw_horizontal_rules_only))
    [table] = tables
    cells = _cells(table)
    assert (table.method, table.n_rows, table.n_cols) == ("alignment", 5, 3)
    assert table.bbox == pytest.approx((60, 120, 460, 226), abs=1)
    assert [cells[0, j].text for j in range(3)] == ["项目", "预算数", "决算数"]
    assert [cells[2, j].text for j in range(3)] == ["教育支出", "88.00", ""]
    assert [cells[3, j].text for j in range(3)] == ["机关事业单位基本养老保险缴费", "50.00", "45.00"]
    assert [cells[4, j].text for j in range(3)] == ["合计", "1,372.56", "1,145.00"]


def _draw_ruled_header_unruled_body(c: Canvas) -> None:
    for y in (100, 120, 140, 160, 180):
        _line(c, 60, y, 400, y)
    for x in (60, 400):
        _line(c, x, 100, x, 180)
    for x in (200, 300):
        _line(c, x, 100, x, 120)  # vertical rules in the header row only
    for j, head in enumerate(("科目名称", "预算数", "决算数")):
        _text(c, (60, 200, 300)[j] + 4, 104, head)
    for k, (label, a, b) in enumerate((("教育支出", "88.00", "80.00"), ("科学技术支出", "", "12.50"),
                                      ("合计", "88.00", "92.50"))):
        _text(c, 64, 124 + 20 * k, label)
        if a:
            _text(c, 296, 124 + 20 * k, a, right=True)
        _text(c, 396, 124 + 20 * k, b, right=True)


def test_unruled_body_under_ruled_header_is_split_by_the_header_columns() -> None:
    [[table]] = _tables(_pdf(_draw_ruled_header_unruled_body))
    cells = _cells(table)
    assert (table.n_rows, table.n_cols) == (4, 3)
    assert [cells[1, j].text for j in range(3)] == ["教育支出", "88.00", "80.00"]
    assert [cells[2, j].text for j in range(3)] == ["科学技术支出", "", "12.50"]
    assert all(cell.col_span == 1 for cell in table.cells)


ROW_LABELS = [f"项目{code}" for code in range(2010101, 2010131)]


def _draw_long_table(labels: list[str], top: float, *, title: str | None) -> Draw:
    """A ruled 2-column table starting at `top` with a header row, optionally under a title."""
    def draw(c: Canvas) -> None:
        if title:
            _text(c, 200, top - 40, title)
        ys = [top + 20 * k for k in range(len(labels) + 2)]
        for y in ys:
            _line(c, 60, y, 400, y)
        for x in (60, 260, 400):
            _line(c, x, ys[0], x, ys[-1])
        _text(c, 64, top + 4, "科目")
        _text(c, 264, top + 4, "预算数")
        for k, label in enumerate(labels, start=1):
            _text(c, 64, top + 20 * k + 4, label)
            _text(c, 396, top + 20 * k + 4, f"{k}.00", right=True)
    return draw


def test_table_continued_on_next_page_is_joined_without_its_repeated_header() -> None:
    first = _draw_long_table(ROW_LABELS[:28], 100, title="部门支出预算表")
    second = _draw_long_table(ROW_LABELS[28:], 60, title=None)
    page_tables = _tables(_pdf(first, second))
    pages = [
        RawPage(1, [RawLine("部门支出预算表", 1, 1), *page_tables[0]]),
        RawPage(2, [*page_tables[1], RawLine("2", 2, 1)]),  # a page number does not block the join
    ]
    join_continued_tables(pages)
    [table] = pages[0].items[1:]
    assert [type(item) for item in pages[1].items] == [RawLine]  # the continuation was moved
    assert (table.n_rows, table.n_cols) == (31, 2)  # header + 28 rows + 2 rows, second header dropped
    cells = _cells(table)
    assert [cells[k, 0].text for k in (0, 28, 29, 30)] == ["科目", ROW_LABELS[27], ROW_LABELS[28], ROW_LABELS[29]]
    assert (cells[30, 1].text, cells[30, 1].page, cells[28, 1].page) == ("2.00", 2, 1)
    assert "continued on page 2" in table.notes


def _draw_ticks_and_stubs(c: Canvas) -> None:
    _line(c, 60, 100, 300, 100)
    _line(c, 100, 98, 100, 103)  # a tick across a rule: no area
    _line(c, 57, 200, 65, 200)
    _line(c, 61, 196, 61, 204)  # a small cross
    _text(c, 64, 104, "一、部门主要职能")


def test_ticks_and_stubs_are_not_tables() -> None:
    assert _tables(_pdf(_draw_ticks_and_stubs)) == [[]]


def test_table_settings_refuse_nonsense() -> None:
    with pytest.raises(ValueError, match="snap"):
        TableSettings(snap=-1)
    with pytest.raises(ValueError, match="min_rules"):
        TableSettings(min_rules=1)
