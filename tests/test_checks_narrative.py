"""Narrative arithmetic checks on real sentences: correct ones stay silent, wrong ones are found once.

Sentences are from the seeds and corpus (source in comments). Each is run through the whole
pipeline as a small text document, so extraction and checks are tested together.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from budgetlens.analyze import analyze_file
from budgetlens.output.record import DocumentRecord
from budgetlens.sample import sample_paths
from tests.pipeline_support import analyze_text

NARRATIVE_CHECKS = {"wrong_change_rate", "wrong_completion_rate", "zero_denominator", "direction_mismatch",
                    "wrong_share"}


def arithmetic_findings(record: DocumentRecord) -> list:
    """The narrative arithmetic findings (a lone sentence's variance without a reason is another check's job)."""
    return [finding for finding in record.findings if finding.check in NARRATIVE_CHECKS]


def items_checked(record: DocumentRecord) -> int:
    return sum(status.tested for status in record.checks if status.check in NARRATIVE_CHECKS)


CORRECT = [
    # 003 @395: 5102.22 / 5093.22 = 100.177%
    "2023年度一般公共预算财政拨款支出年初预算为5093.22万元，支出决算为5,102.22万元，完成年初预算的100.18%。",
    # social-work p.18: 51.32 / 52.00 = 98.69%
    "全年预算为52.00万元，支出决算为51.32万元，完成全年预算数的98.69%。",
    # social-work p.19: 2.22 / 2.23 = 99.55%, rounding at the edge
    "全年预算为2.23万元，支出决算为2.22万元，完成全年预算数的99.55%。",
    # 003 @441: the budget is the actual plus the stated shortfall: 0.42 / 1.32 = 31.82%
    "3.公务接待费支出决算为0.42万元，完成全年预算的31.8%，比全年预算减少0.9万元。",
    # 003 @436: 34.29 / (215.69 + 34.29) = 13.717%: inside the printed-figure interval
    "2023年度机关运行经费支出215.69万元，比年初预算数减少34.29万元，降低13.71%。",
    # 003 @397: an explicit comparison that agrees with the figures
    "2.社会保障和就业支出(类)年初预算数为199.57万元,决算数199.57万元,完成年初预算的100%,支出决算数等于年初预算数。",
    # js_procuratorate 2019: 1442.74 − 368.97 = 1073.77; written as the sentence before gives the figure
    "一般公共预算财政拨款支出预算1442.74万元。与上年相比，一般公共预算财政拨款支出预算增加368.97万元，增长34.36%。",
    # 003 @379: shares of the total the list starts from: 1,227.34 / 5,102.22 = 24.055%
    "2023年度一般公共预算财政拨款支出5,102.22万元，主要用于以下方面：1.一般公共服务（类）支出1,227.34万元，占24.06%。",
    # js_cppcc 2019: a share of another whole (the 三公 total) is not checked against the list's total
    "2019年度一般公共预算财政拨款支出6,442.75万元，其中：公务接待费支出397.5万元，占“三公”经费的60.22%。"
    "基本支出5,000.00万元，占77.61%。",
]


@pytest.mark.parametrize("text", CORRECT)
def test_correct_sentences_raise_no_finding(text: str) -> None:
    record = analyze_text(text)
    assert items_checked(record) > 0, "the checks did not look at the sentence"
    assert arithmetic_findings(record) == []


WRONG = [
    # 001 @782 (figures as printed): 73.61 / (2,019.84 − 73.61) = 3.78%, not 0.04%
    ("2019年度收、支总计2,019.84万元。与2018年度相比，收、支总计各增加73.61万元，增长0.04%。",
     "wrong_change_rate", "error", Decimal("0.04"), Decimal("3.78")),
    # 000 @195: the rate divided by this year's figure (24.65 / 95.24), not last year's (24.65 / 119.89)
    ("2024年机关运行经费95.24万元，较2023年预算减少24.65万元，下降25.88%。",
     "wrong_change_rate", "error", Decimal("25.88"), Decimal("20.56")),
    # 003 @397: 1227.34 / 1305.33 = 94.03%
    ("1.一般公共服务支出(类)财政事务(款)行政运行(项)年初预算为1305.33万元,支出决算为1227.34万元,完成年初预算的93.98%。",
     "wrong_completion_rate", "error", Decimal("93.98"), Decimal("94.03")),
    # 003 @387: 145.29 / 5,102.22 = 2.85%
    ("2023年度一般公共预算财政拨款支出5,102.22万元，主要用于以下方面：5.住房保障支出（类）145.29万元，占比2.81%。",
     "wrong_share", "error", Decimal("2.81"), Decimal("2.85")),
    # social-work p.18: a completion rate against a 年初预算 of 0
    ("一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%。",
     "zero_denominator", "error", Decimal("95.89"), None),
]


@pytest.mark.parametrize(("text", "check", "severity", "observed", "expected"), WRONG)
def test_wrong_sentences_give_one_finding(text: str, check: str, severity: str, observed: Decimal,
                                          expected: Decimal | None) -> None:
    record = analyze_text(text)
    (finding,) = arithmetic_findings(record)
    assert (finding.check, finding.severity, finding.observed, finding.expected) == (check, severity, observed,
                                                                                       expected)
    (place,) = finding.evidence
    assert place.span is not None
    assert place.span.line is not None
    assert str(observed) in "".join(record.text[place.span.start:place.span.end].split()) + place.text


def test_wrong_base_is_named() -> None:
    record = analyze_text(WRONG[1][0])
    assert "以本年数为基数" in arithmetic_findings(record)[0].message


def test_one_error_stated_twice_is_one_finding() -> None:
    text = WRONG[0][0] + "2019年度收入合计2,019.84万元。与2018年度相比，收入合计增加73.61万元，增长0.04%。"
    (finding,) = arithmetic_findings(analyze_text(text))
    assert len(finding.evidence) == 2


def test_every_check_reports_a_status() -> None:
    record = analyze_text("本表反映部门年度总体收支预算情况。")
    statuses = {status.check: status.status for status in record.checks}
    assert statuses.keys() >= NARRATIVE_CHECKS
    assert set(statuses.values()) == {"not_applicable"}


def test_sample_errors_of_the_narrative_are_found_once() -> None:
    """E2 (rate on the wrong base) and E4 (大于 for a smaller actual) of the bundled sample."""
    documented = {e["id"]: e for e in json.loads((sample_paths()[0].parent / "errors.json").read_text("utf-8"))}
    for path in (p for p in sample_paths() if p.name.startswith("dept_final")):
        record = analyze_file(path)
        by_check = {}
        for finding in record.findings:
            by_check.setdefault(finding.check, []).append(finding)
        (e2,) = by_check["wrong_change_rate"]
        assert e2.observed == Decimal(documented["E2"]["observed"].rstrip("%"))
        assert e2.expected == Decimal(documented["E2"]["expected"].rstrip("%"))
        (e4,) = by_check["direction_mismatch"]
        assert "1,245.80" in e4.message
        assert "大于" in e4.message
