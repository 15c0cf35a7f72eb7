"""Chinese numerals → integers: 九十五 → 95, 一万二千 → 12000, 二〇二四 → 2024.

The character values come from the lexicon (cn_digits, cn_multipliers, cn_sections),
so this module holds the algorithm only.
"""

from __future__ import annotations

from budgetlens.nlp.grammar import Lexicon


def _positional(text: str, digits: dict[str, int]) -> int:
    """二〇二四 → 2024: digit by digit, as years and codes are written."""
    value = 0
    for ch in text:
        value = value * 10 + digits[ch]
    return value


def cn_to_int(text: str, lex: Lexicon) -> int | None:
    """The value of a Chinese numeral, or None when `text` is not one (e.g. 一二十)."""
    digits, small, large = lex.cn_digits, lex.cn_multipliers, lex.cn_sections
    if not text or any(ch not in digits and ch not in small and ch not in large for ch in text):
        return None
    if len(text) > 1 and all(ch in digits for ch in text):
        return _positional(text, digits)
    total = section = 0
    number: int | None = None
    for ch in text:
        if ch in digits:
            if number is not None and number != 0:
                return None  # two digits in a row inside a unit-numeral: 一二十
            number = digits[ch]
        elif ch in small:
            section += (1 if number is None else number) * small[ch]
            number = None
        else:
            section += number or 0
            total = (total + section) * large[ch] if large[ch] > max(total, 1) else total + section * large[ch]
            section, number = 0, None
    return total + section + (number or 0)
