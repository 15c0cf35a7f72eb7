"""The `budget_reasons` component: cause and purpose statements, attached to claims.

A reason starts at a cue (主要原因是, 主要是由于, 主要用于 … see data/claims.json) and runs
to the end of the sentence, or to a "，其中：" that starts something else (guidelines.md §2).
A cue inside a cause is part of it ("主要原因：项目支出增加…，主要由于…装修等。" is one
reason); after a purpose, the next cue starts a reason of its own. It explains the last claim
stated before its cue; a reason with no claim before it in its sentence ("主要原因：单位于
2024年成立。") explains the sentence before, which only the document stage can see, so it is
marked `explains_previous`.

Purposes are kept wherever they stand, also list intros ("主要用于以下方面：") and spending
descriptions ("项目支出主要用于乡村振兴工作经费312.47万元"): the judge labels them
purpose_not_cause, and they never explain a variance.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from budgetlens.nlp.extensions import CLAIMS, REASONS, register_extensions, text_of
from budgetlens.nlp.patterns import ClaimPatterns, Cue, PatternComponent
from budgetlens.nlp.types import Amount, Claim, Reason

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
    cues = reason_cues(patterns.find_cues(text, list_intros=True))
    reasons: list[Reason] = []
    for i, cue in enumerate(cues):
        limit = cues[i + 1].start if i + 1 < len(cues) else len(text)
        end = _text_end(text, cue.end, limit, patterns)
        explains = _explained_claim(claims, cue)
        reasons.append(Reason(
            cue=cue.text, type=cue.type, start_char=cue.start, text_start=cue.end, end_char=end,
            text=text[cue.end:end], explains=explains, explains_previous=explains is None,
            after_change=cue.after_change,
        ))
    return reasons


def reason_cues(cues: list[Cue]) -> list[Cue]:
    """The cues that start a reason: those after a cause cue of the sentence are part of that cause."""
    first_cause = next((i for i, cue in enumerate(cues) if cue.type == "cause"), len(cues))
    return cues[:first_cause + 1]


def _text_end(text: str, start: int, limit: int, patterns: ClaimPatterns) -> int:
    stop = patterns.reason_text_stop.search(text, start, limit)
    end = stop.start() if stop else limit
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return end


def _explained_claim(claims: list[Claim], cue: Cue) -> int | None:
    """The last claim stated before the cue (claims inside an earlier reason count: 主要原因：A增加X，主要由于…)."""
    before = [index for index, claim in enumerate(claims) if claim.start_char < cue.start]
    return before[-1] if before else None
