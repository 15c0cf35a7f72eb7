"""Narrative extraction against the hand-made gold in annotations/extraction (see its GUIDELINE.md).

Each gold row is one sentence (whitespace removed). A row is located in the document's text
with whitespace removed, in document order, and everything we extracted whose span starts
inside that stretch is compared with the row — so differences in sentence boundaries do not
count as errors, and nothing outside the annotated sections is scored.

- Amounts: a match is the same printed text (whitespace removed), value and unit; precision
  and recall for all kinds and for money + percent (the issue's targets).
- Claims: of the gold change / budget_vs_actual / share claims, the share we state with the
  same kind, every role on the same amount text, and the same subject (normalised: quotes,
  whitespace and bracket width ignored). Also: values right regardless of subject; precision.
- Reasons: cue found (same cue, colon ignored) → precision/recall/F1; attachment: among found
  reasons whose gold explains a claim, ours points at a claim with the same kind and values
  (for "previous", any claim of the row before — the guideline's own leniency).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from budgetlens.analyze import analyze_file
from budgetlens.output.record import DocumentRecord

CLAIM_KINDS = ("change", "budget_vs_actual", "share")
_SPACE = re.compile(r"\s+")
_QUOTES = re.compile(r"[“”\"'‘’「」]")
_WIDTH = str.maketrans("()：:，,；;", "（）：：，，；；")


def squeeze(text: str | None) -> str:
    return _SPACE.sub("", text or "")


def norm_subject(text: str | None) -> str:
    return _QUOTES.sub("", squeeze(text)).translate(_WIDTH)


def norm_cue(text: str) -> str:
    return squeeze(text).rstrip("：:")


@dataclass
class Counts:
    """Counters per document, added up per split."""

    values: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        self.values.update(other.values)
        self.misses.extend(other.misses)


@dataclass
class Window:
    row: dict
    start: int  # offsets into record.text
    end: int


def locate_rows(record: DocumentRecord, rows: list[dict]) -> tuple[list[Window], list[dict]]:
    """Each gold row's stretch of the document text; rows that cannot be found are returned apart."""
    kept = [(i, ch) for i, ch in enumerate(record.text) if not ch.isspace()]
    flat = "".join(ch for _, ch in kept)
    windows, lost, cursor = [], [], 0
    for row in rows:
        at = flat.find(row["text"], cursor)
        if at < 0:
            at = flat.find(row["text"])
        if at < 0:
            lost.append(row)
            continue
        end = at + len(row["text"])
        windows.append(Window(row, kept[at][0], kept[end - 1][0] + 1))
        cursor = end
    return windows, lost


def _inside(items: list, window: Window) -> list:
    return [item for item in items if window.start <= item.span.start < window.end]


def score_amounts(window: Window, record: DocumentRecord, counts: Counts) -> None:
    gold = Counter((a["text"], a["value"], a["unit"] or "", a["kind"] in ("money", "percent"))
                   for a in window.row["amounts"])
    ours = Counter((squeeze(a.text), str(a.value), a.unit or "", a.kind in ("money", "percent"))
                   for a in _inside(record.amounts, window))
    both = gold & ours
    for name, bag in (("tp", both), ("gold", gold), ("ours", ours)):
        counts.values[f"amounts_{name}"] += sum(bag.values())
        counts.values[f"mp_{name}"] += sum(n for key, n in bag.items() if key[3])
    for key in (gold - ours):
        counts.misses.append(f"amount FN {key[0]} | {window.row['text'][:70]}")
    for key in (ours - gold):
        counts.misses.append(f"amount FP {key[0]} | {window.row['text'][:70]}")


def _our_values(claim, record_amounts: dict) -> dict[str, str]:
    return {v.role: squeeze(v.text) for v in claim.values}


def score_claims(window: Window, record: DocumentRecord, counts: Counts) -> None:
    ours = [c for c in _inside(record.claims, window) if c.kind in CLAIM_KINDS]
    used: set[str] = set()
    for gold in (g for g in window.row["claims"] if g["kind"] in CLAIM_KINDS):
        counts.values["claims_gold"] += 1
        same_values = [c for c in ours if c.kind == gold["kind"] and _our_values(c, {}) == gold["values"]]
        if same_values:
            counts.values["claims_values_ok"] += 1
            used.add(same_values[0].id)
        right = [c for c in same_values if norm_subject(c.subject) == norm_subject(gold["subject"])]
        if right:
            counts.values["claims_ok"] += 1
            counts.values["claims_direction_ok"] += right[0].direction == gold["direction"]
            counts.values["claims_year_ok"] += right[0].year == gold.get("year")
        else:
            found = "; ".join(f"{c.kind} {c.subject} {_our_values(c, {})}" for c in ours) or "-"
            counts.misses.append(f"claim MISS {gold['kind']} {gold['subject']} {gold['values']} | ours: {found}"
                                 f" | {window.row['text'][:60]}")
    counts.values["claims_ours"] += len(ours)
    counts.values["claims_ours_matched"] += len(used)


def _matches(claim, gold: dict) -> bool:
    return claim.kind == gold["kind"] and _our_values(claim, {}) == gold["values"]


