"""Comparable pairs stated in the narrative: change and budget-vs-actual claims → `Pair`s.

A claim gives some of: this year's figure (or the actual), last year's (or the budget), the
difference with a direction word, a rate or a completion rate. The pair is completed from what
is printed: base = current − difference, difference = current − base, a 持平 means zero.
Money is compared in 元 and reported in the unit of the claim's first figure.

"“三公”经费预算数为867.50万元，与2024年预算持平" (a budget document) compares with last year's
budget: a change, whatever the claim grammar called it. A claim with a direction and no
figure ("与年初预算持平，主要原因是…") restates the pair just before it on the same subject
and is merged into it (see build.py); a budget figure with no comparison is not a pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from budgetlens.extract.records import AmountRecord, ClaimRecord
from budgetlens.nlp.claims import direction_sign
from budgetlens.nlp.patterns import load_patterns
from budgetlens.numbers import UNIT_SCALE
from budgetlens.variances.model import VarianceKind, VariancePlace

if TYPE_CHECKING:  # the checks package imports this one: no import back at run time
    from budgetlens.checks.registry import CheckContext

LAST_YEAR_BUDGET = re.compile(r"(与|比|较)(上年|上年度|\d{4}年度?)(年初)?预算")
VERB_FIRST = load_patterns().verb_first  # "增加外事经费200万元" (data/claims.json)
LOOKBACK_CLAIMS = 3  # earlier claims searched for the figure a change sentence leaves out
NEW_THIS_YEAR = re.compile(r"^[，,]?(?:为|系|属)?(?:今年|本年度?|当年)新增(?:支出|科目|项级科目|项目)?[。；;，,]?$")


@dataclass
class Pair:
    """One comparison as the narrative states it, figures in `unit`."""

    kind: VarianceKind
    claim: ClaimRecord
    subject: str
    unit: str | None
    current: Decimal | None = None
    base: Decimal | None = None
    difference: Decimal | None = None
    stated_rate: Decimal | None = None  # signed: the 增减率, or completion − 100
    decimals: int = 2  # the coarsest precision of the figures compared
    has_figures: bool = False  # the claim prints a figure (not only a direction word)
    claims: list[ClaimRecord] = field(default_factory=list)  # every claim that states this pair
    shown: list[VariancePlace] = field(default_factory=list)  # cells that print a figure of it (a form's 当年预算)


def claim_to_pair(claim: ClaimRecord, ctx: CheckContext, document_is_budget: bool) -> Pair | None:
    """The pair a change or budget-vs-actual claim states, or None for a claim that compares nothing."""
    if claim.kind == "figure" and _new_this_year(claim, ctx):
        return _new_line_pair(claim, ctx)
    if _names_a_component(claim, ctx):
        return None
    kind = comparison_kind(claim, ctx, document_is_budget)
    if kind is None:
        return None
    current_role, base_role = ("current", "prior") if claim.kind == "change" else ("actual", "budget")
    printed = _money(ctx.value(claim, current_role))
    current = printed or _stated_before(claim, ctx)
    base = _money(ctx.value(claim, base_role))
    if claim.kind == "budget_vs_actual" and kind == "change":
        current, base = _money(ctx.value(claim, "budget")), None
    delta = _money(ctx.value(claim, "delta"))
    anchor = next((a for a in (current, base, delta) if a is not None), None)
    if anchor is None and (claim.direction is None or _counts_only(claim, ctx)):
        return None  # nothing compared, or a count ("公务用车保有量0辆，与上年持平")
    unit = anchor.unit if anchor is not None else None
    pair = Pair(kind=kind, claim=claim, subject=claim.subject or "", unit=unit, claims=[claim],
                current=_in(current, unit), base=_in(base, unit),
                decimals=min((a.decimals for a in (current, base, delta) if a is not None), default=2))
    pair.difference = _difference(pair, _in(delta, unit), direction_sign(claim.direction))
    pair.stated_rate = _stated_rate(claim, ctx)
    pair.has_figures = any(a is not None for a in (printed, base, delta)) or pair.stated_rate is not None
    complete(pair)
    return pair


def _names_a_component(claim: ClaimRecord, ctx: CheckContext) -> bool:
    """"同时，…增加部门预算1,464.3万元" / "增加外事经费200万元": a change told verb first says what made up a
    change (it stands in or after its reason); it is not a stated variance of its own."""
    words = ctx.text[claim.span.start:claim.span.end].lstrip("，,、 ")
    return claim.kind == "change" and VERB_FIRST.match(words) is not None


def _new_this_year(claim: ClaimRecord, ctx: CheckContext) -> bool:
    """"…缴费支出（项）407.81万元，今年新增支出。": the figure of a line that last year did not have."""
    sentence = next((s for s in ctx.sentences if s.id == claim.sentence_id), None)
    figure = ctx.amount_by_id.get(claim.values[0].amount_id) if len(claim.values) == 1 else None
    if sentence is None or figure is None:
        return False
    after = "".join(ctx.text[figure.span.end:sentence.span.end].split())
    return NEW_THIS_YEAR.match(after) is not None


def _new_line_pair(claim: ClaimRecord, ctx: CheckContext) -> Pair | None:
    """A new line against a base of zero: the whole figure is the change, and it needs a reason like any
    other (being new says why there is no base, not why the money is needed: guidelines §3.1)."""
    current = _money(ctx.value(claim, claim.values[0].role))
    if current is None:
        return None
    value = _in(current, current.unit)
    return Pair(kind="change", claim=claim, subject=claim.subject or "", unit=current.unit, claims=[claim],
                current=value, base=Decimal(0), difference=value, decimals=current.decimals, has_figures=True)


def comparison_kind(claim: ClaimRecord, ctx: CheckContext, document_is_budget: bool) -> VarianceKind | None:
    if claim.kind == "change":
        return "change"
    if claim.kind != "budget_vs_actual":
        return None
    has = {v.role for v in claim.values}
    if "actual" in has or not has or has == {"delta"}:  # "决算数小于预算数71.28万元": the difference alone
        return "budget_vs_actual"
    if has == {"budget"} and claim.direction is not None and document_is_budget and \
            LAST_YEAR_BUDGET.search(_sentence_text(claim, ctx)):
        return "change"
    return None  # a budget figure ("基本支出9964.07万元") or a budget and a direction with nothing to compare


def complete(pair: Pair) -> None:
    """Fill what the printed figures imply: the base from current and difference, and so on."""
    if pair.difference is None and pair.current is not None and pair.base is not None:
        pair.difference = pair.current - pair.base
    if pair.base is None and pair.current is not None and pair.difference is not None:
        pair.base = pair.current - pair.difference
    if pair.current is None and pair.base is not None and pair.difference is not None:
        pair.current = pair.base + pair.difference


def _difference(pair: Pair, delta: Decimal | None, sign: int | None) -> Decimal | None:
    if pair.current is not None and pair.base is not None:
        return pair.current - pair.base
    if delta is not None and sign is not None:
        return delta * sign
    return Decimal(0) if sign == 0 else None


def _stated_rate(claim: ClaimRecord, ctx: CheckContext) -> Decimal | None:
    sign = direction_sign(claim.direction)
    pct, completion = ctx.value(claim, "pct"), ctx.value(claim, "completion")
    if pct is not None and pct.kind == "percent" and sign is not None:
        return pct.value * sign
    if completion is not None and completion.kind == "percent" and completion.value != 0:
        return completion.value - 100  # "完成预算的0%" of an actual 0: the budget may be 0 too, no rate
    return None


def _counts_only(claim: ClaimRecord, ctx: CheckContext) -> bool:
    kinds = {ctx.amount_by_id[v.amount_id].kind for v in claim.values if v.amount_id in ctx.amount_by_id}
    return bool(kinds) and not kinds & {"money", "percent"}


def _money(amount: AmountRecord | None) -> AmountRecord | None:
    return amount if amount is not None and amount.kind == "money" and amount.yuan is not None else None


def _in(amount: AmountRecord | None, unit: str | None) -> Decimal | None:
    """The amount in `unit` (both money): 元 values divided by the unit's scale, exactly."""
    if amount is None or amount.yuan is None:
        return None
    scale = UNIT_SCALE.get(unit or "")
    return amount.yuan / scale if scale else amount.value


def _stated_before(claim: ClaimRecord, ctx: CheckContext) -> AmountRecord | None:
    """"收支总计2,652.39万元。与2023年度相比，收、支总计各增加123.92万元": the figure the change leaves out,
    from an earlier figure of the same subject (a budget figure the grammar read as 'budget' counts; after
    "预算为2.52万元，支出决算为0.28万元" the year's figure is the 决算, not the budget)."""
    if claim.kind != "change" or claim.subject is None:
        return None
    index = ctx.claims.index(claim)
    for earlier in reversed(ctx.claims[max(0, index - LOOKBACK_CLAIMS):index]):
        if earlier.subject != claim.subject or (None not in (earlier.year, claim.year) and earlier.year != claim.year):
            continue
        for role in ("current", "actual", "budget"):
            found = _money(ctx.value(earlier, role))
            if found is not None and earlier.kind in ("figure", "share", "budget_vs_actual"):
                return found
    return None


def _sentence_text(claim: ClaimRecord, ctx: CheckContext) -> str:
    sentence = next((s for s in ctx.sentences if s.id == claim.sentence_id), None)
    return "".join(sentence.text.split()) if sentence is not None else ""
