"""Shared by tests that run the whole pipeline on a short real passage given as text."""

from __future__ import annotations

from pathlib import Path

from budgetlens.analyze import analyze_bytes
from budgetlens.output.record import DocumentRecord


def analyze_text(text: str, name: str = "narrative.txt") -> DocumentRecord:
    """The record of `text` read as a small converter-text document; it must not fail."""
    record = analyze_bytes(text.encode("utf-8"), Path(name))
    assert record.status == "ok"
    return record
