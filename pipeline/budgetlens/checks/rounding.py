"""Exact interval arithmetic for printed figures (DOMAIN.md §5).

A printed 1,250.40 万元 stands for any value in [1250.395, 1250.405]: half a unit of its
last shown digit either way. A rate computed from printed figures is therefore an
interval too; a stated rate is accepted when it lies inside that interval widened by half
a unit of the rate's own last digit, and reported as `info` when it is one unit further
out (a truncated rather than rounded rate). Money is compared in 元 so 万元 and 元 mix.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from budgetlens.extract.records import AmountRecord
from budgetlens.numbers import UNIT_SCALE

HUNDRED = Decimal(100)
Verdict = Literal["ok", "truncated", "wrong"]
TOLERANCE_NOTE = "各输入值按显示精度±半个末位单位取区间，比率再放宽其自身半个末位单位；多出一个末位单位记为提示（截断）"


@dataclass(frozen=True)
class Interval:
    low: Decimal
    high: Decimal

    def contains(self, value: Decimal) -> bool:
        return self.low <= value <= self.high

    def widened(self, by: Decimal) -> Interval:
        return Interval(self.low - by, self.high + by)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    @property
    def mid(self) -> Decimal:
        return (self.low + self.high) / 2


def half_unit(decimals: int) -> Decimal:
    return Decimal(5) * Decimal(10) ** (-decimals - 1)


def scale_of(amount: AmountRecord) -> Decimal:
    return UNIT_SCALE.get(amount.unit or "", Decimal(1)) if amount.kind == "money" else Decimal(1)


def printed_interval(amount: AmountRecord) -> Interval:
    """The values a printed figure may stand for, in 元 for money."""
    scale = scale_of(amount)
    center = amount.value * scale
    half = half_unit(amount.decimals) * scale
    return Interval(center - half, center + half)


def percent_of(part: Interval, whole: Interval) -> Interval | None:
    """part / whole × 100 over all corners; None when the whole may be zero (no rate exists)."""
    if whole.low <= 0 <= whole.high:
        return None
    corners = [p / w * HUNDRED for p in (part.low, part.high) for w in (whole.low, whole.high)]
    return Interval(min(corners), max(corners))


def rate_verdict(stated: AmountRecord, expected: Interval) -> Verdict:
    half = half_unit(stated.decimals)
    if expected.widened(half).contains(stated.value):
        return "ok"
    return "truncated" if expected.widened(3 * half).contains(stated.value) else "wrong"


def same_unit_values(*amounts: AmountRecord) -> bool:
    """Money with money (any of 元/万元/亿元), counts with the same unit."""
    kinds = {a.kind for a in amounts}
    if kinds == {"money"}:
        return all((a.unit or "") in UNIT_SCALE for a in amounts)
    return len(kinds) == 1 and len({a.unit for a in amounts}) == 1


def fmt(value: Decimal, places: int = 2) -> str:
    """A figure as an analyst writes it: thousands separators, fixed decimals."""
    return f"{value.quantize(Decimal(10) ** -places):,}"
