"""The ``github`` reporter: workflow commands and their escaping."""

from __future__ import annotations

from reporter_cases import render

from cascade.diagnostics import Diagnostic, Level, Location
from cascade.reporters.github import command, escape_data, escape_property
from cascade.result import RunResult


def test_escape_data() -> None:
    assert escape_data("100% a:b, c\r\nd") == "100%25 a:b, c%0D%0Ad"
    assert escape_data("%0A") == "%250A"


def test_escape_property() -> None:
    assert escape_property("100% a:b, c\r\nd") == "100%25 a%3Ab%2C c%0D%0Ad"
    assert escape_property("C:\\plans,x.yaml") == "C%3A\\plans%2Cx.yaml"


def test_command_escapes_message_and_properties() -> None:
    d = Diagnostic(
        file="a,b:c.yaml",
        line=2,
        column=4,
        code="X1",
        level=Level.ERROR,
        message="weight: 95%\nnot 100, fix it",
        name="weight-sum",
        hint="did you mean 'weight'?",
    )
    assert command(d) == (
        "::error file=a%2Cb%3Ac.yaml,line=2,col=4,title=X1 weight-sum"
        "::weight: 95%25%0Anot 100, fix it%0Ahint: did you mean 'weight'?"
    )


def test_warning_unknown_position_and_related() -> None:
    d = Diagnostic(
        file="s.yaml",
        line=0,
        column=0,
        code="W1",
        level=Level.WARNING,
        message="twice",
        related=(Location("t.yaml", 5, 0), Location("u.yaml")),
    )
    assert (
        command(d) == "::warning file=s.yaml,title=W1::twice%0Asee also t.yaml:5%0Asee also u.yaml"
    )


def test_line_without_column() -> None:
    d = Diagnostic("s.yaml", 9, 0, "E1", Level.ERROR, "m", name="n")
    assert command(d) == "::error file=s.yaml,line=9,title=E1 n::m"


def test_one_command_per_diagnostic(sample: RunResult) -> None:
    lines = render("github", sample).splitlines()
    assert len(lines) == len(sample.diagnostics)
    assert [line.split(" ", 1)[0] for line in lines] == ["::error"] * 3 + ["::warning"]
    assert all("\n" not in line and "\r" not in line for line in lines)
