"""Whether a validated plan can be drafted into: ``new kpi`` and ``new unit``
need only a model, ``new agreement`` a plan without errors (but those in
the agreement it replaces, with ``--force``)."""

from __future__ import annotations

from cascade.diagnostics import Level
from cascade.model.plan import PlanModel
from cascade.result import PlanHasErrors, RunResult

REFUSED = "the plan has errors; fix them first, nothing was drafted"


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
    own = usable.agreements.get(party)
    mine = own.where.file if own is not None else None
    if any(d.level is Level.ERROR and d.file != mine for d in result.diagnostics):
        raise PlanHasErrors(result, REFUSED)
    if not force:
        hint = f"they are all in {mine}, {party}'s agreement: --force replaces it"
        raise PlanHasErrors(result, f"{REFUSED}\n{hint}")
    return usable, (f"{result.errors} error(s) in {mine}, which this draft replaces, are ignored",)
