"""One quantity, two values in the narrative: `inconsistent_narrative_value`.

Only where no table cell decides: a figure linked to a cell is left to
narrative_table_mismatch (GUIDELINE §3), so nothing is reported twice. Three ways text
figures cannot all be true, each read from the claims alone:

1. The same quantity stated twice — same normalised subject, role, year and fund scope
   (or one of the document's total lines: 收支总计/收入合计/支出合计 of any fund, changed
   from the same figure by the same printed rate) — with different money values.
2. A listed breakdown of budget_vs_actual lines whose actuals add up to the total's actual
   (so the list is complete) but whose budgets do not add up to the total's budget.
3. A part larger than the whole that contains it ("授予小微企业…24.9万元" under
   "授予中小企业…0万元"; PART_OF below).

Which value is wrong (`observed`): the one that disagrees with the majority of the
statements of the quantity (a coarser 91.8 counts for every value it rounds from), ties
going to the first stated, which is `expected`; the total of a breakdown (the parts add up
on the actual side); the whole of a part (the part is the more specific statement).
Money is compared in 元 at the coarser of the two printed precisions: equal passes, one
unit apart is info, more is error (DOMAIN §5).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from budgetlens.checks.findings import Evidence
from budgetlens.checks.narrative import claim_evidence
from budgetlens.checks.registry import CheckContext, FindingDraft, Outcome, register
from budgetlens.checks.rounding import scale_of
from budgetlens.document import Sentence
from budgetlens.extract.records import AmountRecord, ClaimRecord
from budgetlens.link.subjects import normalise, scope_in, subject_to_line
from budgetlens.numbers import UNIT_SCALE
from budgetlens.tables.lexicon import squash

TOLERANCE = "同一数值：按两处中较粗的显示精度比较须相等，相差一个末位单位记为提示；分项之和：|差| ≤ 0.005×(n+1) 通过"
MIN_SUBJECT = 4  # characters: shorter subjects ("资金", "组织") are mis-read or generic
GENERIC = frozenset({"资金总额", "财政资金", "专项资金", "合同金额", "采购金额", "其他支出", "其他收入", "本年支出",
                     "本年收入"})
# A subject of stage/role words only names no item: each project has its own "项目总预算", "实际预算执行情况".
ROLE_WORDS_ONLY = re.compile(r"(\d+-\d+月|项目|当年|本年|全年|年初|实际|总|预算|决算|执行|情况|数|为|资金|金额|安排)+")
# What normalise() drops before a year ("检察（款）:2018年预算支出合计") is kept when it names a line or a heading.
KEPT_PREFIX = re.compile(r"^(.*?(?:\((?:\d+)?[类款项]\)|:|：).*?)\d{4}年度?")
AMOUNT_ROLES = {"current": "amount", "total": "amount", "actual": "amount", "budget": "budget", "delta": "delta"}
ROLE_WORDS = {"amount": "", "budget": "预算数", "delta": "增减额"}
BUDGET_WORDS = ("年初预算", "全年预算", "调整预算", "调整后预算", "预算")
TOTAL_LINES = {"grand_total", "income_total", "spending_total"}
PART_OF = (("小微企业", "中小企业"),)  # (part word, whole word): the part's subject with the whole word names the whole
PART_WINDOW = 6  # claims between a part and the whole it is compared with
MAX_LIST = 30  # claims after a total searched for its listed lines


@dataclass(frozen=True)
class Statement:
    """One printed money value of a claim, in 元, with one unit of its last shown digit."""

    claim: ClaimRecord
    amount: AmountRecord
    yuan: Decimal
    unit: Decimal


def statement_of(claim: ClaimRecord, amount: AmountRecord) -> Statement:
    scale = scale_of(amount)
    return Statement(claim, amount, amount.value * scale, Decimal(1).scaleb(-amount.decimals) * scale)


def off_by(a: Statement, b: Statement) -> int:
    """Units of the coarser printed digit between two values (91.8 and 91.78 agree; 91.78 and 91.80: 2)."""
    coarse = max(a.unit, b.unit)
    rounded = [(s.yuan / coarse).quantize(Decimal(1), rounding=ROUND_HALF_UP) for s in (a, b)]
    return int(abs(rounded[0] - rounded[1]))


@register("inconsistent_narrative_value", "同一数值在叙述中两处不一致（无表格单元格可判定时）")
def inconsistent_narrative_value(ctx: CheckContext) -> Iterator[Outcome]:
    reported: set[str] = set()
    for group in _groups(ctx):
        yield from _group_outcomes(group, ctx, reported)
    yield from _breakdown_budgets(ctx)
    yield from _parts_over_wholes(ctx)


# 1. The same quantity stated twice


def _groups(ctx: CheckContext) -> list[list[Statement]]:
    """Statements that state one quantity, by either key; only groups of two or more."""
    linked = _linked(ctx)
    cells = {p.id for p in ctx.paragraphs if p.kind == "cell"}  # each project form has its own "执行数"
    prose = {s.id: s for s in ctx.sentences if s.paragraph_id not in cells}
    by_key: dict[tuple, list[Statement]] = defaultdict(list)
    for claim in (c for c in ctx.claims if c.sentence_id in prose and not _inside_reason(c, ctx)):
        for value in claim.values:
            amount = ctx.amount_by_id.get(value.amount_id)
            if value.role not in AMOUNT_ROLES or not _plain_money(amount) or (claim.id, amount.id) in linked:
                continue
            statement = statement_of(claim, amount)
            sentence = prose[claim.sentence_id]
            for key in (_subject_key(ctx, sentence, claim, value.role, amount),
                        _total_change_key(claim, value.role, ctx)):
                if key is not None:
                    by_key[key].append(statement)
    return [group for group in by_key.values() if len(group) > 1]


def _inside_reason(claim: ClaimRecord, ctx: CheckContext) -> bool:
    """"…主要原因是…增加缴费2.22万元": a figure inside a reason is a part of one line's cause; two lines'
    causes may name the same words ("增加缴费") with different figures."""
    return any(r.span.start <= claim.span.start < r.span.end for r in ctx.reasons if r.sentence_id == claim.sentence_id)


def _linked(ctx: CheckContext) -> set[tuple[str, str]]:
    """(claim, amount) pairs a table cell decides: narrative_table_mismatch's, never ours."""
    return {(link.claim.id, link.amount.id) for link in ctx.links if link.located is not None}


