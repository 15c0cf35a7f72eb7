"""Tab-separated and Markdown pipe tables in converter text: find the runs, build the grids.

A converter writes one table row per line, cells separated by tabs ("tsv") or by
"|" (Markdown, "pipe"). Title and unit rows inside such a run ("预算01表\t\t2024年收支
预算总表", "\t\t单位：万元") stay rows: the structure stage decides what they are.
Converters also leave a blank line inside a table (where the PDF had a page break
or a tall cell), so one blank line does not end a TSV table, unless the next row is
plainly the title of another table ("预算10表\t\t\t", "年度绩效目标表\t\t\t").
Ragged rows are padded to the table width; a right-hand column empty in every row
(a converter's trailing tab) is dropped. Cells keep their text as printed, HTML
fragments turned into text and tick boxes (html_fragments).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from budgetlens.ingest.base import RawCell, RawTable
from budgetlens.ingest.html_fragments import fragment_to_content

MAX_BLANK_GAP = 1  # blank lines a TSV table may hold; the seeds never have more than one
TABLE_CODE = re.compile(r"^(?:公开|预算|决算|部门|附)?\s*\d{1,2}\s*-?\s*\d{0,2}\s*表$")
TITLE_MAX_CHARS = 40
PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
RULE_CELL = re.compile(r"^:?-+:?$")

BlockKind = Literal["tsv", "pipe", "text"]


@dataclass(slots=True)
class NumberedLine:
    number: int  # 1-based line number in the file
    text: str


@dataclass(slots=True)
class Block:
    kind: BlockKind
    lines: list[NumberedLine] = field(default_factory=list)


def lines_to_blocks(lines: list[NumberedLine]) -> list[Block]:
    """Split a page's lines into TSV runs, pipe runs and text runs (blank lines dropped)."""
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        kind = line_kind(lines[i].text)
        end = _run_end(lines, i, kind)
        rows = [line for line in lines[i:end] if line.text.strip()]
        if kind == "pipe" and len(rows) < 2:
            kind = "text"  # one "|a|b|" line is text, not a table
        if rows:
            if blocks and blocks[-1].kind == kind == "text":
                blocks[-1].lines.extend(rows)
            else:
                blocks.append(Block(kind, rows))
        i = max(end, i + 1)
    return blocks


def line_kind(text: str) -> BlockKind:
    if "\t" in text and text.strip():
        return "tsv"
    stripped = text.strip()
    return "pipe" if stripped.startswith("|") and stripped.count("|") >= 2 else "text"


def _run_end(lines: list[NumberedLine], start: int, kind: BlockKind) -> int:
    end = start + 1
    while end < len(lines):
        if line_kind(lines[end].text) == kind and (kind != "text" or lines[end].text.strip()):
            end += 1
            continue
        if kind == "text":
            if lines[end].text.strip():
                break
            end += 1  # blank lines belong to the text run
            continue
        gap = _blank_gap(lines, end)
        if kind == "tsv" and gap <= MAX_BLANK_GAP and _continues_tsv(lines, end + gap):
            end += gap
            continue
        break
    return end


def _blank_gap(lines: list[NumberedLine], start: int) -> int:
    gap = 0
    while start + gap < len(lines) and not lines[start + gap].text.strip():
        gap += 1
    return gap


def _continues_tsv(lines: list[NumberedLine], index: int) -> bool:
    return (index < len(lines) and line_kind(lines[index].text) == "tsv"
            and not is_title_row(lines[index].text.split("\t")))


def is_title_row(cells: list[str]) -> bool:
    """A row that opens a new table: a table code ("预算09表") or a lone "…表" title."""
    filled = [fragment_to_content(cell).text for cell in cells if cell.strip()]
    if not filled:
        return False
    if TABLE_CODE.match(filled[0].replace(" ", "")):
        return True
    return len(filled) == 1 and filled[0].endswith("表") and len(filled[0]) <= TITLE_MAX_CHARS


def tsv_block_to_table(block: Block, page: int | None) -> RawTable:
    rows = [line.text.split("\t") for line in block.lines]
    return rows_to_table(rows, [line.number for line in block.lines], "tsv", page)


def pipe_block_to_table(block: Block, page: int | None) -> RawTable:
    kept = [line for line in block.lines if not PIPE_SEPARATOR.match(line.text)]
    rows = [split_pipe_row(line.text) for line in kept]
    return rows_to_table(rows, [line.number for line in kept], "pipe", page)


def split_pipe_row(text: str) -> list[str]:
    """Cells of "| a | b |", an escaped "\\|" staying inside its cell."""
    body = text.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return [cell.replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", body)]


def rows_to_table(rows: list[list[str]], row_lines: list[int], method: str, page: int | None) -> RawTable:
    """Rows of raw cell strings → RawTable: rule rows dropped, padded, empty right columns trimmed."""
    keep = [i for i, row in enumerate(rows) if not _is_rule_row(row)]
    rows, row_lines = [rows[i] for i in keep], [row_lines[i] for i in keep]
    width = max((len(row) for row in rows), default=0)
    contents = [[fragment_to_content(cell) for cell in row + [""] * (width - len(row))] for row in rows]
    while width > 1 and all(not row[width - 1].text for row in contents):
        width -= 1
    cells = [
        RawCell(row=r, col=c, text=content.text, page=page, checkboxes=content.checkboxes)
        for r, row in enumerate(contents)
        for c, content in enumerate(row[:width])
    ]
    return RawTable(cells=cells, n_rows=len(rows), n_cols=width, method=method,  # type: ignore[arg-type]
                    page=page, first_line=row_lines[0] if row_lines else 0, row_lines=row_lines)


def _is_rule_row(row: list[str]) -> bool:
    """A Markdown rule left inside a TSV run ("-----\t---"): layout, not data."""
    filled = [cell.strip() for cell in row if cell.strip()]
    return (bool(filled) and all(RULE_CELL.match(cell) for cell in filled)
            and any(cell.count("-") >= 3 for cell in filled))
