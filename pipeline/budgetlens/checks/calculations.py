"""calculation_mismatch: a stated calculation (测算依据) whose printed result is wrong.

Equations are read by equations.py ("计1,600×0.15=260.00万元") and recomputed here with the
interval arithmetic of DOMAIN §5 [C]: an operand printed with decimals stands for ± half a unit of
its last digit (integers — counts, months, whole prices — are exact), the result for ± half a unit
of its own last digit; one more unit is `info` (a truncated result). People also write a
calculation in the order they do it ("3702-492（人员经费）*98%+492=3637.8" is (3702−492)×98%+492),
so the left-to-right reading is accepted too. Units: 元/千元/万元/亿元 (and 万/亿 on counts) are
converted when the equation mixes them ("2000元×500人=100万元"); otherwise figures are compared
as printed ("420×1.20=504.00万元"). Sentences and table cells are both read; prose written in a
cell is read once, from the cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from budgetlens.checks.equations import Equation, Item, Operand, text_to_equations, unit_scale
from budgetlens.checks.findings import Evidence
from budgetlens.checks.registry import CheckContext, FindingDraft, Outcome, register
from budgetlens.checks.rounding import Interval, fmt, half_unit
from budgetlens.document import Cell, Sentence, Span, Table

BY_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}
LEFT_TO_RIGHT = dict.fromkeys(BY_PRECEDENCE, 1)
TOLERANCE_NOTE = ("带小数的运算数按显示精度±半个末位单位取区间（整数视为精确），结果按其显示精度±半个末位单位；"
                  "多出一个末位单位记为提示（截断）；按书写顺序（从左到右）计算的读法亦予接受")

Verdict = Literal["ok", "truncated", "wrong"]


@dataclass(frozen=True)
class Recomputed:
    verdict: Verdict
    expected: Decimal  # in the result's printed unit ("94.94%" → percent), from the printed operands
    converted: bool  # 元 ↔ 万元 conversion was needed


# --- recomputing ---------------------------------------------------------------------------------------------


def recompute(equation: Equation) -> Recomputed | None:
    """The verdict on the stated result; None when the units leave the equation open or a divisor may be 0."""
    scaled = _conversion(equation)
    if scaled is None:
        return None
    exact = _evaluate(equation.items, BY_PRECEDENCE, scaled, rounded=False)
    readings = [_evaluate(equation.items, order, scaled, rounded=True) for order in (BY_PRECEDENCE, LEFT_TO_RIGHT)]
    known = [reading for reading in readings if reading is not None]
    if exact is None or not known:
        return None
    result = equation.result
    verdict: Verdict = "wrong"
    for units, name in ((3, "truncated"), (1, "ok")):
        stated = result.around(scaled, half_unit(result.decimals) * units)
        if any(r.low <= stated.high and stated.low <= r.high for r in known):
            verdict = name
    return Recomputed(verdict, exact.low / result.factor(scaled), scaled)


def text_to_checked(text: str) -> list[tuple[Equation, Recomputed | None]]:
    """Each equation with its verdict; a blank between digits that may be a line break inside a
    number is read both ways, and the reading that holds wins (no finding from a layout guess)."""
    joined = {e.at: recompute(e) for e in text_to_equations(text, join_digits=True)}
    checked: list[tuple[Equation, Recomputed | None]] = []
    for equation in text_to_equations(text):
        verdict, other = recompute(equation), joined.get(equation.at)
        holds = other is not None and other.verdict == "ok"
        checked.append((equation, other if verdict is not None and verdict.verdict != "ok" and holds else verdict))
    return checked


def _conversion(equation: Equation) -> bool | None:
    """False: one unit throughout, compare as printed; True: convert to 元 first; None: cannot tell."""
    operands = [item for item in equation.items if isinstance(item, Operand)]
    scales = {o.scale for o in [*operands, equation.result] if o.scale is not None}
    group_scales = {unit_scale(unit) for unit in equation.group_units} - {None}
    if len(scales | group_scales) <= 1:
        return False
    if group_scales or (equation.result.scale is None and not equation.result.percent):
        return None
    terms = _additive_terms(equation.items)
    return True if all(any(isinstance(i, Operand) and i.scale is not None for i in term) for term in terms) else None


def _additive_terms(items: tuple[Item, ...]) -> list[list[Item]]:
    """The terms joined by + and − outside parentheses: each must carry a unit when units are converted."""
    terms: list[list[Item]] = [[]]
    depth = 0
    for item in items:
        depth += 1 if item == "(" else -1 if item == ")" else 0
        if depth == 0 and item in ("+", "-"):
            terms.append([])
        else:
            terms[-1].append(item)
    return terms


def _evaluate(items: tuple[Item, ...], precedence: dict[str, int], scaled: bool, rounded: bool) -> Interval | None:
    """Operator-precedence evaluation over intervals; `rounded`: decimal operands ± half their last digit."""
    values: list[Interval] = []
    ops: list[str] = []
    for item in items:
        if isinstance(item, Operand):
            values.append(item.around(scaled, half_unit(item.decimals) if rounded and item.decimals else Decimal(0)))
            continue
        if item != "(":
            while ops and ops[-1] != "(" and (item == ")" or precedence[ops[-1]] >= precedence[item]):
                if not _reduce(values, ops):
                    return None
        if item == ")":
            ops.pop()
        else:
            ops.append(item)
    while ops:
        if not _reduce(values, ops):
            return None
    return values[0]


def _reduce(values: list[Interval], ops: list[str]) -> bool:
    right, left = values.pop(), values.pop()
    value = _apply(ops.pop(), left, right)
    if value is None:
        return False
    values.append(value)
    return True


def _apply(op: str, a: Interval, b: Interval) -> Interval | None:
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "/" and b.low <= 0 <= b.high:
        return None
    corners = [x * y if op == "*" else x / y for x in (a.low, a.high) for y in (b.low, b.high)]
    return Interval(min(corners), max(corners))


# --- the check -----------------------------------------------------------------------------------------------


@register("calculation_mismatch", "测算式（如“1,600×0.15=260.00万元”）的结果须等于按所列数字（元/万元换算后）重算的值")
def calculation_mismatch(ctx: CheckContext) -> Iterator[Outcome]:
    cells = {p.id: p for p in ctx.paragraphs if p.kind == "cell" and p.cell is not None}
    for sentence in ctx.sentences:
        if sentence.paragraph_id not in cells:  # prose written in a cell is read from the cell below
            yield from _outcomes(sentence.text, lambda s=sentence: _sentence_evidence(s))
    spans = {(p.cell.table_id, p.cell.row, p.cell.col): p.span for p in cells.values() if p.cell is not None}
    for table in ctx.tables:
        for cell in (cell for row in table.rows for cell in row):
            span = spans.get((table.id, cell.row, cell.col))
            yield from _outcomes(cell.text, lambda t=table, c=cell, s=span: _cell_evidence(t, c, s))


def _outcomes(text: str, evidence: Callable[[], Evidence]) -> Iterator[Outcome]:
    if "=" not in text and "＝" not in text:
        return
    for equation, checked in text_to_checked(text):
        if checked is not None:
            yield None if checked.verdict == "ok" else _finding(equation, checked, evidence())


def _finding(equation: Equation, checked: Recomputed, evidence: Evidence) -> FindingDraft:
    result = equation.result
    places = max(result.decimals, 2)
    unit = "%" if result.percent else result.unit
    expected = checked.expected.quantize(Decimal(10) ** -places)
    note = "（元、万元已换算）" if checked.converted else ""
    return FindingDraft(
        severity="error" if checked.verdict == "wrong" else "info", evidence=[evidence],
        message=(f"测算式“{equation.text}”：按所列数字计算应为{fmt(expected, places)}{unit}{note}，"
                 f"文中为{fmt(result.printed, result.decimals)}{unit}"),
        observed=result.printed, expected=expected, tolerance=TOLERANCE_NOTE,
    )


def _sentence_evidence(sentence: Sentence) -> Evidence:
    return Evidence(kind="text", text=sentence.text, span=sentence.span, sentence_id=sentence.id)


def _cell_evidence(table: Table, cell: Cell, span: Span | None) -> Evidence:
    return Evidence(kind="cell", text=cell.text, span=span, table_id=table.id, row=cell.row, col=cell.col,
                    page=cell.page)
