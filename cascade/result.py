"""The result of a validate run: everything a reporter needs, nothing more."""

from __future__ import annotations

from dataclasses import dataclass, field

from cascade.checks.load import UNREADABLE
from cascade.checks.plan import INTERNAL
from cascade.diagnostics import Diagnostic, Level
from cascade.exitcodes import CascadeError, ExitCode


@dataclass(frozen=True, slots=True)
class RunResult:
    """Diagnostics of one run, sorted by file, line, column and code.

    ``files`` are the plan files that were read (relative paths), ``notes``
    are plain sentences for the end of a report (e.g. "semantic rules were
    skipped because 3 files do not parse").
    """

    root: str
    files: tuple[str, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.level is Level.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.level is Level.WARNING)

    def only(self, files: set[str]) -> RunResult:
        """The same result with only the diagnostics of ``files``."""
        kept = tuple(d for d in self.diagnostics if d.file in files)
        note = f"only problems in {len(files)} changed file(s) are shown"
        return RunResult(self.root, self.files, kept, (*self.notes, note))

    def exit_code(self, strict: bool = False) -> ExitCode:
        """The CLI's exit code for this result.

        INTERNAL (3) when a rule crashed (a bug in cascade), USAGE (2) when a
        file could not be read at all, PLAN (1) when the plan has errors (or
        warnings, with ``strict``), else OK (0).
        """
        codes = {d.code for d in self.diagnostics if d.level is Level.ERROR}
        if INTERNAL.code in codes:
            return ExitCode.INTERNAL
        if UNREADABLE.code in codes:
            return ExitCode.USAGE
        if codes or (strict and self.warnings):
            return ExitCode.PLAN
        return ExitCode.OK


class PlanHasErrors(CascadeError):
    """The plan has errors, so the command does nothing with it.

    ``main`` prints ``result`` with the text reporter, then the message; the
    exit code is the result's (1, or 2 for an unreadable file, 3 for a
    crashed rule).
    """

    def __init__(self, result: RunResult, message: str) -> None:
        super().__init__(message, result.exit_code() or ExitCode.PLAN)
        self.result = result
