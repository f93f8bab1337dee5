"""xlsx actuals tables: bounded before openpyxl sees them, formulas read as text
(the safe reading itself is :mod:`cascade.load.xlsx_read`, shared with ``cascade import``)."""

from __future__ import annotations

import io
import warnings
import zipfile

from cascade.checks.load import TABLE_SYNTAX, UNREADABLE
from cascade.diagnostics import Diagnostic
from cascade.load.table_format import (
    MAX_COLUMNS,
    MAX_ROWS,
    SHEET_NAMES,
    Row,
    bounded,
    header_key,
)
from cascade.load.xlsx_read import row_texts, unsafe_xml, zip_problem

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def xlsx_rows(data: bytes, file: str) -> tuple[list[Row], list[Diagnostic], str]:
    """The rows of a workbook's actuals sheet, its problems, and the sheet's name."""
    if data.startswith(_OLE):
        msg = (
            "this is an old Excel 97-2003 (.xls) or a password-protected workbook; "
            "remove any password and save it as 'Excel Workbook (*.xlsx)'"
        )
        return [], [TABLE_SYNTAX.diagnostic(file, msg)], ""
    if not data.startswith(b"PK"):
        msg = "the file is not an Excel workbook (.xlsx); save it as 'Excel Workbook (*.xlsx)'"
        return [], [TABLE_SYNTAX.diagnostic(file, msg)], ""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            problem = zip_problem(archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        msg = f"the workbook is damaged ({exc}); open it in Excel and save it again"
        return [], [TABLE_SYNTAX.diagnostic(file, msg)], ""
    if problem:
        return [], [UNREADABLE.diagnostic(file, problem)], ""
    try:
        return _sheet_rows(data, file)
    except MemoryError:
        msg = "the workbook is too large to read; keep only the actuals sheet"
        return [], [UNREADABLE.diagnostic(file, msg)], ""
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        if unsafe_xml(exc):
            msg = "the workbook declares XML entities (an XML bomb?); refusing to read it"
            return [], [UNREADABLE.diagnostic(file, msg)], ""
        reason = (str(exc).strip().splitlines() or [""])[0][:120]
        msg = (
            f"the workbook cannot be read ({type(exc).__name__}: {reason}); "
            "open it in Excel and save it again as .xlsx"
        )
        return [], [TABLE_SYNTAX.diagnostic(file, msg)], ""


def _sheet_rows(data: bytes, file: str) -> tuple[list[Row], list[Diagnostic], str]:
    import openpyxl  # type: ignore[import-untyped,unused-ignore]

    if not openpyxl.DEFUSEDXML:
        msg = "reading .xlsx safely needs the 'defusedxml' package; install it"
        return [], [UNREADABLE.diagnostic(file, msg)], ""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops
        book = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=False, keep_links=False
        )
        try:
            names: list[str] = list(book.sheetnames)
            if not names:
                return [], [TABLE_SYNTAX.diagnostic(file, "the workbook has no sheet")], ""
            name = next((n for n in names if header_key(n) in SHEET_NAMES), names[0])
            sheet = book[name]
            if not hasattr(sheet, "reset_dimensions"):  # a chart sheet
                msg = f"sheet '{name}' is not a worksheet; put the actuals in the first sheet"
                return [], [TABLE_SYNTAX.diagnostic(file, msg)], ""
            rows, cols = sheet.max_row or 0, sheet.max_column or 0
            if rows > MAX_ROWS or cols > MAX_COLUMNS:
                msg = (
                    f"sheet '{name}' declares {rows:,} rows x {cols:,} columns; at most "
                    f"{MAX_ROWS:,} x {MAX_COLUMNS} are read (delete unused rows and columns)"
                )
                return [], [UNREADABLE.diagnostic(file, msg)], ""
            sheet.reset_dimensions()  # read every row there is, not what was declared
            grid = row_texts(sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS + 1))
            return (*bounded(grid, file), name)
        finally:
            book.close()
