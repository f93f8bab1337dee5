"""The library entry point: :func:`diff_plans` compares two revisions of a plan."""

from __future__ import annotations

from cascade.diff.compare import compare
from cascade.diff.facts import plan_facts
from cascade.diff.resolve import Memo, ResolvedSide, resolve_side
from cascade.diff.result import PlanDiff, SideInfo
from cascade.diff.revisions import DiffRequest, read_sides
from cascade.diff.sides import DiffError
from cascade.engine import LoadOptions
from cascade.gcpause import no_cycle_collector

LANGS = ("th", "en")


def _lang(wanted: str | None, *sides: ResolvedSide) -> str:
    if wanted is not None:
        return wanted
    for side in sides:
        plan = side.model.plan
        if plan is not None and plan.languages:
            return plan.languages[0]
    return "th"


def _info(side: ResolvedSide) -> SideInfo:
    return SideInfo(side.label, side.commit, len(side.files), side.failed)


def diff_resolved(
    old: ResolvedSide, new: ResolvedSide, plan_dir: str, lang: str | None = None
) -> PlanDiff:
    """Compare two resolved sides."""
    chosen = _lang(lang, new, old)
    with no_cycle_collector():
        before = plan_facts(old.model, chosen, old.conflicts)
        sections = compare(before, plan_facts(new.model, chosen, new.conflicts))
    return PlanDiff(_info(old), _info(new), plan_dir, chosen, sections)


def diff_plans(request: DiffRequest, options: LoadOptions = LoadOptions()) -> PlanDiff:
    """Read both sides (git objects or folders), resolve them and compare.

    ``options``: worker processes for parsing, and whether to read the plan
    folder's parse cache (never written by a diff).

    Raises :class:`~cascade.diff.sides.DiffError` for a bad revision, a folder
    outside git, or a side that is not a plan (the CLI's exit code 2).
    """
    if request.lang is not None and request.lang not in LANGS:
        raise DiffError(f"unknown language '{request.lang}'; choose th or en")
    old_side, new_side, plan_dir = read_sides(request)
    memo = Memo()
    old, new = resolve_side(old_side, memo, options), resolve_side(new_side, memo, options)
    return diff_resolved(old, new, plan_dir, request.lang)
