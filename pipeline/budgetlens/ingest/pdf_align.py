"""Columns and rows from where the words stand, for tables whose vertical rules are missing.

Word tables often carry horizontal rules only (a "three-line" table), and some boxes
have rules between rows but none between columns. There the columns are the vertical
strips of white space that (almost) every text line leaves empty, and the rows are the
text lines, except that a line continues the row above when it only carries on
wrapped text ("机关事业单位基本养老" / "保险缴费").
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise
from statistics import median

from budgetlens.document import BBox
from budgetlens.ingest.layout import Word, cluster_rows
from budgetlens.ingest.pdf_cells import words_to_cell_text
from budgetlens.ingest.pdf_grid import Grid, GridCell, Rule, TableSettings
from budgetlens.numbers import parse_number

# A band between two rules holding at most this many lines and no clash is one wrapped row.
MAX_WRAPPED_LINES = 3
# Words wider than this share of the table are a title or note across it: not column evidence.
WIDE_WORD_SHARE = 0.6


def rule_only_regions(
    regions: list[list[Rule]], page_width: float, settings: TableSettings
) -> list[tuple[BBox, list[float]]]:
    """Stacks of long horizontal rules that touch no vertical rule, with equal left and right
    ends: a table drawn with horizontal rules only. Short rules (underlined figures) never count."""
    lone = sorted(
        (region[0] for region in regions
         if len(region) == 1 and region[0].orientation == "h"
         and region[0].end - region[0].start >= settings.min_rule_share * page_width),
        key=lambda r: r.pos,
    )
    stacks: list[list[Rule]] = []
    reach = 3 * settings.snap
    for rule in lone:
        last = stacks[-1][-1] if stacks else None
        if last and abs(last.start - rule.start) <= reach and abs(last.end - rule.end) <= reach:
            stacks[-1].append(rule)
        else:
            stacks.append([rule])
    return [
        ((min(r.start for r in s), s[0].pos, max(r.end for r in s), s[-1].pos), [r.pos for r in s])
        for s in stacks if len(s) >= settings.min_rules
    ]


def align_region(bbox: BBox, words: list[Word], ys: list[float], settings: TableSettings) -> Grid | None:
    """An alignment grid for the words inside `bbox`, with rules at `ys`; None if not a table."""
    x0, top, x1, bottom = bbox
    inside = [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom]
    if not inside:
        return None
    size = median(w.size for w in inside)
    lines = cluster_rows(inside)
    xs = [x0, *column_separators(lines, x0, x1, settings.column_gap * size), x1]
    if len(xs) < 3:
        return None
    spread = [len({_column(xs, (w.x0 + w.x1) / 2) for w in line}) for line in lines]
    if sum(n >= 2 for n in spread) < settings.multi_column_share * len(lines):
        return None
    rows = lines_to_rows(lines, ys or [top, bottom], xs, size)
    grid = rows_to_grid(rows, xs, _row_lines(rows, ys, top, bottom), size)
    grid.notes.append("columns from word alignment (no vertical rules)")
    return grid


def column_separators(lines: list[list[Word]], x0: float, x1: float, min_gap: float) -> list[float]:
    """Middles of the vertical strips that at most a tenth of the lines cross."""
    allowed = len(lines) // 10
    events: list[tuple[float, int]] = []
    for line in lines:
        for w in line:
            if w.x1 - w.x0 < WIDE_WORD_SHARE * (x1 - x0):
                events += [(w.x0, 1), (w.x1, -1)]
    events.sort()
    separators: list[float] = []
    depth, gap_start = 0, None  # None: still in the left margin
    for x, step in events:
        if depth <= allowed < depth + step and gap_start is not None and x - gap_start >= min_gap:
            separators.append((gap_start + x) / 2)
        depth += step
        if depth <= allowed < depth - step:
            gap_start = x
    return separators


def _column(xs: list[float], x: float) -> int:
    return min(max(bisect_right(xs, x) - 1, 0), len(xs) - 2)


def _word_columns(xs: list[float], word: Word, size: float) -> tuple[int, int]:
    """First and last column a word really enters (a quarter char of overlap is noise)."""
    inset = min(size / 4, (word.x1 - word.x0) / 2)
    return _column(xs, word.x0 + inset), _column(xs, word.x1 - inset)


def lines_to_rows(lines: list[list[Word]], ys: list[float], xs: list[float], size: float) -> list[list[Word]]:
    """Text lines grouped into table rows; a rule always ends a row."""
    rows: list[list[Word]] = []
    bands: dict[int, list[list[Word]]] = {}
    for line in lines:
        centre = sum((w.top + w.bottom) / 2 for w in line) / len(line)
        bands.setdefault(bisect_right(ys, centre), []).append(line)
    for band in (bands[k] for k in sorted(bands)):
        if len(band) <= MAX_WRAPPED_LINES and not _numbers_clash(band, xs, size):
            rows.append([w for line in band for w in line])
        else:
            rows.extend(_split_band(band, xs, size))
    return rows


def _numbers_clash(band: list[list[Word]], xs: list[float], size: float) -> bool:
    """Two lines with a figure in the same column: two rows whose rule is missing."""
    seen: set[int] = set()
    for line in band:
        cols = {_word_columns(xs, w, size)[0] for w in line if parse_number(w.text) is not None}
        if cols & seen:
            return True
        seen |= cols
    return False


def _split_band(band: list[list[Word]], xs: list[float], size: float) -> list[list[Word]]:
    """Each line starts a row unless it only carries on text that filled its column above."""
    right_edge: dict[int, float] = {}
    for line in band:
        for w in line:
            col = _word_columns(xs, w, size)[0]
            right_edge[col] = max(right_edge.get(col, w.x1), w.x1)
    rows: list[list[Word]] = []
    last: dict[int, Word] = {}  # the current row's last word per column
    for line in band:
        if rows and _continues(line, last, right_edge, xs, size):
            rows[-1].extend(line)
        else:
            rows.append(list(line))
            last = {}
        for w in line:
            last[_word_columns(xs, w, size)[0]] = w
    return rows


def _continues(line: list[Word], last: dict[int, Word], right_edge: dict[int, float],
               xs: list[float], size: float) -> bool:
    """Wrapped text: every column the line shares with the row was filled to its right edge above,
    and the line adds no figure there."""
    shared = [(w, _word_columns(xs, w, size)[0]) for w in line]
    shared = [(w, col) for w, col in shared if col in last]
    return bool(shared) and all(
        parse_number(w.text) is None and last[col].x1 >= right_edge[col] - 1.5 * size for w, col in shared
    )


def _row_lines(rows: list[list[Word]], ys: list[float], top: float, bottom: float) -> list[float]:
    """Row boundaries: a rule between two rows if there is one, else the middle of the gap."""
    lines = [top]
    for above, below in pairwise(rows):
        low = max(w.bottom for w in above)
        high = min(w.top for w in below)
        between = [y for y in ys if low - 1 <= y <= high + 1]
        lines.append(between[0] if between else (low + high) / 2)
    lines.append(bottom)
    return lines


def rows_to_grid(rows: list[list[Word]], xs: list[float], ys: list[float], size: float) -> Grid:
    """Cells per row: a word across several columns makes one merged cell; empty ones stay blank."""
    cells: list[GridCell] = []
    owner: list[list[int]] = []
    for i, row in enumerate(rows):
        spans = _row_spans(row, xs, size)
        owner.append([0] * (len(xs) - 1))
        for first, last_col, members in spans:
            for j in range(first, last_col + 1):
                owner[i][j] = len(cells)
            text, n_lines = words_to_cell_text(members)
            bbox = (xs[first], ys[i], xs[last_col + 1], ys[i + 1])
            cells.append(GridCell(i, first, 1, last_col - first + 1, bbox, text, n_lines))
    return Grid(xs=list(xs), ys=ys, cells=cells, owner=owner, method="alignment")


def _row_spans(row: list[Word], xs: list[float], size: float) -> list[tuple[int, int, list[Word]]]:
    """(first col, last col, words) per cell of one row, covering every column."""
    ranges = sorted(((*_word_columns(xs, w, size), w) for w in row), key=lambda r: (r[0], r[1]))
    spans: list[tuple[int, int, list[Word]]] = []
    for first, last, word in ranges:
        if spans and first <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], last), [*spans[-1][2], word])
        else:
            spans.append((first, last, [word]))
    covered = {j for first, last, _ in spans for j in range(first, last + 1)}
    spans += [(j, j, []) for j in range(len(xs) - 1) if j not in covered]
    return sorted(spans, key=lambda s: s[0])
