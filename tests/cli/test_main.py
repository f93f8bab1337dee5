"""``cascade.cli.app.main``, the one error handler: each exception a command
raises becomes one exit code and the same stderr lines, whatever the command."""

from __future__ import annotations

import pytest
import typer

from cascade.cli import validate_cmd
from cascade.cli.app import main
from cascade.diagnostics import Diagnostic, Level
from cascade.engine import PlanRootError
from cascade.exitcodes import CascadeError, ExitCode
from cascade.new.common import NewError
from cascade.result import PlanHasErrors, RunResult
from cascade.scoring.selection import SelectionError
from tests.conftest import MINIMAL

CAP = pytest.CaptureFixture[str]
WGT = Diagnostic(
    "agreements/ORG.yaml", 4, 3, "WGT001", Level.ERROR, "weights total 90, not 100", "weights-total"
)
UNREADABLE = Diagnostic(
    "org.yaml", 1, 1, "LOAD009", Level.ERROR, "cannot read org.yaml", "unreadable-file"
)


def raising(
    exc: BaseException, monkeypatch: pytest.MonkeyPatch, capsys: CAP
) -> tuple[int, str, str]:
    """Run ``cascade validate`` on the minimal plan with ``exc`` raised inside it."""

    def broken(*_: object, **__: object) -> None:
        raise exc

    monkeypatch.setattr(validate_cmd, "validate_plan", broken)
    code = main(["validate", str(MINIMAL)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("exc", "code", "err"),
    [
        (CascadeError("no such thing"), 2, "cascade: no such thing\n"),
        (CascadeError("two\nlines", ExitCode.PLAN), 1, "cascade: two\nlines\n"),
        (CascadeError("as it is", prefix=""), 2, "as it is\n"),
        (CascadeError("bad rev", prefix="cascade diff"), 2, "cascade diff: bad rev\n"),
        (CascadeError(""), 2, ""),
        (NewError("unit 'X' already exists"), 2, "cascade: unit 'X' already exists\n"),
        (
            SelectionError("no Actuals for 2569-Q3 (found: none)"),
            2,
            "cascade: no Actuals for 2569-Q3 (found: none)\n",
        ),
        (PlanRootError("/x: no such folder"), 2, "cascade: /x: no such folder\n"),
        (KeyboardInterrupt(), 130, "interrupted\n"),  # typer makes it Exit(130): same line
        (typer.Abort(), 130, "interrupted\n"),
        (BrokenPipeError(), 0, ""),
        (typer.Exit(5), 5, ""),
    ],
)
def test_each_exception_has_one_exit_code_and_message(
    exc: BaseException, code: int, err: str, monkeypatch: pytest.MonkeyPatch, capsys: CAP
) -> None:
    assert raising(exc, monkeypatch, capsys) == (code, "", err)


def test_plan_errors_print_the_report_then_the_message(
    monkeypatch: pytest.MonkeyPatch, capsys: CAP
) -> None:
    result = RunResult("plan", ("agreements/ORG.yaml",), (WGT,))
    code, out, err = raising(PlanHasErrors(result, "fix them first"), monkeypatch, capsys)
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == "plan/agreements/ORG.yaml"  # from the current folder, like validate's text
    assert "4:3" in lines[1] and "weights total 90, not 100" in lines[1] and "WGT001" in lines[1]
    assert lines[-1] == "cascade: fix them first"


def test_plan_errors_take_the_results_exit_code(
    monkeypatch: pytest.MonkeyPatch, capsys: CAP
) -> None:
    result = RunResult("plan", ("org.yaml",), (UNREADABLE,))
    code, _, err = raising(PlanHasErrors(result, "fix them first"), monkeypatch, capsys)
    assert code == 2
    assert err.endswith("cascade: fix them first\n")


def test_usage_error_shows_typers_usage_text(monkeypatch: pytest.MonkeyPatch, capsys: CAP) -> None:
    exc = typer.BadParameter("give a number", param_hint="--weight")
    code, out, err = raising(exc, monkeypatch, capsys)
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == "Usage: cascade validate [OPTIONS] [plan_dir]"
    assert err.splitlines()[-1] == "Error: Invalid value for --weight: give a number"


def test_unexpected_exception_is_internal_with_only_the_last_frames(
    monkeypatch: pytest.MonkeyPatch, capsys: CAP
) -> None:
    code, out, err = raising(ValueError("boom"), monkeypatch, capsys)
    assert (code, out) == (3, "")
    lines = err.splitlines()
    assert lines[0] == "cascade: internal error (a bug in cascade, not in your plan):"
    assert lines[1] == "Traceback (most recent call last):"
    assert lines[-1] == "ValueError: boom"
    assert sum(1 for line in lines if line.lstrip().startswith("File ")) <= 3


def test_exit_codes_keep_their_numbers() -> None:
    assert [int(c) for c in ExitCode] == [0, 1, 2, 3, 130, 143]
    assert ExitCode["CHANGED"] is ExitCode.PLAN  # an alias: the same member


def test_plan_has_errors_is_plan_unless_the_result_says_worse() -> None:
    clean = RunResult("plan")
    assert PlanHasErrors(clean, "x").exit_code is ExitCode.PLAN
    assert PlanHasErrors(RunResult("plan", (), (WGT,)), "x").exit_code is ExitCode.PLAN
    assert PlanHasErrors(RunResult("plan", (), (UNREADABLE,)), "x").exit_code is ExitCode.USAGE
