"""Converter text → layout blocks, so the sample PDFs are drawn from the same .txt users can read.

The sample .txt files follow the converter-text conventions of the real seeds: tab-separated table rows,
blank lines between paragraphs, no page markers. This module decides what each run of lines *is*
(cover line, 目录 entry, part heading, table caption, note, table, paragraph) with a few rules kept as data
below; rendering is someone else's job (`render.py`), so this module needs no reportlab.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Block kinds, in the order the rules below are tried.
PART_HEADING = re.compile(r"^第[一二三四五六七八九十]+部分")
TABLE_NUMBER = re.compile(r"^公开\s*\d+\s*表$")
NOTE_START = "注："
NOTE_CONTINUATION = re.compile(r"^\d+\.\s")
TOC_TITLE = "目 录"
FORM_TITLE_MARK = "# "
CAPTION_MAX_CHARS = 30
HEADING_MAX_CHARS = 40
CHECKBOX = re.compile(r"<input\b[^>]*?/?>")
HTML_TAG = re.compile(r"</?(?:b|p|br)\s*/?>")
CHECKED, UNCHECKED = "√", "□"  # STSong-Light has no ☑/☐ glyphs


@dataclass
class ScanState:
    """Where we are in the document: still on the cover page, or inside the 目录."""

    cover: bool
    toc: bool = False


@dataclass
class Block:
    """One layout unit: `kind` says how to draw it; `text` for lines, `rows` for tables and 目录."""

    kind: str
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    page_break: bool = False


def clean_cell(text: str) -> str:
    """Checkbox inputs → √/□ and stray converter HTML removed: what a reader of the PDF sees."""
    text = CHECKBOX.sub(lambda m: CHECKED if "checked" in m.group() else UNCHECKED, text)
    return HTML_TAG.sub("", text).strip()


def text_to_blocks(text: str) -> list[Block]:
    """Split converter text into blocks; consecutive tab lines become one table block."""
    lines = text.split("\n")
    blocks: list[Block] = []
    state = ScanState(cover=TOC_TITLE in text)
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line and not state.toc:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append([clean_cell(c) for c in lines[i].split("\t")])
                i += 1
            blocks.append(Block("table", rows=rows))
            continue
        if line.strip():
            blocks.append(line_to_block(line.strip(), _next_text(lines, i), blocks, state))
        i += 1
    return blocks


def _next_text(lines: list[str], i: int) -> str:
    """The next non-blank line after `i` (captions are recognised by the 公开NN表 line that follows)."""
    for line in lines[i + 1 :]:
        if line.strip():
            return line.strip()
    return ""


def line_to_block(line: str, following: str, previous: list[Block], state: ScanState) -> Block:
    """Classify one non-table line (updates `state` on entering and leaving the 目录)."""
    if line == TOC_TITLE:
        state.cover, state.toc = False, True
        return Block("toc_title", line, page_break=True)
    if state.toc:
        if "\t" in line:
            entry, _, page = line.rpartition("\t")
            return Block("toc_entry", rows=[[entry, page]])
        state.toc = False
    if state.cover:
        return Block("cover", line)
    if PART_HEADING.match(line):
        return Block("part", line, page_break=True)
    if line.startswith(FORM_TITLE_MARK):
        return Block("title", line[len(FORM_TITLE_MARK) :])
    if TABLE_NUMBER.match(line):
        return Block("table_number", line)
    if line.startswith(("部门：", "单位：", "单位名称：")) and len(line) <= HEADING_MAX_CHARS:
        return Block("meta", line)
    if line.endswith("表") and len(line) <= CAPTION_MAX_CHARS:
        return Block("caption", line, page_break=bool(TABLE_NUMBER.match(following)))
    last = previous[-1].kind if previous else ""
    if line.startswith(NOTE_START) or (last == "note" and NOTE_CONTINUATION.match(line)):
        return Block("note", line)
    if len(line) <= HEADING_MAX_CHARS and "。" not in line and not line.endswith("："):
        return Block("heading", line)  # 一、… / （一）… / 项目绩效总目标: short and no sentence end
    return Block("body", line)
