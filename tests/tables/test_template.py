"""Entry templates: locked, validated, and a filled one reads back as typed."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped,unused-ignore]
import pytest

from cascade.load.tables import COLUMNS, INFO_COLUMNS, PERIOD_LABELS, header_key, read_table
from cascade.scoring.template import LABELS, TemplateRow, write_template

ROWS = (
    TemplateRow(
        "LAW/2-1",
        "=ร้อยละของคดีที่แล้วเสร็จ",
        "ร้อยละ",
        Decimal("80"),
        tuple(Decimal(t) for t in ("70", "75", "80", "85", "90")),
        collector="สมชาย ใจดี",
    ),
    TemplateRow(
        "LAW/A3",
        "ระดับความสำเร็จของการจัดทำแผน",
        "ระดับ",
        milestones=("แต่งตั้งคณะทำงาน", "ร่างแผน", "รับฟังความเห็น", "เสนออนุมัติ", "ประกาศใช้"),
        kind="level",
    ),
    TemplateRow(
        "LAW/2-5",
        "ร้อยละของเรื่องร้องเรียนที่แก้ไขแล้วเสร็จ",
        "ร้อยละ",
        Decimal("90.5"),
        (Decimal("80"), Decimal("90.5")),
        kind="formula",
        variables=("completed", "received"),
    ),
    TemplateRow("LAW/2-6", "จำนวนสัญญาที่ตรวจ", "สัญญา", Decimal("12")),
    TemplateRow("LAW/2-7", "ไม่ได้กรอก", "ร้อยละ", Decimal("1")),
)
EXPECTED = [
    {"kpi": "LAW/2-1", "value": "72.5", "evidence": "https://drive.example/ev1"},
    {"kpi": "LAW/A3", "level": "3.5"},
    {"kpi": "LAW/2-5", "values": {"completed": "45", "received": "0.1"}},
    {"kpi": "LAW/2-6", "status": "n/a", "remark": "ไม่มีสัญญาในไตรมาสนี้"},
]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_labels_read_back_as_their_columns(lang: str) -> None:
    labels = LABELS[lang]
    for key in ("kpi", "value", "level", "status", "evidence", "remark"):
        assert COLUMNS[header_key(labels[key])] == key
    for key in ("name", "unit", "target", "criteria", "collector"):
        assert header_key(labels[key]) in INFO_COLUMNS
    assert header_key(labels["period"]) in PERIOD_LABELS


def _header(sheet: Any) -> dict[str, int]:
    for row in sheet.iter_rows():
        names = {str(c.value): c.column for c in row if c.value is not None}
        if "ตัวชี้วัด" in names or "kpi" in names:
            return names
    raise AssertionError("no header row")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_xlsx_round_trip(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "2569-Q2-LAW.xlsx"
    write_template(ROWS, path, period="2569-Q2", fmt="xlsx", lang=lang)
    book = openpyxl.load_workbook(path)
    sheet = book[LABELS[lang]["sheet"]]
    col = _header(sheet)
    labels = LABELS[lang]
    first = min(c.row for c in sheet["A"] if c.value == "LAW/2-1")
    sheet.cell(first, col[labels["value"]]).value = 72.5
    sheet.cell(first, col[labels["evidence"]]).value = "https://drive.example/ev1"
    sheet.cell(first + 1, col[labels["level"]]).value = 3.5
    sheet.cell(first + 2, col["completed"]).value = 45
    sheet.cell(first + 2, col["received"]).value = 0.1
    sheet.cell(first + 3, col[labels["status"]]).value = "n/a"
    sheet.cell(first + 3, col[labels["remark"]]).value = "ไม่มีสัญญาในไตรมาสนี้"
    book.save(path)
    result = read_table(path.read_bytes(), "actuals/2569-Q2-LAW.xlsx")
    assert result.diagnostics == []
    assert result.documents == [{"kind": "Actuals", "period": "2569-Q2", "results": EXPECTED}]
    assert result.cells is not None
    assert result.cells[("results", 0, "value")] == (first, col[labels["value"]])


def test_csv_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "2569-Q2-LAW.csv"
    write_template(ROWS, path, period="2569-Q2", fmt="csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    col = {name: i for i, name in enumerate(rows[0])}
    assert rows[1][col["ชื่อตัวชี้วัด"]] == "'=ร้อยละของคดีที่แล้วเสร็จ"  # neutralised
    assert rows[1][col["ค่าเป้าหมาย"]] == "80"
    rows[1][col["ผลการดำเนินงาน"]] = "72.5"
    rows[1][col["หลักฐาน"]] = "https://drive.example/ev1"
    rows[2][col["ระดับ"]] = "3.5"
    rows[3][col["completed"]] = "45"
    rows[3][col["received"]] = "0.1"
    rows[4][col["สถานะ"]] = "n/a"
    rows[4][col["หมายเหตุ"]] = "ไม่มีสัญญาในไตรมาสนี้"
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    result = read_table(out.getvalue().encode("utf-8-sig"), "2569-Q2-LAW.csv")
    assert result.diagnostics == []
    assert result.documents == [{"kind": "Actuals", "period": "2569-Q2", "results": EXPECTED}]


def test_untouched_template_reads_as_nothing_reported(tmp_path: Path) -> None:
    path = tmp_path / "2569-Q2.xlsx"
    write_template(ROWS, path, period="2569-Q2", fmt="xlsx")
    result = read_table(path.read_bytes(), path.name)
    assert result.documents == [{"kind": "Actuals", "period": "2569-Q2", "results": []}]


def test_xlsx_is_locked_validated_and_prefilled(tmp_path: Path) -> None:
    path = tmp_path / "2569-Q2.xlsx"
    write_template(ROWS, path, period="2569-Q2", fmt="xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["ผลการดำเนินงาน", "วิธีกรอก"]
    sheet = book["ผลการดำเนินงาน"]
    assert sheet.protection.sheet and book["วิธีกรอก"].protection.sheet
    assert sheet["B1"].value == "2569-Q2"
    col = _header(sheet)
    row = min(c.row for c in sheet["A"] if c.value == "LAW/2-1")
    target = sheet.cell(row, col["ค่าเป้าหมาย"])
    assert target.value == 80 and target.data_type == "n" and target.protection.locked
    assert sheet.cell(row, col["ชื่อตัวชี้วัด"]).value.startswith("'=")
    assert sheet.cell(row, col["เกณฑ์การให้คะแนน"]).value == "70 / 75 / 80 / 85 / 90"
    value = sheet.cell(row, col["ผลการดำเนินงาน"])
    level = sheet.cell(row, col["ระดับ"])
    assert not value.protection.locked and level.protection.locked
    assert not sheet.cell(row + 1, col["ระดับ"]).protection.locked
    assert sheet.cell(row + 1, col["เกณฑ์การให้คะแนน"]).value.startswith("1. แต่งตั้งคณะทำงาน\n2.")
    assert not sheet.cell(row + 2, col["received"]).protection.locked
    assert sheet.cell(row, col["received"]).protection.locked
    rules = {
        (dv.type, dv.formula1, dv.formula2): str(dv.sqref)
        for dv in sheet.data_validations.dataValidation
    }
    coordinate = sheet.cell(row + 1, col["ระดับ"]).coordinate
    assert rules[("decimal", "0", "5")] == coordinate
    assert value.coordinate in rules[("decimal", "-1E+18", "1E+18")].split()
    assert sheet.cell(row, col["สถานะ"]).coordinate in rules[("list", '"reported,n/a"', None)]
    assert sheet.column_dimensions["B"].width >= 40


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a period"):
        write_template(ROWS, tmp_path / "2569-Q9.csv", period="2569-Q9", fmt="csv")
    with pytest.raises(ValueError, match="must contain the period"):
        write_template(ROWS, tmp_path / "LAW.csv", period="2569-Q2", fmt="csv")
    with pytest.raises(ValueError, match="must contain the period"):
        write_template(ROWS, tmp_path / "2569-Q1.csv", period="2569-Q2", fmt="csv")
    with pytest.raises(ValueError, match="language"):
        write_template(ROWS, tmp_path / "2569-Q2.csv", period="2569-Q2", fmt="csv", lang="fr")
    clash = TemplateRow("LAW/9", "x", kind="formula", variables=("target", "b"))
    with pytest.raises(ValueError, match="'target'"):
        write_template([clash], tmp_path / "2569-Q2.csv", period="2569-Q2", fmt="csv")
    assert list(tmp_path.iterdir()) == []
