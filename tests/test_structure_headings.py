"""Headings by numbering; list items and sentences are not headings."""

from __future__ import annotations

import pytest

from budgetlens.structure.headings import is_toc_entry, match_heading

HEADINGS = [
    ("第一部分 江岸区人民政府办公室概况", 1, "第一部分"),
    ("第三部分 一般公共预算“三公”经费预算情况说明", 1, "第三部分"),
    ("一、收入支出决算总体情况说明", 2, "一"),
    ("十三、预算绩效情况说明", 2, "十三"),
    ("（一）一般公共预算财政拨款支出决算总体情况", 3, "一"),
    ("(二)公务接待费", 3, "二"),
    ("1. 一般公共服务支出", 4, "1"),
    ("（1）因公出国（境）费", 5, "1"),
]
NOT_HEADINGS = [
    "1、负责区人民政府及办公室收发文电的处理和日常事务工作。",  # a list item: ends like a sentence
    "（四）负责起草《政府工作报告》等重要综合性材料；围绕",  # semicolon inside: running text
    "1、一般公共服务支出(类)财政事务(款)行政运行(项)。年",  # a sentence starts in it
    "2023 年度收入合计 2019.84 万元",  # starts with a year, not a numbering
    "1.5万元用于网络维护",  # a decimal is not "1."
]


@pytest.mark.parametrize(("text", "level", "number"), HEADINGS)
def test_headings_numbering_gives_level(text: str, level: int, number: str) -> None:
    found = match_heading(text)
    assert found is not None
    assert (found.level, found.number) == (level, number)


@pytest.mark.parametrize("text", NOT_HEADINGS)
def test_headings_rejects_running_text(text: str) -> None:
    assert match_heading(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("一、收入支出决算总表.....	7", True), ("第一部分 武汉市武昌区人民政府办公室概况	4", True),
     ("一、收入支出决算总表", False)],
)
def test_headings_toc_entry(text: str, expected: bool) -> None:
    assert is_toc_entry(text) is expected
