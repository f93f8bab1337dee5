"""What several commands share: the plan-folder argument (a folder or file
inside a plan, :func:`cascade.engine.find_plan_root` finds its root), validating
the plan before doing anything with it, and reading a ``--period`` option."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from cascade.engine import Checked, LoadOptions, check_plan
from cascade.result import PlanHasErrors, RunResult

if TYPE_CHECKING:
    from cascade.model.plan import PlanModel
    from cascade.periods import Period

PERIOD_HELP = "write 2569-Q2, 2569-H1, 2569-M06 or 2569"
PLAN_HELP = (
    "The plan folder (holds cascade.yaml), or any folder or file inside it; "
    "default: the plan the current folder is in."
)


def only_file(result: RunResult, root: Path, file: Path) -> RunResult:
    """``result`` with only the problems of ``file``, a file inside the plan ``root``
    (``cascade validate plans/probation/agreements/units/LAW.yaml``)."""
    name = Path(os.path.relpath(os.path.abspath(file), os.path.abspath(root))).as_posix()
    kept = tuple(d for d in result.diagnostics if d.file == name)
    note = f"only problems in {name} are shown; the whole plan was checked"
    return RunResult(result.root, result.files, kept, (*result.notes, note))


def checked_plan(plan_dir: Path, doing: str, options: LoadOptions | None = None) -> Checked:
    """The validated plan; :class:`PlanHasErrors` when it has errors.

    ``main`` prints the errors on stderr with the text reporter, then
    "fix them before {doing}"; the exit code is the validate one (1, or 2
    for an unreadable file).  A folder that is not a plan raises
    ``PlanRootError`` (exit 2).
    """
    checked = check_plan(plan_dir, options=options or LoadOptions())
    if checked.model is None or checked.result.errors:
        raise PlanHasErrors(checked.result, f"the plan has errors; fix them before {doing}")
    return checked


OUT_HELP = "default: out/ here, or the plan's output folder when run inside the plan"


def output_dir(given: Path | None, plan_dir: Path, model: PlanModel | None, sub: str = "") -> Path:
    """Where a command writes: ``--out`` when given, else ``out/SUB`` in the
    current folder; when the current folder is below the plan folder, the
    plan's own output folder instead (files written inside a plan's
    subfolder would be read back as plan files, an xlsx as actuals)."""
    if given is not None:
        return given
    here, root = Path.cwd(), Path(os.path.abspath(plan_dir))
    if root not in here.parents:
        return Path("out", sub) if sub else Path("out")
    output = model.plan.output if model is not None and model.plan is not None else "out"
    return plan_dir / output / sub if sub else plan_dir / output


def plan_language(lang: str | None, model: PlanModel) -> str:
    """The ``--lang`` option: th or en, by default the plan's first language."""
    if lang is None:
        return model.plan.languages[0] if model.plan and model.plan.languages else "th"
    if lang not in ("th", "en"):
        raise typer.BadParameter("choose th or en", param_hint="--lang")
    return lang


def period_option(text: str) -> Period:
    """The ``--period`` option as a period; a usage error when it is not one."""
    from cascade.periods import parse_period

    period = parse_period(text)
    if period is None:
        raise typer.BadParameter(f"'{text}' is not a period; {PERIOD_HELP}", param_hint="--period")
    return period


def number_option(text: str, option: str) -> Decimal:
    """A number option (``--score 4.5``) in the range of :mod:`cascade.numbers`;
    a usage error otherwise (``NaN``, ``inf``, Thai digits, too many digits)."""
    from cascade import numbers

    try:
        return numbers.parse(text)
    except numbers.NumberError as exc:
        example = ", e.g. 4.5" if str(exc).endswith("is not a number") else ""
        raise typer.BadParameter(f"{exc}{example}", param_hint=option) from None
