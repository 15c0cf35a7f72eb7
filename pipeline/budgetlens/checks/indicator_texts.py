"""target_text_mismatch (issue 6): a figure in a 绩效目标 description that differs from its indicator row.

"年度绩效目标：…疏捞检查井雨水井49783座" against the row 疏捞检查井和雨水井数量 | 49783座: the same.
The text and the row are linked by indicators/text.py (same unit, a shared run of four characters).
"""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.checks.indicators import form_name, indicator_label, place_evidence
from budgetlens.checks.registry import CheckContext, FindingDraft, Outcome, register
from budgetlens.indicators.text import goals_to_text_targets, link_text_targets


@register("target_text_mismatch", "绩效目标说明中的数值应与对应指标的目标值一致")
def target_text_mismatch(ctx: CheckContext) -> Iterator[Outcome]:
    for text, row in link_text_targets(goals_to_text_targets(ctx.projects), ctx.indicators):
        current = row.current
        if current is None:
            continue
        if text.value.numbers[0] in current.value.numbers:
            yield None
            continue
        yield FindingDraft(
            severity="warning",
            message=(f"{form_name(ctx, row)}{text.goal}说明“{text.clause}”与指标{indicator_label(row)}"
                     f"{current.label}目标值“{current.value.raw}”不一致"),
            evidence=[place_evidence(text.clause, text.place), place_evidence(current.value.raw, current.place)],
        )
