"""Sentence bounds and offset → line lookup."""

from __future__ import annotations

from budgetlens.document import Line
from budgetlens.structure.sentences import Locator, sentence_bounds


def test_sentences_split_on_chinese_punctuation_only() -> None:
    text = "支出合计2019.84万元，增长0.04%。主要原因是缴纳社保费增加；详见表3。"
    parts = [text[s:e] for s, e in sentence_bounds(text)]
    assert parts == ["支出合计2019.84万元，增长0.04%。", "主要原因是缴纳社保费增加；", "详见表3。"]


def test_sentences_keep_closing_quote_and_offset() -> None:
    text = "  他说“完成了。”然后"
    assert sentence_bounds(text, offset=10) == [(12, 20), (20, 22)]


def test_locator_maps_offsets_to_lines_and_boxes() -> None:
    lines = [
        Line(id="l1", page=3, number=7, text="与 2022 年度相比，支出增加", bbox=(90, 100, 500, 112), start=0, end=15),
        Line(id="l2", page=3, number=8, text="73.61 万元。", bbox=(90, 115, 160, 127), start=15, end=24),
    ]
    span = Locator(lines).span(10, 22)
    assert (span.page, span.line) == (3, 7)
    assert span.bbox == (90, 100, 500, 127)
    assert Locator(lines).span(16, 20).line == 8
