"""Hand features of the reason judge: what marks a reason specific or boilerplate."""

from __future__ import annotations

import pytest

from budgetlens.judge import judge_reason
from budgetlens.judge.features import HAND_FEATURES, reason_to_evidence


@pytest.mark.parametrize(("text", "present", "absent"), [
    ("截至2023年12月31日，开支财政拨款的公务用车保有量0辆", {"amount", "year", "number"}, {"boilerplate"}),  # 003 @439
    ("增加了走访慰问专项经费80万元", {"amount", "event"}, {"doc_number", "book_title"}),
    ("根据《上海市机关事务管理办法》（沪府发〔2023〕5号）新增“一网通办”项目",
     {"book_title", "doc_number", "quoted_name", "named_project"}, {"amount"}),
    ("人员减少、支出压降", {"boilerplate", "boilerplate_share"}, {"amount", "number", "named_project"}),  # 003 @345
    ("一是压降项目支出；二是人员缩减，人员支出减少", {"boilerplate", "list_items"}, {"named_project"}),  # 003 @397
])
def test_judge_features_fire(text: str, present: set[str], absent: set[str]) -> None:
    values = reason_to_evidence(text, "主要原因是").values
    assert {name for name in present if values[name] > 0} == present
    assert {name for name in absent if values[name] > 0} == set()


@pytest.mark.parametrize(("text", "share"), [
    ("人员减少、支出压降", 1.0),
    ("工作需要", 1.0),
    ("截至2023年12月31日，开支财政拨款的公务用车保有量0辆", 0.0),
])
def test_judge_features_boilerplate_share(text: str, share: float) -> None:
    assert reason_to_evidence(text, "主要原因是").values["boilerplate_share"] == pytest.approx(share)


def test_judge_features_vector_in_declared_order() -> None:
    evidence = reason_to_evidence("人员增加", "主要用于", "decrease")
    vector = evidence.vector()
    assert len(vector) == len(HAND_FEATURES)
    assert all(0.0 <= value <= 1.0 for value in vector)
    assert vector[HAND_FEATURES.index("opposite_direction")] == 1.0
    assert vector[HAND_FEATURES.index("purpose_cue")] == 1.0


@pytest.mark.parametrize(("text", "present", "absent"), [
    # js cppcc 2017 p5 (guidelines §2.1 A): a named pay policy, no amount
    ("住房公积金基数调整支出增加等", {"policy"}, {"volume_without_number"}),
    # js justice 2026 (§2.1 C): activity volume, no number
    ("业务量增加", {"volume_without_number"}, {"policy"}),
    # §2.1 C: a number makes the volume a quantity
    ("召开会议3次", set(), {"volume_without_number", "policy"}),
])
def test_judge_features_adjudication_signals(text: str, present: set[str], absent: set[str]) -> None:
    values = reason_to_evidence(text, "主要原因是").values
    assert {name for name in present if values[name] > 0} == present
    assert {name for name in absent if values[name] > 0} == set()


@pytest.mark.parametrize(("text", "low", "high"), [
    ("人员工资福利支出增加", 0.99, 1.0),  # §2.1 B: only says which component moved
    ("增加医疗保险和医疗补助支出", 0.99, 1.0),
    ("根据《上海市机关事务管理办法》新增“一网通办”项目", 0.0, 0.3),
])
def test_judge_features_component_only_share(text: str, low: float, high: float) -> None:
    assert low <= reason_to_evidence(text, "主要原因是").values["component_only"] <= high


@pytest.mark.parametrize("text", ["", "：", "XXXXXXXX", "ＸＸＸ。"])
def test_judge_nothing_or_a_placeholder_after_the_cue_is_empty(text: str) -> None:
    assert judge_reason(text, "主要用于").label == "empty"
