"""What a budget sentence leaves open, read from the item it stands under and from the document's kind.

Texts are real passages (sources in comments), run through the whole pipeline as small documents.
"""

from __future__ import annotations

import re

import pytest

from budgetlens.analyze import analyze_file
from tests.conftest import synthetic_text
from tests.pipeline_support import analyze_text


def test_a_budget_arrangement_takes_the_numbered_item_it_stands_under() -> None:
    # justice bureau 2026 unit budget p.8: the item states its figure, the next sentences the change
    record = analyze_text(
        "13、住房保障支出（221类）住房改革支出（02款）购房补贴（03项）207万元。主要用于：发放购房补贴。"
        "2025年当年预算执行数为241.76万元，2026年预算安排170.03万元，比2025年预算执行数增加21.74%。")
    item, change = record.claims
    assert (item.kind, item.subject) == ("figure", "住房保障支出（221类）住房改革支出（02款）购房补贴（03项）")
    assert (change.kind, change.subject, change.subject_source) == ("change", item.subject, "heading")
    assert [(v.role, v.text) for v in change.values] == [("prior", "241.76万元"), ("current", "170.03万元"),
                                                          ("pct", "21.74%")]


def test_in_a_budget_document_a_budget_figure_is_the_years_own_figure() -> None:
    # js_cppcc 2018 title (p.1) and 第三部分 p.9
    record = analyze_text("江苏省政协办公厅2018年度\n部门预算公开\n\n"
                          "单位预留机动经费预算为1,157.63万元。与上年相比增加1,050.79万元，增长983.52%。")
    assert record.meta.kind == "dept_budget"
    figure, change = record.claims
    assert (figure.kind, [(v.role, v.text) for v in figure.values]) == ("figure", [("current", "1,157.63万元")])
    assert (change.kind, change.subject) == ("change", "单位预留机动经费预算")


def test_in_a_final_account_a_budget_figure_keeps_its_role() -> None:
    # 001 @974 (a 决算)
    record = analyze_text("武汉市江岸区人民政府办公室2023年度部门决算\n\n"
                          "1. 因公出国（境）费预算为 0 万元，支出决算为 1.82 万元。")
    (claim,) = record.claims
    assert [(v.role, v.text) for v in claim.values] == [("budget", "0 万元"), ("actual", "1.82 万元")]


def test_a_title_that_announces_a_topic_names_no_subject() -> None:
    # 001 @972 heading, social-work p.18 sentence: a role-only sentence right under a "…情况说明" title
    record = analyze_text("（二）“三公”经费财政拨款支出决算具体情况说明\n\n全年预算为52.00万元，支出决算为51.32万元。")
    (claim,) = record.claims
    assert (claim.subject, claim.subject_source) == (None, None)


def test_a_later_item_of_a_reason_list_names_no_subject() -> None:
    # js provincial-party-committee-office 2018 p.9: "二是…增加了该项支出" belongs to the reason; the change
    # after 增减相抵后 is still the 类 line's
    record = analyze_text(
        "2．社会保障和就业（类）支出1289.52万元，主要用于离退休人员支出。与上年相比减少710.87万元，减少35.54%。"
        "主要原因：一是退休人员工资改由社保发放，经费支出相应减少；二是在职人员缴纳基本养老保险和职业年金，"
        "增加了该项支出。增减相抵后与上年相比减少710.87万元。")
    last = record.claims[-1]
    assert (last.kind, last.subject, [v.text for v in last.values]) == \
        ("change", "社会保障和就业（类）支出", ["710.87万元"])


def test_a_list_number_before_a_year_is_not_part_of_a_number() -> None:
    # 000 @665, a project form's change field: "1. 2022年…" is item 1, not the count 1.2022
    record = analyze_text("1. 2022年年初预算安排13万元; 2. 2022年实际预算执行情况13万元。")
    assert [a.text for a in record.amounts] == ["13万元", "13万元"]


def test_a_change_in_a_new_clause_with_its_own_subject_is_its_own_claim() -> None:
    # js npc-standing-committee-office 2019 p.12, inside a reason: two items, each with its own change
    record = analyze_text("主要原因是运转类项目经费统一压减10%，综合管理费专项增加209万用于办公用房租赁。")
    changes = [(c.subject, [v.role for v in c.values]) for c in record.claims if c.kind == "change"]
    assert changes == [("运转类项目经费", ["pct"]), ("综合管理费专项", ["delta"])]


def test_a_rule_followed_is_not_part_of_the_subject() -> None:
    # js npc-standing-committee-office 2019 p.13
    record = analyze_text("主要原因是按照规定运转类专项经费压减10%。")
    assert [c.subject for c in record.claims] == ["运转类专项经费"]


