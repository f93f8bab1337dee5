"""Reading any xlsx safely, for the actuals tables (``table_xlsx``) and
``cascade import`` (``office/workbook``): the zip's bounds checked before
openpyxl unpacks it (members, total size, ratio), defusedxml's refusal of XML
entity tricks recognised, and a sheet's rows as the cells' texts *as typed*:
numbers with 15 significant digits in plain notation (a percent-formatted
cell as ``56.4%``), dates in ISO form, formulas as their text (never
computed)."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from cascade.load.table_format import MAX_MEMBERS, MAX_RATIO, MAX_ROWS, MAX_UNCOMPRESSED


def unsafe_xml(exc: BaseException) -> bool:
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


def zip_problem(infos: list[zipfile.ZipInfo]) -> str:
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


def row_texts(rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[int, list[str]]]:
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
