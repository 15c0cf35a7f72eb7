"""Header lines of a space-separated table → header rows over its columns, when that is certain.

pdfminer prints a multi-line header cell one line per text line ("本年收" / "入合计")
and a vertical one a character per line ("上" / "级" / "补" / "助"), and it prints the
figure columns' headers before the code and name headers. Without positions the
only safe placements are:
  - a line with one word per column ("项 目 行次 决算数 项 目 行次 决算数");
  - a line with one word per side of a two-sided table ("收入 支出");
  - the whole header pooled into words (adjacent lines joined, when blank lines
    separate the cells) when the words that are not code/name headers number exactly
    the figure columns: they are then the figure headers, in order.
If any line cannot be placed, the whole header stays as text lines before the
table (the reading order stays right), and the table says so.
"""

from __future__ import annotations

from itertools import pairwise

from budgetlens.ingest.text_space_grid import GroupSchema
from budgetlens.ingest.text_tables import NumberedLine

# Headers of the code and name columns, spaces removed ("项 目", "类 款 项", "功能分类科目编码").
LABEL_WORDS = frozenset({
    "项目", "科目名称", "科目编码", "科目代码", "功能分类科目编码", "功能分类科目", "经济分类科目编码",
    "类款项", "款类项", "编码", "代码", "单位名称", "单位编码", "栏次",
})
CODE_MARKS = ("编码", "代码")


def align_header(lines: list[NumberedLine], schema: list[GroupSchema]) -> tuple[
        list[tuple[int, list[str]]], list[NumberedLine]]:
    """(line number, cells) of each header row placed, and the lines left unplaced."""
    n_cols = sum(s.width for s in schema)
    starts = [sum(s.width for s in schema[:i]) for i in range(len(schema))]
    rows: list[tuple[int, list[str]]] = []
    rest: list[NumberedLine] = []
    for line in lines:
        words = header_words(line.text)
        if len(words) == n_cols > 1:
            rows.append((line.number, words))
        elif len(words) == len(schema) > 1:
            cells = [""] * n_cols
            for start, word in zip(starts, words, strict=True):
                cells[start] = word
            rows.append((line.number, cells))
        else:
            rest.append(line)
    if rest:
        pooled = _pooled_row(rest, schema)
        if pooled is None:
            return [], list(lines)  # all or nothing: a half-placed header would break the reading order
        rows.append((rest[0].number, pooled))
    return sorted(rows, key=lambda row: row[0]), []


def header_words(text: str) -> list[str]:
    """Words of a header line, letter-spaced words joined ("项 目" → "项目", "栏 次" → "栏次")."""
    words: list[str] = []
    single = False
    for token in text.split():
        is_single = len(token) == 1 and "\u4e00" <= token <= "\u9fff"
        if is_single and single:
            words[-1] += token
        else:
            words.append(token)
        single = is_single
    return words


def _pooled_row(lines: list[NumberedLine], schema: list[GroupSchema]) -> list[str] | None:
    words = [word for unit in _units(lines) for word in header_words(unit)]
    labels = [w for w in words if w in LABEL_WORDS or w.endswith(CODE_MARKS)]
    values = [w for w in words if w not in labels]
    if not values or len(values) != sum(s.slots for s in schema):
        return None
    cells: list[str] = []
    for index, spec in enumerate(schema):
        if spec.has_code:
            cells.append(" ".join(w for w in labels if w.endswith(CODE_MARKS)) if index == 0 else "")
        if spec.has_label:
            names = [w for w in labels if not (spec.has_code and w.endswith(CODE_MARKS))]
            cells.append(" ".join(names) if index == 0 else "")
        cells.extend(values[: spec.slots])
        values = values[spec.slots:]
    return cells


def _units(lines: list[NumberedLine]) -> list[str]:
    """Header cells: when some lines touch, blank lines separate cells and touching lines join."""
    if not any(b.number == a.number + 1 for a, b in pairwise(lines)):
        return [line.text.strip() for line in lines]
    units = [lines[0].text.strip()]
    for previous, line in pairwise(lines):
        if line.number == previous.number + 1:
            units[-1] += line.text.strip()
        else:
            units.append(line.text.strip())
    return units
