"""Actuals as tables (CSV, xlsx): one row a KPI, read into the same plain
document an ``Actuals`` YAML file gives, with a cell map for positions.

A table reads into ``{"kind": "Actuals", "period": P, "results": [...]}``
where every value is the text that was typed (never a float, never
evaluated) and empty cells are left out; :attr:`ReadResult.cells` maps each
document path to its (row, column), so the spec and rules report problems
at ``file:row:column`` (spreadsheet rows and columns, 1-based) for a
workbook, and at the physical ``file:line:column`` where the cell starts for
a CSV (a quoted cell may span lines).

Layout (SCORING.md "Actuals"):

* **Period** — from the file name: the first ``2569``, ``2569-Q2``,
  ``2569-H1`` or ``2569-M06`` in its stem (``2569-Q2-LAW.xlsx``).  Above the
  header a cell labelled ``period`` / ``รอบการประเมิน`` may repeat it (the
  template writes one); it must agree with the name.
* **Header row** — the first row, among the first :data:`HEADER_SCAN` rows
  that have any content, with a ``kpi`` / ``ตัวชี้วัด`` column.  Rows above it
  are titles and instructions and are ignored.  Headers are matched without
  regard to case or spaces (:data:`COLUMNS`); the template's informational
  columns (:data:`INFO_COLUMNS`: name, unit, target, criteria, collector)
  are ignored; any other header is a formula variable (``values``).
* **Rows** — blank rows are skipped, and so is a row that names a KPI but
  has nothing entered (no value, level, variable, status, evidence or
  remark): an untouched template row means "not reported", as a missing row
  does.  Cell text is stripped of surrounding spaces.
* **CSV** — UTF-8 (a BOM is fine), read with the csv module in strict mode,
  so an unclosed quote is an error rather than swallowing the rest of the
  file.  The delimiter is a comma, unless the first line with content has
  more tabs or semicolons than commas.  Other encodings (UTF-16, Thai
  Windows-874 / TIS-620, Latin-1) are reported at the first bad byte.
* **xlsx** — the sheet named ``actuals`` / ``ผลการดำเนินงาน`` if there is one,
  else the first.  Before openpyxl sees the file, the zip's declared sizes
  are bounded (:data:`MAX_UNCOMPRESSED`, :data:`MAX_RATIO`); the sheet's
  declared dimension and the rows actually read are bounded
  (:data:`MAX_ROWS` x :data:`MAX_COLUMNS`).  Formulas are read as their text
  (``=SUM(A1:A2)``), never evaluated.  A number cell is an IEEE double; a
  value typed in Excel has at most 15 significant digits, so it is written
  back with 15 significant digits in plain notation (Excel's formula bar):
  ``0.1`` stays ``0.1`` (Excel may store 0.10000000000000001), ``1e-7``
  becomes ``0.0000001``.  A number shown as a percentage reads as it is shown
  (``72.5%``), which the spec then refuses as "not a number": type 72.5.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from cascade.checks.load import DUPLICATE_KEY, EMPTY, TABLE_SYNTAX, UNREADABLE
from cascade.diagnostics import Diagnostic
from cascade.load.reader import ReadResult
from cascade.load.table_csv import csv_rows
from cascade.load.table_format import (  # re-exported
    COLUMNS,
    HEADER_SCAN,
    INFO_COLUMNS,
    INPUT_KEYS,
    MAX_COLUMNS,
    MAX_ROWS,
    PERIOD_LABELS,
    Cells,
    Place,
    Row,
    SheetCells,
    cell_name,
    column_letter,
    header_key,
    moved,
    named_cell,
)
from cascade.load.table_xlsx import xlsx_rows
from cascade.load.xlsx_read import number_text  # re-exported
from cascade.periods import period_in_name

__all__ = [
    "COLUMNS",
    "INFO_COLUMNS",
    "MAX_COLUMNS",
    "MAX_ROWS",
    "PERIOD_LABELS",
    "header_key",
    "number_text",
    "period_of_name",
    "read_table",
]


def read_table(data: bytes, file: str) -> ReadResult:
    """Read a CSV or xlsx actuals file; problems become diagnostics, never exceptions."""
    suffix = PurePosixPath(file).suffix.lower()
    place: Place | None = None
    sheet = ""
    if suffix == ".csv":
        rows, problems, place = csv_rows(data, file)
    elif suffix == ".xlsx":
        rows, problems, sheet = xlsx_rows(data, file)
    else:
        msg = f"'{suffix}' is not a table format cascade reads; use .csv or .xlsx"
        rows, problems = [], [UNREADABLE.diagnostic(file, msg)]
    if problems:
        named = [named_cell(d, sheet) for d in problems] if sheet else problems
        return ReadResult(file, diagnostics=named, cells={})
    result = _document(rows, file, sheet)
    if place is not None:  # a CSV: from (row, column) to the file's line:column
        result.diagnostics = [moved(d, place) for d in result.diagnostics]
        result.cells = {path: place(*at) for path, at in (result.cells or {}).items()}
    elif sheet:  # a workbook: every position names its cell (actuals!C7)
        result.diagnostics = [named_cell(d, sheet) for d in result.diagnostics]
        result.cells = SheetCells(sheet, result.cells)
    return result


def period_of_name(file: str) -> str | None:
    """The period a table's file name gives (``2569-Q2-LAW.xlsx`` → ``2569-Q2``)."""
    return period_in_name(PurePosixPath(file).stem)


