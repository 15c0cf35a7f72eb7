"""The budget_claims and budget_reasons components on real sentences of the seeds and corpus.

Each case is a sentence as printed in a disclosure (source in the comment) and what a reader
takes from it: kind, subject, the values by role, direction, and the reasons with the claim
they explain.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

import budgetlens.nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return budgetlens.nlp.load()


def claims_of(nlp: Language, text: str) -> list[tuple]:
    doc = nlp(text)
    return [
        (c.kind, c.subject, {v.role: doc._.amounts[v.amount].text for v in c.values}, c.direction)
        for c in doc._.claims
    ]


def reasons_of(nlp: Language, text: str) -> list[tuple]:
    return [(r.cue, r.type, r.explains, r.text) for r in nlp(text)._.reasons]


CLAIM_CASES = [
    (  # written for the test: an actual with no budget, compared with last year, is this year's figure
        "2024年度“三公”经费财政拨款支出决算为23.12万元，比2023年度增加16.91万元，增长272.30%。",
        [("change", "“三公”经费财政拨款", {"current": "23.12万元", "delta": "16.91万元", "pct": "272.30%"}, "增加")],
    ),
    (  # written for the test: "由A…为B" states where a figure went from and to, not a difference
        "二是森林火险监测点位由12个调减为9个，监测服务费相应减少。",
        [("change", "森林火险监测点位", {"prior": "12个", "current": "9个"}, "减少")],
    ),
    (
        "自2025年1月起本区职工基本医疗保险单位缴费比例由10%调整为9.5%，单位缴费相应减少。",
        [("change", "职工基本医疗保险单位缴费比例", {"prior": "10%", "current": "9.5%"}, None)],
    ),
    (  # written for the test: 节支 / 超支 / 增支 / 减支 are directions of a budget-vs-actual difference
        "公务接待费年初预算3.00万元，支出决算2.40万元，节支0.60万元，主要原因是接待批次减少。",
        [("budget_vs_actual", "公务接待费", {"budget": "3.00万元", "actual": "2.40万元", "delta": "0.60万元"}, "减少")],
    ),
    (  # 000 @119: change with current, delta and rate; prior year stated
        "2024年收支总预算4407.79万元，比2023年预算增加66.78万元，增长1.51%，变动的主要原因是增加了走访慰问专项经费。",
        [("change", "收支总预算", {"current": "4407.79万元", "delta": "66.78万元", "pct": "1.51%"}, "增加")],
    ),
    (  # 003 @336: thousands separators, a change without the current figure, "各减少"
        "与2022年度相比，收、支总计各减少91.8万元，下降1.83%，主要原因是人员减少、支出压减。",
        [("change", "收、支总计", {"delta": "91.8万元", "pct": "1.83%"}, "减少")],
    ),
    (  # 003 @354: the typo 增减少 is a decrease
        "2023年度支出合计5,102.22万元，与2022年度相比，支出合计增减少91.78万元，下降1.83%。",
        [("change", "支出合计", {"current": "5,102.22万元", "delta": "91.78万元", "pct": "1.83%"}, "减少")],
    ),
    (  # 003 @395: budget vs actual with completion rate
        "2023年度一般公共预算财政拨款支出年初预算为5093.22万元，支出决算为5,102.22万元，完成年初预算的100.18%。",
        [("budget_vs_actual", "一般公共预算财政拨款支出",
          {"budget": "5093.22万元", "actual": "5,102.22万元", "completion": "100.18%"}, None)],
    ),
    (  # social-work p.18: two budgets, one actual; the rate goes to the budget it names
        "一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%。",
        [("budget_vs_actual", "一般公共预算财政拨款支出",
          {"budget": "0万元", "actual": "307.82万元", "completion": "95.89%"}, None),
         ("budget_vs_actual", "一般公共预算财政拨款支出", {"budget": "321.02万元", "actual": "307.82万元"}, None)],
    ),
    (  # 003 @397: ASCII punctuation, explicit comparison
        "2.社会保障和就业支出(类)年初预算数为199.57万元,决算数199.57万元,完成年初预算的100%,支出决算数等于年初预算数。",
        [("budget_vs_actual", "社会保障和就业支出(类)",
          {"budget": "199.57万元", "actual": "199.57万元", "completion": "100%"}, "等于")],
    ),
    (  # 003 @436: a decrease against the budget is budget-vs-actual, the figure is the actual
        "2023年度武汉市武昌区人民政府办公室机关运行经费支出215.69万元，比年初预算数减少34.29万元，降低13.71%。",
        [("budget_vs_actual", "机关运行经费支出",
          {"actual": "215.69万元", "delta": "34.29万元", "pct": "13.71%"}, "减少")],
    ),
    (  # 003 @354 and 000 @141: shares
        "其中：基本支出1,330.67万元，占本年支出26.08%；",
        [("share", "基本支出", {"current": "1,330.67万元", "share": "26.08%"}, None)],
    ),
    (  # 003 @449: shares without a figure, two in one sentence
        "货物采购授予中小企业合同金额占货物支出金额的100%，工程采购授予中小企业合同金额占工程支出金额的0%。",
        [("share", "货物采购授予中小企业合同金额", {"share": "100%"}, None),
         ("share", "工程采购授予中小企业合同金额", {"share": "0%"}, None)],
    ),
    (  # 003 @370: 持平 against a stated year
        "政府性基金预算财政拨款收入0万元，比2022年度决算数持平。",
        [("change", "政府性基金预算财政拨款收入", {"current": "0万元"}, "持平")],
    ),
    (  # our synthetic syn13-fjord: an actual alone, 持平 against a stated year, is a change (not against a budget)
        "其中：因公出国（境）费支出决算0万元，与2024年度持平；",
        [("change", "因公出国（境）费支出", {"current": "0万元"}, "持平")],
    ),
    (  # 003 @449: a total introducing its parts
        "2023年度政府采购支出支出总额24.9万元，其中：政府采购货物支出3.1万元、政府采购工程支出0万元。",
        [("breakdown", "政府采购支出支出总额", {"total": "24.9万元"}, None),
         ("figure", "政府采购货物支出", {"current": "3.1万元"}, None),
         ("figure", "政府采购工程支出", {"current": "0万元"}, None)],
    ),
    (  # social-work p.22: a threshold inside a category name is not a value
        "单价100万元（含）以上设备（不含车辆）0台（套）。",
        [("figure", "单价100万元（含）以上设备（不含车辆）", {"current": "0台（套）"}, None)],
    ),
    (  # full-width digits and a spaced percent sign, as converters print them
        "与上年相比，机关运行经费增加１２．５万元，增长1.83%。",
        [("change", "机关运行经费", {"delta": "１２．５万元", "pct": "1.83%"}, "增加")],
    ),
    (  # 000 @241: a direction without numbers; the subject comes from the context
        "与上年持平。",
        [("change", None, {}, "持平")],
    ),
    (  # our synthetic syn5-bay @366 (GUIDELINE §5): a share and a change of one figure are two claims
        "其中：基本支出1180.64万元，占55.47%，比2024年度增加21.37万元，增长1.84%；",
        [("share", "基本支出", {"current": "1180.64万元", "share": "55.47%"}, None),
         ("change", "基本支出", {"delta": "21.37万元", "pct": "1.84%"}, "增加")],
    ),
    (  # syn6-ridge @389: the years it went from and to are not part of the subject
        "二是全区在建工程由2023年的126个增加到2024年的158个，第三方检测费用增加。",
        [("change", "全区在建工程", {"prior": "126个", "current": "158个"}, "增加")],
    ),
    (  # syn5-bay @426: the restated comparison before the cue is a claim of its own, the figures after it too
        "“三公”经费支出减少的主要原因是2025年3月1辆执法执勤用车报废后未予更新，车辆保有量由3辆减为2辆。",
        [("change", "“三公”经费支出", {}, "减少"), ("figure", None, {"current": "1辆"}, None),
         ("change", "车辆保有量", {"prior": "3辆", "current": "2辆"}, "减少")],
    ),
    (  # syn5-bay @392: a restatement of the items before is no line of its own
        "上述两项决算数大于预算数的主要原因：2025年7月起机关事业单位社会保险缴费基数调整，单位缴费相应增加。",
        [],
    ),
    (  # syn-east housing @435: "增加的" names no line and no comparison: it goes on from the sentence before
        "增加的原因是公务员医疗补助缴费比例自2025年1月起由6%调整为6.5%。",
        [("change", "公务员医疗补助缴费比例", {"prior": "6%", "current": "6.5%"}, None)],
    ),
    (  # syn6-port @361: money never changes a count told before it
        "决算数小于预算数的主要原因：1辆演出器材运输车报废后未更新，车辆保险、燃料和维修费用减少1.64万元。",
        [("budget_vs_actual", None, {}, "小于"), ("figure", None, {"current": "1辆"}, None),
         ("change", "车辆保险、燃料和维修费用", {"delta": "1.64万元"}, "减少")],
    ),
    (  # syn8-fen @556: a comparison that is the whole clause before "主要是" restates the one told before
        "较上年减少主要是2023年度发生车辆大修费用2.10万元。",
        [("change", None, {}, "减少"), ("figure", "发生车辆大修费用", {"current": "2.10万元"}, None)],
    ),
    (  # syn9-moor @453: a plan told after what was done is the budget it is compared with
        "原因是人民调解“以案定补”经费按实际调解案件数结算，全年调解案件1,820件，少于年初测算的2,000件。",
        [("budget_vs_actual", "调解案件", {"actual": "1,820件", "budget": "2,000件"}, "小于")],
    ),
    (  # syn9-moor @538: "…部门" is not a department's name to strip
        "全年接待省市司法行政部门来区调研考察9批次，少于年初预计的14批次。",
        [("budget_vs_actual", "接待省市司法行政部门来区调研考察", {"actual": "9批次", "budget": "14批次"}, "小于")],
    ),
    (  # syn8-fen: a share and a flat change of one figure are two claims too
        "3.住房保障支出（类）236.18万元，占2.49%，与2023年度持平，主要原因是在职人员减少。",
        [("share", "住房保障支出（类）", {"current": "236.18万元", "share": "2.49%"}, None),
         ("change", "住房保障支出（类）", {}, "持平")],
    ),
    (  # syn9-moor @426: lines restated before each cue, the second clause naming two
        "公共安全支出增加，主要是由于法律援助案件量上升；社会保障和就业支出、住房保障支出增加，原因是2024年7月起"
        "调整职业年金缴费基数。",
        [("change", "公共安全支出", {}, "增加"), ("change", "社会保障和就业支出", {}, "增加"),
         ("change", "住房保障支出", {}, "增加")],
    ),
    (  # syn8-fen @488: a rate per head it went from; "2024年1月起" is no part of the subject
        "由于2024年1月起城市低保标准由每人每月960元提高到1010元，支出决算数略大于年初预算数。",
        [("change", "城市低保标准", {"prior": "960元", "current": "1010元"}, "增长")],
    ),
    (  # syn10-gulf: "扩大到" is where it went; "由年初计划的260个" where it went from
        "全区开发公益性岗位由年初计划的260个扩大到298个。",
        [("change", "全区开发公益性岗位", {"prior": "260个", "current": "298个"}, "增加")],
    ),
    (  # syn10-gulf: "少支出" is a difference told verb first
        "主要原因是原定招录的工作人员推迟至2026年1月入职，当年少支出工资福利13.56万元。",
        [("change", "工资福利", {"delta": "13.56万元"}, "减少")],
    ),
    (  # syn10-crag: two items restated together are the items before, not a line of their own
        "行政单位医疗、事业单位医疗两项支出决算均大于年初预算，主要原因是缴费基数上调。",
        [],
    ),
    (  # syn11-isle @421: the actual told first, then its budget with a role-only lead
        "1、因公出国（境）费支出4.62万元，年初预算为6.00万元，完成年初预算的77.00%。",
        [("budget_vs_actual", "因公出国（境）费支出",
          {"actual": "4.62万元", "budget": "6.00万元", "completion": "77.00%"}, None)],
    ),
    (  # syn11-dune @575 and syn8-fen: a count is no part of a share of money
        "共涉及项目4个，占一般公共预算项目支出总额的100%。",
        [("figure", "涉及项目", {"current": "4个"}, None), ("share", "涉及项目", {"share": "100%"}, None)],
    ),
    (  # syn11-isle: an actual and its budget, no completion rate
        "公务用车购置支出0.00万元，年初预算为0.00万元。",
        [("budget_vs_actual", "公务用车购置支出", {"actual": "0.00万元", "budget": "0.00万元"}, None)],
    ),
    (  # syn11-isle @399: "相应减少…" is a difference told verb first
        "局机关2名工作人员年中调任区外单位，相应减少工资福利支出21.68万元。",
        [("figure", "局机关", {"current": "2名"}, None), ("change", "工资福利支出", {"delta": "21.68万元"}, "减少")],
    ),
    (  # syn12-cape: the base printed in the comparison ("与2024年度决算数9.65万元相比") is the prior figure
        "与2024年度决算数9.65万元相比，2025年度“三公”经费支出减少2.37万元，下降24.56%。",
        [("change", "“三公”经费支出", {"prior": "9.65万元", "delta": "2.37万元", "pct": "24.56%"}, "减少")],
    ),
    (  # syn5-plain @449: a plan is a budget to compare with
        "由于2024年度实际接收退役士兵较计划减少12人，自主就业一次性经济补助相应减少。",
        [("budget_vs_actual", "实际接收退役士兵", {"delta": "12人"}, "减少")],
    ),
    (  # syn13-fjord: "全国1%人口抽样调查" names a survey; its rate is no figure, a rate before "。" still is
        "一是承担2025年全国1%人口抽样调查任务；群众满意度达到90%。",
        [("figure", "群众满意度", {"current": "90%"}, None)],
    ),
    (  # syn15-brook: a plan named without 年初/原 ("由计划的…") is where the figure went from
        "决算数大于年初预算数的主要原因是全年食品安全抽检任务由计划的3,200批次调减至2,800批次，委托检测费用相应减少。",
        [("budget_vs_actual", None, {}, "大于"),
         ("change", "全年食品安全抽检任务", {"prior": "3,200批次", "current": "2,800批次"}, "减少")],
    ),
    (  # syn15-brook: 压缩为 is a verb a figure goes to
        "决算数小于全年预算数的主要原因是赴新加坡食品安全监管交流团组实际在外天数由计划的7天压缩为5天，住宿费和伙食费相应减少。",
        [("budget_vs_actual", None, {}, "小于"),
         ("change", "赴新加坡食品安全监管交流团组实际在外天数", {"prior": "7天", "current": "5天"}, "减少")],
    ),
    (  # syn15-mesa: "由5%调整为6%" stays a change though the sentence then compares with the budget
        "主要原因是公务员医疗补助缴费比例自2024年1月起由5%调整为6%，支出决算数大于年初预算数。",
        [("change", "公务员医疗补助缴费比例", {"prior": "5%", "current": "6%"}, None)],
    ),
    (  # syn14-reed: "全年增加退休费…" is a difference told verb first (its kind is the document stage's)
        "决算数大于年初预算数的主要原因：河道管理所2名职工于2025年3月办理退休手续，全年增加退休费4.23万元。",
        [("budget_vs_actual", None, {}, "大于"), ("figure", "河道管理所", {"current": "2名"}, None),
         ("change", "退休费", {"delta": "4.23万元"}, "增加")],
    ),
    (  # syn14-reed: a part stated flat after 其中 may print the year it is compared with
        "2025年度“三公”经费财政拨款支出决算数比2024年度增加18.26万元，增长121.25%，其中：因公出国（境）费支出与2024年度持平；",
        [("change", "“三公”经费财政拨款支出", {"delta": "18.26万元", "pct": "121.25%"}, "增加"),
         ("change", "因公出国（境）费支出", {}, "持平")],
    ),
    (  # syn14-reed: "A及其中B增加的主要原因" restates two lines
        "“三公”经费及其中公务用车购置及运行维护费增加的主要原因均是按照公务用车更新计划，购置新能源防汛应急保障用车。",
        [("change", "“三公”经费", {}, "增加"), ("change", "公务用车购置及运行维护费", {}, "增加")],
    ),
    (  # syn16-bay: "A增加和B增加的主要原因" restates two lines, each with its own direction word
        "支出增加和基本支出增加的主要原因均为：全年新进在职人员5名，且自7月起调整基本工资标准，人员经费相应增加。",
        [("change", None, {}, "增加"), ("change", "基本支出", {}, "增加"),
         ("figure", "新进在职人员", {"current": "5名"}, None)],
    ),
    (  # syn14-reed: 下浮 against the budget is a budget-vs-actual rate
        "决算数小于年初预算数的主要原因：一是区管河道保洁养护服务通过公开招标确定服务单位，中标价较预算下浮8.6%，节约资金162.40万元；",
        [("budget_vs_actual", None, {}, "小于"), ("budget_vs_actual", "中标价", {"pct": "8.6%"}, "减少"),
         ("figure", "节约资金", {"current": "162.40万元"}, None)],
    ),
    (  # syn16-vale: 同时 opens a clause, it is not part of the line
        "收入合计增加49.32万元，主要原因是新增3个妇女儿童服务项目，同时妇女儿童活动中心暑期托管班收费收入增加8.10万元。",
        [("change", "收入合计", {"delta": "49.32万元"}, "增加"), ("figure", "新增", {"current": "3个"}, None),
         ("change", "妇女儿童活动中心暑期托管班收费收入", {"delta": "8.10万元"}, "增加")],
    ),
    (  # syn16-vale: "决算数较年初预算增加…" names only roles; the line is the item's (document stage)
        "由于2024年7月起医疗保险缴费基数调整，决算数较年初预算增加1.42万元。",
        [("budget_vs_actual", None, {"delta": "1.42万元"}, "增加")],
    ),
    (  # syn16-vale: after the budget-vs-actual, "与上年持平" compares the line with last year: a change of its own
        "1.因公出国（境）费预算为0万元，支出决算为0万元，与上年持平。",
        [("budget_vs_actual", "因公出国（境）费", {"budget": "0万元", "actual": "0万元"}, None),
         ("change", "因公出国（境）费", {}, "持平")],
    ),
    (  # syn11-isle: a planned count and what was done ("原计划…的2个…实际只执行1个") compare as budget and actual
        "决算数小于预算数的主要原因是原计划组织的2个因公出国（境）团组实际只执行1个。",
        [("budget_vs_actual", None, {}, "小于"),
         ("budget_vs_actual", "因公出国（境）团组", {"budget": "2个", "actual": "1个"}, None)],
    ),
    (  # syn12-cape: the same, in a sentence that goes on with another cause
        "这主要是由于原计划举办的12场科技成果对接会实际举办9场，同时技术经纪人培训改为线上进行。",
        [("budget_vs_actual", "科技成果对接会", {"budget": "12场", "actual": "9场"}, None)],
    ),
    (  # syn8-delta: a planned count with nothing done against it stays a figure
        "决算数小于预算数，主要原因是原计划接待的4批次外省市考察团组改为视频交流。",
        [("budget_vs_actual", None, {}, "小于"), ("figure", None, {"current": "4批次"}, None)],
    ),
    (  # syn12-marsh: "少于年初预算测算的605人" is the plan, told after what was done
        "主要原因是走访慰问的离退休干部实际为583人，少于年初预算测算的605人。",
        [("budget_vs_actual", "走访慰问的离退休干部", {"actual": "583人", "budget": "605人"}, "小于")],
    ),
    (  # syn18-strand: "本局" is the department, not part of the line
        "2025年度本局机关运行经费支出186.42万元，比2024年度减少17.15万元，下降8.42%。",
        [("change", "机关运行经费支出", {"current": "186.42万元", "delta": "17.15万元", "pct": "8.42%"}, "减少")],
    ),
    (  # written for the test: with a comparison, 新增 is a change of a count after all
        "与上年相比新增2个。",
        [("change", "新增", {"delta": "2个"}, "增加")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CLAIM_CASES)
def test_claims_of_real_sentences(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert claims_of(nlp, text) == expected


def test_claim_years_stated_and_compared(nlp: Language) -> None:
    doc = nlp("与2022年度相比，收入合计减少91.8万元，下降1.83%。")
    claim = doc._.claims[0]
    assert (claim.year, claim.prior_year, claim.prior_is_previous_year) == (None, 2022, False)
    doc = nlp("2024年一般公共预算安排“三公”经费预算10.98万元，与上年持平。")
    claim = doc._.claims[0]
    assert (claim.subject, claim.year, claim.prior_is_previous_year) == ("“三公”经费预算", 2024, True)


REASON_CASES = [
    (  # syn19-weald: "的原因：" is a cue though no 是/为 follows 原因
        "决算数小于预算数的原因：1名享受购房补贴的工作人员于2025年4月调出本部门，补贴按月停发。",
        [("原因：", "cause", 0, "1名享受购房补贴的工作人员于2025年4月调出本部门，补贴按月停发")],
    ),
    (  # syn17-heath: "均由于" after two items restated together: the reason of the items before, no claim here
        "上述两项支出决算数均大于年初预算数，均由于2024年7月起机关事业单位养老保险缴费基数上调。",
        [("由于", "cause", None, "2024年7月起机关事业单位养老保险缴费基数上调")],
    ),
    (  # our synthetic syn9-moor @477: "超出年初预算部分系…" — the part over budget is explained by what follows
        "年初预算数为45.00万元，决算数61.80万元，完成年初预算的137.33%，超出年初预算部分系年中追加行政复议应诉案件代理经费16.80万元。",
        [("系", "cause", 0, "年中追加行政复议应诉案件代理经费16.80万元")],
    ),
    (  # 000 @119: cause explaining the claim before it
        "2024年收支总预算4407.79万元，比2023年预算增加66.78万元，增长1.51%，变动的主要原因是增加了走访慰问专项经费。",
        [("主要原因是", "cause", 0, "增加了走访慰问专项经费")],
    ),
    (  # social-work p.17: the reason of the sentence before
        "主要原因：单位于2024年成立。",
        [("主要原因：", "cause", None, "单位于2024年成立")],
    ),
    (  # 003 @397: 一是…二是… list kept whole, ASCII colon and semicolons
        "支出决算为1227.34万元,完成年初预算的93.98%,支出决算数小于年初预算数的主要原因:一是压降项目支出;二是人员缩减,人员支出减少。",
        [("主要原因:", "cause", 0, "一是压降项目支出;二是人员缩减,人员支出减少")],
    ),
    (  # 000 @187: a purpose, not a cause
        "1、调查研究13万元，主要用于专项课题研究、调研文集、政府工作报告等。",
        [("主要用于", "purpose", 0, "专项课题研究、调研文集、政府工作报告等")],
    ),
    (  # 003 @379 and @395: purposes also where they introduce a list of spending (guidelines.md §2)
        "2023年度一般公共预算财政拨款支出5,102.22万元，主要用于以下方面：",
        [("主要用于", "purpose", 0, "以下方面")],
    ),
    (  # 项目支出 has no figure of its own before the cue: the last claim before it is 基本支出's
        "其中：基本支出1330.67万元，项目支出主要用于乡村振兴工作经费312.47万元，主要成效为选派驻村工作队员。",
        [("主要用于", "purpose", 0, "乡村振兴工作经费312.47万元，主要成效为选派驻村工作队员")],
    ),
    (  # 001 @1007: the reason stops where the sentence goes on to its parts
        "公务用车运行维护费0.13万元，主要用于领导干部公务用车，其中：燃料费0万元；",
        [("主要用于", "purpose", 0, "领导干部公务用车")],
    ),
    (  # 003 @441 (公务用车): a figure inside the reason does not take the reason
        "（1）公务用车购置费0万元，完成全年预算的0%，与年初预算持平，主要原因是本年度购置（更新）公务用车0辆。",
        [("主要原因是", "cause", 0, "本年度购置（更新）公务用车0辆")],
    ),
    # 系 / 原因系 / 受…影响, cues the issue names that no real corpus sentence happens to use (written for the test)
    (
        "公务接待费支出2.10万元，比上年减少0.50万元，系接待批次由12批减为8批。",
        [("系", "cause", 0, "接待批次由12批减为8批")],
    ),
    (
        "职业年金缴费支出132.60万元，比上年增加11.80万元，增加原因系职业年金缴费人数增加19人。",
        [("原因系", "cause", 0, "职业年金缴费人数增加19人")],
    ),
    (
        "公务接待费支出2.10万元，比上年减少0.50万元，主要受会议改为线上召开影响，接待批次减少。",
        [("主要受", "cause", 0, "会议改为线上召开影响，接待批次减少")],
    ),
    (
        "公务用车购置费0万元，比2025年预算减少25.00万元，均因2025年已完成执法执勤用车更新。",
        [("均因", "cause", 0, "2025年已完成执法执勤用车更新")],
    ),
    (  # 系 inside a word is no cue
        "完善内部控制体系，系统推进预算绩效管理，项目支出150.00万元，主要用于系统运维。",
        [("主要用于", "purpose", 0, "系统运维")],
    ),
]


def test_claims_from_opens_a_claim_of_its_own(nlp: Language) -> None:
    # written for the test in the 三公 reason wording: the count before "由" is not where the change starts
    doc = nlp("2025年3月1辆执法执勤用车报废后未予更新，车辆保有量由3辆减为2辆。")
    changes = [(c.subject, [(v.role, doc._.amounts[v.amount].text) for v in c.values])
               for c in doc._.claims if c.kind == "change"]
    assert changes == [("车辆保有量", [("prior", "3辆"), ("current", "2辆")])]


@pytest.mark.parametrize(("text", "expected"), REASON_CASES)
def test_reasons_of_real_sentences(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert reasons_of(nlp, text) == expected


def test_restated_comparison_before_a_reason(nlp: Language) -> None:
    doc = nlp("决算数小于全年预算数的主要原因：人员变动引起实际支出低于预算。")
    (claim,) = doc._.claims
    assert (claim.kind, claim.direction, claim.restated, claim.values) == ("budget_vs_actual", "小于", True, [])
    assert doc._.reasons[0].explains == 0


def test_components_save_and_load(nlp: Language, tmp_path) -> None:
    nlp.to_disk(tmp_path / "pipeline")
    again = budgetlens.nlp.load(tmp_path / "pipeline")
    text = CLAIM_CASES[0][0]
    assert claims_of(again, text) == claims_of(nlp, text)
    assert reasons_of(again, text) == reasons_of(nlp, text)
