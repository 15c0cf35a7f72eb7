"""`budgetlens evaluate reasons`: the reason judge and reason detection on the held-out documents.

Quality: the shipped judge on every test row of annotations/reasons (text, cue, the explained
variance's direction, the direction stated before the cue) → per-label P/R/F1, macro-F1 over the
labels the test gold holds, confusion matrix, and how many rows the rules decided.

Detection: each test document through `analyze_file`; a gold row's sentence is located in our
text (whitespace removed, nearest its page/line) and our reasons starting inside it are paired
with the gold rows of that sentence by cue (colon-insensitive; "减少的主要原因是" takes "主要原因是",
"主要用于以下方面" takes "主要用于"). A sentence printed several times pairs each gold row with an
occurrence of its own.
Every reason we extract counts towards precision, every gold row towards recall.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

from budgetlens.analyze import analyze_file
from budgetlens.evaluate.extraction_gold import norm_cue, occurrences, record_to_flat, squeeze
from budgetlens.evaluate.findings import source_of, synthetic_dir
from budgetlens.extract.records import ReasonRecord
from budgetlens.judge import LABELS, ReasonJudge, default_judge
from budgetlens.judge.gold import Example, GoldReason, load_gold
from budgetlens.output.record import DocumentRecord

TEST = "test"


@dataclass
class Quality:
    examples: list[Example]
    predicted: list[str]
    sources: list[str]


@dataclass
class Detection:
    doc: str
    gold: int = 0
    ours: int = 0
    matched: int = 0
    text_agrees: int = 0
    misses: list[str] = field(default_factory=list)


def judge_quality(examples: list[Example], judge: ReasonJudge | None = None) -> Quality:
    judge = judge or default_judge()
    judged = judge.judge_many([(e.text, e.row.cue, e.direction, e.claim_direction) for e in examples])
    return Quality(examples, [j.label for j in judged], [j.source for j in judged])


def quality_summary(quality: Quality) -> dict:
    gold = [e.row.label for e in quality.examples]
    present = [label for label in LABELS if label in gold]
    p, r, f, support = precision_recall_fscore_support(gold, quality.predicted, labels=list(LABELS),
                                                       zero_division=0)
    per_label = {label: {"precision": round(float(p[i]), 3), "recall": round(float(r[i]), 3),
                         "f1": round(float(f[i]), 3), "support": int(support[i])} for i, label in enumerate(LABELS)}
    matrix = confusion_matrix(gold, quality.predicted, labels=list(LABELS)) if gold else []
    by_source = Counter(quality.sources)
    right = Counter(s for s, g, o in zip(quality.sources, gold, quality.predicted, strict=True) if g == o)
    return {"rows": len(gold), "documents": len({e.row.doc for e in quality.examples}), "per_label": per_label,
            "macro_f1": round(sum(per_label[label]["f1"] for label in present) / len(present), 3) if present else 0.0,
            "macro_over": present, "accuracy": round(sum(right.values()) / len(gold), 3) if gold else 0.0,
            "by_source": {s: {"rows": n, "right": right[s]} for s, n in sorted(by_source.items())},
            "confusion": {"labels": list(LABELS), "rows_gold_cols_predicted": [list(map(int, r)) for r in matrix]}}


def _distance(ours: int | None, gold: int | None) -> int:
    return abs(ours - gold) if ours is not None and gold is not None else 0


def _windows(record: DocumentRecord, rows: list[GoldReason]) -> list[tuple[int, int] | None]:
    """Each gold row's stretch of record.text (nearest its page/line), None when not found.

    A sentence printed several times ("主要原因是：业务量增加。" under four lines of one page) gives each
    of its gold rows an occurrence of its own: a row takes the nearest occurrence that earlier rows with
    the same sentence and cue have not filled (an occurrence holds as many such rows as it holds the cue).
    """
    by_page = bool(rows) and rows[0].page is not None
    flat = record_to_flat(record, by_page)
    filled: Counter[tuple[str, str, int]] = Counter()
    places: list[tuple[int, int] | None] = []
    for row in rows:
        needle, cue, where = squeeze(row.sentence), norm_cue(row.cue), row.page if by_page else row.line
        found = occurrences(flat.flat, needle) if needle else []
        if not found:
            places.append(None)
            continue
        room = max(1, needle.count(cue)) if cue else 1
        free = [a for a in found if filled[needle, cue, a] < room] or found
        at = min(free, key=lambda a: (_distance(flat.place(a), where), a))
        filled[needle, cue, at] += 1
        places.append((flat.offsets[at], flat.offsets[at + len(needle) - 1] + 1))
    return places


def same_cue(gold: str, ours: str) -> bool:
    """One cue printed with more or less of its sentence on either side: "减少的主要原因是" / "主要原因是",
    "主要用于以下方面：" / "主要用于" (annotators cut list intros both ways), "主要是因" / "主要是"."""
    a, b = norm_cue(gold), norm_cue(ours)
    return bool(a) and bool(b) and (a.endswith(b) or b.endswith(a) or a.startswith(b) or b.startswith(a))


def _same_reason(row: GoldReason, ours: ReasonRecord) -> bool:
    """The same cue; a cause printed with no cue word (guidelines §3.2: cue "") matches the reason of ours
    that holds its text, whatever word we took for a cue ("按照财政要求压减经费": we cue on 按照)."""
    if norm_cue(row.cue):
        return same_cue(row.cue, ours.cue)
    reason, text = squeeze(row.reason), squeeze(ours.text)
    return bool(text) and (text in reason or reason in squeeze(ours.cue) + text)


def detect_document(doc: str, rows: list[GoldReason], record: DocumentRecord) -> Detection:
    score = Detection(doc, gold=len(rows), ours=len(record.reasons))
    taken: set[str] = set()
    located: dict[tuple[int, int], list[ReasonRecord]] = defaultdict(list)
    for row, window in zip(rows, _windows(record, rows), strict=True):
        if window is None:
            score.misses.append(f"FN {doc} sentence not found: {row.sentence[:40]}")
            continue
        if window not in located:
            located[window] = [r for r in record.reasons if window[0] <= r.span.start < window[1]]
        hit = next((r for r in located[window] if r.id not in taken and _same_reason(row, r)), None)
        if hit is None:
            score.misses.append(f"FN {doc} {row.cue} | {row.sentence[:40]}")
            continue
        taken.add(hit.id)
        score.matched += 1
        score.text_agrees += squeeze(hit.text) == squeeze(row.reason)
    score.misses += [f"FP {doc} {r.cue} | {squeeze(r.text)[:40]}" for r in record.reasons if r.id not in taken]
    return score


def detect(gold_dir: Path, shared: Path, split: str = TEST) -> list[Detection]:
    rows: dict[str, list[GoldReason]] = defaultdict(list)
    for example in load_gold(gold_dir).split(split):
        rows[example.row.doc].append(example.row)
    own = synthetic_dir(gold_dir)
    return [detect_document(doc, doc_rows, analyze_file(source_of(doc, shared, own))) for doc, doc_rows in rows.items()]


def detection_summary(scores: list[Detection]) -> dict:
    gold, ours, matched = (sum(getattr(s, name) for s in scores) for name in ("gold", "ours", "matched"))
    precision, recall = (matched / ours if ours else 0.0), (matched / gold if gold else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"documents": len(scores), "gold": gold, "ours": ours, "matched": matched,
            "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "text_agrees": sum(s.text_agrees for s in scores)}


@dataclass
class ReasonEvaluation:
    quality: Quality
    detections: list[Detection]
    skipped: list[str]
    split: str = TEST

    def summary(self) -> dict:
        return {"quality": quality_summary(self.quality), "detection": detection_summary(self.detections),
                "skipped_rows": len(self.skipped)}


def evaluate(gold_dir: Path, shared: Path, *, judge: ReasonJudge | None = None, detection: bool = True,
             split: str = TEST) -> ReasonEvaluation:
    """`gold_dir`: annotations/reasons. Detection needs the documents under `shared`."""
    gold = load_gold(gold_dir)
    quality = judge_quality(gold.split(split), judge)
    return ReasonEvaluation(quality, detect(gold_dir, shared, split) if detection else [], gold.skipped, split)


def _confusion_lines(summary: dict) -> list[str]:
    labels = summary["confusion"]["labels"]
    short = [label[:8] for label in labels]
    lines = ["confusion (rows: gold, columns: predicted)", " " * 18 + "".join(f"{s:>10}" for s in short)]
    lines += [f"{label:>18}" + "".join(f"{n:>10}" for n in row)
              for label, row in zip(labels, summary["confusion"]["rows_gold_cols_predicted"], strict=True)]
    return lines


def _errors(quality: Quality, first: int) -> list[str]:
    wrong = [(e, o, s) for e, o, s in zip(quality.examples, quality.predicted, quality.sources, strict=True)
             if e.row.label != o]
    return [f"  {e.row.doc} {e.row.label}→{o} ({s}) {e.row.cue}{e.text[:50]}" for e, o, s in wrong[:first]]


def report(result: ReasonEvaluation, first: int = 20) -> str:
    q = result.summary()["quality"]
    lines = [f"reason quality on {q['rows']} {result.split} rows from {q['documents']} documents "
             f"(skipped unreadable rows: {len(result.skipped)})",
             f"{'label':>18}{'P':>8}{'R':>8}{'F1':>8}{'n':>6}"]
    lines += [f"{label:>18}{v['precision']:>8.3f}{v['recall']:>8.3f}{v['f1']:>8.3f}{v['support']:>6}"
              for label, v in q["per_label"].items()]
    lines += [f"macro-F1 {q['macro_f1']:.3f} over {', '.join(q['macro_over'])}; accuracy {q['accuracy']:.3f}; "
              f"by source {json.dumps(q['by_source'])}", *_confusion_lines(q), *_errors(result.quality, first)]
    if result.detections:
        d = detection_summary(result.detections)
        lines.append(f"reason detection: P {d['precision']:.3f} R {d['recall']:.3f} F1 {d['f1']:.3f} "
                     f"({d['matched']} matched of {d['gold']} gold, {d['ours']} ours; same text {d['text_agrees']})")
        lines += [f"  {s.doc}: gold {s.gold} ours {s.ours} matched {s.matched}" for s in result.detections]
        lines += [f"  {miss}" for s in result.detections for miss in s.misses[:first]]
    return "\n".join(lines)
