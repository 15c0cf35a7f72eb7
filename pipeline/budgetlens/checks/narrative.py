"""Arithmetic of the narrative: rates, completion rates, zero denominators and direction words.

Each check recomputes what a sentence states from the figures the same claim prints
(DOMAIN.md §4), with the interval rounding of rounding.py, so a correctly rounded
statement never raises a finding. Figures a claim does not print (the prior year of
"增加307.82万元，增长100.00%") are left to the text↔table checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from budgetlens.checks.findings import Evidence
from budgetlens.checks.registry import CheckContext, FindingDraft, Outcome, register
from budgetlens.checks.rounding import (
    TOLERANCE_NOTE,
    Interval,
    fmt,
    half_unit,
    percent_of,
    printed_interval,
    rate_verdict,
    same_unit_values,
    scale_of,
)
from budgetlens.extract.records import AmountRecord, ClaimRecord

UP, DOWN = {"增加", "增长", "大于"}, {"减少", "下降", "小于"}
SAME = {"持平", "等于"}
WHOLE_NAME_MAX = 30  # characters between 占 and the rate: "占一般公共预算项目支出总额的"
MAX_PARTS = 12  # parts of one breakdown list searched back for its total


def claim_evidence(claim: ClaimRecord, ctx: CheckContext) -> list[Evidence]:
    sentence = next((s for s in ctx.sentences if s.id == claim.sentence_id), None)
    text = sentence.text if sentence is not None else ""
    return [Evidence(kind="text", text=text, span=claim.span, sentence_id=claim.sentence_id, claim_id=claim.id)]


def _shown(amount: AmountRecord) -> str:
    """The amount as printed, without the spaces converters put inside ("4407.79 万元")."""
    return "".join(amount.text.split())


def _sign(direction: str | None) -> int | None:
    return 1 if direction in UP else -1 if direction in DOWN else None


def _base(claim: ClaimRecord, ctx: CheckContext) -> tuple[AmountRecord, str] | None:
    """The figure a change is stated from: this year's (change) or the actual (against a budget)."""
    role = "current" if claim.kind == "change" else "actual"
    amount = ctx.value_or_stated_before(claim, role)
    return (amount, role) if amount is not None else None


@register("wrong_change_rate", "增减率 = 增减额 ÷ 上年数（或预算数），按显示精度取区间复核")
def wrong_change_rate(ctx: CheckContext) -> Iterator[Outcome]:
    for claim in ctx.claims:
        pct, parts = ctx.value(claim, "pct"), _change_parts(claim, ctx)
        if pct is None or parts is None:
            continue
        delta_range, prior, current, scale = parts
        expected = percent_of(delta_range, prior)
        if expected is None:
            continue  # from zero: see zero_denominator
        if _right_for_the_table_figure(claim, ctx, pct):
            yield None  # the figure is the slip, not the rate: narrative_table_mismatch reports it
            continue
        yield _rate_outcome(claim, ctx, pct, expected, _wrong_base_note(delta_range, current, pct), prior, scale)


def _change_parts(claim: ClaimRecord, ctx: CheckContext) -> tuple[Interval, Interval, Interval, Decimal] | None:
    """(|增减额|, 上年, 本年, unit scale) of a change, from 增减额 + this year's figure, or from both years' figures."""
    delta, pct, base = ctx.value(claim, "delta"), ctx.value(claim, "pct"), _base(claim, ctx)
    prior_amount = ctx.value(claim, "prior") if claim.kind == "change" else None
    if delta is None and prior_amount is not None and base is not None and same_unit_values(base[0], prior_amount):
        current, prior = printed_interval(base[0]), printed_interval(prior_amount)
        difference = current - prior
        if _sign(claim.direction) not in (None, 1 if difference.mid > 0 else -1):
            return None  # the direction word is wrong: direction_mismatch reports it, once
        return _magnitude(difference), prior, current, scale_of(prior_amount)
    sign = _sign(claim.direction)
    if delta is None or pct is None or base is None or sign is None or not same_unit_values(base[0], delta):
        return None
    if pct.span.start < delta.span.start:
        return None  # "压减10%，增减相抵后增加164.48万元": the rate is not the rate of this difference
    current, delta_range = printed_interval(base[0]), printed_interval(delta)
    prior = current - delta_range if sign > 0 else current + delta_range
    return delta_range, prior, current, scale_of(delta)


def _magnitude(difference: Interval) -> Interval:
    return difference if difference.mid >= 0 else Interval(-difference.high, -difference.low)


def _right_for_the_table_figure(claim: ClaimRecord, ctx: CheckContext, pct: AmountRecord) -> bool:
    """"2025年…执行数为198.34万元，2026年预算安排201.50万元，比…增加5.27%" where the table has 208.8:
    the rate is right for the table's figure, so the printed figure is what is wrong (GUIDELINE §6)."""
    prior = ctx.value(claim, "prior")
    link = next((link for link in ctx.links if link.claim.id == claim.id and link.role == "current"
                 and link.off_by is not None and link.off_by > 1), None)
    if prior is None or link is None or link.table_value is None or not same_unit_values(prior, link.amount):
        return False
    scale = scale_of(link.amount)
    half = half_unit(link.amount.decimals) * scale
    table = Interval(link.table_value * scale - half, link.table_value * scale + half)
    expected = percent_of(_magnitude(table - printed_interval(prior)), printed_interval(prior))
    return expected is not None and rate_verdict(pct, expected) == "ok"


