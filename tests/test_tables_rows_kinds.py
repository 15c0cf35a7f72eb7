"""Row labels normalised and row kinds, on labels as printed in the corpus."""

from __future__ import annotations

import pytest

from budgetlens.tables.model import RowKind
from budgetlens.tables.rows import normalise_label, row_kind

HEADER = frozenset({"项目", "科目编码", "科目名称", "合计", "基本支出", "项目支出", "栏次"})


@pytest.mark.parametrize(("raw", "text", "outline", "of_which"), [
    ("一、一般公共预算财政拨款收入", "一般公共预算财政拨款收入", 1, False),
    ("二十一、国有资本经营预算支出", "国有资本经营预算支出", 1, False),
    ("（一）一般公共预算拨款", "一般公共预算拨款", 2, False),
    ("1.一般公共预算", "一般公共预算", 3, False),
    ("1、一般公共预算资金", "一般公共预算资金", 3, False),
    ("其中：动用上年结转和结余资金", "动用上年结转和结余资金", None, True),
    ("政府办公厅（室） 及相关机构事务", "政府办公厅(室)及相关机构事务", None, False),
    ("1.5万元以上设备", "1.5万元以上设备", None, False),  # a decimal is not list numbering
])
def test_labels_lose_numbering_spaces_and_of_which(raw: str, text: str, outline: int | None, of_which: bool) -> None:
    label = normalise_label(raw)
    assert (label.text, label.outline, label.of_which) == (text, outline, of_which)


@pytest.mark.parametrize(("label", "texts", "has_values", "kind"), [
    ("合计", ["合计", "5,102.22"], True, RowKind.TOTAL),
    ("本年收入合计", ["本年收入合计", "27", "2019.84"], True, RowKind.TOTAL),
    ("收入总计", ["收入总计", "189,767,551"], True, RowKind.TOTAL),
    ("人员经费合计", ["人员经费合计", "2,152.26"], True, RowKind.TOTAL),
    ("本年支出", ["一、本年支出", "4,407.79"], True, RowKind.TOTAL),  # seed 000 财政拨款收支预算总表
    ("合计", ["合计"], False, RowKind.TOTAL),  # an empty table still prints its total row
    ("当年收入小计", ["当年收入小计", "10,150.48"], True, RowKind.SUBTOTAL),
    ("一般公共预算资金/小计", ["一般公共预算资金", "小计", "10,070.48"], True, RowKind.SUBTOTAL),
    ("行政运行", ["2010301", "行政运行", "982.79"], True, RowKind.ITEM),
    ("无", ["无"], False, RowKind.NOTE),
    ("", ["科目编码", "科目名称", "合计"], False, RowKind.HEADER_LEAK),  # header repeated after a page break
    ("", ["栏次", "1", "2", "3"], False, RowKind.HEADER_LEAK),
])
def test_row_kinds(label: str, texts: list[str], has_values: bool, kind: RowKind) -> None:
    assert row_kind(label, texts, has_values, HEADER) == kind
