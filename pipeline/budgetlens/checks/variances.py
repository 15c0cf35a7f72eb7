"""Cause-analysis checks (DOMAIN §6): variances left unexplained, and explanations that explain nothing.

Every variance of the document (variances/build.py) on a line DOMAIN §4 covers needs a reason
when its difference is beyond rounding; the reasons attached to it are judged by the reason
judge (specific / generic / contradictory / purpose_not_cause / empty). Severity ranks only:
a change at or above the severity threshold (10%, our convention) is a warning, below it info.
No check here reports an `error`: a missing or weak explanation is a disclosure defect, not a
wrong figure.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import groupby

from budgetlens.checks.findings import Evidence, Severity
from budgetlens.checks.registry import CheckContext, FindingDraft, Outcome, register
from budgetlens.extract.records import ReasonRecord
from budgetlens.variances import Variance, VariancePlace
from budgetlens.variances.required import THRESHOLD_NOTE

KIND_WORDS = {"change": ("上年数", "本年数"), "budget_vs_actual": ("预算数", "决算数")}
DIRECTION_WORDS = {"increase": "增加", "decrease": "减少", "flat": "持平"}


def place_evidence(place: VariancePlace) -> Evidence:
    if place.kind == "cell":
        return Evidence(kind="cell", text=place.text, table_id=place.table_id, row=place.row, col=place.col,
                        page=place.page)
    return Evidence(kind="text", text=place.text, span=place.span, sentence_id=place.sentence_id,
                    claim_id=place.claim_id)


def reason_evidence(reason: ReasonRecord, ctx: CheckContext) -> Evidence:
    return Evidence(kind="text", text=ctx.text[reason.span.start:reason.span.end], span=reason.span,
                    sentence_id=reason.sentence_id)


def describe(variance: Variance) -> str:
    """"公务接待费预算数1.32万元、决算数0.42万元，减少0.90万元（-68.18%）" — the figures the text or table gives."""
    base_word, current_word = KIND_WORDS[variance.kind]
    unit = variance.unit or ""
    parts = [f"{word}{_shown(value)}{unit}" for word, value in ((base_word, variance.base),
                                                                 (current_word, variance.current)) if value is not None]
    change = DIRECTION_WORDS.get(variance.direction or "", "变动")
    if variance.difference is not None and variance.difference != 0:
        change += f"{_shown(abs(variance.difference))}{unit}"
    if variance.rate is not None:
        change += f"（{variance.rate.quantize(Decimal('0.01'))}%）"
    return f"{variance.subject}{'、'.join(parts)}{'，' if parts else ''}{change}"


def _shown(value: Decimal) -> str:
    return f"{value:,}"


def _severity(variance: Variance) -> Severity:
    return "info" if variance.size == "minor" else "warning"


@register("unexplained_variance",
          "须说明原因的增减变化（收支总体、财政拨款、功能科目、“三公”、机关运行经费等）未说明原因")
def unexplained_variance(ctx: CheckContext) -> Iterator[Outcome]:
    for variance in ctx.variances.variances:
        if not variance.needs_reason:
            continue
        if variance.explained:
            yield None
            continue
        yield FindingDraft(
            _severity(variance), f"{describe(variance)}，未说明原因（{variance.rule}）。",
            [place_evidence(p) for p in variance.evidence], tolerance=THRESHOLD_NOTE)


@register("generic_reason", "原因说明为套话（工作需要、人员调整、厉行节约、按财政要求压减等），未说明具体原因")
def generic_reason(ctx: CheckContext) -> Iterator[Outcome]:
    yield from _judged(ctx, "generic", "原因说明“{text}”为笼统表述，未指明具体数量、事项、政策或项目")


@register("contradictory_reason", "原因说明与增减方向相矛盾（以增加的原因解释减少，或数值变动却称持平）")
def contradictory_reason(ctx: CheckContext) -> Iterator[Outcome]:
    yield from _judged(ctx, "contradictory", "原因说明“{text}”与变动方向相矛盾")


def _judged(ctx: CheckContext, label: str, template: str) -> Iterator[Outcome]:
    """One outcome per reason attached to a variance that needs one: a finding when judged `label`."""
    analysis = ctx.variances
    reasons = {r.id: r for r in ctx.reasons}
    for reason_id, judgement in analysis.judgements.items():
        explained = [v for v in analysis.variance_of_reason(reason_id) if v.needs_reason]
        if not explained:
            continue
        if judgement.label != label:
            yield None
            continue
        covers = "；".join(describe(v) for v in explained)
        shared = f"（同一原因用于{len(explained)}项变动）" if len(explained) > 1 else ""
        message = template.format(text=analysis.reason_texts[reason_id]) + f"：{covers}{shared}。"
        evidence = [reason_evidence(reasons[reason_id], ctx),
                    *(place_evidence(p) for v in explained for p in v.evidence[:1])]
        yield FindingDraft("warning", message, evidence)


@register("reason_for_zero_change", "数值无变动（持平）却给出变动原因")
def reason_for_zero_change(ctx: CheckContext) -> Iterator[Outcome]:
    analysis = ctx.variances
    reasons = {r.id: r for r in ctx.reasons}
    for variance in analysis.variances:
        if variance.direction != "flat" or not variance.reason_ids:
            continue
        causes = [r for r in variance.reason_ids if reasons[r].type == "cause"
                  and analysis.judgements[r].label not in ("empty", "purpose_not_cause")]
        if not causes:
            yield None
            continue
        texts = "；".join(f"“{analysis.reason_texts[r]}”" for r in causes)
        yield FindingDraft("info", f"{describe(variance)}，数值无变动，却说明了变动原因{texts}。",
                           [*(place_evidence(p) for p in variance.evidence),
                            *(reason_evidence(reasons[r], ctx) for r in causes)])


@register("missing_reason_items", "同一组并列的增减变化只对部分项目说明了原因")
def missing_reason_items(ctx: CheckContext) -> Iterator[Outcome]:
    for group in _groups(ctx):
        needing = [v for v in group if v.needs_reason]
        missing = [v for v in needing if not v.explained]
        if len(needing) < 2:
            continue
        if not missing or len(missing) == len(needing):
            yield None
            continue
        names = "、".join(v.subject for v in missing)
        yield FindingDraft(
            "info", f"同组{len(needing)}项变动中，{len(needing) - len(missing)}项说明了原因，{names}未说明。",
            [place_evidence(v.evidence[0]) for v in missing])


def _groups(ctx: CheckContext) -> list[list[Variance]]:
    """Narrative variances listed together: one section, one kind, one kind of line, in a run."""
    section_of = {s.id: s.section_id for s in ctx.sentences}

    def key(variance: Variance) -> tuple:
        place = variance.evidence[0]
        return section_of.get(place.sentence_id or ""), variance.kind, variance.line

    stated = [v for v in ctx.variances.variances if v.source == "narrative"]
    return [list(run) for _, run in groupby(stated, key=key)]
