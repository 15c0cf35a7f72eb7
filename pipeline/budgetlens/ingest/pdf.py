"""PDF bytes → RawDocument: pages of text lines and tables in reading order.

Per page: characters (pdf_chars) → words (layout) → tables (pdf_tables) → lines from the
words outside tables → items sorted by their top edge. Narrative in these disclosures is
one column; text side by side occurs only inside tables, so top-to-bottom is reading order.
Then, once per document: tables continued across pages are joined, and running
headers/footers and page numbers are removed (their texts kept in `RawPage.dropped`).

Failures are typed. While pdfminer runs, any exception is a damaged file: pdfminer raises
AssertionError, AttributeError, TypeError, struct.error … on bad input, so each becomes
CorruptFileError naming the original type. Our own code after it is not guarded, so a bug
of ours surfaces as itself, not as a "corrupt file".

Truncated files, measured on the 35 corpus PDFs cut at 30/60/95 % of their bytes: pdfminer's
fallback xref scan stops at the cut-off last object or finds no /Root, so 104 of the 105 cuts
yield no page (→ CorruptFileError); one file with an incremental update reads as its earlier
revision (→ pages plus a warning). Rebuilding a trailer recovers many more pages, but their
ToUnicode maps sit at the end of the file, so the text comes back silently wrong: we do not.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from math import ceil
from typing import TypeVar

from pdfminer.pdfdocument import PDFDocument, PDFXRefFallback

from budgetlens.document import BBox, SourceFormat
from budgetlens.errors import BudgetLensError, CorruptFileError, EmptyInputError
from budgetlens.ingest.base import RawDocument, RawLine, RawPage, RawTable
from budgetlens.ingest.layout import TextLine, Word, chars_to_words, words_to_lines
from budgetlens.ingest.pdf_chars import Char, PageChars, iter_page_chars, producer_of, require_text_layer

T = TypeVar("T")

EOF_WINDOW = 1024  # "%%EOF" must be this near the end, or the file was cut (trailing junk is common)
UNMAPPED_SHARE = 0.001  # more "(cid:N)" glyphs than this share of all characters earns a warning
INSIDE_SLACK = 1.0  # points: a word whose centre is this near a table's box belongs to the table

# Whole-line page numbers: "3", "- 3 -", "—3—", "第3页", "第 3 页 共 25 页", "共25页 第3页", "3/25".
PAGE_NUMBER_FORMS = tuple(
    re.compile(pattern)
    for pattern in (
        r"[-－—–─―‒~～_·•\s]*(?P<n>\d+)[-－—–─―‒~～_·•\s]*",
        r"第\s*(?P<n>\d+)\s*页(?:\s*[,，/]?\s*共\s*(?P<of>\d+)\s*页)?",
        r"共\s*(?P<of>\d+)\s*页\s*[,，]?\s*第\s*(?P<n>\d+)\s*页",
        r"(?P<n>\d+)\s*/\s*(?P<of>\d+)",
        r"(?i)page\s*(?P<n>\d+)(?:\s*of\s*(?P<of>\d+))?",
    )
)
# Inside a running header: page-number tokens, and digits at either end ("…部门决算 3").
RUNNING_DIGITS = re.compile(r"第\d+页|共\d+页|\d+/\d+|[-—–─]\d+[-—–─]|^\d+|\d+$")


@dataclass(frozen=True, kw_only=True)
class PdfSettings:
    """How to read a PDF. Checked at construction so a typo fails loudly."""

    word_gap: float = 0.6  # a gap wider than this × char size splits a word (a table cell, a column)
    word_margin: float = 0.1  # pdfminer's LAParams.word_margin: the gap that is a space between Latin words
    line_overlap: float = 0.5  # pdfminer's LAParams.line_overlap: vertical overlap that makes one row
    band: float = 0.12  # header/footer band: this share of the page height at the top and the bottom
    min_repeats: int = 3  # a running header repeats on at least this many pages (a heading on 2 is kept)
    repeat_share: float = 0.4  # … and on at least this share of all pages
    strict: bool = False  # True: a page pdfminer cannot read fails the file instead of ending it

    def __post_init__(self) -> None:
        limits = {
            "word_gap": 0 < self.word_gap <= 10,
            "word_margin": 0 < self.word_margin <= self.word_gap,
            "line_overlap": 0 < self.line_overlap <= 1,
            "band": 0 <= self.band < 0.5,
            "min_repeats": self.min_repeats >= 2,
            "repeat_share": 0 <= self.repeat_share <= 1,
        }
        if bad := [f"{name}={getattr(self, name)!r}" for name, ok in limits.items() if not ok]:
            raise ValueError(f"PdfSettings out of range: {', '.join(bad)}")


Candidate = tuple[int, str, RawLine]  # (page number, "top" | "bottom", a line in that band)
FindTables = Callable[[PageChars, list[Word]], list[RawTable]]
JoinTables = Callable[[list[RawPage]], None]


@dataclass(frozen=True)
class TableReader:
    """pdf_tables' two entry points: tables on one page; tables continued across pages, joined in place."""

    find: FindTables
    join: JoinTables


