"""What a rule reads: the scope it declares next to its code and docstring.

A rule reports findings at places; its *scope* says which parts of the plan
those findings are computed from.  The incremental planner
(:mod:`cascade.incremental`) derives from the scopes of all registered rules
which findings an edit can change and what a smaller model must hold to
compute them again, so a warm run equals a cold one by construction.  A
scope the planner cannot re-check on a smaller model (``PLAN``, or a rule
that declares nothing) makes every run that changes an agreement a full one:
slower, never wrong.

There are three sorts of scope:

* **Local** scopes describe findings reported at an agreement, reading that
  agreement and some others related to it through the cascade.  Each gives
  :meth:`Scope.reached` (whose findings an edit of some agreements can
  change) and :meth:`Scope.needs` (which agreements the findings of one
  party read).  Parties are named, their files come from the planner.
* **Remote** scopes describe findings reported in a file that is not an
  agreement (the OS matrix, the strategy, actuals) reading agreements.  Each
  gives :attr:`Scope.named` (which agreements those findings read) and a
  :attr:`Scope.fingerprint`: a digest of what they may read of one
  agreement; a warm run is allowed only while the fingerprints of the named
  agreements it re-resolved stay the same.
* ``SHARED`` findings read only files a warm run never changes (the plan,
  strategy, org chart, frameworks, roster, job descriptions): an agreement's
  edit cannot change them.

Every agreement in a smaller model also brings everything its own
resolution reads (the agreements its references name, up to the
organisation) and the people it names with their chain of command; that is
the planner's contract with the model builder, not a rule's scope.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Set
from dataclasses import dataclass
from typing import Protocol

from cascade.model.plan import Agreement, PlanModel
from cascade.qid import party_of


class Cascade(Protocol):
    """What local scopes ask about the plan's agreements (by party)."""

    def parent(self, party: str) -> str | None:
        """The parent party of ``party``'s agreement (``None`` at the top)."""

    def children(self, party: str) -> Set[str]:
        """Parties whose agreements have ``party`` as their parent party."""

    def reads(self, party: str) -> Set[str]:
        """Parties whose agreements ``party``'s references name (its parent too)."""

    def readers(self, party: str) -> Set[str]:
        """Parties whose references name ``party`` (the inverse of :meth:`reads`)."""


Reach = Callable[[Set[str], Cascade], set[str]]
Needs = Callable[[str, Cascade], set[str]]
Named = Callable[[PlanModel], set[str] | None]
Fingerprint = Callable[[Agreement], str]


@dataclass(frozen=True, slots=True)
class Scope:
    """One kind of read, with what the planner needs to re-check it."""

    name: str
    doc: str
    reached: Reach | None = None
    """Parties whose findings an edit of the given parties can change (local)."""
    needs: Needs | None = None
    """Parties whose agreements one party's findings read (local)."""
    named: Named | None = None
    """Parties whose agreements findings in another file read (remote); ``None``
    from it means every agreement."""
    fingerprint: Fingerprint | None = None
    """A digest of what findings in another file may read of one agreement (remote)."""

    @property
    def local(self) -> bool:
        return self.reached is not None and self.needs is not None

    @property
    def remote(self) -> bool:
        return self.named is not None and self.fingerprint is not None


def closure(start: Iterable[str], step: Callable[[str], Iterable[str]]) -> set[str]:
    """``start`` and everything reached from it by repeating ``step``."""
    found = set(start)
    queue = list(found)
    while queue:
        for nxt in step(queue.pop()):
            if nxt not in found:
                found.add(nxt)
                queue.append(nxt)
    return found


def _self_reached(changed: Set[str], cascade: Cascade) -> set[str]:
    return set(changed)


def _nothing(party: str, cascade: Cascade) -> set[str]:
    return set()


def _none_reached(changed: Set[str], cascade: Cascade) -> set[str]:
    return set()


def _chain_reached(changed: Set[str], cascade: Cascade) -> set[str]:
    return closure(changed, cascade.readers)


def _chain_needs(party: str, cascade: Cascade) -> set[str]:
    return closure(cascade.reads(party), cascade.reads)


def _parents(changed: Set[str], cascade: Cascade) -> set[str]:
    return {p for party in changed if (p := cascade.parent(party)) is not None}


def _children(party: str, cascade: Cascade) -> set[str]:
    return set(cascade.children(party))


