"""Who reads whom, and the KPI links: the parent party of each party (whose
KPIs its plain references name), the parties an agreement's references name,
and every KPI's ``same_as`` / ``contributes_to`` resolved to KPIs, as
PLAN-FORMAT.md says.  References that name nothing are kept in
``model.unresolved`` for the reference rule."""

from __future__ import annotations

from cascade.model.plan import Agreement, Kpi, PlanModel, Unresolved
from cascade.qid import id_of, is_qualified, party_of, qualify
from cascade.spec.agreement import Agreement as AgreementSpec


def reference_party(ref: str, parent: str | None) -> str:
    """The party whose agreement a KPI reference names.

    ``PARTY/ID`` names ``PARTY``'s; a plain id names the parent party's
    (``""`` when there is none).
    """
    party = party_of(ref)
    return party if party is not None else parent or ""


def referenced_parties(spec: AgreementSpec, parent: str | None) -> set[str]:
    """Parties whose agreements the references of agreement ``spec`` name.

    Its parent party, and the party of every ``same_as`` and ``contributes_to``
    (a ``common`` KPI's plain ``same_as`` names the plan's common KPIs, not a
    party).  Resolving the agreement reads exactly these.
    """
    found = {parent} if parent else set()
    for kpi in spec.kpis:
        refs = list(kpi.contributes_to)
        if kpi.same_as is not None and not (kpi.kind == "common" and "/" not in kpi.same_as):
            refs.append(kpi.same_as)
        found.update(reference_party(ref, parent) for ref in refs)
    found.discard("")
    found.discard(spec.party)
    return found


def parent_party(model: PlanModel, party: str, signed: set[str]) -> str | None:
    """Whose KPIs a party's plain references name (PLAN-FORMAT.md).

    A unit's parent unit (the organisation at the top); a person's
    supervisor, or the unit the person heads.  When that unit has no
    agreement in the plan (``signed`` holds the parties that have one), a
    head's references go to the supervisor instead (an extension: the unit
    would have nothing to name).
    """
    if party == model.organisation:
        return None
    if party in model.units:
        parent = model.units[party].parent
        return parent if parent is not None else model.organisation
    person = model.people[party]
    if person.heads is not None and (person.heads in signed or person.supervisor is None):
        return person.heads
    return person.supervisor or person.unit


def resolve_links(model: PlanModel) -> None:
    """Resolve ``same_as`` and ``contributes_to`` of every KPI of ``model``; a
    reference that names nothing is kept in ``model.unresolved``."""
    for agreement in model.agreements.values():
        for kpi in agreement.kpis:
            spec = kpi.spec
            if spec.same_as is not None:
                if spec.kind == "common" and not is_qualified(spec.same_as):
                    found = model.common_kpis.get(spec.same_as)
                    if found is None:
                        model.unresolved.append(
                            Unresolved(
                                kpi.where.at("same_as"),
                                "common KPI",
                                spec.same_as,
                                tuple(model.common_kpis),
                            )
                        )
                    kpi.same_as = found
                else:
                    kpi.same_as = _resolve(model, agreement, kpi, spec.same_as, "same_as", None)
            for i, ref in enumerate(spec.contributes_to):
                target = _resolve(model, agreement, kpi, ref, "contributes_to", i)
                if target is not None:
                    kpi.contributes_to.append(target)


def _resolve(
    model: PlanModel, agreement: Agreement, kpi: Kpi, ref: str, key: str, index: int | None
) -> Kpi | None:
    where = kpi.where.at(key) if index is None else kpi.where.at(key, index)
    party = reference_party(ref, agreement.parent)
    if not is_qualified(ref):
        ref = qualify(party, ref)
    found = model.kpis.get(ref)
    if found is not None and found is not kpi:
        return found
    scope = model.agreements.get(party)
    if scope is None:
        what = f"KPI (party '{party}' has no agreement)" if party else "KPI"
        model.unresolved.append(Unresolved(where, what, ref, ()))
        return None
    written = kpi.same_as_ref if key == "same_as" else kpi.contributes_to_refs[index or 0]
    qualified = is_qualified(written or "")
    candidates = tuple(k.qid if qualified else k.id for k in scope.kpis if k is not kpi)
    shown = ref if qualified else id_of(ref)
    model.unresolved.append(Unresolved(where, f"KPI of {party}", shown, candidates))
    return None
