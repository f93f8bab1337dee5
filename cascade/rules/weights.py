"""Weights: every agreement totals 100; framework dimensions and slots hold."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from cascade.diagnostics import Finding
from cascade.model.frameworks import dimension_totals, walk_dimensions
from cascade.model.plan import Agreement
from cascade.rules.common import finding, known_sum, number, totals_at
from cascade.rules.registry import Context, rule
from cascade.rules.scopes import SELF, SHARED

HUNDRED = Decimal(100)


def _complete(agreement: Agreement) -> bool:
    """Every KPI kept and every weight known: only then do sums mean anything."""
    return agreement.complete and all(k.weight is not None for k in agreement.kpis)


@rule("WGT001", "weights-total", reads=(SELF,))
def weights_total(ctx: Context) -> Iterator[Finding]:
    """The weights of an agreement's KPIs sum to exactly 100.

    Weights are exact decimals; expressions (``30 + A``) are evaluated with the
    plan's ``params``.  Reported at the agreement's ``kpis:`` key.  A KPI's
    weight must also be greater than 0.

    Fails::

        kpis: [{id: "1", weight: 60}, {id: "2", weight: 35}]   # 95

    Passes::

        kpis: [{id: "1", weight: 60}, {id: "2", weight: 40}]
    """
    for agreement in ctx.model.agreements.values():
        for kpi in agreement.kpis:
            if kpi.weight is not None and kpi.weight <= 0:
                yield finding(
                    kpi.where.at("weight"),
                    f"the weight of '{kpi.id}' is {number(kpi.weight)}; it must be greater than 0",
                )
        if not agreement.kpis or not _complete(agreement):
            continue
        total = sum((k.weight for k in agreement.kpis if k.weight is not None), Decimal(0))
        if total != HUNDRED:
            yield finding(
                totals_at(agreement),
                f"the weights of {agreement.party}'s KPIs sum to {number(total)}, not 100",
                at_key=True,
            )


@rule("WGT002", "dimension-weight", reads=(SELF, SHARED))
def dimension_weight(ctx: Context) -> Iterator[Finding]:
    """In an agreement that follows a framework, each dimension's KPIs sum to
    the dimension's fixed weight, and every KPI names a dimension.

    A parent dimension's sum includes its sub-dimensions.  The framework itself
    must be consistent: sub-dimensions sum to their parent, top-level
    dimensions to 100.

    Fails::

        # framework: effectiveness weight 60
        kpis: [{id: "1.1", dimension: effectiveness, weight: 50}, …]

    Passes::

        kpis: [{id: "1.1", dimension: effectiveness, weight: 35},
               {id: "1.2", dimension: effectiveness, weight: 25}, …]
    """
    for framework in ctx.model.frameworks.values():
        where = framework.where
        top = known_sum(d.weight for d in framework.dimensions)
        if framework.dimensions and top is not None and top != HUNDRED:
            yield finding(
                where.at("dimensions"),
                f"the dimensions of framework '{framework.id}' sum to {number(top)}, not 100",
                at_key=True,
            )
        for dim, path in walk_dimensions(framework.dimensions):
            parts = known_sum(c.weight for c in dim.dimensions)
            own = dim.weight
            if dim.dimensions and own is not None and parts is not None and parts != own:
                yield finding(
                    where.at(*path, "weight"),
                    f"the sub-dimensions of '{dim.id}' sum to {number(parts)}, not {number(own)}",
                )
    for agreement in ctx.model.agreements.values():
        followed = agreement.framework
        if followed is None or not _complete(agreement):
            continue
        for kpi in agreement.kpis:
            if kpi.dimension is None:
                yield finding(
                    kpi.where.at("id"),
                    f"KPI '{kpi.id}' names no dimension of framework '{followed.id}'",
                    hint="add 'dimension: …'",
                )
        weights = ((k.dimension, k.weight) for k in agreement.kpis if k.weight is not None)
        for dim, total in dimension_totals(followed.dimensions, weights):
            expected = dim.weight
            if expected is not None and total != expected:
                yield finding(
                    totals_at(agreement),
                    f"dimension '{dim.id}' of {agreement.party}'s agreement sums to "
                    f"{number(total)}, not {number(expected)}",
                    at_key=True,
                )


@rule("WGT003", "slot-weight", reads=(SELF,))
def slot_weight(ctx: Context) -> Iterator[Finding]:
    """A KPI that fills a framework slot (same id) has the slot's weight, plus
    the weight of every absent optional slot that ``transfer_to`` it, and sits
    in the slot's dimension.  A slot that is not optional must be filled.

    Fails::

        # slots: 1.2 weight 27 - A (A = 5), 1.3 weight 3 optional transfer_to 1.2
        kpis: [{id: "1.2", weight: 22}]                 # 1.3 absent: 1.2 must be 25

    Passes::

        kpis: [{id: "1.2", weight: 25}]
    """
    for agreement in ctx.model.agreements.values():
        framework = agreement.framework
        if framework is None:
            continue
        present = {k.id: k for k in agreement.kpis}
        for slot in framework.slots:
            kpi = present.get(slot.id)
            if kpi is None:
                if not slot.optional:
                    yield finding(
                        totals_at(agreement),
                        f"framework slot '{slot.id}' has no KPI in {agreement.party}'s agreement",
                        at_key=True,
                    )
                continue
            expected = slot.weight
            donors = [
                s
                for s in framework.slots
                if s.optional and s.transfer_to == slot.id and s.id not in present
            ]
            moved = known_sum(s.weight for s in donors)
            if expected is None or moved is None or kpi.weight is None:
                continue
            expected += moved
            if kpi.weight != expected:
                note = " (with weight transferred from absent slots)" if donors else ""
                yield finding(
                    kpi.where.at("weight"),
                    f"KPI '{kpi.id}' fills framework slot '{slot.id}' and must weigh "
                    f"{number(expected)}{note}, not {number(kpi.weight)}",
                )
            if kpi.dimension is not None and kpi.dimension != slot.dimension:
                yield finding(
                    kpi.where.at("dimension"),
                    f"KPI '{kpi.id}' fills slot '{slot.id}' of dimension "
                    f"'{slot.dimension}', not '{kpi.dimension}'",
                )
