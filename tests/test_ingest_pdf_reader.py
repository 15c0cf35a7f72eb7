"""The PDF reader: settings, the word/line chain, running header/footer removal, and the
real corpus (every PDF reads; page numbers gone; hand-checked lines; reading order).

Hand-checked lines were read off page renders of the PDFs, not off our own output.
Page counts come from the corpus MANIFEST.tsv.
"""

from __future__ import annotations

import csv
import re
import sys
from functools import cache

import pytest

import budgetlens.ingest
from budgetlens.ingest.base import RawDocument, RawLine, RawPage, RawTable
from budgetlens.ingest.layout import chars_to_words, is_bold, join_words
from budgetlens.ingest.pdf import PdfSettings, drop_running_lines, page_number_of, read_pdf, running_key
from budgetlens.ingest.pdf_chars import Char
from tests.conftest import CORPUS_PDF, corpus_pdf

PAGE_HEIGHT = 842.0


# --- settings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    [{"word_gap": 0}, {"line_overlap": 1.5}, {"band": 0.5}, {"min_repeats": 1}, {"repeat_share": -0.1}],
    ids=lambda bad: next(iter(bad)),
)
def test_ingest_pdf_reader_settings_refuse_out_of_range(bad: dict) -> None:
    with pytest.raises(ValueError, match=next(iter(bad))):
        PdfSettings(**bad)


def test_ingest_pdf_reader_settings_are_frozen_and_keyword_only() -> None:
    settings = PdfSettings(band=0.1)
    with pytest.raises(AttributeError):
        settings.band = 0.2  # type: ignore[misc]
    with pytest.raises(TypeError):
        PdfSettings(0.6)  # type: ignore[misc]


# --- characters → words → text ----------------------------------------------------------


def chars_of(text: str, x: float = 72.0, gap: float = 0.0, size: float = 12.0) -> list[Char]:
    """One char per letter, `gap` points apart, on one baseline; ' ' leaves a 3-point hole
    (pdf_chars drops space glyphs, so a hole is all that is left of a space)."""
    chars = []
    for letter in text:
        if letter == " ":
            x += 3.0
            continue
        chars.append(Char(letter, x, x + size * 0.5, 100.0, 100.0 + size, size, "SimSun"))
        x += size * 0.5 + gap
    return chars


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Page 1 of 25", "Page 1 of 25"),  # Latin words keep their spaces
        ("97.42 82,046.10", "97.42 82,046.10"),  # two narrow number columns stay two numbers
        ("收入 合计", "收入合计"),  # Chinese has no spaces: a small hole is not a word break
        ("10,150.48", "10,150.48"),
    ],
)
def test_ingest_pdf_reader_words_keep_latin_spaces(text: str, expected: str) -> None:
    assert join_words(chars_to_words(chars_of(text))) == expected


@pytest.mark.parametrize(
    ("fontname", "bold"),
    [
        ("b'ABCDEE+\\xba\\xda\\xcc\\xe5'", True),  # 黑体 in GBK, as pdfminer reports WPS fonts
        ("b'ABCDEE+\\xcb\\xce\\xcc\\xe5'", False),  # 宋体
        ("GAAAAA+Times New Roman-Bold", True),
        ("BAAAAA+FangSong", False),
        ("b'broken", False),
    ],
)
def test_ingest_pdf_reader_bold_from_font_name(fontname: str, bold: bool) -> None:
    assert is_bold(fontname) is bold


# --- page numbers and running headers ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", (3, True)),
        ("- 3 -", (3, False)),
        ("—12—", (12, False)),
        ("─1─", (1, False)),
        ("第3页", (3, False)),
        ("第 3 页 共 25 页", (3, False)),
        ("共25页 第3页", (3, False)),
        ("3/25", (3, False)),
        ("Page 3 of 25", (3, False)),
        ("30/25", None),  # not a page of 25
        ("2024年", None),
        ("3.5", None),
        ("一、收入支出决算总体情况说明", None),
    ],
)
def test_ingest_pdf_reader_page_number_forms(text: str, expected: tuple[int, bool] | None) -> None:
    assert page_number_of(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("江苏省政协办公厅 第3页", "江苏省政协办公厅 第4页", True),
        ("2019年度部门预算 3", "2019年度部门预算 14", True),
        ("公开01表", "公开02表", False),  # a table label with a number in it is not a running header
    ],
)
def test_ingest_pdf_reader_running_key_masks_page_numbers_only(a: str, b: str, same: bool) -> None:
    assert (running_key(a) == running_key(b)) is same


