"""A KPI across periods (``cascade history``): its status, result and score in
every period the plan has Actuals for, oldest first, and a text sparkline of
the scores.  One plan holds one fiscal year; earlier years are their own
plans (``cascade new year`` copies a year's result into the next baseline).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from cascade.model.plan import Kpi, PlanModel
from cascade.periods import Period, parse_period
from cascade.scoring.run import ScoreOptions, score_plan
from cascade.scoring.scorecard import KpiLine

BARS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class KpiHistory:
    """One KPI's line in each period, and the top of the scale."""

    kpi: str
    name: str
    top: Decimal
    periods: tuple[tuple[str, KpiLine], ...]


def kpi_history(model: PlanModel, kpi: Kpi) -> KpiHistory:
    """Score ``kpi``'s agreement in every period with Actuals, oldest first."""
    periods = sorted(
        {p for p in (parse_period(a.period) for a, _ in model.actuals) if p is not None}
    )
    lines: list[tuple[str, KpiLine]] = []
    top = Decimal(5)
    name = ""
    for period in periods:
        line, top = _line_in(model, kpi, period)
        name = line.name
        lines.append((period.label, line))
    return KpiHistory(kpi.qid, name, top, tuple(lines))


def _line_in(model: PlanModel, kpi: Kpi, period: Period) -> tuple[KpiLine, Decimal]:
    run, _ = score_plan(model, ScoreOptions(period, kpi.party))
    card = run.scorecards[0]
    return next(ln for ln in card.lines if ln.qid == kpi.qid), card.top


def sparkline(scores: list[Decimal | None], top: Decimal) -> str:
    """One bar per score from 0 to ``top`` (``·`` for none): ``▄▆█``."""
    out = []
    for score in scores:
        if score is None or top <= 0:
            out.append("·")
            continue
        share = min(max(score / top, Decimal(0)), Decimal(1))
        out.append(BARS[int(share * (len(BARS) - 1))])
    return "".join(out)


def _d(value: Decimal | None) -> str:
    return "—" if value is None else format(value, "f")


def render_history(history: KpiHistory, fmt: str) -> str:
    """The history as text (a table and a sparkline) or JSON."""
    if fmt == "json":
        data = {
            "kpi": history.kpi,
            "name": history.name,
            "periods": [
                {
                    "period": label,
                    "status": ln.status,
                    "result": None if ln.result is None else format(ln.result, "f"),
                    "score": None if ln.score is None else format(ln.score, "f"),
                    "at_risk": ln.at_risk,
                    "remark": ln.remark or None,
                }
                for label, ln in history.periods
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    scores = [ln.score for _, ln in history.periods]
    out = [f"{history.kpi} {history.name}".rstrip()]
    for label, ln in history.periods:
        risk = "  at risk" if ln.at_risk else ""
        out.append(f"  {label:<9} {ln.status:<12} {_d(ln.result):>10} {_d(ln.score):>8}{risk}")
    out.append(f"  scores {sparkline(scores, history.top)} (0–{_d(history.top)})")
    return "\n".join(out) + "\n"
