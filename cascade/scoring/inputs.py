"""The results a period brings: rows by KPI, the year's history, people's components."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from cascade.expr import ExpressionError, evaluate_text
from cascade.model.plan import Kpi, PlanModel, Where
from cascade.periods import Period, parse_period
from cascade.spec.actuals import PersonComponents, Result


class Row(NamedTuple):
    """A KPI's result row and where it was written (document, item index).

    A named tuple: a large round has one per KPI, and tuples are cheap to make.
    """

    result: Result
    document: Where
    item: int

    @property
    def where(self) -> Where:
        return self.document.at("results", self.item)


@dataclass(slots=True)
class Inputs:
    """Everything scoring reads for one period."""

    period: Period
    rows: dict[str, Row] = field(default_factory=dict)
    history: dict[str, dict[int, Row]] = field(default_factory=dict)
    components: dict[str, PersonComponents] = field(default_factory=dict)


def gather(model: PlanModel, period: Period) -> Inputs:
    """Rows of ``period``, and every round of the same fiscal year up to it."""
    inputs = Inputs(period)
    for actuals, where in model.actuals:
        other = parse_period(actuals.period)
        if other is None or not other.closes_by(period):
            continue
        for i, result in enumerate(actuals.results):
            row = Row(result, where, i)
            inputs.history.setdefault(result.kpi, {})[other.month] = row
            if other.label == period.label:
                inputs.rows.setdefault(result.kpi, row)
        if other.label == period.label:
            for item in actuals.people:
                inputs.components.setdefault(item.person, item)
    return inputs


def find_row(kpi: Kpi, rows: dict[str, Row]) -> tuple[Row | None, bool]:
    """A KPI's own row, or (``identical`` only) its parent's; and whether inherited."""
    seen: set[str] = set()
    current: Kpi | None = kpi
    while current is not None and current.qid not in seen:
        seen.add(current.qid)
        row = rows.get(current.qid)
        if row is not None:
            return row, current is not kpi
        same = current.same_as
        current = same if current.kind == "identical" and isinstance(same, Kpi) else None
    return None, False


def result_value(kpi: Kpi, result: Result) -> tuple[Decimal | None, str]:
    """The result ``x`` a KPI is scored on, or why there is none."""
    criteria = kpi.criteria
    if criteria is None:
        return None, f"{kpi.qid} has no criteria to score it by"
    if criteria.milestones is not None:
        if result.level is None:
            return None, f"{kpi.qid} is scored by milestones; its row gives no 'level'"
        return result.level, ""
    if result.value is not None:
        return result.value, ""
    if kpi.formula:
        try:
            return evaluate_text(kpi.formula, dict(result.values)), ""
        except ExpressionError as exc:
            return None, f"{kpi.qid}: '{kpi.formula}' cannot be computed: {exc}"
    return None, f"{kpi.qid}'s row gives no 'value'"
