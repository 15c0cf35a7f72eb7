"""Saving: the pipeline round-trips through nlp.to_disk()/spacy.load(), a Doc through
to_bytes/DocBin with its amounts intact, an Amount through JSON."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import budgetlens.nlp
from budgetlens.nlp import Amount, NumberMark

# seed 003:441
SENTENCE = (
    "3. 公务接待费支出决算为 0.42 万元，完成全年预算的 31.8%，比全年预算减少 0.9 万元。"
    "2023 年共接待国内来访团组 2 个，18 人次（不包括陪同人员）。"
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return budgetlens.nlp.load()


@pytest.fixture(scope="module")
def saved(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pipeline")
    nlp.to_disk(path)
    return path


def annotations(doc: Doc) -> tuple[list[str], list[Amount], list[NumberMark]]:
    return [t.text for t in doc], doc._.amounts, doc._.number_marks


def test_nlp_pipeline_to_disk_writes_all_data(saved: Path) -> None:
    for name in (
        "config.cfg",
        "tokenizer/userdict.txt",
        "tokenizer/cfg.json",
        "budget_amounts/lexicon.json",
        "budget_amounts/grammar.json",
    ):
        assert (saved / name).is_file(), name


def test_nlp_pipeline_spacy_load_round_trip(nlp: Language, saved: Path) -> None:
    reloaded = spacy.load(saved)
    assert reloaded.pipe_names == nlp.pipe_names
    assert annotations(reloaded(SENTENCE)) == annotations(nlp(SENTENCE))


def test_nlp_pipeline_reload_reads_saved_user_dict(saved: Path, tmp_path: Path) -> None:
    """The saved userdict.txt is what the reloaded tokenizer uses, not the packaged one."""
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(saved, copy)
    with (copy / "tokenizer" / "userdict.txt").open("a", encoding="utf-8") as f:
        f.write("走访慰问专项经费\n")
    doc = budgetlens.nlp.load(copy)("增加了走访慰问专项经费")  # seed 000:119
    assert "走访慰问专项经费" in [t.text for t in doc]


def test_nlp_pipeline_to_bytes_round_trip(nlp: Language) -> None:
    other = budgetlens.nlp.load()
    other.from_bytes(nlp.to_bytes())
    assert annotations(other(SENTENCE)) == annotations(nlp(SENTENCE))


def test_nlp_pipeline_doc_to_bytes_keeps_amounts(nlp: Language) -> None:
    doc = nlp(SENTENCE)
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert annotations(restored) == annotations(doc)
    assert all(isinstance(a, Amount) for a in restored._.amounts)


def test_nlp_pipeline_docbin_keeps_amounts(nlp: Language) -> None:
    docs = list(nlp.pipe([SENTENCE, "2024 年收支总预算 4407.79 万元"]))  # seeds 003:441, 000:119
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    restored = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    assert [annotations(d) for d in restored] == [annotations(d) for d in docs]
    assert [[s.text for s in d.sents] for d in restored] == [[s.text for s in d.sents] for d in docs]


def test_nlp_pipeline_amount_json_round_trip(nlp: Language) -> None:
    for amount in nlp(SENTENCE)._.amounts:
        data = amount.model_dump_json()
        assert Amount.model_validate_json(data) == amount
    assert '"value":"0.42"' in nlp(SENTENCE)._.amounts[0].model_dump_json()


def test_nlp_pipeline_disable_amounts(nlp: Language) -> None:
    """Components can be switched off for speed; the attribute is then None, not stale."""
    doc = budgetlens.nlp.load(disable=["budget_amounts"])(SENTENCE)
    assert doc._.amounts is None
    with nlp.select_pipes(disable=["sentencizer"]):
        assert len(nlp(SENTENCE)._.amounts) == 5


def test_nlp_pipeline_pickles(nlp: Language) -> None:
    """spawn/forkserver workers (nlp.pipe(n_process=…)) pickle the pipeline; jieba holds a lock."""
    import pickle

    clone = pickle.loads(pickle.dumps(nlp))
    assert annotations(clone(SENTENCE)) == annotations(nlp(SENTENCE))
    assert clone.tokenizer.jieba is not nlp.tokenizer.jieba
