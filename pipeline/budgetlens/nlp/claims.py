"""The `budget_claims` component: what each sentence asserts, built on `doc._.amounts`.

Reading a sentence left to right, each amount gets a role from the words just before it
(its *lead*): "年初预算为" → budget, "增加" → delta, "占…" → share, "完成…预算的" →
completion, otherwise a plain figure (current). Values that belong together are grouped
into one claim (a figure and its change and rate; a budget, its actual and the completion
rate), and the claim gets a kind from its roles and the comparison it states ("比上年",
"与年初预算"); a share and a change of one figure are two claims (GUIDELINE §5), and a
comparison restated before a reason cue ("决算数小于预算数的主要原因是…") is a claim without
values. Subjects are read from the lead and cleaned of numbering, years, department names and
role words; where the sentence names only a role ("全年预算为…") the subject is
left None for the document stage to take from the context.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc

from budgetlens.nlp.extensions import CLAIMS, register_extensions, text_of
from budgetlens.nlp.patterns import ClaimPatterns, PatternComponent
from budgetlens.nlp.subjects import clean_subject, lead_tail
from budgetlens.nlp.types import Amount, AmountKind, Claim, ClaimValue, MarkKind, NumberMark

GENERIC_HEADS = {"项目", "该项目", "本项目", "资金"}  # subjects that only point back at a name just printed
VALUE_KINDS = {AmountKind.MONEY, AmountKind.PERCENT, AmountKind.COUNT, AmountKind.RATIO, AmountKind.RANGE}
RATE_KINDS = {AmountKind.PERCENT, AmountKind.RATIO}
_LIST_NUMBER = re.compile(r"^[（(]?[0-9一二三四五六七八九十]+[）)]?[、.．]?")
# "，其中：因公出国（境）费支出与2024年度持平": no figure, a year at most
_FLAT_PART = re.compile(r"[，,；;]其中[：:，,]?(?P<part>(?:[^，,；;。0-9]|\d{4}年度?)*持平)")
_BUDGET_WORD = re.compile(r"(?<=.)预算$")  # "因公出国（境）费预算" compared with its 决算: 预算 is the role
_ALTERNATIVE = re.compile(r"(?<=[加少长降])(?:（[^）]*）|\([^)]*\))")  # "增加（减少）0万元": the word printed first
ENDS_ON_DIRECTION = re.compile(r"(?:增加|减少|增长|下降|大于|小于|高于|低于)(?:年初|全年|调整后)?(?:预算数?)?$")
# "…支出、住房保障支出", "“三公”经费及其中公务用车…费": several lines (not "收、支总计", not "社会保障和就业")
SEVERAL_LINES = re.compile(r"(?<=支出)[、和]|(?<=费)[、和]|及其中")
SEVERAL_ITEMS = re.compile(r"^(?:上述|以上)|[两二三四五六七八九十\d]项(?:支出|经费)?$")  # "上述两项", "…补助两项"
_FLAT_AGAINST_LAST_YEAR = re.compile(r"[，,](?P<part>(?:与|比|较|同)(?:上年度?|上一年度?|\d{4}年度?)(?:相比)?持平)")
BEFORE_CUE = "，, 均都也"  # between a restated comparison and its cue: "…均大于年初预算数，均由于…"
LINES_JOINED = re.compile(r"以及|[和、及与]")  # between two lines restated: "支出增加和基本支出增加的…"
NET_CHANGE = re.compile(r"[，,]\s*增减相抵")
_CJK_WORD = re.compile(r"(?![的以左及和与或至到为是])[\u4e00-\u9fa5]")  # Han, not a word going on from a rate
SAME_TAIL = 4  # characters two names of one line end in ("预算总计")
INCREASE, DECREASE, EQUAL = {"增加", "增长", "大于"}, {"减少", "下降", "小于"}, {"持平", "等于"}


@Language.factory("budget_claims", assigns=[f"doc._.{CLAIMS}"], requires=["doc._.amounts"],
                  default_config={"patterns": None})
def make_claims(nlp: Language, name: str, *, patterns: str | None) -> ClaimRecognizer:
    """`patterns`: path of a replacement for the packaged data/claims.json."""
    register_extensions()
    return ClaimRecognizer(name, patterns=patterns)


class ClaimRecognizer(PatternComponent):
    def __init__(self, name: str = "budget_claims", *, patterns: str | None = None):
        super().__init__(name, patterns=patterns)

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, CLAIMS, find_claims(text_of(doc), doc._.amounts or [], doc._.number_marks or [], self.patterns))
        return doc


@dataclass
class _Draft:
    """A claim being assembled; `group` ties claims that share one actual (two budgets, one 决算)."""

    start: int
    subject: str | None
    values: list[tuple[str, int]] = field(default_factory=list)
    budget_word: str | None = None  # 年初 / 全年: which budget a completion rate refers to
    group: int = 0
    value_end: int = 0  # end of its last value
    kinds: set[AmountKind] = field(default_factory=set)  # of its values
    end: int = 0  # end of its extent, set once all claims of the sentence are known

    def has(self, role: str) -> bool:
        return any(r == role for r, _ in self.values)


def find_claims(text: str, amounts: list[Amount], marks: list[NumberMark], patterns: ClaimPatterns) -> list[Claim]:
    """Every claim of one sentence, in text order."""
    cues = patterns.find_cues(text)
    cue_starts, cue_ends_all = [cue.start for cue in cues], [cue.end for cue in cues]
    drafts: list[_Draft] = []
    open_: _Draft | None = None
    previous_end = 0
    for index, amount in enumerate(amounts):
        if amount.kind not in VALUE_KINDS or amount.comparator is not None or _is_threshold(text, amount):
            continue
        lead = text[previous_end:amount.start_char]
        cue_ends = [end for end in cue_ends_all if previous_end <= end <= amount.start_char]
        if patterns.hard_break.search(lead) or cue_ends:
            open_ = None
        if cue_ends:  # "主要原因是本年度购置公务用车0辆": the claim starts after the cue
            lead = text[cue_ends[-1]:amount.start_char]
        role = _role_of(amount, lead, patterns)
        if role == "plan":  # "原计划组织的2个团组实际只执行1个" compares; "原计划接待的4批次…改为视频交流" does not
            role = "budget" if "实际" in patterns.hard_break.split(text[amount.end_char:])[0] else "current"
        if role == "current" and _done_against_the_plan(open_, lead):
            role = "actual"
        if role == "current" and _names_a_kind(text, amount):
            continue
        open_ = _place(drafts, open_, role, index, amount, lead, text, patterns)
        previous_end = amount.end_char
    _close_extents(drafts, text, cue_starts)
    years = _year_marks(text, marks, patterns)
    claims = [part for i, d in enumerate(drafts)
              for part in _share_apart(_to_claim(d, _context_start(drafts, i, cue_ends_all), drafts, text, amounts,
                                                 years, patterns), amounts)]
    later = _restated_after_a_semicolon(text, cue_starts, drafts, patterns)
    if not claims:
        return _direction_only(text, cue_starts, patterns) + later
    if cue_starts and drafts[0].start >= cue_starts[0] and _names_a_line_or_comparison(text[:cue_starts[0]], patterns):
        # "“三公”经费支出减少的主要原因是…由3辆减为2辆": the comparison restated before the cue is a claim too
        # ("增加的原因是…" names neither: it goes on from the sentence before)
        claims = [c for c in _direction_only(text, cue_starts, patterns) if c.restated] + claims
    claims += _flat_part_after(text, drafts[-1].value_end, cue_starts, patterns)
    claims = _flat_against_last_year(claims, text, drafts[-1].value_end, cue_starts, patterns)
    return sorted(claims + later, key=lambda c: c.start_char) if later else claims


def _restated_after_a_semicolon(text: str, cue_starts: list[int], drafts: list[_Draft],
                                patterns: ClaimPatterns) -> list[Claim]:
    """"…；社会保障和就业支出、住房保障支出增加，原因是…": a later clause that restates lines before its own cue."""
    found: list[Claim] = []
    for before, cue in pairwise(cue_starts):
        start = max(text.rfind("；", before, cue), text.rfind(";", before, cue)) + 1
        if start == 0 or any(start <= d.start < cue for d in drafts):
            continue
        for claim in _direction_only(text[start:], [cue - start], patterns):
            if claim.restated:
                found.append(claim.model_copy(update={"start_char": start, "end_char": cue}))
    return found


def _share_apart(claim: Claim, amounts: list[Amount]) -> list[Claim]:
    """"项目支出947.75万元，占44.53%，比2024年度增加134.83万元": two facts of one figure, its share and its
    change (GUIDELINE §5): the share holds the figure, the change its difference and rate. "共涉及项目4个，占…
    支出总额的100%": a count is no part of a share of money — a figure, and the share alone."""
    roles = {value.role for value in claim.values}
    counted = [v for v in claim.values if v.role == "current" and amounts[v.amount].kind == AmountKind.COUNT]
    if claim.kind == "share" and counted:
        return [claim.model_copy(update={"kind": "figure", "values": counted}),
                claim.model_copy(update={"values": [v for v in claim.values if v not in counted]})]
    if claim.kind != "change" or "share" not in roles:  # "…236.18万元，占2.49%，与2023年度持平": a flat change too
        return [claim]
    share = claim.model_copy(update={
        "kind": "share", "values": [v for v in claim.values if v.role in ("share", "current")], "direction": None,
        "prior_year": None, "prior_is_previous_year": False})
    change = claim.model_copy(update={"values": [v for v in claim.values if v.role not in ("share", "current")]})
    return [share, change]


