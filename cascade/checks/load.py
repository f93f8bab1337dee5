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
    The file is not valid YAML (an unclosed quote or bracket, a missing
    ``:``, a tab used for indentation, a bad indent, an anchor ``&a``
    defined twice, an alias ``*a`` used before its anchor).  The position
    is where the person must look: the opening quote or bracket that is
    never closed, the line whose key has no ``:``; elsewhere, where the
    parser stopped.  Every anchor and alias problem of a file is reported.
    CSV and xlsx actuals tables report ``LOAD010`` instead.

    Fails::

        kpis: [{id: 2-1, weight: 20}
    """,
)

DUPLICATE_KEY = declare(
    "LOAD002",
    "duplicate-key",
    """
    A key appears twice in one mapping (or a column twice in an actuals
    table).  Most YAML tools silently keep the last one; cascade refuses,
    since one of the two values would be lost.  Every duplicate is reported.

    Fails::

        weight: 20
        weight: 25
    """,
)

TAG = declare(
    "LOAD003",
    "yaml-tag",
    """
    YAML tags (``!!python/object``, ``!!int``, ``!!binary``, ``!custom``)
    and merge keys (``<<: *base``) are not allowed: a plan holds plain
    values, tags are how YAML files run code in other tools, and a merge key
    reads differently in YAML 1.1 and 1.2 tools.  Every one is reported.

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
    Plan files and CSV tables are UTF-8 (a UTF-8 byte-order mark at the
    start is fine).  A file saved as UTF-16 ("Unicode", with or without a
    byte-order mark) or as Thai Windows-874 / TIS-620 is named as such;
    other invalid bytes are reported at their line:column.  Re-save the
    file as UTF-8.  Every hidden character is reported by its code point
    and line:column: control characters (NUL, ESC, DEL, NEL U+0085), the
    line and paragraph separators U+2028/U+2029 (YAML counts them as line
    breaks, editors do not) and a byte-order mark after the start.
    """,
)

DEPTH = declare(
    "LOAD006",
    "nesting-depth",
    """
    Values nested deeper than 64 levels are refused, at the place where the
    65th level opens (very deep input crashes YAML parsers); no plan needs
    more than a few levels.
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
    4 MiB, or more than 1,000,000 YAML items: values, and starts and ends of
    lists and mappings).
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
    one with no worksheet.  In a CSV the position is the line and column
    where the cell starts in the file (a quoted cell may span lines); in a
    workbook it is the cell's row and column, and the message names the
    cell as Excel does (``actuals!D3``).  Every bad cell is reported.

    Fails (``actuals/results.csv``: no period in the name)::

        kpi,value
        LAW/2-1,85

    Passes (``actuals/2569-Q2.csv``)::

        kpi,value
        LAW/2-1,85
    """,
)