def _wrong_base_note(delta: Interval, current: Interval, pct: AmountRecord) -> str:
    on_current = percent_of(delta, current)
    if on_current is not None and rate_verdict(pct, on_current) == "ok":
        return "；文中比率是以本年数为基数算出的（应以上年数为基数）"
    return ""


def _rate_outcome(claim: ClaimRecord, ctx: CheckContext, stated: AmountRecord, expected: Interval, note: str,
                  base: Interval, scale: Decimal) -> Outcome:
    base_word = "上年数" if claim.kind == "change" else "预算数"
    return rate_finding(claim, ctx, stated, expected, "增减率", f"以{base_word}{fmt(base.mid / scale)}为基数", note)


def rate_finding(claim: ClaimRecord, ctx: CheckContext, stated: AmountRecord, expected: Interval, what: str,
                 how: str, note: str = "") -> Outcome:
    """None when the stated rate fits the interval; else an error (or info for a truncated rate)."""
    verdict = rate_verdict(stated, expected)
    if verdict == "ok":
        return None
    places = max(stated.decimals, 2)
    return FindingDraft(
        severity="error" if verdict == "wrong" else "info", evidence=claim_evidence(claim, ctx),
        message=(f"{claim.subject or '该项'}的{what}应为{fmt(expected.mid, places)}%（{how}），"
                 f"文中为{_shown(stated)}{note}"),
        observed=stated.value, expected=expected.mid.quantize(Decimal(10) ** -places), tolerance=TOLERANCE_NOTE,
    )


@register("wrong_completion_rate", "完成率 = 决算数 ÷ 句中所称的预算数（年初或全年）")
def wrong_completion_rate(ctx: CheckContext) -> Iterator[Outcome]:
    for claim in ctx.claims:
        completion, actual = ctx.value(claim, "completion"), ctx.value(claim, "actual")
        budget = _budget_interval(claim, ctx)
        if completion is None or actual is None or budget is None:
            continue
        expected = percent_of(printed_interval(actual), budget)
        if expected is None:
            continue  # see zero_denominator
        yield rate_finding(claim, ctx, completion, expected, "完成率",
                           f"决算{_shown(actual)}÷预算{fmt(budget.mid / scale_of(actual))}")


def _budget_interval(claim: ClaimRecord, ctx: CheckContext) -> Interval | None:
    """The budget as printed, or actual ∓ the stated difference ("比全年预算减少0.9万元")."""
    budget, actual, delta = ctx.value(claim, "budget"), ctx.value(claim, "actual"), ctx.value(claim, "delta")
    if budget is not None:
        return printed_interval(budget) if actual is None or same_unit_values(budget, actual) else None
    sign = _sign(claim.direction)
    if actual is None or delta is None or sign is None or not same_unit_values(actual, delta):
        return None
    return printed_interval(actual) - printed_interval(delta) if sign > 0 else \
        printed_interval(actual) + printed_interval(delta)


@register("zero_denominator", "分母为零时不应给出比率（年初预算为0却写完成率，上年为0却写增长率）")
def zero_denominator(ctx: CheckContext) -> Iterator[Outcome]:
    for claim in ctx.claims:
        completion, budget = ctx.value(claim, "completion"), ctx.value(claim, "budget")
        if completion is not None and budget is not None:
            yield _zero_outcome(claim, ctx, completion, budget.value == 0, "error", "预算数为0")
        delta, pct, base = ctx.value(claim, "delta"), ctx.value(claim, "pct"), _base(claim, ctx)
        if claim.kind == "change" and delta is not None and pct is not None and base is not None \
                and same_unit_values(base[0], delta) and _sign(claim.direction) == 1:
            yield _zero_outcome(claim, ctx, pct, base[0].value * scale_of(base[0]) == delta.value * scale_of(delta),
                                "warning", "上年数为0（本年数等于增加额）")


def _zero_outcome(claim: ClaimRecord, ctx: CheckContext, rate: AmountRecord, is_zero: bool, severity: str,
                  why: str) -> Outcome:
    if not is_zero:
        return None
    return FindingDraft(
        severity=severity, evidence=claim_evidence(claim, ctx), observed=rate.value,
        message=f"{claim.subject or '该项'}{why}，比率无从计算，文中却写{_shown(rate)}",
    )