def _flat_part_after(text: str, after: int, cue_starts: list[int], patterns: ClaimPatterns) -> list[Claim]:
    """"…减少0.15万元，下降27.78%，其中：因公出国（境）费支出与上一年度持平": a part stated flat without
    figures after the sentence's last value is a claim of its own."""
    part = _FLAT_PART.search(text, after, next((c for c in cue_starts if c > after), len(text)))
    if part is None:
        return []
    claims = _direction_only(part.group("part"), [], patterns)
    shift = part.start("part")
    return [c.model_copy(update={"start_char": c.start_char + shift, "end_char": c.end_char + shift})
            for c in claims if c.direction == "持平"]


def _flat_against_last_year(claims: list[Claim], text: str, after: int, cue_starts: list[int],
                            patterns: ClaimPatterns) -> list[Claim]:
    """"因公出国（境）费预算为0万元，支出决算为0万元，与上年持平": after the budget-vs-actual comparison the
    line is compared with last year, a change of its own (GUIDELINE §5); the 持平 is not the budget's."""
    last = claims[-1]
    stop = next((c for c in cue_starts if c > after), len(text))
    flat = _FLAT_AGAINST_LAST_YEAR.match(text, after, stop)
    if last.kind != "budget_vs_actual" or flat is None:
        return claims
    change = [c.model_copy(update={"subject": last.subject, "start_char": flat.start("part"), "end_char": stop})
              for c in _direction_only(flat.group("part"), [], patterns)]
    if not change:
        return claims
    budget_only = last.model_copy(update={"end_char": flat.start("part"),
                                          "direction": None if last.direction == "持平" else last.direction})
    return [*claims[:-1], budget_only, *change]


