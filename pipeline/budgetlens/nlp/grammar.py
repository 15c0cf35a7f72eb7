"""The number grammar: lexicon.json + grammar.json → one compiled regex.

Data, not code: the words (units, comparators, Chinese numerals …) live in
`data/lexicon.json`, the named patterns in `data/grammar.json`. This module validates
both and compiles them into a single alternation whose top-level groups are the pattern
names, so one `finditer` pass finds every number and says which pattern found it. The
tokenizer uses the same regex to keep each match in one token, so token and amount
boundaries agree by construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import spacy
from pydantic import Field

from budgetlens.document import Model

_FRAGMENT_REF = re.compile(r"\{([A-Z_]+)\}")
_GROUP_NAME = re.compile(r"\(\?P<(\w+)>")
DATA = "budgetlens.nlp.data"


class FractionWord(Model):
    kind: Literal["percent", "ratio"]
    unit: str


class Lexicon(Model):
    """The validated content of lexicon.json."""

    about: str = ""
    units: dict[Literal["money", "percent", "ratio", "count"], list[str]]
    unit_aliases: dict[str, str] = Field(default_factory=dict)
    per_units: list[str]
    magnitudes: dict[str, Decimal]
    implicit_money_magnitudes: list[str]
    implicit_money_next: list[str] = Field(default_factory=list)  # 209万用于…: still money
    fractions: dict[str, FractionWord]
    cn_digits: dict[str, int]
    cn_multipliers: dict[str, int]
    cn_sections: dict[str, int]
    cn_count_stop: list[str]  # 一次性 is not a count
    cn_units_excluded: list[str]  # 十分重要, 公诉一处, 一起: not counts after a Chinese numeral
    cn_amount_kinds: list[Literal["money", "percent", "ratio", "count"]] = Field(
        default_factory=lambda: ["money", "percent", "ratio", "count"]
    )  # 二期, 八项规定: a Chinese-numeral count is not an amount when "count" is left out
    unit_not_before: list[str] = Field(default_factory=list)  # 29年初, 23年度: 年 starts a word
    unitless_percent_after: list[str] = Field(default_factory=list)  # 增长13.95: a percent without %
    comparators_before: dict[str, Literal["≥", "≤", ">", "<", "="]]
    comparators_after: dict[str, Literal["≥", "≤", ">", "<", "="]]
    approx_before: list[str]
    approx_before_not_after: list[str]
    approx_inner: list[str]
    approx_after: list[str]
    range_separators: list[str]
    phone_context: list[str]
    phone_context_window: int = 24
    code_min_digits: int = 5

    def unit_kind(self, unit: str) -> str:
        """'money' | 'percent' | 'ratio' | 'count' for a (normalised) unit."""
        return next(kind for kind, units in self.units.items() if unit in units)


class PatternSpec(Model):
    name: str = Field(pattern=r"^[a-z][a-z_]*$")
    role: Literal["mark", "amount", "bare"]
    kind: str  # a MarkKind for marks; for amounts "unit" (from the unit), "money", "range", "fraction"
    regex: str


class GrammarSpec(Model):
    """The validated content of grammar.json."""

    about: str = ""
    guard: str  # a lookahead every match must pass: one cheap test per position, not one per pattern
    fragments: dict[str, str]
    patterns: list[PatternSpec]


@dataclass(frozen=True)
class CompiledPattern:
    name: str
    role: str
    kind: str
    groups: dict[str, int]  # group name inside the pattern → group index in the combined regex


@dataclass(frozen=True)
class Grammar:
    lexicon: Lexicon
    spec: GrammarSpec
    regex: re.Pattern[str]
    patterns: dict[str, CompiledPattern]
    first_number: re.Pattern[str]  # the first Arabic or Chinese numeral in a mark: its value


def _alternation(words: list[str] | dict[str, object]) -> str:
    """Longest first, so 个百分点 wins over 个 and 大于等于 over 大于."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def lexicon_to_fragments(lex: Lexicon) -> dict[str, str]:
    """The regex pieces the lexicon contributes, by the names grammar.json uses."""
    units = [u for group in lex.units.values() for u in group] + list(lex.unit_aliases)
    cn_chars = "".join([*lex.cn_digits, *lex.cn_multipliers, *lex.cn_sections])
    first_words = [*lex.comparators_before, *lex.approx_before, *lex.fractions]
    return {
        "UNIT": _alternation(units),
        "CN_UNIT": _alternation([u for u in units if u not in lex.cn_units_excluded]),
        "PER": _alternation(lex.per_units),
        "MAG": _alternation(lex.magnitudes),
        "MAG_IMPLICIT": _alternation(lex.implicit_money_magnitudes),
        "FRAC": _alternation(lex.fractions),
        "CMP_PRE": _alternation(lex.comparators_before),
        "CMP_POST": _alternation(lex.comparators_after),
        "APPROX_PRE": f"(?<![{''.join(lex.approx_before_not_after)}])(?:{_alternation(lex.approx_before)})",
        "APPROX_IN": _alternation(lex.approx_inner),
        "APPROX_POST": _alternation(lex.approx_after),
        "RSEP": _alternation(lex.range_separators),
        "CN_NONZERO": "".join(ch for ch, v in lex.cn_digits.items() if v),
        "CN_CHAR": cn_chars,
        "CN_STOP": _alternation(lex.cn_count_stop),
        "FIRST_WORDS": "".join(sorted({re.escape(w[0]) for w in first_words})),
        "UNIT_END": _never_before(lex.unit_not_before),
        "MONEY_NEXT": _alternation(lex.implicit_money_next) or "(?!)",
        "PCT_AFTER": _after_any(lex.unitless_percent_after),
    }


