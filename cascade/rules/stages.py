"""The checks the load, spec and model stages (and the commands) make, as registry entries.

They are not rule functions (they run while reading), but they have codes,
levels and docs like rules, so ``cascade rules`` lists every code there is.
Each is declared once in :mod:`cascade.checks`, where its emitter imports it.
"""

from __future__ import annotations

from cascade.checks import DECLARED
from cascade.rules.registry import Rule, stage_check

STAGE_CHECKS: tuple[Rule, ...] = tuple(
    stage_check(check.code, check.name, check.doc, check.level) for check in DECLARED
)
