"""The registry of checks: each check is one small named function, registered here.

    @register("wrong_change_rate", "增减率 = 增减额 / 上年数")
    def wrong_change_rate(ctx: CheckContext) -> Iterator[Outcome]: ...

A check yields one Outcome per item it tested: `None` for an item that passed, or a
FindingDraft. The runner numbers the findings, merges drafts that state the same error
(same check and severity, same observed and expected figures — or the same message when a
check has no figures: one error repeated in five places is one finding with five
evidence places, the message of the first) and records a status for every check, also
when nothing applied.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from budgetlens.checks.findings import CheckStatus, Evidence, Finding, Severity
from budgetlens.document import ExactDecimal, Paragraph, Sentence, Table
from budgetlens.extract.records import AmountRecord, ClaimRecord, ReasonRecord
from budgetlens.indicators.model import Indicator, Project
from budgetlens.link import Link, link_claims
from budgetlens.tables.model import LogicalTable
from budgetlens.tables.understand import understand_all
from budgetlens.variances import Judge, VarianceAnalysis, build_variances

LOOKBACK_CLAIMS = 2  # how far back the figure a change sentence leaves out is looked for


@dataclass(frozen=True)
class CheckContext:
    """What checks read: the document's narrative facts and tables, with lookups by id."""

    text: str  # Document.text: spans index it
    sentences: list[Sentence]
    amounts: list[AmountRecord]
    claims: list[ClaimRecord]
    reasons: list[ReasonRecord]
    tables: list[Table]
    year: int | None = None  # the document's fiscal year (meta), when known
    judge: Judge | None = None  # the reason judge for variances; None: the trained one (budgetlens.judge)
    projects: list[Project] = field(default_factory=list)  # indicator forms (issue 6): one per form
    indicators: list[Indicator] = field(default_factory=list)  # their 三级 rows
    paragraphs: list[Paragraph] = field(default_factory=list)  # for prose read from form cells (kind "cell")
    amount_by_id: dict[str, AmountRecord] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount_by_id", {a.id: a for a in self.amounts})

    @cached_property
    def logical_tables(self) -> list[LogicalTable]:
        """The tables understood once (kinds, codes, column roles) for every check that needs them."""
        return understand_all(self.tables)

    @cached_property
    def links(self) -> list[Link]:
        """Every claim value that names a table line, with its cell (or none): linked once per document."""
        starts = {s.id: s.span.start for s in self.sentences}

        def lead_in(claim: ClaimRecord, amount: AmountRecord) -> str:
            return self.text[starts.get(claim.sentence_id, amount.span.start):amount.span.start]

        return link_claims(self.claims, self.amount_by_id, self.logical_tables, self.year, lead_in)

    @cached_property
    def variances(self) -> VarianceAnalysis:
        """Every comparable pair with its reasons attached and judged, built once for the variance checks."""
        return build_variances(self, judge=self.judge)

    def value(self, claim: ClaimRecord, role: str) -> AmountRecord | None:
        """The amount that plays `role` in the claim, if the claim states one."""
        return next((self.amount_by_id[v.amount_id] for v in claim.values if v.role == role), None)

    def value_or_stated_before(self, claim: ClaimRecord, role: str) -> AmountRecord | None:
        """The claim's own value, else the same subject's figure just before it:
        "收、支总计2,652.39万元。与2023年度相比，收、支总计各增加123.92万元，增长4.67%。" """
        own = self.value(claim, role)
        if own is not None or claim.subject is None:
            return own
        index = self.claims.index(claim)
        for earlier in reversed(self.claims[max(0, index - LOOKBACK_CLAIMS):index]):
            same_year = earlier.year == claim.year or None in (earlier.year, claim.year)
            if earlier.subject == claim.subject and same_year and earlier.kind in ("figure", "share"):
                return self.value(earlier, "current")
        return None


@dataclass
class FindingDraft:
    severity: Severity
    message: str
    evidence: list[Evidence]
    observed: ExactDecimal | None = None
    expected: ExactDecimal | None = None
    tolerance: str | None = None


Outcome = FindingDraft | None
CheckFunction = Callable[[CheckContext], Iterator[Outcome]]


@dataclass(frozen=True)
class CheckSpec:
    name: str
    description: str
    function: CheckFunction


CHECKS: dict[str, CheckSpec] = {}


def register(name: str, description: str) -> Callable[[CheckFunction], CheckFunction]:
    def decorate(function: CheckFunction) -> CheckFunction:
        if name in CHECKS:
            raise ValueError(f"check {name!r} registered twice")
        CHECKS[name] = CheckSpec(name, description, function)
        return function

    return decorate


def run_checks(ctx: CheckContext) -> tuple[list[Finding], list[CheckStatus]]:
    findings: list[Finding] = []
    statuses: list[CheckStatus] = []
    for spec in CHECKS.values():
        outcomes = list(spec.function(ctx))
        drafts = [o for o in outcomes if o is not None]
        merged = _merge(spec.name, drafts, start=len(findings))
        findings.extend(merged)
        status = "not_applicable" if not outcomes else ("failed" if drafts else "passed")
        statuses.append(CheckStatus(check=spec.name, status=status, tested=len(outcomes), failed=len(drafts),
                                    description=spec.description))
    return findings, statuses


def _merge(check: str, drafts: list[FindingDraft], start: int) -> list[Finding]:
    by_key: dict[tuple, Finding] = {}
    for draft in drafts:
        key = (draft.severity, draft.observed, draft.expected) if draft.observed is not None else (draft.message,)
        if key in by_key:
            by_key[key].evidence.extend(draft.evidence)
            continue
        by_key[key] = Finding(
            id=f"f{start + len(by_key) + 1}", check=check, severity=draft.severity, message=draft.message,
            observed=draft.observed, expected=draft.expected, tolerance=draft.tolerance,
            evidence=list(draft.evidence),
        )
    return list(by_key.values())
