"""Every reference resolves: ids named anywhere in the plan exist."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from cascade.diagnostics import Finding, Suggestion
from cascade.model.frameworks import walk_dimensions
from cascade.model.plan import PlanModel, Where
from cascade.rules.registry import Context, rule
from cascade.rules.scopes import ACTUALS, CHAIN, OS_MATRIX, PEOPLE, SELF, SHARED
from cascade.spec import JobDescription


def _missing(where: Where, what: str, ref: str, candidates: Iterable[str]) -> Finding:
    return Finding(
        f"unknown {what} '{ref}'",
        where.file,
        where.doc,
        path=where.path,
        suggest=Suggestion(ref, candidates),
    )


def finding_at(where: Where, message: str) -> Finding:
    return Finding(message, where.file, where.doc, path=where.path)


def _check(where: Where, what: str, refs: Iterable[str], known: Iterable[str]) -> Iterator[Finding]:
    pool = set(known)
    for i, ref in enumerate(refs):
        if ref not in pool:
            yield _missing(where.at(i), what, ref, pool)


def _strategy(model: PlanModel) -> Iterator[Finding]:
    strategy, where = model.strategy, model.strategy_where
    if strategy is None:
        return
    perspectives = {p.id for p in strategy.perspectives}
    issues = {i.id for i in strategy.issues}
    goals = {g.id for g in strategy.goals}
    strategies = {s.id for s in strategy.strategies}
    for i, goal in enumerate(strategy.goals):
        here = where.at("goals", i)
        if goal.perspective not in perspectives:
            yield _missing(here.at("perspective"), "perspective", goal.perspective, perspectives)
        yield from _check(here.at("issues"), "strategic issue", goal.issues, issues)
        yield from _check(here.at("drives"), "goal", goal.drives, goals)
    for i, item in enumerate(strategy.strategies):
        yield from _check(where.at("strategies", i, "goals"), "goal", item.goals, goals)
    for i, project in enumerate(strategy.projects):
        here = where.at("projects", i)
        if project.strategy and project.strategy not in strategies:
            yield _missing(here.at("strategy"), "strategy", project.strategy, strategies)
        yield from _check(here.at("goals"), "goal", project.goals, goals)
        if project.owner and project.owner not in model.units:
            yield _missing(here.at("owner"), "unit", project.owner, model.units)


def _org(model: PlanModel) -> Iterator[Finding]:
    positions = set(model.jobs) | set(model.holders)
    for unit in model.units.values():
        parent, head = unit.parent, unit.head
        if parent is not None and parent not in model.units:
            yield _missing(unit.where.at("parent"), "parent unit", parent, model.units)
        if head is not None and head not in positions:
            yield _missing(unit.where.at("head"), "position", head, positions)
    if model.plan is not None and model.units and model.organisation not in model.units:
        where = model.plan_where.at("organisation")
        yield _missing(
            where,
            "unit (the organisation must be the org chart's root)",
            model.organisation,
            model.units,
        )
    framework = model.plan.framework if model.plan is not None else None
    if framework is not None and framework not in model.frameworks:
        yield _missing(model.plan_where.at("framework"), "framework", framework, model.frameworks)


def _agreements(model: PlanModel) -> Iterator[Finding]:
    org_goals = {g.id for g in model.strategy.goals} if model.strategy else set()
    perspectives = {p.id for p in model.strategy.perspectives} if model.strategy else set()
    for agreement in model.agreements.values():
        where = agreement.where
        own_goals = {g.id for g in agreement.goals}
        for i, goal in enumerate(agreement.goals):
            here = where.at("goals", i)
            yield from _check(here.at("supports"), "organisation goal", goal.supports, org_goals)
            lane = goal.perspective
            if lane is not None and lane not in perspectives:
                yield _missing(here.at("perspective"), "perspective", lane, perspectives)
            yield from _check(here.at("drives"), "goal of this agreement", goal.drives, own_goals)
        is_org = agreement.party_type == "organisation"
        dimensions = (
            {d.id for d, _ in walk_dimensions(agreement.framework.dimensions)}
            if agreement.framework
            else perspectives
        )
        what = "framework dimension" if agreement.framework else "perspective"
        job = _job_of(model, agreement.party)
        duties = {r.id for r in job.responsibilities} if job else set()
        for kpi in agreement.kpis:
            measured, dimension, duty = kpi.goal, kpi.dimension, kpi.responsibility
            goals = org_goals if is_org else own_goals
            if measured is not None and measured not in goals:
                yield _missing(kpi.where.at("goal"), "goal", measured, goals)
            if dimension is not None and dimension not in dimensions:
                yield _missing(kpi.where.at("dimension"), what, dimension, dimensions)
            if duty is not None and duty not in duties:
                yield _missing(
                    kpi.where.at("responsibility"), "responsibility of the job", duty, duties
                )
        for i, signatory in enumerate(agreement.signatories):
            if signatory.person not in model.people:
                yield _missing(
                    where.at("signatories", i, "person"), "person", signatory.person, model.people
                )


def _job_of(model: PlanModel, party: str) -> JobDescription | None:
    person = model.people.get(party)
    job = model.jobs.get(person.position or "") if person is not None else None
    return job[0] if job is not None else None


def _matrix(model: PlanModel) -> Iterator[Finding]:
    if model.osmatrix is None:
        return
    org = model.org_agreement()
    org_kpis = {k.qid for k in org.kpis} if org else set()
    for i, row in enumerate(model.osmatrix.rows):
        here = model.osmatrix_where.at("rows", i)
        qid = model.row_qid(row.kpi)
        if qid not in org_kpis:
            yield _missing(here.at("kpi"), "organisation KPI", row.kpi, org_kpis)
        if row.owner is not None and row.owner not in model.units:
            yield _missing(here.at("owner"), "unit", row.owner, model.units)
        yield from _check(here.at("supporters"), "unit", row.supporters, model.units)


def _jobs(model: PlanModel) -> Iterator[Finding]:
    families = {f.id for spec, _ in model.families for f in spec.families}
    positions = set(model.jobs) | set(model.holders)
    for spec, where in model.families:
        for i, family in enumerate(spec.families):
            for unit in family.headcount:
                if unit not in model.units:
                    here = where.at("families", i, "headcount", unit)
                    yield Finding(
                        f"unknown unit '{unit}'",
                        here.file,
                        here.doc,
                        path=here.path,
                        at_key=True,
                        suggest=Suggestion(unit, model.units),
                    )
    for job, where in model.jobs.values():
        if job.unit not in model.units:
            yield _missing(where.at("unit"), "unit", job.unit, model.units)
        if job.family is not None and model.families and job.family not in families:
            yield _missing(where.at("family"), "job family", job.family, families)
        if job.supervisor is not None and job.supervisor not in positions:
            yield _missing(where.at("supervisor"), "supervisor position", job.supervisor, positions)
    for person in model.people.values():
        if person.unit not in model.units:
            yield _missing(person.where.at("unit"), "unit", person.unit, model.units)


def _actuals(model: PlanModel) -> Iterator[Finding]:
    for actuals, where in model.actuals:
        for i, result in enumerate(actuals.results):
            if result.kpi in model.kpis:
                continue
            here = where.at("results", i, "kpi")
            if "/" in result.kpi:
                yield _missing(here, "KPI", result.kpi, model.kpis)
                continue
            same_id = sorted(q for q, k in model.kpis.items() if k.id == result.kpi)
            example = f", e.g. {same_id[0]}" if same_id else ""
            yield finding_at(
                here, f"actuals name a KPI as PARTY/ID: '{result.kpi}' names no party{example}"
            )
        for i, row in enumerate(actuals.people):
            if row.person not in model.people:
                yield _missing(where.at("people", i, "person"), "person", row.person, model.people)


@rule("REF001", "unresolved-reference", reads=(SELF, CHAIN, PEOPLE, OS_MATRIX, ACTUALS, SHARED))
def unresolved_reference(ctx: Context) -> Iterator[Finding]:
    """Every id a plan names must exist: goals, perspectives, issues, units,
    people, positions, frameworks, dimensions, responsibilities and KPIs
    (``same_as``, ``contributes_to``, OS matrix rows, actuals).  The message
    suggests the closest existing id.

    A plain KPI reference names a KPI of the parent party's agreement (the
    parent unit; for a person, the supervisor, or the unit the person heads);
    ``PARTY/ID`` points anywhere.

    Fails::

        - {id: 2-1, kind: identical, same_as: DOP/20.3, weight: 20}   # DOP has 20.2

    Passes::

        - {id: 2-1, kind: identical, same_as: DOP/20.2, weight: 20}
    """
    model = ctx.model
    if not model.units:
        return  # without an OrgChart every party is unknown: ORG004 says why, once
    for item in model.unresolved:
        yield _missing(item.where, item.what, item.ref, item.candidates)
    yield from _strategy(model)
    yield from _org(model)
    if model.strategy is not None:  # without one, goals and perspectives are ORG004's
        yield from _agreements(model)
    yield from _matrix(model)
    yield from _jobs(model)
    yield from _actuals(model)
