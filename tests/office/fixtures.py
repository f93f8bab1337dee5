"""Workbooks and Word files in the layouts agencies use, built in the tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cascade.load.reader import parse_text
from cascade.office.context import Context
from cascade.office.docx_read import read_docx
from cascade.office.draft import draft_import
from cascade.office.xlsx_read import read_xlsx

Rows = Sequence[Any]
"""Rows of cells (lists of mixed text, numbers and blanks)."""


def workbook(path: Path, rows: Rows, merges: Sequence[str] = (), sheet: str = "KPI") -> Path:
    """An .xlsx with ``rows`` from A1 on, ``merges`` merged (``"F3:J3"``)."""
    from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]

    book = Workbook()
    active: Any = book.active
    active.title = sheet
    for row in rows:
        active.append(list(row))
    for cells in merges:
        active.merge_cells(cells)
    book.save(path)
    return path


def word(path: Path, parts: Sequence[str | Rows]) -> Path:
    """A .docx of paragraphs (text) and two-column tables (rows of label, value)."""
    import docx  # type: ignore[import-untyped,unused-ignore]

    document: Any = docx.Document()
    for part in parts:
        if isinstance(part, str):
            document.add_paragraph(part)
            continue
        table = document.add_table(rows=len(part), cols=max(len(r) for r in part))
        for row, values in zip(table.rows, part, strict=True):
            for cell, value in zip(row.cells, values, strict=False):
                cell.text = str(value)
        document.add_paragraph()
    document.save(path)
    return path


def xlsx_draft(
    path: Path, party: str = "LAW", context: Context | None = None
) -> tuple[str, list[str]]:
    """The draft text of an .xlsx import and its problems as lines."""
    draft = draft_import(
        read_xlsx(path, None, None), party, context or Context(), "cascade import xlsx", None
    )
    return draft.text, [p.line() for p in draft.problems]


def docx_draft(path: Path, party: str = "LAW") -> tuple[dict[str, Any], list[str]]:
    """The parsed draft of a .docx import and its problems as lines."""
    draft = draft_import(read_docx(path), party, Context(), "cascade import docx", None)
    return parse_text(draft.text, "x").documents[0], [p.line() for p in draft.problems]


def kpis_of(text: str) -> list[dict[str, Any]]:
    """The KPIs of a draft, as the loader reads them (every scalar text)."""
    data = parse_text(text, "x").documents[0]
    assert isinstance(data, dict)
    kpis: list[dict[str, Any]] = data["kpis"]
    return kpis
