"""The cause-analysis checks on real sentences: explained and unchanged lines stay silent, the rest is found once.

The reason judge is the lexicon test double (variances_support): these pin what each check does
with a label. Each check yields one outcome per item it looked at (None for an item that passed).
"""

from __future__ import annotations

import pytest

from budgetlens.checks import variances as checks
from budgetlens.checks.registry import CheckContext, FindingDraft
from tests.variances_support import LIST_ONE_UNEXPLAINED, ZERO_WITH_REASON, Label, context_of

SILENT = [
    # 003 @441: explained (by a generic reason: generic_reason reports that, not unexplained_variance)
    "3.公务接待费支出决算为0.42万元，完成全年预算的31.8%，比全年预算减少0.9万元。主要原因是降低支出，减少公务接待。",
    # 003 @399: no difference, no reason needed
    "2.社会保障和就业支出(类)年初预算数为199.57万元,决算数199.57万元,完成年初预算的100%,支出决算数等于年初预算数。",
    # social-work p.18: a specific reason (an event)
    "机关运行经费支出10.23万元，比2023年度增加10.23万元，增长100.00%。主要原因是单位于2024年成立。",
]


def run(check, ctx: CheckContext) -> tuple[int, list[FindingDraft]]:
    outcomes = list(check(ctx))
    return len(outcomes), [o for o in outcomes if o is not None]


@pytest.mark.parametrize("text", SILENT)
def test_variances_explained_or_flat_lines_are_not_unexplained(text: str) -> None:
    tested, found = run(checks.unexplained_variance, context_of(text))
    assert found == []
    assert tested == (0 if "等于" in text else 1)


def test_variances_unexplained_line_is_found_with_its_figures() -> None:
    ctx = context_of("2023年度一般公共预算财政拨款支出年初预算为5093.22万元，支出决算为5,102.22万元，"
                     "完成年初预算的100.18%。")
    _, (finding,) = run(checks.unexplained_variance, ctx)
    assert finding.severity == "info"  # 0.18%: below the severity threshold, still reported
    assert "预算数5,093.22万元、决算数5,102.22万元，增加9.00万元（0.18%）" in finding.message
    assert finding.evidence[0].claim_id == "c1"
    assert finding.evidence[0].span is not None


def test_variances_large_unexplained_change_is_a_warning() -> None:
    ctx = context_of("2023年度“三公”经费财政拨款支出全年预算为1.32万元，支出决算为0.42万元，完成全年预算的31.8%。")
    _, (finding,) = run(checks.unexplained_variance, ctx)
    assert finding.severity == "warning"
    assert "（-68.18%）" in finding.message


def test_variances_generic_reason_names_the_reason_and_the_change() -> None:
    ctx = context_of(SILENT[0])
    tested, (finding,) = run(checks.generic_reason, ctx)
    assert tested == 1
    assert "“降低支出，减少公务接待”" in finding.message
    assert "公务接待费" in finding.message
    assert [e.kind for e in finding.evidence] == ["text", "text"]
    assert run(checks.generic_reason, context_of(SILENT[2])) == (1, [])


def test_variances_generic_reason_shared_by_several_changes_says_so() -> None:
    ctx = context_of("2023年因公出国（境）费比上年减少2万元，公务接待费比上年减少1万元，主要原因是严格落实八项规定。")
    _, (finding,) = run(checks.generic_reason, ctx)
    assert "同一原因用于2项变动" in finding.message


def test_variances_reason_for_zero_change() -> None:
    """003 @431: 0 against 0, yet a cause is given."""
    ctx = context_of(ZERO_WITH_REASON)
    tested, (finding,) = run(checks.reason_for_zero_change, ctx)
    assert tested == 1
    assert finding.severity == "info"
    assert "全年未安排因公出国" in finding.message


def test_variances_contradictory_reason_uses_the_judgement() -> None:
    def contradicting(text: str, cue: str, direction: str | None = None, claim_direction: str | None = None):
        return Label("contradictory")

    ctx = context_of(SILENT[2], judge=contradicting)
    tested, (finding,) = run(checks.contradictory_reason, ctx)
    assert tested == 1
    assert "与变动方向相矛盾" in finding.message


def test_variances_missing_reason_items_names_the_unexplained_ones() -> None:
    """social-work p.18–19 shape: items of one list, one explained, one not."""
    ctx = context_of(LIST_ONE_UNEXPLAINED)
    tested, (finding,) = run(checks.missing_reason_items, ctx)
    assert tested == 1
    assert "事业运行" in finding.message
    assert "行政运行" not in finding.message
