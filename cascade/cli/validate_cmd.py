"""``cascade validate``: check a plan and report every problem in one run."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import typer

from cascade.cli.color import use_color
from cascade.cli.common import PLAN_HELP, only_file
from cascade.engine import LoadOptions, check_plan, find_plan_root, validate_plan
from cascade.exitcodes import CascadeError, ExitCode
from cascade.fileio import atomic_write
from cascade.load.changed import ChangedError
from cascade.load.changed import changed_since as changed_since_files
from cascade.load.files import default_jobs
from cascade.reporters import CHOICES, REPORTERS, pick
from cascade.reporters.paths import rebase_for
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
    plan_dir: Path = typer.Argument(Path("."), help=PLAN_HELP, show_default=False),
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
        0,
        "--jobs",
        "-j",
        min=0,
        help="Worker processes for parsing files the cache does not hold "
        "(0: one per core; 1: in this process). See docs/performance.md.",
    ),
    cache: bool | None = typer.Option(
        None,
        "--cache/--no-cache",
        help="Use the cache (.cascade-cache/): parsed files, and the last run's results so "
        "only what changed is checked again. Default: on, except in CI (CI is set).",
    ),
    render: bool = typer.Option(
        False, "--render", help="Also render the report into a throwaway folder (CI check)."
    ),
    templates: Path | None = typer.Option(
        None, "--templates", help="With --render: a folder of report template overrides."
    ),
    changed_since: str | None = typer.Option(
        None,
        "--changed-since",
        help="Report only problems in files changed since this git revision "
        "(the whole plan is still checked).",
    ),
    path_base: Path | None = typer.Option(
        None,
        "--path-base",
        help="Name files relative to this folder. Default: text from the current folder; "
        "the other formats from the repository root (GITHUB_WORKSPACE when set), "
        "or from the plan folder outside a git work tree.",
    ),
) -> int:
    """Check a plan: syntax, schema, references, weights, tracing, OS matrix.

    A file argument checks the plan holding it and shows only that file's
    problems.

    Exit codes: 0 clean (warnings allowed unless --strict), 1 the plan has
    errors, 2 usage or unreadable input, 3 internal error, 130 interrupted.

    Examples:

      cascade validate plans/probation

      cascade validate . --format sarif -o cascade.sarif

      cascade validate plans/probation --format gitlab -o gl-code-quality-report.json

      cascade validate . --render --templates my-templates
    """
    if templates is not None and not templates.is_dir():
        raise typer.BadParameter(f"{templates} is not a folder", param_hint="--templates")
    if path_base is not None and not path_base.is_dir():
        raise typer.BadParameter(f"{path_base} is not a folder", param_hint="--path-base")
    try:
        name = pick(format, os.environ)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--format") from None
    given, plan_dir = plan_dir, find_plan_root(plan_dir)
    use_cache = cache if cache is not None else not os.environ.get("CI")
    options = LoadOptions(jobs=jobs or default_jobs(), cache=use_cache)
    if render:
        from cascade.report.check import with_render_check

        checked = check_plan(plan_dir, options=options)
        result, render_failed = with_render_check(checked.result, checked.model, templates)
    else:
        result, render_failed = _run(plan_dir, options), False
    if given.is_file():
        result = only_file(result, plan_dir, given)
    if changed_since is not None:
        try:
            result = result.only(changed_since_files(plan_dir, changed_since))
        except ChangedError as exc:
            raise CascadeError(f"--changed-since {changed_since}: {exc}") from None
    result = rebase_for(result, plan_dir, name, path_base)
    if output is not None:
        buffer = io.StringIO()
        REPORTERS[name](result, buffer, color=False)
        atomic_write(output, buffer.getvalue())
    else:
        REPORTERS[name](result, sys.stdout, color=use_color(sys.stdout))
    code = result.exit_code(strict)
    return max(code, ExitCode.USAGE) if render_failed else code
