"""Codes of the load stage (``LOAD``): reading a file's bytes into plain data.

Emitted by :mod:`cascade.load` (the YAML reader and the CSV/xlsx table
readers) and by anything that reads plan files (``diff``).
"""

from __future__ import annotations

from cascade.checks.check import declare
from cascade.diagnostics import Level

SYNTAX = declare(
    "LOAD001",
    "yaml-syntax",
    """
    The file is not valid YAML (an unclosed bracket, a tab used for
    indentation, a bad indent).  The position is where the parser stopped.
    CSV and xlsx actuals tables report ``LOAD010`` instead.

    Fails::

        kpis: [{id: 2-1, weight: 20}
    """,
)

DUPLICATE_KEY = declare(
    "LOAD002",
    "duplicate-key",
    """
    A key appears twice in one mapping.  Most YAML tools silently keep the
    last one; cascade refuses, since one of the two values would be lost.

    Fails::

        weight: 20
        weight: 25
    """,
)

TAG = declare(
    "LOAD003",
    "yaml-tag",
    """
    YAML tags (``!!python/object``, ``!!int``, ``!custom``) are not
    allowed: a plan holds plain values, and tags are how YAML files run
    code in other tools.

    Fails::

        weight: !!python/object/apply:os.system [ls]
    """,
)

ALIAS = declare(
    "LOAD004",
    "alias-expansion",
    """
    Anchors and aliases (``&a`` / ``*a``) may be used, but what they
    expand to is bounded (10,000 nodes a document), so a small file cannot
    blow up into billions of values (an "alias bomb").
    """,
)

ENCODING = declare(
    "LOAD005",
    "encoding",
    """
    Plan files are UTF-8 (a UTF-8 byte-order mark is fine).  UTF-16 or
    UTF-32 files, invalid bytes and NUL bytes are reported at their
    line:column; re-save the file as UTF-8.
    """,
)

DEPTH = declare(
    "LOAD006",
    "nesting-depth",
    """
    Values nested deeper than 64 levels are refused before parsing (very
    deep input crashes YAML parsers); no plan needs more than a few levels.
    """,
)

EMPTY = declare(
    "LOAD007",
    "empty-file",
    """
    The file holds no YAML document; it is ignored.  Delete it or add a
    ``kind:``.
    """,
    Level.WARNING,
)

COMPLEX_KEY = declare(
    "LOAD008",
    "complex-key",
    """
    Keys are plain text; a list or mapping used as a key (``? [a, b]``) is
    refused.
    """,
)

UNREADABLE = declare(
    "LOAD009",
    "unreadable-file",
    """
    The file cannot be read (permissions, not a regular file, larger than
    64 MiB).
    """,
)

TABLE_SYNTAX = declare(
    "LOAD010",
    "table-syntax",
    """
    An actuals table (CSV or xlsx) is not laid out as cascade reads one.
    Causes: no ``kpi`` / ``ตัวชี้วัด`` column in the header row, a cell with
    a value under no header, a broken quote in a CSV, a file name that does
    not say the period (or disagrees with the period written in the sheet),
    an old ``.xls`` or password-protected workbook, a damaged workbook or
    one with no worksheet.  The position is the cell (row and column,
    1-based) when there is one.

    Fails (``actuals/results.csv``: no period in the name)::

        kpi,value
        LAW/2-1,85

    Passes (``actuals/2569-Q2.csv``)::

        kpi,value
        LAW/2-1,85
    """,
)
