"""Shared by the converter-text table tests: the one grid a text yields, as rows of cell texts."""

from __future__ import annotations

from budgetlens.document import SourceFormat
from budgetlens.ingest.base import RawTable
from budgetlens.ingest.text import read_text


def text_to_grid(text: str) -> list[list[str]]:
    """The only table read from `text` (it must hold exactly one), blank cells as ""."""
    doc = read_text(text.encode("utf-8"), SourceFormat.TEXT)
    tables = [item for page in doc.pages for item in page.items if isinstance(item, RawTable)]
    assert len(tables) == 1
    grid = [[""] * tables[0].n_cols for _ in range(tables[0].n_rows)]
    for cell in tables[0].cells:
        grid[cell.row][cell.col] = cell.text
    return grid
