"""Performance indicators (issue 6): 绩效目标申报表 and 绩效自评表 forms → projects and indicators.

    result = document_to_indicators(document)
    result.projects    # one per form: name, year, budgets, tick boxes, goals, 自评 funds
    result.indicators  # one per 三级 row: levels, targets per year column, weight, actual, score

Forms printed as tables (converter text, HTML, PDF grids) are read by parse.py; forms that
pdfminer text prints one cell per line (no grid) by linear.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from budgetlens.document import Document, Table
from budgetlens.indicators.forms import Layout, is_part_title, title_to_kind
from budgetlens.indicators.linear import line_forms
from budgetlens.indicators.model import Indicator, Place, Project
from budgetlens.indicators.parse import FormReader
from budgetlens.indicators.project import ProjectRows
from budgetlens.indicators.targets import text_to_target

__all__ = ["IndicatorSet", "document_to_indicators", "text_to_target"]


@dataclass
class IndicatorSet:
    projects: list[Project] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)


def document_to_indicators(document: Document) -> IndicatorSet:
    """Every indicator form of the document, in print order."""
    found = IndicatorSet()
    readers: list[FormReader] = []
    annual: Layout | None = None
    for table in document.tables:
        kind = title_to_kind(table.title)
        if kind is not None:
            readers.append(_new_form(table, kind, document, len(readers) + 1))
        elif table.title and not is_part_title(table.title) and readers:
            readers[-1].closed = True  # a budget table after the form: the form has ended
        start: int | None = 0
        while readers and not readers[-1].closed and start is not None:
            annual, start = readers[-1].read_table(table, annual, start)
            if start is not None:  # another form begins inside this grid
                readers.append(_new_form(table, readers[-1].project.kind, document, len(readers) + 1, start))
    for reader in readers:
        found.projects.append(reader.project)
        found.indicators.extend(reader.finish(offset=len(found.indicators)))
    table_lines = {line for table in document.tables for line in table.row_lines}
    for project, indicators in line_forms(document, found.projects, table_lines):
        found.projects.append(project)
        found.indicators.extend(indicators)
    found.projects.sort(key=lambda p: p.first_line or 0)
    return found


def _new_form(table: Table, kind: str, document: Document, number: int, row: int = 0) -> FormReader:
    place = Place(table_id=table.id, row=row, page=table.pages[0] if table.pages else None,
                  line=table.row_lines[row] if row < len(table.row_lines) else None)
    project = Project(id=f"p{number}", kind=kind, title=table.title or "",  # type: ignore[arg-type]
                      year=title_year(table.title) or document.meta.fiscal_year, place=place)
    return FormReader(project=project, rows=ProjectRows(project, table.unit))


def title_year(title: str | None) -> int | None:
    digits = "".join(ch if ch.isdigit() else " " for ch in title or "").split()
    return next((int(d) for d in digits if len(d) == 4 and d.startswith("20")), None)
