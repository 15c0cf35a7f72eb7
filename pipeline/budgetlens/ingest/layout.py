"""Characters → words → text lines, for one PDF page.

A chain of pure functions in the pdfplumber manner (`chars_to_words`,
`words_to_lines`), each testable alone. A "word" here is a run of characters with
no visible gap: Chinese has no spaces, so a gap wider than `word_gap` × the
character size is what separates two table cells or two columns of text.
"""

from __future__ import annotations

from ast import literal_eval
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from statistics import median

from budgetlens.document import BBox
from budgetlens.ingest.pdf_chars import Char, TextBox


@dataclass(slots=True)
class Word(TextBox):
    bold: bool = False


@dataclass(slots=True)
class TextLine:
    words: list[Word] = field(default_factory=list)

    @property
    def text(self) -> str:
        return join_words(self.words)

    @property
    def bbox(self) -> BBox:
        return (
            min(w.x0 for w in self.words),
            min(w.top for w in self.words),
            max(w.x1 for w in self.words),
            max(w.bottom for w in self.words),
        )

    @property
    def size(self) -> float:
        return median(w.size for w in self.words)


BOLD_MARKERS = ("bold", "heavy", "black", "heiti", "simhei", "黑体", ",b")


@lru_cache(maxsize=1024)
def is_bold(fontname: str) -> bool:
    """Bold by font name. WPS writes Chinese names as GBK bytes, which pdfminer hands
    over as their repr ("b'ABCDEE+\\xba\\xda\\xcc\\xe5'" = 黑体): decode those first."""
    name = fontname
    if name.startswith(("b'", 'b"')):
        try:
            name = literal_eval(name).decode("gb18030", errors="replace")
        except (ValueError, SyntaxError):
            name = fontname  # not a bytes repr after all: match the raw name
    name = name.lower()
    return any(marker in name for marker in BOLD_MARKERS)


def _same_row(a: Char | Word, top: float, bottom: float, tolerance: float) -> bool:
    """Vertical overlap of more than `tolerance` of the smaller height."""
    overlap = min(a.bottom, bottom) - max(a.top, top)
    return overlap >= tolerance * min(a.bottom - a.top, bottom - top)


def cluster_rows(items: list, tolerance: float = 0.5) -> list[list]:
    """Group items (chars or words) into rows by vertical overlap, top to bottom."""
    rows: list[list] = []
    bounds: list[tuple[float, float]] = []
    for item in sorted(items, key=lambda c: (round(c.top, 1), c.x0)):
        for i in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            if _same_row(item, *bounds[i], tolerance):
                rows[i].append(item)
                top, bottom = bounds[i]
                bounds[i] = (min(top, item.top), max(bottom, item.bottom))
                break
        else:
            rows.append([item])
            bounds.append((item.top, item.bottom))
    for row in rows:
        row.sort(key=lambda c: c.x0)
    return rows


def chars_to_words(
    chars: list[Char], word_gap: float = 0.6, *, tolerance: float = 0.5, word_margin: float = 0.1
) -> list[Word]:
    """Join horizontal characters into words, splitting where the gap is wide.

    `tolerance` is the vertical overlap (share of the smaller height) that puts two
    characters on one row, and `word_margin` the gap (× char size) that separates two
    Latin/digit words ("Page 1", two narrow number columns): pdfminer's
    `LAParams.line_overlap` and `word_margin`, same meanings. pdf_chars drops space
    glyphs, so a gap is all that is left of a space.
    """
    words: list[Word] = []
    for row in cluster_rows([c for c in chars if c.upright], tolerance):
        current = [row[0]]
        for prev, char in pairwise(row):
            gap, size = char.x0 - prev.x1, max(char.size, prev.size)
            if gap > word_gap * size or (
                gap > word_margin * size and _latin(prev.text[-1]) and _latin(char.text[0])
            ):
                words.append(_make_word(current))
                current = []
            current.append(char)
        words.append(_make_word(current))
    return words


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _make_word(chars: list[Char]) -> Word:
    return Word(
        text="".join(c.text for c in chars),
        x0=min(c.x0 for c in chars),
        x1=max(c.x1 for c in chars),
        top=min(c.top for c in chars),
        bottom=max(c.bottom for c in chars),
        size=median(c.size for c in chars),
        bold=sum(is_bold(c.fontname) for c in chars) * 2 > len(chars),
    )


def words_to_lines(words: list[Word], *, tolerance: float = 0.5) -> list[TextLine]:
    """Group words into text lines, top to bottom, left to right."""
    return [TextLine(row) for row in cluster_rows(words, tolerance)]


def join_words(words: list[Word]) -> str:
    """Text of words on one line: a space only between two Latin/digit runs."""
    out = ""
    for word in words:
        if out and out[-1].isascii() and out[-1].isalnum() and word.text[:1].isascii() \
                and word.text[:1].isalnum():
            out += " "
        out += word.text
    return out
