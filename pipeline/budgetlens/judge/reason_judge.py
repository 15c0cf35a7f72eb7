"""The reason judge: rules for the unambiguous cases, the trained linear model for the rest.

    judge_reason("人员减少、支出压降", "主要原因是", "decrease") → Judgement(label="generic", …)

The model ships inside the package (budgetlens/models/reason_judge/model.json, package data), so
a source checkout, an editable install and a wheel all find it the same way, without network.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from budgetlens.errors import InternalError
from budgetlens.judge.features import HAND_FEATURES, Evidence, reason_to_evidence
from budgetlens.judge.labels import Judgement
from budgetlens.judge.lexicon import Lexicon, load_lexicon
from budgetlens.judge.model import LinearJudgeModel
from budgetlens.judge.rules import apply_rules, squeeze

MODEL_FILE = ("models", "reason_judge", "model.json")
SIGNALS_SHOWN = 4
CAUSE_MARKS = ("原因", "由于", "系", "因")  # a cue that says "cause" cannot introduce a purpose ("主要是" can)


def packaged_model_path() -> Path:
    """Where the shipped model lives (and where `budgetlens train` writes by default)."""
    return Path(str(resources.files("budgetlens").joinpath(*MODEL_FILE)))


class ReasonJudge:
    def __init__(self, model: LinearJudgeModel, lexicon: Lexicon | None = None) -> None:
        self.model = model
        self.lexicon = lexicon or load_lexicon()

    @classmethod
    def load(cls, path: Path | None = None) -> ReasonJudge:
        path = path or packaged_model_path()
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise InternalError(f"reason judge model unreadable at {path} ({exc}): run `budgetlens train`") from exc
        return cls(LinearJudgeModel(data))

    def judge(self, text: str, cue: str, direction: str | None = None,
              claim_direction: str | None = None) -> Judgement:
        return self.judge_many([(text, cue, direction, claim_direction)])[0]

    def judge_many(self, items: list[tuple[str, str, str | None, str | None]]) -> list[Judgement]:
        """Rules first; every reason no rule decides is scored by the model in one batch."""
        found: list[Judgement | None] = [apply_rules(*item, lexicon=self.lexicon) for item in items]
        rest = [i for i, judgement in enumerate(found) if judgement is None]
        if rest:
            evidence = [reason_to_evidence(*items[i], lexicon=self.lexicon) for i in rest]
            texts = [squeeze(items[i][0]) for i in rest]
            probabilities = self.model.probabilities(texts, [e.vector() for e in evidence])
            for i, row, proof in zip(rest, probabilities, evidence, strict=True):
                found[i] = self._model_judgement(self._possible(row, items[i][1]), proof)
        return [j for j in found if j is not None]

    def _possible(self, probabilities: np.ndarray, cue: str) -> np.ndarray:
        """"主要原因是…全年减免对象2316人" is never a purpose, however it reads: the cue rules that label out."""
        if "purpose_not_cause" not in self.model.classes or not any(mark in cue for mark in CAUSE_MARKS):
            return probabilities
        possible = probabilities.copy()
        possible[self.model.classes.index("purpose_not_cause")] = 0.0
        return possible

    def _model_judgement(self, probabilities: np.ndarray, evidence: Evidence) -> Judgement:
        best = int(np.argmax(probabilities))
        label = self.model.classes[best]
        return Judgement(label, round(float(probabilities[best]), 4), "model",  # type: ignore[arg-type]
                         evidence.hits[:SIGNALS_SHOWN] + self._leaning(evidence, best))

    def _leaning(self, evidence: Evidence, best: int) -> list[str]:
        """The hand feature that pushed hardest towards the chosen label."""
        binary = len(self.model.classes) == 2
        coef = self.model.coef[0 if binary else best, -len(HAND_FEATURES):] * (1 if not binary or best else -1)
        push = [(value * weight, name) for name, value, weight in zip(HAND_FEATURES, evidence.vector(), coef,
                                                                      strict=True)]
        strongest = max(push, default=(0.0, ""))
        return [f"feature:{strongest[1]}"] if strongest[0] > 0 else []


@lru_cache(maxsize=1)
def default_judge() -> ReasonJudge:
    """The shipped judge, loaded once per process."""
    return ReasonJudge.load()


def judge_reason(text: str, cue: str, direction: str | None = None,
                 claim_direction: str | None = None) -> Judgement:
    """Judge one reason (the text after its cue) for the variance it explains."""
    return default_judge().judge(text, cue, direction, claim_direction)
