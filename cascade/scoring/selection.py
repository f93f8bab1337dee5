"""What a scoring command is asked about, checked against the plan: a period
the plan has Actuals for, a party with an agreement, a KPI it has.

``cascade score``, ``explain-score``, ``whatif --total`` and ``report
--period`` all go through here, so they refuse the same things with the
same words; a refusal is a :class:`SelectionError` (exit code 2).
"""

from __future__ import annotations

from cascade.diagnostics import did_you_mean
from cascade.exitcodes import CascadeError
from cascade.model.plan import Kpi, PlanModel
from cascade.periods import Period
from cascade.scoring.run import ScoreOptions, score_plan
from cascade.scoring.scorecard import KpiLine, Scorecard


class SelectionError(CascadeError):
    """The plan has nothing to score for what was asked; the message says what it has."""


def actual_periods(model: PlanModel) -> list[str]:
    """The periods the plan has Actuals for, sorted."""
    return sorted({actuals.period for actuals, _ in model.actuals})


def period_with_actuals(model: PlanModel, period: Period) -> Period:
    """``period``, when the plan has Actuals for it; else :class:`SelectionError`
    naming the periods it has."""
    found = actual_periods(model)
    if period.label not in found:
        raise SelectionError(f"no Actuals for {period.label} (found: {', '.join(found) or 'none'})")
    return period


def party_with_agreement(model: PlanModel, party: str) -> str:
    """``party``, when it has an agreement; else :class:`SelectionError` with a hint."""
    if party not in model.agreements:
        hint = did_you_mean(party, model.agreements)
        raise SelectionError(f"no agreement for party '{party}'. {hint}".rstrip())
    return party


def kpi_named(model: PlanModel, qid: str) -> Kpi:
    """The KPI ``PARTY/ID``; else :class:`SelectionError` with a hint."""
    kpi = model.kpis.get(qid)
    if kpi is None:
        hint = did_you_mean(qid, model.kpis)
        raise SelectionError(f"no KPI '{qid}' (write PARTY/ID). {hint}".rstrip())
    return kpi


def kpi_scorecard(model: PlanModel, qid: str, period: Period) -> tuple[Scorecard, KpiLine]:
    """The scorecard of ``qid``'s agreement in ``period`` (with every step
    explained) and ``qid``'s line in it; :class:`SelectionError` for a
    period without Actuals or an unknown KPI."""
    when = period_with_actuals(model, period)
    kpi = kpi_named(model, qid)
    run, _ = score_plan(model, ScoreOptions(when, kpi.party, explain=True))
    card = run.scorecards[0]
    line = next(line for line in card.lines if line.qid == qid)
    return card, line
