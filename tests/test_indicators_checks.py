"""The indicator checks: each on real rows of the seeds and on constructed cases; correct rows stay silent.

A check yields one outcome per item it looked at: None for an item that passed, a FindingDraft otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from budgetlens.checks import indicator_scores, indicator_texts, indicators
from budgetlens.checks.registry import CHECKS, CheckContext, FindingDraft
from budgetlens.indicators.model import Amount, Funds, Goal, Place
from tests.indicators_support import context, indicator, project, seed_context


@dataclass(frozen=True)
class Label:
    label: str


def lexicon_judge(text: str, cue: str, direction: str | None = None, claim_direction: str | None = None) -> Label:
    """A test double for the trained reason judge: generic when the reason is boilerplate."""
    return Label("generic" if "工作需要" in text else "specific")


def run(check, ctx: CheckContext) -> tuple[int, list[FindingDraft]]:
    outcomes = list(check(ctx))
    return len(outcomes), [o for o in outcomes if o is not None]


def messages(check, ctx: CheckContext) -> list[str]:
    return [f.message for f in run(check, ctx)[1]]


# --- target_not_quantified

def test_not_quantified_real_rows() -> None:
    found = messages(indicators.target_not_quantified, seed_context("000"))
    assert any("“完成及时率”" in m and "“及时”" in m for m in found)
    assert not any("“专项课题数”" in m for m in found)  # 1项: quantified


@pytest.mark.parametrize(("level2", "target", "severity"), [
    ("数量指标", "逐步增加", "warning"), ("时效指标", "及时", "info"), ("数量指标", "≥12个", None),
    ("社会效益指标", "有效提升", None),  # 效益 may be qualitative
    ("时效指标", "12月31日之前完成", None),  # 003 @599: a deadline quantifies a 时效 target
    ("时效指标", "6月底前", None),
    ("数量指标", "12月31日之前完成", "warning"),  # a date is not a quantity
    ("时效指标", "年内完成对口帮扶资金拨付", None),  # 001 @2182: within the year
    ("数量指标", "年内完成对口帮扶资金拨付", "warning"),
    ("质量指标", "无事件", None), ("质量指标", "不发生", None),  # 002 @427, @429: no occurrence, = 0
    ("质量指标", "无“黄、非”案件", None), ("数量指标", "零事故", None),
    ("质量指标", "无明显下降", "info"),  # "无" naming no event is not a count
])
def test_not_quantified_constructed(level2: str, target: str, severity: str | None) -> None:
    tested, found = run(indicators.target_not_quantified, context([project()], [
        indicator("迁移上云业务系统数量", [target], level2=level2)]))
    assert [f.severity for f in found] == ([severity] if severity else [])
    assert tested == (0 if level2 == "社会效益指标" else 1)


# --- malformed_target

def test_malformed_real_rows() -> None:
    found = messages(indicators.malformed_target, seed_context("000"))
    assert found == ["部门整体绩效表“预算执行率”（产出指标/成本指标）为比率指标，目标值“69万元”却是金额（单位万元）"]


@pytest.mark.parametrize(("level3", "target", "actual", "word"), [
    ("新增接入单位数量", "10家≥", None, "比较符写在数值之后"),
    ("慰问单位", "10-8家", None, "上下限颠倒"),
    ("预算执行率", "69万元", None, "金额"),
    ("落实支援金额", "≥300万元", "300个", "单位不同"),
    ("慰问单位", "8-10家", None, None),
    ("预算执行率", "100%", "98%", None),
    ("被慰问对象满意度", "≥90分", None, None),
])
def test_malformed_constructed(level3: str, target: str, actual: str | None, word: str | None) -> None:
    _, found = run(indicators.malformed_target, context([project()], [indicator(level3, [target], actual=actual)]))
    assert [word in f.message for f in found] == ([True] if word else [])


# --- inconsistent_target

def test_inconsistent_real_rows_permille_against_percent() -> None:
    found = run(indicators.inconsistent_target, seed_context("000"))[1]
    warnings = [f.message for f in found if f.severity == "warning"]
    assert warnings == ["“政府工作报告容错率”在部门整体绩效表中目标值为“≤千分之四”，在“调查研究”项目中为“≤4%”，"
                        "同一指标口径不一致"]
    assert not any("专项课题数" in f.message for f in found)  # "1项" and "≥1项": one side prints no comparator


def _dept_and_project(dept_target: str, project_target: str) -> CheckContext:
    dept_rows = [indicator(name, [t], project_id="p1", goal="长期目标1", kind="dept_target", term="long")
                 for name, t in (("培训场次", dept_target), ("培训人数", "≥200人"))]
    rows = [indicator(name, [t], project_id="p2", goal="长期绩效目标1", term="long")
            for name, t in (("培训场次", project_target), ("培训人数", "≥200人"))]
    return context([project("p1", "dept_target", name=None), project("p2")], dept_rows + rows)


@pytest.mark.parametrize(("dept", "form", "severity"), [
    ("≤千分之四", "≤4%", "warning"), ("≥4次", "≥5次", "warning"), ("≥98%", ">98%", "info"), ("4次", "≥4次", None),
    ("≥4次", "≥4次", None),
])
def test_inconsistent_constructed(dept: str, form: str, severity: str | None) -> None:
    tested, found = run(indicators.inconsistent_target, _dept_and_project(dept, form))
    assert tested == 2
    assert [f.severity for f in found] == ([severity] if severity else [])


def test_inconsistent_needs_the_goal_linked_to_its_project() -> None:
    ctx = _dept_and_project("≥4次", "≥5次")
    ctx.indicators[3].level3 = "另一指标"  # the goal and the project now share one name only
    assert run(indicators.inconsistent_target, ctx) == (0, [])


# --- unmet_target

def test_unmet_real_row_without_reason() -> None:
    found = messages(indicators.unmet_target, seed_context("003", judge=lexicon_judge))
    assert len(found) == 2  # 003 @586 and the same row in the 五峰县 project form
    assert "实际完成值“8个”未达到目标值“≥30个”，未说明偏差原因（偏差原因栏为“无”）" in found[0]


@pytest.mark.parametrize(("level3", "target", "actual", "unmet"), [
    ("帮扶项目数", "≥30个", "8个", True), ("帮扶项目数", "≥30个", "50个", False), ("帮扶项目数", "30个", "30个", False),
    ("投诉发生率", "5%", "8%", True), ("投诉发生率", "≤5%", "3%", False), ("慰问单位", "8-10家", "12家", True),
    ("满意度", "≥90%", "98%", False), ("完成情况", "完成", "未完成", None),
])
def test_unmet_constructed(level3: str, target: str, actual: str, unmet: bool | None) -> None:
    tested, found = run(indicators.unmet_target, context([project(kind="self_eval_project")], [
        indicator(level3, [target], actual=actual, labels=["年初目标值"], kind="self_eval_project")]))
    assert (tested, len(found)) == ((0, 0) if unmet is None else (1, int(unmet)))


@pytest.mark.parametrize(("reason", "severity"), [
    ("受上级政策调整影响，2023年8月起项目暂停，仅完成8个，已于2024年1月重新申报补足。", None),
    ("工作需要", "info"), ("无", "warning"), (None, "warning"),
])
def test_unmet_reason_decides_the_severity(reason: str | None, severity: str | None) -> None:
    ctx = context([project(kind="self_eval_project", deviation_reason=reason)], [
        indicator("帮扶项目数", ["≥30个"], actual="8个", labels=["年初目标值"], kind="self_eval_project")],
        judge=lexicon_judge)
    tested, found = run(indicators.unmet_target, ctx)
    assert tested == 1
    assert [f.severity for f in found] == ([severity] if severity else [])


# --- stale_reference

def test_stale_reference_real_goal_text() -> None:
    found = messages(indicators.stale_reference, seed_context("000"))
    assert len(found) == 1
    assert "提到2021年" in found[0]
    assert "《2021年政府工作报告》" in found[0]


@pytest.mark.parametrize(("text", "stale"), [
    ("起草《2021年政府工作报告》", True), ("起草《2024年政府工作报告》", False), ("2023年完成拨付", False)])
def test_stale_reference_constructed(text: str, stale: bool) -> None:
    ctx = context([project(year=2024)], [indicator("政府工作报告", [text])])
    assert len(run(indicators.stale_reference, ctx)[1]) == int(stale)


# --- score_inconsistent

def test_score_real_forms() -> None:
    found = messages(indicator_scores.score_inconsistent, seed_context("003"))
    assert any("总分99，而预算执行得分20与各指标得分之和为111" in m for m in found)
    assert any("50+20+10+7+6合计113" in m for m in found)
    assert any("“服务对象满意率”" in m and "得分4低于" in m for m in found)


def test_score_funds_rate_against_figures() -> None:
    found = messages(indicator_scores.score_inconsistent, seed_context("001"))
    assert any("执行率100%与执行数/预算数=2019.84/1397.58=144.52%不符" in m for m in found)


def _self_eval(scores: list[str], total: str, goal_points: str) -> CheckContext:
    place = Place(line=1)
    funds = Funds(budget=Amount(raw="10", value=Decimal(10), place=place), spent=Amount(raw="10", value=Decimal(10),
                  place=place), rate="100%", weight=Decimal(20), score=Decimal(20), place=place)
    form = project(kind="self_eval_project", funds=funds, total_score=Decimal(total),
                   goals=[Goal(name="目标1", weight=Decimal(goal_points), place=place)])
    rows = [indicator(f"指标{n}", ["≥90%"], actual="95%", score=s, labels=["年初目标值"], kind="self_eval_project")
            for n, s in enumerate(scores)]
    return context([form], rows)


@pytest.mark.parametrize(("scores", "total", "points", "problems"), [
    (["20", "20", "20", "20"], "100", "80", 0),
    (["20", "20", "20", "20"], "90", "80", 1),  # 总分 ≠ 20 + 80
    (["20", "20", "20", "15"], "95", "80", 1),  # a met row marked down among full marks
    (["20", "20", "20", "20"], "100", "90", 1),  # 20 + 90 ≠ 100
])
def test_score_constructed(scores: list[str], total: str, points: str, problems: int) -> None:
    assert len(run(indicator_scores.score_inconsistent, _self_eval(scores, total, points))[1]) == problems


# --- target_change_unexplained

def test_change_real_row() -> None:
    found = messages(indicator_scores.target_change_unexplained, seed_context("000"))
    assert found == ["部门整体绩效表“组织开展研讨、学习”（产出指标/数量指标）目标值由上年“8次”变为预期当年实现值“≥5次”"
                     "（-37.5%），未见变动原因说明"]


def test_change_is_our_convention_and_only_info() -> None:
    """DOMAIN §7 asks for no reason when a target changes (FINDINGS_REVIEW.md): a hint, labelled [C]."""
    assert "约定 [C]" in CHECKS["target_change_unexplained"].description
    found = run(indicator_scores.target_change_unexplained, seed_context("004"))[1]
    assert len(found) == 1  # 004 @69 (@315 is explained by its 依据 cell)
    assert {(f.severity, f.tolerance) for f in found} == {("info", indicator_scores.CHANGE_NOTE)}


@pytest.mark.parametrize(("targets", "explanation", "finding"), [
    (["100人", "100人", "30人"], "", True), (["100人", "105人", "110人"], "", False),
    (["100人", "100人", "30人"], "项目资金按上年执行数安排", True),
    (["100人", "100人", "30人"], "吸纳就业补贴人数减少，因政策到期", False),
    (["及时", "及时", "及时"], "", None),
])
def test_change_constructed(targets: list[str], explanation: str, finding: bool | None) -> None:
    form = project(attributes={"项目前两年预算及当年预算变动情况": explanation} if explanation else {})
    tested, found = run(indicator_scores.target_change_unexplained,
                        context([form], [indicator("吸纳就业补贴人数", targets)]))
    assert (tested, len(found)) == ((0, 0) if finding is None else (1, int(finding)))


@pytest.mark.parametrize(("basis", "finding"), [
    ("计划数据：维修更换圆形检查井井盖280座、维修更换方形井盖井座2400座", False),  # 004 @315: figures
    ("因服务范围扩大，新增两个社区", False),  # a cause
    ("计划数据：按照工作实际需求", True), ("历史数据", True),
    ("≥85%", True),  # a target a shifted row pushed into the 依据 column explains nothing
    (None, True),
])
def test_change_basis_cell_of_the_row(basis: str | None, finding: bool) -> None:
    row = indicator("维修及更换井盖个数", ["1152座", "1437座", "2680座"])
    row.basis = basis
    tested, found = run(indicator_scores.target_change_unexplained, context([project()], [row]))
    assert (tested, len(found)) == (1, int(finding))


# --- cost_target_mismatch

def test_cost_real_row_against_the_linked_project() -> None:
    found = messages(indicator_scores.cost_target_mismatch, seed_context("000"))
    assert found == ["部门整体绩效表成本指标“对口帮扶各项资金”（产出指标/成本指标）目标值“3149.8万元”"
                     "与“乡村振兴及对口帮扶工作”项目当年预算“3049.8万元”不一致"]


@pytest.mark.parametrize(("target", "finding"), [("≤1,010.00万元", False), ("1010万元", False), ("980万元", True),
                                                 ("10100000元", False)])
def test_cost_constructed(target: str, finding: bool) -> None:
    budget = Amount(raw="1,010.00", value=Decimal("1010.00"), unit="万元", place=Place(line=1))
    ctx = context([project(year_budget=budget)], [indicator("项目预算控制数", [target], level1="成本指标",
                                                            level2="经济成本指标")])
    tested, found = run(indicator_scores.cost_target_mismatch, ctx)
    assert (tested, len(found)) == (1, int(finding))


# --- target_text_mismatch (goal texts against their rows)

def test_text_targets_real_goals_agree_with_their_rows() -> None:
    tested, found = run(indicator_texts.target_text_mismatch, seed_context("004"))
    assert tested >= 5
    assert found == []


@pytest.mark.parametrize(("goal_text", "finding"), [
    ("全年疏捞检查井雨水井49783座，有效降低渍水发生", False),
    ("全年疏捞检查井雨水井47983座，有效降低渍水发生", True),
    ("全年疏捞检查井雨水井约5万立方米", False),  # another unit: not the same measure
])
def test_text_targets_constructed(goal_text: str, finding: bool) -> None:
    form = project(goals=[Goal(name="年度绩效目标1", text=goal_text, place=Place(line=1))])
    row = indicator("疏捞检查井和雨水井数量", ["114818座", "87531座", "49783座"])
    found = run(indicator_texts.target_text_mismatch, context([form], [row]))[1]
    assert len(found) == int(finding)
