"""Header lines of a space-separated table → header rows over its columns.

The header lines are read into cells (text_space_wrap: wrapped and stacked lines
joined) in pdfminer's reading order, row by row. Each cell has a role:
  - a side's caption ("收入 支出", "人员经费 公用经费"): the cells before any name or
    code head, one per side at most, over the first column of each side in turn;
  - the name/code area: "…项目" over the whole area when code or name heads sit
    under it; "…编码"/"…代码" over the code; "…名称"/"…科目" over the names (a side
    with names has one of these two); 类/款/项 under the code, which then takes
    three columns (the body prints whole codes in the first);
  - everything else heads figure columns: a tree per side (text_space_levels); when
    no 栏次 row counts a side's figure columns, its heads may show more than the
    body's widest row (blank cells are not printed), and the side widens when
    its heads are certain (_counts);
  - a numbered row label ("一、财政拨款") is no head: such a header is not read.
Cells are given to sides in reading order: a name/code head goes to the first side
still lacking it; figure heads go to the side of the last name/code head.
When this does not account for every cell, a line with one word per column or per
side is still placed as a row; otherwise the header stays as text lines before the
table (the reading order stays right) and the table says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from budgetlens.ingest.text_space_grid import GroupSchema
from budgetlens.ingest.text_space_levels import Placed, cells_to_tree, header_leaves, tree_to_placed
from budgetlens.ingest.text_space_wrap import (
    CODE_ENDINGS,
    CODE_LEVELS,
    HeaderCell,
    Role,
    cell_role,
    line_to_fragments,
    lines_to_cells,
)
from budgetlens.ingest.text_tables import NumberedLine


@dataclass(slots=True)
class HeaderLayout:
    """Header rows (line number, cells), the lines left as text, and each side's code columns."""

    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    unplaced: list[NumberedLine] = field(default_factory=list)
    code_cols: list[int] = field(default_factory=list)
    slots: list[int] = field(default_factory=list)  # figure columns of each side


@dataclass(slots=True)
class Side:
    heads: dict[str, HeaderCell] = field(default_factory=dict)  # area / code / name
    levels: list[HeaderCell] = field(default_factory=list)  # 类 款 项
    figures: list[HeaderCell] = field(default_factory=list)
    slots: int = 0  # figure columns: the schema's, or more when the heads show more and no 栏次 row counts them


def align_header(lines: list[NumberedLine], schema: list[GroupSchema]) -> HeaderLayout:
    """The header rows of a table whose columns `schema` describes (module docstring)."""
    tree = _tree_layout(_order_tops(_join_stacked_endings(lines_to_cells(lines))), schema) if lines else None
    if tree is not None:
        return tree
    flat = _flat_rows(lines, schema) if lines else []
    unplaced = list(lines) if flat is None else []
    return HeaderLayout(flat or [], unplaced, [spec.code_cols for spec in schema], [spec.slots for spec in schema])


def _join_stacked_endings(cells: list[HeaderCell]) -> list[HeaderCell]:
    """"部门预算经济分类科目" / "编码 经济分类科目名称 …": a bare "编码" opening the next line ends
    the head above it (one cell printed on two lines), it heads no column of its own."""
    joined: list[HeaderCell] = []
    for cell in cells:
        previous = joined[-1] if joined else None
        if (previous is not None and cell.text in CODE_ENDINGS and cell_role(previous.text) == "name"
                and cell.lines[0] > previous.lines[-1]):
            joined[-1] = replace(previous, text=previous.text + cell.text, lines=previous.lines + cell.lines,
                                 parts=previous.parts + cell.parts)
        else:
            joined.append(cell)
    return joined


def _order_tops(cells: list[HeaderCell]) -> list[HeaderCell]:
    """Figure heads printed on the line of the one area head ("项目 一般公共预算基本支出") are the top
    level: read them first, as pdfminer does when that line comes first."""
    areas = [cell for cell in cells if cell_role(cell.text) == "area"]
    if len(areas) != 1:
        return cells  # two sides ("项目 预算数 项目 合计 …"): the line is a row of leaves
    tops = [cell for cell in cells if cell.lines[0] == areas[0].lines[0] and cell_role(cell.text) == "figure"]
    if not tops:
        return cells
    first_figure = next(i for i, cell in enumerate(cells) if cell_role(cell.text) == "figure")
    rest = [cell for cell in cells if cell not in tops]
    at = sum(1 for cell in cells[:first_figure] if cell not in tops)
    return rest[:at] + tops + rest[at:]


def _tree_layout(cells: list[HeaderCell], schema: list[GroupSchema]) -> HeaderLayout | None:
    captions = _captions(cells, len(schema))
    sides = _sides(cells[len(captions):], schema)
    if sides is None:
        return None
    schema = [replace(spec, code_cols=max(len(side.levels), spec.code_cols), slots=side.slots)
              for spec, side in zip(schema, sides, strict=True)]
    starts, n_cols = _starts(schema)
    top = int(bool(captions))
    placed = [Placed(cell, 0, start) for cell, start in zip(captions, starts, strict=False)]
    for side, spec, start in zip(sides, schema, starts, strict=True):
        side_placed = _place_side(side, spec, start, top)
        if side_placed is None:
            return None
        placed.extend(side_placed)
    rows = _rows(placed, n_cols)
    if rows is None:
        return None
    return HeaderLayout(rows, [], [spec.code_cols for spec in schema], [spec.slots for spec in schema])


