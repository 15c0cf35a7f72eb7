"""Form tables (and pdfminer lines) → projects and indicators: carried levels, shifted rows, year columns.

Real rows come from the seeds (line numbers are the seed's); the constructed tables pin one
convention each. Expectations are read from the seed text, not from the gold files.
"""

from __future__ import annotations

import pytest

from budgetlens.document import Checkbox, Document
from budgetlens.indicators import document_to_indicators
from budgetlens.indicators.forms import Layout, title_to_kind
from budgetlens.indicators.rows import row_to_parts
from tests.conftest import corpus_pdf
from tests.indicators_support import at_line, seed_forms, table_of

# (seed, line, level1, level2, level3, targets as printed, weight)
ROWS = [
    # shifted left one column: levels read by meaning
    ("000", 582, "满意度指标", "服务对象满意度指标", "区政府及各组成部门满意率", ["≥98%"], None),
    # row starting at 二级 after a 产出 block: its own 一级
    ("000", 624, "效益指标", "社会效益指标", "工作保障程度", ["保障"], None),
    # "产出" … "指标" split over rows; an empty 前年
    ("000", 630, "产出指标", "数量指标", "组织开展研讨、学习", ["", "8次", "≥5次"], None),
    # an extra empty cell: the right edge holds 当年 and 依据
    ("000", 647, "效益指标", "社会效益指标", "引导提高经济水平", ["", "", "保障"], None),
    # shifted right one column, no 依据 printed
    ("000", 711, "效益指标", "社会效益指标", "成果应用率", ["≥10%", "≥10%", "≥10%"], "20"),
    # the year sub-header printed after the first row's value: one 指标值
    ("000", 764, "产出指标", "数量指标", "对口帮扶县及脱贫村、街道数",
     ["22个（1个帮扶县，20个脱贫村，1个帮扶街道）"], None),
    # a 年度 table printing no year row: the previous 年度 table's columns
    ("000", 824, "产出指标", "数量指标", "《政府公报》编定册数", [">12期", ">12期", ">12期"], "4"),
    # 自评 row shifted left, a non-lexicon 二级
    ("003", 592, "满意度指标", "帮扶地区满意度", "帮扶地区满意度", ["≥90%"], None),
    # pdfminer text: the target printed before its name, its last character glued to the name's line
    ("001", 1887, "产出指标", "数量指标", "完成常务会议保障工作", ["全年认真组织召开至少20 次政府常务会议"], None),
    # pdfminer text: a row on one line
    ("001", 2508, "产出指标", "时效指标", "全年", ["≦365 天"], None),
    # pdfminer text: a 一级 with its points line, then a 二级 not in the lexicon
    ("001", 2538, "满意度指标", "群众满意度", "对口帮扶地区群众满意度", ["较高"], None),
]


@pytest.mark.parametrize(("seed", "line", "level1", "level2", "level3", "targets", "weight"), ROWS)
def test_parse_real_rows(seed: str, line: int, level1: str, level2: str, level3: str, targets: list[str],
                         weight: str | None) -> None:
    _, found = seed_forms(seed)
    row = at_line(found, line)
    assert (row.level1, row.level2, row.level3) == (level1, level2, level3)
    assert [t.value.raw for t in row.targets] == targets
    assert (str(row.weight) if row.weight is not None else None) == weight


def test_parse_self_eval_row_with_an_extra_empty_cell() -> None:
    _, found = seed_forms("003")
    row = at_line(found, 561)  # 重大政府参阅材料 | (empty) | ≥10 篇 | 20 | 5
    assert row.current is not None
    assert row.current.value.raw == "≥10 篇"
    assert row.actual is not None
    assert row.actual.raw == "20"
    assert str(row.score) == "5"


def test_parse_projects_of_converter_forms() -> None:
    _, found = seed_forms("000")
    research = next(p for p in found.projects if p.name == "调查研究")
    assert research.year == 2024
    assert research.department == "区政府办"
    assert {box.field: box.checked for box in research.checkboxes} == {
        "项目类别": ["运转类"], "项目安排频度": ["常年项目"]}
    assert research.total_budget is None  # （延续性项目填写）
    assert research.year_budget is not None
    assert (str(research.year_budget.value), research.year_budget.unit) == (
        "13", "万元")
    assert sum(1 for i in found.indicators if i.project_id == research.id) == 22


def test_parse_self_eval_blocks() -> None:
    _, found = seed_forms("003")
    dept = found.projects[0]
    assert dept.kind == "self_eval_dept"
    assert str(dept.total_score) == "99"
    assert dept.deviation_reason == "无"
    assert dept.funds is not None
    assert dept.funds.rate == "100%"
    assert str(dept.funds.weight) == "20"
    assert [str(g.weight) for g in dept.goals][:3] == ["50", "20", "10"]


