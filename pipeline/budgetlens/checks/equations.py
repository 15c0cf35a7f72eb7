"""Stated calculations read from text: "计1,600×0.15=260.00万元" → an Equation (a pure function).

Forms and budget narratives justify amounts with explicit equations (测算依据): "2000元*500人=100万元",
"50元/平方米×8369.34平方米×12月=502.16万元", "3717-15（场租）=3702万元". What counts as one (our
convention [C]): an expression with at least one operator (× x X * ＊ + − - ÷ /) right before "=",
and a bare number (+ unit) right after it. Implicit sums ("…合计/共计X万元" without operators) are
not read in this version: the words that introduce a total are too varied to tell a sum from a list
that merely ends in a figure. Not calculations: row/column formulas ("27行=（1+2+…+8）行"), ranges
of years ("2024-2026"). A "/" before a word is a unit ("元/人/月"), before a digit a division.
Recomputing is calculations.py's job.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from budgetlens.checks.rounding import Interval
from budgetlens.numbers import UNIT_SCALE, normalize_width

OPERATORS = {"×": "*", "x": "*", "X": "*", "*": "*", "÷": "/", "/": "/", "+": "+", "-": "-", "−": "-"}
MAGNITUDES = {"万": Decimal(10000), "亿": Decimal(100000000)}  # on counts: "1.5万人"
REFERENCE_UNITS = ("行", "栏", "列", "表", "页", "号")  # "27行=（1+2+…+8）行" names rows, it computes nothing
YEARS = (1900, 2100)  # "2024-2026" is a range of years, not a subtraction
MAX_TOKENS = 80  # a clause longer than this is prose, not a calculation

_CLAUSE = re.compile(r"(?:[^。；;：:、!?\n,]|(?<=\d),(?=\d{3}(?!\d)))+")
_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\d+(?:\.\d+)?%?)"
    r"|(?P<note>\([^()\d=]*\))"  # a parenthesised label: "(场租)", "(含主机防护、Web应用防火墙)"
    r"|(?P<op>[×*÷+\-−]|/(?=[\d(])|(?<![A-Za-z])[xX](?=[\d(]))"
    r"|(?P<lp>\()|(?P<rp>\))|(?P<char>.)"
)
_BLANK_PARTS = re.compile(r"\S|(?<=\d)\s+(?=\d)")  # a blank between digits is kept (as one) to part them
_BLANK_JOINED = re.compile(r"\S")


@dataclass(frozen=True)
class Token:
    kind: str  # num | note | op | lp | rp | word
    text: str
    start: int  # offsets in the clause with blanks removed
    end: int


@dataclass(frozen=True)
class Operand:
    """A number as printed with the word after it: "0.15万元/TB/年" → 0.15, unit "万元/TB/年"."""

    printed: Decimal  # "94.94%" → 94.94
    decimals: int
    percent: bool
    unit: str

    @property
    def scale(self) -> Decimal | None:
        return unit_scale(self.unit)

    def factor(self, scaled: bool) -> Decimal:
        """What one printed unit is worth in the arithmetic: 元 when scaled, and 1/100 for a percent."""
        factor = (self.scale or Decimal(1)) if scaled else Decimal(1)
        return factor / 100 if self.percent else factor

    def around(self, scaled: bool, half: Decimal) -> Interval:
        factor = self.factor(scaled)
        return Interval((self.printed - half) * factor, (self.printed + half) * factor)


def unit_scale(unit: str) -> Decimal | None:
    """元 per unit for money ("0.15万元/TB/年" → 10000), the magnitude of "1.5万人"; None for other words."""
    money = next((UNIT_SCALE[u] for u in ("亿元", "万元", "千元", "元") if unit.startswith(u)), None)
    return money if money is not None else MAGNITUDES.get(unit[:1])


Item = Operand | str  # an operand, an operator (+ - * /) or a parenthesis


@dataclass(frozen=True)
class Equation:
    text: str  # as printed: "1,600×0.15=260.00万元"
    at: int  # offset of its "=" in the text read: the two readings of blanks meet there
    items: tuple[Item, ...]  # the left side, flat, in reading order
    group_units: tuple[str, ...]  # words printed after a closing parenthesis: "（2+3）栏"
    result: Operand


# --- reading -------------------------------------------------------------------------------------------------


def text_to_equations(text: str, join_digits: bool = False) -> list[Equation]:
    """Every explicit equation "expression = number" in a sentence or a table cell.

    Blanks are dropped ("3.0 万元"), except between two digits, where they part two numbers
    ("3.00  1000元/人×30人" in two columns); `join_digits` reads such a blank as a line break inside a number
    instead ("146.0 0万元")."""
    normal = normalize_width(text)  # one character for one: offsets stay valid in `text`
    kept = _BLANK_JOINED if join_digits else _BLANK_PARTS
    found: list[Equation] = []
    for clause in _CLAUSE.finditer(normal):
        chars = list(kept.finditer(clause.group()))
        if any(m.group() == "=" for m in chars):
            positions = [clause.start() + m.start() for m in chars]
            found.extend(_clause_equations(positions, "".join(m.group()[0] for m in chars), text))
    return found


def _clause_equations(positions: list[int], clause: str, original: str) -> Iterator[Equation]:
    """Each "left = right" pair of a clause whose right side is a bare number."""
    tokens = [Token(m.lastgroup or "word", m.group(), m.start(), m.end()) for m in _TOKEN.finditer(clause)]
    tokens = _merge_words([t for t in tokens if not t.text.isspace()])
    if len(tokens) > MAX_TOKENS:
        return
    equals = [i for i, t in enumerate(tokens) if t.text == "="]
    for n, at in enumerate(equals):
        left = tokens[(equals[n - 1] + 1 if n else 0):at]
        right = tokens[at + 1:(equals[n + 1] if n + 1 < len(equals) else len(tokens))]
        result = _result(right)
        parsed = _longest_expression(left)
        if result is None or parsed is None:
            continue
        start, items, group_units = parsed
        operand, end = result
        text = original[positions[start]:positions[end - 1] + 1]
        equation = Equation(text, positions[tokens[at].start], items, group_units, operand)
        if _is_calculation(equation):
            yield equation


def _merge_words(tokens: list[Token]) -> list[Token]:
    """Runs of single characters become one word; "=" stays alone."""
    merged: list[Token] = []
    for token in tokens:
        if token.kind == "char" and token.text != "=" and merged and merged[-1].kind == "word":
            last = merged.pop()
            token = Token("word", last.text + token.text, last.start, token.end)
        elif token.kind == "char" and token.text != "=":
            token = Token("word", token.text, token.start, token.end)
        merged.append(token)
    return merged


def _operand(number: Token, unit: list[Token]) -> Operand:
    text = number.text.removesuffix("%").replace(",", "")
    decimals = len(text.partition(".")[2])
    return Operand(Decimal(text), decimals, number.text.endswith("%"), "".join(t.text for t in unit))


def _unit_words(tokens: list[Token], i: int) -> int:
    """Index after the unit words and labels that follow an operand."""
    while i < len(tokens) and tokens[i].kind in ("word", "note"):
        i += 1
    return i


def _result(right: list[Token]) -> tuple[Operand, int] | None:
    """The number right after "=" with its unit, and where it ends; None unless it stands alone."""
    if not right or right[0].kind != "num":
        return None
    stop = _unit_words(right, 1)
    if stop < len(right) and right[stop].kind in ("op", "lp", "rp"):
        return None  # "=2×30.00…": another expression, not a stated result
    unit = [t for t in right[1:stop] if t.kind == "word"]
    return _operand(right[0], unit), right[stop - 1].end


def _longest_expression(left: list[Token]) -> tuple[int, tuple[Item, ...], tuple[str, ...]] | None:
    """The longest tail of the left side that reads as an expression with an operator."""
    for first in range(len(left)):
        if left[first].kind not in ("num", "lp"):
            continue
        items: list[Item] = []
        group_units: list[str] = []
        end = _expression(left, first, items, group_units)
        if end == len(left) and any(item in OPERATORS.values() for item in items):
            return left[first].start, tuple(items), tuple(group_units)
    return None


def _expression(tokens: list[Token], i: int, items: list[Item], group_units: list[str]) -> int | None:
    """expression := term (operator term)*; appends to `items`, returns the index after it."""
    end = _term(tokens, i, items, group_units)
    while end is not None and end < len(tokens) and tokens[end].kind == "op":
        items.append(OPERATORS[tokens[end].text])
        end = _term(tokens, end + 1, items, group_units)
    return end


def _term(tokens: list[Token], i: int, items: list[Item], group_units: list[str]) -> int | None:
    """term := number unit? | "(" expression ")" unit?"""
    if i >= len(tokens):
        return None
    if tokens[i].kind == "num":
        stop = _unit_words(tokens, i + 1)
        items.append(_operand(tokens[i], [t for t in tokens[i + 1:stop] if t.kind == "word"]))
        return stop
    if tokens[i].kind != "lp":
        return None
    items.append("(")
    end = _expression(tokens, i + 1, items, group_units)
    if end is None or end >= len(tokens) or tokens[end].kind != "rp":
        return None
    items.append(")")
    stop = _unit_words(tokens, end + 1)
    group_units.append("".join(t.text for t in tokens[end + 1:stop] if t.kind == "word"))
    return stop


def _is_calculation(equation: Equation) -> bool:
    """Not a row/column formula, not a range of years."""
    operands = [item for item in equation.items if isinstance(item, Operand)]
    units = [*(o.unit for o in operands), *equation.group_units, equation.result.unit]
    if any(unit.startswith(REFERENCE_UNITS) for unit in units):
        return False
    items = equation.items
    return not any(items[k] == "-" and _year(items[k - 1]) and _year(items[k + 1]) for k in range(1, len(items) - 1))


def _year(item: Item) -> bool:
    return isinstance(item, Operand) and not item.decimals and YEARS[0] <= item.printed <= YEARS[1]