# --- rows → document -------------------------------------------------------


def _document(rows: list[Row], file: str, sheet: str = "") -> ReadResult:
    """The Actuals document of a table's rows, with its cell map; messages name
    cells as the spreadsheet does (``D3``, ``actuals!D3`` in ``sheet``)."""
    result = ReadResult(file, cells={})
    if not rows:
        result.diagnostics.append(EMPTY.diagnostic(file, "the table is empty"))
        return result
    header_at = next(
        (i for i, (_, cells) in enumerate(rows[:HEADER_SCAN]) if _has_kpi(cells)), None
    )
    if header_at is None:
        msg = (
            "no 'kpi' column: the header row needs a column named kpi (or ตัวชี้วัด) "
            "holding KPI ids such as LAW/2-1"
        )
        result.diagnostics.append(TABLE_SYNTAX.diagnostic(file, msg, rows[0][0], 1))
        return result
    header_row, header = rows[header_at]
    columns, problems = _columns(header, header_row, file)
    period, period_cell, period_problems = _period(rows[:header_at], file)
    result.diagnostics.extend(problems + period_problems)
    results: list[dict[str, Any]] = []
    cells: Cells = {(): (1, 1), ("kind",): (1, 1), ("period",): period_cell}
    cells[("results",)] = (header_row, 1)
    for row, row_cells in rows[header_at + 1 :]:
        entry: dict[str, Any] = {}
        where: Cells = {}
        for col, text in sorted(row_cells.items()):
            target = columns.get(col)
            if target is None:
                if col not in header:
                    msg = (
                        f"cell {cell_name(row, col, sheet)} has a value but its column has no "
                        "header; add a header or clear the cell"
                    )
                    result.diagnostics.append(TABLE_SYNTAX.diagnostic(file, msg, row, col))
                continue
            if target[0] == "values":
                entry.setdefault("values", {})[target[1]] = text
                where.setdefault(("values",), (row, col))
            else:
                entry[target[0]] = text
            where[target] = (row, col)
        if not any(k in entry for k in (*INPUT_KEYS, "values")):
            continue  # blank, or an untouched template row: not reported
        index = len(results)
        results.append(entry)
        cells[("results", index)] = (row, 1)
        cells.update({("results", index, *path): at for path, at in where.items()})
    if not result.ok:
        return result
    result.documents = [{"kind": "Actuals", "period": period, "results": results}]
    result.cells = cells
    return result


def _has_kpi(cells: dict[int, str]) -> bool:
    return any(COLUMNS.get(header_key(text)) == "kpi" for text in cells.values())


def _columns(
    header: dict[int, str], row: int, file: str
) -> tuple[dict[int, tuple[str, ...]], list[Diagnostic]]:
    """Column → document path below a result (``("value",)``, ``("values", "x")``)."""
    columns: dict[int, tuple[str, ...]] = {}
    first: dict[str, int] = {}
    problems: list[Diagnostic] = []
    for col, text in sorted(header.items()):
        norm = header_key(text)
        key = COLUMNS.get(norm)
        if key is None and norm in INFO_COLUMNS:
            continue
        same = key or f"values:{norm}"  # aliases of one column are duplicates too
        if same in first:
            other = column_letter(first[same])
            msg = f"duplicate column '{text}' (also column {other}); keep one of them"
            problems.append(DUPLICATE_KEY.diagnostic(file, msg, row, col))
            continue
        first[same] = col
        columns[col] = (key,) if key is not None else ("values", text)
    return columns, problems


def _period(above: list[Row], file: str) -> tuple[str | None, tuple[int, int], list[Diagnostic]]:
    """The period from the file name, checked against a period cell above the header."""
    period = period_of_name(file)
    cell: tuple[int, int] | None = None
    written = ""
    for row, cells in above:
        ordered = sorted(cells.items())
        for i, (_col, text) in enumerate(ordered):
            if header_key(text) in PERIOD_LABELS and i + 1 < len(ordered):
                cell, written = (row, ordered[i + 1][0]), ordered[i + 1][1]
                break
        if cell is not None:
            break
    name = PurePosixPath(file).name
    if period is None:
        msg = (
            f"the file name '{name}' does not say the period; name the file by its period, "
            "e.g. 2569-Q2.csv or 2569-Q2-LAW.xlsx"
        )
        return None, (1, 1), [TABLE_SYNTAX.diagnostic(file, msg)]
    if cell is not None and written != period:
        msg = (
            f"the sheet says period '{written}' but the file name says '{period}'; "
            "make them agree (rename the file or correct the cell)"
        )
        return period, cell, [TABLE_SYNTAX.diagnostic(file, msg, *cell)]
    return period, cell or (1, 1), []
