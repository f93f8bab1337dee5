"""The ``parsable`` reporter."""

from __future__ import annotations

from reporter_cases import render

from cascade.diagnostics import Diagnostic, Level, Location
from cascade.result import RunResult


def test_one_format_line_per_diagnostic(sample: RunResult) -> None:
    lines = render("parsable", sample).splitlines()
    assert lines == [d.format() for d in sample.diagnostics]


def test_nothing_else(clean: RunResult) -> None:
    assert render("parsable", clean) == ""
    assert render("parsable", clean, color=True) == ""


def test_a_line_break_in_a_file_name_forges_no_line() -> None:
    name = "units/a\n::error file=x::forged\r.yaml"
    related = (Location("units/b\n.yaml", 2, 1, "first"),)
    d = Diagnostic(name, 3, 5, "REF002", Level.ERROR, "duplicate", related=related)
    result = RunResult(root=".", files=(name,), diagnostics=(d,))
    assert render("parsable", result) == (
        "units/a\\u000a::error file=x::forged\\u000d.yaml:3:5: [error] duplicate (REF002)\n"
    )
    assert render("text", result).splitlines()[:3] == [
        "units/a\\u000a::error file=x::forged\\u000d.yaml",
        "  3:5  error    duplicate  REF002",
        "                see also units/b\\u000a.yaml:2:1 (first)",
    ]
