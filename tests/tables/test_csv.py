"""CSV actuals: the same document as YAML, text as typed, exact positions."""

from __future__ import annotations

import pytest

from cascade.load.tables import MAX_COLUMNS, period_of_name
from cascade.spec.validate import validate_document
from tests.tables.helpers import document, problems, read


def test_reads_the_same_document_as_yaml() -> None:
    text = (
        "kpi,value,level,completed,received,status,evidence,remark\r\n"
        "LAW/2-1,72.5,,,,,https://x.example/1,ok\r\n"
        "LAW/A3,,3.5,,,,,\r\n"
        "LAW/2-5,,,45,50,,,\r\n"
        "LAW/2-6,,,,,n/a,,ไม่มีสัญญาในปีนี้\r\n"
    )
    result = read("\ufeff" + text)
    assert document(result) == {
        "kind": "Actuals",
        "period": "2569-Q2",
        "results": [
            {"kpi": "LAW/2-1", "value": "72.5", "evidence": "https://x.example/1", "remark": "ok"},
            {"kpi": "LAW/A3", "level": "3.5"},
            {"kpi": "LAW/2-5", "values": {"completed": "45", "received": "50"}},
            {"kpi": "LAW/2-6", "status": "n/a", "remark": "ไม่มีสัญญาในปีนี้"},
        ],
    }
    cells = result.cells
    assert cells is not None
    assert cells[()] == cells[("period",)] == (1, 1)
    assert cells[("results", 0)] == (2, 1)
    assert cells[("results", 0, "kpi")] == (2, 1)
    assert cells[("results", 0, "value")] == (2, 9)
    assert cells[("results", 1, "level")] == (3, 9)
    assert cells[("results", 2, "values", "received")] == (4, 14)
    assert cells[("results", 3, "remark")] == (5, 18)


def test_thai_headers_any_order_case_and_spaces() -> None:
    text = "หมายเหตุ, ผล การดำเนินงาน ,สถานะ,รหัส ตัวชี้วัด,KPI Name\nดี,0.1,reported,ORG/1,ชื่อ\n"
    assert document(read(text))["results"] == [
        {"remark": "ดี", "value": "0.1", "status": "reported", "kpi": "ORG/1"}
    ]
    other = "ตัวชี้วัด,ค่า,ระดับ,หลักฐาน\nORG/1,5,2,doc\n"
    assert document(read(other))["results"] == [
        {"kpi": "ORG/1", "value": "5", "level": "2", "evidence": "doc"}
    ]


def test_informational_columns_ignored_other_headers_are_variables() -> None:
    text = (
        "ลำดับ,kpi,ชื่อตัวชี้วัด,หน่วยนับ,ค่าเป้าหมาย,เกณฑ์การให้คะแนน,จำนวนเรื่อง,ผู้กรอกข้อมูล\n"
        "1,ORG/1,ร้อยละ,ร้อยละ,80,70 / 80,12,สมชาย\n"
    )
    assert document(read(text))["results"] == [{"kpi": "ORG/1", "values": {"จำนวนเรื่อง": "12"}}]


def test_blank_and_untouched_rows_are_skipped() -> None:
    text = "kpi,name,value\n\n,,\nORG/1,only a name,\nORG/2,,7\n  ,  ,  \n"
    result = read(text)
    assert document(result)["results"] == [{"kpi": "ORG/2", "value": "7"}]
    assert result.cells is not None and result.cells[("results", 0, "value")] == (5, 8)


def test_row_without_kpi_is_kept_for_the_spec_to_report() -> None:
    result = read("kpi,value\n,5\n")
    doc = document(result)
    assert doc["results"] == [{"value": "5"}]
    _, findings = validate_document(doc, "t.csv", 0)
    assert [(f.code, f.path) for f in findings] == [("SPEC004", ("results", 0))]
    assert result.cells is not None and result.cells[("results", 0)] == (2, 1)


def test_missing_kpi_header() -> None:
    assert problems(read("value,status\n5,\n")) == [("LOAD010", 1, 1)]
    assert problems(read("\n\nname,value\nx,5\n")) == [("LOAD010", 3, 1)]


def test_duplicate_headers_also_through_aliases() -> None:
    assert problems(read("kpi,value,ผล\nORG/1,1,2\n")) == [("LOAD002", 1, 11)]
    assert problems(read("kpi,x,X ,value\nORG/1,1,2,3\n")) == [("LOAD002", 1, 7)]
    result = read("kpi,ตัวชี้วัด\nORG/1,ORG/2\n")
    assert problems(result) == [("LOAD002", 1, 5)]
    assert "column A" in result.diagnostics[0].message
    assert result.documents == []


