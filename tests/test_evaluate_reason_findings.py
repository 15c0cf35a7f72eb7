"""generic_reason / contradictory_reason findings against reason gold: a finding counts where the gold row's
sentence is, only for reasons of variances that need one; the locator survives characters NFKC lengthens."""

from __future__ import annotations

from budgetlens.checks import variances as checks
from budgetlens.evaluate.reason_findings import GoldList, score_document, summary
from budgetlens.evaluate.variances import GoldVariance, Locator
from budgetlens.judge.gold import GoldReason
from tests.variances_support import LIST_ONE_UNEXPLAINED, ZERO_WITH_REASON, record_of

# 003 @441: a 三公 budget-vs-actual line whose reason is boilerplate (生活用房 line: a character NFKC lengthens)
TEXT = ("办公用房面积1,200㎡，未变动。\n"
        "3.公务接待费支出决算为0.42万元，完成全年预算的31.8%，比全年预算减少0.9万元。主要原因是降低支出，减少公务接待。")


def gold(label: str = "generic", sentence: str = "主要原因是降低支出，减少公务接待。") -> GoldReason:
    return GoldReason(doc="t", split="train", line=2, sentence=sentence, cue="主要原因是",
                      reason="降低支出，减少公务接待", label=label, explains_variance=True, variance=0)


def variance(needs_reason: bool = True, **fields) -> GoldVariance:
    return GoldVariance(doc="t", split="train", kind="budget_vs_actual", needs_reason=needs_reason, explained=True,
                        **fields)


def test_reason_findings_a_generic_reason_of_a_variance_needing_one_is_a_hit() -> None:
    record = record_of(TEXT, checks.generic_reason)
    assert [f.check for f in record.findings] == ["generic_reason"]
    score = score_document("t", "train", [gold()], [variance()], record)
    assert score.counts["generic_reason:true_positive"] == 1
    assert summary([score])["train"]["generic_reason"] == {"gold": 1, "predicted": 1, "true_positive": 1,
                                                               "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert summary([score])["train"]["contradictory_reason"]["precision"] is None  # nothing predicted, nothing gold


def test_reason_findings_gold_of_a_variance_needing_no_reason_expects_no_finding() -> None:
    score = score_document("t", "train", [gold()], [variance(False)], record_of(TEXT, checks.generic_reason))
    assert (score.counts["generic_reason:gold"], score.counts["generic_reason:predicted"]) == (0, 1)
    assert [m.split()[0] for m in score.misses] == ["FP"]


def test_reason_findings_a_finding_elsewhere_is_a_miss_and_a_false_alarm() -> None:
    score = score_document("t", "train", [gold(sentence="办公用房面积1,200㎡，未变动。")], [variance()],
                           record_of(TEXT, checks.generic_reason))
    assert score.counts["generic_reason:true_positive"] == 0
    assert sorted(m.split()[0] for m in score.misses) == ["FN", "FP"]


def test_reason_findings_other_labels_are_not_expected() -> None:
    score = score_document("t", "train", [gold(label="specific")], [variance()], record_of(TEXT))
    assert score.counts["generic_reason:gold"] == score.counts["contradictory_reason:gold"] == 0


def test_reason_findings_a_cause_for_a_flat_line_is_expected_where_the_gold_says_so() -> None:
    record = record_of(ZERO_WITH_REASON, checks.reason_for_zero_change)
    flat = variance(False, line=1, snippet="因公出国（境）费全年预算为0万元，支出决算为0万元", direction="flat",
                    reason_labels=["specific"])
    assert score_document("t", "train", [], [flat], record).counts["reason_for_zero_change:true_positive"] == 1
    uncaused = flat.model_copy(update={"explained": False, "reason_labels": []})
    score = score_document("t", "train", [], [uncaused], record)
    assert (score.counts["reason_for_zero_change:gold"], score.counts["reason_for_zero_change:predicted"]) == (0, 1)


def list_gold(unexplained: list[int]) -> tuple[list[GoldVariance], GoldList]:
    rows = [variance(line=1, snippet="全年预算为52.00万元，支出决算为51.32万元"),
            variance(line=2, snippet="全年预算为17.68万元，支出决算为11.31万元")]
    return rows, GoldList(doc="t", split="train", members=[0, 1], needing=[0, 1], unexplained=unexplained)


def test_reason_findings_a_partly_explained_list_expects_a_finding_on_its_unexplained_item() -> None:
    record = record_of(LIST_ONE_UNEXPLAINED, checks.missing_reason_items)
    rows, listed = list_gold(unexplained=[1])
    score = score_document("t", "train", [], rows, record, [listed])
    assert [score.counts[f"missing_reason_items:{k}"] for k in ("gold", "predicted", "true_positive")] == [1, 1, 1]
    _, wrong_item = list_gold(unexplained=[0])  # the gold's unexplained item is not the one the finding names
    score = score_document("t", "train", [], rows, record, [wrong_item])
    assert sorted(m.split()[0] for m in score.misses) == ["FN", "FP"]


def test_reason_findings_lists_are_scored_only_where_they_were_read() -> None:
    record = record_of(LIST_ONE_UNEXPLAINED, checks.missing_reason_items)
    rows, _ = list_gold(unexplained=[1])
    assert score_document("t", "train", [], rows, record).counts["missing_reason_items:predicted"] == 0
    _, unread_none = list_gold(unexplained=[])  # read, every item explained: the finding is a false alarm
    score = score_document("t", "train", [], rows, record, [unread_none])
    assert (score.counts["missing_reason_items:gold"], score.counts["missing_reason_items:predicted"]) == (0, 1)


def test_locator_offsets_survive_a_character_nfkc_lengthens() -> None:
    record = record_of(TEXT)
    [(start, _)] = Locator(record).windows("公务接待费支出决算为 0.42 万元")  # after the ㎡: offsets still true
    assert start == record.text.index("公务接待费")
    [(start, _)] = Locator(record).windows("面积1,200m2，未变动")
    assert start == record.text.index("面积")