def _context_start(drafts: list[_Draft], i: int, cue_ends: list[int]) -> int:
    """Where a claim's own words begin: after the claim before, and after a reason cue that opens it
    ("…与年初预算持平，主要原因是本年度购置公务用车0辆": the 持平 is not the count's)."""
    start = drafts[i - 1].value_end if i else 0
    return max([start, *(end for end in cue_ends if end <= drafts[i].start)])


def _is_threshold(text: str, amount: Amount) -> bool:
    """"单价100万元（含）以上设备": a bound inside a category name, not a value of the sentence."""
    after = text[amount.end_char:amount.end_char + 6]
    return after.startswith(("（含）以上", "(含)以上", "以上的", "（含）以下", "以下的"))


def _names_a_kind(text: str, amount: Amount) -> bool:
    """"全国1%人口抽样调查": a rate with no role word, printed straight before a noun, is part of a name."""
    after = text[amount.end_char:amount.end_char + 1]
    return amount.kind == AmountKind.PERCENT and _CJK_WORD.match(after) is not None


def _role_of(amount: Amount, lead: str, patterns: ClaimPatterns) -> str:
    roles = patterns.roles
    if roles["budget_after"].search(lead):
        return "budget"  # "实际完成3.12万人，少于年初预计的3.30万人": the plan, told after what was done
    if roles["from"].search(lead) or roles["base"].search(lead):
        return "prior"  # "监测点位由12个调减为9个", "与2024年度决算数9.65万元相比": the figure it went from …
    if roles["to"].search(lead):
        return "current"  # … and the figure it went to, not a difference
    if amount.kind == AmountKind.COUNT and roles["plan"].search(lead):
        return "plan"  # "原计划组织的2个团组…": a budget if what was done follows (see find_claims)
    if amount.kind == AmountKind.COUNT and _counts_new_things(lead, patterns):
        return "current"  # "新增3处宗教活动场所": how many new things, not a change of a count
    if amount.kind in RATE_KINDS:
        for role, name in (("completion", "completion"), ("share", "share"), ("pct", "change")):
            if roles[name].search(lead):
                return role
        return "current"
    for role, name in (("delta", "change"), ("budget", "budget"), ("actual", "actual")):
        if roles[name].search(lead):
            return role
    if amount.kind == AmountKind.MONEY and patterns.verb_first.match(lead_tail(lead, patterns)):
        return "delta"  # "，增加外事经费200万元": the verb before its item
    return "current"


