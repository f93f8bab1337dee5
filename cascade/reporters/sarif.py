"""The ``sarif`` reporter: SARIF 2.1.0 for code-scanning services.

One run whose tool is ``cascade``; ``rules`` holds one entry per code that
occurs (sorted by code, ``ruleIndex`` points into it); each diagnostic is a
result with its level, message (plus ``hint: …``) and one location.  File
paths are relative URI references (``/``-separated, percent-encoded) with no
``uriBaseId``: the CLI names files from the repository root
(:mod:`cascade.reporters.paths`), which is what GitHub code scanning resolves
a relative ``uri`` against; it ignores ``uriBaseId`` and
``originalUriBaseIds`` (github/codeql-action#2215, and ``resolveUriToFile``
in its ``src/fingerprints.ts``).  An absolute path (a file outside the
repository) becomes a ``file:`` URI.  A region is given only for a known line
(and a column only when known); columns count Unicode code points.  In a
workbook (xlsx) the region is the cell's row and column number and the
message starts with the cell as the spreadsheet names it (``actuals!C7: …``).
Related places become ``relatedLocations``.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any, TextIO
from urllib.parse import quote

from cascade import __version__
from cascade.diagnostics import Diagnostic, Level
from cascade.result import RunResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/cascade-kpi/"
_LEVELS = {Level.ERROR: "error", Level.WARNING: "warning"}


def _uri(path: str) -> str:
    """A relative URI reference for a relative path, a ``file:`` URI for an absolute one."""
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute():
        return PurePosixPath(posix).as_uri()
    return quote(posix, safe="/")


def _physical(
    file: str, line: int, column: int, end_line: int = 0, end_column: int = 0
) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(file)}}
    if line > 0:
        region: dict[str, int] = {"startLine": line}
        if column > 0:
            region["startColumn"] = column
        if end_line >= line:
            region["endLine"] = end_line
            if end_column > 0 and (end_line > line or end_column >= column):
                region["endColumn"] = end_column
        physical["region"] = region
    return physical


def _rules(diagnostics: tuple[Diagnostic, ...]) -> list[dict[str, Any]]:
    names: dict[str, str] = {}
    for diagnostic in diagnostics:
        names.setdefault(diagnostic.code, diagnostic.name)
    rules: list[dict[str, Any]] = []
    for code in sorted(names):
        rule: dict[str, Any] = {"id": code}
        if names[code]:
            rule["name"] = names[code]
        rule["shortDescription"] = {"text": names[code] or code}
        rules.append(rule)
    return rules


def _result(diagnostic: Diagnostic, index: int) -> dict[str, Any]:
    text = diagnostic.message
    if diagnostic.cell:  # a workbook: the region is the cell's row and column number
        text = f"{diagnostic.cell}: {text}"
    if diagnostic.hint:
        text += f"\nhint: {diagnostic.hint}"
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "ruleIndex": index,
        "level": _LEVELS.get(diagnostic.level, "none"),
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": _physical(
                    diagnostic.file,
                    diagnostic.line,
                    diagnostic.column,
                    diagnostic.end_line,
                    diagnostic.end_column,
                )
            }
        ],
    }
    if diagnostic.related:
        related: list[dict[str, Any]] = []
        for number, loc in enumerate(diagnostic.related, start=1):
            entry: dict[str, Any] = {
                "id": number,
                "physicalLocation": _physical(loc.file, loc.line, loc.column),
            }
            if loc.message:
                entry["message"] = {"text": loc.message}
            related.append(entry)
        result["relatedLocations"] = related
    return result


def document(result: RunResult) -> dict[str, Any]:
    """The SARIF log for ``result``, as Python data."""
    rules = _rules(result.diagnostics)
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "cascade",
                "informationUri": INFORMATION_URI,
                "version": __version__,
                "rules": rules,
            }
        },
    }
    run["columnKind"] = "unicodeCodePoints"
    run["results"] = [_result(d, index[d.code]) for d in result.diagnostics]
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def report(result: RunResult, out: TextIO, color: bool = False) -> None:
    """Write the SARIF log as indented UTF-8 JSON; ``color`` is ignored."""
    out.write(json.dumps(document(result), ensure_ascii=False, indent=2) + "\n")
