"""Tables on a PDF page, and tables continued across pages: the public face of table reading.

ingest/pdf.py calls `find_tables(page, words)` per page and `join_continued_tables(pages)`
once per document. The chain: edges → rules → regions (pdf_grid.py); a region with
vertical rules inside becomes a ruling grid filled from the characters (pdf_cells.py);
a region without them, or a stack of horizontal rules alone, gets its columns from
where the words stand (pdf_align.py).
"""

from __future__ import annotations

from budgetlens.document import BBox
from budgetlens.ingest.base import RawTable
from budgetlens.ingest.layout import Word
from budgetlens.ingest.pdf_align import align_region, rule_only_regions
from budgetlens.ingest.pdf_cells import fill_from_chars, grid_to_raw_table, trim_frame_rows
from budgetlens.ingest.pdf_chars import PageChars
from budgetlens.ingest.pdf_grid import (
    DEFAULT_SETTINGS,
    Grid,
    Rule,
    TableSettings,
    edges_to_rules,
    region_to_grid,
    rules_to_regions,
)
from budgetlens.ingest.pdf_join import join_continued_tables

__all__ = ["TableSettings", "find_tables", "join_continued_tables"]


def find_tables(
    page: PageChars, words: list[Word], *, settings: TableSettings = DEFAULT_SETTINGS
) -> list[RawTable]:
    """Every table on the page, top to bottom."""
    regions = rules_to_regions(edges_to_rules(page.edges, settings), settings.touch)
    grids = [grid for region in regions if (grid := _ruled_region_to_grid(region, page, words, settings))]
    for bbox, ys in rule_only_regions(regions, page.width, settings):
        if grid := align_region(bbox, words, ys, settings):
            grids.append(grid)
    tables = [t for grid in grids if is_table(t := grid_to_raw_table(trim_frame_rows(grid), page.number))]
    boxes = [t.bbox for t in tables]
    kept = [t for t in tables if not any(b != t.bbox and _contains(t.bbox, b) for b in boxes)]
    return sorted(kept, key=lambda t: (t.bbox[1], t.bbox[0]))


def _contains(outer: BBox, inner: BBox) -> bool:
    """A table whose box holds another table's box is a page frame, not a table."""
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def _ruled_region_to_grid(
    region: list[Rule], page: PageChars, words: list[Word], settings: TableSettings
) -> Grid | None:
    """A ruling grid; an alignment grid when the region has no vertical rule inside."""
    if not {"h", "v"} <= {r.orientation for r in region}:
        return None
    grid = region_to_grid(region, page.chars, settings)
    if len(grid.ys) < 2 or len(grid.xs) < 2:
        return None  # a tick mark or a rule with a stub: no area at all
    if len(grid.xs) > 2:
        return fill_from_chars(grid, page.chars)
    return align_region(grid.bbox, words, grid.ys, settings)


def is_table(table: RawTable) -> bool:
    """At least 2×2 with some text, or one ruled row of ≥ 3 columns (a total row carried over
    to the next page). A ruled box round one paragraph is not a table."""
    if not any(c.text for c in table.cells):
        return False
    return table.n_cols >= 2 and (table.n_rows >= 2 or table.n_cols >= 3)
