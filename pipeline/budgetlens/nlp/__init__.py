"""NLP stage: a spaCy pipeline with our jieba tokenizer and the amounts component.

    import budgetlens.nlp
    nlp = budgetlens.nlp.load()
    doc = nlp("2024年收支总预算4,407.79万元，比2023年预算增加66.78万元，增长1.51%。")
    doc._.amounts        # [Amount(kind=money, value=4407.79, unit='万元', …), …]
    doc._.number_marks   # [NumberMark(kind=year, text='2024年', value=2024, …), …]
    doc._.claims         # [Claim(kind='change', subject='收支总预算', values=[current, delta, pct], …)]
    doc._.reasons        # [Reason(cue='主要原因是', type='cause', explains=0, …)]

Importing this package registers the tokenizer, the `budget_amounts` factory and the
`budgetlens.numeric_pattern.v1` function with spaCy, so `spacy.load(path)` of a saved
pipeline works after `import budgetlens.nlp`.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import spacy
from spacy import util
from spacy.language import Language

from budgetlens.nlp import amounts as _amounts  # noqa: F401  (registers the factory)
from budgetlens.nlp import claims as _claims  # noqa: F401  (registers the factory)
from budgetlens.nlp import reasons as _reasons  # noqa: F401  (registers the factory)
from budgetlens.nlp import tokenizer as _tokenizer  # noqa: F401  (registers the tokenizer)
from budgetlens.nlp.extensions import register_extensions
from budgetlens.nlp.types import Amount, AmountKind, Claim, ClaimValue, MarkKind, NumberMark, Reason

__all__ = [
    "Amount", "AmountKind", "Claim", "ClaimValue", "MarkKind", "NumberMark", "Reason", "load", "register_extensions",
]


def load(
    path: str | Path | None = None,
    *,
    disable: Iterable[str] = (),
    exclude: Iterable[str] = (),
    overrides: dict[str, object] | None = None,
) -> Language:
    """The pipeline from the packaged config.cfg, or a directory written by `nlp.to_disk()`.

    Nothing is downloaded: jieba's dictionary ships with jieba, ours with this package.
    `overrides` are config overrides, e.g. {"paths.user_dict": "my_words.txt"}.
    """
    register_extensions()
    if path is not None:
        return spacy.load(path, disable=list(disable), exclude=list(exclude), config=overrides or {})
    text = resources.files(__name__).joinpath("config.cfg").read_text("utf-8")
    config = util.load_config_from_str(text, overrides=overrides or {}, interpolate=True)
    return util.load_model_from_config(config, disable=list(disable), exclude=list(exclude), auto_fill=True)
