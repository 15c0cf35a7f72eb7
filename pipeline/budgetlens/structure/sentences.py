"""Sentence boundaries and offset → page/line/box lookup.

A sentence ends at 。！？； (or their ASCII forms), with any closing quote or
bracket kept on its left. Only punctuation ends a sentence: line breaks were
removed when paragraphs were re-joined, so "1,102.\\n31" cannot split a number.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from budgetlens.document import BBox, Line, Span

SENTENCE_BOUNDARY = re.compile(r"[。！？；!?;]+[”’」』）)】]*")


def sentence_bounds(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, shifted by `offset`, whitespace trimmed."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_BOUNDARY.finditer(text):
        bounds.append((start, match.end()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return [_trim(text, s, e, offset) for s, e in bounds if text[s:e].strip()]


def _trim(text: str, start: int, end: int, offset: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start + offset, end + offset


class Locator:
    """Maps character offsets in Document.text back to the lines they came from."""

    def __init__(self, lines: list[Line]) -> None:
        self._lines = sorted(lines, key=lambda line: line.start)
        self._starts = [line.start for line in self._lines]

    def span(self, start: int, end: int) -> Span:
        first = self._line_at(start)
        if first is None:
            return Span(start=start, end=end)
        covered = [line for line in self._lines_between(start, end) if line.page == first.page]
        return Span(start=start, end=end, page=first.page, line=first.number,
                    bbox=_union([line.bbox for line in covered if line.bbox is not None]))

    def _line_at(self, offset: int) -> Line | None:
        index = bisect_right(self._starts, offset) - 1
        return self._lines[index] if index >= 0 else None

    def _lines_between(self, start: int, end: int) -> list[Line]:
        lo = max(bisect_right(self._starts, start) - 1, 0)
        hi = bisect_right(self._starts, max(end - 1, start))
        return self._lines[lo:hi]


def _union(boxes: list[BBox]) -> BBox | None:
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))
