"""Scraped HTML pages → RawDocument: block text as lines, <table> as cell grids.

BeautifulSoup with the stdlib parser (no compiled dependency) tolerates the broken
markup of government sites. Lines carry the source line of their element; merged
cells (rowspan/colspan) appear once at their top-left position, as in every reader.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from budgetlens.document import Checkbox, SourceFormat
from budgetlens.ingest.base import RawCell, RawDocument, RawItem, RawLine, RawPage, RawTable
from budgetlens.ingest.encoding import decode_bytes

BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "td", "th", "title", "br")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6", "title")


def read_html(data: bytes) -> RawDocument:
    decoded = decode_bytes(data)
    soup = BeautifulSoup(decoded.text, "html.parser")
    for junk in soup(["script", "style", "noscript"]):
        junk.decompose()
    items: list[RawItem] = []
    _walk(soup.body or soup, items)
    return RawDocument(format=SourceFormat.HTML, pages=[RawPage(number=None, items=items)],
                       encoding=decoded.encoding)


def _walk(node: Tag, items: list[RawItem]) -> None:
    """Tables become grids; other block elements whose children are inline become lines."""
    for child in node.children:
        if not isinstance(child, Tag):
            continue
        if child.name == "table":
            items.append(table_to_raw(child))
        elif any(isinstance(c, Tag) and (c.name in BLOCKS or c.name == "table") for c in child.descendants):
            _walk(child, items)
        else:
            text = " ".join(child.get_text(" ").split())
            if text:
                items.append(RawLine(text=text, page=None, number=child.sourceline or 0,
                                     bold=child.name in HEADINGS or child.find(["b", "strong"]) is not None))


def table_to_raw(table: Tag) -> RawTable:
    occupied: set[tuple[int, int]] = set()
    cells: list[RawCell] = []
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    for r, tr in enumerate(rows):
        c = 0
        for td in tr.find_all(["td", "th"], recursive=False):
            while (r, c) in occupied:
                c += 1
            rs, cs = _span(td, "rowspan"), _span(td, "colspan")
            occupied.update((r + i, c + j) for i in range(rs) for j in range(cs))
            boxes = _checkboxes(td)  # before the text: _cell_text replaces the inputs by ☑/☐
            cells.append(RawCell(row=r, col=c, text=_cell_text(td), row_span=rs, col_span=cs, checkboxes=boxes))
            c += cs
    n_cols = max((col for _, col in occupied), default=-1) + 1
    n_rows = max((row for row, _ in occupied), default=-1) + 1
    return RawTable(cells=cells, n_rows=n_rows, n_cols=n_cols, method="html",
                    first_line=table.sourceline or 0)


def _span(td: Tag, name: str) -> int:
    try:
        return max(1, int(str(td.get(name, "1")).strip() or 1))
    except ValueError:
        return 1


def _cell_text(td: Tag) -> str:
    for box in td.find_all("input", attrs={"type": "checkbox"}):
        box.replace_with("☑" if box.has_attr("checked") else "☐")
    return " ".join(td.get_text(" ").split())


def _checkboxes(td: Tag) -> list[Checkbox]:
    boxes = []
    for box in td.find_all("input", attrs={"type": "checkbox"}):
        label = box.previous_sibling
        text = label.get_text(" ") if isinstance(label, Tag) else str(label or "")
        boxes.append(Checkbox(label=" ".join(text.split()), checked=box.has_attr("checked")))
    return boxes
