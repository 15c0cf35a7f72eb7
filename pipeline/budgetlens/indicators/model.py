"""Performance indicators as data: projects (one per form), their indicators, targets and tick boxes.

Every value keeps where it was printed (`Place`: table, row, column, page, file line), so a
finding or a researcher can go back to the cell. Numbers are exact decimals as printed
("2.95", "100"); a target that states no number is `qualitative`, with its word kept.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from budgetlens.document import ExactDecimal, Model

FormKind = Literal["project_target", "dept_target", "self_eval_project", "self_eval_dept"]
Comparator = Literal["≥", "≤", ">", "<", "=", "range"]


class Place(Model):
    """Where a value is printed: a table cell (text sources also give the file line) or a text line."""

    table_id: str | None = None
    row: int | None = None
    col: int | None = None
    page: int | None = None
    line: int | None = None
    start: int | None = None  # text lines (no grid): offsets of the line in Document.text
    end: int | None = None


class TargetValue(Model):
    """One target (or actual) cell read: "≥95%" → comparator ≥, numbers [95], unit %."""

    raw: str  # as printed, converter spaces kept
    comparator: Comparator | None = None
    numbers: list[ExactDecimal] = Field(default_factory=list)  # every quantity in the cell, in order
    unit: str | None = None  # the unit after the first number ("%", "个", "次/年", "千分之")
    qualitative: bool = False  # a word and no quantity ("及时", "得到提升")
    word: str | None = None  # the qualitative word, whitespace removed
    placeholder: bool = False  # the template filler "....."


class LabelledTarget(Model):
    label: str  # the column as printed: "指标值", "前年", "上年", "预计当年实现", "年初目标值", "2023年"
    value: TargetValue
    place: Place


class Indicator(Model):
    id: str
    project_id: str
    form_kind: FormKind
    goal: str | None = None  # 目标名称 as printed ("长期绩效目标1", "年度目标 1")
    term: Literal["long", "annual"] | None = None  # 长期 / 年度 table
    level1: str = ""  # 一级, whitespace removed; blank cells carried down
    level2: str = ""
    level3: str  # 三级 as printed, whitespace removed
    targets: list[LabelledTarget] = Field(default_factory=list)  # in column order (前年, 上年, 当年)
    weight: ExactDecimal | None = None  # 指标分值权重
    basis: str | None = None  # 指标值确定依据
    actual: TargetValue | None = None  # 自评: 实际完成值 (no comparator)
    score: ExactDecimal | None = None  # 自评: 得分
    deviation_reason: str | None = None  # per-row 偏差原因, where the form has that column
    placeholder: bool = False  # 三级 is the template filler "....."
    place: Place  # the 三级 cell
    repairs: list[str] = Field(default_factory=list)  # what the parser assumed (shifted row, split name …)

    @property
    def current(self) -> LabelledTarget | None:
        """The target of the form's own year: the last column (预计当年实现, 指标值, 年初目标值)."""
        return self.targets[-1] if self.targets else None


class Amount(Model):
    """A money figure of the form ("13万元"), with its unit (inferred from the form when not printed)."""

    raw: str
    value: ExactDecimal | None = None
    unit: str | None = None
    unit_inferred: bool = False
    place: Place


class CheckboxField(Model):
    """A row of tick boxes: 项目类别, 项目安排频度 …; `checked` is what the form ticks."""

    field: str
    options: list[str]
    checked: list[str]
    inferred: bool = False  # pdfminer text: the ticked glyph is lost, the option without "□" is read as ticked
    place: Place


class Goal(Model):
    name: str  # "长期绩效目标1", "年度目标 1"
    text: str = ""  # 目标说明
    weight: ExactDecimal | None = None  # 自评: the goal's (N分)
    place: Place


class Funds(Model):
    """自评 funds block: 预算数 A, 执行数 B, 执行率 B/A, 分值, 得分."""

    budget: Amount | None = None
    spent: Amount | None = None
    rate: str | None = None  # as printed ("100%")
    weight: ExactDecimal | None = None  # (20 分)
    score: ExactDecimal | None = None
    place: Place


class Project(Model):
    """One form: a project's 绩效目标申报表 or 自评表, or a department's 整体 form (name = None)."""

    id: str
    kind: FormKind
    title: str
    year: int | None = None
    name: str | None = None
    code: str | None = None
    department: str | None = None  # 项目主管部门 / 部门(单位)名称
    executor: str | None = None  # 项目执行单位 / 实施单位
    total_budget: Amount | None = None
    year_budget: Amount | None = None
    checkboxes: list[CheckboxField] = Field(default_factory=list)
    attributes: dict[str, str] = Field(default_factory=dict)  # other labelled cells (项目属性, 立项依据 …)
    goals: list[Goal] = Field(default_factory=list)
    funds: Funds | None = None
    total_score: ExactDecimal | None = None
    deviation_reason: str | None = None  # 偏差大或目标未完成原因分析 (form level)
    improvement: str | None = None  # 改进措施
    first_line: int | None = None
    last_line: int | None = None
    place: Place  # the form's first table or line
