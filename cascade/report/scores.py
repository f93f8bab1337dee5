"""Scorecards for a period: per agreement lines, subtotals, rating, charts,
and the trend over the rounds of the fiscal year up to the period."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from cascade.model.plan import PlanModel
from cascade.periods import Period, rounds_up_to
from cascade.report.agreements import dimension_names
from cascade.report.labels import STATUS_WORDS, WORDS, pick, word
from cascade.report.refs import Refs
from cascade.report.site_view import PeriodView, ScoreSummary
from cascade.report.svg import charts
from cascade.report.view import Number, ScorecardView, ScoreLine
from cascade.scoring.explanations import at_risk
from cascade.scoring.inputs import gather
from cascade.scoring.run import ScoreOptions, score_plan
from cascade.scoring.scorecard import KpiLine, Scorecard
from cascade.spec.common import text_of

COMPONENT_WORDS = {
    "achievement": ("ผลสัมฤทธิ์ของงาน", "achievement"),
    "competency": ("สมรรถนะ", "competency"),
}


KpiRounds = dict[tuple[str, str], list[tuple[int, Number]]]
"""(party, KPI qid) → the KPI's score in each round so far: (months, score)."""


@dataclass(frozen=True, slots=True)
class Scores:
    """The period's scorecard views by party and the site-wide period record."""

    cards: dict[str, ScorecardView]
    period: PeriodView


def rounds(model: PlanModel, period: Period) -> list[Period]:
    """The periods with actuals in the same fiscal year, up to ``period``, in order."""
    return rounds_up_to(period, (actuals.period for actuals, _ in model.actuals))


def round_label(period: Period, lang: str) -> str:
    if lang == "th":
        return f"รอบ {period.month} เดือน"
    return f"{period.month}-month round"


class ScoreViews:
    def __init__(self, model: PlanModel, refs: Refs, period: Period) -> None:
        self.model = model
        self.refs = refs
        self.period = period
        self.lang = refs.lang
        self.rows = gather(model, period).rows

    def line(
        self, raw: KpiLine, dims: dict[str, str], rounds: tuple[tuple[int, Number], ...] = ()
    ) -> ScoreLine:
        row = self.rows.get(raw.qid)
        result = row.result if row is not None else None
        return ScoreLine(
            ref=self.refs.kpi_qid(raw.qid),
            dimension=dims.get(raw.dimension, raw.dimension) if raw.dimension else "",
            status=raw.status,
            status_label=word(STATUS_WORDS, raw.status, self.lang),
            weight=raw.weight,
            effective_weight=raw.effective_weight,
            result=raw.result,
            score=raw.score,
            weighted=raw.weighted,
            at_risk=at_risk(self.model.kpis[raw.qid], raw),
            round_target=raw.round_target,
            evidence=(result.evidence or "") if result is not None else "",
            remark=text_of(result.remark, self.lang) if result is not None else "",
            forecast=raw.forecast,
            forecast_score=raw.forecast_score,
            rounds=rounds,
        )

    def card(
        self,
        record: Scorecard,
        trend: list[tuple[str, Number]],
        kpi_rounds: KpiRounds | None = None,
    ) -> ScorecardView:
        agreement = self.model.agreements[record.party]
        dims = dimension_names(self.model, agreement, self.refs)
        by_kpi = kpi_rounds or {}
        lines = tuple(
            self.line(raw, dims, tuple(by_kpi.get((record.party, raw.qid), ())))
            for raw in record.lines
        )
        bars = [(ln.ref.id, ln.score) for ln in lines]
        t = self.lang
        return ScorecardView(
            period=record.period,
            lines=lines,
            total_weight=record.total_weight,
            score=record.score,
            percent=record.percent,
            top=record.top,
            dimensions=tuple((dims.get(k, k), v) for k, v in record.dimensions),
            components=tuple(
                (pick(COMPONENT_WORDS[k], t) if k in COMPONENT_WORDS else k, v)
                for k, v in record.components
            ),
            combined=record.combined,
            rating=text_of(record.rating.name, t) if record.rating else "",
            notes=record.notes,
            trend=tuple(trend),
            bar_svg=Markup(
                charts.bar_chart_svg(bars, record.top, title=pick(WORDS["kpi_scores"], t))
            ),
            trend_svg=Markup(charts.trend_svg(trend, record.top, title=pick(WORDS["trend"], t))),
        )


def score_views(model: PlanModel, refs: Refs, period: Period) -> Scores:
    """Score every round up to ``period``; scorecards and the summary of ``period``."""
    history: dict[str, list[tuple[str, Number]]] = {}
    kpi_rounds: KpiRounds = {}
    last: tuple[Scorecard, ...] = ()
    for when in rounds(model, period):
        run, _ = score_plan(model, ScoreOptions(when))
        for record in run.scorecards:
            history.setdefault(record.party, []).append((when.label, record.score))
            for raw in record.lines:
                kpi_rounds.setdefault((record.party, raw.qid), []).append((when.month, raw.score))
        if when.label == period.label:
            last = run.scorecards
    views = ScoreViews(model, refs, period)
    cards = {r.party: views.card(r, history.get(r.party, []), kpi_rounds) for r in last}
    summary = tuple(
        ScoreSummary(
            refs.party(r.party),
            refs.party_type_label(r.party),
            r.score,
            r.top,
            r.percent,
            text_of(r.rating.name, refs.lang) if r.rating else "",
        )
        for r in last
    )
    view = PeriodView(
        period.label,
        period.span(refs.lang),
        round_label(period, refs.lang),
        tuple(p.label for p in rounds(model, period)),
        summary,
    )
    return Scores(cards, view)