def _done_against_the_plan(open_: _Draft | None, lead: str) -> bool:
    """"原计划举办的12场科技成果对接会实际举办9场": what was done, told after its plan."""
    return open_ is not None and open_.has("budget") and not open_.has("actual") and "实际" in lead \
        and open_.kinds <= {AmountKind.COUNT}


def _counts_new_things(lead: str, patterns: ClaimPatterns) -> bool:
    """"…主要原因是新增3处…" names new things; "与上年相比新增2个" is a change of a count."""
    return lead.endswith("新增") and patterns.prior_year.search(lead_tail(lead, patterns)) is None


def _place(drafts: list[_Draft], open_: _Draft | None, role: str, index: int, amount: Amount, lead: str,
           text: str, patterns: ClaimPatterns) -> _Draft:
    """Attach the amount to the open claim when its role fits there, else start a new claim."""
    target = _attach_target(drafts, open_, role, lead, patterns)
    if target is not None and role == "delta" and _counts_only(target) and amount.kind == AmountKind.MONEY:
        target = None  # "1辆…报废后未更新，车辆保险、燃料和维修费用减少1.64万元": money never changes a count
    if target is None:
        subject = _subject_from_lead(lead, role, patterns)
        if subject is None and open_ is not None and role == "current" and not lead.strip("，,、 "):
            subject = open_.subject  # "接待国内来访团组2个，18人次": two counts of one thing
        if subject is None and open_ is not None and _turns_to_last_year(open_, role, lead, patterns):
            subject = _BUDGET_WORD.sub("", open_.subject) if open_.subject else None
        target = _Draft(start=amount.start_char - len(lead_tail(lead, patterns)), subject=subject,
                        group=len(drafts))
        if role == "budget" and open_ is not None and open_.has("budget") and not open_.has("actual"):
            target.group, target.subject = open_.group, target.subject or open_.subject
        drafts.append(target)
    elif target.subject is None and target.has("prior") and role in ("delta", "pct"):
        target.subject = _subject_from_lead(lead, role, patterns)  # "与2024年度决算数9.65万元相比，“三公”经费支出减少…"
    if role == "budget":
        target.budget_word = _budget_word(lead)
    if role == "actual" and target.subject is None and "实际" in lead:
        target.subject = clean_subject(lead_tail(lead, patterns).split("实际")[0], patterns)  # "…的12场对接会实际…"
    if role == "actual":
        for sibling in drafts:
            if sibling.group == target.group and not sibling.has("actual"):
                sibling.values.append(("actual", index))
    elif role == "completion":
        _completion_owner(drafts, target, lead).values.append((role, index))
    else:
        target.values.append((role, index))
    target.value_end = target.end = amount.end_char
    target.kinds.add(amount.kind)
    return target


def _counts_only(draft: _Draft) -> bool:
    return bool(draft.kinds) and draft.kinds <= {AmountKind.COUNT}


