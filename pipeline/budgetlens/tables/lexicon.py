"""Every word table understanding reads, as data: table kinds, column roles, measures, row kinds.

Patterns are regular expressions over text with all whitespace removed and full-width
brackets and quotes unified (see `squash`). Order matters: the first pattern that matches
wins, so more specific words come first ("本年支出合计" before "本年支出"). Add a region's
wording here, not in the modules that use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budgetlens.tables.model import CodeSystem, TableKind

_BRACKETS = str.maketrans({"（": "(", "）": ")", "“": '"', "”": '"', "‘": '"', "’": '"', "：": ":", "，": ","})


def squash(text: str) -> str:
    """Whitespace removed, brackets, quotes and colons half-width: the form every pattern reads."""
    return "".join(text.split()).translate(_BRACKETS)


@dataclass(frozen=True)
class KindRule:
    """A title (or footnote, or header) names this kind when every pattern in `all_of` matches."""

    kind: TableKind
    all_of: tuple[str, ...]
    none_of: tuple[str, ...] = ()

    def matches(self, text: str) -> bool:
        return all(re.search(p, text) for p in self.all_of) and not any(re.search(p, text) for p in self.none_of)


# Titles and "本表反映…" footnotes, most specific first.
K = TableKind
KIND_RULES: tuple[KindRule, ...] = (
    KindRule(K.PERF_SELF_EVAL, ("自评",)),
    KindRule(K.PERF_TARGET, ("绩效",)),
    KindRule(K.THREE_PUBLIC, ("三公",)),
    KindRule(K.ADMIN_COST, ("机关运行经费",)),
    KindRule(K.PROCUREMENT, ("政府采购",)),
    KindRule(K.SERVICE_PURCHASE, ("购买服务",)),
    KindRule(K.FISCAL_SUMMARY, ("财政拨款", "总表|总收支")),
    KindRule(K.SUMMARY, ("收入支出|收支", "总表|总收支")),
    KindRule(K.GOV_FUND, ("政府性基金",)),
    KindRule(K.STATE_CAPITAL, ("国有资本经营",)),
    KindRule(K.GENERAL_BASIC, ("一般公共预算", "基本支出")),
    KindRule(K.GENERAL_SPENDING_UNITS, ("一般公共预算", "支出", "分单位")),
    KindRule(K.GENERAL_SPENDING, ("一般公共预算", "支出")),
    KindRule(K.FISCAL_BASIC, ("财政拨款", "基本支出")),
    KindRule(K.FISCAL_SPENDING, ("财政拨款", "支出")),
    KindRule(K.PROJECT_SPENDING, ("项目支出",)),
    KindRule(K.INCOME, ("收入",), ("支出",)),
    KindRule(K.SPENDING, ("支出",), ("收入",)),
)

# Header cells that name a kind whatever the title says (a title cut at a line break,
# "支出预算表" for the 三公 table, or "公开表十一"). Patterns read the header cells joined by "|".
HEADER_KIND_RULES: tuple[KindRule, ...] = (
    KindRule(K.PERF_TARGET, ("一级指标", "二级指标")),
    KindRule(K.THREE_PUBLIC, ("因公出国", "公务接待")),
    KindRule(K.PROCUREMENT, ("采购(品目|金额|组织形式|物品)",)),
    KindRule(K.ADMIN_COST, ("机关运行经费",)),
    KindRule(K.FISCAL_SUMMARY, (r"(^|\|)财政拨款收入(\||$)", r"(^|\|)财政拨款支出(\||$)")),
    KindRule(K.SUMMARY, (r"(^|\|)(本年)?收入(\||$)", r"(^|\|)(本年)?支出(\||$)")),
)
# Last resort for a grid with neither title nor telling header: its row labels, joined by "|".
BODY_KIND_RULES: tuple[KindRule, ...] = (
    KindRule(K.INCOME, (r"(^|\|)收入总计(\||$)",), ("支出",)),
)
# A title kind this broad gives way to a header rule (which is specific by construction).
BROAD_KINDS = frozenset({TableKind.INCOME, TableKind.SPENDING, TableKind.GENERIC})

# Removed before reading 预算/决算 from a title: fund names contain 预算 but say nothing of the flavour.
FUND_NAMES = r"一般公共预算|政府性基金预算|国有资本经营预算|预算单位|部门预算经济分类"
FINAL_WORDS = r"决算"
BUDGET_WORDS = r"预算"

# Column roles from header cells, first match wins.
ROLE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("code_class", r"^类$"),
    ("code_section", r"^款$"),
    ("code_item", r"^项$"),
    ("row_number", r"行次|^序号$"),
    ("code", r"编码|代码|编号"),
    ("label", r"名称|^项目$|^科目$|^品名$"),
    ("outbound", r"因公出国"),
    ("vehicle", r"公务用车购置及运行"),
    ("vehicle_purchase", r"公务用车购置费?$|^购置费?$"),
    ("vehicle_running", r"公务用车运行|^运行(维护)?费?$"),
    ("reception", r"公务接待"),
    ("three_public", r"三公"),
    ("meeting", r"会议费"),
    ("training", r"培训费"),
    ("admin_cost", r"机关运行经费"),
    ("subsidy", r"对附属单位补助"),
    ("remit", r"上缴上级"),
    ("business", r"经营支出"),
    ("basic", r"基本支出"),
    ("project", r"项目支出"),
    ("personnel", r"人员经费"),
    ("public", r"公用经费"),
    ("reserve", r"预留机动"),
    ("carry_next", r"结转下年"),
    ("carry_in", r"年初.*结转|上年结转"),
    ("carry_out", r"年末.*结转|年终结转"),
    ("total", r"合计|总计|小计"),
    ("current_income", r"^本年收入$"),
    ("current_spending", r"^本年支出$"),
    ("general_budget", r"一般公共预算"),
    ("gov_fund", r"政府性基金"),
    ("state_capital", r"国有资本经营"),
    ("fiscal", r"^财政拨款(收入)?$"),
    ("superior_subsidy", r"上级补助"),
    ("affiliated", r"附属单位上缴"),
    ("business_income", r"经营收入"),
    ("service_income", r"事业收入"),
    ("other_income", r"其他收入"),
    ("special_account", r"财政专户"),
    ("unit_funds", r"单位资金"),
    ("amount", r"^金额|^(预算|决算)数?$|^数额$"),
)
# A 合计/小计 printed under one of these is that thing's total ("基本支出 | 小计" is basic spending).
PART_ROLES = frozenset({
    "basic", "project", "personnel", "public", "three_public", "vehicle", "outbound", "reception",
    "carry_in", "carry_out", "general_budget", "gov_fund", "state_capital", "fiscal", "admin_cost",
})  # not 本年收入 / 本年支出: a 合计 under them is the table's total (group says whose)
KEY_ROLES = frozenset({"code", "code_class", "code_section", "code_item", "label", "row_number"})

MEASURE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("budget_initial", r"年初预算"),
    ("budget_full", r"全年预算"),
    ("budget_adjusted", r"调整(后)?预算"),
    ("prior_year", r"上年(?!结转)|前年"),
    ("budget", r"预算数|^预算$"),
    ("actual", r"决算数|^决算$|执行数|实际完成"),
    ("current_year", r"^本年$|本年数|^当年"),
)

# Header words that mark a body row as a header repeated after a page break (with the table's own header texts).
HEADER_WORDS = frozenset({"项目", "科目编码", "科目名称", "类", "款", "项", "栏次", "行次", "金额", "合计", "小计"})
# The 栏次 row under a header: "栏次 | | 1 | 2 | 3".
COLUMN_NUMBER_LABEL = r"^栏次$"

# Row labels (after `rows.normalise_label`).
TOTAL_PATTERN = r"(合计|总计|共计)$|^本年(收入|支出)$"
SUBTOTAL_PATTERN = r"小计$"
NOTE_PATTERN = r"^(注|说明|备注|填报说明)[:：]|^本(表|单位|部门)|^(我|该)单位|^无$|无数据|空表"
OF_WHICH_PATTERN = r"^其中[:：]?"
# List numbering before a label, with its outline level: 一、 (1), (一) (2), 1. / 1、 (3), (1) (4), ① (4).
OUTLINE_PATTERNS: tuple[tuple[int, str], ...] = (
    (1, r"^[一二三四五六七八九十百]+[、.．]"),
    (2, r"^\([一二三四五六七八九十]+\)[、.]?"),
    (3, r"^\d{1,2}[、.．](?!\d)"),
    (4, r"^\(\d{1,2}\)[、.]?|^[①-⑳]"),
)

# Code columns: which classification a header names; otherwise the kind's usual one.
CODE_SYSTEM_PATTERNS: tuple[tuple[CodeSystem, str], ...] = (
    (CodeSystem.ECONOMIC, r"经济"),
    (CodeSystem.FUNCTION, r"功能"),
    (CodeSystem.UNIT, r"单位(编码|代码)"),
    (CodeSystem.PROJECT, r"项目(编号|编码|代码)"),
)
ECONOMIC_KINDS = frozenset({TableKind.GENERAL_BASIC, TableKind.FISCAL_BASIC, TableKind.ADMIN_COST})
FUNCTION_KINDS = frozenset({
    TableKind.INCOME, TableKind.SPENDING, TableKind.GENERAL_SPENDING, TableKind.FISCAL_SPENDING,
    TableKind.GOV_FUND, TableKind.STATE_CAPITAL,
})
