"""Shared helpers for the table tests: read a table, build small workbooks."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import openpyxl  # type: ignore[import-untyped,unused-ignore]

from cascade.load.reader import ReadResult
from cascade.load.tables import read_table

Key = tuple[str, int, int]


def read(data: bytes | str, name: str = "actuals/2569-Q2.csv") -> ReadResult:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return read_table(raw, name)


def problems(result: ReadResult) -> list[Key]:
    """``(code, row, column)`` of every diagnostic."""
    return [(d.code, d.line, d.column) for d in result.diagnostics]


def document(result: ReadResult) -> Any:
    assert result.diagnostics == [], [d.format() for d in result.diagnostics]
    (doc,) = result.documents
    return doc


def workbook_bytes(*rows: tuple[Any, ...], title: str = "Sheet") -> bytes:
    """An xlsx holding ``rows`` from A1, written by openpyxl."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def replace_member(data: bytes, name: str, content: bytes) -> bytes:
    """The same zip with member ``name`` replaced by ``content`` (deflated)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = content if info.filename == name else src.read(info.filename)
            dst.writestr(info.filename, body, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
