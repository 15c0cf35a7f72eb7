"""Subjects of claims: the account or category phrase a figure is stated for.

The phrase is the end of the lead (the text before a claim's first value, from the last
clause break on), cleaned of what is not the subject: list numbering, 其中, years,
department names, lead-in verbs (安排/纳入/共有) and role words (年初预算为, 决算数, 增加).
Strip patterns live in data/claims.json; they are applied until nothing changes, so their
order does not matter ("中共…部2024年度收入支出总计" loses the name, then the year).
"""

from __future__ import annotations

import re

from budgetlens.nlp.patterns import ClaimPatterns


def lead_tail(lead: str, patterns: ClaimPatterns) -> str:
    """The last clause of the lead: "…，其中：人员经费" → "人员经费"."""
    breaks = list(patterns.clause_break.finditer(lead))
    return lead[breaks[-1].end():] if breaks else lead


def clean_subject(text: str, patterns: ClaimPatterns) -> str | None:
    """The subject as printed, without numbering, years, names and role words; None if nothing is left."""
    subject = _strip_all(text.strip(), patterns.subject_head)
    subject = _strip_all(subject, patterns.subject_tail).strip()
    if not subject or subject in patterns.role_only_subjects or not re.search(r"[\u4e00-\u9fa5]", subject):
        return None
    return subject


def _strip_all(text: str, strips: tuple[re.Pattern[str], ...]) -> str:
    changed = True
    while changed and text:
        changed = False
        for pattern in strips:
            stripped = pattern.sub("", text, count=1).strip()
            if stripped != text:
                text, changed = stripped, True
    return text
