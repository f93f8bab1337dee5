"""``explain-score`` and ``whatif``: one KPI's scoring, forwards and backwards."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cascade.model.plan import Kpi
from cascade.scoring.kpi_score import invert, invert_level
from cascade.scoring.policy import Policy
from cascade.scoring.scorecard import KpiLine, Scorecard
from cascade.scoring.show import plain


def explain_lines(card: Scorecard, line: KpiLine) -> list[str]:
    """Every step from result to weighted score, in plain words."""
    out = [f"{line.qid} {line.name} — {card.period}", f"status: {line.status}"]
    out += [f"  {step}" for step in line.steps]
    weight, total = plain(line.weight), plain(card.total_weight)
    out.append(f"weight {weight} of {total}")
    effective = plain(line.effective_weight)
    if line.effective_weight != line.weight:
        out.append(f"  weight after n/a handling: {effective}")
    if line.weighted is not None and line.score is not None:
        out.append(f"weighted: {line.score} × {effective} / {total} = {line.weighted} (rounded)")
    if line.round_target is not None:
        flag = "AT RISK" if line.at_risk else "on track"
        out.append(f"round target {plain(line.round_target)}: {flag}")
    if line.forecast is not None:
        out.append(
            f"year-end forecast (linear trend): {line.forecast} → score {line.forecast_score}"
        )
    out.append(f"agreement score {card.score} / {card.top} ({card.percent} %)")
    return out


@dataclass(frozen=True, slots=True)
class WhatIf:
    """The result a KPI needs for a score."""

    score: Decimal
    result: Decimal | None
    milestone: bool


def needed_result(kpi: Kpi, score: Decimal, policy: Policy) -> WhatIf:
    """The weakest result (or milestone level) that scores at least ``score``."""
    criteria = kpi.criteria
    if criteria is None:
        return WhatIf(score, None, False)
    if criteria.milestones is not None:
        return WhatIf(score, invert_level(score, policy), True)
    return WhatIf(score, invert(score, criteria.thresholds or (), policy), False)


def score_for_total(card: Scorecard, line: KpiLine, total: Decimal) -> Decimal | None:
    """The KPI score that brings the agreement to ``total``, others unchanged."""
    if card.score is None or line.effective_weight == 0:
        return None
    others = card.score - (line.weighted or Decimal(0))
    return (total - others) * card.total_weight / line.effective_weight
