"""What one file's diagnostics depend on, read off a resolved model.

An agreement is checked against the agreements it names: its
parent party's (whose KPIs its plain references name) and every party a
``PARTY/ID`` reference names.  Those are its ``depends``; following them
gives its *spine*, up to the organisation.  Whoever depends on a file is
its *referrer*: their diagnostics may change when it does.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from cascade.model.plan import Agreement, PlanModel
from cascade.spec import OSMatrix
from cascade.spec.agreement import Agreement as AgreementSpec

AGREEMENT = "Agreement"
ACTUALS = "Actuals"
JOB = "JobDescription"


def depends(spec: AgreementSpec, parent: str | None) -> list[str]:
    """Parties whose agreements the checks of agreement ``spec`` read, sorted.

    ``parent`` is the agreement's parent party (the model resolves it from
    the org chart and the roster).
    """
    found: set[str] = set()
    if parent is not None:
        found.add(parent)
    for kpi in spec.kpis:
        refs = list(kpi.contributes_to)
        if kpi.same_as is not None and not (kpi.kind == "common" and "/" not in kpi.same_as):
            refs.append(kpi.same_as)
        for ref in refs:
            if "/" in ref:
                found.add(ref.split("/", 1)[0])
            elif parent is not None:
                found.add(parent)
    found.discard(spec.party)
    return sorted(found)


def shape(agreement: Agreement) -> str:
    """Digest of what actuals rules read of the agreement's KPIs.

    Which KPIs exist, whether each is scored by milestones, and its formula
    (``ACT001`` asks for the formula's variables); inherited values count.
    """
    rows = sorted(
        (
            kpi.qid,
            kpi.criteria is not None and kpi.criteria.milestones is not None,
            kpi.formula or "",
        )
        for kpi in agreement.kpis
    )
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def named_by_actuals(model: PlanModel) -> set[str]:
    """Parties whose KPIs some actuals result names."""
    return {
        result.kpi.split("/", 1)[0]
        for actuals, _ in model.actuals
        for result in actuals.results
        if "/" in result.kpi
    }


def actuals_read_every_kpi(model: PlanModel) -> bool:
    """Whether some actuals result names a KPI the plan does not have.

    Its message and "did you mean" then look at every KPI of the plan, so any
    change to which KPIs exist may change it.
    """
    return any(
        result.kpi not in model.kpis for actuals, _ in model.actuals for result in actuals.results
    )


def matrix_parties(matrix: OSMatrix) -> set[str]:
    """The parties an OS matrix names: owners, supporters, and ``PARTY/ID`` KPIs."""
    named = {p for row in matrix.rows for p in (row.owner, *row.supporters) if p is not None}
    return named | {row.kpi.split("/", 1)[0] for row in matrix.rows if "/" in row.kpi}


def agreement_files(model: PlanModel) -> dict[str, list[Agreement]]:
    """The agreements the model kept, by file."""
    files: dict[str, list[Agreement]] = {}
    for agreement in model.agreements.values():
        files.setdefault(agreement.where.file, []).append(agreement)
    return files


def single(kinds: Iterable[str], agreements: list[Agreement]) -> str:
    """``person`` or ``unit``: the file is one such agreement, which the model kept.

    ``""`` for anything else: the organisation's agreement (the strategy's
    goals and the OS matrix are checked against it), a duplicate, or a file
    with other documents.
    """
    if tuple(kinds) != (AGREEMENT,) or len(agreements) != 1:
        return ""
    party_type = agreements[0].party_type
    return party_type if party_type in ("person", "unit") else ""


def is_shared(kinds: Iterable[str]) -> bool:
    """A file every re-check reads: a kind other than agreements, actuals and jobs.

    Job descriptions (one per position) are read by position, on demand.
    """
    return any(kind not in (AGREEMENT, ACTUALS, JOB) for kind in kinds)
