"""Explanations of results: the ``remark`` an actuals row gives, and the
policy that asks for one when a result is below target or at risk (SCR004),
and the warning for an agreement scored while unsigned (SCR003)."""

from __future__ import annotations

from decimal import Decimal

from cascade.checks.commands import NO_EXPLANATION, UNSIGNED
from cascade.diagnostics import Finding
from cascade.model.plan import Agreement, Kpi
from cascade.scoring.inputs import Row
from cascade.scoring.kpi_score import direction
from cascade.scoring.scorecard import KpiLine
from cascade.spec.plan import Policy as PlanPolicy


def required_explanation(policy: PlanPolicy | None) -> str:
    """When the plan's policy asks for a remark: ``""`` (never), ``at-risk`` or
    ``below-target`` (``true`` means ``below-target``: short of target or at risk)."""
    when = policy.explanation_required if policy is not None else False
    if when is True:
        return "below-target"
    return when or ""


def worse_than(kpi: Kpi, result: Decimal, target: Decimal) -> bool:
    """Whether ``result`` is worse than ``target`` for this KPI (lower is better
    when its thresholds descend)."""
    criteria = kpi.criteria
    desc = bool(criteria and criteria.thresholds and direction(criteria.thresholds) == "descending")
    return result > target if desc else result < target


def below_target(kpi: Kpi, result: Decimal) -> bool:
    """Whether ``result`` falls short of the KPI's target."""
    return kpi.target is not None and worse_than(kpi, result, kpi.target)


def at_risk(kpi: Kpi, line: KpiLine) -> bool:
    """Whether a KPI is at risk in a round: worse than the round's target now, or
    forecast (linear trend) to end the year short of its target.  The one test
    ``cascade status``, ``cascade history`` and the report's pages all use."""
    return line.at_risk or (line.forecast is not None and below_target(kpi, line.forecast))


def missing_explanation(
    kpi: Kpi, row: Row, shown: Decimal, at_risk: bool, when: str
) -> Finding | None:
    """SCR004 at the result's row when it gives no remark and is at risk (``when``
    is ``at-risk`` or ``below-target``) or short of its target (``below-target``)."""
    short = when == "below-target" and below_target(kpi, shown)
    if row.result.remark or not (at_risk or short):
        return None
    target = "" if kpi.target is None else format(kpi.target, "f")
    why = "at risk" if at_risk else f"short of its target {target}"
    message = (
        f"{kpi.qid} is {why} with {format(shown, 'f')}; the policy asks for a remark explaining why"
    )
    where = row.where
    return Finding(message, where.file, where.doc, NO_EXPLANATION.code, where.path)


def unsigned(agreement: Agreement) -> Finding:
    """SCR003 at the first signatory without ``signed_on`` (or at the party, when none)."""
    first = next((i for i, s in enumerate(agreement.signatories) if not s.signed_on), None)
    if first is None:
        where = agreement.where.at("party")
        message = f"the agreement of {agreement.party} names no signatories; it is scored unsigned"
    else:
        where = agreement.where.at("signatories", first)
        person = agreement.signatories[first].person
        message = f"the agreement of {agreement.party} is scored unsigned: {person} has not signed"
    return Finding(message, where.file, where.doc, UNSIGNED.code, where.path)
