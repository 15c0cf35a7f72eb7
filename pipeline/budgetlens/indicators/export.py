"""A flat table for researchers: one row per indicator and target column, ready for CSV or Parquet.

    rows = records_to_rows(records)          # from DocumentRecord objects or their JSON dicts
    write_csv(rows, Path("indicators.csv"))

Numbers stay exact strings ("2.95"); a target with several numbers (a range, a list) gives the
first in `number` and all of them, ";"-joined, in `numbers`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import IO, Any

from budgetlens.indicators.model import Indicator, LabelledTarget, Project

COLUMNS = ("doc_id", "source", "project_id", "project", "form_kind", "year", "goal", "term", "level1", "level2",
           "level3", "year_label", "raw", "comparator", "number", "numbers", "unit", "qualitative", "weight",
           "actual", "actual_number", "actual_unit", "score", "basis", "line", "table_id", "row")


def records_to_rows(records: Iterable[Any]) -> Iterator[dict[str, str]]:
    """Every target of every indicator of every ok record, in document order."""
    for record in records:
        data = record if isinstance(record, dict) else record.model_dump(mode="json")
        projects = {p["id"]: Project.model_validate(p) for p in data.get("projects", [])}
        for raw in data.get("indicators", []):
            indicator = Indicator.model_validate(raw)
            project = projects.get(indicator.project_id)
            for target in indicator.targets or [None]:
                yield indicator_row(data["doc_id"], data["source"]["path"], project, indicator, target)


def indicator_row(doc_id: str, source: str, project: Project | None, indicator: Indicator,
                  target: LabelledTarget | None) -> dict[str, str]:
    value = target.value if target is not None else None
    actual = indicator.actual
    return {
        "doc_id": doc_id, "source": source, "project_id": indicator.project_id,
        "project": _text(project.name or project.department if project else None),
        "form_kind": indicator.form_kind, "year": _text(project.year if project else None),
        "goal": _text(indicator.goal), "term": _text(indicator.term), "level1": indicator.level1,
        "level2": indicator.level2, "level3": indicator.level3, "year_label": _text(target.label if target else None),
        "raw": _text(value.raw if value else None), "comparator": _text(value.comparator if value else None),
        "number": _text(value.numbers[0] if value and value.numbers else None),
        "numbers": ";".join(str(n) for n in value.numbers) if value else "",
        "unit": _text(value.unit if value else None), "qualitative": _text(value.qualitative if value else None),
        "weight": _text(indicator.weight), "actual": _text(actual.raw if actual else None),
        "actual_number": _text(actual.numbers[0] if actual and actual.numbers else None),
        "actual_unit": _text(actual.unit if actual else None), "score": _text(indicator.score),
        "basis": _text(indicator.basis), "line": _text(indicator.place.line),
        "table_id": _text(indicator.place.table_id), "row": _text(indicator.place.row),
    }


def write_csv(rows: Iterable[dict[str, str]], out: IO[str]) -> int:
    """Write the rows with a header; returns how many rows were written."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
