"""Full classification codes rebuilt from the ways PDFs print them, and their levels."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens.document import Cell
from budgetlens.tables.codes import is_code_column, level_of, rebuild_codes, split_label_code
from budgetlens.tables.model import CodeSystem, Level


def codes(*rows: tuple[str, ...]) -> list[str | None]:
    return [r.code if r else None for r in rebuild_codes(rows)]


@pytest.mark.parametrize(("rows", "expected"), [
    # printed whole (seed 001 支出决算表)
    ((("201",), ("20103",), ("2010301",), ("208",)), ["201", "20103", "2010301", "208"]),
    # 类 | 款 | 项 columns, all filled (Shanghai 部门预算)
    ((("204", "", ""), ("204", "06", ""), ("204", "06", "01")), ["204", "20406", "2040601"]),
    # parent left blank below its first row
    ((("201", "", ""), ("", "06", ""), ("", "", "01"), ("", "", "02"), ("", "07", "")),
     ["201", "20106", "2010601", "2010602", "20107"]),
    # wanli 2024 p.29: 款 printed "2" for "02"
    ((("301", ""), ("301", "2")), ["301", "30102"]),
    # one column, bare two-digit suffixes under the printed parent
    ((("201",), ("03",), ("01",), ("02",)), ["201", "20103", "2010301", "2010302"]),
    # economic codes stop at 款: a suffix after a 款 is its sibling
    ((("302",), ("01",), ("02",)), ["302", "30201", "30202"]),
    # header words left in the code columns of a body row ("类 | 款 | 项 | 合计 …"): no code
    ((("类", "款", "项"), ("201", "", "")), [None, "201"]),
    # a suffix with nothing above it cannot be placed
    ((("06",),), [None]),
])
def test_codes_are_rebuilt(rows: tuple[tuple[str, ...], ...], expected: list[str | None]) -> None:
    assert codes(*rows) == expected


@pytest.mark.parametrize(("code", "system", "level"), [
    ("201", CodeSystem.FUNCTION, Level.CLASS),
    ("20103", CodeSystem.FUNCTION, Level.SECTION),
    ("2010301", CodeSystem.FUNCTION, Level.ITEM),
    ("208099", CodeSystem.FUNCTION, None),  # seed 001 prints this irregular code: no level is guessed
    ("30217", CodeSystem.ECONOMIC, Level.SECTION),
    ("104001", CodeSystem.UNIT, None),
])
def test_level_follows_the_code_length(code: str, system: CodeSystem, level: Level | None) -> None:
    assert level_of(code, system) == level


@pytest.mark.parametrize(("text", "expected"), [
    ("2010301 行政运行", ("2010301", "行政运行")),
    ("[30231]公务用车运行维护费", ("30231", "公务用车运行维护费")),
    ("2023年度决算", (None, "2023年度决算")),  # a year is not a code
    ("行政运行", (None, "行政运行")),
])
def test_label_and_code_printed_in_one_cell_are_split(text: str, expected: tuple[str | None, str]) -> None:
    assert split_label_code(text) == expected


def column(*texts: str, values: bool = False) -> list[Cell]:
    return [Cell(row=i, col=0, text=t, value=Decimal(t.replace(",", "")) if values and t else None)
            for i, t in enumerate(texts)]


@pytest.mark.parametrize(("cells", "is_code"), [
    (column("201", "20103", "2010301"), True),
    (column("", "06", "06", "05"), True),  # a 款 column
    (column("1", "2", "3", "4", "5"), False),  # 行次 / 序号
    (column("31", "32", "33", "34"), False),  # 行次 of the spending side
    (column("1,102.31", "982.79"), False),
    (column("0", "0", "0", values=True), False),  # zero amounts in a 元 table
    (column("201", "20103", values=True), True),  # a reader that gave the codes a value
    (column("合计", "一般公共服务支出", "外交支出"), False),
])
def test_code_columns_are_told_from_counts_and_amounts(cells: list[Cell], is_code: bool) -> None:
    assert is_code_column(cells) is is_code
