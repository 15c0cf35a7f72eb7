"""Target cells → comparator, exact numbers, unit, qualitative word (annotations/indicators/GUIDELINE.md §3).

Every case is a cell printed in the seeds (000, 002, 003, 004) or the sample, with the reading the
guideline gives it.
"""

from __future__ import annotations

import pytest

from budgetlens.indicators.targets import is_figure, text_to_target, trailing_symbol

CASES = [
    # raw, comparator, numbers, unit
    ("≥1份", "≥", ["1"], "份"),
    ("=100%", "=", ["100"], "%"),
    ("≤千分之四", "≤", ["4"], "千分之"),
    ("97%-100%", "range", ["97", "100"], "%"),
    ("8-10家", "range", ["8", "10"], "家"),
    ("1个帮扶县，20个脱贫村，1个帮扶街道", None, ["1", "20", "1"], "个"),
    ("22个（1个帮扶县，20个脱贫村，1个帮扶街道）", None, ["22", "1", "20", "1"], "个"),
    ("3149.8万元", None, ["3149.8"], "万元"),
    ("≥30万人次", "≥", ["30"], "万人次"),
    ("<4680起", "<", ["4680"], "起"),
    ("8369.34平方米", None, ["8369.34"], "平方米"),
    ("每年至少2次", "≥", ["2"], "次"),
    ("每年12次", None, ["12"], "次"),
    ("≥2次/年", "≥", ["2"], "次/年"),
    ("1 次/天", None, ["1"], "次/天"),
    ("调解成功率90%以上", "≥", ["90"], "%"),
    ("每月至少 3 次", "≥", ["3"], "次"),
    ("每月两次", None, ["2"], "次"),
    ("一周内", "≤", ["1"], "周"),
    ("24小时内", "≤", ["24"], "小时"),
    ("10家≥", "≥", ["10"], "家"),
    ("≧95%", "≥", ["95"], "%"),
    ("≦365 天", "≤", ["365"], "天"),
    ("2.95万", None, ["2.95"], "万"),
    ("≥90", "≥", ["90"], None),
    ("≥1,600TB", "≥", ["1600"], "TB"),
    ("≥13459.00(平方米)", "≥", ["13459.00"], "平方米"),
    ("全年认真组织召开至少20 次政府常务会议", "≥", ["20"], "次"),
]
QUALITATIVE = ["及时", "得到提升", "显著改 善", "12月31日之前完成", "2023 年完成拨付",
               "PM2.5 不高于全市平均值或高于等于上年值", "认真撰写 2023 年度《政府工作报告》。"]


@pytest.mark.parametrize(("raw", "comparator", "numbers", "unit"), CASES)
def test_targets_read_comparator_numbers_unit(raw: str, comparator: str | None, numbers: list[str],
                                              unit: str | None) -> None:
    value = text_to_target(raw)
    assert (value.comparator, [str(n) for n in value.numbers], value.unit) == (comparator, numbers, unit)
    assert value.raw == raw
    assert not value.qualitative


@pytest.mark.parametrize("raw", QUALITATIVE)
def test_targets_without_a_quantity_are_qualitative(raw: str) -> None:
    value = text_to_target(raw)
    assert value.qualitative
    assert value.numbers == []
    assert value.comparator is None
    assert value.word == "".join(raw.split())


@pytest.mark.parametrize(("raw", "placeholder"), [("", False), ("-", False), (".....", True)])
def test_targets_empty_cells_are_neither_numbers_nor_words(raw: str, placeholder: bool) -> None:
    value = text_to_target(raw)
    assert not value.qualitative
    assert value.numbers == []
    assert value.unit is None
    assert value.placeholder is placeholder


def test_targets_actual_values_never_carry_a_comparator() -> None:
    assert text_to_target("≥300万元", actual=True).comparator is None
    assert text_to_target("≥300万元", actual=True).numbers == text_to_target("≥300万元").numbers


@pytest.mark.parametrize(("raw", "expected"), [("10家≥", True), ("≥10家", False), ("≥1", False), ("30%≤", True)])
def test_targets_trailing_symbol_is_the_malformed_order(raw: str, expected: bool) -> None:
    assert trailing_symbol(raw) is expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("≥30个", True), ("90%以上", True), ("办理完成区人大政协议提案 354件。", False), ("资金拨付率达100%", False)])
def test_targets_figures_are_told_from_sentences(raw: str, expected: bool) -> None:
    assert is_figure(text_to_target(raw)) is expected
