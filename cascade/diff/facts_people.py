"""The roster, the job families and descriptions, and the frameworks as facts.

* ``roster``: a person per id (name, position, unit, salary, e-mail); a
  person moved to another unit shows as ``unit: SVC → OPS``.
* ``jobs``: a job family per id (its name, group and ``headcount.UNIT``)
  and a job description per position number.
* ``framework`` (one section per framework): its dimensions, nested ones
  naming their ``parent``, with the weight as written, and its standard
  KPI slots.

Built from the resolved :class:`~cascade.model.plan.PlanModel`, so a
second definition of the same id (a duplicate, reported by
:mod:`conflicts`) does not hide the first, as in every other command.
"""

from __future__ import annotations

from functools import partial

from cascade.diff.entities import Entity, ItemKey, SectionFacts, add_once, spec_entity
from cascade.diff.values import Value, leaf
from cascade.model.frameworks import walk_dimensions
from cascade.model.plan import Dimension, Framework, PlanModel, Slot

DIMENSION_FIELDS = ("name", "weight", "parent")
SLOT_FIELDS = ("weight", "dimension", "optional", "transfer_to")


def roster(model: PlanModel, lang: str) -> SectionFacts | None:
    """Every person of the roster, by id."""
    if not model.people:
        return None
    items: dict[ItemKey, Entity] = {}
    for person in model.people.values():
        add_once(items, spec_entity("person", person.id, person.spec, person.spec.name, lang))
    return SectionFacts("roster", "", items=items)


def jobs(model: PlanModel, lang: str) -> SectionFacts | None:
    """Job families (headcount per unit) and job descriptions (by position)."""
    items: dict[ItemKey, Entity] = {}
    for families, _ in model.families:
        for family in families.families:
            add_once(items, spec_entity("family", family.id, family, family.name, lang))
    for position, (job, _) in model.jobs.items():
        skip = ("kind", "position")
        add_once(items, spec_entity("job", position, job, job.line_title, lang, skip))
    return SectionFacts("jobs", "", items=items) if items else None


def _facts(pairs: tuple[tuple[str, object], ...], lang: str) -> dict[str, Value]:
    return {name: value for name, raw in pairs if (value := leaf(raw, lang)) is not None}


def _dimension(dim: Dimension, parent: str | None, lang: str) -> Entity:
    pairs = (("name", dim.name), ("weight", dim.written.strip() or None), ("parent", parent))
    token = tuple(v for _, v in pairs)
    return Entity(
        "dimension",
        dim.id,
        token,
        partial(leaf, dim.name, lang),
        partial(_facts, pairs, lang),
        DIMENSION_FIELDS,
    )


def _slot(slot: Slot, lang: str) -> Entity:
    pairs = (
        ("weight", slot.weight),
        ("dimension", slot.dimension),
        ("optional", slot.optional),
        ("transfer_to", slot.transfer_to),
    )
    token = tuple(v for _, v in pairs)
    return Entity("slot", slot.id, token, lambda: None, partial(_facts, pairs, lang), SLOT_FIELDS)


def framework(frame: Framework, lang: str) -> SectionFacts:
    """One framework: its dimensions (any depth) and its slots."""
    items: dict[ItemKey, Entity] = {}
    walked = [dim for dim, _ in walk_dimensions(frame.dimensions)]
    parents = {child.id: dim.id for dim in walked for child in dim.dimensions}
    for dim in walked:
        add_once(items, _dimension(dim, parents.get(dim.id), lang))
    for slot in frame.slots:
        add_once(items, _slot(slot, lang))
    return SectionFacts("framework", frame.id, leaf(frame.name, lang), items=items)


def frameworks(model: PlanModel, lang: str) -> list[SectionFacts]:
    """A section per framework."""
    return [framework(frame, lang) for frame in model.frameworks.values()]
