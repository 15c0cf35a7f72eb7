"""What a sentence leaves open, settled from the sentences before it.

- Subject: "全年预算为52.00万元…" names only roles; its subject is the item line before it
  ("1、一般公共服务支出（类）…行政运行（项）。") or the last subject stated before.
  A numbered item line that states its own figure ("12、住房保障支出（221类）…（01项）208.8万元。")
  heads the sentences after it ("…2026年预算安排201.50万元…") just as a bare item line does.
  A section title that only announces a topic ("…具体情况说明") names no account.
- A budget figure that compares with nothing ("基本支出预算数为6522.75万元") is, in a 预算
  document, the year's own figure: its role becomes current (total for a breakdown).
- Year: the year printed with the claim, else the document's fiscal year; 上年 is year − 1.
- Reasons that open a sentence ("主要原因：单位于2024年成立。") explain the last claim of
  the sentence before; "主要是…" is a reason only where the claim it explains states a change.
- "主要原因：一是…；二是…" goes on over the next sentences of its list while they are numbered alike.
- "决算数小于预算数的主要原因是…" restates the comparison just made to give its reason;
  when the sentence before made it, the restatement is not a claim of its own: its
  direction and the reason go to that claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from budgetlens.document import Document, DocumentKind, Section, Sentence
from budgetlens.nlp.claims import direction_sign
from budgetlens.nlp.types import Amount, Claim, ClaimValue, Reason

LOOKBACK = 4  # sentences searched back for a subject
ITEM_LINE_MAX = 80  # an item line ("1、…行政运行（项）。") is short
_NUMERAL = "[0-9一二三四五六七八九十]+"
_NUMBERING = re.compile(rf"^(?:第{_NUMERAL}部分|[（(]{_NUMERAL}[）)]|{_NUMERAL}[、.．])\s*")
_END_PUNCT = "。；;：:，, "
_LATER = "[二三四五六七八九十]"
# A list goes on with items numbered as its first one: "一是" with "二是", never with the "2." of the next paragraph.
_LIST_NUMBERING = tuple((re.compile(rf"^\s*(?:{first})"), re.compile(later)) for first, later in (
    ("一是", f"{_LATER}是"), ("一方面", "另一方面"), ("首先", "其次|再次|最后"), ("第一", f"第{_LATER}"),
    ("[（(]一[）)]", f"[（(]{_LATER}[）)]"), ("一[）)、.．]", f"{_LATER}[）)、.．]"),
    ("[（(]1[）)]", "[（(][2-9][）)]"), ("1[）)、.．]", "[2-9][）)、.．]"),
))
_CUE_WORDS = ("原因", "用于", "由于", "为了", "主要是")
_TOPIC_TITLE = re.compile(r"(?:说明|情况)$")  # "（二）“三公”经费…具体情况说明": a topic, not an account


@dataclass
class ResolvedClaim:
    subject: str | None
    subject_source: str | None
    year: int | None
    prior_year: int | None
    direction: str | None = None  # the claim's own, or one restated in the next sentence
    dropped: bool = False
    record_id: str | None = None  # set when the record is written


@dataclass
class SentenceResult:
    sentence: Sentence
    amounts: list[Amount]
    claims: list[Claim]
    reasons: list[Reason]
    where: list[int]  # squeezed offset → offset in sentence.text (see narrative.squeeze_spaces)
    resolved: list[ResolvedClaim] = field(default_factory=list)
    explains: list[ResolvedClaim | None] = field(default_factory=list)
    continued_by: list[Sentence] = field(default_factory=list)  # "二是…" sentences that go on its last reason


def resolve_context(results: list[SentenceResult], document: Document) -> None:
    year = document.meta.fiscal_year
    titles = {section.id: section.title for section in _walk(document.sections)}
    own_budget = document.meta.kind is DocumentKind.DEPT_BUDGET
    for i, result in enumerate(results):
        previous = results[i - 1] if i else None
        result.claims = _join_prior_execution(result.claims)
        if own_budget:
            result.claims = [_budget_as_own_figure(claim) for claim in result.claims]
        result.resolved = [_resolve_claim(claim, results, i, year, titles) for claim in result.claims]
        _drop_restatements(result, previous)
        result.reasons = [reason for reason in result.reasons if _explains_enough(reason, result, previous)]
        result.explains = [_explained(reason, result, previous) for reason in result.reasons]
        _differences_of_the_explained(result, result, previous)
    for i, result in enumerate(results):
        result.continued_by = _list_continuation(result, results[i + 1:])
    by_sentence = {result.sentence.id: result for result in results}
    for i, result in enumerate(results):
        for sentence in result.continued_by:  # "…的主要原因：一是…；" | "二是…车辆运行维护费相应减少1.24万元。"
            _differences_of_the_explained(by_sentence[sentence.id], result, results[i - 1] if i else None,
                                          whole_sentence=True)


def _join_prior_execution(claims: list[Claim]) -> list[Claim]:
    """"2023年当年预算执行数为711.34万元，2024年预算安排738.66万元，比2023年预算执行数增加3.84%":
    the first figure is the base of the change that follows in the same sentence, not a claim of its own."""
    joined: list[Claim] = []
    for claim in claims:
        before = joined[-1] if joined else None
        if before is not None and _is_base_of(before, claim):
            base = ClaimValue(role="prior", amount=before.values[0].amount)
            joined[-1] = claim.model_copy(update={"values": [base, *claim.values], "prior_year": before.year})
        else:
            joined.append(claim)
    return joined


def _is_base_of(before: Claim, claim: Claim) -> bool:
    """A lone 执行数 figure of the year before, then a change of the next year that states no base value."""
    lone_actual = before.kind == "budget_vs_actual" and [v.role for v in before.values] == ["actual"]
    no_base = claim.kind == "change" and all(v.role != "prior" for v in claim.values)
    years = before.year is not None and claim.year == before.year + 1 and claim.prior_year in (None, before.year)
    return lone_actual and no_base and years


def _budget_as_own_figure(claim: Claim) -> Claim:
    """In a 预算 document a budget figure that is compared with no 决算 is the year's figure itself."""
    if claim.kind == "budget_vs_actual" or all(v.role != "budget" for v in claim.values):
        return claim
    own = "total" if claim.kind == "breakdown" else "current"
    values = [ClaimValue(role=own, amount=v.amount) if v.role == "budget" else v for v in claim.values]
    return claim.model_copy(update={"values": values})


