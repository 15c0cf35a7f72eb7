"""Document metadata — kind, fiscal year, department, region — with the evidence for each.

Read from the title first (the first short line near the top that names 预算/决算/
绩效), then from captions and table titles. A field we cannot support with a
quoted piece of the document stays None: we never guess silently.
"""

from __future__ import annotations

import re
from collections import Counter

from budgetlens.document import Document, DocumentKind, DocumentMeta, Evidence, Paragraph

TITLE_AT_TOP = 2  # the first paragraphs of a form may double as its table caption
TITLE_SCAN = 12  # paragraphs from the top in which the title is looked for
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
KIND_RULES: tuple[tuple[re.Pattern[str], DocumentKind], ...] = (
    (re.compile(r"绩效自评|自评(?:报告|表)"), DocumentKind.PERF_SELF_EVAL),
    (re.compile(r"绩效目标"), DocumentKind.PERF_TARGET),
    (re.compile(r"决算"), DocumentKind.DEPT_FINAL),
    (re.compile(r"预算"), DocumentKind.DEPT_BUDGET),
)
TITLE_WORDS = re.compile(r"预算|决算|绩效")
UNIT_TAIL = re.compile(r"(?<=[\u4e00-\u9fff])\s+单位\s*[:：].*$")
NOT_KIND = re.compile(r"预算绩效|绩效预算|预算管理")
DEPARTMENT_IN_TITLE = re.compile(
    r"^(?:\d{4}\s*年度?)?\s*(?P<dept>[\u4e00-\u9fff（）()]{3,40}?)\s*(?:\d{4}\s*年度?)?\s*(?:部门|单位)?(?:预算|决算)")
DEPARTMENT_LINE = re.compile(
    r"(?:部门|单位名称|预算单位|编制单位)\s*[:：]\s*(?:[（(]盖章[）)])?\s*([\u4e00-\u9fff]{3,40})")
ORGANISATION = re.compile(
    r"^[\u4e00-\u9fff（）()]{2,30}(局|厅|办公室|办公厅|委员会|委|院|处|部|中心|所|队|会|署|站|馆|室|办)$")
REGION = re.compile(
    r"^(?:中共)?((?:[\u4e00-\u9fff]{2,3}省)?(?:[\u4e00-\u9fff]{2,3}?市)?(?:[\u4e00-\u9fff]{2,3}?[区县])?)")


def detect_meta(document: Document) -> DocumentMeta:
    meta = DocumentMeta()
    title = find_title(document.paragraphs)
    if title is not None:
        meta.title, meta.evidence["title"] = title.text, _evidence(title)
    _detect_kind(document, meta, title)
    _detect_year(document, meta, title)
    _detect_department(document, meta, title)
    _detect_region(meta, title)
    return meta


def _detect_region(meta: DocumentMeta, title: Paragraph | None) -> None:
    """The region is the administrative prefix of the department (or of the title)."""
    sources = [(meta.department, meta.evidence.get("department"))]
    if title is not None:
        sources.append((YEAR.sub("", title.text).replace(" ", "").lstrip("#"), _evidence(title)))
    for text, evidence in sources:
        region = REGION.match(text or "")
        if region and region.group(1) and evidence is not None:
            meta.region, meta.evidence["region"] = region.group(1), evidence
            return


def find_title(paragraphs: list[Paragraph]) -> Paragraph | None:
    for index, paragraph in enumerate(paragraphs[:TITLE_SCAN]):
        text = paragraph.text
        at_top = index < TITLE_AT_TOP  # a form's own title also reads as the caption of its grid
        if paragraph.kind == "cell":  # a form field's prose is not the document's title
            continue
        if len(text) <= 60 and (paragraph.kind != "caption" or at_top) and TITLE_WORDS.search(text):
            return paragraph
    return None


def _kind_of(text: str) -> DocumentKind | None:
    cleaned = NOT_KIND.sub("", text)
    return next((kind for pattern, kind in KIND_RULES if pattern.search(cleaned)), None)


