"""The rule registry: a rule is one small function with a code, a name, a
default level and a docstring that is its user documentation.

Checks made by the load, spec and model stages are registered here too (with
no function) so that ``cascade rules`` and ``cascade explain`` document every
code cascade can print, and ``rules:`` in ``cascade.yaml`` can set any level.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cascade.diagnostics import Finding, Level

if TYPE_CHECKING:
    from cascade.graph import PlanGraph
    from cascade.model.plan import PlanModel
    from cascade.rules.scopes import Scope


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may read: the resolved model and its graph."""

    model: PlanModel
    graph: PlanGraph
    memo: dict[str, object] = field(default_factory=dict)
    """Shared results several rules of one family compute once (per run)."""

    @property
    def scale_levels(self) -> int:
        """How many levels the plan's scoring scale has (thresholds per KPI)."""
        plan = self.model.plan
        scale = plan.scoring.scale if plan is not None else "five-level"
        if scale == "five-level":
            return 5
        if scale == "opdc-2563":
            return 3
        return len(scale.scores)


Check = Callable[[Context], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered code: its documentation and, for rules, the check."""

    code: str
    name: str
    level: Level
    doc: str
    family: str
    check: Check | None = None
    reads: tuple[Scope, ...] = ()
    """What the rule's findings are computed from (:mod:`cascade.rules.scopes`);
    a rule that declares nothing is taken to read the whole plan."""

    @property
    def summary(self) -> str:
        """The first sentence of the documentation, on one line."""
        paragraph = " ".join(self.doc.strip().split("\n\n", 1)[0].split())
        sentence = paragraph.split(". ", 1)[0]
        return sentence.rstrip(".") + "."


def rule(
    code: str, name: str, level: Level = Level.ERROR, *, reads: tuple[Scope, ...]
) -> Callable[[Check], Rule]:
    """Register a check function as a rule; its docstring is its documentation.

    ``reads`` declares what its findings are computed from (its scope).
    """

    def wrap(func: Check) -> Rule:
        family = func.__module__.rsplit(".", 1)[-1]
        doc = inspect.cleandoc(func.__doc__ or "")
        return Rule(code, name, level, doc, family, func, reads)

    return wrap


def stage_check(code: str, name: str, doc: str, level: Level = Level.ERROR) -> Rule:
    """Document a check made by a stage (load, spec, model) rather than a rule."""
    return Rule(code, name, level, inspect.cleandoc(doc), "stage")
