"""Where a drafted agreement goes: the party's usual file, ``--out``, or
standard output; an agreement the party already has is replaced only with
``--force``, and never a file that holds anything else."""

from __future__ import annotations

from pathlib import Path

from cascade.load.reader import parse_text
from cascade.model.plan import PlanModel
from cascade.new.agreement import default_path
from cascade.new.common import NewError

STDOUT = Path("-")
"""``--out -``: print the draft instead of writing it."""


def agreement_target(
    root: Path, model: PlanModel, party: str, out: Path | None, force: bool
) -> Path:
    """The file ``party``'s draft goes to (or :data:`STDOUT`); :class:`NewError`
    when writing there would lose or duplicate an agreement."""
    target = out if out is not None else root / default_path(model, party)
    if target == STDOUT:
        return target
    others = {
        (root / a.where.file).resolve(): a.party
        for a in model.agreements.values()
        if a.party != party
    }
    if target.resolve() in others:
        raise NewError(f"{target} holds {others[target.resolve()]}'s agreement; nothing written")
    existing = model.agreements.get(party)
    if existing is None:
        return target
    where = root / existing.where.file
    if not force:
        raise NewError(
            f"{party} already has an agreement in {where}; nothing written "
            "(use --force to replace that file)"
        )
    if out is not None and out.resolve() != where.resolve():
        raise NewError(
            f"{party}'s agreement is in {where}; a second one in {out} would be a duplicate "
            f"(REF002): write over {where} or remove it first"
        )
    text = where.read_text(encoding="utf-8")
    if len([d for d in parse_text(text, existing.where.file).documents if d is not None]) > 1:
        raise NewError(f"{where} holds other documents too; move {party}'s agreement out first")
    return where


def agreement_file(model: PlanModel, party: str) -> str:
    """Where ``party``'s agreement is or would go, relative to the plan root."""
    own = model.agreements.get(party)
    if own is not None:
        return own.where.file
    try:
        return default_path(model, party)
    except NewError:  # the organisation
        return f"agreements/{party}.yaml"
