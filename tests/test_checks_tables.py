"""Row identities of spending tables: real tables and constructed ones around the tolerance."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens.analyze import analyze_file
from budgetlens.checks.registry import CheckContext
from budgetlens.checks.tables import row_identity_mismatch, table_sum_mismatch
from budgetlens.document import Cell, Table
from budgetlens.sample import sample_paths
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


def coded_table(*body: tuple[str, ...]) -> Table:
    header = [["类", "款", "项", "科目名称", "合计"]]
    rows = [[Cell(row=r, col=c, text=text, value=_value(text) if r >= 1 and c == 4 else None)
             for c, text in enumerate(line)] for r, line in enumerate([*header, *body])]
    return Table(id="t2", title="支出表", unit="元", n_rows=len(rows), n_cols=5, header_rows=1, rows=rows,
                 method="ruling")


def sum_outcomes(table: Table) -> list:
    ctx = CheckContext(text="", sentences=[], amounts=[], claims=[], reasons=[], tables=[table])
    return list(table_sum_mismatch(ctx))


def test_split_codes_with_a_dropped_zero_add_up() -> None:
    # wanli 2024 p.29 prints 款 "2" for "02"
    table = coded_table(("301", "", "", "工资福利支出", "35.00"), ("301", "01", "", "基本工资", "10.00"),
                        ("301", "2", "", "津贴补贴", "20.00"), ("301", "08", "", "养老保险缴费", "5.00"))
    assert sum_outcomes(table) == [None]


def test_a_wrong_subtotal_is_an_error_and_irregular_codes_are_not_judged() -> None:
    table = coded_table(("301", "", "", "工资福利支出", "31.00"), ("301", "01", "", "基本工资", "10.00"),
                        ("301", "02", "", "津贴补贴", "20.00"))
    (outcome,) = sum_outcomes(table)
    assert (outcome.severity, outcome.observed, outcome.expected) == ("error", Decimal("31.00"), Decimal("30.00"))
    irregular = coded_table(("208", "", "", "社会保障和就业支出", "140.00"), ("208", "05", "", "养老", "138.10"),
                            ("208", "099", "", "其他", "0.47"))
    assert sum_outcomes(irregular) == []


def test_sample_subtotal_error_is_found_once() -> None:
    """E5 of the bundled sample: 302 商品和服务支出 printed 176.54, its items add up to 178.34."""
    for path in (p for p in sample_paths() if p.name.startswith("dept_final")):
        (finding,) = [f for f in analyze_file(path).findings if f.check == "table_sum_mismatch"]
        assert (finding.observed, finding.expected) == (Decimal("176.54"), Decimal("178.34"))
        assert finding.evidence[0].text == "176.54"


def test_a_part_we_cannot_name_keeps_the_row_identity_silent() -> None:
    # js_npc 2018 支出预算总表: 合计 = 基本支出 + 项目支出 + 单位预留机动经费 (1,685.72万元)
    record = analyze_file(corpus_pdf("js_npc-standing-committee-office_2018_dept-budget.pdf"))
    assert [f for f in record.findings if f.check == "row_identity_mismatch"] == []
