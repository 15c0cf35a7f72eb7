"""Reason rows of annotations/reasons/*.reasons.jsonl (guidelines.md §2) as training/test examples.

The judge sees what the pipeline would give it: the reason text and cue, the direction of the
variance the row explains (from the document's variances file) and the direction the sentence
states before the cue (what the explained claim carries). Files are written while we read them:
a line that does not parse, or a label outside the five, is skipped and counted, never guessed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from budgetlens.judge.labels import Label
from budgetlens.judge.rules import claim_direction_in, normalise_direction, squeeze

REASONS_SUFFIX = ".reasons.jsonl"
VARIANCES_SUFFIX = ".variances.jsonl"


class GoldReason(BaseModel):
    model_config = ConfigDict(extra="ignore")

    doc: str
    split: str
    page: int | None = None
    line: int | None = None
    sentence: str
    cue: str
    reason: str = ""
    label: Label
    explains_variance: bool = False
    variance: int | list[int] | None = None
    note: str | None = None

    @property
    def variance_indexes(self) -> list[int]:
        return [] if self.variance is None else [self.variance] if isinstance(self.variance, int) else self.variance


@dataclass(frozen=True)
class Example:
    """One gold reason with the inputs the judge receives."""

    row: GoldReason
    direction: str | None
    claim_direction: str | None

    @property
    def text(self) -> str:
        return squeeze(self.row.reason)


@dataclass
class GoldSet:
    examples: list[Example] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "file:line: why"

    def split(self, name: str) -> list[Example]:
        return [e for e in self.examples if e.row.split == name]

    def documents(self, name: str) -> list[str]:
        return sorted({e.row.doc for e in self.split(name)})


def _variance_directions(path: Path, skipped: list[str]) -> list[str | None]:
    """Direction of each variance row by index; a row that does not parse keeps its index as None."""
    if not path.exists():
        return []
    directions: list[str | None] = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            directions.append(normalise_direction(json.loads(line).get("direction")))
        except (json.JSONDecodeError, AttributeError) as exc:
            skipped.append(f"{path.name}:{number}: {type(exc).__name__}")
            directions.append(None)
    return directions


def _direction_of(row: GoldReason, directions: list[str | None]) -> str | None:
    """The explained variance's direction; for a shared reason, only when all its variances agree."""
    found = {directions[i] for i in row.variance_indexes if 0 <= i < len(directions)} - {None}
    return found.pop() if len(found) == 1 else None


def load_file(path: Path, gold: GoldSet) -> None:
    directions = _variance_directions(path.with_name(path.name.replace(REASONS_SUFFIX, VARIANCES_SUFFIX)),
                                      gold.skipped)
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = GoldReason.model_validate_json(line)
        except ValidationError as exc:
            gold.skipped.append(f"{path.name}:{number}: {exc.errors()[0]['msg']}")
            continue
        gold.examples.append(Example(row, _direction_of(row, directions), claim_direction_in(row.sentence, row.cue)))


def load_gold(gold_dir: Path) -> GoldSet:
    """Every reason row under gold_dir (annotations/reasons), in file then line order."""
    gold = GoldSet()
    for path in sorted(gold_dir.glob(f"*{REASONS_SUFFIX}")):
        load_file(path, gold)
    return gold
