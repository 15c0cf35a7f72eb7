"""What each body row is: a total (合计, 总计, 本年收入合计 …), a subtotal (小计), an item, a note
printed inside the grid ("无", "本单位无…"), or a header row leaked into the body (a header
repeated after a page break); and its label in a comparable form.

Labels are compared across tables and with the narrative, so spaces, list numbering
("一、", "（二）", "1.") and "其中：" are taken off; the numbering survives as `outline` and
"其中：" as `of_which` (an of-which row is part of the row above, not a sibling to add).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budgetlens.tables.lexicon import (
    NOTE_PATTERN,
    OF_WHICH_PATTERN,
    OUTLINE_PATTERNS,
    SUBTOTAL_PATTERN,
    TOTAL_PATTERN,
    squash,
)
from budgetlens.tables.model import RowKind

NOTE_MIN_LENGTH = 25  # one long text alone in a row, with no figure, is a note, not an item


@dataclass(frozen=True)
class Label:
    text: str  # normalised
    raw: str  # as printed
    outline: int | None
    of_which: bool


def normalise_label(raw: str) -> Label:
    """"（一）一般公共服务支出" → 一般公共服务支出, outline 2; "其中：动用上年结转" → of_which."""
    text = squash(raw)
    of_which = bool(re.match(OF_WHICH_PATTERN, text))
    text = re.sub(OF_WHICH_PATTERN, "", text)
    outline = None
    for level, pattern in OUTLINE_PATTERNS:
        stripped = re.sub(pattern, "", text, count=1)
        if stripped != text and stripped:
            outline, text = level, stripped
            break
    return Label(text=text, raw=raw.strip(), outline=outline, of_which=of_which)


def row_kind(label: str, texts: list[str], has_values: bool, header_words: frozenset[str]) -> RowKind:
    """Kind of a body row from its normalised label, all its printed texts and whether it holds a figure."""
    squashed = [squash(t) for t in texts if t.strip()]
    if not has_values and _is_header_leak(squashed, header_words):
        return RowKind.HEADER_LEAK
    if not has_values and squashed and (re.search(NOTE_PATTERN, squashed[0])
                                        or (len(squashed) == 1 and len(squashed[0]) >= NOTE_MIN_LENGTH)):
        return RowKind.NOTE
    if re.search(TOTAL_PATTERN, label):
        return RowKind.TOTAL
    if re.search(SUBTOTAL_PATTERN, label):
        return RowKind.SUBTOTAL
    return RowKind.ITEM


def _is_header_leak(texts: list[str], header_words: frozenset[str]) -> bool:
    """Every text is a header word (two at least), or a 栏次 line: "科目编码 | 科目名称 | 合计"."""
    if any(t.startswith("栏次") for t in texts):
        return True
    return len(texts) >= 2 and all(t in header_words for t in texts)
