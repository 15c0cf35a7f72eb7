"""The bundled sample: shipped, rebuilt byte-for-byte, readable in its PDF text layer, and arithmetically
right everywhere except the errors planted on purpose (errors.json). This test is what keeps the sample
honest: it re-adds every table with a plain TSV split and recomputes every stated percentage."""

from __future__ import annotations

import json
import re
from decimal import ROUND_HALF_UP, Decimal
from importlib.resources import files
from pathlib import Path

import pytest

from budgetlens.sample import SAMPLE_FILES, errors_path, sample_paths

PKG = files("budgetlens.sample")
DEPT, FORM = "dept_final_2024", "perf_target_2025"
MAX_PDF_BYTES = 300_000
T01, T02, T03, T04, T05, T06, T09 = (
    "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算明细表", "财政拨款“三公”经费支出决算表",
)  # fmt: skip
AMOUNT = r"(\d[\d,]*(?:\.\d+)?)"
HEADER = "示例市示例区数据资源管理局"  # the running header on every PDF page


def text(stem: str) -> str:
    return (PKG / f"{stem}.txt").read_text(encoding="utf-8")


def num(cell: str) -> Decimal:
    return Decimal(cell.replace(",", "")) if cell.strip() else Decimal(0)


def pct(part: Decimal, whole: Decimal, shown: str) -> str:
    places = Decimal(1).scaleb(-len(shown.partition(".")[2]))
    return str((part / whole * 100).quantize(places, ROUND_HALF_UP))


ERRORS = json.loads(errors_path().read_text(encoding="utf-8"))


def documented(check: str) -> list[dict]:
    return [e for e in ERRORS if e["check"] == check]


def tab_blocks(source: str) -> dict[str, list[list[str]]]:
    """Runs of tab lines, keyed by the table title above them (else by their first cell)."""
    out, rows, caption = {}, [], ""
    for line in [*source.split("\n"), ""]:
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            out[caption or rows[0][0]] = rows
            rows, caption = [], ""
        if line.endswith("表") and not line.startswith(("公开", "#")) and len(line) < 30:
            caption = line
    return out


TABLES = tab_blocks(text(DEPT))
FORM_TABLES = tab_blocks(text(FORM))


# --- shipped, deterministic, readable ----------------------------------------------------------------------


def test_sample_files_are_shipped_as_package_resources():
    paths = sample_paths()
    assert [p.name for p in paths] == list(SAMPLE_FILES)
    assert all(p.stat().st_size > 0 for p in paths)
    for pdf in (p for p in paths if p.suffix == ".pdf"):
        assert pdf.read_bytes().startswith(b"%PDF-")
        assert pdf.stat().st_size < MAX_PDF_BYTES
    assert (PKG / "ERRORS.md").is_file()


def test_sample_build_is_deterministic(tmp_path):
    pytest.importorskip("reportlab")
    from budgetlens.sample.build import build_all

    for pdf in build_all(tmp_path):
        assert pdf.read_bytes() == (PKG / pdf.name).read_bytes(), f"{pdf.name} differs: rebuild and commit it"


@pytest.fixture(scope="module")
def pdf_pages():
    from pdfminer.high_level import extract_text
    from pdfminer.pdfpage import PDFPage

    pages = {}
    for stem in (DEPT, FORM):
        path = Path(str(PKG / f"{stem}.pdf"))
        with path.open("rb") as fh:
            count = sum(1 for _ in PDFPage.get_pages(fh))
        pages[stem] = [re.sub(r"\s+", "", extract_text(path, page_numbers=[i])) for i in range(count)]
    return pages


def test_sample_pdf_text_layer_has_every_narrative_line(pdf_pages):
    """Every non-table line of the .txt is in the PDF text, in order within the line, once the running
    header and "- N -" footer are taken off each page (paragraphs that cross a page join up again)."""
    for stem, pages in pdf_pages.items():
        joined = "".join(p.removeprefix(HEADER).removesuffix(f"-{n}-") for n, p in enumerate(pages, 1))
        lines = [line for line in text(stem).split("\n") if line.strip() and "\t" not in line]
        missing = [line for line in lines if re.sub(r"\s+", "", line.removeprefix("# ")) not in joined]
        assert len(lines) > 5
        assert missing == []


@pytest.mark.parametrize(
    ("stem", "cell"),  # table cells come out of pdfminer cell by cell, not row by row
    [(DEPT, "28.60"), (DEPT, "1,268.10"), (FORM, "1.一次性项目□2.常年项目√3.延续性项目□"), (FORM, "10家≥")],
)
def test_sample_pdf_text_layer_has_table_cells(pdf_pages, stem, cell):
    assert cell in "".join(pdf_pages[stem])


