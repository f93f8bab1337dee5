"""The organisation chart page: every unit of the org chart in tree order, its
head (the holder of the chart's ``head`` position, else the person the model
found heading it), its headcount from the roster (own and with sub-units),
and a link to its agreement; drawn as SVG (HTML) and Mermaid (Markdown).

:func:`org_chart_part` is the page's ``build`` function in the registry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from cascade.model.plan import PlanModel
from cascade.report.labels import pick
from cascade.report.refs import Refs
from cascade.report.registry import PartSources
from cascade.report.svg.org_chart import ChartUnit, org_chart_mermaid, org_chart_svg
from cascade.report.thai import plain_number
from cascade.report.view import Ref

HEAD = ("หัวหน้า", "Head")
STAFF = ("บุคลากร {own} คน (รวมหน่วยงานย่อย {total} คน)", "Staff {own} ({total} with sub-units)")
STAFF_LEAF = ("บุคลากร {own} คน", "Staff {own}")


@dataclass(frozen=True, slots=True)
class OrgUnit:
    """A unit of the chart: who heads it and how many people it has."""

    unit: Ref
    type: str
    depth: int
    parent: Ref | None
    head: Ref | None
    head_title: str
    headcount: int
    total: int


@dataclass(frozen=True, slots=True)
class OrgChartView:
    """The units in tree order, and the chart drawn."""

    units: tuple[OrgUnit, ...]
    svg: Markup
    mermaid: Markup


def units_depth_first(model: PlanModel, roots: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """``(unit, depth)`` of the units below each ``(root, depth)`` in turn, depth
    first in org-chart order, each unit once (a root already reached, or not a
    unit, adds nothing).  Iterative: a chain of 100,000 units is no recursion."""
    order: list[tuple[str, int]] = []
    seen: set[str] = set()
    for root in roots:
        stack = [root]
        while stack:
            unit, depth = stack.pop()
            if unit in seen or unit not in model.units:
                continue
            seen.add(unit)
            order.append((unit, depth))
            stack.extend((c, depth + 1) for c in reversed(model.units[unit].children))
    return order


def _tree(model: PlanModel) -> list[tuple[str, int]]:
    """Units depth first from the top ones (no parent in the chart), in chart order."""
    return units_depth_first(
        model, ((u.id, 0) for u in model.units.values() if u.parent not in model.units)
    )


def _head(model: PlanModel, unit: str) -> str | None:
    position = model.units[unit].head
    if position and position in model.holders:
        return model.holders[position]
    return next((p.id for p in model.people.values() if p.heads == unit), None)


def _totals(
    model: PlanModel, order: list[tuple[str, int]]
) -> tuple[dict[str, int], dict[str, int]]:
    own = {unit: 0 for unit, _ in order}
    for person in model.people.values():
        if person.unit in own:
            own[person.unit] += 1
    total = dict(own)
    for unit, _ in reversed(order):  # children come after their parent
        parent = model.units[unit].parent
        if parent in total and parent != unit:
            total[parent] += total[unit]
    return own, total


def org_chart_view(model: PlanModel, refs: Refs) -> OrgChartView:
    """The org chart of ``model`` in ``refs``' language."""
    order = _tree(model)
    own, total = _totals(model, order)
    lang = refs.lang
    units: list[OrgUnit] = []
    chart: list[ChartUnit] = []
    for unit, depth in order:
        parent = model.units[unit].parent
        head = _head(model, unit)
        row = OrgUnit(
            refs.party(unit),
            model.units[unit].spec.type or "",
            depth,
            refs.party(parent) if parent in model.units else None,
            refs.party(head) if head else None,
            refs.position_title(head) if head else "",
            own[unit],
            total[unit],
        )
        units.append(row)
        details = []
        if row.head is not None:
            title = f" ({row.head_title})" if row.head_title else ""
            details.append(f"{pick(HEAD, lang)}: {row.head.name}{title}")
        staff = STAFF if row.total != row.headcount else STAFF_LEAF
        counts = {"own": plain_number(row.headcount), "total": plain_number(row.total)}
        details.append(pick(staff, lang).format(**counts))
        href = f"{row.unit.page}.html" if row.unit.page else ""
        parent_id = row.parent.id if row.parent else None
        chart.append(ChartUnit(unit, row.unit.name, depth, parent_id, tuple(details), href))
    return OrgChartView(
        tuple(units), Markup(org_chart_svg(chart)), Markup(org_chart_mermaid(chart))
    )


def org_chart_part(sources: PartSources) -> OrgChartView:
    """The registry's ``build`` function of the ``org-chart`` page."""
    return org_chart_view(sources.model, sources.refs)
