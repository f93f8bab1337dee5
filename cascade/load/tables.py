"""Actuals as tables (CSV, xlsx): one row a KPI, read into the same plain
document an ``Actuals`` YAML file gives, with a cell map for positions.

A table reads into ``{"kind": "Actuals", "period": P, "results": [...]}``
where every value is the text that was typed (never a float, never
evaluated) and empty cells are left out; :attr:`ReadResult.cells` maps each
document path to its (row, column), so the spec and rules report problems
at ``file:row:column`` (spreadsheet rows and columns, 1-based).

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
  Windows-874 / TIS-620, Latin-1) are reported at the first bad cell.
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

import csv
import datetime as dt
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import PurePosixPath
from typing import Any

from cascade.diagnostics import Diagnostic, Level
from cascade.load.reader import DUPLICATE_KEY, EMPTY, ENCODING, UNREADABLE, ReadResult

SYNTAX = ("LOAD001", "table-syntax")

MAX_UNCOMPRESSED = 50 * 1024 * 1024
"""Bound on the sum of an xlsx zip's declared uncompressed sizes."""
MAX_RATIO = 200
"""Bound on one zip member's compression ratio (members above 1 MiB)."""
MAX_MEMBERS = 1_000
MAX_ROWS = 100_000
MAX_COLUMNS = 200
HEADER_SCAN = 10

PERIOD_IN_NAME = re.compile(r"(?<!\d)\d{4}(?:-(?:Q[1-4]|H[12]|M(?:0[1-9]|1[0-2])))?(?!\d)")


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
_INPUT_KEYS = ("value", "level", "status", "evidence", "remark")

Row = tuple[int, dict[int, str]]
"""A row number and its non-empty cells (column → stripped text)."""
Cells = dict[tuple[str | int, ...], tuple[int, int]]


def _diag(
    file: str, check: tuple[str, str], message: str, line: int = 1, column: int = 1
) -> Diagnostic:
    code, name = check
    level = Level.WARNING if check == EMPTY else Level.ERROR
    return Diagnostic(file, line, column, code, level, message, name=name)


def column_letter(column: int) -> str:
    """Spreadsheet letters of a 1-based column: 1 → A, 28 → AB."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_table(data: bytes, file: str) -> ReadResult:
    """Read a CSV or xlsx actuals file; problems become diagnostics, never exceptions."""
    suffix = PurePosixPath(file).suffix.lower()
    if suffix == ".csv":
        rows, problems = _csv_rows(data, file)
    elif suffix == ".xlsx":
        rows, problems = _xlsx_rows(data, file)
    else:
        msg = f"'{suffix}' is not a table format cascade reads; use .csv or .xlsx"
        rows, problems = [], [_diag(file, UNREADABLE, msg)]
    if problems:
        return ReadResult(file, diagnostics=problems, cells={})
    return _document(rows, file)


def period_of_name(file: str) -> str | None:
    """The period a table's file name gives (``2569-Q2-LAW.xlsx`` → ``2569-Q2``)."""
    found = PERIOD_IN_NAME.search(PurePosixPath(file).stem)
    return found.group(0) if found else None


# --- rows → document -------------------------------------------------------


def _document(rows: list[Row], file: str) -> ReadResult:
    """The Actuals document of a table's rows, with its cell map."""
    result = ReadResult(file, cells={})
    if not rows:
        result.diagnostics.append(_diag(file, EMPTY, "the table is empty"))
        return result
    header_at = next(
        (i for i, (_, cells) in enumerate(rows[:HEADER_SCAN]) if _has_kpi(cells)), None
    )
    if header_at is None:
        msg = (
            "no 'kpi' column: the header row needs a column named kpi (or ตัวชี้วัด) "
            "holding KPI ids such as LAW/2-1"
        )
        result.diagnostics.append(_diag(file, SYNTAX, msg, rows[0][0], 1))
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
                        f"cell {column_letter(col)}{row} has a value but its column has no "
                        "header; add a header or clear the cell"
                    )
                    result.diagnostics.append(_diag(file, SYNTAX, msg, row, col))
                continue
            if target[0] == "values":
                entry.setdefault("values", {})[target[1]] = text
                where.setdefault(("values",), (row, col))
            else:
                entry[target[0]] = text
            where[target] = (row, col)
        if not any(k in entry for k in (*_INPUT_KEYS, "values")):
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
            problems.append(_diag(file, DUPLICATE_KEY, msg, row, col))
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
        return None, (1, 1), [_diag(file, SYNTAX, msg)]
    if cell is not None and written != period:
        msg = (
            f"the sheet says period '{written}' but the file name says '{period}'; "
            "make them agree (rename the file or correct the cell)"
        )
        return period, cell, [_diag(file, SYNTAX, msg, *cell)]
    return period, cell or (1, 1), []


