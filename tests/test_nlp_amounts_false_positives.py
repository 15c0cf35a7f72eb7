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
    ],
)
def test_nlp_amounts_only_real_amounts(nlp: Language, sentence: str, amounts: list[str]) -> None:
    assert [a.text for a in nlp(sentence)._.amounts] == amounts
