"""The patterns of the claims and reasons components, read from data/claims.json.

Kept as data so that a reader can see every cue and role word in one file, and a user
can replace them through config (`paths.claims`). Both components share one compiled
copy per file, and the one cue finder, so they always agree on where a reason starts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal, Self

from spacy.util import ensure_path

CLAIMS_FILE = "claims.json"
ReasonType = Literal["cause", "purpose"]


@dataclass(frozen=True)
class Cue:
    """A reason cue found in a sentence: 主要原因是 / 主要用于 …"""

    text: str
    type: ReasonType
    start: int
    end: int
    after_change: bool = False  # 主要是: a reason only where it explains a change (guidelines.md §2)


@dataclass(frozen=True)
class ClaimPatterns:
    source: str  # the JSON text, written back by to_disk
    clause_break: re.Pattern[str]
    hard_break: re.Pattern[str]
    direction: re.Pattern[str]  # any direction word, longest first
    direction_of: dict[str, str]  # printed word → normalised direction
    roles: dict[str, re.Pattern[str]]  # role → pattern matched at the end of a lead
    prior_year: re.Pattern[str]
    budget_comparison: re.Pattern[str]
    verb_first: re.Pattern[str]  # a change named before its item: "增加外事经费200万元"
    subject_head: tuple[re.Pattern[str], ...]  # includes verb_first: the verb is not part of the subject
    subject_tail: tuple[re.Pattern[str], ...]
    role_only_subjects: frozenset[str]
    breakdown_cue: re.Pattern[str]
    cues: tuple[tuple[re.Pattern[str], ReasonType, bool], ...]  # pattern, type, after_change
    not_reason_after_cue: re.Pattern[str]
    reason_text_stop: re.Pattern[str]

    def find_cues(self, text: str, *, list_intros: bool = False) -> list[Cue]:
        """Reason cues in text order; where two overlap the earlier (then longer) wins.

        A cue that introduces a list ("主要用于以下方面：") is left out unless `list_intros`: claims
        read on through it, while the reason gold (guidelines.md §2) keeps it as a purpose."""
        cues: list[Cue] = []
        for start, neg_end, cue_text, kind, after in _cue_matches(self.cues, text):
            if cues and start < cues[-1].end:
                continue
            if not list_intros and self.not_reason_after_cue.match(text, -neg_end):
                continue
            cues.append(Cue(cue_text, kind, start, -neg_end, after))
        return cues


@lru_cache(maxsize=8)
def _cue_matches(patterns: tuple[tuple[re.Pattern[str], ReasonType, bool], ...],
                 text: str) -> tuple[tuple[int, int, str, ReasonType, bool], ...]:
    """Every match of every cue pattern, sorted; cached because the claims and the reasons component both
    ask for the cues of the same sentence."""
    return tuple(sorted((m.start(), -m.end(), m.group(), kind, after)
                        for pattern, kind, after in patterns for m in pattern.finditer(text)))


def source_to_patterns(source: str) -> ClaimPatterns:
    data = json.loads(source)
    words = sorted(data["direction_words"], key=len, reverse=True)
    return ClaimPatterns(
        source=source,
        clause_break=re.compile(data["clause_break"]),
        hard_break=re.compile(data["hard_break"]),
        direction=re.compile("|".join(map(re.escape, words))),
        direction_of=dict(data["direction_words"]),
        roles={role: re.compile(pattern) for role, pattern in data["roles"].items()},
        prior_year=re.compile(data["comparison"]["prior_year"]),
        budget_comparison=re.compile(data["comparison"]["budget"]),
        verb_first=re.compile(data["verb_first"]),
        subject_head=tuple(re.compile(p) for p in [*data["subject_strip_head"], data["verb_first"]]),
        subject_tail=tuple(re.compile(p) for p in data["subject_strip_tail"]),
        role_only_subjects=frozenset(data["role_only_subjects"]),
        breakdown_cue=re.compile(data["breakdown_cue"]),
        cues=tuple((re.compile(c["pattern"]), c["type"], c.get("after_change", False)) for c in data["reason_cues"]),
        not_reason_after_cue=re.compile(data["not_reason_after_cue"]),
        reason_text_stop=re.compile(data["reason_text_stop"]),
    )


@lru_cache(maxsize=8)
def load_patterns(path: str | None = None) -> ClaimPatterns:
    """The packaged patterns, or those of a replacement file."""
    if path is None:
        source = resources.files("budgetlens.nlp").joinpath("data", CLAIMS_FILE).read_text("utf-8")
    else:
        source = Path(path).read_text("utf-8")
    return source_to_patterns(source)


class PatternComponent:
    """Base of the components that run on these patterns: saved with the pipeline as claims.json."""

    def __init__(self, name: str, *, patterns: str | None = None):
        self.name = name
        self.patterns = load_patterns(patterns)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / CLAIMS_FILE).write_text(self.patterns.source, encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Self:
        self.patterns = source_to_patterns((ensure_path(path) / CLAIMS_FILE).read_text("utf-8"))
        return self
