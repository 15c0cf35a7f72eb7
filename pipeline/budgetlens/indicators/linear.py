"""Forms that pdfminer text prints one cell per line block, with no grid (绩效自评表 in seed 001).

pdfminer writes each cell's lines in a run, a blank line between runs, a name broken at the
column's width ("产出指" / "标", "调查研" / "究"), and each row ending with its score. So a form
is read as a stream of lines:

- a row ends at a line that is only the score ("3"), or a line ending in " 3" when the next line
  starts another row (a level name, a goal, 总分);
- its level names are joined from the leading lines by the lexicon ("社会效" + "益指标");
- the rest splits into runs (a gap in the line numbers, or a narrow line followed by a wide one):
  the narrow runs are the 三级 name (the column is narrow), the next run the target, the rest the
  actual value. A target printed before its name (a wide run first) is put back in order.
- a row printed on one line ("时效指标 全年 ≦365 天 270 天 10") splits at its spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from budgetlens.document import Document
from budgetlens.indicators.forms import title_to_kind
from budgetlens.indicators.lexicon import GOAL_LABEL, LEVEL1, LEVEL2_FAMILY, squash
from budgetlens.indicators.linear_cells import TextLine, split_cells
from budgetlens.indicators.linear_meta import read_meta_line
from budgetlens.indicators.model import FormKind, Goal, Indicator, LabelledTarget, Place, Project
from budgetlens.indicators.targets import text_to_target
from budgetlens.numbers import parse_number

NAMES = frozenset(LEVEL1) | frozenset(LEVEL2_FAMILY)
SCORE = re.compile(r"^\d{1,3}(?:\.\d+)?$")
GLUED_SCORE = re.compile(r"^(.*\S)\s+(\d{1,3}(?:\.\d+)?)$")
LEVEL_WEIGHT = re.compile(r"^[(（]\d+(?:\.\d+)?\s*分[)）]$")
HEADER_END = frozenset({"分", "得分"})
HEADER_WORDS = frozenset({"年度", "绩效", "指标", "目标", "年度绩效", "绩效指标"})
ROW_END_WORDS = ("总分", "偏差大或")
TITLE_MAX = 60
CAPTION_REACH = 20  # a title line this close above a form table is that table's caption
WEIGHED = "*"  # marks a level name followed by its points line


@dataclass
class LinearForm:
    project: Project
    indicators: list[Indicator] = field(default_factory=list)
    goal: str | None = None
    label: str = "年初目标值"
    level1: str = ""
    level2: str = ""


def line_forms(document: Document, projects: list[Project],
               table_lines: set[int]) -> list[tuple[Project, list[Indicator]]]:
    """Forms whose title is a text line and whose rows are not a table: read from the line stream."""
    stream = document_to_stream(document)
    covered = [(p.first_line or 0, p.last_line or 0) for p in projects]
    starts = [(i, kind) for i, line in enumerate(stream) if len(line.text) <= TITLE_MAX
              and (kind := title_to_kind(line.text)) is not None and line.number not in table_lines
              and not any(a - CAPTION_REACH <= line.number <= b for a, b in covered)]
    found = []
    for n, (i, kind) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(stream)
        end = next((j for j in range(i, end) if any(a - CAPTION_REACH <= stream[j].number <= b for a, b in covered)),
                   end)  # a form table below: the region stops before its caption
        form = read_form(stream[i:end], kind, f"p{len(projects) + len(found) + 1}", document.meta.fiscal_year)
        if form.indicators:
            found.append((form.project, form.indicators))
    return found


def document_to_stream(document: Document) -> list[TextLine]:
    """Every printed line in file order: the narrative lines and the rows of tables, cells joined."""
    lines = [TextLine(line.number, line.text, line.start, line.end) for line in document.lines]
    for table in document.tables:
        for row, number in zip(table.rows, table.row_lines, strict=False):
            lines.append(TextLine(number, " ".join(c.text for c in row if c.text.strip())))
    return sorted(lines, key=lambda line: line.number)


def read_form(lines: list[TextLine], kind: FormKind, project_id: str, year: int | None) -> LinearForm:
    title = lines[0].text.strip()
    found = re.search(r"(20\d{2})", title)
    project = Project(id=project_id, kind=kind, title=title, year=int(found.group(1)) if found else year,
                      first_line=lines[0].number, last_line=lines[-1].number, place=Place(line=lines[0].number))
    form = LinearForm(project)
    i = 1
    while i < len(lines):
        i = _read_at(form, lines, i)
    return form


def _read_at(form: LinearForm, lines: list[TextLine], i: int) -> int:
    """Read what starts at line i (a goal, a header, a row, a labelled line); returns the next index."""
    text = squash(lines[i].text)
    if GOAL_LABEL.match(text):
        return _goal(form, lines, i)
    if text.startswith(("一级指", "年度", "绩效", "指标")) and _header_ahead(lines, i):
        return _skip_header(form, lines, i)
    if form.goal is not None and not text.startswith(ROW_END_WORDS):
        end = _row_end(lines, i)
        if end is not None:
            _row(form, lines[i:end + 1])
            return end + 1
    return read_meta_line(form.project, lines, i)


def _goal(form: LinearForm, lines: list[TextLine], i: int) -> int:
    """"年度目标 1" / "（6 分）" / its text: a goal."""
    form.goal = " ".join(lines[i].text.split())
    weight, text, j = None, "", i + 1
    if j < len(lines) and LEVEL_WEIGHT.match(squash(lines[j].text)):
        weight = parse_number(re.sub(r"[^\d.]", "", lines[j].text))
        j += 1
    if j < len(lines) and not is_header_word(lines[j].text):
        text, j = lines[j].text.strip(), j + 1
    form.project.goals.append(Goal(name=form.goal, text=text, weight=weight, place=Place(line=lines[i].number)))
    form.level1 = form.level2 = ""
    return j


def is_header_word(text: str) -> bool:
    """A piece of the indicator header: "年度" / "绩效" / "指标" / "一级指" / "年初目标值" …"""
    key = squash(text)
    return key in HEADER_WORDS or key.startswith(("一级", "二级", "三级", "年初目标", "实际完成", "具体指标"))


def _header_ahead(lines: list[TextLine], i: int) -> bool:
    return any("级指" in squash(line.text) or "具体指标" in squash(line.text) for line in lines[i:i + 8])


def _skip_header(form: LinearForm, lines: list[TextLine], i: int) -> int:
    """The header runs up to its 得分 cell ("得" / "分"); "指标值 绩效标准" names the target 指标值."""
    if form.goal is None:
        form.goal = ""
    for j in range(i, min(len(lines), i + 20)):
        text = squash(lines[j].text)
        if "绩效标准" in text:
            form.label = "指标值"
        elif "年初目标值" in text:
            form.label = "年初目标值"
        if text in HEADER_END or text.endswith("得分"):
            return j + 1
    return i + 1


def _row_end(lines: list[TextLine], i: int) -> int | None:
    """The line that ends the row starting at i: its score alone, or text with the score glued on."""
    for j in range(i, len(lines)):
        text = lines[j].text.strip()
        if (j > i and squash(text).startswith(ROW_END_WORDS)) or (GOAL_LABEL.match(squash(text)) and j > i):
            return None
        if SCORE.match(text):
            return j
        if GLUED_SCORE.match(text) and (j + 1 == len(lines) or starts_row(lines[j + 1].text)):
            return j
    return None


def starts_row(text: str) -> bool:
    first = squash(text.split()[0]) if text.split() else ""
    return (any(name.startswith(first) for name in NAMES if len(first) >= 2) or bool(GOAL_LABEL.match(squash(text)))
            or squash(text).startswith(ROW_END_WORDS))


def _row(form: LinearForm, lines: list[TextLine]) -> None:
    pieces = [TextLine(line.number, line.text.strip(), line.start, line.end) for line in lines]
    score_text = _split_score(pieces)
    names, pieces = _take_levels(pieces)
    _set_levels(form, names, pieces)
    if not pieces:
        return
    level3, target, actual = split_cells(pieces)
    if level3 is None:
        return
    form.indicators.append(Indicator(
        id="", project_id=form.project.id, form_kind=form.project.kind, goal=form.goal or None, term="annual",
        level1=form.level1, level2=form.level2, level3="".join(p.text.replace(" ", "") for p in level3),
        targets=[LabelledTarget(label=form.label, value=text_to_target(_joined(target)),
                                place=(target or level3)[0].place())],
        actual=text_to_target(_joined(actual), actual=True) if actual else None,
        score=parse_number(score_text) if score_text else None, place=level3[0].place(),
        repairs=["read from pdfminer text (no grid): cells found by line runs and widths"],
    ))


def _split_score(pieces: list[TextLine]) -> str | None:
    last = pieces[-1]
    if SCORE.match(last.text):
        pieces.pop()
        return last.text
    glued = GLUED_SCORE.match(last.text)
    if glued:
        pieces[-1] = replace(last, text=glued.group(1))
        return glued.group(2)
    return None


def _take_levels(pieces: list[TextLine]) -> tuple[list[str], list[TextLine]]:
    """Level names from the leading lines, joined as the lexicon allows; "（40 分）" lines skipped."""
    names: list[str] = []
    i = 0
    while i < len(pieces) and len(names) < 2:
        if LEVEL_WEIGHT.match(squash(pieces[i].text)):
            if len(names) == 1:
                names[0] = WEIGHED + names[0]  # "满意度指标 （10 分）": a 一级 carries the points
            i += 1
            continue
        k = next((k for k in (3, 2, 1) if squash("".join(p.text for p in pieces[i:i + k])) in NAMES), 0)
        if k:
            names.append(squash("".join(p.text for p in pieces[i:i + k])))
            i += k
            continue
        first, _, rest = pieces[i].text.partition(" ")
        if squash(first) in NAMES and rest.strip():
            names.append(squash(first))
            pieces[i] = replace(pieces[i], text=rest.strip())
            continue
        break
    rest = [p for p in pieces[i:] if not LEVEL_WEIGHT.match(squash(p.text))]
    return names, rest


def _set_levels(form: LinearForm, names: list[str], pieces: list[TextLine]) -> None:
    """Two names: 一级, 二级. One: 一级 (then the first line is its 二级) or 二级 (its family's 一级)."""
    if len(names) == 2:
        form.level1, form.level2 = (name.removeprefix(WEIGHED) for name in names)
        return
    if not names:
        return
    weighed = names[0].startswith(WEIGHED)
    name = names[0].removeprefix(WEIGHED)
    if name in LEVEL1 and (name not in LEVEL2_FAMILY or not form.level1 or weighed):
        form.level1 = name
        if len(pieces) > 1:  # a new 一级 row always prints its 二级: here one not in the lexicon
            form.level2 = squash(pieces.pop(0).text)
        return
    form.level2 = name
    family = LEVEL2_FAMILY.get(name)
    if family is not None and form.level1 != family:
        form.level1 = family


def _joined(lines: list[TextLine]) -> str:
    return "".join(line.text for line in lines)
