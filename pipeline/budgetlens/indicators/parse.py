"""Form tables → projects and indicators: the rows of each form read in order, levels carried down.

A form's rows are of four sorts: descriptive rows (project.py), goal rows ("长期目标1： …"),
header rows (…三级指标… and the 前年/上年 row under it), and indicator rows (rows.py). Blank
一级/二级 cells take the names above them (merged cells); a new 一级 resets 二级; a 二级 that
belongs to another 一级 family than the one carried (社会效益指标 after a 产出 block) brings
its own 一级. A name split over two rows ("产出" … "指标", "生态环境成本指" … "标") is joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from budgetlens.document import Cell, Table
from budgetlens.indicators.forms import Layout, header_to_layout, is_header_row, order_year_labels, table_term
from budgetlens.indicators.lexicon import (
    FAMILY_KEEPS_PARENT,
    GOAL_LABEL,
    GOAL_WEIGHT,
    LEVEL1,
    LEVEL2_FAMILY,
    WEIGHT_TOTAL,
    YEAR_LABEL,
    squash,
)
from budgetlens.indicators.model import Goal, Indicator, LabelledTarget, Place, Project, TargetValue
from budgetlens.indicators.project import ProjectRows, cell_place, label_field
from budgetlens.indicators.rows import RowParts, is_label, is_level_name, row_to_parts
from budgetlens.indicators.targets import text_to_target
from budgetlens.numbers import parse_number

TAIL_REACH = 6  # indicators back a name's tail may complete ("产出" … two rows … "指标")
SUBHEADER_WORDS = re.compile(r"^(?:近两年指标值|指标值|指标分值权重|预期当年实现值|预计当年实现|\d{4}年)$")


def printed(text: str) -> str:
    """A name as the gold keeps it: every whitespace removed, nothing else changed."""
    return "".join(text.split())


@dataclass
class FormReader:
    """The state of one form while its tables are read."""

    project: Project
    rows: ProjectRows
    layout: Layout | None = None
    header: list[list[Cell]] = field(default_factory=list)
    term: str | None = None
    goal: str | None = None
    level1: str = ""
    level2: str = ""
    indicators: list[Indicator] = field(default_factory=list)
    last_row: tuple[str, int] | None = None  # (table id, row) of the last indicator, for split names
    closed: bool = False

    def finish(self, offset: int) -> list[Indicator]:
        """The form's indicators, numbered after the `offset` indicators of the forms before it."""
        for number, indicator in enumerate(self.indicators, start=offset + 1):
            indicator.id = f"i{number}"
        return self.indicators

    def read_table(self, table: Table, previous_annual: Layout | None,
                   start: int = 0) -> tuple[Layout | None, int | None]:
        """Read the rows from `start`; returns the last 年度 layout seen (the next form's fallback) and the
        row where another form begins inside this table (a PDF grid holding two forms), if one does."""
        self.term = table_term(table) or self.term
        for r in range(start, len(table.rows)):
            row = table.rows[r]
            line = table.row_lines[r] if r < len(table.row_lines) else None
            place = Place(table_id=table.id, row=r, page=row[0].page if row else None, line=line)
            if r > start and self.indicators and _names_project(row):
                return self._close_header(previous_annual) or previous_annual, r
            self._line(line)
            if is_header_row(row):
                self._close_header(previous_annual)
                self.header = [row]
                continue
            if self.header and _is_subheader(row):
                self.header.append(row)
                continue
            previous_annual = self._close_header(previous_annual) or previous_annual
            self._read_row(table, row, place)
        return self._close_header(previous_annual) or previous_annual, None

    def _line(self, line: int | None) -> None:
        if line is not None:
            self.project.first_line = min(self.project.first_line or line, line)
            self.project.last_line = max(self.project.last_line or line, line)

    def _close_header(self, previous_annual: Layout | None) -> Layout | None:
        if not self.header:
            return None
        self.layout = header_to_layout(self.header, previous_annual, self.term)
        self.header = []
        self.term = self.layout.term or self.term
        self.level1 = self.level2 = ""
        return self.layout if self.layout.term == "annual" and len(self.layout.labels) > 1 else None

    def _read_row(self, table: Table, row: list[Cell], place: Place) -> None:
        filled = [c for c in row if c.text.strip()]
        self._set_term(filled)
        if self._goal_row(filled, place):
            return
        if self.layout is None or (filled and label_field(filled[0].text) is not None):
            self.rows.read(row, place)
            return
        parts = row_to_parts(row, self.layout)
        if parts.total is not None:
            self.project.attributes.setdefault(WEIGHT_TOTAL, parts.total.text.strip())
        if parts.level3 is None and not parts.levels and not parts.tails:
            self.rows.read(row, place)
            return
        self._apply_tails(parts)
        if parts.header_labels:
            years = [label for label in parts.header_labels if YEAR_LABEL.match(label)]
            self.layout.labels = order_year_labels(years)
            self.layout.weight = self.layout.weight or len(years) < len(parts.header_labels)
        if parts.goal is not None:
            self.goal = " ".join(parts.goal.text.split())
        self._apply_levels(parts)
        if parts.level3 is not None and not self._join_split_name(table, parts):
            self.indicators.append(self._indicator(table, parts, parts.level3, place))
            self.last_row = (table.id, place.row or 0)
            self.project.last_line = place.line or self.project.last_line

    def _set_term(self, filled: list[Cell]) -> None:
        for cell in filled:
            name = squash(cell.text)
            if is_label(cell.text) and name.startswith(("长期", "年度")):
                self.term = "long" if name.startswith("长期") else "annual"
                return

    def _goal_row(self, filled: list[Cell], place: Place) -> bool:
        """"长期目标1： | 加强党建工作…" and "年度目标 1: (50 分) | 聚焦…": a goal and its text."""
        if len(filled) != 2 or not GOAL_LABEL.match(squash(filled[0].text)) or is_level_name(filled[1].text):
            return False
        name = " ".join(filled[0].text.split())
        weight = GOAL_WEIGHT.search(squash(filled[0].text))
        goal = Goal(name=name, text=filled[1].text, place=place.model_copy(update={"col": filled[0].col}),
                    weight=parse_number(weight.group(1)) if weight else None)
        self.project.goals.append(goal)
        self.goal = name
        return True

    def _apply_tails(self, parts: RowParts) -> None:
        """"指标"/"标" completing a name printed in an earlier row: fix the carried name and its rows."""
        for tail in parts.tails:
            suffix = squash(tail.text)
            for attr, names in (("level2", LEVEL2_FAMILY), ("level1", LEVEL1)):
                seen = {getattr(i, attr) for i in self.indicators[-TAIL_REACH:]} | {getattr(self, attr)}
                fragment = next((name for name in seen if name and squash(name) + suffix in names), None)
                if fragment is None:
                    continue
                if squash(getattr(self, attr)) == squash(fragment):
                    setattr(self, attr, fragment + suffix)
                for indicator in self.indicators[-TAIL_REACH:]:
                    if getattr(indicator, attr) == fragment:
                        setattr(indicator, attr, fragment + suffix)
                        indicator.repairs.append(f"{attr} “{fragment}” joined with “{suffix}” printed below it")
                break

    def _apply_levels(self, parts: RowParts) -> None:
        names = [printed(c.text) for c in parts.levels]
        if len(names) == 2:
            self.level1, self.level2 = names
            return
        if not names:
            return
        name = names[0]
        key = squash(name)
        adjacent = parts.level3 is not None and parts.levels[0].col == parts.level3.col - 1
        as_level1 = key in LEVEL1 or f"{key}指标" in LEVEL1
        as_level2 = key in LEVEL2_FAMILY or not as_level1
        if as_level1 and (not as_level2 or not adjacent):
            self.level1, self.level2 = name, ""
            return
        self.level2 = name
        family = LEVEL2_FAMILY.get(key)
        keeps = FAMILY_KEEPS_PARENT.get(family or "", frozenset())
        carried = squash(self.level1)
        carried = f"{carried}指标" if f"{carried}指标" in LEVEL1 else carried
        if family is not None and carried != family and carried not in keeps:
            parts.repairs.append(f"一级 “{family}” from the 二级 “{name}” (carried 一级 “{self.level1}”)")
            self.level1 = family

    def _join_split_name(self, table: Table, parts: RowParts) -> bool:
        """A row holding only the rest of the 三级 name above it ("业奖补人数" under "享受企业吸纳…就")."""
        level3 = parts.level3
        if (level3 is None or parts.levels or parts.goal or any(parts.slots.values()) or not self.indicators
                or self.last_row is None or self.last_row[0] != table.id or level3.row - self.last_row[1] > 2
                or text_to_target(level3.text).placeholder):
            return False
        last = self.indicators[-1]
        last.level3 += printed(level3.text)
        last.repairs.append(f"三级 name continued on the next row: “{printed(level3.text)}”")
        return True

    def _indicator(self, table: Table, parts: RowParts, level3: Cell, place: Place) -> Indicator:
        slots = parts.slots
        targets = [
            LabelledTarget(label=name.split(":", 1)[1], value=_target(cell),
                           place=_place(table, cell, place) if cell is not None else place)
            for name, cell in slots.items() if name.startswith("target:")
        ]
        level3_target = text_to_target(level3.text)
        return Indicator(
            id="", project_id=self.project.id, form_kind=self.project.kind, goal=self.goal,
            term=self.term, level1=self.level1, level2=self.level2, level3=printed(level3.text),
            targets=targets, weight=_number(slots.get("weight")), basis=_text(slots.get("basis")),
            actual=text_to_target(slots["actual"].text, actual=True) if slots.get("actual") else None,
            score=_number(slots.get("score")), deviation_reason=_text(slots.get("reason")),
            placeholder=level3_target.placeholder, place=_place(table, level3, place),
            repairs=list(parts.repairs),
        )


def _names_project(row: list[Cell]) -> bool:
    first = next((c.text for c in row if c.text.strip()), "")
    return label_field(first) == "name"


def _is_subheader(row: list[Cell]) -> bool:
    filled = [squash(c.text) for c in row if c.text.strip()]
    return bool(filled) and all(YEAR_LABEL.match(t) or SUBHEADER_WORDS.match(t) for t in filled)


def _place(table: Table, cell: Cell, row_place: Place) -> Place:
    return cell_place(table.id, cell, row_place.line)


def _target(cell: Cell | None) -> TargetValue:
    return text_to_target(cell.text) if cell is not None else TargetValue(raw="")


def _number(cell: Cell | None) -> Decimal | None:
    return parse_number(re.sub(r"分$", "", squash(cell.text))) if cell is not None else None


def _text(cell: Cell | None) -> str | None:
    return cell.text if cell is not None and cell.text.strip() else None
