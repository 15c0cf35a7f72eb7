"""`unexplained_variance` against the hand-made gold in annotations/reasons (see guidelines.md §3).

Gold: rows of `<doc>.variances.jsonl` with needs_reason true and explained false. Ours: the
variances an `unexplained_variance` finding reports (record.variances, each finding's evidence
pointing at them). A variance of ours is the gold row's when it is the same kind of pair and
either stands where the gold snippet stands in our text (its claim starts inside the located
snippet) or shows the same figures (current and base, unit-converted) on a similar subject.
Pairing is one-to-one. Also reported, to see where misses come from: how many gold pairs of
any kind we built at all, and on those whether we agree that a reason is needed and given.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from budgetlens.analyze import analyze_file
from budgetlens.evaluate.findings import source_of, synthetic_dir
from budgetlens.numbers import UNIT_SCALE
from budgetlens.output.record import DocumentRecord
from budgetlens.variances import Variance, VariancePlace

SNIPPET_TAIL = 12  # characters after a located snippet where its claim may still start
PAGE_SLACK, LINE_SLACK = 1, 4
_DROP = re.compile(r"[\s“”\"'‘’「」『』]")


class GoldVariance(BaseModel):
    model_config = ConfigDict(extra="ignore")

    doc: str
    split: str
    page: int | None = None
    line: int | None = None
    snippet: str = ""
    subject: str = ""
    kind: str
    source: str = "narrative"
    current: str | None = None
    base: str | None = None
    unit: str | None = None
    direction: str | None = None
    needs_reason: bool
    explained: bool
    reason_labels: list[str] = []
    note: str | None = None

    @property
    def unexplained(self) -> bool:
        return self.needs_reason and not self.explained


@dataclass
class DocScore:
    doc: str
    split: str
    counts: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)


def squeeze(text: str) -> str:
    """Whitespace and quotes removed, full-width letters, digits and brackets half-width."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text))


