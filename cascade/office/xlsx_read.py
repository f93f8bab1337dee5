"""``cascade import xlsx``: a workbook's KPI table read into a :class:`Source`
— title lines above the header, dimension section rows, one KPI a row, ids
in their own column or at the start of the name; every cell it cannot use
is a problem with its ``sheet!C7`` place."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from cascade.office.layout import Layout, find_layout
from cascade.office.mapping import Mapping
from cascade.office.records import GOAL_SHEETS, GOAL_WORDS, SIGNER_SHEETS, SIGNER_WORDS, records
from cascade.office.source import Cell, Found, Source, cell_place, framework_of, section_of
from cascade.office.values import number, plain
from cascade.office.words import FIELD_WORDS, field_of, key
from cascade.office.workbook import Grid, ImportFailed, sheet_grid

_TOTALS = {key(w) for w in ("รวม", "รวมทั้งสิ้น", "รวมน้ำหนัก", "total", "sum", "grand total")}
_SIGNATURE = re.compile(r"^\(?\s*(?:ลงชื่อ|ลงนาม|signed\b|signature\b)|\.{6,}|_{6,}", re.IGNORECASE)
"""A signature line (``ลงชื่อ ........ ผู้รับคำรับรอง``): the signature block ends the table."""
_MARKERS = ("name", "weight", "target", "same_as", "unit_of_measure")


def read_xlsx(path: Path, sheet: str | None, mapping: Mapping | None) -> Source:
    """The KPIs of ``path``'s sheet (``sheet``, the mapping's, or the first)."""
    wanted = sheet or (mapping.sheet if mapping else None)
    name, grid, others = sheet_grid(path, wanted, frozenset(GOAL_SHEETS | SIGNER_SHEETS))
    words = mapping.headers if mapping else {}
    layout = mapping.layout(grid) if mapping and mapping.columns else find_layout(grid, words)
    if layout is None:
        known = ", ".join(FIELD_WORDS["name"][:3] + FIELD_WORDS["weight"][:1])
        raise ImportFailed(
            f"{path}: sheet '{name}' has no KPI table header in its first rows (a row with "
            f"a column titled {known} …); choose the sheet with --sheet or describe the "
            "layout with --mapping"
        )
    source = Source(path.name)
    _above(source, grid, layout)
    _rows(source, name, grid, layout)
    for other, rows in others.items():
        table = [
            (texts, [cell_place(other, row, c) for c in range(1, len(texts) + 1)])
            for row, texts in rows
        ]
        if key(other) in GOAL_SHEETS:
            source.goals.extend(records(table, GOAL_WORDS))
        else:
            source.signers.extend(records(table, SIGNER_WORDS))
    return source


def _above(source: Source, grid: Grid, layout: Layout) -> None:
    """Title and framework lines above the header."""
    for row, texts in grid:
        if row >= layout.row - (1 if _two_rows(layout, grid) else 0):
            return
        filled = [t for t in texts if t]
        if len(filled) != 1:
            continue
        framework = framework_of(filled[0])
        if framework is not None:
            source.framework = framework
        else:
            source.title.append(filled[0])


def _two_rows(layout: Layout, grid: Grid) -> bool:
    rows = {row for row, _ in grid}
    return layout.row - 1 in rows and bool(layout.levels) and layout.row > 1


def _rows(source: Source, sheet: str, grid: Grid, layout: Layout) -> None:
    section = None
    signed = False
    for row, texts in grid:
        if row <= layout.row:
            continue
        cells = {
            layout.columns.get(c) or f"level{layout.levels[c]}": (c, t)
            for c, t in enumerate(texts, 1)
            if t and (c in layout.columns or c in layout.levels)
        }
        filled = [(c, t) for c, t in enumerate(texts, 1) if t]
        first_column, first = filled[0]
        signed = signed or (_SIGNATURE.search(first) is not None and not _has_values(cells))
        if signed:
            for column, text in filled:
                source.problem(
                    cell_place(sheet, row, column),
                    f"in the signature block, ignored: '{_short(text)}'",
                )
            continue
        if key(first) in _TOTALS or key(plain(first).split(" ")[0]) in _TOTALS:
            continue
        if _is_header_again(cells, layout):
            continue
        found_section = section_of(first, cell_place(sheet, row, first_column))
        if found_section is not None and not any(k.startswith("level") for k in cells):
            if found_section.weight is None and "weight" in cells:
                found_section = replace(found_section, weight=number(cells["weight"][1]))
            section = found_section
            continue
        if not any(k in cells for k in _MARKERS):
            for column, text in filled:
                source.problem(
                    cell_place(sheet, row, column),
                    f"not in a KPI column, ignored: '{_short(text)}'",
                )
            continue
        found = Found(cell_place(sheet, row, first_column), section=section)
        for name, (column, text) in cells.items():
            place = cell_place(sheet, row, column)
            if name.startswith("level"):
                found.levels[int(name[5:])] = Cell(text, place)
            else:
                found.cells[name] = Cell(text, place)
        for column, text in filled:
            if column not in layout.columns and column not in layout.levels:
                source.problem(
                    cell_place(sheet, row, column),
                    f"not under a known column title, ignored: '{_short(text)}'",
                )
        source.kpis.append(found)


def _has_values(cells: dict[str, tuple[int, str]]) -> bool:
    """Whether a row gives a weight, a target or a criteria level (a KPI, not a signature)."""
    return any(k in ("weight", "target") or k.startswith("level") for k in cells)


def _is_header_again(cells: dict[str, tuple[int, str]], layout: Layout) -> bool:
    """A header repeated further down (printed forms repeat it on each page)."""
    return "name" in cells and field_of(cells["name"][1]) == "name"


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 40 else flat[:39] + "…"
