"""Rebuild the sample PDFs from their .txt sources: `python -m budgetlens.sample.build [--out DIR]`.

The .txt files are the source of truth (written by hand, errors documented in ERRORS.md); the PDFs
beside them are generated and committed so users need no reportlab. reportlab is a dev/test
dependency, so it is imported only when a build actually runs.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

SAMPLE_DIR = Path(__file__).resolve().parent
DEPARTMENT = "示例市示例区数据资源管理局"


@dataclass(frozen=True)
class SampleDoc:
    stem: str
    title: str


DOCS = (
    SampleDoc("dept_final_2024", f"{DEPARTMENT}2024年度部门决算"),
    SampleDoc("perf_target_2025", f"{DEPARTMENT}2025年项目支出绩效目标申报表"),
)


def build_all(out_dir: Path, src_dir: Path = SAMPLE_DIR) -> list[Path]:
    """Render every sample .txt in `src_dir` to `<stem>.pdf` in `out_dir`; returns the PDF paths."""
    from budgetlens.sample.render import PdfSpec, build_pdf  # lazy: reportlab is optional

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for doc in DOCS:
        text = (src_dir / f"{doc.stem}.txt").read_text(encoding="utf-8")
        pdf_path = out_dir / f"{doc.stem}.pdf"
        build_pdf(PdfSpec(text, pdf_path, DEPARTMENT, doc.title))
        written.append(pdf_path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m budgetlens.sample.build", description=__doc__)
    parser.add_argument("--out", type=Path, default=SAMPLE_DIR, help="output folder (default: beside the .txt)")
    args = parser.parse_args(argv)
    try:
        import reportlab  # noqa: F401
    except ImportError:
        print(
            "budgetlens.sample.build needs reportlab (a dev/test dependency): pip install -e '.[test]'",
            file=sys.stderr,
        )
        return 2
    for path in build_all(args.out):
        print(f"{path}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
