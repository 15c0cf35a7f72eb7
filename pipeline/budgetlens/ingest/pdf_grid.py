"""Ruling edges → rules → table regions → cell grids, for one PDF page.

pdfplumber's idea (snap, join, intersect), our code. Producers draw the same
rule many ways: Excel as two thin rectangles 0.5 pt apart, Word and ONLYOFFICE as
one short segment per cell side, WPS and Acrobat as one line per rule. So we snap
pieces that lie within `snap` points onto one position, join collinear pieces
across small gaps, and group rules that touch into regions, one table candidate
each. Inside a region every rule position is a grid line; where the rule between
two neighbouring grid cells is missing, they are one merged cell.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from budgetlens.document import BBox, TableMethod
from budgetlens.ingest.pdf_chars import Char, Edge


@dataclass(frozen=True, slots=True)
class TableSettings:
    """Tolerances in PDF points, checked at construction so a typo fails loudly."""

    snap: float = 3.0  # rules nearer than this are one rule (Excel's doubled rects are 0.5 pt apart)
    join: float = 3.0  # collinear pieces with gaps up to this are one rule (Word: one piece per cell)
    touch: float = 3.0  # a rule ending this near another one is connected to it
    min_band: float = 4.0  # grid lines nearer than this are one line: no text row is that thin
    sliver: float = 6.5  # an empty band thinner than this is padding (Word's white cell tiles), not a cell
    min_rule_share: float = 0.25  # rule-only tables: rule length / page width (underlines are shorter)
    min_rules: int = 3  # rule-only tables: top rule, rule under the header, bottom rule
    column_gap: float = 0.8  # alignment: a column gap is at least this × the median char size
    multi_column_share: float = 0.5  # alignment: share of text lines that must span ≥ 2 columns

    def __post_init__(self) -> None:
        for name in ("snap", "join", "touch", "min_band", "sliver", "min_rule_share", "column_gap"):
            if getattr(self, name) < 0:
                raise ValueError(f"TableSettings.{name} must be ≥ 0")
        if self.min_rules < 2 or not 0 < self.multi_column_share <= 1:
            raise ValueError("TableSettings: min_rules ≥ 2 and 0 < multi_column_share ≤ 1")


DEFAULT_SETTINGS = TableSettings()


@dataclass(slots=True)
class Rule:
    """A merged ruling line: `pos` is y for 'h' and x for 'v'; it runs from `start` to `end`."""

    orientation: str
    pos: float
    start: float
    end: float


@dataclass(slots=True)
class GridCell:
    """One (possibly merged) cell of a grid, before text is attached."""

    row: int
    col: int
    row_span: int
    col_span: int
    bbox: BBox
    text: str = ""
    lines: int = 0  # text lines in the cell: a frame row holds several


@dataclass(slots=True)
class Grid:
    """Grid lines and cells of one table candidate; `owner[i][j]` indexes `cells`."""

    xs: list[float]
    ys: list[float]
    cells: list[GridCell]
    owner: list[list[int]]
    method: TableMethod = "ruling"
    notes: list[str] = field(default_factory=list)

    @property
    def bbox(self) -> BBox:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    @classmethod
    def from_cells(cls, xs: list[float], ys: list[float], cells: list[GridCell], **kwargs: object) -> Grid:
        """A grid whose `owner` map is rebuilt from its cells' positions and spans."""
        cells = sorted(cells, key=lambda c: (c.row, c.col))
        owner = [[-1] * (len(xs) - 1) for _ in range(len(ys) - 1)]
        for k, c in enumerate(cells):
            for i in range(c.row, c.row + c.row_span):
                owner[i][c.col : c.col + c.col_span] = [k] * c.col_span
        return cls(xs=xs, ys=ys, cells=cells, owner=owner, **kwargs)  # type: ignore[arg-type]


