"""The nine indicator checks on real rows of the seeds: rows each one fires on (judged in
annotations/indicators/FINDINGS_REVIEW.md) and the correct rows beside them, which must stay silent.

A row is named by its seed line and a piece of its printed text (asserted first, so a test cannot
drift onto another row); a finding cites the row when one of its evidence cells or spans is on that line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache

import pytest

from budgetlens.checks import indicator_scores, indicator_texts, indicators
from budgetlens.checks.registry import CheckContext, Outcome
from budgetlens.indicators.lexicon import squash
from budgetlens.indicators.targets import text_to_target
from tests.conftest import seed_path
from tests.indicators_support import seed_context

Check = Callable[[CheckContext], Iterator[Outcome]]
CHECKS: dict[str, Check] = {check.__name__: check for check in (
    indicators.target_not_quantified, indicators.malformed_target, indicators.inconsistent_target,
    indicator_scores.cost_target_mismatch, indicators.unmet_target, indicator_scores.score_inconsistent,
    indicator_scores.target_change_unexplained, indicators.stale_reference, indicator_texts.target_text_mismatch)}


@lru_cache(maxsize=64)
def cited_lines(check: str, seed: str) -> frozenset[int]:
    """Seed lines the check's findings cite (table cells through the table's row_lines, text by span)."""
    ctx = seed_context(seed)
    tables = {table.id: table for table in ctx.tables}
    lines = set()
    for finding in CHECKS[check](ctx):
        for evidence in finding.evidence if finding is not None else []:
            if evidence.table_id is not None and evidence.row is not None:
                lines.add(tables[evidence.table_id].row_lines[evidence.row])
            elif evidence.span is not None and evidence.span.line is not None:
                lines.add(evidence.span.line)
    return frozenset(lines)


def seed_line(seed: str, line: int) -> str:
    return seed_path(seed).read_text(encoding="utf-8").splitlines()[line - 1]


# (check, seed, line, printed on that line, fires): every check fires on a real row (target_text_mismatch
# has none in the seeds: see the altered-row test below) and is silent on correct real rows.
ROWS = [
    ("target_not_quantified", "000", 578, "完成及时率\t及时", True),
    ("target_not_quantified", "002", 420, "全覆盖", True),  # 数量: no count given
    ("target_not_quantified", "002", 443, "争创最优", True),
    ("target_not_quantified", "003", 588, "上半年落实资金拨付\t完成", True),  # the deadline is in the name only
    ("target_not_quantified", "000", 573, "专项课题数\t1项", False),
    ("target_not_quantified", "002", 424, "无发生进京非访的事件", False),  # no occurrence: = 0
    ("target_not_quantified", "002", 426, "无“黄、非”案件", False),
    ("target_not_quantified", "002", 427, "无事件", False),
    ("target_not_quantified", "002", 429, "不发生", False),
    ("target_not_quantified", "001", 2182, "年内完成对口帮扶资金拨", False),  # 时效: within the year
    ("target_not_quantified", "003", 599, "12月31日之前完成", False),  # 时效: a deadline
    ("target_not_quantified", "003", 701, "12月31日之前完成", False),
    ("malformed_target", "000", 623, "预算执行率\t69万元", True),
    ("malformed_target", "002", 266, "10家≥", True),
    ("malformed_target", "000", 579, "预算执行率\t100%", False),
    ("malformed_target", "004", 305, "重大排渍抢险任务完成率\t=100%", False),
    ("malformed_target", "002", 415, "安全生产培训次数\t≥2次/年", False),
    ("inconsistent_target", "000", 577, "≤千分之四", True),
    ("inconsistent_target", "000", 693, "≤4%", True),
    ("inconsistent_target", "000", 573, "专项课题数\t1项", False),  # against "≥1项" @690: no comparator on one side
    ("inconsistent_target", "000", 690, "专项课题数\t≥1项", False),
    ("cost_target_mismatch", "000", 614, "3149.8万元", True),
    ("cost_target_mismatch", "002", 255, "养护经费", False),  # 2677.42万 = 当年预算 2677.42 万元
    ("cost_target_mismatch", "002", 256, "≤2677.42", False),
    ("unmet_target", "003", 586, "8个", True),
    ("unmet_target", "003", 561, "重大政府参阅材料\t\t≥10 篇\t20", False),
    ("unmet_target", "001", 2494, "2 个 2个", False),
    ("unmet_target", "001", 2508, "≦365 天 270 天", False),  # ≤: fewer days is met
    ("score_inconsistent", "003", 570, "服务对象满意率", True),  # 4 points among 5s for a met target
    ("score_inconsistent", "003", 561, "重大政府参阅材料", False),
    ("score_inconsistent", "000", 702, "专项课题数", False),  # weights add to 80: the Wuhan template
    ("target_change_unexplained", "000", 630, "8次\t≥5次", True),
    ("target_change_unexplained", "004", 69, "2次\t2次\t4次\t计划数据：按照工作实际需求", True),
    ("target_change_unexplained", "004", 315, "1437座\t2680座\t计划数据：维修更换圆形检查井井盖280座", False),
    ("target_change_unexplained", "004", 288, "87531座\t49783座\t计划数据：疏捞检查井29922座", False),
    ("target_change_unexplained", "004", 68, "≥30万人次\t≥30万人次\t≥30万人次", False),
    ("stale_reference", "000", 571, "起草《2021年政府工作报告》", True),
    ("stale_reference", "001", 1788, "认真撰写 2023 年度《政府工作", False),  # a 2023 form
    ("stale_reference", "004", 362, "2023年全区中小学100%", False),
    ("target_text_mismatch", "004", 258, "维修及更换井盖2680座", False),
    ("target_text_mismatch", "004", 315, "2680座", False),
    ("target_text_mismatch", "004", 288, "49783座", False),
    ("target_text_mismatch", "000", 609, "帮扶对象满意度达到95%以上", False),
]


@pytest.mark.parametrize(("check", "seed", "line", "printed", "fires"), ROWS)
def test_real_row(check: str, seed: str, line: int, printed: str, fires: bool) -> None:
    assert printed in seed_line(seed, line)
    assert (line in cited_lines(check, seed)) == fires


def test_every_check_has_real_rows_both_ways() -> None:
    named = {(check, fires) for check, _, _, _, fires in ROWS}
    assert {check for check, fires in named if not fires} == set(CHECKS)
    assert {check for check, fires in named if fires} == set(CHECKS) - {"target_text_mismatch"}


@pytest.mark.parametrize(("seed", "line", "word"), [
    ("002", 424, "无发生进京非访的事件"), ("002", 427, "无事件"), ("002", 429, "不发生"),
    ("001", 2182, "年内完成对口帮扶资金拨付"),
])
def test_not_quantified_real_exact_words_are_read_and_passed(seed: str, line: int, word: str) -> None:
    """The rows are parsed (a 质量/时效 row with that word as its target) and so looked at, then passed."""
    rows = [i for i in seed_context(seed).indicators if i.current and squash(i.current.value.raw) == word]
    assert rows
    assert all(r.current is not None and r.current.value.qualitative for r in rows)
    assert line not in cited_lines("target_not_quantified", seed)


def test_change_real_basis_explains_the_new_target() -> None:
    """004 @315: 1437座 → 2680座, the 依据 cell gives 280 round + 2400 square covers; the row is read."""
    row = next(i for i in seed_context("004").indicators if i.level3 == "维修及更换井盖个数")
    assert [t.value.raw for t in row.targets] == ["1152座", "1437座", "2680座"]
    assert row.basis is not None
    assert "2400座" in row.basis
    assert indicator_scores.basis_explains(row.basis)


def test_text_mismatch_real_goal_against_an_altered_row() -> None:
    """004's goal text says 2680座 (@258); the row @315 altered to 2860座 is then cited with the text."""
    ctx = seed_context("004")
    altered = []
    for row in ctx.indicators:
        if row.level3 == "维修及更换井盖个数":
            row = row.model_copy(deep=True)
            row.targets[-1].value = text_to_target("2860座")
        altered.append(row)
    found = [f for f in indicator_texts.target_text_mismatch(replace(ctx, indicators=altered)) if f is not None]
    assert [f.message for f in found] == ["“江汉区排水管网日常疏捞维护经费”项目年度绩效目标4说明“维修及更换井盖2680座”"
                                          "与指标“维修及更换井盖个数”（产出指标/数量指标）预计当年实现目标值“2860座”不一致"]
