"""xlsx actuals: numbers as typed, formulas as text, hostile workbooks refused."""

from __future__ import annotations

import io
import struct
import time
import tracemalloc
import zipfile
from decimal import Decimal

import openpyxl  # type: ignore[import-untyped,unused-ignore]
import pytest

from cascade.load.tables import MAX_ROWS, number_text
from cascade.spec.validate import validate_document
from tests.tables.helpers import document, problems, read, replace_member, workbook_bytes

NAME = "actuals/2569-Q2.xlsx"
SHEET = "xl/worksheets/sheet1.xml"
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def test_numbers_read_as_typed() -> None:
    data = workbook_bytes(
        ("kpi", "value", "level", "x"),
        ("ORG/1", 0.1, None, 100),
        ("ORG/2", 72.5, 3.5, 1e-7),
        ("ORG/3", "72.50", None, -5),
    )
    assert document(read(data, NAME))["results"] == [
        {"kpi": "ORG/1", "value": "0.1", "values": {"x": "100"}},
        {"kpi": "ORG/2", "value": "72.5", "level": "3.5", "values": {"x": "0.0000001"}},
        {"kpi": "ORG/3", "value": "72.50", "values": {"x": "-5"}},
    ]


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (0.1, "0.1"),
        (72.5, "72.5"),
        (1e-7, "0.0000001"),
        (100, "100"),
        (100.0, "100"),
        (3.5, "3.5"),
        (float("72.599999999999994"), "72.6"),  # what Excel may store for 72.6
        (float("0.10000000000000001"), "0.1"),
        (1e20, "100000000000000000000"),
        (-0.0, "0"),
        (Decimal("0.7250") * 100, "72.5"),
    ],
)
def test_number_text(number: float | int | Decimal, text: str) -> None:
    assert number_text(number) == text


def test_stored_number_text_with_17_digits() -> None:
    data = workbook_bytes(("kpi", "value"), ("ORG/1", 1))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read(SHEET).decode()
    xml = xml.replace("<v>1</v>", "<v>0.10000000000000001</v>")
    assert document(read(replace_member(data, SHEET, xml.encode()), NAME))["results"] == [
        {"kpi": "ORG/1", "value": "0.1"}
    ]


def test_formula_cells_are_text_never_evaluated() -> None:
    data = workbook_bytes(("kpi", "value", "x"), ("ORG/1", "=1+1", "=SUM(A1:A2)"))
    doc = document(read(data, NAME))
    assert doc["results"] == [{"kpi": "ORG/1", "value": "=1+1", "values": {"x": "=SUM(A1:A2)"}}]
    _, findings = validate_document(doc, NAME, 0)
    assert {f.path for f in findings} == {("results", 0, "value"), ("results", 0, "values", "x")}
    assert all("is not a number" in f.message for f in findings)


def test_percentage_cell_reads_as_shown() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["kpi", "value"])
    sheet.append(["ORG/1", 0.725])
    sheet["B2"].number_format = "0.0%"
    out = io.BytesIO()
    book.save(out)
    assert document(read(out.getvalue(), NAME))["results"] == [{"kpi": "ORG/1", "value": "72.5%"}]


def test_booleans_and_dates_are_text() -> None:
    import datetime as dt

    data = workbook_bytes(("kpi", "value", "evidence"), ("ORG/1", True, dt.date(2026, 1, 31)))
    assert document(read(data, NAME))["results"] == [
        {"kpi": "ORG/1", "value": "TRUE", "evidence": "2026-01-31T00:00:00"}
    ]


def test_sheet_named_actuals_is_preferred() -> None:
    book = openpyxl.Workbook()
    book.active.title = "notes"
    book.active.append(["nothing here"])
    actuals = book.create_sheet("ผลการดำเนินงาน")
    actuals.append(["ตัวชี้วัด", "ผล"])
    actuals.append(["ORG/1", 5])
    out = io.BytesIO()
    book.save(out)
    assert document(read(out.getvalue(), NAME))["results"] == [{"kpi": "ORG/1", "value": "5"}]


def test_title_rows_and_period_cell() -> None:
    rows = (("รอบการประเมิน", "2569-Q2", "แบบกรอก"), ("วิธีกรอก ...",), (), ("kpi", "value"))
    data = workbook_bytes(*rows, ("ORG/1", 1))
    result = read(data, NAME)
    assert document(result)["results"] == [{"kpi": "ORG/1", "value": "1"}]
    assert result.cells is not None and result.cells[("period",)] == (1, 2)
    other = workbook_bytes(("period", "2569-Q1"), ("kpi", "value"), ("ORG/1", 1))
    result = read(other, NAME)
    assert problems(result) == [("LOAD010", 1, 2)]
    assert "2569-Q1" in result.diagnostics[0].message


