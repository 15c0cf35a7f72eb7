"""The five reason labels (annotations/guidelines.md §2) and what the judge says about one reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Label = Literal["specific", "generic", "contradictory", "purpose_not_cause", "empty"]
LABELS: tuple[Label, ...] = ("specific", "generic", "contradictory", "purpose_not_cause", "empty")
Source = Literal["rule", "model"]


@dataclass(frozen=True)
class Judgement:
    """A label with where it came from: `signals` name the rule or the features that carried it,
    so a finding can say why a reason was called generic."""

    label: Label
    confidence: float
    source: Source
    signals: list[str] = field(default_factory=list)
