"""Which lines need a reason (DOMAIN §4) and how a variance is ranked: the threshold ranks, it never exempts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens.variances.required import Settings, line_rule, rate_of, rounding_limit, size_class
from tests.variances_support import variances_of

D = Decimal

LINES = [
    ("收、支总计", "total"),
    ("2024年收支总预算", "total"),
    ("办公厅2019年度收入、支出预算总计", "total"),
    ("财政拨款收入支出总计", "fiscal"),
    ("一般公共预算财政拨款支出", "fiscal"),
    ("一般公共预算拨款支出预算", "fiscal"),
    ("一般公共服务支出（类）财政事务（款）行政运行（项）", "function"),
    ("住房改革支出（款）提租补贴（项）支出", "function"),
    ("公务接待费", "three_public"),
    ("“三公”经费财政拨款支出决算数与2023年度", "three_public"),
    ("一般公共预算机关运行经费预算支出", "admin_cost"),
    ("政府采购预算支出合计", "procurement"),
    ("住房保障支出", "function"),  # syn16-vale @369: a 类 named without its （类） mark
    ("社会保障和就业支出", "function"),
    ("其他支出", None),  # an economic-classification line too: not taken for the 类
    ("乡村振兴项目", None),
    ("开支财政拨款的公务用车保有量", None),
]


@pytest.mark.parametrize(("subject", "line"), LINES)
def test_variances_line_rule(subject: str, line: str | None) -> None:
    rule = line_rule(subject)
    assert (rule.line if rule else None) == line


SIZES = [
    (D("0"), D("0"), D("10"), D("0"), "flat"),
    (D("0.004"), D("0.04"), D("10"), D("0.01"), "rounding"),  # a 元 table read in 万元
    (D("0.01"), D("0.45"), D("2.23"), D("0"), "minor"),  # same precision: any difference is real
    (D("-0.9"), D("-68.18"), D("1.32"), D("0"), "major"),
    (D("307.82"), None, D("0"), D("0"), "major"),  # from a zero base
    (None, None, None, D("0"), "unknown"),
]


@pytest.mark.parametrize(("difference", "rate", "base", "limit", "size"), SIZES)
def test_variances_size_class(difference, rate, base, limit, size: str) -> None:
    assert size_class(difference, rate, base, limit, Settings()) == size


def test_variances_threshold_ranks_only() -> None:
    """A 1.77% change on a covered line needs a reason at any threshold; the threshold moves its size only."""
    text = "2023年度收、支总计5,102.22万元。与2022年度相比，收、支总计各减少91.8万元，下降1.83%。"
    (variance,) = variances_of(text)
    assert variance.needs_reason
    assert variance.size == "minor"
    assert size_class(variance.difference, variance.rate, variance.base, D(0), Settings(threshold=D(1))) == "major"


def test_variances_rate_and_rounding_limit() -> None:
    assert rate_of(D("-91.8"), D("5194.02")) == D("-1.7674")
    assert rate_of(D("5"), D("0")) is None
    assert rounding_limit(2, mixed_precision=False) == 0
    assert rounding_limit(2, mixed_precision=True) == D("0.010")
