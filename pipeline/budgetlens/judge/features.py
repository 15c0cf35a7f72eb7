"""Hand-made features of one reason: what makes it specific (amounts, counts, named projects,
documents, events) or generic (boilerplate cover), and whether its direction fits the change.

Values lie in [0, 1] so they sit beside the L2-normalised character n-grams without scaling.
`hits` names what fired, for the judgement's signals.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from budgetlens.judge.lexicon import Lexicon, load_lexicon
from budgetlens.judge.rules import CHANGES, direction_words, normalise_cue, normalise_direction, squeeze

HAND_FEATURES: tuple[str, ...] = (
    "amount", "amount_count", "number", "year", "book_title", "doc_number", "quoted_name", "named_project",
    "event", "boilerplate", "boilerplate_share", "list_items", "length", "short", "purpose_cue",
    "opposite_direction", "change_for_flat", "policy", "component_only", "volume_without_number",
)
PATTERN_FEATURES = ("amount", "number", "year", "book_title", "doc_number", "quoted_name", "named_project")
LONG_REASON = 120  # characters: the length feature saturates here
SHORT_REASON = 8
_PUNCTUATION = re.compile(r"[^\w]")
_PROJECT_SUFFIX = re.compile(r"(?:项目|工程|专项|计划|行动|系统|平台)$")


@dataclass
class Evidence:
    values: dict[str, float]
    hits: list[str] = field(default_factory=list)

    def vector(self) -> list[float]:
        return [self.values[name] for name in HAND_FEATURES]


def _saturate(count: int, at: int = 3) -> float:
    return min(count, at) / at


def boilerplate_cover(text: str, lexicon: Lexicon) -> tuple[float, list[str]]:
    """Share of the reason's words that are boilerplate (glue words not counted either way), and the phrases."""
    rest, covered, found = _PUNCTUATION.sub("", text), 0, []
    for phrase in lexicon.boilerplate:
        count = rest.count(phrase)
        if count:
            covered += count * len(phrase)
            found.append(phrase)
            rest = rest.replace(phrase, "|")
    for glue in lexicon.glue:
        rest = rest.replace(glue, "")
    remaining = len(rest.replace("|", ""))
    return (covered / (covered + remaining) if covered + remaining else 0.0), found


def component_cover(text: str, lexicon: Lexicon) -> float:
    """Share of the reason made of line/component names, direction words, boilerplate and glue: near 1 when it
    only restates which line moved ("人员工资福利支出增加"), low when it says something of its own."""
    rest = _PUNCTUATION.sub("", text)
    if not rest:
        return 0.0
    for word in lexicon.restating:
        rest = rest.replace(word, "")
    return 1.0 - len(rest) / len(_PUNCTUATION.sub("", text))


def _names_something(project: str, lexicon: Lexicon) -> bool:
    """"压降项目" names nothing: a project name must keep words that are neither boilerplate nor glue."""
    name = _PROJECT_SUFFIX.sub("", project)
    share, _ = boilerplate_cover(name, lexicon)
    return share < 1.0 and len(_PUNCTUATION.sub("", name)) >= 2


def _direction_values(text: str, direction: str | None, claim_direction: str | None,
                      lexicon: Lexicon) -> dict[str, float]:
    words = direction_words(text, lexicon)
    figures = normalise_direction(direction, lexicon)
    stated = normalise_direction(claim_direction, lexicon)
    opposite = 0.0
    if figures in CHANGES:
        against = words[CHANGES[1 - CHANGES.index(figures)]]
        opposite = 0.0 if not against else 1.0 if not words[figures] else 0.5
    changes = bool(words["increase"] or words["decrease"])
    return {"opposite_direction": opposite, "change_for_flat": float(changes and "flat" in (figures, stated))}


def reason_to_evidence(text: str, cue: str, direction: str | None = None, claim_direction: str | None = None,
                       lexicon: Lexicon | None = None) -> Evidence:
    lexicon = lexicon or load_lexicon()
    reason = squeeze(text)
    values: dict[str, float] = {}
    hits: list[str] = []
    for name in PATTERN_FEATURES:
        found = [m.group(0) for m in lexicon.patterns[name].finditer(reason)]
        if name == "named_project":
            found = [f for f in found if _names_something(f, lexicon)]
        values[name] = float(bool(found))
        hits += [f"{name}:{found[0]}"] if found and name != "number" else []
    values["amount_count"] = _saturate(len(lexicon.patterns["amount"].findall(reason)))
    events = [word for word in lexicon.events if word in reason]
    values["event"] = _saturate(len(events))
    hits += [f"event:{word}" for word in events[:2]]
    share, phrases = boilerplate_cover(reason, lexicon)
    values["boilerplate"], values["boilerplate_share"] = _saturate(len(phrases)), share
    hits += [f"boilerplate:{phrase}" for phrase in phrases[:2]]
    values["list_items"] = _saturate(len(lexicon.patterns["list_marker"].findall(reason)))
    values["length"] = min(math.log1p(len(reason)) / math.log1p(LONG_REASON), 1.0)
    values["short"] = float(len(reason) <= SHORT_REASON)
    values["purpose_cue"] = float(normalise_cue(cue) in lexicon.purpose_cues)
    policy = [word for word in lexicon.policy if word in reason]
    values["policy"] = float(bool(policy))
    hits += [f"policy:{policy[0]}"] if policy else []
    values["component_only"] = component_cover(reason, lexicon)
    values["volume_without_number"] = float(any(w in reason for w in lexicon.volume) and not values["number"])
    values |= _direction_values(reason, direction, claim_direction, lexicon)
    return Evidence(values, hits)
