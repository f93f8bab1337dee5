"""The ``cascade`` command: the typer app and the single top-level error handler."""

from __future__ import annotations

import signal
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import typer
import typer.main

from cascade import __version__
from cascade.cli import (
    actuals_cmd,
    cache_cmd,
    diff_cmd,
    export_cmd,
    fmt_cmd,
    history_cmd,
    import_cmd,
    init_cmd,
    lsp_cmd,
    new_cmd,
    report_cmd,
    rules_cmd,
    schema_cmd,
    score_cmd,
    status_cmd,
    validate_cmd,
)
from cascade.cli.color import use_color
from cascade.engine import PlanRootError
from cascade.exitcodes import CascadeError, ExitCode
from cascade.reporters import REPORTERS
from cascade.result import PlanHasErrors

app = typer.Typer(
    name="cascade",
    help=(
        "Cascade KPIs and performance agreements (คำรับรองการปฏิบัติราชการ) kept as YAML in git.\n\n"
        "\b\nStart with:\n  cascade init my_plan\n  (edit the YAML files)\n"
        "  cascade validate my_plan"
    ),
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish, PowerShell)
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cascade {__version__}")
        raise typer.Exit(ExitCode.OK)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    """Cascade KPIs and performance agreements kept as YAML in git."""


app.command("validate")(validate_cmd.validate)
app.command("rules")(rules_cmd.list_rules)
app.command("explain")(rules_cmd.explain)
app.command("schema")(schema_cmd.schema)
app.command("init")(init_cmd.init)
app.command("score")(score_cmd.score)
app.command("explain-score")(score_cmd.explain_score)
app.command("whatif")(score_cmd.whatif)
app.command("report")(report_cmd.report)
app.command("lsp")(lsp_cmd.lsp)
app.command("status")(status_cmd.status)
app.command("history")(history_cmd.history)
app.add_typer(actuals_cmd.app, name="actuals")
app.add_typer(cache_cmd.app, name="cache")
app.add_typer(fmt_cmd.app, name="fmt")
app.add_typer(diff_cmd.app, name="diff")
app.add_typer(new_cmd.app, name="new")
app.add_typer(import_cmd.app, name="import")
app.add_typer(export_cmd.app, name="export")


def _is_usage_error(exc: Exception) -> bool:
    """A command-line error from typer's parser (bad option, missing argument).

    Recognised by shape (``show()`` and an int ``exit_code``), since typer
    does not export the parser's exception base class.
    """
    return callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int)


def _stderr(lines: Sequence[str]) -> None:
    for line in lines:
        sys.stderr.write(line + "\n")


def _failed(exc: CascadeError) -> ExitCode:
    """Print a command's failure on stderr: a plan's errors first, then its lines."""
    if isinstance(exc, PlanHasErrors):
        from cascade.reporters.paths import rebase_for

        result = rebase_for(exc.result, Path(exc.result.root), "text")
        REPORTERS["text"](result, sys.stderr, color=use_color(sys.stderr))
    _stderr(exc.lines())
    return exc.exit_code


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so every ``finally`` removes its temporary files."""


@contextmanager
def _raising_signals() -> Iterator[list[int]]:
    """Inside, Ctrl-C and SIGTERM raise (main thread only) and are recorded in the
    list yielded (typer turns a ``KeyboardInterrupt`` into a plain exit code 130,
    so the record is what tells); the old handlers come back after."""
    received: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield received
        return

    def raise_(signum: int, frame: FrameType | None) -> None:
        received.append(signum)
        raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()

    old = signal.signal(signal.SIGINT, raise_)
    old_term = signal.signal(signal.SIGTERM, raise_)
    try:
        yield received
    finally:
        signal.signal(signal.SIGINT, old)
        signal.signal(signal.SIGTERM, old_term)


def _os_problem(exc: OSError) -> str:
    """An ``OSError`` as one line that names its path."""
    what = exc.strerror or str(exc)
    if exc.filename is None:
        return what
    if exc.filename2 is not None:
        return f"{exc.filename} → {exc.filename2}: {what}"
    return f"{exc.filename}: {what}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code; never lets a traceback escape.

    The one error handler: a command returns its exit code or raises, and
    only here does an exception become an exit code and stderr lines:
    :class:`CascadeError` its own code and message, :class:`PlanRootError`
    USAGE, a command-line error USAGE (with typer's usage text), Ctrl-C
    INTERRUPTED (SIGTERM TERMINATED), an ``OSError`` (a full disk, a
    read-only folder, a folder where a file is wanted) USAGE with its path,
    a closed stdout OK, anything else INTERNAL with the last frames of the
    traceback.
    """
    with _raising_signals() as received:
        try:
            code = _main(argv)
        except KeyboardInterrupt:  # in a handler below, or between the lines
            code = ExitCode.INTERRUPTED
    if received or code == ExitCode.INTERRUPTED:
        _stderr(["interrupted"])
        return ExitCode.TERMINATED if signal.SIGTERM in received else ExitCode.INTERRUPTED
    return code


def _main(argv: Sequence[str] | None) -> int:
    command = typer.main.get_command(app)
    try:
        result = command.main(
            args=list(argv) if argv is not None else sys.argv[1:],
            prog_name="cascade",
            standalone_mode=False,
        )
    except typer.Exit as exc:
        return int(exc.exit_code)
    except SystemExit as exc:  # typer's --install-completion and --show-completion exit so
        return int(exc.code) if isinstance(exc.code, int) else ExitCode.OK
    except CascadeError as exc:
        return _failed(exc)
    except PlanRootError as exc:
        _stderr([f"cascade: {exc}"])
        return ExitCode.USAGE
    except (typer.Abort, KeyboardInterrupt):
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK
    except OSError as exc:  # the environment: a full disk, a read-only folder, a bad path
        _stderr([f"cascade: {_os_problem(exc)}"])
        return ExitCode.USAGE
    except Exception as exc:  # the one place a bug becomes exit code 3
        if _is_usage_error(exc):
            exc.show()  # type: ignore[attr-defined]
            return ExitCode.USAGE
        _stderr(["cascade: internal error (a bug in cascade, not in your plan):"])
        sys.stderr.write(traceback.format_exc(limit=-3))
        return ExitCode.INTERNAL
    return int(result) if isinstance(result, int) else ExitCode.OK


def entry() -> None:  # pragma: no cover - kept for old console scripts
    """Run ``cascade`` (the console script is :func:`cascade.cli.start.entry`)."""
    from cascade.cli.start import entry as start

    start()
