"""``cascade status``: where a round stands before it is scored — reported,
missing, late, at risk, without evidence — for reminders from a schedule."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import typer

from cascade.cli.common import PLAN_HELP, checked_plan, period_option
from cascade.engine import find_plan_root
from cascade.exitcodes import ExitCode

FORMATS = ("text", "markdown", "json", "csv")


def _as_of(text: str | None) -> date:
    from cascade.periods import be_date_problem, parse_be_date

    if text is None:
        return date.today()
    day = parse_be_date(text)
    if day is None:
        problem = be_date_problem(text)
        raise typer.BadParameter(f"{problem}, e.g. 2569-05-01", param_hint="--as-of")
    return day


def status(
    plan_dir: Path = typer.Argument(Path("."), help=PLAN_HELP, show_default=False),
    period: str = typer.Option(..., "--period", "-p", help="The round: 2569-Q2, 2569-H1, 2569."),
    as_of: str | None = typer.Option(
        None, "--as-of", help="The day to judge lateness by, Buddhist era (default: today)."
    ),
    format: str = typer.Option("text", "--format", "-f", help=f"One of {', '.join(FORMATS)}."),
    exit_code: bool = typer.Option(
        False, "--exit-code", help="Exit 1 when any result is missing or late."
    ),
) -> int:
    """List per unit, KPI and collector what is reported, missing, late (missing
    after the round's due date), at risk, or without required evidence.

    Due dates come from 'rounds:' in cascade.yaml (30 days after the round's
    last month unless given).  Plan errors stop it (exit 1).

    Example:  cascade status plans/probation --period 2569-Q2 --as-of 2569-05-05
    """
    from cascade.scoring.status import round_status
    from cascade.scoring.status_out import render

    if format not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    when = period_option(period)
    day = _as_of(as_of)
    model = checked_plan(find_plan_root(plan_dir), "listing the round's status").model
    assert model is not None
    found = round_status(model, when, day)
    sys.stdout.write(render(found, format))
    return ExitCode.CHANGED if exit_code and found.overdue else ExitCode.OK
