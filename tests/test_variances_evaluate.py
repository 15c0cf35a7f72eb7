"""The unexplained-variance evaluator: gold rows meet our flagged variances by place or by figures, one to one."""

from __future__ import annotations

from budgetlens.analyze import analyze_file
from budgetlens.checks import variances as checks
from budgetlens.evaluate.variances import GoldVariance, score_document, squeeze, summary
from tests.conftest import synthetic_text
from tests.variances_support import record_of

# 003 @395 (unexplained) then @441 (explained)
TEXT = ("2023年度一般公共预算财政拨款支出年初预算为5093.22万元，支出决算为5,102.22万元，完成年初预算的100.18%。\n"
        "3.公务接待费支出决算为0.42万元，完成全年预算的31.8%，比全年预算减少0.9万元。主要原因是降低支出，减少公务接待。")
SUBJECT = "一般公共预算财政拨款支出"


def gold(**fields) -> GoldVariance:
    row = {"doc": "t", "split": "train", "kind": "budget_vs_actual", "needs_reason": True, "explained": False,
           "unit": "万元", **fields}
    return GoldVariance.model_validate(row)


def test_variances_evaluate_matches_by_snippet_and_counts_misses() -> None:
    rows = [gold(line=1, snippet="支出年初预算为 5093.22 万元，支出决算为 5,102.22 万元", subject=SUBJECT,
                 current="5,102.22", base="5093.22"),
            gold(line=2, snippet="公务接待费支出决算为 0.42 万元", subject="公务接待费", current="0.42", base="1.32",
                 explained=True),
            gold(line=9, snippet="不在文中的句子", subject="机关运行经费", current="215.69", base="249.98")]
    score = score_document("t", rows, record_of(TEXT, checks.unexplained_variance))
    assert (score.counts["predicted"], score.counts["gold_unexplained"], score.counts["true_positive"]) == (1, 2, 1)
    assert score.counts["gold_rows_built"] == 2
    assert [m.split()[0] for m in score.misses] == ["FN"]
    assert summary([score])["train"]["precision"] == 1.0
    assert summary([score])["train"]["recall"] == 0.5


def test_variances_evaluate_matches_by_figures_when_the_snippet_differs() -> None:
    row = gold(line=1, snippet="（转换器文本不同）", subject=SUBJECT, current="51022200", base="50932200", unit="元")
    score = score_document("t", [row], record_of(TEXT, checks.unexplained_variance))
    assert score.counts["true_positive"] == 1


def test_variances_evaluate_wrong_figures_do_not_match() -> None:
    row = gold(line=1, snippet="（转换器文本不同）", subject=SUBJECT, current="5102.22", base="5000.00")
    assert score_document("t", [row], record_of(TEXT, checks.unexplained_variance)).counts["true_positive"] == 0


def test_variances_evaluate_squeeze_ignores_spaces_quotes_and_width() -> None:
    assert squeeze("“三公” 经费 １.３２ 万元") == squeeze('"三公"经费1.32万元') == "三公经费1.32万元"


def test_variances_evaluate_a_list_marker_before_the_snippet_and_a_code_in_the_subject_still_match() -> None:
    # syn4 judicial 2026 @368: our variance's place starts at "4．", the gold subject carries the 功能 code
    text = "4．普法宣传（项）支出96.80万元，与上年相比减少21.60万元，下降18.24%。该项经费主要用于普法主题活动。"
    row = gold(line=1, snippet="普法宣传（项）支出96.80万元，与上年相比减少21.60万元", subject="2040605 普法宣传",
               kind="change", current="96.80", base="118.40")
    score = score_document("t", [row], record_of(text, checks.unexplained_variance))
    assert (score.counts["predicted"], score.counts["true_positive"]) == (1, 1)


def test_variances_evaluate_a_gold_table_row_meets_our_pair_through_its_cell() -> None:
    # our synthetic syn7-mesa: the gold points at the 三公 table's row (line 349); our variance of the same line and
    # figures opens with the sentence that states it (line 547) and holds the table's cells too
    path = synthetic_text("syn7-mesa_market-regulation_2024_dept-final")
    row = gold(line=349, snippet="38.50\t0.00\t32.00\t18.00\t14.00\t6.50\t40.60\t0.00\t36.42\t24.80\t11.62\t4.18",
               subject="公务用车运行维护费", source="table", current="11.62", base="14.00")
    score = score_document("t", [row], analyze_file(path))
    assert (score.counts["gold_rows_built"], score.counts["true_positive"]) == (1, 1)


def test_variances_evaluate_a_stated_pair_is_not_taken_by_a_table_row_of_the_same_figures() -> None:
    # our synthetic syn14-ridge: 公务用车购置及运行维护费 4.00→3.52 stated at line 490, and the 三公 table's
    # 公务用车运行费 row of the same figures (购置费 0): the stated gold row takes the stated pair, the table one
    # (line 495) the table row — greedy in gold order, the table row had taken the stated gold row
    path = synthetic_text("syn14-ridge_ethnic-religious-affairs_2024_dept-final")
    stated = gold(line=490, snippet="公务用车购置及运行维护费预算为4.00万元，支出决算为3.52万元", source="narrative",
                  subject="公务用车购置及运行维护费", current="3.52", base="4.00")
    table = gold(line=495, snippet="公务用车运行维护费支出3.52万元", source="table", subject="公务用车运行维护费",
                 current="3.52", base="4.00")
    score = score_document("t", [stated, table], analyze_file(path))
    assert (score.counts["gold_unexplained"], score.counts["true_positive"]) == (2, 2)
