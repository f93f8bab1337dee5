"""``cascade fmt``: rewrite plan files in the canonical style (or check them)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from cascade.cli.color import use_color
from cascade.exitcodes import ExitCode
from cascade.reporters import REPORTERS
from cascade.reporters._common import plural

app = typer.Typer(
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
    subcommand_metavar="",
    context_settings={"allow_interspersed_args": True},
)


STDIN = Path("-")
STDIN_NAME = "<stdin>"


def _fmt_stdin(check: bool) -> int:
    """``cascade fmt -``: stdin formatted to stdout (with ``check``: its diff)."""
    from cascade.fmt.formatter import format_bytes
    from cascade.fmt.run import unified_diff
    from cascade.result import RunResult

    done = format_bytes(sys.stdin.buffer.read(), STDIN_NAME)
    if done.after is None:
        result = RunResult(root=".", files=(STDIN_NAME,), diagnostics=done.diagnostics)
        REPORTERS["text"](result, sys.stderr, color=use_color(sys.stderr))
        return result.exit_code()
    if not check:
        sys.stdout.buffer.write(done.after)
        sys.stdout.flush()
        return ExitCode.OK
    if not done.changed:
        return ExitCode.OK
    sys.stdout.write(unified_diff(STDIN_NAME, done.before, done.after))
    return ExitCode.CHANGED


@app.callback(invoke_without_command=True)
def fmt(
    paths: list[Path] | None = typer.Argument(
        None,
        help="Plan files or folders (default: the plan folder '.'); '-': stdin to stdout.",
        show_default=False,
        metavar="PATHS",
    ),
    check: bool = typer.Option(
        False, "--check", help="Write nothing; print a diff per file that would change, exit 1."
    ),
) -> int:
    """Rewrite plan files in the canonical style.

    Keys in schema order (comments move with their keys), 2-space indent,
    ids quoted only where YAML would misread them; comments, values, flow
    style, quoting that matters, BOM and CRLF are kept.  A folder means its
    *.yaml/*.yml files, hidden folders and out/ skipped.  A file that does not
    read cleanly is reported and left untouched.

    'cascade fmt -' (for editors) reads one file from stdin and writes it
    formatted to stdout; when it cannot, stdout stays empty, the problem
    goes to stderr and the exit code is 1.

    Exit codes: 0 all formatted, 1 a file was refused (or, with --check,
    would change), 2 usage or unreadable input, 3 internal error.

    Examples:

      cascade fmt

      cascade fmt - < agreements/LAW.yaml

      cascade fmt plans/probation --check

      cascade fmt agreements/units/LAW.yaml
    """
    from cascade.fmt import run as fmt_run

    targets = list(paths or [Path(".")])
    if STDIN in targets:
        if len(targets) > 1:
            raise typer.BadParameter("'-' (stdin) cannot be mixed with paths", param_hint="PATHS")
        return _fmt_stdin(check)
    for target in targets:
        if not target.exists():
            raise typer.BadParameter(f"{target} does not exist", param_hint="PATHS")
    done = fmt_run.run(fmt_run.expand(targets), check=check)
    for diff in done.diffs:
        sys.stdout.write(diff)
    if done.result.diagnostics:
        REPORTERS["text"](done.result, sys.stdout, color=use_color(sys.stdout))
    files = len(done.result.files)
    changed = len(done.changed)
    if check:
        summary = f"{plural(changed, 'file')} would be reformatted, {files - changed} unchanged"
    else:
        for name in done.changed:
            typer.echo(f"reformatted {name}", err=True)
        summary = f"{plural(changed, 'file')} reformatted, {files - changed} unchanged"
    typer.echo(summary, err=True)
    return done.exit_code(check)
