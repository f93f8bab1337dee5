"""``cascade actuals template``: entry workbooks for the data collectors."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, cast

import typer

from cascade.cli.common import OUT_HELP, PLAN_HELP, checked_plan, output_dir, period_option
from cascade.diagnostics import did_you_mean
from cascade.engine import find_plan_root
from cascade.exitcodes import CascadeError, ExitCode

app = typer.Typer(help="Actuals: entry templates for data collectors.", no_args_is_help=True)


@app.command("template")
def template(
    plan_dir: Path = typer.Argument(Path("."), help=PLAN_HELP, show_default=False),
    period: str = typer.Option(..., "--period", "-p", help="The period, e.g. 2569-Q2."),
    unit: str | None = typer.Option(None, "--unit", help="Only this unit's workbook."),
    format: str = typer.Option("xlsx", "--format", "-f", help="xlsx or csv."),
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help=f"Folder to write into ({OUT_HELP}, then actuals/).",
        show_default=False,
    ),
    lang: str = typer.Option("th", "--lang", help="th or en."),
) -> int:
    """Write an entry workbook per unit: KPI id, name, unit, target and
    thresholds filled in and locked, input cells checked, instructions in Thai.

    Collectors fill in the yellow cells; put the file in the plan's actuals/
    folder, and validate reads it back exactly as typed.

    Example:  cascade actuals template plans/probation --period 2569-Q3 --unit LAW
    """
    from cascade.scoring.entry import workbooks
    from cascade.scoring.template import write_template

    if format not in ("xlsx", "csv"):
        raise typer.BadParameter("choose xlsx or csv", param_hint="--format")
    period_option(period)
    plan_dir = find_plan_root(plan_dir)
    model = checked_plan(plan_dir, "writing templates").model
    assert model is not None
    out = output_dir(out, plan_dir, model, "actuals")
    books = workbooks(model, lang, unit)
    if unit is not None and not books:
        hint = did_you_mean(unit, model.units)
        raise CascadeError(f"no KPIs for unit '{unit}'. {hint}".rstrip())
    fmt = cast(Literal["xlsx", "csv"], format)
    for party, rows in sorted(books.items()):
        path = out / f"{period}-{party}.{format}"
        write_template(rows, path, period=period, fmt=fmt, lang=lang)
        typer.echo(f"wrote {path} ({len(rows)} KPIs)")
    return ExitCode.OK
