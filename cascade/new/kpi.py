"""``cascade new kpi``: a KPI skeleton with every field of the KPI template
(รายละเอียดตัวชี้วัด) and TODO comments, for a party's agreement.

The kind follows from the links when not given: ``--same-as`` makes a unit
KPI ``identical`` (``common`` when it names a common KPI) and a person's
``supervisor``; ``--contributes-to`` makes ``contributory`` / ``supervisor``;
``--responsibility`` makes ``job``; nothing makes ``unit_specific`` /
``assignment``.  A KPI taken over as is (``same_as``) gets only the fields
that are its own: goal, dimension, weight.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ruamel.yaml.comments import CommentedMap

from cascade.diagnostics import did_you_mean
from cascade.model.frameworks import walk_dimensions
from cascade.model.plan import Agreement, Kpi, PartyType, PlanModel
from cascade.new.common import (
    ID,
    NewError,
    dimension_for,
    language,
    org_goals,
    parent_party,
    party_type,
    perspectives,
)
from cascade.new.draft_unit import common_dimension
from cascade.new.kpis import copied_template, milestones_placeholder, paren, start
from cascade.new.words import say
from cascade.new.yamlout import check_document, cmap, cseq, dump, id_node, note, note_before
from cascade.qid import party_of, qualified_in
from cascade.spec.agreement import PERSON_KINDS, UNIT_KINDS
from cascade.spec.jobs import Responsibility


@dataclass(frozen=True, slots=True)
class KpiRequest:
    """What the planner asked for on the command line."""

    party: str
    id: str | None = None
    kind: str | None = None
    same_as: str | None = None
    contributes_to: tuple[str, ...] = ()
    responsibility: str | None = None
    goal: str | None = None
    dimension: str | None = None
    weight: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class Skeleton:
    """The KPI mapping, its id, and the agreement it belongs to (if the party has one)."""

    kpi: CommentedMap
    id: str
    agreement: Agreement | None


def _kind(kind_of: PartyType, req: KpiRequest, model: PlanModel) -> str | None:
    """The KPI's kind: as given (checked against the party's level) or inferred."""
    allowed = {"organisation": (), "unit": UNIT_KINDS, "person": PERSON_KINDS}[kind_of]
    if req.kind is not None:
        if req.kind not in allowed:
            which = ", ".join(allowed) if allowed else "none (organisation KPIs carry no kind)"
            raise NewError(f"kind '{req.kind}' is not used in a {kind_of}'s agreement; use {which}")
        return req.kind
    if kind_of == "organisation":
        return None
    if kind_of == "unit":
        if req.same_as is not None:
            return "common" if req.same_as in model.common_kpis else "identical"
        return "contributory" if req.contributes_to else "unit_specific"
    if req.same_as is not None or req.contributes_to:
        return "supervisor"
    return "job" if req.responsibility is not None else "assignment"


def _check_links(kind: str | None, req: KpiRequest) -> None:
    linked = req.same_as is not None or bool(req.contributes_to)
    need = {
        "identical": req.same_as is None and "--same-as (the parent KPI)",
        "common": req.same_as is None and "--same-as (one of the plan's common KPIs)",
        "contributory": not req.contributes_to and "--contributes-to (a parent KPI)",
        "supervisor": not linked and "--same-as or --contributes-to (a KPI of the supervisor's)",
        "job": req.responsibility is None and "--responsibility (R1, …)",
    }.get(kind or "")
    if need:
        raise NewError(f"a {kind} KPI needs {need}")
    if kind in ("unit_specific", "assignment", "personal", None) and linked:
        raise NewError(
            f"{'an organisation' if kind is None else 'a ' + kind} KPI drives no parent KPI"
        )
    if kind != "job" and req.responsibility is not None:
        raise NewError("--responsibility goes with a job KPI")


def _resolve(model: PlanModel, party: str, ref: str) -> Kpi:
    """The KPI ``ref`` names (plain: a KPI of the party's parent party)."""
    parent = parent_party(model, party) or ""
    qid = qualified_in(ref, parent)
    found = model.kpis.get(qid)
    if found is None or found.party == party:
        owner = party_of(qid) or ""
        scope = model.agreements.get(owner)
        pool = [k.qid for k in scope.kpis] if scope is not None else list(model.kpis)
        hint = did_you_mean(qid, pool)
        raise NewError(f"no KPI '{qid}' in the plan. {hint}".rstrip())
    return found


def _common(model: PlanModel, ref: str) -> str:
    if ref not in model.common_kpis:
        hint = did_you_mean(ref, model.common_kpis)
        raise NewError(f"'{ref}' is not one of the plan's common KPIs. {hint}".rstrip())
    return ref


def next_id(agreement: Agreement | None, drafted: Sequence[str] = ()) -> str:
    """The id after the agreement's last one (``2-7`` → ``2-8``, ``A3`` → ``A4``), or ``1``;
    after the last of ``drafted`` when KPIs are being drafted after it."""
    taken = {k.id for k in agreement.kpis} if agreement is not None else set()
    taken.update(drafted)
    last = agreement.kpis[-1].id if agreement is not None and agreement.kpis else "0"
    last = drafted[-1] if drafted else last
    match = re.search(r"(\d+)$", last)
    stem, number = (last[: match.start()], int(match.group(1))) if match else (f"{last}-", 0)
    candidate = f"{stem}{number + 1}"
    while candidate in taken:
        number += 1
        candidate = f"{stem}{number + 1}"
    return candidate


def _dimensions(model: PlanModel, agreement: Agreement | None) -> list[str]:
    if agreement is not None and agreement.framework is not None:
        dims = walk_dimensions(agreement.framework.dimensions)
        return [dim.id for dim, _ in dims if not dim.dimensions]
    return perspectives(model)


def _goals(model: PlanModel, kind_of: PartyType, agreement: Agreement | None) -> list[str]:
    if kind_of == "organisation":
        return [g.id for g in model.strategy.goals] if model.strategy is not None else []
    return [g.id for g in agreement.spec.goals] if agreement is not None else []


def _suggest_goal(model: PlanModel, agreement: Agreement | None, source: Kpi | None) -> str | None:
    """The party's goal that supports an organisation goal ``source`` serves."""
    if agreement is None or source is None:
        return None
    served = set(org_goals(model, source))
    return next((g.id for g in agreement.spec.goals if served & set(g.supports)), None)


def _place(
    kpi: CommentedMap,
    key: str,
    given: str | None,
    suggested: str | None,
    choices: list[str],
) -> None:
    """``key`` as given (checked against ``choices``), else the suggestion,
    else the first choice with a TODO listing them all."""
    if given is not None:
        if choices and given not in choices:
            hint = did_you_mean(given, choices)
            raise NewError(f"unknown {key} '{given}'; known: {', '.join(choices)}. {hint}".rstrip())
        kpi[key] = given
    elif suggested is not None and suggested in choices:
        kpi[key] = suggested
    elif choices:
        kpi[key] = choices[0]
        note(kpi, key, f"TODO: one of {', '.join(choices)}")


def _template(
    model: PlanModel, lang: str, party: str, kpi: CommentedMap, parent: Kpi | None
) -> None:
    """The KPI template fields, TODO placeholders that validate."""
    if parent is not None:
        copied_template(model, lang, party, kpi, parent)
    else:
        milestones_placeholder(model, lang, kpi, "TODO: criteria: milestones or thresholds")
    kpi.insert(len(kpi) - 1, "definition", say(lang, "definition"))
    note_before(
        kpi, "criteria", "formula: completed / received * 100   (TODO: only for a computed KPI)", 4
    )
    year = model.plan.fiscal_year if model.plan is not None else 0
    kpi["baseline"] = cmap(flow=True)
    note(kpi, "baseline", f"TODO: {{{year - 3}: …, {year - 2}: …, {year - 1}: …}}")
    kpi["data_source"] = say(lang, "data_source")
    note_before(
        kpi, "data_source", "round_targets: {3: …, 6: …, 9: …}   (optional: expected by month)", 4
    )
    kpi["collection_method"] = say(lang, "collection_method")
    for role in ("overseer", "collector"):
        contact = say(lang, "contact")
        kpi[role] = cmap([("name", contact), ("position", "TODO"), ("phone", "TODO")], flow=True)
    note(kpi, "overseer", "ผู้กำกับดูแลตัวชี้วัด / who oversees the KPI")
    note(kpi, "collector", "ผู้จัดเก็บข้อมูล / who collects its data")


def _links(
    model: PlanModel, req: KpiRequest, kind: str | None
) -> tuple[str | None, list[Kpi], Kpi | None]:
    """``same_as`` as written, the ``contributes_to`` KPIs, and the KPI the new one comes from."""
    parents = [_resolve(model, req.party, ref) for ref in req.contributes_to]
    if req.same_as is None:
        return None, parents, parents[0] if parents else None
    if kind == "common":
        return _common(model, req.same_as), parents, None
    same = _resolve(model, req.party, req.same_as)
    return same.qid, parents, same


def _name(model: PlanModel, lang: str, req: KpiRequest, parents: list[Kpi]) -> str | None:
    """A TODO name naming what the KPI comes from; none for a KPI taken over as is."""
    if req.same_as is not None:
        return None
    if req.responsibility is not None:
        ref = _responsibility(model, req.party, req.responsibility)
        return say(lang, "job", ref=ref.id, name=paren(ref.text, lang))
    if not parents:
        return say(lang, "kpi")
    shown = " ".join(f"{p.qid} {paren(p.name, lang)}" for p in parents)
    return say(lang, "drives", party=req.party, ref=shown, name="")


def kpi_skeleton(model: PlanModel, req: KpiRequest) -> Skeleton:
    """The skeleton of a new KPI for ``req.party``; :class:`NewError` when the request is off."""
    kind_of = party_type(model, req.party)
    agreement = model.agreements.get(req.party)
    kind = _kind(kind_of, req, model)
    _check_links(kind, req)
    kpi_id = req.id or next_id(agreement)
    if not ID.match(kpi_id):
        raise NewError(f"'{kpi_id}' is not an id: no spaces and no '/'")
    if agreement is not None and agreement.kpi(kpi_id) is not None:
        raise NewError(f"{req.party}'s agreement already has a KPI '{kpi_id}'")
    lang = language(model)
    same_as, parents, source = _links(model, req, kind)
    name = _name(model, lang, req, parents)
    kpi = start(name)
    kpi["id"] = id_node(kpi_id)
    if name is not None:
        note(kpi, "name", "TODO: the KPI's name")
    goal = _suggest_goal(model, agreement, source)
    _place(kpi, "goal", req.goal, goal, _goals(model, kind_of, agreement))
    dimension = dimension_for(model, source) if source is not None else None
    if kind == "common" and same_as is not None:
        dimension = common_dimension(model, same_as)
    _place(kpi, "dimension", req.dimension, dimension, _dimensions(model, agreement))
    if kind is not None:
        kpi["kind"] = kind
    if same_as is not None:
        kpi["same_as"] = same_as
        note(kpi, "same_as", "the rest is inherited: only goal, dimension and weight are its own")
    if parents:
        kpi["contributes_to"] = cseq([p.qid for p in parents], flow=True)
    if req.responsibility is not None:
        kpi["responsibility"] = req.responsibility
    if same_as is None:
        _template(model, lang, req.party, kpi, parents[0] if parents else None)
    kpi["weight"] = req.weight
    if req.weight == 0:
        note(kpi, "weight", "TODO: give it weight and take as much from the others (total 100)")
    wrapper = cmap([("kind", "Agreement"), ("party", req.party), ("kpis", cseq([kpi]))])
    check_document(dump(wrapper), "Agreement")
    return Skeleton(kpi, kpi_id, agreement)


def _responsibility(model: PlanModel, party: str, ref: str) -> Responsibility:
    """The responsibility ``ref`` of ``party``'s job description."""
    person = model.people.get(party)
    job = model.jobs.get(person.spec.position or "") if person is not None else None
    if job is None:
        raise NewError(f"{party} has no job description, so no responsibility '{ref}'")
    known = {r.id: r for r in job[0].responsibilities}
    if ref not in known:
        hint = did_you_mean(ref, known)
        raise NewError(
            f"job description {job[0].position} has no responsibility '{ref}' "
            f"(it has {', '.join(known) or 'none'}). {hint}".rstrip()
        )
    return known[ref]
