"""Rows of a space-separated table (pdfminer-style text) → a cell grid.

pdfminer prints a table row as "label figure figure …" with single spaces and no
mark for a blank cell, so where a figure stood is ambiguous. A row is read as
*groups*: an optional code ("2010301"), a label ("行政运行") and the figures after
it. A two-sided table ("一、…收入 1 2019.84 一、…支出 31 1102.31") has two groups
per row; the basic-expenditure table has three. The widest row fixes the number of
groups; the 栏次 row ("栏次 1 2 3 4 5 6 7") tells how many figure columns a group
really has. Figures are placed from the left inside their group, which the table
notes say. Shorter rows go to groups left to right, except that a code goes to the
group whose codes share its class ("30299" joins the 302 column of a three-column
table).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from budgetlens.ingest.text_space_wrap import ENUMERATED
from budgetlens.numbers import is_blank_mark, parse_number

CODE = re.compile(r"^\d{3,7}$")
CODE_HEAD = re.compile(r"^\d{1,3}$")  # 类 of a code printed split ("208 05 02"); a misprint may drop digits ("7 11 02")
CODE_PART = re.compile(r"^\d{2}$")  # 款 / 项 of a split code
MAX_CODE_PARTS = 3  # 类 款 项
ROW_NUMBER = re.compile(r"^[1-9]\d?$")  # 行次: 1–99
PERCENT = re.compile(r"^[-+]?\d+(?:\.\d+)?%$")
FIGURE_BLANKS = frozenset({"-", "--", "—", "——", "－", "–"})
COLUMN_NUMBER_LABEL = "栏次"
MIN_COLUMN_NUMBERS = 3  # "合计 1 2 3 4 5 6": a 栏次 row printed without its word
CODE_ROW_SHARE = 1 / 3  # rows starting with a code, above which the table has a code column
SPACE_NOTE = "空白单元格未印出，数值在各组内自左向右排列（blank cells not printed; values placed from the left）"


@dataclass(slots=True)
class Group:
    code: str | None = None
    label: str | None = None
    values: list[str] = field(default_factory=list)

    @property
    def code_parts(self) -> list[str]:
        """The code's printed pieces: one for a whole code, 类 款 项 for a split one."""
        return self.code.split() if self.code else []


@dataclass(slots=True)
class GroupSchema:
    """One side of the table: which leading columns it has and how many figure columns."""

    has_code: bool = False
    has_label: bool = False
    slots: int = 0
    prefixes: set[str] = field(default_factory=set)  # classes (first 3 digits) of its codes
    code_cols: int = 1  # 3 when the header or the body splits the code into 类 | 款 | 项
    numbered: bool = False  # slots counted by the 栏次 row, not only by the widest row

    @property
    def width(self) -> int:
        return self.code_cols * self.has_code + int(self.has_label) + self.slots


def is_figure(token: str) -> bool:
    return parse_number(token) is not None or PERCENT.match(token) is not None or (
        token in FIGURE_BLANKS and is_blank_mark(token))


def code_length(tokens: list[str], i: int) -> int:
    """How many tokens from `i` print a code right before a label: a whole code ("2010301") is one,
    a code split into its levels ("208 05 02", the 类 | 款 | 项 columns) is two or three; 0 if none."""
    parts = 1
    while (parts < MAX_CODE_PARTS and i + parts < len(tokens) and CODE_PART.match(tokens[i + parts])
           and CODE_HEAD.match(tokens[i])):
        parts += 1
    following = tokens[i + parts] if i + parts < len(tokens) else ""
    if not following or is_figure(following):
        return 0
    return parts if parts > 1 or CODE.match(tokens[i]) else 0


def row_to_groups(text: str, codes: bool) -> list[Group]:
    """Split a printed row into groups; with `codes`, the integers right before a label are its code."""
    tokens = text.split()
    groups: list[Group] = []
    skip = 0
    for i, token in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        parts = code_length(tokens, i) if codes else 0
        if parts:
            groups.append(Group(code=" ".join(tokens[i:i + parts])))
            skip = parts - 1
        elif is_figure(token):
            if not groups:
                groups.append(Group())  # figures before any label: a side whose label is blank
            groups[-1].values.append(token)
        elif _continues_label(groups, token):
            current = groups[-1]  # a label printed letter-spaced ("收 入 总 计") or after its code
            current.label = token if current.label is None else f"{current.label} {token}"
        else:
            groups.append(Group(label=token))
    return groups


def _continues_label(groups: list[Group], token: str) -> bool:
    """Whether `token` is more of the last group's label; a numbered label ("二、外交支出") starts
    the next side's group even when this side printed no figure ("二、政府性基金 二、外交支出")."""
    if not groups or groups[-1].values:
        return False
    current = groups[-1]
    if current.label is not None:
        return not ENUMERATED.match(token)
    return bool(current.code)


def uses_codes(texts: list[str]) -> bool:
    """Whether the table has a code column: enough rows start "code label …"."""
    starts = sum(1 for text in texts if code_length(text.split(), 0))
    return bool(texts) and starts >= CODE_ROW_SHARE * len(texts)


