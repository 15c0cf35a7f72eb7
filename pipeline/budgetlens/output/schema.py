"""The JSON Schema of a record, generated from the pydantic models and shipped as a file.

The shipped file (record.schema.json) is what consumers pin to; a test fails when
the models change without the file being regenerated, so a schema change is a
decision (bump SCHEMA_VERSION, run `budgetlens schema --write`), never an accident.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from budgetlens.output.record import SCHEMA_VERSION, DocumentRecord

SCHEMA_FILE = "record.schema.json"


def generate_schema() -> dict[str, Any]:
    schema = DocumentRecord.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://budgetlens.invalid/schema/record-{SCHEMA_VERSION}.json"
    schema["title"] = f"BudgetLens document record {SCHEMA_VERSION}"
    return schema


def schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def shipped_schema() -> dict[str, Any]:
    return json.loads(resources.files("budgetlens.output").joinpath(SCHEMA_FILE).read_text("utf-8"))


def write_schema() -> str:
    """Regenerate the shipped file inside the package source tree; returns its path."""
    target = resources.files("budgetlens.output").joinpath(SCHEMA_FILE)
    with resources.as_file(target) as path:
        path.write_text(schema_text(generate_schema()), encoding="utf-8")
        return str(path)
