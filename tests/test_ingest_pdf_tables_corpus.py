"""Table reconstruction on real disclosure pages (../shared/corpus, skipped when absent).

Expected cells were read off the rendered pages (pdftoppm), not from our output. Only
the development documents are used here; the held-out ones are only run for crashes
and structural invariants.
"""

from __future__ import annotations

from functools import cache

import pytest

from budgetlens.ingest.base import RawCell, RawLine, RawPage, RawTable
from budgetlens.ingest.layout import chars_to_words
from budgetlens.ingest.pdf_chars import PageChars, iter_page_chars
from budgetlens.ingest.pdf_tables import find_tables, join_continued_tables
from tests.conftest import corpus_pdf

SOCIAL_WORK = "sh-putuo_social-work-dept_2024_dept-final.pdf"  # WPS
CPPCC = "js_cppcc-office_2018_dept-budget-tables.pdf"  # Excel 2010
COMMERCE = "sh-putuo_commerce-commission_2025_dept-budget.pdf"
WANLI = "sh-putuo_wanli-subdistrict_2024_dept-budget.pdf"
PROCURATORATE = "js_procuratorate_2018_dept-budget.pdf"  # Word 2007
TEMPLATE = "sh_dept-final-template_2024_attachment2.pdf"
HELD_OUT = (
    "sh-putuo_planning-natural-resources_2024_dept-final.pdf",
    "js_provincial-party-committee-office_2018_dept-budget-tables.pdf",
    "sh-putuo_finance-bureau_2024_dept-final.pdf",
    "sh-putuo_district-gov-office_2025_dept-budget.pdf",
)


@cache
def _pages(name: str) -> tuple[PageChars, ...]:
    _, pages = iter_page_chars(corpus_pdf(name).read_bytes())
    return tuple(pages)


def _tables(name: str, page: int) -> list[RawTable]:
    chars = _pages(name)[page - 1]
    return find_tables(chars, chars_to_words(chars.chars))


def _cells(table: RawTable) -> dict[tuple[int, int], RawCell]:
    return {(cell.row, cell.col): cell for cell in table.cells}


# (document, page, shape, {(row, col): text or (text, row_span, col_span)})
CASES = [
    pytest.param(SOCIAL_WORK, 6, (14, 9), {
        (0, 0): ("项目", 1, 2), (0, 2): ("本年收入合计", 2, 1), (1, 0): "功能分类科目编码",
        (2, 0): ("合计", 1, 2), (3, 0): "201", (3, 1): "一般公共服务支出", (3, 2): "264.87", (3, 4): "",
        (10, 1): "机关事业单位基本养老保险缴费支出", (13, 3): "2.71",
    }, id="wps-income-wrapped-label"),
    pytest.param(SOCIAL_WORK, 5, (32, 4), {
        (0, 0): ("收入", 1, 2), (2, 0): "一、一般公共预算财政拨款收入", (2, 1): "307.82", (3, 1): "",
        (9, 3): "10.82", (31, 0): "总计", (31, 3): "307.82",
    }, id="wps-two-sided-summary"),
    pytest.param(CPPCC, 1, (26, 6), {
        (0, 0): ("收入", 1, 2), (3, 0): "一、财政拨款", (3, 1): "10,070.48", (5, 1): "",
        (23, 2): ("当年支出小计", 1, 3), (25, 5): "10,150.48",
    }, id="excel-print-frame-trimmed"),
    pytest.param(CPPCC, 9, (4, 9), {
        (0, 0): ("合计", 3, 1), (1, 2): ("因公出国（境）费", 2, 1), (1, 6): ("公务接待费", 2, 1),
        (2, 4): "公务用车购置费", (2, 5): "公务用车运行维护费", (3, 0): "1,656.86", (3, 4): "", (3, 8): "97.60",
    }, id="excel-wrapped-headers-unit-row-trimmed"),
    pytest.param(COMMERCE, 9, (16, 4), {
        (2, 0): "一、财政拨款收入", (2, 1): "371,514,655.00", (2, 2): "一、一般公共服务支出",
        (2, 3): "21,601,733.00", (15, 0): "收入总计",
    }, id="figures-touching-the-next-cell"),
    pytest.param(COMMERCE, 21, (4, 7), {
        (0, 6): ("机关运行经费预算数", 3, 1), (3, 0): "1.00", (3, 1): "", (3, 6): "171.01",
    }, id="wrapped-header-three-rows"),
    pytest.param(TEMPLATE, 12, (5, 12), {
        (0, 0): ("财政拨款“三公”经费", 1, 12), (3, 0): "预算数", (3, 1): "决算数", (4, 11): "",
    }, id="spanning-header-row-is-kept"),
]


