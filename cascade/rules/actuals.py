"""Actuals: validate reads results too, so bad ones fail before scoring."""

from __future__ import annotations

from collections.abc import Iterator

from cascade.diagnostics import Finding, Level
from cascade.expr import ExpressionError, names, parse_expression
from cascade.rules.common import finding
from cascade.rules.registry import Context, rule
from cascade.rules.scopes import ACTUALS
from cascade.spec.common import text_of


@rule("ACT001", "result-shape", reads=(ACTUALS,))
def result_shape(ctx: Context) -> Iterator[Finding]:
    """A result fits its KPI: a milestone KPI takes a ``level``, a numeric KPI
    a ``value``, a formula KPI its variables in ``values`` (every variable of
    the formula); an ``n/a`` result carries no number.

    Fails::

        - {kpi: LAW/A3, value: 80}           # A3 has milestones
        - {kpi: LAW/2-5, values: {completed: 45}}   # formula needs 'received'

    Passes::

        - {kpi: LAW/A3, level: 3}
        - {kpi: LAW/2-5, values: {completed: 45, received: 50}}
    """
    kpis = ctx.model.kpis
    for actuals, where in ctx.model.actuals:
        for i, result in enumerate(actuals.results):
            kpi = kpis.get(result.kpi)
            here = where.at("results", i)
            if kpi is None:
                continue
            given = [k for k in ("value", "level") if getattr(result, k) is not None]
            if result.values:
                given.append("values")
            if result.status == "n/a":
                if given:
                    yield finding(
                        here.at(given[0]), f"{result.kpi} is n/a, so it takes no '{given[0]}'"
                    )
                continue
            criteria = kpi.criteria
            milestone = criteria is not None and criteria.milestones is not None
            if kpi.formula and not milestone:
                try:
                    wanted = names(parse_expression(kpi.formula))
                except ExpressionError:
                    continue
                missing = sorted(wanted - set(result.values))
                if result.value is None and missing:
                    yield finding(
                        here.at("values") if result.values else here.at("kpi"),
                        f"{result.kpi} is computed by '{kpi.formula}'; give "
                        f"{', '.join(missing)} in 'values'",
                    )
                continue
            if milestone and result.value is not None:
                yield finding(
                    here.at("value"),
                    f"{result.kpi} is scored by milestones; give "
                    "the 'level' reached, not a 'value'",
                )
            elif not milestone and result.level is not None:
                yield finding(
                    here.at("level"),
                    f"{result.kpi} is scored by thresholds; give a 'value', not a 'level'",
                )
            elif not given:
                key = "level" if milestone else "value"
                yield finding(
                    here.at("kpi"), f"{result.kpi} has no '{key}'", hint="or write 'status: n/a'"
                )


@rule("ACT002", "duplicate-result", reads=(ACTUALS,))
def duplicate_result(ctx: Context) -> Iterator[Finding]:
    """One result per KPI per period.  A period's results may be split over
    several files (one workbook per unit), but a KPI appears in only one.

    Fails::

        results: [{kpi: LAW/2-1, value: 70}, {kpi: LAW/2-1, value: 72}]

    Passes::

        results: [{kpi: LAW/2-1, value: 72}]
    """
    seen: dict[tuple[str, str], str] = {}
    for actuals, where in ctx.model.actuals:
        for i, result in enumerate(actuals.results):
            key = (actuals.period, result.kpi)
            if key in seen:
                yield finding(
                    where.at("results", i, "kpi"),
                    f"{result.kpi} already has a result for {actuals.period} in {seen[key]}",
                )
            seen.setdefault(key, where.file)


@rule("ACT003", "period-outside-year", reads=(ACTUALS,))
def period_outside_year(ctx: Context) -> Iterator[Finding]:
    """An Actuals period falls in the plan's fiscal year (Buddhist era).

    Fails::

        # fiscal_year: 2569
        period: 2568-Q4

    Passes::

        period: 2569-Q2
    """
    plan = ctx.model.plan
    if plan is None:
        return
    for actuals, where in ctx.model.actuals:
        year = int(actuals.period[:4])
        if year != plan.fiscal_year:
            yield finding(
                where.at("period"),
                f"period {actuals.period} is outside fiscal year {plan.fiscal_year}",
            )


@rule("ACT004", "evidence-missing", Level.WARNING, reads=(ACTUALS,))
def evidence_missing(ctx: Context) -> Iterator[Finding]:
    """A result gives its ``evidence`` (a link or a file name) when its KPI
    asks for it: the KPI's own ``evidence`` (``required``, or a list of what
    counts), else the plan's ``policy.evidence_required``; ``evidence:
    optional`` on a KPI exempts it.  An ``n/a`` result needs none.
    ``cascade status`` lists the same results as *no evidence*.

    Fails::

        # the KPI LAW/2-5: evidence: [รายงานผลการตรวจร่างสัญญาประจำเดือน]
        - {kpi: LAW/2-5, value: 88}

    Passes::

        - {kpi: LAW/2-5, value: 88, evidence: https://drive.example.go.th/law/2569-Q2.pdf}
    """
    plan = ctx.model.plan
    by_policy = bool(plan and plan.policy.evidence_required)
    kpis = ctx.model.kpis
    for actuals, where in ctx.model.actuals:
        for i, result in enumerate(actuals.results):
            kpi = kpis.get(result.kpi)
            if kpi is None or result.status == "n/a" or result.evidence:
                continue
            if kpi.needs_evidence(by_policy):
                asked = "; ".join(text_of(what) for what in kpi.evidence_asked)
                why = f" ({asked})" if asked else ""
                yield finding(
                    where.at("results", i, "kpi"),
                    f"{result.kpi} asks for evidence{why}; this result gives none",
                    hint="add 'evidence:' with a link or a file name",
                )
