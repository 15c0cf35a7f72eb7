"""The extraction gold (annotations/extraction, GUIDELINE.md): where each row stands in our text,
and when one of our amounts/claims/reasons equals a gold one.

A gold row is one sentence with all whitespace removed. Our sentence boundaries may differ
(we may split or merge), so a row is not matched to one of our sentences: it is located in
our document text with whitespace removed, and becomes a window of character offsets. The
evaluator then scores whatever we extracted whose span starts inside that window.

Short rows recur ("与上年持平。" several times in one document), so among all occurrences
the one nearest to the row's page (PDF) or seed line wins; ties go to the first occurrence
after the previous row, which keeps document order.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from budgetlens.extract.records import AmountRecord, ClaimRecord
from budgetlens.output.record import DocumentRecord

LINE_SLACK = 3  # a row located this many seed lines from its gold line still counts as in place

_SPACE = re.compile(r"\s+")
_QUOTES = re.compile(r"[“”\"'‘’「」『』]")
_BRACKETS = str.maketrans("[]【】〔〕［］", "()()()()")
_LIST_NUMBER = re.compile(r"^(?:\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十\d]+[、.])+")
_ROLE_TAIL = re.compile(r"(?:(?:年初|全年)?预算|决算)数?$")  # the role word a subject may carry
_FEE_TAIL = re.compile(r"(?<=费)支出$")  # "公务接待费支出" and "公务接待费" name one account


class Gold(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldAmount(Gold):
    text: str
    value: str
    unit: str
    kind: str
    value_high: str | None = None


class GoldClaim(Gold):
    kind: str
    subject: str | None
    year: int | None
    prior_year: int | None = None
    values: dict[str, str]
    direction: str | None


class GoldReason(Gold):
    cue: str
    text: str
    type: Literal["cause", "purpose"]
    explains: int | Literal["previous"] | None


class GoldRow(Gold):
    doc: str
    split: str
    page: int | None
    line: int | None
    text: str
    amounts: list[GoldAmount]
    claims: list[GoldClaim]
    reasons: list[GoldReason]


@dataclass(frozen=True)
class Window:
    """A gold row located in our text: offsets into record.text, and how far from its page/line."""

    index: int  # position of the row in its gold file
    row: GoldRow
    start: int
    end: int
    distance: int  # pages (PDF) or seed lines between where we found it and where the gold says


@dataclass(frozen=True)
class Alignment:
    windows: list[Window]  # in order of start offset
    lost: list[tuple[int, GoldRow]]  # rows whose text does not occur in our text


def squeeze(text: str | None) -> str:
    return _SPACE.sub("", text or "")


def norm_subject(text: str | None) -> str:
    """Subjects compare without whitespace, quotes, list numbers, a trailing role word (GUIDELINE §5: the
    subject is written without it, "基本支出预算数" is 基本支出; the gold writes "公务接待费支出决算为" as 公务接待费
    but "公务接待费支出决算减少" as 公务接待费支出), and with one width of punctuation."""
    flat = unicodedata.normalize("NFKC", _QUOTES.sub("", squeeze(text))).translate(_BRACKETS)
    return _FEE_TAIL.sub("", _ROLE_TAIL.sub("", _LIST_NUMBER.sub("", flat))) or flat


def norm_cue(text: str) -> str:
    """`主要原因：`, `主要原因:` and `主要原因` are one cue: the colon is printing, not wording."""
    return squeeze(text).rstrip("：:")


def load_gold(path: Path) -> list[GoldRow]:
    return [GoldRow.model_validate_json(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@dataclass(frozen=True)
class _FlatText:
    """record.text without whitespace, each kept character's offset, and page/line per offset."""

    flat: str
    offsets: list[int]
    anchor_starts: list[int]
    anchor_places: list[int | None]

    def place(self, flat_at: int) -> int | None:
        """Page or line of the sentence of ours that holds this character (the last one starting before it)."""
        at = bisect.bisect_right(self.anchor_starts, self.offsets[flat_at]) - 1
        return self.anchor_places[at] if at >= 0 else None


