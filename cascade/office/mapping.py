"""``--mapping MAP.yaml``: any other workbook layout, described by hand.

.. code-block:: yaml

    sheet: ตัวชี้วัด          # optional: the sheet to read
    header_row: 4            # optional: the data starts below this row
    columns: {B: id, C: name, D: unit_of_measure, E: weight, F: target,
              G: level 1, H: level 2, I: level 3, J: level 4, K: level 5}
    headers: {"ชื่อตัวชี้วัดหลัก": name}   # optional: more header wordings

Without ``columns``, the header is found as usual, with ``headers`` added
to the wordings cascade knows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from cascade.load.reader import parse_text
from cascade.office.layout import Layout
from cascade.office.words import FIELD_WORDS, level_of
from cascade.office.workbook import Grid, ImportFailed

_LETTERS = re.compile(r"^[A-Za-z]{1,3}$")


@dataclass(frozen=True, slots=True)
class Mapping:
    """A hand-written layout: sheet, header row, column → field, extra wordings."""

    sheet: str | None = None
    header_row: int | None = None
    columns: dict[int, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    def layout(self, grid: Grid) -> Layout:
        """The layout the mapping describes (the data below ``header_row``, else row 1 on)."""
        layout = Layout(self.header_row or 0, words=self.headers)
        for column, name in self.columns.items():
            level = level_of(name.replace("level", "").replace("criteria", "").strip(" ._"))
            if name in FIELD_WORDS:
                layout.columns[column] = name
            elif level is not None:
                layout.levels[column] = level
        return layout


def _column(letters: str) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number


def _field(name: str, where: str) -> str:
    level = level_of(name.replace("level", "").replace("criteria", "").strip(" ._"))
    if name in FIELD_WORDS or level is not None:
        return name
    known = ", ".join([*FIELD_WORDS, "level 1 … level 5"])
    raise ImportFailed(f"{where}: '{name}' is not a field; use one of: {known}")


def read_mapping(path: Path) -> Mapping:
    """The mapping file at ``path``; :class:`ImportFailed` when it is not one."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ImportFailed(f"cannot read {path}: {exc.strerror or exc}") from None
    read = parse_text(text, path.name)
    data = read.documents[0] if read.documents and not read.diagnostics else None
    if not isinstance(data, dict):
        raise ImportFailed(f"{path} is not a mapping file (see 'cascade import xlsx --help')")
    columns: dict[int, str] = {}
    for letters, name in (data.get("columns") or {}).items():
        if not _LETTERS.match(str(letters)):
            raise ImportFailed(f"{path}: '{letters}' is not a column letter (A, B, … AA)")
        columns[_column(str(letters))] = _field(str(name), str(path))
    headers = {
        str(k).strip(): _field(str(v), str(path)) for k, v in (data.get("headers") or {}).items()
    }
    row = data.get("header_row")
    if row is not None and not str(row).isdigit():
        raise ImportFailed(f"{path}: header_row must be a row number")
    sheet = data.get("sheet")
    return Mapping(str(sheet) if sheet else None, int(row) if row else None, columns, headers)