def _bounded(
    rows: Iterable[tuple[int, list[str]]], file: str
) -> tuple[list[Row], list[Diagnostic]]:
    """Non-empty rows of a grid, within :data:`MAX_ROWS` x :data:`MAX_COLUMNS`."""
    out: list[Row] = []
    for number, values in rows:
        if number > MAX_ROWS:
            msg = f"the table goes past row {MAX_ROWS:,}; delete the rows below the table"
            return [], [_diag(file, UNREADABLE, msg, number, 1)]
        cells = {c: v for c, v in enumerate(values, 1) if v}
        if not cells:
            continue
        widest = max(cells)
        if widest > MAX_COLUMNS:
            msg = f"the table is wider than {MAX_COLUMNS} columns; delete the extra columns"
            return [], [_diag(file, UNREADABLE, msg, number, widest)]
        out.append((number, cells))
    return out, []


# --- CSV -------------------------------------------------------------------

_SAVE_AS = "save it from Excel as 'CSV UTF-8 (Comma delimited) (*.csv)'"


def _csv_rows(data: bytes, file: str) -> tuple[list[Row], list[Diagnostic]]:
    delimiter = _delimiter(data[:65536].decode("utf-8", errors="replace"))
    text, problems = _decode_csv(data, file, delimiter)
    if text is None:
        return [], problems
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    grid: list[tuple[int, list[str]]] = []
    number = 0
    done_lines = 0
    try:
        for record in reader:
            number += 1
            done_lines = reader.line_num
            grid.append((number, [cell.strip() for cell in record]))
            if number > MAX_ROWS:
                break
    except csv.Error as exc:
        column = _quote_column(text, done_lines, delimiter)
        if column is not None:
            msg = (
                'a quoted cell is not closed properly (a " must end the cell, '
                'and a " inside it is written ""); fix the quotes in this cell'
            )
        else:
            msg, column = f"the CSV cannot be read: {exc}", 1
        return [], [_diag(file, SYNTAX, msg, number + 1, column)]
    return _bounded(grid, file)


def _delimiter(head: str) -> str:
    """Comma, unless the first line with content has more tabs or semicolons."""
    for line in head.splitlines()[:HEADER_SCAN]:
        if line.strip():
            counts = {d: line.count(d) for d in (",", "\t", ";")}
            return max(counts, key=lambda d: (counts[d], d == ","))
    return ","


