"""Layout the author chose, read off source positions before anything moves.

* :func:`seq_style` — is a block list under a key written with its ``-`` at
  the key's column or two columns in?  Counted over the whole file; the more
  common style wins (ties: indented, the style of the examples).
* :func:`line_starts` / :func:`break_queue` — which items of a flow mapping
  or list start a new source line, replayed as the emitter's line breaks.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cascade.fmt.comments import is_block
from cascade.fmt.rtyaml import SeqStyle

Starts = dict[int, set[Any]]
"""id of a flow collection → its keys (or indexes) that begin a source line."""


def _nodes(node: Any, seen: set[int] | None = None) -> Iterator[CommentedMap | CommentedSeq]:
    """Every collection below ``node`` (itself included), each once, in order."""
    seen = set() if seen is None else seen
    if not isinstance(node, CommentedMap | CommentedSeq) or id(node) in seen:
        return
    seen.add(id(node))
    yield node
    for child in node.values() if isinstance(node, CommentedMap) else node:
        yield from _nodes(child, seen)


def _offsets(documents: Sequence[Any]) -> Iterator[int]:
    for document in documents:
        for node in _nodes(document):
            if not isinstance(node, CommentedMap):
                continue
            for key, value in node.items():
                if isinstance(value, CommentedSeq) and is_block(value):
                    key_at = node.lc.data.get(key)
                    if key_at is not None and value.lc.col is not None:
                        yield int(value.lc.col) - int(key_at[1])


def seq_style(documents: Sequence[Any]) -> SeqStyle:
    """The file's block-list style (see the module docstring)."""
    flush = indented = 0
    for offset in _offsets(documents):
        if offset <= 0:
            flush += 1
        else:
            indented += 1
    return SeqStyle.FLUSH if flush > indented else SeqStyle.INDENTED


def line_starts(document: Any, lines: Sequence[str]) -> Starts:
    """For each flow collection, the entries written first on their line."""
    starts: Starts = {}
    for node in _nodes(document):
        if not node.fa.flow_style():
            continue
        entries = node.keys() if isinstance(node, CommentedMap) else range(len(node))
        first = set()
        for entry in entries:
            at = node.lc.data.get(entry)
            if at is None:
                continue
            line, column = int(at[0]), int(at[1])
            if 0 <= line < len(lines) and not lines[line][:column].strip():
                first.add(entry)
        if first:
            starts[id(node)] = first
    return starts


def break_queue(document: Any, starts: Starts) -> list[bool]:
    """One flag per flow entry after the first, in the order the emitter meets them."""
    flags: list[bool] = []
    seen: set[int] = set()

    def walk(node: Any) -> None:
        if not isinstance(node, CommentedMap | CommentedSeq) or id(node) in seen:
            return
        seen.add(id(node))
        flow = node.fa.flow_style()
        begins = starts.get(id(node), set())
        entries = list(node.items()) if isinstance(node, CommentedMap) else enumerate(node)
        for i, (entry, child) in enumerate(entries):
            if flow and i:
                flags.append(entry in begins)
            walk(child)

    walk(document)
    return flags
