"""Tables through the validate pipeline: problems at file:row:column."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl  # type: ignore[import-untyped,unused-ignore]

from tests.conftest import assert_diags, make_plan


def test_bad_kpi_in_csv_reported_at_its_cell(tmp_path: Path) -> None:
    csv_text = "kpi,value,remark\nORG/1,72.5,ok\nORG/9,80,\n"
    root = make_plan(tmp_path, {"actuals/2569-Q2.csv": csv_text})
    result = assert_diags(root, [("REF001", "actuals/2569-Q2.csv", 3, 1)])
    assert "ORG/9" in result.diagnostics[0].message


def test_valid_csv_actuals_pass(tmp_path: Path) -> None:
    csv_text = "\ufeffตัวชี้วัด,ผลการดำเนินงาน\r\nORG/1,72.5\r\nORG/2,0.1\r\n"
    assert_diags(make_plan(tmp_path, {"actuals/2569-Q2.csv": csv_text}), [])


def test_xlsx_problems_at_their_cells(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {})
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (("รอบการประเมิน", "2569-Q2"), (), ("ชื่อ", "ตัวชี้วัด", "ผล")):
        sheet.append(list(row))
    sheet.append(["a", "ORG/1", "=1+1"])
    sheet.append(["b", "ORG/2", 5])
    out = io.BytesIO()
    book.save(out)
    (root / "actuals").mkdir()
    (root / "actuals" / "2569-Q2-ORG.xlsx").write_bytes(out.getvalue())
    assert_diags(root, [("SPEC005", "actuals/2569-Q2-ORG.xlsx", 4, 3)])


def test_unreadable_tables_are_load_diagnostics(tmp_path: Path) -> None:
    files = {
        "actuals/2569-Q2.csv": 'kpi,value\nORG/1,"1\n',
        "actuals/2569-Q3.xlsx": "not a workbook",
        "actuals/results.csv": "kpi,value\nORG/1,1\n",
    }
    assert_diags(
        make_plan(tmp_path, files),
        [
            ("LOAD010", "actuals/2569-Q2.csv", 2, 7),
            ("LOAD010", "actuals/2569-Q3.xlsx", 1, 1),
            ("LOAD010", "actuals/results.csv", 1, 1),
        ],
    )
