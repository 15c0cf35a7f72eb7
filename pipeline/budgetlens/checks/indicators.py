"""Performance-indicator checks (DOMAIN §7, issue 6): targets that are vague, malformed, inconsistent,
unmet, or name another year.

- target_not_quantified: a 数量/质量/时效/成本 indicator whose target states no number (an exact word target
  counts as one: "无事件" = 0 occurrences; a deadline, "年内完成", for 时效).
- malformed_target: "10家≥" (comparator after the figure), a reversed range, a rate (…率) with a money
  or count unit, an actual value in another unit than its target.
- inconsistent_target: an indicator of the department's 整体 form and the same indicator of a project
  form (same 三级 name, once in each) with different targets ("≤千分之四" vs "≤4%").
- unmet_target: 自评, the actual value short of the target (its comparator respected); a warning
  when no deviation reason is given, info when the reason is generic.
- stale_reference: a goal, 三级 name or target naming a year more than one year away from the form's.

Score and year-on-year checks are in indicator_scores.py. Severities rank only (our convention [C]).
"""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.checks.findings import Evidence, Severity
from budgetlens.checks.registry import CheckContext, FindingDraft, Outcome, register
from budgetlens.document import Span
from budgetlens.indicators.compare import goal_links, same_target, target_met, unit_key, units_differ, years_in
from budgetlens.indicators.lexicon import (
    DEADLINE,
    MONEY_UNITS,
    QUANTIFIED_LEVEL2,
    RATE_NAME,
    ZERO_OCCURRENCE,
    squash,
)
from budgetlens.indicators.model import Indicator, Place, Project, TargetValue
from budgetlens.indicators.targets import is_figure, trailing_symbol
from budgetlens.judge import judge_reason

NO_REASON = frozenset({"", "无", "无。", "/", "-", "—"})
WEAK_REASONS = frozenset({"generic", "empty", "purpose_not_cause"})
RATE_UNITS_OK = frozenset({"%", "‰", "千分之", "分"})
STRICT_TYPES = ("数量", "成本")  # a vague 数量/成本 target is a warning; 质量/时效 info


def place_evidence(text: str, place: Place) -> Evidence:
    if place.table_id is not None:
        return Evidence(kind="cell", text=text, table_id=place.table_id, row=place.row, col=place.col,
                        page=place.page)
    span = (Span(start=place.start, end=place.end or place.start, line=place.line, page=place.page)
            if place.start is not None else None)
    return Evidence(kind="text", text=text, span=span)


def form_name(ctx: CheckContext, indicator: Indicator) -> str:
    project = project_of(ctx, indicator)
    if project is None or project.name is None:
        return "部门整体绩效表"
    return f"“{project.name}”项目"


def project_of(ctx: CheckContext, indicator: Indicator) -> Project | None:
    return next((p for p in ctx.projects if p.id == indicator.project_id), None)


def indicator_label(indicator: Indicator) -> str:
    return f"“{indicator.level3}”（{indicator.level1}/{indicator.level2}）"


@register("target_not_quantified", "数量、质量、时效、成本指标的目标值应细化量化（比较符+数值+单位）")
def target_not_quantified(ctx: CheckContext) -> Iterator[Outcome]:
    for indicator in ctx.indicators:
        kind = next((k for k in QUANTIFIED_LEVEL2 if k in indicator.level2 or k in indicator.level1), None)
        current = indicator.current
        if kind is None or current is None or indicator.placeholder or not current.value.raw.strip():
            continue
        if quantified(kind, current.value):
            yield None
            continue
        yield FindingDraft(
            severity="warning" if kind in STRICT_TYPES else "info",
            message=(f"{form_name(ctx, indicator)}{indicator_label(indicator)}{current.label}目标值"
                     f"“{current.value.raw}”未量化：{kind}指标应写明比较符、数值和单位"),
            evidence=[place_evidence(current.value.raw, current.place)],
        )


def quantified(kind: str, value: TargetValue) -> bool:
    """A number, or words that are exact: no occurrence (= 0, any type), or a deadline (时效 only: a date
    is not a count, so "12月31日之前完成" under 数量 is still vague)."""
    if not value.qualitative:
        return True
    word = squash(value.raw)
    return bool(ZERO_OCCURRENCE.search(word)) or (kind == "时效" and bool(DEADLINE.search(word)))


@register("malformed_target", "目标值格式：比较符在数值前、区间由小到大、比率不用金额或数量单位、实际值与目标同单位")
def malformed_target(ctx: CheckContext) -> Iterator[Outcome]:
    for indicator in ctx.indicators:
        current = indicator.current
        if current is None or indicator.placeholder or not current.value.numbers:
            continue
        problem = target_problem(indicator, current.value)
        if problem is None:
            yield None
            continue
        evidence = [place_evidence(current.value.raw, current.place)]
        if indicator.actual is not None and "实际" in problem:
            evidence.append(place_evidence(indicator.actual.raw, indicator.place))
        yield FindingDraft(severity="warning", evidence=evidence,
                           message=f"{form_name(ctx, indicator)}{indicator_label(indicator)}{problem}")


def target_problem(indicator: Indicator, value: TargetValue) -> str | None:
    """What is wrong with the form of a target, or None."""
    if trailing_symbol(value.raw):
        return f"目标值“{value.raw}”比较符写在数值之后，应为“{value.comparator}{_without_symbol(value.raw)}”"
    if value.comparator == "range" and len(value.numbers) > 1 and value.numbers[0] > value.numbers[1]:
        return f"目标值区间“{value.raw}”上下限颠倒"
    if RATE_NAME.search(indicator.level3) and value.unit is not None and value.unit not in RATE_UNITS_OK:
        kind = "金额" if value.unit in MONEY_UNITS else "数量"
        return f"为比率指标，目标值“{value.raw}”却是{kind}（单位{value.unit}）"
    if indicator.actual is not None and is_figure(value) and is_figure(indicator.actual) and \
            units_differ(value, indicator.actual):
        return f"实际完成值“{indicator.actual.raw}”与目标值“{value.raw}”单位不同"
    return None