def line_at(text: str, top: float, number: int, page: int) -> RawLine:
    return RawLine(text=text, page=page, number=number, bbox=(72.0, top, 400.0, top + 12.0), font_size=12.0)


def synthetic_pages(n_pages: int, extra: dict[int, list[RawLine]]) -> list[RawPage]:
    """Pages with a running header, body text, and a "- n -" footer; `extra` adds lines."""
    pages = []
    for n in range(1, n_pages + 1):
        lines = [
            line_at("江苏省政协办公厅2019年度部门预算", 30.0, 1, n),
            *extra.get(n, []),
            line_at(f"正文第{n}页的一行。", 400.0, 5, n),
            line_at(f"- {n} -", 800.0, 6, n),
        ]
        pages.append(RawPage(number=n, items=lines, width=595.0, height=PAGE_HEIGHT))
    return pages


def texts_of(page: RawPage) -> list[str]:
    return [item.text for item in page.items if isinstance(item, RawLine)]


def test_ingest_pdf_reader_drops_running_header_and_page_numbers() -> None:
    pages = synthetic_pages(5, {})
    drop_running_lines(pages, PdfSettings())
    assert [texts_of(page) for page in pages] == [[f"正文第{n}页的一行。"] for n in range(1, 6)]
    assert pages[2].dropped == ["江苏省政协办公厅2019年度部门预算", "- 3 -"]
    assert [item.number for page in pages for item in page.items] == [5] * 5  # numbers are not changed


def test_ingest_pdf_reader_keeps_heading_on_two_pages_and_lone_numbers() -> None:
    heading = "第一部分部门概况"
    extra = {
        2: [line_at(heading, 60.0, 2, 2)],
        3: [line_at(heading, 60.0, 2, 3), line_at("7", 780.0, 3, 3)],  # a bare "7" on page 3 is no page number
    }
    pages = synthetic_pages(6, extra)
    drop_running_lines(pages, PdfSettings())
    assert texts_of(pages[1]) == [heading, "正文第2页的一行。"]
    assert texts_of(pages[2]) == [heading, "7", "正文第3页的一行。"]


def test_ingest_pdf_reader_bare_page_numbers_need_a_steady_offset() -> None:
    """Bare numbers that follow the page index (here: numbering starts on page 2) go."""
    pages = [
        RawPage(number=n, items=[line_at("正文", 400.0, 1, n), line_at(str(n - 1), 800.0, 2, n)], height=PAGE_HEIGHT)
        for n in range(2, 6)
    ]
    drop_running_lines(pages, PdfSettings())
    assert [page.dropped for page in pages] == [["1"], ["2"], ["3"], ["4"]]


# --- the real corpus --------------------------------------------------------------------


def manifest_pages() -> dict[str, int]:
    """Page counts per corpus PDF, from MANIFEST.tsv ("pages=25"); empty without ../shared."""
    manifest = CORPUS_PDF.parent / "MANIFEST.tsv"
    if not manifest.exists():
        return {}
    with manifest.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {
            row["file"].removeprefix("pdf/"): int(match[1])
            for row in rows
            if row["kind"] == "pdf" and (match := re.fullmatch(r"pages=(\d+)", row["pages_or_chars"]))
        }


@cache
def read_corpus(name: str) -> RawDocument:
    return read_pdf(corpus_pdf(name).read_bytes())


