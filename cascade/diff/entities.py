"""The units a diff compares: an :class:`Entity` (a KPI, a person, a result, …)
inside a :class:`SectionFacts` (an agreement, the roster, a period's actuals, …).

Shared by every module that turns part of a plan into facts (:mod:`facts`,
:mod:`facts_people`, :mod:`facts_actuals`, :mod:`conflicts`) and read by
:mod:`compare`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, partial

from pydantic import BaseModel

from cascade.diff.values import Value, flatten, leaf

ItemKey = tuple[str, str]


class Entity:
    """Something with an id inside a section: a KPI, a goal, an OS-matrix row, a person.

    Its facts are built only when needed: two entities with equal *tokens*
    (the spec objects and resolved values their facts come from) have equal
    facts, and a file unchanged between the sides gives the very same spec
    objects, so most of a large plan is never flattened at all.
    """

    def __init__(
        self,
        kind: str,
        ident: str,
        token: object,
        name: Callable[[], Value | None],
        fields: Callable[[], dict[str, Value]],
        order: tuple[str, ...] = (),
    ) -> None:
        self.kind, self.id, self.token = kind, ident, token
        self._name, self._fields = name, fields
        self.order = order
        """The spec's field names, in order: how changed fields are listed."""

    @cached_property
    def name(self) -> Value | None:
        return self._name()

    @cached_property
    def fields(self) -> dict[str, Value]:
        return self._fields()


@dataclass(frozen=True, slots=True)
class SectionFacts:
    """An agreement, or one of the plan-wide documents, as facts."""

    kind: str
    id: str
    title: Value | None = None
    party_type: str = ""
    fields: dict[str, Value] = field(default_factory=dict)
    items: dict[ItemKey, Entity] = field(default_factory=dict)
    weight: str | None = None
    """The agreement's weight total as text (``+ ?`` added when a weight does not evaluate)."""
    order: tuple[str, ...] = ()
    """The spec's field names, in order."""
    token: object = None
    """When set, equal tokens on both sides mean equal fields (as for an :class:`Entity`)."""
    lazy: Callable[[], dict[str, Value]] | None = None
    """Builds the fields when they are needed (then :attr:`fields` is left empty)."""

    def own_fields(self) -> dict[str, Value]:
        """The section's own fields, built now if they are lazy."""
        return self.lazy() if self.lazy is not None else self.fields


PlanFacts = dict[tuple[str, str], SectionFacts]


def fields_of(spec: BaseModel) -> tuple[str, ...]:
    """The field names of a spec object's model, in order."""
    return tuple(type(spec).model_fields)


def spec_entity(
    kind: str, ident: str, spec: BaseModel, name: object, lang: str, skip: Iterable[str] = ("id",)
) -> Entity:
    """An entity whose facts are every field of one spec object (but ``skip``)."""
    return Entity(
        kind,
        ident,
        (spec, name),
        partial(leaf, name, lang),
        partial(flatten, spec, lang, "", tuple(skip)),
        fields_of(spec),
    )


def add_once(items: dict[ItemKey, Entity], entity: Entity) -> None:
    """Add ``entity`` unless its kind and id are there (the first wins, as in the model)."""
    items.setdefault((entity.kind, entity.id), entity)
