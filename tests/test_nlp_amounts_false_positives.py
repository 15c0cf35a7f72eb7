"""budget_amounts: numbers that are not amounts are marked, never counted as amounts.

Years, dates, codes, row numbers, phone numbers, document numbers, section numbers and
ordinals are the classic false positives of amount extraction. Each row is a real
excerpt (seeds / corpus PDFs) and the mark it must produce.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

import budgetlens.nlp
from budgetlens.nlp import MarkKind


@pytest.fixture(scope="module")
def nlp() -> Language:
    return budgetlens.nlp.load()


S_003_397 = (
    "1. 一般公共服务支出(类)财政事务(款)行政运行(项)年初预算为 1305.33 万元,支出决算为 1227.34 万元,"
    "完成年初预算的 93.98%,支出决算数小于年初预算数的主要原因:一是压降项目支出;二是人员缩减,人员支出减少。"
)
S_JS_PROC_2017 = (
    "3．公务接待费预算支出156.55万元，本年数小于上年预算数29.65万元，"
    "主要是省检察院党组严格贯彻落实中央“八项规定”和省委省政府厉行节约相关规定作出的选择。"
)

# (source, sentence, mark text, kind, value)
MARKS = [
    ("seed 000:119", "2024 年收支总预算 4407.79 万元", "2024 年", MarkKind.YEAR, 2024),
    ("seed 003:336", "2023 年度收、支总计 5,102.22 万元。", "2023 年度", MarkKind.YEAR, 2023),
    ("seed 004:16", "2021年预算数为52.60万元，实际执行数为52.60万元。", "2021年", MarkKind.YEAR, 2021),
    ("brief, Chinese year", "二〇二四年度部门预算", "二〇二四年度", MarkKind.YEAR, 2024),
    (
        "seed 003:439",
        "主要原因是截至 2023 年 12 月 31 日，开支财政拨款的公务用车保有量 0 辆。",
        "2023 年 12 月 31 日",
        MarkKind.DATE,
        None,
    ),
    ("brief", "截至12月31日，共有车辆5辆", "12月31日", MarkKind.DATE, None),
    ("seed 004:94", "4. 2022年1-7月执行0万元。", "1-7月", MarkKind.DATE, None),
    ("seed 001 function code", "辆加油、添加燃料服务\t[2010301]行政运行", "2010301", MarkKind.CODE, None),
    ("seed 002:47 project code", "项目编码\t42010523041T000000104", "42010523041", MarkKind.CODE, None),
    ("seed 002:50 postcode", "单位地址\t汉阳区墨水湖北路 105 号\t邮政编码\t430050", "430050", MarkKind.CODE, None),
    ("js PDF 类款项 code", "司法（06款）普法宣传（05项）124.29万元", "05项", MarkKind.CODE, None),
    ("seed 001 footnote", "注：27 行=（1+2+3+4+5+6+7+8）行；30 行=（27+28+29）行；", "27 行", MarkKind.ROW_NUMBER, 27),
    ("seed 004 footnote", "6 栏各行=（1+2-3）栏各行；3栏各行=（4+5）栏各行。", "6 栏", MarkKind.ROW_NUMBER, 6),
    ("seed 002:49", "项目负责人\t王镛、李培刚\t联系电话\t84870307、84822143", "84822143", MarkKind.PHONE, None),
    ("sh PDF", "公开咨询电话：02785481661", "02785481661", MarkKind.PHONE, None),
    ("brief", "联系人：张三，电话 027-84870307", "027-84870307", MarkKind.PHONE, None),
    ("DOMAIN", "依据财预〔2016〕143号文件", "〔2016〕143号", MarkKind.DOC_NUMBER, None),
    ("seed 002:53", "（武劳就管[2021]20号）", "[2021]20号", MarkKind.DOC_NUMBER, None),
    (
        "seed 004:218",
        "《江汉区排水管网日常疏捞维护经费评审结论》（财评【2017】043号）",
        "【2017】043号",
        MarkKind.DOC_NUMBER,
        None,
    ),
    (
        "seed 000:145",
        "1、一般公共服务支出 889.52 万元，主要是用于行政运行、一般行政管理事务。",
        "1、",
        MarkKind.SECTION_NUMBER,
        1,
    ),
    ("seed 003:381", "1. 一般公共服务（类）支出 1,227.34 万元，占 24.06%。", "1.", MarkKind.SECTION_NUMBER, 1),
    (
        "seed 000:159",
        "（一）工资福利支出 851.19 万元，主要用于：在职人员基本工资",
        "（一）",
        MarkKind.SECTION_NUMBER,
        1,
    ),
    ("seed 002:27", "## 二、2024年工作思路", "二、", MarkKind.SECTION_NUMBER, 2),
    ("seed 004:16 html", "<p>2. 2022年年初预算750万元</p>", "2.", MarkKind.SECTION_NUMBER, 2),
    ("seed 004:229", "经费需求为：</p> <p>①3717-15（场租）=3702万元；</p>", "①", MarkKind.SECTION_NUMBER, None),
    ("seed 000", "第五部分 预算公开报表", "第五部分", MarkKind.ORDINAL, 5),
    ("seed 004:30", "按照工作实际需求，聘请第三方安全生产服务机构", "第三", MarkKind.ORDINAL, 3),
    # GUIDELINE §4: anniversaries are not amounts
    ("js_procuratorate 2018 PDF p.11", "结合检察机关恢复重建四十周年，组织开展系统纪念活动", "四十周年",
     MarkKind.ORDINAL, 40),
    ("js_party-office 2019 PDF p.4", "2019年是新中国成立70周年，也是江苏高水平建成全面小康社会的关键之年。", "70周年",
     MarkKind.ORDINAL, 70),
    # enumerations 一是…二是…
    ("seed 003:397", S_003_397, "一是", MarkKind.SECTION_NUMBER, 1),
    ("seed 003:397", S_003_397, "二是", MarkKind.SECTION_NUMBER, 2),
    ("js_npc 2018 PDF", "主要原因一是在职人员缴纳基本养老保险和职业年金，增加了该项支出；", "一是",
     MarkKind.SECTION_NUMBER, 1),
    # GUIDELINE §4: Chinese-numeral quantities are not amounts
    ("seed 004:85", "项目名称\t城市视频二期运维", "二期", MarkKind.NUMBER, None),
    ("seed 004:14", "2023年拟组织四次区政务服务大厅和12条街道政务服务中心全体工作人员的服务礼仪培训。", "四次",
     MarkKind.NUMBER, None),
    ("js_procuratorate 2017 PDF p.23", S_JS_PROC_2017, "八项", MarkKind.NUMBER, None),
    ("seed 000:263", "两套科目均设置“类”、“款”两个层级", "两个", MarkKind.NUMBER, None),
    # a date range: the dash is not a minus sign, the second date stays a date
    ("justice 2026 PDF p.23", "2025年1月1日-2025年12月31日", "2025年12月31日", MarkKind.DATE, None),
]


@pytest.mark.parametrize(("source", "sentence", "text", "kind", "value"), MARKS, ids=[f"{m[0]} {m[2]}" for m in MARKS])
def test_nlp_amounts_false_positive_is_marked(
    nlp: Language, source: str, sentence: str, text: str, kind: MarkKind, value: int | None
) -> None:
    doc = nlp(sentence)
    marks = [m for m in doc._.number_marks if m.text == text]
    assert [(m.kind, m.value) for m in marks] == [(kind, value)]
    mark = marks[0]
    assert not any(a.start_char < mark.end_char and mark.start_char < a.end_char for a in doc._.amounts)
    assert doc.text[mark.start_char : mark.end_char] == text


@pytest.mark.parametrize(
    ("sentence", "amounts"),
    [
        ("2023 年度收、支总计 5,102.22 万元。", ["5,102.22 万元"]),  # seed 003:336
        ("<p>4. 2022年1-7月执行0万元。</p>", ["0万元"]),  # seed 004:94
        ("4.公诉一处\n5.公诉二处", []),  # js_procuratorate PDF: 处 after a Chinese numeral is a department
        ("一次性吸纳就业补贴：对吸纳登记失业半年以上等相关人员的辖区企业发放", []),  # seed 002:52
        ("这项工作十分重要，要一起抓好落实。", []),
        ('<input type="checkbox"/> 2. 常年项目 <input type="checkbox"/> 3. 延续性项目', []),  # seed 004 HTML
        ("依据财预〔2016〕143号文件，2024年度预算", []),
        ("根据“十四五”规划，落实“两不愁三保障”", []),
        ("①3717-15万元=3702万元", ["15万元", "=3702万元"]),  # after seed 004:229: a subtraction, not a range
        # fixed phrases and Chinese-numeral counts (GUIDELINE §4: 二期 is not an amount)
        (S_JS_PROC_2017, ["156.55万元", "29.65万元"]),  # 八项规定
        ("2024年一般公共预算安排“三公”经费预算10.98万元，与上年持平。", ["10.98万元"]),  # seed 000:227
        (S_003_397, ["1305.33 万元", "1227.34 万元", "93.98%"]),  # 一是…二是…
        ("（一）认真贯彻十三届全国人大二次会议精神，按照省第十三次党代会确立的指导思想", []),  # js_npc 2019 p.5
        ("深入学习习近平总书记系列重要讲话精神，增强检察人员“四个意识”", []),  # js_procuratorate 2017 p.7
        ("全年开展机关党委、两个党支部工作经费2万元，结对共建社区2个", ["2万元", "2个"]),  # seed 000:795
        ("巡查时间\t每月两次", []),  # seed 002:302
        ("着力提升“两不愁三保障”水平，实现“三个提升”", []),  # seed 001
        # a bare 万 is money only where the figure ends: before a noun it counts that noun
        ("惠及辖区10万居民", []),  # brief: 万 before a noun that is no unit
        # a unit that starts a word is no unit: 年初 / 年末 / 年度
        ("年初结转和结余29年末结转和结余60", []),  # seed 003 table row, cells run together
        # whitespace between digits separates two numbers; only a line break inside a number is re-joined
        ("500 500 100% 20", ["100%"]),  # seed 001:2462
        ("八、社会保障和就业支出 38 140.00", []),  # seed 001
        ("2024 年收支总预算 4407. 79 万元", []),  # brief: "4407. 79" on one line is not one number
    ],
)
def test_nlp_amounts_only_real_amounts(nlp: Language, sentence: str, amounts: list[str]) -> None:
    assert [a.text for a in nlp(sentence)._.amounts] == amounts
