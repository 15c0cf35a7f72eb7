"""Physical lines → logical paragraphs, re-joining hard line breaks.

PDFs and pdfminer-style text break lines wherever the page ends, often in the
middle of a number ("1,102.\\n31") or of "主要\\n原因". A line continues into the
next when it is *full* (reaches the usual right edge / usual length), does not end
a sentence, and the next line does not start a heading or a numbered item. Short
lines (titles, last lines of paragraphs) never run on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import quantiles
from unicodedata import east_asian_width

from budgetlens.document import CellRef
from budgetlens.ingest.base import RawDocument, RawLine, RawTable
from budgetlens.structure.headings import (
    SENTENCE_END,
    HeadingMatch,
    is_toc_entry,
    is_toc_title,
    match_heading,
    match_numbering,
)

FULL_LINE_RATIO = 0.85  # a line this close to the usual length/right edge is "full"
NOTE_PREFIXES = ("注：", "注:", "备注：", "备注:", "说明：", "说明:")
OPEN_CLAUSE = ("，", ",", "、")  # a line that stops on one of these has not ended its sentence
PROSE_CHARS = 30  # a contents entry is a title: a line this long that ends a sentence is body text


@dataclass(slots=True)
class ParagraphDraft:
    lines: list[RawLine]
    kind: str = "text"  # text | heading | list_item | note | toc | caption | cell
    heading: HeadingMatch | None = None
    texts: list[str] = field(default_factory=list)  # each line's text as it enters the paragraph
    cell: CellRef | None = None  # kind "cell": prose read from this table cell


Block = ParagraphDraft | RawTable


@dataclass(slots=True)
class _Measure:
    """What a full line looks like in this document, and whether blank lines mean anything."""

    typical_chars: float
    right_edge: dict[int | None, float]
    blank_line_breaks: bool  # converter text with blank lines only between paragraphs


def display_width(text: str) -> float:
    """Width in CJK character cells: Latin letters, digits and spaces count half."""
    return sum(1.0 if east_asian_width(ch) in "WF" else 0.5 for ch in text.strip())


def _measure(lines: list[RawLine]) -> _Measure:
    lengths = [w for line in lines if (w := display_width(line.text)) >= 10]
    typical = quantiles(lengths, n=4)[2] if len(lengths) >= 4 else 40.0
    right: dict[int | None, float] = {}
    for line in lines:
        if line.bbox is not None:
            right[line.page] = max(right.get(line.page, 0.0), line.bbox[2])
    return _Measure(typical, right, _blank_lines_are_breaks(lines))


def _blank_lines_are_breaks(lines: list[RawLine]) -> bool:
    """pdfminer-style text puts a blank line after *every* line; then a blank line says nothing.

    Elsewhere (markdown-ish converter output) blank lines separate paragraphs. A blank
    line shows as a jump in the line numbers of consecutive text lines on one page.
    """
    pairs = [(a, b) for a, b in pairwise(lines) if a.page == b.page]
    if not pairs:
        return False
    gaps = sum(b.number - a.number > 1 for a, b in pairs)
    return gaps < 0.5 * len(pairs)


def _is_full(line: RawLine, measure: _Measure) -> bool:
    if line.bbox is not None and line.page in measure.right_edge:
        slack = 2.0 * (line.font_size or 10.0)
        return line.bbox[2] >= measure.right_edge[line.page] - slack
    return display_width(line.text) >= FULL_LINE_RATIO * measure.typical_chars


def line_kind(text: str, bold: bool) -> tuple[str, HeadingMatch | None]:
    stripped = text.strip()
    if stripped.startswith(NOTE_PREFIXES):
        return "note", None
    heading = match_heading(stripped, bold=bold)
    if heading is not None:
        return "heading", heading
    if match_numbering(stripped) is not None:
        return "list_item", None
    return "text", None


def continues(prev: ParagraphDraft, line: RawLine, measure: _Measure) -> bool:
    """Does `line` continue the paragraph `prev` across a hard line break?"""
    if prev.kind == "toc" or (prev.kind == "heading" and prev.lines[-1].bold):
        return False
    last = prev.lines[-1]
    kind, _ = line_kind(line.text, line.bold)
    if kind == "text" and _sentence_left_open(prev):
        return True
    if WORD_TAIL.match(line.text) and prev.kind in ("heading", "list_item", "text") and _ends_on_word(prev):
        return True  # "…行政单位离退休" | "（项）。…", "其中：因公出国" | "（境）费…": a name broken before its bracket
    if VALUE_HEAD.match(line.text) and prev.kind in ("list_item", "text") and _ends_on_word(prev):
        return True  # "…。年初预算为" | "161.62万元，…": no sentence starts with its figure
    if kind == "text" and DIGIT_HEAD.match(line.text) and prev.kind in ("list_item", "text") \
            and NUMBER_CUT.search(prev.texts[-1].rstrip()):
        return True  # "…，占 60.4" | "0%，…", "…，占9." | "99%；…": a number broken inside its digits
    if UNIT_HEAD.match(line.text) and prev.kind in ("list_item", "text") and _ends_on_figure(prev):
        return True  # "…，与2023" | "年度持平。", "…的 126" | "个增加到…", "…2,693.26 万" | "元，…": a figure broken
    if measure.blank_line_breaks and line.page == last.page and line.number - last.number > 1:
        return False
    tail = last.text.rstrip()
    if tail.endswith(OPEN_CLAUSE) and kind == "text":
        return True  # "…支出决算为 36.00 万元，" | "完成年初预算的 85.71%…": a line that stops on a comma goes on
    if not tail or tail[-1] in SENTENCE_END or not _is_full(last, measure):
        return False
    return kind == "text"


def _ends_on_figure(prev: ParagraphDraft) -> bool:
    """The paragraph so far stops on a digit, or on a digit and 万/亿 (the rest of the unit comes next)."""
    return FIGURE_TAIL.search(prev.texts[-1].rstrip()) is not None


def _ends_on_word(prev: ParagraphDraft) -> bool:
    return _CJK.match(prev.texts[-1].rstrip()[-1:] or " ") is not None


def _sentence_left_open(prev: ParagraphDraft) -> bool:
    """A sentence cut mid-clause ("…，2024 年预算中纳入政府采购预算" / page break / "支出合计 30.05 万元，…"):
    text that has begun a clause list and stops on a word, not on punctuation, goes on below; a numbered
    item too ("5. 住房保障支出年初预算为…，支出决算为" | "177.64万元，…")."""
    return prev.kind in ("text", "list_item") and "，" in "".join(prev.texts) and _ends_on_word(prev)


_CJK = re.compile(r"[\u4e00-\u9fa5]")
WORD_TAIL = re.compile(r"^\s*[（(](?![一二三四五六七八九十])[\u4e00-\u9fa5]{1,2}[）)]")
DIGIT_HEAD = re.compile(r"^\s*\d")
NUMBER_CUT = re.compile(r"\d\.?$")  # a line that stops inside a number, before or after its decimal point
FIGURE_TAIL = re.compile(r"\d(?:\s*[万亿])?$")
UNIT_HEAD = re.compile(r"^\s*(?:年度?|月|日|万元|亿元|元|%|％|个|人次|人|名|辆|场|次|家|户|项|件|批次|批|台)")
VALUE_HEAD = re.compile(r"^\s*\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元|%)")


def separator(left: str, right: str) -> str:
    """What goes between two pieces of a line-broken sentence: a space only between Latin/digit runs.

    Not between two digits: a break there is inside one number ("1,10|2.31"), and a space would
    read as two numbers ("38 140.00" on one line is two)."""
    if left and right and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() \
            and right[0].isalnum() and not (left[-1].isdigit() and right[0].isdigit()):
        return " "
    return ""


def join_texts(left: str, right: str) -> str:
    return left + separator(left, right) + right


def to_blocks(raw: RawDocument) -> list[Block]:
    """All pages' items → paragraphs and tables, in reading order."""
    items = [item for page in raw.pages for item in page.items]
    measure = _measure([item for item in items if isinstance(item, RawLine)])
    blocks: list[Block] = []
    in_toc = False
    toc_first: str | None = None
    toc_page: int | None = None
    for item in items:
        if isinstance(item, RawTable):
            blocks.append(item)
            in_toc = False  # a contents list printed as a grid ends at the grid
            continue
        text = item.text.strip()
        if not text:
            continue
        if in_toc and _leaves_toc_page(item, text, toc_page):
            in_toc, toc_first = False, None
        in_toc, toc_first, is_toc = _toc_state(text, in_toc, toc_first)
        if is_toc and (is_toc_entry(text) or is_toc_title(text)):
            toc_page = item.page
        current = blocks[-1] if blocks and isinstance(blocks[-1], ParagraphDraft) else None
        if not is_toc and current is not None and continues(current, item, measure):
            if current.kind == "heading":  # a full numbered line that runs on is an item, not a heading
                current.kind, current.heading = "list_item", None
            current.lines.append(item)
            current.texts.append(text)
            continue
        kind, heading = ("toc", None) if is_toc else line_kind(text, item.bold)
        blocks.append(ParagraphDraft([item], kind, heading, [text]))
    return blocks


def _leaves_toc_page(item: RawLine, text: str, toc_page: int | None) -> bool:
    """A contents list stays on its page(s): a plain line on a later page ends it, also when the
    body's headings are worded otherwise than the entries ("一、部门主要职能" vs "…（部门）主要职能")."""
    return item.page is not None and toc_page is not None and item.page > toc_page and not is_toc_entry(text)


def _is_prose(text: str) -> bool:
    """A line no contents list holds: a long sentence, ended or running on through its commas."""
    text = text.strip()
    return len(text) >= PROSE_CHARS and (text[-1] in SENTENCE_END or text.count("，") >= 2)


def _toc_state(text: str, in_toc: bool, toc_first: str | None) -> tuple[bool, str | None, bool]:
    """Track the table of contents: from a 目录 title until its first entry recurs as a heading."""
    key = "".join(text.split()).lstrip("-#*")
    if is_toc_title(text):
        return True, None, True
    if not in_toc:
        return False, toc_first, False
    if _is_prose(text) and not is_toc_entry(text):
        return False, None, False  # converter text has no pages to end the list: a sentence of prose ends it
    if toc_first is None:
        return True, key, True
    if key == toc_first and not is_toc_entry(text):
        return False, None, False
    return True, toc_first, True
