"""``cascade cache clear``: forget every parsed file of a plan and the last run's snapshot."""

from __future__ import annotations

import shutil
from pathlib import Path

import typer

from cascade.exitcodes import ExitCode
from cascade.load.cache import FOLDER

app = typer.Typer(
    help="The cache at the plan root (.cascade-cache/): parsed files and the last "
    "validate run's snapshot, which lets the next run re-check only what changed.",
    no_args_is_help=True,
)


@app.command("clear")
def clear(plan_dir: Path = typer.Argument(Path("."), help="The plan folder.")) -> int:
    """Delete the plan's cache; the next run parses and checks every file again."""
    folder = plan_dir / FOLDER
    if folder.is_dir():
        shutil.rmtree(folder)
        typer.echo(f"removed {folder}")
    else:
        typer.echo(f"no cache in {plan_dir}")
    return ExitCode.OK