def _attach_target(drafts: list[_Draft], open_: _Draft | None, role: str, lead: str,
                   patterns: ClaimPatterns) -> _Draft | None:
    if role == "current" and open_ is not None and open_.has("prior") and not open_.has("current") \
            and patterns.roles["to"].search(lead):
        return open_  # "…由12个调减为9个": the figure it went to, of the same claim
    if role == "budget" and open_ is not None and open_.has("current") and not open_.has("budget") \
            and (patterns.roles["budget_after"].search(lead) or _role_only(lead, role, patterns)):
        return open_  # the plan of the figure just told ("因公出国（境）费支出4.62万元，年初预算为6.00万元")
    if open_ is None or role in ("current", "budget", "prior"):
        return None
    if role == "actual":
        return open_ if open_.has("budget") and not open_.has("actual") else None
    if role == "share":
        before_share = lead_tail(lead, patterns).split("占")[0]
        return open_ if not open_.has("share") and not before_share.strip() else None
    if role == "completion":
        return open_ if not open_.has("completion") else None
    if open_.has(role) or _names_another_subject(open_, lead, role, patterns) \
            or _turns_to_last_year(open_, role, lead, patterns):
        return None
    return open_  # delta, pct


def _role_only(lead: str, role: str, patterns: ClaimPatterns) -> bool:
    """A lead that only names the role ("，年初预算为"): the value belongs to the subject told before."""
    return patterns.clause_break.search(lead) is not None and _subject_from_lead(lead, role, patterns) is None


def _turns_to_last_year(open_: _Draft, role: str, lead: str, patterns: ClaimPatterns) -> bool:
    """"年初预算数为2.52万元，支出决算为2.44万元，…，较上年减少0.34万元": after the budget-vs-actual
    comparison the sentence compares the same subject with last year, a change claim of its own."""
    compared = open_.has("actual") and (open_.has("budget") or open_.has("completion"))
    return role in ("delta", "pct") and compared and patterns.prior_year.search(lead) is not None


def _names_another_subject(open_: _Draft, lead: str, role: str, patterns: ClaimPatterns) -> bool:
    """"运转类项目经费统一压减10%，综合管理费专项增加209万": a change in a new clause that names a subject of
    its own is a claim of its own (the same subject again — "支出合计…，支出合计减少…" — is the same claim)."""
    if not patterns.clause_break.search(lead):
        return False
    if NET_CHANGE.search(lead):  # "…，增减相抵后增加164.48万元": the net of the items before, a claim of its own
        return True
    subject = _subject_from_lead(lead, role, patterns)
    if subject is None or open_.subject is None or subject in patterns.direction_of:  # "，降幅0.66%"
        return False
    return not _same_name(subject, open_.subject)


def _same_name(a: str, b: str) -> bool:
    """"收、支预算总计" restates "收入、支出预算总计": one contains the other, or both end in the same words."""
    return a in b or b in a or a[-SAME_TAIL:] == b[-SAME_TAIL:]


def _budget_word(lead: str) -> str | None:
    return next((word for word in ("年初", "全年") if word in lead[-8:]), None)


def _completion_owner(drafts: list[_Draft], target: _Draft, lead: str) -> _Draft:
    """"完成年初预算的95.89%" goes to the 年初 budget even when a 全年 budget follows it."""
    word = _budget_word(lead)
    for draft in drafts:
        if draft.group == target.group and word is not None and draft.budget_word == word:
            return draft
    return target


def _subject_from_lead(lead: str, role: str, patterns: ClaimPatterns) -> str | None:
    tail = lead_tail(lead, patterns)
    if role == "share":
        tail = tail.split("占")[0]
    subject = clean_subject(tail, patterns)
    if role == "prior" and subject is not None and f"全年{subject}" in tail:
        return f"全年{subject}"  # "全年享受人数由0.41万人增加到…": the year's quantity that went from A to B
    if subject is None and role in ("delta", "pct"):
        return _subject_of_stated_change(lead[:len(lead) - len(tail)], patterns)
    if subject in GENERIC_HEADS:  # "乡村振兴项目绩效自评综述：项目全年预算数…": the name is in the clause before
        named = re.search(rf"([^，,；;：:。]*{subject})[^，,；;：:。]*[：:，,]$", lead[:len(lead) - len(tail)])
        return clean_subject(named.group(1), patterns) if named else subject
    return subject


def _subject_of_stated_change(before: str, patterns: ClaimPatterns) -> str | None:
    """"项目支出增加，较上一度增加1133.95万元": the clause before names the subject and its direction."""
    clauses = [c for c in patterns.clause_break.split(before) if c.strip()]
    if clauses and patterns.roles["change"].search(clauses[-1]):
        return clean_subject(clauses[-1], patterns)
    return None


