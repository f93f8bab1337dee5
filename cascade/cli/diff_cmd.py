"""``cascade diff``: what changed in a plan between two revisions, by party and KPI."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from cascade.engine import LoadOptions
from cascade.exitcodes import CascadeError, ExitCode
from cascade.fileio import atomic_write
from cascade.load.files import default_jobs

app = typer.Typer(
    no_args_is_help=False,
    add_completion=False,
    subcommand_metavar="",
    context_settings={"allow_interspersed_args": True},
)


@app.callback(invoke_without_command=True)
def diff(
    revs: str | None = typer.Argument(
        None,
        metavar="REV_A[..REV_B]",
        help="REV_A..REV_B, REV_A...REV_B (from the merge base), or REV_A alone "
        "(against the working tree); default HEAD against the working tree.",
        show_default=False,
    ),
    plan_dir: Path | None = typer.Argument(
        None,
        metavar="PLAN_DIR",
        help="The plan folder (holds cascade.yaml); default: the current folder.",
        show_default=False,
    ),
    old: Path | None = typer.Option(None, "--old", help="Compare two folders: the old one."),
    new: Path | None = typer.Option(None, "--new", help="Compare two folders: the new one."),
    format: str = typer.Option("text", "--format", "-f", help="Output: text, md or json."),
    lang: str | None = typer.Option(None, "--lang", help="th or en (default: the plan's first)."),
    period: str | None = typer.Option(
        None,
        "--period",
        "-p",
        help="Also score both sides for this period (2569-Q2) and show whose score "
        "changed, and the KPIs that moved it.",
    ),
    exit_code: bool = typer.Option(
        False, "--exit-code", help="Exit 1 when there are changes (like git diff --exit-code)."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the diff to this file instead of stdout."
    ),
    jobs: int = typer.Option(
        0,
        "--jobs",
        "-j",
        min=0,
        help="Worker processes for parsing (0: one per core; 1: in this process).",
    ),
    cache: bool | None = typer.Option(
        None,
        "--cache/--no-cache",
        help="Read the parse cache (.cascade-cache/, never written by diff); "
        "default: on, except in CI (CI is set).",
    ),
) -> int:
    """Compare two revisions of a plan, by party and KPI id (not by file).

    Both sides are read straight from git objects (no checkout); the working
    tree is read from disk. KPIs added, removed and moved between agreements;
    weight, target, criteria, kind and tracing changes; goals; the OS matrix;
    weight totals per agreement; the strategy; cascade.yaml; frameworks; the
    org chart; the roster (people, units, salaries); job families (headcount)
    and descriptions; actuals per period; a second agreement (or any other
    duplicate) for the same thing. With --period, whose score changed and
    the KPIs that moved it. A renamed file whose content is the same shows
    no change. A side whose files do not all load is still compared, with a
    warning naming the files left out.

    Exit codes: 0 done (with --exit-code: no changes), 1 something differs
    (only with --exit-code), 2 bad revision or period, not a git repository
    or not a plan.

    Examples:

      cascade diff v2569.1..HEAD plans/probation

      cascade diff main... --format md -o plan-changes.md --period 2569-Q2

      cascade diff --old last-year/ --new this-year/ --format json
    """
    from cascade.diff import RENDERERS, DiffError, DiffRequest, diff_plans

    render = RENDERERS.get(format)
    if render is None:
        raise typer.BadParameter(f"choose one of {', '.join(RENDERERS)}", param_hint="--format")
    request = DiffRequest(revs, plan_dir, old, new, lang, period)
    use_cache = cache if cache is not None else not os.environ.get("CI")
    options = LoadOptions(jobs=jobs or default_jobs(), cache=use_cache)
    try:
        result = diff_plans(request, options)
    except DiffError as exc:
        raise CascadeError(str(exc), prefix="cascade diff") from None
    text = render(result)
    if output is not None:
        atomic_write(output, text)
    else:
        sys.stdout.write(text)
    for warning in result.warnings:
        if output is not None or format == "json":
            typer.echo(f"cascade diff: warning: {warning}", err=True)
    return ExitCode.CHANGED if exit_code and result.changed else ExitCode.OK