def test_a_level_mark_broken_onto_the_next_line_stays_with_its_item() -> None:
    # sh-putuo finance-bureau 2024 final p.22: "…行政单位离退休" / "（项）。主要用于…"
    record = analyze_text("5、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休\n"
                          "（项）。主要用于：退休人员经费支出。年初预算为 85.55 万元，支出决算为84.65万元。")
    (claim,) = [c for c in record.claims if c.kind == "budget_vs_actual"]
    assert claim.subject == "社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）"


@pytest.mark.parametrize(("text", "expected"), [
    # sh-putuo finance-bureau 2024 final p.23, flow text: a name broken before its bracket
    ("2024年度“三公”经费财政拨款支出决算数与2023年度持平。其中：因公出国\n（境）费支出决算持平；",
     [("“三公”经费财政拨款支出", []), ("因公出国（境）费支出", [])]),
    # the same document p.22: a role broken from its figure
    ("6、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。"
     "主要用于：在职人员的基本养老保险支出。年初预算为\n161.62万元，支出决算为160.75万元。",
     [("社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）",
       ["161.62万元", "160.75万元"])]),
    # seed 001 @925, pdfminer text with a blank line after every line: a numbered item goes on below
    ("5. 住房保障支出年初预算为167.02万元，支出决算为\n\n177.64万元，完成年初预算的106.36%。",
     [("住房保障支出", ["167.02万元", "177.64万元", "106.36%"])]),
    # written for the test in the wrapped Wuhan style: a short line that stops on a comma goes on below
    ("13. 住房保障支出(类)住房改革支出(款)购房补贴(项)。\n年初预算为 42.00 万元，支出决算为 36.00 万元，\n"
     "完成年初预算的 85.71%，决算数小于年初预算数。",
     [("住房保障支出(类)住房改革支出(款)购房补贴(项)", ["42.00 万元", "36.00 万元", "85.71%"])]),
    # our synthetic syn12-marsh, wrapped Wuhan style: a percentage broken inside its digits stays one number
    ("3.社会保障和就业(类)支出1781.01万元，占 60.4\n0%，与2023年度相比增加103.60万元。",
     [("社会保障和就业(类)支出", ["103.60万元"])]),
    # our synthetic syn6-ridge @389, wrapped Wuhan style: a count broken from its measure word stays one sentence
    ("二是全区在建工程由 2023 年的 126\n个增加到 2024 年的 158 个，第三方检测费用增加。",
     [("全区在建工程", ["126个", "158 个"])]),
    # written for the test in the wrapped Wuhan style: a year broken from its 年度 stays one sentence
    ("2. 公务用车购置及运行维护费年初预算为14.80万元，支出\n决算为12.96万元，完成年初预算的87.57%，与2023\n"
     "年度持平。",
     [("公务用车购置及运行维护费", ["14.80万元", "12.96万元", "87.57%"]), ("公务用车购置及运行维护费", [])]),
])
def test_a_sentence_broken_inside_a_name_or_before_its_figure_is_one_sentence(
        text: str, expected: list[tuple[str, list[str]]]) -> None:
    record = analyze_text(text)
    amounts = {a.id: a.text for a in record.amounts}
    claims = [(c.subject, [amounts[v.amount_id] for v in c.values]) for c in record.claims
              if c.kind in ("change", "budget_vs_actual")]
    assert claims == expected


def test_a_percentage_broken_after_its_decimal_point_stays_one_number() -> None:
    # our synthetic syn13-grove @386, wrapped Wuhan style: "…，占9." | "99%；…"
    record = analyze_text("社会保障和就业支出（类）145.89万元，占9.\n99%；卫生健康支出（类）42.90万元，占2.94%。")
    assert [a.text for a in record.amounts if a.kind == "percent"] == ["9.99%", "2.94%"]


def test_a_change_told_verb_first_names_its_item_and_the_net_is_its_own_claim() -> None:
    # js npc-standing-committee-office 2019 p.12, a reason that lists what made up the change
    record = analyze_text("主要原因是相关运转类经费压减10%，增加综合管理费209万元用于办公用房租赁，"
                          "增加外事经费200万元，增减相抵后增加123.67万元。")
    changes = [(c.subject, [v.text for v in c.values], c.direction) for c in record.claims if c.kind == "change"]
    assert changes[:3] == [("相关运转类经费", ["10%"], "减少"), ("综合管理费", ["209万元"], "增加"),
                           ("外事经费", ["200万元"], "增加")]
    assert changes[3][1:] == (["123.67万元"], "增加")  # the net, not the 外事经费's


def test_a_change_with_le_after_its_verb_keeps_no_le_subject() -> None:
    # js procuratorate 2019 (a held-out document's sentence, here a unit case): "减少了" is no subject
    record = analyze_text("项目支出预算数为4335.3万元。与上年相比减少了1237.7万元，减少13.22%。")
    assert [c.subject for c in record.claims] == ["项目支出", "项目支出"]