def test_value_in_a_column_without_header() -> None:
    assert problems(read("kpi,value\nORG/1,5,stray\n")) == [("LOAD010", 2, 9)]


@pytest.mark.parametrize("cell", ["=1+1", "=cmd|' /C calc'!A0", "@SUM(1)", "+1+1"])
def test_formula_looking_cells_are_text_and_never_evaluated(cell: str) -> None:
    doc = document(read(f"kpi,value\nORG/1,{cell}\n"))
    assert doc["results"] == [{"kpi": "ORG/1", "value": cell}]
    _, findings = validate_document(doc, "t.csv", 0)
    assert [(f.code, f.path) for f in findings] == [("SPEC005", ("results", 0, "value"))]
    assert "is not a number" in findings[0].message


def test_negative_number_stays_text_and_is_a_number_for_the_spec() -> None:
    doc = document(read("kpi,value\nORG/1,-5\n"))
    assert doc["results"][0]["value"] == "-5"
    spec, findings = validate_document(doc, "t.csv", 0)
    assert spec is not None and findings == []


def test_quoted_cells_with_commas_and_newlines() -> None:
    doc = document(read('kpi,remark\nORG/1,"a, ""b""\nc"\nORG/2,x\n'))
    assert doc["results"] == [
        {"kpi": "ORG/1", "remark": 'a, "b"\nc'},
        {"kpi": "ORG/2", "remark": "x"},
    ]


def test_unclosed_quote_is_an_error_not_the_rest_of_the_file() -> None:
    result = read('kpi,value,remark\nORG/1,1,ok\nORG/2,2,"never closed\nORG/3,3,x\n')
    assert problems(result) == [("LOAD010", 3, 9)]
    assert "quote" in result.diagnostics[0].message
    assert result.documents == []
    assert problems(read('kpi,value\nORG/1,"7"2\n')) == [("LOAD010", 2, 7)]


def test_thai_windows_encoding_rejected_at_its_byte() -> None:
    result = read("kpi,value,remark\nORG/1,1,ไม่มีผล\n".encode("cp874"))
    assert problems(result) == [("LOAD005", 2, 9)]
    assert "Windows-874" in result.diagnostics[0].message
    assert "CSV UTF-8" in result.diagnostics[0].message


def test_utf16_rejected() -> None:
    text = "kpi,value\nORG/1,1\n"
    result = read(text.encode("utf-16"))
    assert problems(result) == [("LOAD005", 1, 1)]
    assert "UTF-16" in result.diagnostics[0].message
    assert problems(read(text.encode("utf-16-le"))) == [("LOAD005", 1, 1)]


def test_latin1_rejected_at_its_byte() -> None:
    result = read("kpi,value,remark\nORG/1,1,café\n".encode("latin-1"))
    assert problems(result) == [("LOAD005", 2, 12)]
    assert "0xe9" in result.diagnostics[0].message


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_delimiters(delimiter: str) -> None:
    text = f"kpi{delimiter}value{delimiter}remark\nORG/1{delimiter}72.5{delimiter}a, b\n"
    assert document(read(text))["results"] == [{"kpi": "ORG/1", "value": "72.5", "remark": "a, b"}]


@pytest.mark.parametrize(
    ("name", "period"),
    [
        ("actuals/2569-Q2.csv", "2569-Q2"),
        ("2569-Q2-LAW.xlsx", "2569-Q2"),
        ("LAW-2569-H1.csv", "2569-H1"),
        ("2569-M06.csv", "2569-M06"),
        ("ผล 2569.csv", "2569"),
        ("2569-Q5.csv", "2569"),
        ("results.csv", None),
        ("2569-Q2/results.csv", None),
        ("x12569-Q2.csv", None),
    ],
)
def test_period_from_file_name(name: str, period: str | None) -> None:
    assert period_of_name(name) == period


def test_no_period_in_the_name() -> None:
    result = read("kpi,value\nORG/1,1\n", "actuals/results.csv")
    assert problems(result) == [("LOAD010", 1, 1)]
    assert "name the file by its period" in result.diagnostics[0].message


def test_empty_table_is_a_warning() -> None:
    result = read("\n \n")
    assert problems(result) == [("LOAD007", 1, 1)]
    assert result.ok and result.documents == []


def test_too_wide() -> None:
    header = ",".join(["kpi", *(f"v{i}" for i in range(MAX_COLUMNS))])
    last_cell = len(header) - len(f"v{MAX_COLUMNS - 1}") + 1  # where column 201 starts
    assert problems(read(header + "\n")) == [("LOAD009", 1, last_cell)]
