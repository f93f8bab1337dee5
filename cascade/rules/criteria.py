"""Criteria: thresholds and milestones that can be scored without surprises."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from cascade.diagnostics import Finding, Level
from cascade.model.plan import Where
from cascade.rules.common import finding, number
from cascade.rules.registry import Context, rule
from cascade.rules.scopes import CHAIN, SHARED
from cascade.spec.agreement import Criteria


@dataclass(frozen=True, slots=True)
class _Own:
    """Criteria written at one place (a KPI or a common KPI)."""

    label: str
    where: Where
    criteria: Criteria
    unit: str | None
    target: Decimal | None


def _written(ctx: Context) -> list[_Own]:
    """Every place criteria are written, computed once per run for all CRT rules."""
    cached = ctx.memo.get("criteria.written")
    if isinstance(cached, list):
        return cached
    model = ctx.model
    found: list[_Own] = []
    if model.plan is not None:
        for i, common in enumerate(model.plan.common_kpis):
            if common.criteria is not None:
                found.append(
                    _Own(
                        common.id,
                        model.plan_where.at("common_kpis", i),
                        common.criteria,
                        common.unit_of_measure,
                        common.target,
                    )
                )
    for kpi in model.kpis.values():
        if kpi.own_criteria is not None:
            found.append(
                _Own(kpi.qid, kpi.where, kpi.own_criteria, kpi.unit_of_measure, kpi.target)
            )
    ctx.memo["criteria.written"] = found
    return found


@rule("CRT001", "thresholds-monotonic", reads=(CHAIN, SHARED))
def thresholds_monotonic(ctx: Context) -> Iterator[Finding]:
    """Thresholds are strictly increasing (higher is better) or strictly
    decreasing (lower is better); equal neighbours would divide by zero when
    scoring.

    Fails::

        criteria: {thresholds: [70, 75, 75, 85, 90]}

    Passes::

        criteria: {thresholds: [6, 5, 4, 3, 2]}     # descending: lower is better
    """
    for own in _written(ctx):
        values = own.criteria.thresholds
        if not values or len(values) < 2:
            continue
        pairs = list(pairwise(values))
        if all(a < b for a, b in pairs) or all(a > b for a, b in pairs):
            continue
        yield finding(
            own.where.at("criteria", "thresholds"),
            f"the thresholds of {own.label} are not strictly increasing or decreasing: "
            f"{', '.join(number(v) for v in values)}",
        )


@rule("CRT002", "threshold-count", reads=(CHAIN, SHARED))
def threshold_count(ctx: Context) -> Iterator[Finding]:
    """A KPI has one threshold per level of the plan's scale (five on the
    default ``five-level`` scale, three on ``opdc-2563``).

    Fails::

        criteria: {thresholds: [70, 80, 90]}        # five-level scale

    Passes::

        criteria: {thresholds: [70, 75, 80, 85, 90]}
    """
    levels = ctx.scale_levels
    for own in _written(ctx):
        values = own.criteria.thresholds
        if values is not None and len(values) != levels:
            yield finding(
                own.where.at("criteria", "thresholds"),
                f"{own.label} has {len(values)} thresholds; the scale has {levels} levels",
            )


@rule("CRT003", "milestone-levels", reads=(CHAIN, SHARED))
def milestone_levels(ctx: Context) -> Iterator[Finding]:
    """Milestones name exactly the levels 1 to 5 (one per level of the scale).

    Fails::

        milestones: {1: …, 2: …, 4: …, 5: …}

    Passes::

        milestones: {1: …, 2: …, 3: …, 4: …, 5: …}
    """
    expected = list(range(1, ctx.scale_levels + 1))
    for own in _written(ctx):
        steps = own.criteria.milestones
        if steps is not None and sorted(steps) != expected:
            yield finding(
                own.where.at("criteria", "milestones"),
                f"the milestones of {own.label} are levels "
                f"{', '.join(map(str, sorted(steps)))}; they must be "
                f"{', '.join(map(str, expected))}",
            )


@rule("CRT004", "target-not-threshold", Level.WARNING, reads=(CHAIN, SHARED))
def target_not_threshold(ctx: Context) -> Iterator[Finding]:
    """A KPI's target is one of its thresholds (usually the level the
    agreement aims for); a milestone KPI's target is one of its levels.

    Fails::

        target: 88
        criteria: {thresholds: [70, 75, 80, 85, 90]}

    Passes::

        target: 90
    """
    for own in _written(ctx):
        if own.target is None:
            continue
        values = own.criteria.thresholds
        if values is not None and own.target not in values:
            yield finding(
                own.where.at("target"),
                f"the target {number(own.target)} of {own.label} is not one of its thresholds",
            )
        steps = own.criteria.milestones
        if steps is not None and own.target not in {Decimal(k) for k in steps}:
            yield finding(
                own.where.at("target"),
                f"the target {number(own.target)} of {own.label} is not one of its "
                "milestone levels",
            )


@rule("CRT005", "unit-of-measure", reads=(CHAIN, SHARED))
def unit_of_measure(ctx: Context) -> Iterator[Finding]:
    """``unit_of_measure: level`` goes with milestone criteria, and milestone
    criteria with ``level``.

    Fails::

        unit_of_measure: percent
        criteria: {milestones: {1: …, 2: …, 3: …, 4: …, 5: …}}

    Passes::

        unit_of_measure: level
    """
    for own in _written(ctx):
        unit = own.unit
        if own.criteria.milestones is not None and unit is not None and unit != "level":
            yield finding(
                own.where.at("unit_of_measure"),
                f"{own.label} has milestones, so its unit of measure is 'level', not '{unit}'",
            )
        if own.criteria.thresholds is not None and unit == "level":
            yield finding(
                own.where.at("unit_of_measure"),
                f"{own.label} is measured in levels but has thresholds; give milestones",
            )


@rule("CRT006", "missing-criteria", Level.WARNING, reads=(CHAIN,))
def missing_criteria(ctx: Context) -> Iterator[Finding]:
    """Every KPI has criteria (its own or inherited), or it cannot be scored.

    Fails::

        - {id: 2-4, kind: unit_specific, weight: 10, target: 2}

    Passes::

        - {id: 2-4, …, criteria: {thresholds: [6, 5, 4, 3, 2]}}
    """
    for kpi in ctx.model.kpis.values():
        linked_but_unresolved = kpi.same_as_ref is not None and kpi.same_as is None
        if kpi.criteria is None and not linked_but_unresolved:
            yield finding(kpi.where.at("id"), f"KPI '{kpi.qid}' has no criteria to score it by")
