"""What the NLP stage finds in narrative text: amounts, and numbers that are not amounts.

Both are frozen pydantic models (the same base as `budgetlens.document`), so they go
into the output record and the JSON Schema as they are, and round-trip through a saved
spaCy `Doc` (see `extensions.py`). Offsets: `start_char`/`end_char` index `doc.text`;
`start`/`end` are the token span `doc[start:end]` (None when found in a plain string).
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import Literal

from pydantic import ConfigDict

from budgetlens.document import Model

Comparator = Literal["≥", "≤", ">", "<", "="]


class AmountKind(str, Enum):
    MONEY = "money"  # 元 / 万元 / 亿元 (and a bare 万 after a fee: "6.64万")
    PERCENT = "percent"  # %, 百分之…, 个百分点
    COUNT = "count"  # 个 人 次 家 平方米 … (any measure word)
    RATIO = "ratio"  # ‰, 千分之…, 倍
    RANGE = "range"  # "8-10家", "97%-100%": see `range_of`
    NUMBER = "number"  # no unit but a comparator: "≥90", "投入产出比 ≥1"


class MarkKind(str, Enum):
    """Numbers that look like amounts but are not: the classic false positives."""

    YEAR = "year"  # 2024年, 2024年度, 2021-2023年, 二〇二四年
    DATE = "date"  # 12月31日, 1-7月, 2023-12-31
    CODE = "code"  # 2010301, 430050, project codes: a bare integer of 5+ digits
    PHONE = "phone"  # 027-84870307, 13912345678, 8 digits after 联系电话
    DOC_NUMBER = "doc_number"  # 财预〔2016〕143号
    SECTION_NUMBER = "section_number"  # 一、 1. （一） (1) ①
    ROW_NUMBER = "row_number"  # 27行, 1栏
    ORDINAL = "ordinal"  # 第一部分, 第3行
    NUMBER = "number"  # a bare number without unit or comparator


class _Frozen(Model):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Amount(_Frozen):
    """A quantity stated in the text. The sign is as printed: "减少 8.45 万元" is +8.45."""

    kind: AmountKind
    text: str  # the whole expression, comparator and approximation words included
    start_char: int
    end_char: int
    start: int | None = None  # token span in the Doc
    end: int | None = None
    core_start: int | None = None  # the quantity alone, without 约/左右/以上 around it: "100万元" of
    core_end: int | None = None  # "单价100万元（含）以上设备" (None: the whole text)
    number_text: str  # the figure as printed: "4,407.79", "九十五", "１２３．４５"
    value: Decimal  # exact, in `unit` (low end for a range)
    value_high: Decimal | None = None  # high end of a range
    range_of: AmountKind | None = None  # kind of both ends when kind is RANGE
    unit: str | None = None  # as printed, normalised: "万元", "%", "人次", "万平方米"
    base_unit: str | None = None  # without the magnitude: "元", "平方米"
    scale: Decimal = Decimal(1)  # the magnitude: 万 → 10000
    per: str | None = None  # "人" in "1000元/人", "年" in "≥2次/年"
    yuan: Decimal | None = None  # money only: value × scale, in 元 (low end for a range)
    decimals: int = 0  # decimals shown: the precision for rounding checks
    comparator: Comparator | None = None  # ≥ ≤ > < =, also from 以上/不低于/至少/…
    approx: bool = False  # 约, 近, 多, 余, 左右 …
    pattern: str  # which named pattern found it (provenance)


class NumberMark(_Frozen):
    """A number that is not an amount (year, code, section number …), kept so it is not lost."""

    kind: MarkKind
    text: str
    start_char: int
    end_char: int
    start: int | None = None
    end: int | None = None
    value: int | None = None  # the year, section, row or ordinal number where there is one
    pattern: str


ClaimKind = Literal["figure", "change", "budget_vs_actual", "share", "breakdown"]
Role = Literal["current", "prior", "delta", "pct", "budget", "actual", "completion", "share", "total"]
Direction = Literal["增加", "减少", "增长", "下降", "持平", "大于", "小于", "等于"]


class ClaimValue(_Frozen):
    role: Role
    amount: int  # index into doc._.amounts


class Claim(_Frozen):
    """A statement of fact in one sentence: a figure, a change, budget vs actual, a share, a breakdown.

    Context the sentence does not hold is left open and marked, for the document stage to
    fill: `subject` None (read it from the item heading or the sentence before), `year` None
    (the document's year), `prior_is_previous_year` (上年 → year − 1).
    """

    kind: ClaimKind
    subject: str | None
    start_char: int  # the part of the sentence that states the claim
    end_char: int
    values: list[ClaimValue]
    direction: Direction | None = None
    year: int | None = None  # stated in the sentence
    prior_year: int | None = None  # stated in the sentence ("与2022年度相比")
    prior_is_previous_year: bool = False  # "比上年…", "与上年度相比"
    restated: bool = False  # "决算数小于预算数的主要原因…": restates a comparison to give its reason


class Reason(_Frozen):
    """A cause (主要原因是…) or purpose (主要用于…); `explains` indexes doc._.claims."""

    cue: str
    type: Literal["cause", "purpose"]
    start_char: int  # the cue's first character
    text_start: int  # the reason text, after the cue
    end_char: int
    text: str
    explains: int | None = None
    explains_previous: bool = False  # no claim before it in the sentence: it explains the sentence before
    after_change: bool = False  # its cue (主要是) makes it a reason only where it explains a change
