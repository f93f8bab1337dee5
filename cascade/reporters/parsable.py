"""The ``parsable`` reporter: one ``file:line:col: [level] message (CODE)`` line each.

Exactly :meth:`Diagnostic.format` per diagnostic, in the result's order, and
nothing else (no summary, no notes), so editors and ``grep`` can read it.
"""

from __future__ import annotations

from typing import TextIO

from cascade.result import RunResult


def report(result: RunResult, out: TextIO, color: bool = False) -> None:
    """Write one parsable line per diagnostic; ``color`` is ignored."""
    for diagnostic in result.diagnostics:
        out.write(diagnostic.format() + "\n")
