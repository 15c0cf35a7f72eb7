"""Which tables are indicator forms, and what an indicator table's header says its columns are.

A form starts at a table whose title names one (项目支出绩效目标申报表, 部门整体绩效目标申报表,
…自评表); tables without a title, and the 长期/年度绩效目标表 parts, continue it; any other
titled table ends it. A header row (…三级指标…) and the rows under it (前年 / 上年 /
预计当年实现 / 指标分值权重) give the value slots each indicator row is read into.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from budgetlens.document import Cell, Table
from budgetlens.indicators.lexicon import (
    HEADER_ACTUAL,
    HEADER_BASIS,
    HEADER_GOAL_WEIGHT,
    HEADER_LEVEL3,
    HEADER_REASON,
    HEADER_SCORE,
    HEADER_TARGET,
    HEADER_WEIGHT,
    LATER_YEAR_LABEL,
    YEAR_LABEL,
    squash,
)
from budgetlens.indicators.model import FormKind

PART_TITLE = re.compile(r"^(?:长期|年度)绩效目标表$|^项目绩效总目标$")
FORM_TITLE = re.compile(r"绩效目标\)?[申填]报表|绩效目标表|项目申报表|自评表|绩效评价表|整体绩效.*表")


def title_to_kind(title: str | None) -> FormKind | None:
    """The form a title names, or None (a budget table, or a part of a form: 长期绩效目标表)."""
    text = squash(title or "")
    if not text or PART_TITLE.match(text) or not FORM_TITLE.search(text):
        return None
    dept = "整体" in text
    if "自评" in text or "评价" in text:
        return "self_eval_dept" if dept else "self_eval_project"
    return "dept_target" if dept else "project_target"


def is_part_title(title: str | None) -> bool:
    return bool(PART_TITLE.match(squash(title or "")))


# Where a slot goes when its header cell is not printed: right after the targets, in this order.
DEFAULT_RANK = {"target": 0.0, "weight": 0.1, "actual": 0.2, "score": 0.3, "reason": 0.4, "basis": 0.5}


@dataclass
class Layout:
    """The value slots of an indicator row, left to right after the 三级 cell."""

    labels: list[str] = field(default_factory=lambda: ["指标值"])  # target columns
    weight: bool = False  # 指标分值权重
    actual: str | None = None  # 自评: 实际完成值 (its printed label)
    score: bool = False
    reason: bool = False  # per-row 偏差原因
    basis: bool = False  # 指标值确定依据
    goal_weight: bool = False  # 指标权重比例(%) before the levels
    term: str | None = None  # "long" / "annual" when the header or its label says so
    columns: dict[str, int] = field(default_factory=dict)  # header column of each slot kind, where printed

    @property
    def slots(self) -> list[str]:
        kinds = ["target"] + [kind for kind, present in (("weight", self.weight), ("actual", self.actual is not None),
                                                          ("score", self.score), ("reason", self.reason),
                                                          ("basis", self.basis)) if present]
        start = self.columns.get("target", 0)
        kinds.sort(key=lambda kind: self.columns.get(kind, start + DEFAULT_RANK[kind]))
        names: list[str] = []
        for kind in kinds:
            names += [f"target:{label}" for label in self.labels] if kind == "target" else [kind]
        return names

    @property
    def self_eval(self) -> bool:
        return self.actual is not None


def header_kind(text: str) -> str | None:
    """What a header cell names: a target column, the weight, the basis, the actual, the score, a reason."""
    if HEADER_BASIS in text:
        return "basis"
    if any(h in text for h in HEADER_REASON):
        return "reason"
    if text.startswith(HEADER_ACTUAL):
        return "actual"
    if text.startswith(HEADER_SCORE):
        return "score"
    if text in HEADER_WEIGHT or any(h in text for h in HEADER_WEIGHT if len(h) > 2):
        return "weight"
    if YEAR_LABEL.match(text) or "指标值" in text or text.startswith(HEADER_TARGET):
        return "target"
    return None


def is_header_row(row: list[Cell]) -> bool:
    texts = [squash(c.text) for c in row]
    return any(t.startswith(HEADER_LEVEL3) or any(h in t for h in HEADER_LEVEL3) for t in texts if t)


def year_labels(row: list[Cell]) -> list[str]:
    """Labels of year columns printed in a row (前年, 上年, 2023年, 预计当年实现), in print order."""
    return [squash(c.text) for c in row if c.text and YEAR_LABEL.match(squash(c.text))]


def header_to_layout(rows: list[list[Cell]], previous: Layout | None, term: str | None = None) -> Layout:
    """The header row plus its sub-header rows → the slots; a 年度 table printing no year row
    takes the year labels of the document's previous 年度 table (the same template)."""
    texts = [squash(c.text) for row in rows for c in row if c.text]
    joined = "|".join(texts)
    columns: dict[str, int] = {}
    for cell in (c for row in rows for c in row if c.text):
        kind = header_kind(squash(cell.text))
        if kind is not None and kind not in columns and not (kind == "target" and HEADER_GOAL_WEIGHT in cell.text):
            columns[kind] = cell.col
    layout = Layout(basis="basis" in columns, weight="weight" in columns, goal_weight=HEADER_GOAL_WEIGHT in joined,
                    term=_term(joined) or term, columns=columns)
    actual = next((t for t in texts if t.startswith(HEADER_ACTUAL)), None)
    if actual is not None:
        layout.actual = _strip_mark(actual)
        layout.score = "score" in columns
        layout.reason = "reason" in columns
        target = next((t for t in texts if t.startswith(HEADER_TARGET)), "年初目标值")
        layout.labels = [_strip_mark(target)]
        return layout
    labels = [label for row in rows[1:] for label in year_labels(row)]
    if labels:
        layout.labels = order_year_labels(labels)
    elif previous is not None and layout.term == "annual" and len(previous.labels) > 1:
        layout.labels, layout.weight = list(previous.labels), previous.weight or layout.goal_weight
    return layout


def order_year_labels(labels: list[str]) -> list[str]:
    """Past years first as printed, the form's own year (当年) last: the order of the columns."""
    past = [label for label in labels if not LATER_YEAR_LABEL.search(label)]
    return past + [label for label in labels if LATER_YEAR_LABEL.search(label)]


def _strip_mark(label: str) -> str:
    return re.sub(r"\((?:A|B|B/A)\)$", "", label)


def _term(joined: str) -> str | None:
    if "年度" in joined or "前年" in joined or "当年" in joined:
        return "annual"
    return "long" if "长期" in joined else None


def table_term(table: Table) -> str | None:
    title = squash(table.title or "")
    return "annual" if title.startswith("年度") else "long" if title.startswith("长期") else None
