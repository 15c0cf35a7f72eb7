"""Indicator parsing against hand-made gold (annotations/indicators/*.json, see its GUIDELINE.md).

Each gold file is one form of a seed: its indicator rows (levels, targets per year column,
weight, actual, score) and its tick boxes. The document is run through the whole pipeline
(`analyze_file`) and its record's `indicators` and `projects` are compared:

- a gold indicator is paired with the parsed one whose 三级 cell starts on the same line, else
  with the nearest unpaired one in the form's lines that has the same 三级 name;
- it counts as right when 一级/二级/三级 (whitespace removed) are equal and every target, in
  column order, has the same comparator, numbers (as printed) and unit (the acceptance metric);
- weight, actual (numbers and unit) and score are reported beside it;
- a gold tick-box row is right when the form's parsed row of the same name ticks the same options.

A gold file's `split` says whether it was tuned on (dev) or held out (test); errors are listed for
dev only unless asked.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from budgetlens.analyze import analyze_file
from budgetlens.indicators.lexicon import squash
from budgetlens.indicators.model import Indicator, TargetValue
from budgetlens.output.record import DocumentRecord

LEVELS = ("level1", "level2", "level3")


@dataclass
class FormScore:
    gold_file: str
    split: str
    form_kind: str
    indicators: int = 0
    matched: int = 0
    names_right: int = 0
    targets_right: int = 0
    right: int = 0  # names and targets
    extras: Counter = field(default_factory=Counter)  # weight / actual / score: (right, compared)
    checkboxes: int = 0
    checkboxes_right: int = 0
    wrong: Counter = field(default_factory=Counter)  # what was wrong, by field
    errors: list[str] = field(default_factory=list)
    predicted_in_range: int = 0  # parsed indicators inside the form's lines (precision side)


def load_gold(directory: Path) -> list[tuple[Path, dict[str, Any]]]:
    return [(path, json.loads(path.read_text("utf-8"))) for path in sorted(directory.glob("*.json"))]


def evaluate(gold_dir: Path, shared: Path, splits: tuple[str, ...] = ("dev", "test")) -> list[FormScore]:
    records: dict[str, DocumentRecord] = {}
    scores = []
    for path, gold in load_gold(gold_dir):
        if gold["split"] not in splits:
            continue
        doc = gold["doc"]
        if doc not in records:
            records[doc] = analyze_file(shared / doc)
        scores.append(score_form(path.stem, gold, records[doc]))
    return scores


def score_form(name: str, gold: dict[str, Any], record: DocumentRecord) -> FormScore:
    score = FormScore(gold_file=name, split=gold["split"], form_kind=gold["form_kind"])
    first, last = gold["first_line"], gold["last_line"]
    pool = [i for i in record.indicators if i.place.line is not None and first <= i.place.line <= last]
    score.predicted_in_range = len(pool)
    for expected, got in pair_indicators(gold["indicators"], pool):
        _score_indicator(score, expected, got)
    _score_checkboxes(score, gold, record, first, last)
    return score


def pair_indicators(gold: list[dict[str, Any]], pool: list[Indicator]) -> list[tuple[dict[str, Any], Indicator | None]]:
    """Same line first; then the nearest unpaired parsed row with the same 三级 name."""
    free = list(pool)
    by_line: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in pool:
        by_line[indicator.place.line or 0].append(indicator)
    pairs: list[tuple[dict[str, Any], Indicator | None]] = []
    for expected in gold:
        got = next((i for i in by_line.get(expected["line"], []) if i in free), None)
        if got is None:
            same = [i for i in free if _norm(i.level3) == _norm(expected["level3"])]
            got = min(same, key=lambda i: abs((i.place.line or 0) - expected["line"]), default=None)
        if got is not None:
            free.remove(got)
        pairs.append((expected, got))
    return pairs


def _score_indicator(score: FormScore, expected: dict[str, Any], got: Indicator | None) -> None:
    score.indicators += 1
    if got is None:
        score.wrong["missing"] += 1
        _error(score, f"@{expected['line']} {expected['level3']}: not parsed")
        return
    score.matched += 1
    bad_names = [level for level in LEVELS if _norm(expected[level]) != _norm(getattr(got, level))]
    bad_targets = _target_errors(list(expected["targets"].values()), [t.value for t in got.targets])
    score.names_right += not bad_names
    score.targets_right += not bad_targets
    score.right += not bad_names and not bad_targets
    for level in bad_names:
        score.wrong[level] += 1
        _error(score, f"@{expected['line']} {level}: gold {expected[level]!r} got {getattr(got, level)!r}")
    for problem in bad_targets:
        score.wrong[problem.split(":")[0]] += 1
        _error(score, f"@{expected['line']} {expected['level3']}: {problem}")
    _score_extras(score, expected, got)


def _target_errors(gold: list[dict[str, Any]], got: list[TargetValue]) -> list[str]:
    if len(gold) != len(got):
        return [f"target_count: gold {len(gold)} {[g['raw'] for g in gold]} got {len(got)} {[g.raw for g in got]}"]
    problems = []
    for expected, value in zip(gold, got, strict=True):
        found = {"comparator": value.comparator, "numbers": [str(n) for n in value.numbers], "unit": value.unit}
        for key, have in found.items():
            if expected[key] != have:
                problems.append(f"{key}: {expected['raw']!r} gold {expected[key]!r} got {have!r} (raw {value.raw!r})")
    return problems


def _score_extras(score: FormScore, expected: dict[str, Any], got: Indicator) -> None:
    checks = {
        "weight": (expected.get("weight"), None if got.weight is None else str(got.weight)),
        "score": (expected.get("score"), None if got.score is None else str(got.score)),
    }
    if expected.get("actual") is not None:
        actual = got.actual
        checks["actual"] = ((expected["actual"]["numbers"], expected["actual"]["unit"]),
                            ([str(n) for n in actual.numbers], actual.unit) if actual else None)
    for key, (want, have) in checks.items():
        if want is None and have is None:
            continue
        right, compared = score.extras.get(key, (0, 0))
        score.extras[key] = (right + (want == have), compared + 1)
        if want != have:
            _error(score, f"@{expected['line']} {key}: gold {want!r} got {have!r}")


def _score_checkboxes(score: FormScore, gold: dict[str, Any], record: DocumentRecord, first: int, last: int) -> None:
    projects = [p for p in record.projects if p.first_line is not None and p.last_line is not None
                and p.first_line <= last and first <= p.last_line]
    fields = {squash(box.field): box for p in projects for box in p.checkboxes}
    for expected in gold.get("checkboxes", []):
        score.checkboxes += 1
        got = fields.get(squash(expected["field"]))
        ok = got is not None and sorted(map(_norm, got.checked)) == sorted(map(_norm, expected["checked"]))
        score.checkboxes_right += ok
        if not ok:
            have = got.checked if got else None
            _error(score, f"checkbox {expected['field']}: gold {expected['checked']} got {have}")


def _error(score: FormScore, message: str) -> None:
    score.errors.append(message)


def _norm(text: str | None) -> str:
    return squash(text or "")


def summarise(scores: list[FormScore]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for split in sorted({s.split for s in scores}):
        part = [s for s in scores if s.split == split]
        total = sum(s.indicators for s in part)
        boxes = sum(s.checkboxes for s in part)
        extras: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for s in part:
            for key, (right, compared) in s.extras.items():
                extras[key][0] += right
                extras[key][1] += compared
        out[split] = {
            "forms": len(part), "indicators": total,
            "accuracy": _share(sum(s.right for s in part), total),
            "names": _share(sum(s.names_right for s in part), total),
            "targets": _share(sum(s.targets_right for s in part), total),
            "matched": _share(sum(s.matched for s in part), total),
            "checkboxes": _share(sum(s.checkboxes_right for s in part), boxes), "checkbox_rows": boxes,
            "extras": {key: _share(*value) for key, value in sorted(extras.items())},
            "wrong": dict(sum((s.wrong for s in part), Counter())),
            "predicted_in_range": sum(s.predicted_in_range for s in part),
        }
    return out


def _share(right: int, total: int) -> float | None:
    return round(right / total, 3) if total else None


def report(scores: list[FormScore], show_errors: tuple[str, ...] = ("dev",)) -> str:
    lines = ["split  form                                 kind               right/total  names targets boxes"]
    for s in scores:
        lines.append(f"{s.split:6} {s.gold_file:36} {s.form_kind:18} {s.right:3}/{s.indicators:<3}      "
                     f"{s.names_right:3}   {s.targets_right:3}    {s.checkboxes_right}/{s.checkboxes}")
    for split, summary in summarise(scores).items():
        lines.append(f"{split}: {json.dumps(summary, ensure_ascii=False)}")
    for s in scores:
        if s.split in show_errors and s.errors:
            lines.append(f"--- {s.gold_file}")
            lines.extend(f"  {e}" for e in s.errors)
    return "\n".join(lines)
