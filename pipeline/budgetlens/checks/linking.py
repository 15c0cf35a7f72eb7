"""Narrative ↔ table checks: a figure the text gives for a table line must equal that cell.

Rounding (DOMAIN §5): the cell is converted to the narrative's unit and rounded to the
decimals the narrative shows; equal passes. One unit of the last shown digit apart is info
(the same figure rounded twice), or passes when the table is in 元 and the text in 万元
(round(元/10000, 2) ± 0.01). Anything further is an error.
"""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.checks.findings import Evidence
from budgetlens.checks.narrative import claim_evidence
from budgetlens.checks.registry import CheckContext, FindingDraft, Outcome, register
from budgetlens.checks.rounding import fmt
from budgetlens.link import Link

LINK_TOLERANCE = ("表格数值换算为叙述单位并按叙述显示的小数位四舍五入后须相等；相差一个末位单位记为提示"
                  "（元表换算为万元时视为通过）")
ROLE_WORDS = {"current": "", "actual": "决算数", "total": "", "budget": "预算数"}


@register("narrative_table_mismatch", "叙述中的金额须与其所指表格单元格一致（单位换算后）")
def narrative_table_mismatch(ctx: CheckContext) -> Iterator[Outcome]:
    for link in ctx.links:
        if link.located is not None:
            yield _mismatch(link, ctx)


@register("unlinked_claim", "叙述点名了表格行次但未能对应到唯一单元格（提示）")
def unlinked_claim(ctx: CheckContext) -> Iterator[Outcome]:
    for link in ctx.links:
        if link.located is None:
            yield FindingDraft(
                "info", f"叙述中“{link.claim.subject}”的金额{link.amount.text}未能对应到表格中的唯一单元格，未作核对。",
                claim_evidence(link.claim, ctx))
        else:
            yield None


def _mismatch(link: Link, ctx: CheckContext) -> Outcome:
    off_by = link.off_by
    if off_by is None or off_by == 0 or (off_by == 1 and link.converted):
        return None
    located = link.located
    assert located is not None  # narrative_table_mismatch passes only located links
    severity = "info" if off_by == 1 else "error"
    row = located.row.raw_label or located.row.label
    where = f"{located.table.title or '表格'}“{row}”行“{located.column.header}”栏"
    converted = f"（折合{fmt(link.table_value, link.amount.decimals)}{link.amount.unit}）" if link.converted else ""
    message = (f"叙述中{link.claim.subject}{ROLE_WORDS[link.role]}为{link.amount.text}，"
               f"而{where}为{located.cell.text}{located.table.unit or ''}{converted}。")
    cell = Evidence(kind="cell", text=located.cell.text, table_id=located.table.source_id, row=located.cell.row,
                    col=located.cell.col, page=located.cell.page)
    return FindingDraft(severity, message, [*claim_evidence(link.claim, ctx), cell],
                        observed=link.amount.value, expected=link.table_value, tolerance=LINK_TOLERANCE)
