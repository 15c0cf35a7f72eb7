"""`budgetlens train`: the reason model from annotations/reasons, reproducibly.

Only the train split is read (split by document family, guidelines.md §1), and of it only the
rows no rule decides — the model sees what it will see at run time. C and min_df are chosen by
grouped cross-validation over the training documents (never the test split). Same annotations
and seed → byte-identical model.json (no dates or paths inside).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold

from budgetlens.judge.features import reason_to_evidence
from budgetlens.judge.gold import Example, GoldSet, load_gold
from budgetlens.judge.model import Settings, fit_judge, fitted_to_json
from budgetlens.judge.rules import apply_rules

MIN_LABEL_ROWS = 2  # a label with fewer model rows than this is left to the rules
GRID_C = (0.3, 1.0, 3.0, 10.0)
GRID_MIN_DF = (1, 2)
MAX_FOLDS = 5


@dataclass
class TrainReport:
    output: Path
    documents: list[str]
    rows: dict[str, int]  # train split rows per label
    model_rows: dict[str, int]  # rows left to the model per label (after rules)
    left_out: dict[str, int]  # labels with too few model rows
    settings: Settings
    cv_macro_f1: float | None
    skipped: list[str] = field(default_factory=list)


def _inputs(examples: list[Example]) -> tuple[list[str], list[list[float]], list[str], list[str]]:
    hands = [reason_to_evidence(e.text, e.row.cue, e.direction, e.claim_direction).vector() for e in examples]
    return [e.text for e in examples], hands, [e.row.label for e in examples], [e.row.doc for e in examples]


def model_rows(train: list[Example]) -> list[Example]:
    return [e for e in train if apply_rules(e.text, e.row.cue, e.direction, e.claim_direction) is None]


def cross_validate(examples: list[Example], settings: Settings) -> float | None:
    """Macro-F1 of the model over held-out training documents; None with fewer than 3 documents."""
    texts, hands, labels, docs = _inputs(examples)
    folds = min(MAX_FOLDS, len(set(docs)))
    if folds < 3:
        return None
    predicted = np.empty(len(labels), dtype=object)
    for fit_at, test_at in GroupKFold(n_splits=folds).split(texts, labels, docs):
        if len({labels[i] for i in fit_at}) < 2:
            return None
        fitted = fit_judge([texts[i] for i in fit_at], [hands[i] for i in fit_at], [labels[i] for i in fit_at],
                           settings)
        chosen = fitted.probabilities([texts[i] for i in test_at], [hands[i] for i in test_at]).argmax(axis=1)
        predicted[test_at] = fitted.classifier.classes_[chosen]
    return float(f1_score(labels, list(predicted), average="macro", zero_division=0))


def choose_settings(examples: list[Example], seed: int) -> tuple[Settings, float | None]:
    """The grid point with the best cross-validated macro-F1 (ties: first in grid order)."""
    best, best_score = Settings(seed=seed), None
    for c, min_df in product(GRID_C, GRID_MIN_DF):
        settings = Settings(c=c, min_df=min_df, seed=seed)
        score = cross_validate(examples, settings)
        if score is not None and (best_score is None or score > best_score + 1e-12):
            best, best_score = settings, score
    return best, best_score


def data_digest(examples: list[Example]) -> str:
    rows = [e.row.model_dump_json() for e in examples]
    return hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()


def train_judge(gold_dir: Path, output: Path, *, seed: int = 0) -> TrainReport:
    gold: GoldSet = load_gold(gold_dir)
    overlap = set(gold.documents("train")) & set(gold.documents("test"))
    if overlap:
        raise ValueError(f"documents in both splits: {sorted(overlap)}")
    train = gold.split("train")
    residual = model_rows(train)
    counts = Counter(e.row.label for e in residual)
    kept = [e for e in residual if counts[e.row.label] >= MIN_LABEL_ROWS]
    if len({e.row.label for e in kept}) < 2:
        raise ValueError(f"too few training rows for a model: {dict(counts)}")
    settings, cv = choose_settings(kept, seed)
    texts, hands, labels, _ = _inputs(kept)
    fitted = fit_judge(texts, hands, labels, settings)
    training = {"seed": seed, "documents": gold.documents("train"), "rows": len(train),
                "rows_per_label": dict(sorted(Counter(e.row.label for e in train).items())),
                "model_rows_per_label": dict(sorted(Counter(labels).items())),
                "cv_macro_f1": None if cv is None else round(cv, 4), "data_sha256": data_digest(train)}
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(fitted_to_json(fitted, training), ensure_ascii=False, indent=1) + "\n", "utf-8")
    return TrainReport(output, training["documents"], training["rows_per_label"], training["model_rows_per_label"],
                       {k: v for k, v in counts.items() if v < MIN_LABEL_ROWS}, settings, cv, gold.skipped)
