"""The checks stage: every registered check over one document's facts.

Importing the modules below registers their checks (registry.register); `check_document`
runs them all and returns the findings and a status for every check.
"""

from __future__ import annotations

from budgetlens.checks import calculations as _calculations  # noqa: F401  (registers calculation_mismatch)
from budgetlens.checks import consistency as _consistency  # noqa: F401  (registers inconsistent_narrative_value)
from budgetlens.checks import cross_tables as _cross_tables  # noqa: F401  (registers the cross-table checks)
from budgetlens.checks import indicator_scores as _indicator_scores  # noqa: F401  (registers indicator score checks)
from budgetlens.checks import indicator_texts as _indicator_texts  # noqa: F401  (registers target_text_mismatch)
from budgetlens.checks import indicators as _indicators  # noqa: F401  (registers the indicator target checks)
from budgetlens.checks import linking as _linking  # noqa: F401  (registers the narrative ↔ table checks)
from budgetlens.checks import narrative as _narrative  # noqa: F401  (registers the narrative checks)
from budgetlens.checks import tables as _tables  # noqa: F401  (registers the table checks)
from budgetlens.checks import variances as _variances  # noqa: F401  (registers the cause-analysis checks)
from budgetlens.checks.findings import CheckStatus, Evidence, Finding
from budgetlens.checks.registry import CHECKS, CheckContext, run_checks

__all__ = ["CHECKS", "CheckContext", "CheckStatus", "Evidence", "Finding", "check_document", "run_checks"]


def check_document(ctx: CheckContext) -> tuple[list[Finding], list[CheckStatus]]:
    return run_checks(ctx)
