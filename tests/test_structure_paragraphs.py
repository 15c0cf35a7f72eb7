"""Re-joining hard line breaks into paragraphs: on synthetic lines and on the pdfminer-style seed."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from budgetlens.analyze import analyze_file
from budgetlens.document import SourceFormat
from budgetlens.ingest.base import RawDocument, RawLine, RawPage
from budgetlens.structure.build import build_document
from tests.conftest import seed_path


def _document(lines: list[str], *, box_right: list[float] | None = None):
    raw_lines = [
        RawLine(text, page=1 if box_right else None, number=i + 1,
                bbox=(90.0, 20.0 * i, box_right[i], 20.0 * i + 12) if box_right else None, font_size=12)
        for i, text in enumerate(lines)
    ]
    return build_document(RawDocument(SourceFormat.TEXT, [RawPage(1 if box_right else None, raw_lines)]))


def test_paragraphs_rejoin_number_split_over_lines() -> None:
    doc = _document([
        "2023 年度财政拨款收入中，一般公共预算财政拨款收入",
        "2019.84 万元，比 2022 年度决算数增加 73.61 万元。主要原因",
        "是缴纳社保费和职业年金做实增加。",
        "（二）一般公共预算财政拨款支出决算结构情况",
    ])
    assert [p.kind for p in doc.paragraphs] == ["text", "heading"]
    assert "财政拨款收入2019.84 万元，比" in doc.paragraphs[0].text
    assert [s.text for s in doc.sentences][-1] == "主要原因是缴纳社保费和职业年金做实增加。"


def test_paragraphs_short_line_ends_paragraph_in_pdf() -> None:
    doc = _document(["公开咨询电话：02785481661", "第五部分 预算公开报表"], box_right=[300.0, 250.0])
    assert len(doc.paragraphs) == 2


def test_paragraphs_full_pdf_line_runs_on_and_keeps_line_offsets() -> None:
    doc = _document(["一般公共预算财政拨款支出增加 73.61 万元，主要", "原因是人员增加。"], box_right=[500.0, 200.0])
    assert len(doc.paragraphs) == 1
    second = doc.lines[1]
    assert doc.text[second.start:second.end] == "原因是人员增加。"
    assert doc.sentences[0].span.page == 1


def test_paragraphs_toc_is_not_a_section_tree() -> None:
    doc = _document(["目 录", "第一部分 概况", "第二部分 决算表", "第一部分 概况", "一、主要职能", "负责全区工作。"])
    assert [s.number for s in doc.sections] == ["第一部分"]
    assert doc.sections[0].children[0].title == "主要职能"


def test_paragraphs_toc_of_converter_text_ends_at_prose() -> None:
    # written for the test in the Shanghai budget layout: entries worded otherwise than the body's headings,
    # and no page to end the list — the first sentence of prose does
    doc = _document(["目 录", "一、部门主要职能", "四、部门预算编制说明", "五、部门预算表", "2025年部门预算编制说明",
                     "2025年，北湖区科学技术委员会收入预算3,815.50万元，比2024年预算执行数增加868.40万元。"])
    assert [p.kind for p in doc.paragraphs][-1] == "text"
    assert [s.text for s in doc.sentences][-1].endswith("增加868.40万元。")


@pytest.mark.shared
def test_paragraphs_seed001_no_sentence_split_inside_number_or_reason_cue() -> None:
    record = analyze_file(seed_path("001"))
    assert record.status == "ok"
    texts = [s.text for s in record.sentences]
    assert len(texts) > 150
    for before, after in pairwise(texts):
        assert not (re.search(r"[\d.,]$", before) and re.match(r"[\d.,%]", after)), (before, after)
        cue = (before + after).find("主要原因", max(len(before) - 3, 0))
        assert not (0 <= cue < len(before)), (before, after)
    reason = [t for t in texts if t.startswith("主要原因是缴纳社保费")]
    assert len(reason) >= 3
