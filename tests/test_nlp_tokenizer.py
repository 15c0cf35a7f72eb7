"""JiebaTokenizer: our own jieba instance, our dictionary, numbers kept whole, text kept exact."""

from __future__ import annotations

import re

import jieba
import pytest
from spacy.language import Language

import budgetlens.nlp
from budgetlens.nlp import tokenizer as tok
from tests.conftest import seed_path


@pytest.fixture(scope="module")
def nlp() -> Language:
    return budgetlens.nlp.load()


@pytest.mark.parametrize(
    ("sentence", "tokens"),
    [
        # seed 000:197
        ("2024 年机关运行经费 95.24 万元", ["2024 年", "机关运行经费", "95.24 万元"]),
        # seed 003:375
        (
            "2023 年度一般公共预算财政拨款支出 5,102.22 万元",
            ["2023 年度", "一般公共预算财政拨款", "支出", "5,102.22 万元"],
        ),
        # seed 000:227
        (
            "2024年一般公共预算安排“三公”经费预算10.98万元",
            ["2024年", "一般公共预算", "安排", "“", "三公", "”", "经费", "预算", "10.98万元"],
        ),
        # seed 000:147
        (
            "机关事业单位基本养老保险缴费支出、其他行政事业单位养老支出",
            ["机关事业单位基本养老保险缴费支出", "、", "其他行政事业单位养老支出"],
        ),
    ],
)
def test_nlp_tokenizer_domain_words_and_amounts(nlp: Language, sentence: str, tokens: list[str]) -> None:
    assert [t.text for t in nlp.make_doc(sentence)] == tokens


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_nlp_tokenizer_keeps_text_exact(nlp: Language, prefix: str) -> None:
    """Whole seeds (tabs, newlines, runs of spaces, HTML) reconstruct exactly from the tokens."""
    text = seed_path(prefix).read_text("utf-8")
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert all(t.text.strip() or t.is_space for t in doc)


def test_nlp_tokenizer_has_no_global_jieba_state(nlp: Language) -> None:
    """Our words live in our jieba.Tokenizer, not in jieba's module-level one."""
    assert nlp.tokenizer.jieba is not jieba.dt
    assert "一般公共预算财政拨款" in nlp.tokenizer.jieba.FREQ
    assert "一般公共预算财政拨款" not in jieba.dt.FREQ


def test_nlp_tokenizer_instances_do_not_share_words(tmp_path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("# test\n走访慰问专项经费\n", encoding="utf-8")
    custom = budgetlens.nlp.load(overrides={"paths.user_dict": str(words)})
    default = budgetlens.nlp.load()
    sentence = "增加了走访慰问专项经费"  # seed 000:119
    assert "走访慰问专项经费" in [t.text for t in custom.make_doc(sentence)]
    assert "走访慰问专项经费" not in [t.text for t in default.make_doc(sentence)]


def test_nlp_tokenizer_reads_jieba_dictionary_once_per_process() -> None:
    budgetlens.nlp.load()
    budgetlens.nlp.load()
    assert tok._main_prefix_dict.cache_info().misses == 1


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("# comment only\n\n", []),
        ("机关运行经费\n", [tok.UserWord("机关运行经费")]),
        ("三公经费 10\n", [tok.UserWord("三公经费", 10)]),
        ("项目支出 5 n  # tagged\n", [tok.UserWord("项目支出", 5, "n")]),
        ("基本支出 n\n", [tok.UserWord("基本支出", None, "n")]),
    ],
)
def test_nlp_tokenizer_user_dict_format(text: str, words: list[tok.UserWord]) -> None:
    assert tok.user_dict_to_words(text) == words


def test_nlp_tokenizer_pieces_to_words_spaces() -> None:
    words, spaces = tok.pieces_to_words(["支出", " ", " ", "1,102.31 万元", "\n", "。"])
    assert words == ["支出", " ", "1,102.31 万元", "\n", "。"]
    assert spaces == [True, False, False, False, False]


def test_nlp_tokenizer_without_protect_is_plain_jieba(nlp: Language) -> None:
    plain = tok.JiebaTokenizer(nlp.vocab, user_dict="", protect=None)
    assert [t.text for t in plain("比上年增加66.78万元")] == [w for w in plain.cut("比上年增加66.78万元") if w]


def test_nlp_tokenizer_factory_rejects_a_pattern_string() -> None:
    with pytest.raises(TypeError, match="compiled regex"):
        tok.create_jieba_tokenizer(protect=r"\d+")
    assert tok.create_jieba_tokenizer(protect=re.compile(r"\d+")) is not None
