"""The CLI in-process: batches go on past bad files, records are written, exit codes are right."""

from __future__ import annotations

from pathlib import Path

import jsonlines
import pytest

from budgetlens.cli import EXIT_OK, EXIT_OUTPUT, collect_paths, main

GOOD_TEXT = "武汉市示例区示例局2023年度部门决算\n\n一、收入支出决算总体情况说明\n\n2023年度收入总计100.00万元。\n"


def _batch(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "sub" / "b.md").write_bytes(GOOD_TEXT.encode("gb18030"))
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "page.pdf").write_text("<!DOCTYPE html><html><body>404</body></html>", encoding="utf-8")
    (folder / "noise.pdf").write_bytes(bytes(range(256)) * 8)
    (folder / "ignored.docx").write_bytes(b"PK\x03\x04")
    return folder


def test_cli_batch_continues_past_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(_batch(tmp_path)), "--output", str(out)]) == EXIT_OK
    with jsonlines.open(out) as reader:
        records = {Path(r["source"]["path"]).name: r for r in reader}
    assert set(records) == {"a.txt", "b.md", "empty.pdf", "page.pdf", "noise.pdf"}
    assert records["a.txt"]["status"] == records["b.md"]["status"] == "ok"
    assert records["b.md"]["source"]["encoding"] in ("gb18030", "gbk", "gb2312")
    assert records["empty.pdf"]["error"]["type"] == "empty"
    assert records["page.pdf"]["error"]["type"] == "unsupported"
    assert records["noise.pdf"]["error"]["type"] in ("unsupported", "corrupt")
    assert "5 documents: 2 ok, 3 error" in capsys.readouterr().err


def test_cli_missing_file_is_an_error_record(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(tmp_path / "nope.pdf"), "-o", str(out), "-q"]) == EXIT_OK
    with jsonlines.open(out) as reader:
        (record,) = list(reader)
    assert record["error"]["type"] == "not_found"


def test_cli_unwritable_output_exits_3(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    target = tmp_path / "no" / "such" / "dir" / "out.jsonl"
    assert main(["analyze", str(tmp_path / "a.txt"), "-o", str(target), "-q"]) == EXIT_OUTPUT


def test_cli_usage_error_exits_2(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["analyze", "-o", str(tmp_path / "out.jsonl")])
    assert exit_info.value.code == 2


def test_cli_collect_paths_walks_sorted_and_dedupes(tmp_path: Path) -> None:
    folder = _batch(tmp_path)
    found = [p.name for p in collect_paths([folder, folder / "a.txt"])]
    assert found == ["a.txt", "empty.pdf", "noise.pdf", "page.pdf", "b.md"]
