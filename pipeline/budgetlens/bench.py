"""Benchmark: pages/s and chars/s over a set of documents, split by stage, and the
ratio of our PDF ingest to pdfminer.six's own layout analysis of the same files.

    python -m budgetlens.bench ../shared/corpus/pdf ../shared/seeds [--json bench.json]

Numbers depend on the machine; record them with the machine (`nproc`, CPU model).
Each file is run once after one warm-up file, in one process.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from collections import defaultdict
from pathlib import Path

from pdfminer.high_level import extract_pages

from budgetlens.analyze import analyze_file
from budgetlens.cli import collect_paths


def pdfminer_seconds(path: Path) -> float:
    """pdfminer.six alone: default LAParams layout analysis of every page."""
    started = time.perf_counter()
    for _ in extract_pages(path):
        pass
    return time.perf_counter() - started


def run(paths: list[Path], compare: bool) -> dict:
    stages: dict[str, float] = defaultdict(float)
    totals = {"documents": 0, "pages": 0, "chars": 0, "seconds": 0.0, "pdf_seconds": 0.0, "pdfminer_seconds": 0.0}
    analyze_file(paths[0])  # warm-up: imports, caches
    for path in paths:
        started = time.perf_counter()
        record = analyze_file(path)
        seconds = time.perf_counter() - started
        totals["documents"] += 1
        totals["seconds"] += seconds
        totals["pages"] += record.source.pages or 1
        totals["chars"] += len(record.text) + sum(len(c.text) for t in record.tables for r in t.rows for c in r)
        for stage, value in record.timings.items():
            stages[stage] += value
        if compare and path.suffix.lower() == ".pdf" and record.status == "ok":
            totals["pdf_seconds"] += seconds
            totals["pdfminer_seconds"] += pdfminer_seconds(path)
    totals["pages_per_s"] = round(totals["pages"] / totals["seconds"], 2)
    totals["chars_per_s"] = round(totals["chars"] / totals["seconds"], 1)
    if totals["pdfminer_seconds"]:
        totals["pdf_ingest_vs_pdfminer"] = round(totals["pdf_seconds"] / totals["pdfminer_seconds"], 3)
    totals["stage_seconds"] = {k: round(v, 3) for k, v in sorted(stages.items())}
    totals["machine"] = f"{platform.machine()} {platform.python_implementation()} {platform.python_version()}"
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m budgetlens.bench", description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--no-compare", action="store_true", help="skip the pdfminer.six baseline")
    parser.add_argument("--json", type=Path, help="write the numbers here too")
    args = parser.parse_args(argv)
    result = run(collect_paths(args.paths), compare=not args.no_compare)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
