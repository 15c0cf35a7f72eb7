"""The document model: what BudgetLens knows about one disclosure.

Everything downstream (extraction, checks, output) reads these typed objects and
nothing else. Every object that came from the page carries its provenance: page
number, line number, bounding box and character offsets into `Document.text`, or
for table cells the table id, row and column. The output record (output/record.py)
serialises exactly these models, and the JSON Schema is generated from them.

Coordinates: PDF points, origin at the top-left of the page (y grows downwards),
`bbox = (x0, top, x1, bottom)`. Pages and lines are numbered from 1; table rows and
columns from 0.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema

BBox = tuple[float, float, float, float]

# An exact decimal, written to JSON as a string ("1234.56") so no float rounding creeps in.
# The schema is spelled out here so it does not change with the pydantic version.
ExactDecimal = Annotated[
    Decimal,
    PlainSerializer(str, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": r"^-?\d+(\.\d+)?$", "description": "exact decimal"}),
]


class Model(BaseModel):
    """Base for every model: no unknown fields, so a typo is an error, not data loss."""

    model_config = ConfigDict(extra="forbid")


class SourceFormat(str, Enum):
    PDF = "pdf"
    TEXT = "text"  # converter text (pdfminer-style, tab-separated tables)
    MARKDOWN = "markdown"  # converter markdown (pipe tables, HTML fragments)
    HTML = "html"


class DocumentKind(str, Enum):
    """What kind of disclosure this is (DOMAIN.md §1)."""

    DEPT_BUDGET = "dept_budget"  # 部门预算 / 单位预算
    DEPT_FINAL = "dept_final"  # 部门决算 / 单位决算
    PERF_TARGET = "perf_target"  # 绩效目标申报表
    PERF_SELF_EVAL = "perf_self_eval"  # 绩效自评
    OTHER = "other"  # recognised as a fiscal document of another kind


class Span(Model):
    """A place in the narrative: offsets into `Document.text` plus page/line/box."""

    start: int
    end: int
    page: int | None = None
    line: int | None = None  # first line of the span (page line for PDF, file line for text)
    bbox: BBox | None = None  # union of the boxes of the lines it covers, on `page`


class Line(Model):
    """One physical line of narrative text as it stood in the source."""

    id: str
    page: int | None
    number: int  # 1-based: line on the page (PDF) or in the file (text/html)
    text: str
    bbox: BBox | None = None
    start: int  # offsets of this line's text inside Document.text
    end: int


class CellRef(Model):
    """A table cell by place: the table's id and the cell's 0-based row and column."""

    table_id: str
    row: int
    col: int


class Paragraph(Model):
    """Lines re-joined across hard breaks into one logical paragraph."""

    id: str
    kind: Literal["text", "heading", "list_item", "caption", "note", "toc", "cell"] = "text"
    text: str
    span: Span
    section_id: str | None = None
    cell: CellRef | None = None  # kind "cell": the table cell this prose was written in (structure/cell_prose)


class Sentence(Model):
    id: str
    paragraph_id: str
    section_id: str | None = None
    text: str
    span: Span


class Section(Model):
    """A heading and everything under it (第一部分 > 一、 > （一） > 1.)."""

    id: str
    level: int  # 1 = 第一部分 … 4 = 1.
    number: str | None  # the numbering as printed: "第二部分", "三", "（一）", "1"
    title: str
    span: Span  # the heading itself
    end: int  # offset where the section's content ends in Document.text
    children: list[Section] = Field(default_factory=list)


class Checkbox(Model):
    """A tick box in a form cell (项目类别, 项目安排频度 …)."""

    label: str
    checked: bool


class Cell(Model):
    row: int
    col: int
    text: str  # as printed, whitespace normalised
    value: ExactDecimal | None = None  # numeric value in the table's unit, exact
    blank: bool = False  # nothing printed: absent, which is not zero
    row_span: int = 1
    col_span: int = 1
    page: int | None = None
    bbox: BBox | None = None
    checkboxes: list[Checkbox] = Field(default_factory=list)


TableMethod = Literal["ruling", "alignment", "tsv", "pipe", "html", "spaces"]


class Table(Model):
    id: str
    title: str | None = None
    code: str | None = None  # "公开01表", "预算03表"
    unit: str | None = None  # "元" | "万元" | "亿元"; None when the table states none
    unit_evidence: str | None = None  # the text the unit was read from
    pages: list[int] = Field(default_factory=list)  # every page the table spans
    n_rows: int = 0
    n_cols: int = 0
    header_rows: int = 0  # rows[:header_rows] are headers
    rows: list[list[Cell]] = Field(default_factory=list)
    column_roles: list[str | None] = Field(default_factory=list)  # filled by the tables issue
    footnotes: list[str] = Field(default_factory=list)
    method: TableMethod
    section_id: str | None = None
    span: Span | None = None  # where the title stands in the text, when it does
    notes: list[str] = Field(default_factory=list)  # what the reader had to assume
    row_lines: list[int] = Field(default_factory=list)  # text sources: the file line of each row (provenance)


class Evidence(Model):
    """Why a metadata field has the value it has."""

    text: str
    page: int | None = None
    line: int | None = None


class DocumentMeta(Model):
    title: str | None = None
    kind: DocumentKind | None = None
    fiscal_year: int | None = None
    department: str | None = None
    region: str | None = None
    evidence: dict[str, Evidence] = Field(default_factory=dict)


class PageInfo(Model):
    number: int
    width: float | None = None
    height: float | None = None
    n_lines: int = 0
    dropped: list[str] = Field(default_factory=list)  # running headers/footers/page numbers removed


class Document(Model):
    """One disclosure, read and structured. `text` is the narrative, re-joined."""

    text: str = ""
    meta: DocumentMeta = Field(default_factory=DocumentMeta)
    pages: list[PageInfo] = Field(default_factory=list)
    lines: list[Line] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    checkboxes: list[Checkbox] = Field(default_factory=list)
