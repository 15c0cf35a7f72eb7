"""The findings on judged reasons — `generic_reason`, `contradictory_reason`, `reason_for_zero_change` — against
the hand-made reason and variance gold (guidelines.md §2, §3).

Gold for `generic_reason` / `contradictory_reason`: a reason row with that label that explains a variance needing
a reason (its `variance` index points at a variance row with needs_reason true); ours: the reason the finding
reports (its first evidence), right when it overlaps the gold sentence as located in our text. So a finding
is right only when the reason was found, attached to a variance that needs one, and judged as the gold judges it.

Gold for `reason_for_zero_change`: a variance row that is flat and explained by a cause (a reason label other
than purpose/empty); ours: the variance the finding reports (its first evidence), right when it overlaps the
row's snippet window.

Gold for `missing_reason_items`: a list of variances told together (guidelines.md §3.3, `<doc>.lists.jsonl`)
with two or more that need a reason, some but not all of them explained; ours: the variances a finding names
as unexplained, right when one of them overlaps the snippet of a gold list's unexplained member. Documents
without a lists file were not read for lists: this check is not scored on them.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from budgetlens.evaluate.variances import GoldVariance, Locator, load_gold
from budgetlens.judge.gold import GoldReason
from budgetlens.output.record import DocumentRecord

FINDING_OF_LABEL = {"generic": "generic_reason", "contradictory": "contradictory_reason"}
ZERO_CHANGE = "reason_for_zero_change"
MISSING_ITEMS = "missing_reason_items"
CHECKS = (*FINDING_OF_LABEL.values(), ZERO_CHANGE, MISSING_ITEMS)
LISTS_SUFFIX = ".lists.jsonl"
CAUSE_LABELS = frozenset({"specific", "generic", "contradictory"})

Window = tuple[int, int]


class GoldList(BaseModel):
    """Variances the narrative states together (guidelines.md §3.3), by index into the variances file."""

    model_config = ConfigDict(extra="ignore")

    doc: str
    split: str
    line: int | None = None
    members: list[int]
    needing: list[int]
    unexplained: list[int]
    note: str | None = None

    @property
    def partly_explained(self) -> bool:
        return len(self.needing) >= 2 and 0 < len(self.unexplained) < len(self.needing)


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


def gold_lists(gold_dir: Path, doc: str) -> list[GoldList] | None:
    """The document's lists, or None when it was not read for lists (no file)."""
    path = gold_dir / f"{doc}{LISTS_SUFFIX}"
    if not path.exists():
        return None
    return [GoldList.model_validate_json(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def expected(rows: list[GoldReason], variances: list[GoldVariance], label: str) -> list[GoldReason]:
    """Gold rows that should give a finding: the label, explaining at least one variance that needs a reason."""
    return [row for row in rows if row.label == label
            and any(0 <= i < len(variances) and variances[i].needs_reason for i in row.variance_indexes)]


def flat_with_cause(variances: list[GoldVariance]) -> list[GoldVariance]:
    """Flat lines the gold says were given a cause all the same."""
    return [v for v in variances if v.direction == "flat" and v.explained and CAUSE_LABELS & set(v.reason_labels)]


def _places(record: DocumentRecord, check: str, *, every: bool = False) -> list[list[Window]]:
    """Where each finding of `check` points: its first evidence (the reason, or the variance for zero-change
    findings), or with `every` all its text evidence (the unexplained items of a list)."""
    places = []
    for finding in record.findings:
        if finding.check != check or not finding.evidence:
            continue
        evidence = finding.evidence if every else finding.evidence[:1]
        windows = [(e.span.start, e.span.end) for e in evidence if e.span is not None]
        if windows:
            places.append(windows)
    return places


def _score(score: DocFindings, check: str, places: list[list[Window]], gold: list[tuple[str, list[Window]]],
           text: str) -> None:
    """One to one: each gold item takes the first unused finding that overlaps one of its windows."""
    free, hits = list(places), 0
    for name, windows in gold:
        hit = next((p for p in free if any(s < b and a < e for s, e in p for a, b in windows)), None)
        if hit is None:
            score.misses.append(f"FN {check} {score.doc} {name}")
            continue
        free.remove(hit)
        hits += 1
    score.misses += [f"FP {check} {score.doc}: {_one_line(text[p[0][0]:p[0][0] + 40])}" for p in free]
    score.counts.update({f"{check}:gold": len(gold), f"{check}:predicted": len(places),
                         f"{check}:true_positive": hits})


def score_document(doc: str, split: str, rows: list[GoldReason], variances: list[GoldVariance],
                   record: DocumentRecord, lists: list[GoldList] | None = None) -> DocFindings:
    score, locator = DocFindings(doc, split), Locator(record)
    for label, check in FINDING_OF_LABEL.items():
        gold = [(f"{row.page or row.line}: {row.reason[:40]}", locator.windows(row.sentence))
                for row in expected(rows, variances, label)]
        _score(score, check, _places(record, check), gold, record.text)
    gold = [(f"{v.page or v.line}: {v.snippet[:40]}", locator.windows(v.snippet)) for v in flat_with_cause(variances)]
    _score(score, ZERO_CHANGE, _places(record, ZERO_CHANGE), gold, record.text)
    if lists is not None:
        gold = [(f"{g.line}: list of {len(g.members)}, unexplained {g.unexplained}",
                 [w for i in g.unexplained if 0 <= i < len(variances) for w in locator.windows(variances[i].snippet)])
                for g in lists if g.partly_explained]
        _score(score, MISSING_ITEMS, _places(record, MISSING_ITEMS, every=True), gold, record.text)
    return score


def _one_line(text: str) -> str:
    return " ".join(text.split())


def evaluate(gold_dir: Path, records: dict[str, DocumentRecord]) -> list[DocFindings]:
    """`records`: the analysed documents of the variances gold, by document name (analysed once, shared)."""
    scores = []
    for doc, variances in load_gold(gold_dir).items():
        rows = gold_reasons(gold_dir, doc)
        split = rows[0].split if rows else variances[0].split if variances else "test"
        scores.append(score_document(doc, split, rows, variances, records[doc], gold_lists(gold_dir, doc)))
    return scores


def _ratio(top: int, bottom: int) -> float | None:
    return round(top / bottom, 3) if bottom else None


def summary(scores: list[DocFindings]) -> dict[str, dict[str, dict[str, float | int | None]]]:
    """By split and check: gold, predicted, true positives, precision, recall and F1 (None over nothing)."""
    out: dict[str, dict[str, dict[str, float | int | None]]] = {}
    for split in sorted({s.split for s in scores}):
        c = sum((s.counts for s in scores if s.split == split), Counter())
        out[split] = {}
        for check in CHECKS:
            gold, predicted, hits = (c[f"{check}:{key}"] for key in ("gold", "predicted", "true_positive"))
            out[split][check] = {"gold": gold, "predicted": predicted, "true_positive": hits,
                                 "precision": _ratio(hits, predicted), "recall": _ratio(hits, gold),
                                 "f1": _ratio(2 * hits, predicted + gold)}
    return out


def report(scores: list[DocFindings], miss_splits: tuple[str, ...] = ("train",)) -> str:
    lines = [f"[{split}] {check} {json.dumps(values)}"
             for split, checks in summary(scores).items() for check, values in checks.items()]
    lines += [f"  {s.split} {miss}" for s in scores if s.split in miss_splits for miss in s.misses]
    return "\n".join(lines)
