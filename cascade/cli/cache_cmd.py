"""``cascade cache clear``: forget every parsed file of a plan and the last run's snapshot."""

from __future__ import annotations

import shutil
from pathlib import Path

import typer

from cascade.cli.common import PLAN_HELP
from cascade.engine import find_plan_root
from cascade.exitcodes import CascadeError, ExitCode
from cascade.load.cachedir import FOLDER, is_real_folder

app = typer.Typer(
    help="The cache at the plan root (.cascade-cache/): parsed files and the last "
    "validate run's snapshot, which lets the next run re-check only what changed. "
    "It ignores itself (a .gitignore holding '*' and a CACHEDIR.TAG inside).",
    no_args_is_help=True,
)


@app.command("clear")
def clear(plan_dir: Path = typer.Argument(Path("."), help=PLAN_HELP, show_default=False)) -> int:
    """Delete the plan's cache; the next run parses and checks every file again.

    A ``.cascade-cache`` that is a symlink (or not a folder) is never cascade's:
    it is left alone and the command fails.
    """
    plan_dir = find_plan_root(plan_dir)
    folder = plan_dir / FOLDER
    if is_real_folder(folder):
        try:
            shutil.rmtree(folder)  # removes symlinks inside, never what they point to
        except OSError as exc:
            raise CascadeError(f"cannot remove {folder}: {exc.strerror or exc}") from None
        typer.echo(f"removed {folder}")
        return ExitCode.OK
    if folder.is_symlink() or folder.exists():
        kind = "a symlink" if folder.is_symlink() else "not a folder"
        raise CascadeError(f"{folder} is {kind}, not cascade's cache; left alone")
    typer.echo(f"no cache in {plan_dir}")
    return ExitCode.OK
