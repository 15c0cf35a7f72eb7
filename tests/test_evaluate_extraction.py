"""The extraction evaluator: row location and scoring on constructed records, and one real document."""

from __future__ import annotations

from pathlib import Path

from budgetlens.analyze import analyze_bytes
from budgetlens.evaluate.extraction import document_path, evaluate_file, evaluate_record, summary
from budgetlens.evaluate.extraction_gold import GoldRow, locate_rows
from tests.conftest import seed_path

TEXT = "2024 年收支总预算 4,407.79 万元，比 2023 年预算增加 66.78 万元，增长 1.51%。\n主要原因是增加了专项经费。\n"
PLACE = {"doc": "t.txt", "split": "dev", "page": None}
ROW = {**PLACE, "line": 1, "text": "2024年收支总预算4,407.79万元，比2023年预算增加66.78万元，增长1.51%。",
       "amounts": [{"text": "4,407.79万元", "value": "4407.79", "unit": "万元", "kind": "money"},
                   {"text": "66.78万元", "value": "66.78", "unit": "万元", "kind": "money"},
                   {"text": "1.51%", "value": "1.51", "unit": "%", "kind": "percent"}],
       "claims": [{"kind": "change", "subject": "收支总预算", "year": 2024, "prior_year": 2023,
                   "values": {"current": "4,407.79万元", "delta": "66.78万元", "pct": "1.51%"}, "direction": "增加"}],
       "reasons": []}
REASON_ROW = {**PLACE, "line": 2, "text": "主要原因是增加了专项经费。", "amounts": [], "claims": [],
              "reasons": [{"cue": "主要原因是", "text": "增加了专项经费", "type": "cause", "explains": "previous"}]}


def rows(*dicts: dict) -> list[GoldRow]:
    return [GoldRow(**d) for d in dicts]


def test_rows_are_found_through_the_spaces_of_the_print() -> None:
    record = analyze_bytes(TEXT.encode(), Path("t.txt"))
    alignment = locate_rows(record, rows(ROW, REASON_ROW, {**ROW, "text": "不在文中的一句。"}))
    assert len(alignment.windows) == 2
    assert [index for index, _ in alignment.lost] == [2]
    window = alignment.windows[0]
    assert record.text[window.start:window.end].startswith("2024 年")


def test_scores_of_a_correct_extraction_are_perfect_and_a_wrong_gold_is_missed() -> None:
    record = analyze_bytes(TEXT.encode(), Path("t.txt"))
    result = summary(evaluate_record(record, rows(ROW, REASON_ROW)))
    assert (result["amount_p"], result["amount_r"], result["claims_right"]) == (1.0, 1.0, 1.0)
    assert (result["reason_f1"], result["attach_right"]) == (1.0, 1.0)
    wrong = {**ROW, "claims": [{**ROW["claims"][0], "subject": "收入预算"}],
             "amounts": [*ROW["amounts"], {"text": "9万元", "value": "9", "unit": "万元", "kind": "money"}]}
    result = summary(evaluate_record(record, rows(wrong)))
    assert (result["amount_p"], result["amount_r"]) == (1.0, 0.75)
    assert (result["claims_right"], result["claims_values_right"]) == (0.0, 1.0)


def test_a_real_seed_scores_amounts() -> None:
    seed_path("000")  # skips without ../shared
    gold = Path(__file__).parents[1] / "annotations" / "extraction" / "000_fd04dd69df0e1d80.jsonl"
    score = evaluate_file(gold, seed_path("000").parents[1])
    assert score.split == "dev"
    assert summary(score.counts)["rows_lost"] == 0
    assert summary(score.counts)["money_pct_r"] > 0.9


def test_extraction_gold_documents_are_shared_ones_or_our_synthetic_ones(tmp_path) -> None:
    gold_file = tmp_path / "annotations" / "extraction" / "x.jsonl"
    shared = tmp_path / "shared"
    assert document_path("seeds/001.txt", gold_file, shared) == shared / "seeds" / "001.txt"
    ours = tmp_path / "annotations" / "synthetic" / "syn4-a.txt"
    assert document_path("synthetic/syn4-a.txt", gold_file, shared) == ours
