"""What table line a claim's subject names: a total, a part of a total, a 类/款/项 line, a "三公" item.

The narrative names table lines in a few set ways ("一般公共预算财政拨款基本支出",
"卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）", "公共安全支出（204类）司法（06款）…",
"公务接待费"). A subject that names none of them gives None: it is not a table figure, and no
link is attempted — linking guesses nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budgetlens.tables.lexicon import squash

# Fund scope words at the head of a subject, most specific first: (pattern, scope).
SCOPES: tuple[tuple[str, str], ...] = (
    (r"^一般公共预算(财政)?拨款|^一般公共预算", "general"),
    (r"^政府性基金(预算)?(财政)?拨款|^政府性基金", "gov_fund"),
    (r"^国有资本经营(预算)?(财政)?拨款|^国有资本经营", "state_capital"),
    (r"^财政拨款", "fiscal"),
)
# What is left after the scope: (pattern over the rest, line). Full matches only.
LINES: tuple[tuple[str, str], ...] = (
    (r"(本年)?收入支出总计|收,?支总计|收支总计", "grand_total"),
    (r"(本年)?收入(合计)?|收入预算", "income_total"),
    (r"(本年)?支出(合计)?|支出预算", "spending_total"),
    (r"基本支出", "basic"),
    (r"项目支出", "project"),
    (r"人员经费", "personnel"),
    (r"公用经费", "public"),
)
# "三公" items → the column role table understanding gives them (tables/lexicon.py).
THREE_PUBLIC: tuple[tuple[str, str], ...] = (
    (r'^"?三公"?经费', "total"),
    (r"^因公出国", "outbound"),
    (r"^公务用车购置及运行", "vehicle"),
    (r"^公务用车购置", "vehicle_purchase"),
    (r"^公务用车运行", "vehicle_running"),
    (r"^公务接待", "reception"),
)
# One alternation, most specific first: "政府性基金预算财政拨款" is one gov_fund match, not also "财政拨款".
_ANY_SCOPE = re.compile("|".join(f"(?P<{scope}>{pattern.replace('^', '')})" for pattern, scope in SCOPES))
_LEVEL = re.compile(r"\((\d{2,3})?(类|款|项)\)")
_NOISE = re.compile(r'^.*?\d{4}年度?|["]')
_TAIL = re.compile(r"(决算数|预算数|支出决算|决算|预算)$")


@dataclass(frozen=True)
class LineName:
    """A table line named by a subject. `path` holds 类/款/项 names; `code` is set when printed."""

    kind: str  # "total_line" | "function" | "three_public"
    scope: str = "all"  # "all" | "general" | "fiscal" | "gov_fund" | "state_capital"
    line: str | None = None  # total_line: grand_total, income_total, …; three_public: the column role
    path: tuple[str, ...] = ()
    code: str | None = None


def scope_in(text: str) -> str | None:
    """The last fund scope a stretch of text names ("一般公共预算财政拨款支出…其中：基本支出" → general)."""
    found = [m.lastgroup for m in _ANY_SCOPE.finditer(squash(text))]
    return found[-1] if found else None


def narrowed(line: LineName, scope: str | None) -> LineName:
    """A scope-less total line read in the scope its sentence set before it."""
    if line.kind != "total_line" or line.scope != "all" or scope is None:
        return line
    return LineName(line.kind, scope, line.line, line.path, line.code)


def normalise(subject: str) -> str:
    """Whitespace, quotes and a leading "单位名称2024年度" removed; brackets half-width."""
    text = _NOISE.sub("", squash(subject))
    return text.replace("、", ",")


def subject_to_line(subject: str | None) -> LineName | None:
    if not subject:
        return None
    text = normalise(subject)
    return _function_line(text) or _three_public_line(text) or _total_line(text)


def _function_line(text: str) -> LineName | None:
    """"卫生健康支出(类)行政事业单位医疗(款)行政单位医疗(项)", with or without printed codes."""
    parts = _LEVEL.split(text)
    if len(parts) < 4 or parts[-1]:
        return None
    names, codes = [], []
    for at in range(0, len(parts) - 1, 3):
        names.append(parts[at].strip(",，"))
        codes.append(parts[at + 1])
    code = "".join(codes) if all(codes) and len(codes[0]) == 3 else None
    return LineName("function", path=tuple(names), code=code)


def _three_public_line(text: str) -> LineName | None:
    for pattern, role in THREE_PUBLIC:
        if re.search(pattern, text):
            return LineName("three_public", scope="fiscal", line=role)
    return None


def _total_line(text: str) -> LineName | None:
    scope, rest = "all", text
    for pattern, name in SCOPES:
        found = re.match(pattern, rest)
        if found:
            scope, rest = name, rest[found.end():]
            break
    rest = _TAIL.sub("", rest) or "支出"
    for pattern, line in LINES:
        if re.fullmatch(pattern, rest):
            return LineName("total_line", scope=scope, line=line)
    return None
