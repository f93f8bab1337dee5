"""A party's own strategy map: the goals of its agreement that name a
``perspective``, in the strategy's lanes (only the lanes they use, in the
strategy's order), with their ``drives`` arrows, drawn like the organisation's
map (:mod:`cascade.report.svg.strategy_map`: SVG for HTML, Mermaid for
Markdown; :mod:`cascade.report.pdf_map` draws it in the PDF).  A goal's issue
chips are the strategic issues of the organisation goals it ``supports``.
An agreement none of whose goals names a perspective has no map (never an
empty one)."""

from __future__ import annotations

from markupsafe import Markup

from cascade.model.plan import Agreement, PlanModel
from cascade.report.refs import Refs
from cascade.report.svg import MapGoal, strategy_map_mermaid, strategy_map_svg
from cascade.report.view import GoalMap


def map_goals(model: PlanModel, agreement: Agreement, refs: Refs) -> list[MapGoal]:
    """The agreement's goals with a perspective, as map goals; ``drives`` kept
    only towards goals on the map, issues those of the organisation goals served."""
    strategy = model.strategy
    served = {g.id: g.issues for g in strategy.goals} if strategy else {}
    drawn = [g for g in agreement.goals if g.perspective]
    on_map = {g.id for g in drawn}
    return [
        MapGoal(
            g.id,
            refs.text(g.name),
            g.perspective or "",
            tuple(dict.fromkeys(i for s in g.supports for i in served.get(s, ()))),
            tuple(d for d in g.drives if d in on_map),
        )
        for g in drawn
    ]


def goal_map(model: PlanModel, agreement: Agreement, refs: Refs, title: str) -> GoalMap | None:
    """The party's own strategy map titled ``title``, or ``None`` when no goal
    of its agreement names a perspective."""
    goals = map_goals(model, agreement, refs)
    if not goals:
        return None
    strategy = model.strategy
    lanes = {g.perspective for g in goals}
    issues = {i for g in goals for i in g.issues}
    perspectives = [
        (p.id, refs.text(p.name))
        for p in (strategy.perspectives if strategy else [])
        if p.id in lanes
    ]
    named = [
        (i.id, refs.text(i.name)) for i in (strategy.issues if strategy else []) if i.id in issues
    ]
    return GoalMap(
        Markup(strategy_map_svg(perspectives, named, goals, title=title)),
        Markup(strategy_map_mermaid(perspectives, goals)),
        tuple(perspectives),
        tuple(named),
        tuple(goals),
    )
