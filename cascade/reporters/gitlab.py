"""The ``gitlab`` reporter: a GitLab Code Quality report (JSON).

A JSON array with one issue per diagnostic, in the result's order::

    [{"description": "น้ำหนักรวม 95 ไม่เท่ากับ 100", "check_name": "KPI003",
      "fingerprint": "…32 hex digits…", "severity": "major",
      "location": {"path": "plans/x/agreements/LAW.yaml", "lines": {"begin": 3}}}]

``description`` is the message, then `` (hint)`` when there is one;
``check_name`` is the code; errors are ``major`` and warnings ``minor``.
``path`` is as the CLI names the file (from the repository root, which is
what GitLab resolves it against); an unknown line (0) is given as line 1.
The fingerprint is the first 32 hex digits of the SHA-256 of the code, the
path, the message and how many identical (code, path, message) issues come
before it in the file: it stays the same when lines above the problem are
added or removed, so a merge request shows only the problems it really adds
or fixes.  UTF-8 text as is, indented by 2, ending with a newline.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any, TextIO

from cascade.diagnostics import Diagnostic, Level
from cascade.result import RunResult

_SEVERITIES = {Level.ERROR: "major", Level.WARNING: "minor"}


def fingerprint(diagnostic: Diagnostic, occurrence: int) -> str:
    """The issue's fingerprint: code, path, message and its occurrence number."""
    key = "\0".join((diagnostic.code, diagnostic.file, diagnostic.message, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _issue(diagnostic: Diagnostic, occurrence: int) -> dict[str, Any]:
    description = diagnostic.message
    if diagnostic.hint:
        description += f" ({diagnostic.hint})"
    return {
        "description": description,
        "check_name": diagnostic.code,
        "fingerprint": fingerprint(diagnostic, occurrence),
        "severity": _SEVERITIES.get(diagnostic.level, "info"),
        "location": {"path": diagnostic.file, "lines": {"begin": max(diagnostic.line, 1)}},
    }


def document(result: RunResult) -> list[dict[str, Any]]:
    """The Code Quality issues for ``result``, as Python data."""
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for diagnostic in result.diagnostics:
        key = (diagnostic.code, diagnostic.file, diagnostic.message)
        issues.append(_issue(diagnostic, seen[key]))
        seen[key] += 1
    return issues


def report(result: RunResult, out: TextIO, color: bool = False) -> None:
    """Write the Code Quality report; ``color`` is ignored."""
    out.write(json.dumps(document(result), ensure_ascii=False, indent=2) + "\n")
