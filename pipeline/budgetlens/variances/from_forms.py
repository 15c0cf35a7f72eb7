"""Comparable pairs a project's 绩效目标申报表 states: its budget this year against last year's.

A project form prints its 当年预算 in a field of its own, and last year's budget in the field
项目前两年预算及当年预算变动情况: "3. 2023年年初预算安排43万元 … 5. 2024年按照财政要求压减经费，
压减后为23.74万元". The form asks for the change and its reason (当年预算变动情况及理由), so the pair
needs one like any stated change. The pair is the form's 当年预算 against the previous year's 年初预算
(a 执行数 is not a budget; guidelines §3.2). The claims of the field are the pair's claims: a reason
written in the field explains it. Claims of the field that state the same change themselves
("2024年预算金额1048.71万元，较2023年下降1.58%") are this pair and give no pair of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from budgetlens.document import Table
from budgetlens.extract.records import AmountRecord, ClaimRecord
from budgetlens.indicators.model import Amount, Project
from budgetlens.numbers import UNIT_SCALE
from budgetlens.variances.from_claims import Pair, complete
from budgetlens.variances.model import VariancePlace
from budgetlens.variances.required import LineRule

if TYPE_CHECKING:  # the checks package imports this one: no import back at run time
    from budgetlens.checks.registry import CheckContext

CHANGE_FIELD = "前两年预算"  # 项目前两年预算及当年预算变动情况
PROJECT_RULE = LineRule("project", "绩效目标申报表：当年预算变动情况及理由")
YEAR_BEFORE = re.compile(r"((?:19|20)\d{2})\s*年")
YEAR_AFTER = re.compile(r"^\s*/\s*((?:19|20)\d{2})\s*年")  # "280.11 万元/2023 年"
BUDGET_WORD = re.compile(r"预\s*算")
NOT_BUDGET = re.compile(r"执\s*行|支\s*出|决\s*算|余\s*额|调\s*整\s*后|追\s*加")
INITIAL = re.compile(r"年\s*初")
CLAUSE_BREAK = re.compile(r"[，,；;。]")  # not "：": "前两年预算安排情况：280.11万元" is one clause


@dataclass(frozen=True)
class FieldFigure:
    """A money figure of the change field, with the year and words that stand before it in its clause."""

    amount: AmountRecord
    year: int | None
    words: str  # the clause up to the figure


@dataclass
class ProjectFormPairs:
    """The pairs of a document's project forms, and the sentences of their change fields: what else
    those sentences state (前两年 budget against execution) is history, not a pair of its own."""

    pairs: list[Pair]
    field_sentences: set[str]

    def in_field(self, claim: ClaimRecord) -> bool:
        return claim.sentence_id in self.field_sentences


def project_form_pairs(ctx: CheckContext) -> ProjectFormPairs:
    """One pair per project form whose change field gives last year's budget."""
    found = ProjectFormPairs([], set())
    for project, paragraph_id in _change_fields(ctx):
        found.field_sentences |= {s.id for s in ctx.sentences if s.paragraph_id == paragraph_id}
        pair = _project_pair(project, paragraph_id, ctx)
        if pair is not None:
            found.pairs.append(pair)
    return found


def _change_fields(ctx: CheckContext) -> list[tuple[Project, str]]:
    """(project form, paragraph) for each change field: a prose cell (structure/cell_prose) whose row is
    labelled 项目前两年预算及当年预算变动情况, belonging to the last project form that starts at or before
    its table."""
    order = {t.id: i for i, t in enumerate(ctx.tables)}
    tables = {t.id: t for t in ctx.tables}
    forms = [p for p in ctx.projects if p.kind == "project_target" and p.place.table_id in order]
    fields = []
    for paragraph in ctx.paragraphs:
        ref = paragraph.cell
        if ref is None or ref.table_id not in tables or not _labelled_change(tables[ref.table_id], ref.row, ref.col):
            continue
        at = order[ref.table_id]
        project = next((f for f in reversed(forms) if order[f.place.table_id] <= at), None)  # type: ignore[index]
        if project is not None:
            fields.append((project, paragraph.id))
    return fields


def _labelled_change(table: Table, row: int, col: int) -> bool:
    cells = table.rows[row][:col] if row < len(table.rows) else []
    return any(CHANGE_FIELD in "".join(c.text.split()) for c in cells)


def _project_pair(project: Project, paragraph_id: str, ctx: CheckContext) -> Pair | None:
    budget = project.year_budget
    if project.year is None or budget is None or budget.value is None or budget.unit not in UNIT_SCALE:
        return None
    sentence_ids = {s.id for s in ctx.sentences if s.paragraph_id == paragraph_id}
    starts = {s.id: s.span.start for s in ctx.sentences if s.id in sentence_ids}
    figures = [_figure(a, ctx.text, starts[a.sentence_id]) for a in ctx.amounts
               if a.sentence_id in starts and a.kind == "money"]
    base = _last_year_budget(figures, project.year - 1)
    claims = [c for c in ctx.claims if c.sentence_id in sentence_ids]
    anchor = next((c for c in claims if any(v.amount_id == base.id for v in c.values)), None) if base else None
    if base is None or anchor is None or base.unit not in UNIT_SCALE:
        return None
    current = budget.value * UNIT_SCALE[budget.unit] / UNIT_SCALE[base.unit]
    pair = Pair(kind="change", claim=anchor, subject=project.name or "", unit=base.unit, current=current,
                base=base.value, decimals=base.decimals, has_figures=True, claims=_from_anchor(anchor, claims),
                shown=[_budget_cell(budget)])
    complete(pair)
    return pair


def _budget_cell(budget: Amount) -> VariancePlace:
    """The form's 当年预算 cell: the current figure of the pair."""
    place = budget.place
    return VariancePlace(kind="cell", text=budget.raw, table_id=place.table_id, row=place.row, col=place.col,
                         page=place.page, role="current")


def _figure(amount: AmountRecord, text: str, sentence_start: int) -> FieldFigure:
    """The figure's year: the last one named before it in its sentence, or "万元/2023年" right after it."""
    start = amount.span.start
    clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(text, sentence_start, start)), default=sentence_start)
    words = text[clause_start:start]
    years = YEAR_BEFORE.findall(text, sentence_start, start)
    after = YEAR_AFTER.match(text[amount.span.end:amount.span.end + 12])
    year = int(after.group(1)) if after else int(years[-1]) if years else None
    return FieldFigure(amount, year, words)


def _last_year_budget(figures: list[FieldFigure], year: int) -> AmountRecord | None:
    """Last year's budget: a figure of that year named 预算 and not 执行/支出, a 年初 one first; else the
    one figure of that year the field gives ("2023年养护费用为2602.47万元": the field is about budgets)."""
    of_year = [f for f in figures if f.year == year and not NOT_BUDGET.search(f.words)]
    budgets = [f for f in of_year if BUDGET_WORD.search(f.words)]
    initial = [f for f in budgets if INITIAL.search(f.words)]
    chosen = initial or budgets or (of_year if len(of_year) == 1 else [])
    return chosen[0].amount if chosen else None


def _from_anchor(anchor: ClaimRecord, claims: list[ClaimRecord]) -> list[ClaimRecord]:
    """The anchor and the claims after it: a reason explains what stands before it, so a cause written
    before last year's figure ("因机构改革将两个单位合并…2023年…为2602.47万元") is about an earlier change."""
    return [anchor] + [c for c in claims if c.span.start > anchor.span.start]