@pytest.mark.shared
@pytest.mark.parametrize(("name", "n_pages"), sorted(manifest_pages().items()))
def test_ingest_pdf_reader_every_corpus_pdf_reads(name: str, n_pages: int) -> None:
    doc = read_corpus(name)
    assert len(doc.pages) == n_pages
    assert [page.number for page in doc.pages] == list(range(1, n_pages + 1))
    assert not [w for w in doc.warnings if "Unicode" in w or "%%EOF" in w or "xref" in w]
    for page in doc.pages:
        tops = [item.bbox[1] for item in page.items]
        assert tops == sorted(tops), f"page {page.number} is not in reading order"
        numbers = [item.number for item in page.items if isinstance(item, RawLine)]
        assert numbers == sorted(set(numbers))
        assert all(n >= 1 for n in numbers)
        assert all(item.text.strip() for item in page.items if isinstance(item, RawLine))


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "printed"),
    [
        ("js_cppcc-office_2018_dept-budget.pdf", "-{n}-"),  # every page, cover included
        ("js_cppcc-office_2017_dept-budget.pdf", "{n}"),  # bare numbers
        ("js_provincial-party-committee-office_2017_dept-budget.pdf", "—{n}—"),
    ],
)
def test_ingest_pdf_reader_corpus_page_numbers_removed(name: str, printed: str) -> None:
    doc = read_corpus(name)
    assert [page.dropped for page in doc.pages] == [[printed.format(n=page.number)] for page in doc.pages]
    for page in doc.pages:
        assert not any(page_number_of(text) for text in texts_of(page)[-1:])


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "page", "line", "text"),
    [
        ("js_cppcc-office_2018_dept-budget.pdf", 8, 1, "（一）收入预算总计10,150.48万元。包括："),
        ("js_cppcc-office_2018_dept-budget.pdf", 8, 4, "增加1,003.69万元，增长11.07%。主要原因是政策性增资、住"),
        ("js_cppcc-office_2018_dept-budget.pdf", 8, 23, "3.住房保障（类）支出1,499.26万元，主要用于发放单位"),
        ("sh-putuo_finance-bureau_2024_dept-final.pdf", 21, 1, "第三部分上海市普陀区财政局2024年度部门决算情况"),
        ("sh-putuo_finance-bureau_2024_dept-final.pdf", 21, 2, "说明"),
        ("sh-putuo_finance-bureau_2024_dept-final.pdf", 21, 29,
         "一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完"),
    ],
)
def test_ingest_pdf_reader_corpus_hand_checked_lines(name: str, page: int, line: int, text: str) -> None:
    items = read_corpus(name).pages[page - 1].items
    assert [item.text for item in items if isinstance(item, RawLine) and item.number == line] == [text]


@pytest.mark.shared
def test_ingest_pdf_reader_corpus_title_table_note_order() -> None:
    """Title and unit line above the table, its note below, whatever the table reader finds."""
    page = read_corpus("sh-putuo_planning-natural-resources_2024_dept-final.pdf").pages[15]
    lines = [item for item in page.items if isinstance(item, RawLine)]
    assert [line.text for line in lines[:2]] == ["一般公共预算财政拨款基本支出决算表", "单位：万元"]
    assert page.items[-1].text == "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。"
    for table in (item for item in page.items if isinstance(item, RawTable)):
        assert lines[1].bbox[3] <= table.bbox[1]
        assert table.bbox[3] <= page.items[-1].bbox[1]


@pytest.mark.shared
def test_ingest_pdf_reader_without_table_module_reads_text_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "budgetlens.ingest.pdf_tables", None)  # import now raises ImportError
    monkeypatch.delattr(budgetlens.ingest, "pdf_tables", raising=False)  # … also when imported before
    doc = read_pdf(corpus_pdf("js_provincial-party-committee-office_2019_dept-budget-tables.pdf").read_bytes())
    assert not any(isinstance(item, RawTable) for page in doc.pages for item in page.items)
    assert "收支预算总表" in texts_of(doc.pages[0])
    assert any("未识别表格" in warning for warning in doc.warnings)


@pytest.mark.shared
def test_ingest_pdf_reader_corpus_producer_decoded() -> None:
    """The producer is stored as UTF-16 with a byte-order mark; MANIFEST.tsv names it."""
    assert read_corpus("js_npc-standing-committee-office_2017_dept-budget.pdf").producer == "WPS Office 专业版"
