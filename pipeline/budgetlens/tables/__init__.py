"""Table understanding: what each column and row of a grid means (issue 4).

So far: column roles read from the header rows (columns.py). Table kinds, full function
codes, row kinds and footnote formulas come next.
"""
