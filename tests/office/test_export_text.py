"""Text that a spreadsheet could run or that Office files cannot hold: an
export writes it as inert text, and the import reads back what was written."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import openpyxl  # type: ignore[import-untyped,unused-ignore]

from cascade.office.docx_read import read_docx
from cascade.office.docx_write import document_bytes
from cascade.office.forms import Form, Group, Value
from cascade.office.xlsx_read import read_xlsx
from cascade.office.xlsx_write import workbook_bytes

FORMULA = '=HYPERLINK("http://evil.example/","คลิก")'


def _form() -> Form:
    row: dict[str, Value] = {
        "id": "1",
        "name": FORMULA,
        "weight": Decimal(100),
        "remark": "ร้อยละ\x01ของ\x1b[31m",
    }
    return Form("LAW", ["=1+1 title"], None, [Group("", [row], [[]])])


def test_a_formula_in_a_name_is_exported_as_text_and_read_back(tmp_path: Path) -> None:
    data = workbook_bytes(_form())
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = {c.coordinate: c for row in sheet.iter_rows() for c in row if c.value is not None}
    assert [(c.value, c.data_type) for c in cells.values() if str(c.value).startswith("=")] == [
        ("=1+1 title", "s"),
        (FORMULA, "s"),
    ]
    path = tmp_path / "LAW.xlsx"
    path.write_bytes(data)
    found = read_xlsx(path, None, None).kpis[0].cells
    assert (found["name"].text, found["remark"].text) == (FORMULA, "ร้อยละของ[31m")


def test_control_characters_are_left_out_of_a_word_export(tmp_path: Path) -> None:
    path = tmp_path / "LAW.docx"
    path.write_bytes(document_bytes(_form()))
    found = read_docx(path).kpis[0].cells
    assert (found["name"].text, found["remark"].text) == (FORMULA, "ร้อยละของ[31m")
