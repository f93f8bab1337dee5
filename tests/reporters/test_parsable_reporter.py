"""The ``parsable`` reporter."""

from __future__ import annotations

from reporter_cases import render

from cascade.result import RunResult


def test_one_format_line_per_diagnostic(sample: RunResult) -> None:
    lines = render("parsable", sample).splitlines()
    assert lines == [d.format() for d in sample.diagnostics]


def test_nothing_else(clean: RunResult) -> None:
    assert render("parsable", clean) == ""
    assert render("parsable", clean, color=True) == ""
