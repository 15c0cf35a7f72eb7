"""Weights and points of the indicator forms (score_inconsistent): the total comes from the form, not a fixed 100.

Real rows are seed 000's Wuhan 申报表 (weights adding to 80: 预算执行 is scored outside the rows) and
seed 003's 整体自评表 (总分 99 against printed parts adding to 111); constructed forms pin each source
of the expected total.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest

from budgetlens.checks import indicator_scores
from budgetlens.document import Document
from budgetlens.indicators import document_to_indicators
from budgetlens.indicators.forms import Layout
from budgetlens.indicators.lexicon import WEIGHT_TOTAL
from budgetlens.indicators.model import Funds, Place
from budgetlens.indicators.rows import row_to_parts
from budgetlens.indicators.weights import form_to_expected_weights
from tests.indicators_support import at_line, context, indicator, project, seed_context, seed_forms, table_of

NO_TOTAL = (Decimal(100), Decimal(90), Decimal(80))


def weight_findings(ctx) -> tuple[int, list[str]]:
    """(forms whose weights were summed, messages about weights)."""
    outcomes = list(indicator_scores.score_inconsistent(ctx))
    tested = sum(1 for o in outcomes if o is None or "权重合计" in o.message)
    return tested, [o.message for o in outcomes if o is not None and "权重合计" in o.message]


# --- real forms

def test_weights_real_wuhan_forms_adding_to_80_are_silent() -> None:
    """000: six project forms print every weight, each adding to 80, and no total or 预算执行 points."""
    ctx = seed_context("000")
    by_form: dict[str, list[Decimal]] = defaultdict(list)
    for row in ctx.indicators:
        if row.term == "annual" and row.weight is not None:
            by_form[row.project_id].append(row.weight)
    full = {p.name: sum(by_form[p.id]) for p in ctx.projects
            if by_form[p.id] and len(by_form[p.id]) == sum(1 for i in ctx.indicators
                                                            if i.project_id == p.id and i.term == "annual")}
    assert set(full.values()) == {Decimal(80)}
    assert len(full) == 6
    assert weight_findings(ctx) == (6, [])
    research = next(p for p in ctx.projects if p.name == "调查研究")
    expected = form_to_expected_weights(research, [i for i in ctx.indicators if i.project_id == research.id])
    assert expected.totals == NO_TOTAL
    assert "未印" in expected.basis
    assert "DOMAIN §7" in expected.basis


@pytest.mark.parametrize(("line", "weight", "basis"), [
    (1071, "20", "计划数据"),  # 对口帮扶街道数 | | | 1个 | 20 | 计划数据: header prints 依据 before 权重
    (1030, "20", None),  # 慰问单位工作人员满意 | | | ≥98% | 20: the row ends at its weight
])
def test_weights_real_rows_printing_weight_before_basis(line: int, weight: str, basis: str | None) -> None:
    _, found = seed_forms("000")
    row = at_line(found, line)
    assert (str(row.weight), row.basis) == (weight, basis)
    assert any("read as the weight" in repair for repair in row.repairs)


def test_weights_003_total_against_its_printed_parts_is_the_documents_error() -> None:
    """003 @555–613: the goals score 49+19+10+7+6 (each 三级 row once, no 小计 or 一级 row among them) plus
    预算执行 20 = 111, while 总分 prints 99; the goal points 50+20+10+7+6 and 20 add to 113."""
    _, found = seed_forms("003")
    dept = found.projects[0]
    rows = [i for i in found.indicators if i.project_id == dept.id]
    scores: dict[str | None, Decimal] = defaultdict(Decimal)
    for row in rows:
        scores[row.goal] += row.score or Decimal(0)
    assert [int(v) for v in scores.values()] == [49, 19, 10, 7, 6]
    assert len({r.place.line for r in rows}) == len(rows) == 40
    assert dept.funds is not None
    assert (dept.funds.score, dept.total_score) == (Decimal(20), Decimal(99))


# --- constructed forms: each source of the expected total

def _form(weights: list[str], *, total: str | None = None, funds: str | None = None,
          budget_row: bool = False) -> tuple[int, list[str]]:
    names = [f"指标{n}" for n in range(len(weights))]
    if budget_row:
        names[-1] = "预算执行率"
    rows = [indicator(name, ["≥1个"] * 3) for name in names]
    for row, weight in zip(rows, weights, strict=True):
        row.weight = Decimal(weight)
    form = project(attributes={WEIGHT_TOTAL: total} if total else {},
                   funds=Funds(weight=Decimal(funds), place=Place(line=1)) if funds else None)
    return weight_findings(context([form], rows))


@pytest.mark.parametrize(("weights", "options", "said"), [
    (["60", "20"], {"total": "80"}, None), (["60", "30"], {"total": "80分"}, "应为80（表中合计印为80）"),
    (["60", "20"], {"funds": "20"}, None), (["60", "40"], {"funds": "20"}, "应为80（预算执行20分另计"),
    (["60", "40"], {"budget_row": True}, None), (["60", "20"], {"budget_row": True}, "应为100（预算执行已作为指标"),
    (["60", "40"], {}, None), (["60", "30"], {}, None), (["60", "20"], {}, None),
    (["60", "25"], {}, "应为100或90或80（表中未印合计及预算执行分值"),
    (["60", "50"], {}, "DOMAIN §7 默认权重预算执行10分另计为90"),
])
def test_weights_expected_total_from_the_form(weights: list[str], options: dict, said: str | None) -> None:
    tested, found = _form(weights, **options)
    assert tested == 1
    assert [said in m for m in found] == ([True] if said else [])


def test_weights_with_one_weight_missing_are_not_summed() -> None:
    rows = [indicator("指标1", ["≥1个"] * 3), indicator("指标2", ["≥1个"] * 3)]
    rows[0].weight = Decimal(60)
    assert weight_findings(context([project()], rows)) == (0, [])


# --- parsing what the form prints: a 合计 row under the weights, swapped 依据/权重 cells

HEADER = ["目标名称", "一级指标", "二级指标", "三级指标", "指标值", "指标分值权重", "指标值确定依据"]


@pytest.mark.parametrize(("total_row", "recorded", "finding"), [
    (["合计", "", "", "", "", "90", ""], "90", False),
    (["合计", "", "", "", "", "100", ""], "100", True),
    (["", "", "", "小计", "", "90", ""], None, False),  # a subtotal, not the form's total
    (["合计", "", "", "", "", "90", "88"], None, False),  # two figures: which totals the weights is not said
])
def test_weights_total_row_printed_under_the_weights(total_row: list[str], recorded: str | None,
                                                       finding: bool) -> None:
    table = table_of([["项目名称", "示例项目"], ["年度绩效目标表"], HEADER,
                      ["年度绩效目标1", "产出指标", "数量指标", "培训场次", "≥4次", "60", "计划数据"],
                      ["", "效益指标", "社会效益指标", "群众知晓率", "≥90%", "30", "计划数据"], total_row])
    found = document_to_indicators(Document(tables=[table]))
    assert [i.level3 for i in found.indicators] == ["培训场次", "群众知晓率"]
    assert found.projects[0].attributes.get(WEIGHT_TOTAL) == recorded
    tested, messages = weight_findings(context(found.projects, found.indicators))
    assert (tested, len(messages)) == (1, int(finding))


@pytest.mark.parametrize(("cells", "columns", "weight", "basis"), [
    (["对口帮扶街道数", "", "", "1个", "20", "计划数据"], {"basis": 8, "weight": 9}, "20", "计划数据"),  # swapped
    (["对口帮扶街道数", "", "", "1个", "20", "计划数据"], {"weight": 8, "basis": 9}, "20", "计划数据"),
    (["对口帮扶街道数", "", "", "1个", "计划数据", "20"], {"basis": 8, "weight": 9}, "20", "计划数据"),
    (["对口帮扶街道数", "", "", "1个", "15", "20"], {"basis": 8, "weight": 9}, "20", "15"),  # both numbers: as printed
])
def test_weights_number_under_basis_is_the_weight(cells: list[str], columns: dict[str, int], weight: str,
                                                  basis: str) -> None:
    layout = Layout(labels=["前年", "上年", "预计当年实现"], weight=True, basis=True, columns={"target": 5, **columns})
    slots = row_to_parts(table_of([cells]).rows[0], layout).slots
    assert (slots["weight"].text if slots["weight"] else None, slots["basis"].text if slots["basis"] else None) == (
        weight, basis)
