"""Targets stated in words: 绩效目标 descriptions tagged (subject + quantity + unit) and linked to indicator rows.

    "疏捞…管道及砖沟474356.44米，疏捞检查井雨水井49783座" →
        TextTarget(subject="疏捞…管道及砖沟", value=474356.44 米), TextTarget(subject="疏捞检查井雨水井", 49783 座)

A clause (between ，；。、) holding one figure with a unit is a text target; its subject is the
words before the figure. It is linked to the form's indicator whose 三级 name shares the longest
run of characters with the subject (at least four) and whose target has the same unit: then the
two can be compared (checks/indicator_texts.py, target_text_mismatch).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budgetlens.indicators.compare import unit_key
from budgetlens.indicators.lexicon import squash
from budgetlens.indicators.model import Indicator, Place, Project, TargetValue
from budgetlens.indicators.targets import text_to_target

CLAUSE = re.compile(r"[，,；;。\n]|(?<=\D)、")
LEADING_NUMBERING = re.compile(r"^\s*(?:\d+\s*[.、．]|[（(]\d+[)）])\s*")
FIRST_FIGURE = re.compile(r"[≥≤><=≧≦]?\d")
MIN_SHARED = 4  # characters a subject and a 三级 name must share in one run
FILLER = re.compile(r"^(?:全年|年度|全区|力争|确保|完成|实现|达到|提供|组织|开展)+")


@dataclass(frozen=True)
class TextTarget:
    project_id: str
    goal: str
    clause: str  # as printed
    subject: str  # the words before the figure, fillers removed
    value: TargetValue
    place: Place


def goals_to_text_targets(projects: list[Project]) -> list[TextTarget]:
    """Every clause of every goal text that states one figure with a unit."""
    found = []
    for project in projects:
        for goal in project.goals:
            for clause in CLAUSE.split(goal.text):
                tagged = clause_to_target(clause)
                if tagged is not None:
                    subject, value = tagged
                    found.append(TextTarget(project.id, goal.name, clause.strip(), subject, value, goal.place))
    return found


def clause_to_target(clause: str) -> tuple[str, TargetValue] | None:
    """(subject, value) of a clause with exactly one quantity and a unit; None otherwise."""
    text = LEADING_NUMBERING.sub("", clause).strip()
    value = text_to_target(text)
    if value.qualitative or len(value.numbers) != 1 or value.unit is None:
        return None
    figure = FIRST_FIGURE.search(squash(text))
    subject = FILLER.sub("", squash(text)[:figure.start()] if figure else "")
    return (subject, value) if len(subject) >= MIN_SHARED else None


def link_text_targets(targets: list[TextTarget], indicators: list[Indicator]) -> list[tuple[TextTarget, Indicator]]:
    """Each text target with the indicator of its form that names the same thing in the same unit."""
    links = []
    for target in targets:
        candidates = [i for i in indicators if i.project_id == target.project_id and i.current is not None
                      and unit_key(i.current.value.unit) == unit_key(target.value.unit)]
        scored = [(shared_run(target.subject, squash(i.level3)), i) for i in candidates]
        best = max(scored, key=lambda pair: (pair[0], _same_term(target, pair[1])), default=(0, None))
        if best[1] is not None and best[0] >= MIN_SHARED:
            links.append((target, best[1]))
    return links


def _same_term(target: TextTarget, indicator: Indicator) -> bool:
    return (indicator.term == "long") == target.goal.startswith("长期")


def shared_run(a: str, b: str) -> int:
    """Length of the longest run of characters the two texts share (both short: quadratic is fine)."""
    best = 0
    for i in range(len(a)):
        for j in range(len(b)):
            k = 0
            while i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
                k += 1
            best = max(best, k)
    return best
