"""Shared pieces of the actuals table readers: column names, bounds, cells.

See :mod:`cascade.load.tables` for the layout a table follows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from cascade.checks.load import UNREADABLE
from cascade.diagnostics import Diagnostic
from cascade.visible import visible

MAX_UNCOMPRESSED = 50 * 1024 * 1024
"""Bound on the sum of an xlsx zip's declared uncompressed sizes."""
MAX_RATIO = 200
"""Bound on one zip member's compression ratio (members above 1 MiB)."""
MAX_MEMBERS = 1_000
MAX_ROWS = 100_000
MAX_COLUMNS = 200
HEADER_SCAN = 10


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


def header_key(text: str) -> str:
    """A header as compared: no spaces (nor zero-width ones), case folded."""
    return "".join(text.translate(_INVISIBLE).split()).casefold()


COLUMNS: dict[str, str] = {
    header_key(alias): key
    for key, aliases in {
        "kpi": ("kpi", "kpi id", "ตัวชี้วัด", "รหัสตัวชี้วัด"),
        "value": ("value", "ผล", "ผลการดำเนินงาน", "ค่า"),
        "level": ("level", "ระดับ"),
        "status": ("status", "สถานะ"),
        "evidence": ("evidence", "หลักฐาน"),
        "remark": ("remark", "หมายเหตุ"),
    }.items()
    for alias in aliases
}
"""Normalised header → result key."""

INFO_COLUMNS: frozenset[str] = frozenset(
    header_key(h)
    for h in (
        *("no.", "ลำดับ", "ลำดับที่", "ที่"),
        *("name", "kpi name", "ชื่อ", "ชื่อตัวชี้วัด"),
        *("unit", "unit of measure", "unit_of_measure", "หน่วย", "หน่วยนับ", "หน่วยวัด"),
        *("target", "เป้าหมาย", "ค่าเป้าหมาย"),
        *("criteria", "thresholds", "milestones", "เกณฑ์", "เกณฑ์การให้คะแนน"),
        *("collector", "ผู้กรอกข้อมูล", "ผู้รับผิดชอบ"),
    )
)
"""Normalised headers of informational (template-only) columns, ignored."""

PERIOD_LABELS: frozenset[str] = frozenset(header_key(h) for h in ("period", "รอบการประเมิน", "รอบ"))
SHEET_NAMES: frozenset[str] = frozenset(header_key(h) for h in ("actuals", "ผลการดำเนินงาน"))
INPUT_KEYS = ("value", "level", "status", "evidence", "remark")

Row = tuple[int, dict[int, str]]
"""A row number and its non-empty cells (column → stripped text)."""
Cells = dict[tuple[str | int, ...], tuple[int, int]]


class SheetCells(dict[tuple[str | int, ...], tuple[int, int]]):
    """The cell map of a workbook: document path → (row, column) on :attr:`sheet`,
    so that every diagnostic at one of its cells can name it (``actuals!C7``)."""

    __slots__ = ("sheet",)

    def __init__(self, sheet: str, cells: Cells | None = None) -> None:
        super().__init__(cells or {})
        self.sheet = sheet

    def __reduce__(self) -> tuple[type[SheetCells], tuple[str, Cells]]:
        return (SheetCells, (self.sheet, dict(self)))


def sheet_of(cells: Cells | None) -> str | None:
    """The sheet of a workbook's cell map; ``None`` for a CSV's or a YAML file's."""
    return cells.sheet if isinstance(cells, SheetCells) else None


def named_cell(diagnostic: Diagnostic, sheet: str) -> Diagnostic:
    """``diagnostic`` with the name of the workbook cell it is at (when it is at one)."""
    if diagnostic.line <= 0 or diagnostic.column <= 0:
        return diagnostic
    cell = visible(cell_name(diagnostic.line, diagnostic.column, sheet))
    return dataclasses.replace(diagnostic, cell=cell)


Place = Callable[[int, int], tuple[int, int]]
"""The position in the file of a (row, column) cell."""


def moved(diagnostic: Diagnostic, place: Place) -> Diagnostic:
    """``diagnostic`` at the file position of the cell it names by (row, column)."""
    line, column = place(diagnostic.line, diagnostic.column)
    return dataclasses.replace(diagnostic, line=line, column=column)


def column_letter(column: int) -> str:
    """Spreadsheet letters of a 1-based column: 1 → A, 28 → AB."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(row: int, column: int, sheet: str = "") -> str:
    """A cell as a spreadsheet names it: ``D3`` in a CSV, ``actuals!D3`` in a
    workbook (``'my sheet'!D3`` when the name needs quotes, as Excel writes it)."""
    cell = f"{column_letter(column)}{row}"
    if not sheet:
        return cell
    if all(char.isalnum() or char == "_" for char in sheet):
        return f"{sheet}!{cell}"
    quoted = sheet.replace("'", "''")
    return f"'{quoted}'!{cell}"


def bounded(rows: Iterable[tuple[int, list[str]]], file: str) -> tuple[list[Row], list[Diagnostic]]:
    """Non-empty rows of a grid, within :data:`MAX_ROWS` x :data:`MAX_COLUMNS`."""
    out: list[Row] = []
    for number, values in rows:
        if number > MAX_ROWS:
            msg = f"the table goes past row {MAX_ROWS:,}; delete the rows below the table"
            return [], [UNREADABLE.diagnostic(file, msg, number, 1)]
        cells = {c: v for c, v in enumerate(values, 1) if v}
        if not cells:
            continue
        widest = max(cells)
        if widest > MAX_COLUMNS:
            msg = f"the table is wider than {MAX_COLUMNS} columns; delete the extra columns"
            return [], [UNREADABLE.diagnostic(file, msg, number, widest)]
        out.append((number, cells))
    return out, []
