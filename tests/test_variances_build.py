"""Variances built from real sentences: the pair, its figures, whether a reason is needed, and which reason.

Sentences are from the seeds and corpus (source in comments); the reason judge is the lexicon
test double of variances_support, so these pin building and attaching, not the model.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens.variances import Variance
from tests.conftest import corpus_pdf, seed_path, synthetic_text
from tests.variances_support import ZERO_WITH_REASON, context_of, explained_by_subject, path_context, variances_of

D = Decimal

# (text, kind, current, base, difference, direction, needs_reason, explained)
PAIRS = [
    # 003 @441: the budget is the actual plus the stated shortfall
    ("3.公务接待费支出决算为0.42万元，完成全年预算的31.8%，比全年预算减少0.9万元。主要原因是降低支出，减少公务接待。",
     "budget_vs_actual", D("0.42"), D("1.32"), D("-0.9"), "decrease", True, True),
    # 003 @395: a 财政拨款 line over its budget, no reason given anywhere
    ("2023年度一般公共预算财政拨款支出年初预算为5093.22万元，支出决算为5,102.22万元，完成年初预算的100.18%。",
     "budget_vs_actual", D("5102.22"), D("5093.22"), D("9.00"), "increase", True, False),
    # 003 @399: equal figures need no reason
    ("2.社会保障和就业支出(类)年初预算数为199.57万元,决算数199.57万元,完成年初预算的100%,支出决算数等于年初预算数。",
     "budget_vs_actual", D("199.57"), D("199.57"), D("0"), "flat", False, False),
    # 000 @119: last year's budget from this year's minus the increase
    ("2024年收支总预算4407.79万元，比2023年预算增加66.78万元，增长1.51%，变动的主要原因是增加了走访慰问专项经费和"
     "2023年援疆经费尾款。", "change", D("4407.79"), D("4341.01"), D("66.78"), "increase", True, True),
    # social-welfare 2024 p.6: both years printed, the subject is the quoted line the paragraph opens with
    ("“住房保障支出（类）住房改革支出（款）住房公积金（项）”33.58万元，主要用于在职人员公积金缴费。2023年当年预算执行数为"
     "33.74万元，2024年预算安排33.58万元，比2023年预算执行数减少0.47%。主要原因是：根据实际支出。",
     "change", D("33.58"), D("33.74"), D("-0.16"), "decrease", True, True),
    # js cppcc-office 2018 p.11: a line new this year is a change from zero, and being new is no reason
    ("2.行政事业单位离退休（款）机关事业单位基本养老保险缴费支出（项）407.81万元，今年新增支出。",
     "change", D("407.81"), D("0"), D("407.81"), "increase", True, False),
]


@pytest.mark.parametrize(("text", "kind", "current", "base", "difference", "direction", "needs", "explained"), PAIRS)
def test_variances_pair_from_sentence(text: str, kind: str, current: Decimal, base: Decimal, difference: Decimal,
                                      direction: str, needs: bool, explained: bool) -> None:
    (variance,) = variances_of(text)
    assert (variance.kind, variance.current, variance.base, variance.difference) == (kind, current, base, difference)
    assert (variance.direction, variance.needs_reason, variance.explained) == (direction, needs, explained)
    assert variance.evidence[0].kind == "claim"
    assert variance.source == "narrative"


def test_variances_rate_is_exact_on_the_base() -> None:
    (variance,) = variances_of(PAIRS[0][0])
    assert variance.rate == D("-68.1818")
    assert variance.size == "major"
    assert variance.line == "three_public"
    assert variance.rule == "“三公”经费增减变化"


def test_variances_subject_from_the_paragraph_line() -> None:
    (variance,) = variances_of(next(p[0] for p in PAIRS if p[0].startswith("“住房保障支出")))
    assert variance.subject.startswith("“住房保障支出（类）")
    assert variance.line == "function"


def test_variances_one_reason_for_the_changes_before_it() -> None:
    """sh district-gov-office 2025 p.6: "…减少的主要原因是项目调整" restates three changes; it is no pair itself."""
    text = ("2025年，收入预算9,101.68万元，其中：财政拨款收入9,101.68万元，比2024年预算减少2,389.52万元。"
            "支出预算9,101.68万元，其中：财政拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元。"
            "财政拨款支出预算中，一般公共预算拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元；"
            "政府性基金拨款支出预算0万元，比2024年预算持平。\n"
            "财政拨款收入支出减少的主要原因是项目调整。")
    variances = variances_of(text)
    assert [v.direction for v in variances] == ["decrease", "decrease", "decrease", "flat"]
    assert [v.explained for v in variances] == [True, True, True, False]
    assert len({tuple(v.reason_ids) for v in variances[:3]}) == 1


def test_variances_one_reason_for_several_items_of_a_sentence() -> None:
    variances = variances_of("2023年因公出国（境）费比上年减少2万元，公务接待费比上年减少1万元，"
                             "主要原因是严格落实八项规定。")
    assert len(variances) == 2
    assert all(v.explained and v.reason_ids == ["r1"] for v in variances)


def test_variances_changes_inside_a_reason_are_not_pairs() -> None:
    """js npc 2019 p.10: the figures of the reason explain the change; they are not changes to explain."""
    variances = variances_of("项目支出6459.58万元，比上年增加125.62万元，增长1.98%。"
                             "主要原因是：运转类项目经费统一压减10%，综合管理费专项增加209万元。")
    assert [v.subject for v in variances] == ["项目支出"]


def test_variances_restatement_is_one_pair() -> None:
    """003 @431: "与年初预算持平，主要原因是…" restates the pair just stated; the reason goes to it."""
    variances = variances_of(ZERO_WITH_REASON)
    assert len(variances) == 1
    assert variances[0].direction == "flat"
    assert variances[0].reason_ids
    assert not variances[0].needs_reason


@pytest.mark.shared
def test_variances_seed_003_table_pairs_do_not_double_the_narrative() -> None:
    variances = _variances_of_file(seed_path("003"))
    from_tables = [v for v in variances if v.source == "table"]
    assert {v.subject for v in from_tables} == {"“三公”经费", "公务接待费"}  # the 三公 table prints budget 0.42
    assert all(v.direction == "flat" and not v.needs_reason for v in from_tables)
    unexplained = [v.subject for v in variances if v.needs_reason and not v.explained]
    # the 三公 total (1.32→0.42) is all 公务接待费: the same pair, explained by that item's reason
    assert unexplained == ["一般公共预算财政拨款支出"]


@pytest.mark.shared
def test_variances_table_gives_the_budget_a_sentence_leaves_out() -> None:
    """sh finance-bureau 2024 final p.23: "公务接待费0.00万元，完成预算的0%"; the 三公 table's 预算数 0.95 is the base
    (its 公务接待费 columns are read under a misplaced 运行费 header: the item comes from the group above)."""
    variances = _variances_of_file(corpus_pdf("sh-putuo_finance-bureau_2024_dept-final.pdf"))
    (reception,) = [v for v in variances if v.subject == "公务接待费" and v.kind == "budget_vs_actual"]
    assert (reception.current, reception.base, reception.direction) == (D("0.00"), D("0.95"), "decrease")
    assert {p.kind for p in reception.evidence} == {"claim", "cell"}
    assert reception.needs_reason


def _variances_of_file(path) -> list[Variance]:
    return path_context(path.read_bytes(), path).variances.variances


def test_variances_table_only_vehicle_parts_take_the_reasons_of_their_parent_that_name_them() -> None:
    """Our synthetic syn9-tide 决算 (annotations/synthetic): the 三公 table alone splits 公务用车 into 购置费 and
    运行费; the reason "一是新购执法执勤用车…成交价低于预算；二是…车辆运行维护费相应减少" names both, and not the
    公务接待费 of the same sentence."""
    variances = _variances_of_file(synthetic_text("syn9-tide_transport-bureau_2025_dept-final"))
    explained = {(v.source, v.kind, v.subject): v.explained for v in variances if "公务" in v.subject}
    assert explained[("table", "budget_vs_actual", "公务用车购置费")] is True
    assert explained[("table", "budget_vs_actual", "公务用车运行费")] is True
    assert explained[("narrative", "budget_vs_actual", "公务接待费")] is False


def test_variances_a_reason_before_a_breakdown_explains_the_items_it_names() -> None:
    # our synthetic syn11-isle @417, Shanghai 决算 三公 wording: the cause first, then "其中：" and the items
    text = ("2025年度“三公”经费财政拨款支出决算数比2024年度增加2.91万元，增长24.62%，主要原因是2025年区业余体育学校"
            "帆船队赴日本开展交流训练，新增因公出国（境）费4.62万元。其中：因公出国（境）费增加4.62万元；公务用车购置及"
            "运行维护费减少0.93万元，下降10.47%；公务接待费减少0.78万元，下降26.53%。")
    explained = explained_by_subject(text)
    assert explained["因公出国（境）费"] is True
    assert explained["公务用车购置及运行维护费"] is False


def test_variances_a_line_given_only_a_purpose_borrows_no_cause_from_an_equal_line() -> None:
    # our synthetic syn12-cape @369: income and spending totals; the income rise is given a purpose only
    text = ("本年收入合计3,973.35万元，比2024年度增加291.07万元，增长7.90%，主要用于保障科技成果转化服务。\n"
            "收入支出总计3,973.35万元，比2024年度增加291.07万元，主要原因是区科技创新券兑付金额比上年增加。")
    explained = explained_by_subject(text)
    assert explained["本年收入合计"] is False


def test_variances_two_lines_joined_by_he_are_two_lines_restated() -> None:
    # our synthetic syn8-delta @423: "“三公”经费支出和因公出国（境）费支出增加的…" is not the 公务用车 rise's reason
    text = ("2025年度“三公”经费财政拨款支出决算数比2024年度增加1.54万元，增长11.26%，其中：因公出国（境）费支出增加"
            "0.96万元，增长33.10%；公务用车购置及运行维护费支出增加0.58万元，增长6.00%；公务接待费支出与上一年度持平。"
            "“三公”经费支出和因公出国（境）费支出增加的主要原因是2025年恢复安排赴新加坡培训团组1个。")
    explained = explained_by_subject(text, narrative_only=True)
    assert explained["“三公”经费财政拨款支出"] is True
    assert explained["因公出国（境）费支出"] is True
    assert explained["公务用车购置及运行维护费支出"] is False


def test_variances_reason_list_running_on_into_the_next_item_keeps_that_item() -> None:
    """003 @397: the 一是…二是… list is read on into "2.社会保障…"; that item is still a pair, and not a reason."""
    text = ("1.一般公共服务支出(类)财政事务(款)行政运行(项)年初预算为1305.33万元,支出决算为1227.34万元,"
            "完成年初预算的93.98%,支出决算数小于年初预算数的主要原因:一是压降项目支出;二是人员缩减,人员支出减少。\n"
            "2.社会保障和就业支出(类)年初预算数为199.57万元,决算数199.57万元,完成年初预算的100%,"
            "支出决算数等于年初预算数。")
    ctx = context_of(text)
    first, second = ctx.variances.variances
    assert (first.direction, second.direction) == ("decrease", "flat")
    assert ctx.variances.reason_texts[first.reason_ids[0]] == "一是压降项目支出;二是人员缩减,人员支出减少"


# js npc-standing-committee 2017 p23/p25: the total's change is explained once, then restated in the
# 财政拨款 section (same difference, same current figure) with no reason of its own
RESTATED = ("江苏省人大常委会办公厅2017年度收入、支出预算总计13649.07万元，与上年相比收、支预算总计各增加844.15万元，"
            "增长6.59%。主要原因是政策性增资、住房公积金和提租补贴调整等原因，增加基本支出844.15万元。\n"
            "二、财政拨款收支预算总体情况\n"
            "江苏省人大常委会办公厅2017年度财政拨款收、支总预算13649.07万元。与上年相比，财政拨款收、支总计各增加844.15万元，"
            "增长6.59%。")


def test_variances_restated_pair_is_explained_where_first_explained() -> None:
    first, restated = (v for v in variances_of(RESTATED) if v.needs_reason)
    assert (first.explained, first.explained_at, bool(first.reason_ids)) == (True, None, True)
    assert (restated.explained, restated.explained_at, restated.reason_ids) == (True, first.id, [])


def test_variances_a_different_change_is_not_a_restatement() -> None:
    head, _, tail = RESTATED.rpartition("各增加844.15万元")
    text = head + "各增加844.51万元" + tail
    restated = [v for v in variances_of(text) if v.needs_reason][-1]
    assert (restated.difference, restated.explained, restated.explained_at) == (D("844.51"), False, None)


@pytest.mark.parametrize("text", [
    # sh commerce-commission 2025 p7: 稳增长 names a policy aim, not a change of 30.00万
    "其中支持外贸发展370.00万，支持商销稳增长30.00万，支持高端航运业发展20.00万。",
    # sh dept-final template 2024: placeholders, no figure to weigh
    "与2023年度相比，收入支出总计增加（减少）XXX万元，增长（下降）XX%。主要原因：XXXXXXXX。",
])
def test_variances_no_change_to_explain(text: str) -> None:
    assert [v for v in variances_of(text) if v.needs_reason] == []


def test_variances_a_reason_naming_its_comparison_explains_only_that_one() -> None:
    # 001 @962: the cause is given for the change against last year, not for the shortfall against the budget
    text = ("2023 年度“三公”经费财政拨款年初预算数为 2.52 万元，支出决算为 2.44 万元，完成年初预算的 96.83%， "
            "较上年减少 0.34 万元，减少 12.23%，决算数小于预算数，决算数较上年减少的主要原因是公务车辆编制和"
            "公务车辆转由区机关事务服务中心统一管理。")
    budget = next(v for v in variances_of(text) if v.kind == "budget_vs_actual")
    assert (budget.base, budget.current, budget.needs_reason, budget.explained) == (D("2.52"), D("2.44"), True, False)


def test_variances_one_line_against_two_budgets_is_one_variance_the_named_one() -> None:
    # social-work 2024 p18: 年初 0 and 全年 321.02; the lead-in "决算数小于预算数" names the 全年 shortfall, so the
    # line is one variance (guidelines §3), the one against 全年预算, and the reason is not given to a rise
    text = ("一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，"
            "完成年初预算的95.89%。决算数小于预算数的主要原因：人员经费支出数小于预算数。")
    [variance] = [v for v in variances_of(text) if v.kind == "budget_vs_actual"]
    assert (variance.base, variance.current, variance.direction, variance.explained) == (
        D("321.02"), D("307.82"), "decrease", True)


def test_variances_a_reason_naming_a_direction_skips_a_pair_going_the_other_way() -> None:
    # written for the test in the 三公 wording of 003 @431-441: one sentence, a shortfall and an overrun
    text = ("因公出国（境）费年初预算为5.00万元，支出决算为3.00万元，公务接待费年初预算为2.00万元，支出决算为2.50万元。"
            "决算数小于预算数的主要原因是出访团组由3个减为2个。")
    explained = {v.subject: v.explained for v in variances_of(text)}
    assert explained == {"因公出国（境）费": True, "公务接待费": False}


def test_variances_a_reason_for_the_items_above_explains_that_many() -> None:
    # written for the test in the 决算 项-line wording of finance-bureau 2024: "以上两项…" names how many
    text = ("8. 行政单位离退休（项）。年初预算为30.16万元，支出决算为36.28万元，完成年初预算的120.29%。\n"
            "9. 事业单位离退休（项）。年初预算为18.90万元，支出决算为22.74万元，完成年初预算的120.32%。"
            "以上两项决算数均大于年初预算数，原因是新增退休人员3名，相应增加退休费支出9.96万元。\n"
            "10. 住房公积金（项）。年初预算为40.00万元，支出决算为44.00万元，完成年初预算的110.00%。\n")
    explained = {v.subject: v.explained for v in variances_of(text) if v.kind == "budget_vs_actual"}
    assert explained == {"行政单位离退休（项）": True, "事业单位离退休（项）": True, "住房公积金（项）": False}


def test_variances_a_reason_for_the_changes_above_skips_the_flat_one() -> None:
    # written for the test in the 三公 wording of the Jiangsu budgets: "上述减少的…" after a 其中 list
    text = ("2.公务用车购置及运行维护费预算支出12.60万元，比上年预算减少28.00万元。其中：（1）公务用车购置费0万元，"
            "比上年预算减少28.00万元；（2）公务用车运行维护费12.60万元，与上年持平。"
            "上述减少的主要原因是上年安排1辆执法执勤用车更新购置经费28.00万元，本年无车辆购置计划。")
    explained = {v.subject: v.explained for v in variances_of(text)}
    assert explained == {"公务用车购置及运行维护费预算支出": True, "公务用车购置费": True, "公务用车运行维护费": False}


def test_variances_a_reason_after_a_breakdown_goes_to_the_pair_it_names() -> None:
    # written for the test in the Shanghai 决算 三公 wording: the sentence before the cue only breaks the line down
    text = ("2、公务用车购置及运行维护费。全年预算为12.00万元，支出决算为9.86万元，完成全年预算的82.17%。"
            "其中：公务用车购置费0万元，公务用车运行维护费9.86万元。"
            "决算数小于预算数的主要原因是1辆公务用车6月报废后停止运行，燃油费、保险费和维修费相应减少。")
    [variance] = [v for v in variances_of(text) if v.needs_reason]
    assert (variance.base, variance.current, variance.explained) == (D("12.00"), D("9.86"), True)


def test_variances_the_parts_of_spending_keep_their_names_and_need_a_reason() -> None:
    # written for the test in the Wuhan 决算 wording (seed 003 @354): 其中 parts after a total's change
    text = ("2024年度支出合计7,356.86万元，与2023年度相比，支出合计增加576.74万元，增长8.51%，"
            "主要原因是重点工作任务增加。其中：基本支出1,725.26万元，比2023年度增加73.18万元；项目支出5,631.60万元，比2023年度增加503.56万元。"
            "基本支出增加的主要原因是养老保险缴费基数调整。")
    found = {v.subject: (v.needs_reason, v.explained) for v in variances_of(text)}
    assert found == {"支出合计": (True, True), "基本支出": (True, True), "项目支出": (True, False)}


def test_variances_a_reason_restating_a_line_goes_to_that_line() -> None:
    # written for the test in the Shanghai 决算 三公 wording: the reason opens by naming the total it explains
    text = ("2025年度“三公”经费财政拨款支出决算数比2024年度减少1.26万元，下降6.34%，其中：公务用车购置及运行维护费"
            "支出减少1.48万元，下降8.27%；公务接待费支出增加0.22万元，增长11.22%。"
            "“三公”经费支出减少主要是由于公务用车保有量由4辆减至3辆，车辆燃料费、保险费等运行费用随之减少。")
    explained = explained_by_subject(text)
    assert explained["“三公”经费财政拨款支出"] is True
    assert explained["公务接待费支出"] is False  # the reason of a fall is not the rise's


def test_variances_a_reason_restating_several_lines_goes_to_the_run_before_it() -> None:
    # written for the test in the Shanghai budget wording: "收支预算增加的" names no one line
    text = ("2025年，北湖区科学技术委员会收入预算3,815.50万元，比2024年预算执行数增加868.40万元。\n"
            "支出预算3,815.50万元，比2024年预算执行数增加868.40万元。\n"
            "收支预算增加的主要原因是：新增科技型中小企业研发费用补助项目和中试基地建设项目。\n")
    assert [v.explained for v in variances_of(text) if v.needs_reason] == [True, True]


def test_variances_a_difference_stated_again_is_the_same_pair_and_takes_its_reason() -> None:
    # written for the test in the Shanghai 决算 项-line wording
    text = ("4、农林水支出（类）水利（款）水利工程运行与维护（项）。年初预算为2020.00万元，支出决算为1948.72万元，"
            "完成年初预算的96.47%。决算数小于预算数71.28万元。主要是由于保洁养护服务合同重新招标，中标价格低于预算控制价。")
    [variance] = variances_of(text)
    assert (variance.base, variance.current, variance.explained) == (D("2020.00"), D("1948.72"), True)


def test_variances_the_items_above_are_not_a_line_restated() -> None:
    # our synthetic syn7-mesa @466–482: "以上两项…，主要原因是" is items 9 and 10, not the reason-less item 7 too
    text = ("7. 一般公共服务支出（类）市场监督管理事务（款）事业运行（项）年初预算为512.30万元，支出决算为498.06万元，"
            "完成年初预算的97.22%。\n"
            "9. 社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）年初预算为"
            "286.50万元，支出决算为279.84万元，完成年初预算的97.68%；\n"
            "10. 社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）年初预算为"
            "143.25万元，支出决算为139.92万元，完成年初预算的97.68%。以上两项支出决算数小于年初预算数，主要原因是"
            "2024年6月起3名工作人员调出。\n")
    assert [v.explained for v in variances_of(text) if v.needs_reason] == [False, True, True]


def test_variances_zhuyao_shi_after_a_budget_and_its_actual_is_a_reason() -> None:
    # our synthetic syn7-mesa @470: "主要是" explains where the figures compared state a change without a word
    text = ("8. 社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）年初预算为64.80万元，"
            "支出决算为71.25万元，完成年初预算的109.95%，主要是2024年新增退休人员3名，退休费支出相应增加。")
    [variance] = variances_of(text)
    assert variance.explained is True


def test_variances_a_line_told_again_with_its_actual_only_shares_the_reason_given_there() -> None:
    # written for the test: section (一) states the pair, section (二) the actual and the reason
    text = ("（一）总体情况\n公务用车购置及运行维护费预算为6.80万元，支出决算为6.12万元。\n（二）具体情况\n"
            "2、公务用车购置及运行维护费支出6.12万元，完成预算的90.00%。"
            "决算数小于预算数的主要原因是1辆执法执勤用车报废停驶。\n")
    [stated] = [v for v in variances_of(text) if v.base is not None]
    assert stated.explained is True


def test_variances_a_reason_naming_both_comparisons_explains_both_pairs() -> None:
    # written for the test in the wrapped Wuhan 决算 wording (syn6 style): the change told after "；"
    text = ("2. 公务用车购置及运行维护费预算为18.00万元，支出决算为15.42万元，完成年初预算的85.67%；"
            "较上年减少1.68万元，下降9.82%。决算数小于预算数且较上年减少的主要原因是2辆执法执勤车报废，车辆燃料费相应减少。")
    assert {v.kind: v.explained for v in variances_of(text) if v.needs_reason} == {
        "budget_vs_actual": True, "change": True}


def test_variances_a_change_after_budget_and_actual_compares_the_actual() -> None:
    # 001 @990: "较上年减少1.61万元" is this year's 决算 0.28 against last year's, not the budget 2.52
    text = ("2. 公务用车购置及运行维护费预算为 2.52 万元，支出决算为 0.28 万元，完成年初预算的 11.11%；较上年减少 "
            "1.61 万元，下降 85.19%。决算数小于预算数的主要原因是我办继续严格加强公务用车运行维护的管理。"
            "决算数较上年减少的主要原因是截止 2023 年 2 月，公务车辆编制和公务车辆调拨至区机关事务服务中心统一管理。")
    change = next(v for v in variances_of(text) if v.kind == "change")
    assert (change.base, change.current, change.explained) == (D("1.89"), D("0.28"), True)
    assert len([v for v in variances_of(text) if v.kind == "change"]) == 1  # the figure-less restatement merged


PART_REASON = "，主要原因是2025年新增1辆公务用车购置，但与2024年购置的车辆类型不同"
BREAKDOWN = ("2025年“三公”经费预算数为37.91万元，比2024年预算减少10万元。其中：\n"
             "（一）因公出国（境）费0万元，比2024年预算持平。\n"
             f"（二）公务用车购置及运行费36.56万元，比2024年预算减少10万元{PART_REASON}。\n"
             "（三）公务接待费1.35万元。比2024年预算持平。\n")


@pytest.mark.parametrize(("part_reason", "explained"), [(True, True), (False, False)])
def test_variances_a_total_broken_down_is_explained_by_its_parts(part_reason: bool, explained: bool) -> None:
    # wanli-subdistrict 2025 budget p.30: the total's whole change is the 公务用车 line's, explained there
    text = BREAKDOWN if part_reason else BREAKDOWN.replace(PART_REASON, "")
    total = variances_of(text)[0]
    assert (total.subject, total.difference, total.needs_reason) == ("“三公”经费", D("-10"), True)
    assert total.explained is explained


def test_variances_a_change_told_verb_first_is_a_component_not_a_variance() -> None:
    # js npc 2019 p.12: the items of a reason are no variances of their own; the 类 line's change is
    text = ("1．人大事务（款）一般行政管理事务（项）支出1000万元，与上年相比增加123.67万元。"
            "主要原因是相关运转类经费压减10%，增加综合管理费209万元用于办公用房租赁，增加外事经费200万元。")
    assert [v.subject for v in variances_of(text)] == ["人大事务（款）一般行政管理事务（项）支出"]


EXPLAINED_BY_SUBJECT = [  # (text, narrative pairs only, whether each pair that needs a reason has one)
    # our synthetic syn11-dune @366, Wuhan 决算 wording: the parts first, then the total and its listed causes
    pytest.param(
        "2024年度支出合计6,799.00万元，其中：基本支出3,606.32万元，占本年支出53.04%，比2023年度增加208.22万元；"
        "项目支出3,192.68万元，占本年支出46.96%，比2023年度增加268.32万元。与2023年度相比，支出合计增加476.54万元，"
        "增长7.54%，主要原因：一是新增背街小巷环境整治项目，项目支出增加；二是2024年新招录公务员6名，人员经费增加。",
        True, {"基本支出": True, "项目支出": True, "支出合计": True},
        id="a_total_reason_names_its_parts_of_spending"),
    # our synthetic syn12-cape @451: 公务用车's "其中：" names its two parts as figures; 公务接待费 is its sibling
    pytest.param(
        "2. 公务用车购置及运行维护费全年预算为6.50万元，支出决算为5.86万元，完成全年预算的90.15%。"
        "其中：公务用车购置费0万元；公务用车运行维护费5.86万元，主要用于机要通信用车的燃油、维修等支出。\n"
        "3. 公务接待费全年预算为3.00万元，支出决算为1.42万元，完成全年预算的47.33%。决算数小于预算数，主要是由于"
        "全年实际接待来访9批次，少于年初按15批次测算的接待规模。",
        False, {"公务用车购置及运行维护费": False, "公务接待费": True},
        id="the_next_item_is_no_part_of_a_breakdown"),
    # written for the test in the Shanghai 决算 三公 wording: items after "其中：", then the total restated
    pytest.param(
        "“三公”经费财政拨款支出全年预算为9.20万元，支出决算为8.77万元，完成预算的95.33%，其中：公务用车购置及"
        "运行维护费预算为6.80万元，支出决算为6.12万元；公务接待费预算为2.40万元，支出决算为2.65万元。"
        "2025年度“三公”经费支出决算数小于预算数的主要原因：严格落实中央八项规定精神。",
        False, {"“三公”经费财政拨款支出": True, "公务用车购置及运行维护费": False, "公务接待费": False},
        id="a_total_restated_before_its_cue_takes_the_reason"),
    # our synthetic syn3-lake @362, Shanghai 决算 三公 wording: the cause names 公务用车, not 公务接待费
    pytest.param(
        "“三公”经费财政拨款支出年初预算为21.50万元，支出决算为18.60万元，完成预算的86.51%，其中：因公出国（境）费"
        "年初预算为0.00万元，支出决算为0.00万元；公务用车购置及运行维护费年初预算为18.00万元，支出决算为16.42万元，"
        "完成预算的91.22%；公务接待费年初预算为3.50万元，支出决算为2.18万元，完成预算的62.29%。"
        "2025年度“三公”经费支出决算数小于预算数的主要原因：1辆执法执勤用车于2025年6月报废后未予更新，"
        "公务用车运行维护费相应减少。",
        False, {"“三公”经费财政拨款支出": True, "公务用车购置及运行维护费": True, "公务接待费": False},
        id="a_total_reason_names_one_of_its_items"),
    # our synthetic syn9-moor @422, Wuhan 决算 wording: two lines restated, each with its own cause; one left
    pytest.param(
        "与2023年度相比，公共安全支出（类）增加156.38万元，增长7.38%；社会保障和就业支出（类）增加12.64万元，"
        "增长6.20%；卫生健康支出（类）减少3.26万元，下降4.47%；住房保障支出（类）增加9.85万元，增长8.03%。"
        "公共安全支出增加，主要是由于法律援助案件量上升；社会保障和就业支出、住房保障支出增加，原因是2024年7月起"
        "调整职业年金缴费基数和住房公积金缴存基数。",
        False, {"公共安全支出（类）": True, "社会保障和就业支出（类）": True, "卫生健康支出（类）": False,
                "住房保障支出（类）": True},
        id="lines_restated_before_a_comma_and_cue"),
    # our synthetic syn16-vale @364, Wuhan 决算 wording: a total, its 类 breakdown, then a cause list that names two
    # of the three 类 (after a year: "二是2024年7月起…社会保障缴费增加") — the total and those two take it
    pytest.param(
        "与2023年度相比，一般公共预算财政拨款支出增加70.72万元，增长4.85%。其中：一般公共服务支出增加52.36万元，"
        "社会保障和就业支出增加8.14万元，住房保障支出增加6.02万元。主要原因：一是新增“两癌”筛查困难妇女救助等项目，"
        "一般公共服务支出增加；二是2024年7月起养老保险和职业年金缴费基数调整，社会保障缴费增加。",
        True, {"一般公共预算财政拨款支出": True, "一般公共服务支出": True, "社会保障和就业支出": True,
               "住房保障支出": False},
        id="a_reason_after_a_breakdown_explains_the_total_and_the_parts_it_names"),
    # our synthetic syn16-bay @378: the cue printed "原因主要是"
    pytest.param(
        "与2024年度相比，一般公共预算财政拨款支出增加131.56万元，增长4.37%。\n"
        "增加的原因主要是：一是新录用公务员3名、新招聘事业人员2名，人员经费增加。",
        True, {"一般公共预算财政拨款支出": True},
        id="the_cue_yuanyin_zhuyao_shi"),
]


@pytest.mark.parametrize(("text", "narrative_only", "expected"), EXPLAINED_BY_SUBJECT)
def test_variances_which_pairs_a_reason_explains(text: str, narrative_only: bool, expected: dict[str, bool]) -> None:
    assert explained_by_subject(text, narrative_only=narrative_only) == expected
