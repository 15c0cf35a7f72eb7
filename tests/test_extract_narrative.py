"""The extract stage across sentences: what one sentence leaves open is read from its neighbours.

Texts are real passages (sources in comments), run through the whole pipeline as small documents.
"""

from __future__ import annotations

from tests.pipeline_support import analyze_text


def test_reason_in_the_following_sentence_explains_the_claim_before() -> None:
    # social-work p.17
    record = analyze_text("与2023年度相比，收入支出总计增加307.82万元，增长100.00%。主要原因：单位于2024年成立。")
    (claim,) = record.claims
    (reason,) = record.reasons
    assert (reason.cue, reason.text, reason.explains) == ("主要原因：", "单位于2024年成立", claim.id)
    assert reason.sentence_id != claim.sentence_id


def test_subject_of_a_role_only_sentence_comes_from_the_item_line() -> None:
    # social-work p.18: the item line names the account, the next sentence only the roles
    record = analyze_text("1、一般公共服务支出（类）社会工作事务（款）行政运行（项）。\n"
                          "全年预算为52.00万元，支出决算为51.32万元，完成全年预算数的98.69%。")
    (claim,) = record.claims
    assert claim.subject == "一般公共服务支出（类）社会工作事务（款）行政运行（项）"
    assert claim.subject_source == "heading"
    assert [(v.role, v.text) for v in claim.values] == [("budget", "52.00万元"), ("actual", "51.32万元"),
                                                          ("completion", "98.69%")]


def test_restated_comparison_gives_its_direction_and_reason_to_the_claim_before() -> None:
    # social-work p.18-19 pattern
    record = analyze_text("全年预算为17.68万元，支出决算为11.31万元。"
                          "决算数小于全年预算数的主要原因：人员变动，按实际支出。")
    (claim,) = record.claims
    assert (claim.kind, claim.direction) == ("budget_vs_actual", "小于")
    assert record.reasons[0].explains == claim.id


def test_reason_list_over_several_sentences_is_one_reason() -> None:
    # 一是…；二是… split into sentences at the semicolon (003 @397 style, full-width)
    record = analyze_text("与2022年度相比，支出合计减少91.78万元，下降1.77%，"
                          "主要原因：一是压降项目支出；二是人员缩减，人员支出减少。")
    (reason,) = record.reasons
    assert reason.text == "一是压降项目支出；二是人员缩减，人员支出减少"
    assert record.text[reason.span.start:reason.span.end].endswith("人员支出减少")


def test_year_defaults_to_the_documents_year_and_prior_to_the_year_before() -> None:
    record = analyze_text("2024年度部门预算\n公务接待费0.98万元，比上年预算持平。")
    (claim,) = record.claims
    assert record.meta.fiscal_year == 2024
    assert (claim.kind, claim.year, claim.prior_year, claim.direction) == ("change", 2024, 2023, "持平")


def test_amount_text_is_the_quantity_and_expression_the_whole() -> None:
    # social-work p.22 and GUIDELINE §4: a threshold in a category name, approximation words outside
    record = analyze_text("单价100万元（含）以上设备（不含车辆）0台（套）。预计办理提案约900件，重点提案20件左右。")
    found = [(a.text, a.expression, a.comparator, a.approx) for a in record.amounts]
    assert found == [("100万元", "100万元（含）以上", "≥", False), ("0台（套）", "0台（套）", None, False),
                     ("900件", "约900件", None, True), ("20件", "20件左右", None, True)]
    for amount in record.amounts:
        assert record.text[amount.span.start:amount.span.end] == amount.text


def test_numbers_separated_by_a_space_stay_separate() -> None:
    # seed 001 line 2462 prints a table row as text: 500 500 100%
    record = analyze_text("项目全年预算数500 500 100%。")
    assert [a.text for a in record.amounts if a.kind == "percent"] == ["100%"]
