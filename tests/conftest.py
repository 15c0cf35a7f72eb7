"""One global conftest: paths to the real documents in ../shared, skipped cleanly when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS_PDF = SHARED / "corpus" / "pdf"


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not beside this checkout)")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _require(SEEDS)


@pytest.fixture(scope="session")
def corpus_pdf_dir() -> Path:
    return _require(CORPUS_PDF)


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with `prefix` (e.g. "001"); skips when absent."""
    matches = sorted(_require(SEEDS).glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"no seed {prefix}_*.txt in {SEEDS}")
    return matches[0]


def corpus_pdf(name: str) -> Path:
    """A corpus PDF by file name; skips when absent."""
    return _require(_require(CORPUS_PDF) / name)


def synthetic_text(stem: str) -> Path:
    """One of our own fictional disclosures (annotations/synthetic/<stem>.txt), shipped with the repository."""
    return REPO / "annotations" / "synthetic" / f"{stem}.txt"
