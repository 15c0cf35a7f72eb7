"""Reasons → the variances they explain.

ReasonRecord.explains already names the claim a reason follows. On top of that:
- one reason for several pairs of one sentence: "因公出国费、公务接待费均比上年减少，主要原因是…",
  or a reason that opens the next sentence after a sentence of several changes — every pair
  stated after the previous reason of that sentence takes it;
- a reason given once for several items: "财政拨款收入支出减少的主要原因是项目调整。" restates,
  without figures, the changes of the sentences before it — the pairs just before it with the
  same direction and no reason of their own take it, and the restatement is no pair itself;
- a cue that ends its paragraph ("主要原因：" then the reason as the next paragraph), and a
  "一是…二是…" list that ran on into the next numbered item: the text judged is the reason itself;
- a reason that says what it explains: "决算数小于预算数的…" (a comparison and a direction: only pairs that
  fit), "以上两项…" / "上述减少的…" (the items just before), "“三公”经费支出减少主要是由于…" (a line restated
  without a figure: that line's pair), and one after a breakdown sentence that states no pair (the nearest
  pair that fits what it names);
- a reason that names lines (`names_line`: a "三公" item by what it is about, 车/接待/出国, any other line by
  the first words of its name): a summary reason goes only to the lines it names, a reason for a total also to
  the parts of spending it names (人员经费 → 基本支出), a reason right before "其中：" also to the items of that
  breakdown it names.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from budgetlens.document import Sentence
from budgetlens.extract.records import ClaimRecord, ReasonRecord
from budgetlens.link.subjects import normalise, subject_to_line
from budgetlens.nlp.claims import direction_sign
from budgetlens.tables.lexicon import squash

NEXT_ITEM = re.compile(  # the end of a reason's last list item, before the next numbered paragraph
    r"[。；;](?=\s*(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]、))")
EMPTY = re.compile(r"^[\s，,。；;：:、.无]*$")
LEAD_CHARS = 24  # text before a cue read for the comparison it names
NAMES_CHANGE = re.compile(
    r"(?:较|比|与|同)(?:上年|上一年度?|去年|\d{4}年度?)(?:相比)?[^，,。；;]{0,6}(?P<word>增加|减少|增长|下降)的$")
# "决算数小于预算数、较上年减少的主要原因": both comparisons named before one cue
BUDGET_TOO = re.compile(r"(?:大于|小于|高于|低于|超过|超出)(?:年初|全年|调整后)?预算数?[、且和及，,]*$")
NAMES_BUDGET = re.compile(r"(?P<word>大于|小于|高于|低于|超过|超出)(?:年初|全年|调整后)?预算数?的$")
SAME_AS = {"高于": "大于", "超过": "大于", "超出": "大于", "低于": "小于"}  # words direction_sign reads otherwise
SUMMARY_LOOKBACK = 6  # pairs before a figure-less restatement that may share its reason
ITEMS_NAMED = re.compile(r"(?:以上|上述)(?P<n>[两二三四五六2-6])项")
ABOVE_CHANGE = re.compile(r"(?:以上|上述)[^，,。；;]{0,8}?(?P<word>增加|减少|增长|下降)的?$")
RESTATED = re.compile(  # a sentence that opens by naming a line and its direction, no figure, then the cue
    r"(?:\d{4}年度?)?(?P<subject>[^，,。；;：:\d较比与同]{2,24}?)(?:预算|决算)?数?"
    r"(?P<word>增加|减少|增长|下降|大于|小于|高于|低于)(?:年初|全年)?(?:预算)?数?的?[，,]?")
CORE_NAME = re.compile(r"财政拨款|支出|决算|预算|数|\([类款项]\)")  # words a restatement may leave out of a name
# "社会保障和就业支出、住房保障支出增加，原因是…", "“三公”经费支出和因公出国（境）费支出增加的…": several lines
# restated at once (a 和 inside a name, "社会保障和就业", does not follow 支出 or 费)
NAME_LIST = re.compile(r"[,、]|(?<=支出)和|(?<=费)和")
BREAKDOWN_NEXT = re.compile(r"[。；;]?\s*其中[：:]")  # a breakdown that opens right after a reason
BREAKDOWN_OPENS = re.compile(r"\s*其中[：:，,]")  # a sentence that breaks down the total told before it
SENTENCE_MARKS = "。；;！？!?\n"
SENTENCE_START = re.compile(f"[{SENTENCE_MARKS}]")
NEAREST_LOOKBACK = 3  # pairs before a reason that follows a breakdown, searched for the one it names
NAME_HEAD = 4  # first characters of a line's name that a reason names it by ("公务用车", "公务接待")
PART_WORDS = {  # what a reason says when it speaks of a part of spending (人员经费 and 公用经费 make 基本支出)
    "基本支出": ("基本支出", "人员经费", "公用经费"),
    "项目支出": ("项目支出",),
}
THREE_PUBLIC_WORDS = {  # what a reason says when it is about one "三公" item (DOMAIN.md: the three items and parts)
    "outbound": ("出国", "出访", "出境", "团组"),
    "vehicle": ("车",),
    "vehicle_purchase": ("购置", "购买", "新购", "购车"),
    "vehicle_running": ("运行", "维护", "维修", "燃料", "燃油", "保险"),
    "reception": ("接待",),
}
COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}


@dataclass
class Target:
    """What attach needs of a pair: its claims, direction and whether it states any figure."""

    claim_ids: list[str]
    direction: str | None
    has_figures: bool
    reason_ids: list[str]
    section_id: str | None = None
    kind: str | None = None  # "change" or "budget_vs_actual": the comparison the pair makes
    summary: bool = False  # a figure-less restatement whose reason went to the pairs before it
    found_its_lines: bool = False  # a figure-less restatement whose named lines were found stated before it


def reason_text(reason: ReasonRecord, sentences: list[Sentence], index: dict[str, int],
                busy: set[str]) -> str:
    """The reason as it should be judged: the next paragraph when the cue ends its own, and not
    running on into the next numbered item. `busy`: sentences that state a claim or a reason."""
    text = reason.text
    at = index.get(reason.sentence_id)
    if EMPTY.match(text) and reason.cue.endswith(("：", ":")) and at is not None and at + 1 < len(sentences):
        following = sentences[at + 1]
        if following.id not in busy:
            text = "".join(following.text.split())
    cut = NEXT_ITEM.search(text)
    return text[:cut.start()] if cut else text


def reason_end(reason: ReasonRecord, text: str) -> int:
    """Where the reason really ends in the document text: before a numbered item it ran on into."""
    cut = NEXT_ITEM.search(text, reason.span.start, reason.span.end)
    return cut.start() if cut else reason.span.end


def is_empty(text: str) -> bool:
    return bool(EMPTY.match(text))


def attach_reasons(targets: list[Target], claims: list[ClaimRecord], reasons: list[ReasonRecord],
                   text: str = "") -> None:
    """Fill each target's reason_ids (in text order) and mark summary restatements. `text` (the document's)
    lets a reason that names its comparison explain only pairs of that comparison."""
    owner = {cid: t for t in targets for cid in t.claim_ids}
    claim_by_id = {c.id: c for c in claims}
    placed = _in_text_order(targets, claim_by_id)
    starts = [start for start, _ in placed]
    for reason in reasons:
        explained = claim_by_id.get(reason.explains or "")
        before = [t for _, t in placed[:bisect_left(starts, reason.span.start)]]
        restated = _restated_before(_sentence_lead(text, reason.span.start), before, claim_by_id)
        if explained is None and not restated:
            continue
        lead = "".join(text[max(0, reason.span.start - LEAD_CHARS):reason.span.start].split())
        named = named_comparison(lead)
        sharing = restated or [*_items_before(lead, before), *_sharing(reason, explained, claims, reasons, owner)]
        chosen = _named_ones(named, _completed(sharing, named, before))
        if explained is not None and not restated and _opens_a_breakdown(text, explained):
            chosen = [*_total_before(chosen, before), *_named_in([reason.text], chosen, claim_by_id)]
        for target in [*chosen, *_parts_it_names(reason.text, chosen, before, claim_by_id),
                       *_breakdown_after(reason, text, placed, claim_by_id)]:
            _add(target, reason.id)
    _hand_on_summaries(targets, claim_by_id, {r.id: r.text for r in reasons})


def _completed(sharing: list[Target], named: Named | None, before: list[Target]) -> list[Target]:
    """When the reason's own sentence gives no pair (a breakdown before it), or gives one of the two comparisons
    its lead-in names ("决算数小于预算数且较上年减少的…"), the nearest pairs that fit what it names."""
    if named is None:
        return sharing
    if not sharing:
        return _nearest_named(named, before)
    if named.kind is not None:
        return sharing
    missing = [kind for kind in ("change", "budget_vs_actual") if not any(t.kind == kind for t in sharing)]
    return [*sharing, *(t for kind in missing for t in _nearest_named(Named(kind, named.direction), before))]


def _direction_of(word: str) -> str:
    """"小于" → "decrease": a printed comparison word as Target.direction says it."""
    return "increase" if direction_sign(SAME_AS.get(word, word)) == 1 else "decrease"


def _in_text_order(targets: list[Target], claim_by_id: dict[str, ClaimRecord]) -> list[tuple[int, Target]]:
    """Targets stated in the narrative, by where their first claim starts (table-only pairs have none)."""
    placed = [(min(claim_by_id[c].span.start for c in t.claim_ids if c in claim_by_id), t)
              for t in targets if any(c in claim_by_id for c in t.claim_ids)]
    return sorted(placed, key=lambda pair: pair[0])


@dataclass(frozen=True)
class Named:
    """The comparison a reason's lead-in names: its kind (None: "上述减少的…", any) and the direction it says
    the figures went."""

    kind: str | None
    direction: str

    def fits(self, target: Target) -> bool:
        kind_fits = self.kind is None or target.kind in (None, self.kind)
        return kind_fits and target.direction in (None, self.direction)


def _items_before(lead: str, before: list[Target]) -> list[Target]:
    """"以上两项决算数均大于年初预算数，原因是…": a reason given once for the N items just before it;
    "上述减少的主要原因是…": for the run of reason-less pairs before it."""
    counted = ITEMS_NAMED.search(lead)
    if counted is not None:
        n = COUNT.get(counted["n"]) or int(counted["n"])
        return [t for t in before[-n:] if not t.reason_ids]
    return _reasonless_run(before) if ABOVE_CHANGE.search(lead) else []


def _reasonless_run(before: list[Target]) -> list[Target]:
    """The pairs just before a summary reason that have none of their own, in one section (flat ones skipped)."""
    run: list[Target] = []
    for target in reversed(before[-SUMMARY_LOOKBACK:]):
        if run and target.section_id != run[-1].section_id:
            break
        if target.direction == "flat":
            continue
        if target.reason_ids:
            break
        run.append(target)
    return run[::-1]


def _restated_before(lead: str, before: list[Target], claim_by_id: dict[str, ClaimRecord]) -> list[Target]:
    """"“三公”经费支出减少主要是由于…" / "收支预算增加的主要原因是…": the words before the cue restate, without a
    figure, a change told earlier. The reason is that pair's — the nearest one of that name going that way —
    or, when no pair has the name (a summary of several), the run of reason-less pairs (going that way: the
    caller keeps those that fit)."""
    found = RESTATED.fullmatch(lead)
    if found is None or found["subject"].startswith(("以上", "上述")):  # "以上两项…": the items before, not a line
        return []
    direction = _direction_of(found["word"])
    names = [name for name in map(core_name, NAME_LIST.split(found["subject"])) if name]
    if not names:  # "决算数小于预算数的主要原因": names no line, the comparison is the sentence's own
        return []
    restatements, stated = [], []
    for name in names:
        of_name = [t for t in reversed(before[-SUMMARY_LOOKBACK:])
                   if t.direction == direction and _subject_of(t, claim_by_id) == name]
        restatements += [t for t in of_name if not t.has_figures]  # the lead-in's own figure-less pair, if parsed
        stated += [t for t in of_name if t.has_figures][:1]
    if stated:
        for restatement in restatements:  # the lines it lists are all found: it hands its reason on only to
            restatement.found_its_lines = len(names) > 1 and len(stated) == len(names)  # those it names
        return [*stated, *restatements]
    return [*[t for t in _reasonless_run(before) if t.direction == direction], *restatements]


def _sentence_lead(text: str, cue_start: int) -> str:
    """The words from the start of the cue's sentence to the cue, squeezed ("" when it starts further back)."""
    window = text[max(0, cue_start - 2 * LEAD_CHARS):cue_start]
    breaks = list(SENTENCE_START.finditer(window))
    if not breaks and cue_start > 2 * LEAD_CHARS:
        return ""
    return "".join(window[breaks[-1].end() if breaks else 0:].split())


