"""Judge each reason (原因分析): specific, generic, contradictory, purpose_not_cause or empty (issue 5)."""

from budgetlens.judge.labels import LABELS, Judgement, Label
from budgetlens.judge.reason_judge import ReasonJudge, default_judge, judge_reason, packaged_model_path

__all__ = ["LABELS", "Judgement", "Label", "ReasonJudge", "default_judge", "judge_reason", "packaged_model_path"]
