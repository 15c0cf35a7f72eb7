"""Table fidelity against hand-made gold (annotations/tables/*.json).

For each gold table, the predicted table is the one on the same page(s) (PDF) or
nearest line (text) that agrees best cell by cell. A gold cell counts as right
when the predicted grid has the same text (whitespace removed, widths
normalised) at the same row and column. We report, per split:
- cell accuracy over every gold cell (empty ones included: a value shifted into an
  empty column is an error), and over non-empty gold cells only;
- how many tables have the exact shape, the right unit, the right title.

A gold file's `split` says whether it was tuned on (dev) or held out (test). Producer
"seed-pdfminer-text-from-pdf" names a corpus PDF read as pdfminer text: the text is made
here, at evaluation time, with pdfminer.six's `extract_text` and the gold's `laparams`
(so no copy of a public document is stored), and read as converter text.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from budgetlens.analyze import analyze_bytes, analyze_file
from budgetlens.document import Table
from budgetlens.numbers import normalize_width
from budgetlens.output.record import DocumentRecord


@dataclass(slots=True)
class TableScore:
    gold_file: str
    split: str
    producer: str
    matched_table: str | None
    cells: int = 0
    right: int = 0
    filled: int = 0
    filled_right: int = 0
    shape_ok: bool = False
    unit_ok: bool = False
    title_ok: bool = False
    errors: list[str] = field(default_factory=list)


def norm(text: str) -> str:
    return "".join(normalize_width(text).split())


def load_gold(directory: Path) -> list[tuple[Path, dict]]:
    return [(path, json.loads(path.read_text("utf-8"))) for path in sorted(directory.glob("*.json"))]


def score_table(gold: dict, table: Table | None) -> tuple[int, int, int, int, list[str]]:
    """(cells, right, filled, filled_right, first few wrong cells) of one gold table."""
    cells = right = filled = filled_right = 0
    errors: list[str] = []
    for r, row in enumerate(gold["rows"]):
        for c, expected in enumerate(row):
            got = _cell_text(table, r, c)
            ok = norm(expected) == norm(got)
            cells, right = cells + 1, right + ok
            if norm(expected):
                filled, filled_right = filled + 1, filled_right + ok
            if not ok and len(errors) < 5:
                errors.append(f"({r},{c}) gold={expected!r} got={got!r}")
    return cells, right, filled, filled_right, errors


def _cell_text(table: Table | None, r: int, c: int) -> str:
    if table is None or r >= len(table.rows) or c >= len(table.rows[r]):
        return ""
    return table.rows[r][c].text


def candidates(gold: dict, record: DocumentRecord) -> list[Table]:
    pages = set(gold.get("pages") or [])
    if pages:
        return [t for t in record.tables if pages & set(t.pages)]
    first_line = gold.get("first_line") or 0
    near = [t for t in record.tables if t.rows and t.rows[0][0].page is None]
    return sorted(near, key=lambda t: abs(_first_line(t, record) - first_line))[:6]


def _first_line(table: Table, record: DocumentRecord) -> int:
    return table.span.line if table.span and table.span.line else 0


def best_match(gold: dict, record: DocumentRecord) -> tuple[Table | None, tuple]:
    best: tuple[Table | None, tuple] = (None, score_table(gold, None))
    for table in candidates(gold, record):
        result = score_table(gold, table)
        if result[1] > best[1][1]:
            best = (table, result)
    return best


TEXT_FROM_PDF = "seed-pdfminer-text-from-pdf"


def gold_to_record(gold: dict, shared: Path) -> DocumentRecord:
    """The analysed document a gold table is scored against: the file itself, or its pdfminer text."""
    path = shared / gold["doc"]
    if gold.get("producer") != TEXT_FROM_PDF:
        return analyze_file(path)
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams

    text = extract_text(path, laparams=LAParams(**gold.get("laparams", {})))
    return analyze_bytes(text.encode("utf-8"), path.with_suffix(".txt"))


def _record_key(gold: dict) -> str:
    return json.dumps([gold["doc"], gold.get("producer"), gold.get("laparams")], sort_keys=True)


def evaluate(gold_dir: Path, shared: Path) -> list[TableScore]:
    records: dict[str, DocumentRecord] = {}
    scores: list[TableScore] = []
    for path, gold in load_gold(gold_dir):
        key = _record_key(gold)
        if key not in records:
            records[key] = gold_to_record(gold, shared)
        table, (cells, right, filled, filled_right, errors) = best_match(gold, records[key])
        scores.append(TableScore(
            gold_file=path.name, split=gold["split"], producer=gold.get("producer", "?"),
            matched_table=table.id if table else None, cells=cells, right=right, filled=filled,
            filled_right=filled_right, errors=errors,
            shape_ok=bool(table and (table.n_rows, table.n_cols) == (gold["n_rows"], gold["n_cols"])),
            unit_ok=bool(table and table.unit == gold.get("unit")),
            title_ok=bool(table and table.title and norm(gold.get("title") or "") in norm(table.title)),
        ))
    return scores


def summarise(scores: list[TableScore]) -> dict[str, dict[str, float]]:
    groups: dict[str, list[TableScore]] = defaultdict(list)
    for score in scores:
        groups[score.split].append(score)
        groups["all"].append(score)
    return {name: _summary(group) for name, group in sorted(groups.items())}


def _summary(group: list[TableScore]) -> dict[str, float]:
    cells = sum(s.cells for s in group)
    filled = sum(s.filled for s in group)
    return {
        "tables": len(group),
        "documents": len({s.gold_file.split("__")[0] for s in group}),
        "cell_accuracy": round(sum(s.right for s in group) / cells, 4) if cells else 0.0,
        "filled_cell_accuracy": round(sum(s.filled_right for s in group) / filled, 4) if filled else 0.0,
        "shape_ok": sum(s.shape_ok for s in group),
        "unit_ok": sum(s.unit_ok for s in group),
        "title_ok": sum(s.title_ok for s in group),
    }


def report(scores: list[TableScore]) -> str:
    lines = [f"{'gold table':70} {'split':5} {'prod':27} {'cells':>6} {'acc':>6} shape unit title"]
    for s in scores:
        acc = s.right / s.cells if s.cells else 0.0
        lines.append(f"{s.gold_file:70} {s.split:5} {s.producer:27} {s.cells:6} {acc:6.3f} "
                     f"{'ok' if s.shape_ok else '--':5} {'ok' if s.unit_ok else '--':4} {'ok' if s.title_ok else '--'}")
        lines.extend(f"    {e}" for e in s.errors[:3] if acc < 0.98)
    for name, summary in summarise(scores).items():
        lines.append(f"[{name}] " + json.dumps(summary, ensure_ascii=False))
    return "\n".join(lines)
