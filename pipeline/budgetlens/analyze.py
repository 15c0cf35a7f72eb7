"""The whole pipeline for one document: a pure function from a file to a record.

    path → bytes → ingest (RawDocument) → structure (Document) → extract (amounts, claims, reasons)
           → indicators (projects, indicators of 绩效 forms) → check (variances with judged reasons,
           findings, a status per check) → record

No global state is touched, so the same function runs in a worker process or a
Dask task unchanged. Every failure becomes an error record: a typed one for bad
input, an `internal` one (with the exception) for our own bugs; nothing escapes.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from budgetlens.checks import CheckContext, check_document
from budgetlens.errors import BudgetLensError, InternalError, SourceNotFoundError
from budgetlens.extract.narrative import extract_narrative
from budgetlens.indicators import document_to_indicators
from budgetlens.ingest import read_source
from budgetlens.output.record import DocumentRecord, SourceInfo, error_record, ok_record, source_info
from budgetlens.structure.build import build_document

T = TypeVar("T")


def analyze_file(path: Path) -> DocumentRecord:
    try:
        data = path.read_bytes()
    except OSError as exc:
        source = SourceInfo(path=str(path), sha256="0" * 64, size_bytes=0)
        return error_record(source, SourceNotFoundError(f"{path}: {exc.strerror}"), "read", {})
    return analyze_bytes(data, path)


def analyze_bytes(data: bytes, path: Path) -> DocumentRecord:
    source = source_info(path, data)
    timings: dict[str, float] = {}
    stage = "read"
    try:
        raw = _timed(timings, "read", lambda: read_source(data, path.name))
        source.format, source.encoding, source.producer = raw.format, raw.encoding, raw.producer
        source.pages = len(raw.pages) if raw.pages and raw.pages[0].number is not None else None
        stage = "structure"
        document = _timed(timings, "structure", lambda: build_document(raw))
        stage = "extract"
        narrative = _timed(timings, "extract", lambda: extract_narrative(document))
        stage = "indicators"
        forms = _timed(timings, "indicators", lambda: document_to_indicators(document))
        stage = "check"
        context = CheckContext(
            text=document.text, sentences=document.sentences, amounts=narrative.amounts, claims=narrative.claims,
            reasons=narrative.reasons, tables=document.tables, year=document.meta.fiscal_year,
            projects=forms.projects, indicators=forms.indicators, paragraphs=document.paragraphs)
        findings, checks = _timed(timings, "check", lambda: check_document(context))
        variances = context.variances.variances  # built once by the variance checks, kept in the record
    except BudgetLensError as exc:
        return error_record(source, exc, stage, timings)
    except Exception as exc:  # a bug of ours must not stop the batch: reported below
        detail = f"{type(exc).__name__}: {exc} @ {_where(exc)}"
        return error_record(source, InternalError(detail), stage, timings)
    return ok_record(source, document, narrative, (findings, checks), list(raw.warnings), timings,
                     variances=variances, forms=forms)


def _timed(timings: dict[str, float], stage: str, work: Callable[[], T]) -> T:
    started = time.perf_counter()
    try:
        return work()
    finally:
        timings[stage] = round(time.perf_counter() - started, 4)


def _where(exc: Exception) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    return f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
