"""One indicator row of a form table → its parts: goal label, level cells, 三级 cell, value slots.

Converters shift rows: a row may start one or two columns left or right of its header, carry an
extra empty cell between the name and the values, or lose its last cells. The parts are
therefore found by meaning, not by column: level names from the lexicon on the left, the 三级
cell after them, and the value slots read from the cells after it —

- as many cells as slots: by position (an empty 前年 stays empty);
- more cells, as many filled as slots: the filled ones, in order (an extra empty cell);
- more cells, fewer filled: the last cells (the row's right edge is where the form's is);
- fewer cells: from the left, unless the last one reads as a 依据 (then the targets end before it).

A 依据 slot holding a bare number next to a weight slot without one is the weight (000 @1071: the
header prints 指标分值权重 after 指标值确定依据, the rows print the weight first). A 合计 row under the
weights gives the form's printed total (`RowParts.total`), not an indicator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from budgetlens.document import Cell
from budgetlens.indicators.forms import Layout, year_labels
from budgetlens.indicators.lexicon import (
    BASIS_WORDS,
    BLOCK_LABEL,
    GOAL_LABEL,
    HEADER_WEIGHT,
    LEVEL1,
    LEVEL2_FAMILY,
    NAME_TAILS,
    WEIGHT_TOTAL_ROWS,
    squash,
)
from budgetlens.numbers import parse_number

TOTAL_ROWS = WEIGHT_TOTAL_ROWS | {"小计"}
SHORT_WORD = 4  # qualitative targets are short words: 及时, 提升, 达标, 有效保障


@dataclass
class RowParts:
    goal: Cell | None = None
    goal_number: Cell | None = None  # 指标权重比例 printed before the levels ("100")
    levels: list[Cell] = field(default_factory=list)  # the 一级/二级 cells printed in this row (0–2)
    level3: Cell | None = None
    slots: dict[str, Cell | None] = field(default_factory=dict)  # layout slot → cell (None: not printed)
    tails: list[Cell] = field(default_factory=list)  # "指标"/"标": the rest of a name split over rows
    header_labels: list[str] = field(default_factory=list)  # year labels printed inside a data row
    total: Cell | None = None  # the figure of a 合计 row under the weights ("合计 | … | 100")
    repairs: list[str] = field(default_factory=list)


def is_level_name(text: str) -> bool:
    name = squash(text)
    return (name in LEVEL1 or name in LEVEL2_FAMILY or f"{name}指标" in LEVEL1
            or (len(name) >= 4 and any(full.startswith(name) for full in (*LEVEL1, *LEVEL2_FAMILY))))


def is_label(text: str) -> bool:
    name = squash(text)
    return bool(GOAL_LABEL.match(name) or BLOCK_LABEL.match(name))


def looks_like_value(text: str) -> bool:
    """A cell that reads as a figure or a target, never as a name: "≥95%", "100 人", "20"."""
    name = squash(text)
    return bool(name) and (name[0] in "≥≤><=≧≦" or (name[0].isdigit() and len(name) <= 12))


def row_to_parts(row: list[Cell], layout: Layout) -> RowParts:
    """Split one row; `parts.level3` is None when the row names no indicator (levels only, or empty)."""
    parts = RowParts()
    filled = [i for i, cell in enumerate(row) if cell.text.strip()]
    index = _take_labels(row, filled, layout, parts)
    index = _take_levels(row, filled, index, layout, parts)
    if index >= len(filled):
        return parts
    if squash(row[filled[index]].text) in TOTAL_ROWS:
        parts.total = _weight_total(row, filled[index:], layout)
        return parts  # "合计 | … | 100": the weights' total, not an indicator
    parts.level3 = row[filled[index]]
    block = row[filled[index] + 1:filled[-1] + 1]
    if len(labels := year_labels(block)) >= 2:  # the sub-header printed after the first row's value
        parts.header_labels = labels + [squash(c.text) for c in block if squash(c.text) in HEADER_WEIGHT]
        first = next((i for i, c in enumerate(block) if squash(c.text) in labels), len(block))
        value = next((c for c in block[:first] if c.text.strip()), None)
        parts.slots = {"target:指标值": value}
        parts.repairs.append("year labels printed inside the row: its value read as one 指标值")
        return parts
    parts.slots = _assign(block, layout, parts.repairs)
    return parts


def _weight_total(row: list[Cell], filled: list[int], layout: Layout) -> Cell | None:
    """The row's only figure, when it totals the weights; none for a 小计, a form without weights, or a row
    printing several totals (weights and scores: which is which is not said)."""
    if not layout.weight or squash(row[filled[0]].text) not in WEIGHT_TOTAL_ROWS:
        return None
    figures = [row[i] for i in filled[1:] if _points(row[i].text) is not None]
    return figures[0] if len(figures) == 1 else None


def _points(text: str) -> Decimal | None:
    return parse_number(squash(text).removesuffix("分"))


def _take_labels(row: list[Cell], filled: list[int], layout: Layout, parts: RowParts) -> int:
    """Skip goal labels, block labels, name tails and the goal's weight ratio at the left."""
    index = 0
    while index < len(filled):
        cell = row[filled[index]]
        name = squash(cell.text)
        if is_label(cell.text):
            if GOAL_LABEL.match(name):
                parts.goal = cell
        elif name in NAME_TAILS:
            parts.tails.append(cell)
        elif layout.goal_weight and parts.goal_number is None and parse_number(name) is not None:
            parts.goal_number = cell
        else:
            break
        index += 1
    return index


