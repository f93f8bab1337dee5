"""``cascade init DIR``: scaffold a small, valid plan to start from."""

from __future__ import annotations

from pathlib import Path

import typer

from cascade.exitcodes import CascadeError, ExitCode
from cascade.fileio import atomic_tree

GITIGNORE = "out/\n.cascade-cache/\n"


def scaffold_files() -> dict[str, str]:
    """Relative path → text of every file a new plan starts with."""
    from cascade.resources import data_dir
    from cascade.schema import generate

    source = data_dir("templates") / "init"
    files = {
        path.relative_to(source).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(source.rglob("*.yaml"))
    }
    files.update({f"schemas/{name}": text for name, text in generate().items()})
    files[".gitignore"] = GITIGNORE
    return files


def init(
    plan_dir: Path = typer.Argument(..., help="The new plan folder (must not exist or be empty)."),
) -> int:
    """Create a small, valid plan to start from, in Thai and English.

    It holds every kind of file (plan, strategy, org chart, OS matrix, the
    organisation's, a unit's and a person's agreements, a job description and
    the roster) plus the JSON Schemas your editor uses for completion.
    """
    if plan_dir.exists() and (not plan_dir.is_dir() or any(plan_dir.iterdir())):
        raise CascadeError(f"{plan_dir} already exists and is not empty; nothing written")
    atomic_tree(plan_dir, scaffold_files())
    typer.echo(f"created a plan in {plan_dir}; next: cascade validate {plan_dir}")
    return ExitCode.OK
