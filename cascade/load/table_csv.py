"""CSV actuals tables: UTF-8 only, strict quoting, positions for every problem."""

from __future__ import annotations

import csv
import io

from cascade.checks.load import TABLE_SYNTAX
from cascade.diagnostics import Diagnostic
from cascade.load.encoding import decode_utf8
from cascade.load.table_format import (
    HEADER_SCAN,
    MAX_ROWS,
    Row,
    bounded,
)

_SAVE_AS = "save it from Excel as 'CSV UTF-8 (Comma delimited) (*.csv)'"


def csv_rows(data: bytes, file: str) -> tuple[list[Row], list[Diagnostic]]:
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
        return [], [TABLE_SYNTAX.diagnostic(file, msg, number + 1, column)]
    return bounded(grid, file)


def _delimiter(head: str) -> str:
    """Comma, unless the first line with content has more tabs or semicolons."""
    for line in head.splitlines()[:HEADER_SCAN]:
        if line.strip():
            counts = {d: line.count(d) for d in (",", "\t", ";")}
            return max(counts, key=lambda d: (counts[d], d == ","))
    return ","


def _decode_csv(data: bytes, file: str, delimiter: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 text of a CSV, or diagnostics at the cells that are not."""
    return decode_utf8(data, file, _SAVE_AS, lambda prefix: _csv_position(prefix, delimiter))


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
