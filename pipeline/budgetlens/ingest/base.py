"""What every reader (PDF, converter text, HTML) hands to the structure stage.

A reader's only job is to turn bytes into pages of *items in reading order*:
text lines and table grids, each with its position. It does not decide what a
heading, a sentence or a table title is; `structure/` does that, once, for all
formats. These are plain dataclasses: internal, cheap, never serialised.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from budgetlens.document import BBox, Checkbox, SourceFormat, TableMethod


@dataclass(slots=True)
class RawLine:
    """One physical line of text."""

    text: str
    page: int | None  # 1-based; None for sources without pages
    number: int  # 1-based line number on the page (PDF) or in the file (text/html)
    bbox: BBox | None = None
    font_size: float | None = None  # median char size, PDF only: helps heading detection
    bold: bool = False  # <b>/<strong>/# heading in text sources, bold font in PDF


@dataclass(slots=True)
class RawCell:
    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1
    page: int | None = None
    bbox: BBox | None = None
    checkboxes: list[Checkbox] = field(default_factory=list)


@dataclass(slots=True)
class RawTable:
    """A grid of cells found by a reader. Merged cells appear once, at their top-left."""

    cells: list[RawCell]
    n_rows: int
    n_cols: int
    method: TableMethod
    page: int | None = None
    bbox: BBox | None = None
    first_line: int = 0  # line number of the table's first row (text sources) for provenance
    notes: list[str] = field(default_factory=list)
    # text sources: the file line of each grid row (blank lines and skipped lines make gaps)
    row_lines: list[int] = field(default_factory=list)


RawItem = RawLine | RawTable


@dataclass(slots=True)
class RawPage:
    number: int | None  # None: a text/html source, which has no pages
    items: list[RawItem] = field(default_factory=list)
    width: float | None = None
    height: float | None = None
    dropped: list[str] = field(default_factory=list)  # running headers/footers removed


@dataclass(slots=True)
class RawDocument:
    format: SourceFormat
    pages: list[RawPage]
    encoding: str | None = None  # text sources: the encoding we decoded with
    producer: str | None = None  # PDF producer/creator, for diagnostics
    warnings: list[str] = field(default_factory=list)
