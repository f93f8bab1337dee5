"""``cascade validate``: check a plan and report every problem in one run."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import typer

from cascade.engine import LoadOptions, PlanRootError, validate_plan
from cascade.fileio import atomic_write
from cascade.load.files import default_jobs
from cascade.reporters import CHOICES, REPORTERS, pick
from cascade.result import RunResult


def _run(plan_dir: Path, options: LoadOptions) -> RunResult:
    """Validate, with a progress bar on stderr when it is a terminal and not CI."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return validate_plan(plan_dir, options=options)
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("reading plan files", total=None)

        def update(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        return validate_plan(plan_dir, progress=update, options=options)


def validate(
    plan_dir: Path = typer.Argument(
        Path("."), help="The plan folder (holds cascade.yaml).", show_default=True
    ),
    format: str = typer.Option(
        "auto",
        "--format",
        "-f",
        help=f"Output: {', '.join(CHOICES)}. 'auto' is github inside GitHub Actions, else text.",
    ),
    strict: bool = typer.Option(False, "--strict", help="Fail (exit 1) on warnings too."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the report to this file instead of stdout."
    ),
    jobs: int = typer.Option(
        1,
        "--jobs",
        "-j",
        min=0,
        help="Worker processes for parsing (0: one per core). See docs/performance.md.",
    ),
    cache: bool | None = typer.Option(
        None,
        "--cache/--no-cache",
        help="Use the parse cache (.cascade-cache/); default: on, except in CI (CI is set).",
    ),
) -> int:
    """Check a plan: syntax, schema, references, weights, tracing, OS matrix.

    Exit codes: 0 clean (warnings allowed unless --strict), 1 the plan has
    errors, 2 usage or unreadable input, 3 internal error, 130 interrupted.

    Examples:

      cascade validate plans/probation

      cascade validate . --format sarif -o cascade.sarif
    """
    try:
        name = pick(format, os.environ)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--format") from None
    try:
        use_cache = cache if cache is not None else not os.environ.get("CI")
        options = LoadOptions(jobs=jobs or default_jobs(), cache=use_cache)
        result = _run(plan_dir, options)
    except PlanRootError as exc:
        typer.echo(f"cascade: {exc}", err=True)
        return 2
    if output is not None:
        buffer = io.StringIO()
        REPORTERS[name](result, buffer, color=False)
        atomic_write(output, buffer.getvalue())
    else:
        color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        REPORTERS[name](result, sys.stdout, color=color)
    return result.exit_code(strict)
