"""Narrative ↔ table linking: subjects name table lines, figures are compared with their cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetlens.analyze import analyze_file
from budgetlens.link.subjects import LineName, scope_in, subject_to_line
from tests.conftest import corpus_pdf, seed_path

SAMPLE = Path(__file__).parents[1] / "pipeline" / "budgetlens" / "sample" / "dept_final_2024.txt"


@pytest.mark.parametrize(("subject", "line"), [
    ("一般公共预算财政拨款基本支出", LineName("total_line", "general", "basic")),
    ("一般公共预算拨款", LineName("total_line", "general", "spending_total")),
    ("上海市普陀区财政局2024年度财政拨款收入支出总计", LineName("total_line", "fiscal", "grand_total")),
    ("本年支出合计", LineName("total_line", "all", "spending_total")),
    ("公务接待费", LineName("three_public", "fiscal", "reception")),
    ("“三公”经费财政拨款支出", LineName("three_public", "fiscal", "total")),
    ("卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）",
     LineName("function", path=("卫生健康支出", "行政事业单位医疗", "行政单位医疗"))),
    ("公共安全支出（204类）司法（06款）行政运行（01项）",
     LineName("function", path=("公共安全支出", "司法", "行政运行"), code="2040601")),
])
def test_subjects_name_table_lines(subject: str, line: LineName) -> None:
    assert subject_to_line(subject) == line


@pytest.mark.parametrize("subject", ["推进“", "涉及预算支出", "以及下属", "当年预算", "部门日常工作经费"])
def test_other_subjects_name_no_line(subject: str) -> None:
    assert subject_to_line(subject) is None


def test_a_fund_named_earlier_in_the_sentence_narrows_the_scope() -> None:
    assert scope_in("2023年度政府性基金预算财政拨款年初结转和结余0万元，") == "gov_fund"
    assert scope_in("一般公共预算财政拨款支出2019.84万元，其中：") == "general"
    assert scope_in("2023年度收入合计5102.22万元，") is None


def _mismatches(path: Path) -> list:
    return [f for f in analyze_file(path).findings if f.check == "narrative_table_mismatch"]


def test_the_sample_basic_spending_typo_is_found_once_with_its_cell() -> None:
    (finding,) = _mismatches(SAMPLE)
    assert (str(finding.observed), str(finding.expected), finding.severity) == ("1286.10", "1268.10", "error")
    cells = [e for e in finding.evidence if e.kind == "cell"]
    assert [c.text for c in cells] == ["1,268.10"]


def test_a_real_final_account_states_the_all_funds_basic_spending_as_the_general_budget_one() -> None:
    found = {(str(f.observed), str(f.expected), f.severity)
             for f in _mismatches(corpus_pdf("sh-putuo_planning-natural-resources_2024_dept-final.pdf"))}
    assert ("5377.64", "5364.75", "error") in found
    assert ("4896.98", "4884.09", "error") in found
    assert ("236.63", "236.64", "info") in found


def test_a_table_in_yuan_is_compared_in_wan_yuan() -> None:
    found = {(str(f.observed), str(f.expected))
             for f in _mismatches(corpus_pdf("sh-putuo_finance-bureau_2025_dept-budget.pdf"))}
    assert found == {("887.36", "87.36")}  # table 873,617.00 元


@pytest.mark.parametrize("name", ["sh-putuo_social-work-dept_2024_dept-final.pdf",
                                  "sh-putuo_district-gov-office_2025_dept-budget.pdf",
                                  "sh-putuo_wanli-subdistrict_2025_dept-budget.pdf"])
def test_documents_whose_figures_agree_with_their_tables_stay_silent(name: str) -> None:
    record = analyze_file(corpus_pdf(name))
    status = next(c for c in record.checks if c.check == "narrative_table_mismatch")
    assert status.tested > 0
    assert _mismatches(corpus_pdf(name)) == []


def test_a_subject_borrowed_from_the_sentence_before_is_not_linked() -> None:
    """001: "项目支出主要用于：部门日常工作经费：120.06万元" is a purpose list, not the 项目支出 total."""
    assert all(str(f.observed) != "120.06" for f in _mismatches(seed_path("001")))


def test_the_same_class_total_printed_differently_in_two_tables_is_info() -> None:
    record = analyze_file(corpus_pdf("sh-putuo_planning-natural-resources_2024_dept-final.pdf"))
    found = {(str(f.observed), str(f.expected), f.severity)
             for f in record.findings if f.check == "cross_table_mismatch"}
    assert found == {("236.63", "236.64", "info"), ("3845.25", "3845.24", "info")}
    status = next(c for c in record.checks if c.check == "cross_table_mismatch")
    assert status.tested > 10


def test_tables_that_agree_raise_no_cross_table_finding() -> None:
    record = analyze_file(SAMPLE)
    status = next(c for c in record.checks if c.check == "cross_table_mismatch")
    assert (status.status, status.failed) == ("passed", 0)
    assert status.tested > 5
