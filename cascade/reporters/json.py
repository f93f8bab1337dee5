"""The ``json`` reporter: one stable JSON document for tools.

Shape (``version`` changes only when a key is removed or changes meaning)::

    {"version": 2, "root": "plans/x", "files": ["plans/x/a.yaml", ...],
     "summary": {"errors": 1, "warnings": 0, "files": 2},
     "diagnostics": [{"code", "name", "level", "message", "hint", "file",
                      "line", "column", "end_line", "end_column", "cell",
                      "related": [{"file", "line", "column", "message"}]}],
     "notes": ["..."]}

``root`` (the plan folder) and every file are named as the CLI names files
for tools (:mod:`cascade.reporters.paths`): from the repository root
when the plan is in a git work tree, else from the plan folder (``root`` is
then ``.``).  Version 1 named files from the plan folder always.
Positions are 1-based and 0 means unknown; ``cell`` is there only for a
position in a workbook (xlsx): the cell as the spreadsheet names it
(``actuals!C7``), whose row and column number are ``line`` and ``column``.
Diagnostics keep the result's order; keys keep the order above.  UTF-8
text as is (``ensure_ascii=False``), indented by 2, ending with a newline.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from cascade.diagnostics import Diagnostic
from cascade.result import RunResult

VERSION = 2


def _diagnostic(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "code": diagnostic.code,
        "name": diagnostic.name,
        "level": diagnostic.level.value,
        "message": diagnostic.message,
        "hint": diagnostic.hint,
        "file": diagnostic.file,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "end_line": diagnostic.end_line,
        "end_column": diagnostic.end_column,
        **({"cell": diagnostic.cell} if diagnostic.cell else {}),
        "related": [
            {"file": loc.file, "line": loc.line, "column": loc.column, "message": loc.message}
            for loc in diagnostic.related
        ],
    }


def document(result: RunResult) -> dict[str, Any]:
    """The JSON document for ``result``, as Python data."""
    return {
        "version": VERSION,
        "root": result.root,
        "files": list(result.files),
        "summary": {
            "errors": result.errors,
            "warnings": result.warnings,
            "files": len(result.files),
        },
        "diagnostics": [_diagnostic(d) for d in result.diagnostics],
        "notes": list(result.notes),
    }


def report(result: RunResult, out: TextIO, color: bool = False) -> None:
    """Write the JSON document; ``color`` is ignored."""
    out.write(json.dumps(document(result), ensure_ascii=False, indent=2) + "\n")
