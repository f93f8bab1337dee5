"""The Owner/Supporter matrix: one owner per organisation KPI, the owner and
supporters carry it in their agreements, and a unit that carries it is in its row."""

from __future__ import annotations

from collections.abc import Iterator

from cascade.diagnostics import Finding, Level
from cascade.qid import is_qualified, party_of, qualify
from cascade.rules.common import finding
from cascade.rules.registry import Context, rule
from cascade.rules.scopes import OS_MATRIX, SELF


@rule("OSM001", "owner-count", reads=(SELF, OS_MATRIX))
def owner_count(ctx: Context) -> Iterator[Finding]:
    """Every organisation KPI has exactly one owner unit (O) in the OS matrix:
    one row per KPI, with an ``owner``.

    Fails::

        rows:
          - {kpi: DOP/1.1, supporters: [LAW]}        # no owner
          - {kpi: DOP/1.1, owner: PLAN}              # a second row

    Passes::

        rows: [{kpi: DOP/1.1, owner: PLAN, supporters: [LAW]}]
    """
    model = ctx.model
    org = model.org_agreement()
    if org is None or not org.kpis:
        return
    matrix = model.osmatrix
    if matrix is None:
        yield finding(
            org.where.at("kind"),
            "the plan has no OSMatrix document: every organisation KPI needs an owner unit",
        )
        return
    rows: dict[str, int] = {}
    for i, row in enumerate(matrix.rows):
        here = model.osmatrix_where.at("rows", i)
        qid = model.row_qid(row.kpi)
        if qid in rows:
            yield finding(
                here.at("kpi"),
                f"'{row.kpi}' already has a row (row {rows[qid] + 1}); "
                "an organisation KPI has one owner",
            )
            continue
        rows[qid] = i
        if row.owner is None:
            yield finding(here.at("kpi"), f"'{row.kpi}' has no owner unit")
    for kpi in org.kpis:
        if kpi.qid not in rows:
            yield finding(
                model.osmatrix_where.at("rows"),
                f"organisation KPI '{kpi.qid}' has no row in the OS matrix",
                at_key=True,
            )


@rule("OSM002", "owner-not-carrying", reads=(OS_MATRIX,))
def owner_not_carrying(ctx: Context) -> Iterator[Finding]:
    """The owner unit's agreement carries the organisation KPI it owns: an
    ``identical`` KPI (``same_as``) or a ``contributory`` one
    (``contributes_to``).  Waits until the owner has an agreement (OSM004).

    Fails::

        rows: [{kpi: DOP/20.2, owner: LAW}]   # LAW's agreement never names DOP/20.2

    Passes::

        # agreements/units/LAW.yaml
        - {id: 2-1, kind: identical, same_as: DOP/20.2, weight: 20}
    """
    model = ctx.model
    if model.osmatrix is None:
        return
    for i, row in enumerate(model.osmatrix.rows):
        agreement = model.agreements.get(row.owner or "")
        qid = model.row_qid(row.kpi)
        if agreement is not None and qid in model.kpis and not agreement.carries(qid):
            yield finding(
                model.osmatrix_where.at("rows", i, "owner"),
                f"owner {row.owner} does not carry {qid} in its agreement",
                hint=f"add a KPI with 'same_as: {qid}' or 'contributes_to: [{qid}]'",
            )


@rule("OSM003", "supporter-not-carrying", Level.WARNING, reads=(OS_MATRIX,))
def supporter_not_carrying(ctx: Context) -> Iterator[Finding]:
    """Each supporter unit (S) carries a contributory KPI to the organisation
    KPI it supports.  Waits until the supporter has an agreement.

    Fails::

        rows: [{kpi: DOP/3.1, owner: SEC, supporters: [LAW]}]   # LAW has no KPI for it

    Passes::

        - {id: A3, kind: contributory, contributes_to: [DOP/3.1], weight: 10}
    """
    model = ctx.model
    if model.osmatrix is None:
        return
    for i, row in enumerate(model.osmatrix.rows):
        qid = model.row_qid(row.kpi)
        for j, unit in enumerate(row.supporters):
            agreement = model.agreements.get(unit)
            if agreement is not None and qid in model.kpis and not agreement.carries(qid):
                yield finding(
                    model.osmatrix_where.at("rows", i, "supporters", j),
                    f"supporter {unit} has no KPI that contributes to {qid}",
                )


@rule("OSM004", "unit-without-agreement", Level.WARNING, reads=(OS_MATRIX,))
def unit_without_agreement(ctx: Context) -> Iterator[Finding]:
    """A unit named in the OS matrix has an agreement (the method asks every
    unit for one); until it has, the rules about what it carries wait.

    Fails::

        rows: [{kpi: DOP/1.1, owner: PLAN}]   # no agreements/units/PLAN.yaml

    Passes::

        # agreements/units/PLAN.yaml with party: PLAN
    """
    model = ctx.model
    if model.osmatrix is None:
        return
    reported: set[str] = set()
    for i, row in enumerate(model.osmatrix.rows):
        row_where = model.osmatrix_where.at("rows", i)
        named = [(row_where.at("owner"), row.owner)] if row.owner else []
        named += [(row_where.at("supporters", j), u) for j, u in enumerate(row.supporters)]
        for here, unit in named:
            if unit in reported or unit in model.agreements or unit not in model.units:
                continue
            reported.add(unit)
            yield finding(here, f"unit {unit} has no agreement yet")


@rule("OSM005", "carrier-not-in-row", Level.WARNING, reads=(SELF,))
def carrier_not_in_row(ctx: Context) -> Iterator[Finding]:
    """A unit that carries an organisation KPI (an ``identical`` KPI with
    ``same_as``, or a ``contributory`` one with ``contributes_to``) is that
    KPI's owner or one of its supporters in the OS matrix.  The other
    direction (the owner and supporters of a row carry it) is OSM002/OSM003.
    A KPI with no row is OSM001's.

    Fails::

        # agreements/units/LAW.yaml
        - {id: A3, kind: contributory, contributes_to: [DOP/3.1], weight: 10}
        # os-matrix.yaml
        rows: [{kpi: DOP/3.1, owner: SEC}]        # LAW is not in the row

    Passes::

        rows: [{kpi: DOP/3.1, owner: SEC, supporters: [LAW]}]
    """
    model = ctx.model
    matrix = model.osmatrix
    if matrix is None:
        return
    rows: dict[str, set[str]] = {}
    for row in matrix.rows:
        named = {row.owner, *row.supporters} if row.owner else set(row.supporters)
        rows.setdefault(model.row_qid(row.kpi), set()).update(u for u in named if u)
    for agreement in model.agreements.values():
        if agreement.party_type != "unit":
            continue
        for kpi in agreement.kpis:
            same: str | None = getattr(kpi.same_as, "qid", None)
            links = [(kpi.where.at("same_as"), same)]
            for j, ref in enumerate(kpi.contributes_to_refs):
                target = ref if is_qualified(ref) else qualify(agreement.parent or "", ref)
                links.append((kpi.where.at("contributes_to", j), target))
            for here, qid in links:
                if qid is None or party_of(qid) != model.organisation or qid not in rows:
                    continue
                if agreement.party not in rows[qid]:
                    yield finding(
                        here,
                        f"{agreement.party} carries {qid} but is not in its OS matrix row",
                        hint=f"add {agreement.party} to the row's supporters in the OS matrix",
                    )
