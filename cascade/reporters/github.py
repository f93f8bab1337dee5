"""The ``github`` reporter: GitHub Actions workflow commands (annotations).

One line per diagnostic::

    ::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE name::message

``::warning`` for warnings.  Unknown (0) positions are left out.  The message
carries the hint and related places on further lines.  Escaping follows the
workflow-command rules: in the message ``%``, CR and LF become ``%25``,
``%0D`` and ``%0A``; in property values ``:`` and ``,`` also become ``%3A``
and ``%2C``.
"""

from __future__ import annotations

from typing import TextIO

from cascade.diagnostics import Diagnostic, Level
from cascade.reporters._common import full_message
from cascade.result import RunResult

_COMMANDS = {Level.ERROR: "error", Level.WARNING: "warning"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(diagnostic: Diagnostic) -> str:
    """The workflow command for one diagnostic."""
    props: list[tuple[str, str]] = []
    if diagnostic.file:
        props.append(("file", diagnostic.file))
    if diagnostic.line > 0:
        props.append(("line", str(diagnostic.line)))
        if diagnostic.column > 0:
            props.append(("col", str(diagnostic.column)))
        if diagnostic.end_line > 0:
            props.append(("endLine", str(diagnostic.end_line)))
            if diagnostic.end_column > 0:
                props.append(("endColumn", str(diagnostic.end_column)))
    props.append(("title", f"{diagnostic.code} {diagnostic.name}".strip()))
    name = _COMMANDS.get(diagnostic.level, "notice")
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{name} {joined}::{escape_data(full_message(diagnostic))}"


def report(result: RunResult, out: TextIO, color: bool = False) -> None:
    """Write one workflow command per diagnostic; ``color`` is ignored."""
    for diagnostic in result.diagnostics:
        out.write(command(diagnostic) + "\n")
