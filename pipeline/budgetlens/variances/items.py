"""A pair on its way to a Variance: a narrative pair, a table pair, or both merged into one.

A table pair and a narrative pair are one variance when they name the same line (the "三公"
item, the function code or 类/款/项 names) and every figure the narrative prints equals the cell
after unit conversion, rounded to the narrative's decimals. The merged item keeps the printed
figures and takes from the table what the sentence leaves out (the budget of "完成全年预算的0%").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from budgetlens.link.subjects import normalise, subject_to_line
from budgetlens.nlp.claims import direction_sign
from budgetlens.numbers import UNIT_SCALE, decimals_shown
from budgetlens.tables.model import TableKind
from budgetlens.variances.attach import Target
from budgetlens.variances.from_claims import Pair
from budgetlens.variances.from_tables import CellPair
from budgetlens.variances.model import Variance, VarianceDirection, VariancePlace
from budgetlens.variances.required import LineRule, Settings, rate_of, rounding_limit, size_class

TABLE_RULES = {TableKind.THREE_PUBLIC: LineRule("three_public", "“三公”经费增减变化")}
FUNCTION_RULE = LineRule("function", "功能分类科目预决算增减变化")


@dataclass
class Item:
    """A pair on its way to a Variance: narrative, table, or both."""

    pair: Pair | None
    cells: CellPair | None = None
    rule: LineRule | None = None
    target: Target | None = None


def add_table_pairs(items: list[Item], cell_pairs: list[CellPair]) -> None:
    for cells in cell_pairs:
        match = next((i for i in items if i.cells is None and i.pair is not None and _same_line(i.pair, cells)
                      and _same_figures(i.pair, cells)), None)
        if match is not None:
            match.cells = cells
        else:
            items.append(Item(None, cells, TABLE_RULES.get(cells.table.kind, FUNCTION_RULE)))


def _same_line(pair: Pair, cells: CellPair) -> bool:
    if pair.kind != cells.kind:
        return False
    named = subject_to_line(pair.subject)
    if named is None:
        return False
    if named.kind == "three_public":
        return named.line == cells.item
    if named.kind == "function" and cells.code:
        return named.code == cells.code if named.code else bool(named.path) and \
            normalise(named.path[-1]).removesuffix("支出") == normalise(cells.row.label).removesuffix("支出")
    return False


def _same_figures(pair: Pair, cells: CellPair) -> bool:
    """Every figure the narrative prints equals the cell, converted and rounded to the narrative's decimals."""
    printed = [(pair.current, cells.current_value), (pair.base, cells.base_value)]
    compared = [(n, t) for n, t in printed if n is not None]
    if not compared or pair.unit is None:
        return False
    factor = UNIT_SCALE.get(cells.table.unit or "万元", Decimal(1)) / UNIT_SCALE.get(pair.unit, Decimal(1))
    unit = Decimal(1).scaleb(-pair.decimals)
    return all(abs(n - t * factor) <= unit / 2 for n, t in compared)


@dataclass(frozen=True)
class _Figures:
    current: Decimal | None
    base: Decimal | None
    difference: Decimal | None
    unit: str | None
    decimals: int
    mixed: bool  # figures of two precisions (a table in 元 and a text in 万元): rounding may differ


def figures_of(item: Item) -> _Figures:
    pair, cells = item.pair, item.cells
    if pair is None:
        assert cells is not None  # an item is a narrative pair, a table pair, or both
        decimals = min(decimals_shown(cells.current.text), decimals_shown(cells.base.text))
        return _Figures(cells.current_value, cells.base_value, cells.current_value - cells.base_value,
                        cells.table.unit, decimals, False)
    current, base, difference = pair.current, pair.base, pair.difference
    mixed = False
    if cells is not None and pair.unit is not None and (current is None or base is None):
        factor = UNIT_SCALE.get(cells.table.unit or "万元", Decimal(1)) / UNIT_SCALE.get(pair.unit, Decimal(1))
        current = cells.current_value * factor if current is None else current
        base = cells.base_value * factor if base is None else base
        difference = current - base if difference is None else difference
        mixed = factor != 1
    return _Figures(current, base, difference, pair.unit, pair.decimals, mixed)


def direction_of(figures: _Figures, stated: str | None) -> VarianceDirection | None:
    """From the figures when known, else from the direction word as printed."""
    if figures.difference is not None:
        return "increase" if figures.difference > 0 else "decrease" if figures.difference < 0 else "flat"
    sign = direction_sign(stated)
    return None if sign is None else ("flat", "increase", "decrease")[sign]


def item_to_variance(item: Item, settings: Settings, text: str) -> Variance:
    figures = figures_of(item)
    stated = item.pair.claim.direction if item.pair is not None else None
    direction = direction_of(figures, stated)
    rate = rate_of(figures.difference, figures.base)
    if rate is None and figures.base != 0 and item.pair is not None:
        rate = item.pair.stated_rate  # "减少91.8万元，下降1.83%" with no figure for either year
    size = size_class(figures.difference, rate, figures.base, rounding_limit(figures.decimals, figures.mixed),
                      settings)
    needs = item.rule is not None and direction in ("increase", "decrease") and size != "rounding" \
        and _measurable(figures.difference, rate)
    pair, cells = item.pair, item.cells
    return Variance(
        id="", kind=(pair or cells).kind, subject=pair.subject if pair else cells.subject,  # type: ignore[union-attr]
        code=cells.code if cells else _code_of(pair), line=item.rule.line if item.rule else None,
        current=_plain(figures.current), base=_plain(figures.base), difference=_plain(figures.difference),
        rate=rate, unit=figures.unit, direction=direction, size=size, needs_reason=needs,
        rule=item.rule.rule if item.rule and needs else None, source="narrative" if pair else "table",
        stated_direction=stated, evidence=_places(item, text),
        reason_ids=list(item.target.reason_ids) if item.target else [])


def _measurable(difference: Decimal | None, rate: Decimal | None) -> bool:
    """A change with neither an amount nor a rate ("增加（减少）XXX万元" of a template) cannot be weighed."""
    return difference is not None or rate is not None


def _code_of(pair: Pair | None) -> str | None:
    named = subject_to_line(pair.subject) if pair is not None else None
    return named.code if named is not None and named.kind == "function" else None


def _plain(value: Decimal | None) -> Decimal | None:
    """Fixed-point notation (no exponent): the JSON form of an exact decimal."""
    return None if value is None else Decimal(format(value, "f"))


def _places(item: Item, text: str) -> list[VariancePlace]:
    places = [VariancePlace(kind="claim", text=text[c.span.start:c.span.end], claim_id=c.id,
                            sentence_id=c.sentence_id, span=c.span) for c in (item.pair.claims if item.pair else [])]
    places += item.pair.shown if item.pair else []
    if item.cells is not None:
        for role, cell in (("base", item.cells.base), ("current", item.cells.current)):
            places.append(VariancePlace(kind="cell", text=cell.text, table_id=item.cells.table.source_id,
                                        row=cell.row, col=cell.col, page=cell.page, role=role))
    return places
