"""Amounts in the output record: exact values, offsets that point at the printed text, page and line."""

from __future__ import annotations

from decimal import Decimal

from budgetlens.analyze import analyze_file
from budgetlens.sample import sample_paths


def test_amounts_record_offsets_point_at_printed_text() -> None:
    pdf = next(p for p in sample_paths() if p.name == "dept_final_2024.pdf")
    record = analyze_file(pdf)
    assert record.status == "ok"
    assert len(record.amounts) > 100
    for amount in record.amounts:
        assert record.text[amount.span.start:amount.span.end] == amount.text
        assert amount.span.page is not None
        assert amount.span.line is not None
    total = next(a for a in record.amounts if a.text == "2,652.39万元")
    assert (total.value, total.yuan) == (Decimal("2652.39"), Decimal("26523900.00"))
    assert (total.unit, total.decimals) == ("万元", 2)
    sentence = next(s for s in record.sentences if s.id == total.sentence_id)
    assert "2,652.39万元" in sentence.text
