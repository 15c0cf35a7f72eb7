"""`generic_reason` and `contradictory_reason` findings against the hand-made reason gold (guidelines.md §2).

Gold: a reason row labelled `generic` (or `contradictory`) that explains a variance needing a reason — its
`variance` index points at a row of the document's variances file with needs_reason true. Ours: the reason
each such finding reports (its first evidence, the reason's own span). A finding is the gold row's when our
reason starts inside the gold sentence as located in our text. So a finding is right only when the reason
was found, attached to a variance that needs one, and judged as the gold judges it.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from budgetlens.evaluate.variances import Locator, load_gold
from budgetlens.judge.gold import GoldReason
from budgetlens.output.record import DocumentRecord

FINDING_OF_LABEL = {"generic": "generic_reason", "contradictory": "contradictory_reason"}


@dataclass
class DocFindings:
    doc: str
    split: str
    counts: Counter = field(default_factory=Counter)  # "<check>:gold" / ":predicted" / ":true_positive"
    misses: list[str] = field(default_factory=list)


def gold_reasons(gold_dir: Path, doc: str) -> list[GoldReason]:
    path = gold_dir / f"{doc}.reasons.jsonl"
    if not path.exists():
        return []
    return [GoldReason.model_validate_json(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def expected(rows: list[GoldReason], needs_reason: list[bool], label: str) -> list[GoldReason]:
    """Gold rows that should give a finding: the label, explaining at least one variance that needs a reason."""
    return [row for row in rows if row.label == label
            and any(0 <= i < len(needs_reason) and needs_reason[i] for i in row.variance_indexes)]


def score_document(doc: str, split: str, rows: list[GoldReason], needs_reason: list[bool],
                   record: DocumentRecord) -> DocFindings:
    score = DocFindings(doc, split)
    locator = Locator(record)
    for label, check in FINDING_OF_LABEL.items():
        starts = [f.evidence[0].span.start for f in record.findings
                  if f.check == check and f.evidence and f.evidence[0].span is not None]
        gold = expected(rows, needs_reason, label)
        free, hits = list(starts), 0
        for row in gold:
            windows = locator.windows(row.sentence)
            hit = next((s for s in free if any(a <= s < b for a, b in windows)), None)
            if hit is None:
                score.misses.append(f"FN {check} {doc} {row.page or row.line}: {row.reason[:40]}")
                continue
            free.remove(hit)
            hits += 1
        score.misses += [f"FP {check} {doc}: {_one_line(record.text[s:s + 40])}" for s in free]
        score.counts.update({f"{check}:gold": len(gold), f"{check}:predicted": len(starts),
                             f"{check}:true_positive": hits})
    return score


def _one_line(text: str) -> str:
    return " ".join(text.split())


def evaluate(gold_dir: Path, records: dict[str, DocumentRecord]) -> list[DocFindings]:
    """`records`: the analysed documents of the variances gold, by document name (analysed once, shared)."""
    scores = []
    for doc, variances in load_gold(gold_dir).items():
        rows = gold_reasons(gold_dir, doc)
        split = rows[0].split if rows else variances[0].split if variances else "test"
        scores.append(score_document(doc, split, rows, [v.needs_reason for v in variances], records[doc]))
    return scores


def _ratio(top: int, bottom: int) -> float | None:
    return round(top / bottom, 3) if bottom else None


def summary(scores: list[DocFindings]) -> dict[str, dict[str, dict[str, float | int | None]]]:
    """By split and check: gold, predicted, true positives, precision and recall (None over nothing)."""
    out: dict[str, dict[str, dict[str, float | int | None]]] = {}
    for split in sorted({s.split for s in scores}):
        c = sum((s.counts for s in scores if s.split == split), Counter())
        out[split] = {}
        for check in FINDING_OF_LABEL.values():
            gold, predicted, hits = (c[f"{check}:{key}"] for key in ("gold", "predicted", "true_positive"))
            out[split][check] = {"gold": gold, "predicted": predicted, "true_positive": hits,
                                 "precision": _ratio(hits, predicted), "recall": _ratio(hits, gold)}
    return out


def report(scores: list[DocFindings], miss_splits: tuple[str, ...] = ("train",)) -> str:
    lines = [f"[{split}] {check} {json.dumps(values)}"
             for split, checks in summary(scores).items() for check, values in checks.items()]
    lines += [f"  {s.split} {miss}" for s in scores if s.split in miss_splits for miss in s.misses]
    return "\n".join(lines)
