"""The strategy map page: lanes of goals, what measures and supports each,
strategies and projects with their budgets summed by strategy and by
strategic issue, and the map itself (SVG for HTML, Mermaid for Markdown)."""

from __future__ import annotations

from decimal import Decimal

from markupsafe import Markup

from cascade.model.plan import PlanModel
from cascade.report.refs import Refs
from cascade.report.site_view import Lane, MapGoal, Project, StrategyView
from cascade.report.svg import strategy_map
from cascade.report.view import GoalRef, Ref
from cascade.spec import Strategy


def _support(model: PlanModel, refs: Refs) -> dict[str, list[tuple[Ref, str]]]:
    """Organisation goal → (unit, unit goal name) of the unit goals supporting it."""
    found: dict[str, list[tuple[Ref, str]]] = {}
    for agreement in model.agreements.values():
        for goal in agreement.goals:
            for target in goal.supports:
                found.setdefault(target, []).append(
                    (refs.party(agreement.party), refs.text(goal.name))
                )
    return found


def budget_totals(strategy: Strategy) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """Project budgets summed by strategy and by strategic issue.

    A project serves the issues of the goals its strategy serves and of its
    own ``goals``; it counts once in each of those issues.  Projects with no
    budget add nothing.
    """
    goal_issues = {g.id: g.issues for g in strategy.goals}
    strategy_goals = {s.id: s.goals for s in strategy.strategies}
    by_strategy: dict[str, Decimal] = {}
    by_issue: dict[str, Decimal] = {}
    for project in strategy.projects:
        if project.budget is None:
            continue
        if project.strategy:
            by_strategy[project.strategy] = by_strategy.get(project.strategy, Decimal(0)) + (
                project.budget
            )
        goals = [*strategy_goals.get(project.strategy or "", ()), *project.goals]
        for issue in sorted({i for g in goals for i in goal_issues.get(g, ())}):
            by_issue[issue] = by_issue.get(issue, Decimal(0)) + project.budget
    return by_strategy, by_issue


def strategy_view(model: PlanModel, refs: Refs, title: str) -> StrategyView:
    strategy = model.strategy
    if strategy is None:
        return StrategyView((), (), (), (), Markup(""), Markup(""))
    text = refs.text
    issues = {i.id: GoalRef(i.id, text(i.name)) for i in strategy.issues}
    goal_names = {g.id: text(g.name) for g in strategy.goals}
    org = model.org_agreement()
    measured: dict[str, list[Ref]] = {}
    for kpi in org.kpis if org else []:
        if kpi.goal:
            measured.setdefault(kpi.goal, []).append(refs.kpi(kpi))
    support = _support(model, refs)
    lanes: list[Lane] = []
    for perspective in strategy.perspectives:
        goals = tuple(
            MapGoal(
                g.id,
                text(g.name),
                tuple(issues.get(i, GoalRef(i, i)) for i in g.issues),
                tuple(GoalRef(d, goal_names.get(d, d)) for d in g.drives),
                tuple(measured.get(g.id, ())),
                tuple(support.get(g.id, ())),
            )
            for g in strategy.goals
            if g.perspective == perspective.id
        )
        lanes.append(Lane(perspective.id, text(perspective.name), goals))
    perspectives = [(p.id, text(p.name)) for p in strategy.perspectives]
    map_goals = [
        strategy_map.MapGoal(g.id, text(g.name), g.perspective, tuple(g.issues), tuple(g.drives))
        for g in strategy.goals
    ]
    svg = strategy_map.strategy_map_svg(
        perspectives, [(i.id, i.name) for i in issues.values()], map_goals, title=title
    )
    mermaid = strategy_map.strategy_map_mermaid(perspectives, map_goals)
    by_strategy, by_issue = budget_totals(strategy)
    return StrategyView(
        tuple(lanes),
        tuple(issues.values()),
        tuple(
            (GoalRef(s.id, text(s.name)), tuple(GoalRef(g, goal_names.get(g, g)) for g in s.goals))
            for s in strategy.strategies
        ),
        tuple(
            Project(
                p.id,
                text(p.name),
                p.strategy or "",
                refs.party(p.owner) if p.owner else None,
                p.budget,
            )
            for p in strategy.projects
        ),
        Markup(svg),
        Markup(mermaid),
        tuple(
            (GoalRef(s.id, text(s.name)), by_strategy[s.id])
            for s in strategy.strategies
            if s.id in by_strategy
        ),
        tuple((ref, by_issue[ref.id]) for ref in issues.values() if ref.id in by_issue),
    )