def _decode_csv(data: bytes, file: str, delimiter: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 text of a CSV, or a diagnostic at the first cell that is not."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        msg = f"the file is UTF-16 (Excel's 'Unicode Text'), not UTF-8; {_SAVE_AS}"
        return None, [_diag(file, ENCODING, msg)]
    nul = data.find(b"\x00")
    if nul >= 0:
        row, col = _csv_position(data[:nul], delimiter)
        msg = f"the file contains NUL bytes: it is UTF-16 or not a text file; {_SAVE_AS}"
        return None, [_diag(file, ENCODING, msg, row, col)]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        row, col = _csv_position(data[: exc.start], delimiter)
        bad = data[exc.start : exc.start + 1].hex()
        if _looks_thai(data):
            msg = f"the file is Thai Windows-874 / TIS-620 text, not UTF-8; {_SAVE_AS}"
        else:
            msg = f"the file is not valid UTF-8 (byte 0x{bad}); {_SAVE_AS}"
        return None, [_diag(file, ENCODING, msg, row, col)]


def _looks_thai(data: bytes) -> bool:
    """Thai words in Windows-874 are runs of bytes 0xA1-0xFB (Latin-1 accents rarely are)."""
    try:
        data.decode("cp874")
    except UnicodeDecodeError:
        return False
    return re.search(rb"[\xa1-\xfb]{2}", data) is not None


def _csv_position(prefix: bytes, delimiter: str) -> tuple[int, int]:
    """Row and column of the cell that starts after the valid UTF-8 ``prefix``."""
    text = prefix.decode("utf-8-sig", errors="replace") + "x"
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        return text.count("\n") + 1, 1
    return max(len(records), 1), max(len(records[-1]) if records else 1, 1)


def _quote_column(text: str, done_lines: int, delimiter: str) -> int | None:
    """Column of the badly quoted cell in the record after line ``done_lines``."""
    lines = io.StringIO(text, newline="").readlines()
    pos = sum(len(line) for line in lines[:done_lines])
    column, at_start, quoted = 1, True, False
    while pos < len(text):
        ch = text[pos]
        if quoted:
            if ch == '"':
                following = text[pos + 1 : pos + 2]
                if following == '"':
                    pos += 1
                elif following in (delimiter, "\r", "\n", ""):
                    quoted = False
                else:
                    return column
        elif ch == delimiter:
            column, at_start = column + 1, True
            pos += 1
            continue
        elif ch in "\r\n":
            return None
        elif ch == '"' and at_start:
            quoted = True
        at_start = False
        pos += 1
    return column if quoted else None


# --- xlsx ------------------------------------------------------------------

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _xlsx_rows(data: bytes, file: str) -> tuple[list[Row], list[Diagnostic]]:
    if data.startswith(_OLE):
        msg = (
            "this is an old Excel 97-2003 (.xls) or a password-protected workbook; "
            "remove any password and save it as 'Excel Workbook (*.xlsx)'"
        )
        return [], [_diag(file, SYNTAX, msg)]
    if not data.startswith(b"PK"):
        msg = "the file is not an Excel workbook (.xlsx); save it as 'Excel Workbook (*.xlsx)'"
        return [], [_diag(file, SYNTAX, msg)]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            problem = _zip_problem(archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        msg = f"the workbook is damaged ({exc}); open it in Excel and save it again"
        return [], [_diag(file, SYNTAX, msg)]
    if problem:
        return [], [_diag(file, UNREADABLE, problem)]
    try:
        return _sheet_rows(data, file)
    except MemoryError:
        msg = "the workbook is too large to read; keep only the actuals sheet"
        return [], [_diag(file, UNREADABLE, msg)]
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        if _unsafe_xml(exc):
            msg = "the workbook declares XML entities (an XML bomb?); refusing to read it"
            return [], [_diag(file, UNREADABLE, msg)]
        reason = (str(exc).strip().splitlines() or [""])[0][:120]
        msg = (
            f"the workbook cannot be read ({type(exc).__name__}: {reason}); "
            "open it in Excel and save it again as .xlsx"
        )
        return [], [_diag(file, SYNTAX, msg)]


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


def _sheet_rows(data: bytes, file: str) -> tuple[list[Row], list[Diagnostic]]:
    import openpyxl  # type: ignore[import-untyped,unused-ignore]

    if not openpyxl.DEFUSEDXML:
        msg = "reading .xlsx safely needs the 'defusedxml' package; install it"
        return [], [_diag(file, UNREADABLE, msg)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops
        book = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=False, keep_links=False
        )
        try:
            names: list[str] = list(book.sheetnames)
            if not names:
                return [], [_diag(file, SYNTAX, "the workbook has no sheet")]
            name = next((n for n in names if header_key(n) in SHEET_NAMES), names[0])
            sheet = book[name]
            if not hasattr(sheet, "reset_dimensions"):  # a chart sheet
                msg = f"sheet '{name}' is not a worksheet; put the actuals in the first sheet"
                return [], [_diag(file, SYNTAX, msg)]
            rows, cols = sheet.max_row or 0, sheet.max_column or 0
            if rows > MAX_ROWS or cols > MAX_COLUMNS:
                msg = (
                    f"sheet '{name}' declares {rows:,} rows x {cols:,} columns; at most "
                    f"{MAX_ROWS:,} x {MAX_COLUMNS} are read (delete unused rows and columns)"
                )
                return [], [_diag(file, UNREADABLE, msg)]
            sheet.reset_dimensions()  # read every row there is, not what was declared
            grid = _grid(sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS + 1))
            return _bounded(grid, file)
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
