"""Every comparable pair of one document, as `Variance`s with their reasons judged.

    claims → pairs (from_claims), project forms → pairs (from_forms) → restatements merged
    → tables → pairs (from_tables, from_dept_forms), a pair the
    narrative already states merged into it → required? (required) → reasons attached (attach; a
    table-only 三公 part takes the reasons of its parent that name it) → reasons judged → Variance
    records numbered in document order

A table pair and a narrative pair are one variance when they name the same line (the "三公"
item, the function code or 类/款/项 names) and the printed figures agree after unit conversion.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import takewhile
from typing import TYPE_CHECKING, Protocol

from budgetlens.extract.records import ClaimRecord, ReasonRecord
from budgetlens.link.subjects import normalise, subject_to_line
from budgetlens.tables.model import Flavour
from budgetlens.variances.attach import (
    Target,
    attach_reasons,
    core_name,
    is_empty,
    names_line,
    reason_end,
    reason_text,
)
from budgetlens.variances.from_claims import Pair, claim_to_pair
from budgetlens.variances.from_dept_forms import add_dept_form_pairs
from budgetlens.variances.from_forms import PROJECT_RULE, project_form_pairs
from budgetlens.variances.from_tables import tables_to_pairs
from budgetlens.variances.items import Item, add_table_pairs, direction_of, figures_of, item_to_variance
from budgetlens.variances.model import Variance
from budgetlens.variances.required import LineRule, Settings, budget_change_rule, line_rule

if TYPE_CHECKING:  # the checks package imports this one: no import back at run time
    from budgetlens.checks.registry import CheckContext

NOT_A_CAUSE = frozenset({"purpose_not_cause", "empty"})
OPENS_BREAKDOWN = re.compile(r"其中[：:]")  # at the end of a total's sentence, or opening the next
BREAKDOWN_REACH = 4  # characters on either side of the sentence end where 其中： is looked for
SPENDING_PART = re.compile(r"基本支出|项目支出|人员经费|公用经费")  # parts a total breaks into, never a line name
RESTATEMENT_GAP = 2  # claims between a pair and the figure-less claim that restates it
PARTS_OF_VEHICLE = ("vehicle_purchase", "vehicle_running")  # 三公 table columns under 公务用车购置及运行维护费
THREE_PUBLIC_PARTS = {"total": ("outbound", "vehicle", "reception", *PARTS_OF_VEHICLE), "vehicle": PARTS_OF_VEHICLE}


class Judgement(Protocol):
    label: str
    confidence: float


Judge = Callable[..., Judgement]


@dataclass
class VarianceAnalysis:
    """A document's variances, and for every reason attached to one: the text judged and the judgement."""

    variances: list[Variance]
    reason_texts: dict[str, str] = field(default_factory=dict)
    judgements: dict[str, Judgement] = field(default_factory=dict)

    def variance_of_reason(self, reason_id: str) -> list[Variance]:
        return [v for v in self.variances if reason_id in v.reason_ids]


def default_judge() -> Judge:
    from budgetlens.judge import judge_reason  # the trained reason judge (issue 5)

    return judge_reason


def build_variances(ctx: CheckContext, settings: Settings | None = None,
                    judge: Judge | None = None) -> VarianceAnalysis:
    settings = settings or Settings()
    is_budget = _is_budget_document(ctx)
    stated = [c for c in ctx.claims if not _inside_reason(c, ctx.reasons, ctx.text)]
    forms = project_form_pairs(ctx)
    pairs = [p for c in stated if not forms.in_field(c) and (p := claim_to_pair(c, ctx, is_budget)) is not None]
    paragraph_of = {s.id: s.paragraph_id for s in ctx.sentences}
    for pair in pairs:
        pair.subject = _subject_in_context(pair, stated, paragraph_of)
    items = [Item(pair, rule=_rule_of(pair, ctx, is_budget)) for pair in _merge_restatements(pairs)]
    items = [i for i in items if i.rule is not None or i.pair.has_figures]  # type: ignore[union-attr]
    items += [Item(pair, rule=PROJECT_RULE) for pair in forms.pairs]
    add_table_pairs(items, tables_to_pairs(ctx.logical_tables))
    add_dept_form_pairs(items, ctx)
    section_of = {s.id: s.section_id for s in ctx.sentences}
    for item in items:
        item.target = _target(item, section_of)
    attach_reasons([i.target for i in items if i.target is not None], ctx.claims, ctx.reasons, ctx.text)
    _explain_table_parts(items, ctx.reasons)
    kept = [item for item in items if not (item.target and item.target.summary)]
    variances = [item_to_variance(item, settings, ctx.text) for item in kept]
    analysis = VarianceAnalysis(variances=_numbered(variances, ctx))
    _judge(analysis, ctx, judge or default_judge())
    _explain_restatements(analysis.variances)
    _explain_by_breakdown(analysis.variances, ctx)
    return analysis


