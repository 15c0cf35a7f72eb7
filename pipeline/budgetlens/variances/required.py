"""Whether a variance needs a reason (DOMAIN §4), and how large it is.

The rules name lines, not sizes: 收支总体, 财政拨款, 类/款/项 lines of the function
classification (决算: per 项 against 年初/全年预算), "三公" items, 机关运行经费, 政府采购; and in a
budget (预算) document every year-on-year change the text states. On those lines any difference
beyond rounding needs a reason — there is no national threshold. The threshold here (default
10%) is our convention and only ranks severity (`size`: minor below it, major at or above).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from budgetlens.link.subjects import normalise, subject_to_line
from budgetlens.variances.model import SizeClass, VarianceKind

SEVERITY_THRESHOLD = Decimal(10)  # percent; our convention [C], not a national rule
THRESHOLD_NOTE = "规模分级阈值（默认10%）为本工具约定，并非国家规定，仅用于排序；是否须说明原因不取决于它"
RATE_PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class LineRule:
    line: str  # what kind of line
    rule: str  # the DOMAIN §4 rule, as a fiscal analyst names it


# Lines named by words the table-line grammar (link/subjects.py) does not know, first match wins.
WORD_LINES: tuple[tuple[str, LineRule], ...] = (
    (r"机关运行经费", LineRule("admin_cost", "机关运行经费增减变化")),
    (r"政府采购", LineRule("procurement", "政府采购增减变化")),
    (r"^(部门|单位)?(收支|收入|支出)(总预算|预算总计|预算)$|^收入支出预算总计$|^收,?支预算总计$|收入,支出预算总计$",
     LineRule("total", "收支总体增减变化")),
    (r"^(财政拨款|一般公共预算(财政)?拨款)(收入|支出)(预算)?(收入|支出)?$|^财政拨款收入支出$|一般公共预算财政拨款支出预算$"
     r"|^一般公共预算(财政)?拨款$|^一般公共预算(收入|支出)(预算)?$",
     LineRule("fiscal", "财政拨款收支增减变化")),
    # the two parts every 支出 total is stated in (DOMAIN §2: 合计 = 基本支出 + 项目支出): their changes are the
    # 收支增减变化 told part by part, and the gold asks a reason for them (guidelines §3)
    (r"^(基本支出|项目支出)(预算|决算)?数?$", LineRule("total", "收支总体增减变化（基本支出/项目支出）")),
)
# The 类 of the function classification (政府收支分类科目, 支出功能分类; older names too), named without their
# "（类）" mark ("其中：一般公共服务支出增加52.36万元"): a function line all the same. 其他支出 is left out (it is
# also an economic-classification line).
CLASS_NAMES = re.compile(
    r"(?:一般公共服务|外交|国防|公共安全|教育|科学技术|文化旅游体育与传媒|文化体育与传媒|社会保障和就业|卫生健康"
    r"|医疗卫生与计划生育|医疗卫生|节能环保|城乡社区|农林水|交通运输|资源勘探工业信息等|资源勘探信息等|商业服务业等"
    r"|金融|援助其他地区|自然资源海洋气象等|国土海洋气象等|住房保障|粮油物资储备|灾害防治及应急管理|债务付息"
    r"|债务发行费用)支出")
TOTAL_LINES = frozenset({"grand_total", "income_total", "spending_total"})
FUNCTION_TAIL = re.compile(r"(预算)?支出(预算)?$")
FUNCTION_LEVEL = re.compile(r"[(（]\d*(类|款|项)[)）]")


@dataclass(frozen=True)
class Settings:
    """How variances are ranked; the threshold changes `size` only, never `needs_reason`."""

    threshold: Decimal = SEVERITY_THRESHOLD


def line_rule(subject: str) -> LineRule | None:
    """The covered line a subject names, with the rule that asks for a reason; None for other lines."""
    text = normalise(subject)
    if not text:  # "“三公”经费财政拨款支出决算数与2023年度": nothing after the year to read
        return LineRule("three_public", "“三公”经费增减变化") if "三公" in subject else None
    named = subject_to_line(subject) or subject_to_line(FUNCTION_TAIL.sub("", text))
    if (named is not None and named.kind == "function") or CLASS_NAMES.fullmatch(text):
        return LineRule("function", "功能分类科目预决算增减变化")
    if named is not None and named.kind == "three_public":
        return LineRule("three_public", "“三公”经费增减变化")
    if named is not None and named.kind == "total_line" and named.line in TOTAL_LINES:
        return LineRule("total", "收支总体增减变化") if named.scope == "all" else \
            LineRule("fiscal", "财政拨款收支增减变化")
    return next((rule for pattern, rule in WORD_LINES if re.search(pattern, text)), None)


def budget_change_rule(kind: VarianceKind, has_money: bool) -> LineRule | None:
    """A budget document's stated year-on-year change of money: the text chose to compare, so it explains."""
    return LineRule("stated_change", "预算年度增减变化") if kind == "change" and has_money else None


def rounding_limit(decimals: int, mixed_precision: bool) -> Decimal:
    """A difference below this is what printing explains: two figures of the same precision that
    differ at all differ for real; one converted or shown coarser may differ by its half unit."""
    return Decimal(5).scaleb(-decimals - 1) * 2 if mixed_precision else Decimal(0)


def size_class(difference: Decimal | None, rate: Decimal | None, base: Decimal | None, limit: Decimal,
               settings: Settings) -> SizeClass:
    """flat / rounding / minor / major by the threshold; a change from a zero base is major."""
    if difference is None:
        return "unknown"
    if difference == 0:
        return "flat"
    if abs(difference) <= limit:
        return "rounding"
    if base == 0:
        return "major"
    if rate is None:
        return "unknown"
    return "major" if abs(rate) >= settings.threshold else "minor"


def rate_of(difference: Decimal | None, base: Decimal | None) -> Decimal | None:
    """difference ÷ base × 100, to 4 decimals; None for a zero or unknown base (no rate exists)."""
    if difference is None or base is None or base == 0:
        return None
    return (difference / base * 100).quantize(RATE_PLACES)
