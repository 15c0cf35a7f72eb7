"""Variances (issue 5): every comparable pair of a document, whether it needs a reason, and its reasons."""

from budgetlens.variances.build import Judge, Judgement, VarianceAnalysis, build_variances
from budgetlens.variances.model import Variance, VariancePlace
from budgetlens.variances.required import Settings

__all__ = ["Judge", "Judgement", "Settings", "Variance", "VarianceAnalysis", "VariancePlace", "build_variances"]
