"""Footnote formulas printed under a table, parsed into a small typed form (model.Formula).

    "27 行=（1+2+3+4+5+6+7+8）行；30 行=（27+28+29）行；"
    "57 行=（31+32+…+56）行"            → a Range 31…56
    "1栏各行=（2+3+4+5+6）栏各行"        → a column identity on every row
    "6 栏各行=（1+2-3）栏各行"           → with a minus
    "1 栏=（2+3+6）栏；3 栏=（4+5）栏"

Row and column numbers are the table's own 行次 and 栏次, which differ between templates,
so the checks resolve them through LogicalTable.row_by_number / column_by_number. Anything
else in a footnote ("本表反映…", "本表无数据") is not a formula and is ignored. Parse only.
"""

from __future__ import annotations

import re

from budgetlens.numbers import normalize_width
from budgetlens.tables.model import Formula, Range, Term

# "27行=" / "1栏各行=", then the right side up to the first character that cannot be in it.
_FORMULA = re.compile(r"(?P<target>\d+)\s*(?P<axis>[行栏])\s*(?P<each>各行)?\s*=\s*(?P<body>[\d\s+\-−－…⋯.·()行栏各]+)")
_TOKEN = re.compile(r"\d+|[+\-]|…|⋯|\.{2,}|·{2,}")
_AXES = {"行": "row", "栏": "col"}


def parse_formulas(footnotes: list[str]) -> list[Formula]:
    """Every formula in the footnotes, in printed order; a malformed one is skipped, not guessed."""
    found = []
    for note in footnotes:
        text = normalize_width(note).replace("（", "(").replace("）", ")").replace("＝", "=")
        for match in _FORMULA.finditer(text):
            formula = _to_formula(match)
            if formula is not None:
                found.append(formula)
    return found


def _to_formula(match: re.Match[str]) -> Formula | None:
    """The right side must name the same axis as the left ("(1+2)行", "2栏+3栏"), and nothing else."""
    body = match["body"].rstrip()
    each = bool(match["each"]) or "各行" in body
    axes = set(re.findall(r"[行栏]", body.replace("各行", "")))
    if axes != {match["axis"]}:
        return None
    terms = body_to_terms(re.sub(r"各行|[行栏()]", " ", body))
    if not terms:
        return None
    text = match.group(0).rstrip()
    return Formula(axis=_AXES[match["axis"]], target=int(match["target"]), terms=terms, each=each, text=text)


def body_to_terms(body: str) -> tuple[Term | Range, ...]:
    """"1+2+…+8" → (Term 1, Range 2…8); "1+2-3" → (Term 1, Term 2, Term 3 with sign -1)."""
    tokens = _TOKEN.findall(body.replace("−", "-").replace("－", "-"))
    terms: list[Term | Range] = []
    sign, pending_range = 1, False
    for token in tokens:
        if token in "+-":
            sign = -1 if token == "-" else 1
        elif token.isdigit():
            number = int(token)
            last = terms[-1] if terms else None
            if pending_range and isinstance(last, Term) and last.number < number:
                terms[-1] = Range(last.number, number, last.sign)
            else:
                terms.append(Term(number, sign))
            sign, pending_range = 1, False
        else:
            pending_range = True  # an ellipsis: the next number closes a range from the last one
    return tuple(terms)
