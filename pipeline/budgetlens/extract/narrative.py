"""The extract stage: amounts, claims and reasons of the narrative, in document coordinates.

The NLP pipeline (budgetlens.nlp) runs once over all sentences with `nlp.pipe`; each
sentence's results are lifted into records with ids and provenance (offsets into
Document.text, page, line, box). What one sentence cannot know is settled here, from
the sentences around it (see context.py): the subject of "全年预算为52.00万元…", the year
of a claim, the claim a reason in the next sentence explains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from budgetlens.document import Document, Sentence, Span
from budgetlens.extract.context import SentenceResult, resolve_context
from budgetlens.extract.records import AmountRecord, ClaimRecord, ClaimValue, ReasonRecord
from budgetlens.nlp.types import Reason
from budgetlens.structure.sentences import Locator


@dataclass
class Narrative:
    amounts: list[AmountRecord] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)
    reasons: list[ReasonRecord] = field(default_factory=list)


@lru_cache(maxsize=1)
def shared_nlp() -> Language:
    """One pipeline per process: jieba's dictionary is loaded once, then reused."""
    from budgetlens.nlp import load

    return load()


def extract_narrative(document: Document, nlp: Language | None = None) -> Narrative:
    nlp = nlp or shared_nlp()
    squeezed = [squeeze_spaces(sentence.text) for sentence in document.sentences]
    docs = nlp.pipe(text for text, _ in squeezed)
    results = [_sentence_result(sentence, doc, where)
               for sentence, doc, (_, where) in zip(document.sentences, docs, squeezed, strict=True)]
    resolve_context(results, document)
    narrative = Narrative()
    lifter = _Lifter(document, Locator(document.lines))
    for result in results:
        lifter.lift(result, narrative)
    return narrative


def squeeze_spaces(text: str) -> tuple[str, list[int]]:
    """The text without the spaces PDF converters put between characters ("2024 年 1.83 %"), and
    where each kept character stood: the components see "2024年1.83%", records point at the print.
    Spaces between two Latin letters or two digits are kept: "500 500 100%" is three numbers."""
    kept: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        if char.isspace() and not _between_words(text, i):
            continue
        kept.append(char)
        where.append(i)
    where.append(len(text))
    return "".join(kept), where


LIST_NUMBER_BEFORE = re.compile(r"(?:^|[^\d,.．])\d{1,2}[.．]$")  # "1. " of "1. 2022年年初预算安排13万元"


def _between_words(text: str, i: int) -> bool:
    """A space between two Latin letters or two digits separates words or numbers ("500 500 100%");
    so does the space after a list number ("1. 2022年…" is item 1, not the number 1.2022)."""
    before, after = text[i - 1:i], text[i + 1:i + 2]
    if after.isdigit() and LIST_NUMBER_BEFORE.search(text, max(0, i - 4), i):
        return True
    return before.isascii() and after.isascii() and before.isalnum() and after.isalnum()


def _sentence_result(sentence: Sentence, doc: Doc, where: list[int]) -> SentenceResult:
    return SentenceResult(sentence=sentence, amounts=list(doc._.amounts or []), claims=list(doc._.claims or []),
                          reasons=list(doc._.reasons or []), where=where)


class _Lifter:
    """Turns one sentence's results into records: printed text, document offsets, page/line/box."""

    def __init__(self, document: Document, locator: Locator) -> None:
        self.text = document.text
        self.locator = locator

    def lift(self, result: SentenceResult, narrative: Narrative) -> None:
        """Records for one sentence, numbered on from those already in `narrative`."""
        _lift(result, self, narrative)

    def span(self, result: SentenceResult, start: int, end: int) -> Span:
        """The document span of squeezed offsets [start, end) of the sentence."""
        base = result.sentence.span.start
        first = base + result.where[start]
        last = base + (result.where[end - 1] + 1 if end > start else result.where[start])
        return self.locator.span(first, last)

    def printed(self, span: Span) -> str:
        return self.text[span.start:span.end]

    def continued(self, span: Span, result: SentenceResult, reason: Reason,
                  items: list[Sentence]) -> tuple[Span, str]:
        """A reason that goes on over the next sentences of its list: span and text to the last item."""
        text_start = self.span(result, reason.text_start, reason.end_char).start if reason.text else span.end
        end = items[-1].span.end
        while end > text_start and self.text[end - 1] in "。；;，, \n":
            end -= 1
        whole = self.locator.span(span.start, end)
        return whole.model_copy(update={"bbox": span.bbox}), "".join(self.text[text_start:end].split())


def _lift(result: SentenceResult, lifter: _Lifter, narrative: Narrative) -> None:
    sentence_id = result.sentence.id
    amount_ids = [f"a{len(narrative.amounts) + i + 1}" for i in range(len(result.amounts))]
    printed = []
    for amount, amount_id in zip(result.amounts, amount_ids, strict=True):
        span = lifter.span(result, amount.core_start if amount.core_start is not None else amount.start_char,
                           amount.core_end if amount.core_end is not None else amount.end_char)
        printed.append(lifter.printed(span))
        narrative.amounts.append(AmountRecord(
            id=amount_id, sentence_id=sentence_id, kind=amount.kind.value, text=printed[-1], value=amount.value,
            expression="".join(lifter.printed(lifter.span(result, amount.start_char, amount.end_char)).split()),
            value_high=amount.value_high, unit=amount.unit, yuan=amount.yuan, decimals=amount.decimals,
            comparator=amount.comparator, approx=amount.approx, pattern=amount.pattern, span=span,
        ))
    for claim, resolved in zip(result.claims, result.resolved, strict=True):
        if resolved.dropped:
            continue
        resolved.record_id = f"c{len(narrative.claims) + 1}"
        narrative.claims.append(ClaimRecord(
            id=resolved.record_id, sentence_id=sentence_id, kind=claim.kind, subject=resolved.subject,
            subject_source=resolved.subject_source, year=resolved.year, prior_year=resolved.prior_year,
            values=[ClaimValue(role=v.role, amount_id=amount_ids[v.amount], text=printed[v.amount])
                    for v in claim.values],
            direction=resolved.direction, span=lifter.span(result, claim.start_char, claim.end_char),
        ))
    for index, (reason, explains) in enumerate(zip(result.reasons, result.explains, strict=True)):
        span, text = lifter.span(result, reason.start_char, reason.end_char), reason.text
        if index == len(result.reasons) - 1 and result.continued_by:
            span, text = lifter.continued(span, result, reason, result.continued_by)
        narrative.reasons.append(ReasonRecord(
            id=f"r{len(narrative.reasons) + 1}", sentence_id=sentence_id, cue=reason.cue, text=text,
            type=reason.type, explains=explains.record_id if explains is not None else None, span=span,
        ))
