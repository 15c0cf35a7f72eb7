"""Footnote formulas as printed under real tables (seed 001), parsed into rows/columns, signs and ranges."""

from __future__ import annotations

import pytest

from budgetlens.tables.footnotes import parse_formulas
from budgetlens.tables.model import Formula, Range, Term


def one(text: str) -> Formula:
    (formula,) = parse_formulas([text])
    return formula


@pytest.mark.parametrize(("text", "axis", "target", "numbers", "each"), [
    ("27 行=（1+2+3+4+5+6+7+8）行；", "row", 27, list(range(1, 9)), False),
    ("57 行=（31+32+…+56）行。", "row", 57, list(range(31, 57)), False),
    ("1栏各行=（2+3+4+5+6）栏各行", "col", 1, [2, 3, 4, 5, 6], True),
    ("1 栏=（2+3+6）栏", "col", 1, [2, 3, 6], False),
    ("1栏=2栏+3栏", "col", 1, [2, 3], False),
])
def test_formula_numbers(text: str, axis: str, target: int, numbers: list[int], each: bool) -> None:
    formula = one(text)
    assert (formula.axis, formula.target, formula.each) == (axis, target, each)
    assert [n for n, _ in formula.numbers()] == numbers


def test_ellipsis_becomes_a_range_and_minus_a_sign() -> None:
    assert one("59 行=（33+34+…+58）行").terms == (Term(33), Range(34, 58))
    assert one("6 栏各行=（1+2-3）栏各行").numbers() == [(1, 1), (2, 1), (3, -1)]


def test_several_formulas_in_one_footnote_in_order() -> None:
    note = "1 栏=（2+3+6）栏；3 栏=（4+5）栏；7 栏=（8+9+12）栏；9栏=（10+11）栏。"
    assert [f.target for f in parse_formulas([note])] == [1, 3, 7, 9]


@pytest.mark.parametrize("note", [
    "注：本表反映部门本年度各项支出情况。",
    "注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。",
    "2. 本套报表金额单位转换时可能存在尾数误差。",
    "27 行=（1+2）栏",  # row = columns: not a formula we can trust
])
def test_notes_that_are_not_formulas_give_nothing(note: str) -> None:
    assert parse_formulas([note]) == []
