"""A change stated from both years' figures ("…执行数为A万元，…预算安排B万元，比…执行数增加C%"): the
first figure is the base of the change; its rate and direction are checked (real sentences, Shanghai budgets)."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetlens.analyze import analyze_bytes

HEAD = "（三）一般公共预算财政拨款支出主要内容\n"


def _findings(sentence: str) -> list:
    record = analyze_bytes((HEAD + sentence + "\n").encode(), Path("t.txt"))
    return [f for f in record.findings if f.check in ("wrong_change_rate", "direction_mismatch")]


def test_the_year_before_figure_becomes_the_base_of_the_change() -> None:
    text = "2023年当年预算执行数为711.34万元，2024年预算安排738.66万元，比2023年预算执行数增加3.84%。"
    record = analyze_bytes((HEAD + text + "\n").encode(), Path("t.txt"))
    (change,) = [c for c in record.claims if c.kind == "change"]
    assert {v.role: v.text for v in change.values} == {"prior": "711.34万元", "current": "738.66万元", "pct": "3.84%"}
    assert change.prior_year == 2023
    assert not [c for c in record.claims if c.kind == "budget_vs_actual"]
    assert _findings(text) == []


@pytest.mark.parametrize(("sentence", "check", "expected"), [
    ("2022年当年预算执行数为132.59万元，2023年预算安排441.25万元，比2022年预算执行数增加60.54%。",
     "wrong_change_rate", "232.79"),
    ("2025年当年预算执行数为241.76万元，2026年预算安排170.03万元，比2025年预算执行数增加21.74%。",
     "direction_mismatch", None),
])
def test_a_wrong_rate_or_direction_is_found_once(sentence: str, check: str, expected: str | None) -> None:
    (finding,) = _findings(sentence)
    assert finding.check == check
    assert (str(finding.expected) if finding.expected is not None else None) == expected