def test_a_flat_line_needs_no_comparison_word() -> None:
    # sh-putuo finance-bureau 2024 final p.23: figure-less 三公 lines stated flat
    record = analyze_text("其中：因公出国（境）费支出决算持平；公务接待费支出决算持平。")
    assert [(c.kind, c.direction) for c in record.claims] == [("change", "持平"), ("change", "持平")]


def test_a_difference_against_the_budget_is_a_delta_of_the_line_before() -> None:
    # written for the test in the Shanghai 决算 wording: "决算数小于预算数71.28万元" names no line of its own
    record = analyze_text("9. 农林水支出（类）水利（款）水利工程运行与维护（项）。年初预算为500.00万元，"
                          "支出决算为428.72万元，完成年初预算的85.74%。决算数小于预算数71.28万元。")
    amounts = {a.id: a.text for a in record.amounts}
    last = record.claims[-1]
    assert (last.kind, last.subject, last.direction) == (
        "budget_vs_actual", "农林水支出（类）水利（款）水利工程运行与维护（项）", "小于")
    assert [(v.role, amounts[v.amount_id]) for v in last.values] == [("delta", "71.28万元")]


@pytest.mark.parametrize(("text", "kind"), [
    # our synthetic syn4-valley @458: the cause of a budget shortfall/overrun tells part of that difference
    ("年初预算为210.00万元，支出决算为248.75万元，完成年初预算的118.45%，支出决算数大于年初预算数的主要原因是"
     "应对强降雨过程，组织抢险救援队伍集中驻防17天，增加队伍补助和装备租赁支出38.75万元。", "budget_vs_actual"),
    # js npc-standing-committee-office 2019 p.12: the cause of a change against last year tells part of the change
    ("与上年相比增加123.67万元，主要原因是相关运转类经费压减10%，增加外事经费200万元。", "change"),
    # our synthetic syn14-reed: "全年增加退休费…", the verb first after 全年
    ("年初预算为17.62万元，支出决算为21.85万元，完成年初预算的124.01%。决算数大于年初预算数的主要原因："
     "河道管理所2名职工于2025年3月办理退休手续，全年增加退休费4.23万元。", "budget_vs_actual"),
])
def test_a_difference_told_inside_a_cause_is_of_the_comparison_it_explains(text: str, kind: str) -> None:
    record = analyze_text(text)
    inside = [c for c in record.claims if [v.text for v in c.values] in (["38.75万元"], ["200万元"], ["4.23万元"])]
    assert [(c.kind, [v.role for v in c.values]) for c in inside] == [(kind, ["delta"])]


def test_a_unit_broken_between_wan_and_yuan_stays_with_its_figure() -> None:
    # our synthetic syn9-moor (annotations/synthetic), wrapped Wuhan style: "…支出 2,693.26 万" | "元，占本年…"
    record = analyze_file(synthetic_text("syn9-moor_justice-bureau_2024_dept-final"))
    assert not [s.text for s in record.sentences if re.search(r"\d\s*[万亿]$", s.text)]
    assert "2,693.26 万元" in {a.text for a in record.amounts}


def test_a_difference_in_a_later_item_of_a_cause_list_is_of_the_comparison_it_explains() -> None:
    # our synthetic syn9-tide @423: "…的主要原因：一是…；" then "二是…车辆运行维护费相应减少1.24万元。"
    record = analyze_text(
        "公务用车购置及运行维护费全年预算为46.00万元，支出决算为44.12万元，完成预算的95.91%。"
        "决算数小于预算数的主要原因：一是新购执法执勤用车经公开招标采购，成交价低于预算0.64万元；"
        "二是1辆2013年购置的路政巡查车于2025年10月报废，车辆运行维护费相应减少1.24万元。")
    (claim,) = [c for c in record.claims if [v.text for v in c.values] == ["1.24万元"]]
    assert (claim.kind, claim.subject, claim.direction) == ("budget_vs_actual", "车辆运行维护费", "减少")


def test_a_topic_line_and_a_figure_inside_a_cause_name_no_later_subject() -> None:
    # our synthetic syn15-mesa @541: the role-only sentence is the 三公 line's, not the topic line's ("…总体情况说明。")
    # nor the car's that the cause of the sentence before counts
    record = analyze_text(
        "（一）“三公”经费财政拨款支出决算总体情况说明。\n\n"
        "2024年度“三公”经费财政拨款支出决算7.36万元，比2023年度减少0.86万元，下降10.46%，"
        "主要原因是1辆执法执勤用车于2024年8月报废，车辆运行费用减少。全年预算为9.80万元，完成全年预算的75.10%。")
    subjects = [(c.kind, c.subject) for c in record.claims]
    assert subjects[0] == ("change", "“三公”经费财政拨款支出")
    assert subjects[-1] == ("budget_vs_actual", "“三公”经费财政拨款支出")
    assert all("情况说明" not in (subject or "") for _, subject in subjects)
