"""Findings and check statuses: what the checks stage writes into a record.

A finding says what is wrong, in a sentence a fiscal analyst would write, with the numbers
(`observed`, `expected`, the `tolerance` used) and every place that shows it (`evidence`:
text spans with page/line/offsets, or table cells). Every registered check also reports a
status for the document — passed, failed or not_applicable — so nothing is skipped silently.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from budgetlens.document import ExactDecimal, Model, Span

Severity = Literal["error", "warning", "info"]
Status = Literal["passed", "failed", "not_applicable"]


class Evidence(Model):
    """One place that shows a finding: a stretch of narrative, or one table cell."""

    kind: Literal["text", "cell"]
    text: str  # the words or the cell as printed
    span: Span | None = None  # text: offsets and page/line/box
    sentence_id: str | None = None
    claim_id: str | None = None
    table_id: str | None = None  # cell: which table, row and column, and where it is printed
    row: int | None = None
    col: int | None = None
    page: int | None = None


class Finding(Model):
    id: str
    check: str  # stable machine name: "wrong_change_rate"
    severity: Severity
    message: str  # Chinese, with the numbers
    observed: ExactDecimal | None = None
    expected: ExactDecimal | None = None
    tolerance: str | None = None  # the rounding rule applied, e.g. "±0.005 on each input, ±0.005 on the rate"
    evidence: list[Evidence] = Field(default_factory=list)


class CheckStatus(Model):
    check: str
    status: Status
    tested: int  # items the check looked at (claims, rows …)
    failed: int  # of which produced a finding
    description: str
