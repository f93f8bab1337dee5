"""Job families with headcount per unit, and job descriptions with their holders."""

from __future__ import annotations

from cascade.model.plan import PlanModel
from cascade.report.refs import Refs, slug
from cascade.report.site_view import Family, Job, JobsView, Responsibility
from cascade.report.view import Ref


def _job_kpis(model: PlanModel, refs: Refs, holder: str | None) -> dict[str, tuple[Ref, ...]]:
    """Responsibility id → the holder's ``kind: job`` KPIs naming it."""
    found: dict[str, list[Ref]] = {}
    agreement = model.agreements.get(holder or "")
    for kpi in agreement.kpis if agreement else []:
        if kpi.kind == "job" and kpi.responsibility:
            found.setdefault(kpi.responsibility, []).append(refs.kpi(kpi))
    return {k: tuple(v) for k, v in found.items()}


def jobs_view(model: PlanModel, refs: Refs) -> JobsView:
    """Families × units headcount table, then one record per job description."""
    families = [f for spec, _ in model.families for f in spec.families]
    counted = {u for f in families for u in f.headcount}
    units = [u for u in model.units if u in counted]
    units += sorted(counted - set(units))
    rows = tuple(
        Family(
            f.id,
            refs.text(f.name),
            refs.text(f.group),
            tuple(f.headcount.get(u) for u in units),
            sum(f.headcount.values()),
        )
        for f in families
    )
    family_names = {f.id: refs.text(f.name) for f in families}
    jobs: list[Job] = []
    for position, (spec, _) in sorted(model.jobs.items()):
        holder = model.holders.get(position)
        kpis = _job_kpis(model, refs, holder)
        boss = ""
        if spec.supervisor:
            boss_job = model.jobs.get(spec.supervisor)
            title = ""
            if boss_job is not None:
                title = refs.text(boss_job[0].admin_title) or refs.text(boss_job[0].line_title)
            boss = f"{spec.supervisor} {title}".strip()
        jobs.append(
            Job(
                position=position,
                anchor=f"job-{slug(position)}",
                admin_title=refs.text(spec.admin_title),
                line_title=refs.text(spec.line_title),
                family=family_names.get(spec.family or "", spec.family or ""),
                unit=refs.party_name(spec.unit),
                group=refs.text(spec.group),
                level=refs.text(spec.level),
                supervisor=boss,
                holder=refs.party(holder) if holder else None,
                purpose=refs.text(spec.purpose),
                responsibilities=tuple(
                    Responsibility(
                        r.id,
                        refs.text(r.text),
                        tuple(refs.text(a) for a in r.activities),
                        tuple(refs.text(x) for x in r.results),
                        kpis.get(r.id, ()),
                    )
                    for r in spec.responsibilities
                ),
            )
        )
    return JobsView(tuple(refs.party(u) for u in units), rows, tuple(jobs))
