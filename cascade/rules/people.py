"""People: job families' headcount and who signs each agreement."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from cascade.diagnostics import Finding, Level
from cascade.rules.common import finding
from cascade.rules.registry import Context, rule
from cascade.rules.scopes import PEOPLE, SHARED


@rule("JOB001", "headcount-mismatch", Level.WARNING, reads=(SHARED,))
def headcount_mismatch(ctx: Context) -> Iterator[Finding]:
    """A job family's declared headcount per unit matches the roster: the
    people of that unit whose position's job description is in the family.

    Fails::

        families: [{id: legal, headcount: {LAW: 4}}]    # the roster has 3 legal officers in LAW

    Passes::

        families: [{id: legal, headcount: {LAW: 3}}]
    """
    model = ctx.model
    counted: Counter[tuple[str, str]] = Counter()
    for person in model.people.values():
        job = model.jobs.get(person.position or "")
        if job is not None and job[0].family is not None:
            counted[(job[0].family, person.unit)] += 1
    for spec, where in model.families:
        for i, family in enumerate(spec.families):
            for unit, declared in family.headcount.items():
                actual = counted[(family.id, unit)]
                if actual != declared:
                    yield finding(
                        where.at("families", i, "headcount", unit),
                        f"job family '{family.id}' declares {declared} in {unit}; "
                        f"the roster has {actual}",
                    )


@rule("SIG001", "evaluator-not-supervisor", Level.WARNING, reads=(PEOPLE,))
def evaluator_not_supervisor(ctx: Context) -> Iterator[Finding]:
    """The evaluator who signs an agreement is the evaluatee's supervisor.

    Fails::

        signatories: [{role: evaluatee, person: P0012}, {role: evaluator, person: P0013}]

    Passes::

        signatories: [{role: evaluatee, person: P0012}, {role: evaluator, person: P0001}]
    """
    model = ctx.model
    for agreement in model.agreements.values():
        signers = {s.role: (i, s.person) for i, s in enumerate(agreement.signatories)}
        if "evaluatee" not in signers or "evaluator" not in signers:
            continue
        evaluatee = model.people.get(signers["evaluatee"][1])
        index, evaluator = signers["evaluator"]
        if evaluatee is None or evaluatee.supervisor is None or evaluator not in model.people:
            continue
        if evaluator != evaluatee.supervisor:
            yield finding(
                agreement.where.at("signatories", index, "person"),
                f"evaluator {evaluator} is not the supervisor of {evaluatee.id} "
                f"({evaluatee.supervisor})",
            )


@rule("SIG002", "evaluatee-not-party", Level.WARNING, reads=(PEOPLE,))
def evaluatee_not_party(ctx: Context) -> Iterator[Finding]:
    """The evaluatee of a person's agreement is that person; of a unit's
    agreement, the unit's head.

    Fails::

        party: P0012
        signatories: [{role: evaluatee, person: P0013}]

    Passes::

        party: P0012
        signatories: [{role: evaluatee, person: P0012}]
    """
    model = ctx.model
    heads = {p.heads: p.id for p in model.people.values() if p.heads}
    for agreement in model.agreements.values():
        expected = (
            agreement.party if agreement.party_type == "person" else heads.get(agreement.party)
        )
        for i, signer in enumerate(agreement.signatories):
            known = signer.person in model.people  # an unknown one is REF001's
            if signer.role == "evaluatee" and expected and known and signer.person != expected:
                yield finding(
                    agreement.where.at("signatories", i, "person"),
                    f"the evaluatee of {agreement.party}'s agreement is {expected}, "
                    f"not {signer.person}",
                )
