"""The cases a rule decides without doubt (guidelines.md §2), tried before the model.

- `empty`: the cue with nothing after it but punctuation or "无".
- `purpose_not_cause`: a purpose cue (主要用于 / 用于 …) where a cause was expected.
- `contradictory`: the claim says 持平 while the figures differ; or a change is explained for a
  figure that did not change; or every direction word of the reason points against the change
  ("减少…主要原因是人员增加"). A reason with words both ways, or one that speaks of last year
  ("上年追加较多"), is left to the model.
- `generic`: the reason is only a line's name and a direction ("群众团体事务一般行政管理事务经费减少",
  "住房公积金经费增加"): it restates what moved (§2.1 B), unless a policy, a volume or a cause word of its
  own is in it ("缴纳社保费和职业年金做实增加" stays with the model).
Directions arrive as Variance.direction (increase/decrease/flat) or as printed (增加/持平 …).
"""

from __future__ import annotations

import re

from budgetlens.judge.labels import Judgement
from budgetlens.judge.lexicon import Lexicon, load_lexicon

CHANGES = ("increase", "decrease")
NEGATION = re.compile(r"(?:未|没有|不|无|并非)$")  # "未增加" states no change
_SPACE = re.compile(r"\s+")


def squeeze(text: str | None) -> str:
    """Whitespace removed, as the annotators wrote `reason`."""
    return _SPACE.sub("", text or "")


def normalise_cue(cue: str) -> str:
    return squeeze(cue).rstrip("：:")


def normalise_direction(word: str | None, lexicon: Lexicon | None = None) -> str | None:
    """increase / decrease / flat from an English name or a printed word (增长 → increase); else None."""
    return (lexicon or load_lexicon()).word_direction.get(squeeze(word)) if word else None


def direction_words(text: str, lexicon: Lexicon | None = None) -> dict[str, list[str]]:
    """Un-negated change words of a text by direction (increase/decrease only)."""
    lexicon = lexicon or load_lexicon()
    found: dict[str, list[str]] = {name: [] for name in CHANGES}
    for name in CHANGES:
        for word in lexicon.directions[name]:
            found[name] += [word for m in re.finditer(re.escape(word), text) if not NEGATION.search(text[:m.start()])]
    return found


def claim_direction_in(sentence: str, cue: str, lexicon: Lexicon | None = None) -> str | None:
    """The direction the sentence states before the cue (its last direction word), as the claim would carry it."""
    lexicon = lexicon or load_lexicon()
    flat, at = squeeze(sentence), squeeze(cue)
    prefix = flat[:flat.find(at)] if at and at in flat else ""
    best, where = None, -1
    for word, name in lexicon.word_direction.items():
        position = prefix.rfind(word)
        if position >= 0 and position + len(word) > where:
            best, where = name, position + len(word)
    return best


def contradiction(text: str, direction: str | None, claim_direction: str | None,
                  lexicon: Lexicon | None = None) -> str | None:
    """The signal naming the contradiction, or None."""
    lexicon = lexicon or load_lexicon()
    figures, stated = normalise_direction(direction, lexicon), normalise_direction(claim_direction, lexicon)
    if stated == "flat" and figures in CHANGES:
        return f"rule:flat_stated_figures_{figures}"
    words = direction_words(text, lexicon)
    change_words = words["increase"] + words["decrease"]
    if "flat" in (stated, figures) and change_words:
        return f"rule:change_explained_for_flat:{change_words[0]}"
    if figures in CHANGES and not any(word in text for word in lexicon.prior_year):
        opposite = CHANGES[1 - CHANGES.index(figures)]
        if words[opposite] and not words[figures]:
            return f"rule:opposite_direction:{words[opposite][0]}"
    return None


def apply_rules(text: str, cue: str, direction: str | None = None, claim_direction: str | None = None,
                lexicon: Lexicon | None = None) -> Judgement | None:
    """The rule judgement of one reason, or None when the model must decide."""
    lexicon = lexicon or load_lexicon()
    reason = squeeze(text)
    if lexicon.empty.match(reason):
        return Judgement("empty", 1.0, "rule", ["rule:nothing_after_cue"])
    if normalise_cue(cue) in lexicon.purpose_cues:
        return Judgement("purpose_not_cause", 1.0, "rule", [f"rule:purpose_cue:{normalise_cue(cue)}"])
    signal = contradiction(reason, direction, claim_direction, lexicon)
    if signal is not None:
        return Judgement("contradictory", 1.0, "rule", [signal])
    if restates_line(reason, lexicon):
        return Judgement("generic", 1.0, "rule", ["rule:line_restated"])
    return None


def restates_line(reason: str, lexicon: Lexicon | None = None) -> bool:
    lexicon = lexicon or load_lexicon()
    text = reason.rstrip("。；;，,")
    if lexicon.patterns["line_restated"].match(text) is None:
        return False
    return not any(word in text for word in (*lexicon.policy, *lexicon.volume, *lexicon.own_cause))