def _explain_table_parts(items: list[Item], reasons: list[ReasonRecord]) -> None:
    """The 三公 table splits 公务用车购置及运行维护费 into 购置费 and 运行费, which the text seldom states: a table-only
    part takes the reasons of its stated parent that name it ("…新购执法执勤用车成交价低于预算" → 购置费,
    "…车辆运行维护费相应减少" → 运行费) and go its way."""
    text_of = {r.id: r.text for r in reasons}
    parents = [i for i in items if i.target and i.target.reason_ids and _three_public_role(i) == "vehicle"]
    for item in items:
        if item.pair is not None or item.cells is None or item.cells.item not in PARTS_OF_VEHICLE:
            continue
        direction = direction_of(figures_of(item), None)
        for parent in parents:
            if parent.target is None or (parent.target.kind, parent.target.direction) != (item.cells.kind, direction):
                continue
            named = [r for r in parent.target.reason_ids if names_line(text_of.get(r, ""), item.cells.subject)]
            if named:
                item.target = Target(claim_ids=[], direction=direction, has_figures=True, reason_ids=named,
                                     kind=item.cells.kind)
                break


def _three_public_role(item: Item) -> str | None:
    if item.cells is not None:
        return item.cells.item
    line = subject_to_line(item.pair.subject) if item.pair is not None else None
    return line.line if line is not None and line.kind == "three_public" else None


def _is_budget_document(ctx: CheckContext) -> bool:
    """预算 (not 决算): most understood tables say so; without tables, no actual figure is stated."""
    flavours = [t.flavour for t in ctx.logical_tables if t.flavour is not None]
    if flavours:
        return flavours.count(Flavour.BUDGET) > flavours.count(Flavour.FINAL)
    return not any(v.role == "actual" for c in ctx.claims for v in c.values)


def _inside_reason(claim: ClaimRecord, reasons: list[ReasonRecord], text: str) -> bool:
    """"主要原因是…综合管理费专项增加209万元": a change stated inside a reason explains; it is not a pair."""
    return any(r.span.start <= claim.span.start < reason_end(r, text) for r in reasons)


def _subject_in_context(pair: Pair, claims: list[ClaimRecord], paragraph_of: dict[str, str]) -> str:
    """"“社会保障和就业支出（类）…（项）”53.84万元…2024年预算安排53.84万元，比2023年…减少1.39%": a subject
    that names no line takes the line the paragraph opened with — unless it names a part of spending of its
    own ("其中：基本支出1,725.26万元，…比2023年度增加73.18万元" is not the 支出合计 it follows)."""
    if line_rule(pair.subject) is not None or SPENDING_PART.search(pair.subject):
        return pair.subject
    paragraph = paragraph_of.get(pair.claim.sentence_id)
    start = pair.claim.span.start
    before = [c for c in claims if paragraph_of.get(c.sentence_id) == paragraph and c.span.start < start]
    named = next((c.subject for c in reversed(before) if c.subject and line_rule(c.subject) is not None), None)
    return named or pair.subject


