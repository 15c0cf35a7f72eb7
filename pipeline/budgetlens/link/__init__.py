"""Narrative ↔ table linking: which table cell a claim's figure refers to (subjects → lines → cells)."""

from budgetlens.link.link import Link, link_claims

__all__ = ["Link", "link_claims"]
