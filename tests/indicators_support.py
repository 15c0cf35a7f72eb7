"""Shared by the tests/test_indicators_*.py files: seeds read once, small tables and indicators built by hand."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from budgetlens.checks import CheckContext
from budgetlens.document import Cell, Document, Table
from budgetlens.indicators import IndicatorSet, document_to_indicators
from budgetlens.indicators.model import Indicator, LabelledTarget, Place, Project
from budgetlens.indicators.targets import text_to_target
from budgetlens.ingest import read_source
from budgetlens.structure.build import build_document
from budgetlens.variances import Judge
from tests.conftest import seed_path


@lru_cache(maxsize=8)
def _seed(path: Path) -> tuple[Document, IndicatorSet]:
    document = build_document(read_source(path.read_bytes(), path.name))
    return document, document_to_indicators(document)


def seed_forms(prefix: str) -> tuple[Document, IndicatorSet]:
    """The seed's document and its indicator forms (skips when ../shared is absent)."""
    return _seed(seed_path(prefix))


def at_line(found: IndicatorSet, line: int) -> Indicator:
    return next(i for i in found.indicators if i.place.line == line)


def table_of(rows: list[list[str]], title: str = "2024年示例区项目支出(绩效目标)申报表") -> Table:
    """A form table as a converter gives it: every row padded to the widest, a file line per row."""
    width = max(len(row) for row in rows)
    cells = [[Cell(row=r, col=c, text=text, blank=not text) for c, text in enumerate(row + [""] * (width - len(row)))]
             for r, row in enumerate(rows)]
    return Table(id="t1", title=title, n_rows=len(rows), n_cols=width, rows=cells, method="tsv",
                 row_lines=list(range(1, len(rows) + 1)))


def indicator(level3: str, targets: list[str], *, level1: str = "产出指标", level2: str = "数量指标",
              actual: str | None = None, score: str | None = None, project_id: str = "p1", goal: str | None = "目标1",
              labels: list[str] | None = None, term: str = "annual", kind: str = "project_target") -> Indicator:
    names = labels or (["前年", "上年", "预计当年实现"][-len(targets):] if len(targets) > 1 else ["指标值"])
    place = Place(table_id="t1", row=1, col=3, line=1)
    return Indicator(
        id="i1", project_id=project_id, form_kind=kind, goal=goal, term=term,  # type: ignore[arg-type]
        level1=level1, level2=level2, level3=level3,
        targets=[LabelledTarget(label=n, value=text_to_target(t), place=place) for n, t in zip(names, targets,
                                                                                                strict=True)],
        actual=text_to_target(actual, actual=True) if actual is not None else None,
        score=None if score is None else text_to_target(score).numbers[0], place=place)


def project(project_id: str = "p1", kind: str = "project_target", name: str | None = "示例项目",
            year: int = 2024, **fields: object) -> Project:
    return Project(id=project_id, kind=kind, title="示例表", name=name, year=year,  # type: ignore[arg-type]
                   place=Place(table_id="t1", row=0, line=1), **fields)


def context(projects: list[Project], indicators: list[Indicator], judge: Judge | None = None) -> CheckContext:
    return CheckContext(text="", sentences=[], amounts=[], claims=[], reasons=[], tables=[],
                        projects=projects, indicators=indicators, judge=judge)


def seed_context(prefix: str, judge: Judge | None = None) -> CheckContext:
    document, found = seed_forms(prefix)
    return CheckContext(text=document.text, sentences=[], amounts=[], claims=[], reasons=[], tables=document.tables,
                        year=document.meta.fiscal_year, projects=found.projects, indicators=found.indicators,
                        judge=judge)