def chain_clusters(values: list[float], tolerance: float) -> list[list[int]]:
    """Indices of sorted `values`, grouped where neighbours differ by at most `tolerance`."""
    groups: list[list[int]] = []
    for i, value in enumerate(values):
        if groups and value - values[groups[-1][-1]] <= tolerance:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def edges_to_rules(edges: Iterable[Edge], settings: TableSettings = DEFAULT_SETTINGS) -> list[Rule]:
    """Snap near-parallel pieces onto one position, then join collinear pieces."""
    pieces = [
        Rule("h", e.top, e.x0, e.x1) if e.orientation == "h" else Rule("v", e.x0, e.top, e.bottom)
        for e in edges
    ]
    rules: list[Rule] = []
    for orientation in ("h", "v"):
        same = sorted((p for p in pieces if p.orientation == orientation), key=lambda p: p.pos)
        for group in chain_clusters([p.pos for p in same], settings.snap):
            members = [same[i] for i in group]
            pos = sum(p.pos for p in members) / len(members)
            rules.extend(_join_collinear(members, orientation, pos, settings.join))
    return rules


def _join_collinear(pieces: list[Rule], orientation: str, pos: float, gap: float) -> list[Rule]:
    joined: list[Rule] = []
    for piece in sorted(pieces, key=lambda p: p.start):
        if joined and piece.start <= joined[-1].end + gap:
            joined[-1].end = max(joined[-1].end, piece.end)
        else:
            joined.append(Rule(orientation, pos, piece.start, piece.end))
    return joined


def rules_to_regions(rules: list[Rule], touch: float) -> list[list[Rule]]:
    """Rules that cross or touch, grouped (union-find); each group is one table candidate."""
    hs = sorted((r for r in rules if r.orientation == "h"), key=lambda r: r.pos)
    vs = [r for r in rules if r.orientation == "v"]
    h_pos = [r.pos for r in hs]
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for k, v in enumerate(vs, start=len(hs)):
        for i in range(bisect_left(h_pos, v.start - touch), bisect_right(h_pos, v.end + touch)):
            if hs[i].start - touch <= v.pos <= hs[i].end + touch:
                parent[find(i)] = find(k)
    groups: dict[int, list[Rule]] = {}
    for i, rule in enumerate(hs + vs):
        groups.setdefault(find(i), []).append(rule)
    return list(groups.values())


def grid_lines(positions: list[float], min_band: float) -> list[float]:
    """Distinct grid line positions: positions nearer than `min_band` collapse to their mean."""
    ordered = sorted(positions)
    return [
        sum(ordered[i] for i in group) / len(group) for group in chain_clusters(ordered, min_band)
    ]


def region_to_grid(region: list[Rule], chars: list[Char], settings: TableSettings = DEFAULT_SETTINGS) -> Grid:
    """Grid lines at every rule position; a missing stretch of rule merges two grid cells."""
    hs = [r for r in region if r.orientation == "h"]
    vs = [r for r in region if r.orientation == "v"]
    left = min([r.start for r in hs] + [r.pos for r in vs])
    right = max([r.end for r in hs] + [r.pos for r in vs])
    top = min([r.pos for r in hs] + [r.start for r in vs])
    bottom = max([r.pos for r in hs] + [r.end for r in vs])
    inside = [c for c in chars if left <= c.x0 and c.x1 <= right and top <= c.top and c.bottom <= bottom]
    xs = collapse_slivers(
        grid_lines([r.pos for r in vs] + [left, right], settings.min_band),
        sorted((c.x0 + c.x1) / 2 for c in inside), settings.sliver,
    )
    ys = collapse_slivers(
        grid_lines([r.pos for r in hs] + [top, bottom], settings.min_band),
        sorted((c.top + c.bottom) / 2 for c in inside), settings.sliver,
    )
    v_at = _rules_by_line(vs, xs)
    h_at = _rules_by_line(hs, ys)

    def open_right(i: int, j: int) -> bool:
        return not _covered(v_at[j + 1], ys[i], ys[i + 1], settings.touch)

    def open_below(i: int, j: int) -> bool:
        return not _covered(h_at[i + 1], xs[j], xs[j + 1], settings.touch)

    return merge_grid(xs, ys, open_right, open_below)


