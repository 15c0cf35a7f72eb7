"""The flat export: one CSV row per indicator target, exact numbers as printed, read back by the csv module."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from budgetlens.cli import EXIT_OK, main
from budgetlens.indicators.export import COLUMNS, records_to_rows, write_csv
from tests.indicators_support import indicator, project


def _record() -> dict:
    rows = [indicator("云服务器供给数量", ["≥400台", "≥450台", "≥420台"]), indicator("使用部门满意度", ["≥90%"])]
    rows[0].weight = None
    return {"doc_id": "abc", "source": {"path": "x.txt"}, "projects": [project().model_dump(mode="json")],
            "indicators": [row.model_dump(mode="json") for row in rows]}


def test_export_one_row_per_target_with_exact_numbers() -> None:
    rows = list(records_to_rows([_record()]))
    assert [(r["level3"], r["year_label"], r["comparator"], r["number"], r["unit"]) for r in rows] == [
        ("云服务器供给数量", "前年", "≥", "400", "台"), ("云服务器供给数量", "上年", "≥", "450", "台"),
        ("云服务器供给数量", "预计当年实现", "≥", "420", "台"), ("使用部门满意度", "指标值", "≥", "90", "%")]
    assert rows[0]["project"] == "示例项目"
    assert rows[0]["year"] == "2024"
    assert rows[0]["line"] == "1"


def test_export_csv_round_trip() -> None:
    out = io.StringIO()
    assert write_csv(records_to_rows([_record()]), out) == 4
    back = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(back[0]) == list(COLUMNS)
    assert back[2]["raw"] == "≥420台"
    assert back[3]["qualitative"] == "false"


def test_export_cli_writes_the_csv(tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({**_record(), "status": "ok"}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "indicators.csv"
    assert main(["indicators", str(records), "--csv", str(out)]) == EXIT_OK
    assert len(list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))) == 4
