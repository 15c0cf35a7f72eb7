"""The bundled sample every new user runs on (`budgetlens analyze --sample`).

A disclosure of a FICTIONAL department (示例市示例区数据资源管理局) written by us in the real formats:
a 2024年度部门决算 (nine tables plus 情况说明) and a 2025年项目支出绩效目标申报表, each as converter
text (.txt, the source of truth) and as a PDF drawn from it (`python -m budgetlens.sample.build`).
Eight errors are planted on purpose and listed in ERRORS.md / errors.json, so a first run shows
what the checks find; everything else adds up (tests/test_sample_files.py re-adds every sum).
No real document was copied: names, projects and figures are invented.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from budgetlens.errors import SourceNotFoundError

SAMPLE_FILES = (
    "dept_final_2024.txt",
    "dept_final_2024.pdf",
    "perf_target_2025.txt",
    "perf_target_2025.pdf",
)
ERRORS_FILE = "errors.json"


def _resource(name: str) -> Path:
    path = Path(str(files(__name__) / name))
    if not path.is_file():
        raise SourceNotFoundError(f"bundled sample file {name} (is budgetlens installed from a zip?)")
    return path


def sample_paths() -> list[Path]:
    """The sample documents (.txt and .pdf of each), as real file paths inside the installed package."""
    return [_resource(name) for name in SAMPLE_FILES]


def errors_path() -> Path:
    """The machine-readable list of the planted errors (what a correct analysis must report)."""
    return _resource(ERRORS_FILE)
