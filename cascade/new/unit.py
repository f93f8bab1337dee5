"""``cascade new unit``: an org-chart entry for a new unit, checked against
the plan: a new id, a known parent, a known head position."""

from __future__ import annotations

from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap

from cascade.diagnostics import did_you_mean
from cascade.model.plan import PlanModel, Where
from cascade.new.common import ID, NewError
from cascade.new.yamlout import cmap, quoted

TYPES = "department | bureau | division | office | centre | group"


@dataclass(frozen=True, slots=True)
class UnitRequest:
    """What the planner asked for on the command line."""

    id: str
    parent: str
    name: str
    name_en: str | None = None
    type: str | None = None
    head: str | None = None


@dataclass(frozen=True, slots=True)
class OrgChartEntry:
    """A unit's org-chart entry and the TODO comment that goes with it."""

    unit: CommentedMap
    todo: str


def orgchart_at(model: PlanModel) -> Where | None:
    """The OrgChart document (its file and index), if the plan has one."""
    first = next(iter(model.units.values()), None)
    return Where(first.where.file, first.where.doc) if first is not None else None


def _check(model: PlanModel, req: UnitRequest) -> None:
    if not ID.match(req.id):
        raise NewError(f"'{req.id}' is not an id: no spaces and no '/'")
    if req.id in model.units or req.id == model.organisation:
        raise NewError(f"unit '{req.id}' already exists")
    if req.id in model.people:
        raise NewError(f"'{req.id}' is a person's id; a unit needs an id of its own")
    known = {*model.units, model.organisation}
    if req.parent not in known:
        hint = did_you_mean(req.parent, known)
        raise NewError(f"unknown parent unit '{req.parent}'. {hint}".rstrip())
    positions = {*model.jobs, *model.holders}
    if req.head is not None and req.head not in positions:
        hint = did_you_mean(req.head, positions)
        raise NewError(
            f"unknown position '{req.head}': no job description has it, nobody holds it. {hint}"
        )


def unit_entry(model: PlanModel, req: UnitRequest) -> OrgChartEntry:
    """The new unit's entry; :class:`NewError` when it cannot be added."""
    _check(model, req)
    name: object = req.name
    if req.name_en:
        name = cmap([("th", req.name), ("en", req.name_en)], flow=True)
    entry = cmap([("id", req.id), ("name", name)])
    todo: list[str] = []
    if req.type is not None:
        entry["type"] = req.type
    else:
        todo.append(f"type: {TYPES}")
    entry["parent"] = req.parent
    if req.head is not None:
        entry["head"] = quoted(req.head)
    else:
        todo.append('head: "<position number of its head>" (optional)')
    return OrgChartEntry(entry, "TODO " + "; ".join(todo) if todo else "")
