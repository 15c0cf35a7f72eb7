"""What a form's indicator weights (指标分值权重) should add up to, read from the form itself.

A form has 100 points in all, and 预算执行 (budget execution) takes its share either as a weighted
indicator row ("预算执行率") or outside the rows. Wuhan 申报表 print weights adding to 80 (seed 000): the
city's template keeps 预算执行 20 points outside the rows, as its 自评表 print ("预算执行情况 (20 分)",
seeds 001, 003). So the expected sum is, first that applies:

1. the 合计 printed under the weights (parse.py keeps it in `Project.attributes`);
2. 100 less the 预算执行 points the form prints (the 自评 funds block "(20 分)");
3. 100 when 预算执行 is itself a weighted row;
4. else the form does not say: 100, or 100 less the 预算执行 points of a known template
   (DOMAIN §7 default weights: 10 [R]; the Wuhan template: 20 [E]).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from budgetlens.indicators.lexicon import BUDGET_EXECUTION, FULL_MARKS, TEMPLATE_FUNDS_POINTS, WEIGHT_TOTAL, squash
from budgetlens.indicators.model import Indicator, Project
from budgetlens.numbers import parse_number


@dataclass(frozen=True)
class ExpectedWeights:
    totals: tuple[Decimal, ...]  # the sums accepted, the first the one to state
    basis: str  # where they come from (the form, or the templates assumed when it says nothing): the message


def form_to_expected_weights(project: Project, rows: list[Indicator]) -> ExpectedWeights:
    """The sums the weights of `rows` (the form's weighted 年度 rows) may add up to, and why."""
    printed_total = parse_number(squash(project.attributes.get(WEIGHT_TOTAL, "")).removesuffix("分"))
    if printed_total is not None:
        return ExpectedWeights((printed_total,), f"表中合计印为{printed_total}")
    funds = project.funds.weight if project.funds is not None else None
    if funds is not None:
        return ExpectedWeights((FULL_MARKS - funds,), f"预算执行{funds}分另计，共100分")
    inside = next((r for r in rows if BUDGET_EXECUTION in squash(r.level3)), None)
    if inside is not None:
        return ExpectedWeights((FULL_MARKS,), f"预算执行已作为指标“{inside.level3}”计分")
    shares = "；".join(f"{name}预算执行{points}分另计为{FULL_MARKS - points}"
                      for points, name in TEMPLATE_FUNDS_POINTS.items())
    totals = (FULL_MARKS, *(FULL_MARKS - points for points in TEMPLATE_FUNDS_POINTS))
    return ExpectedWeights(totals, f"表中未印合计及预算执行分值，按全部计入指标为100；{shares}")
