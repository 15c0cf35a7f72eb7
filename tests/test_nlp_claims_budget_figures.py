"""Budget figures and the words around them: which role a "…预算为" figure plays, and subjects
that keep neither the department's name, the compared year nor a template's alternative word.

Sentences as printed in real disclosures (source in the comment), spaces of the converter removed.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

import budgetlens.nlp
from tests.test_nlp_claims import claims_of


@pytest.fixture(scope="module")
def nlp() -> Language:
    return budgetlens.nlp.load()


CASES = [
    (  # 001 @974: "预算为" without 年初/全年 is still the budget the 决算 is set against
        "1.因公出国（境）费预算为0万元，支出决算为1.82万元，",
        [("budget_vs_actual", "因公出国（境）费", {"budget": "0万元", "actual": "1.82万元"}, None)],
    ),
    (  # 001 @992
        "2.公务用车购置及运行维护费预算为2.52万元，支出决算为0.28万元，完成年初预算的11.11%；",
        [("budget_vs_actual", "公务用车购置及运行维护费",
          {"budget": "2.52万元", "actual": "0.28万元", "completion": "11.11%"}, None)],
    ),
    (  # js_cppcc 2018 p.9: a budget figure compared with nothing is a figure, its role kept
        "单位预留机动经费预算为1,157.63万元。",
        [("figure", "单位预留机动经费预算", {"budget": "1,157.63万元"}, None)],
    ),
    (  # js_cppcc 2018 p.7: the department's name before the year is not part of the subject
        "江苏省政协办公厅2018年度收入、支出预算总计10,150.48万元，与上年相比收、支预算总计各增加1,003.69万元，增长10.97%。",
        [("change", "收入、支出预算总计", {"current": "10,150.48万元", "delta": "1,003.69万元", "pct": "10.97%"},
          "增加")],
    ),
    (  # js_cppcc 2018 p.14: "…拨款安排的会议费预算支出": the lead-in ends with 的
        "江苏省政协办公厅2018年度一般公共预算拨款安排的会议费预算支出884.16万元，比上年预算减少210.46万元。",
        [("change", "会议费预算支出", {"current": "884.16万元", "delta": "210.46万元"}, "减少")],
    ),
    (  # js_npc 2019 p.9: a template prints both directions; the subject is left to the context
        "与上年相比增加（减少）0万元，增长（减少）0%。",
        [("change", None, {"delta": "0万元", "pct": "0%"}, "增加")],
    ),
    (  # js_procuratorate 2018 p.26: 降幅 states the rate of the decrease
        "3．公诉、审判、侦查、执行等检察监督支出（项）1,895万元，与上年相比减少134万元，降幅0.66%。",
        [("change", "公诉、审判、侦查、执行等检察监督支出（项）",
          {"current": "1,895万元", "delta": "134万元", "pct": "0.66%"}, "减少")],
    ),
    (  # sh finance bureau 2024 final p.23: the compared year is not part of the subject, nor is the role
        # word 决算数; 支出 is (GUIDELINE §5 drops the role word only)
        "2024年度“三公”经费财政拨款支出决算数与2023年度持平。",
        [("change", "“三公”经费财政拨款支出", {}, "持平")],
    ),
    (  # sh planning 2024 final p.25: the compared year printed after the subject is cut off it
        "2024年度“三公”经费财政拨款支出决算数比2023年度减少0.15万元，下降（增长）27.78%。",
        [("change", "“三公”经费财政拨款支出", {"delta": "0.15万元", "pct": "27.78%"}, "减少")],
    ),
    (  # seed 001 @1013: a budget-vs-actual line that goes on to compare with last year is two claims
        "3.公务接待费预算为0万元，支出决算为0.34万元，较上年减少0.55万元，减少61.80%。",
        [("budget_vs_actual", "公务接待费", {"budget": "0万元", "actual": "0.34万元"}, None),
         ("change", "公务接待费", {"delta": "0.55万元", "pct": "61.80%"}, "减少")],
    ),
    (  # sh planning 2024 final p.25: a 决算 figure with its share and no budget is a share, not a comparison
        "公务接待费支出决算0.39万元，占100.00%。",
        [("share", "公务接待费支出", {"current": "0.39万元", "share": "100.00%"}, None)],
    ),
    (  # sh planning 2024 final p.25: a part stated flat after the last figure is a claim of its own
        "2024年度“三公”经费财政拨款支出决算数比2023年度减少0.15万元，下降27.78%，其中：因公出国（境）费支出与上一年度持平",
        [("change", "“三公”经费财政拨款支出", {"delta": "0.15万元", "pct": "27.78%"}, "减少"),
         ("change", "因公出国（境）费支出", {}, "持平")],
    ),
    (  # js npc-standing-committee-office 2019 p.13: a session of a congress is no department name
        "江苏省第十三届人代会二次会议专项经费增加200万元。",
        [("change", "江苏省第十三届人代会二次会议专项经费", {"delta": "200万元"}, "增加")],
    ),
    (  # sh planning 2024 final p.20: the clause before the comparison names the subject
        "主要原因：项目支出增加，较上一度增加1133.95万元，主要由于办公大楼装修等。",
        [("change", "项目支出", {"delta": "1133.95万元"}, "增加")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_budget_figures_and_their_subjects(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert claims_of(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "2025年当年预算执行数为241.76万元，2026年预算安排170.03万元，比2025年预算执行数增加21.74%。",  # justice 2026
    "2022年当年预算执行数为1.48万元，2023年预算安排2.63万元，比2022年预算执行数增加77.70%。",  # wanli 2023
])
def test_budget_arrangement_names_no_subject_of_its_own(nlp: Language, text: str) -> None:
    """"预算安排"/"当年预算" are roles: the item the sentence stands under is the subject."""
    assert [c.subject for c in nlp(text)._.claims] == [None, None]
