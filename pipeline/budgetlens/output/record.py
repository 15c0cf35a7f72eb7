"""The output record: one JSON object per input document.

A record is the Document (document.py) plus where it came from, whether reading
succeeded, what the later stages found, and how long each stage took. Its JSON
Schema is generated from these models (output/schema.py) and shipped with the
package; `schema_version` changes whenever the shape does.

Everything in a record is a pure function of the input bytes, except `timings`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Literal

from pydantic import Field

from budgetlens.checks.findings import CheckStatus, Finding
from budgetlens.document import (
    Checkbox,
    Document,
    DocumentMeta,
    Model,
    PageInfo,
    Paragraph,
    Section,
    Sentence,
    SourceFormat,
    Table,
)
from budgetlens.errors import BudgetLensError, ErrorType
from budgetlens.extract.narrative import Narrative
from budgetlens.extract.records import AmountRecord, ClaimRecord, ReasonRecord
from budgetlens.indicators import IndicatorSet
from budgetlens.indicators.model import Indicator, Project
from budgetlens.variances.model import Variance

SCHEMA_VERSION = "1.7.0"  # 1.1.0: typed `amounts`; 1.2.0: typed `claims` and `reasons`; 1.3.0: `findings`, `checks`;
# 1.4.0: `variances`; 1.5.0: `projects` and `indicators` (绩效 forms), Table.row_lines;
# 1.6.0: Variance.explained_at (a restated pair explained where it was first explained);
# 1.7.0: Paragraph kind "cell" with Paragraph.cell (prose read from a table cell, e.g. a 绩效 form's fields)


class SourceInfo(Model):
    path: str
    format: SourceFormat | None = None
    pages: int | None = None
    sha256: str
    size_bytes: int
    encoding: str | None = None
    producer: str | None = None


class ErrorInfo(Model):
    type: ErrorType
    code: str
    message: str
    stage: str  # which stage failed: read | structure | extract | check


class DocumentRecord(Model):
    schema_version: str = SCHEMA_VERSION
    doc_id: str  # first 16 hex digits of the sha256 of the input bytes
    source: SourceInfo
    status: Literal["ok", "error"]
    error: ErrorInfo | None = None
    warnings: list[str] = Field(default_factory=list)
    meta: DocumentMeta = Field(default_factory=DocumentMeta)
    pages: list[PageInfo] = Field(default_factory=list)
    text: str = ""
    sections: list[Section] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    checkboxes: list[Checkbox] = Field(default_factory=list)
    amounts: list[AmountRecord] = Field(default_factory=list)
    claims: list[ClaimRecord] = Field(default_factory=list)
    reasons: list[ReasonRecord] = Field(default_factory=list)
    variances: list[Variance] = Field(default_factory=list)  # comparable pairs, whether a reason is needed and given
    projects: list[Project] = Field(default_factory=list)  # 绩效目标/自评 forms: one per project (or department)
    indicators: list[Indicator] = Field(default_factory=list)  # their indicator rows, with parsed targets
    findings: list[Finding] = Field(default_factory=list)
    checks: list[CheckStatus] = Field(default_factory=list)  # every registered check: passed/failed/not_applicable
    timings: dict[str, float] = Field(default_factory=dict)  # seconds per stage; not deterministic


# The Document fields a record carries as they are (Document.lines stays internal: sentences have the spans).
DOCUMENT_FIELDS = tuple(name for name in Document.model_fields if name != "lines")


def source_info(path: Path, data: bytes) -> SourceInfo:
    return SourceInfo(path=str(path), sha256=hashlib.sha256(data).hexdigest(), size_bytes=len(data))


def doc_id_of(source: SourceInfo) -> str:
    return source.sha256[:16]


def ok_record(source: SourceInfo, document: Document, narrative: Narrative,
              checked: tuple[list[Finding], list[CheckStatus]], warnings: list[str],
              timings: dict[str, float], variances: list[Variance] | None = None,
              forms: IndicatorSet | None = None) -> DocumentRecord:
    shared = {name: getattr(document, name) for name in DOCUMENT_FIELDS}
    forms = forms or IndicatorSet()
    return DocumentRecord(doc_id=doc_id_of(source), source=source, status="ok", warnings=warnings,
                          amounts=narrative.amounts, claims=narrative.claims, reasons=narrative.reasons,
                          variances=variances or [], projects=forms.projects, indicators=forms.indicators,
                          findings=checked[0], checks=checked[1], timings=timings, **shared)


def error_record(source: SourceInfo, error: BudgetLensError, stage: str,
                 timings: dict[str, float]) -> DocumentRecord:
    info = ErrorInfo(type=error.error_type, code=error.code, message=str(error), stage=stage)
    return DocumentRecord(doc_id=doc_id_of(source), source=source, status="error", error=info,
                          timings=timings)