def _captions(cells: list[HeaderCell], sides: int) -> list[HeaderCell]:
    """The figure-like cells read before any name/code head, when there is one per side at most
    ("收入 支出", "人员经费 公用经费"): they caption the sides, left to right."""
    lead = next((i for i, cell in enumerate(cells) if cell_role(cell.text) != "figure"), len(cells))
    return cells[:lead] if sides >= 2 and 2 <= lead <= sides and lead < len(cells) else []


def _sides(cells: list[HeaderCell], schema: list[GroupSchema]) -> list[Side] | None:
    sides = [Side() for _ in schema]
    current = 0
    for cell in cells:
        role = cell_role(cell.text)
        if role == "row":
            return None
        if role == "figure":
            sides[current].figures.append(cell)
            continue
        target = next((i for i, (side, spec) in enumerate(zip(sides, schema, strict=True))
                       if _takes(side, spec, role)), None)
        if target is None:
            return None
        if role == "level":
            sides[target].levels.append(cell)
        else:
            sides[target].heads[role] = cell
            current = target
    for side, spec in zip(sides, schema, strict=True):
        side.slots = max(spec.slots, header_leaves(side.figures)) if _counts(side, spec) else spec.slots
    return sides


def _counts(side: Side, spec: GroupSchema) -> bool:
    """Whether a side's figure heads may count its columns: no 栏次 row did, the side has its
    name/code heads, and no head was joined across a blank line on a guess."""
    return not spec.numbered and bool(side.heads) and not any(cell.guessed for cell in side.figures)


def _takes(side: Side, spec: GroupSchema, role: Role) -> bool:
    if role == "level":
        return spec.has_code and len(side.levels) < len(CODE_LEVELS)
    fits = {"area": spec.has_code or spec.has_label, "code": spec.has_code, "name": spec.has_label}[role]
    return fits and role not in side.heads


def _starts(schema: list[GroupSchema]) -> tuple[list[int], int]:
    """First column of each side, and the table's width."""
    starts, col = [], 0
    for spec in schema:
        starts.append(col)
        col += spec.width
    return starts, col


def _place_side(side: Side, spec: GroupSchema, start: int, top: int) -> list[Placed] | None:
    """Name/code heads at their columns and levels, figure heads by their tree."""
    if side.figures and spec.has_label and not {"area", "name"} & side.heads.keys():
        return None  # figure heads but no head over the names: not a header this reads
    placed: list[Placed] = []
    area = side.heads.get("area")
    under = top + int(area is not None)
    if area is not None:
        placed.append(Placed(area, top, start))
    if "code" in side.heads:
        placed.append(Placed(side.heads["code"], under, start))
    if "name" in side.heads:
        placed.append(Placed(side.heads["name"], under, start + spec.code_cols * spec.has_code))
    level_row = under + int("code" in side.heads or "name" in side.heads)
    levels = sorted(side.levels, key=lambda cell: CODE_LEVELS.index(cell.text))  # pdfminer may print 款 类 项
    placed.extend(Placed(cell, level_row, start + rank) for rank, cell in enumerate(levels))
    if side.figures:
        tree = cells_to_tree(side.figures, side.slots)
        if tree is None:
            return None
        figures, _ = tree_to_placed(tree, top, start + spec.width - spec.slots)
        placed.extend(figures)
    return placed


def _rows(placed: list[Placed], n_cols: int) -> list[tuple[int, list[str]]] | None:
    """Header rows from the placed cells, None when two cells claim one position."""
    if not placed:
        return None
    depth = max(p.level for p in placed) + 1
    grid = [[""] * n_cols for _ in range(depth)]
    lines = [min((p.cell.lines[0] for p in placed if p.level == level), default=0) for level in range(depth)]
    for p in placed:
        if p.col >= n_cols or grid[p.level][p.col]:
            return None
        grid[p.level][p.col] = p.cell.text
    for level in range(1, depth):
        lines[level] = max(lines[level], lines[level - 1])
    return list(zip(lines, grid, strict=True))


def _flat_rows(lines: list[NumberedLine], schema: list[GroupSchema]) -> list[tuple[int, list[str]]] | None:
    """Each line with one word per column, or one per side, as a row; None if a line is neither."""
    starts, n_cols = _starts(schema)
    rows = []
    for line in lines:
        words = [fragment.text for fragment in line_to_fragments(line)]
        if len(words) == n_cols > 1:
            rows.append((line.number, words))
        elif len(words) == len(schema) > 1:
            cells = [""] * n_cols
            for start, word in zip(starts, words, strict=True):
                cells[start] = word
            rows.append((line.number, cells))
        else:
            return None
    return rows
