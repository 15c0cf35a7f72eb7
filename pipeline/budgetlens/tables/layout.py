"""Side-by-side layouts: one printed grid, several lists.

A list starts at a label or code column that follows a value column. Lists under different
headers (收入 | 支出, 人员经费 | 公用经费, 支出/功能分类 | 支出/支出用途) are different logical
tables; lists of the same shape under the same header with code columns (经济分类 code | name |
value, printed two or three times across) are one list wrapped into columns, and are stacked
back, so 类 = Σ款 holds when a 类's 款 continue in the next column group. Only the standard
tables known to be printed this way are split; anything else stays one table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from budgetlens.tables.columns import HeaderCell, path_role
from budgetlens.tables.lexicon import KEY_ROLES
from budgetlens.tables.model import TableKind

SPLIT_KINDS = frozenset({TableKind.SUMMARY, TableKind.FISCAL_SUMMARY, TableKind.GENERAL_BASIC,
                         TableKind.FISCAL_BASIC, TableKind.ADMIN_COST})
KEY_TYPES = frozenset({"code", "label"})


@dataclass
class Part:
    """Column groups read as one logical table; `groups[0]` gives the logical columns."""

    groups: list[list[int]]
    side: str | None
    shape: tuple[str, ...] = field(default=())


def column_groups(types: list[str]) -> list[list[int]]:
    """Runs of columns, a new one at each code/label column that follows a value column."""
    groups: list[list[int]] = [[]]
    for col, kind in enumerate(types):
        if kind in KEY_TYPES and any(types[c] in ("value", "row_number") for c in groups[-1]):
            groups.append([])
        groups[-1].append(col)
    return groups


def plan_parts(types: list[str], grid: list[list[HeaderCell | None]], kind: TableKind) -> list[Part]:
    """The logical tables of a grid: split by header, stacked when the same list wraps across."""
    groups = column_groups(types)
    whole = [Part([list(range(len(types)))], None, _shape(range(len(types)), types))]
    if len(groups) < 2:
        return whole
    parts: list[Part] = []
    for group in groups:
        side, shape = group_side(grid, group), _shape(group, types)
        last = parts[-1] if parts else None
        if last is not None and last.shape == shape and last.side == side and "code" in shape:
            last.groups.append(group)
        else:
            parts.append(Part([group], side, shape))
    if len(parts) > 1 and kind not in SPLIT_KINDS:
        return whole
    if len(parts) == 1:
        parts[0].side = None
    return parts


def _shape(cols: range | list[int], types: list[str]) -> tuple[str, ...]:
    """Key columns as they stand; a value column and an empty one look alike (a group may print no figure)."""
    return tuple("value" if types[c] == "empty" else types[c] for c in cols)


def group_side(grid: list[list[HeaderCell | None]], group: list[int]) -> str | None:
    """The header over a group: its first column's header cells above the first key word
    ("收入" over "项目"; "支出/功能分类" over "功能科目名称")."""
    texts: list[str] = []
    for line in grid:
        cell = line[group[0]]
        if cell is None:
            continue
        role, _ = path_role([cell.text])
        if role in KEY_ROLES:
            break
        if not texts or texts[-1] != cell.text:
            texts.append(cell.text)
    return "/".join(texts) or None


def stacked_columns(part: Part, types: list[str]) -> list[dict[int, int]]:
    """For each group of a part: source column → logical column (the same position in groups[0])."""
    return [dict(zip(group, part.groups[0], strict=False)) for group in part.groups]


def logical_types(part: Part, types: list[str]) -> dict[int, str]:
    """Logical column → what it holds, from the first group that prints anything there; columns
    empty in every group (no header, no text) are left out."""
    out = {}
    for position, col in enumerate(part.groups[0]):
        found = [types[g[position]] for g in part.groups if position < len(g) and types[g[position]] != "empty"]
        if found:
            out[col] = found[0]
    return out
