"""Formatting a buffer through ``cascade fmt`` (the whole document).

The buffer's text goes through :func:`cascade.fmt.formatter.format_bytes`,
exactly as ``cascade fmt`` formats a file; when it refuses (the buffer does
not parse, or formatting would change what it says) the answer is no edit,
silently: the diagnostics already say what is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types
from pygls.workspace import PositionCodec

from cascade.fmt.formatter import format_bytes
from cascade.load.discover import TABLE_SUFFIXES
from cascade.lsp.positions import to_client


def format_document(
    rel: str, text: str, lines: Sequence[str], codec: PositionCodec
) -> list[types.TextEdit]:
    """One edit replacing the whole document with its canonical form, or none."""
    if rel.endswith(TABLE_SUFFIXES):
        return []
    formatted = format_bytes(text.encode("utf-8"), rel)
    if formatted.after is None or formatted.after == formatted.before:
        return []
    end_line = len(lines)
    end = types.Position(line=end_line, character=0)
    if lines and not text.endswith(("\n", "\r")):
        end = to_client(codec, lines, end_line - 1, len(lines[-1]))
    return [
        types.TextEdit(
            range=types.Range(start=types.Position(line=0, character=0), end=end),
            new_text=formatted.after.decode("utf-8"),
        )
    ]
