"""Evaluation against hand-made gold in annotations/."""
