"""Reader grids → document tables: title, code, unit, header rows, values, footnotes.

Readers only know cells. What a table *is* comes from the lines around it: the
title above ("2024年度收入决算表"), the form code ("公开02表"), the unit line
("单位：万元"), the notes below ("注：…", "27行=（1+…）行"). Converter text often
puts those lines inside the grid as one-cell rows; they are pulled out here too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from budgetlens.document import Cell, Table
from budgetlens.ingest.base import RawCell, RawTable
from budgetlens.numbers import is_blank_mark, normalize_width, parse_number

UNIT = re.compile(r"(?:金额)?单位\s*[:：]\s*(?:人民币)?\s*(亿元|万元|千元|元)")
UNIT_IN_HEADER = re.compile(r"[（(]\s*(亿元|万元|千元|元)\s*[）)]")
CODE = re.compile(r"((?:公开|预算|决算|部门|单位)?\s*\d{1,2}\s*-?\s*\d{0,2}\s*表|表\s*\d{1,2}(?:-\d{1,2})?)")
TITLE_WORDS = ("表", "情况", "明细", "汇总")
NOT_VALUE_HEADERS = ("编码", "代码", "科目代码", "行次", "栏次", "序号", "项目代码", "编号")
FUNCTION_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
TOTAL_LABELS = ("合计", "总计", "本年收入合计", "本年支出合计")
FORMULA = re.compile(r"\d+\s*[行栏].*=|=.*[行栏]")
MAX_CAPTION_CHARS = 60
SECTION_NUMBER = re.compile(r"^第[一二三四五六七八九十\d]+部分")  # "第五部分 预算公开报表" heads a part, not a table


@dataclass(slots=True)
class Caption:
    """What the lines around a table say about it."""

    title: str | None = None
    code: str | None = None
    unit: str | None = None
    unit_evidence: str | None = None


def read_caption_line(text: str, caption: Caption) -> bool:
    """Take title/code/unit from one caption line into `caption` (first found wins); True if it is one."""
    compact = normalize_width(re.sub(r"\s+", "", text))
    if not compact or len(compact) > MAX_CAPTION_CHARS or compact[-1] in "。；" or SECTION_NUMBER.match(compact):
        return False
    found = False
    if unit := UNIT.search(compact):
        found = True
        if caption.unit is None:
            caption.unit, caption.unit_evidence = unit.group(1), text.strip()
    if (code := CODE.search(compact)) and len(code.group(1)) <= 8:
        found = True
        caption.code = caption.code or code.group(1)
    rest = UNIT.sub("", CODE.sub("", compact)).strip("：:")
    rest = re.sub(r"^(部门|单位|编制单位|预算单位)[:：].*$", "", rest)
    if rest and any(word in rest for word in TITLE_WORDS):
        found = True
        caption.title = caption.title or rest
    return found or compact.startswith(("部门：", "部门:", "编制单位", "预算单位"))


def merge_captions(inner: Caption, outer: Caption) -> Caption:
    """Caption rows inside the grid are the table's own; lines above only fill what they lack."""
    return Caption(title=inner.title or outer.title, code=inner.code or outer.code,
                   unit=inner.unit or outer.unit, unit_evidence=inner.unit_evidence or outer.unit_evidence)


def cells_to_grid(raw: RawTable) -> list[list[Cell]]:
    """Rectangular grid; positions covered by a merged cell are empty cells."""
    grid = [[Cell(row=r, col=c, text="", blank=True) for c in range(raw.n_cols)] for r in range(raw.n_rows)]
    for rc in raw.cells:
        if rc.row < raw.n_rows and rc.col < raw.n_cols:
            grid[rc.row][rc.col] = _cell(rc)
    return grid


def _cell(rc: RawCell) -> Cell:
    text = " ".join(rc.text.split())
    return Cell(
        row=rc.row, col=rc.col, text=text, blank=is_blank_mark(text),
        row_span=rc.row_span, col_span=rc.col_span, page=rc.page, bbox=rc.bbox,
        checkboxes=list(rc.checkboxes),
    )


