"""Ranges of index occurrences: a path in a document → the range of its node.

A :class:`Sources` holds the texts of one plan as the last check read them
(buffers first, then disk) and one :class:`SourceMap` per file, built on
first use.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from cascade.diagnostics import DocPath
from cascade.load.discover import TABLE_SUFFIXES
from cascade.load.positions import SourceMap
from cascade.lsp.documents import read_text

Span = tuple[tuple[int, int], tuple[int, int]]
"""0-based ((line, column), (end line, end column)), columns in code points."""


class Sources:
    """Texts and source maps of one plan's files."""

    def __init__(self, root: Path, texts: Mapping[str, str]) -> None:
        self.root = root
        self.texts = dict(texts)
        self.maps: dict[str, SourceMap] = {}
        self.lines_of: dict[str, list[str]] = {}

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

    def span(self, rel: str, doc: int, path: DocPath) -> Span | None:
        """The range of the node at ``path``, inside its quotes when it is quoted
        (``None`` for a table file, whose cells are not YAML nodes)."""
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
