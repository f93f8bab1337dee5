"""Ranges of index occurrences: a path in a document → the range of its node.

A :class:`Sources` holds the texts of one plan as the last check read them
(buffers first, then disk) and one :class:`SourceMap` per file, built on
first use.  An occurrence may name only part of its node (a name in a
weight expression), or its key (``params: {A: 5}``).  In a CSV actuals
table the node is a cell, placed by the table reader's cell map; a workbook
(xlsx) has no ranges, only cell names (:meth:`Sources.workbook_cell`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from cascade.diagnostics import DocPath
from cascade.load.discover import TABLE_SUFFIXES
from cascade.load.positions import SourceMap
from cascade.load.table_format import cell_name, sheet_of
from cascade.load.tables import read_table
from cascade.lsp.documents import read_text
from cascade.lsp.index import Occurrence

Cells = dict[tuple[str | int, ...], tuple[int, int]]

Span = tuple[tuple[int, int], tuple[int, int]]
"""0-based ((line, column), (end line, end column)), columns in code points."""


class Sources:
    """Texts and source maps of one plan's files."""

    def __init__(self, root: Path, texts: Mapping[str, str]) -> None:
        self.root = root
        self.texts = dict(texts)
        self.maps: dict[str, SourceMap] = {}
        self.lines_of: dict[str, list[str]] = {}
        self.cells: dict[str, Cells] = {}

    def text(self, rel: str) -> str:
        """The file's text (read once)."""
        if rel not in self.texts:
            self.texts[rel] = read_text(self.root, rel, {})
        return self.texts[rel]

    def lines(self, rel: str) -> list[str]:
        """The file's lines, without their ends."""
        if rel not in self.lines_of:
            self.lines_of[rel] = self.text(rel).splitlines()
        return self.lines_of[rel]

    def source_map(self, rel: str) -> SourceMap:
        """The file's source map (built once)."""
        if rel not in self.maps:
            self.maps[rel] = SourceMap(self.text(rel))
        return self.maps[rel]

    def place(self, found: Occurrence) -> Span | None:
        """The range of an index occurrence: its node, the part of the node's
        text it names, or its key."""
        if found.at_key:
            line, column = self.source_map(found.file).locate(found.doc, found.path, True)
            end = column - 1 + len(str(found.path[-1]))
            return (line - 1, column - 1), (line - 1, end)
        span = self.span(found.file, found.doc, found.path)
        if found.within is None or span is None:
            return span
        (line, column), (end_line, _) = span
        start, end = column + found.within[0], column + found.within[1]
        if line != end_line or self.lines(found.file)[line][start:end] != found.key[-1]:
            return None  # written over several lines, or escaped: not placed
        return (line, start), (line, end)

    def cell(self, rel: str, path: DocPath) -> Span | None:
        """The range of a CSV cell's text (its quotes and spaces left out)."""
        if rel not in self.cells:
            self.cells[rel] = read_table(self.text(rel).encode("utf-8"), rel).cells or {}
        found = self.cells[rel].get(tuple(path))
        lines = self.lines(rel)
        if found is None or not 0 < found[0] <= len(lines):
            return None
        line, text = found[0] - 1, lines[found[0] - 1]
        start = found[1] - 1
        if text[start : start + 1] == '"':
            close = text.find('"', start + 1)
            return ((line, start + 1), (line, close)) if close > 0 else None
        end = min((i for c in ",;\t" if (i := text.find(c, start)) >= 0), default=len(text))
        cell = text[start:end]
        head = len(cell) - len(cell.lstrip())
        return (line, start + head), (line, start + len(cell.rstrip()))

    def workbook_cell(self, rel: str, path: DocPath) -> str:
        """The name of a workbook's cell (``actuals!A3``), read from the disk;
        ``""`` when it cannot be placed."""
        if rel not in self.cells:
            try:
                data = (self.root / rel).read_bytes()
            except OSError:
                return ""
            self.cells[rel] = read_table(data, rel).cells or {}
        cells = self.cells[rel]
        found = cells.get(tuple(path))
        return "" if found is None else cell_name(*found, sheet_of(cells) or "")

    def span(self, rel: str, doc: int, path: DocPath) -> Span | None:
        """The range of the node at ``path``, inside its quotes when it is quoted
        (of a CSV table's cell; ``None`` for a workbook's)."""
        if rel.lower().endswith(".csv"):
            return self.cell(rel, path)
        if rel.endswith(TABLE_SUFFIXES):
            return None
        found = self.source_map(rel).span(doc, path)
        if found is None:
            return None
        (line, col), (end_line, end_col) = found
        lines = self.lines(rel)
        if line == end_line and line < len(lines):
            text = lines[line]
            if col < len(text) and text[col] in "\"'" and end_col - col >= 2:
                col, end_col = col + 1, end_col - 1
        return (line, col), (end_line, end_col)
