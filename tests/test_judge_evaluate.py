"""`budgetlens evaluate reasons` on a tiny constructed gold: judge quality and reason detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetlens.analyze import analyze_file
from budgetlens.cli import main
from budgetlens.evaluate import reasons
from budgetlens.judge import ReasonJudge
from budgetlens.judge.gold import GoldReason, load_gold
from budgetlens.judge.train import train_judge
from tests.judge_support import write_gold

DOCUMENT = """一、收入支出预算总体情况说明

2024年收入预算100万元，比上年减少10万元，主要原因是人员减少、支出压降。

2024年支出预算100万元，比上年减少10万元。减少的主要原因：增加走访慰问专项经费80万元。

项目支出20万元，主要用于春节慰问一线工作人员。
"""


def _row(line: int, sentence: str, cue: str, label: str = "generic") -> GoldReason:
    """A gold row as the guideline writes it: the reason is what follows the cue, final 。 dropped."""
    reason = sentence.split(cue, 1)[1].removesuffix("。")
    return GoldReason(doc="tiny", split="test", line=line, sentence=sentence, cue=cue, reason=reason, label=label)


def test_judge_evaluate_quality(tmp_path: Path) -> None:
    gold_dir = write_gold(tmp_path / "reasons")
    train_judge(gold_dir, tmp_path / "model.json")
    result = reasons.evaluate(gold_dir, tmp_path, judge=ReasonJudge.load(tmp_path / "model.json"), detection=False)
    summary = result.summary()["quality"]
    assert (summary["rows"], summary["documents"]) == (5, 2)
    matrix = summary["confusion"]["rows_gold_cols_predicted"]
    assert sum(map(sum, matrix)) == 5
    for label in ("empty", "purpose_not_cause", "contradictory"):  # decided by rules in this gold
        assert summary["per_label"][label] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1}
    assert summary["by_source"]["rule"] == {"rows": 3, "right": 3}
    assert summary["macro_over"] == ["specific", "generic", "contradictory", "purpose_not_cause", "empty"]
    assert "macro-F1" in reasons.report(result)


def test_judge_evaluate_split_is_respected(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path / "reasons"))
    assert gold.documents("train") == ["000", "003", "sh-a", "sh-b"]
    assert gold.documents("test") == ["001", "002"]


def test_judge_evaluate_detection(tmp_path: Path) -> None:
    path = tmp_path / "tiny.txt"
    path.write_text(DOCUMENT, "utf-8")
    rows = [
        _row(3, "2024年收入预算100万元，比上年减少10万元，主要原因是人员减少、支出压降。", "主要原因是"),
        _row(5, "减少的主要原因：增加走访慰问专项经费80万元。", "减少的主要原因：", "specific"),
        _row(7, "项目支出20万元，主要用于春节慰问一线工作人员。", "主要用于", "purpose_not_cause"),
        _row(9, "这句话不在文中，主要原因是工作需要。", "主要原因是"),  # not in the text: a miss
    ]
    score = reasons.detect_document("tiny", rows, analyze_file(path))
    assert (score.gold, score.ours, score.matched, score.text_agrees) == (4, 3, 3, 3)
    summary = reasons.detection_summary([score])
    assert (summary["precision"], summary["recall"], summary["f1"]) == (1.0, 0.75, pytest.approx(0.857, abs=1e-3))
    assert any("sentence not found" in miss for miss in score.misses)


def test_judge_evaluate_split_reaches_the_report(tmp_path: Path) -> None:
    gold_dir = write_gold(tmp_path / "reasons")
    train_judge(gold_dir, tmp_path / "model.json")
    judge = ReasonJudge.load(tmp_path / "model.json")
    result = reasons.evaluate(gold_dir, tmp_path, judge=judge, detection=False, split="train")
    assert result.summary()["quality"]["rows"] == 12
    assert reasons.report(result).startswith("reason quality on 12 train rows from 4 documents")


def test_cli_evaluate_reasons_takes_the_first_split(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    asked: list[str] = []
    real_evaluate, gold_dir = reasons.evaluate, write_gold(tmp_path / "reasons")

    def fake_evaluate(_gold: Path, shared: Path, *, split: str = reasons.TEST) -> reasons.ReasonEvaluation:
        asked.append(split)
        return real_evaluate(gold_dir, shared, detection=False, split=split)

    monkeypatch.setattr(reasons, "evaluate", fake_evaluate)
    assert main(["evaluate", "reasons", "--split", "train", "--split", "test"]) == 0
    assert main(["evaluate", "reasons"]) == 0
    assert asked == ["train", "test"]


# justice-bureau 2026 p.8: one reason sentence printed after several items of one page (here: of one line)
REPEATED = ("2、基层司法业务（04项）2170.39万元，比2025年预算执行数增加0.97%。主要原因是：业务量增加。"
            "3、普法宣传（05项）124.29万元，比2025年预算执行数增加4.92%。主要原因是：法制宣传工作支出增加。"
            "4、公共法律服务（07项）686万元，比2025年预算执行数增加1.01%。主要原因是：业务量增加。"
            "5、信息化建设（13项）227.88万元，比2025年预算执行数增加277.22%。主要原因是：业务量增加。\n")


def test_judge_evaluate_detection_pairs_each_repeat_with_its_own_occurrence(tmp_path: Path) -> None:
    path = tmp_path / "repeated.txt"
    path.write_text(REPEATED, "utf-8")
    same, other = "主要原因是：业务量增加。", "主要原因是：法制宣传工作支出增加。"
    rows = [_row(1, sentence, "主要原因是：") for sentence in (same, other, same, same)]
    score = reasons.detect_document("repeated", rows, analyze_file(path))
    assert (score.gold, score.ours, score.matched, score.text_agrees) == (4, 4, 4, 4), score.misses


@pytest.mark.parametrize(("gold", "ours", "same"), [
    ("主要原因是", "主要原因是", True), ("主要原因：", "主要原因", True), ("减少的主要原因是", "主要原因是", True),
    ("主要用于以下方面：", "主要用于", True), ("主要用于", "主要用于以下方面", True), ("主要是因", "主要是", True),
    ("主要用于", "主要原因是", False), ("", "主要原因是", False), ("原因", "主要原因是", False),
])
def test_judge_evaluate_same_cue(gold: str, ours: str, same: bool) -> None:
    assert reasons.same_cue(gold, ours) is same


def test_judge_evaluate_detection_matches_a_cause_printed_without_a_cue(tmp_path: Path) -> None:
    """Guidelines §3.2: "5.2024年按照财政要求压减经费…" is gold with cue ""; we cue on 按照 and still match."""
    path = tmp_path / "form.txt"
    path.write_text("2023年年初预算安排43万元。2024年按照财政要求压减经费，压减后为23.74万元。\n", "utf-8")
    sentence = "2024年按照财政要求压减经费，压减后为23.74万元。"
    row = GoldReason(doc="form", split="test", line=1, sentence=sentence, cue="",
                     reason="按照财政要求压减经费", label="generic")
    score = reasons.detect_document("form", [row], analyze_file(path))
    assert (score.gold, score.ours, score.matched) == (1, 1, 1), score.misses
