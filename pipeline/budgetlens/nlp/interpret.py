"""One grammar match → an `Amount` or a `NumberMark` (the validate step a regex cannot do).

Pure functions over `re.Match` objects from `Grammar.regex`: exact values (Decimal),
units and magnitudes, comparators, approximation, range checks, and the classification
of bare numbers (phone, code, plain number) by shape and context words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from budgetlens.nlp.grammar import CompiledPattern, Grammar, Lexicon
from budgetlens.nlp.numerals import cn_to_int
from budgetlens.nlp.types import Amount, AmountKind, MarkKind, NumberMark
from budgetlens.numbers import decimals_shown, normalize_width, parse_number

Item = Amount | NumberMark
TokenSpan = tuple[int, int] | None
_VALUED_MARKS = frozenset({MarkKind.YEAR, MarkKind.SECTION_NUMBER, MarkKind.ROW_NUMBER, MarkKind.ORDINAL})
_AMOUNT_KINDS = frozenset(kind.value for kind in AmountKind)


@dataclass(frozen=True)
class _Unit:
    kind: AmountKind
    unit: str | None
    base_unit: str | None
    scale: Decimal


def _group(m: re.Match[str], pattern: CompiledPattern, name: str) -> str | None:
    index = pattern.groups.get(name)
    return None if index is None else m.group(index)


def number_value(text: str, lex: Lexicon) -> tuple[Decimal, int] | None:
    """Exact value and decimals shown, for Arabic ("4,407.79", "１２３．４５") or Chinese numerals."""
    value = parse_number(text)
    if value is not None:
        return value, decimals_shown(text)
    cn = cn_to_int(text, lex)
    return None if cn is None else (Decimal(cn), 0)


def _unit(m: re.Match[str], pattern: CompiledPattern, lex: Lexicon, suffix: str = "") -> _Unit:
    frac = _group(m, pattern, "frac")
    if frac:
        word = lex.fractions[frac]
        return _Unit(AmountKind(word.kind), word.unit, word.unit, Decimal(1))
    mag = _group(m, pattern, "mag" + suffix) or ""
    scale = lex.magnitudes[mag] if mag else Decimal(1)
    unit = _group(m, pattern, "unit" + suffix)
    if unit:
        base = lex.unit_aliases.get(unit, unit)
        return _Unit(AmountKind(lex.unit_kind(base)), mag + base, base, scale)
    if mag:  # "6.64万": a fee written without 元
        return _Unit(AmountKind(pattern.kind), mag, "元", scale)
    kind = AmountKind(pattern.kind) if pattern.kind in _AMOUNT_KINDS else AmountKind.NUMBER  # "增长13.95"
    return _Unit(kind, None, None, scale)


def is_chinese_numeral(number: str) -> bool:
    """"二", "一百" — not "12", "１２" (full-width digits are digits)."""
    return not any(ch.isdigit() for ch in number)


def _comparator(m: re.Match[str], pattern: CompiledPattern, lex: Lexicon) -> str | None:
    before, after = _group(m, pattern, "cmp_pre"), _group(m, pattern, "cmp_post")
    if before:
        return lex.comparators_before[before]
    return lex.comparators_after[after] if after else None


def _core(m: re.Match[str], pattern: CompiledPattern) -> tuple[int, int]:
    """The quantity without the comparator and approximation words printed around it (GUIDELINE §4:
    "约900件" → "900件", "20件左右" → "20件"; words inside such as 余/多 stay)."""
    start = min((m.start(pattern.groups[g]) for g in ("frac", "num") if _group(m, pattern, g)), default=m.start())
    end = min((m.start(pattern.groups[g]) for g in ("cmp_post", "approx_post") if _group(m, pattern, g)),
              default=m.end())
    while end > start and m.string[end - 1].isspace():
        end -= 1
    return start, end


def _approx(m: re.Match[str], pattern: CompiledPattern) -> bool:
    return any(_group(m, pattern, g) for g in ("approx_pre", "approx_in", "approx_in2", "approx_post"))


def _high(m: re.Match[str], pattern: CompiledPattern, lex: Lexicon, low: Decimal, unit: _Unit) -> Decimal | None:
    """The high end of a range, or None when the two ends do not make one (10-3家, 5%-8家)."""
    high = number_value(_group(m, pattern, "num_hi") or "", lex)
    if high is None or high[0] < low:
        return None
    unit_lo = _group(m, pattern, "unit_lo")
    if unit_lo and AmountKind(lex.unit_kind(lex.unit_aliases.get(unit_lo, unit_lo))) != unit.kind:
        return None
    return high[0]


def match_to_amount(m: re.Match[str], pattern: CompiledPattern, grammar: Grammar, tokens: TokenSpan) -> Item | None:
    lex = grammar.lexicon
    num_text = _group(m, pattern, "num") or ""
    parsed = number_value(num_text, lex)
    if parsed is None:
        return None
    value, decimals = parsed
    unit = _unit(m, pattern, lex)
    if is_chinese_numeral(num_text) and unit.kind.value not in lex.cn_amount_kinds:
        return match_to_mark(m, MarkKind.NUMBER, pattern.name, grammar, tokens)  # GUIDELINE §4: 二期, 两个
    high = _high(m, pattern, lex, value, unit) if pattern.groups.get("num_hi") else None
    if pattern.groups.get("num_hi") and high is None:
        return _demote_range(m, pattern, grammar, tokens)
    core_start, core_end = _core(m, pattern)
    return Amount(
        kind=AmountKind.RANGE if high is not None else unit.kind,
        text=m.group(),
        start_char=m.start(),
        end_char=m.end(),
        core_start=core_start,
        core_end=core_end,
        start=tokens[0] if tokens else None,
        end=tokens[1] if tokens else None,
        number_text=num_text,
        value=value,
        value_high=high,
        range_of=unit.kind if high is not None else None,
        unit=unit.unit,
        base_unit=unit.base_unit,
        scale=unit.scale,
        per=_group(m, pattern, "per"),
        yuan=value * unit.scale if unit.kind is AmountKind.MONEY else None,
        decimals=decimals,
        comparator=_comparator(m, pattern, lex),
        approx=_approx(m, pattern),
        pattern=pattern.name,
    )


def _demote_range(m: re.Match[str], pattern: CompiledPattern, grammar: Grammar, tokens: TokenSpan) -> Item | None:
    """Not a range ("3717-15万元" is a subtraction): keep the right-hand quantity only."""
    start = m.start(pattern.groups["num_hi"])
    sub = grammar.regex.match(m.string, start, m.end())
    if sub is None or sub.end() != m.end() or sub.lastgroup == pattern.name:
        return None
    return match_to_item(sub, grammar, tokens)


def match_to_mark(m: re.Match[str], kind: MarkKind, pattern: str, grammar: Grammar, tokens: TokenSpan) -> NumberMark:
    value = None
    if kind in _VALUED_MARKS:
        first = grammar.first_number.search(m.group())
        if first:
            digits = normalize_width(first.group())
            value = int(digits) if digits.isdigit() else cn_to_int(digits, grammar.lexicon)
    return NumberMark(
        kind=kind,
        text=m.group(),
        start_char=m.start(),
        end_char=m.end(),
        start=tokens[0] if tokens else None,
        end=tokens[1] if tokens else None,
        value=value,
        pattern=pattern,
    )


def bare_kind(m: re.Match[str], number: str, lex: Lexicon) -> MarkKind:
    """A number without unit: a phone number near 电话, a code when long, else just a number."""
    digits = normalize_width(number)
    if not digits.isdigit():
        return MarkKind.NUMBER
    before = m.string[max(0, m.start() - lex.phone_context_window) : m.start()]
    if 7 <= len(digits) <= 12 and any(word in before for word in lex.phone_context):
        return MarkKind.PHONE
    return MarkKind.CODE if len(digits) >= lex.code_min_digits else MarkKind.NUMBER


def match_to_item(m: re.Match[str], grammar: Grammar, tokens: TokenSpan = None) -> Item | None:
    """Dispatch on the pattern that matched; None when a validate step rejects the match."""
    pattern = grammar.patterns[m.lastgroup or ""]
    if pattern.role == "amount" or (pattern.role == "bare" and _group(m, pattern, "cmp_pre")):
        return match_to_amount(m, pattern, grammar, tokens)
    if pattern.role == "mark":
        return match_to_mark(m, MarkKind(pattern.kind), pattern.name, grammar, tokens)
    kind = bare_kind(m, _group(m, pattern, "num") or "", grammar.lexicon)
    return match_to_mark(m, kind, pattern.name, grammar, tokens)


def text_to_items(text: str, grammar: Grammar) -> list[Item]:
    """Every amount and mark in a plain string (a table cell, a sentence) without spaCy."""
    found = (match_to_item(m, grammar) for m in grammar.regex.finditer(text))
    return [item for item in found if item is not None]
