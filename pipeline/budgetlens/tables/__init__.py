"""Table understanding (issue 4): what each table, column and row of a grid means.

`understand(table)` turns one `document.Table` into the `LogicalTable`s the checks read:
the kind of table (kinds.py), column roles and measures (columns.py), side-by-side layouts
split or stacked (layout.py), full classification codes and levels (codes.py), row kinds and
normalised labels (rows.py) and the footnote formulas (footnotes.py). Words are in lexicon.py.
"""

from budgetlens.tables.model import (
    CodeSystem,
    ColumnInfo,
    Flavour,
    Formula,
    Level,
    LogicalTable,
    Range,
    RowInfo,
    RowKind,
    TableKind,
    Term,
)
from budgetlens.tables.understand import understand, understand_all

__all__ = [
    "CodeSystem",
    "ColumnInfo",
    "Flavour",
    "Formula",
    "Level",
    "LogicalTable",
    "Range",
    "RowInfo",
    "RowKind",
    "TableKind",
    "Term",
    "understand",
    "understand_all",
]
