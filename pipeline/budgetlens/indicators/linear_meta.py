"""The descriptive lines of a form printed as pdfminer text: "项目名称 X", tick boxes, funds, 总分, reasons.

pdfminer keeps "□" for an unticked box and drops the ticked glyph, so the option printed without
"□" is read as ticked (`inferred`). The funds row is the first line of four figures after
"预算执行情况" ("1397.58 2019.84 100% 20": A, B, B/A, score).
"""

from __future__ import annotations

import re

from budgetlens.indicators.lexicon import squash
from budgetlens.indicators.linear_cells import TextLine
from budgetlens.indicators.model import Amount, CheckboxField, Funds, Place, Project
from budgetlens.indicators.project import label_field
from budgetlens.numbers import parse_number

EMPTY_BOX = "□"
GLYPHS = re.compile("[□\ue000-\uf8ff]")  # the empty box, and the private-use glyph fonts draw a tick with
BOX_FIELDS = ("项目类别", "项目属性", "项目类型", "项目安排频度")
OPTION = re.compile(r"\d+\s*[、.．]\s*")
FUNDS_ROW = re.compile(r"^([\d.,]+)\s+([\d.,]+)\s+([\d.]+%?)\s+([\d.]+)\s*分?$")
TEXT_FIELDS = ("name", "department", "executor")
REASON_END = ("改进措施", "备注")
BLOCK_LABELS = ("偏差大或目标未完成原因分析", "改进措施及结果应用方案")


def read_meta_line(project: Project, lines: list[TextLine], i: int) -> int:
    """Read line i into the project when it says something about it; returns the next index."""
    line = lines[i]
    text = line.text.strip()
    key = squash(text)
    if key.startswith(BOX_FIELDS) and (EMPTY_BOX in text or OPTION.search(text)):
        project.checkboxes.append(text_to_checkboxes(text, Place(line=line.number)))
        return i + 1
    if key.startswith("总分"):
        project.total_score = parse_number(re.sub(r"[^\d.]", "", key))
        return i + 1
    if key.startswith(("偏差大或", "改进措施")):
        return _read_block(project, lines, i, "deviation_reason" if key.startswith("偏差") else "improvement")
    funds = FUNDS_ROW.match(text)
    if funds and project.funds is None:
        place = Place(line=line.number)
        budget, spent = (Amount(raw=funds.group(n), value=parse_number(funds.group(n)), unit="万元",
                                unit_inferred=True, place=place) for n in (1, 2))
        project.funds = Funds(budget=budget, spent=spent, rate=funds.group(3), score=parse_number(funds.group(4)),
                              place=place)
        project.year_budget = project.year_budget or budget
        return i + 1
    _labelled(project, text)
    return i + 1


def text_to_checkboxes(text: str, place: Place) -> CheckboxField:
    """"项目类别 1、部门预算项目□ 2、区级专项 3、专项转移支付项目□" → 区级专项 ticked (inferred)."""
    label, _, rest = text.strip().partition(" ")
    options = [part.strip() for part in OPTION.split(rest) if part.strip()]
    names = [GLYPHS.sub("", option).strip() for option in options]
    checked = [name for name, option in zip(names, options, strict=True) if EMPTY_BOX not in option]
    return CheckboxField(field=squash(label), options=names, checked=checked, inferred=True, place=place)


def _labelled(project: Project, text: str) -> None:
    """"主管部门 江岸区人民政府 项目实施单位 乡村振兴局": label, value, label, value."""
    words = text.split()
    pending: str | None = None
    for word in words:
        name = label_field(word)
        if name is not None:
            pending = name
        elif pending in TEXT_FIELDS and getattr(project, pending) is None:
            setattr(project, pending, word)
            pending = None


def _read_block(project: Project, lines: list[TextLine], i: int, field_name: str) -> int:
    """A label broken over lines ("偏差大或" / "目标未完成" / "原因分析") and the text after it."""
    label = next(full for full in BLOCK_LABELS if full.startswith(squash(lines[i].text)[:4]))
    joined, j = squash(lines[i].text), i + 1
    while j < len(lines) and label.startswith(joined + squash(lines[j].text)):
        joined, j = joined + squash(lines[j].text), j + 1
    start = j
    while j < len(lines) and not squash(lines[j].text).startswith(REASON_END):
        j += 1
    text = "".join(line.text.strip() for line in lines[start:j])
    if field_name == "deviation_reason" and text:
        project.deviation_reason = text
    elif text and project.improvement is None:
        project.improvement = text
    return max(j, i + 1)
