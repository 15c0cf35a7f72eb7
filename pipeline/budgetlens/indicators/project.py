"""The rows of a form that describe the project, not an indicator: labels and their values.

    项目名称 | 调查研究 | 项目代码 | …           → name, code
    项目类别 | 1. 运转类 ☑ 2. 特定目标类… ☐     → a CheckboxField (the ticked option)
    项目总预算 | (延续性项目填写) | 项目当年预算 | 13万元 → year_budget 13 万元
    年度财政资金总额 | 312.47万元 | 312.47万元 | 100 | 20分 → the 自评 funds block

A label's value is the next filled cell of the row; a budget label left without one takes
the first filled cell of the next row (the converter broke the row).
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetlens.document import Cell, Checkbox
from budgetlens.indicators.lexicon import GOAL_WEIGHT, squash
from budgetlens.indicators.model import Amount, CheckboxField, Funds, Place, Project
from budgetlens.numbers import parse_number

# Squashed label → Project field (the whole cell, a trailing colon or "(盖章)" aside). First match wins.
LABELS: dict[str, str] = {
    "项目名称": "name", "项目代码": "code", "项目编码": "code", "项目主管部门": "department", "主管部门": "department",
    "部门(单位)名称": "department", "部门名称": "department", "单位名称": "department", "项目执行单位": "executor",
    "项目实施单位": "executor", "实施单位": "executor", "项目年度": "year", "项目总预算": "total_budget",
    "项目当年预算": "year_budget", "项目资金总额": "total_budget", "年度资金申请总额": "year_budget",
    "总分": "total_score",
}
# Labels long enough to be read by their beginning ("偏差大或目标未完成原因分析", "改进措施及结果应用方案").
LABEL_PREFIXES: tuple[tuple[str, str], ...] = (("偏差大或", "deviation_reason"), ("偏差原因", "deviation_reason"),
                                               ("改进措施", "improvement"))
ATTRIBUTE_LABELS = ("项目属性", "项目性质", "项目类别", "计划开始日期", "计划完成日期", "项目资金", "支出项目类别",
                    "项目类型", "起始年度", "终止年度", "项目负责人", "立项依据", "项目立项依据", "项目实施方案",
                    "项目前两年预算及当年预算变动情况", "上年绩效评价结果")
LABEL_NOISE = re.compile(r"[:：]$|\(盖章\)|\(必填\)")
BUDGET_FIELDS = ("total_budget", "year_budget")
FUNDS_LABEL = re.compile(r"(?:资金总额|整体支出总额)$")
AMOUNT = re.compile(r"^(\d[\d,]*(?:\.\d+)?)\s*(万元|元|亿元|万)?$")
UNIT_IN_LABEL = re.compile(r"^[^\d]*[（(](万元|元|亿元)[)）]\s*$")  # "项目资金（元）"
NUMBERING = re.compile(r"^\s*\d+\s*[.、．]\s*")
YEAR = re.compile(r"(20\d{2})")


def label_field(text: str) -> str | None:
    """The Project field a label cell names, or None when the cell is not a label."""
    name = LABEL_NOISE.sub("", squash(text))
    if name in LABELS:
        return LABELS[name]
    prefixed = next((field_name for prefix, field_name in LABEL_PREFIXES if name.startswith(prefix)), None)
    return prefixed or next((label for label in ATTRIBUTE_LABELS if name.startswith(label)), None)


def cell_place(table_id: str, cell: Cell, line: int | None) -> Place:
    return Place(table_id=table_id, row=cell.row, col=cell.col, page=cell.page, line=line)


def text_to_amount(text: str, place: Place, unit: str | None) -> Amount | None:
    """"13万元" → 13 万元; "2225.2" → 2225.2 in the form's unit (inferred); the template note → None."""
    match = AMOUNT.match("".join(text.split()))
    if match is None:
        return None  # the template note （延续性项目填写）, or a label
    printed = match.group(2)
    return Amount(raw=text, value=parse_number(match.group(1)), unit=printed or unit or "万元",
                  unit_inferred=printed is None, place=place)


def row_to_checkboxes(row: list[Cell], place: Place) -> CheckboxField | None:
    boxes: list[Checkbox] = [box for cell in row for box in cell.checkboxes if box.label.strip()]
    if not boxes:
        return None
    label = next((c.text for c in row if c.text.strip() and not c.checkboxes), "")
    options = [NUMBERING.sub("", box.label).strip() for box in boxes]
    checked = [option for option, box in zip(options, boxes, strict=True) if box.checked]
    return CheckboxField(field=squash(label), options=options, checked=checked, place=place)


class ProjectRows:
    """Reads the descriptive rows of one form into its Project; keeps a budget label open across rows."""

    def __init__(self, project: Project, unit: str | None) -> None:
        self.project = project
        self.unit = unit
        self.pending: str | None = None
        self.funds_weight: Decimal | None = None
        self.in_funds = False  # the funds header was read: the next 资金总额 row is the funds block

    def read(self, row: list[Cell], place: Place) -> None:
        boxes = row_to_checkboxes(row, place)
        if boxes is not None:
            self.project.checkboxes.append(boxes)
            return
        filled = [c for c in row if c.text.strip()]
        unit = next((m.group(1) for c in filled if (m := UNIT_IN_LABEL.search(c.text))), None)
        self.unit = unit or self.unit
        if self._funds(filled, place):
            return
        for cell in filled:
            field_name = label_field(cell.text)
            if field_name is not None:
                self.pending = field_name
                continue
            if self.pending is not None:
                self._assign(self.pending, cell, place.model_copy(update={"row": cell.row, "col": cell.col}))
                self.pending = None
        if self.pending not in BUDGET_FIELDS:
            self.pending = None

    def _assign(self, name: str, cell: Cell, place: Place) -> None:
        text = cell.text.strip()
        if name in BUDGET_FIELDS:
            amount = text_to_amount(text, place, self.unit)
            if amount is not None:
                setattr(self.project, name, amount)
        elif name == "year":
            found = YEAR.search(text)
            self.project.year = int(found.group(1)) if found else self.project.year
        elif name == "total_score":
            self.project.total_score = parse_number(re.sub(r"分$", "", "".join(text.split())))
        elif name in ("name", "code", "department", "executor", "deviation_reason", "improvement"):
            if getattr(self.project, name) is None:
                setattr(self.project, name, text)
        else:
            self.project.attributes.setdefault(name, text)

    def _funds(self, filled: list[Cell], place: Place) -> bool:
        """The 自评 funds block: its header gives the 分值, its row A, B, B/A and the score."""
        texts = [squash(c.text) for c in filled]
        if any("预算数" in t for t in texts) and any("执行数" in t for t in texts):
            weight = GOAL_WEIGHT.search(texts[0]) if texts else None
            self.funds_weight = Decimal(weight.group(1)) if weight else None
            self.in_funds = True
            return True
        if not self.in_funds or not texts or not FUNDS_LABEL.search(texts[0]) or len(filled) < 3:
            return False
        self.in_funds = False
        values = filled[1:]
        budget = text_to_amount(values[0].text, place.model_copy(update={"col": values[0].col}), self.unit)
        spent = text_to_amount(values[1].text, place.model_copy(update={"col": values[1].col}), self.unit)
        score = parse_number(re.sub(r"分$", "", squash(values[3].text))) if len(values) > 3 else None
        self.project.funds = Funds(budget=budget, spent=spent, rate=values[2].text if len(values) > 2 else None,
                                   weight=self.funds_weight, score=score, place=place)
        if self.project.year_budget is None:
            self.project.year_budget = budget
        return True
