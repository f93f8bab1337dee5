"""``cascade schema``: write the JSON Schemas editors use for completion and hover help."""

from __future__ import annotations

from pathlib import Path

import typer

from cascade.engine import PlanRootError, find_plan_root
from cascade.exitcodes import CascadeError, ExitCode
from cascade.fileio import atomic_write


def _default_out() -> Path:
    """``schemas/`` of the plan the current folder is in; ``./schemas`` outside a plan."""
    try:
        return find_plan_root(Path(".")) / "schemas"
    except PlanRootError:
        return Path("schemas")


def schema(
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="Folder to write the schemas into (default: schemas/ in the plan the current "
        "folder is in, else ./schemas).",
        show_default=False,
    ),
    check: bool = typer.Option(
        False, "--check", help="Write nothing; exit 1 if the folder's schemas are out of date."
    ),
    vscode: bool = typer.Option(
        False,
        "--vscode",
        help="Also map the schemas to plan files in .vscode/settings.json and recommend"
        " the cascade extension in .vscode/extensions.json (both merged).",
    ),
) -> int:
    """Write one JSON Schema per kind, plus cascade.schema.json for any document.

    Point your editor at them with a first line such as:

      # yaml-language-server: $schema=schemas/agreement.schema.json
    """
    from cascade.schema import generate, stale
    from cascade.vscode import SettingsError, workspace_files

    out = out if out is not None else _default_out()
    schemas = generate()
    outdated = stale(out, schemas)
    if check:
        for name in outdated:
            typer.echo(f"{out / name} is out of date (run: cascade schema --out {out})", err=True)
        return ExitCode.CHANGED if outdated else ExitCode.OK
    for name in outdated:
        atomic_write(out / name, schemas[name])
    typer.echo(f"{len(schemas)} schemas in {out} ({len(outdated)} updated)")
    if vscode:
        try:
            files = workspace_files(Path(".vscode"), out)
        except SettingsError as exc:
            raise CascadeError(str(exc)) from None
        settings, extensions = files
        for path, text in files.items():
            atomic_write(path, text)
        typer.echo(f"mapped the schemas in {settings}")
        typer.echo(f"recommended the cascade extension in {extensions}")
    return ExitCode.OK