def test_not_a_zip() -> None:
    result = read(b"kpi,value\nORG/1,1\n", NAME)
    assert problems(result) == [("LOAD010", 1, 1)]
    assert "not an Excel workbook" in result.diagnostics[0].message
    old = read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, NAME)
    assert problems(old) == [("LOAD010", 1, 1)] and ".xls" in old.diagnostics[0].message


def test_damaged_workbooks_are_diagnostics() -> None:
    good = workbook_bytes(("kpi", "value"), ("ORG/1", 1))
    assert problems(read(good[: len(good) // 2], NAME)) == [("LOAD010", 1, 1)]
    assert problems(read(replace_member(good, SHEET, b"<worksheet"), NAME)) == [("LOAD010", 1, 1)]
    no_sheet = io.BytesIO()
    with zipfile.ZipFile(no_sheet, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert problems(read(no_sheet.getvalue(), NAME)) == [("LOAD010", 1, 1)]


def test_entity_expansion_refused() -> None:
    good = workbook_bytes(("kpi", "value"), ("ORG/1", 1))
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f'<worksheet xmlns="{NS}"><sheetData><row r="1"><c r="A1" t="inlineStr">'
        "<is><t>&b;</t></is></c></row></sheetData></worksheet>"
    )
    result = read(replace_member(good, SHEET, bomb.encode()), NAME)
    assert problems(result) == [("LOAD009", 1, 1)]
    assert "XML entities" in result.diagnostics[0].message


def _timed(data: bytes) -> tuple[list[tuple[str, int, int]], float, int]:
    """Diagnostics, seconds, and peak traced memory (bytes) of reading ``data``."""
    start = time.perf_counter()
    found = problems(read(data, NAME))
    seconds = time.perf_counter() - start
    tracemalloc.start()
    try:
        read(data, NAME)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return found, seconds, peak


def _sheet(rows: str, dimension: str = "A1:B2") -> bytes:
    return (
        f'<worksheet xmlns="{NS}"><dimension ref="{dimension}"/><sheetData>{rows}'
        "</sheetData></worksheet>"
    ).encode()


def test_declared_dimension_bomb() -> None:
    good = workbook_bytes(("kpi", "value"), ("ORG/1", 1))
    row = '<row r="1"><c r="A1" t="inlineStr"><is><t>kpi</t></is></c></row>'
    data = replace_member(good, SHEET, _sheet(row, "A1:XFD1048576"))
    assert len(data) < 10_000
    found, seconds, peak = _timed(data)
    assert found == [("LOAD009", 1, 1)]
    assert seconds < 2 and peak < 30 * 1024 * 1024


def test_highly_compressible_sheet_bomb() -> None:
    good = workbook_bytes(("kpi", "value"), ("ORG/1", 1))
    rows = '<row r="1"><c r="A1"><v>1</v></c></row>' + " " * (8 * 1024 * 1024)
    data = replace_member(good, SHEET, _sheet(rows, "A1:A1048576"))
    assert len(data) < 100_000
    found, seconds, peak = _timed(data)
    assert found == [("LOAD009", 1, 1)]
    assert seconds < 2 and peak < 30 * 1024 * 1024


def test_declared_uncompressed_size_bomb() -> None:
    """A tiny zip whose central directory declares a 4 GB member."""
    good = workbook_bytes(("kpi", "value"), ("ORG/1", 1))
    at = good.rfind(b"PK\x01\x02")  # the last central directory entry
    data = good[: at + 24] + struct.pack("<I", 0xFFFFFFF0) + good[at + 28 :]
    found, seconds, peak = _timed(data)
    assert found == [("LOAD009", 1, 1)]
    assert seconds < 2 and peak < 30 * 1024 * 1024


def test_lying_dimension_far_rows_are_bounded() -> None:
    good = workbook_bytes(("kpi", "value"), ("ORG/1", 1))
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>kpi</t></is></c></row>'
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    )
    found, seconds, peak = _timed(replace_member(good, SHEET, _sheet(rows, "A1:A1")))
    assert found == [("LOAD009", MAX_ROWS + 1, 1)]
    assert seconds < 2 and peak < 30 * 1024 * 1024


def test_lying_dimension_wide_row_is_bounded() -> None:
    good = workbook_bytes(("kpi", "value"), ("ORG/1", 1))
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>kpi</t></is></c>'
        '<c r="GS1" t="inlineStr"><is><t>x</t></is></c></row>'
    )
    assert problems(read(replace_member(good, SHEET, _sheet(rows, "A1:A1")), NAME)) == [
        ("LOAD009", 1, 201)
    ]
