"""The `budget_reasons` component: cause and purpose statements, attached to claims.

A reason starts at a cue (主要原因是, 主要是由于, 主要用于 … see data/claims.json) and runs
to the end of the sentence, or to the next cue, or to a "，其中：" that starts something
else. It explains the last claim stated before its cue; a reason with no claim before it
in its sentence ("主要原因：单位于2024年成立。") explains the sentence before, which only
the document stage can see, so it is marked `explains_previous`.

"主要用于以下方面：" and "主要用于乡村振兴工作经费312.47万元" introduce lists of spending,
not purposes of a figure, and are not reasons.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from budgetlens.nlp.extensions import CLAIMS, REASONS, register_extensions, text_of
from budgetlens.nlp.patterns import ClaimPatterns, Cue, PatternComponent
from budgetlens.nlp.types import Amount, AmountKind, Claim, Reason

TRAILING = " \t\r\n，,。；;：:、"


@Language.factory("budget_reasons", assigns=[f"doc._.{REASONS}"], requires=[f"doc._.{CLAIMS}"],
                  default_config={"patterns": None})
def make_reasons(nlp: Language, name: str, *, patterns: str | None) -> ReasonRecognizer:
    """`patterns`: path of a replacement for the packaged data/claims.json (shared with budget_claims)."""
    register_extensions()
    return ReasonRecognizer(name, patterns=patterns)


class ReasonRecognizer(PatternComponent):
    def __init__(self, name: str = "budget_reasons", *, patterns: str | None = None):
        super().__init__(name, patterns=patterns)

    def __call__(self, doc: Doc) -> Doc:
        reasons = find_reasons(text_of(doc), doc._.amounts or [], doc._.claims or [], self.patterns)
        setattr(doc._, REASONS, reasons)
        return doc


def find_reasons(text: str, amounts: list[Amount], claims: list[Claim], patterns: ClaimPatterns) -> list[Reason]:
    """Every reason of one sentence, in text order."""
    cues = patterns.find_cues(text)
    reasons: list[Reason] = []
    for i, cue in enumerate(cues):
        limit = cues[i + 1].start if i + 1 < len(cues) else len(text)
        end = _text_end(text, cue.end, limit, patterns)
        if cue.type == "purpose" and _introduces_spending(text, cue.end, end, amounts, patterns):
            continue
        explains = _explained_claim(claims, cue)
        reasons.append(Reason(
            cue=cue.text, type=cue.type, start_char=cue.start, text_start=cue.end, end_char=end,
            text=text[cue.end:end], explains=explains, explains_previous=explains is None,
        ))
    return reasons


def _text_end(text: str, start: int, limit: int, patterns: ClaimPatterns) -> int:
    stop = patterns.reason_text_stop.search(text, start, limit)
    end = stop.start() if stop else limit
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return end


def _introduces_spending(text: str, start: int, end: int, amounts: list[Amount], patterns: ClaimPatterns) -> bool:
    """"主要用于乡村振兴工作经费312.47万元": a money amount in the first clause makes it a list of spending."""
    first_break = patterns.clause_break.search(text, start, end)
    clause_end = first_break.start() if first_break else end
    return any(a.kind == AmountKind.MONEY and start <= a.start_char < clause_end for a in amounts)


def _explained_claim(claims: list[Claim], cue: Cue) -> int | None:
    """The last claim stated before the cue (claims inside an earlier reason count: 主要原因：A增加X，主要由于…)."""
    before = [index for index, claim in enumerate(claims) if claim.start_char < cue.start]
    return before[-1] if before else None
