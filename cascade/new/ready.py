"""Whether a validated plan can be drafted into: ``new kpi`` and ``new unit``
need only a model, ``new agreement`` a plan without errors but those in the
agreement it replaces (with ``--force``, or ``--out -`` that writes nothing)
and those the missing agreement causes (other parties' KPIs already naming
its KPIs: the draft gives them; the command checks the plan again after)."""

from __future__ import annotations

from cascade.diagnostics import Level
from cascade.model.plan import PlanModel
from cascade.result import PlanHasErrors, RunResult

REFUSED = "the plan has errors; fix them first, nothing was drafted"
FOLLOW_ON = ("TRC001", "TRC008")
"""Errors that follow from a missing agreement: what traces through it is untraced."""


def model_to_draft_in(result: RunResult, model: PlanModel | None) -> PlanModel:
    """The plan's model; :class:`PlanHasErrors` when the plan could not be modelled."""
    if model is None:
        raise PlanHasErrors(result, REFUSED)
    return model


def model_to_replace_in(
    result: RunResult, model: PlanModel | None, party: str, force: bool
) -> tuple[PlanModel, tuple[str, ...]]:
    """The model, when the plan has no errors but in ``party``'s agreement file,
    which ``force`` lets the draft replace; and the notes to show.

    :class:`PlanHasErrors` otherwise, with a hint when ``--force`` would do.
    """
    usable = model_to_draft_in(result, model)
    if not result.errors:
        return usable, ()
    awaited = waiting_for(result, party)
    if awaited:
        return usable, (
            f"{awaited} error(s) come from {party} having no agreement yet; "
            "this draft gives the KPIs they name",
        )
    own = usable.agreements.get(party)
    mine = own.where.file if own is not None else None
    if any(d.level is Level.ERROR and d.file != mine for d in result.diagnostics):
        raise PlanHasErrors(result, REFUSED)
    if not force:
        hint = (
            f"they are all in {mine}, {party}'s agreement: fix them there "
            f"(a draft to compare: cascade new agreement --party {party} --out -)"
        )
        raise PlanHasErrors(result, f"{REFUSED}\n{hint}")
    return usable, (f"{result.errors} error(s) in {mine}, which this draft replaces, are ignored",)


def waiting_for(result: RunResult, party: str) -> int:
    """How many errors come from ``party`` having no agreement: references to its
    KPIs (REF001) and what then does not trace; 0 when any other error is there."""
    missing = f"(party '{party}' has no agreement)"
    errors = [d for d in result.diagnostics if d.level is Level.ERROR]
    named = [d for d in errors if d.code == "REF001" and missing in d.message]
    follow = [d for d in errors if d.code in FOLLOW_ON]
    return len(errors) if named and len(named) + len(follow) == len(errors) else 0