def test_parse_pdfminer_forms_infer_the_ticked_box() -> None:
    _, found = seed_forms("001")
    project = next(p for p in found.projects if p.kind == "self_eval_project")
    boxes = {box.field: box for box in project.checkboxes}
    assert boxes["项目类别"].checked == ["区级专项"]
    assert boxes["项目类别"].inferred
    assert project.deviation_reason == "目标已完成，无偏差。"
    assert str(project.total_score) == "100"
    assert sum(1 for i in found.indicators if i.project_id == project.id) == 7


def test_parse_constructed_form_carries_levels_and_reads_tick_boxes() -> None:
    table = table_of([
        ["项目名称", "示例项目", "项目代码", ""],
        ["项目类别", "1. 运转类 ☐ 2. 特定目标类 ☑", "", ""],
        ["目标名称", "一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"],
        ["长期绩效目标1", "产出指标", "数量指标", "培训场次", "≥4次", "计划数据"],
        ["", "", "", "培训人数", "≥200人", "计划数据"],
        ["", "", "质量指标", "合格率", "≥95%", "计划数据"],
        ["", "社会效益指标", "群众知晓率", "≥90%", "计划数据"],  # shifted left, a 效益 二级
    ])
    table.rows[1][1].checkboxes = [Checkbox(label="1. 运转类", checked=False),
                                   Checkbox(label="2. 特定目标类", checked=True)]
    found = document_to_indicators(Document(tables=[table]))
    assert [p.name for p in found.projects] == ["示例项目"]
    assert found.projects[0].checkboxes[0].checked == ["特定目标类"]
    assert [(i.level1, i.level2, i.level3) for i in found.indicators] == [
        ("产出指标", "数量指标", "培训场次"), ("产出指标", "数量指标", "培训人数"), ("产出指标", "质量指标", "合格率"),
        ("效益指标", "社会效益指标", "群众知晓率")]
    assert [i.place.line for i in found.indicators] == [4, 5, 6, 7]


@pytest.mark.parametrize(("cells", "targets", "basis"), [
    (["培训场次", "≥4次", "≥4次", "≥4次", "计划数据"], ["≥4次", "≥4次", "≥4次"], "计划数据"),
    (["培训场次", "", "≥4次", "计划数据"], [None, "", "≥4次"], "计划数据"),  # short row ending in its 依据
    (["培训场次", "", "", "", "≥4次", "计划数据"], ["", "", "≥4次"], "计划数据"),  # one cell too many
])
def test_parse_row_slots_follow_the_row_right_edge(cells: list[str], targets: list[str | None], basis: str) -> None:
    layout = Layout(labels=["前年", "上年", "预计当年实现"], basis=True)
    parts = row_to_parts(table_of([cells]).rows[0], layout)
    got = [parts.slots[f"target:{label}"] for label in layout.labels]
    assert [cell.text if cell is not None else None for cell in got] == targets
    assert parts.slots["basis"] is not None
    assert parts.slots["basis"].text == basis


@pytest.mark.parametrize(("title", "kind"), [
    ("2024年江汉区项目支出(绩效目标)申报表", "project_target"), ("2024年江汉区部门整体绩效目标申报表", "dept_target"),
    ("2023年度乡村振兴项目自评表", "self_eval_project"),
    ("2023 年度武昌区人民政府办公室整体绩效自评表", "self_eval_dept"),
    ("财政项目支出绩效目标填报表", "project_target"), ("年度绩效目标表", None), ("（四）绩效自评结果应用情况", None),
    ("2024年收支预算总表", None),
])
def test_parse_form_titles(title: str, kind: str | None) -> None:
    assert title_to_kind(title) == kind


def test_parse_pdf_grid_holding_two_forms_gives_two_projects() -> None:
    from budgetlens.ingest import read_source
    from budgetlens.structure.build import build_document

    path = corpus_pdf("sh-putuo_wanli-subdistrict_2023_dept-budget.pdf")
    found = document_to_indicators(build_document(read_source(path.read_bytes(), path.name)))
    names = [p.name for p in found.projects]
    assert names[:3] == ["新建万里街道社区公共服务中心", "就业援助基地补贴", "社区环境整治和建设经费"]
    first = next(i for i in found.indicators if i.project_id == found.projects[0].id)
    assert (first.level3, first.current.value.unit if first.current else None) == ("规划建筑面积", "平方米")
    assert found.projects[0].year_budget is not None
    assert found.projects[0].year_budget.unit == "元"
