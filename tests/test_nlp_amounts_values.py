"""budget_amounts: what each amount in a real sentence is worth.

Sentences are short excerpts of the seeds (/work/shared/seeds) and corpus PDFs; the
source is named per row. "variant" rows rewrite a real sentence into a form the corpus
prints elsewhere or the brief names (full-width digits, a space as thousands separator).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from spacy.language import Language

import budgetlens.nlp
from budgetlens.nlp import Amount, AmountKind
from budgetlens.structure.paragraphs import join_texts


@pytest.fixture(scope="module")
def nlp() -> Language:
    return budgetlens.nlp.load()


def amount_by_text(nlp: Language, sentence: str, text: str) -> Amount:
    found = [a for a in nlp(sentence)._.amounts if a.text == text]
    assert len(found) == 1, f"{text!r} in {[a.text for a in nlp(sentence)._.amounts]}"
    return found[0]


S_000_119 = (
    "2024 年收支总预算 4407.79 万元，比 2023 年预算增加 66.78 万元，增长 1.51%，"
    "变动的主要原因是增加了走访慰问专项经费和 2023 年援疆经费尾款。"
)
S_003_336 = "2023 年度收、支总计 5,102.22 万元。与 2022 年度相比，收、支总计各减少 91.8 万元，下降 1.83%。"
S_003_354 = "与 2022 年度相比，支出合计增减少 91.78 万元，下降 1.83 %，主要原因是人员减少、支出压降。"
S_004_14 = "5、全年学习培训费为6.64万。2023年拟组织四次区政务服务大厅和12条街道政务服务中心全体工作人员的服务礼仪培训。"
S_002_162 = "对长江、汉江沿线堤防护坡及约 99 万平方米草皮每日开展修剪、平整、除杂等工作"
S_002_165 = "对长汉江沿线两林近 5 万余株树木进行绿化养护，按树木品目和养护标准进行测算"

COUNT, MONEY = AmountKind.COUNT, AmountKind.MONEY

# (source, sentence, amount text, expected field values)
CASES = [
    (
        "seed 000:119",
        S_000_119,
        "4407.79 万元",
        {
            "kind": AmountKind.MONEY,
            "value": Decimal("4407.79"),
            "unit": "万元",
            "yuan": Decimal("44077900"),
            "decimals": 2,
        },
    ),
    ("seed 000:119", S_000_119, "66.78 万元", {"kind": AmountKind.MONEY, "value": Decimal("66.78")}),
    ("seed 000:119", S_000_119, "1.51%", {"kind": AmountKind.PERCENT, "value": Decimal("1.51"), "unit": "%"}),
    (
        "seed 003:336 thousands separator",
        S_003_336,
        "5,102.22 万元",
        {"value": Decimal("5102.22"), "number_text": "5,102.22", "yuan": Decimal("51022200")},
    ),
    ("seed 003:336 decrease", S_003_336, "91.8 万元", {"value": Decimal("91.8"), "decimals": 1}),
    ("seed 003:354 spaced percent", S_003_354, "1.83 %", {"kind": AmountKind.PERCENT, "value": Decimal("1.83")}),
    (
        "variant of seed 000:235, full-width",
        "公务接待费０．９８万元，比上年预算持平。",
        "０．９８万元",
        {"kind": AmountKind.MONEY, "value": Decimal("0.98"), "yuan": Decimal("9800"), "decimals": 2},
    ),
    ("brief, full-width", "收入１２３．４５万元。", "１２３．４５万元", {"value": Decimal("123.45")}),
    (
        "seed 004:14 magnitude only",
        S_004_14,
        "6.64万",
        {"kind": AmountKind.MONEY, "unit": "万", "base_unit": "元", "yuan": Decimal("66400")},
    ),
    ("seed 004:14", S_004_14, "12条", {"kind": AmountKind.COUNT, "value": Decimal(12)}),
    (
        "seed 002 indicator",
        "文电办理错漏率\t≤千分之四\t计划指标",
        "≤千分之四",
        {"kind": AmountKind.RATIO, "value": Decimal(4), "unit": "‰", "comparator": "≤"},
    ),
    (
        "brief, Chinese fraction",
        "服务对象满意度不低于百分之九十五",
        "不低于百分之九十五",
        {"kind": AmountKind.PERCENT, "value": Decimal(95), "comparator": "≥"},
    ),
    (
        "seed 002 range",
        "数量指标\t慰问单位数量\t8-10家\t20\t计划数据",
        "8-10家",
        {"kind": AmountKind.RANGE, "range_of": AmountKind.COUNT, "value": Decimal(8), "value_high": Decimal(10)},
    ),
    (
        "seed 002 range of percents",
        "经济成本指标\t预算执行率\t97%-100%\t计划数据",
        "97%-100%",
        {"kind": AmountKind.RANGE, "range_of": AmountKind.PERCENT, "value": Decimal(97), "value_high": Decimal(100)},
    ),
    (
        "js_cppcc 2019 PDF range",
        "由省政协领导带队，组织 2-3 次委员集中视察，深入基层",
        "2-3 次",
        {"kind": AmountKind.RANGE, "unit": "次", "value_high": Decimal(3)},
    ),
    ("seed 002 ≥", "促进家庭和谐幸福\t群众满意度≥85%\t计划数据", "≥85%", {"comparator": "≥", "value": Decimal(85)}),
    ("seed 002 ≤", "政府工作报告容错率\t≤4%\t计划数据", "≤4%", {"comparator": "≤", "kind": AmountKind.PERCENT}),
    ("seed 002 以上", "帮扶对象满意度达到95%以上。", "95%以上", {"comparator": "≥", "value": Decimal(95)}),
    (
        "seed 003:455 （含）以上",
        "单价 100 万元（含）以上设备（不含车辆）0 台（套）。",
        "100 万元（含）以上",
        {"comparator": "≥", "yuan": Decimal(1000000)},
    ),
    (
        "seed 003:455 count",
        "单价 100 万元（含）以上设备（不含车辆）0 台（套）。",
        "0 台（套）",
        {"kind": AmountKind.COUNT, "value": Decimal(0), "unit": "台（套）"},
    ),
    ("sh PDF 20万以下", "便携式计算机（20万以下）", "20万以下", {"comparator": "≤", "yuan": Decimal(200000)}),
    ("sh PDF 不低于", "提供不低于50人次的个体心理咨询辅导", "不低于50人次", {"comparator": "≥", "unit": "人次"}),
    (
        "sh PDF unit in brackets",
        "年度指标值\t≥13459.00(平方米)",
        "≥13459.00(平方米)",
        {"kind": AmountKind.COUNT, "unit": "平方米", "comparator": "≥", "decimals": 2},
    ),
    ("seed 002 门前三包评分", "门前三包评分\t≥90\t完成", "≥90", {"kind": AmountKind.NUMBER, "unit": None}),
    (
        "seed 002 per unit",
        "安全生产培训次数\t≥2次/年\t计划数据",
        "≥2次/年",
        {"per": "年", "unit": "次", "comparator": "≥"},
    ),
    (
        "seed 002 per unit money",
        "一次性吸纳就业补贴\t1000 元/人×30 人 =3.0 万元",
        "1000 元/人",
        {"kind": AmountKind.MONEY, "per": "人", "yuan": Decimal(1000)},
    ),
    ("seed 002 = in a formula", "一次性吸纳就业补贴\t1000 元/人×30 人 =3.0 万元", "=3.0 万元", {"comparator": "="}),
    (
        "seed 002:162 约",
        S_002_162,
        "约 99 万平方米",
        {"approx": True, "value": Decimal(99), "unit": "万平方米", "base_unit": "平方米", "scale": Decimal(10000)},
    ),
    ("seed 002:165 近…余", S_002_165, "近 5 万余株", {"approx": True, "unit": "万株"}),
    ("js_cppcc PDF 左右", "安排宁外委员开展异地视察 6 次左右。", "6 次左右", {"approx": True, "value": Decimal(6)}),
    ("brief 多亿元", "全年支出12多亿元。", "12多亿元", {"approx": True, "unit": "亿元", "yuan": Decimal(1200000000)}),
    ("PDF 个百分点", "占比提高 2.5 个百分点。", "2.5 个百分点", {"kind": AmountKind.PERCENT, "unit": "个百分点"}),
    # GUIDELINE §4: durations and physical measures are counts (年, 度, 层 are measure words)
    ("seed 004:14 duration", "以50元每月/平方米标准计算租金，租期3年；", "3年", {"kind": COUNT, "unit": "年"}),
    ("wanli 2024 PDF p.33 年", "二类高层建筑，设计使用年限为50年", "50年", {"kind": COUNT, "value": Decimal(50)}),
    ("wanli 2024 PDF p.33 度", "地下部分为一级，抗震设防烈度为7度，", "7度", {"kind": COUNT, "unit": "度"}),
    ("wanli 2024 PDF p.33 层", "地上主楼7层，裙房3层，地下2层。", "3层", {"kind": COUNT, "unit": "层"}),
    # a bare 万 is money where it ends the figure (punctuation, 用于 …)
    (
        "commerce 2025 PDF p.24 bare 万",
        "其中支持企业规模化发展870.00万，支持企业创新化发展70.00万，",
        "70.00万",
        {"kind": AmountKind.MONEY, "unit": "万", "yuan": Decimal(700000)},
    ),
    (
        "js_npc 2019 PDF 万用于",
        "综合管理费专项增加209万用于办公用房租赁，",
        "209万",
        {"kind": AmountKind.MONEY, "yuan": Decimal(2090000)},
    ),
    (
        "GUIDELINE §4 percent printed without %",
        "与上年相比增长13.95。",
        "13.95",
        {"kind": AmountKind.PERCENT, "unit": None, "value": Decimal("13.95")},
    ),
    ("brief, Chinese-numeral money", "安排专项资金一百万元。", "一百万元", {"kind": MONEY, "yuan": Decimal(1000000)}),
]


@pytest.mark.parametrize(("source", "sentence", "text", "expected"), CASES, ids=[c[0] + " " + c[2] for c in CASES])
def test_nlp_amounts_value(nlp: Language, source: str, sentence: str, text: str, expected: dict) -> None:
    amount = amount_by_text(nlp, sentence, text)
    assert {field: getattr(amount, field) for field in expected} == expected


@pytest.mark.parametrize(("source", "sentence", "text", "expected"), CASES, ids=[c[0] + " " + c[2] for c in CASES])
def test_nlp_amounts_one_token_each(nlp: Language, source: str, sentence: str, text: str, expected: dict) -> None:
    doc = nlp(sentence)
    amount = next(a for a in doc._.amounts if a.text == text)
    assert amount.end - amount.start == 1
    assert doc[amount.start].text == text == doc.text[amount.start_char : amount.end_char]


LINE_BREAKS = [
    # (source, physical lines, amounts read from the re-joined paragraph)
    ("seed 001:902ff break before the unit", ["年初预算为 1397.58", "万元，支出决算为 2019.84 万元"],
     ["1397.58万元", "2019.84 万元"]),
    ("brief: break after the decimal point", ["2024 年收支总预算 4407.", "79 万元"], ["4407.79 万元"]),
    ("variant of seed 001:902: break inside the number", ["支出决算为 1,10", "2.31 万元"], ["1,102.31 万元"]),
]


@pytest.mark.parametrize(("source", "lines", "amounts"), LINE_BREAKS, ids=[c[0] for c in LINE_BREAKS])
def test_nlp_amounts_number_split_over_lines(nlp: Language, source: str, lines: list[str], amounts: list[str]) -> None:
    """A hard line break inside a number: paragraphs re-join it with nothing in between, so it is one number."""
    text = join_texts(*lines)
    assert [a.text for a in nlp(text)._.amounts] == amounts


S_000_131 = (
    "2024 年财政拨款收支总预算 4407.79 万元。收入包括：一般公共预算拨款本年收入 4407.79 万元。支出包括："
    "一般公共服务支出 889.52 万元；社会保障和就业支出 150.3 万元；卫生健康支出 79.2 万元；"
    "农林水支出 3149.8 万元；住房保障支出 138.97 万元。"
)


def test_nlp_amounts_many_in_one_sentence(nlp: Language) -> None:
    """seed 000:131: seven amounts, in text order, all money, and one year that is not an amount."""
    doc = nlp(S_000_131)
    assert [a.value for a in doc._.amounts] == [
        Decimal(v) for v in ("4407.79", "4407.79", "889.52", "150.3", "79.2", "3149.8", "138.97")
    ]
    assert {a.kind for a in doc._.amounts} == {AmountKind.MONEY}
    assert [m.text for m in doc._.number_marks] == ["2024 年"]


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("2024 年机关运行经费 95.24 万元，较 2023 年预算减少 24.65 万元，下降 25.88%。", "24.65 万元"),  # seed 000:197
        ("2024 年机关运行经费 95.24 万元，较 2023 年预算减少 24.65 万元，下降 25.88%。", "25.88%"),
        ("公务接待费支出决算为 0.42 万元，比全年预算减少 0.9 万元。", "0.9 万元"),  # seed 003:441
        ("支出合计增减少 91.78 万元，下降 1.83 %", "91.78 万元"),  # seed 003:354
    ],
)
def test_nlp_amounts_decrease_words_keep_sign(nlp: Language, sentence: str, text: str) -> None:
    """The sign of a change belongs to the claim, not the amount: 减少/下降 leave values positive."""
    assert amount_by_text(nlp, sentence, text).value > 0


def test_nlp_amounts_printed_minus_is_kept(nlp: Language) -> None:
    assert amount_by_text(nlp, "与上年相比增长-5.2%。", "-5.2%").value == Decimal("-5.2")


def test_nlp_amounts_sentence_context(nlp: Language) -> None:
    """Each sentence knows its amounts (span._.amounts), for the claims component."""
    doc = nlp(S_003_336)
    per_sentence = [[a.text for a in sent._.amounts] for sent in doc.sents]
    assert per_sentence == [["5,102.22 万元"], ["91.8 万元", "1.83%"]]


def test_an_age_is_counted_in_zhousui_not_in_weeks(nlp: Language) -> None:
    # our synthetic syn8-fen: "90周岁以上" is an age threshold, never 90 weeks ("周")
    amounts = nlp("高龄津贴发放对象由90周岁以上老年人扩大到80周岁以上。")._.amounts
    assert [(a.unit, a.value) for a in amounts] == [("周岁", Decimal("90")), ("周岁", Decimal("80"))]


def test_a_weight_in_gongjin_is_a_count(nlp: Language) -> None:
    # our synthetic syn10-crag: a performance outcome told in 公斤
    [amount] = nlp("项目区亩均粮食产能提高约50公斤。")._.amounts
    assert (amount.kind, amount.unit, amount.value) == (AmountKind.COUNT, "公斤", Decimal("50"))


def test_a_count_of_applications_in_bi_is_an_amount(nlp: Language) -> None:
    # our synthetic syn12-cape: "216笔" (applications), a count like 件
    amounts = nlp("科技创新券全年受理兑付申请216笔，少于年初预计的280笔。")._.amounts
    assert [(a.unit, a.value) for a in amounts] == [("笔", Decimal("216")), ("笔", Decimal("280"))]


def test_pages_scanned_are_a_count_and_a_page_reference_is_not(nlp: Language) -> None:
    # our synthetic syn13-grove: "约42万页" (pages digitised); "第3页" is an ordinal, no amount
    amounts = nlp("完成文书档案数字化扫描约42万页，详见第3页。")._.amounts
    assert [(a.unit, a.value) for a in amounts] == [("万页", Decimal("42"))]
