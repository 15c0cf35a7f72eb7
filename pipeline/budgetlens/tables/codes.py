"""Classification codes per row: function codes (类 3 / 款 5 / 项 7 digits) and economic codes
(类 3 / 款 5), printed whole ("2010301"), split over 类 | 款 | 项 columns ("204" "06" "01"),
with the parent left blank below its first row (" " "06" "01"), or as a bare two-digit suffix
under the row above ("201" then "03" then "01"). A child code starts with its parent's code
(DOMAIN §2), so the full code is rebuilt from the nearest printed parent.

Also kept for the checks: `coded_rows` (every coded row of every column group, values by
position within the group), `level_children`, `sum_cells`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from budgetlens.document import Cell, Table
from budgetlens.tables.lexicon import CODE_SYSTEM_PATTERNS, ECONOMIC_KINDS, FUNCTION_KINDS, squash
from budgetlens.tables.model import CodeSystem, Level, TableKind

CODE_PART = re.compile(r"^\d{1,7}$")
CODE_COLUMN_SHARE = 0.5  # a column is a code column when this share of its filled body cells are codes
LABEL_WITH_CODE = re.compile(r"^(?:\[(\d{3,7})\]\s*|(\d{3,7})\s+)([^\d\s].*)$")
LEVELS = {CodeSystem.FUNCTION: {3: Level.CLASS, 5: Level.SECTION, 7: Level.ITEM},
          CodeSystem.ECONOMIC: {3: Level.CLASS, 5: Level.SECTION}}


@dataclass(frozen=True)
class CodeReading:
    code: str  # full code
    printed: str  # as printed, parts joined by spaces


def is_code_column(cells: Sequence[Cell]) -> bool:
    """Mostly bare digit strings (some readers give "201" a value) and not a running count (行次, 序号)."""
    texts = [squash(c.text) for c in cells if c.text.strip()]
    codes = [t for c in cells if CODE_PART.match(t := squash(c.text)) and (len(t) > 1 or c.value is None)]
    if not codes or len(codes) < min(2, len(texts)) or len(codes) / len(texts) < CODE_COLUMN_SHARE:
        return False
    if not any(len(t) >= 2 for t in codes) or (len(codes) == 1 and len(codes[0]) < 3):
        return False
    return not is_running_count(codes)


def is_running_count(texts: Sequence[str]) -> bool:
    """1, 2, 3 … (most steps +1, no leading zeros): a 行次 or 序号 column, not codes."""
    if any(t.startswith("0") or len(t) > 3 for t in texts) or len(texts) < 2:
        return False
    numbers = [int(t) for t in texts]
    steps = sum(1 for a, b in itertools.pairwise(numbers) if b == a + 1)
    return steps >= 0.8 * (len(numbers) - 1)


def code_system(header: str, kind: TableKind, codes: Sequence[str]) -> CodeSystem:
    """Which classification a code column holds: its header says, else the codes, else the kind."""
    text = squash(header)
    named = next((system for system, pattern in CODE_SYSTEM_PATTERNS if re.search(pattern, text)), None)
    if named is not None:
        return named
    heads = {code[0] for code in codes if len(code) >= 3}
    if heads == {"2"}:
        return CodeSystem.FUNCTION
    if heads and heads <= {"3", "5"}:
        return CodeSystem.ECONOMIC
    if kind in ECONOMIC_KINDS:
        return CodeSystem.ECONOMIC
    return CodeSystem.FUNCTION if kind in FUNCTION_KINDS else CodeSystem.OTHER


def level_of(code: str, system: CodeSystem | None) -> Level | None:
    return LEVELS.get(system, {}).get(len(code)) if system is not None else None


def rebuild_codes(rows: Sequence[Sequence[str]]) -> list[CodeReading | None]:
    """Full codes for the code-column texts of each row, in order (a parent row comes first)."""
    out: list[CodeReading | None] = []
    last = ""
    for parts in rows:
        texts = [squash(p) for p in parts]
        if not any(texts) or not all(CODE_PART.match(t) for t in texts if t):
            out.append(None)
            continue
        code = _split_parts(texts, last) if len(texts) > 1 else _suffix(texts[0], last)
        if code is None:
            out.append(None)
            continue
        last = code
        out.append(CodeReading(code, " ".join(t for t in texts if t)))
    return out


def _split_parts(texts: list[str], last: str) -> str | None:
    """类 | 款 | 项 columns; a blank 类 (or 款) under a filled one is inherited from the row above."""
    first = next(i for i, t in enumerate(texts) if t)
    keep = 3 + 2 * (first - 1) if first else 0  # digits inherited: 类 (3) before a 款, 类+款 (5) before a 项
    if len(last) < keep:
        return None
    return last[:keep] + "".join(part.zfill(2) if i and len(part) == 1 else part
                                 for i, part in enumerate(texts) if part)


def _suffix(text: str, last: str) -> str | None:
    """One code column: a whole code, or a 2/4-digit suffix under the nearest printed parent."""
    if len(text) >= 3 or not last:
        return text if len(text) >= 3 else None
    if len(text) == 4:
        return last[:3] + text
    parent = last if len(last) in (3, 5) and not _is_leaf_sibling(last) else last[:-2]
    return parent + text.zfill(2)


def _is_leaf_sibling(last: str) -> bool:
    """Economic codes stop at 款 (5 digits): a suffix after a 款 is a sibling, not a child."""
    return len(last) == 5 and last[0] in "35"


def split_label_code(text: str) -> tuple[str | None, str]:
    """"2010301 行政运行" → ("2010301", "行政运行"); a label without a code → (None, label)."""
    match = LABEL_WITH_CODE.match(text.strip())
    return (match.group(1) or match.group(2), match.group(3).strip()) if match else (None, text.strip())


@dataclass(frozen=True)
class CodedRow:
    code: str
    label: str
    values: dict[int, Cell]  # value position within the column group → numeric cell


def coded_rows(table: Table) -> list[CodedRow]:
    """Every row (of every column group) that carries a classification code."""
    body = table.rows[table.header_rows:]
    code_cols = [col for col in range(table.n_cols)
                 if is_code_column([row[col] for row in body if col < len(row)])]
    found = []
    for first, last in _groups(code_cols, table.n_cols):
        runs = [col for col in code_cols if first <= col <= last]
        readings = rebuild_codes([[_text(row, col) for col in runs] for row in body])
        for row, reading in zip(body, readings, strict=True):
            if reading is None or not 3 <= len(reading.code) <= 7:
                continue
            cells = {cell.col: cell for cell in row}
            span = range(runs[-1] + 1, last + 1)
            values = {i: cells[col] for i, col in enumerate(span) if col in cells and cells[col].value is not None}
            label = " ".join(cells[col].text.strip() for col in span
                             if col in cells and cells[col].value is None and cells[col].text.strip())
            found.append(CodedRow(reading.code, label, values))
    return found


def _text(row: list[Cell], col: int) -> str:
    return row[col].text if col < len(row) else ""


def _groups(code_cols: list[int], n_cols: int) -> list[tuple[int, int]]:
    """(first, last) column of each group: a run of adjacent code columns and what follows it."""
    starts = [col for col in code_cols if col - 1 not in code_cols]
    return [(start, (starts[i + 1] - 1) if i + 1 < len(starts) else n_cols - 1) for i, start in enumerate(starts)]


def level_children(code: str, codes: set[str]) -> list[str]:
    """Codes one level below: 201 → 20103 …; 20103 → 2010301 …; 301 → 30101 …"""
    length = len(code) + 2
    return sorted(c for c in codes if len(c) == length and c.startswith(code))


def sum_cells(cells: list[Cell]) -> Decimal:
    return sum((cell.value for cell in cells if cell.value is not None), Decimal(0))