def _close_extents(drafts: list[_Draft], text: str, cue_starts: list[int]) -> None:
    """A claim reaches to the next claim or the next reason cue, whichever comes first."""
    for i, draft in enumerate(drafts):
        limit = drafts[i + 1].start if i + 1 < len(drafts) else len(text)
        cue = next((c for c in cue_starts if draft.end <= c < limit), None)
        draft.end = max(draft.end, cue if cue is not None else limit)


def _to_claim(draft: _Draft, context_start: int, drafts: list[_Draft], text: str, amounts: list[Amount],
              years: list[tuple[int, int]], patterns: ClaimPatterns) -> Claim:
    """Kind, roles and direction from the values and the comparison stated since the claim before."""
    extent = text[min(context_start, draft.start):draft.end]
    prior = patterns.prior_year.search(extent)
    kind, values = _kind_of(draft, drafts, text, extent, prior is not None, patterns)
    direction = _claim_direction(draft, kind, extent, text, amounts, patterns)
    subject = draft.subject
    if kind == "budget_vs_actual" and subject is not None:
        subject = _BUDGET_WORD.sub("", subject)
    prior_year = int(prior.group("year")) if kind == "change" and prior and prior.group("year") else None
    went_from = _went_from_year(draft, text, amounts, patterns) if kind == "change" else None
    if went_from is not None:  # "由2023年的126个增加到…": the year it went from is the base, not the claim's year
        years = [(offset, year) for offset, year in years if offset != went_from[0]]
        prior_year = prior_year or went_from[1]
    return Claim(
        kind=kind, subject=subject, start_char=draft.start, end_char=draft.end,
        values=[ClaimValue(role=role, amount=i) for role, i in values], direction=direction,
        year=_stated_year(years, draft.start + _first_value_offset(draft, amounts)),
        prior_year=prior_year,
        prior_is_previous_year=kind == "change" and prior is not None and prior.group("previous") is not None,
    )


def _went_from_year(draft: _Draft, text: str, amounts: list[Amount],
                    patterns: ClaimPatterns) -> tuple[int, int] | None:
    """(offset, year) of the year printed with the figure a change went from ("由2024年的320场")."""
    went_from = _lead_of(draft, "prior", patterns.roles["from"], text, amounts)
    if went_from is None or went_from.group("year") is None:
        return None
    return went_from.start("year"), int(went_from.group("year"))


def _lead_of(draft: _Draft, role: str, pattern: re.Pattern[str], text: str,
             amounts: list[Amount]) -> re.Match[str] | None:
    """`pattern` matched right before the draft's value of `role` ("由2024年的" before 320场, "调减为" before 9个)."""
    index = next((i for r, i in draft.values if r == role), None)
    return pattern.search(text, draft.start, amounts[index].start_char) if index is not None else None


def _kind_of(draft: _Draft, drafts: list[_Draft], text: str, extent: str, prior: bool,
             patterns: ClaimPatterns) -> tuple[str, list[tuple[str, int]]]:
    """The claim's kind and its values by role. A budget figure alone ("因公出国（境）费预算为0万元"
    with no 决算/completion and no comparison with a budget) compares nothing: it keeps its kind
    from the rest (figure, change, breakdown) and its role `budget`, for the document stage to read
    (in a 预算 document it is the year's own figure)."""
    against_budget = patterns.budget_comparison.search(extent) is not None and not prior
    roles = {role for role, _ in draft.values}
    values = list(draft.values)
    compared = bool(roles & {"actual", "completion"}) or against_budget or {"current", "budget"} <= roles
    if "prior" in roles and not roles & {"budget", "actual", "completion"}:
        return "change", values  # "…由5%调整为6%，支出决算数大于年初预算数": where a figure went from, to
    if roles == {"actual", "share"} and not against_budget:  # "公务接待费支出决算0.39万元，占100.00%": a share
        return "share", [("current" if role == "actual" else role, i) for role, i in values]
    if prior and _against_last_year(roles, extent, patterns) and not roles & {"budget", "completion"} \
            and not against_budget:
        # "“三公”经费支出决算为23.12万元，比2023年度增加16.91万元": this year's actual against last year's
        return "change", [("current" if role == "actual" else role, i) for role, i in values]
    if (compared and roles & {"budget", "actual", "completion", "delta", "pct"}) \
            or (against_budget and _direction(extent, patterns) is not None):
        return "budget_vs_actual", [("actual" if role == "current" else role, i) for role, i in values]
    if roles & {"delta", "pct"} or {"prior", "current"} <= roles or (prior and _direction(extent, patterns) == "持平"):
        return "change", values
    if "share" in roles:
        return "share", values
    if _is_breakdown(draft, drafts, text, patterns):
        return "breakdown", [("total" if role == "current" else role, i) for role, i in values]
    return "figure", values


