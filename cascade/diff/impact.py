"""What a change does to scores: both sides scored for one period, compared.

Each side's model goes through :func:`cascade.scoring.run.score_plan`, the
very code ``cascade score`` runs, so numbers are its exact decimals with its
rounding (the plan's ``scoring.decimals`` and ``rounding``, each side its
own).  A party is listed when its score, percent, combined score or rating
differs; with it come the KPIs whose line moved (status, result, score,
weight or effective weight) and why: the result, status (``n/a``),
weight, target or criteria that changed.
"""

from __future__ import annotations

from decimal import Decimal

from cascade.diff.result import PARTY_ORDER, KpiImpact, PartyImpact, natural
from cascade.diff.values import leaf
from cascade.model.plan import PlanModel
from cascade.periods import Period
from cascade.scoring.run import ScoreOptions, score_plan
from cascade.scoring.scorecard import KpiLine, Scorecard
from cascade.scoring.show import plain
from cascade.spec.common import text_of


def _n(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _p(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def _rating(card: Scorecard | None, lang: str) -> str | None:
    if card is None or card.rating is None:
        return None
    return f"{card.rating.id} {text_of(card.rating.name, lang)}".strip()


def _cards(model: PlanModel, period: Period) -> dict[str, Scorecard]:
    run, _ = score_plan(model, ScoreOptions(period))
    return {card.party: card for card in run.scorecards}


def _line_key(line: KpiLine | None) -> object:
    if line is None:
        return None
    return (line.status, line.result, line.score, line.weighted, line.weight, line.effective_weight)


def _written(model: PlanModel, qid: str, lang: str) -> tuple[str | None, str | None]:
    """A KPI's target and criteria as text, inherited ones included."""
    kpi = model.kpis.get(qid)
    if kpi is None:
        return None, None
    criteria = leaf(kpi.criteria, lang)
    return _n(kpi.target), criteria.text if criteria is not None else None


def _causes(
    a: KpiLine | None, b: KpiLine | None, old: PlanModel, new: PlanModel, lang: str
) -> tuple[str, ...]:
    if a is None or b is None:
        return ("KPI added",) if a is None else ("KPI removed",)
    causes: list[str] = []
    pairs = [
        ("status", a.status, b.status),
        ("result", _p(a.result), _p(b.result)),
        ("weight", _p(a.weight), _p(b.weight)),
    ]
    (t1, c1), (t2, c2) = _written(old, a.qid, lang), _written(new, b.qid, lang)
    pairs += [("target", t1, t2), ("criteria", c1, c2)]
    if a.weight == b.weight:
        pairs.append(("effective weight", _p(a.effective_weight), _p(b.effective_weight)))
    for label, before, after in pairs:
        if before != after:
            causes.append(f"{label} {before or '—'} → {after or '—'}")
    return tuple(causes)


def _kpis(
    a: Scorecard | None, b: Scorecard | None, old: PlanModel, new: PlanModel, lang: str
) -> tuple[KpiImpact, ...]:
    before = {line.qid: line for line in a.lines} if a else {}
    after = {line.qid: line for line in b.lines} if b else {}
    out: list[KpiImpact] = []
    for qid in [*before, *(q for q in after if q not in before)]:
        x, y = before.get(qid), after.get(qid)
        if _line_key(x) == _line_key(y):
            continue
        kpi = new.kpis.get(qid) or old.kpis.get(qid)
        name = text_of(kpi.name, lang) if kpi is not None else ""
        out.append(
            KpiImpact(
                qid,
                name,
                (_n(x.score) if x else None, _n(y.score) if y else None),
                (_n(x.weighted) if x else None, _n(y.weighted) if y else None),
                _causes(x, y, old, new, lang),
            )
        )
    return tuple(out)


def score_impact(
    old: PlanModel, new: PlanModel, period: Period, lang: str
) -> tuple[PartyImpact, ...]:
    """Every party whose score or rating for ``period`` differs between the sides.

    In the diff's order: organisation, units, people, each by natural id.
    """
    before, after = _cards(old, period), _cards(new, period)

    def order(party: str) -> tuple[int, tuple[tuple[int, int, str], ...]]:
        card = after.get(party) or before[party]
        kind = card.party_type
        return (PARTY_ORDER.index(kind) if kind in PARTY_ORDER else 3, natural(party))

    out: list[PartyImpact] = []
    for party in sorted(set(before) | set(after), key=order):
        a, b = before.get(party), after.get(party)
        score = (_n(a.score) if a else None, _n(b.score) if b else None)
        percent = (_n(a.percent) if a else None, _n(b.percent) if b else None)
        combined = (_n(a.combined) if a else None, _n(b.combined) if b else None)
        rating = (_rating(a, lang), _rating(b, lang))
        if all(x == y for x, y in (score, percent, combined, rating)):
            continue
        model = new if b is not None else old
        card = b if b is not None else a
        assert card is not None
        name = text_of(model.party_name(party), lang)
        kpis = _kpis(a, b, old, new, lang)
        out.append(
            PartyImpact(party, name, card.party_type, score, percent, combined, rating, kpis)
        )
    return tuple(out)
