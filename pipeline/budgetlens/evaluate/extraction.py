"""Narrative extraction (amounts, claims, reasons) against the hand-made gold in annotations/extraction.

Rows are located in our text (extraction_gold.py); what we extracted is scored row by row,
by the spans that start inside a row's window. Choices, stated once:

- Only the aligned rows are scored. The gold covers some sections of each document and, inside
  them, every sentence with a digit (GUIDELINE §2), so an amount of ours in a row the gold has is a
  false positive when the gold lacks it; amounts outside all rows (other sections, headings,
  tables) are not counted — the gold would have had no row there.
- Amounts match on printed text (whitespace removed), value, unit and value_high; kind is
  reported apart. Money + percent: recall over gold money/percent amounts, precision over ours.
- Claims pair one to one inside a row on kind and every role → amount text (subject ignored),
  the pairs with the same normalised subject first. "Right" = paired and same subject. Year and
  direction accuracy are over the pairs. The acceptance set is change / budget_vs_actual / share;
  figure and breakdown get precision/recall of their own.
- Reasons pair on the cue (colon ignored). Attachment is right when our reason's claim lies in
  the gold target row and has the kind and values of the gold target claim; for "previous" the
  target is ANY claim of the nearest earlier gold row with claims — a leniency: the gold does not
  say which claim of that row is meant.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from budgetlens.analyze import analyze_file
from budgetlens.evaluate.extraction_gold import (
    GoldClaim,
    GoldRow,
    Window,
    assign_to_windows,
    load_gold,
    locate_rows,
    norm_cue,
    out_of_place,
    pair_up,
    same_amount,
    same_claim,
    same_subject,
    same_values,
    show_claim,
    squeeze,
)
from budgetlens.evaluate.findings import synthetic_dir
from budgetlens.extract.records import AmountRecord, ClaimRecord, ReasonRecord
from budgetlens.output.record import DocumentRecord

MONEY_PERCENT = ("money", "percent")
CLAIM_GROUPS = {"claims": ("change", "budget_vs_actual", "share"), "listed": ("figure", "breakdown")}
# The claim kinds one by one: counted (not listed as misses) so a kind absent from a split shows as "-".
KIND_GROUPS = {"change": ("change",), "bva": ("budget_vs_actual",), "share": ("share",)}


@dataclass(frozen=True)
class Miss:
    category: str  # "amount FN", "claim FP", "reason attach", …
    doc: str
    detail: str
    sentence: str


@dataclass
class Counts:
    """Counters and misses of one document; added up per split."""

    values: Counter = field(default_factory=Counter)
    seconds: Counter = field(default_factory=Counter)
    misses: list[Miss] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        self.values.update(other.values)
        self.seconds.update(other.seconds)
        self.misses.extend(other.misses)

    def miss(self, category: str, detail: str, row: GoldRow) -> None:
        self.misses.append(Miss(category, Path(row.doc).stem, detail, row.text))


@dataclass(frozen=True)
class DocScore:
    name: str
    split: str
    counts: Counts


def score_amounts(window: Window, ours: list[AmountRecord], counts: Counts) -> None:
    gold = window.row.amounts
    pairs = pair_up(gold, ours, [same_amount])
    counts.values.update({
        "amounts_gold": len(gold), "amounts_ours": len(ours), "amounts_tp": len(pairs),
        "mp_gold": sum(a.kind in MONEY_PERCENT for a in gold),
        "mp_ours": sum(a.kind in MONEY_PERCENT for a in ours),
        "mp_tp_gold": sum(gold[g].kind in MONEY_PERCENT for g in pairs),
        "mp_tp_ours": sum(ours[o].kind in MONEY_PERCENT for o in pairs.values()),
        "amount_kind_ok": sum(gold[g].kind == ours[o].kind for g, o in pairs.items()),
    })
    for g, amount in enumerate(gold):
        if g not in pairs:
            counts.miss("amount FN", f"{amount.text} ({amount.kind})", window.row)
    for o in sorted(set(range(len(ours))) - set(pairs.values())):
        counts.miss("amount FP", f"{squeeze(ours[o].text)} ({ours[o].kind} {ours[o].value})", window.row)


def score_claims(window: Window, ours: list[ClaimRecord], counts: Counts) -> None:
    for group, kinds in CLAIM_GROUPS.items():
        gold = [c for c in window.row.claims if c.kind in kinds]
        mine = [c for c in ours if c.kind in kinds]
        pairs = pair_up(gold, mine, [same_claim, same_values])
        _count_claims(group, gold, mine, pairs, counts)
        _claim_misses(window.row, gold, mine, pairs, counts)
    for group, kinds in KIND_GROUPS.items():
        gold = [c for c in window.row.claims if c.kind in kinds]
        mine = [c for c in ours if c.kind in kinds]
        _count_claims(group, gold, mine, pair_up(gold, mine, [same_claim, same_values]), counts)


def _count_claims(group: str, gold: list[GoldClaim], mine: list[ClaimRecord], pairs: dict[int, int],
                  counts: Counts) -> None:
    matched = [(gold[g], mine[o]) for g, o in pairs.items()]
    counts.values.update({
        f"{group}_gold": len(gold), f"{group}_ours": len(mine), f"{group}_tp": len(pairs),
        f"{group}_ok": sum(same_subject(g, o) for g, o in matched),
        f"{group}_subject_ok": sum(any(o.kind == g.kind and same_subject(g, o) for o in mine) for g in gold),
        f"{group}_year_ok": sum(g.year == o.year for g, o in matched),
        f"{group}_direction_ok": sum(g.direction == o.direction for g, o in matched),
        f"{group}_prior": sum(g.kind == "change" for g, _ in matched),
        f"{group}_prior_ok": sum(g.kind == "change" and g.prior_year == o.prior_year for g, o in matched),
    })


def _claim_misses(row: GoldRow, gold: list[GoldClaim], mine: list[ClaimRecord], pairs: dict[int, int],
                  counts: Counts) -> None:
    ours_text = "; ".join(show_claim(c) for c in mine) or "-"
    for g, claim in enumerate(gold):
        if g not in pairs:
            counts.miss("claim FN", f"{show_claim(claim)} | ours: {ours_text}", row)
            continue
        our = mine[pairs[g]]
        if not same_subject(claim, our):
            counts.miss("claim subject", f"{claim.kind}: {claim.subject} ≠ ours {our.subject}", row)
        if claim.direction != our.direction or claim.year != our.year:
            counts.miss("claim direction/year", f"{claim.direction} {claim.year} ≠ ours {our.direction} "
                                                f"{our.year} ({claim.kind} {claim.subject})", row)
    for o in sorted(set(range(len(mine))) - set(pairs.values())):
        counts.miss("claim FP", show_claim(mine[o]), row)


@dataclass(frozen=True)
class Attachments:
    """What attachment scoring needs beyond one row: every gold row, and our claims by row."""

    rows: list[GoldRow]
    claims_by_row: dict[int, list[ClaimRecord]]

    def target(self, index: int, explains: int | str) -> tuple[int, list[GoldClaim]] | None:
        """The gold row and claims a reason explains: its own claim, or any claim of the previous row."""
        if isinstance(explains, int):
            return index, [self.rows[index].claims[explains]]
        earlier = next((j for j in range(index - 1, -1, -1) if self.rows[j].claims), None)
        return None if earlier is None else (earlier, self.rows[earlier].claims)

    def right(self, reason: ReasonRecord, index: int, explains: int | str) -> bool:
        found = self.target(index, explains)
        if found is None or reason.explains is None:
            return False
        row, targets = found
        ours = [c for c in self.claims_by_row.get(row, []) if c.id == reason.explains]
        return any(same_values(gold, claim) for gold in targets for claim in ours)


def score_reasons(window: Window, ours: list[ReasonRecord], attach: Attachments, counts: Counts) -> None:
    gold = window.row.reasons
    pairs = pair_up(gold, ours, [lambda g, o: norm_cue(g.cue) == norm_cue(o.cue)])
    counts.values.update({"reasons_gold": len(gold), "reasons_ours": len(ours), "reasons_tp": len(pairs)})
    for g, reason in enumerate(gold):
        if g not in pairs:
            counts.miss("reason FN", f"{reason.cue}{reason.text}", window.row)
            continue
        our = ours[pairs[g]]
        counts.values["reasons_type_ok"] += our.type == reason.type
        counts.values["reasons_text_ok"] += squeeze(our.text) == reason.text
        if squeeze(our.text) != reason.text:
            counts.miss("reason text", f"{reason.text} ≠ ours {squeeze(our.text)}", window.row)
        if reason.explains is None:
            continue
        counts.values["attach_gold"] += 1
        if attach.right(our, window.index, reason.explains):
            counts.values["attach_ok"] += 1
        else:
            counts.miss("reason attach", f"{reason.cue} → gold {reason.explains}, ours {our.explains}", window.row)
    for o in sorted(set(range(len(ours))) - set(pairs.values())):
        counts.miss("reason FP", f"{ours[o].cue}{ours[o].text}", window.row)


def evaluate_record(record: DocumentRecord, rows: list[GoldRow]) -> Counts:
    """Scores of one analysed document against its gold rows: a pure function, testable without files."""
    counts = Counts()
    alignment = locate_rows(record, rows)
    windows = alignment.windows
    counts.values.update({"rows": len(rows), "rows_lost": len(alignment.lost),
                          "rows_out_of_place": sum(out_of_place(w) for w in windows)})
    for _, row in alignment.lost:
        counts.miss("row not aligned", f"page {row.page} line {row.line}", row)
    amounts, claims, reasons = (assign_to_windows(items, windows)
                                for items in (record.amounts, record.claims, record.reasons))
    attach = Attachments(rows, claims)
    for window in windows:
        score_amounts(window, amounts[window.index], counts)
        score_claims(window, claims[window.index], counts)
        score_reasons(window, reasons[window.index], attach, counts)
    return counts


def document_path(doc: str, gold_file: Path, shared: Path) -> Path:
    """`seeds/…` and `corpus/…` are in ../shared; `synthetic/…` are our own documents beside the gold."""
    if doc.startswith("synthetic/"):
        return synthetic_dir(gold_file.parent) / doc.removeprefix("synthetic/")
    return shared / doc


def evaluate_file(gold_file: Path, shared: Path) -> DocScore:
    rows = load_gold(gold_file)
    started = time.perf_counter()
    record = analyze_file(document_path(rows[0].doc, gold_file, shared))
    analysed = time.perf_counter()
    counts = evaluate_record(record, rows)
    counts.seconds.update({"analyze": analysed - started, "score": time.perf_counter() - analysed,
                           **record.timings})
    if record.error:
        counts.miss("document error", f"{record.error.code}: {record.error.message}", rows[0])
    return DocScore(gold_file.stem, rows[0].split, counts)


def evaluate(gold_dir: Path, shared: Path) -> list[DocScore]:
    """One score per gold file (one file per document)."""
    return [evaluate_file(path, shared) for path in sorted(gold_dir.glob("*.jsonl"))]


def by_split(scores: list[DocScore]) -> dict[str, Counts]:
    totals: dict[str, Counts] = {}
    for score in scores:
        for split in (score.split, "all"):
            totals.setdefault(split, Counts()).add(score.counts)
    return dict(sorted(totals.items(), key=lambda item: ("dev", "test", "all").index(item[0])
                       if item[0] in ("dev", "test", "all") else -1))


# (metric, numerator, denominator): every ratio of the summary, in report order.
RATIOS = (
    ("amount_p", "amounts_tp", "amounts_ours"), ("amount_r", "amounts_tp", "amounts_gold"),
    ("money_pct_p", "mp_tp_ours", "mp_ours"), ("money_pct_r", "mp_tp_gold", "mp_gold"),
    ("amount_kind_right", "amount_kind_ok", "amounts_tp"),
    ("claims_right", "claims_ok", "claims_gold"), ("claims_values_right", "claims_tp", "claims_gold"),
    ("change_right", "change_ok", "change_gold"), ("bva_right", "bva_ok", "bva_gold"),
    ("share_right", "share_ok", "share_gold"),
    ("claim_subject_right", "claims_subject_ok", "claims_gold"),
    ("claim_year_right", "claims_year_ok", "claims_tp"), ("claim_prior_year_right", "claims_prior_ok", "claims_prior"),
    ("claim_direction_right", "claims_direction_ok", "claims_tp"),
    ("claim_p", "claims_tp", "claims_ours"), ("claim_p_strict", "claims_ok", "claims_ours"),
    ("figure_breakdown_p", "listed_tp", "listed_ours"), ("figure_breakdown_r", "listed_tp", "listed_gold"),
    ("reason_p", "reasons_tp", "reasons_ours"), ("reason_r", "reasons_tp", "reasons_gold"),
    ("reason_type_right", "reasons_type_ok", "reasons_tp"), ("reason_text_exact", "reasons_text_ok", "reasons_tp"),
    ("attach_right", "attach_ok", "attach_gold"),
)
F1S = {"amount_f1": ("amount_p", "amount_r"), "money_pct_f1": ("money_pct_p", "money_pct_r"),
       "figure_breakdown_f1": ("figure_breakdown_p", "figure_breakdown_r"), "reason_f1": ("reason_p", "reason_r")}
COUNTED = ("rows", "rows_lost", "rows_out_of_place", "amounts_gold", "mp_gold", "claims_gold", "change_gold",
           "bva_gold", "share_gold", "listed_gold", "reasons_gold", "attach_gold")
TARGETS = {"money_pct_p": 0.99, "money_pct_r": 0.98, "claims_right": 0.97, "reason_f1": 0.95, "attach_right": 0.90}
COLUMNS = ("rows", "rows_lost", "money_pct_p", "money_pct_r", "amount_f1", "claims_right", "claim_p", "reason_f1",
           "attach_right")


def summary(counts: Counts) -> dict[str, float | int]:
    """Counts → the reported numbers; a ratio over nothing is reported as None, not as 0 or 1."""
    v = counts.values
    result: dict[str, float | int | None] = {name: v[name] for name in COUNTED}
    for name, top, bottom in RATIOS:
        result[name] = round(v[top] / v[bottom], 4) if v[bottom] else None
    for name, (p_name, r_name) in F1S.items():
        p, r = result[p_name], result[r_name]
        result[name] = round(2 * p * r / (p + r), 4) if p is not None and r is not None and p + r else None
    return result


def summarise(scores: list[DocScore]) -> dict[str, dict]:
    """Everything as JSON: per split and per document."""
    return {"splits": {split: summary(counts) for split, counts in by_split(scores).items()},
            "documents": {s.name: {"split": s.split, **summary(s.counts)} for s in scores}}


def _cell(value: float | int | None) -> str:
    return "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def _table(splits: dict[str, Counts]) -> list[str]:
    summaries = {split: summary(counts) for split, counts in splits.items()}
    lines = [f"{'metric':24} {'target':>7} " + " ".join(f"{split:>7}" for split in summaries)]
    for name in next(iter(summaries.values()), {}):
        target = f"≥{TARGETS[name]:.2f}" if name in TARGETS else ""
        lines.append(f"{name:24} {target:>7} " + " ".join(f"{_cell(s[name]):>7}" for s in summaries.values()))
    return lines


def _documents(scores: list[DocScore]) -> list[str]:
    lines = [f"{'document':44} {'split':5} " + " ".join(f"{c[:12]:>12}" for c in COLUMNS)]
    for score in scores:
        numbers = summary(score.counts)
        lines.append(f"{score.name[:44]:44} {score.split:5} " + " ".join(f"{_cell(numbers[c]):>12}" for c in COLUMNS))
    return lines


def _misses(scores: list[DocScore], splits: tuple[str, ...], first: int) -> list[str]:
    grouped: dict[str, list[Miss]] = {}
    for score in (s for s in scores if s.split in splits):
        for miss in score.counts.misses:
            grouped.setdefault(miss.category, []).append(miss)
    lines = [f"misses of {'/'.join(splits)} (other splits held out), first {first} per category:"]
    for category, misses in sorted(grouped.items()):
        lines.append(f"  [{category}] {len(misses)}")
        lines.extend(f"    {m.doc[:24]} | {m.detail[:110]} | {m.sentence[:70]}" for m in misses[:first])
    return lines


def _timing(counts: Counts) -> str:
    stages = ", ".join(f"{name} {seconds:.2f}" for name, seconds in counts.seconds.most_common()
                       if name not in ("analyze", "score"))
    return (f"seconds: analyze {counts.seconds['analyze']:.2f} (stages: {stages}); "
            f"scoring {counts.seconds['score']:.2f}")


def report(scores: list[DocScore], misses: int = 12, miss_splits: tuple[str, ...] = ("dev",)) -> str:
    """Metric table per split, one line per document, misses of `miss_splits` only, then time."""
    splits = by_split(scores)
    timing = _timing(splits["all"]) if "all" in splits else "no gold files"
    lines = [*_table(splits), "", *_documents(scores), "", *_misses(scores, miss_splits, misses), "", timing]
    return "\n".join(lines)
