"""The reason model: trained reproducibly, saved as JSON, and scored from JSON exactly as fitted."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from budgetlens.errors import InternalError
from budgetlens.judge import ReasonJudge, judge_reason, packaged_model_path
from budgetlens.judge.features import HAND_FEATURES, reason_to_evidence
from budgetlens.judge.gold import load_gold
from budgetlens.judge.model import LinearJudgeModel, Settings, fit_judge, fitted_to_json
from budgetlens.judge.train import model_rows, train_judge
from tests.judge_support import write_gold

PROBES = ["人员减少、支出压降", "增加走访慰问专项经费80万元", "工作需要", "本年度购置（更新）公务用车0辆", "新的说法"]


@pytest.fixture(scope="module")
def gold_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_gold(tmp_path_factory.mktemp("annotations") / "reasons")


def _hands(texts: list[str]) -> list[list[float]]:
    return [reason_to_evidence(text, "主要原因是").vector() for text in texts]


def test_judge_model_json_predicts_as_fitted(gold_dir: Path) -> None:
    examples = model_rows(load_gold(gold_dir).split("train"))
    texts = [e.text for e in examples]
    fitted = fit_judge(texts, _hands(texts), [e.row.label for e in examples], Settings(c=1.0))
    loaded = LinearJudgeModel(json.loads(json.dumps(fitted_to_json(fitted, {}))))
    assert loaded.classes == list(fitted.classifier.classes_)
    expected = fitted.probabilities(PROBES, _hands(PROBES))
    assert np.allclose(loaded.probabilities(PROBES, _hands(PROBES)), expected, atol=1e-6)


def test_judge_model_train_is_deterministic(gold_dir: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "model.json", tmp_path / "b" / "model.json"
    report = train_judge(gold_dir, first, seed=0)
    train_judge(gold_dir, second, seed=0)
    assert first.read_bytes() == second.read_bytes()
    data = json.loads(first.read_text("utf-8"))
    assert data["training"]["documents"] == ["000", "003", "sh-a", "sh-b"]  # the test split is never read
    assert data["training"]["rows"] == 12
    assert report.model_rows == {"generic": 5, "specific": 5}  # empty/purpose rows are the rules' business


def test_judge_model_rules_first_then_model(gold_dir: Path, tmp_path: Path) -> None:
    train_judge(gold_dir, tmp_path / "model.json")
    judge = ReasonJudge.load(tmp_path / "model.json")
    empty, purpose, modelled = judge.judge_many([
        ("", "主要原因：", None, None), ("聘用人员工资等", "主要用于", None, None),
        ("人员减少、支出压降", "主要原因是", "decrease", "减少"),
    ])
    assert (empty.label, empty.source) == ("empty", "rule")
    assert (purpose.label, purpose.source) == ("purpose_not_cause", "rule")
    assert modelled.source == "model"
    assert modelled.label in ("generic", "specific")
    assert 0.0 < modelled.confidence <= 1.0


def test_judge_model_refuses_a_stale_file(tmp_path: Path, gold_dir: Path) -> None:
    train_judge(gold_dir, tmp_path / "model.json")
    data = json.loads((tmp_path / "model.json").read_text("utf-8"))
    data["hand_features"] = data["hand_features"][:-1]
    with pytest.raises(InternalError, match="budgetlens train"):
        LinearJudgeModel(data)


@pytest.mark.parametrize(("text", "direction", "label"), [
    ("人员减少、支出压降", "decrease", "generic"),  # 003 @345
    ("截至2023年12月31日，开支财政拨款的公务用车保有量0辆", "flat", "specific"),  # 003 @439
    ("增加了走访慰问专项经费和2023年援疆经费尾款", "increase", "specific"),  # 000
])
def test_judge_model_shipped_judges_real_reasons(text: str, direction: str, label: str) -> None:
    if not packaged_model_path().exists():
        pytest.skip("no shipped model yet: run `budgetlens train`")
    judgement = judge_reason(text, "主要原因是", direction)
    assert judgement.label == label


def test_judge_model_shipped_is_what_train_makes_of_the_repository_gold(tmp_path: Path) -> None:
    """The shipped model must be reproducible from annotations/ (session 7 found a stale C=10 fit shipped)."""
    gold = Path(__file__).resolve().parents[1] / "annotations" / "reasons"
    train_judge(gold, tmp_path / "model.json", seed=0)
    retrained = json.loads((tmp_path / "model.json").read_text("utf-8"))
    shipped = json.loads(packaged_model_path().read_text("utf-8"))
    assert retrained["params"] == shipped["params"]
    assert {**retrained["vectorizer"], "idf": None} == {**shipped["vectorizer"], "idf": None}
    assert np.allclose(retrained["vectorizer"]["idf"], shipped["vectorizer"]["idf"], atol=1e-9)
    assert retrained["classes"] == shipped["classes"]
    assert np.allclose(retrained["coef"], shipped["coef"], atol=1e-6)


class _PurposeLeaning:
    """A model that reads every reason as a purpose: what the cue allows must overrule it."""

    def __init__(self) -> None:
        self.classes = ["generic", "purpose_not_cause", "specific"]
        self.coef = np.zeros((3, len(HAND_FEATURES)))

    def probabilities(self, texts: list[str], hands: list[list[float]]) -> np.ndarray:
        return np.array([[0.2, 0.7, 0.1]] * len(texts))


@pytest.mark.parametrize(("cue", "label"), [
    ("主要原因是", "generic"),  # our synthetic syn8-fen @476: a cause cue never introduces a purpose
    ("由于", "generic"),
    ("主要是", "purpose_not_cause"),  # js procuratorate 2019: "主要是检察官学院运行费项目支出" may be one
])
def test_judge_a_cause_cue_rules_out_purpose(cue: str, label: str) -> None:
    judge = ReasonJudge(_PurposeLeaning())  # type: ignore[arg-type]
    assert judge.judge("惠民殡葬基本服务费用减免按实际结算，全年减免对象2316人", cue, "decrease").label == label
