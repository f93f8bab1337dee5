"""Close a period: every agreement's scorecard, people's ratings, roll-ups
and, when asked, the incentive allocation.  The library entry point of
``cascade score``."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import localcontext

from cascade import numbers
from cascade.diagnostics import Finding
from cascade.gcpause import no_cycle_collector
from cascade.model.plan import PlanModel
from cascade.periods import Period
from cascade.scoring.agreement_score import score_agreement
from cascade.scoring.explanations import unsigned
from cascade.scoring.inputs import gather
from cascade.scoring.people_score import allocate, rate_person
from cascade.scoring.policy import resolve
from cascade.scoring.rollup import rollup
from cascade.scoring.scorecard import Scorecard, ScoreRun
from cascade.scoring.unit_incentives import allocate_units


@dataclass(frozen=True, slots=True)
class ScoreOptions:
    """What to score: the period, optionally one party, and incentives."""

    period: Period
    party: str | None = None
    incentives: bool = False
    explain: bool = False
    """Keep every KPI's plain-language steps (``explain-score``)."""


def score_plan(model: PlanModel, options: ScoreOptions) -> tuple[ScoreRun, list[Finding]]:
    """Scorecards for every agreement (or one party's) in the period."""
    with no_cycle_collector(), localcontext(numbers.ARITHMETIC):
        return _score_plan(model, options)


def _score_plan(model: PlanModel, options: ScoreOptions) -> tuple[ScoreRun, list[Finding]]:
    policy = resolve(model.plan.scoring if model.plan else None)
    inputs = gather(model, options.period)
    cards: list[Scorecard] = []
    findings: list[Finding] = []
    for agreement in model.agreements.values():
        explain = options.explain and options.party in (None, agreement.party)
        card, problems = score_agreement(agreement, model, inputs, policy, explain)
        if agreement.party_type == "person":
            card = rate_person(card, inputs.components.get(agreement.party), policy)
        cards.append(card)
        if options.party in (None, agreement.party):
            findings.extend(problems)
            findings.extend([] if agreement.signed else [unsigned(agreement)])
    allocations, pool, left_out = (
        allocate(cards, model, policy) if options.incentives else ((), None, ())
    )
    units, unit_pool = allocate_units(cards, policy) if options.incentives else ((), None)
    shown = [c for c in cards if options.party in (None, c.party)]
    run = ScoreRun(
        period=options.period.label,
        scorecards=tuple(shown),
        rollup=rollup(model, cards) if options.party is None else (),
        allocations=allocations,
        pool=pool,
        left_out=left_out,
        unit_allocations=units,
        unit_pool=unit_pool,
    )
    return run, findings
