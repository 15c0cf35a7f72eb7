"""A variance: one comparable pair of figures (this year vs last year, or actual vs budget).

Variances are facts about the document, not findings: each says what is compared, the two
figures, their difference and rate (exact decimals, in the unit printed), whether DOMAIN §4
requires an explanation for it and by which rule, where it is stated or shown, and which
reasons (ReasonRecord ids) explain it. The checks in checks/variances.py read them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from budgetlens.document import ExactDecimal, Model, Span

VarianceKind = Literal["change", "budget_vs_actual"]
VarianceDirection = Literal["increase", "decrease", "flat"]
# flat: no difference; rounding: a difference the printed precision explains; minor/major: below or at/above
# the severity threshold (our convention, default 10%); unknown: changed, but no rate can be computed.
SizeClass = Literal["flat", "rounding", "minor", "major", "unknown"]
VarianceSource = Literal["narrative", "table"]


class VariancePlace(Model):
    """Where a variance is stated (a claim in a sentence) or shown (a table cell)."""

    kind: Literal["claim", "cell"]
    text: str  # the claim's words, or the cell as printed
    claim_id: str | None = None
    sentence_id: str | None = None
    span: Span | None = None
    table_id: str | None = None
    row: int | None = None
    col: int | None = None
    page: int | None = None
    role: Literal["current", "base"] | None = None  # cell: which figure of the pair it holds


class Variance(Model):
    id: str  # "v1", "v2" … in document order
    kind: VarianceKind
    subject: str  # as printed ("公务接待费", "一般公共服务支出（类）…行政运行（项）")
    code: str | None = None  # function classification code, when known
    line: str | None = None  # what kind of line: total, fiscal, function, three_public, admin_cost, procurement …
    current: ExactDecimal | None = None  # this year / the actual
    base: ExactDecimal | None = None  # last year / the budget
    difference: ExactDecimal | None = None  # current − base
    rate: ExactDecimal | None = None  # difference ÷ base × 100, 4 decimals; None when the base is 0 or unknown
    unit: str | None = None  # of current, base and difference
    direction: VarianceDirection | None = None
    size: SizeClass = "unknown"
    needs_reason: bool = False
    rule: str | None = None  # the DOMAIN §4 rule that requires a reason ("三公经费增减变化" …)
    source: VarianceSource = "narrative"
    stated_direction: str | None = None  # the direction word as printed (增加/减少/持平 …)
    evidence: list[VariancePlace] = Field(default_factory=list)
    reason_ids: list[str] = Field(default_factory=list)  # ReasonRecord ids, in text order
    explained: bool = False  # a cause (not a purpose, not an empty cue) is attached, here or where it is restated
    explained_at: str | None = None  # the id of the same pair stated elsewhere, whose reason explains this one

    @property
    def claim_ids(self) -> list[str]:
        return [p.claim_id for p in self.evidence if p.claim_id is not None]
