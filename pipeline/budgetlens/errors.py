"""Typed, coded errors.

Every way a document can fail has one stable code and one `error.type` string that
ends up in the output record, so a user can count failures by kind with one query
(`SELECT error.type, count(*) ...`). Messages say what happened and what to do.
"""

from __future__ import annotations

from enum import Enum


class ErrorType(str, Enum):
    """The `error.type` field of an error record."""

    EMPTY = "empty"  # zero bytes, or nothing but whitespace
    ENCRYPTED = "encrypted"  # PDF needs a password we do not have
    NO_TEXT_LAYER = "no_text_layer"  # scanned PDF: pages but no characters
    CORRUPT = "corrupt"  # truncated or malformed file of a known format
    UNSUPPORTED = "unsupported"  # not a format we read (e.g. an image, a zip)
    DECODE = "decode"  # text whose encoding we cannot determine
    NOT_FOUND = "not_found"  # path vanished or is unreadable
    INTERNAL = "internal"  # a bug of ours: the message carries the exception


class BudgetLensError(Exception):
    """Base class: carries a stable code and an error type for the output record."""

    code = "E000"
    error_type = ErrorType.INTERNAL
    template = "内部错误：{detail}"

    def __init__(self, detail: str = "", **context: object) -> None:
        self.detail = detail
        self.context = context
        super().__init__(f"[{self.code}] " + self.template.format(detail=detail, **context))


class EmptyInputError(BudgetLensError):
    code = "E001"
    error_type = ErrorType.EMPTY
    template = "文件为空（empty file）{detail}"


class EncryptedPdfError(BudgetLensError):
    code = "E002"
    error_type = ErrorType.ENCRYPTED
    template = "PDF 已加密，无法读取（encrypted PDF, password required）{detail}"


class NoTextLayerError(BudgetLensError):
    code = "E003"
    error_type = ErrorType.NO_TEXT_LAYER
    template = "PDF 没有文本层，可能是扫描件，需要先 OCR（no text layer; OCR first）{detail}"


class CorruptFileError(BudgetLensError):
    code = "E004"
    error_type = ErrorType.CORRUPT
    template = "文件损坏或被截断（corrupt or truncated file）：{detail}"


class UnsupportedFormatError(BudgetLensError):
    code = "E005"
    error_type = ErrorType.UNSUPPORTED
    template = "不支持的文件格式（unsupported format）：{detail}"


class DecodeError(BudgetLensError):
    code = "E006"
    error_type = ErrorType.DECODE
    template = "无法识别文本编码（cannot determine text encoding）：{detail}"


class SourceNotFoundError(BudgetLensError):
    code = "E007"
    error_type = ErrorType.NOT_FOUND
    template = "文件不存在或不可读（file not found or unreadable）：{detail}"


class InternalError(BudgetLensError):
    """A bug of ours, reported in the record so the batch goes on."""

    code = "E999"
    error_type = ErrorType.INTERNAL
    template = "内部错误，请报告此问题（internal error, please report）：{detail}"
