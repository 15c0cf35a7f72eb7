"""The bundled sample end to end: every deliberate error (errors.json) is found exactly once, in the text and
the PDF rendering alike, and nothing else is reported as an error or a warning."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from budgetlens.analyze import analyze_file
from budgetlens.sample import sample_paths

SAMPLE_DIR = sample_paths()[0].parent
DOCUMENTED = json.loads((SAMPLE_DIR / "errors.json").read_text("utf-8"))


@pytest.mark.parametrize("name", ["dept_final_2024.txt", "dept_final_2024.pdf",
                                  "perf_target_2025.txt", "perf_target_2025.pdf"])
def test_sample_deliberate_errors_found_once_and_nothing_else(name: str) -> None:
    record = analyze_file(SAMPLE_DIR / name)
    stem = name.rsplit(".", 1)[0]
    expected = Counter(e["check"] for e in DOCUMENTED if e["file"].startswith(stem))
    found = Counter(f.check for f in record.findings if f.check in expected)
    assert found == expected
    loud = {f.check for f in record.findings if f.severity in ("error", "warning")}
    assert loud <= set(expected), loud - set(expected)
