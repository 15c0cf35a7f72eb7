"""Pairs a 绩效目标申报表 states: a project's 当年预算 against last year's budget written in its change
field, and a department form's 部门总体资金情况 rows (guidelines §3.2). Forms are short passages in the
layout of seed 000 (Wuhan 2024 project forms); figures are real or changed where a case needs it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens.structure.cell_prose import is_prose
from tests.pipeline_support import analyze_text

FORM = """2024年江汉区项目支出(绩效目标) 申报表

项目名称\t专项工作\t项目代码\t\t\t
项目主管部门\t区人民政府办公室\t项目执行单位\t区人民政府办公室\t\t
项目年度\t2024年\t\t\t\t
项目实施方案\t1、负责为区人民政府领导同志组织处理好疑难问题，做好综合协调、服务保障工作。\t\t\t\t
项目前两年预算及当年预算变动情况\t{field}\t\t\t\t
项目总预算\t{budget}万元\t项目当年预算\t{budget}万元\t\t
"""
SEED_000_FIELD = ("1. 2022年初预算安排43万元; 2. 2022年实际预算执行情况43万元; 3. 2023年初预算安排43万元; "
                  "4. 2023年1-7月执行情况30.5万元。 5. 2024年按照财政要求压减经费，压减后为23.74万元。")


def project_variances(field: str, budget: str):
    record = analyze_text(FORM.format(field=field, budget=budget), "form.txt")
    return [v for v in record.variances if v.line == "project"], record


def test_change_field_gives_last_years_initial_budget_against_this_years():
    variances, record = project_variances(SEED_000_FIELD, "23.74")
    assert len(variances) == 1
    v = variances[0]
    assert (v.subject, v.direction) == ("专项工作", "decrease")
    assert (v.base, v.current, v.difference) == (Decimal("43"), Decimal("23.74"), Decimal("-19.26"))
    assert v.needs_reason
    assert v.explained  # "按照财政要求压减经费": a (generic) cause without a cue word
    cell = next(p for p in v.evidence if p.kind == "cell")
    assert (cell.role, cell.text) == ("current", "23.74万元")  # the form's 当年预算, by table cell
    assert any(p.kind == "claim" and "2023年初预算安排43万元" in p.text for p in v.evidence)
    reason = next(r for r in record.reasons if r.id in v.reason_ids)
    assert "财政要求压减经费" in reason.text


def test_execution_figures_are_not_the_budget():
    field = "1. 2023年实际预算执行情况40万元; 2. 2023年年初预算安排43万元; 3. 2024年预算无变化。"
    variances, _ = project_variances(field, "43")
    assert [(v.base, v.current, v.direction) for v in variances] == [(Decimal("43"), Decimal("43"), "flat")]
    assert not variances[0].needs_reason


def test_a_change_with_no_reason_is_unexplained_and_a_cause_before_the_base_does_not_count():
    field = ("2022年老旧社区养护费用243万，因机构改革将两个单位合并，预算项目合并为道路绿化养护，"
             "2023年养护费用为2602.47万元。2024年养护费用为2677.42万元")
    variances, record = project_variances(field, "2677.42")
    assert [(v.base, v.current, v.explained) for v in variances] == [(Decimal("2602.47"), Decimal("2677.42"), False)]
    assert any(f.check == "unexplained_variance" for f in record.findings)


def test_a_reason_against_the_direction_is_contradictory():
    field = ("1. 前两年预算安排情况：280.11 万元/2023 年 2. 当年预算变动情况（变动资金数量）及理由："
             "按年度预计发放人数进行调整减少 111.5 万元")
    variances, record = project_variances(field, "394.61")
    assert [(v.base, v.current, v.direction) for v in variances] == [(Decimal("280.11"), Decimal("394.61"), "increase")]
    assert [f.check for f in record.findings if f.check == "contradictory_reason"] == ["contradictory_reason"]
    (wrong_way,) = [f for f in record.findings if f.check == "direction_mismatch"]  # 减少 stated, the form rose
    assert (wrong_way.severity, wrong_way.observed, wrong_way.expected) == ("error", Decimal("-111.5"),
                                                                            Decimal("114.50"))


@pytest.mark.parametrize("field", ["无", "1. 2023年未安排此项目。 2. 2024年新增项目。"])
def test_no_previous_budget_gives_no_pair(field):
    variances, _ = project_variances(field, "80")
    assert variances == []


DEPT_FORM = """2024年部门整体支出绩效目标申报表

部门(单位)名称\t武汉市江汉区人民政府办公室\t\t\t\t\t
部门总体资金情况\t总体资金情况\t\t当年金额\t占比\t近两年收支金额\t
\t\t\t\t\t2022年\t2023年
\t收入构成\t财政拨款\t{fiscal}\t100%\t3927.98\t4341.01
\t\t单位资金\t\t\t\t
\t\t合计\t{fiscal}\t100%\t3927.98\t4341.01
\t支出构成\t人员类项目支出\t940.72\t21.34%\t928.74\t988.32
\t\t特定目标类项目支出\t3467.07\t78.66%\t2999.24\t3352.69
合计\t\t{fiscal}\t100%\t3927.98\t4341.01
"""


def test_department_funds_block_gives_fiscal_and_total_rows_from_the_table():
    record = analyze_text(DEPT_FORM.format(fiscal="4407.79"), "dept.txt")
    assert [(v.subject, v.source, v.line) for v in record.variances] == [
        ("部门总体资金情况 收入构成 财政拨款", "table", "fiscal"),
        ("部门总体资金情况 收入构成 合计", "table", "total"),
        ("部门总体资金情况 支出构成 合计", "table", "total"),  # its row is shifted left in the text: read too
    ]
    assert {(v.base, v.current) for v in record.variances} == {(Decimal("4341.01"), Decimal("4407.79"))}


def test_department_funds_rows_stated_in_the_narrative_are_not_repeated():
    narrative = ("二、收支预算总体情况\n\n2024 年收支总预算 4407.79 万元，比 2023 年预算增加 66.78 万元，"
                 "增长 1.54%。主要原因是增加了走访慰问专项经费。\n\n"
                 "2024 年一般公共预算拨款 4407.97 万元，较 2023 年预算增加 66.78 万元。\n\n")
    record = analyze_text(narrative + DEPT_FORM.format(fiscal="4407.79"), "dept.txt")
    assert [v.source for v in record.variances] == ["narrative", "narrative"]


@pytest.mark.parametrize(("text", "prose"), [
    ("按年度预计发放人数进行调整减少111.5万元", False),  # no clause inside: a phrase, kept out
    ("2022 年预算金额 1361.84 万元，2023 年预算金额 1065.47 万元。", True),
    ("一般公共预算财政拨款基本支出", False),
    ("2,892.88，83%，2,824.63，3,001.56", False),
    ("≥90%", False),
    ("1、开展业务培训1万元。 2、办公文办会1.91万元", True),
])
def test_prose_cells_are_sentences_and_labels_are_not(text, prose):
    assert is_prose(text) is prose