def pull_caption_rows(grid: list[list[Cell]], caption: Caption) -> list[list[Cell]]:
    """Leading one- or two-cell rows that are title/code/unit lines leave the grid."""
    while grid:
        texts = [c.text for c in grid[0] if c.text]
        if not texts or len(texts) > 2 or not all(read_caption_line(t, caption) for t in texts):
            break
        grid = grid[1:]
    return grid


def pull_footnote_rows(grid: list[list[Cell]], footnotes: list[str]) -> list[list[Cell]]:
    """Trailing one-cell rows that are notes ("注：…") leave the grid."""
    while grid:
        texts = [c.text for c in grid[-1] if c.text]
        if len(texts) != 1 or not (texts[0].startswith(("注", "备注", "说明")) or FORMULA.search(texts[0])):
            break
        footnotes.insert(0, texts[0])
        grid = grid[:-1]
    return grid


def renumber(grid: list[list[Cell]]) -> list[list[Cell]]:
    for r, row in enumerate(grid):
        for cell in row:
            cell.row = r
    return grid


def count_header_rows(grid: Sequence[Sequence[Cell]]) -> int:
    """Rows before the first row that carries data (a decimal figure, a code or a total label)."""
    for r, row in enumerate(grid):
        first = next((c.text for c in row if c.text), "")
        if first.replace(" ", "") in ("栏次", "栏 次"):
            continue
        if FUNCTION_CODE.match(first) or first.replace(" ", "") in TOTAL_LABELS:
            return r
        if any("." in c.text and parse_number(c.text) is not None for c in row):
            return r
    return min(1, len(grid))


def label_columns(grid: Sequence[Sequence[Cell]], header_rows: int) -> set[int]:
    """Columns that hold codes, row numbers or labels: their digits are not amounts."""
    skip: set[int] = set()
    for row in grid[:header_rows]:
        for cell in row:
            if any(word in cell.text.replace(" ", "") for word in NOT_VALUE_HEADERS):
                skip.update(range(cell.col, cell.col + cell.col_span))
    for col in range(len(grid[0]) if grid else 0):
        body = [row[col].text for row in grid[header_rows:] if row[col].text]
        if body and all(FUNCTION_CODE.match(t) for t in body):
            skip.add(col)
    return skip


def set_values(grid: list[list[Cell]], header_rows: int) -> None:
    skip = label_columns(grid, header_rows)
    for row in grid[header_rows:]:
        for cell in row:
            if cell.col not in skip and not cell.blank:
                cell.value = parse_number(cell.text)


def unit_from_header(grid: Sequence[Sequence[Cell]], header_rows: int) -> tuple[str, str] | None:
    for row in grid[:header_rows]:
        for cell in row:
            match = UNIT_IN_HEADER.search(normalize_width(cell.text))
            if match:
                return match.group(1), cell.text
    return None


def finish_table(raw: RawTable, table_id: str, outer: Caption, footnotes: list[str]) -> Table:
    inner = Caption()
    full = cells_to_grid(raw)
    grid = pull_caption_rows(full, inner)
    top = len(full) - len(grid)  # caption rows pulled from the top: row_lines stay aligned with the rows
    grid = pull_footnote_rows(grid, footnotes)
    caption = merge_captions(inner, outer)
    grid = renumber(grid)
    header_rows = count_header_rows(grid)
    set_values(grid, header_rows)
    notes = list(raw.notes)
    if caption.unit is None and (found := unit_from_header(grid, header_rows)):
        caption.unit, caption.unit_evidence = found
    if caption.unit is None:
        notes.append("未找到计量单位（no unit line found）")
    pages = sorted({c.page for row in grid for c in row if c.page is not None} or
                   ({raw.page} if raw.page is not None else set()))
    return Table(
        id=table_id, title=caption.title, code=caption.code, unit=caption.unit,
        unit_evidence=caption.unit_evidence, pages=pages, n_rows=len(grid),
        n_cols=len(grid[0]) if grid else 0, header_rows=header_rows, rows=grid,
        column_roles=[None] * (len(grid[0]) if grid else 0), footnotes=footnotes,
        method=raw.method, notes=notes, row_lines=list(raw.row_lines[top:top + len(grid)]),
    )
