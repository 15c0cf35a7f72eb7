"""Rules of the reason judge on real reason sentences (seed line numbers in comments)."""

from __future__ import annotations

import pytest

from budgetlens.judge.rules import apply_rules, claim_direction_in, normalise_direction


@pytest.mark.parametrize(("text", "cue", "direction", "claim_direction", "label"), [
    ("", "主要原因：", "decrease", None, "empty"),
    ("。", "主要原因是", None, None, "empty"),
    ("无", "原因是", "increase", None, "empty"),
    ("聘用人员工资等", "主要用于", None, None, "purpose_not_cause"),  # 000
    ("春节、高温慰问一线工作人员", "主要用于：", "increase", None, "purpose_not_cause"),  # 000
    ("对口帮扶宣恩县工作经费", "用于", None, None, "purpose_not_cause"),
    # 持平 stated while the figures differ
    ("本年度购置（更新）公务用车0辆", "主要原因是", "decrease", "持平", "contradictory"),
    # a change explained for a figure that did not change
    ("人员减少、支出压降", "主要原因是", "flat", None, "contradictory"),
    ("压减公务接待批次", "主要原因是", None, "持平", "contradictory"),
    # every direction word against the change
    ("人员增加", "主要原因是", "decrease", "减少", "contradictory"),
    ("人员减少、支出压降", "主要原因是", "increase", None, "contradictory"),
    # left to the model
    ("人员减少、支出压降", "主要原因是", "decrease", "减少", None),  # 003 @345
    ("截至2023年12月31日，开支财政拨款的公务用车保有量0辆", "主要原因是", "flat", "持平", None),  # 003 @439
    ("因公出国经费由财政根据全区工作统筹，全年未安排因公出国", "主要原因是", "flat", "持平", None),  # 003 @431
    ("一是压降项目支出；二是人员缩减，人员支出减少", "主要原因：", "decrease", "小于", None),  # 003 @397
    ("基本支出减少100万元，项目支出增加20万元", "主要原因是", "decrease", None, None),  # words both ways
    ("严格执行预算，未增加支出", "主要原因是", "flat", None, None),  # negated change word
    ("上年追加了一次性项目经费", "主要原因是", "decrease", "减少", None),  # last year's increase explains a fall
    # a project newly set up is a rise, so a rise netted against a cut is words both ways (written for the test)
    ("2026年新设个体工商户帮扶项目，安排资金12.00万元，同时年报抽查经费减少5.70万元", "主要是由于", "increase",
     "增加", None),
    ("人员调整", "主要原因是", None, None, None),  # 001: no direction known
    # only the line's own name and a direction: restates what moved (guidelines §2.1 B)
    ("群众团体事务一般行政管理事务经费减少", "主要原因是：", "decrease", "减少", "generic"),  # wanli 2024
    ("住房公积金经费增加", "主要原因是：", "increase", "增加", "generic"),  # wanli 2024
    ("因公出国（境）费保持不变", "主要原因是", "flat", "持平", "generic"),  # wanli 2024
    # … unless a policy, a volume or a cause of its own is named
    ("缴纳社保费和职业年金做实增加", "主要原因是", "increase", "增加", None),  # 001 @816 (§2.1 A)
    ("新的政协委员培训班次数增加", "主要原因是", "increase", "增加", None),  # js cppcc: a volume
    ("2023年新增专项普查活动经费", "主要原因是", "increase", "增加", None),  # wanli 2023: no direction at the end
])
def test_judge_rules_label(text: str, cue: str, direction: str | None, claim_direction: str | None,
                           label: str | None) -> None:
    judgement = apply_rules(text, cue, direction, claim_direction)
    assert (judgement.label if judgement else None) == label
    if judgement:
        assert judgement.source == "rule"
        assert judgement.signals[0].startswith("rule:")


@pytest.mark.parametrize(("word", "expected"), [
    ("增长", "increase"), ("大于", "increase"), ("减少", "decrease"), ("小于", "decrease"), ("持平", "flat"),
    ("flat", "flat"), ("decrease", "decrease"), (None, None), ("完成", None),
])
def test_judge_rules_normalise_direction(word: str | None, expected: str | None) -> None:
    assert normalise_direction(word) == expected


@pytest.mark.parametrize(("sentence", "cue", "expected"), [
    ("2023年度收、支总计5,102.22万元。与2022年度相比，收、支总计各减少91.8万元，下降1.83%，主要原因是人员减少、支出压减。",
     "主要原因是", "decrease"),  # 003 @336
    ("与年初预算持平，主要原因是本年度购置（更新）公务用车0辆。", "主要原因是", "flat"),  # 003 @437
    ("支出决算为1227.34万元，支出决算数小于年初预算数的主要原因:一是压降项目支出", "主要原因:", "decrease"),  # 003 @397
    ("主要原因是人员调整。", "主要原因是", None),
])
def test_judge_rules_claim_direction_in(sentence: str, cue: str, expected: str | None) -> None:
    assert claim_direction_in(sentence, cue) == expected
