"""What several commands share: stopping with an exit code, and validating
the plan before doing anything with it."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from cascade.engine import Checked, PlanRootError, check_plan
from cascade.reporters import REPORTERS


class Stop(Exception):
    """End the command with ``code``; the message has already been printed."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def checked_plan(plan_dir: Path, doing: str) -> Checked:
    """The validated plan; a plan with errors stops the command.

    The errors are printed on stderr with the text reporter, then
    "fix them before {doing}"; the exit code is the validate one (1, or 2
    for a folder that is not a plan or an unreadable file).
    """
    try:
        checked = check_plan(plan_dir)
    except PlanRootError as exc:
        typer.echo(f"cascade: {exc}", err=True)
        raise Stop(2) from None
    if checked.model is None or checked.result.errors:
        REPORTERS["text"](checked.result, sys.stderr, color=sys.stderr.isatty())
        typer.echo(f"cascade: the plan has errors; fix them before {doing}", err=True)
        raise Stop(checked.result.exit_code() or 1)
    return checked
