"""Scorecards as plain data (JSON, YAML) and as flat rows (CSV, xlsx).

Decimals are written as strings in JSON and YAML so that ``72.5000`` stays
exactly what was computed; rows keep ``Decimal`` for the table writers.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cascade.scoring.scorecard import ScoreRun
from cascade.spec.common import text_of

ROW_HEADER = (
    "party",
    "kpi",
    "name",
    "dimension",
    "status",
    "weight",
    "effective_weight",
    "result",
    "score",
    "weighted",
    "at_risk",
    "round_target",
    "forecast",
    "forecast_score",
    "remark",
)


def _d(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def to_data(run: ScoreRun, lang: str = "th") -> dict[str, Any]:
    """The whole run as nested dicts and lists of strings."""
    cards = []
    for card in run.scorecards:
        cards.append(
            {
                "party": card.party,
                "type": card.party_type,
                "name": card.name,
                "total_weight": _d(card.total_weight),
                "score": _d(card.score),
                "out_of": _d(card.top),
                "percent": _d(card.percent),
                "dimensions": {k: _d(v) for k, v in card.dimensions},
                "components": {k: _d(v) for k, v in card.components},
                "combined": _d(card.combined),
                "rating": card.rating.id if card.rating else None,
                "rating_name": text_of(card.rating.name, lang) if card.rating else None,
                "notes": list(card.notes),
                "signed": card.signed,
                "kpis": [
                    {
                        "kpi": line.qid,
                        "name": line.name,
                        "dimension": line.dimension,
                        "status": line.status,
                        "weight": _d(line.weight),
                        "effective_weight": _d(line.effective_weight),
                        "result": _d(line.result),
                        "score": _d(line.score),
                        "weighted": _d(line.weighted),
                        "at_risk": line.at_risk,
                        "round_target": _d(line.round_target),
                        "forecast": _d(line.forecast),
                        "forecast_score": _d(line.forecast_score),
                        "remark": line.remark or None,
                    }
                    for line in card.lines
                ],
            }
        )
    return {
        "period": run.period,
        "scorecards": cards,
        "rollup": [
            {
                "kpi": r.qid,
                "name": r.name,
                "owner": r.owner,
                "supporters": list(r.supporters),
                "score": _d(r.score),
                "contributions": [
                    {"kpi": q, "role": role, "score": _d(s)} for q, role, s in r.contributions
                ],
            }
            for r in run.rollup
        ],
        "incentives": None
        if run.pool is None
        else {
            "pool": _d(run.pool),
            "allocated": _d(sum((a.amount for a in run.allocations), Decimal(0))),
            "people": [
                {
                    "person": a.person,
                    "band": a.band,
                    "salary": _d(a.salary),
                    "percent": _d(a.percent),
                    "amount": _d(a.amount),
                }
                for a in run.allocations
            ],
            "left_out": list(run.left_out),
        },
        "unit_incentives": None
        if run.unit_pool is None
        else {
            "pool": _d(run.unit_pool),
            "allocated": _d(sum((a.amount for a in run.unit_allocations), Decimal(0))),
            "units": [
                {
                    "unit": a.unit,
                    "band": a.band,
                    "percent": _d(a.percent),
                    "shares": _d(a.shares),
                    "amount": _d(a.amount),
                }
                for a in run.unit_allocations
            ],
        },
    }


def to_rows(run: ScoreRun) -> list[tuple[str | Decimal | None, ...]]:
    """One row per KPI line, matching :data:`ROW_HEADER`."""
    return [
        (
            card.party,
            line.qid,
            line.name,
            line.dimension or "",
            line.status,
            line.weight,
            line.effective_weight,
            line.result,
            line.score,
            line.weighted,
            "yes" if line.at_risk else "",
            line.round_target,
            line.forecast,
            line.forecast_score,
            line.remark,
        )
        for card in run.scorecards
        for line in card.lines
    ]
