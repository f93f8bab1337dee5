"""Positions: cascade's 1-based code-point line:column ↔ the client's encoding.

cascade counts lines and columns from 1 and columns in code points (what the
YAML parser's marks count).  LSP counts from 0 and, by default, in UTF-16
code units, so a Thai character is one unit and an emoji two; a client may
negotiate UTF-8 or UTF-32 instead.  pygls' :class:`PositionCodec` holds the
negotiated encoding; these helpers apply it to a file's lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types
from pygls.workspace import PositionCodec

STOP = frozenset(" \t,]}#\r\n")
"""Characters that end a plain scalar (the end of a diagnostic's range)."""


def to_client(codec: PositionCodec, lines: Sequence[str], line: int, column: int) -> types.Position:
    """The client position of 0-based ``line`` and code-point ``column``."""
    if line >= len(lines):
        return types.Position(line=line, character=0)
    text = lines[line].rstrip("\r\n")
    return types.Position(line=line, character=codec.client_num_units(text[:column]))


def to_range(
    codec: PositionCodec,
    lines: Sequence[str],
    start: tuple[int, int],
    end: tuple[int, int],
) -> types.Range:
    """The client range between two 0-based (line, code-point column) places."""
    return types.Range(start=to_client(codec, lines, *start), end=to_client(codec, lines, *end))


def from_client(
    codec: PositionCodec, lines: Sequence[str], position: types.Position
) -> tuple[int, int]:
    """0-based (line, code-point column) of a client position."""
    if position.line >= len(lines):
        return (position.line, 0)
    text = lines[position.line].rstrip("\r\n")
    units = 0
    for column, char in enumerate(text):
        if units >= position.character:
            return (position.line, column)
        units += codec.client_num_units(char)
    return (position.line, len(text))


def diagnostic_range(
    codec: PositionCodec, lines: Sequence[str], line: int, column: int
) -> types.Range:
    """The range of a diagnostic at 1-based ``line``:``column``: the word there."""
    row, col = max(line - 1, 0), max(column - 1, 0)
    text = lines[row].rstrip("\r\n") if row < len(lines) else ""
    col = min(col, len(text))
    end = col
    quote = text[col] if col < len(text) and text[col] in "\"'" else ""
    if quote:
        close = text.find(quote, col + 1)
        end = close + 1 if close > 0 else len(text)
    else:
        while end < len(text) and text[end] not in STOP:
            end += 1
    return to_range(codec, lines, (row, col), (row, end))
