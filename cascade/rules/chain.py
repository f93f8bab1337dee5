"""The whole chain of the strategy (slide 14 of the method): vision and
mission → strategic issues → goals → strategies → projects, each link present,
and projects with an owner and a budget that is not negative."""

from __future__ import annotations

from collections.abc import Iterator

from cascade.diagnostics import Finding, Level, did_you_mean
from cascade.model.plan import Where
from cascade.rules.common import finding, number
from cascade.rules.registry import Context, rule
from cascade.rules.scopes import SHARED, STRATEGY
from cascade.spec.common import Bilingual, text_of


def _blank(text: str | Bilingual | None) -> bool:
    return not (text_of(text, "th") or text_of(text, "en")).strip()


@rule("CHN001", "vision-mission", Level.WARNING, reads=(SHARED,))
def vision_mission(ctx: Context) -> Iterator[Finding]:
    """The strategy states the organisation's vision and at least one mission:
    the top of the chain every goal, KPI and project hangs from.

    Fails::

        kind: Strategy
        goals: […]                      # no vision, no mission

    Passes::

        kind: Strategy
        vision: {th: บริการประชาชนอย่างมีคุณภาพ}
        mission: [{th: ให้บริการที่รวดเร็วและโปร่งใส}]
    """
    strategy = ctx.model.strategy
    if strategy is None:
        return
    written = strategy.model_fields_set
    where = ctx.model.strategy_where

    def at(field: str) -> Where:  # a blank field written: there; a missing one: at kind
        return where.at(field) if field in written else where.at("kind")

    if _blank(strategy.vision):
        yield finding(
            at("vision"),
            "the strategy has no vision",
            at_key="vision" in written,
            hint="add 'vision: …' (วิสัยทัศน์)",
        )
    if not [m for m in strategy.mission if not _blank(m)]:
        yield finding(
            at("mission"),
            "the strategy has no mission",
            at_key="mission" in written,
            hint="add 'mission: [ … ]' (พันธกิจ)",
        )


@rule("CHN002", "issue-without-goal", Level.WARNING, reads=(SHARED,))
def issue_without_goal(ctx: Context) -> Iterator[Finding]:
    """Every strategic issue has at least one organisation goal (a goal whose
    ``issues`` names it).

    Fails::

        issues: [{id: SI1, …}, {id: SI2, …}]
        goals: [{id: G1, issues: [SI1], …}]      # nothing serves SI2

    Passes::

        goals: [{id: G1, issues: [SI1], …}, {id: G2, issues: [SI2], …}]
    """
    strategy = ctx.model.strategy
    if strategy is None:
        return
    served = {issue for goal in strategy.goals for issue in goal.issues}
    for i, issue in enumerate(strategy.issues):
        if issue.id not in served:
            yield finding(
                ctx.model.strategy_where.at("issues", i, "id"),
                f"strategic issue '{issue.id}' has no goal",
                hint=f"name it in a goal's 'issues: [{issue.id}]'",
            )


@rule("CHN003", "goal-without-strategy", Level.WARNING, reads=(SHARED,))
def goal_without_strategy(ctx: Context) -> Iterator[Finding]:
    """Every organisation goal is served by at least one strategy (a strategy
    whose ``goals`` names it).

    Fails::

        goals: [{id: G1, …}, {id: G2, …}]
        strategies: [{id: S1, goals: [G1], …}]   # nothing serves G2

    Passes::

        strategies: [{id: S1, goals: [G1, G2], …}]
    """
    strategy = ctx.model.strategy
    if strategy is None:
        return
    served = {goal for item in strategy.strategies for goal in item.goals}
    for i, goal in enumerate(strategy.goals):
        if goal.id not in served:
            yield finding(
                ctx.model.strategy_where.at("goals", i, "id"),
                f"goal '{goal.id}' is served by no strategy",
                hint=f"name it in a strategy's 'goals: [{goal.id}]'",
            )


@rule("CHN004", "project-unlinked", Level.WARNING, reads=(STRATEGY,))
def project_unlinked(ctx: Context) -> Iterator[Finding]:
    """Every project names what it serves (its ``strategy``, organisation
    ``goals`` or organisation ``kpis``) and its ``owner`` unit; the KPIs it
    names are the organisation's.

    Fails::

        projects: [{id: P1, name: …, budget: 500000}]

    Passes::

        projects: [{id: P1, name: …, strategy: S1, kpis: ["1"], owner: SVC, budget: 500000}]
    """
    model = ctx.model
    strategy = model.strategy
    if strategy is None:
        return
    org = model.org_agreement()
    known = {kpi.qid for kpi in org.kpis} if org is not None else None
    for i, project in enumerate(strategy.projects):
        here = model.strategy_where.at("projects", i)
        if not (project.strategy or project.goals or project.kpis):
            yield finding(
                here.at("id"),
                f"project '{project.id}' names no strategy, goal or KPI it serves",
                hint="add 'strategy: S…', 'goals: [G…]' or 'kpis: [1.1]'",
            )
        if project.owner is None:
            yield finding(
                here.at("id"),
                f"project '{project.id}' has no owner unit",
                hint="add 'owner: UNIT'",
            )
        for j, ref in enumerate(project.kpis):
            qid = model.row_qid(ref)
            if known is not None and qid not in known:
                yield finding(
                    here.at("kpis", j),
                    f"project '{project.id}' names '{ref}', not a KPI of "
                    f"{model.organisation}'s agreement",
                    hint=did_you_mean(qid, known),
                )


@rule("CHN005", "negative-budget", reads=(SHARED,))
def negative_budget(ctx: Context) -> Iterator[Finding]:
    """A project's budget is zero or more baht.

    Fails::

        projects: [{id: P1, …, budget: -500000}]

    Passes::

        projects: [{id: P1, …, budget: 500000}]
    """
    strategy = ctx.model.strategy
    if strategy is None:
        return
    for i, project in enumerate(strategy.projects):
        if project.budget is not None and project.budget < 0:
            yield finding(
                ctx.model.strategy_where.at("projects", i, "budget"),
                f"project '{project.id}' has a negative budget ({number(project.budget)} baht)",
            )
