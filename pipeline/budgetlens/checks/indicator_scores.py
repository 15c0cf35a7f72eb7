"""Indicator checks on points, years and money (DOMAIN §7, issue 6).

- score_inconsistent: weights (指标分值权重) of a form's annual table not adding up to the total the form
  gives (its 合计, 100 less its 预算执行 points, else 100 or a known template's share: weights.py); 自评 goal
  points plus the funds' points not summing to 100; 总分 ≠ funds score + row scores; the funds score
  ≠ 分值 × 执行率, or 执行率 ≠ B/A; a met target scored below the other met rows of its goal.
- target_change_unexplained: a target changing by 30% or more between two year columns (前年 → 上年 →
  当年) with nothing in the project's texts about that indicator changing, and no figures or cause in the
  row's own 指标值确定依据 (004 @315: 2680座 = 280 round + 2400 square covers, printed in that cell).
  Our convention [C]: DOMAIN §7 asks for no such explanation (§4's rule is about 收支 changes), so it is
  only ever `info`.
- cost_target_mismatch: a cost indicator stating money that differs from the project's budget.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise

from budgetlens.checks.findings import Evidence
from budgetlens.checks.indicators import form_name, indicator_label, place_evidence
from budgetlens.checks.registry import CheckContext, FindingDraft, Outcome, register
from budgetlens.indicators.compare import goal_links, relative_change, target_met, unit_key
from budgetlens.indicators.lexicon import CAUSE_WORDS, CHANGE_WORDS, COST, FULL_MARKS, MONEY_UNITS, squash
from budgetlens.indicators.model import Indicator, Project
from budgetlens.indicators.targets import is_figure, text_to_target
from budgetlens.indicators.weights import form_to_expected_weights
from budgetlens.numbers import UNIT_SCALE, parse_number

CHANGE_THRESHOLD = Decimal("0.3")  # our convention [C]: a target moving by 30% needs a word on why
MIN_PEERS = 3
MODE_SHARE = Decimal("0.6")  # a goal's usual score: the score of at least 60% of its met rows
POINT_TOLERANCE = Decimal("0.5")
CHANGE_NOTE = "目标值年度间变动≥30%（BudgetLens 约定 [C]）"


@register("score_inconsistent",
          "分值与得分：权重合计符合表中总分（未印时按DOMAIN §7默认权重），总分=各项得分之和，得分与完成情况相符")
def score_inconsistent(ctx: CheckContext) -> Iterator[Outcome]:
    for project in ctx.projects:
        rows = [i for i in ctx.indicators if i.project_id == project.id]
        yield from _weights(project, rows)
        if project.kind.startswith("self_eval"):
            yield from _self_eval_points(project, rows)
            yield from _scored_below_peers(ctx, project, rows)


def _weights(project: Project, rows: list[Indicator]) -> Iterator[Outcome]:
    """The 年度 weights against the total the form gives (indicators/weights.py), not a fixed 100."""
    annual = [i for i in rows if i.term == "annual"]
    weights = [i.weight for i in annual if i.weight is not None]
    if not weights or len(weights) < len(annual):
        return  # no weight column, or a weight not printed: the sum is not ours to judge
    total = sum(weights, Decimal(0))
    expected = form_to_expected_weights(project, annual)
    if total in expected.totals:
        yield None
        return
    should = "或".join(map(str, expected.totals))
    yield FindingDraft(severity="warning", evidence=[place_evidence(str(i.weight), i.place) for i in annual[:3]],
                       message=(f"{project.title}“{project.name or '部门整体'}”年度指标分值权重合计{total}，"
                                f"应为{should}（{expected.basis}）"))


def _self_eval_points(project: Project, rows: list[Indicator]) -> Iterator[Outcome]:
    funds = project.funds
    goal_points = [g.weight for g in project.goals if g.weight is not None]
    where = [place_evidence(project.title, project.place)]
    if funds is not None and funds.weight is not None and goal_points:
        total = funds.weight + sum(goal_points, Decimal(0))
        parts = "+".join(map(str, goal_points))
        yield None if total == FULL_MARKS else FindingDraft(
            severity="warning", evidence=where,
            message=f"{project.title}：预算执行{funds.weight}分与各年度目标分值{parts}合计{total}，应为100")
    scores = [i.score for i in rows if i.score is not None]
    if project.total_score is not None and funds is not None and funds.score is not None and scores:
        found = (funds.score + sum(scores, Decimal(0))).normalize()
        yield None if abs(found - project.total_score) <= POINT_TOLERANCE else FindingDraft(
            severity="error", evidence=where,
            message=f"{project.title}：总分{project.total_score}，而预算执行得分{funds.score}与各指标得分之和为{found}")
    if funds is not None:
        yield from _funds(project)


def _funds(project: Project) -> Iterator[Outcome]:
    funds = project.funds
    if funds is None or funds.budget is None or funds.spent is None or funds.rate is None:
        return
    a, b, rate = funds.budget.value, funds.spent.value, parse_number(funds.rate.strip().rstrip("%"))
    if a is None or b is None or rate is None or a == 0:
        return
    computed = (b / a * 100).quantize(Decimal("0.01"))
    expected_score = (funds.weight * min(rate, FULL_MARKS) / 100) if funds.weight is not None else None
    problems = []
    if abs(computed - rate) > 1:
        problems.append(f"执行率{funds.rate}与执行数/预算数={b}/{a}={computed}%不符")
    if expected_score is not None and funds.score is not None and abs(expected_score - funds.score) > POINT_TOLERANCE:
        problems.append(f"得分{funds.score}与{funds.weight}分×执行率={expected_score}不符")
    evidence = [place_evidence(f"{funds.budget.raw} {funds.spent.raw} {funds.rate}", funds.place)]
    yield FindingDraft(severity="warning", evidence=evidence,
                       message=f"{project.title}预算执行情况：{'；'.join(problems)}") if problems else None


def _scored_below_peers(ctx: CheckContext, project: Project, rows: list[Indicator]) -> Iterator[Outcome]:
    """A met target scored less than the usual score of the met rows of its goal (003: 4 among 5s)."""
    by_goal: dict[str | None, list[Indicator]] = defaultdict(list)
    for row in rows:
        if row.score is not None and _met(row):
            by_goal[row.goal].append(row)
    points = {goal.name: goal.weight for goal in project.goals}
    for goal, met in by_goal.items():
        scored = sum((r.score for r in rows if r.goal == goal and r.score is not None), Decimal(0))
        if points.get(goal or "") == scored:
            continue  # the goal's points all given: rows weighted differently, none marked down
        usual, count = Counter(r.score for r in met).most_common(1)[0] if met else (None, 0)
        if usual is None or len(met) < MIN_PEERS or Decimal(count) < MODE_SHARE * len(met):
            continue
        for row in met:
            if row.score is None or row.score >= usual:
                yield None
                continue
            actual = row.actual.raw if row.actual else ""
            yield FindingDraft(
                severity="info",
                evidence=[place_evidence(str(row.score), row.place)],
                message=(f"{form_name(ctx, row)}{indicator_label(row)}已完成目标（实际{actual}），得分{row.score}"
                         f"低于同一目标下其他已完成指标的{usual}分，且未说明扣分原因"))


def _met(row: Indicator) -> bool:
    """Met by the figures, or a word target reached word for word ("完成" / "完成")."""
    current = row.current
    if current is None or row.actual is None:
        return False
    if current.value.qualitative:
        return squash(current.value.word or "") == squash(row.actual.word or "")
    return bool(target_met(current.value, row.actual, row.level3))


@register("target_change_unexplained",
          "指标值年度间大幅变动（≥30%）未见原因说明：BudgetLens 约定 [C]，DOMAIN §7 无此要求，仅作提示（info）")
def target_change_unexplained(ctx: CheckContext) -> Iterator[Outcome]:
    texts = {p.id: " ".join([*p.attributes.values(), *(g.text for g in p.goals)]) for p in ctx.projects}
    for indicator in ctx.indicators:
        years = [t for t in indicator.targets if t.value.numbers and not t.value.qualitative]
        if len(years) < 2:
            continue
        yield _change(ctx, indicator, years, texts.get(indicator.project_id, ""))


def _change(ctx: CheckContext, indicator: Indicator, years: list, text: str) -> Outcome:
    for before, after in pairwise(years):
        if unit_key(before.value.unit) != unit_key(after.value.unit):
            continue
        change = relative_change(before.value.numbers[0], after.value.numbers[0])
        if change is None or abs(change) < CHANGE_THRESHOLD or _explained(indicator, text):
            continue
        return FindingDraft(
            severity="info", tolerance=CHANGE_NOTE,
            message=(f"{form_name(ctx, indicator)}{indicator_label(indicator)}目标值由{before.label}"
                     f"“{before.value.raw}”变为{after.label}“{after.value.raw}”（{change * 100:+.1f}%），"
                     "未见变动原因说明"),
            evidence=[place_evidence(before.value.raw, before.place), place_evidence(after.value.raw, after.place)])
    return None


def _explained(indicator: Indicator, text: str) -> bool:
    return basis_explains(indicator.basis) or _text_explains(indicator.level3, text)


def basis_explains(basis: str | None) -> bool:
    """The row's 指标值确定依据 gives figures ("维修更换圆形检查井井盖280座、…方形井盖井座2400座", 004 @315)
    or a cause word: it says where the new target comes from. A bare figure in that cell ("≥85%") is a
    target a shifted row pushed there, not a basis."""
    if not basis or not basis.strip():
        return False
    value = text_to_target(basis)
    if value.numbers and not is_figure(value):
        return True
    word = squash(basis)
    return any(cause in word for cause in CAUSE_WORDS)


def _text_explains(name: str, text: str) -> bool:
    """The project's texts name the indicator (any three characters of it) next to a change word."""
    key = squash(name)
    pieces = {key[i:i + 3] for i in range(max(0, len(key) - 2))}
    return any(piece in sentence and any(w in sentence for w in CHANGE_WORDS)
               for sentence in text.replace("。", "；").split("；") for piece in pieces)


