"""Drafted KPIs: taken over as is (``same_as``), or placeholders linked to a
parent KPI or a responsibility, with criteria that already validate."""

from __future__ import annotations

from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap

from cascade.model.plan import Kpi, PlanModel
from cascade.new.common import perspectives, scale_levels, top_level
from cascade.new.words import say
from cascade.new.yamlout import cmap, cseq, note, text_node
from cascade.spec.agreement import Criteria
from cascade.spec.common import Bilingual, text_of


@dataclass(slots=True)
class Item:
    """A drafted KPI: its mapping (id and weight filled in later), its share
    of the weight in points, and the group it belongs to (a comment before
    the group's first KPI)."""

    kpi: CommentedMap
    points: int
    group: str


def paren(name: str | Bilingual | None, lang: str) -> str:
    """``(name)`` in ``lang``, or nothing."""
    shown = text_of(name, lang)
    return f"({shown})" if shown else ""


def start(name: object = None, goal: str | None = None) -> CommentedMap:
    """A KPI mapping in the plans' key order, ``id`` first (filled in later)."""
    kpi = cmap([("id", None)])
    if name is not None:
        kpi["name"] = name
    if goal is not None:
        kpi["goal"] = goal
    return kpi


def place_dimension(model: PlanModel, kpi: CommentedMap, dimension: str | None) -> None:
    """Set ``dimension``, or the first perspective with a TODO when nothing says which."""
    choices = perspectives(model)
    if dimension is not None:
        kpi["dimension"] = dimension
    elif choices:
        kpi["dimension"] = choices[0]
        note(kpi, "dimension", f"TODO: choose the perspective: {', '.join(choices)}")


def taken_over(
    model: PlanModel, kind: str, ref: str, name: str, goal: str | None, dimension: str | None
) -> CommentedMap:
    """A KPI taken over as is (``identical``, ``common``, ``supervisor``):
    only its goal, dimension and weight are the party's own."""
    kpi = start(goal=goal)
    place_dimension(model, kpi, dimension)
    kpi["kind"] = kind
    kpi["same_as"] = ref
    if name:
        note(kpi, "same_as", name)
    kpi["weight"] = None
    return kpi


def criteria_node(criteria: Criteria) -> CommentedMap:
    """Criteria as written in the plans: thresholds in flow style, milestones as a block."""
    if criteria.thresholds is not None:
        return cmap([("thresholds", cseq(criteria.thresholds, flow=True))])
    steps = cmap((level, text_node(step)) for level, step in (criteria.milestones or {}).items())
    return cmap([("milestones", steps)])


def milestones_placeholder(model: PlanModel, lang: str, kpi: CommentedMap, why: str) -> None:
    """``level`` criteria with one TODO step per level of the plan's scale."""
    levels = scale_levels(model)
    kpi["unit_of_measure"] = "level"
    note(kpi, "unit_of_measure", "TODO: level | percent | count | baht | days | ratio | …")
    kpi["weight"] = None
    kpi["target"] = top_level(model)
    steps = cmap((level, say(lang, "step", level=level)) for level in range(1, levels + 1))
    kpi["criteria"] = cmap([("milestones", steps)])
    note(kpi, "criteria", why)


def copied_template(
    model: PlanModel, lang: str, party: str, kpi: CommentedMap, parent: Kpi
) -> None:
    """Unit, target and criteria copied from ``parent`` as a starting point."""
    criteria = parent.criteria
    if criteria is None:
        milestones_placeholder(
            model, lang, kpi, f"TODO: {parent.qid} has no criteria to start from"
        )
        return
    if parent.unit_of_measure is not None:
        kpi["unit_of_measure"] = parent.unit_of_measure
    kpi["weight"] = None
    if parent.target is not None:
        kpi["target"] = parent.target
        note(kpi, "target", f"TODO: {party}'s own target (copied from {parent.qid})")
    kpi["criteria"] = criteria_node(criteria)
    note(kpi, "criteria", f"TODO: {party}'s own criteria (copied from {parent.qid})")


def linked(
    model: PlanModel,
    lang: str,
    party: str,
    kind: str,
    parent: Kpi,
    goal: str | None,
    dimension: str | None,
) -> CommentedMap:
    """A ``contributory`` or ``supervisor`` placeholder that drives ``parent``."""
    name = say(lang, "drives", party=party, ref=parent.qid, name=paren(parent.name, lang))
    kpi = start(name, goal)
    note(kpi, "name", f"TODO: name what {party} measures")
    place_dimension(model, kpi, dimension)
    kpi["kind"] = kind
    kpi["contributes_to"] = cseq([parent.qid], flow=True)
    copied_template(model, lang, party, kpi, parent)
    return kpi
