"""Scraped HTML pages → RawDocument: block text as lines, each <table> as a cell grid.

BeautifulSoup with the stdlib parser (no compiled dependency) tolerates the broken
markup of government sites. A block element whose content is all inline becomes
one RawLine per paragraph break; runs of loose inline content between blocks
become lines too. Lines carry the source line of their element (`sourceline`).
Merged cells (rowspan/colspan) appear once, at their top-left position, as in every
reader; cell text and tick boxes come from the same walker as converter fragments
(html_fragments), so "1. 运转类 ☑" reads the same in either source.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, PageElement, Tag

from budgetlens.document import SourceFormat
from budgetlens.ingest.base import RawCell, RawDocument, RawItem, RawLine, RawPage, RawTable
from budgetlens.ingest.encoding import decode
from budgetlens.ingest.html_fragments import BLOCK_TAGS, SKIP_TAGS, node_to_content

CONTAINER_TAGS = BLOCK_TAGS | {"body", "html", "main", "nav", "aside", "form", "fieldset", "center", "td", "th"}


def read_html(data: bytes) -> RawDocument:
    decoded = decode(data)
    soup = BeautifulSoup(decoded.text, "html.parser")
    items: list[RawItem] = []
    if soup.title and soup.title.get_text(strip=True):
        items.extend(element_to_lines(soup.title))
    element_to_items(soup.body or soup, items)
    return RawDocument(format=SourceFormat.HTML, pages=[RawPage(number=None, items=items)],
                       encoding=decoded.encoding, warnings=decoded.warnings)


def element_to_items(node: Tag, items: list[RawItem]) -> None:
    """Walk a container: tables become grids, leaf blocks and loose inline runs become lines."""
    run: list[PageElement] = []
    for child in list(node.children):
        if isinstance(child, Tag) and child.name in SKIP_TAGS:
            continue
        if isinstance(child, Tag) and (child.name == "table" or child.name in CONTAINER_TAGS or _holds_blocks(child)):
            items.extend(_run_to_lines(run))
            run = []
            if child.name == "table":
                items.extend(table_to_items(child))
            elif _holds_blocks(child):
                element_to_items(child, items)
            else:
                items.extend(element_to_lines(child))
        elif isinstance(child, Tag) and child.name == "br":
            items.extend(_run_to_lines(run))  # a <br> ends a loose line
            run = []
        elif isinstance(child, (Tag, NavigableString)):
            run.append(child)
    items.extend(_run_to_lines(run))


def _holds_blocks(tag: Tag) -> bool:
    return tag.find(lambda t: t.name == "table" or t.name in CONTAINER_TAGS) is not None


def element_to_lines(tag: Tag) -> list[RawLine]:
    content = node_to_content(tag)
    bold = content.bold or tag.name in ("h1", "h2", "h3", "h4", "h5", "h6", "title")
    number = tag.sourceline or 0
    return [RawLine(text=part, page=None, number=number, bold=bold)
            for part in content.text.split("\n") if part.strip()]


def _run_to_lines(run: list[PageElement]) -> list[RawLine]:
    """Inline content standing between blocks (text after a <br>, a bare <b>…</b>)."""
    if not any(str(node).strip() for node in run):
        return []
    wrapper = BeautifulSoup("<span></span>", "html.parser").span
    number = _line_of(run[0])
    for node in run:
        wrapper.append(node.extract())  # the walk goes on from a copy of the child list
    lines = element_to_lines(wrapper)
    for line in lines:
        line.number = number
    return lines


def _line_of(node: PageElement) -> int:
    """Source line of a node: a tag's own; for text, the closest tag before it plus the line breaks between."""
    if isinstance(node, Tag):
        return node.sourceline or 0
    text = str(node)
    breaks = text[: len(text) - len(text.lstrip())].count("\n")
    for before in node.previous_elements:
        if isinstance(before, Tag) and before.sourceline:
            return before.sourceline + breaks
        if isinstance(before, NavigableString):
            breaks += str(before).count("\n")
    return 0


def table_to_items(table: Tag) -> list[RawItem]:
    caption = table.find("caption")
    lines = element_to_lines(caption) if caption is not None and caption.find_parent("table") is table else []
    return [*lines, table_to_raw(table)]


def table_to_raw(table: Tag) -> RawTable:
    """Cells placed on a grid, skipping positions that a rowspan/colspan above or left holds."""
    occupied: set[tuple[int, int]] = set()
    cells: list[RawCell] = []
    row_lines: list[int] = []
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    for r, tr in enumerate(rows):
        row_lines.append(tr.sourceline or 0)
        c = 0
        for td in tr.find_all(["td", "th"], recursive=False):
            while (r, c) in occupied:
                c += 1
            rs, cs = _span(td, "rowspan"), _span(td, "colspan")
            occupied.update((r + i, c + j) for i in range(rs) for j in range(cs))
            content = node_to_content(td)
            cells.append(RawCell(row=r, col=c, text=content.text, row_span=rs, col_span=cs,
                                 checkboxes=content.checkboxes))
            c += cs
    n_rows = max(len(rows), max((row for row, _ in occupied), default=-1) + 1)
    n_cols = max((col for _, col in occupied), default=-1) + 1
    row_lines += [row_lines[-1] if row_lines else 0] * (n_rows - len(row_lines))
    return RawTable(cells=cells, n_rows=n_rows, n_cols=n_cols, method="html",
                    first_line=table.sourceline or 0, row_lines=row_lines)


def _span(td: Tag, name: str) -> int:
    """rowspan/colspan as printed; junk ("2px", "") counts as 1, absurd sizes are capped."""
    digits = "".join(ch for ch in str(td.get(name, "1")) if ch.isdigit())[:4]
    return min(max(1, int(digits or 1)), 1000)