def _subject_of(target: Target, claim_by_id: dict[str, ClaimRecord]) -> str:
    return core_name(_claim_subject(target, claim_by_id))


def _claim_subject(target: Target, claim_by_id: dict[str, ClaimRecord]) -> str:
    claim = next((claim_by_id[c] for c in target.claim_ids if c in claim_by_id), None)
    return claim.subject or "" if claim is not None else ""


def core_name(name: str) -> str:
    """A line's name without the words a restatement may leave out ("“三公”经费财政拨款支出" → "三公经费")."""
    return CORE_NAME.sub("", normalise(name))


def _nearest_named(named: Named, before: list[Target]) -> list[Target]:
    """"其中：公务用车购置费0万元，公务用车运行维护费9.86万元。决算数小于预算数的主要原因是…": the sentence
    before the reason states no pair (a breakdown), so the reason is the nearest pair's that fits the comparison
    it names and has no reason yet."""
    for target in list(reversed(before))[:NEAREST_LOOKBACK]:
        if named.fits(target) and not target.reason_ids:
            return [target]
    return []


def _named_ones(named: Named | None, targets: list[Target]) -> list[Target]:
    """The targets of the comparison the lead-in names. When its direction fits none of them, the direction
    word is what is wrong ("决算数大于年初预算数" for a shortfall: direction_mismatch reports it), not the
    attachment: the comparison kind alone decides."""
    if named is None:
        return targets
    fitting = [t for t in targets if named.fits(t)]
    return fitting or [t for t in targets if named.kind is None or t.kind in (None, named.kind)]


