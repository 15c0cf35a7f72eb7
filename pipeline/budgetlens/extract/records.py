"""What the extract stage writes into a record: amounts, claims and reasons with provenance.

The spaCy components (budgetlens.nlp) see one sentence at a time; the extract stage lifts
their results into document coordinates (offsets into Document.text, page, line, box)
and links them by id: a claim lists the ids of the amounts it uses, a reason the id of
the claim it explains. Flat records with string ids load straight into pandas/DuckDB.
"""

from __future__ import annotations

from typing import Literal

from budgetlens.document import ExactDecimal, Model, Span
from budgetlens.nlp.types import ClaimKind, Direction, Role

SubjectSource = Literal["sentence", "previous_sentence", "heading"]


class AmountRecord(Model):
    """One amount stated in the narrative (money, percent, count, ratio, range, number)."""

    id: str
    sentence_id: str
    kind: str
    text: str  # the quantity as printed ("900件"); comparator and approximation are the fields below
    expression: str  # the whole expression as matched: "约900件", "100万元（含）以上"
    value: ExactDecimal
    value_high: ExactDecimal | None = None
    unit: str | None = None
    yuan: ExactDecimal | None = None  # money only: the value in 元
    decimals: int = 0
    comparator: str | None = None
    approx: bool = False
    pattern: str  # which named pattern found it
    span: Span


class ClaimValue(Model):
    """One value of a claim: the role it plays and the amount (by id) that states it."""

    role: Role
    amount_id: str
    text: str  # the amount as printed, repeated here so a claim reads on its own


class ClaimRecord(Model):
    """A statement of fact in the narrative: a figure, a change, budget vs actual, a share, a breakdown."""

    id: str
    sentence_id: str
    kind: ClaimKind
    subject: str | None  # the account/category as printed ("一般公共服务（类）支出"); None when unknown
    subject_source: SubjectSource | None = None  # where the subject was read: this sentence or the context
    year: int | None = None  # the year of the figure: stated, else the document's fiscal year
    prior_year: int | None = None  # change claims: the year compared with
    values: list[ClaimValue]
    direction: Direction | None = None  # the direction word as stated, normalised
    span: Span  # the part of the sentence that states the claim


class ReasonRecord(Model):
    """A cause (主要原因是…) or purpose (主要用于…) statement, attached to the claim it explains."""

    id: str
    sentence_id: str
    cue: str  # as printed, with its colon: "主要原因是", "主要原因：", "主要用于"
    text: str  # the reason itself, after the cue
    type: Literal["cause", "purpose"]
    explains: str | None  # claim id; None when there is no claim to explain
    span: Span  # cue and text
