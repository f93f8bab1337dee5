"""Roll-ups: for each organisation KPI, the owner's and supporters' KPIs that
trace to it, with their scores."""

from __future__ import annotations

from collections import deque
from decimal import Decimal

from cascade.model.plan import Kpi, PlanModel
from cascade.scoring.scorecard import RollupLine, Scorecard
from cascade.spec.common import text_of
from cascade.spec.osmatrix import OSRow


def _children(model: PlanModel) -> dict[str, list[Kpi]]:
    below: dict[str, list[Kpi]] = {}
    for kpi in model.kpis.values():
        parents = [*kpi.contributes_to]
        if isinstance(kpi.same_as, Kpi):
            parents.append(kpi.same_as)
        for parent in parents:
            below.setdefault(parent.qid, []).append(kpi)
    return below


def rollup(model: PlanModel, cards: list[Scorecard]) -> tuple[RollupLine, ...]:
    """One line per organisation KPI, its contributions in cascade order."""
    org = model.org_agreement()
    if org is None:
        return ()
    scores: dict[str, Decimal | None] = {
        line.qid: line.score for card in cards for line in card.lines
    }
    rows: dict[str, OSRow] = {}
    if model.osmatrix is not None:
        for row in model.osmatrix.rows:
            qid = model.row_qid(row.kpi)
            rows.setdefault(qid, row)
    below = _children(model)
    out: list[RollupLine] = []
    for kpi in org.kpis:
        found_row = rows.get(kpi.qid)
        owner = found_row.owner if found_row else None
        supporters = tuple(found_row.supporters) if found_row else ()
        seen: set[str] = set()
        queue = deque(below.get(kpi.qid, []))
        found: list[tuple[str, str, Decimal | None]] = []
        while queue:
            child = queue.popleft()
            if child.qid in seen:
                continue
            seen.add(child.qid)
            role = "O" if child.party == owner else "S" if child.party in supporters else "-"
            found.append((child.qid, role, scores.get(child.qid)))
            queue.extend(below.get(child.qid, []))
        out.append(
            RollupLine(
                kpi.qid, text_of(kpi.name), owner, supporters, scores.get(kpi.qid), tuple(found)
            )
        )
    return tuple(out)