def named_comparison(lead: str) -> Named | None:
    """"决算数小于预算数，决算数较上年减少的主要原因是…": the words before a cue may say which comparison the
    reason is for — against last year (change) or against the budget (budget_vs_actual) — and which way it
    went: "决算数小于预算数的主要原因" does not explain the same line's rise over a 年初预算 of 0."""
    lead = "".join(lead.split())
    for kind, pattern in (("change", NAMES_CHANGE), ("budget_vs_actual", NAMES_BUDGET), (None, ABOVE_CHANGE)):
        found = pattern.search(lead)
        if found:
            both = kind == "change" and BUDGET_TOO.search(lead[:found.start()]) is not None
            return Named(None if both else kind, _direction_of(found["word"]))
    return None


def _sharing(reason: ReasonRecord, explained: ClaimRecord, claims: list[ClaimRecord],
             reasons: list[ReasonRecord], owner: dict[str, Target]) -> Iterable[Target]:
    """The targets of every claim of the explained sentence stated after the previous reason there."""
    same_sentence = [r for r in reasons if r.sentence_id == explained.sentence_id and r.id != reason.id]
    ends_before = [r.span.end for r in same_sentence if r.span.end <= explained.span.start]
    after = max(ends_before, default=-1)
    limit = reason.span.start if reason.sentence_id == explained.sentence_id else None
    seen: list[Target] = []
    for claim in claims:
        if claim.sentence_id != explained.sentence_id or claim.span.start < after:
            continue
        if limit is not None and claim.span.start >= limit:
            continue
        target = owner.get(claim.id)
        if target is not None and target not in seen and (claim.id == explained.id or not target.reason_ids):
            seen.append(target)
    return seen