def _siblings_reached(changed: Set[str], cascade: Cascade) -> set[str]:
    return {s for parent in _parents(changed, cascade) for s in cascade.children(parent)}


def _siblings_needs(party: str, cascade: Cascade) -> set[str]:
    parent = cascade.parent(party)
    return set(cascade.children(parent)) if parent is not None else set()


def digest(rows: object) -> str:
    """A short digest of plain data (its ``repr``)."""
    return hashlib.sha256(repr(rows).encode()).hexdigest()[:32]


def _os_matrix_named(model: PlanModel) -> set[str]:
    matrix = model.osmatrix
    if matrix is None:
        return set()
    named = {model.organisation}
    for row in matrix.rows:
        named.update(p for p in (row.owner, *row.supporters) if p)
        named.add(party_of(model.row_qid(row.kpi)) or "")
    return named


def _carried(agreement: Agreement) -> str:
    """Its KPIs and every KPI they are or contribute to (what OS matrix rows ask)."""
    links = sorted(
        (kpi.qid, getattr(kpi.same_as, "qid", ""), tuple(p.qid for p in kpi.contributes_to))
        for kpi in agreement.kpis
    )
    return digest(links)


def _strategy_named(model: PlanModel) -> set[str]:
    return {model.organisation} if model.strategy is not None else set()


def _measured(agreement: Agreement) -> str:
    return digest(sorted({(k.id, k.goal or "") for k in agreement.kpis}))


def _actuals_named(model: PlanModel) -> set[str] | None:
    results = [result for actuals, _ in model.actuals for result in actuals.results]
    if any(result.kpi not in model.kpis for result in results):
        return None  # "did you mean" looks at every KPI
    return {party_of(result.kpi) or "" for result in results}


def _scored_by(agreement: Agreement) -> str:
    return digest(
        sorted(
            (
                kpi.qid,
                kpi.criteria is not None and kpi.criteria.milestones is not None,
                kpi.formula or "",
                repr(kpi.spec.evidence),
            )
            for kpi in agreement.kpis
        )
    )


SELF = Scope(
    "agreement",
    "findings at an agreement that read only that agreement (and the shared files: "
    "plan, strategy, org chart, frameworks, job families)",
    _self_reached,
    _nothing,
)
CHAIN = Scope(
    "chain",
    "findings at an agreement that read the agreements up its cascade: the parent "
    "party's and every agreement its references name, transitively",
    _chain_reached,
    _chain_needs,
)
SUBORDINATES = Scope(
    "subordinates",
    "findings at an agreement that read the agreements whose parent party it is",
    _parents,
    _children,
)
SIBLINGS = Scope(
    "siblings",
    "findings at an agreement that read the agreements with the same parent party",
    _siblings_reached,
    _siblings_needs,
)
PEOPLE = Scope(
    "people",
    "findings at an agreement that read the people it names (its party, its signatories, "
    "a unit's members and head) and their chain of command",
    _self_reached,
    _nothing,
)
OS_MATRIX = Scope(
    "os-matrix",
    "findings at the OS matrix that read, of the organisation's agreement and of each "
    "agreement a row names, its KPIs and what they are or contribute to",
    named=_os_matrix_named,
    fingerprint=_carried,
)
STRATEGY = Scope(
    "strategy",
    "findings at the strategy that read the organisation's KPIs: their ids and the goals "
    "they measure",
    named=_strategy_named,
    fingerprint=_measured,
)
ACTUALS = Scope(
    "actuals",
    "findings at actuals that read the KPIs their results name: which exist, whether "
    "each is scored by milestones, its formula, its evidence (every KPI when a result "
    "names none)",
    named=_actuals_named,
    fingerprint=_scored_by,
)
SHARED = Scope(
    "shared",
    "findings that read only files a warm run never changes (plan, strategy, org chart, "
    "frameworks, job families, roster, job descriptions)",
    _none_reached,
    _nothing,
)
PLAN = Scope(
    "plan",
    "findings that may read anything: every edit of an agreement re-checks the whole plan",
)

BUILD: tuple[Scope, ...] = (SELF, CHAIN, PEOPLE)
"""What the model stage's own findings read (duplicate ids, weights, unresolved links)."""

SCOPES: tuple[Scope, ...] = (
    SELF,
    CHAIN,
    SUBORDINATES,
    SIBLINGS,
    PEOPLE,
    OS_MATRIX,
    STRATEGY,
    ACTUALS,
    SHARED,
    PLAN,
)
