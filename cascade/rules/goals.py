"""Goals: every goal is measured, every unit goal serves the organisation, and
a unit goal's ``supports`` agrees with where its KPIs trace."""

from __future__ import annotations

from collections.abc import Iterator

from cascade.diagnostics import Finding, Level
from cascade.model.plan import Kpi
from cascade.rules.common import finding
from cascade.rules.registry import Context, rule
from cascade.rules.scopes import CHAIN, SELF, STRATEGY


@rule("GOAL001", "goal-without-kpi", reads=(SELF, STRATEGY))
def goal_without_kpi(ctx: Context) -> Iterator[Finding]:
    """Every goal has at least one KPI.

    An organisation goal (Strategy ``goals``) is measured by a KPI of the
    organisation's agreement whose ``goal`` names it; a unit's goal by a KPI
    of the unit's own agreement.

    Fails::

        goals: [{id: LAW-G2, name: …, additional: true}]
        kpis: [{id: 2-1, goal: LAW-G1, …}]        # nothing measures LAW-G2

    Passes::

        kpis: [{id: 2-1, goal: LAW-G1, …}, {id: 2-4, goal: LAW-G2, …}]
    """
    model = ctx.model
    org = model.org_agreement()
    if model.strategy is not None and org is not None:
        measured = {k.goal for k in org.kpis}
        for i, goal in enumerate(model.strategy.goals):
            if goal.id not in measured:
                yield finding(
                    model.strategy_where.at("goals", i, "id"),
                    f"organisation goal '{goal.id}' has no KPI in {model.organisation}'s agreement",
                )
    for agreement in model.agreements.values():
        if agreement.party_type == "organisation":
            continue
        measured = {k.goal for k in agreement.kpis}
        for i, own in enumerate(agreement.goals):
            if own.id not in measured:
                yield finding(
                    agreement.where.at("goals", i, "id"),
                    f"goal '{own.id}' has no KPI (give a KPI 'goal: {own.id}')",
                )


@rule("GOAL002", "unit-goal-unlinked", reads=(SELF,))
def unit_goal_unlinked(ctx: Context) -> Iterator[Finding]:
    """A unit's goal either ``supports`` organisation goals or is ``additional``.

    Step 2 of the method: a unit states which organisation goals its own goals
    help to achieve, and may add goals for the rest of its role.

    Fails::

        goals: [{id: LAW-G1, name: …}]

    Passes::

        goals: [{id: LAW-G1, name: …, supports: [G5]}, {id: LAW-G2, name: …, additional: true}]
    """
    for agreement in ctx.model.agreements.values():
        if agreement.party_type != "unit":
            continue
        for i, goal in enumerate(agreement.goals):
            if not goal.supports and not goal.additional:
                yield finding(
                    agreement.where.at("goals", i, "id"),
                    f"goal '{goal.id}' neither supports an organisation goal nor is "
                    "marked additional",
                    hint="add 'supports: [G…]' or 'additional: true'",
                )
            elif goal.supports and goal.additional:
                yield finding(
                    agreement.where.at("goals", i, "additional"),
                    f"goal '{goal.id}' supports organisation goals, so it is not additional",
                )


def _org_goals(kpi: Kpi, organisation: str) -> dict[str, str]:
    """Organisation KPI → the goal it measures, for the organisation KPIs ``kpi``
    traces to along ``same_as`` / ``contributes_to`` (loops are cut)."""
    found: dict[str, str] = {}
    seen: set[int] = set()
    queue: list[Kpi] = [kpi]
    while queue:
        current = queue.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if current.party == organisation:
            found[current.qid] = current.goal or ""
            continue
        parents = [*current.contributes_to]
        if isinstance(current.same_as, Kpi):
            parents.append(current.same_as)
        queue.extend(parents)
    return found


@rule("GOAL003", "supports-disagrees", Level.WARNING, reads=(CHAIN,))
def supports_disagrees(ctx: Context) -> Iterator[Finding]:
    """A unit goal's ``supports`` agrees with where its KPIs trace: a KPI that
    measures the goal and traces to organisation KPIs traces to at least one
    that measures an organisation goal the unit goal supports.

    Fails::

        goals: [{id: SVC-G1, supports: [G2], …}]
        kpis: [{id: 1-1, goal: SVC-G1, kind: identical, same_as: ORG/1, …}]   # ORG/1 measures G1

    Passes::

        goals: [{id: SVC-G1, supports: [G1], …}]
    """
    model = ctx.model
    if model.strategy is None:
        return
    known = {goal.id for goal in model.strategy.goals}  # unknown ones are REF001's
    for agreement in model.agreements.values():
        if agreement.party_type != "unit":
            continue
        supports = {g.id: set(g.supports) for g in agreement.goals if g.supports}
        supports = {goal: wanted for goal, wanted in supports.items() if wanted <= known}
        for kpi in agreement.kpis:
            wanted = supports.get(kpi.goal or "")
            if wanted is None:
                continue
            traced = _org_goals(kpi, model.organisation)
            if traced and set(traced.values()) <= known and not wanted & set(traced.values()):
                shown = ", ".join(f"{q} ({g or 'no goal'})" for q, g in sorted(traced.items()))
                yield finding(
                    kpi.where.at("goal"),
                    f"KPI '{kpi.qid}' measures goal '{kpi.goal}', which supports "
                    f"{', '.join(sorted(wanted))}, but it traces to {shown}",
                    hint="make the goal's 'supports' name the goal its KPIs serve, "
                    "or give the KPI another goal",
                )
