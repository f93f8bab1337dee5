"""Tracing: kinds, links and caps that make a cascade trace to the organisation."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from cascade.diagnostics import Finding, Level
from cascade.model.plan import Agreement, Kpi
from cascade.rules.common import finding, number, totals_at
from cascade.rules.registry import Context, rule
from cascade.rules.scopes import CHAIN, PEOPLE, SELF
from cascade.spec.agreement import PERSON_KINDS, UNIT_KINDS
from cascade.spec.common import Bilingual


def _a(word: str | None) -> str:
    """The English article for ``word``."""
    return "an" if (word or "x")[0] in "aeiou" else "a"


EXEMPT = frozenset({"unit_specific", "common", "job", "assignment", "personal"})
LINKED = frozenset({"identical", "contributory", "supervisor"})


@rule("TRC005", "kind-not-allowed", reads=(SELF,))
def kind_not_allowed(ctx: Context) -> Iterator[Finding]:
    """Each level uses its own KPI kinds.

    Organisation KPIs carry no ``kind``; unit KPIs are ``identical``,
    ``contributory``, ``common`` or ``unit_specific``; a person's KPIs are
    ``supervisor``, ``job``, ``assignment`` or ``personal``.

    Fails::

        party: LAW
        kpis: [{id: 2-1, kind: job, …}]

    Passes::

        party: LAW
        kpis: [{id: 2-1, kind: identical, same_as: DOP/20.2, …}]
    """
    for agreement in ctx.model.agreements.values():
        allowed = {"organisation": (), "unit": UNIT_KINDS, "person": PERSON_KINDS}[
            agreement.party_type
        ]
        for kpi in agreement.kpis:
            kind = kpi.kind
            if agreement.party_type == "organisation":
                if kind is not None:
                    yield finding(
                        kpi.where.at("kind"), f"organisation KPIs carry no kind (found '{kind}')"
                    )
            elif kind is None:
                yield finding(
                    kpi.where.at("id"), f"KPI '{kpi.id}' needs a kind: {', '.join(allowed)}"
                )
            elif kind not in allowed:
                yield finding(
                    kpi.where.at("kind"),
                    f"kind '{kind}' is not used in a {agreement.party_type}'s "
                    f"agreement; use {', '.join(allowed)}",
                )


@rule("TRC002", "kind-link", reads=(SELF,))
def kind_link(ctx: Context) -> Iterator[Finding]:
    """Each kind names what it comes from.

    ``identical`` needs ``same_as`` (the parent KPI); ``contributory`` needs
    ``contributes_to``; ``common`` needs ``same_as`` naming one of the plan's
    ``common_kpis``; ``supervisor`` needs ``same_as`` or ``contributes_to``
    (a KPI of the supervisor's agreement); ``job`` needs ``responsibility``.
    ``unit_specific``, ``assignment`` and ``personal`` drive no parent KPI.

    Fails::

        - {id: 2-5, kind: contributory, weight: 15}

    Passes::

        - {id: 2-5, kind: contributory, contributes_to: [DOP/3.1], weight: 15}
    """
    for agreement in ctx.model.agreements.values():
        for kpi in agreement.kpis:
            kind = kpi.kind
            linked = kpi.same_as_ref is not None or bool(kpi.contributes_to_refs)
            need = ""
            if kind in ("identical", "common") and kpi.same_as_ref is None:
                need = "'same_as'"
            elif kind == "contributory" and not kpi.contributes_to_refs:
                need = "'contributes_to'"
            elif kind == "supervisor" and not linked:
                need = "'same_as' or 'contributes_to'"
            elif kind == "job" and kpi.responsibility is None:
                need = "'responsibility'"
            if need:
                yield finding(kpi.where.at("kind"), f"{_a(kind)} {kind} KPI needs {need}")
            if kind in ("unit_specific", "assignment", "personal") and linked:
                yield finding(
                    kpi.where.at("kind"),
                    f"{_a(kind)} {kind} KPI drives no parent KPI; remove the link or use "
                    f"{'contributory' if kind == 'unit_specific' else 'supervisor'}",
                )
            if kind == "common" and kpi.same_as_ref and "/" in kpi.same_as_ref:
                yield finding(
                    kpi.where.at("same_as"),
                    "a common KPI's same_as names one of the plan's common_kpis "
                    "(e.g. C1), not a party's KPI",
                )


def _anchored(ctx: Context) -> set[str]:
    """KPIs that reach an organisation KPI or an exempt KPI along their links."""
    graph = ctx.graph
    traced = set(graph.traced_kpis())
    kpis = ctx.model.kpis
    changed = True
    while changed:
        changed = False
        for kpi in kpis.values():
            if kpi.qid in traced or kpi.kind not in LINKED:
                continue
            parents: list[object] = [*kpi.contributes_to]
            if kpi.same_as is not None:
                parents.append(kpi.same_as)
            for parent in parents:
                if not isinstance(parent, Kpi) or parent.qid in traced or (parent.kind in EXEMPT):
                    traced.add(kpi.qid)
                    changed = True
                    break
    return traced


@rule("TRC001", "untraced-kpi", reads=(CHAIN,))
def untraced_kpi(ctx: Context) -> Iterator[Finding]:
    """Every ``identical``, ``contributory`` and ``supervisor`` KPI traces,
    through ``same_as`` / ``contributes_to`` links, up to an organisation KPI —
    or to a parent KPI that is itself exempt (``unit_specific``, ``common``,
    ``job``, ``assignment``, ``personal``), since cascading those down the
    chain of command is part of the method.

    Fails::

        # LAW-1's KPI names LAW/X, which links to nothing
        - {id: 1, kind: contributory, contributes_to: [LAW/X], weight: 20}

    Passes::

        - {id: 1, kind: contributory, contributes_to: [LAW/2-5], weight: 20}
    """
    anchored = _anchored(ctx)
    for kpi in ctx.model.kpis.values():
        if kpi.kind not in LINKED or kpi.qid in anchored:
            continue
        if kpi.same_as is None and not kpi.contributes_to:
            continue  # the missing link is reported by TRC002 or REF001
        yield finding(kpi.where.at("id"), f"KPI '{kpi.qid}' does not trace to an organisation KPI")


def _cap(
    agreement: Agreement, kinds: tuple[str, ...], cap: Decimal, label: str
) -> Iterator[Finding]:
    total = sum(
        (k.weight for k in agreement.kpis if k.kind in kinds and k.weight is not None),
        Decimal(0),
    )
    if total > cap:
        yield finding(
            totals_at(agreement),
            f"{label} KPIs of {agreement.party} weigh {number(total)}, more than "
            f"the cap of {number(cap)}",
            at_key=True,
        )


@rule("TRC003", "weight-cap", reads=(SELF,))
def weight_cap(ctx: Context) -> Iterator[Finding]:
    """KPIs that trace to nothing are capped (inclusive).

    ``policy.unit_specific_max_weight`` (default 30) caps the unit-specific
    KPIs of a unit agreement; ``policy.individual_untraced_max_weight``
    (default 30) caps ``assignment`` plus ``personal`` KPIs of a person's.

    Fails::

        kpis:
          - {id: 2-4, kind: unit_specific, weight: 20}
          - {id: 2-6, kind: unit_specific, weight: 15}     # 35 > 30

    Passes::

        kpis:
          - {id: 2-4, kind: unit_specific, weight: 15}
          - {id: 2-6, kind: unit_specific, weight: 15}
    """
    plan = ctx.model.plan
    if plan is None:
        return
    for agreement in ctx.model.agreements.values():
        if agreement.party_type == "unit":
            yield from _cap(
                agreement, ("unit_specific",), plan.policy.unit_specific_max_weight, "unit-specific"
            )
        elif agreement.party_type == "person":
            yield from _cap(
                agreement,
                ("assignment", "personal"),
                plan.policy.individual_untraced_max_weight,
                "assignment and personal",
            )


def _same(mine: object, theirs: object) -> bool:
    if mine == theirs:
        return True
    if isinstance(mine, Bilingual | str) and isinstance(theirs, Bilingual | str):

        def texts(value: Bilingual | str) -> set[str]:
            return {value} if isinstance(value, str) else {t for t in (value.th, value.en) if t}

        return bool(texts(mine) & texts(theirs))
    return False


@rule("TRC004", "inherited-field-differs", reads=(CHAIN,))
def inherited_field_differs(ctx: Context) -> Iterator[Finding]:
    """An ``identical`` KPI (or a ``supervisor`` KPI given by ``same_as``)
    takes everything from its parent: a field it repeats
    (name, unit of measure, target, criteria, formula) must equal the
    parent's.  A ``common`` KPI gives its own name and inherits the rest from
    the plan's common KPI the same way.  Only ``weight``, ``goal`` and
    ``dimension`` are the agreement's own.

    Fails::

        # DOP/20.2 has target 100
        - {id: 2-1, kind: identical, same_as: DOP/20.2, target: 90, weight: 20}

    Passes::

        - {id: 2-1, kind: identical, same_as: DOP/20.2, weight: 20}
    """
    for kpi in ctx.model.kpis.values():
        kind, parent = kpi.kind, kpi.same_as
        if parent is None or kind not in ("identical", "common", "supervisor"):
            continue
        fields: tuple[str, ...] = ("unit_of_measure", "target", "criteria", "formula")
        if kind != "common":
            fields = ("name", *fields)
        label = parent.qid if isinstance(parent, Kpi) else parent.id
        for name in fields:
            mine = kpi.written(name)
            theirs = getattr(parent, name)
            if mine is not None and not _same(mine, theirs):
                yield finding(
                    kpi.where.at(name),
                    f"'{name}' of {kind} KPI '{kpi.id}' differs from {label}'s; "
                    "leave it out to inherit it",
                )


@rule("TRC006", "kpi-cycle", reads=(CHAIN,))
def kpi_cycle(ctx: Context) -> Iterator[Finding]:
    """KPI links (``same_as``, ``contributes_to``) never form a cycle.

    Fails::

        # LAW/2-5 contributes_to LAW-1/1, which contributes_to LAW/2-5

    Passes::

        # links always point up the cascade
    """
    for cycle in ctx.graph.cycles("kpi"):
        first = ctx.model.kpis.get(cycle[0])
        if first is None:
            continue
        loop = " → ".join([*cycle, cycle[0]])
        yield finding(first.where.at("id"), f"KPI links form a cycle: {loop}")


@rule("TRC007", "missing-common-kpi", Level.WARNING, reads=(SELF,))
def missing_common_kpi(ctx: Context) -> Iterator[Finding]:
    """Every unit agreement carries each of the plan's ``common_kpis``
    (``kind: common``, ``same_as: C1``).

    Fails::

        # common_kpis: [C1, C2]; LAW carries only C1

    Passes::

        - {id: 2-3, name: …, kind: common, same_as: C1, weight: 10}
        - {id: 2-7, name: …, kind: common, same_as: C2, weight: 5}
    """
    common = ctx.model.common_kpis
    for agreement in ctx.model.agreements.values():
        if agreement.party_type != "unit" or not common:
            continue
        carried = {k.same_as_ref for k in agreement.kpis if k.kind == "common"}
        for cid in common:
            if cid not in carried:
                yield finding(
                    totals_at(agreement),
                    f"{agreement.party}'s agreement does not carry common KPI '{cid}'",
                    at_key=True,
                )


@rule("TRC008", "supervisor-trace", reads=(CHAIN, PEOPLE))
def supervisor_trace(ctx: Context) -> Iterator[Finding]:
    """A ``supervisor`` KPI cascades from the agreement of the person's parent
    party: the supervisor's (by position), or the unit's when the person heads
    it.

    Fails::

        # P0012 reports to P0001
        - {id: 1, kind: supervisor, contributes_to: [DOP/1.1], weight: 20}

    Passes::

        - {id: 1, kind: supervisor, contributes_to: [P0001/1], weight: 20}
    """
    model = ctx.model
    for agreement in model.agreements.values():
        if agreement.party_type != "person" or agreement.parent is None:
            continue
        for kpi in agreement.kpis:
            if kpi.kind != "supervisor":
                continue
            parents = [*kpi.contributes_to]
            if isinstance(kpi.same_as, Kpi):
                parents.append(kpi.same_as)
            for parent in parents:
                if parent.party != agreement.parent:
                    heads = model.people[agreement.party].heads == agreement.parent
                    hint = (
                        f"{agreement.party} heads {agreement.parent}, so its KPIs cascade "
                        f"from {agreement.parent}'s agreement: make them name its KPIs (a draft "
                        f"to compare: cascade new agreement --party {agreement.party} --out -)"
                        if heads
                        else ""
                    )
                    yield finding(
                        kpi.where.at("id"),
                        f"supervisor KPI '{kpi.id}' names {parent.qid}, which is "
                        f"not in the agreement of {agreement.parent}, "
                        f"{agreement.party}'s parent party",
                        hint=hint,
                    )