def page_bands(path: str, band: float = 50.0) -> list[tuple[str, str]]:
    """(top band text, bottom band text) per page: where a running header and a page footer sit."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    out = []
    for page in extract_pages(path):
        boxes = [b for b in page if isinstance(b, LTTextContainer)]
        top = "".join(b.get_text() for b in boxes if b.y0 > page.height - band)
        bottom = "".join(b.get_text() for b in boxes if b.y1 < band)
        out.append((re.sub(r"\s+", "", top), re.sub(r"\s+", "", bottom)))
    return out


@pytest.mark.parametrize("stem", [DEPT, FORM])
def test_sample_pdf_pages_carry_running_header_and_footer(stem):
    bands = page_bands(str(PKG / f"{stem}.pdf"))
    assert len(bands) > 1
    assert bands == [(HEADER, f"-{n}-") for n in range(1, len(bands) + 1)]


def test_sample_pdf_table_continues_with_repeated_header(pdf_pages):
    pages = pdf_pages[DEPT]
    first = next(i for i, p in enumerate(pages) if "公开04表" in p)
    follow = pages[first + 1]
    assert T04 not in follow  # the title is not repeated…
    assert all(word in follow for word in ("栏次", "国有资本经营预算财政拨款", "总计"))  # …the header rows are


def test_sample_toc_page_numbers_match_pdf(pdf_pages):
    toc = next(rows for rows in TABLES.values() if rows[0][0].startswith("第一部分"))
    assert len(toc) == 28
    for entry, page in ((row[0].rstrip("."), row[1]) for row in toc):
        on_page = pdf_pages[DEPT][int(page) - 1]
        assert entry.replace(" ", "") in on_page or entry.split("、", 1)[-1] in on_page, entry


# --- arithmetic: tables --------------------------------------------------------------------------------------


def by_code(rows: list[list[str]]) -> dict[str, list[str]]:
    return {r[0]: r for r in rows if r[0] == "合计" or re.fullmatch(r"\d{3}(\d\d){0,2}", r[0])}


def tree_failures(title: str, first_col: int) -> set[tuple]:
    """Each row: first column = Σ the others; 合计 = Σ类, 类 = Σ款, 款 = Σ项, in every column."""
    rows, out = by_code(TABLES[title]), set()
    header = next(r for r in TABLES[title] if r[0] == "科目代码")
    for code, row in rows.items():
        if num(row[first_col]) != sum(map(num, row[first_col + 1 :])):
            out.add(("table_sum_mismatch", title, code, header[first_col]))
        kids = [r for c, r in rows.items() if c != "合计" and len(c) == len(code) + 2 and c.startswith(code)]
        kids = kids if code != "合计" else [r for c, r in rows.items() if len(c) == 3]
        for col in range(2, len(row)):
            if kids and num(row[col]) != sum(num(k[col]) for k in kids):
                out.add(("table_sum_mismatch", title, code, header[col]))
    return out


def rows_by_label(title: str, label_col: int, line_col: int, value_col: int) -> dict[str, Decimal]:
    return {r[label_col]: num(r[value_col]) for r in TABLES[title] if r[line_col].isdigit()}


def test_sample_totals_tables_add_up():
    income, spend = rows_by_label(T01, 0, 1, 2), rows_by_label(T01, 3, 4, 5)
    assert income["本年收入合计"] == sum(v for k, v in income.items() if re.match("[一二三四五六七八]、", k))
    assert income["总计"] == income["本年收入合计"] + income["使用非财政拨款结余和专用结余"] + income["年初结转和结余"]
    assert spend["本年支出合计"] == sum(v for k, v in spend.items() if re.match("[一二三四五六七八九十]+、", k))
    assert spend["总计"] == spend["本年支出合计"] + spend["结余分配"] + spend["年末结转和结余"] == income["总计"]
    assert income["本年收入合计"] == num(by_code(TABLES[T02])["合计"][2])
    assert spend["本年支出合计"] == num(by_code(TABLES[T03])["合计"][2])
    f_in, f_out = rows_by_label(T04, 0, 1, 2), rows_by_label(T04, 3, 4, 5)
    for row in TABLES[T04][3:]:
        assert num(row[5]) == num(row[6]) + num(row[7]) + num(row[8])
    assert f_in["本年收入合计"] == sum(v for k, v in f_in.items() if re.match("[一二三]、", k))
    sub = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")
    assert f_in["年初财政拨款结转和结余"] == sum(f_in[k] for k in sub)
    assert f_out["本年支出合计"] == sum(v for k, v in f_out.items() if re.match("[一二三四五六七八九十]+、", k))
    assert f_in["总计"] == f_in["本年收入合计"] + f_in["年初财政拨款结转和结余"]
    assert f_out["总计"] == f_out["本年支出合计"] + f_out["年末财政拨款结转和结余"] == f_in["总计"]
    assert f_out["本年支出合计"] == num(by_code(TABLES[T05])["合计"][2])


def economic_items() -> dict[str, Decimal]:
    items = {}
    for row in TABLES[T06][2:-1]:
        for g in range(0, 9, 3):
            if row[g]:
                items[row[g]] = num(row[g + 2])
    return items


def test_sample_detail_tables_add_up_except_documented():
    found = tree_failures(T02, 2) | tree_failures(T03, 2) | tree_failures(T05, 2)
    items, names = economic_items(), {r[g]: r[g + 1] for r in TABLES[T06] for g in range(0, 9, 3)}
    for code in (c for c in items if len(c) == 3):
        if items[code] != sum(v for c, v in items.items() if len(c) == 5 and c.startswith(code)):
            found.add(("table_sum_mismatch", T06, f"{code} {names[code]}", "决算数"))
    want = {(e["check"], e["where"]["table"], e["where"]["row"], e["where"]["column"]) for e in documented(
        "table_sum_mismatch")}  # fmt: skip
    assert found == want


def test_sample_cross_table_identities_hold():
    items, last = economic_items(), TABLES[T06][-1]
    assert num(last[2]) == items["301"] + items["303"]
    assert num(last[8]) == items["302"] + items["307"] + items["310"] + items["399"]
    t03, t05 = by_code(TABLES[T03]), by_code(TABLES[T05])
    assert num(t05["合计"][3]) == num(last[2]) + num(last[8])
    assert all(num(row[2]) <= num(t03[code][2]) for code, row in t05.items())
    sg = [num(c) for c in TABLES[T09][-1]]
    for side in (sg[:6], sg[6:]):
        assert side[0] == side[1] + side[2] + side[5]
        assert side[2] == side[3] + side[4]
    assert (sg[10], sg[11]) == (items["30231"], items["30217"])


# --- arithmetic: narrative -----------------------------------------------------------------------------------

RATE = re.compile(
    rf"(?:年初预算|全年预算数?)为{AMOUNT}万元，(?:支出决算|执行数)为{AMOUNT}万元，完成(?:年初|全年)?预算的([\d.]+)%"
)
CHANGE = re.compile(rf"(增加|减少){AMOUNT}万元，(增长|下降)([\d.]+)%")
SHARE = re.compile(rf"{AMOUNT}万元，占([^0-9，。；]*?)的?([\d.]+)%")


def share_bases(line: str) -> dict[str, Decimal]:
    """What each "占…的" names: table totals, or (procurement) a whole stated earlier in the line."""
    t05 = by_code(TABLES[T05])["合计"]
    bases = {"本年收入": rows_by_label(T01, 0, 1, 2)["本年收入合计"], "本年支出合计": rows_by_label(T01, 3, 4, 5)[
        "本年支出合计"], "": num(t05[2]), "一般公共预算项目支出总额": num(t05[4])}  # fmt: skip
    for name in ("政府采购支出总额", "授予中小企业合同金额"):
        if m := re.search(name + AMOUNT + "万元", line):
            bases[name] = num(m.group(1))
    return bases


def narrative_failures(line: str) -> set[str]:
    out = set()
    for m in RATE.finditer(line):
        plan, actual, rate = num(m.group(1)), num(m.group(2)), m.group(3)
        out |= {"wrong_completion_rate"} if pct(actual, plan, rate) != rate else set()
        rest = line[m.end() :]
        word = re.search("大于|小于|持平|等于", rest)
        allowed = {"持平", "等于"} if actual == plan else {"大于" if actual > plan else "小于"}
        out |= {"direction_mismatch"} if word and word.group() not in allowed else set()
        out |= {"unexplained_variance"} if actual != plan and "原因" not in rest else set()
    for m in CHANGE.finditer(line):
        now = num(re.findall(AMOUNT + "万元", line[: m.start()])[-1])
        diff = num(m.group(2)) * (1 if m.group(1) == "增加" else -1)
        out |= {"direction_mismatch"} if (m.group(1) == "增加") != (m.group(3) == "增长") else set()
        out |= {"wrong_change_rate"} if pct(abs(diff), now - diff, m.group(4)) != m.group(4) else set()
    bases = share_bases(line)
    for m in SHARE.finditer(line):
        base = bases[m.group(2)]  # a share that does not fit its amount: the amount was misquoted (E1)
        out |= {"narrative_table_mismatch"} if pct(num(m.group(1)), base, m.group(3)) != m.group(3) else set()
    return out


def test_sample_narrative_percentages_and_reasons_hold_except_documented():
    found = {(check, line) for line in text(DEPT).split("\n") if "\t" not in line for check in narrative_failures(line)}
    want = {(e["check"], line) for e in ERRORS if e["file"] == f"{DEPT}.txt" and e["check"] != "table_sum_mismatch"
            for line in text(DEPT).split("\n") if e["where"]["snippet"] in line}  # fmt: skip
    assert found == want


@pytest.mark.parametrize(
    ("pattern", "cell"),
    [
        (r"(?<!财政拨款)收、支总计均为" + AMOUNT, lambda: TABLES[T01][-1][2]),
        (r"年度收入合计" + AMOUNT, lambda: by_code(TABLES[T02])["合计"][2]),
        (r"年度支出合计" + AMOUNT, lambda: by_code(TABLES[T03])["合计"][2]),
        (r"一般公共预算财政拨款支出" + AMOUNT, lambda: by_code(TABLES[T05])["合计"][2]),
        (r"公用经费" + AMOUNT, lambda: TABLES[T06][-1][8]),
        (r"财政拨款收、支总计均为" + AMOUNT, lambda: TABLES[T04][-1][2]),
        (r"基本支出" + AMOUNT + "万元，占本年支出合计", lambda: by_code(TABLES[T03])["合计"][3]),
        (r"项目支出" + AMOUNT + "万元，占本年支出合计", lambda: by_code(TABLES[T03])["合计"][4]),
        (r"财政拨款基本支出" + AMOUNT, lambda: by_code(TABLES[T05])["合计"][3]),
        (r"人员经费" + AMOUNT, lambda: TABLES[T06][-1][2]),
        (r"“三公”经费财政拨款支出全年预算为" + AMOUNT, lambda: TABLES[T09][-1][0]),
        (r"支出决算为" + AMOUNT + r"万元，完成全年预算的82", lambda: TABLES[T09][-1][6]),
    ],
)
def test_sample_narrative_amounts_equal_table_cells(pattern, cell):
    claims = re.findall(pattern, text(DEPT))
    assert claims
    errors = {e["observed"] for e in documented("narrative_table_mismatch")}
    assert all(c == cell() or c in errors for c in claims)


def test_sample_project_amounts_by_item_equal_table():
    t05 = by_code(TABLES[T05])
    for name, actual in re.findall(r"（款）(.+?)（项）。年初预算为[\d,.]+万元，支出决算为" + AMOUNT, text(DEPT)):
        assert next(r[2] for r in t05.values() if r[1] == name) == actual


# --- the form ------------------------------------------------------------------------------------------------

CALC = re.compile(r"([\d,.]+(?:[×+][\d,.]+)+)=([\d,.]+)万元")


def test_sample_form_funds_and_weights_add_up():
    sources = FORM_TABLES["2025年预算申报项目资金来源"]
    detail = FORM_TABLES["2025年项目支出明细及依据"]
    budget = num(FORM_TABLES["项目名称"][-1][3])
    assert num(sources[1][2]) == sum(num(r[2]) for r in sources[2:]) == budget
    assert sum(num(r[3]) for r in detail[1:-1]) == num(detail[-1][3]) == budget
    year = FORM_TABLES["年度绩效目标表"]
    assert sum(int(r[8]) for r in year[2:-1]) == int(year[-1][8]) == 100
    assert year[2][6] == f"≤{detail[-1][3]}万元"


def test_sample_form_calculations_hold_except_documented():
    found = set()
    for expr, stated in CALC.findall(text(FORM)):
        terms = [[num(x) for x in part.split("×")] for part in expr.split("+")]
        value = sum(t[0] * (t[1] if len(t) > 1 else 1) for t in terms)
        if value != num(stated):
            found.add(f"{expr}={stated}万元")
    assert found == {e["where"]["snippet"] for e in documented("calculation_mismatch")}


def test_sample_form_targets_are_quantified_except_documented():
    year = FORM_TABLES["年度绩效目标表"]
    well_formed = re.compile(r"^(?:[≥≤=<>]\s*[\d,.]+\s*\S*|\d+%-\d+%)$")
    cells = [(r[3], year[1][c], r[c]) for r in year[2:-1] for c in (4, 5, 6)]
    cells += [(r[3], "指标值", r[4]) for r in FORM_TABLES["长期绩效目标表"][1:]]
    bad = {(row, col): value for row, col, value in cells if not well_formed.match(value)}
    want = {(e["where"]["row"], e["where"]["column"]): e["observed"] for e in ERRORS if e["file"] == f"{FORM}.txt"
            and e["check"] in ("malformed_target", "target_not_quantified")}  # fmt: skip
    assert bad == want


def test_sample_errors_are_documented_with_unique_snippets():
    assert len(ERRORS) == 8
    assert len({e["id"] for e in ERRORS}) == 8
    md = (PKG / "ERRORS.md").read_text(encoding="utf-8")
    for e in ERRORS:
        assert text(e["file"].removesuffix(".txt")).count(e["where"]["snippet"]) == 1, e["id"]
        assert f"| {e['id']} | {e['file']} | `{e['check']}` |" in md