def _add(target: Target, reason_id: str) -> None:
    if reason_id not in target.reason_ids:
        target.reason_ids.append(reason_id)


def _hand_on_summaries(targets: list[Target], claim_by_id: dict[str, ClaimRecord],
                       reason_texts: dict[str, str]) -> None:
    """A figure-less pair with a reason gives it to the run of reason-less pairs just before it
    that go the same way in its section ("…减少2,389.52万元；…0万元，持平。…减少的主要原因是项目调整。"),
    or to those of the run its reason names."""
    for i, target in enumerate(targets):
        if target.has_figures or not target.reason_ids or target.direction in (None, "flat"):
            continue
        run = []
        for earlier in reversed(targets[max(0, i - SUMMARY_LOOKBACK):i]):
            if earlier.section_id != target.section_id or earlier.reason_ids or earlier.summary:
                break
            if earlier.direction == "flat":
                continue
            if earlier.direction != target.direction:
                break
            run.append(earlier)
        run = _named_in([reason_texts.get(r, "") for r in target.reason_ids], run, claim_by_id,
                        only_named=target.found_its_lines)
        for earlier in run:
            earlier.reason_ids.extend(target.reason_ids)
        target.summary = bool(run)


def _opens_a_breakdown(text: str, claim: ClaimRecord) -> bool:
    """The claim's sentence is the breakdown of a total stated just before it ("。其中：一般公共服务支出增加…")."""
    start = max(text.rfind(mark, 0, claim.span.start) for mark in SENTENCE_MARKS) + 1
    return BREAKDOWN_OPENS.match(text, start) is not None


