"""JSON Lines writer: one record per line, flushed as it goes.

A crash in document 900 of 1000 must not lose the 899 already done, so every
record is written and flushed before the next document starts (jsonlines'
`flush=True`). Output is UTF-8 with Chinese kept readable, keys in model order.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import IO

import jsonlines

from budgetlens.output.record import DocumentRecord

_dumps = partial(json.dumps, ensure_ascii=False, separators=(",", ":"))


class RecordWriter:
    """Append records to a .jsonl file (or a text stream such as stdout)."""

    def __init__(self, target: Path | IO[str]) -> None:
        self._file: IO[str] | None = None
        if isinstance(target, Path):
            self._file = target.open("w", encoding="utf-8", newline="\n")
            target = self._file
        self._writer = jsonlines.Writer(target, flush=True, dumps=_dumps)
        self.count = 0

    def write(self, record: DocumentRecord) -> None:
        self._writer.write(record.model_dump(mode="json"))
        self.count += 1

    def close(self) -> None:
        self._writer.close()
        if self._file is not None:
            self._file.close()

    def __enter__(self) -> RecordWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
