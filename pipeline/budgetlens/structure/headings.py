"""Recognise headings by their numbering: 第一部分 > 一、 > （一） > 1. > (1).

Chinese official documents number their headings in a fixed hierarchy, so the
numbering alone tells the level. A numbered line is a heading only when it is
short and does not read as a sentence; "1、负责全区……工作。" is a list item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_NUM = "一二三四五六七八九十百零〇两廿"

# (level, pattern); the first group is the number as printed, the rest is the title.
HEADING_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^\s*(第[{_CN_NUM}\d]+部分)\s*[:：、.]?\s*(.*)$")),
    (2, re.compile(rf"^\s*([{_CN_NUM}]+)\s*[、.．]\s*(.+)$")),
    (3, re.compile(rf"^\s*[（(]\s*([{_CN_NUM}]+)\s*[）)]\s*[、.．]?\s*(.+)$")),
    (4, re.compile(r"^\s*(\d{1,2})\s*(?:[、．]|\.(?!\d))\s*(.+)$")),
    (5, re.compile(r"^\s*[（(]\s*(\d{1,2})\s*[）)]\s*[、.．]?\s*(.+)$")),
)

SENTENCE_END = "。！？；!?;"
MAX_HEADING_CHARS = 40
TOC_LEADER = re.compile(r"(\.{3,}|…{2,}|·{3,}|-{4,})\s*\d*\s*$|\s\d{1,3}\s*$")


@dataclass(frozen=True, slots=True)
class HeadingMatch:
    level: int
    number: str
    title: str


def match_numbering(text: str) -> HeadingMatch | None:
    """The numbering of a line, whatever its length (used for list items too)."""
    for level, pattern in HEADING_PATTERNS:
        match = pattern.match(text)
        if match:
            return HeadingMatch(level, match.group(1), match.group(2).strip())
    return None


def match_heading(text: str, *, bold: bool = False) -> HeadingMatch | None:
    """A heading: numbered (or bold), short, and not ending like a sentence."""
    stripped = text.strip().lstrip("-#* ").strip()
    if not stripped or len(stripped) > MAX_HEADING_CHARS or stripped[-1] in SENTENCE_END:
        return None
    if any(mark in stripped for mark in "。；;") or ("，" in stripped and not bold):
        return None
    found = match_numbering(stripped)
    if found and found.title and not found.title[0].isdigit():
        return found
    if bold and not any(ch.isdigit() for ch in stripped[:1]):
        return HeadingMatch(level=0, number="", title=stripped)
    return None


def is_toc_entry(text: str) -> bool:
    """A table-of-contents line: a heading followed by dot leaders or a page number."""
    return bool(TOC_LEADER.search(text.strip())) and match_numbering(text.strip()) is not None


def is_toc_title(text: str) -> bool:
    return re.sub(r"\s+", "", text.strip("#-* ")) in {"目录", "目次"}