def _merge_restatements(pairs: list[Pair]) -> list[Pair]:
    """"因公出国（境）费全年预算为0万元，支出决算为0万元…。与年初预算持平，主要原因是…": the second claim
    restates the first pair (same kind and subject, no figures of its own, or the same figures)."""
    kept: list[Pair] = []
    for pair in pairs:
        earlier = next((p for p in _recent(kept) if _restates(pair, p)), None)
        if earlier is None and kept and _second_budget(pair, kept[-1]):
            kept[-1] = _the_explained_budget(kept[-1], pair)
            continue
        if earlier is None:
            kept.append(pair)
            continue
        earlier.claims.append(pair.claim)
        if earlier.difference is None and pair.difference is not None:
            earlier.difference = pair.difference
    return kept


def _recent(kept: list[Pair]) -> list[Pair]:
    """The pairs a restatement may restate, latest first: back to the RESTATEMENT_GAP-th one with figures
    (figure-less restatements of other lines in between do not count)."""
    recent: list[Pair] = []
    figured = 0
    for pair in reversed(kept):
        recent.append(pair)
        figured += pair.has_figures
        if figured == RESTATEMENT_GAP:
            break
    return recent


def _second_budget(pair: Pair, earlier: Pair) -> bool:
    """"年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元": one line's actual against two budgets in one
    sentence is one line (guidelines §3: per 项 line against 年初预算 or 全年预算), so one variance."""
    return (pair.kind == earlier.kind == "budget_vs_actual" and pair.claim.sentence_id == earlier.claim.sentence_id
            and normalise(pair.subject) == normalise(earlier.subject) and pair.current == earlier.current
            and pair.base != earlier.base)


def _the_explained_budget(first: Pair, second: Pair) -> Pair:
    """Of the two budgets, the one the sentence compares in words ("决算数小于预算数"), else the first."""
    chosen = second if second.claim.direction and not first.claim.direction else first
    chosen.claims = [*first.claims, *second.claims]
    return chosen


def _restates(pair: Pair, earlier: Pair) -> bool:
    if pair.kind != earlier.kind or normalise(pair.subject) != normalise(earlier.subject):
        return False
    same_figures = (pair.current, pair.base, pair.difference) == (earlier.current, earlier.base, earlier.difference)
    return not pair.has_figures or same_figures or _restates_the_difference(pair, earlier)


def _restates_the_difference(pair: Pair, earlier: Pair) -> bool:
    """"…支出决算为1948.72万元…。决算数小于预算数71.28万元。": a difference stated again after the pair."""
    stated = pair.base is None and pair.difference is not None
    return stated and earlier.difference is not None and abs(pair.difference) == abs(earlier.difference)


def _rule_of(pair: Pair | None, ctx: CheckContext, is_budget: bool) -> LineRule | None:
    if pair is None:
        return None
    rule = line_rule(pair.subject)
    if rule is None and is_budget:
        rule = budget_change_rule(pair.kind, pair.current is not None or pair.difference is not None)
    return rule


def _target(item: Item, section_of: dict[str, str | None]) -> Target | None:
    if item.pair is None:
        return None
    direction = direction_of(figures_of(item), item.pair.claim.direction)
    ids = [c.id for c in item.pair.claims]
    return Target(claim_ids=ids, direction=direction, has_figures=item.pair.has_figures, reason_ids=[],
                  kind=item.pair.kind, section_id=section_of.get(item.pair.claim.sentence_id))


def _numbered(variances: list[Variance], ctx: CheckContext) -> list[Variance]:
    """Ids in document order: a stated pair where its claim stands, a table pair where its table stands."""
    table_at = {t.id: t.span.start if t.span else len(ctx.text) for t in ctx.tables}

    def position(variance: Variance) -> int:
        place = variance.evidence[0]
        if place.span is not None:
            return place.span.start
        return table_at.get(place.table_id or "", len(ctx.text))

    ordered = sorted(variances, key=position)
    for number, variance in enumerate(ordered, start=1):
        variance.id = f"v{number}"
    return ordered