@register("cost_target_mismatch", "成本指标的金额应与项目当年预算一致（整体表的目标按其对应项目）")
def cost_target_mismatch(ctx: CheckContext) -> Iterator[Outcome]:
    projects = {p.id: p for p in ctx.projects}
    links = goal_links(ctx.projects, ctx.indicators)
    for indicator in ctx.indicators:
        owner = projects.get(links.get((indicator.project_id, indicator.goal), indicator.project_id))
        current = indicator.current
        if owner is None or owner.kind != "project_target" or not _is_cost(indicator) or current is None:
            continue
        budget = owner.year_budget
        if budget is None or budget.value is None or current.value.unit not in MONEY_UNITS or not current.value.numbers:
            continue
        stated = current.value.numbers[0] * UNIT_SCALE[current.value.unit]
        expected = budget.value * UNIT_SCALE.get(budget.unit or "万元", Decimal(10000))
        yield None if stated == expected else _cost_finding(ctx, indicator, owner, stated, expected)


def _is_cost(indicator: Indicator) -> bool:
    return squash(indicator.level1) == COST or "成本" in indicator.level2


def _cost_finding(ctx: CheckContext, indicator: Indicator, owner: Project, stated: Decimal,
                  expected: Decimal) -> FindingDraft:
    current = indicator.current
    raw = current.value.raw if current else ""
    budget_raw = owner.year_budget.raw if owner.year_budget else ""
    evidence: list[Evidence] = [place_evidence(raw, current.place if current else indicator.place)]
    if owner.year_budget is not None:
        evidence.append(place_evidence(budget_raw, owner.year_budget.place))
    return FindingDraft(severity="warning", evidence=evidence,
                        message=(f"{form_name(ctx, indicator)}成本指标{indicator_label(indicator)}目标值“{raw}”"
                                 f"与“{owner.name}”项目当年预算“{budget_raw}”不一致"))
