"""What several commands share: validating the plan before doing anything
with it, and reading a ``--period`` option."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from cascade.engine import Checked, check_plan
from cascade.result import PlanHasErrors

if TYPE_CHECKING:
    from cascade.periods import Period

PERIOD_HELP = "write 2569-Q2, 2569-H1, 2569-M06 or 2569"


def checked_plan(plan_dir: Path, doing: str) -> Checked:
    """The validated plan; :class:`PlanHasErrors` when it has errors.

    ``main`` prints the errors on stderr with the text reporter, then
    "fix them before {doing}"; the exit code is the validate one (1, or 2
    for an unreadable file).  A folder that is not a plan raises
    ``PlanRootError`` (exit 2).
    """
    checked = check_plan(plan_dir)
    if checked.model is None or checked.result.errors:
        raise PlanHasErrors(checked.result, f"the plan has errors; fix them before {doing}")
    return checked


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
