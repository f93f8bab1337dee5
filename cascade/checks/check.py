"""A stage check: one diagnostic code that the load, spec, model or command
stages emit, declared once with its name, default level and documentation.

Emitters import the declaration and build diagnostics from it
(:meth:`StageCheck.diagnostic`) or put its :attr:`~StageCheck.code` on a
finding, so a code and its name can never disagree.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass

from cascade.diagnostics import Diagnostic, Level, Location
from cascade.visible import visible


@dataclass(frozen=True, slots=True)
class StageCheck:
    """A code a stage emits: its name, default level and user documentation."""

    code: str
    name: str
    level: Level
    doc: str

    def diagnostic(
        self,
        file: str,
        message: str,
        line: int = 1,
        column: int = 1,
        *,
        hint: str = "",
        related: tuple[Location, ...] = (),
    ) -> Diagnostic:
        """A diagnostic of this check at its default level, with its registered name."""
        return Diagnostic(
            file,
            line,
            column,
            self.code,
            self.level,
            visible(message),
            name=self.name,
            hint=visible(hint),
            related=related,
        )


def declare(code: str, name: str, doc: str, level: Level = Level.ERROR) -> StageCheck:
    """Declare a stage check; ``doc`` is its documentation (indentation removed)."""
    return StageCheck(code, name, level, inspect.cleandoc(doc))
