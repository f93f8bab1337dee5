"""The library entry point: :func:`diff_plans` compares two revisions of a plan."""

from __future__ import annotations

from cascade.diff.compare import compare
from cascade.diff.facts import plan_facts
from cascade.diff.impact import score_impact
from cascade.diff.resolve import Memo, ResolvedSide, resolve_side
from cascade.diff.result import PlanDiff, SideInfo
from cascade.diff.revisions import DiffRequest, read_sides
from cascade.diff.sides import DiffError
from cascade.engine import LoadOptions
from cascade.gcpause import no_cycle_collector
from cascade.periods import Period, parse_period
from cascade.scoring.selection import actual_periods

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


def scored_period(text: str, *sides: ResolvedSide) -> Period:
    """The ``--period`` asked for, when it is one and a side has Actuals for it."""
    period = parse_period(text)
    if period is None:
        raise DiffError(f"'{text}' is not a period; write e.g. 2569-Q2, 2569-H1, 2569-M06 or 2569")
    found = sorted({p for side in sides for p in actual_periods(side.model)})
    if period.label not in found:
        have = ", ".join(found) or "none"
        raise DiffError(f"no Actuals for {period.label} on either side (found: {have})")
    return period


def score_warnings(period: Period, old: ResolvedSide, new: ResolvedSide) -> tuple[str, ...]:
    """A sentence for each side that ``cascade score --period`` would refuse:
    a file did not load, or the side has no Actuals for the period."""
    out: list[str] = []
    for name, side in (("old", old), ("new", new)):
        if side.failed:
            why = "files did not load, so cascade score would refuse this side"
        elif period.label not in actual_periods(side.model):
            why = f"it has no Actuals for {period.label}, so every KPI there has no result"
        else:
            continue
        out.append(f"{name} side ({side.label}): scores in {period.label} are not final: {why}")
    return tuple(out)


def diff_resolved(
    old: ResolvedSide,
    new: ResolvedSide,
    plan_dir: str,
    lang: str | None = None,
    period: str | None = None,
) -> PlanDiff:
    """Compare two resolved sides; with ``period``, also their scores for it."""
    chosen = _lang(lang, new, old)
    when = scored_period(period, old, new) if period is not None else None
    with no_cycle_collector():
        before = plan_facts(old.model, chosen, old.conflicts)
        sections = compare(before, plan_facts(new.model, chosen, new.conflicts))
    impact = score_impact(old.model, new.model, when, chosen) if when is not None else ()
    label = when.label if when is not None else None
    warned = score_warnings(when, old, new) if when is not None else ()
    return PlanDiff(_info(old), _info(new), plan_dir, chosen, sections, label, impact, warned)


def diff_plans(request: DiffRequest, options: LoadOptions = LoadOptions()) -> PlanDiff:
    """Read both sides (git objects or folders), resolve them and compare.

    ``options``: worker processes for parsing, and whether to read the plan
    folder's parse cache (never written by a diff).

    Raises :class:`~cascade.diff.sides.DiffError` for a bad revision, a folder
    outside git, a side that is not a plan, or a ``period`` that is not one
    or that neither side has Actuals for (the CLI's exit code 2).
    """
    if request.lang is not None and request.lang not in LANGS:
        raise DiffError(f"unknown language '{request.lang}'; choose th or en")
    old_side, new_side, plan_dir = read_sides(request)
    memo = Memo()
    old, new = resolve_side(old_side, memo, options), resolve_side(new_side, memo, options)
    return diff_resolved(old, new, plan_dir, request.lang, request.period)
