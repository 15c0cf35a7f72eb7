"""Findings against the hand-made gold in annotations/findings (see its GUIDELINE.md).

A finding of ours matches a gold finding of the same document when the check name is the same
and the observed figure is the same number (checks without a figure — direction words — match
on the check name alone). Scored on severity `error`: recall over all gold errors, recall over
the gold errors of checks we implement, and precision of our errors (an error of ours that no
gold finding of any severity states is a false alarm).
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

from budgetlens.analyze import analyze_file
from budgetlens.checks import CHECKS
from budgetlens.output.record import DocumentRecord

# GUIDELINE §7: this gold does not read inline calculations of 绩效 forms or indicator scoring and weights, so
# an error of ours from those checks is neither right nor a false alarm here (issue 6 measures them).
OUT_OF_SCOPE = frozenset({"calculation_mismatch", "score_inconsistent"})


def source_of(doc: str, shared: Path, own: Path | None = None) -> Path:
    """A gold document's file: a seed, a corpus PDF, or one of our synthetic documents in `own`."""
    ours = [own / f"{doc}.txt"] if own is not None else []
    for candidate in (*sorted((shared / "seeds").glob(f"{doc}*.txt")), shared / "corpus" / "pdf" / f"{doc}.pdf", *ours):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(doc)


def synthetic_dir(gold_dir: Path) -> Path:
    """Our own synthetic evaluation documents sit beside the gold folders (annotations/synthetic)."""
    return gold_dir.parent / "synthetic"


def _number(value: object) -> Decimal | None:
    try:
        return Decimal(str(value)).normalize()
    except (InvalidOperation, ValueError):
        return None


def _matches(ours, gold: dict) -> bool:
    if ours.check != gold["check"]:
        return False
    observed = _number(gold.get("observed"))
    return observed is None or ours.observed is None or ours.observed.normalize() == observed


def score_document(gold: list[dict], record: DocumentRecord, counts: Counter, misses: list[str]) -> None:
    errors = [f for f in record.findings if f.severity == "error" and f.check not in OUT_OF_SCOPE]
    for item in (g for g in gold if g["severity"] == "error"):
        found = any(_matches(f, item) for f in record.findings)
        counts["gold_errors"] += 1
        counts["gold_errors_found"] += found
        if item["check"] in CHECKS:
            counts["gold_errors_implemented"] += 1
            counts["gold_errors_implemented_found"] += found
        if not found:
            snippet = item["where"].get("snippet", "")[:50]
            misses.append(f"FN {item['check']} {item['observed']}→{item['expected']} | {snippet}")
    for finding in errors:
        counts["our_errors"] += 1
        hit = any(_matches(finding, g) for g in gold)
        counts["our_errors_right"] += hit
        if not hit:
            misses.append(f"FP {finding.check} {finding.observed} | {finding.message[:60]}")


def evaluate(gold_dir: Path, shared: Path) -> dict[str, tuple[Counter, list[str]]]:
    results: dict[str, tuple[Counter, list[str]]] = {}
    for path in sorted(gold_dir.glob("*.jsonl")):
        gold = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
        split = gold[0]["split"] if gold else "test"
        counts, misses = results.setdefault(split, (Counter(), []))
        record = analyze_file(source_of(path.stem, shared))
        score_document(gold, record, counts, misses)
    return results


def summary(counts: Counter) -> dict[str, float | int]:
    def ratio(a: str, b: str) -> float:
        return round(counts[a] / counts[b], 3) if counts[b] else 0.0

    return {"gold_errors": counts["gold_errors"], "recall": ratio("gold_errors_found", "gold_errors"),
            "recall_implemented_checks": ratio("gold_errors_implemented_found", "gold_errors_implemented"),
            "our_errors": counts["our_errors"], "precision": ratio("our_errors_right", "our_errors")}


def report(results: dict[str, tuple[Counter, list[str]]]) -> str:
    lines = [f"[{split}] {json.dumps(summary(counts))}" for split, (counts, _) in sorted(results.items())]
    for split, (_, misses) in sorted(results.items()):
        lines.extend(f"  {split} {miss}" for miss in misses)
    return "\n".join(lines)
