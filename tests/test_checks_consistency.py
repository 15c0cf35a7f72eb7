"""inconsistent_narrative_value on real passages: one quantity with two values is found once, with every
place; figures repeated correctly, figures of different items and incomplete lists stay silent.

Passages are short excerpts of the seeds and corpus (source in comments), run through the whole pipeline
as small text documents (no tables, so no figure is decided by a cell).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens.checks.consistency import subject_name
from tests.pipeline_support import analyze_text

CHECK = "inconsistent_narrative_value"
# Titles as the documents print them: they give the fiscal year every unstated figure is of.
WUCHANG_2023 = "武汉市武昌区人民政府办公室2023年度部门决算"  # seed 003
JIANGHAN_2024 = "武汉市江汉区人民政府办公室2024年预算"  # seed 000
PROCURATORATE_2017 = "江苏省人民检察院2017年部门预算"  # js_procuratorate 2017
CPPCC_2017 = "江苏省政协办公厅2017年部门预算"  # js_cppcc 2017
COMMERCE_2025 = "上海市普陀区商务委员会2025年度部门预算"  # sh-putuo commerce 2025


def document(title: str, *paragraphs: str) -> str:
    return "\n\n".join((title, *paragraphs))


# 003 @336-375: the same fall of the totals, 91.78 in 三、支出 and 91.80 in 四 (91.8 in 一/二 fits both)
TOTALS_CHANGE = document(
    WUCHANG_2023,
    "2023年度收、支总计5,102.22万元。与2022年度相比，收、支总计各减少91.8万元，下降1.83%。",
    "2023年度收入合计5,102.22万元，与2022年度相比，收入合计减少91.8万元，下降1.83%。",
    "2023年度支出合计5,102.22万元，与2022年度相比，支出合计增减少91.78万元，下降1.83 %。",
    "2023年度财政拨款收、支总计5,102.22万元。与2022年度相比，财政拨款收、支总计各减少91.80万元，下降1.83%。",
    "2023年度一般公共预算财政拨款支出5,102.22万元，占本年支出100%。"
    "与2022年度相比，一般公共预算财政拨款支出减少91.80万元，下降1.83%。",
)
# 003 @395-405: the five 类 actuals add up to 5,102.22 (the list is complete); their budgets give 5180.21
BUDGET_LIST = [
    "2023年度一般公共预算财政拨款支出年初预算为5093.22万元，支出决算为5,102.22万元，完成年初预算的100.18%。",
    "1.一般公共服务支出(类)财政事务(款)行政运行(项)年初预算为1305.33万元,支出决算为1227.34万元,完成年初预算的93.98%。",
    "2.社会保障和就业支出(类)年初预算数为199.57万元,决算数199.57万元,完成年初预算的100%。",
    "3.卫生健康支出类年初预算数为130.02万元,决算数130.02万元,完成年初预算的100%。",
    "4、援助其他地区支出(类)年初预算数为3400万元,决算数3400万元,完成年初预算的100%。",
    "5.住房保障支出(类)年初预算数为145.29万元,决算数145.29万元,完成年初预算的100%。",
]
# 003 @449: 授予中小企业 0 while the 小微企业 part of it is 24.9
PROCUREMENT = document(WUCHANG_2023, "2023年度政府采购支出总额24.9万元。授予中小企业合同金额0万元，"
                       "占政府采购支出总额的0%，其中：授予小微企业合同金额24.9万元，占授予中小企业合同金额的100%。")
# js_procuratorate 2017 p.19 (no table here to decide): 基本支出 12323.46 and 12323.48 in one passage
# (a tie: the first stated is taken as `expected`)
BASIC = document(PROCURATORATE_2017, "此外，基本支出预算数为12323.46万元。",
                 "省检察院本年支出预算合计17996.68万元，其中：基本支出12323.48万元，占68.48%。")

WRONG = [
    (TOTALS_CHANGE, "error", Decimal("91.78"), Decimal("91.80"), 5),
    (document(WUCHANG_2023, *BUDGET_LIST), "error", Decimal("5093.22"), Decimal("5180.21"), 6),
    (PROCUREMENT, "error", Decimal("0"), Decimal("24.9"), 2),
    (BASIC, "error", Decimal("12323.48"), Decimal("12323.46"), 2),
    # the same passage one unit apart (12323.47 is our edit): DOMAIN §5 "same figure", 0.01 = info
    (BASIC.replace("12323.46", "12323.47"), "info", Decimal("12323.48"), Decimal("12323.47"), 2),
]


@pytest.mark.parametrize(("text", "severity", "observed", "expected", "places"), WRONG)
def test_one_quantity_two_values_is_one_finding_with_every_place(text: str, severity: str, observed: Decimal,
                                                               expected: Decimal, places: int) -> None:
    findings = [f for f in analyze_text(text).findings if f.check == CHECK]
    assert len(findings) == 1
    finding = findings[0]
    assert (finding.severity, finding.observed, finding.expected) == (severity, observed, expected)
    assert len({e.claim_id for e in finding.evidence}) == places


# (text, compared): whether the check must have compared figures (False: generic subjects are not read)
CORRECT = [
    # 000 @119-127: 4407.79 and its rise of 66.78 stated three times, all equal
    (document(JIANGHAN_2024, "2024年收支总预算4407.79万元，比2023年预算增加66.78万元，增长1.51%。",
             "2024年收入预算4407.79万元，比2023年预算增加66.78万元，增长1.51%。",
             "2024年支出预算4407.79万元，比2023年预算增加66.78万元，增长1.51%。"), True),
    # 003 @345/354: 91.8 (one decimal) agrees with 91.78
    (document(WUCHANG_2023, "2023年度收入合计5,102.22万元，与2022年度相比，收入合计减少91.8万元，下降1.83%。",
             "2023年度支出合计5,102.22万元，与2022年度相比，支出合计增减少91.78万元，下降1.83 %。"), True),
    # 003 @479/@493: a paragraph repeated in two places, same figures
    (document(WUCHANG_2023, *["投入新洲区帮扶资金924.2万元，帮助村集体建设、发展产业项目50个。"] * 2), True),
    # sh-putuo commerce 2025 pp.23-24: every project has its own "项目总预算"
    (document(COMMERCE_2025, "2025年度项目总预算1720.00万，其中各级企业技术中心及专精特新认定1720.00万。",
             "2025年度项目总预算1170.00万，其中支持企业规模化发展870.00万，支持企业创新化发展70.00万。"), False),
    # 003 @395-403 without item 5: the actuals do not add up, so the list is not known to be complete
    (document(WUCHANG_2023, *BUDGET_LIST[:-1]), True),
    # 003 @449 with its figures as they should be (our edit): a part smaller than its whole is silent
    (document(WUCHANG_2023, "授予中小企业合同金额24.9万元，占政府采购支出总额的100%，其中："
                           "授予小微企业合同金额3.1万元，占授予中小企业合同金额的12.45%。"), True),
]


@pytest.mark.parametrize(("text", "compared"), CORRECT)
def test_consistent_or_different_quantities_stay_silent(text: str, compared: bool) -> None:
    record = analyze_text(text)
    assert [f for f in record.findings if f.check == CHECK] == []
    tested = next(status.tested for status in record.checks if status.check == CHECK)
    assert (tested > 0) == compared


def test_different_sections_are_different_quantities() -> None:
    """js_cppcc 2017 pp.12/17: 办公费 of 基本支出 (110) is not the 办公费 of 机关运行经费 (167.03)."""
    apart = document(CPPCC_2017, "九、一般公共预算基本支出预算表情况说明", "（1）办公费（款）支出110万元。",
                     "十、一般公共预算机关运行经费支出预算表说明", "（1）办公费（款）支出167.03万元。")
    together = apart.replace("十、一般公共预算机关运行经费支出预算表说明\n\n", "")
    assert [f for f in analyze_text(apart).findings if f.check == CHECK] == []
    observed = [f.observed for f in analyze_text(together).findings if f.check == CHECK]
    assert observed == [Decimal("167.03")]  # 110 is stated first


@pytest.mark.parametrize(("subject", "name"), [
    ("检察（款）:2018年预算支出合计", "检察(款):预算支出合计"),  # js_procuratorate 2018 p.26: the 款 is kept
    ("省检察院2018年一般公共预算财政拨款支出预算", "一般公共预算财政拨款支出预算"),
    ("投入新洲区帮扶资金", "投入新洲区帮扶资金"),
    ("项目总预算", None),
    ("实际预算执行情况", None),
    ("1-7月执行情况", None),
    ("资金", None),
])
def test_subject_name_keeps_items_and_drops_generic_words(subject: str, name: str | None) -> None:
    assert subject_name(subject) == name


def test_figures_inside_reasons_are_causes_not_quantities() -> None:
    """The bundled sample (ours): two 项 lines each explain their overrun by "增加缴费" of their own amount."""
    text = document("武汉市示范区人民政府办公室2024年度部门决算",
                    "年初预算为100.00万元，支出决算为102.22万元。决算数大于年初预算数的主要原因是基本工资标准调整后"
                    "缴费基数提高，增加缴费2.22万元。",
                    "年初预算为50.00万元，支出决算为54.44万元。决算数大于年初预算数的主要原因是基本工资标准调整后"
                    "缴费基数提高，增加缴费4.44万元。")
    assert [f for f in analyze_text(text).findings if f.check == CHECK] == []
