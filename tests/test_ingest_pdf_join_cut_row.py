"""Regression: a row cut by the page break left an empty row at the top of the continuation."""

from __future__ import annotations

import pytest

from budgetlens.analyze import analyze_file
from tests.conftest import corpus_pdf


@pytest.mark.shared
def test_join_drops_empty_strip_of_row_cut_by_page_break() -> None:
    record = analyze_file(corpus_pdf("sh-putuo_finance-bureau_2024_dept-final.pdf"))
    table = next(t for t in record.tables if t.pages == [16, 17])
    labels = [row[2].text for row in table.rows]
    assert labels[labels.index("抚恤金") + 1] == "生活补助"  # read off the page images, pp. 16-17
    assert not any(all(not c.text for c in row) for row in table.rows)
    assert any("cut by the page break" in note for note in table.notes)
