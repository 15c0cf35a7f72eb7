"""Comparing targets: is an actual value at the target, do two targets say the same, are units alike.

Pure functions over TargetValue, used by the indicator checks (checks/indicators.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from budgetlens.indicators.lexicon import LOWER_IS_BETTER, squash
from budgetlens.indicators.model import Indicator, Project, TargetValue

YEAR_IN_TEXT = re.compile(r"(?<!\d)(20\d{2})\s*年")
DEPT_FORMS = frozenset({"dept_target", "self_eval_dept"})
MIN_SHARED = 2  # 三级 names an 整体 goal and a project form must share to be the same project
MONEY_ALIKE = {"万元": "万元", "万": "万元", "元": "元", "亿元": "亿元"}


def unit_key(unit: str | None) -> str | None:
    """"万" and "万元" are one unit; "次/年" compares as "次"."""
    if unit is None:
        return None
    base = unit.split("/", 1)[0] or unit
    return MONEY_ALIKE.get(base, base)


def units_differ(a: TargetValue, b: TargetValue) -> bool:
    """Both print a unit and the units are not the same (a missing unit is not a difference)."""
    return a.unit is not None and b.unit is not None and unit_key(a.unit) != unit_key(b.unit)


def same_target(a: TargetValue, b: TargetValue) -> bool:
    """The same comparator, numbers and unit; qualitative targets by their word."""
    if a.qualitative or b.qualitative:
        return a.qualitative == b.qualitative and squash(a.word or "") == squash(b.word or "")
    return (a.comparator or "=") == (b.comparator or "=") and a.numbers == b.numbers and \
        unit_key(a.unit) == unit_key(b.unit)


def target_met(target: TargetValue, actual: TargetValue, name: str) -> bool | None:
    """Whether the actual value meets the target, respecting its comparator; None when not comparable.

    A target printed without a comparator counts as "at least" — or "at most" for an indicator
    whose name says lower is better (差错率, 投诉, 事故发生率)."""
    if not target.numbers or not actual.numbers or units_differ(target, actual):
        return None
    value, goal = actual.numbers[0], target.numbers[0]
    comparator = target.comparator or ("≤" if LOWER_IS_BETTER.search(name) else "≥")
    if comparator == "range" and len(target.numbers) > 1:
        low, high = sorted(target.numbers[:2])
        return low <= value <= high
    checks = {"≥": value >= goal, ">": value > goal, "≤": value <= goal, "<": value < goal,
              "=": value >= goal if not LOWER_IS_BETTER.search(name) else value <= goal, "range": value >= goal}
    return checks[comparator]


def relative_change(before: Decimal, after: Decimal) -> Decimal | None:
    if before == 0:
        return None
    return (after - before) / abs(before)


def years_in(text: str) -> list[int]:
    return [int(year) for year in YEAR_IN_TEXT.findall(text)]


def goal_links(projects: list[Project], indicators: list[Indicator]) -> dict[tuple[str, str | None], str]:
    """(整体 form id, goal) → the project form that goal stands for: the one sharing most of its 三级 names
    (at least two). The 整体 form repeats each project's indicators under one goal."""
    kinds = {p.id: p.kind for p in projects}
    names_by_project: dict[str, set[str]] = defaultdict(set)
    goals: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for row in indicators:
        if kinds.get(row.project_id) in DEPT_FORMS:
            goals[(row.project_id, row.goal)].add(squash(row.level3))
        else:
            names_by_project[row.project_id].add(squash(row.level3))
    links = {}
    for key, names in goals.items():
        best = max(names_by_project, key=lambda pid: len(names & names_by_project[pid]), default=None)
        if best is not None and len(names & names_by_project[best]) >= MIN_SHARED:
            links[key] = best
    return links