@pytest.mark.parametrize(("name", "page", "shape", "expected"), CASES)
def test_real_page_cells(name: str, page: int, shape: tuple[int, int], expected: dict) -> None:
    [table] = _tables(name, page)
    cells = _cells(table)
    assert (table.n_rows, table.n_cols) == shape
    for position, want in expected.items():
        text, row_span, col_span = want if isinstance(want, tuple) else (want, 1, 1)
        cell = cells[position]
        assert (cell.text, cell.row_span, cell.col_span) == (text, row_span, col_span), position


@pytest.mark.parametrize(
    ("name", "page"),
    [(COMMERCE, 2), (WANLI, 2), (PROCURATORATE, 1), (PROCURATORATE, 24), (SOCIAL_WORK, 18)],
    ids=["toc-in-white-boxes", "toc-wanli", "cover-boxes", "underlined-figures", "narrative"],
)
def test_pages_without_tables(name: str, page: int) -> None:
    assert _tables(name, page) == []


def test_word_table_behind_white_cell_tiles() -> None:
    tables = _tables(PROCURATORATE, 13)
    cells = _cells(tables[0])
    assert tables[0].n_cols == 6
    assert (cells[3, 0].text, cells[3, 1].text, cells[6, 3].text) == ("一、财政拨款", "21,940.96", "16,458.75")


def _raw_pages(name: str, numbers: range, titled: set[int]) -> list[RawPage]:
    """The pages as ingest/pdf.py hands them over: a title line above a table where the page has one."""
    pages = []
    for number in numbers:
        title = [RawLine("（表题）", number, 1)] if number in titled else []
        pages.append(RawPage(number, [*title, *_tables(name, number)]))
    return pages


def test_real_table_continued_over_five_pages_is_joined() -> None:
    pages = _raw_pages(WANLI, range(11, 17), titled={11, 16})
    join_continued_tables(pages)
    [joined] = [item for item in pages[0].items if isinstance(item, RawTable)]
    assert all(page.items == [] for page in pages[1:5])
    assert [type(item) for item in pages[5].items] == [RawLine, RawTable]  # 16: new table under its title
    assert {cell.page for cell in joined.cells} == {11, 12, 13, 14, 15}
    last = [cell for cell in joined.cells if cell.row == joined.n_rows - 1]
    assert [(c.col, c.col_span, c.text, c.page) for c in last][:2] == [(0, 4, "合计", 15), (4, 1, "156,211,123", 15)]
    assert joined.notes[:2] == ["continued on page 12", "continued on page 13"]


def test_repeated_header_rows_are_dropped_when_joining() -> None:
    pages = _raw_pages(WANLI, range(22, 27), titled={22})
    join_continued_tables(pages)
    [joined] = [item for item in pages[0].items if isinstance(item, RawTable)]
    assert [cell.text for cell in joined.cells].count("功能分类科目编码") == 1
    assert "dropped 3 repeated header row(s) on page 23" in joined.notes
    assert max(cell.row + cell.row_span for cell in joined.cells) == joined.n_rows


@pytest.mark.parametrize("name", HELD_OUT)
def test_held_out_documents_run_and_cells_stay_in_their_grid(name: str) -> None:
    for page in _pages(name):
        for table in find_tables(page, chars_to_words(page.chars)):
            x0, top, x1, bottom = table.bbox
            for cell in table.cells:
                assert cell.row >= 0
                assert cell.row + cell.row_span <= table.n_rows
                assert cell.col >= 0
                assert cell.col + cell.col_span <= table.n_cols
                cx0, ctop, cx1, cbottom = cell.bbox
                assert x0 - 1 <= cx0 < cx1 <= x1 + 1
                assert top - 1 <= ctop < cbottom <= bottom + 1
