"""Command line: a thin layer over library functions, `main(argv) -> int`.

    budgetlens analyze FILES_OR_DIRS... --output results.jsonl
    budgetlens analyze --sample --output out.jsonl
    budgetlens schema [--write]
    budgetlens train [--gold annotations] [--output model.json]   (the reason judge)
    budgetlens evaluate reasons [--gold annotations] [--shared ../shared] [--split train]
    budgetlens evaluate indicators [--split dev] [--errors]
    budgetlens indicators results.jsonl --csv indicators.csv   (one row per indicator target)

Exit status: 0 when the batch completed (documents that failed have error
records), 2 for usage errors, 3 when the output cannot be written.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
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
    if args.command == "train":
        return run_train(args)
    if args.command == "indicators":
        return run_indicators(args)
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
    evaluate.add_argument("task", choices=["tables", "extraction", "findings", "variances", "reasons", "indicators"],
                          help="what to evaluate")
    evaluate.add_argument("--gold", type=Path, default=Path("annotations"), help="annotations directory")
    evaluate.add_argument("--shared", type=Path, default=Path("../shared"), help="where the real documents are")
    evaluate.add_argument("--json", type=Path, help="also write the summary as JSON here")
    evaluate.add_argument("--split", action="append",
                          help="indicators: only this gold split (repeatable); reasons: the first one (default test)")
    evaluate.add_argument("--errors", action="store_true", help="indicators: list the errors of every split")
    evaluate.add_argument("--misses", action="append", metavar="SPLIT",
                          help="extraction, variances: print the misses of this split (repeatable; default dev / "
                               "train only, so that held-out misses are not read and tuned on)")
    indicators = sub.add_parser("indicators", help="flatten the indicators of a results .jsonl into CSV")
    indicators.add_argument("records", type=Path, help="a .jsonl written by `budgetlens analyze`")
    indicators.add_argument("--csv", required=True, help="output .csv file, or - for stdout")
    train = sub.add_parser("train", help="retrain the reason judge from annotations/reasons (train split only)")
    train.add_argument("--gold", type=Path, default=Path("annotations"), help="annotations directory")
    train.add_argument("--output", type=Path, help="model.json to write (default: the one shipped in the package)")
    train.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
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
    if args.task == "variances":
        return run_evaluate_variances(args)
    if args.task == "reasons":
        return run_evaluate_reasons(args)
    if args.task == "indicators":
        return run_evaluate_indicators(args)
    if args.task == "findings":
        from budgetlens.evaluate import findings

        print(findings.report(findings.evaluate(args.gold / "findings", args.shared)))
        return EXIT_OK
    from budgetlens.evaluate import tables

    scores = tables.evaluate(args.gold / "tables", args.shared)
    return _reported(args, tables.report(scores), lambda: tables.summarise(scores))


def _reported(args: argparse.Namespace, report: str, summary: Callable[[], object]) -> int:
    """Print an evaluation's report; with --json also write its summary there."""
    print(report)
    if args.json:
        args.json.write_text(json.dumps(summary(), ensure_ascii=False, indent=2), "utf-8")
    return EXIT_OK


def run_evaluate_extraction(args: argparse.Namespace) -> int:
    from budgetlens.evaluate import extraction

    scores = extraction.evaluate(args.gold / "extraction", args.shared)
    report = extraction.report(scores, miss_splits=tuple(args.misses or ("dev",)))
    return _reported(args, report, lambda: extraction.summarise(scores))


def run_evaluate_variances(args: argparse.Namespace) -> int:
    """unexplained_variance, then the findings on judged reasons (generic / contradictory), one analysis each."""
    from budgetlens.evaluate import reason_findings, variances

    gold = args.gold / "reasons"
    records = variances.analyze_gold_documents(gold, args.shared)
    scores, judged = variances.evaluate(gold, args.shared, records), reason_findings.evaluate(gold, records)
    shown = tuple(args.misses or ("train",))
    text = variances.report(scores, shown) + "\n\nfindings on judged reasons\n" + reason_findings.report(judged, shown)
    return _reported(args, text, lambda: {"unexplained_variance": variances.summary(scores),
                                          "judged_reasons": reason_findings.summary(judged)})


def run_evaluate_reasons(args: argparse.Namespace) -> int:
    from budgetlens.evaluate import reasons

    split = args.split[0] if args.split else reasons.TEST
    result = reasons.evaluate(args.gold / "reasons", args.shared, split=split)
    return _reported(args, reasons.report(result), result.summary)


def run_evaluate_indicators(args: argparse.Namespace) -> int:
    from budgetlens.evaluate import indicators

    splits = tuple(args.split or ("dev", "test"))
    scores = indicators.evaluate(args.gold / "indicators", args.shared, splits=splits)
    return _reported(args, indicators.report(scores, show_errors=splits if args.errors else ("dev",)),
                     lambda: indicators.summarise(scores))


def run_indicators(args: argparse.Namespace) -> int:
    import jsonlines

    from budgetlens.indicators.export import records_to_rows, write_csv

    try:
        with jsonlines.open(args.records) as reader:
            records = [record for record in reader if record.get("status") == "ok"]
    except (OSError, jsonlines.Error) as exc:
        print(f"budgetlens indicators: cannot read {args.records}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    rows = records_to_rows(records)
    if args.csv == "-":
        count = write_csv(rows, sys.stdout)
    else:
        try:
            with Path(args.csv).open("w", encoding="utf-8", newline="") as out:
                count = write_csv(rows, out)
        except OSError as exc:
            print(f"budgetlens: cannot write {args.csv}: {exc.strerror}", file=sys.stderr)
            return EXIT_OUTPUT
    print(f"{count} indicator rows from {len(records)} documents → {args.csv}", file=sys.stderr)
    return EXIT_OK


def run_train(args: argparse.Namespace) -> int:
    from budgetlens.judge import packaged_model_path
    from budgetlens.judge.train import train_judge

    try:
        report = train_judge(args.gold / "reasons", args.output or packaged_model_path(), seed=args.seed)
    except ValueError as exc:
        print(f"budgetlens train: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"reason judge → {report.output}: {sum(report.rows.values())} train rows {report.rows} from "
          f"{len(report.documents)} documents; model rows {report.model_rows}; {report.settings}; "
          f"cross-validated macro-F1 {report.cv_macro_f1}; left to rules {report.left_out}; "
          f"skipped {len(report.skipped)} unreadable rows")
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
