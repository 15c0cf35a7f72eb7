"""Command line: a thin layer over library functions, `main(argv) -> int`.

    budgetlens analyze FILES_OR_DIRS... --output results.jsonl
    budgetlens analyze --sample --output out.jsonl
    budgetlens schema [--write]

Exit status: 0 when the batch completed (documents that failed have error
records), 2 for usage errors, 3 when the output cannot be written.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from budgetlens import __version__
from budgetlens.analyze import analyze_file
from budgetlens.ingest import SUFFIXES
from budgetlens.output.schema import generate_schema, schema_text, write_schema
from budgetlens.output.writer import RecordWriter

EXIT_OK, EXIT_USAGE, EXIT_OUTPUT = 0, 2, 3


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "analyze":
        return run_analyze(args, parser)
    if args.command == "schema":
        return run_schema(args)
    if args.command == "evaluate":
        return run_evaluate(args)
    parser.print_help()
    return EXIT_USAGE


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="budgetlens", description="预决算公开文件分析 (budget disclosure analysis)")
    parser.add_argument("--version", action="version", version=f"budgetlens {__version__}")
    sub = parser.add_subparsers(dest="command")
    analyze = sub.add_parser("analyze", help="read documents and write one JSON record per document")
    analyze.add_argument("paths", nargs="*", type=Path,
                         help="files or directories (walked for .pdf .txt .md .html .htm)")
    analyze.add_argument("-o", "--output", required=True, help="output .jsonl file, or - for stdout")
    analyze.add_argument("--sample", action="store_true", help="also analyze the bundled sample disclosure")
    analyze.add_argument("-q", "--quiet", action="store_true", help="no per-document progress on stderr")
    schema = sub.add_parser("schema", help="print the JSON Schema of a record")
    schema.add_argument("--write", action="store_true", help="regenerate the schema file shipped in the package")
    evaluate = sub.add_parser("evaluate", help="measure against the hand-made gold in annotations/")
    evaluate.add_argument("task", choices=["tables", "extraction", "findings"], help="what to evaluate")
    evaluate.add_argument("--gold", type=Path, default=Path("annotations"), help="annotations directory")
    evaluate.add_argument("--shared", type=Path, default=Path("../shared"), help="where the real documents are")
    evaluate.add_argument("--json", type=Path, help="also write the summary as JSON here")
    return parser


def collect_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, directories walked recursively for known suffixes; sorted, no duplicates."""
    found: dict[str, Path] = {}
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES:
                    found.setdefault(str(child), child)
        else:
            found.setdefault(str(path), path)
    return list(found.values())


def run_analyze(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    paths = list(args.paths)
    if args.sample:
        from budgetlens.sample import sample_paths

        paths += sample_paths()
    files = collect_paths(paths)
    if not files:
        parser.error("no input: give files or directories, or --sample")
    try:
        writer = RecordWriter(sys.stdout if args.output == "-" else Path(args.output))
    except OSError as exc:
        print(f"budgetlens: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return EXIT_OUTPUT
    with writer:
        counts = analyze_all(files, writer, quiet=args.quiet)
    if not args.quiet:
        print(f"{sum(counts.values())} documents: {counts['ok']} ok, {counts['error']} error → {args.output}",
              file=sys.stderr)
    return EXIT_OK


def analyze_all(files: list[Path], writer: RecordWriter, *, quiet: bool) -> dict[str, int]:
    counts = {"ok": 0, "error": 0}
    for index, path in enumerate(files, start=1):
        started = time.perf_counter()
        record = analyze_file(path)
        writer.write(record)
        counts[record.status] += 1
        if not quiet:
            detail = f" {record.error.type.value}: {record.error.message}" if record.error else ""
            seconds = time.perf_counter() - started
            print(f"[{index}/{len(files)}] {record.status:5} {path} ({seconds:.2f}s){detail}",
                  file=sys.stderr, flush=True)
    return counts


def run_schema(args: argparse.Namespace) -> int:
    if args.write:
        print(write_schema())
    else:
        sys.stdout.write(schema_text(generate_schema()))
    return EXIT_OK


def run_evaluate(args: argparse.Namespace) -> int:
    if args.task == "extraction":
        return run_evaluate_extraction(args)
    if args.task == "findings":
        from budgetlens.evaluate import findings

        print(findings.report(findings.evaluate(args.gold / "findings", args.shared)))
        return EXIT_OK
    from budgetlens.evaluate import tables

    scores = tables.evaluate(args.gold / "tables", args.shared)
    print(tables.report(scores))
    if args.json:
        args.json.write_text(json.dumps(tables.summarise(scores), ensure_ascii=False, indent=2), "utf-8")
    return EXIT_OK


def run_evaluate_extraction(args: argparse.Namespace) -> int:
    from budgetlens.evaluate import extraction

    scores = extraction.evaluate(args.gold / "extraction", args.shared)
    print(extraction.report(scores))
    if args.json:
        args.json.write_text(json.dumps(extraction.summarise(scores), ensure_ascii=False, indent=2), "utf-8")
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