@register("direction_mismatch", "方向词（大于/小于/等于/持平/增加/减少）须与数值的差的符号一致")
def direction_mismatch(ctx: CheckContext) -> Iterator[Outcome]:
    for claim in ctx.claims:
        if claim.direction is None:
            continue
        budget, actual, delta = ctx.value(claim, "budget"), ctx.value(claim, "actual"), ctx.value(claim, "delta")
        if budget is not None and actual is not None and same_unit_values(budget, actual) and delta is None:
            difference = actual.value * scale_of(actual) - budget.value * scale_of(budget)
            yield _direction_outcome(claim, ctx, difference, f"决算数{_shown(actual)}、预算数{_shown(budget)}")
        elif delta is not None and claim.direction in SAME:
            yield _direction_outcome(claim, ctx, delta.value, f"增减额{_shown(delta)}")
        elif claim.kind == "change" and delta is None:
            current, prior = ctx.value(claim, "current"), ctx.value(claim, "prior")
            if current is not None and prior is not None and same_unit_values(current, prior):
                difference = current.value * scale_of(current) - prior.value * scale_of(prior)
                yield _direction_outcome(claim, ctx, difference, f"本年{_shown(current)}、上年{_shown(prior)}")
    yield from _pair_directions(ctx)


def _pair_directions(ctx: CheckContext) -> Iterator[Outcome]:
    """A change stated with only its amount inside a pair whose figures come from elsewhere: a 绩效 form's
    "当年预算变动情况及理由：…调整减少111.5万元" against its 当年预算 394.61 and last year's 280.11."""
    claims = {c.id: c for c in ctx.claims}
    for variance in ctx.variances.variances:
        if variance.difference is None or variance.difference == 0 or variance.current is None or variance.base is None:
            continue
        for place in variance.evidence:
            claim = claims.get(place.claim_id or "")
            delta = ctx.value(claim, "delta") if claim is not None else None
            if claim is None or delta is None or claim.direction not in UP | DOWN or _states_both(claim, ctx):
                continue
            stated = delta.value if claim.direction in UP else -delta.value
            if (stated > 0) != (variance.difference > 0):
                figures = f"本年{variance.current}{variance.unit or ''}、上年{variance.base}{variance.unit or ''}"
                draft = _direction_outcome(claim, ctx, variance.difference, figures, variance.subject)
                if draft is not None:
                    draft.observed, draft.expected = stated, variance.difference
                    yield draft


def _states_both(claim: ClaimRecord, ctx: CheckContext) -> bool:
    """The claim gives both figures itself: the loop above has checked it."""
    return any(ctx.value(claim, a) is not None and ctx.value(claim, b) is not None
               for a, b in (("budget", "actual"), ("current", "prior")))


def _direction_outcome(claim: ClaimRecord, ctx: CheckContext, difference: Decimal, figures: str,
                       subject: str | None = None) -> Outcome:
    word = "大于" if difference > 0 else "小于" if difference < 0 else "等于"
    stated = claim.direction or ""
    agrees = (difference > 0 and stated in UP) or (difference < 0 and stated in DOWN) or \
        (difference == 0 and stated in SAME)
    if agrees:
        return None
    return FindingDraft(
        severity="error", evidence=claim_evidence(claim, ctx),
        message=f"{subject or claim.subject or '该项'}：{figures}，应为“{word}”，文中写“{stated}”",
    )


@register("wrong_share", "占比 = 部分 ÷ 整体（整体取其前引出各部分的合计：其中：/主要用于以下方面：）")
def wrong_share(ctx: CheckContext) -> Iterator[Outcome]:
    for claim in ctx.claims:
        share, part = ctx.value(claim, "share"), ctx.value(claim, "current")
        whole = _whole_of(claim, ctx)
        if share is None or part is None or whole is None or not same_unit_values(part, whole):
            continue
        if not _names_that_whole(ctx, share, whole):
            continue  # "占“三公”经费的15.70%": a whole other than the list's total
        expected = percent_of(printed_interval(part), printed_interval(whole))
        if expected is None:
            continue
        yield rate_finding(claim, ctx, share, expected, "占比", f"{_shown(part)}÷{_shown(whole)}")


def _names_that_whole(ctx: CheckContext, share: AmountRecord, whole: AmountRecord) -> bool:
    """"占24.06%" (no whole named) or "占一般公共预算财政拨款支出的…" naming the breakdown's own subject."""
    lead = ctx.text[max(0, share.span.start - WHOLE_NAME_MAX):share.span.start]
    named = "".join(lead.rsplit("占", 1)[-1].split()).removeprefix("比").removesuffix("的") if "占" in lead else None
    if named is None:
        return False
    if not named:
        return True
    total_claim = next((c for c in ctx.claims if any(v.amount_id == whole.id for v in c.values)), None)
    subject = (total_claim.subject or "") if total_claim else ""
    return bool(subject) and (named in subject or subject in named)


def _whole_of(claim: ClaimRecord, ctx: CheckContext) -> AmountRecord | None:
    """The total a share is a part of: the breakdown that introduces the list it stands in.

    Walking back over the parts of the list (figures and shares), the first other claim must
    be a breakdown; anything else means the whole is not printed nearby, and nothing is checked."""
    index = ctx.claims.index(claim)
    for earlier in reversed(ctx.claims[max(0, index - MAX_PARTS):index]):
        if earlier.kind == "breakdown":
            return ctx.value(earlier, "total")
        if earlier.kind not in ("share", "figure"):
            return None
    return None
