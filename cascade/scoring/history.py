"""A KPI across periods (``cascade history``): its status, result, target and
score in every period a plan has Actuals for, oldest first, and a text
sparkline of the scores.  One plan holds one fiscal year; earlier years are
read from git tags by :mod:`cascade.history`, which joins the histories of
several plans with :func:`join_histories`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from cascade.model.plan import Kpi, PlanModel
from cascade.periods import Period, parse_period
from cascade.scoring.explanations import at_risk
from cascade.scoring.run import ScoreOptions, score_plan
from cascade.scoring.scorecard import KpiLine

BARS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class HistoryPoint:
    """The KPI in one period: its scorecard line, the year's target, whether it
    was at risk (:func:`cascade.scoring.explanations.at_risk`) and where it was read."""

    period: Period
    line: KpiLine
    target: Decimal | None
    at_risk: bool
    source: str = ""
    """``""`` for the plan on disk, else the git revision (tag) it was read from."""

    @property
    def label(self) -> str:
        """The period as written: ``2569-Q2``."""
        return self.period.label


@dataclass(frozen=True, slots=True)
class KpiHistory:
    """One KPI's points, oldest first, the top of the score scale, and notes
    (revisions read that have no such KPI)."""

    kpi: str
    name: str
    top: Decimal
    points: tuple[HistoryPoint, ...]
    notes: tuple[str, ...] = ()


def kpi_history(model: PlanModel, kpi: Kpi, source: str = "") -> KpiHistory:
    """Score ``kpi``'s agreement in every period with Actuals, oldest first."""
    periods = sorted(
        {p for p in (parse_period(a.period) for a, _ in model.actuals) if p is not None}
    )
    points: list[HistoryPoint] = []
    top = Decimal(5)
    name = ""
    for period in periods:
        run, _ = score_plan(model, ScoreOptions(period, kpi.party))
        card = run.scorecards[0]
        line = next(ln for ln in card.lines if ln.qid == kpi.qid)
        top, name = card.top, line.name
        points.append(HistoryPoint(period, line, kpi.target, at_risk(kpi, line), source))
    return KpiHistory(kpi.qid, name, top, tuple(points))


def join_histories(histories: Iterable[KpiHistory], notes: Iterable[str] = ()) -> KpiHistory:
    """One history from several plans' (the first given first): a period
    already given by an earlier history is skipped; the name is the first's."""
    chosen: dict[str, HistoryPoint] = {}
    first: KpiHistory | None = None
    top = Decimal(5)
    for history in histories:
        first = first or history
        top = max(top, history.top) if history.points else top
        for point in history.points:
            chosen.setdefault(point.label, point)
    assert first is not None, "join_histories needs at least one history"
    points = tuple(sorted(chosen.values(), key=lambda p: p.period))
    name = first.name or next((p.line.name for p in points), "")
    return KpiHistory(first.kpi, name, top, points, (*first.notes, *notes))


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


def _json(history: KpiHistory) -> str:
    data = {
        "kpi": history.kpi,
        "name": history.name,
        "periods": [
            {
                "period": p.label,
                "status": p.line.status,
                "result": None if p.line.result is None else _d(p.line.result),
                "target": None if p.target is None else _d(p.target),
                "score": None if p.line.score is None else _d(p.line.score),
                "at_risk": p.at_risk,
                "remark": p.line.remark or None,
                "source": p.source or None,
            }
            for p in history.points
        ],
        "notes": list(history.notes),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_history(history: KpiHistory, fmt: str) -> str:
    """The history as text (a table, a sparkline, notes) or JSON."""
    if fmt == "json":
        return _json(history)
    scores = [p.line.score for p in history.points]
    out = [f"{history.kpi} {history.name}".rstrip()]
    out.append(f"  {'period':<9} {'status':<12} {'result':>10} {'target':>10} {'score':>8}")
    for p in history.points:
        ln = p.line
        risk = "  at risk" if p.at_risk else ""
        source = f"  [{p.source}]" if p.source else ""
        row = f"{_d(ln.result):>10} {_d(p.target):>10} {_d(ln.score):>8}"
        out.append(f"  {p.label:<9} {ln.status:<12} {row}{risk}{source}")
    out.append(f"  scores {sparkline(scores, history.top)} (0–{_d(history.top)})")
    out.extend(f"  note: {note}" for note in history.notes)
    return "\n".join(out) + "\n"
