"""The findings evaluator's matching rule on constructed findings."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from types import SimpleNamespace

from budgetlens.checks.findings import Finding
from budgetlens.evaluate.findings import score_document, summary


def test_matching_by_check_and_observed_figure() -> None:
    gold = [{"check": "wrong_change_rate", "severity": "error", "observed": 0.04, "expected": 3.78, "where": {}},
            {"check": "narrative_table_mismatch", "severity": "error", "observed": 4407.97, "expected": 4407.79,
             "where": {"snippet": "4407.97 万元"}}]
    ours = [Finding(id="f1", check="wrong_change_rate", severity="error", message="…", observed=Decimal("0.04")),
            Finding(id="f2", check="wrong_share", severity="error", message="…", observed=Decimal("2.81"))]
    counts, misses = Counter(), []
    score_document(gold, SimpleNamespace(findings=ours), counts, misses)
    result = summary(counts)
    assert (result["recall"], result["precision"]) == (0.5, 0.5)
    assert any(m.startswith("FP wrong_share") for m in misses)


def test_checks_outside_the_golds_scope_are_not_false_alarms() -> None:
    """GUIDELINE §7: indicator scoring and form calculations are not read by this gold (issue 6 measures them)."""
    ours = [Finding(id="f1", check="score_inconsistent", severity="error", message="…"),
            Finding(id="f2", check="wrong_share", severity="error", message="…", observed=Decimal("2.81"))]
    counts, misses = Counter(), []
    score_document([], SimpleNamespace(findings=ours), counts, misses)
    assert counts["our_errors"] == 1
    assert [m.split()[1] for m in misses] == ["wrong_share"]
