"""Structure: the strategy map, the org chart and the chain of command."""

from __future__ import annotations

from collections.abc import Iterator

from cascade.diagnostics import Finding
from cascade.rules.common import finding
from cascade.rules.registry import Context, rule
from cascade.rules.scopes import SELF, SHARED


def _names(cycle: list[str]) -> str:
    return " → ".join([*cycle, cycle[0]])


@rule("MAP001", "drives-cycle", reads=(SHARED, SELF))
def drives_cycle(ctx: Context) -> Iterator[Finding]:
    """Cause → effect links between goals (``drives``) never loop back: the
    strategy's goals, and each agreement's own goals (a unit's strategy map).

    Fails::

        goals: [{id: G1, drives: [G2]}, {id: G2, drives: [G1]}]

    Passes::

        goals: [{id: G2, drives: [G1]}, {id: G1}]
    """
    model = ctx.model
    strategy_index = {g.id: i for i, g in enumerate(model.strategy.goals)} if model.strategy else {}
    for cycle in ctx.graph.cycles("drives"):
        party, _, first = cycle[0].rpartition("/")
        agreement = model.agreements.get(party) if party else None
        if agreement is not None:
            index = next(i for i, g in enumerate(agreement.goals) if g.id == first)
            where = agreement.where.at("goals", index, "drives")
            names = [node.rpartition("/")[2] for node in cycle]
        elif not party and model.strategy is not None:
            where = model.strategy_where.at("goals", strategy_index.get(first, 0), "drives")
            names = cycle
        else:
            continue
        yield finding(where, f"goals drive each other in a cycle: {_names(names)}")


@rule("ORG001", "orgchart-cycle", reads=(SHARED,))
def orgchart_cycle(ctx: Context) -> Iterator[Finding]:
    """Units' ``parent`` links never loop back.

    Fails::

        units: [{id: A, parent: B}, {id: B, parent: A}]

    Passes::

        units: [{id: DOP}, {id: A, parent: DOP}]
    """
    for cycle in ctx.graph.cycles("part_of"):
        unit = ctx.model.units.get(cycle[0])
        if unit is not None:
            yield finding(unit.where.at("parent"), f"units are their own parents: {_names(cycle)}")


@rule("ORG002", "unit-unreachable", reads=(SHARED,))
def unit_unreachable(ctx: Context) -> Iterator[Finding]:
    """Every unit reaches the organisation (the plan's root unit) through its
    ``parent`` links.

    Fails::

        units: [{id: DOP}, {id: LAW}]          # LAW has no parent

    Passes::

        units: [{id: DOP}, {id: LAW, parent: DOP}]
    """
    model = ctx.model
    in_cycle = {unit for cycle in ctx.graph.cycles("part_of") for unit in cycle}
    for unit_id in ctx.graph.unreachable_units():
        if unit_id in in_cycle:
            continue
        unit = model.units[unit_id]
        key = "parent" if unit.parent else "id"
        yield finding(
            unit.where.at(key), f"unit {unit_id} is not under the organisation {model.organisation}"
        )


@rule("ORG003", "command-cycle", reads=(SHARED,))
def command_cycle(ctx: Context) -> Iterator[Finding]:
    """The chain of command (people → their positions → supervisor positions)
    never loops back.

    Fails::

        # position 1200's supervisor is 1234, and 1234's is 1200

    Passes::

        # 1234 reports to 1200, 1200 to the bureau's head outside the plan
    """
    model = ctx.model
    for cycle in ctx.graph.cycles("reports_to"):
        person = model.people.get(cycle[0])
        if person is None:
            continue
        job = model.jobs.get(person.position or "")
        where = job[1].at("supervisor") if job else person.where.at("position")
        yield finding(where, f"the chain of command loops: {_names(cycle)}")


@rule("ORG004", "required-document", reads=(SHARED,))
def required_document(ctx: Context) -> Iterator[Finding]:
    """A plan has a Strategy, an OrgChart and the organisation's own Agreement.

    Fails::

        # no document with kind: Strategy anywhere in the plan folder

    Passes::

        # strategy.yaml (kind: Strategy), org.yaml (kind: OrgChart), agreements/DOP.yaml
    """
    model = ctx.model
    if model.plan is None:
        return
    where = model.plan_where.at("organisation")
    if model.strategy is None:
        yield finding(where, "the plan has no Strategy document (kind: Strategy)")
    if not model.units:
        yield finding(where, "the plan has no OrgChart document (kind: OrgChart)")
    if model.org_agreement() is None:
        yield finding(
            where,
            f"the organisation {model.organisation} has no Agreement "
            f"(kind: Agreement, party: {model.organisation})",
        )
