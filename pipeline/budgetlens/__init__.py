"""BudgetLens: read Chinese budget / final-account disclosures and check them."""

__version__ = "0.1.0"