def read_pdf(data: bytes, settings: PdfSettings | None = None) -> RawDocument:
    """Read a PDF into pages of lines and tables; raise a typed BudgetLensError if we cannot."""
    settings = settings or PdfSettings()
    document, page_iter = guard_pdfminer(partial(iter_page_chars, data))
    warnings = damage_warnings(data, document)
    pages = read_page_chars(page_iter, settings.strict, warnings)
    if not pages:
        if warnings:
            raise CorruptFileError("没有可读的页面（no readable page）；" + "；".join(warnings))
        raise EmptyInputError("：PDF 没有页面（0 pages）")
    for page in pages:
        page.chars = visible_chars(page)
    require_text(pages, warnings)
    warnings.extend(unmapped_warnings(pages))
    tables = load_table_reader(warnings)
    raw_pages = [page_to_raw(page, settings, tables.find) for page in pages]
    drop_running_lines(raw_pages, settings)  # first: a running header must not keep two table parts apart
    tables.join(raw_pages)
    return RawDocument(
        format=SourceFormat.PDF,
        pages=raw_pages,
        producer=guard_pdfminer(partial(producer_of, document)),
        warnings=warnings,
    )


def guard_pdfminer(step: Callable[[], T]) -> T:
    """Run one pdfminer step: our typed errors pass, any other exception is a damaged file."""
    try:
        return step()
    except BudgetLensError:
        raise
    except Exception as exc:  # pdfminer's failure modes on bad bytes are open-ended
        raise CorruptFileError(f"{type(exc).__name__}: {exc}") from exc


def damage_warnings(data: bytes, document: PDFDocument) -> list[str]:
    """Signs that pdfminer read a damaged file and what it recovered may be incomplete."""
    warnings = []
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        warnings.append("文件末尾没有 %%EOF，可能被截断，内容可能不全或是较早的版本（no %%EOF: truncated?）")
    if any(isinstance(xref, PDFXRefFallback) for xref in document.xrefs):
        warnings.append("交叉引用表损坏，已逐个扫描对象恢复（broken xref, objects found by scanning）")
    return warnings


def require_text(pages: list[PageChars], warnings: list[str]) -> None:
    """No character on any page means a scan, unless the file is damaged: then the text was
    lost with the damage, and "OCR it" would be the wrong advice."""
    if warnings and not any(page.chars for page in pages):
        raise CorruptFileError("页面上没有可读的字符（no readable characters）；" + "；".join(warnings))
    require_text_layer(pages)


def read_page_chars(page_iter: Iterator[PageChars], strict: bool, warnings: list[str]) -> list[PageChars]:
    """Every page pdfminer can read. A failure after some pages ends the document there,
    with a warning, unless `strict`; a failure before the first page is a corrupt file."""
    pages: list[PageChars] = []
    while True:
        try:
            page = guard_pdfminer(partial(next, page_iter, None))
        except CorruptFileError as exc:
            if strict or not pages:
                raise
            warnings.append(f"第 {len(pages) + 1} 页起无法读取，只保留前 {len(pages)} 页（{exc.detail}）")
            return pages
        if page is None:
            return pages
        pages.append(page)


def visible_chars(page: PageChars) -> list[Char]:
    """Characters whose centre lies on the page. Spreadsheet exports carry text clipped off
    the page (a cell overflowing into the next page is drawn on both)."""
    w, h = page.width, page.height
    return [c for c in page.chars if 0 <= (c.x0 + c.x1) / 2 <= w and 0 <= (c.top + c.bottom) / 2 <= h]


def unmapped_warnings(pages: list[PageChars]) -> list[str]:
    """pdfminer prints a glyph it cannot map to Unicode as "(cid:123)": say how many there are,
    since every number or name that contains one is unreadable."""
    total = sum(len(page.chars) for page in pages)
    unmapped = sum(c.text.startswith("(cid:") for page in pages for c in page.chars)
    if unmapped > UNMAPPED_SHARE * total:
        return [f"{unmapped}/{total} 个字符无法映射为 Unicode（unmapped glyphs, shown as (cid:N)）"]
    return []


def load_table_reader(warnings: list[str]) -> TableReader:
    """pdf_tables if it imports; otherwise text only, and the document says so."""
    try:
        from budgetlens.ingest import pdf_tables
    except ImportError as exc:
        warnings.append(f"未识别表格：表格模块不可用（tables not read: {type(exc).__name__}: {exc}）")
        return TableReader(find=lambda page, words: [], join=lambda pages: None)
    return TableReader(find=pdf_tables.find_tables, join=pdf_tables.join_continued_tables)


