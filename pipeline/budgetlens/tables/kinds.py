"""Which standard table a grid is (收入支出决算总表, 支出表, "三公"经费表 …) and whether it is a
budget (预算) or a final account (决算).

Read in order of trust: distinctive header words (因公出国 + 公务接待 is the 三公 table whatever
its title, which PDFs sometimes cut at a line break), then the title, then the "本表反映…"
footnote, then general header words. The rules are data (lexicon.KIND_RULES).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budgetlens.document import Table
from budgetlens.tables.lexicon import (
    BODY_KIND_RULES,
    BROAD_KINDS,
    BUDGET_WORDS,
    FINAL_WORDS,
    FUND_NAMES,
    HEADER_KIND_RULES,
    KIND_RULES,
    KindRule,
    squash,
)
from budgetlens.tables.model import Flavour, TableKind

# A title that names no table: a TOC line, a paragraph caught as a title.
_TITLE_NOISE = re.compile(r"^(\d{4}年度?)?|^[一二三四五六七八九十]+、|公开\d+表|^公开表[一二三四五六七八九十\d]+$")


@dataclass(frozen=True)
class KindReading:
    kind: TableKind
    flavour: Flavour | None
    evidence: str | None  # the text the kind was read from, as printed


def table_kind(table: Table, header_cells: list[str], labels: list[str]) -> KindReading:
    """Kind and flavour of `table` from its title, footnotes, header cell texts and body row labels."""
    header = "|".join(squash(text) for text in header_cells if text.strip())
    by_header = _first_match(HEADER_KIND_RULES, header)
    by_title = _title_kind(table.title)
    notes = [note for note in table.footnotes if "本表" in note and _first_match(KIND_RULES, squash(note))]
    body = "|".join(squash(label) for label in labels if label.strip())
    if by_title is not None and (by_header is None or by_title not in BROAD_KINDS):
        kind, evidence = by_title, table.title
    elif by_header is not None:
        kind, evidence = by_header, header
    elif notes:
        kind, evidence = _first_match(KIND_RULES, squash(notes[0])), notes[0]
    elif (by_body := _first_match(BODY_KIND_RULES, body)) is not None:
        kind, evidence = by_body, body[:80]
    else:
        kind, evidence = TableKind.GENERIC, None
    flavour = _flavour([table.title or "", table.code or "", *table.footnotes, header])
    return KindReading(kind or TableKind.GENERIC, flavour, evidence)


def title_to_kind(title: str | None) -> TableKind:
    """The kind a title alone names (GENERIC when none): for a title found in the text or a TOC."""
    return _title_kind(title) or TableKind.GENERIC


def _title_kind(title: str | None) -> TableKind | None:
    if not title:
        return None
    text = _TITLE_NOISE.sub("", squash(title))
    if "表" not in text:
        return None  # a sentence or a heading caught as the title
    return _first_match(KIND_RULES, text)


def _first_match(rules: tuple[KindRule, ...], text: str) -> TableKind | None:
    return next((rule.kind for rule in rules if rule.matches(text)), None)


def _flavour(texts: list[str]) -> Flavour | None:
    """决算 anywhere (fund names removed) makes a final account; else 预算 a budget; else unknown."""
    for text in texts:
        plain = re.sub(FUND_NAMES, "", squash(text))
        if re.search(FINAL_WORDS, plain):
            return Flavour.FINAL
        if re.search(BUDGET_WORDS, plain):
            return Flavour.BUDGET
    return None
