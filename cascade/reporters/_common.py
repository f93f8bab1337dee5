"""Small helpers shared by the reporters: places, counts and messages."""

from __future__ import annotations

from cascade.diagnostics import Diagnostic
from cascade.visible import visible


def place(file: str, line: int = 0, column: int = 0) -> str:
    """``file:line:col``, leaving out what is unknown (0): ``file:line`` or ``file``;
    a character of the file name that does not print as itself (a line break) escaped."""
    file = visible(file)
    if line <= 0:
        return file
    if column <= 0:
        return f"{file}:{line}"
    return f"{file}:{line}:{column}"


def plural(count: int, word: str) -> str:
    """``1 error``, ``2 errors``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def full_message(diagnostic: Diagnostic) -> str:
    """The message, then ``hint: …`` and ``see also …`` lines, for one-text formats."""
    lines = [diagnostic.message]
    if diagnostic.hint:
        lines.append(f"hint: {diagnostic.hint}")
    for loc in diagnostic.related:
        text = f"see also {place(loc.file, loc.line, loc.column)}"
        lines.append(f"{text} ({loc.message})" if loc.message else text)
    return "\n".join(lines)


def diagnostic_files(files: tuple[str, ...], diagnostics: tuple[Diagnostic, ...]) -> list[str]:
    """The files checked, then any other file a diagnostic names, each once, in order."""
    seen = dict.fromkeys(files)
    for diagnostic in diagnostics:
        seen.setdefault(diagnostic.file)
    return list(seen)
