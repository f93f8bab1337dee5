"""The ``json`` reporter."""

from __future__ import annotations

import json
from typing import Any

from reporter_cases import render

from cascade.diagnostics import Diagnostic, Level, Location
from cascade.result import RunResult


def _from_json(data: dict[str, Any]) -> RunResult:
    diagnostics = []
    for item in data["diagnostics"]:
        related = tuple(
            Location(r["file"], r["line"], r["column"], r["message"]) for r in item["related"]
        )
        diagnostics.append(
            Diagnostic(
                file=item["file"],
                line=item["line"],
                column=item["column"],
                code=item["code"],
                level=Level(item["level"]),
                message=item["message"],
                name=item["name"],
                hint=item["hint"],
                end_line=item["end_line"],
                end_column=item["end_column"],
                related=related,
            )
        )
    return RunResult(
        root=data["root"],
        files=tuple(data["files"]),
        diagnostics=tuple(diagnostics),
        notes=tuple(data["notes"]),
    )


def test_round_trip(sample: RunResult) -> None:
    data = json.loads(render("json", sample))
    back = _from_json(data)
    assert back == sample
    # Diagnostic equality ignores level, message, …: compare every field.
    assert [repr(d) for d in back.diagnostics] == [repr(d) for d in sample.diagnostics]


def test_summary_and_shape(sample: RunResult) -> None:
    data = json.loads(render("json", sample))
    assert list(data) == ["version", "root", "files", "summary", "diagnostics", "notes"]
    assert data["version"] == 2
    assert data["summary"] == {"errors": 3, "warnings": 1, "files": 3}
    assert list(data["diagnostics"][0]) == [
        "code",
        "name",
        "level",
        "message",
        "hint",
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "related",
    ]


def test_thai_is_not_escaped(sample: RunResult) -> None:
    text = render("json", sample)
    assert "น้ำหนักรวม 95 ไม่เท่ากับ 100" in text
    assert "\\u0e" not in text
