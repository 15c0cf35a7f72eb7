"""Tables continued across pages, joined into one.

A table that ends page N and a table that opens page N+1 with the same columns, and
no title line between them, are one table broken by the page. The later table's rows
are appended (each cell keeps its own page), a header row that merely repeats the
first table's header is dropped, and the join is recorded in the table's notes.
Columns match when every column line of the later table lies on a column line of the
earlier one: a carried-over total row whose label spans the code columns
("合计" over 类/款/项) has fewer lines but the same columns.
"""

from __future__ import annotations

import re

from budgetlens.ingest.base import RawCell, RawItem, RawLine, RawPage, RawTable

# Column lines of two page-halves of one table lie this near each other (points).
COLUMN_TOLERANCE = 4.0
# A page number left among the items does not separate a table from its continuation.
PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*(?:共\s*)?\d{1,4}\s*页?)?[-—–\s]*$")


def join_continued_tables(pages: list[RawPage]) -> None:
    """In place: fold each continuation table into the table it continues."""
    open_table: RawTable | None = None
    for page in pages:
        head = _first_content(page.items)
        if open_table is not None and isinstance(head, RawTable):
            mapping = column_mapping(open_table, head)
            if mapping is not None:
                append_rows(open_table, head, mapping)
                page.items.remove(head)
                if _first_content(page.items) is None:
                    continue  # the page held only the continuation: the table may go on
        tail = _first_content(page.items[::-1])
        open_table = tail if isinstance(tail, RawTable) else None


def _first_content(items: list[RawItem]) -> RawItem | None:
    for item in items:
        if not (isinstance(item, RawLine) and PAGE_NUMBER.match(item.text)):
            return item
    return None


def column_lines(table: RawTable) -> list[float] | None:
    """x of every column line (n_cols + 1 of them), from the cells' boxes; None if unknown."""
    lines: list[float | None] = [None] * (table.n_cols + 1)
    for cell in table.cells:
        if cell.bbox is not None:
            lines[cell.col] = cell.bbox[0]
            lines[cell.col + cell.col_span] = cell.bbox[2]
    return None if any(x is None for x in lines) else lines  # type: ignore[return-value]


def column_mapping(first: RawTable, second: RawTable) -> list[int] | None:
    """For each column line of `second`, the index of the line of `first` it lies on;
    None when the columns differ. Same outer edges are required."""
    a, b = column_lines(first), column_lines(second)
    if a is None or b is None:
        return list(range(first.n_cols + 1)) if first.n_cols == second.n_cols else None
    mapping: list[int] = []
    for x in b:
        nearest = min(range(len(a)), key=lambda k: abs(a[k] - x))
        if abs(a[nearest] - x) > COLUMN_TOLERANCE:
            return None
        mapping.append(nearest)
    if mapping[0] != 0 or mapping[-1] != len(a) - 1 or mapping != sorted(set(mapping)):
        return None
    return mapping


def append_rows(first: RawTable, second: RawTable, mapping: list[int]) -> None:
    """Second's rows under first's, header repeat dropped, columns mapped onto first's."""
    moved = [_mapped(cell, mapping) for cell in second.cells]
    repeated = _repeated_header_rows(first.cells, moved, min(first.n_rows, second.n_rows - 1))
    empty = _empty_leading_rows(moved, repeated, second.n_rows - 1)
    skip = repeated + empty
    offset = first.n_rows - skip
    for cell in moved:
        if cell.row >= skip:
            cell.row += offset
            first.cells.append(cell)
    first.n_rows += second.n_rows - skip
    first.notes.append(f"continued on page {second.page}")
    if repeated:
        first.notes.append(f"dropped {repeated} repeated header row(s) on page {second.page}")
    if empty:
        first.notes.append(f"dropped {empty} empty row(s) cut by the page break on page {second.page}")
    first.notes.extend(note for note in second.notes if note not in first.notes)


def _empty_leading_rows(cells: list[RawCell], start: int, limit: int) -> int:
    """Rows with no text right after the break: the strip of a row the page break cut in two."""
    count = 0
    while start + count < limit and not any(c.text.strip() for c in cells if c.row == start + count):
        count += 1
    return count


def _mapped(cell: RawCell, mapping: list[int]) -> RawCell:
    col = mapping[cell.col]
    span = mapping[cell.col + cell.col_span] - col
    return RawCell(cell.row, col, cell.text, cell.row_span, span, cell.page, cell.bbox, list(cell.checkboxes))


def _repeated_header_rows(first: list[RawCell], second: list[RawCell], limit: int) -> int:
    """How many leading rows of `second` repeat the leading rows of `first`, cell for cell."""
    def row(cells: list[RawCell], i: int) -> list[tuple[int, int, str]]:
        return sorted((c.col, c.col_span, c.text) for c in cells if c.row == i)

    count = 0
    while count < limit and (r := row(second, count)) and any(t for *_, t in r) and r == row(first, count):
        count += 1
    return count
