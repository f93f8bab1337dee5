"""A person's agreement, drafted from the parent party's agreement and the
job description.

* Each KPI of the parent party's agreement but ``personal`` ones becomes a
  ``supervisor`` KPI (3 shares): taken over as is (``same_as``) when the
  person heads the parent unit and the unit took it over as is itself
  (identical, common, or the organisation's own); else a placeholder that
  ``contributes_to`` it.
* Each responsibility of the job description becomes a ``job`` KPI
  (``responsibility: R1``, 2 shares) with placeholder milestones.
* ``assignment`` and ``personal`` KPIs are the planner's: a TODO says so.
"""

from __future__ import annotations

from cascade.model.plan import PlanModel
from cascade.new.common import dimension_for, parent_party
from cascade.new.draft_unit import Parts
from cascade.new.kpis import Item, milestones_placeholder, paren, place_dimension, start, taken_over
from cascade.new.kpis import linked as linked_kpi
from cascade.new.words import say
from cascade.new.yamlout import note
from cascade.spec.common import text_of

SUPERVISOR, JOB = 3, 2
AS_IS = (None, "identical", "common")


def _supervisor(model: PlanModel, person: str, lang: str, parts: Parts) -> None:
    parent = parent_party(model, person)
    agreement = model.agreements.get(parent or "")
    if parent is None or agreement is None:
        whose = parent or "the supervisor"
        parts.notes.append(
            f"{whose} has no agreement yet, so there are no supervisor KPIs to cascade: "
            f"draft it first (cascade new agreement --party {whose})"
        )
        return
    parts.sources.append(f"{parent}'s agreement")
    heads = agreement.party_type != "person"
    group = (
        f"Cascaded from {parent}'s agreement (supervisor; ตัวชี้วัดจากผู้บังคับบัญชา).\n"
        "TODO: keep the KPIs this person drives, delete the others, re-spread the weights"
    )
    for kpi in agreement.kpis:
        if kpi.spec.kind == "personal":
            continue
        dimension = dimension_for(model, kpi)
        if heads and kpi.spec.kind in AS_IS:
            name = text_of(kpi.name, lang)
            entry = taken_over(model, "supervisor", kpi.qid, name, None, dimension)
        else:
            entry = linked_kpi(model, lang, person, "supervisor", kpi, None, dimension)
        parts.items.append(Item(entry, SUPERVISOR, group))


def _job(model: PlanModel, person: str, lang: str, parts: Parts) -> None:
    position = model.people[person].spec.position
    found = model.jobs.get(position or "")
    if found is None:
        parts.notes.append(
            f"{person} has no job description (position {position or 'not given'}): "
            "no job KPIs were drafted"
        )
        return
    job = found[0]
    parts.sources.append(f"job description {job.position}")
    group = (
        f"From job description {job.position} (job; ตัวชี้วัดตามหน้าที่ความรับผิดชอบ).\n"
        "TODO: name each KPI, choose its unit of measure, target and criteria"
    )
    for duty in job.responsibilities:
        name = say(lang, "job", ref=duty.id, name=paren(duty.text, lang))
        entry = start(name)
        note(entry, "name", "TODO: name what measures this responsibility")
        place_dimension(model, entry, None)
        entry["kind"] = "job"
        entry["responsibility"] = duty.id
        results = "; ".join(text_of(r, lang) for r in duty.results)
        why = f"TODO: steps toward: {results}" if results else "TODO: the criteria"
        milestones_placeholder(model, lang, entry, why)
        parts.items.append(Item(entry, JOB, group))


def person_parts(model: PlanModel, person: str, lang: str) -> Parts:
    """KPIs of a draft agreement for ``person``."""
    parts = Parts(shares="supervisor 3, job 2")
    _supervisor(model, person, lang, parts)
    _job(model, person, lang, parts)
    cap = model.plan.policy.individual_untraced_max_weight if model.plan else 30
    parts.todo.append(
        "TODO: add assignment (งานที่ได้รับมอบหมาย) and personal (การพัฒนาตนเอง) KPIs "
        f"if any, at most {cap} together, and take their weight from the others"
    )
    return parts