def _judge(analysis: VarianceAnalysis, ctx: CheckContext, judge: Judge) -> None:
    """Judge every attached reason once; a variance is explained by a cause that is neither empty nor a purpose."""
    reasons = {r.id: r for r in ctx.reasons}
    index = {s.id: i for i, s in enumerate(ctx.sentences)}
    busy = {c.sentence_id for c in ctx.claims} | {r.sentence_id for r in ctx.reasons}
    for variance in analysis.variances:
        for reason_id in variance.reason_ids:
            if reason_id not in analysis.judgements:
                reason = reasons[reason_id]
                text = reason_text(reason, ctx.sentences, index, busy)
                analysis.reason_texts[reason_id] = text
                analysis.judgements[reason_id] = judge(text, reason.cue, variance.direction,
                                                       variance.stated_direction)
        variance.explained = any(_is_cause(reasons[r], analysis.reason_texts[r], analysis.judgements[r])
                                 for r in variance.reason_ids)


def _explain_restatements(variances: list[Variance]) -> None:
    """"收、支预算总计各增加844.15万元…主要原因是…" then, sections later, "财政拨款支出增加844.15万元": the
    same pair restated in another section is explained by the cause given where it was first explained."""
    explained = [v for v in variances if v.explained]
    for variance in variances:  # one that was given only a purpose ("…增长7.90%，主要用于…") borrows no cause
        if variance.needs_reason and not variance.explained and not variance.reason_ids:
            twin = next((v for v in explained if _same_pair(variance, v)), None)
            if twin is not None:
                variance.explained, variance.explained_at = True, twin.id


def _explain_by_breakdown(variances: list[Variance], ctx: CheckContext) -> None:
    """"“三公”经费预算数为37.91万元，比2024年预算减少10万元。其中：（一）…持平。（二）…减少10万元，主要原因是…":
    a total that opens a breakdown ("其中：" ends its sentence or starts the next) is explained when the
    pairs right after it, on the same kind of line, break it down and every part that changed is explained."""
    ends = {s.id: s.span.end for s in ctx.sentences}
    for i, total in enumerate(variances):
        end = ends.get(total.evidence[0].sentence_id or "") if total.evidence else None
        if not (total.needs_reason and not total.explained and end is not None
                and OPENS_BREAKDOWN.search(ctx.text, end - BREAKDOWN_REACH, end + BREAKDOWN_REACH)):
            continue
        line = (total.kind, total.line)
        parts = list(takewhile(lambda v, line=line, total=total: (v.kind, v.line) == line
                               and not _siblings(total, v), variances[i + 1:]))
        changed = [v for v in parts if v.needs_reason]
        if changed and all(v.explained for v in changed):
            total.explained, total.explained_at = True, changed[0].id


def _siblings(total: Variance, other: Variance) -> bool:
    """Lines side by side, neither a part of the other: the next "三公" item after 公务用车购置及运行维护费's own
    breakdown, 本年支出合计 after 本年收入合计's."""
    a, b = subject_to_line(total.subject), subject_to_line(other.subject)
    if a is None or b is None or a.kind != b.kind:
        return False
    if a.kind == "three_public":
        return b.line not in THREE_PUBLIC_PARTS.get(a.line or "", ())
    return a.kind == "total_line" and {a.line, b.line} == {"income_total", "spending_total"}


def _same_pair(a: Variance, b: Variance) -> bool:
    """Same kind, same non-zero difference, and the same current figure where both print one; or the same line
    told again with its actual only ("2、公务用车购置及运行维护费支出6.12万元，完成预算的90.00%。…主要原因是…")."""
    if a.kind != b.kind or a.unit != b.unit:
        return False
    if a.difference is None or b.difference is None:
        return a.current is not None and a.current == b.current and core_name(a.subject) == core_name(b.subject)
    return a.difference == b.difference and (a.current is None or b.current is None or a.current == b.current)


def _is_cause(reason: ReasonRecord, text: str, judgement: Judgement) -> bool:
    return reason.type == "cause" and not is_empty(text) and judgement.label not in NOT_A_CAUSE