def _total_before(parts: list[Target], before: list[Target]) -> list[Target]:
    """"…一般公共预算财政拨款支出增加70.72万元。其中：…住房保障支出增加6.02万元。主要原因：一是…": a reason
    after a breakdown explains the total the breakdown opened with — the pair just before its parts, going
    their way, in their section, with no reason of its own."""
    first = next((i for i, t in enumerate(before) if t in parts), None)
    if not first:  # none of the parts was stated before, or nothing before them
        return []
    total = before[first - 1]
    fits = total.has_figures and not total.reason_ids and total.section_id == parts[0].section_id \
        and total.direction in {t.direction for t in parts}
    return [total] if fits else []


def _breakdown_after(reason: ReasonRecord, text: str, placed: list[tuple[int, Target]],
                     claim_by_id: dict[str, ClaimRecord]) -> list[Target]:
    """"…增长24.62%，主要原因是…帆船队赴日本…，新增因公出国（境）费4.62万元。其中：因公出国（境）费增加4.62万元；
    公务用车…减少0.93万元": the items of the breakdown that follows a reason, which the reason names, are its too."""
    opens = BREAKDOWN_NEXT.match(text, reason_end(reason, text))
    if opens is None:
        return []
    stop = SENTENCE_START.search(text, opens.end())
    limit = stop.start() if stop else len(text)
    return [t for start, t in placed if opens.end() <= start < limit and not t.reason_ids and t.has_figures
            and names_line(reason.text, _claim_subject(t, claim_by_id))]


def _parts_it_names(text: str, chosen: list[Target], before: list[Target],
                    claim_by_id: dict[str, ClaimRecord]) -> list[Target]:
    """"…其中：基本支出…增加208.22万元；项目支出…增加268.32万元。…支出合计增加476.54万元，主要原因：一是新增…
    项目，项目支出增加；二是…人员经费增加": a reason for a total that names the parts of spending stated just
    before it (基本支出, 项目支出), going the same way, is theirs too."""
    line = subject_to_line(_claim_subject(chosen[0], claim_by_id)) if chosen else None
    if line is None or line.kind != "total_line":
        return []
    first = chosen[0]
    return [t for t in before[-SUMMARY_LOOKBACK:]
            if t not in chosen and not t.reason_ids and t.has_figures and t.section_id == first.section_id
            and t.direction == first.direction and _names_part(text, _claim_subject(t, claim_by_id))]


def _names_part(text: str, subject: str) -> bool:
    return any(word in text for word in PART_WORDS.get(normalise(subject), ()))


def _named_in(texts: list[str], run: list[Target], claim_by_id: dict[str, ClaimRecord],
              only_named: bool = False) -> list[Target]:
    """"“三公”经费支出减少的主要原因：1辆执法执勤用车报废，公务用车运行维护费相应减少": a reason for several
    lines that names some of them (`names_line`) is theirs only — the 公务接待费 it leaves out stays
    unexplained. A reason that names none of them is the whole run's — unless the restatement it was given to
    found the lines it names ("“三公”经费支出和因公出国（境）费支出增加的…": those two, not the 公务用车 rise)."""
    named = [t for t in run if any(names_line(text, _claim_subject(t, claim_by_id)) for text in texts)]
    return named if named or only_named else run


def names_line(text: str, subject: str) -> bool:
    """Does a reason name the line `subject`: a "三公" item by what it is about ("1辆执法执勤用车…" is the
    vehicles'), any other line by the first words of its name."""
    line = subject_to_line(subject)
    if line is not None and line.kind == "three_public" and line.line in THREE_PUBLIC_WORDS:
        return any(word in text for word in THREE_PUBLIC_WORDS[line.line])
    head = core_name(subject)[:NAME_HEAD]
    return len(head) == NAME_HEAD and head in squash(text)  # not normalise: it drops all up to a year
