"""The indicator evaluator: gold rows paired by line (else by name), scored on names, targets and tick boxes."""

from __future__ import annotations

from budgetlens.evaluate.indicators import pair_indicators, score_form, summarise
from budgetlens.indicators.model import CheckboxField, Place
from budgetlens.output.record import DocumentRecord, SourceInfo
from tests.indicators_support import indicator, project


def _gold_row(line: int, level3: str, raw: str, comparator: str | None, numbers: list[str], unit: str | None) -> dict:
    target = {"raw": raw, "comparator": comparator, "numbers": numbers, "unit": unit, "qualitative": False,
              "word": None}
    return {"line": line, "level1": "产出指标", "level2": "数量指标", "level3": level3, "targets": {"指标值": target},
            "weight": None, "actual": None, "score": None}


def _record() -> DocumentRecord:
    rows = [indicator("培训场次", ["≥4次"]), indicator("培训人数", ["≥200人"])]
    rows[0].place = Place(line=10)
    rows[1].place = Place(line=12)  # gold says 11: paired by name
    form = project()
    form.first_line, form.last_line = 5, 20
    form.checkboxes = [CheckboxField(field="项目类别", options=["运转类", "特定目标类"], checked=["运转类"],
                                     place=Place(line=6))]
    return DocumentRecord(doc_id="x", source=SourceInfo(path="x", sha256="0" * 64, size_bytes=0), status="ok",
                          projects=[form], indicators=rows)


def test_evaluate_pairs_by_line_then_name() -> None:
    gold = [_gold_row(10, "培训场次", "≥4次", "≥", ["4"], "次"),
            _gold_row(11, "培训人数", "≥200人", "≥", ["200"], "人")]
    pairs = pair_indicators(gold, _record().indicators)
    assert [got.level3 if got else None for _, got in pairs] == ["培训场次", "培训人数"]


def test_evaluate_scores_targets_and_boxes() -> None:
    gold = {"split": "dev", "form_kind": "project_target", "first_line": 5, "last_line": 20,
            "checkboxes": [{"field": "项目类别", "checked": ["特定目标类"]}],
            "indicators": [_gold_row(10, "培训场次", "≥4次", "≥", ["4"], "次"),
                           _gold_row(12, "培训人数", "≥200人", "≥", ["200"], "个")]}
    score = score_form("f", gold, _record())
    assert (score.indicators, score.names_right, score.targets_right, score.right) == (2, 2, 1, 1)
    assert (score.checkboxes, score.checkboxes_right) == (1, 0)
    summary = summarise([score])["dev"]
    assert summary["accuracy"] == 0.5
    assert summary["wrong"] == {"unit": 1}
