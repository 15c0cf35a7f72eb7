"""RawDocument → Document: the one place where the structure of a disclosure is decided.

Order of work: blocks (paragraphs re-joined, tables) → captions and footnotes
attached to their tables → prose cells of tables as paragraphs → narrative text with per-line offsets → section tree →
sentences → tables finished → metadata. Every step works on typed objects and
every object keeps its page/line/offsets.
"""

from __future__ import annotations

import re

from budgetlens.document import Checkbox, Document, Line, PageInfo, Paragraph, Section, Sentence, Span, Table
from budgetlens.ingest.base import RawDocument, RawLine, RawTable
from budgetlens.structure.cell_prose import with_cell_prose
from budgetlens.structure.meta import detect_meta
from budgetlens.structure.paragraphs import Block, ParagraphDraft, join_texts, separator, to_blocks
from budgetlens.structure.sections import build_sections, section_at
from budgetlens.structure.sentences import Locator, sentence_bounds
from budgetlens.structure.tables import FORMULA, UNIT, Caption, finish_table, read_caption_line

CAPTION_LOOKBACK = 8  # paragraphs above a table that may be its title/code/unit lines
SENTENCE_KINDS = ("text", "list_item", "note", "cell")
DEBRIS_CHARS = 4  # paragraphs this short between a caption and its grid are header debris
NUMBERED_NOTE = re.compile(r"^\d{1,2}\s*[.、．](?!\d)")


def build_document(raw: RawDocument) -> Document:
    blocks = to_blocks(raw)
    captions, footnotes = attach_captions(blocks)
    blocks, captions, footnotes = with_cell_prose(blocks, captions, footnotes)
    drafts = [b for b in blocks if isinstance(b, ParagraphDraft)]
    text, lines, paragraphs = lay_out_text(drafts)
    locator = Locator(lines)
    paragraphs = [p.model_copy(update={"span": locator.span(p.span.start, p.span.end)}) for p in paragraphs]
    sections = build_sections(paragraphs, drafts, len(text))
    _assign_sections(paragraphs, sections)
    tables = _finish_tables(blocks, captions, footnotes, paragraphs, drafts, sections)
    document = Document(
        text=text, pages=_page_infos(raw), lines=lines, paragraphs=paragraphs,
        sentences=split_sentences(paragraphs, text, locator), sections=sections, tables=tables,
        checkboxes=_checkboxes(tables),
    )
    document.meta = detect_meta(document)
    return document


def attach_captions(blocks: list[Block]) -> tuple[dict[int, Caption], dict[int, list[str]]]:
    """For each table (by block index): its caption lines above and its notes below."""
    captions: dict[int, Caption] = {}
    notes: dict[int, list[str]] = {}
    for index, block in enumerate(blocks):
        if isinstance(block, RawTable):
            captions[index] = _caption_above(blocks, index)
            notes[index] = _notes_below(blocks, index)
    return captions, notes


def _caption_above(blocks: list[Block], index: int) -> Caption:
    """Title/code/unit lines above a table; header debris ("收入 支出", "栏 次 1 2") may stand between."""
    caption = Caption()
    seen = 0
    for block in reversed(blocks[max(0, index - 8 * CAPTION_LOOKBACK):index]):
        if isinstance(block, RawTable) or (block.kind == "heading" and caption.title):
            break
        text = join_all(block)
        if len(text) <= DEBRIS_CHARS and not UNIT.search(text):  # stacked header characters ("上","级","补"…),
            continue  # but "单位：元" on a line of its own is the unit
        seen += 1
        if seen > CAPTION_LOOKBACK:
            break
        hits = [read_caption_line(line.text, caption) for line in reversed(block.lines)]
        if all(hits):
            block.kind = "caption"
        elif any(hits) or caption.title is not None:
            break
    return caption


def _notes_below(blocks: list[Block], index: int) -> list[str]:
    notes: list[str] = []
    for block in blocks[index + 1:]:
        if isinstance(block, RawTable) or block.kind == "heading":
            break
        text = join_all(block)
        if block.kind == "note" or (notes and (FORMULA.search(text) or NUMBERED_NOTE.match(text))):
            block.kind = "note"
            notes.append(text)
        else:
            break
    return notes


def join_all(draft: ParagraphDraft) -> str:
    text = ""
    for piece in draft.texts:
        text = join_texts(text, piece)
    return text


def lay_out_text(drafts: list[ParagraphDraft]) -> tuple[str, list[Line], list[Paragraph]]:
    """Concatenate paragraphs (one per line of output text) and record each source line's offsets."""
    text = ""
    lines: list[Line] = []
    paragraphs: list[Paragraph] = []
    for number, draft in enumerate(drafts, start=1):
        if text:
            text += "\n"
        start = len(text)
        for raw, piece in zip(draft.lines, draft.texts, strict=True):
            text += separator(text[start:], piece)
            lines.append(_line(raw, piece, len(text), len(lines)))
            text += piece
        paragraphs.append(Paragraph(id=f"p{number}", kind=draft.kind, text=text[start:],
                                    span={"start": start, "end": len(text)}, cell=draft.cell))
    return text, lines, paragraphs


def _line(raw: RawLine, piece: str, start: int, index: int) -> Line:
    return Line(id=f"l{index + 1}", page=raw.page, number=raw.number, text=piece, bbox=raw.bbox,
                start=start, end=start + len(piece))


def split_sentences(paragraphs: list[Paragraph], text: str, locator: Locator) -> list[Sentence]:
    sentences: list[Sentence] = []
    for paragraph in paragraphs:
        if paragraph.kind not in SENTENCE_KINDS:
            continue
        start = paragraph.span.start
        for s, e in sentence_bounds(text[start:paragraph.span.end], offset=start):
            sentences.append(Sentence(id=f"s{len(sentences) + 1}", paragraph_id=paragraph.id,
                                      section_id=paragraph.section_id, text=text[s:e], span=locator.span(s, e)))
    return sentences


def _assign_sections(paragraphs: list[Paragraph], sections: list[Section]) -> None:
    for paragraph in paragraphs:
        paragraph.section_id = section_at(sections, paragraph.span.start)


def _finish_tables(blocks, captions, footnotes, paragraphs, drafts, sections) -> list[Table]:
    """Finish every raw table; its position in the text is that of the paragraph just above it."""
    paragraph_of = {id(d): p for d, p in zip(drafts, paragraphs, strict=True)}
    tables: list[Table] = []
    last_paragraph: Paragraph | None = None
    for index, block in enumerate(blocks):
        if isinstance(block, ParagraphDraft):
            last_paragraph = paragraph_of[id(block)]
            continue
        table = finish_table(block, f"t{len(tables) + 1}", captions[index], footnotes[index])
        if last_paragraph is not None:
            table.section_id = section_at(sections, last_paragraph.span.start)
            if last_paragraph.kind == "caption":
                table.span = last_paragraph.span
        if block.first_line:  # text sources: where the grid itself starts in the file
            at = last_paragraph.span.end if last_paragraph else 0
            table.span = Span(start=at, end=at, page=block.page, line=block.first_line)
        tables.append(table)
    return tables


def _page_infos(raw: RawDocument) -> list[PageInfo]:
    return [
        PageInfo(number=page.number or 1, width=page.width, height=page.height,
                 n_lines=sum(isinstance(item, RawLine) for item in page.items), dropped=page.dropped)
        for page in raw.pages
    ]


def _checkboxes(tables: list[Table]) -> list[Checkbox]:
    return [box for table in tables for row in table.rows for cell in row for box in cell.checkboxes]
