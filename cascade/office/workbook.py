"""Opening a workbook or a Word file safely: the zip is checked before
openpyxl or python-docx unpack it (the actuals tables' bounds: members,
total size, ratio), sheets are read in read-only mode, rows and columns
bounded, and XML entity tricks refused (defusedxml)."""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path
from typing import Any

from cascade.exitcodes import CascadeError
from cascade.load.table_format import MAX_COLUMNS, MAX_ROWS, header_key
from cascade.load.xlsx_read import row_texts, unsafe_xml, zip_problem

MAX_FILE = 20 * 1024 * 1024
"""Bound on the size of a source file."""

Grid = list[tuple[int, list[str]]]
"""Non-blank rows: the row number and the text of each cell, from column A."""


class ImportFailed(CascadeError):
    """A source file cascade cannot read at all (exit code 2, USAGE)."""


def read_bytes(path: Path, kind: str) -> bytes:
    """The file's bytes, checked to be a sane zip (xlsx and docx both are)."""
    try:
        if path.stat().st_size > MAX_FILE:
            raise ImportFailed(f"{path} is larger than {MAX_FILE // (1024 * 1024)} MiB")
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"cannot read {path}: {exc.strerror or exc}") from None
    if not data.startswith(b"PK"):
        raise ImportFailed(
            f"{path} is not a .{kind} file; save it as .{kind} (Office 2007 or later)"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            problem = zip_problem(archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise ImportFailed(f"{path} is damaged ({exc}); open it and save it again") from None
    if problem:
        raise ImportFailed(f"{path}: {problem}")
    return data


def failure(path: Path, exc: Exception) -> ImportFailed:
    """The error to raise when openpyxl or python-docx gave up on ``path``."""
    if unsafe_xml(exc):
        return ImportFailed(f"{path} declares XML entities (an XML bomb?); refusing to read it")
    reason = (str(exc).strip().splitlines() or [""])[0][:120]
    return ImportFailed(f"{path} cannot be read ({type(exc).__name__}: {reason})")


def sheet_grid(
    path: Path, wanted: str | None, extra: frozenset[str] = frozenset()
) -> tuple[str, Grid, dict[str, Grid]]:
    """The chosen sheet's name and rows (``wanted``, else the first worksheet
    not named in ``extra``), and the rows of the sheets ``extra`` names (by
    :func:`header_key`)."""
    import openpyxl  # type: ignore[import-untyped,unused-ignore]

    data = read_bytes(path, "xlsx")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(
                io.BytesIO(data), read_only=True, data_only=False, keep_links=False
            )
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise failure(path, exc) from None
    try:
        names: list[str] = list(book.sheetnames)
        others = {n: _read_sheet(book, path, n) for n in names if header_key(n) in extra}
        main = wanted or next((n for n in names if header_key(n) not in extra), None)
        if wanted is not None and wanted not in names:
            raise ImportFailed(f"{path} has no sheet '{wanted}'; its sheets: {', '.join(names)}")
        if main is None:
            raise ImportFailed(f"{path}: no worksheet to read")
        return main, _read_sheet(book, path, main), others
    except CascadeError:
        raise
    except Exception as exc:
        raise failure(path, exc) from None
    finally:
        book.close()


def _read_sheet(book: Any, path: Path, name: str) -> Grid:
    sheet = book[name]
    if not hasattr(sheet, "reset_dimensions"):
        raise ImportFailed(f"{path}: sheet '{name}' is not a worksheet (a chart?)")
    sheet.reset_dimensions()
    grid: Grid = []
    for number, texts in row_texts(sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS)):
        if number > MAX_ROWS:
            raise ImportFailed(f"{path}: sheet '{name}' goes past row {MAX_ROWS:,}")
        grid.append((number, texts))
    return grid