def load_gold(gold_dir: Path) -> dict[str, list[GoldVariance]]:
    gold: dict[str, list[GoldVariance]] = {}
    for path in sorted(gold_dir.glob("*.variances.jsonl")):
        rows = [GoldVariance.model_validate_json(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
        gold[path.name.removesuffix(".variances.jsonl")] = rows
    return gold


def flagged(record: DocumentRecord) -> list[Variance]:
    """Our unexplained variances: those an unexplained_variance finding points at."""
    places = {(e.claim_id, e.table_id, e.row, e.col) for f in record.findings if f.check == "unexplained_variance"
              for e in f.evidence}
    return [v for v in record.variances
            if any((p.claim_id, p.table_id, p.row, p.col) in places for p in v.evidence)]


def _number(text: str | None) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").strip()) if text else None
    except InvalidOperation:
        return None


def _same_value(ours: Decimal | None, our_unit: str | None, gold: str | None, gold_unit: str | None) -> bool | None:
    """None when either side has no figure; else equal after conversion, within half a unit of the gold's last digit."""
    value = _number(gold)
    if ours is None or value is None:
        return None
    scale = UNIT_SCALE.get(our_unit or "万元", Decimal(1)) / UNIT_SCALE.get(gold_unit or our_unit or "万元", Decimal(1))
    places = -value.as_tuple().exponent if isinstance(value.as_tuple().exponent, int) else 0
    return abs(ours * scale - value) <= Decimal(5).scaleb(-max(places, 0) - 1) + Decimal("1e-9")


class Locator:
    """Where gold snippets stand in one record's text (whitespace- and quote-insensitive)."""

    def __init__(self, record: DocumentRecord) -> None:
        # normalised one character at a time: NFKC may turn one character into several ("㎡" → "m2"),
        # and every normalised character keeps the offset of the character it came from
        pieces = [(i, unicodedata.normalize("NFKC", ch)) for i, ch in enumerate(record.text) if not _DROP.match(ch)]
        self.where = [i for i, piece in pieces for _ in piece]
        self.squeezed = "".join(piece for _, piece in pieces)
        self.record = record
        self.row_lines = {(t.id, row): line for t in record.tables for row, line in enumerate(t.row_lines)}

    def windows(self, snippet: str) -> list[tuple[int, int]]:
        needle = squeeze(snippet)
        if not needle:
            return []
        found, start = [], self.squeezed.find(needle)
        while start >= 0:
            end = min(start + len(needle) + SNIPPET_TAIL, len(self.where)) - 1
            found.append((self.where[start], self.where[end] + 1))
            start = self.squeezed.find(needle, start + 1)
        return found


def placed_at(ours: Variance, windows: list[tuple[int, int]]) -> bool:
    """One of our text places overlaps the gold snippet ("4．普法…" starts before it: overlap, not equality)."""
    return any(p.span is not None and p.span.start < b and a < p.span.end for p in ours.evidence for a, b in windows)


def matches(ours: Variance, gold: GoldVariance, windows: list[tuple[int, int]],
            row_lines: dict[tuple[str, int], int] | None = None) -> bool:
    if ours.kind != gold.kind:
        return False
    placed = placed_at(ours, windows)
    figures = [_same_value(ours.current, ours.unit, gold.current, gold.unit),
               _same_value(ours.base, ours.unit, gold.base, gold.unit)]
    if False in figures:
        return placed and figures.count(False) == 1 and _near(ours, gold)
    return placed or (True in figures and _similar(ours.subject, gold.subject) and _near(ours, gold, row_lines))


_CODE = re.compile(r"^\d{3,7}")


def _near(ours: Variance, gold: GoldVariance, row_lines: dict[tuple[str, int], int] | None = None) -> bool:
    """Our first place is near the gold one — or, given the tables' row lines, any of our table cells is: a
    pair stated in the text and printed in a table is one variance, and the gold may point at either."""
    if _place_near(ours.evidence[0], gold, None):
        return True
    return row_lines is not None and any(p.kind == "cell" and p.table_id is not None and p.row is not None
                                         and _place_near(p, gold, row_lines.get((p.table_id, p.row)))
                                         for p in ours.evidence[1:])


def _place_near(place: VariancePlace, gold: GoldVariance, row_line: int | None) -> bool:
    page = place.span.page if place.span is not None else place.page
    line = place.span.line if place.span is not None else row_line
    if gold.page is not None and page is not None:
        return abs(page - gold.page) <= PAGE_SLACK
    if gold.line is not None and line is not None:
        return abs(line - gold.line) <= LINE_SLACK
    return True


def _similar(a: str, b: str) -> bool:
    a, b = (_CODE.sub("", squeeze(name)) for name in (a, b))  # "2040605 普法宣传": the code is not the name
    return bool(a) and bool(b) and (a in b or b in a or len(set(a) & set(b)) >= min(len(set(a)), len(set(b))) * 0.6)


def pair_up(ours: list[Variance], gold: list[GoldVariance], locator: Locator) -> list[tuple[Variance, GoldVariance]]:
    """One-to-one, in gold order: each gold row takes the first of ours that matches and is still free — one
    placed on its snippet before one that only has its figures (a table row of the same figures as a stated
    pair, "公务用车运行费" under "公务用车购置及运行维护费", must not take the stated pair's gold row)."""
    free, pairs = list(ours), []
    for row in gold:
        windows = locator.windows(row.snippet)
        candidates = [v for v in free if matches(v, row, windows, locator.row_lines)]
        hit = next((v for v in candidates if placed_at(v, windows)), candidates[0] if candidates else None)
        if hit is not None:
            free.remove(hit)
            pairs.append((hit, row))
    return pairs


def score_document(doc: str, gold: list[GoldVariance], record: DocumentRecord,
                   split: str | None = None) -> DocScore:
    score = DocScore(doc, split or (gold[0].split if gold else "test"))
    locator = Locator(record)
    ours_flagged, gold_unexplained = flagged(record), [g for g in gold if g.unexplained]
    pairs = pair_up(ours_flagged, gold_unexplained, locator)
    c = score.counts
    c.update(documents=1, variances=len(record.variances), gold_rows=len(gold), predicted=len(ours_flagged),
             gold_unexplained=len(gold_unexplained), true_positive=len(pairs))
    built = pair_up(record.variances, gold, locator)
    c.update(gold_rows_built=len(built), needs_reason_agree=sum(v.needs_reason == g.needs_reason for v, g in built),
             explained_agree=sum(v.explained == g.explained for v, g in built if g.needs_reason and v.needs_reason))
    matched_ours, matched_gold = {id(v) for v, _ in pairs}, {id(g) for _, g in pairs}
    by_gold = {id(g): v for v, g in built}
    score.misses += [f"FN {doc} {_where(g)} {g.subject} {g.base}→{g.current} ({_why(by_gold.get(id(g)))})"
                     for g in gold_unexplained if id(g) not in matched_gold]
    score.misses += [f"FP {doc} {v.id} {v.subject} {v.base}→{v.current}" for v in ours_flagged
                     if id(v) not in matched_ours]
    return score


def _where(gold: GoldVariance) -> str:
    return f"p{gold.page}" if gold.page is not None else f"l{gold.line}"


def _why(ours: Variance | None) -> str:
    if ours is None:
        return "pair not built"
    return "explained by us" if ours.explained else "no reason needed by us" if not ours.needs_reason else "?"


def analyze_gold_documents(gold_dir: Path, shared: Path) -> dict[str, DocumentRecord]:
    """Every document of the variances gold, analysed once for the evaluations that share it."""
    return {doc: analyze_file(source_of(doc, shared, synthetic_dir(gold_dir))) for doc in load_gold(gold_dir)}


def evaluate(gold_dir: Path, shared: Path, records: dict[str, DocumentRecord] | None = None) -> list[DocScore]:
    gold = load_gold(gold_dir)
    records = records if records is not None else analyze_gold_documents(gold_dir, shared)
    return [score_document(doc, rows, records[doc], split_of(doc, rows, gold_dir)) for doc, rows in gold.items()]


def split_of(doc: str, rows: list[GoldVariance], gold_dir: Path) -> str:
    """The document's split: on its variance rows, or (no variance read) on its reason rows."""
    if rows:
        return rows[0].split
    reasons = gold_dir / f"{doc}.reasons.jsonl"
    first = next((line for line in reasons.read_text("utf-8").splitlines() if line.strip()), None) \
        if reasons.exists() else None
    return json.loads(first)["split"] if first else "test"


def summary(scores: list[DocScore]) -> dict[str, dict[str, float | int | None]]:
    out: dict[str, dict[str, float | int | None]] = {}
    for split in sorted({s.split for s in scores}):
        c = sum((s.counts for s in scores if s.split == split), Counter())
        precision = c["true_positive"] / c["predicted"] if c["predicted"] else None
        recall = c["true_positive"] / c["gold_unexplained"] if c["gold_unexplained"] else None
        f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
        out[split] = {**dict(sorted(c.items())), **{name: None if value is None else round(value, 3) for name, value
                                                    in (("precision", precision), ("recall", recall), ("f1", f1))}}
    return out  # a ratio over nothing is None ("no flag, no gold": no false alarm, recall unmeasurable)


def report(scores: list[DocScore], miss_splits: tuple[str, ...] = ("train",)) -> str:
    """Summary by split, counts by document, and the misses of `miss_splits` only (held-out ones stay unread)."""
    lines = [f"[{split}] {json.dumps(values)}" for split, values in summary(scores).items()]
    lines += [f"  {s.split} {s.doc}: {s.counts['variances']} variances, {s.counts['gold_rows']} gold rows, "
              f"{s.counts['predicted']} flagged, {s.counts['gold_unexplained']} gold unexplained" for s in scores]
    lines += [f"  {s.split} {miss}" for s in scores if s.split in miss_splits for miss in s.misses]
    return "\n".join(lines)