def _plain_money(amount: AmountRecord | None) -> bool:
    """A money figure stated as such: not "约…", "…以上" or a range."""
    return amount is not None and amount.kind == "money" and (amount.unit or "") in UNIT_SCALE \
        and not amount.approx and amount.comparator is None and amount.value_high is None


def _year(claim: ClaimRecord, ctx: CheckContext) -> int | None:
    """The year a figure is of: the stated one, else the document's."""
    return claim.year if claim.year is not None else ctx.year


def subject_name(subject: str | None) -> str | None:
    """The normalised subject when it names one specific item; None for generic or mis-read subjects."""
    if not subject:
        return None
    prefix = KEPT_PREFIX.match(squash(subject))
    name = (prefix.group(1) if prefix else "") + normalise(subject)
    if len(name) < MIN_SUBJECT or name in GENERIC or ROLE_WORDS_ONLY.fullmatch(name):
        return None
    return name


def _subject_key(ctx: CheckContext, sentence: Sentence, claim: ClaimRecord, role: str,
                 amount: AmountRecord) -> tuple | None:
    """One quantity: the same item, role, year and fund, in the same section (办公费 of 基本支出 is not the
    办公费 of 机关运行经费 a few pages on)."""
    name = subject_name(claim.subject) if claim.subject_source != "previous_sentence" else None
    if name is None:
        return None
    scope = scope_in(ctx.text[sentence.span.start:amount.span.start])
    return ("subject", name, _role_key(ctx, claim, role, amount), _year(claim, ctx), scope, sentence.section_id)


def _role_key(ctx: CheckContext, claim: ClaimRecord, role: str, amount: AmountRecord) -> tuple:
    """The role, with what a budget or a difference is measured against (年初 ≠ 全年 预算; 比上年 ≠ 比预算)."""
    kind = AMOUNT_ROLES[role]
    if kind == "amount":
        return (kind,)
    against = _budget_word_of(ctx, claim, amount) if kind == "budget" else (
        claim.prior_year if claim.kind == "change" else _budget_word(ctx.text[claim.span.start:amount.span.start]))
    return kind, claim.kind, against, claim.direction


def _budget_word(lead_in: str) -> str | None:
    """Which budget a figure is: 年初预算 and 全年预算 are different quantities."""
    return next((word for word in BUDGET_WORDS if word in lead_in), None)


