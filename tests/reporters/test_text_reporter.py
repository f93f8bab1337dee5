"""The ``text`` reporter."""

from __future__ import annotations

import re

from reporter_cases import render

from cascade.diagnostics import Diagnostic, Level
from cascade.result import RunResult


def test_no_ansi_without_color(sample: RunResult) -> None:
    assert "\x1b" not in render("text", sample)


def test_ansi_with_color(sample: RunResult) -> None:
    colored = render("text", sample, color=True)
    assert "\x1b[" in colored
    assert "\x1b[1;31merror\x1b[0m" in colored


def test_color_does_not_change_the_text(sample: RunResult) -> None:
    colored = render("text", sample, color=True)
    assert re.sub(r"\x1b\[[0-9;]*m", "", colored) == render("text", sample)


def test_messages_are_not_markup_or_emoji() -> None:
    d = Diagnostic("a.yaml", 1, 2, "X1", Level.ERROR, "key [bold]x[/bold] :smile:")
    text = render("text", RunResult(root=".", files=("a.yaml",), diagnostics=(d,)))
    assert "key [bold]x[/bold] :smile:  X1" in text


def test_long_thai_message_is_not_wrapped() -> None:
    message = "น้ำหนักรวมของตัวชี้วัดทั้งหมดในคำรับรอง " * 12
    d = Diagnostic("a.yaml", 1, 2, "X1", Level.ERROR, message.strip())
    text = render("text", RunResult(root=".", files=("a.yaml",), diagnostics=(d,)))
    assert f"  1:2  error    {message.strip()}  X1\n" in text


def test_summary_forms() -> None:
    def summary(*levels: Level, files: int = 1) -> str:
        diags = tuple(
            Diagnostic("a.yaml", n + 1, 1, "X1", level, "m") for n, level in enumerate(levels)
        )
        names = tuple(f"f{n}.yaml" for n in range(files))
        return render("text", RunResult(root=".", files=names, diagnostics=diags))

    assert summary(files=1).endswith("✓ no problems in 1 file\n")
    assert summary(files=0).endswith("✓ no problems in 0 files\n")
    assert summary(Level.ERROR).endswith("\n1 error in 1 file\n")
    assert summary(Level.WARNING, Level.WARNING, files=2).endswith("\n2 warnings in 2 files\n")
    assert summary(Level.ERROR, Level.ERROR, Level.WARNING, files=3).endswith(
        "\n2 errors, 1 warning in 3 files\n"
    )


def test_line_without_column_and_unsorted_files() -> None:
    diags = (
        Diagnostic("b.yaml", 4, 0, "X1", Level.ERROR, "one"),
        Diagnostic("a.yaml", 1, 1, "X2", Level.WARNING, "two"),
        Diagnostic("b.yaml", 0, 0, "X3", Level.ERROR, "three"),
    )
    text = render("text", RunResult(root=".", files=("a.yaml", "b.yaml"), diagnostics=diags))
    assert text == (
        "b.yaml\n"
        "  4    error    one  X1\n"
        "  -    error    three  X3\n"
        "\n"
        "a.yaml\n"
        "  1:1  warning  two  X2\n"
        "\n"
        "2 errors, 1 warning in 2 files\n"
    )
