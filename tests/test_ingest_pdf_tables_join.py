"""join_continued_tables on hand-made pages: when two page-halves are one table, and when not."""

from __future__ import annotations

import pytest

from budgetlens.ingest.base import RawCell, RawLine, RawPage, RawTable
from budgetlens.ingest.pdf_tables import join_continued_tables

COLUMNS = (60.0, 200.0, 300.0, 400.0)


def _table(page: int, rows: list[list[str]], columns: tuple[float, ...] = COLUMNS, top: float = 100) -> RawTable:
    """A ruled table: one cell per text; "" is a blank cell."""
    cells = [
        RawCell(i, j, text, page=page, bbox=(columns[j], top + 20 * i, columns[j + 1], top + 20 * i + 20))
        for i, row in enumerate(rows)
        for j, text in enumerate(row)
    ]
    bbox = (columns[0], top, columns[-1], top + 20 * len(rows))
    return RawTable(cells, len(rows), len(columns) - 1, "ruling", page=page, bbox=bbox)


def _line(page: int, text: str) -> RawLine:
    return RawLine(text, page, 1)


HEADER = ["科目", "预算数", "决算数"]


def _texts(table: RawTable) -> list[list[str]]:
    rows = [[""] * table.n_cols for _ in range(table.n_rows)]
    for cell in table.cells:
        rows[cell.row][cell.col] = cell.text
    return rows


def test_continuation_is_appended_with_its_header_repeat_dropped() -> None:
    first = _table(1, [HEADER, ["201", "10.00", "9.00"]])
    pages = [
        RawPage(1, [_line(1, "一般公共预算支出表"), first]),
        RawPage(2, [_table(2, [HEADER, ["205", "", "3.00"]], top=60), _line(2, "注：本表反映……")]),
    ]
    join_continued_tables(pages)
    assert _texts(first) == [HEADER, ["201", "10.00", "9.00"], ["205", "", "3.00"]]
    assert [cell.page for cell in first.cells if cell.row == 2] == [2, 2, 2]
    assert [type(item) for item in pages[1].items] == [RawLine]
    assert first.notes == ["continued on page 2", "dropped 1 repeated header row(s) on page 2"]


@pytest.mark.parametrize(
    ("between", "second_columns", "joined"),
    [
        pytest.param([], COLUMNS, True, id="nothing-between"),
        pytest.param([_line(2, "- 2 -")], COLUMNS, True, id="page-number-between"),
        pytest.param([_line(2, "第2页")], COLUMNS, True, id="page-number-words"),
        pytest.param([_line(2, "政府性基金预算支出表")], COLUMNS, False, id="title-between"),
        pytest.param([], (60.0, 150.0, 300.0, 400.0), False, id="other-columns"),
        pytest.param([], (60.0, 200.0, 300.0, 400.0, 500.0), False, id="more-columns"),
        pytest.param([], (61.5, 198.0, 302.0, 401.0), True, id="columns-within-tolerance"),
    ],
)
def test_join_needs_same_columns_and_no_title(between: list[RawLine], second_columns: tuple, joined: bool) -> None:
    first = _table(1, [HEADER, ["201", "10.00", "9.00"]])
    second_rows = [["205", "1.00", "2.00"] + [""] * (len(second_columns) - 4)]
    second = _table(2, second_rows, columns=second_columns, top=60)
    pages = [RawPage(1, [first]), RawPage(2, [*between, second])]
    join_continued_tables(pages)
    assert (first.n_rows == 3) is joined
    assert (second in pages[1].items) is not joined


def test_total_row_whose_label_spans_the_code_columns_is_mapped_onto_them() -> None:
    first = _table(1, [["类", "款", "合计"], ["201", "01", "5.00"]])
    total = RawTable(
        [RawCell(0, 0, "合计", col_span=1, page=2, bbox=(60, 60, 300, 80)),
         RawCell(0, 1, "5.00", page=2, bbox=(300, 60, 400, 80))],
        n_rows=1, n_cols=2, method="ruling", page=2, bbox=(60, 60, 400, 80),
    )
    join_continued_tables([RawPage(1, [first]), RawPage(2, [total])])
    last = sorted((c.col, c.col_span, c.text) for c in first.cells if c.row == 2)
    assert last == [(0, 2, "合计"), (2, 1, "5.00")]


def test_a_page_holding_only_the_middle_of_a_table_keeps_the_table_open() -> None:
    first = _table(1, [HEADER, ["201", "1.00", ""]])
    pages = [
        RawPage(1, [first]),
        RawPage(2, [_table(2, [["202", "2.00", ""]], top=60)]),
        RawPage(3, [_table(3, [["203", "3.00", ""]], top=60), _line(3, "注：…")]),
    ]
    join_continued_tables(pages)
    assert [row[0] for row in _texts(first)] == ["科目", "201", "202", "203"]
    assert pages[1].items == []
    assert [type(i) for i in pages[2].items] == [RawLine]
