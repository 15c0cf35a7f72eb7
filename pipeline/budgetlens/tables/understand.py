"""`understand(table)`: one printed grid → the logical tables the checks read.

    rows → header boundary → header grid → kind → column types → parts (split / stacked)
         → columns (roles, measures, 栏次) → rows (label, code, level, kind, value cells)
         → footnote formulas, each given to the part that holds its numbers

Pure: reads the Table, changes nothing, keeps the document's Cell objects for evidence.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from budgetlens.document import Cell, Table
from budgetlens.tables.codes import CodeReading, code_system, level_of, rebuild_codes, split_label_code
from budgetlens.tables.columns import (
    HeaderCell,
    body_start,
    column_numbers,
    column_types,
    columns_info,
    header_grid,
    header_texts,
)
from budgetlens.tables.footnotes import parse_formulas
from budgetlens.tables.kinds import table_kind
from budgetlens.tables.layout import Part, logical_types, plan_parts, stacked_columns
from budgetlens.tables.lexicon import HEADER_WORDS, KEY_ROLES, squash
from budgetlens.tables.model import CodeSystem, ColumnInfo, Flavour, Formula, LogicalTable, RowInfo, TableKind
from budgetlens.tables.rows import normalise_label, row_kind

TYPE_ROLES = {"code": "code", "label": "label", "row_number": "row_number"}
CODE_PARTS = ("code_class", "code_section", "code_item")


@dataclass(frozen=True)
class _Context:
    """What every part of one source table shares."""

    table: Table
    start: int
    grid: list[list[HeaderCell | None]]
    types: list[str]
    header_words: frozenset[str]


def understand_all(tables: list[Table]) -> list[LogicalTable]:
    """Every table of one document; a table whose own text names no flavour (a title cut to "表")
    takes the flavour most of the document's tables name."""
    first = [understand(table) for table in tables]
    named = Counter(t[0].flavour for t in first if t and t[0].flavour is not None)
    if not named:
        return [lt for parts in first for lt in parts]
    default = named.most_common(1)[0][0]
    return [replace(lt, flavour=lt.flavour or default) for parts in first for lt in parts]


def understand(table: Table, default_flavour: Flavour | None = None) -> list[LogicalTable]:
    """The logical tables of `table` (one, or one per side of a side-by-side layout)."""
    start = body_start(table)
    grid = header_grid(table, start)
    labels = [row[0].text for row in table.rows[start:] if row]
    reading = table_kind(table, header_texts(grid), labels)
    types = column_types(table, start, grid)
    ctx = _Context(table, start, grid, types, frozenset(header_texts(grid)) | HEADER_WORDS)
    numbers = column_numbers(table, start)
    notes = _table_notes(table, start)
    out = []
    for index, part in enumerate(plan_parts(types, grid, reading.kind)):
        columns = _columns(ctx, part, numbers)
        rows, system, row_notes = _rows(ctx, part, columns, reading.kind)
        out.append(LogicalTable(
            source_id=table.id, part=index, title=table.title, kind=reading.kind,
            flavour=reading.flavour or default_flavour, unit=table.unit, side=part.side, code_system=system,
            columns=columns, rows=rows, method=table.method, kind_evidence=reading.evidence,
            notes=notes + row_notes + (["stacked: one list printed in column groups"] if len(part.groups) > 1 else [])))
    return _with_formulas(out, parse_formulas(table.footnotes))


def _table_notes(table: Table, start: int) -> list[str]:
    notes = []
    if start != table.header_rows:
        notes.append(f"header rows re-read as {start} (reader: {table.header_rows})")
    if table.method == "spaces":
        notes.append("grid rebuilt from spaces: values placed by guess, columns not evidence")
    return notes


def _columns(ctx: _Context, part: Part, numbers: dict[int, int]) -> list[ColumnInfo]:
    maps = stacked_columns(part, ctx.types)
    types = logical_types(part, ctx.types)
    value_cols = [c for c, kind in types.items() if kind == "value"]
    code_cols = [c for c, kind in types.items() if kind == "code"]
    out = []
    for info in columns_info(ctx.grid, list(types), value_cols, numbers):
        sources = tuple(src for m in maps for src, dst in m.items() if dst == info.index)
        role = _key_role(info.role, types[info.index])
        if role == "code" and 1 < len(code_cols) <= len(CODE_PARTS):
            role = CODE_PARTS[code_cols.index(info.index)]  # 类 | 款 | 项 whose header row was lost
        group = None if role in KEY_ROLES else info.group
        out.append(replace(info, role=role, group=group, sources=sources))
    return out


def _key_role(role: str | None, kind: str) -> str | None:
    """The body decides key columns: a code column is a code column whatever its header says."""
    if kind == "code":
        return role if role in ("code", "code_class", "code_section", "code_item") else "code"
    return TYPE_ROLES.get(kind, role) if kind != "value" else role


