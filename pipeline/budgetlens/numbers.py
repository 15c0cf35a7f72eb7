"""Numbers as printed in disclosures → exact decimals.

One place that knows how a figure can be written: thousands separators
("4,407.79"), full-width digits ("１２３．４５"), a stray space inside ("1 102.31"),
negatives as "-12.3", "－12.3" or "(12.3)", and the dashes or blanks that mean
"nothing here" (which is absent, not zero).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

# Printed in an empty cell to say "no figure": these are absent, not zero.
BLANK_MARKS = frozenset({"", "-", "--", "—", "——", "–", "/", "\\", "－", "—-", "…", "无", "*"})

_NUMBER = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_NUMBER_IN_TEXT = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def normalize_width(text: str) -> str:
    """Full-width digits, letters and ASCII punctuation → half-width (NFKC), keeping CJK punctuation."""
    return "".join(
        unicodedata.normalize("NFKC", ch) if "\uff01" <= ch <= "\uff5e" or ch == "\u3000" else ch
        for ch in text
    )


def is_blank_mark(text: str) -> bool:
    return normalize_width(text).strip() in BLANK_MARKS


def parse_number(text: str) -> Decimal | None:
    """The exact value of a cell or token that is a plain number, else None.

    "4,407.79" → Decimal("4407.79"); "（12.5）" → Decimal("-12.5"); "12.3万元" → None
    (units are the caller's business); "-" → None.
    """
    s = normalize_width(text).strip().replace(" ", "")
    if s in BLANK_MARKS:
        return None
    negative = False
    if len(s) > 2 and s[0] == "(" and s[-1] == ")":
        negative, s = True, s[1:-1]
    s = s.replace("−", "-")
    if not _NUMBER.match(s):
        return None
    try:
        value = Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None
    return -value if negative else value


def decimals_shown(text: str) -> int:
    """How many decimals the printed figure shows: the precision for rounding checks."""
    s = normalize_width(text).strip().replace(" ", "")
    match = _NUMBER_IN_TEXT.search(s)
    if not match or "." not in match.group():
        return 0
    return len(match.group().split(".", 1)[1])


def looks_numeric(text: str) -> bool:
    """A cell that holds a number or a blank mark (used to tell data rows from labels)."""
    return parse_number(text) is not None or is_blank_mark(text)


# Money units → 元: every conversion between table and narrative units reads this.
UNIT_SCALE = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "万": Decimal(10000),
              "亿元": Decimal(100000000)}
