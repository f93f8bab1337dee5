"""CSV actuals tables: UTF-8 only, strict quoting, positions for every problem.

A CSV is a text file, so its positions are the file's physical line and
character column (what an editor shows), also after a quoted cell that holds
line breaks; the messages name the cell as a spreadsheet shows it (``C5``).
"""

from __future__ import annotations

import csv
import io

from cascade.checks.load import TABLE_SYNTAX
from cascade.diagnostics import Diagnostic
from cascade.load.encoding import decode_utf8
from cascade.load.table_format import (
    HEADER_SCAN,
    MAX_ROWS,
    Place,
    Row,
    bounded,
    moved,
)

_SAVE_AS = "save it from Excel as 'CSV UTF-8 (Comma delimited) (*.csv)'"


def csv_rows(data: bytes, file: str) -> tuple[list[Row], list[Diagnostic], Place]:
    """The rows of a CSV (numbered as a spreadsheet shows them), its problems,
    and where each (row, column) cell starts in the file (physical line and
    character column: a quoted cell may hold line breaks)."""
    delimiter = _delimiter(data[:65536].decode("utf-8", errors="replace"))
    text, problems = _decode_csv(data, file)
    if text is None or problems:
        return [], problems, _same
    places = cell_places(text, delimiter)

    def place(row: int, column: int) -> tuple[int, int]:
        cells = places[row - 1] if 0 < row <= len(places) else []
        return cells[min(column, len(cells)) - 1] if cells else (row, column)

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
        return [], [TABLE_SYNTAX.diagnostic(file, msg, *place(number + 1, column))], place
    rows, problems = bounded(grid, file)
    return rows, [moved(d, place) for d in problems], place


def _same(row: int, column: int) -> tuple[int, int]:
    return row, column


def cell_places(text: str, delimiter: str) -> list[list[tuple[int, int]]]:
    """For each record the csv module reads from ``text``, the (line, column)
    where each of its cells starts (an empty line is a record of no cells)."""
    records: list[list[tuple[int, int]]] = []
    line, column, at = 1, 1, 0
    cells: list[tuple[int, int]] = [(1, 1)]
    quoted, cell_start, blank = False, True, True
    size = len(text)
    while at < size:
        char = text[at]
        if char in "\r\n":
            at += 2 if text.startswith("\r\n", at) else 1
            line, column = line + 1, 1
            if not quoted:
                records.append([] if blank else cells)
                cells, cell_start, blank = [(line, 1)], True, True
            continue
        blank = False
        if quoted:
            if char == '"':
                if text.startswith('""', at):
                    at, column = at + 1, column + 1
                else:
                    quoted = False
        elif char == delimiter:
            cells.append((line, column + 1))
            cell_start = True
            at, column = at + 1, column + 1
            continue
        elif char == '"' and cell_start:
            quoted = True
        cell_start = False
        at, column = at + 1, column + 1
    if not blank:
        records.append(cells)
    return records


def _delimiter(head: str) -> str:
    """Comma, unless the first line with content has more tabs or semicolons."""
    for line in head.splitlines()[:HEADER_SCAN]:
        if line.strip():
            counts = {d: line.count(d) for d in (",", "\t", ";")}
            return max(counts, key=lambda d: (counts[d], d == ","))
    return ","


def _decode_csv(data: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 text of a CSV, or diagnostics at the line:column of what is not."""
    return decode_utf8(data, file, _SAVE_AS)


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