def _budget_word_of(ctx: CheckContext, claim: ClaimRecord, amount: AmountRecord) -> str | None:
    return _budget_word(ctx.text[max(claim.span.start, amount.span.start - 12):amount.span.start])


def _total_change_key(claim: ClaimRecord, role: str, ctx: CheckContext) -> tuple | None:
    """A change of any total line, keyed by the figure it starts from and the printed rate:
    收入合计/支出合计/财政拨款收、支总计 of 5,102.22 "下降1.83%" change by one amount."""
    line = subject_to_line(claim.subject) if claim.subject_source != "previous_sentence" else None
    if role != "delta" or claim.kind != "change" or line is None or line.kind != "total_line" \
            or line.line not in TOTAL_LINES:
        return None
    current, pct = ctx.value_or_stated_before(claim, "current"), ctx.value(claim, "pct")
    if current is None or pct is None or not _plain_money(current):
        return None
    return ("total_change", current.value * scale_of(current), pct.value, _year(claim, ctx), claim.prior_year,
            claim.direction)


def _reference(group: list[Statement]) -> Statement:
    """The value most statements agree with, the first stated on a tie. A coarse value that agrees with two
    values which disagree with each other (91.8 with 91.78 and 91.80) cannot decide and is no candidate."""
    def agreeing(candidate: Statement) -> list[Statement]:
        return [s for s in group if off_by(candidate, s) == 0]

    def decisive(candidate: Statement) -> bool:
        return all(off_by(a, b) == 0 for a in agreeing(candidate) for b in agreeing(candidate))

    candidates = [c for c in group if decisive(c)] or group
    return max(candidates, key=lambda c: (len(agreeing(c)), -group.index(c)))


def _group_outcomes(group: list[Statement], ctx: CheckContext, reported: set[str]) -> Iterator[Outcome]:
    reference = _reference(group)
    agreeing = [s for s in group if off_by(reference, s) == 0]
    outliers = [s for s in group if off_by(reference, s) > 0 and s.amount.id not in reported]
    if not outliers:
        yield None
        return
    for value in dict.fromkeys(s.amount.value for s in outliers):
        wrong = [s for s in outliers if s.amount.value == value]
        reported.update(s.amount.id for s in wrong)
        yield _finding(ctx, wrong, agreeing, reference, off_by(reference, wrong[0]))


def _finding(ctx: CheckContext, wrong: list[Statement], agreeing: list[Statement], reference: Statement,
             units: int) -> FindingDraft:
    first = wrong[0]
    what = ROLE_WORDS[_role_of(first)]
    message = (f"叙述中{first.claim.subject or '该项'}{what}为{_shown(first.amount)}，而另处"
               f"{reference.claim.subject or ''}{what}为{_shown(reference.amount)}，同一数值前后不一致。")
    return FindingDraft("info" if units == 1 else "error", message, _evidence(ctx, [*wrong, *agreeing]),
                        observed=first.amount.value, expected=reference.amount.value, tolerance=TOLERANCE)


def _role_of(statement: Statement) -> str:
    role = next(v.role for v in statement.claim.values if v.amount_id == statement.amount.id)
    return AMOUNT_ROLES[role]


def _evidence(ctx: CheckContext, statements: list[Statement]) -> list[Evidence]:
    claims = dict.fromkeys(s.claim.id for s in statements)
    by_id = {s.claim.id: s.claim for s in statements}
    return [place for claim_id in claims for place in claim_evidence(by_id[claim_id], ctx)]


def _shown(amount: AmountRecord) -> str:
    return "".join(amount.text.split())


# 2. A complete list whose budgets do not add up to the total's budget


def _breakdown_budgets(ctx: CheckContext) -> Iterator[Outcome]:
    linked = _linked(ctx)
    for index, claim in enumerate(ctx.claims):
        line = subject_to_line(claim.subject)
        budget, actual = ctx.value(claim, "budget"), ctx.value(claim, "actual")
        if claim.kind != "budget_vs_actual" or line is None or line.kind != "total_line" or budget is None \
                or actual is None or (claim.id, budget.id) in linked or not _plain_money(budget):
            continue
        parts = _listed_lines(ctx, index, claim, _budget_word_of(ctx, claim, budget))
        if len(parts) < 2:
            continue
        yield _sum_outcome(ctx, claim, budget, actual, parts)


