"""A pdfminer row's lines (its level names already taken) → the 三级 name, target and actual lines.

The 三级 column is narrow, so its lines are short; the target and actual columns are wide. Lines
come in runs (a gap in the line numbers, or a narrow line followed by a wide one): the narrow runs
first are the name, the next run the target, the rest the actual value. A target printed before its
name (a wide run first) is put back in order; a row printed on one line splits at its spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from budgetlens.indicators.lexicon import squash
from budgetlens.indicators.model import Place

NARROW = 8.5  # display width of the 三级 column's lines (a CJK character is 1, a digit ½)
WIDE = 9.5  # a line this wide belongs to the target or actual column

@dataclass
class TextLine:
    number: int
    text: str
    start: int | None = None  # offsets in Document.text (narrative lines; table rows have none)
    end: int | None = None

    def place(self) -> Place:
        return Place(line=self.number, start=self.start, end=self.end)



def split_cells(pieces: list[TextLine]) -> tuple[list[TextLine] | None, list[TextLine], list[TextLine]]:
    """(三级 lines, target lines, actual lines) of a row's remaining lines."""
    if len(pieces) == 1 or (all(width(p.text) <= NARROW for p in pieces[:-1]) and " " in pieces[-1].text):
        return _one_line_values(pieces)
    runs = _runs(pieces)
    names = [run for run in runs if max(width(p.text) for p in run) <= NARROW]
    if runs and runs[0] not in names and len(runs) > 1 and runs[1] in names:
        level3, target = runs[1], runs[0]  # the target printed before its name
        target, level3 = _move_glued_tail(target, level3)
        return level3, target, [p for run in runs[2:] for p in run]
    lead = 0
    while lead < len(runs) - 1 and runs[lead] in names:
        lead += 1
    level3 = [p for run in runs[:lead] for p in run] or None
    target = runs[lead] if lead < len(runs) else []
    return level3, target, [p for run in runs[lead + 1:] for p in run]


def _one_line_values(pieces: list[TextLine]) -> tuple[list[TextLine] | None, list[TextLine], list[TextLine]]:
    """Name lines, then "target actual" on one line (project 自评: "2 个 2个", "完成 完成")."""
    *name_lines, last = pieces
    if not name_lines:
        first, _, rest = last.text.partition(" ")
        name_lines, last = [replace(last, text=first)], replace(last, text=rest.strip())
    target, actual = split_pair(last.text)
    return name_lines, [replace(last, text=target)], [replace(last, text=actual)] if actual else []


def split_pair(text: str) -> tuple[str, str]:
    """"≦365 天 270 天" → ("≦365 天", "270 天"): the split whose halves read alike, or whose right half
    starts with a figure; else the middle space."""
    spaces = [m.start() for m in re.finditer(r"\s+", text)]
    if not spaces:
        return text, ""
    halves = [(text[:s].strip(), text[s:].strip()) for s in spaces]
    same = next((h for h in halves if squash(h[0]) == squash(h[1])), None)
    figure = next((h for h in halves if h[1][:1].isdigit() and h[0][-1:] not in "≥≤><=≧≦"), None)
    return same or figure or halves[len(halves) // 2]


def _runs(pieces: list[TextLine]) -> list[list[TextLine]]:
    """Lines in runs: a new run after a gap in line numbers, or where a narrow line meets a wide one."""
    runs: list[list[TextLine]] = []
    for piece in pieces:
        if runs and piece.number == runs[-1][-1].number + 1 and not _narrow_then_wide(runs[-1], piece):
            runs[-1].append(piece)
        else:
            runs.append([piece])
    return runs


def _narrow_then_wide(run: list[TextLine], piece: TextLine) -> bool:
    return all(width(p.text) <= NARROW for p in run) and width(piece.text) >= WIDE


def _move_glued_tail(target: list[TextLine], level3: list[TextLine]) -> tuple[list[TextLine], list[TextLine]]:
    """"保障工作 议": the target's last character glued to the name's line by pdfminer."""
    last = level3[-1]
    head, _, tail = last.text.rpartition(" ")
    if head and 0 < len(tail) <= 2:
        level3 = [*level3[:-1], replace(last, text=head)]
        target = [*target[:-1], replace(target[-1], text=target[-1].text + tail)]
    return target, level3


def width(text: str) -> float:
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text.strip())
