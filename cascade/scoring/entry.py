"""Which KPIs go into whose entry workbook (``cascade actuals template``).

One workbook per unit (and one for the organisation): the unit's own KPIs,
then the KPIs of the people of that unit.  ``identical`` KPIs are left out:
they take their parent's result.
"""

from __future__ import annotations

from cascade.expr import ExpressionError, names, parse_expression
from cascade.model.plan import Kpi, PlanModel
from cascade.scoring.template import Kind, TemplateRow
from cascade.spec.common import text_of


def template_row(kpi: Kpi, lang: str) -> TemplateRow:
    """What a collector sees and fills for one KPI."""
    criteria = kpi.criteria
    milestones = (
        tuple(text_of(criteria.milestones[level], lang) for level in sorted(criteria.milestones))
        if criteria and criteria.milestones
        else ()
    )
    variables: tuple[str, ...] = ()
    if kpi.formula and not milestones:
        try:
            variables = tuple(sorted(names(parse_expression(kpi.formula))))
        except ExpressionError:
            variables = ()
    kind: Kind = "level" if milestones else "formula" if variables else "value"
    collector = kpi.collector or kpi.overseer
    return TemplateRow(
        kpi=kpi.qid,
        name=text_of(kpi.name, lang),
        unit_of_measure=kpi.unit_of_measure or "",
        target=kpi.target,
        thresholds=tuple(criteria.thresholds or ()) if criteria else (),
        milestones=milestones,
        kind=kind,
        variables=variables,
        collector=text_of(collector.name, lang) if collector else "",
    )


def workbooks(model: PlanModel, lang: str, only: str | None = None) -> dict[str, list[TemplateRow]]:
    """Unit id → the rows of its workbook (the organisation's under its id)."""
    books: dict[str, list[TemplateRow]] = {}
    ordered = sorted(model.agreements.values(), key=lambda a: (a.party_type == "person", a.party))
    for agreement in ordered:
        if agreement.party_type == "person":
            unit = model.people[agreement.party].unit
        else:
            unit = agreement.party
        if only is not None and unit != only:
            continue
        rows = [template_row(k, lang) for k in agreement.kpis if k.kind != "identical"]
        books.setdefault(unit, []).extend(rows)
    return {unit: rows for unit, rows in books.items() if rows}
