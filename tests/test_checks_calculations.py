"""calculation_mismatch: stated calculations (测算依据) are recomputed; right ones stay silent.

Correct expressions are real, from the seeds (source in comments); wrong ones are constructed
from them by changing the result. Parsing and recomputing are tested as pure functions, the
check through the whole pipeline on short texts, the bundled sample and the seeds.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from budgetlens.analyze import analyze_file
from budgetlens.checks.calculations import recompute, text_to_checked
from budgetlens.checks.equations import text_to_equations
from budgetlens.output.record import DocumentRecord
from budgetlens.sample import errors_path, sample_paths
from tests.conftest import seed_path
from tests.pipeline_support import analyze_text

CHECK = "calculation_mismatch"

CORRECT = [
    # 002 @70-80: 项目支出明细测算, 元 operands and a 万元 result
    "1000 元/人×30 人 =3.0 万元",
    "220 元/人×5 人 =0.11 万元",
    "10 人×2000 元/人=2 万元",
    "500 元/月×12 月×10 家=6 万元",
    "2000 元*500 人=100 万元",
    "600 元*100 人=6 万元",
    # 000 @916: per-units ("元/人/月") are units, not divisions
    "基本工资4000元/人/月×10人×12月=480000元, 五险1250元/人/月×10人×12月=150000元",
    # 004 @229: labels in parentheses; ② is written in the order it is done: (3702−492)×98%+492
    "①3717-15（场租）=3702万元；",
    "②2023年核定经费为3702-492（公益一类人员经费）*98%+492=3637.8万元；",
    "③3637.8-44.35（调转人员公务费等）=3593.45万元。",
    # 004 @230: the result rounded to its one decimal (203.203)
    "2023年核对经费为207.35*98%=203.2万元。",
    # the brief's examples: a price per area and a yearly price
    "50元/平方米×8369.34平方米×12月=502.16万元",
    "1.5万元/年×3年=4.5万元",
    # the sample's form (right ones), with a PDF line break inside the result
    "合计60.00+86.00=146.0 0万元。",
    "执行率968.40/1,020.00=94.94%",
    "1.5万人×200元/人=300万元",
    "(1200元/人×1000人+4000元/人×300人)=240万元",
]

NOT_EQUATIONS = [
    # 001 @140, @775: row and column formulas under tables
    "27 行=（1+2+3+4+5+6+7+8）行；",
    "1 栏=（2+3+6）栏；3 栏=（4+5）栏；",
    # 001 @2565 and 004 @113: formulas in words
    "正向指标（即目标值为≥X,得分=权重*B/A）",
    "计划数据: 预算执行完成率=实际支出资金/预算批复资金*100%",
    # 002 @75: the result in a row of its own, the expression above it without "="
    "=240 万元",
    "1200 元/人×1000 人 （创业培训补贴） +4000 元/人×300 人 （技能培训补贴）",
    # implicit sums are not read in this version
    "网络安全等级保护三级测评18.00万元，商用密码应用安全性评估22.00万元，共计41.00万元。",
    # ranges and indicator values
    "2024-2026=3年",
    "开展活动300场 =300.00(场)",
]

WRONG = [
    # E6 of the sample
    ("计1,600×0.15=260.00万元。", "wrong", "260.00", "240.00"),
    # units converted: 1,000,000元 = 100万元
    ("2000 元*500 人=10 万元", "wrong", "10", "100.00"),
    ("50元/平方米×8369.34平方米×12月=520.16万元", "wrong", "520.16", "502.16"),
    ("1.5万元/年×3年=5.5万元", "wrong", "5.5", "4.50"),
    ("１，６００×０．１５＝２６０．００万元", "wrong", "260.00", "240.00"),  # full-width
    ("968.40/1,020.00=95.94%", "wrong", "95.94", "94.94"),
    # neither reading holds: by precedence 3711.84, in writing order 3637.8
    ("3702-492*98%+492=3700万元", "wrong", "3700", "3711.84"),
    # rounding edges: 18.00+22.00 lies in [39.99, 40.01]; one unit beyond that is a truncation
    ("18.00+22.00=40.02万元", "truncated", "40.02", "40.00"),
    ("18.00+22.00=40.03万元", "wrong", "40.03", "40.00"),
    ("4000元/人/月×10人×12月=480001元", "truncated", "480001", "480000.00"),
    ("100/3=33.34万元", "truncated", "33.34", "33.33"),
]

ROUNDED_RIGHT = ["18.00+22.00=40.01万元", "100/3=33.33万元", "100/3=33.3万元", "1,600×0.15=240.00万元"]
OPEN = [
    "2000元×3万人=6000",  # 元 and 万 on the operands, a bare result: its unit is unknown
    "1200元/人×1000人+300=240万元",  # one term has a unit, the other not
    "100/0=5万元",  # a zero divisor
]


def verdicts(text: str) -> list[str | None]:
    return [(checked.verdict if checked else None) for _, checked in text_to_checked(text)]


@pytest.mark.parametrize("text", CORRECT)
def test_calculations_correct_expressions_hold(text: str) -> None:
    found = verdicts(text)
    assert found
    assert set(found) == {"ok"}


@pytest.mark.parametrize("text", NOT_EQUATIONS)
def test_calculations_text_without_an_explicit_equation_is_not_read(text: str) -> None:
    assert text_to_equations(text) == []


@pytest.mark.parametrize(("text", "verdict", "observed", "expected"), WRONG)
def test_calculations_wrong_results_are_recomputed(text: str, verdict: str, observed: str, expected: str) -> None:
    (equation,) = text_to_equations(text)
    checked = recompute(equation)
    assert checked is not None
    assert checked.verdict == verdict
    assert equation.result.printed == Decimal(observed)
    assert checked.expected.quantize(Decimal(expected)) == Decimal(expected)


@pytest.mark.parametrize("text", ROUNDED_RIGHT)
def test_calculations_rounded_results_and_operands_are_accepted(text: str) -> None:
    assert verdicts(text) == ["ok"]


@pytest.mark.parametrize("text", OPEN)
def test_calculations_open_units_or_zero_divisor_are_not_judged(text: str) -> None:
    assert verdicts(text) == [None]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("3.00  1000 元/人×30 人 =3.0 万元", "ok"),  # 002 @70 read as one line: the amount column is not an operand
        ("合计60.00+86.00=14 6.00万元。", "ok"),  # a line break inside the result
        ("合计60.00+86.00=147.0 0万元。", "wrong"),  # wrong however the blank is read
    ],
)
def test_calculations_blank_between_digits_is_read_both_ways(text: str, verdict: str) -> None:
    assert verdicts(text) == [verdict]


def test_calculations_equation_text_is_the_printed_expression() -> None:
    text = "需租用分布式块存储1,600TB，单价0.15万元/TB/年，计1,600×0.15=260.00万元。"
    assert [e.text for e in text_to_equations(text)] == ["1,600×0.15=260.00万元"]
    text = "政务外网互联网出口带宽2条，每条30.00万元/年，计2×30.00=60.00万元；合计60.00+86.00=146.00万元。"
    assert [e.text for e in text_to_equations(text)] == ["2×30.00=60.00万元", "60.00+86.00=146.00万元"]


def findings_of(record: DocumentRecord) -> list:
    return [finding for finding in record.findings if finding.check == CHECK]


def status_of(record: DocumentRecord) -> tuple[int, int]:
    (status,) = [s for s in record.checks if s.check == CHECK]
    return status.tested, status.failed


def test_calculations_check_finds_a_wrong_sentence_with_its_evidence() -> None:
    record = analyze_text("本项目需租用分布式块存储1,600TB，单价0.15万元/TB/年，计1,600×0.15=260.00万元。")
    (finding,) = findings_of(record)
    assert (finding.severity, finding.observed, finding.expected) == ("error", Decimal("260.00"), Decimal("240.00"))
    (place,) = finding.evidence
    assert place.kind == "text"
    assert place.span is not None
    assert "1,600×0.15=260.00" in record.text[place.span.start:place.span.end]


def test_calculations_check_reads_table_cells() -> None:
    table = ("项目内容\t测算依据及说明\t金额\n"
             "一次性吸纳就业补贴\t1000 元/人×30 人 =3.0 万元\t3.00\n"
             "一次性创业补贴\t5000 元/人×15 人 =8.5 万元\t8.50\n")
    record = analyze_text(table)
    (finding,) = findings_of(record)
    assert (finding.observed, finding.expected) == (Decimal("8.5"), Decimal("7.50"))
    (place,) = finding.evidence
    assert (place.kind, place.row, place.col) == ("cell", 2, 1)
    assert status_of(record) == (2, 1)


def test_calculations_sample_e6_is_found_once_in_text_and_pdf() -> None:
    (e6,) = [e for e in json.loads(errors_path().read_text("utf-8")) if e["check"] == CHECK]
    for path in (p for p in sample_paths() if p.name.startswith("perf_target")):
        (finding,) = findings_of(analyze_file(path))
        assert finding.observed == Decimal(e6["observed"])
        assert finding.expected == Decimal(e6["expected"])
        assert e6["where"]["snippet"] in finding.message
        assert finding.evidence[0].kind == "cell"


@pytest.mark.parametrize("prefix", ["000", "002", "004"])
def test_calculations_seed_expressions_are_tested_and_silent(prefix: str) -> None:
    record = analyze_file(seed_path(prefix))
    tested, failed = status_of(record)
    assert tested >= 3
    assert failed == 0
