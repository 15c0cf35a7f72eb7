"""Every custom attribute BudgetLens puts on spaCy objects, registered here and only here.

`register_extensions()` is idempotent (guarded by `has_extension`, never `force=True`),
and is called by `budgetlens.nlp.load()` and by each component factory. It also teaches
srsly's msgpack how to write and read our models, so `doc.to_bytes()` and a `DocBin`
(with `store_user_data=True`) reload a Doc with its amounts intact.

    doc._.amounts        list[Amount] | None   set by the budget_amounts component
    doc._.number_marks   list[NumberMark] | None  years, codes, section numbers … (not amounts)
    span._.amounts       list[Amount]         the doc's amounts inside the span (e.g. a sentence)
    span._.number_marks  list[NumberMark]     likewise for marks
    doc._.claims         list[Claim] | None    set by budget_claims (amounts by index into doc._.amounts)
    doc._.reasons        list[Reason] | None   set by budget_reasons (claims by index into doc._.claims)
    span._.claims / span._.reasons             those that start and end inside the span

The lists live in `doc.user_data[("budgetlens", name)]`, which spaCy saves with the Doc.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any

import srsly
from spacy.tokens import Doc, Span

from budgetlens.nlp.types import Amount, Claim, NumberMark, Reason

AMOUNTS = "amounts"
NUMBER_MARKS = "number_marks"
CLAIMS = "claims"
REASONS = "reasons"
TEXT = "text"
_TYPE_KEY = "__budgetlens__"
_MODELS: dict[str, type[Amount | NumberMark | Claim | Reason]] = {
    model.__name__: model for model in (Amount, NumberMark, Claim, Reason)
}


def _inside(items: Sequence[Any] | None, span: Span) -> list[Any]:
    """Items whose characters lie within the span; items are sorted by start_char."""
    if not items:
        return []
    i = bisect_left(items, span.start_char, key=lambda item: item.start_char)
    found = []
    while i < len(items) and items[i].start_char < span.end_char:
        if items[i].end_char <= span.end_char:
            found.append(items[i])
        i += 1
    return found


def _storage_key(name: str) -> tuple[str, str]:
    return ("budgetlens", name)


def _doc_accessors(name: str) -> tuple[Callable[[Doc], list[Any] | None], Callable[[Doc, list[Any]], None]]:
    """Stored in doc.user_data (so it is saved with the Doc); read back as a list even after a
    DocBin, which restores sequences as tuples."""
    key = _storage_key(name)

    def getter(doc: Doc) -> list[Any] | None:
        value = doc.user_data.get(key)
        return None if value is None else list(value)

    def setter(doc: Doc, value: list[Any]) -> None:
        doc.user_data[key] = list(value)

    return getter, setter


def _span_getter(name: str) -> Callable[[Span], list[Any]]:
    key = _storage_key(name)

    def getter(span: Span) -> list[Any]:
        return _inside(span.doc.user_data.get(key), span)

    return getter


def encode_model(obj: object, chain: Callable[[object], object] | None = None) -> object:
    """msgpack hook: our models as tagged JSON-mode dicts (Decimal → str)."""
    if isinstance(obj, Amount | NumberMark | Claim | Reason):
        return {_TYPE_KEY: type(obj).__name__, **obj.model_dump(mode="json")}
    return obj if chain is None else chain(obj)


def decode_model(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """msgpack hook: the inverse of `encode_model`; other dicts pass through."""
    if isinstance(obj, dict) and _TYPE_KEY in obj:
        data = dict(obj)
        return _MODELS[data.pop(_TYPE_KEY)].model_validate(data)
    return obj if chain is None else chain(obj)


def remember_text(doc: Doc, text: str) -> None:
    """Keep the text a Doc was made from: `doc.text` rebuilds it token by token, on every call."""
    doc.user_data[_storage_key(TEXT)] = text


def text_of(doc: Doc) -> str:
    """`doc.text`, from the copy the tokenizer kept when there is one (our components all read it)."""
    text = doc.user_data.get(_storage_key(TEXT))
    if text is None:
        text = doc.text
        remember_text(doc, text)
    return text


def register_extensions() -> None:
    """Register the attributes above and the msgpack hooks; safe to call any number of times."""
    for name in (AMOUNTS, NUMBER_MARKS, CLAIMS, REASONS):
        if not Doc.has_extension(name):
            getter, setter = _doc_accessors(name)
            Doc.set_extension(name, getter=getter, setter=setter)
        if not Span.has_extension(name):
            Span.set_extension(name, getter=_span_getter(name))
    if "budgetlens" not in srsly.msgpack_encoders.get_all():
        srsly.msgpack_encoders.register("budgetlens", func=encode_model)
        srsly.msgpack_decoders.register("budgetlens", func=decode_model)
