"""Grid → cell text → RawTable: filling a grid from the page, trimming frame rows.

Ruled cells are filled from the characters, not from the page's words, so two cells
whose text nearly touches across a rule (Excel: "156,211,123一、一般公共服务支出") are
still two cells. Text that wraps inside a cell is one cell: its lines are joined with
layout.join_words (no space between CJK, one between two Latin/digit runs).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise
from statistics import median

from budgetlens.ingest.base import RawCell, RawTable
from budgetlens.ingest.layout import Word, chars_to_words, cluster_rows, join_words
from budgetlens.ingest.pdf_chars import Char
from budgetlens.ingest.pdf_grid import Grid, GridCell
from budgetlens.numbers import parse_number

# A full-width first/last row this many times taller than a typical row is a frame margin.
FRAME_ROW_HEIGHT = 2.0
# Cells of a first row that only says who and in what unit ("部门：…", "单位：万元"): Excel
# sometimes rules that line as part of the sheet; it belongs above the table.
META_CELL = re.compile(r"^(?:编制|填报|预算|决算)?(?:部门|单位)(?:名称)?[:：]")


def words_to_cell_text(words: list[Word]) -> tuple[str, int]:
    """The cell's text in reading order, and how many text lines it has."""
    rows = cluster_rows(words)
    return join_words([w for row in rows for w in row]), len(rows)


def fill_from_chars(grid: Grid, chars: list[Char]) -> Grid:
    """Each char goes to the cell under its centre; returns the grid with unruled merges split."""
    buckets: list[list[Char]] = [[] for _ in grid.cells]
    xs, ys = grid.xs, grid.ys
    for char in chars:
        i = bisect_right(ys, (char.top + char.bottom) / 2) - 1
        j = bisect_right(xs, (char.x0 + char.x1) / 2) - 1
        if 0 <= i < len(ys) - 1 and 0 <= j < len(xs) - 1:
            buckets[grid.owner[i][j]].append(char)
    words = [chars_to_words(bucket) for bucket in buckets]
    for cell, cell_words in zip(grid.cells, words, strict=True):
        cell.text, cell.lines = words_to_cell_text(cell_words)
    return split_unruled_cells(grid, words)


def split_unruled_cells(grid: Grid, words: list[list[Word]]) -> Grid:
    """A "merged" cell whose words each sit inside one column, one of them a figure, is a row
    whose vertical rules were never drawn (ruled header, unruled body): one cell per column.
    A spanning label ("合计" over 类/款/项, "合    计" spread out) has no figure and stays merged."""
    cells: list[GridCell] = []
    for cell, cell_words in zip(grid.cells, words, strict=True):
        columns = _columns_of(grid.xs, cell, cell_words)
        if columns is None:
            cells.append(cell)
            continue
        for j in range(cell.col, cell.col + cell.col_span):
            text, n_lines = words_to_cell_text([w for w, col in zip(cell_words, columns, strict=True) if col == j])
            bbox = (grid.xs[j], cell.bbox[1], grid.xs[j + 1], cell.bbox[3])
            cells.append(GridCell(cell.row, j, cell.row_span, 1, bbox, text, n_lines))
    if len(cells) == len(grid.cells):
        return grid
    notes = [*grid.notes, "columns of unruled rows from the ruled header"]
    return Grid.from_cells(grid.xs, grid.ys, cells, method="alignment", notes=notes)


def _columns_of(xs: list[float], cell: GridCell, words: list[Word]) -> list[int] | None:
    """The grid column of each word when the cell should be split, else None."""
    if cell.col_span == 1 or not any(parse_number(w.text) is not None for w in words):
        return None
    columns = []
    for w in words:
        slack = w.size / 4
        j = bisect_right(xs, (w.x0 + w.x1) / 2) - 1
        if w.x0 < xs[j] - slack or w.x1 > xs[j + 1] + slack:
            return None
        columns.append(j)
    return columns if len(set(columns)) > 1 else None


def trim_frame_rows(grid: Grid) -> Grid:
    """Drop full-width single-cell rows at the top and bottom that are a frame, not a header.

    Excel prints a box round the whole print area, so the title and the "单位：万元" line
    become a first "row"; a real spanning header ("财政拨款“三公”经费") is one line of
    ordinary height.
    """
    heights = [b - a for a, b in pairwise(grid.ys)]
    tall = FRAME_ROW_HEIGHT * median(heights)
    first, last = 0, len(heights) - 1
    while first < last and (
        _is_frame_row(grid, first, heights[first] > tall) or _is_meta_row(grid, first)
    ):
        first += 1
    while last > first and _is_frame_row(grid, last, heights[last] > tall):
        last -= 1
    if (first, last) == (0, len(heights) - 1):
        return grid
    return slice_rows(grid, first, last + 1)


def _is_frame_row(grid: Grid, i: int, tall: bool) -> bool:
    cell = grid.cells[grid.owner[i][0]]
    if cell.col_span != len(grid.xs) - 1 or cell.row_span != 1:
        return False
    return tall or cell.lines != 1


def _is_meta_row(grid: Grid, i: int) -> bool:
    texts = [grid.cells[k].text for k in dict.fromkeys(grid.owner[i])]
    cells = [grid.cells[k] for k in dict.fromkeys(grid.owner[i])]
    return all(c.row_span == 1 for c in cells) and any(texts) and all(
        META_CELL.match(t) for t in texts if t
    )


def slice_rows(grid: Grid, start: int, stop: int) -> Grid:
    """Rows start..stop-1 of a grid whose cells do not cross those bounds."""
    kept = sorted({k for row in grid.owner[start:stop] for k in row})
    renumber = {k: n for n, k in enumerate(kept)}
    cells = [
        GridCell(c.row - start, c.col, c.row_span, c.col_span, c.bbox, c.text, c.lines)
        for c in (grid.cells[k] for k in kept)
    ]
    owner = [[renumber[k] for k in row] for row in grid.owner[start:stop]]
    return Grid(grid.xs, grid.ys[start : stop + 1], cells, owner, grid.method, grid.notes)


def grid_to_raw_table(grid: Grid, page_number: int) -> RawTable:
    cells = [
        RawCell(
            row=c.row, col=c.col, text=c.text, row_span=c.row_span, col_span=c.col_span,
            page=page_number, bbox=c.bbox,
        )
        for c in grid.cells
    ]
    return RawTable(
        cells=cells, n_rows=len(grid.ys) - 1, n_cols=len(grid.xs) - 1, method=grid.method,
        page=page_number, bbox=grid.bbox, notes=list(grid.notes),
    )
