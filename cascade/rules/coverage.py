"""Coverage (criterion SP5 of the method): every unit of the org chart has an
agreement or is exempt with a reason, and at least one unit is cascaded down
to every person in it.  (The organisation's own agreement is ORG004's.)

Both rules read the org chart, the roster and *which* parties have an
agreement; a warm run never adds or removes an agreement (that is a full
run), so they read only what a warm run keeps: the ``shared`` scope.
"""

from __future__ import annotations

from collections.abc import Iterator

from cascade.diagnostics import Finding, Level
from cascade.model.plan import PlanModel, Where
from cascade.rules.common import finding
from cascade.rules.registry import Context, rule
from cascade.rules.scopes import SHARED
from cascade.spec.common import text_of


def _in_matrix(model: PlanModel) -> set[str]:
    """Units the OS matrix names (OSM004 reports those without an agreement)."""
    if model.osmatrix is None:
        return set()
    return {u for row in model.osmatrix.rows for u in (row.owner, *row.supporters) if u}


@rule("COV001", "unit-not-covered", Level.WARNING, reads=(SHARED,))
def unit_not_covered(ctx: Context) -> Iterator[Finding]:
    """Every unit of the org chart has an agreement (SP5: cascading reaches
    *every* bureau, division and group, those set up by law and those set up
    for internal management), or is marked exempt with the reason (a blank
    reason is reported at it).

    Units the OS matrix names are reported there instead (OSM004); the
    organisation itself is ORG004's.

    Fails::

        units:
          - {id: IT, name: ศูนย์เทคโนโลยีสารสนเทศ, parent: DOP}   # no agreements/units/IT.yaml

    Passes::

        units:
          - {id: IT, name: …, parent: DOP, exempt: {reason: ยุบรวมกับกองแผนงาน 1 ม.ค. 2569}}
    """
    model = ctx.model
    named = _in_matrix(model)
    for unit in model.units.values():
        party = unit.id
        if party == model.organisation or party in model.agreements or party in named:
            continue
        exempt = unit.spec.exempt
        if exempt is not None:
            reason = exempt.reason
            if not (text_of(reason, "th") or text_of(reason, "en")).strip():
                yield finding(
                    unit.where.at("exempt", "reason"),
                    f"unit {party} is marked exempt without a reason",
                    hint="write why it has no agreement: 'exempt: {reason: …}'",
                )
            continue
        yield finding(
            unit.where.at("id"),
            f"unit {party} has no agreement and is not marked exempt",
            hint=f"draft it with: cascade new agreement --party {party}; "
            "or add 'exempt: {reason: …}' to the unit",
        )


def _roster_where(model: PlanModel) -> Where | None:
    first = next(iter(model.people.values()), None)
    if first is None:
        return None
    return Where(first.where.file, first.where.doc, ("people",))


@rule("COV002", "no-unit-cascaded-to-people", Level.WARNING, reads=(SHARED,))
def no_unit_cascaded_to_people(ctx: Context) -> Iterator[Finding]:
    """At least one unit is cascaded down to every person in it: the unit has
    an agreement and so does each person the roster places in it (SP5's
    minimum: "ระดับบุคคล อย่างน้อย 1 หน่วยงาน").

    Fails::

        # people.yaml: P001 and P002 in SVC; only agreements/people/P001.yaml exists

    Passes::

        # agreements/people/P001.yaml and agreements/people/P002.yaml
    """
    model = ctx.model
    if not model.units or model.organisation not in model.agreements:
        return  # ORG004 reports what is missing first
    members: dict[str, list[str]] = {}
    for person in model.people.values():
        members.setdefault(person.unit, []).append(person.id)
    for unit, people in members.items():
        if unit == model.organisation or unit not in model.agreements:
            continue
        if all(p in model.agreements for p in people):
            return
    where = _roster_where(model)
    if where is None:
        chart = next(iter(model.units.values())).where
        yield finding(
            Where(chart.file, chart.doc, ("units",)),
            "no unit is cascaded to its people: the plan has no People document",
            at_key=True,
            hint="add people.yaml and the agreements of one unit's people",
        )
        return
    yield finding(
        where,
        "no unit is cascaded to every person in it (SP5 asks for at least one)",
        at_key=True,
        hint="draft each with: cascade new agreement --party PERSON",
    )
