"""``cascade history``: a KPI's results, targets and scores across the rounds
of this year's plan and of earlier years kept as git tags, as text or JSON,
with an SVG chart on request."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from cascade.cli.common import PLAN_HELP, checked_plan, plan_language
from cascade.engine import find_plan_root
from cascade.exitcodes import ExitCode


def history(
    kpi: str = typer.Argument(..., help="The KPI as PARTY/ID, e.g. LAW/2-5."),
    plan_dir: Path = typer.Argument(Path("."), help=PLAN_HELP, show_default=False),
    format: str = typer.Option("text", "--format", "-f", help="text or json."),
    rev: list[str] = typer.Option(
        [], "--rev", help="Also read the plan at this git revision (repeatable)."
    ),
    tags: bool = typer.Option(
        True, "--tags/--no-tags", help="Read earlier years from tags 2568, fy2568, plan-2568."
    ),
    chart: Path | None = typer.Option(
        None, "--chart", help="Write an SVG chart of results and targets to this file."
    ),
    lang: str | None = typer.Option(None, "--lang", help="th or en (default: the plan's first)."),
    plan: Path | None = typer.Option(None, "--plan", hidden=True, help="The plan folder."),
) -> int:
    """A KPI's result, target and score in every period with actuals: this
    year's plan, and earlier years from git tags named after the fiscal year
    (2568, fy2568 or plan-2568) and each --rev, with a sparkline of the scores.

    Example:  cascade history LAW/2-5 plans/probation --chart LAW-2-5.svg
    """
    from cascade.fileio import atomic_write
    from cascade.history.chart import history_svg
    from cascade.history.years import across_years
    from cascade.scoring.history import render_history
    from cascade.scoring.selection import kpi_named

    if format not in ("text", "json"):
        raise typer.BadParameter("choose text or json", param_hint="--format")
    root = find_plan_root(plan or plan_dir)
    model = checked_plan(root, "showing a KPI's history").model
    assert model is not None
    chosen = plan_language(lang, model)
    found = across_years(root, model, kpi_named(model, kpi), rev, tags)
    if chart is not None:
        atomic_write(chart, history_svg(found, chosen))
    sys.stdout.write(render_history(found, format))
    return ExitCode.OK
