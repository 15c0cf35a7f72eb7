"""The shipped JSON Schema is the generated one, and real records validate against it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from budgetlens.analyze import analyze_bytes, analyze_file
from budgetlens.checks import CHECKS
from budgetlens.output.record import SCHEMA_VERSION
from budgetlens.output.schema import generate_schema, shipped_schema
from tests.conftest import CORPUS_PDF, SEEDS


def _validator() -> jsonschema.protocols.Validator:
    schema = shipped_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_schema_shipped_file_matches_models() -> None:
    assert shipped_schema() == json.loads(json.dumps(generate_schema())), (
        "models changed: bump SCHEMA_VERSION and run `budgetlens schema --write`")
    assert SCHEMA_VERSION in shipped_schema()["title"]


def test_schema_error_record_validates(tmp_path: Path) -> None:
    record = analyze_bytes(b"%PDF-1.4\n garbage", tmp_path / "broken.pdf")
    assert record.status == "error"
    _validator().validate(record.model_dump(mode="json"))


@pytest.mark.shared
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_schema_seed_records_validate(prefix: str) -> None:
    paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip("../shared absent")
    record = analyze_file(paths[0])
    assert record.status == "ok", record.error
    _validator().validate(record.model_dump(mode="json"))


@pytest.mark.shared
def test_schema_output_is_deterministic_except_timings() -> None:
    paths = sorted(SEEDS.glob("003_*.txt"))
    if not paths:
        pytest.skip("../shared absent")
    first, second = (analyze_file(paths[0]).model_dump(mode="json") for _ in range(2))
    first.pop("timings"), second.pop("timings")
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


CORPUS = sorted(CORPUS_PDF.glob("*.pdf")) if CORPUS_PDF.is_dir() else []


@pytest.mark.shared
@pytest.mark.skipif(not CORPUS, reason="../shared absent")
@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_schema_every_corpus_record_is_ok_valid_and_reports_every_check(path: Path) -> None:
    record = analyze_file(path)
    assert record.status == "ok", record.error
    _validator().validate(record.model_dump(mode="json"))
    assert {status.check for status in record.checks} == set(CHECKS)
