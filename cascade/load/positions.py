"""Source positions: (document, path) → line:column, computed lazily.

A clean run never builds these.  When a file has findings, it is composed
once more with the same C parser (so both passes accept the same text) and
the node tree is kept to answer every finding of that file.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from cascade.diagnostics import PathPart
from cascade.load.parser import Loader as _Loader


class SourceMap:
    """Positions of the nodes of every document of one file's text."""

    def __init__(self, text: str) -> None:
        try:
            self._roots: list[yaml.Node | None] = list(yaml.compose_all(text, Loader=_Loader))
        except (yaml.YAMLError, ValueError, RecursionError, MemoryError):
            self._roots = []

    def locate(self, doc: int, path: Sequence[PathPart], at_key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the deepest node on ``path`` that exists.

        Path parts that name nothing in the document (a pydantic union tag, a
        missing key) are skipped, so the position is the closest real place.
        """
        if doc >= len(self._roots) or self._roots[doc] is None:
            return (1, 1)
        node = self._roots[doc]
        assert node is not None
        key_node: yaml.Node | None = None
        for part in path:
            child, child_key = _child(node, part)
            if child is None:
                continue
            node, key_node = child, child_key
        target = key_node if at_key and key_node is not None else node
        mark = target.start_mark
        return (mark.line + 1, mark.column + 1)

    def span(
        self, doc: int, path: Sequence[PathPart]
    ) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """0-based ``((line, column), (end line, end column))`` of the node at
        ``path`` exactly (``None`` when the path names nothing); columns count
        code points.  For an editor's ranges."""
        if doc >= len(self._roots) or self._roots[doc] is None:
            return None
        node = self._roots[doc]
        assert node is not None
        for part in path:
            node, _ = _child(node, part)
            if node is None:
                return None
        start, end = node.start_mark, node.end_mark
        return (start.line, start.column), (end.line, end.column)

    def nodes(self) -> list[yaml.Node | None]:
        """The composed root node of every document (empty when the text does not parse)."""
        return self._roots


def _child(node: yaml.Node, part: PathPart) -> tuple[yaml.Node | None, yaml.Node | None]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return value, key
        return None, None
    if (
        isinstance(node, yaml.SequenceNode)
        and isinstance(part, int)
        and 0 <= part < len(node.value)
    ):
        return node.value[part], None
    return None, None
