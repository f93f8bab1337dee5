"""The actuals as facts: one section per period, a result per KPI, components per person.

Results are keyed by the KPI they report (``ORG/1``), never by file or row:
moving a result to another file, or reordering a table, is no change.  Each
result's fields (``value``, ``level``, ``values.X``, ``status``,
``evidence``, ``remark``) are compared; a person's other components
(``competency``, …) likewise.  When a period reports the same KPI twice,
the first row counts, as in scoring (:func:`cascade.scoring.inputs.gather`),
and the second is a :class:`Repeat` that :mod:`conflicts` reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from cascade.diff.entities import Entity, ItemKey, SectionFacts, spec_entity
from cascade.model.plan import PlanModel

RESULT_SKIP = ("kpi",)
COMPONENT_SKIP = ("person",)


@dataclass(frozen=True, slots=True)
class Repeat:
    """A second result (or components row) for the same thing in one period."""

    what: str
    """``result for ORG/1`` or ``components of P001``."""
    period: str
    file: str
    first: str


def actuals(model: PlanModel, lang: str) -> tuple[list[SectionFacts], list[Repeat]]:
    """A section per period with results, and every repeated row."""
    periods: dict[str, dict[ItemKey, Entity]] = {}
    firsts: dict[tuple[str, ItemKey], str] = {}
    repeats: list[Repeat] = []

    def add(period: str, entity: Entity, file: str, what: str) -> None:
        items = periods.setdefault(period, {})
        key = (entity.kind, entity.id)
        if key in items:
            repeats.append(Repeat(what, period, file, firsts[(period, key)]))
            return
        items[key] = entity
        firsts[(period, key)] = file

    for document, where in model.actuals:
        periods.setdefault(document.period, {})
        for result in document.results:
            kpi = model.kpis.get(result.kpi)
            name = kpi.name if kpi is not None else None
            entity = spec_entity("result", result.kpi, result, name, lang, RESULT_SKIP)
            add(document.period, entity, where.file, f"result for {result.kpi}")
        for person in document.people:
            found = model.people.get(person.person)
            name = found.name if found is not None else None
            entity = spec_entity("component", person.person, person, name, lang, COMPONENT_SKIP)
            add(document.period, entity, where.file, f"components of {person.person}")
    sections = [SectionFacts("actuals", period, items=items) for period, items in periods.items()]
    return sections, repeats
