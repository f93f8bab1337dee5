"""``cascade export xlsx``: an agreement as the KPI workbook agencies use —
title lines, a two-row Thai header (เกณฑ์การให้คะแนน merged over levels 1–5),
a section row per dimension with its weight, one KPI a row."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from cascade.office.forms import (
    GOAL_HEADER,
    LABELS,
    MAIN,
    MORE,
    SIGNER_HEADER,
    Form,
    Value,
    writable,
)

LEVELS = 5
SHEET = "ตัวชี้วัด"


def _append(sheet: Any, values: Sequence[Value | int | None]) -> None:
    """Add a row; text is written as text, never as a formula (a KPI name such as
    ``=HYPERLINK(…)`` stays inert and comes back as written on import)."""
    sheet.append([writable(v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


def workbook_bytes(form: Form) -> bytes:
    """The workbook of ``form`` as ``.xlsx`` bytes."""
    from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped,unused-ignore]

    book = Workbook()
    sheet: Any = book.active
    sheet.title = SHEET
    for line in form.title:
        _append(sheet, [line])
    if form.framework:
        _append(sheet, [f"กรอบการประเมิน: {form.framework}"])
    first = form.used(MAIN)
    more = form.used(MORE)
    top = sheet.max_row + 1
    sheet.append(
        [LABELS[n] for n in first]
        + [LABELS["criteria"]]
        + [""] * (LEVELS - 1)
        + [LABELS[n] for n in more]
    )
    sheet.append([None] * len(first) + list(range(1, LEVELS + 1)) + [None] * len(more))
    start = len(first) + 1
    sheet.merge_cells(start_row=top, start_column=start, end_row=top, end_column=start + LEVELS - 1)
    for column in [*range(1, start), *range(start + LEVELS, start + LEVELS + len(more))]:
        sheet.merge_cells(start_row=top, start_column=column, end_row=top + 1, end_column=column)
    bold = Font(bold=True)
    for row in sheet.iter_rows(min_row=top, max_row=top + 1):
        for cell in row:
            cell.font = bold
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    width = len(first) + LEVELS + len(more)
    for group in form.groups:
        if group.title:
            _append(sheet, [group.title])
            sheet.merge_cells(
                start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width
            )
            sheet.cell(sheet.max_row, 1).font = bold
        for cells, levels in zip(group.rows, group.levels, strict=True):
            padded = list(levels) + [None] * (LEVELS - len(levels))
            _append(sheet, [cells.get(n) for n in first] + padded + [cells.get(n) for n in more])
            for cell in sheet[sheet.max_row]:
                cell.alignment = Alignment(vertical="top", wrap_text=True)
    for column, size in ((1, 8), (2, 60)):
        sheet.column_dimensions[chr(64 + column)].width = size
    for title, header, rows in (
        ("เป้าประสงค์", GOAL_HEADER, form.goals),
        ("ผู้ลงนาม", SIGNER_HEADER, form.signers),
    ):
        if rows:
            extra = book.create_sheet(title)
            extra.append(header)
            for cell in extra[1]:
                cell.font = bold
            for row in rows:
                _append(extra, row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
