"""Where an imported draft goes and whether it may: ``--out``, or the
party's agreement file in ``--plan`` (``cascade new``'s rules: another
party's file never, the party's own only with ``--force``; an ``--out``
outside the plan is no second agreement and needs neither); a file that
already holds exactly the draft is left as it is."""

from __future__ import annotations

from pathlib import Path

from cascade.model.plan import PlanModel
from cascade.new.files import write_new
from cascade.new.modeline import schema_ref
from cascade.new.target import agreement_file, agreement_target
from cascade.office.workbook import ImportFailed


def draft_target(plan: Path | None, model: PlanModel | None, party: str, out: Path | None) -> Path:
    """The file the draft goes to."""
    if out is not None:
        return out
    if plan is None or model is None:
        raise ImportFailed("say where the draft goes: --plan DIR, --out FILE or --dry-run")
    return plan / agreement_file(model, party)


def schema_for(plan: Path | None, model: PlanModel | None, target: Path) -> str | None:
    """The modeline's schema reference for a draft in ``plan`` (none outside a plan)."""
    if plan is None or model is None:
        return None
    siblings = [plan / a.where.file for a in model.agreements.values()]
    return schema_ref(plan, target, "Agreement", siblings)[0]


def write_draft(
    plan: Path | None, model: PlanModel | None, party: str, target: Path, text: str, force: bool
) -> bool:
    """Write ``text`` to ``target``; ``False`` when the file already holds exactly it."""
    if target.is_file() and target.read_bytes() == text.encode("utf-8"):
        return False
    if plan is not None and model is not None and target.resolve().is_relative_to(plan.resolve()):
        agreement_target(plan, model, party, target, force)  # outside the plan: no duplicate
    write_new(target, text, force=force)
    return True
