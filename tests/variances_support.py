"""Shared by the tests/test_variances_*.py files: a check context made from text, and a lexicon judge.

The lexicon judge is a test double for budgetlens.judge (the trained reason judge): it lets the
variance tests pin what attaching and the checks do with a given label, whatever the model says.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from budgetlens.checks import CheckContext
from budgetlens.checks.findings import Finding
from budgetlens.extract.narrative import extract_narrative
from budgetlens.ingest import read_source
from budgetlens.output.record import DocumentRecord, SourceInfo
from budgetlens.structure.build import build_document
from budgetlens.variances import Variance

GENERIC_WORDS = ("工作需要", "人员减少", "人员变动", "人员调整", "支出压", "厉行节约", "八项规定", "降低支出",
                 "贴合预期")
# 003 @431: 0 against 0, and a cause given for it
# social-work p.18–19 shape: items of one list, the first explained, the second not
LIST_ONE_UNEXPLAINED = ("1.一般公共服务支出（类）社会工作事务（款）行政运行（项）。全年预算为52.00万元，"
                        "支出决算为51.32万元，完成全年预算数的98.69%。决算数小于预算数的主要原因：人员变动引起实际支出低于预算。\n"
                        "2.一般公共服务支出（类）社会工作事务（款）事业运行（项）。全年预算为17.68万元，"
                        "支出决算为11.31万元。")
ZERO_WITH_REASON = ("1.因公出国（境）费全年预算为0万元，支出决算为0万元，完成预算的0%。与年初预算持平，"
                    "主要原因是因公出国经费由财政根据全区工作统筹，全年未安排因公出国。")


@dataclass(frozen=True)
class Label:
    label: str
    confidence: float = 1.0


def lexicon_judge(text: str, cue: str, direction: str | None = None, claim_direction: str | None = None) -> Label:
    if not text.strip("，,。；;：: 无"):
        return Label("empty")
    if "用于" in cue:
        return Label("purpose_not_cause")
    return Label("generic" if any(word in text for word in GENERIC_WORDS) else "specific")


def context_of(text: str, judge=lexicon_judge) -> CheckContext:
    return path_context(text.encode("utf-8"), Path("narrative.txt"), judge)


def path_context(data: bytes, path: Path, judge=lexicon_judge) -> CheckContext:
    document = build_document(read_source(data, path.name))
    narrative = extract_narrative(document)
    return CheckContext(text=document.text, sentences=document.sentences, amounts=narrative.amounts,
                        claims=narrative.claims, reasons=narrative.reasons, tables=document.tables,
                        year=document.meta.fiscal_year, judge=judge)


def variances_of(text: str, judge=lexicon_judge) -> list[Variance]:
    return context_of(text, judge).variances.variances


def explained_by_subject(text: str, *, narrative_only: bool = False) -> dict[str, bool]:
    """Whether each variance of `text` that needs a reason has one, by subject."""
    return {v.subject: v.explained for v in variances_of(text)
            if v.needs_reason and (v.source == "narrative" or not narrative_only)}


def record_of(text: str, *checks, judge=lexicon_judge) -> DocumentRecord:
    """A document record of `text` holding the findings of the given check functions (and nothing else)."""
    ctx = context_of(text, judge)
    drafts = [(check.__name__, d) for check in checks for d in check(ctx) if d is not None]
    findings = [Finding(id=f"f{i}", check=name, severity=d.severity, message=d.message, evidence=d.evidence)
                for i, (name, d) in enumerate(drafts, start=1)]
    return DocumentRecord(doc_id="0" * 16, source=SourceInfo(path="t.txt", sha256="0" * 64, size_bytes=0),
                          status="ok", text=ctx.text, variances=ctx.variances.variances, findings=findings)