def _detect_kind(document: Document, meta: DocumentMeta, title: Paragraph | None) -> None:
    if title is not None and (kind := _kind_of(title.text)) is not None:
        meta.kind, meta.evidence["kind"] = kind, _evidence(title)
        return
    if title is not None and "绩效" in title.text:
        meta.kind, meta.evidence["kind"] = DocumentKind.OTHER, _evidence(title)
        return
    votes = Counter(k for t in document.tables if t.title and (k := _kind_of(t.title)) is not None)
    if votes:
        kind, _ = votes.most_common(1)[0]
        example = next(t for t in document.tables if t.title and _kind_of(t.title) == kind)
        meta.kind = kind
        meta.evidence["kind"] = Evidence(text=f"{votes[kind]} 张表的标题，如「{example.title}」",
                                         page=example.pages[0] if example.pages else None)


def _detect_year(document: Document, meta: DocumentMeta, title: Paragraph | None) -> None:
    candidates = [title] if title is not None else []
    if title is not None:
        index = document.paragraphs.index(title)
        candidates += document.paragraphs[max(0, index - 2):index] + document.paragraphs[index + 1:index + 2]
    for paragraph in candidates:
        years = {int(y) for y in YEAR.findall(paragraph.text)}
        if len(years) > 1 and len(paragraph.text) <= 60:
            meta.evidence["fiscal_year"] = _evidence(paragraph)  # two years named: not ours to pick
            return
        match = YEAR.search(paragraph.text)
        if match and len(paragraph.text) <= 60:
            meta.fiscal_year, meta.evidence["fiscal_year"] = int(match.group(1)), _evidence(paragraph)
            return
    years = Counter(int(m.group(1)) for t in document.tables if t.title for m in [YEAR.search(t.title)] if m)
    if years:
        year, count = years.most_common(1)[0]
        meta.fiscal_year = year
        meta.evidence["fiscal_year"] = Evidence(text=f"{count} 张表的标题含「{year}年」")


def _detect_department(document: Document, meta: DocumentMeta, title: Paragraph | None) -> None:
    if title is not None:
        match = DEPARTMENT_IN_TITLE.search(title.text.replace(" ", ""))
        if match and not YEAR.search(match.group("dept")) and ORGANISATION.match(match.group("dept")):
            meta.department, meta.evidence["department"] = match.group("dept"), _evidence(title)
            return
    above = _line_above(document, title)
    if above is not None:
        meta.department, meta.evidence["department"] = above.text.replace(" ", ""), _evidence(above)
        return
    named = _department_lines(document)
    if len({name for name, _ in named}) == 1:
        meta.department, meta.evidence["department"] = named[0]
    elif named:  # a compilation of several units' forms: no single department
        names = "、".join(dict.fromkeys(name for name, _ in named))
        meta.evidence["department"] = Evidence(text=f"多个单位：{names}", page=named[0][1].page)


def _without_unit_label(match: re.Match[str]) -> str:
    """"部门：某局单位：元" printed without a space: the name stops before 单位."""
    name, after = match.group(1), match.string[match.end(1):match.end(1) + 1]
    return name[:-2] if name.endswith("单位") and after in ":：" and len(name) > 4 else name


def _line_above(document: Document, title: Paragraph | None) -> Paragraph | None:
    """A title split over two lines: "上海市普陀区财政局" / "2024年度部门决算"."""
    if title is None:
        return None
    index = document.paragraphs.index(title)
    above = document.paragraphs[index - 1] if index else None
    if above is not None and ORGANISATION.match(above.text.replace(" ", "")):
        return above
    return None


def _department_lines(document: Document) -> list[tuple[str, Evidence]]:
    """Every "部门：X" / "单位名称：X" in the text and in the first rows of tables."""
    found = [(_without_unit_label(m), _evidence(p)) for p in document.paragraphs
             for m in [DEPARTMENT_LINE.search(UNIT_TAIL.sub("", p.text).replace(" ", ""))] if m]
    found += [(m.group(1), Evidence(text=c.text, page=c.page)) for t in document.tables
              for row in t.rows[:3] for c in row for m in [DEPARTMENT_LINE.search(c.text)] if m]
    return found


def _evidence(paragraph: Paragraph) -> Evidence:
    return Evidence(text=paragraph.text, page=paragraph.span.page, line=paragraph.span.line)
