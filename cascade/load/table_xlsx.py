"""xlsx actuals tables: bounded before openpyxl sees them, formulas read as text."""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from cascade.checks.load import TABLE_SYNTAX, UNREADABLE
from cascade.diagnostics import Diagnostic
from cascade.load.table_format import (
    MAX_COLUMNS,
    MAX_MEMBERS,
    MAX_RATIO,
    MAX_ROWS,
    MAX_UNCOMPRESSED,
    SHEET_NAMES,
    Row,
    bounded,
    header_key,
)

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
            problem = _zip_problem(archive.infolist())
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
        if _unsafe_xml(exc):
            msg = "the workbook declares XML entities (an XML bomb?); refusing to read it"
            return [], [UNREADABLE.diagnostic(file, msg)], ""
        reason = (str(exc).strip().splitlines() or [""])[0][:120]
        msg = (
            f"the workbook cannot be read ({type(exc).__name__}: {reason}); "
            "open it in Excel and save it again as .xlsx"
        )
        return [], [TABLE_SYNTAX.diagnostic(file, msg)], ""


def _unsafe_xml(exc: BaseException) -> bool:
    """Whether defusedxml refused the XML somewhere in the exception's chain."""
    from defusedxml import DefusedXmlException  # type: ignore[import-untyped,unused-ignore]

    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, DefusedXmlException):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _zip_problem(infos: list[zipfile.ZipInfo]) -> str:
    """Why a workbook's zip is refused before unpacking, or ``""``."""
    if len(infos) > MAX_MEMBERS:
        return f"the workbook has {len(infos):,} parts; refusing to unpack it"
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED:
        size = MAX_UNCOMPRESSED // (1024 * 1024)
        return f"the workbook unpacks to more than {size} MiB; keep only the actuals sheet"
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            return (
                f"the workbook part '{info.filename}' expands {MAX_RATIO}+ times when "
                "unpacked (a zip bomb?); refusing to read it"
            )
    return ""


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
            grid = _grid(sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS + 1))
            return (*bounded(grid, file), name)
        finally:
            book.close()


def _grid(rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[int, list[str]]]:
    """Row numbers and cell texts; rows padded by openpyxl are skipped cheaply."""
    blank: tuple[Any, ...] | None = None
    for number, row in enumerate(rows, 1):
        if number > MAX_ROWS:
            yield number, []
            return
        if row is blank:
            continue
        texts = ["" if cell.value is None else _cell_text(cell) for cell in row]
        if not any(texts):
            blank = row
            continue
        yield number, texts


def _cell_text(cell: Any) -> str:
    """The text of one read-only cell, as typed (see the module docstring)."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        text = number_text(value)
        if cell.data_type == "n" and "%" in str(cell.number_format or ""):
            return number_text(Decimal(text) * 100) + "%"
        return text
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    formula = getattr(value, "text", None)  # array formulas
    return str(formula if isinstance(formula, str) else value).strip()


def number_text(value: float | int | Decimal) -> str:
    """A spreadsheet number as typed: 15 significant digits, plain notation."""
    if isinstance(value, bool):
        raise TypeError("a bool is not a number")
    if isinstance(value, int):
        return str(value)
    try:
        number = Decimal(format(value, ".15g")) if isinstance(value, float) else value
        if not number.is_finite():
            return str(value)
        if number == 0:
            return "0"
        text = format(number.normalize(), "f")
    except (InvalidOperation, ValueError):
        return str(value)
    return text