def _take_levels(row: list[Cell], filled: list[int], index: int, layout: Layout, parts: RowParts) -> int:
    """Level names from the lexicon (at most two), then one more when the row has a cell too many."""
    while index < len(filled) and len(parts.levels) < 2 and is_level_name(row[filled[index]].text):
        parts.levels.append(row[filled[index]])
        index += 1
    rest = filled[index:]
    too_many = len(rest) > len(layout.slots) + 1
    room = not parts.levels or (len(parts.levels) == 1 and squash(parts.levels[0].text) in LEVEL1)  # a 二级 may follow
    if room and too_many and not looks_like_value(row[rest[0]].text) and _reads_as_name(row[rest[1]].text):
        parts.levels.append(row[rest[0]])
        parts.repairs.append(f"“{row[rest[0]].text}” read as 二级: the row has one cell more than its slots")
        index += 1
    return index


def _reads_as_name(text: str) -> bool:
    """A 三级 name, not a short target word ("及时", "提升") nor a figure."""
    name = squash(text)
    return not looks_like_value(name) and len(name) > SHORT_WORD


def _assign(block: list[Cell], layout: Layout, repairs: list[str]) -> dict[str, Cell | None]:
    slots = layout.slots
    n, filled = len(slots), [c for c in block if c.text.strip()]
    if len(block) == n:
        cells: list[Cell | None] = list(block)
    elif len(block) > n and len(filled) == n:
        cells = list(filled)
        repairs.append("empty cells inside the row skipped")
    elif len(block) > n:
        cells = list(block[-n:]) if n else []
        repairs.append("row longer than its header: read from the right edge")
    elif layout.basis and block and _reads_as_basis(block[-1].text):
        targets = n - 1
        head = list(block[:-1])[-targets:] if targets else []
        cells = [None] * (targets - len(head)) + head + [block[-1]]
        if len(block) < n:
            repairs.append("row shorter than its header: targets end before the 依据")
    else:
        cells = list(block) + [None] * (n - len(block))
        repairs.append("row shorter than its header: read from the left")
    return _weight_before_basis(dict(zip(slots, cells, strict=True)), repairs)


def _weight_before_basis(slots: dict[str, Cell | None], repairs: list[str]) -> dict[str, Cell | None]:
    """A bare number in the 依据 slot and none in the weight slot: the two columns are swapped."""
    basis, weight = slots.get("basis"), slots.get("weight")
    if "weight" not in slots or basis is None or _points(basis.text) is None:
        return slots
    if weight is not None and _points(weight.text) is not None:
        return slots
    repairs.append("a number under 指标值确定依据 read as the weight: the row prints the two columns swapped")
    return {**slots, "basis": weight, "weight": basis}


def _reads_as_basis(text: str) -> bool:
    return any(word in text for word in BASIS_WORDS) and not looks_like_value(text)
