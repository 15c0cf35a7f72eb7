"""A target cell → comparator, exact numbers, unit, or a qualitative word.

    text_to_target("≥95%")            → ≥, [95], %
    text_to_target("8-10家")          → range, [8, 10], 家
    text_to_target("≤千分之四")        → ≤, [4], 千分之
    text_to_target("每年至少2次")      → ≥, [2], 次
    text_to_target("12月31日之前完成")  → qualitative (a date is not a quantity)

Years, dates and names with digits (PM2.5) are masked first: they are not quantities.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetlens.indicators.lexicon import (
    AT_LEAST_SUFFIX,
    AT_LEAST_WORDS,
    AT_MOST_SUFFIX,
    AT_MOST_WORDS,
    CHINESE_DIGITS,
    EMPTY_TARGETS,
    MEASURE_WORDS,
    NOT_QUANTITY,
    PER_PERIOD,
    PERMILLE_WORD,
    PLACEHOLDER,
    SYMBOLS,
    UNITS,
)
from budgetlens.indicators.model import Comparator, TargetValue
from budgetlens.numbers import normalize_width

ARABIC = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
CHINESE = re.compile(r"[零一二两三四五六七八九十]+")
RANGE = re.compile(r"\d(?:\.\d+)?\s*(?:%|[^\d\s\-~～至到]{0,3})?\s*[-－~～至到]\s*\d")
BRACKETED_UNIT = re.compile(r"^[(（]([^()（）]{1,4})[)）]")
RANGE_GAP = re.compile(r"^\s*[-－~～至到]\s*$")
SYMBOL = re.compile("|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True)))
TRAILING_PUNCT = "。.；;，,、 "
FIGURE_WORDS = 2  # characters besides number, unit and comparator a figure may carry ("约", "以上")


def text_to_target(raw: str, *, actual: bool = False) -> TargetValue:
    """Read one target (or, with `actual`, an actual value: never a comparator)."""
    compact = "".join(normalize_width(raw).split())
    if compact in EMPTY_TARGETS or PLACEHOLDER.match(compact):
        return TargetValue(raw=raw, placeholder=bool(PLACEHOLDER.match(compact)))
    masked = NOT_QUANTITY.sub(lambda m: "#" * len(m.group()), compact)
    found = _quantities(masked)
    if not found:
        return TargetValue(raw=raw, qualitative=True, word="".join(raw.split()))
    numbers = [value for _, _, value in found]
    unit = _unit_after(masked, found[0])
    if unit is None and len(found) > 1 and RANGE_GAP.match(masked[found[0][1]:found[1][0]]):
        unit = _unit_after(masked, found[1])  # "8-10家": the unit is printed once, after the range
    comparator = None if actual else _comparator(masked)
    return TargetValue(raw=raw, comparator=comparator, numbers=numbers, unit=unit)


def _quantities(text: str) -> list[tuple[int, int, Decimal]]:
    """(start, end, value) of every quantity: Arabic numbers, 千分之N, and Chinese numerals before a measure."""
    found = [(m.start(), m.end(), Decimal(m.group().replace(",", ""))) for m in ARABIC.finditer(text)]
    for m in CHINESE.finditer(text):
        permille = text[max(0, m.start() - len(PERMILLE_WORD)):m.start()] == PERMILLE_WORD
        if permille or text.startswith(MEASURE_WORDS, m.end()):
            value = _chinese_value(m.group())
            if value is not None:
                found.append((m.start(), m.end(), Decimal(value)))
    return sorted(found, key=lambda item: item[0])


def _chinese_value(numeral: str) -> int | None:
    """一 … 九十九: enough for targets written in words ("每月两次", "千分之四")."""
    if "十" not in numeral:
        return CHINESE_DIGITS.get(numeral) if len(numeral) == 1 else None
    tens, _, ones = numeral.partition("十")
    high = CHINESE_DIGITS.get(tens, 0) if tens else 1
    low = CHINESE_DIGITS.get(ones, 0) if ones else 0
    return high * 10 + low


def _unit_after(text: str, first: tuple[int, int, Decimal]) -> str | None:
    start, end, _ = first
    if text[max(0, start - len(PERMILLE_WORD)):start] == PERMILLE_WORD:
        return PERMILLE_WORD
    rest = text[end:]
    bracketed = BRACKETED_UNIT.match(rest)  # Shanghai forms: "≥13459.00(平方米)", "=100.00(%)"
    if bracketed and bracketed.group(1) in UNITS:
        return bracketed.group(1)
    unit = next((u for u in UNITS if rest.startswith(u)), None)
    if unit is None:
        return None
    period = PER_PERIOD.match(rest[len(unit):])
    return unit + period.group() if period else unit


def _comparator(text: str) -> Comparator | None:
    """A printed symbol first (also after the number: "10家≥"), then a range, then words."""
    symbol = SYMBOL.search(text)
    if symbol:
        return SYMBOLS[symbol.group()]  # type: ignore[return-value]
    if RANGE.search(text):
        return "range"
    stripped = text.rstrip(TRAILING_PUNCT)
    if any(word in text for word in AT_LEAST_WORDS) or stripped.endswith(AT_LEAST_SUFFIX):
        return "≥"
    if any(word in text for word in AT_MOST_WORDS) or stripped.endswith(AT_MOST_SUFFIX):
        return "≤"
    return None


def trailing_symbol(raw: str) -> bool:
    """"10家≥": the comparator printed after the quantity (malformed_target)."""
    compact = "".join(normalize_width(raw).split()).rstrip(TRAILING_PUNCT)
    return bool(ARABIC.search(compact)) and compact[-1:] in "≥≤><=≧≦" and not SYMBOL.match(compact)


def is_figure(value: TargetValue) -> bool:
    """A target that is a figure ("≥30个", "98%", "2.95万"), not a sentence that contains one."""
    words = ARABIC.sub("", "".join(normalize_width(value.raw).split()))
    for unit in (value.unit or "", *SYMBOLS, "-", "~", "至"):
        words = words.replace(unit, "")
    return bool(value.numbers) and len(words) <= FIGURE_WORDS