def _walk(sections: list[Section]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from _walk(section.children)


def _resolve_claim(claim: Claim, results: list[SentenceResult], index: int, doc_year: int | None,
                   titles: dict[str | None, str]) -> ResolvedClaim:
    subject, source = claim.subject, "sentence"
    if subject is None:
        subject, source = _context_subject(results, index, titles)
    year = claim.year or doc_year
    prior = claim.prior_year
    if prior is None and claim.prior_is_previous_year and year is not None:
        prior = year - 1
    return ResolvedClaim(subject=subject, subject_source=source if subject else None, year=year, prior_year=prior,
                         direction=claim.direction)


_LATER_LIST_ITEM = re.compile(r"^\s*[二三四五六七八九十]是")


def _context_subject(results: list[SentenceResult], index: int,
                     titles: dict[str | None, str]) -> tuple[str | None, str | None]:
    section = results[index].sentence.section_id
    for result in reversed(results[max(0, index - LOOKBACK):index]):
        if result.sentence.section_id != section:
            break
        if _LATER_LIST_ITEM.match(result.sentence.text):  # "二是…增加了该项支出": part of a reason, names no line
            continue
        subjects = [r.subject for c, r in zip(result.claims, result.resolved, strict=True)
                    if r.subject and not r.dropped and not _inside_a_cause(c, result)]
        if subjects:
            return subjects[-1], "heading" if _heads_item(result) else "previous_sentence"
        if not result.amounts and not result.reasons and _is_item_line(result.sentence.text):
            name = _item_name(result.sentence.text)  # "（一）…总体情况说明。" announces a topic: look further
            if not _TOPIC_TITLE.search(name):
                return name, "heading"
    title = _item_name(titles.get(section) or "")
    return (title, "heading") if title and not _TOPIC_TITLE.search(title) else (None, None)


def _inside_a_cause(claim: Claim, result: SentenceResult) -> bool:
    """"…减少0.86万元，主要原因是1辆执法执勤用车…报废": a figure told inside a cause heads no later sentence."""
    return any(reason.type == "cause" and reason.text_start <= claim.start_char < reason.end_char
               for reason in result.reasons)


def _heads_item(result: SentenceResult) -> bool:
    """"12、住房保障支出（221类）…（01项）208.8万元。": a numbered item naming its one figure."""
    live = [r for r in result.resolved if not r.dropped]
    return (_NUMBERING.match(result.sentence.text.strip()) is not None and len(live) == 1
            and live[0].subject_source == "sentence")


def _is_item_line(text: str) -> bool:
    return len(text) <= ITEM_LINE_MAX and not any(word in text for word in _CUE_WORDS)


def _item_name(text: str) -> str:
    return _NUMBERING.sub("", text.strip()).strip(_END_PUNCT)


def _drop_restatements(result: SentenceResult, previous: SentenceResult | None) -> None:
    if previous is None:
        return
    live = [(c, r) for c, r in zip(previous.claims, previous.resolved, strict=True) if not r.dropped]
    for claim, resolved in zip(result.claims, result.resolved, strict=True):
        if not claim.restated:
            continue
        # "决算数大于预算数的主要原因" after "预算为0万元，支出决算为0.34万元，较上年减少0.55万元": the comparison
        # restated is one of the sentence before (not only its last), and the direction belongs to it
        earlier = next((r for c, r in reversed(live) if _same_comparison(claim, resolved, c, r)), None)
        if earlier is not None:
            resolved.dropped = True
            earlier.direction = earlier.direction or claim.direction


def _same_comparison(claim: Claim, resolved: ResolvedClaim, earlier: Claim, earlier_resolved: ResolvedClaim) -> bool:
    if claim.kind != earlier.kind:
        return False
    if claim.subject is not None and claim.subject != earlier_resolved.subject:
        return False
    sign, earlier_sign = direction_sign(claim.direction), direction_sign(earlier_resolved.direction)
    return sign is None or earlier_sign is None or sign == earlier_sign


def _list_continuation(result: SentenceResult, following: list[SentenceResult]) -> list[Sentence]:
    """"主要原因是：一是…；二是…；三是…": the sentences of the list after its first item."""
    if not result.reasons:
        return []
    text = result.reasons[-1].text
    later_item = next((later for first, later in _LIST_NUMBERING if first.search(text)), None)
    if later_item is None:
        return []
    items = []
    for later in following:
        if later.reasons or not later_item.match(later.sentence.text.lstrip()):
            break
        items.append(later.sentence)
    return items


def _explains_enough(reason: Reason, result: SentenceResult, previous: SentenceResult | None) -> bool:
    """"主要是" is a reason only where it explains a change (guidelines.md §2): its claim has a direction or compares.
    "接待对象主要是外地党政机关，主要是开展专项工作考察交流" describes; it explains nothing."""
    if not reason.after_change:
        return True
    found = _explained_claim(reason, result, previous)
    return found is not None and (found[1].direction is not None or _compares(found[0]))


def _compares(claim: Claim) -> bool:
    """"年初预算为64.80万元，支出决算为71.25万元，…，主要是…": two figures compared state a change without a word."""
    roles = {value.role for value in claim.values}
    pairs = {"budget", "actual"} <= roles or {"prior", "current"} <= roles
    return claim.kind in ("change", "budget_vs_actual") and pairs


def _explained(reason: Reason, result: SentenceResult, previous: SentenceResult | None) -> ResolvedClaim | None:
    found = _explained_claim(reason, result, previous)
    return found[1] if found else None


def _explained_claim(reason: Reason, result: SentenceResult,
                     previous: SentenceResult | None) -> tuple[Claim, ResolvedClaim] | None:
    """The claim a reason explains: its own in the sentence, else the last one left of the sentence before."""
    if reason.explains is not None:
        resolved = result.resolved[reason.explains]
        if not resolved.dropped:
            return result.claims[reason.explains], resolved
    if previous is None:
        return None
    live = [(c, r) for c, r in zip(previous.claims, previous.resolved, strict=True) if not r.dropped]
    return live[-1] if live else None


def _differences_of_the_explained(result: SentenceResult, cause_of: SentenceResult, before: SentenceResult | None,
                                  *, whole_sentence: bool = False) -> None:
    """"决算数大于预算数的主要原因是…增加队伍补助支出38.75万元": a difference told inside a cause, with no
    year named against, is part of the comparison the cause explains (GUIDELINE §5) — budget against actual
    here, where read alone it would look like a change against last year. `cause_of`: the sentence whose
    reasons count (`before`: the one before it); `whole_sentence`: `result` is a later item of its
    一是…二是… list, all of it inside the cause."""
    for reason in cause_of.reasons:
        explained = _explained_claim(reason, cause_of, before) if reason.type == "cause" else None
        if explained is None or explained[0].kind != "budget_vs_actual":
            continue
        for i, claim in enumerate(result.claims):
            inside = whole_sentence or reason.text_start <= claim.start_char < reason.end_char
            only_difference = {v.role for v in claim.values} <= {"delta", "pct"} and claim.values
            no_year = claim.prior_year is None and not claim.prior_is_previous_year
            if inside and claim.kind == "change" and only_difference and no_year:
                result.claims[i] = claim.model_copy(update={"kind": "budget_vs_actual"})
                result.resolved[i].prior_year = None
