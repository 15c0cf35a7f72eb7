"""The judge's word lists (data/boilerplate.json, data/signals.json), compiled once."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

DATA = "budgetlens.judge.data"


@dataclass(frozen=True)
class Lexicon:
    boilerplate: tuple[str, ...]  # longest first, so a cover takes "人员减少" before "减少"
    glue: tuple[str, ...]
    purpose_cues: tuple[str, ...]
    empty: re.Pattern[str]
    directions: dict[str, tuple[str, ...]]  # increase / decrease / flat → words
    word_direction: dict[str, str]  # any direction word, English name or printed word → increase/decrease/flat
    events: tuple[str, ...]
    prior_year: tuple[str, ...]
    patterns: dict[str, re.Pattern[str]]
    policy: tuple[str, ...] = ()  # a named policy or organisation change (guidelines §2.1 A, E)
    components: tuple[str, ...] = ()  # budget lines and cost components, longest first (§2.1 B)
    restating: tuple[str, ...] = ()  # components, direction words, boilerplate and glue, longest first
    volume: tuple[str, ...] = ()  # activity volume (§2.1 C)
    own_cause: tuple[str, ...] = ()  # words that give a restated line a cause of its own (新增, 购置, 做实 …)


def _read(name: str) -> dict:
    return json.loads(resources.files(DATA).joinpath(name).read_text("utf-8"))


def _longest_first(*lists: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The words of all lists once, longest first, so removing them takes "人员减少" before "减少"."""
    return tuple(sorted({word for words in lists for word in words}, key=lambda word: (-len(word), word)))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    plate, signals = _read("boilerplate.json"), _read("signals.json")
    directions = {name: tuple(words) for name, words in signals["direction_words"].items()}
    word_direction = {word: name for name, words in directions.items() for word in words}
    word_direction |= signals["english_directions"]
    units = "|".join(re.escape(u) for u in sorted(signals["amount_units"], key=len, reverse=True))
    patterns = {name: re.compile(p.replace("UNITS", units)) for name, p in signals["patterns"].items()}
    return Lexicon(
        boilerplate=tuple(sorted(plate["phrases"], key=len, reverse=True)),
        glue=tuple(sorted(plate["glue"], key=len, reverse=True)),
        purpose_cues=tuple(signals["purpose_cues"]),
        empty=re.compile(signals["empty_filler"]),
        directions=directions,
        word_direction=word_direction,
        events=tuple(signals["event_words"]),
        prior_year=tuple(signals["prior_year_words"]),
        patterns=patterns,
        policy=tuple(signals["policy_words"]),
        components=tuple(sorted(signals["component_words"], key=len, reverse=True)),
        restating=_longest_first(signals["component_words"], *directions.values(), plate["phrases"], plate["glue"]),
        volume=tuple(signals["volume_words"]),
        own_cause=tuple(signals["own_cause_words"]),
    )
