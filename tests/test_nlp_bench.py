"""The benchmark CLI runs in-process and reports both speeds and their ratio."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from budgetlens.nlp import bench
from tests.conftest import seed_path


def test_nlp_bench_main_reports_speeds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(seed_path("003"), tmp_path / "003.txt")
    assert bench.main(["--seeds", str(tmp_path), "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "jieba alone" in out
    assert "x jieba" in out


def test_nlp_bench_main_without_seeds_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        bench.main(["--seeds", str(tmp_path)])
    assert exc.value.code == 2


@pytest.mark.parametrize(
    ("text", "narrative"),
    [("标题\n\n单位：万元\t\t\n正文 1.5 万元。\n", "标题\n正文 1.5 万元。"), ("a\tb\n", "")],
)
def test_nlp_bench_text_to_narrative(text: str, narrative: str) -> None:
    assert bench.text_to_narrative(text) == narrative
