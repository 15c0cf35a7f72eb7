"""Header lines of a space-separated table → header cells, wrapped lines joined.

pdfminer prints a header cell one text line per line: a narrow cell wraps
("一般公共" / "预算财政" / "拨款"), a vertical one prints a character per line
("上" / "级" / "补" …). Within a line, words are separate cells ("收入 支出",
"项 目 行次 决算数"); a letter-spaced word is one word ("项 目" → "项目"), except the
code sub-column heads ("类 款 项"), which are cells of their own.
A line continues the cell above when both stand alone on their lines, the cell's
lines so far are all as long as its first (only a wrap's last line is short) and
the new line is no longer, and
  - they touch (no blank line between: pdfminer printed them as one box), or
  - the width is narrow (WRAP_MAX_CHARS) and the blank lines between them are as
    many as between the cell's own lines: boxes of one line each, as some
    producers print every wrapped line.
Words that are whole cells by themselves (小计, 合计, 行次 …) start a cell and
continue one only when touching it; letter-spaced words are printed whole, and so
is a head ending as a name/code head does ("单位名称", "…编码") unless the next
line touches it; "…项目" does not continue a wrap across a blank line.
Each cell has a role (cell_role): the head of the names or codes, a code level
(类/款/项), a figure-column head, or a row label that is no head at all (numbered
"一、…", "1.…").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal

from budgetlens.ingest.text_tables import NumberedLine

Role = Literal["area", "code", "name", "level", "figure", "row"]
ENUMERATED = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）])")  # a row label
AREA_ENDINGS = ("项目",)  # 项目, 收入项目, 支出项目
CODE_ENDINGS = ("编码", "代码")
NAME_ENDINGS = ("名称", "科目")  # 科目名称, 项目名称, 功能分类科目
CODE_LEVELS = "类款项"  # code sub-columns of 功能分类科目编码, in their printed order left to right
COMPLETE_ENDINGS = ("名称", "编码", "代码")  # a head ending so is whole unless the next line touches it
WHOLE_CELLS = frozenset({"小计", "合计", "总计", "行次", "栏次", "金额", "预算数", "决算数"})
WRAP_MAX_CHARS = 5  # a head wraps in a narrow figure column (seed 001: 1–4 characters a line); wider is whole
WRAP_MAX_GAP = 2  # lines between two lines of one wrapped cell (pdfminer prints a blank line between boxes)


@dataclass(slots=True)
class Fragment:
    text: str
    line: int  # file line number
    alone: bool  # the only word of its line
    spaced: bool  # printed letter-spaced ("项 目")


@dataclass(slots=True)
class HeaderCell:
    """One header cell in reading order, with the lines it was read from."""

    text: str
    lines: list[int] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # its printed lines
    closed: bool = False  # cannot take another line (several words on its line, spaced, whole word)
    guessed: bool = False  # joined across a blank line by its width: likely, not certain


def cell_role(text: str) -> Role:
    if ENUMERATED.match(text):
        return "row"
    if text.endswith(AREA_ENDINGS):
        return "area"
    if text.endswith(CODE_ENDINGS):
        return "code"
    if text.endswith(NAME_ENDINGS):
        return "name"
    return "level" if len(text) == 1 and text in CODE_LEVELS else "figure"


def line_to_fragments(line: NumberedLine) -> list[Fragment]:
    """Words of a header line: runs of single CJK characters joined, 类/款/项 runs kept apart."""
    words: list[tuple[str, bool]] = []
    run: list[str] = []
    for token in [*line.text.split(), ""]:
        if len(token) == 1 and "\u4e00" <= token <= "\u9fff":
            run.append(token)
            continue
        words.extend(_run_words(run))
        run = []
        if token:
            words.append((token, False))
    return [Fragment(text, line.number, len(words) == 1, spaced) for text, spaced in words]


def _run_words(run: list[str]) -> list[tuple[str, bool]]:
    if len(run) > 1 and all(ch in CODE_LEVELS for ch in run):
        return [(ch, False) for ch in run]
    return [("".join(run), len(run) > 1)] if run else []


def lines_to_cells(lines: list[NumberedLine]) -> list[HeaderCell]:
    """Header cells in reading order (pdfminer's: row by row, left to right)."""
    cells: list[HeaderCell] = []
    for line in lines:
        for fragment in line_to_fragments(line):
            if cells and continues(cells[-1], fragment):
                cell = cells[-1]
                cell.text += fragment.text
                cell.guessed |= fragment.line - cell.lines[-1] > 1
                cell.lines.append(fragment.line)
                cell.parts.append(fragment.text)
                cell.closed = cell.text in WHOLE_CELLS
            else:
                closed = not fragment.alone or fragment.spaced or fragment.text in WHOLE_CELLS
                cells.append(HeaderCell(fragment.text, [fragment.line], [fragment.text], closed))
    return cells


def continues(cell: HeaderCell, fragment: Fragment) -> bool:
    """Whether `fragment` is the next printed line of `cell` (see the module docstring)."""
    if cell.closed or not fragment.alone or fragment.spaced:
        return False
    width = len(cell.parts[0])
    if len(fragment.text) > width or any(len(part) != width for part in cell.parts):
        return False  # only the last line of a wrapped cell is short
    gap = fragment.line - cell.lines[-1]
    if gap == 1:
        return True  # one pdfminer box
    previous_gaps = {b - a for a, b in pairwise(cell.lines)}
    return (fragment.text not in WHOLE_CELLS and cell_role(fragment.text) != "area"
            and not cell.text.endswith(COMPLETE_ENDINGS) and width <= WRAP_MAX_CHARS
            and gap <= WRAP_MAX_GAP and previous_gaps <= {gap})
