"""Narrative ↔ table: each money value of a claim that names a table line, linked to its cell.

A link compares the printed amount with the cell, both in the amount's unit: the cell is
converted (元 → 万元) and rounded to the decimals the narrative shows. `equal` is exact after
that rounding; `off_by` counts units of the last shown digit, so the checks can apply
DOMAIN §5 (same figure: exact; one unit = info; a 元 table read in 万元: ±1 unit passes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from budgetlens.extract.records import AmountRecord, ClaimRecord
from budgetlens.link.cells import Located, locate, shown
from budgetlens.link.subjects import LineName, narrowed, scope_in, subject_to_line
from budgetlens.numbers import UNIT_SCALE
from budgetlens.tables.model import LogicalTable

LINKED_ROLES = ("current", "actual", "total", "budget")


@dataclass(frozen=True)
class Link:
    claim: ClaimRecord
    amount: AmountRecord
    role: str
    line: LineName
    located: Located | None  # None: the claim names a table line but no single cell was found

    @property
    def table_value(self) -> Decimal | None:
        """The cell in the amount's unit, rounded to the decimals the amount shows."""
        if self.located is None:
            return None
        return convert(self.located.cell.value, self.located.table.unit, self.amount)

    @property
    def off_by(self) -> int | None:
        """Units of the amount's last shown digit between the amount and the cell (0 = equal)."""
        value = self.table_value
        if value is None:
            return None
        return int(abs(value - self.amount.value) / unit_of(self.amount))

    @property
    def converted(self) -> bool:
        located = self.located
        return located is not None and (located.table.unit or "万元") != (self.amount.unit or "万元")


def unit_of(amount: AmountRecord) -> Decimal:
    return Decimal(1).scaleb(-amount.decimals)


def convert(value: Decimal | None, table_unit: str | None, amount: AmountRecord) -> Decimal | None:
    if value is None:
        return None
    source = UNIT_SCALE.get(table_unit or "万元")
    target = UNIT_SCALE.get(amount.unit or "")
    if source is None or target is None:
        return None
    return (value * source / target).quantize(unit_of(amount), rounding=ROUND_HALF_UP)


def link_claims(claims: list[ClaimRecord], amounts: dict[str, AmountRecord], tables: list[LogicalTable],
                year: int | None, lead_in: Callable[[ClaimRecord, AmountRecord], str]) -> list[Link]:
    """Every link attempt: claims of the document's year whose own words name a table line.

    `lead_in(claim, amount)` is the sentence text before the amount: a fund named there
    ("政府性基金预算财政拨款年初结转和结余0万元，本年收入0万元") narrows a scope-less subject.
    A subject borrowed from the sentence before is not enough to link on.
    """
    links = []
    for claim in claims:
        line = subject_to_line(claim.subject)
        if line is None or claim.subject_source == "previous_sentence":
            continue
        if year is not None and claim.year not in (None, year):
            continue
        for value in claim.values:
            amount = amounts.get(value.amount_id)
            if value.role not in LINKED_ROLES or amount is None or amount.kind != "money":
                continue
            read = narrowed(line, scope_in(lead_in(claim, amount)))
            if shown(read, value.role, tables):
                links.append(Link(claim, amount, value.role, read, locate(read, value.role, tables)))
    return links
