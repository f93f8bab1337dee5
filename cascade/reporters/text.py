"""The ``text`` reporter: a readable report for people, drawn with rich.

Diagnostics are grouped by file: the file name as a heading, then one row
per diagnostic::

    agreements/LAW.yaml
      3:5   error    น้ำหนักรวม 95 ไม่เท่ากับ 100  KPI003
      7:3   error    unknown key 'wieght'  SPEC001
                     hint: did you mean 'weight'?
      12    warning  id 'G1' is defined twice  GRAPH002
                     see also strategy.yaml:2:3 (first defined here)

A position in a workbook (xlsx) is its cell, ``actuals!C7``; a position
that is not known is shown as ``-``; positions are padded to the
widest one in the report so that levels and messages line up.  Then comes a
summary line (``2 errors, 1 warning in 3 files`` or ``✓ no problems in 3
files``) and the result's notes.  Colour only when ``color`` is true; otherwise the output is
plain text, the same on a terminal or not, and never wrapped.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text

from cascade.diagnostics import Diagnostic, Level
from cascade.reporters._common import place, plural
from cascade.result import RunResult
from cascade.visible import visible

WIDTH = 200
_LEVEL_STYLES = {Level.ERROR: "bold red", Level.WARNING: "yellow"}
_LEVEL_WIDTH = max(len(level.value) for level in Level)


def _position(diagnostic: Diagnostic) -> str:
    if diagnostic.cell:  # a workbook: the cell as the spreadsheet names it
        return diagnostic.cell
    if diagnostic.line <= 0:
        return "-"
    return place("", diagnostic.line, diagnostic.column)[1:]


def _rows(diagnostics: list[Diagnostic], width: int) -> list[Text]:
    indent = " " * (2 + width + 2 + _LEVEL_WIDTH + 2)
    rows: list[Text] = []
    for diagnostic in diagnostics:
        level = diagnostic.level.value
        rows.append(
            Text.assemble(
                f"  {_position(diagnostic).ljust(width)}  ",
                (level, _LEVEL_STYLES.get(diagnostic.level, "")),
                " " * (_LEVEL_WIDTH - len(level) + 2),
                diagnostic.message,
                "  ",
                (diagnostic.code, "dim"),
            )
        )
        if diagnostic.hint:
            rows.append(Text(f"{indent}hint: {diagnostic.hint}", style="dim"))
        for loc in diagnostic.related:
            also = f"{indent}see also {place(loc.file, loc.line, loc.column)}"
            rows.append(Text(f"{also} ({loc.message})" if loc.message else also, style="dim"))
    return rows


def _summary(result: RunResult) -> Text:
    files = plural(len(result.files), "file")
    if not result.errors and not result.warnings:
        return Text(f"✓ no problems in {files}", style="green")
    counts: list[Text] = []
    if result.errors:
        counts.append(Text(plural(result.errors, "error"), style="bold red"))
    if result.warnings:
        counts.append(Text(plural(result.warnings, "warning"), style="yellow"))
    return Text(", ").join(counts) + Text(f" in {files}")


def report(result: RunResult, out: TextIO, color: bool = False) -> None:
    """Write the report for people to ``out``, coloured when ``color`` is true."""
    console = Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        width=WIDTH,
        highlight=False,
        soft_wrap=True,
        emoji=False,
        markup=False,
    )
    by_file: dict[str, list[Diagnostic]] = {}
    for diagnostic in result.diagnostics:
        by_file.setdefault(diagnostic.file, []).append(diagnostic)
    width = max((len(_position(d)) for d in result.diagnostics), default=0)
    for file, group in by_file.items():
        console.print(Text(visible(file) or "(no file)", style="bold underline"))
        for row in _rows(group, width):
            console.print(row)
        console.print()
    console.print(_summary(result))
    for note in result.notes:
        console.print(Text(note, style="dim"))
