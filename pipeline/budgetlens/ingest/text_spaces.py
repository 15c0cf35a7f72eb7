"""Tables printed with spaces in pdfminer-style text: find the regions, hand them to the grid builder.

Each non-blank line is classed once:
  data   — a row: two or more tokens, at least one a figure, no sentence punctuation
           ("201 一般公共服务支出 1102.31 1102.31", "栏次 1 2 3 4 5 6 7");
  header — a short line with no figure (stacked header characters "上"/"级"/"补",
           "项 目 行次 决算数 …"), or a longer one made of short words only (a header row);
  anchor — what stands over a table: "公开01表", "部门：… 单位：万元";
  prose  — everything else (sentences, "注：…", titles with a year, headings).
A region is a run of data and header lines. Its leading header lines are the
header; a run of header lines inside it is a header repeated after a page break
(dropped, with a note) when it repeats the leading one, and otherwise starts a new
region. A region is a table when it has MIN_ROWS rows, or one row under an anchor
(an empty table prints only its 栏次 row). Blank lines carry nothing here:
pdfminer prints one after every line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from budgetlens.ingest.base import RawTable
from budgetlens.ingest.text_space_grid import (
    SPACE_NOTE,
    GroupSchema,
    build_schema,
    groups_to_cells,
    is_column_number_row,
    is_figure,
    row_to_groups,
    split_row_numbers,
    uses_codes,
    values_ambiguous,
)
from budgetlens.ingest.text_space_header import align_header
from budgetlens.ingest.text_tables import TABLE_CODE, NumberedLine, rows_to_table

LineKind = Literal["data", "header", "anchor", "prose"]

SENTENCE_MARKS = frozenset("，。；！？")
PROSE_STARTS = ("注", "#", "**", "<", "|", "- ")
# A figure followed by one of these is a quantity in a sentence ("500 万元", "12 人次"), not a cell.
UNIT_WORDS = ("万元", "亿元", "元", "人次", "次", "件", "篇", "辆", "名", "批次", "座")
YEAR = re.compile(r"^(?:19|20)\d\d$")
UNIT_LINE = re.compile(r"单位\s*[:：]\s*(?:万元|元|亿元|千元)")
ANCHOR_START = re.compile(r"^(?:部门|单位|编制单位|填报单位)\s*[:：]")
HEADER_MAX_CHARS = 24
HEADER_WORD_MAX_CHARS = 12  # "一般公共预算财政拨款收入": the longest head word met
HEADER_MIN_WORDS = 2
MIN_ROWS = 3
ANCHOR_LOOKBACK = 4  # lines above a region searched for "公开01表" / "单位：万元"
REPEAT_NOTE = ("第 {first}–{last} 行重复表头（换页）已略去"
               "（header repeated after a page break, lines {first}–{last}, skipped）")


@dataclass(slots=True)
class Region:
    header: list[NumberedLine] = field(default_factory=list)
    body: list[NumberedLine] = field(default_factory=list)  # data rows and lone label rows
    dropped: list[NumberedLine] = field(default_factory=list)  # repeated page headers
    anchored: bool = False
    n_data: int = 0

    @property
    def lines(self) -> list[NumberedLine]:
        return sorted(self.header + self.body + self.dropped, key=lambda line: line.number)


def classify_line(text: str) -> LineKind:
    stripped = text.strip()
    compact = stripped.replace(" ", "")
    if TABLE_CODE.match(compact) or UNIT_LINE.search(stripped) or ANCHOR_START.match(stripped):
        return "anchor"
    if stripped.startswith(PROSE_STARTS) or any(ch in SENTENCE_MARKS for ch in stripped):
        return "prose"
    tokens = stripped.split()
    figures = [is_figure(t) for t in tokens]
    if any(figures):
        if len(tokens) < 2 or _reads_as_sentence(tokens, figures):
            return "prose"
        return "data"
    return "header" if len(stripped) <= HEADER_MAX_CHARS or _is_word_row(tokens) else "prose"


def _is_word_row(tokens: list[str]) -> bool:
    """A long line of short words ("项目 预算数 项目 合计 一般公共预算 政府性基金预算 …"): one header row."""
    return len(tokens) >= HEADER_MIN_WORDS and all(len(token) <= HEADER_WORD_MAX_CHARS for token in tokens)


def _reads_as_sentence(tokens: list[str], figures: list[bool]) -> bool:
    """'2023 年度…' or '500 万元': a year or a quantity inside a wrapped sentence."""
    for i in range(len(tokens) - 1):
        if figures[i] and not figures[i + 1]:
            following = tokens[i + 1]
            if (YEAR.match(tokens[i]) and following.startswith("年")) or following.startswith(UNIT_WORDS):
                return True
    return False


def lines_to_segments(lines: list[NumberedLine], page: int | None) -> list[NumberedLine | RawTable]:
    """Non-blank lines of a text run → the same lines, with table regions replaced by tables."""
    kinds = [classify_line(line.text) for line in lines]
    out: list[NumberedLine | RawTable] = []
    position = 0
    for first, end, regions in find_regions(kinds):
        out.extend(lines[position:first])
        for region in _fill(regions, lines, kinds):
            out.extend(region_to_segments(region, page))
        position = end
    out.extend(lines[position:])
    return out


def find_regions(kinds: list[LineKind]) -> list[tuple[int, int, list[tuple[int, int, int]]]]:
    """(first, end, parts): each run of data/header lines, cut where an inner header run starts."""
    found = []
    i, previous_end = 0, 0
    while i < len(kinds):
        if kinds[i] != "data":
            i += 1
            continue
        start = header = i
        while header > previous_end and kinds[header - 1] == "header":
            header -= 1
        end = last = i
        while end < len(kinds) and kinds[end] in ("data", "header"):
            last = end if kinds[end] == "data" else last
            end += 1
        found.append((header, last + 1, [(header, start, last + 1)]))
        i = previous_end = last + 1
    return found


def _fill(spans: list[tuple[int, int, int]], lines: list[NumberedLine], kinds: list[LineKind]) -> list[Region]:
    header_at, start, end = spans[0]
    anchored = any(kinds[j] == "anchor" for j in range(max(0, header_at - ANCHOR_LOOKBACK), header_at))
    regions = [Region(header=lines[header_at:start], anchored=anchored)]
    i = start
    while i < end:
        j = i
        while kinds[j] == "header":
            j += 1
        run, current = lines[i:j], regions[-1]
        if not run:
            current.body.append(lines[i])
            current.n_data += 1
            j += 1
        elif len(run) == 1:
            current.body.append(run[0])  # a row with a label and nothing else
        elif _same_text(run, regions[0].header):
            current.dropped.extend(run)
        else:
            regions.append(Region(header=run))
        i = j
    return regions


def _same_text(a: list[NumberedLine], b: list[NumberedLine]) -> bool:
    return bool(b) and "".join(x.text for x in a).replace(" ", "") == "".join(x.text for x in b).replace(" ", "")


def region_to_segments(region: Region, page: int | None) -> list[NumberedLine | RawTable]:
    if region.n_data < MIN_ROWS and not (region.anchored and region.n_data):
        return list(region.lines)
    table, unplaced = region_to_table(region, page)
    return [*unplaced, table]


def region_to_table(region: Region, page: int | None) -> tuple[RawTable, list[NumberedLine]]:
    """The grid of a region, and the header lines that could not be put over its columns."""
    codes = uses_codes([line.text for line in region.body])
    parsed = [(line, row_to_groups(line.text, codes)) for line in region.body]
    column_rows, body = [], []
    for line, groups in parsed:
        (column_rows if is_column_number_row(groups, first=not body) else body).append((line, groups))
    schema = build_schema([g for _, g in body], [g for _, g in column_rows])
    fixed = split_row_numbers([g for _, g in body], schema)
    body = [(line, groups) for (line, _), groups in zip(body, fixed, strict=True)]
    layout = align_header(region.header, schema)
    schema = [replace(spec, code_cols=codes, slots=slots)
              for spec, codes, slots in zip(schema, layout.code_cols, layout.slots, strict=True)]
    unplaced = layout.unplaced
    rows = layout.rows + [(line.number, groups_to_cells(g, schema, right_align=True)) for line, g in column_rows]
    rows += [(line.number, groups_to_cells(g, schema)) for line, g in body]
    rows.sort(key=lambda row: row[0])
    grid = drop_empty_columns([cells for _, cells in rows])
    table = rows_to_table(grid, [number for number, _ in rows], "spaces", page)
    table.notes.extend(_notes(region, body, schema, unplaced))
    return table, unplaced


def drop_empty_columns(rows: list[list[str]]) -> list[list[str]]:
    """The grid without the columns no row fills, header rows included: the schema reserves a column
    (a code level, a side's label) that this table never prints, and pdfminer leaves no trace of a
    printed but empty one."""
    width = max((len(row) for row in rows), default=0)
    keep = [c for c in range(width) if any(c < len(row) and row[c] for row in rows)]
    return [[row[c] if c < len(row) else "" for c in keep] for row in rows]


def _notes(region: Region, body: list, schema: list[GroupSchema], unplaced: list[NumberedLine]) -> list[str]:
    notes = []
    if any(values_ambiguous(groups, schema) for _, groups in body):
        notes.append(SPACE_NOTE)
    if region.dropped:
        notes.append(REPEAT_NOTE.format(first=region.dropped[0].number, last=region.dropped[-1].number))
    if unplaced:
        first, last = unplaced[0].number, unplaced[-1].number
        notes.append(f"表头第 {first}–{last} 行无法对齐到列，保留为文本行"
                     f"（header lines {first}–{last} not aligned to columns; kept as text lines）")
    return notes