def _against_last_year(roles: set[str], extent: str, patterns: ClaimPatterns) -> bool:
    """A change told as a difference, or an actual alone "与2024年度持平" (the year before is its base)."""
    return bool(roles & {"delta", "pct"}) or (roles == {"actual"} and _direction(extent, patterns) == "持平")


def _first_value_offset(draft: _Draft, amounts: list[Amount]) -> int:
    return min(amounts[i].start_char for _, i in draft.values) - draft.start if draft.values else 0


def _is_breakdown(draft: _Draft, drafts: list[_Draft], text: str, patterns: ClaimPatterns) -> bool:
    """A sentence's first total followed by 其中：/包括：/以下方面 introduces its parts."""
    if draft is not drafts[0] or _LIST_NUMBER.sub("", text).startswith("其中"):
        return False
    next_start = drafts[1].start if len(drafts) > 1 else len(text)
    return patterns.breakdown_cue.search(text, draft.value_end, max(next_start, draft.value_end)) is not None


def _claim_direction(draft: _Draft, kind: str, extent: str, text: str, amounts: list[Amount],
                     patterns: ClaimPatterns) -> str | None:
    if kind not in ("change", "budget_vs_actual"):
        return None
    for role in ("delta", "pct"):
        index = next((i for r, i in draft.values if r == role), None)
        if index is not None:
            lead = text[max(draft.start, amounts[index].start_char - 12):amounts[index].start_char]
            words = list(patterns.direction.finditer(_ALTERNATIVE.sub("", lead)))
            if not words and role == "delta":  # "增加省人大立法研究所…专项经费23.3万元": the verb opens the clause
                words = list(patterns.direction.finditer(text[draft.start:amounts[index].start_char]))[:1]
            if words:
                return patterns.direction_of[words[0].group()] if role == "pct" and len(words) > 1 \
                    else patterns.direction_of[words[-1].group()]
    went_to = _went_to(draft, text, amounts, patterns) if kind == "change" else None
    if went_to is not None:  # "由12个调减为9个": the verb of the figure it went to
        return _direction(went_to, patterns)
    return _direction(extent, patterns, comparison_only=True)


def _went_to(draft: _Draft, text: str, amounts: list[Amount], patterns: ClaimPatterns) -> str | None:
    """The words before the figure a change went to ("调减为"), when it states where it went from."""
    went_to = _lead_of(draft, "current", patterns.roles["to"], text, amounts) if draft.has("prior") else None
    return went_to.group() if went_to else None


def _direction(extent: str, patterns: ClaimPatterns, *, comparison_only: bool = False) -> str | None:
    """A comparison word of the extent (持平 / 大于 / 小于 / 等于, and 增/减 for direction-only claims)."""
    for match in patterns.direction.finditer(extent):
        word = patterns.direction_of[match.group()]
        if word in EQUAL or word in ("大于", "小于") or not comparison_only:
            return word
    return None


def _year_marks(text: str, marks: list[NumberMark], patterns: ClaimPatterns) -> list[tuple[int, int]]:
    """(offset, year) of the years printed in the sentence, not counting compared-with years."""
    compared = {m.start("year") for m in patterns.prior_year.finditer(text) if m.group("year")}
    years = []
    for mark in marks:
        if mark.kind in (MarkKind.YEAR, MarkKind.DATE) and mark.start_char not in compared:
            year = int(mark.text[:4]) if mark.text[:4].isdigit() else mark.value
            if year is not None:
                years.append((mark.start_char, year))
    return years


def _stated_year(years: list[tuple[int, int]], before: int) -> int | None:
    """The last year printed before the claim's first value."""
    index = bisect_left(years, (before, -1))
    return years[index - 1][1] if index else None