def score_reasons(window: Window, previous: Window | None, record: DocumentRecord, counts: Counts) -> None:
    ours = _inside(record.reasons, window)
    claims = {c.id: c for c in record.claims}
    free = list(ours)
    for gold in window.row["reasons"]:
        counts.values["reasons_gold"] += 1
        hit = next((r for r in free if norm_cue(r.cue) == norm_cue(gold["cue"])), None)
        if hit is None:
            counts.misses.append(f"reason FN {gold['cue']} | {window.row['text'][:70]}")
            continue
        free.remove(hit)
        counts.values["reasons_tp"] += 1
        counts.values["reasons_type_ok"] += hit.type == gold["type"]
        counts.values["reasons_text_ok"] += squeeze(hit.text) == gold["text"]
        if gold["explains"] is None:
            continue
        counts.values["attach_gold"] += 1
        targets = (previous.row["claims"] if gold["explains"] == "previous" and previous else
                   [window.row["claims"][gold["explains"]]] if isinstance(gold["explains"], int) else [])
        ours_target = claims.get(hit.explains)
        if ours_target is not None and any(_matches(ours_target, t) for t in targets):
            counts.values["attach_ok"] += 1
        else:
            counts.misses.append(f"reason ATTACH {gold['cue']} → {gold['explains']} | ours: "
                                 f"{ours_target.kind + ' ' + str(ours_target.subject) if ours_target else None}"
                                 f" | {window.row['text'][:60]}")
    counts.values["reasons_ours"] += len(ours)
    for reason in free:
        counts.misses.append(f"reason FP {reason.cue} | {window.row['text'][:70]}")


def evaluate_file(gold_file: Path, shared: Path) -> tuple[str, Counts]:
    rows = [json.loads(line) for line in gold_file.read_text("utf-8").splitlines() if line.strip()]
    record = analyze_file(shared / rows[0]["doc"])
    counts = Counts()
    windows, lost = locate_rows(record, rows)
    counts.values["rows"] = len(rows)
    counts.values["rows_lost"] = len(lost)
    counts.misses.extend(f"row NOT FOUND | {row['text'][:70]}" for row in lost)
    previous = None
    for window in windows:
        score_amounts(window, record, counts)
        score_claims(window, record, counts)
        score_reasons(window, previous, record, counts)
        previous = window
    return rows[0]["split"], counts


def summary(counts: Counts) -> dict[str, float | int]:
    v = counts.values

    def ratio(a: str, b: str) -> float:
        return round(v[a] / v[b], 4) if v[b] else 0.0

    def f1(p: float, r: float) -> float:
        return round(2 * p * r / (p + r), 4) if p + r else 0.0

    reason_p, reason_r = ratio("reasons_tp", "reasons_ours"), ratio("reasons_tp", "reasons_gold")
    return {
        "rows": v["rows"], "rows_lost": v["rows_lost"],
        "amount_p": ratio("amounts_tp", "amounts_ours"), "amount_r": ratio("amounts_tp", "amounts_gold"),
        "money_pct_p": ratio("mp_tp", "mp_ours"), "money_pct_r": ratio("mp_tp", "mp_gold"),
        "claims_gold": v["claims_gold"], "claims_right": ratio("claims_ok", "claims_gold"),
        "claims_values_right": ratio("claims_values_ok", "claims_gold"),
        "claim_p": ratio("claims_ours_matched", "claims_ours"),
        "claim_direction_right": ratio("claims_direction_ok", "claims_ok"),
        "claim_year_right": ratio("claims_year_ok", "claims_ok"),
        "reason_p": reason_p, "reason_r": reason_r, "reason_f1": f1(reason_p, reason_r),
        "reason_type_right": ratio("reasons_type_ok", "reasons_tp"),
        "reason_text_exact": ratio("reasons_text_ok", "reasons_tp"),
        "attach_right": ratio("attach_ok", "attach_gold"),
    }


def evaluate(gold_dir: Path, shared: Path) -> dict[str, tuple[str, Counts]]:
    """Per gold file: its split and counts."""
    return {path.stem: evaluate_file(path, shared) for path in sorted(gold_dir.glob("*.jsonl"))}


def by_split(results: dict[str, tuple[str, Counts]]) -> dict[str, Counts]:
    totals: dict[str, Counts] = {"all": Counts()}
    for split, counts in results.values():
        totals.setdefault(split, Counts()).add(counts)
        totals["all"].add(counts)
    return totals


def report(results: dict[str, tuple[str, Counts]], misses: int = 15) -> str:
    """Per split and per document, then the first misses of each held-out document."""
    lines = [f"[{split}] {json.dumps(summary(counts), ensure_ascii=False)}"
             for split, counts in sorted(by_split(results).items())]
    lines.append("")
    for name, (split, counts) in results.items():
        lines.append(f"{name[:50]:50} {split:5} {json.dumps(summary(counts), ensure_ascii=False)}")
    for name, (_, counts) in results.items():
        if counts.misses:
            lines.append(f"\n{name}: {len(counts.misses)} misses, first {misses}:")
            lines.extend(f"    {miss}" for miss in counts.misses[:misses])
    return "\n".join(lines)
