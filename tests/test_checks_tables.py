"""Row identities of spending tables: real tables and constructed ones around the tolerance."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens.analyze import analyze_file
from budgetlens.checks.registry import CheckContext
from budgetlens.checks.tables import row_identity_mismatch
from budgetlens.document import Cell, Table
from budgetlens.tables.columns import column_roles
from tests.conftest import corpus_pdf

HEADER = [["项目", "", "本年支出", "", ""], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]]


def spending_table(*body: tuple[str, str, str, str, str]) -> Table:
    rows = [[Cell(row=r, col=c, text=text, value=_value(text) if r >= 2 else None) for c, text in enumerate(line)]
            for r, line in enumerate([*HEADER, *body])]
    return Table(id="t1", title="支出决算表", unit="万元", n_rows=len(rows), n_cols=5, header_rows=2, rows=rows,
                 method="tsv")


def _value(text: str) -> Decimal | None:
    digits = text.replace(",", "")
    return Decimal(digits) if digits.replace(".", "").isdigit() and "." in text else None


def outcomes(table: Table) -> list:
    ctx = CheckContext(text="", sentences=[], amounts=[], claims=[], reasons=[], tables=[table])
    return list(row_identity_mismatch(ctx))


def test_roles_from_stacked_headers() -> None:
    assert column_roles(spending_table()) == ["code", "label", "total", "basic", "project"]


@pytest.mark.parametrize(("total", "basic", "project", "severity"), [
    ("1,227.34", "1,000.00", "227.34", None),  # exact
    ("100.01", "50.00", "50.00", None),  # 0.01 on two parts: within 0.005 × 3
    ("100.03", "50.00", "50.00", "info"),  # within one unit per term
    ("100.50", "50.00", "50.00", "error"),
])
def test_row_identity_tolerance(total: str, basic: str, project: str, severity: str | None) -> None:
    (outcome,) = outcomes(spending_table(("2010301", "行政运行", total, basic, project)))
    assert (outcome.severity if outcome else None) == severity


def test_blank_parts_are_absent_not_zero() -> None:
    (outcome,) = outcomes(spending_table(("2010301", "行政运行", "12.00", "12.00", "")))
    assert outcome is None


def test_real_wrong_row_is_found_once_with_its_cells() -> None:
    # justice bureau 2026 unit budget p.11 prints 64,840,547.00 of project spending on the 行政运行 row
    record = analyze_file(corpus_pdf("sh-putuo_justice-bureau_2026_unit-budget.pdf"))
    (finding,) = [f for f in record.findings if f.check == "row_identity_mismatch"]
    assert "204 06 01 行政运行" in finding.message
    assert finding.observed == Decimal("14348853.34")
    assert finding.expected == Decimal("79189400.34")
    assert {(e.page, e.text) for e in finding.evidence} >= {(11, "64,840,547.00")}


def test_correct_real_tables_are_silent() -> None:
    record = analyze_file(corpus_pdf("sh-putuo_social-work-dept_2024_dept-final.pdf"))
    status = next(s for s in record.checks if s.check == "row_identity_mismatch")
    assert status.tested > 5
    assert status.status == "passed"
