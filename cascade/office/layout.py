"""Finding a KPI table's header: the row (or two rows, under merged cells)
whose titles name the most fields, the KPI name among them; criteria levels
as sub-headers ``1 … 5`` under a merged ``เกณฑ์การให้คะแนน``, or as
``ระดับ 1 … ระดับ 5`` in one row."""

from __future__ import annotations

from dataclasses import dataclass, field

from cascade.office.words import field_of, level_of

HEADER_SCAN = 30
"""How many non-blank rows from the top may hold the header."""


@dataclass(slots=True)
class Layout:
    """Which column holds which field; the data starts below row ``row``."""

    row: int
    columns: dict[int, str] = field(default_factory=dict)
    levels: dict[int, int] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)

    def score(self) -> int:
        """How much of a KPI table this header names."""
        return len(set(self.columns.values())) + (2 if len(self.levels) > 1 else 0)


def _name(text: str, words: dict[str, str]) -> str | None:
    return words.get(text.strip()) or field_of(text)


def _single(row: int, texts: list[str], words: dict[str, str]) -> Layout:
    layout = Layout(row, words=words)
    for column, text in enumerate(texts, 1):
        named = _name(text, words) if text else None
        level = level_of(text) if text and named is None else None
        if named is not None and named not in layout.columns.values():
            layout.columns[column] = named
        elif level is not None and level not in layout.levels.values():
            layout.levels[column] = level
    return layout


def _double(row: int, top: list[str], below: list[str], words: dict[str, str]) -> Layout | None:
    """Two header rows: merged titles on top, sub-titles (levels 1–5) below."""
    layout = Layout(row + 1, words=words)
    carried = ""
    width = max(len(top), len(below))
    for column in range(1, width + 1):
        upper = top[column - 1] if column <= len(top) else ""
        lower = below[column - 1] if column <= len(below) else ""
        carried = upper or carried
        level = level_of(lower) if lower else None
        named_upper = _name(upper, words) if upper else None
        if level is not None and (_name(carried, words) in (None, "criteria")):
            if level not in layout.levels.values():
                layout.levels[column] = level
        elif named_upper is not None and named_upper not in layout.columns.values():
            layout.columns[column] = named_upper
        elif lower and (named := _name(lower, words)) and named not in layout.columns.values():
            layout.columns[column] = named
    name_column = next((c for c, f in layout.columns.items() if f == "name"), None)
    if name_column is None or (name_column <= len(below) and below[name_column - 1]):
        return None  # the row below holds a KPI name: it is data, not a header
    return layout


def find_layout(grid: list[tuple[int, list[str]]], words: dict[str, str]) -> Layout | None:
    """The best header in the first rows, or ``None`` when no row names a KPI column."""
    best: Layout | None = None
    scan = grid[:HEADER_SCAN]
    for index, (row, texts) in enumerate(scan):
        candidates = [_single(row, texts, words)]
        if index + 1 < len(grid) and grid[index + 1][0] == row + 1:
            double = _double(row, texts, grid[index + 1][1], words)
            if double is not None:
                candidates.append(double)
        for layout in candidates:
            if "name" not in layout.columns.values() or layout.score() < 2:
                continue
            if best is None or layout.score() > best.score():
                best = layout
    return best
