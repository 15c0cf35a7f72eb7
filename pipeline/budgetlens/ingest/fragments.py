"""HTML fragments inside converter text and table cells: tags out, tick boxes kept.

Converters leave `<p>…</p>`, `<b>`, `<br>` and `<input type="checkbox" checked>`
in their text. Tags go; paragraph breaks become spaces; each checkbox becomes a
Checkbox (label = the option text just before it) and a ☑/☐ mark in the text.
"""

from __future__ import annotations

import html
import re

from budgetlens.document import Checkbox

CHECKBOX = re.compile(r"<input\b[^>]*type=[\"']?checkbox[^>]*>", re.IGNORECASE)
BREAK = re.compile(r"</p\s*>|<br\s*/?>|</div\s*>|</li\s*>", re.IGNORECASE)
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
BOLD = re.compile(r"^\s*<(b|strong)>", re.IGNORECASE)


def strip_fragments(text: str) -> tuple[str, list[Checkbox]]:
    """Plain text of a line or cell and the checkboxes it holds."""
    boxes: list[Checkbox] = []
    pieces: list[str] = []
    last = 0
    for match in CHECKBOX.finditer(text):
        before = _plain(text[last:match.start()])
        checked = re.search(r"\bchecked\b", match.group(), re.IGNORECASE) is not None
        boxes.append(Checkbox(label=before.strip(), checked=checked))
        pieces.append(before + ("☑" if checked else "☐"))
        last = match.end()
    pieces.append(_plain(text[last:]))
    return "".join(pieces).strip(), boxes


def _plain(text: str) -> str:
    return html.unescape(TAG.sub("", BREAK.sub(" ", text)))


def starts_bold(text: str) -> bool:
    return BOLD.match(text) is not None
