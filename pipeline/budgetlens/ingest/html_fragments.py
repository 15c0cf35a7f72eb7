"""HTML → plain text with paragraph breaks and tick boxes, for a cell, a line or a page element.

Converters leave `<p>…</p>`, `<b>`, `<br>` and `<input type="checkbox" checked="">`
in their text, and scraped pages are made of the same things. One walker serves
both the text reader (fragments inside TSV cells and lines) and the HTML reader
(the content of a <td> or a <p>), so a tick box reads the same in either.

Paragraphs (<p>, <div>, <br>, <li>…) become "\n" inside the text; each checkbox
becomes a ☑/☐ mark in place of the tag and a Checkbox whose label is the option
text printed before it ("1. 运转类 ☑ 2. 特定目标类本级支出 ☐"), or after it when
the boxes lead ("☑ 是 ☐ 否"). Entities are unescaped. Only known tag names count
as markup: "<4680起" and "<10人" in a target value are text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from budgetlens.document import Checkbox

CHECKED, UNCHECKED = "☑", "☐"
BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
    "blockquote", "section", "article", "header", "footer", "dd", "dt", "dl", "caption", "hr", "title",
})
CELL_TAGS = frozenset({"td", "th"})
BOLD_TAGS = frozenset({"b", "strong", "h1", "h2", "h3", "h4", "h5", "h6", "th"})
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head"})
KNOWN_TAG = re.compile(
    r"</?(?:p|b|strong|br|input|i|em|u|span|div|font|sup|sub|li|ul|ol|table|tr|td|th|h[1-6]|a|hr|pre|center)"
    r"(?:\s[^<>]*)?/?>", re.IGNORECASE,
)
ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.IGNORECASE)
SPACES = re.compile(r"[ \t\r\n\f\v]+")  # HTML white space; NBSP is content and stays
SPACES_NOT_BREAK = re.compile(r"[ \t\r\f\v]+")
BLANK_AROUND_BREAK = re.compile(r" *\n[ \n]*")


@dataclass(slots=True)
class Content:
    """What a piece of HTML says: text with "\n" between paragraphs, its tick boxes, and boldness."""

    text: str
    checkboxes: list[Checkbox] = field(default_factory=list)
    bold: bool = False


def has_markup(text: str) -> bool:
    tags = "<" in text and KNOWN_TAG.search(text) is not None
    return tags or ("&" in text and ENTITY.search(text) is not None)


def fragment_to_content(text: str) -> Content:
    """Plain text of a converter line or cell; text without markup comes back unchanged but stripped."""
    if not has_markup(text):
        return Content(text.strip())
    if "<" not in text or KNOWN_TAG.search(text) is None:
        return Content(html.unescape(text).strip())
    return node_to_content(BeautifulSoup(text, "html.parser"))


def node_to_content(node: Tag) -> Content:
    """Walk an element in document order: text, paragraph breaks, tick boxes."""
    walker = _Walker()
    walker.walk(node)
    return walker.result()


class _Walker:
    """Collects text pieces; a tick box splits the text into the segments its label is taken from."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.segments: list[list[str]] = [[]]  # text between tick boxes, for their labels
        self.marks: list[bool] = []
        self.plain_chars = 0  # visible characters outside any bold element
        self.bold_chars = 0

    def walk(self, node: Tag, bold: bool = False) -> None:
        for child in node.children:
            if isinstance(child, Comment) or not isinstance(child, (NavigableString, Tag)):
                continue
            if isinstance(child, NavigableString):
                self._text(str(child), bold)
            elif child.name in SKIP_TAGS:
                continue
            elif child.name == "br":
                self._text("\n", bold)
            elif child.name == "input":
                self._input(child)
            else:
                self._element(child, bold)

    def _element(self, tag: Tag, bold: bool) -> None:
        block = tag.name in BLOCK_TAGS
        if block:
            self._text("\n", bold)
        self.walk(tag, bold or tag.name in BOLD_TAGS)
        if block:
            self._text("\n", bold)
        elif tag.name in CELL_TAGS:
            self._text(" ", bold)

    def _text(self, text: str, bold: bool) -> None:
        if text != "\n":
            text = SPACES.sub(" ", text)
        visible = len(text.strip())
        if bold:
            self.bold_chars += visible
        else:
            self.plain_chars += visible
        self.pieces.append(text)
        self.segments[-1].append(text)

    def _input(self, tag: Tag) -> None:
        if str(tag.get("type", "")).lower() not in ("checkbox", "radio"):
            return
        checked = tag.has_attr("checked")
        self.marks.append(checked)
        self.pieces.append(CHECKED if checked else UNCHECKED)
        self.segments.append([])

    def result(self) -> Content:
        text = BLANK_AROUND_BREAK.sub("\n", SPACES_NOT_BREAK.sub(" ", "".join(self.pieces))).strip()
        labels = [" ".join("".join(seg).split()) for seg in self.segments]
        leading = bool(labels[0])  # labels printed before their boxes (the converter forms)
        boxes = [
            Checkbox(label=labels[i] if leading else labels[i + 1], checked=checked)
            for i, checked in enumerate(self.marks)
        ]
        return Content(text, boxes, bold=self.bold_chars > 0 and self.plain_chars == 0)