def is_column_number_row(groups: list[Group], first: bool) -> bool:
    """The 栏次 row: labelled 栏次, or (as the first row) figures 1, 2, 3 … n under one label at most."""
    labels = [g.label.replace(" ", "") for g in groups if g.label]
    if labels and all(label == COLUMN_NUMBER_LABEL for label in labels):
        return True
    values = [v for g in groups for v in g.values]
    return (first and len(labels) <= 1 and not any(g.code for g in groups)
            and len(values) >= MIN_COLUMN_NUMBERS and values == [str(n) for n in range(1, len(values) + 1)])


def map_groups(groups: list[Group], schema: list[GroupSchema]) -> list[int]:
    """Schema index of each group of a row: in order, a code joining the group of its class, figures
    going to the first side with room for them."""
    if len(groups) >= len(schema):
        return list(range(len(groups)))[: len(schema)]
    indexes, nxt = [], 0
    for k, group in enumerate(groups):
        room = len(schema) - (len(groups) - k)  # leave a place for each group still to come
        target = nxt
        if group.code:
            target = next((j for j in range(nxt, room + 1) if group.code[:3] in schema[j].prefixes), nxt)
        elif len(group.values) > schema[nxt].slots:  # more figures than this side has columns: a later side
            target = next((j for j in range(nxt, room + 1) if schema[j].slots >= len(group.values)), nxt)
        indexes.append(target)
        nxt = target + 1
    return indexes


def build_schema(body: list[list[Group]], column_rows: list[list[Group]]) -> list[GroupSchema]:
    """Groups per row from the widest row; figure columns from the rows and the 栏次 row."""
    rows = body or column_rows
    schema = [GroupSchema() for _ in range(max((len(r) for r in rows), default=1) or 1)]
    for groups in sorted(rows, key=len, reverse=True):  # widest rows first: they teach the code classes
        for group, index in zip(groups, map_groups(groups, schema), strict=False):
            _learn(schema[index], group)
    numbered = [0] * len(schema)
    for groups in column_rows:
        for group, index in zip(groups, map_groups(groups, schema), strict=False):
            numbered[index] = max(numbered[index], len(group.values))
            schema[index].has_label |= group.label is not None
    unnumbered = max((s.slots - n for s, n in zip(schema, numbered, strict=True) if n), default=0)
    for group_schema, n in zip(schema, numbered, strict=True):
        if n:
            group_schema.slots = max(group_schema.slots, n + max(unnumbered, 0))
            group_schema.numbered = True
    return schema


def _learn(schema: GroupSchema, group: Group) -> None:
    schema.has_code |= group.code is not None
    schema.has_label |= group.label is not None
    schema.code_cols = max(schema.code_cols, len(group.code_parts))
    schema.slots = max(schema.slots, len(group.values))
    if group.code:
        schema.prefixes.add(group.code[:3])


def groups_to_cells(groups: list[Group], schema: list[GroupSchema], right_align: bool = False) -> list[str]:
    """One grid row: each group's code, label and figures in its columns; blanks are "".

    A label printed without a code in a coded group ("合计", "栏次", "人员经费合计") is
    a cell merged over the code and name columns: its text goes in the first.
    """
    cells = [""] * sum(s.width for s in schema)
    offsets = [sum(s.width for s in schema[:i]) for i in range(len(schema))]
    for group, index in zip(groups, map_groups(groups, schema), strict=False):
        spec, col = schema[index], offsets[index]
        merged = spec.has_code and not group.code
        if spec.has_code:
            parts = group.code_parts[: spec.code_cols] or [group.label or ""]
            cells[col:col + len(parts)] = parts
            col += spec.code_cols
        if spec.has_label:
            cells[col] = "" if merged else group.label or ""
            col += 1
        values = group.values[: spec.slots]
        start = col + (spec.slots - len(values) if right_align else 0)
        cells[start:start + len(values)] = values
    return cells


def values_ambiguous(groups: list[Group], schema: list[GroupSchema]) -> bool:
    """A row that printed fewer figures (or sides) than the table has columns for."""
    if len(groups) < len(schema):
        return True
    return any(len(g.values) < schema[i].slots for g, i in zip(groups, map_groups(groups, schema), strict=False))


def split_row_numbers(rows: list[list[Group]], schema: list[GroupSchema]) -> list[list[Group]]:
    """Give a side back the row number (行次) it printed with no label and no figure.

    "一般公共预算财政拨款 29 61" has a blank right-hand label: 61 is the right side's
    行次, not the left side's figure. It is moved when it continues the right side's
    row numbers (the row above printed 60 there), the only case that is certain.
    """
    last: dict[int, int] = {}
    fixed = []
    for groups in rows:
        indexes = map_groups(groups, schema)
        if groups and indexes[-1] + 1 < len(schema):
            groups = _split_tail(groups, last.get(indexes[-1] + 1))
            indexes = map_groups(groups, schema)
        for group, index in zip(groups, indexes, strict=False):
            if group.values and ROW_NUMBER.match(group.values[0]):
                last[index] = int(group.values[0])
        fixed.append(groups)
    return fixed


def _split_tail(groups: list[Group], previous: int | None) -> list[Group]:
    tail = groups[-1]
    if previous is None:
        return groups
    for j, value in enumerate(tail.values[1:], start=1):
        if ROW_NUMBER.match(value) and int(value) == previous + 1:
            head = Group(code=tail.code, label=tail.label, values=tail.values[:j])
            return [*groups[:-1], head, Group(values=tail.values[j:])]
    return groups
