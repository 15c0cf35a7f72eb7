"""Ingest stage: bytes → RawDocument, whatever the format.

`read_source` decides the reader by content first and file name second: a file
called .pdf that holds an HTML error page must fail as such, and a .txt that is
really HTML must be read as HTML.
"""

from __future__ import annotations

from pathlib import PurePath

from budgetlens.document import SourceFormat
from budgetlens.errors import EmptyInputError, UnsupportedFormatError
from budgetlens.ingest.base import RawDocument

SUFFIXES = {
    ".pdf": SourceFormat.PDF,
    ".txt": SourceFormat.TEXT,
    ".text": SourceFormat.TEXT,
    ".md": SourceFormat.MARKDOWN,
    ".markdown": SourceFormat.MARKDOWN,
    ".html": SourceFormat.HTML,
    ".htm": SourceFormat.HTML,
}
BINARY_MAGIC = {
    b"PK\x03\x04": "ZIP/Office 文件",
    b"\x89PNG": "PNG 图片",
    b"\xff\xd8\xff": "JPEG 图片",
    b"GIF8": "GIF 图片",
    b"\xd0\xcf\x11\xe0": "旧版 Office 文件",
    b"Rar!": "RAR 压缩包",
}


def sniff_format(data: bytes, name: str) -> SourceFormat:
    """The format to read `data` as: by magic bytes, then by suffix, then by a look at the text."""
    if not data.strip():
        raise EmptyInputError()
    if data.lstrip()[:5] == b"%PDF-":
        return SourceFormat.PDF
    for magic, label in BINARY_MAGIC.items():
        if data.startswith(magic):
            raise UnsupportedFormatError(f"{label}（{name}）")
    by_suffix = SUFFIXES.get(PurePath(name).suffix.lower())
    if by_suffix is SourceFormat.PDF:
        return SourceFormat.PDF  # the PDF reader says precisely why it is not one
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or (by_suffix is None and b"<body" in head):
        return SourceFormat.HTML
    return by_suffix or SourceFormat.TEXT


def read_source(data: bytes, name: str) -> RawDocument:
    fmt = sniff_format(data, name)
    if fmt is SourceFormat.PDF:
        from budgetlens.ingest.pdf import read_pdf

        return read_pdf(data)
    if fmt is SourceFormat.HTML:
        from budgetlens.ingest.html import read_html

        return read_html(data)
    from budgetlens.ingest.text import read_text

    return read_text(data, fmt)