def _without_symbol(raw: str) -> str:
    return "".join(raw.split()).rstrip("≥≤><=≧≦")


@register("inconsistent_target", "同一指标在部门整体绩效表与项目绩效表中的目标值应一致")
def inconsistent_target(ctx: CheckContext) -> Iterator[Outcome]:
    for dept, project in shared_indicators(ctx):
        a, b = dept.current, project.current
        if a is None or b is None or not a.value.raw.strip() or not b.value.raw.strip():
            continue
        difference = target_difference(a.value, b.value)
        if difference is None:
            yield None
            continue
        yield FindingDraft(
            severity="info" if difference == "comparator" else "warning",
            message=(f"“{dept.level3}”在部门整体绩效表中目标值为“{a.value.raw}”，在{form_name(ctx, project)}中为"
                     f"“{b.value.raw}”，同一指标{'比较符' if difference == 'comparator' else '口径'}不一致"),
            evidence=[place_evidence(a.value.raw, a.place), place_evidence(b.value.raw, b.place)],
        )


def target_difference(a: TargetValue, b: TargetValue) -> str | None:
    """"value" (numbers, unit or word differ), "comparator" (both print one, and they differ), or None.
    A comparator printed on one side only is not a difference ("1项" and "≥1项"); a list that repeats
    the other's figures after a headline total is the same ("22个（1个…，20个…）" and "1个…，20个…")."""
    if a.qualitative or b.qualitative:
        return None if same_target(a, b) else "value"
    numbers_a, numbers_b = a.numbers, b.numbers
    longer, shorter = (numbers_a, numbers_b) if len(numbers_a) >= len(numbers_b) else (numbers_b, numbers_a)
    same_numbers = longer == shorter or (len(longer) == len(shorter) + 1 and longer[1:] == shorter)
    if not same_numbers or unit_key(a.unit) != unit_key(b.unit):
        return "value"
    if a.comparator and b.comparator and a.comparator != b.comparator:
        return "comparator"
    return None


def shared_indicators(ctx: CheckContext) -> Iterator[tuple[Indicator, Indicator]]:
    """(整体 form row, project form row) pairs with one 三级 name, within a goal linked to its project."""
    links = goal_links(ctx.projects, ctx.indicators)
    for row in ctx.indicators:
        project_id = links.get((row.project_id, row.goal))
        if project_id is None:
            continue
        matches = [i for i in ctx.indicators if i.project_id == project_id and squash(i.level3) == squash(row.level3)]
        same_term = [i for i in matches if i.term == row.term] or matches
        if same_term:
            yield row, same_term[0]


@register("unmet_target", "自评：实际完成值未达到目标值（按比较符），应说明偏差原因及改进措施")
def unmet_target(ctx: CheckContext) -> Iterator[Outcome]:
    for indicator in ctx.indicators:
        current = indicator.current
        if indicator.actual is None or current is None:
            continue
        met = target_met(current.value, indicator.actual, indicator.level3)
        if met is None:
            continue
        if met:
            yield None
            continue
        yield _unmet(ctx, indicator, current.value)


def _unmet(ctx: CheckContext, indicator: Indicator, target: TargetValue) -> Outcome:
    project = project_of(ctx, indicator)
    actual = indicator.actual.raw if indicator.actual else ""
    reason = (indicator.deviation_reason or (project.deviation_reason if project else None) or "").strip()
    if reason in NO_REASON:
        severity: Severity = "warning"
        said = "未说明偏差原因" + (f"（偏差原因栏为“{reason}”）" if reason else "")
    else:
        label = (ctx.judge or judge_reason)(reason, "偏差原因", None, None).label
        if label not in WEAK_REASONS:
            return None  # unmet, and explained
        severity, said = "info", f"偏差原因“{reason[:40]}”笼统"
    return FindingDraft(
        severity=severity, evidence=[place_evidence(actual, indicator.place)],
        message=(f"{form_name(ctx, indicator)}{indicator_label(indicator)}实际完成值“{actual}”"
                 f"未达到目标值“{target.raw}”，{said}"),
    )


@register("stale_reference", "绩效目标、指标和目标值所提年份应与表的年度相符")
def stale_reference(ctx: CheckContext) -> Iterator[Outcome]:
    for project in ctx.projects:
        if project.year is None:
            continue
        for text, place in _dated_texts(ctx, project):
            stale = [year for year in years_in(text) if abs(year - project.year) > 1]
            if not stale:
                yield None
                continue
            yield FindingDraft(
                severity="warning",
                message=(f"{project.title}（{project.year}年）中“{text[:60]}”提到{stale[0]}年，"
                         f"与表的年度不符，疑为沿用旧年度内容"),
                evidence=[place_evidence(text, place)],
            )


def _dated_texts(ctx: CheckContext, project: Project) -> Iterator[tuple[str, Place]]:
    """Goal texts, 三级 names and targets of the form that name a year."""
    for goal in project.goals:
        if years_in(goal.text):
            yield goal.text, goal.place
    for indicator in ctx.indicators:
        if indicator.project_id != project.id:
            continue
        texts = [(indicator.level3, indicator.place)] + [(t.value.raw, t.place) for t in indicator.targets]
        yield from ((text, place) for text, place in texts if years_in(text))
