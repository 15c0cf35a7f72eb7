"""Figure-column headers of one side of a table, in pdfminer's reading order → a header tree.

pdfminer reads a multi-level header row by row, each row left to right: first the
top cells ("预算数 决算数"), then the cells under them ("合计 因公出国（境）费 …"),
then the next level ("小计 公务用车购置费 公务用车运行费"). A tall cell (one that
reaches down to the figures) is read with the row where it starts. So the cells are
the breadth-first order of a forest whose leaves are the figure columns, and the
number of leaves is known (the figures per row, the 栏次 row).

Where a cell's children start is read from the structure of these headers:
  - all cells are leaves when they are as many as the columns;
  - children begin with their subtotal (小计, 合计): each such cell starts a family,
    the cells before the first family are the top level;
  - with no subtotal and one cell too many, the first cell spans all the others;
  - a parent has two children at least.
Every family has one parent, so cells - families must equal the columns, or the
header is not read. When no 栏次 row counts the columns, the heads count them
(header_leaves): blank cells are not printed, so the body can show fewer.
Families go to parents in breadth-first order: to the top-level cells first,
then to the cells of the level below; within a level the parent is the remaining
cell sharing most characters with its children ("公务用车购置及运行费" over
"公务用车购置费", "公务用车运行费"), the leftmost on a tie. Subtotals and 行次 are
never parents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from budgetlens.ingest.text_space_wrap import HeaderCell

FAMILY_STARTS = frozenset({"小计", "合计"})
NEVER_PARENT = frozenset({"小计", "合计", "总计", "行次", "栏次"})
MIN_CHILDREN = 2  # a cell over one column only is that column's head, not a parent


@dataclass(slots=True)
class Node:
    cell: HeaderCell
    children: list[Node] = field(default_factory=list)


@dataclass(slots=True)
class Placed:
    """A header cell at its top-left position: level (header row) and column, both from 0."""

    cell: HeaderCell
    level: int
    col: int


def cells_to_tree(cells: list[HeaderCell], leaves: int) -> list[Node] | None:
    """The forest of header cells over `leaves` columns, or None when the count does not work out."""
    if len(cells) == leaves:
        return [Node(cell) for cell in cells]
    starts = [i for i, cell in enumerate(cells) if i and cell.text in FAMILY_STARTS]
    if not starts and len(cells) == leaves + 1 and leaves >= MIN_CHILDREN:
        starts = [1]
    if not starts or len(cells) - len(starts) != leaves:
        return None
    bounds = [*starts, len(cells)]
    roots = [Node(cell) for cell in cells[: starts[0]]]
    families = [[Node(cell) for cell in cells[a:b]] for a, b in pairwise(bounds)]
    if any(len(family) < MIN_CHILDREN for family in families):
        return None
    return roots if _adopt(roots, families) else None


def header_leaves(cells: list[HeaderCell]) -> int:
    """The columns the heads themselves make: one per cell, less one per subtotal family."""
    return len(cells) - sum(1 for i, cell in enumerate(cells) if i and cell.text in FAMILY_STARTS)


def _adopt(roots: list[Node], families: list[list[Node]]) -> bool:
    """Give each family its parent, breadth first; False when a family finds none."""
    level, position, below = roots, 0, []
    for family in families:
        parent = _best_parent(level[position:], family)
        if parent is None:
            level, position, below = below, 0, []
            parent = _best_parent(level, family)
            if parent is None:
                return False
        parent.children = family
        position = level.index(parent) + 1
        below.extend(family)
    return True


def _best_parent(candidates: list[Node], family: list[Node]) -> Node | None:
    eligible = [node for node in candidates if node.cell.text not in NEVER_PARENT]
    if not eligible:
        return None
    children = {ch for node in family if node.cell.text not in FAMILY_STARTS for ch in node.cell.text}
    shared = [len(children & set(node.cell.text)) for node in eligible]
    return eligible[shared.index(max(shared))]  # the leftmost of the best


def tree_to_placed(roots: list[Node], level: int = 0, col: int = 0) -> tuple[list[Placed], int]:
    """Each node at the column of its first leaf; returns the placements and the columns used."""
    placed: list[Placed] = []
    start = col
    for node in roots:
        placed.append(Placed(node.cell, level, col))
        if node.children:
            below, width = tree_to_placed(node.children, level + 1, col)
            placed.extend(below)
            col += width
        else:
            col += 1
    return placed, col - start
