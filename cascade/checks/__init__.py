"""Every code the stages emit (load, spec, model, engine, commands), declared once.

A :class:`StageCheck` holds a code's name, default level and documentation;
emitters import it (``from cascade.checks.load import SYNTAX``) and never
spell a code or a name themselves.  The package sits below every stage, so
``cascade.load`` can import it; :mod:`cascade.rules.stages` registers
:data:`DECLARED` next to the rule functions, so ``cascade rules``,
``cascade explain`` and ``rules:`` in ``cascade.yaml`` know every code.
"""

from __future__ import annotations

from cascade.checks import commands, load, plan
from cascade.checks.check import StageCheck, declare

DECLARED: tuple[StageCheck, ...] = tuple(
    value
    for module in (load, plan, commands)
    for value in vars(module).values()
    if isinstance(value, StageCheck)
)
"""Every stage check, in the order the modules declare them."""

__all__ = ["DECLARED", "StageCheck", "declare"]
