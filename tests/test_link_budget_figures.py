"""A budget figure links to the table's budget column, an actual to the 决算 column, and a figure
mistyped in the text is blamed once, on the figure, not also on a rate that is right for the table."""

from __future__ import annotations

from budgetlens.analyze import analyze_file
from budgetlens.checks.registry import CheckContext
from tests.conftest import corpus_pdf, seed_path


def _three_public_links(record) -> set[tuple[str, str, str, str]]:
    ctx = CheckContext(text=record.text, sentences=record.sentences, amounts=record.amounts, claims=record.claims,
                       reasons=record.reasons, tables=record.tables, year=record.meta.fiscal_year)
    return {(link.claim.subject or "", link.role, "".join(link.amount.text.split()), link.located.column.header)
            for link in ctx.links if link.line.kind == "three_public" and link.located is not None}


def test_budget_and_actual_of_a_three_public_item_link_to_their_own_columns() -> None:
    # 001 @974 "1. 因公出国（境）费预算为 0 万元，支出决算为 1.82 万元" and @992 (公务用车 预算为 2.52)
    record = analyze_file(seed_path("001"))
    links = _three_public_links(record)
    assert ("因公出国（境）费", "budget", "0万元", "预算数/因公出国(境)费") in links
    assert ("因公出国（境）费", "actual", "1.82万元", "决算数/因公出国(境)费") in links
    assert ("公务用车购置及运行维护费", "budget", "2.52万元", "预算数/公务用车购置及运行费/小计") in links
    mismatches = [f for f in record.findings if f.check == "narrative_table_mismatch"]
    assert not [f for f in mismatches if str(f.observed) in ("0", "1.82", "2.52")]


def test_a_mistyped_figure_is_reported_and_its_right_rate_is_not() -> None:
    # justice 2026 p.9: item 12 prints 208.8万元; "2026年预算安排201.50万元，比2025年预算执行数(198.34)增加5.27%"
    # 5.27% = (208.8 − 198.34) / 198.34: the rate is right, the 201.50 is the slip
    record = analyze_file(corpus_pdf("sh-putuo_justice-bureau_2026_dept-budget.pdf"))
    found = {(f.check, str(f.observed)) for f in record.findings if f.severity == "error"}
    assert ("narrative_table_mismatch", "201.50") in found
    assert ("wrong_change_rate", "5.27") not in found
