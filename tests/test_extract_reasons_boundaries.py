"""Where a reason starts and ends (annotations/guidelines.md §2), on real passages run as small documents.

A reason is its cue and what follows to the end of the sentence or list; a cue inside a cause is part
of it; 主要是 is a reason only where it explains a change; a list goes on only with items numbered alike.
"""

from __future__ import annotations

import pytest

from budgetlens.nlp.patterns import Cue
from budgetlens.nlp.reasons import reason_cues
from tests.pipeline_support import analyze_text


def reasons_in(text: str) -> list[tuple[str, str, str]]:
    return [(r.cue, r.type, r.text) for r in analyze_text(text).reasons]


def test_a_cue_inside_a_cause_is_part_of_it() -> None:
    # planning 2024 final p.20: one reason, the 主要由于 belongs to the 主要原因
    text = ("与2023年度相比，收入支出总计增加1062.85万元，增长12.08%。主要原因：项目支出增加，较上一度增加1133.95万元，"
            "主要由于上海市普陀区自然资源确权登记事务中心办公大楼装修等。")
    assert reasons_in(text) == [("主要原因：", "cause",
                                 "项目支出增加，较上一度增加1133.95万元，主要由于上海市普陀区自然资源确权登记事务中心办公大楼装修等")]


def _cue(text: str, kind: str, start: int) -> Cue:
    return Cue(text, kind, start, start + len(text))


@pytest.mark.parametrize(("cues", "kept"), [
    ([("主要原因：", "cause", 0), ("主要由于", "cause", 30)], 1),  # cause, then a cue inside it
    ([("主要原因是", "cause", 0), ("用于", "purpose", 9)], 1),  # "主要原因是…用于…": still the cause
    ([("主要用于", "purpose", 10), ("主要原因是", "cause", 30)], 2),  # a purpose ends where a cause starts
    ([("主要用于", "purpose", 10), ("用于", "purpose", 30), ("由于", "cause", 40), ("主要是", "cause", 50)], 3),
])
def test_reason_cues_stop_at_the_first_cause(cues: list[tuple[str, str, int]], kept: int) -> None:
    found = [_cue(*c) for c in cues]
    assert reason_cues(found) == found[:kept]


@pytest.mark.parametrize(("text", "expected"), [
    (  # 000 @137: explains the change of the sentence before
        "2024年一般公共预算拨款4407.97万元，较2023年预算增加66.78万元。主要是增加了走访慰问专项经费和2023年援疆经费尾款。",
        [("主要是", "cause", "增加了走访慰问专项经费和2023年援疆经费尾款")],
    ),
    (  # 003 @441: describes the visitors, no change before it
        "国内公务接待支出0.42万元，接待对象主要是外地党政机关，主要是开展专项工作考察交流。",
        [],
    ),
    (  # dept-final template p.27, 名词解释: a definition, not a change
        "二、事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。主要是：XXXXXXXX收入等。",
        [],
    ),
])
def test_zhuyao_shi_is_a_reason_only_after_a_change(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert reasons_in(text) == expected


def test_a_list_goes_on_only_with_items_numbered_alike() -> None:
    # 003 @397-399: "一是…;二是…。" ends before the "2." of the next paragraph
    record = analyze_text(
        "1. 一般公共服务支出(类)财政事务(款)行政运行(项)年初预算为 1305.33 万元,支出决算为 1227.34 万元,"
        "完成年初预算的 93.98%,支出决算数小于年初预算数的主要原因:一是压降项目支出;二是人员缩减,人员支出减少。\n\n"
        "2. 社会保障和就业支出(类)年初预算数为 199.57 万元,决算数 199.57 万元,"
        "完成年初预算的 100%,支出决算数等于年初预算数。"
    )
    (reason,) = record.reasons
    assert reason.text == "一是压降项目支出;二是人员缩减,人员支出减少"
    assert record.text[reason.span.start:reason.span.end].endswith("人员支出减少")


def test_a_list_of_the_same_numbering_goes_on() -> None:
    # js provincial-party-committee-office 2018 p.7 style: "一是…；二是…" over sentences
    record = analyze_text("与上年相比增加943.92万元，增长7.81%。主要原因：一是人员经费政策性调增；"
                          "二是因增设机构而增加了在职人数，人员经费有所增长。")
    (reason,) = record.reasons
    assert reason.text == "一是人员经费政策性调增；二是因增设机构而增加了在职人数，人员经费有所增长"