def collapse_slivers(lines: list[float], centres: list[float], sliver: float) -> list[float]:
    """Runs of grid lines with only thin, empty bands between them become their median line.

    Word fills each cell with white tiles (a padding strip on each side, then the text
    area); their edges look like rules 5 pt inside every real one.
    """
    runs: list[list[float]] = [[lines[0]]]
    for a, b in pairwise(lines):
        empty = bisect_right(centres, b) == bisect_left(centres, a)
        if b - a < sliver and empty:
            runs[-1].append(b)
        else:
            runs.append([b])
    return [run[len(run) // 2] if len(run) % 2 else (run[len(run) // 2 - 1] + run[len(run) // 2]) / 2
            for run in runs]


def _rules_by_line(rules: list[Rule], lines: list[float]) -> list[list[Rule]]:
    """Each rule filed under the grid line nearest to it."""
    at: list[list[Rule]] = [[] for _ in lines]
    for rule in rules:
        k = bisect_left(lines, rule.pos)
        nearest = min((j for j in (k - 1, k) if 0 <= j < len(lines)), key=lambda j: abs(lines[j] - rule.pos))
        at[nearest].append(rule)
    return at


def _covered(rules: list[Rule], lo: float, hi: float, touch: float) -> bool:
    slack = min(touch, (hi - lo) / 4)
    return any(r.start <= lo + slack and r.end >= hi - slack for r in rules)


Opening = Callable[[int, int], bool]  # (row, col) → no rule on that side of the grid cell


def merge_grid(xs: list[float], ys: list[float], open_right: Opening, open_below: Opening) -> Grid:
    """Grid cells joined where the callbacks say no rule separates them; merged cells are rectangles."""
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    label = [[i * n_cols + j for j in range(n_cols)] for i in range(n_rows)]
    parent = list(range(n_rows * n_cols))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i in range(n_rows):
        for j in range(n_cols):
            if j + 1 < n_cols and open_right(i, j):
                parent[find(label[i][j + 1])] = find(label[i][j])
            if i + 1 < n_rows and open_below(i, j):
                parent[find(label[i + 1][j])] = find(label[i][j])
    return _grid_from_labels(xs, ys, [[find(k) for k in row] for row in label])


def _grid_from_labels(xs: list[float], ys: list[float], roots: list[list[int]]) -> Grid:
    """One cell per label, spanning the rectangle its grid cells cover (top-left first)."""
    roots = _rectangular(roots)
    boxes: dict[int, list[int]] = {}
    for i, row in enumerate(roots):
        for j, root in enumerate(row):
            box = boxes.setdefault(root, [i, j, i, j])
            box[2], box[3] = max(box[2], i), max(box[3], j)
    order = sorted(boxes, key=lambda root: (boxes[root][0], boxes[root][1]))
    index = {root: k for k, root in enumerate(order)}
    cells = [
        GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1]))
        for r0, c0, r1, c1 in (boxes[root] for root in order)
    ]
    owner = [[index[root] for root in row] for row in roots]
    return Grid(xs=xs, ys=ys, cells=cells, owner=owner)


def _rectangular(roots: list[list[int]]) -> list[list[int]]:
    """Labels whose grid cells do not fill a rectangle (an L of missing rules) are cut into
    one label per row run, so no two cells overlap."""
    area: dict[int, list[int]] = {}
    for i, row in enumerate(roots):
        for j, root in enumerate(row):
            r0, c0, _, c1, n = area.setdefault(root, [i, j, i, j, 0])
            area[root] = [r0, min(c0, j), i, max(c1, j), n + 1]
    ragged = {root for root, (r0, c0, r1, c1, n) in area.items() if n != (r1 - r0 + 1) * (c1 - c0 + 1)}
    if not ragged:
        return roots
    width = len(roots[0])
    fresh = [[root if root not in ragged else -1 for root in row] for row in roots]
    for i, row in enumerate(roots):
        for j, root in enumerate(row):
            if root in ragged:
                same_run = j > 0 and row[j - 1] == root
                fresh[i][j] = fresh[i][j - 1] if same_run else -(i * width + j) - 2
    return fresh