def page_to_raw(page: PageChars, settings: PdfSettings, find_tables: FindTables) -> RawPage:
    """One page: its tables, the lines of the words outside them, in reading order."""
    words = chars_to_words(
        page.chars, settings.word_gap, tolerance=settings.line_overlap, word_margin=settings.word_margin
    )
    tables = find_tables(page, words)
    boxes = [t.bbox for t in tables if t.bbox]
    free = [w for w in words if not any(inside(w, box) for box in boxes)] if boxes else words
    lines = words_to_lines(free, tolerance=settings.line_overlap)
    items: list[RawLine | RawTable] = [
        text_line_to_raw(line, page.number, number) for number, line in enumerate(lines, start=1)
    ]
    items.extend(tables)
    items.sort(key=lambda item: (item.bbox[1], item.bbox[0]) if item.bbox else (0.0, 0.0))
    return RawPage(number=page.number, items=items, width=page.width, height=page.height)


def inside(word: Word, box: BBox) -> bool:
    x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    x0, top, x1, bottom = box
    return x0 - INSIDE_SLACK <= x <= x1 + INSIDE_SLACK and top - INSIDE_SLACK <= y <= bottom + INSIDE_SLACK


def text_line_to_raw(line: TextLine, page: int, number: int) -> RawLine:
    """Bold when most of its characters are."""
    bold = sum(len(w.text) if w.bold else -len(w.text) for w in line.words) > 0
    return RawLine(line.text, page, number, bbox=line.bbox, font_size=round(line.size, 2), bold=bold)


def drop_running_lines(pages: list[RawPage], settings: PdfSettings) -> None:
    """Remove running headers/footers and page numbers from the top and bottom bands.

    Line numbers are not changed: a line keeps the number it has on the physical page.
    """
    candidates = [
        (page.number or 0, band, item)
        for page in pages
        for item in page.items
        if isinstance(item, RawLine) and (band := band_of(item, page, settings.band))
    ]
    doomed = running_lines(candidates, len(pages), settings) | page_number_lines(candidates, len(pages))
    for page in pages:
        page.dropped.extend(item.text for item in page.items if id(item) in doomed)
        page.items = [item for item in page.items if id(item) not in doomed]


def band_of(line: RawLine, page: RawPage, band: float) -> str | None:
    """'top' or 'bottom' when the line lies wholly in that band of the page."""
    if line.bbox is None or not page.height:
        return None
    _, top, _, bottom = line.bbox
    if bottom <= band * page.height:
        return "top"
    if top >= (1 - band) * page.height:
        return "bottom"
    return None


def running_key(text: str) -> str:
    """The text a running header has on every page: page numbers and edge digits masked."""
    return RUNNING_DIGITS.sub("#", "".join(text.split()))


def running_lines(candidates: list[Candidate], n_pages: int, settings: PdfSettings) -> set[int]:
    """Lines whose masked text repeats in the same band on many pages (ids). A line with no
    word left after masking ("3", "- 3 -") is a page number or nothing: page_number_lines decides."""
    keyed = [(page, (band, running_key(line.text)), line) for page, band, line in candidates]
    keyed = [(page, key, line) for page, key, line in keyed if any(ch.isalnum() for ch in key[1])]
    pages_of: defaultdict[tuple[str, str], set[int]] = defaultdict(set)
    for page, key, _ in keyed:
        pages_of[key].add(page)
    need = max(settings.min_repeats, ceil(settings.repeat_share * n_pages))
    return {id(line) for _, key, line in keyed if len(pages_of[key]) >= need}


def page_number_of(text: str) -> tuple[int, bool] | None:
    """(number, bare) if the whole text is a page number; bare means digits alone."""
    text = text.strip()
    for form in PAGE_NUMBER_FORMS:
        if (match := form.fullmatch(text)) is None:
            continue
        number, total = int(match["n"]), match.groupdict().get("of")
        if total is None or number <= int(total):
            return number, text.isdigit()
    return None


def page_number_lines(candidates: list[Candidate], n_pages: int) -> set[int]:
    """Lines that are page numbers (ids). A bare number counts only when another page's
    number keeps the same distance to the page index: a lone "2" may be a table cell."""
    found = [(page, line, number) for page, _, line in candidates if (number := page_number_of(line.text))]
    offsets = Counter(value - page for page, _, (value, bare) in found if bare)
    return {
        id(line)
        for page, line, (value, bare) in found
        if not bare or offsets[value - page] >= min(2, n_pages)
    }
