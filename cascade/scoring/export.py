"""Tables out: CSV and xlsx files that are safe to open in a spreadsheet.

* **Formula injection** (OWASP "CSV injection"): exported text that starts
  with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed
  with ``'`` (:func:`neutralise`), so a KPI name such as ``=HYPERLINK(...)``
  shows as text instead of running.  Numbers are numbers, never text.
* **Exact numbers**: ``Decimal`` values go to CSV in plain notation
  (``72.5``, never ``7.25E+1``) and to xlsx as number cells.
* **Atomic**: a file appears complete or not at all (temp file in the same
  folder, then rename).
* CSV is UTF-8 with a byte-order mark (Excel needs it to read Thai) and
  ``\\r\\n`` line ends.

The template writer (:mod:`cascade.scoring.template`) and the scorecard
export both use these helpers.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from cascade.fileio import atomic_write

Cell = str | int | Decimal | None
"""A value for one exported cell: text, a number, or empty."""

_RISKY = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_TITLE_BAD = re.compile(r"[\[\]:*?/\\]")


def neutralise(text: str) -> str:
    """``text`` made inert for spreadsheets: a leading ``= + - @ \\t \\r`` gets a ``'``."""
    return "'" + text if text.startswith(_RISKY) else text


def decimal_text(number: Decimal) -> str:
    """Plain notation of a decimal: ``Decimal("1E+2")`` → ``100``, ``72.50`` → ``72.50``."""
    return format(number, "f") if number.is_finite() else str(number)


def csv_text(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    """The CSV text (with BOM) of a header and rows, every text cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
    return "\ufeff" + out.getvalue()


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, int):
        return str(value)
    return neutralise(value)


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    """Write a CSV file atomically (UTF-8 with BOM, neutralised text)."""
    atomic_write(path, csv_text(header, rows))


def xlsx_value(value: Cell) -> str | int | Decimal | None:
    """What to put in an openpyxl cell: numbers stay numbers, text is neutralised.

    Characters XML cannot hold (control characters) are dropped; a
    non-finite decimal becomes text.
    """
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        return value if value.is_finite() else str(value)
    return neutralise(_ILLEGAL_XML.sub("", value))


def safe_sheet_title(title: str) -> str:
    """A valid worksheet name: no ``[]:*?/\\``, at most 31 characters."""
    cleaned = _SHEET_TITLE_BAD.sub("-", title).strip("'") or "Sheet"
    return cleaned[:31]


def column_width(values: Sequence[Cell], minimum: int = 8, maximum: int = 60) -> float:
    """A column width for its values; Thai combining marks take no width."""
    longest = max((_display_length(str(v)) for v in values if v is not None), default=0)
    return float(min(max(longest + 2, minimum), maximum))


def _display_length(text: str) -> int:
    # Thai above/below vowels and tone marks combine with the previous letter
    return sum(
        1
        for ch in text
        if not (ch == "\u0e31" or "\u0e34" <= ch <= "\u0e3a" or "\u0e47" <= ch <= "\u0e4e")
    )


def save_workbook(book: Any, path: Path) -> None:
    """Save an openpyxl workbook atomically (:func:`cascade.fileio.atomic_write`:
    a new file gets the usual permissions, 0666 less the umask, like the CSV and
    JSON beside it; a temp file's own 0600 made it unreadable to others)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = io.BytesIO()
    book.save(data)
    atomic_write(path, data.getvalue())


def write_xlsx(
    path: Path, header: Sequence[str], rows: Sequence[Sequence[Cell]], sheet_title: str
) -> None:
    """Write a one-sheet workbook atomically: a bold, frozen header, then the rows.

    Decimals and integers are number cells, text cells are neutralised, and
    column widths fit the content.
    """
    from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.styles import Font  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped,unused-ignore]

    book = Workbook()
    sheet = book.active
    sheet.title = safe_sheet_title(sheet_title)
    sheet.append([xlsx_value(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([xlsx_value(value) for value in row])
    sheet.freeze_panes = "A2"
    for index, name in enumerate(header, 1):
        column = [name, *(row[index - 1] if index <= len(row) else None for row in rows)]
        sheet.column_dimensions[get_column_letter(index)].width = column_width(column)
    save_workbook(book, path)