def record_to_flat(record: DocumentRecord, by_page: bool) -> _FlatText:
    kept = [i for i, ch in enumerate(record.text) if not ch.isspace()]
    sentences = sorted(record.sentences, key=lambda s: s.span.start)
    return _FlatText(flat="".join(record.text[i] for i in kept), offsets=kept,
                     anchor_starts=[s.span.start for s in sentences],
                     anchor_places=[s.span.page if by_page else s.span.line for s in sentences])


def occurrences(flat: str, text: str) -> list[int]:
    found, at = [], flat.find(text)
    while at >= 0:
        found.append(at)
        at = flat.find(text, at + 1)
    return found


def _best(found: list[int], flat: _FlatText, row: GoldRow, cursor: int) -> tuple[int, int]:
    """The occurrence nearest the gold page/line; then the first one after the previous row."""
    gold_place = row.page if row.page is not None else row.line

    def distance(at: int) -> int:
        place = flat.place(at)
        return abs(place - gold_place) if place is not None and gold_place is not None else 0

    at = min(found, key=lambda a: (distance(a), a < cursor, abs(a - cursor)))
    return at, distance(at)


def locate_rows(record: DocumentRecord, rows: list[GoldRow]) -> Alignment:
    """Each gold row's stretch of record.text; rows whose text does not occur are returned as lost."""
    flat = record_to_flat(record, by_page=bool(rows) and rows[0].page is not None)
    windows: list[Window] = []
    lost: list[tuple[int, GoldRow]] = []
    cursor = 0
    for index, row in enumerate(rows):
        found = occurrences(flat.flat, row.text) if row.text else []
        if not found:
            lost.append((index, row))
            continue
        at, distance = _best(found, flat, row, cursor)
        end = at + len(row.text)
        windows.append(Window(index, row, flat.offsets[at], flat.offsets[end - 1] + 1, distance))
        cursor = end
    return Alignment(sorted(windows, key=lambda w: w.start), lost)


def out_of_place(window: Window) -> bool:
    """Located on another page, or more than LINE_SLACK seed lines away: alignment worth a look."""
    return window.distance > (0 if window.row.page is not None else LINE_SLACK)


def assign_to_windows(items: list, windows: list[Window]) -> dict[int, list]:
    """Our amounts/claims/reasons by gold row index: those whose span starts inside the row's window."""
    starts = [w.start for w in windows]
    found: dict[int, list] = {w.index: [] for w in windows}
    for item in items:
        at = bisect.bisect_right(starts, item.span.start) - 1
        if at >= 0 and item.span.start < windows[at].end:
            found[windows[at].index].append(item)
    return found


def pair_up(gold: Sequence, ours: Sequence, tests: Sequence[Callable]) -> dict[int, int]:
    """Gold index → our index, one to one, in order; each test tried in turn on what is still free."""
    pairs: dict[int, int] = {}
    for same in tests:
        for g, item in enumerate(gold):
            if g in pairs:
                continue
            taken = set(pairs.values())
            hit = next((o for o, mine in enumerate(ours) if o not in taken and same(item, mine)), None)
            if hit is not None:
                pairs[g] = hit
    return pairs


def same_amount(gold: GoldAmount, ours: AmountRecord) -> bool:
    """Printed text (whitespace removed), value as printed, unit, and the high end of a range."""
    return (gold.text, gold.value, gold.unit, gold.value_high) == (
        squeeze(ours.text), str(ours.value), ours.unit or "", None if ours.value_high is None else str(ours.value_high))


def claim_values(claim: ClaimRecord) -> Counter:
    return Counter((value.role, squeeze(value.text)) for value in claim.values)


def same_values(gold: GoldClaim, ours: ClaimRecord) -> bool:
    """Same kind and every role on the same amount text — a multiset, so a doubled role is not hidden."""
    return ours.kind == gold.kind and claim_values(ours) == Counter(gold.values.items())


def same_subject(gold: GoldClaim, ours: ClaimRecord) -> bool:
    return norm_subject(gold.subject) == norm_subject(ours.subject)


def same_claim(gold: GoldClaim, ours: ClaimRecord) -> bool:
    return same_values(gold, ours) and same_subject(gold, ours)


def show_claim(claim: ClaimRecord | GoldClaim) -> str:
    values = claim.values if isinstance(claim, GoldClaim) else {v.role: squeeze(v.text) for v in claim.values}
    return f"{claim.kind} {claim.subject} {values} {claim.direction or ''}".rstrip()
