"""Shared by tests/test_judge_*.py: a tiny reason gold in the annotations/reasons format.

Reasons are short excerpts of the seeds (000, 001, 003 — line numbers in the comments) and a few
written for the test; documents are split as the guideline splits them: by document.
"""

from __future__ import annotations

import json
from pathlib import Path

# (doc, split, label, cue, reason, variance direction)
ROWS = [
    ("000", "train", "specific", "主要原因是", "增加了走访慰问专项经费和2023年援疆经费尾款", "increase"),  # 000
    ("000", "train", "purpose_not_cause", "主要用于", "聘用人员工资等", None),  # 000
    ("000", "train", "generic", "主要原因是", "工作需要", "increase"),
    ("003", "train", "generic", "主要原因是", "人员减少、支出压减", "decrease"),  # 003 @336
    ("003", "train", "generic", "主要原因是", "降低支出，减少公务接待", "decrease"),  # 003 @441
    ("003", "train", "specific", "主要原因是", "截至2023年12月31日，开支财政拨款的公务用车保有量0辆", "flat"),  # @439
    ("sh-a", "train", "specific", "主要原因是", "新增数字化转型项目经费120万元", "increase"),
    ("sh-a", "train", "generic", "主要原因是", "人员调整", "decrease"),  # 001
    ("sh-a", "train", "empty", "主要原因：", "", "decrease"),
    ("sh-b", "train", "specific", "主要原因是", "本年度购置（更新）公务用车0辆", "flat"),  # 003 @437
    ("sh-b", "train", "generic", "主要原因是", "厉行节约，严格落实八项规定", "decrease"),
    ("sh-b", "train", "specific", "主要原因是", "机构改革划入区档案馆，人员增加15人", "increase"),
    ("001", "test", "generic", "主要原因是", "人员减少、支出压降", "decrease"),  # 003 @345 wording
    ("001", "test", "specific", "主要原因是", "增加走访慰问专项经费80万元", "increase"),
    ("001", "test", "purpose_not_cause", "主要用于", "春节、高温慰问一线工作人员", None),  # 000
    ("001", "test", "empty", "主要原因是", "。", "decrease"),
    ("002", "test", "contradictory", "主要原因是", "人员增加", "decrease"),
]


def write_gold(folder: Path, rows: list[tuple] = ROWS) -> Path:
    """One <doc>.reasons.jsonl and <doc>.variances.jsonl per document; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    by_doc: dict[str, tuple[list[dict], list[dict]]] = {}
    for doc, split, label, cue, reason, direction in rows:
        reasons, variances = by_doc.setdefault(doc, ([], []))
        index = None
        if direction is not None:
            index = len(variances)
            variances.append({"doc": doc, "split": split, "kind": "change", "direction": direction,
                              "needs_reason": direction != "flat", "explained": True})
        reasons.append({"doc": doc, "split": split, "line": len(reasons) + 1, "sentence": f"支出减少，{cue}{reason}",
                        "cue": cue, "reason": reason, "label": label, "explains_variance": index is not None,
                        "variance": index, "note": None})
    for doc, (reasons, variances) in by_doc.items():
        for suffix, rows_out in ((".reasons.jsonl", reasons), (".variances.jsonl", variances)):
            text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows_out)
            (folder / f"{doc}{suffix}").write_text(text, "utf-8")
    return folder
