"""The number grammar as data: validation, the first-character guard, Chinese numerals,
and a snapshot of the names other code and saved pipelines depend on."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import spacy
from pydantic import ValidationError
from spacy.tokens import Doc, Span

import budgetlens.nlp
from budgetlens.nlp.grammar import load_grammar, read_grammar_spec, read_lexicon, spec_to_grammar
from budgetlens.nlp.interpret import number_value, text_to_items
from budgetlens.nlp.numerals import cn_to_int
from budgetlens.nlp.types import Amount
from tests.conftest import seed_path


def test_nlp_grammar_names_snapshot() -> None:
    """Renaming any of these breaks saved pipelines or downstream code: make it a decision."""
    nlp = budgetlens.nlp.load()
    assert nlp.pipe_names == ["sentencizer", "budget_amounts", "budget_claims", "budget_reasons"]
    assert "budget_amounts" in spacy.registry.factories.get_all()
    assert "budgetlens.JiebaTokenizer.v1" in spacy.registry.tokenizers.get_all()
    assert "budgetlens.numeric_pattern.v1" in spacy.registry.misc.get_all()
    assert all(Doc.has_extension(n) and Span.has_extension(n) for n in ("amounts", "number_marks"))
    assert list(load_grammar().patterns) == [
        "doc_number",
        "date_full",
        "phone",
        "year",
        "year_cn",
        "date",
        "section_line",
        "section_paren",
        "section_circled",
        "section_enum",
        "ordinal",
        "anniversary",
        "row_number",
        "class_code",
        "range",
        "fraction",
        "quantity_paren_unit",
        "quantity",
        "cn_quantity",
        "magnitude_only",
        "percent_unprinted",
        "bare",
    ]


def test_nlp_grammar_register_extensions_is_idempotent() -> None:
    budgetlens.nlp.register_extensions()
    budgetlens.nlp.register_extensions()
    assert Doc.get_extension("amounts")[2] is not None  # a getter, registered once, no force


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_nlp_grammar_guard_loses_no_match(prefix: str) -> None:
    """The lookahead guard only skips positions where no pattern can start."""
    grammar = load_grammar()
    unguarded = spec_to_grammar(grammar.lexicon, grammar.spec.model_copy(update={"guard": ""}))
    text = seed_path(prefix).read_text("utf-8")
    spans = [(m.span(), m.lastgroup) for m in grammar.regex.finditer(text)]
    assert spans == [(m.span(), m.lastgroup) for m in unguarded.regex.finditer(text)]
    assert len(spans) > 100


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("四", 4),
        ("九十五", 95),
        ("十二", 12),
        ("两", 2),
        ("百", 100),
        ("一百零五", 105),
        ("一万二千", 12000),
        ("三千五百万", 35000000),
        ("一亿二千万", 120000000),
        ("二〇二四", 2024),
        ("一二十", None),
        ("十四五万x", None),
    ],
)
def test_nlp_grammar_chinese_numerals(text: str, value: int | None) -> None:
    assert cn_to_int(text, load_grammar().lexicon) == value


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("4,407.79", "4407.79", 2),
        ("１２３．４５", "123.45", 2),
        ("1 102.31", "1102.31", 2),
        ("0", "0", 0),
        ("九十五", "95", 0),
        ("-5.2", "-5.2", 1),
    ],
)
def test_nlp_grammar_number_value(text: str, value: str, decimals: int) -> None:
    assert number_value(text, load_grammar().lexicon) == (Decimal(value), decimals)


def test_nlp_grammar_text_to_items_without_spacy() -> None:
    """For a table cell or a string: same Amounts, no token span."""
    items = text_to_items("比 2023 年预算增加 66.78 万元", load_grammar())  # seed 000:119
    amounts = [i for i in items if isinstance(i, Amount)]
    assert [(a.value, a.start, a.end) for a in amounts] == [(Decimal("66.78"), None, None)]


def test_nlp_grammar_rejects_unknown_lexicon_field(tmp_path) -> None:
    data = json.loads(read_lexicon().model_dump_json())
    data["unitz"] = ["元"]
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError, match="unitz"):
        read_lexicon(path)


def test_nlp_grammar_rejects_unknown_fragment() -> None:
    spec = read_grammar_spec()
    broken = spec.model_copy(
        update={"patterns": [*spec.patterns[:-1], spec.patterns[-1].model_copy(update={"regex": "{NOPE}"})]}
    )
    with pytest.raises(ValueError, match="NOPE"):
        spec_to_grammar(read_lexicon(), broken)


def test_nlp_grammar_custom_lexicon_via_initialize(tmp_path) -> None:
    """Data files are replaceable without code: a new unit, loaded in initialize()."""
    data = json.loads(read_lexicon().model_dump_json())
    data["units"]["count"].append("盏")
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    nlp = budgetlens.nlp.load()
    sentence = "更换路灯 12 盏"
    assert nlp(sentence)._.amounts == []
    nlp.get_pipe("budget_amounts").initialize(nlp=nlp, lexicon=str(path))
    doc = nlp(sentence)
    assert [(a.unit, a.value, a.end - a.start) for a in doc._.amounts] == [("盏", Decimal(12), 1)]


def test_nlp_grammar_chinese_counts_are_a_lexicon_choice(tmp_path) -> None:
    """GUIDELINE §4 drops Chinese-numeral counts (cn_amount_kinds without "count"); a lexicon may keep them."""
    sentence = "2023年拟组织四次区政务服务大厅和12条街道政务服务中心全体工作人员的服务礼仪培训。"  # seed 004:14
    amounts = [i.text for i in text_to_items(sentence, load_grammar()) if isinstance(i, Amount)]
    assert amounts == ["12条"]
    data = json.loads(read_lexicon().model_dump_json())
    data["cn_amount_kinds"].append("count")
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    grammar = load_grammar(str(path), None)
    assert [i.text for i in text_to_items(sentence, grammar) if isinstance(i, Amount)] == ["四次", "12条"]