def _direction_only(text: str, cue_starts: list[int], patterns: ClaimPatterns) -> list[Claim]:
    """"与上年持平。" / "决算数小于预算数的主要原因是…": a comparison stated without numbers."""
    end = cue_starts[0] if cue_starts else len(text)
    head = text[:end]
    if _direction(head, patterns) is None:
        return []
    restated = bool(cue_starts) and (head.rstrip(BEFORE_CUE).endswith("的") or _comparison_then_cue(head, patterns))
    parts = _lines_restated(head, patterns) if restated else [head]
    return [claim for part in parts for claim in _comparison_of(part, end, restated, patterns)]


def _lines_restated(head: str, patterns: ClaimPatterns) -> list[str]:
    """"支出增加和基本支出增加的主要原因均为…": each line restated with a direction word of its own."""
    parts, start = [], 0
    for word in patterns.direction.finditer(head):
        if word.start() < start:
            continue
        joiner = LINES_JOINED.match(head, word.end())
        parts.append(head[start:word.end()] if joiner else head[start:])
        if joiner is None:
            break
        start = joiner.end()
    return parts if len(parts) > 1 else [head]


def _comparison_of(head: str, end: int, restated: bool, patterns: ClaimPatterns) -> list[Claim]:
    """The direction-only claims of one comparison: one per line it names."""
    direction = _direction(head, patterns)
    prior = patterns.prior_year.search(head)
    budget = patterns.budget_comparison.search(head) is not None or "预算" in head
    if direction is None or (prior is None and not budget and not restated and direction != "持平"):
        return []  # "公务接待费支出决算持平。": a flat line needs no comparison word to be one (against last year)
    kind = "change" if prior is not None or not budget else "budget_vs_actual"
    subject_text = lead_tail(head[:patterns.direction.search(head).start()], patterns)
    for comparison in (patterns.prior_year, patterns.budget_comparison):  # "…支出决算数与2023年度持平"
        subject_text = comparison.split(subject_text)[0]
    subject = clean_subject(subject_text, patterns)
    if restated and subject is not None and SEVERAL_ITEMS.search(subject):
        return []  # "上述两项决算数大于预算数的主要原因": it restates the items before, not a line of its own
    names = SEVERAL_LINES.split(subject) if restated and subject else [subject]
    return [Claim(  # "社会保障和就业支出、住房保障支出增加，原因是…": each line restated is a claim
        kind=kind, subject=name, start_char=0,
        end_char=end, values=[], direction=direction,
        prior_year=int(prior.group("year")) if prior and prior.group("year") else None,
        prior_is_previous_year=kind == "change" and (prior is None or prior.group("previous") is not None),
        restated=restated,
    ) for name in names]


def _names_a_line_or_comparison(head: str, patterns: ClaimPatterns) -> bool:
    """Does the text before a cue say what it restates: a line ("“三公”经费支出减少的…") or a comparison
    ("决算数小于预算数的…", "较上年…")? "增加的原因是…" says neither."""
    words = patterns.direction.search(head)
    named_line = words is not None and clean_subject(lead_tail(head[:words.start()], patterns), patterns) is not None
    several = len(_lines_restated(head, patterns)) > 1  # "支出增加和基本支出增加的…"
    return named_line or several or "预算" in head or patterns.prior_year.search(head) is not None


def _comparison_then_cue(head: str, patterns: ClaimPatterns) -> bool:
    """"支出决算数大于年初预算数，原因是…" / "较上年减少主要是…" / "公共安全支出增加，主要是由于…": a comparison,
    or a line and its direction, that is the whole clause before the cue restates one told before (a flat one
    states a fact of its own: "与上年持平，主要原因是…")."""
    clauses = [c for c in patterns.clause_break.split(head.rstrip(BEFORE_CUE)) if c.strip()]
    last = clauses[-1] if clauses else ""
    ends = ENDS_ON_DIRECTION.search(last)
    if ends is None:
        return False
    compared = patterns.budget_comparison.search(last) or patterns.prior_year.search(last)
    return compared is not None or clean_subject(last[:ends.start()], patterns) is not None


def direction_sign(direction: str | None) -> int | None:
    """+1 for 增加/增长/大于, −1 for 减少/下降/小于, 0 for 持平/等于: to compare restated directions."""
    if direction in INCREASE:
        return 1
    if direction in DECREASE:
        return -1
    return 0 if direction in EQUAL else None