def _listed_lines(ctx: CheckContext, index: int, total: ClaimRecord,
                  word: str | None) -> list[tuple[ClaimRecord, Statement, Statement]]:
    """The lines stated after a total, each with its budget and actual, until the next total line.

    Read loosely ("卫生健康支出类" names no table line): the sum of the actuals proves the list."""
    parts = []
    for claim in ctx.claims[index + 1:index + 1 + MAX_LIST]:
        line = subject_to_line(claim.subject)
        if line is not None and line.kind == "total_line" and claim.kind in ("budget_vs_actual", "breakdown"):
            break
        budget, actual = ctx.value(claim, "budget"), ctx.value(claim, "actual")
        if claim.kind == "budget_vs_actual" and claim.subject and _year(claim, ctx) == _year(total, ctx) \
                and _plain_money(budget) and _plain_money(actual) and _budget_word_of(ctx, claim, budget) == word:
            parts.append((claim, statement_of(claim, budget), statement_of(claim, actual)))
    return parts


def _sum_outcome(ctx: CheckContext, total: ClaimRecord, budget: AmountRecord, actual: AmountRecord,
                 parts: list[tuple[ClaimRecord, Statement, Statement]]) -> Outcome:
    """Σ actuals = the total's actual proves the list complete; then Σ budgets must be the total's budget."""
    n = len(parts)
    pass_band = Decimal("0.005") * (n + 1) * scale_of(actual)
    actual_sum = sum((p[2].yuan for p in parts), Decimal(0))
    if abs(actual_sum - statement_of(total, actual).yuan) > pass_band:
        return None  # not the complete list (or the actuals disagree: not this check's question)
    budget_sum = sum((p[1].yuan for p in parts), Decimal(0))
    stated = statement_of(total, budget)
    difference = abs(budget_sum - stated.yuan)
    if difference <= pass_band:
        return None
    severity = "info" if difference <= (Decimal("0.01") * n + Decimal("0.01")) * scale_of(budget) else "error"
    expected = (budget_sum / scale_of(budget)).quantize(Decimal(1).scaleb(-max(budget.decimals, 2)))
    message = (f"叙述中{total.subject}预算为{_shown(budget)}，而其后逐项列出的{n}项预算之和为{expected}"
               f"{budget.unit or ''}（各项决算数之和与总决算数一致，说明所列完整），两者不一致。")
    evidence = [place for claim in (total, *(p[0] for p in parts)) for place in claim_evidence(claim, ctx)]
    return FindingDraft(severity, message, evidence, observed=budget.value, expected=expected, tolerance=TOLERANCE)


# 3. A part larger than its whole


def _parts_over_wholes(ctx: CheckContext) -> Iterator[Outcome]:
    for index, claim in enumerate(ctx.claims):
        part = ctx.value(claim, "current")
        subject = normalise(claim.subject) if claim.subject else ""
        pair = next(((p, w) for p, w in PART_OF if p in subject), None)
        if pair is None or not _plain_money(part):
            continue
        whole_subject = subject.replace(*pair)
        window = ctx.claims[max(0, index - PART_WINDOW):index + PART_WINDOW + 1]
        whole = next((c for c in window if c.subject and normalise(c.subject) == whole_subject
                      and _year(c, ctx) == _year(claim, ctx) and _plain_money(ctx.value(c, "current"))), None)
        if whole is not None:
            yield _part_outcome(ctx, claim, statement_of(claim, part), whole)


def _part_outcome(ctx: CheckContext, part_claim: ClaimRecord, part: Statement, whole_claim: ClaimRecord) -> Outcome:
    whole_amount = ctx.value(whole_claim, "current")
    assert whole_amount is not None  # _parts_over_wholes pairs only wholes that state a figure
    whole = statement_of(whole_claim, whole_amount)
    if part.yuan <= whole.yuan or off_by(part, whole) == 0:
        return None
    message = (f"叙述中{whole_claim.subject}为{_shown(whole_amount)}，小于其中所含的{part_claim.subject}"
               f"{_shown(part.amount)}：部分不能大于整体。")
    return FindingDraft("info" if off_by(part, whole) == 1 else "error", message,
                        _evidence(ctx, [whole, part]), observed=whole_amount.value, expected=part.amount.value,
                        tolerance=TOLERANCE)
