"""The linear reason model: character 1–3-gram TF-IDF of the reason + hand features → logistic regression.

Persisted as plain JSON (vocabulary, idf, coefficients, classes, feature names), never pickled:
a pickle breaks across scikit-learn versions and warns on load. At load time the decision
function is computed with numpy (a CountVectorizer with the fixed vocabulary gives the counts),
which reproduces TfidfVectorizer + LogisticRegression.predict_proba of the fitted pair.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sklearn
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from budgetlens.errors import InternalError
from budgetlens.judge.features import HAND_FEATURES

FORMAT = "budgetlens.reason_judge/1"
VECTORIZER = {"analyzer": "char", "ngram_range": (1, 3), "lowercase": False, "sublinear_tf": True,
              "norm": "l2", "min_df": 1}
DIGITS = 8  # significant digits kept in the JSON: predictions agree with the fitted model to ~1e-7


@dataclass(frozen=True)
class Settings:
    c: float = 1.0
    min_df: int = 1
    seed: int = 0


@dataclass
class FittedJudge:
    vectorizer: TfidfVectorizer
    classifier: LogisticRegression

    def matrix(self, texts: list[str], hands: list[list[float]]) -> sparse.csr_matrix:
        return join_features(self.vectorizer.transform(texts), hands)

    def probabilities(self, texts: list[str], hands: list[list[float]]) -> np.ndarray:
        return self.classifier.predict_proba(self.matrix(texts, hands))


def join_features(tfidf: sparse.spmatrix, hands: list[list[float]]) -> sparse.csr_matrix:
    """The n-gram columns, then the hand features in HAND_FEATURES order."""
    dense = np.asarray(hands, dtype=float).reshape(tfidf.shape[0], len(HAND_FEATURES))
    return sparse.hstack([tfidf, sparse.csr_matrix(dense)]).tocsr()


def fit_judge(texts: list[str], hands: list[list[float]], labels: list[str], settings: Settings) -> FittedJudge:
    vectorizer = TfidfVectorizer(**{**VECTORIZER, "min_df": settings.min_df})
    features = join_features(vectorizer.fit_transform(texts), hands)
    classifier = LogisticRegression(C=settings.c, class_weight="balanced", max_iter=5000,
                                    random_state=settings.seed)
    classifier.fit(features, labels)
    return FittedJudge(vectorizer, classifier)


def _rounded(values: np.ndarray) -> list:
    return np.vectorize(lambda x: float(f"{x:.{DIGITS}g}"), otypes=[float])(values).tolist()


def fitted_to_json(fitted: FittedJudge, training: dict) -> dict:
    """Everything the numpy decision function needs, plus where it came from."""
    vocabulary = sorted(fitted.vectorizer.vocabulary_, key=fitted.vectorizer.vocabulary_.get)
    return {
        "format": FORMAT,
        "sklearn_version": sklearn.__version__,
        "vectorizer": {**{k: v for k, v in VECTORIZER.items() if k != "min_df"},
                       "ngram_range": list(VECTORIZER["ngram_range"]),
                       "vocabulary": vocabulary, "idf": _rounded(fitted.vectorizer.idf_)},
        "hand_features": list(HAND_FEATURES),
        "classes": [str(c) for c in fitted.classifier.classes_],
        "coef": _rounded(fitted.classifier.coef_),
        "intercept": _rounded(fitted.classifier.intercept_),
        "params": {"C": fitted.classifier.C, "class_weight": "balanced", "min_df": fitted.vectorizer.min_df,
                   "random_state": fitted.classifier.random_state},
        "training": training,
    }


class LinearJudgeModel:
    """The JSON model, scored with numpy: counts → (sublinear) tf × idf → L2 → ⊕ hand features → softmax."""

    def __init__(self, data: dict) -> None:
        if data.get("format") != FORMAT or data.get("hand_features") != list(HAND_FEATURES):
            raise InternalError("reason judge model does not match this code (format or hand features): "
                                "run `budgetlens train`")
        spec = data["vectorizer"]
        self.counter = CountVectorizer(analyzer=spec["analyzer"], ngram_range=tuple(spec["ngram_range"]),
                                       lowercase=spec["lowercase"],
                                       vocabulary={gram: i for i, gram in enumerate(spec["vocabulary"])})
        self.sublinear = spec["sublinear_tf"]
        self.idf = np.asarray(spec["idf"])
        self.coef = np.asarray(data["coef"])
        self.intercept = np.asarray(data["intercept"])
        self.classes: list[str] = data["classes"]
        self.data = data

    def tfidf(self, texts: list[str]) -> sparse.csr_matrix:
        counts = self.counter.transform(texts).astype(float).tocsr()
        if self.sublinear:
            counts.data = np.log(counts.data) + 1.0
        weighted = counts @ sparse.diags(self.idf)
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.diags(1.0 / norms) @ weighted

    def probabilities(self, texts: list[str], hands: list[list[float]]) -> np.ndarray:
        features = join_features(self.tfidf(texts), hands)
        scores = np.asarray(features @ self.coef.T) + self.intercept
        if len(self.classes) == 2:  # binary: one column of scores for classes[1]
            positive = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.column_stack([1.0 - positive, positive])
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)