def _never_before(words: list[str]) -> str:
    """A negative lookahead for `words` (empty: matches everywhere)."""
    return f"(?!{_alternation(words)})" if words else ""


def _after_any(words: list[str]) -> str:
    """Right after one of `words`, a space allowed: lookbehinds must be fixed-width, so one per form."""
    forms = [form for w in sorted(words) for form in (w, w + " ")]
    return "(?:" + "|".join(f"(?<={re.escape(f)})" for f in forms) + ")" if forms else "(?!)"


def _expand(template: str, fragments: dict[str, str], where: str) -> str:
    def fill(match: re.Match[str]) -> str:
        if match[1] not in fragments:
            raise ValueError(f"grammar: unknown fragment {{{match[1]}}} in {where}")
        return fragments[match[1]]

    return _FRAGMENT_REF.sub(fill, template)


def spec_to_grammar(lex: Lexicon, spec: GrammarSpec) -> Grammar:
    """Compile every pattern into one alternation; inner groups are renamed `<pattern>__<group>`."""
    fragments = lexicon_to_fragments(lex)
    for name, template in spec.fragments.items():
        fragments[name] = _expand(template, fragments, f"fragment {name}")
    branches = []
    for pat in spec.patterns:
        body = _expand(pat.regex, fragments, f"pattern {pat.name}")
        body = _GROUP_NAME.sub(lambda m, p=pat.name: f"(?P<{p}__{m[1]}>", body)
        branches.append(f"(?P<{pat.name}>{body})")
    guard = _expand(spec.guard, fragments, "guard")
    regex = re.compile(f"{guard}(?:{'|'.join(branches)})", re.MULTILINE)
    patterns = {
        pat.name: CompiledPattern(
            name=pat.name,
            role=pat.role,
            kind=pat.kind,
            groups={
                key.split("__", 1)[1]: index
                for key, index in regex.groupindex.items()
                if key.startswith(pat.name + "__")
            },
        )
        for pat in spec.patterns
    }
    first_number = re.compile(f"[0-9０-９]+|[{fragments['CN_CHAR']}]+")
    return Grammar(lexicon=lex, spec=spec, regex=regex, patterns=patterns, first_number=first_number)


def read_lexicon(path: Path | None = None) -> Lexicon:
    """lexicon.json from `path`, or the one shipped in the package."""
    text = path.read_text("utf-8") if path else resources.files(DATA).joinpath("lexicon.json").read_text("utf-8")
    return Lexicon.model_validate_json(text)


def read_grammar_spec(path: Path | None = None) -> GrammarSpec:
    """grammar.json from `path`, or the one shipped in the package."""
    text = path.read_text("utf-8") if path else resources.files(DATA).joinpath("grammar.json").read_text("utf-8")
    return GrammarSpec.model_validate_json(text)


@lru_cache(maxsize=8)
def load_grammar(lexicon_path: str | None = None, grammar_path: str | None = None) -> Grammar:
    """Read and compile once per process (compiling the alternation takes milliseconds)."""
    lex = read_lexicon(Path(lexicon_path) if lexicon_path else None)
    spec = read_grammar_spec(Path(grammar_path) if grammar_path else None)
    return spec_to_grammar(lex, spec)


@spacy.registry.misc("budgetlens.numeric_pattern.v1")
def make_numeric_pattern(lexicon: str | None = None, grammar: str | None = None) -> re.Pattern[str]:
    """The regex the tokenizer keeps whole: every number expression the amounts component reads."""
    return load_grammar(lexicon, grammar).regex
