"""Amounts of the narrative, with provenance: run the NLP pipeline over every sentence.

The spaCy components (budgetlens.nlp) work on one sentence's text; here their
results are lifted into document coordinates — offsets into Document.text, page,
line and box of the exact characters — and flattened into records that load
straight into pandas or DuckDB.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from budgetlens.document import Document, ExactDecimal, Model, Span
from budgetlens.structure.sentences import Locator


class AmountRecord(Model):
    """One amount stated in the narrative (money, percent, count, ratio, range, number)."""

    id: str
    sentence_id: str
    kind: str
    text: str
    value: ExactDecimal
    value_high: ExactDecimal | None = None
    unit: str | None = None
    yuan: ExactDecimal | None = None  # money only: the value in 元
    decimals: int = 0
    comparator: str | None = None
    approx: bool = False
    pattern: str  # which named pattern found it
    span: Span


@lru_cache(maxsize=1)
def shared_nlp() -> Language:
    """One pipeline per process: jieba's dictionary is loaded once, then reused."""
    from budgetlens.nlp import load

    return load()


def extract_amounts(document: Document, nlp: Language | None = None) -> list[AmountRecord]:
    nlp = nlp or shared_nlp()
    locator = Locator(document.lines)
    records: list[AmountRecord] = []
    texts = (sentence.text for sentence in document.sentences)
    for sentence, doc in zip(document.sentences, nlp.pipe(texts), strict=True):
        for amount in doc._.amounts:
            start = sentence.span.start + amount.start_char
            end = sentence.span.start + amount.end_char
            records.append(AmountRecord(
                id=f"a{len(records) + 1}", sentence_id=sentence.id, kind=amount.kind.value, text=amount.text,
                value=amount.value, value_high=amount.value_high, unit=amount.unit, yuan=amount.yuan,
                decimals=amount.decimals, comparator=amount.comparator,
                approx=amount.approx, pattern=amount.pattern, span=locator.span(start, end),
            ))
    return records
