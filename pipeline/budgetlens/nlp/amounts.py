"""The `budget_amounts` component: every number in a Doc, as an Amount or a NumberMark.

`__call__` finds (one pass of the grammar regex over `doc.text`, each match validated
by interpret.py) and then sets annotations (`doc._.amounts`, `doc._.number_marks`).
The lexicon and grammar are data files: read in the constructor (packaged defaults, or
the paths in config.cfg), replaceable in `initialize()`, written by `to_disk`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import ensure_path

from budgetlens.nlp.extensions import AMOUNTS, NUMBER_MARKS, register_extensions, text_of
from budgetlens.nlp.grammar import (
    Grammar,
    GrammarSpec,
    Lexicon,
    load_grammar,
    read_grammar_spec,
    read_lexicon,
    spec_to_grammar,
)
from budgetlens.nlp.interpret import match_to_item
from budgetlens.nlp.tokenizer import JiebaTokenizer
from budgetlens.nlp.types import Amount, NumberMark

LEXICON_FILE = "lexicon.json"
GRAMMAR_FILE = "grammar.json"


@Language.factory(
    "budget_amounts",
    assigns=[f"doc._.{AMOUNTS}", f"doc._.{NUMBER_MARKS}"],
    default_config={"lexicon": None, "grammar": None},
)
def make_amounts(nlp: Language, name: str, *, lexicon: str | None, grammar: str | None) -> AmountRecognizer:
    """`lexicon` / `grammar`: paths to replace the packaged data/lexicon.json / data/grammar.json."""
    register_extensions()
    return AmountRecognizer(name, lexicon=lexicon, grammar=grammar)


class AmountRecognizer:
    def __init__(self, name: str = "budget_amounts", *, lexicon: str | None = None, grammar: str | None = None):
        self.name = name
        self.grammar: Grammar = load_grammar(lexicon, grammar)

    def __call__(self, doc: Doc) -> Doc:
        amounts, marks = self.find(doc)
        self.set_annotations(doc, amounts, marks)
        return doc

    def find(self, doc: Doc) -> tuple[list[Amount], list[NumberMark]]:
        """Amounts and marks in text order, each with its token span."""
        amounts: list[Amount] = []
        marks: list[NumberMark] = []
        for match in self.grammar.regex.finditer(text_of(doc)):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            item = match_to_item(match, self.grammar, (span.start, span.end))
            if isinstance(item, Amount):
                amounts.append(item)
            elif item is not None:
                marks.append(item)
        return amounts, marks

    @staticmethod
    def set_annotations(doc: Doc, amounts: list[Amount], marks: list[NumberMark]) -> None:
        setattr(doc._, AMOUNTS, amounts)
        setattr(doc._, NUMBER_MARKS, marks)

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        lexicon: str | None = None,
        grammar: str | None = None,
    ) -> None:
        """Reload the data, e.g. from `[initialize.components.budget_amounts]` paths. Our tokenizer
        gets the new pattern too, so amounts stay single tokens."""
        self.grammar = load_grammar(lexicon, grammar)
        if nlp is not None and isinstance(nlp.tokenizer, JiebaTokenizer):
            nlp.tokenizer.protect = self.grammar.regex

    def _set_data(self, lexicon: Lexicon, spec: GrammarSpec) -> AmountRecognizer:
        self.grammar = spec_to_grammar(lexicon, spec)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(
            {
                LEXICON_FILE: self.grammar.lexicon.model_dump_json(),
                GRAMMAR_FILE: self.grammar.spec.model_dump_json(),
            }
        )

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> AmountRecognizer:
        msg = srsly.msgpack_loads(data)
        return self._set_data(
            Lexicon.model_validate_json(msg[LEXICON_FILE]), GrammarSpec.model_validate_json(msg[GRAMMAR_FILE])
        )

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / LEXICON_FILE).write_text(self.grammar.lexicon.model_dump_json(indent=2), encoding="utf-8")
        (path / GRAMMAR_FILE).write_text(self.grammar.spec.model_dump_json(indent=2), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> AmountRecognizer:
        path = ensure_path(path)
        return self._set_data(read_lexicon(path / LEXICON_FILE), read_grammar_spec(path / GRAMMAR_FILE))