def _rows(ctx: _Context, part: Part, columns: list[ColumnInfo],
          kind: TableKind) -> tuple[list[RowInfo], CodeSystem | None, list[str]]:
    body = ctx.table.rows[ctx.start:]
    maps = stacked_columns(part, ctx.types)
    code_header = next((c.header for c in columns if c.role and c.role.startswith("code")), "")
    readings = [_group_codes(body, group, ctx.types) for group in part.groups]
    codes = [r.code for group in readings for r in group if r is not None]
    system = code_system(code_header, kind, codes) if codes or code_header else None
    value_cols = {c.index for c in columns if c.role not in KEY_ROLES}
    rows: list[RowInfo] = []
    notes: list[str] = []
    for group, mapping, group_readings in zip(part.groups, maps, readings, strict=True):
        value_map = {src: dst for src, dst in mapping.items() if dst in value_cols}
        for offset, (row, reading) in enumerate(zip(body, group_readings, strict=True)):
            built = _row(ctx, row, ctx.start + offset, group, value_map, reading, system)
            if built is not None:
                rows.append(built[0])
                if built[1]:
                    notes.append(f"row {built[0].index}: label '{built[0].raw_label}' read from the group to the left")
    return _drop_lent_labels(rows), system, notes


def _drop_lent_labels(rows: list[RowInfo]) -> list[RowInfo]:
    """A label that lent itself to the figures of a later group of the same part is not a row of its own."""
    with_values = {(r.index, r.raw_label) for r in rows if any(c.value is not None for c in r.cells.values())}
    return [r for r in rows if any(c.value is not None for c in r.cells.values())
            or (r.index, r.raw_label) not in with_values]


def _group_codes(body: list[list[Cell]], group: list[int], types: list[str]) -> list[CodeReading | None]:
    code_cols = [c for c in group if types[c] == "code"]
    if not code_cols:
        return [None] * len(body)
    return rebuild_codes([[row[c].text if c < len(row) else "" for c in code_cols] for row in body])


def _row(ctx: _Context, row: list[Cell], index: int, group: list[int], value_map: dict[int, int],
         reading: CodeReading | None, system: CodeSystem | None) -> tuple[RowInfo, bool] | None:
    """The row as read within one column group, and whether its label was borrowed from the left."""
    cells = [row[c] for c in group if c < len(row)]
    texts = [c.text for c in cells if c.text.strip()]
    values = {value_map[c.col]: c for c in cells if c.col in value_map}
    has_values = any(c.value is not None for c in values.values())
    if not texts:
        return None
    raw = _label_text(row, group, ctx.types) or _text_in_code_columns(row, group, ctx.types)
    borrowed = not raw and has_values and bool(raw := _borrowed_label(row, group, ctx.types))
    if reading is None and system in (CodeSystem.FUNCTION, CodeSystem.ECONOMIC, None):
        printed, raw = split_label_code(raw)
        reading = CodeReading(printed, printed) if printed else None
    label = normalise_label(raw)
    number = next((int(squash(c.text)) for c in cells if ctx.types[c.col] == "row_number"
                   and squash(c.text).isdigit()), None)
    code = reading.code if reading else None
    return RowInfo(
        index=index, label=label.text, raw_label=label.raw, kind=row_kind(label.text, texts, has_values,
                                                                           ctx.header_words),
        code=code, printed_code=reading.printed if reading else None, code_system=system if code else None,
        level=level_of(code, system) if code else None, number=number, outline=label.outline,
        of_which=label.of_which, cells=values), borrowed


def _label_text(row: list[Cell], group: list[int], types: list[str]) -> str:
    """Label cells of the group joined by "/" ("一般公共预算资金/小计")."""
    return "/".join(row[c].text.strip() for c in group if c < len(row) and types[c] == "label" and row[c].text.strip())


def _text_in_code_columns(row: list[Cell], group: list[int], types: list[str]) -> str:
    """"合计" printed in the code column (the name column left blank)."""
    texts = [row[c].text.strip() for c in group if c < len(row) and types[c] == "code"]
    return "".join(t for t in texts if t and not squash(t).isdigit())


def _borrowed_label(row: list[Cell], group: list[int], types: list[str]) -> str:
    """A label printed across a merged cell to the left ("当年支出小计" over two column groups)."""
    left = [c for c in range(group[0]) if types[c] in ("label", "code") and row[c].text.strip()
            and not squash(row[c].text).isdigit()]
    return row[left[-1]].text.strip() if left else ""


def _with_formulas(tables: list[LogicalTable], formulas: list[Formula]) -> list[LogicalTable]:
    """Each formula goes to the part whose 行次 / 栏次 include its target; one that fits none (the
    numbers were not printed in the grid) goes to the first part, with a note."""
    placed: dict[int, list[Formula]] = {i: [] for i in range(len(tables))}
    unplaced = []
    for formula in formulas:
        home = next((i for i, t in enumerate(tables) if _holds(t, formula)), None)
        placed[home or 0].append(formula)
        if home is None:
            unplaced.append(f"formula '{formula.text}': its {formula.axis} numbers are not printed in the grid")
    return [replace(t, formulas=placed[i], notes=t.notes + (unplaced if i == 0 else []))
            for i, t in enumerate(tables)]


def _holds(table: LogicalTable, formula: Formula) -> bool:
    if formula.axis == "row":
        return table.row_by_number(formula.target) is not None
    return table.column_by_number(formula.target) is not None
