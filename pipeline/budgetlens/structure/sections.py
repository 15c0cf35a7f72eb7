"""Heading paragraphs → section tree, and offset → innermost section lookup.

The level comes from the numbering style (headings.py), so a tree can be built
with a stack: a heading closes every open section of the same or a deeper level.
Unnumbered bold headings (document titles, "# …" lines) sit at level 0.
"""

from __future__ import annotations

from budgetlens.document import Paragraph, Section
from budgetlens.structure.paragraphs import ParagraphDraft


def build_sections(paragraphs: list[Paragraph], drafts: list[ParagraphDraft], text_end: int) -> list[Section]:
    roots: list[Section] = []
    stack: list[Section] = []
    for paragraph, draft in zip(paragraphs, drafts, strict=True):
        if draft.kind != "heading" or draft.heading is None:
            continue
        heading = draft.heading
        section = Section(
            id=f"sec{_count(roots) + 1}", level=heading.level, number=heading.number or None,
            title=heading.title, span=paragraph.span, end=text_end,
        )
        while stack and stack[-1].level >= section.level:
            stack.pop().end = paragraph.span.start
        (stack[-1].children if stack else roots).append(section)
        stack.append(section)
    return roots


def _count(sections: list[Section]) -> int:
    return sum(1 + _count(s.children) for s in sections)


def iter_sections(sections: list[Section]):
    for section in sections:
        yield section
        yield from iter_sections(section.children)


def section_at(sections: list[Section], offset: int) -> str | None:
    """Id of the innermost section whose range contains `offset`."""
    found: str | None = None
    level = sections
    while True:
        inner = next((s for s in level if s.span.start <= offset < s.end), None)
        if inner is None:
            return found
        found, level = inner.id, inner.children
