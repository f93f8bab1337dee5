"""What the drafting commands share: refusals, party lookup, the parent party,
the scale's levels, perspectives, and the organisation goals a KPI serves."""

from __future__ import annotations

import re
from decimal import Decimal

from cascade.diagnostics import did_you_mean
from cascade.exitcodes import CascadeError
from cascade.model.links import parent_party as build_parent_party
from cascade.model.plan import Kpi, PartyType, PlanModel
from cascade.scoring.policy import resolve

ID = re.compile(r"^[^\s/]+$")
"""An id as the spec takes it: no whitespace, no ``/``."""


class NewError(CascadeError):
    """A draft cascade will not make; the message says why (exit code 2, USAGE)."""


def party_type(model: PlanModel, party: str) -> PartyType:
    """The type of ``party``, or :class:`NewError` with a "did you mean" hint."""
    found = model.party_type(party)
    if found is None:
        hint = did_you_mean(party, (*model.units, *model.people))
        raise NewError(f"unknown party '{party}': not a unit of the org chart nor a person. {hint}")
    return found


def parent_party(model: PlanModel, party: str) -> str | None:
    """Whose KPIs ``party``'s plain references would name, were it to sign now.

    The model keeps this only for parties that have an agreement, so it is
    computed here by the model builder's own rule (``model.links.parent_party``)
    over the agreements the plan already has.
    """
    return build_parent_party(model, party, set(model.agreements))


def head_of(model: PlanModel, unit: str) -> str | None:
    """The person who heads ``unit`` (by the org chart's ``head`` or the chain of command)."""
    return next((p.id for p in model.people.values() if p.heads == unit), None)


def language(model: PlanModel) -> str:
    """The plan's first language: ``th`` or ``en``."""
    return model.plan.languages[0] if model.plan is not None else "th"


def scale_levels(model: PlanModel) -> int:
    """How many levels the plan's scoring scale has (five by default)."""
    return resolve(model.plan.scoring if model.plan is not None else None).levels


def perspectives(model: PlanModel) -> list[str]:
    """The Strategy's perspective ids, top of the map first."""
    return [p.id for p in model.strategy.perspectives] if model.strategy is not None else []


def goal_perspective(model: PlanModel, goal: str) -> str | None:
    """The perspective an organisation goal sits in."""
    if model.strategy is None:
        return None
    return next((g.perspective for g in model.strategy.goals if g.id == goal), None)


def org_goals(model: PlanModel, kpi: Kpi) -> tuple[str, ...]:
    """The organisation goals ``kpi`` serves, in order.

    An organisation KPI serves its ``goal``.  Another party's KPI serves the
    organisation goals its own goal ``supports`` when it says so, else those
    of the KPIs it links to (``same_as``, ``contributes_to``).
    """
    seen: set[str] = set()

    def walk(node: Kpi) -> list[str]:
        if node.qid in seen:
            return []
        seen.add(node.qid)
        if node.party == model.organisation:
            return [node.spec.goal] if node.spec.goal else []
        agreement = model.agreements.get(node.party)
        if agreement is not None and node.spec.goal:
            own = next((g for g in agreement.spec.goals if g.id == node.spec.goal), None)
            if own is not None and own.supports:
                return list(own.supports)
        parents = [*([node.same_as] if isinstance(node.same_as, Kpi) else []), *node.contributes_to]
        return [goal for parent in parents for goal in walk(parent)]

    return tuple(dict.fromkeys(walk(kpi)))


def dimension_for(model: PlanModel, kpi: Kpi) -> str | None:
    """The perspective a KPI drafted from ``kpi`` sits in, or ``None`` when nothing says.

    ``kpi``'s own dimension when its agreement follows no framework (so the
    dimension is a perspective); else the perspective of the first
    organisation goal it serves; else its dimension if that is a perspective.
    """
    known = perspectives(model)
    own = kpi.spec.dimension
    agreement = model.agreements.get(kpi.party)
    if own in known and agreement is not None and agreement.framework is None:
        return own
    for goal in org_goals(model, kpi):
        found = goal_perspective(model, goal)
        if found is not None:
            return found
    return own if own in known else None


def top_level(model: PlanModel) -> Decimal:
    """The target of a milestone placeholder: the scale's top level."""
    return Decimal(scale_levels(model))
