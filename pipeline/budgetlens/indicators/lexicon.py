"""Every word the indicator parser reads, as data: level names, column labels, units, target words.

Texts are compared after `squash` (whitespace removed, full-width brackets and colons
half-width), so "满意度 指标" and "满意度指标" are one name. Add a region's wording here,
not in the modules that read it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetlens.numbers import normalize_width
from budgetlens.tables.lexicon import squash as _squash_table


def squash(text: str) -> str:
    """Whitespace removed, widths normalised: the form every name and label here is compared in."""
    return _squash_table(normalize_width(text))


# 一级 (DOMAIN §7; 成本 is 一级 since 财预〔2021〕101号, and 二级 under 产出 before it: both accepted).
OUTPUT, BENEFIT, COST, SATISFACTION = "产出指标", "效益指标", "成本指标", "满意度指标"
LEVEL1 = frozenset({OUTPUT, BENEFIT, COST, SATISFACTION})

# 二级 names and the 一级 family each belongs to (None: printed under more than one 一级).
LEVEL2_FAMILY: dict[str, str | None] = {
    "数量指标": OUTPUT, "质量指标": OUTPUT, "时效指标": OUTPUT,
    "成本指标": None, "经济成本指标": COST, "社会成本指标": COST, "生态环境成本指标": COST,
    "经济效益指标": BENEFIT, "社会效益指标": BENEFIT, "生态效益指标": BENEFIT, "环境效益指标": BENEFIT,
    "可持续影响指标": BENEFIT, "可持续影响效益指标": BENEFIT, "可持续影响": BENEFIT, "生态效益": BENEFIT,
    "服务对象满意度指标": SATISFACTION, "服务对象满意度": SATISFACTION, "服务对象满意度指": SATISFACTION,
    "满意度指标": SATISFACTION, "社会公众或服务对象满意度": SATISFACTION,
}
# A 满意度 二级 under 效益 is the old template (社会公众或服务对象满意度 under 效益指标): the 一级 stays.
FAMILY_KEEPS_PARENT = {SATISFACTION: frozenset({BENEFIT})}
# 二级 types whose targets must be numbers (DOMAIN §7 "细化、量化"; issue 6 target_not_quantified).
QUANTIFIED_LEVEL2 = ("数量", "质量", "时效", "成本")
# a 时效 target that names a deadline is quantified by it ("12月31日之前完成", "6月底前", "年底前", and
# "年内完成对口帮扶资金拨付", seed 001 @2182: within the year). Only for 时效: a deadline is not a count.
DEADLINE = re.compile(
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}日|底|末)?之?前|年[底末]之?前|(?:^|[当本])年度?内")
# A target of no occurrence is exact (= 0 events), in any quantified type: "无发生进京非访的事件",
# "无“黄、非”案件", "无事件", "不发生" (seed 002 @424–429), "零事故". Matched on the squashed word, anchored,
# so "无明显提升" (no event named) stays vague.
ZERO_OCCURRENCE = re.compile(
    r"^(?:确保)?(?:[无未不零]发生|零(?:事故|投诉|差错|事件|案件)|无.{0,12}?(?:事件|案件|事故|投诉|差错|违纪|违规)(?:发生)?[。.；;]?$)")

# What a form's weights add up to (score_inconsistent): 100 points in all, 预算执行 (budget execution) scored
# either as a weighted indicator row ("预算执行率") or outside the rows. A form that prints neither a weights
# total nor its 预算执行 points is held to 100 or to 100 less a template's 预算执行 points: DOMAIN §7
# default weights give it 10 [R]; the Wuhan 自评 template prints "预算执行情况 (20 分)" (seeds 001, 003) [E],
# and Wuhan 申报表 weights add to 80 (seed 000).
FULL_MARKS = Decimal(100)
BUDGET_EXECUTION = "预算执行"
TEMPLATE_FUNDS_POINTS = {Decimal(10): "DOMAIN §7 默认权重", Decimal(20): "武汉绩效表模板"}
WEIGHT_TOTAL_ROWS = frozenset({"合计", "总计", "分值合计", "权重合计"})  # printed under the weights (not 小计)
WEIGHT_TOTAL = "指标分值合计"  # Project.attributes key of a printed weights total

# Fragments a converter leaves when it breaks a name over two rows ("产出" … "指标").
NAME_TAILS = ("指标", "标")

# Cells that label a goal or a block, not a level: "长期绩效目标1", "年度目标 1: (50 分)", "年度绩效指标".
GOAL_LABEL = re.compile(
    r"^(?:长期|年度|整体)?(?:绩效)?目标(?:\d+|[一二三四五六七八九十]+)?[:：]?(?:\(\d+(?:\.\d+)?分?\)?)?$")
BLOCK_LABEL = re.compile(
    r"^(?:长期|年度)(?:绩效)?(?:指标|目标表?|绩效)?$|^(?:长期|年度)?绩效指标$|^分?\)$")
GOAL_WEIGHT = re.compile(r"\((\d+(?:\.\d+)?)分?\)?")

# Header words (squashed).
HEADER_LEVEL3 = ("三级指标", "三级指", "具体指标名称")
HEADER_BASIS = "依据"
HEADER_WEIGHT = ("指标分值权重", "分值权重", "权重(%)", "分值", "权重")
HEADER_GOAL_WEIGHT = "指标权重比例"
HEADER_TARGET = ("年初目标值", "年度指标值", "指标值")
HEADER_ACTUAL = ("实际完成值", "绩效标准", "全年实际值")
HEADER_SCORE = ("得分",)
HEADER_REASON = ("偏差原因",)
YEAR_LABEL = re.compile(r"^(?:前年|上年|\d{4}年|(?:预计|预期)?当年(?:实现)?值?|预计当年实现|预期当年实现值)$")
LATER_YEAR_LABEL = re.compile(r"当年")

# target_change_unexplained: words that tie a target's change to a cause, in the project's texts (CHANGE_WORDS,
# next to the indicator's name) or in the row's own 指标值确定依据 (CAUSE_WORDS: no purpose words such as
# 提高/降低, which a basis uses to say what the indicator is for).
CHANGE_WORDS = ("增加", "减少", "调整", "下降", "提高", "降低", "变化", "变动", "因", "由于")
CAUSE_WORDS = ("因", "由于", "新增", "增加", "减少", "调整", "扩大", "缩减", "变化", "变动")

# Basis (指标值确定依据) wording, to tell a basis from a target when a row lacks cells.
BASIS_WORDS = ("计划", "依据", "根据", "标准", "数据", "历史", "政策", "文件", "规定", "考核", "测算", "合同", "统计",
               "调查", "行业", "参考")

# Target words (guideline §3): comparators written as words.
AT_LEAST_WORDS = ("至少", "不少于", "不低于")
AT_LEAST_SUFFIX = ("以上",)
AT_MOST_WORDS = ("不超过", "不高于", "以内", "以下")
AT_MOST_SUFFIX = ("内",)
SYMBOLS = {"≥": "≥", "≧": "≥", ">=": "≥", "≤": "≤", "≦": "≤", "<=": "≤", ">": ">", "<": "<", "=": "="}
EMPTY_TARGETS = frozenset({"", "-", "--", "—", "——", "/", "－"})
PLACEHOLDER = re.compile(r"^[.。…·]{2,}$")

# Units as printed after a number, longest first so "万人次" wins over "万".
UNITS = tuple(sorted((
    "%", "‰", "万人次", "万次", "万人", "TB", "GB", "人次", "户次", "件次", "台次", "万元", "亿元", "元", "万",
    "平方米", "平方公里", "立方米", "公里", "千米", "米", "个月", "个", "人", "次", "座", "起", "所", "期", "份",
    "本", "项", "篇", "条", "家", "天", "周", "小时", "分钟", "工作日", "日", "月", "年", "户", "件", "场", "台",
    "套", "处", "批", "类", "种", "名", "位", "辆", "间", "栋", "吨", "亩", "公顷", "册", "张", "轮", "组", "支",
    "课时", "学时", "分", "点", "km", "KM",
), key=len, reverse=True))
PER_PERIOD = re.compile(r"^/(?:年|天|日|月|周|季度|次|人|户|批)")
PERMILLE_WORD = "千分之"

# Chinese numerals read before a measure word ("每月两次", "一周内") and after 千分之.
CHINESE_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
MEASURE_WORDS = ("次", "周", "个", "人", "天", "小时", "月", "年", "项", "篇", "期", "场", "批", "家", "座", "轮")

# Digits that are not quantities: years, dates, names with digits (PM2.5), document numbers.
NOT_QUANTITY = re.compile(
    r"(?:19|20)\d{2}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*月底|[A-Za-z]+\d+(?:\.\d+)?|[〔\[(（]\d{4}[〕\])）]\s*\d*\s*号?"
)

# Words of a rate indicator (its target should be a share, not money): 执行率, 满意度, 覆盖率 …
RATE_NAME = re.compile(r"(?:率|满意度|比例|占比)$")
MONEY_UNITS = frozenset({"万元", "元", "亿元", "万"})
LOWER_IS_BETTER = re.compile(r"(?:错|差错|容错|投诉|事故|发生率|漏|死管|违建|超支)")
